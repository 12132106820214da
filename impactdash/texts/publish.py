"""Texts of publishing: the publish page, the banners, and the refusals."""

TEXTS: dict[str, dict[str, str]] = {
    "page_publish": {"nl": "Publiceren", "en": "Publishing"},
    "page_changes": {"nl": "Wat is veranderd", "en": "What changed"},
    "publish_working": {"nl": "Bezig…", "en": "Working…"},
    "publish_intro": {
        "nl": "Publiek zichtbaar worden alleen cijfers die iemand heeft aangevraagd en een ander heeft"
        " goedgekeurd. Bij de aanvraag wordt een vaste kopie van de publieke cijfers gemaakt; wie"
        " goedkeurt, keurt precies die kopie goed.",
        "en": "Only figures that one person requested and another approved become public. A request"
        " takes a fixed copy of the public figures; whoever approves, approves exactly that copy.",
    },
    "publish_current": {
        "nl": "Huidige publicatie: **{label}**, gepubliceerd op {date}.",
        "en": "Current publication: **{label}**, published on {date}.",
    },
    "publish_none_yet": {
        "nl": "Er is nog niets gepubliceerd: het publiek ziet nog geen cijfers.",
        "en": "Nothing has been published yet: the public sees no figures.",
    },
    "publish_request_header": {"nl": "Publicatie aanvragen", "en": "Request a publication"},
    "publish_label": {"nl": "Naam van de publicatie", "en": "Name of the publication"},
    "publish_label_help": {"nl": "Bijvoorbeeld ‘Q3 2026’.", "en": "For example ‘Q3 2026’."},
    "publish_note": {"nl": "Toelichting voor wie goedkeurt", "en": "Note for the approver"},
    "publish_request_button": {"nl": "Publicatie aanvragen", "en": "Request publication"},
    "publish_requested": {
        "nl": "Publicatie {id} is aangevraagd. Een ander dan u moet haar nu goedkeuren.",
        "en": "Publication {id} has been requested. Somebody other than you must now approve it.",
    },
    "publish_pending_header": {"nl": "Wacht op goedkeuring", "en": "Awaiting approval"},
    "publish_pending_none": {"nl": "Er wacht geen aanvraag.", "en": "No request is waiting."},
    "publish_pending_entry": {
        "nl": "{label} · aangevraagd door {by} op {date}",
        "en": "{label} · requested by {by} on {date}",
    },
    "publish_decision_note": {"nl": "Toelichting bij uw besluit", "en": "Note on your decision"},
    "publish_approve_button": {"nl": "Goedkeuren en publiceren", "en": "Approve and publish"},
    "publish_reject_button": {"nl": "Afwijzen", "en": "Reject"},
    "publish_approved": {
        "nl": "Publicatie {id} is goedgekeurd en is nu wat het publiek ziet.",
        "en": "Publication {id} has been approved and is now what the public sees.",
    },
    "publish_rejected": {"nl": "Publicatie {id} is afgewezen.", "en": "Publication {id} has been rejected."},
    "publish_own_waiting": {
        "nl": "Dit is uw eigen aanvraag: iemand anders moet haar goedkeuren.",
        "en": "This is your own request: somebody else must approve it.",
    },
    "publish_history_header": {"nl": "Alle publicaties", "en": "All publications"},
    "publish_withdraw_header": {"nl": "Publicatie intrekken", "en": "Withdraw a publication"},
    "publish_withdraw_which": {"nl": "Publicatie", "en": "Publication"},
    "publish_withdraw_button": {"nl": "Intrekken", "en": "Withdraw"},
    "publish_withdraw_help": {
        "nl": "De vorige goedgekeurde publicatie wordt dan weer de huidige. Het intrekken staat in de audittrail.",
        "en": "The previous approved publication then becomes current again. The withdrawal is in the audit trail.",
    },
    "publish_withdrawn": {
        "nl": "Publicatie {id} is ingetrokken.",
        "en": "Publication {id} has been withdrawn.",
    },
    "publish_col_id": {"nl": "Nr.", "en": "No."},
    "publish_col_label": {"nl": "Naam", "en": "Name"},
    "publish_col_status": {"nl": "Status", "en": "Status"},
    "publish_col_requested": {"nl": "Aangevraagd", "en": "Requested"},
    "publish_col_requested_by": {"nl": "Door", "en": "By"},
    "publish_col_decided": {"nl": "Besloten", "en": "Decided"},
    "publish_col_decided_by": {"nl": "Besloten door", "en": "Decided by"},
    "publish_col_note": {"nl": "Toelichting", "en": "Note"},
    "publish_status_requested": {"nl": "wacht op goedkeuring", "en": "awaiting approval"},
    "publish_status_approved": {"nl": "gepubliceerd", "en": "published"},
    "publish_status_current": {"nl": "gepubliceerd (huidig)", "en": "published (current)"},
    "publish_status_rejected": {"nl": "afgewezen", "en": "rejected"},
    "publish_status_withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
    # Refusals
    "publish_label_missing": {
        "nl": "Geef de publicatie een naam, bijvoorbeeld ‘Q3 2026’.",
        "en": "Give the publication a name, for example ‘Q3 2026’.",
    },
    "publish_too_long": {
        "nl": "Te lang: ten hoogste {maximum} tekens.",
        "en": "Too long: at most {maximum} characters.",
    },
    "publish_unknown": {"nl": "Publicatie {id} bestaat niet.", "en": "Publication {id} does not exist."},
    "publish_not_pending": {
        "nl": "Over publicatie {id} is al besloten.",
        "en": "Publication {id} has already been decided on.",
    },
    "publish_own_request": {
        "nl": "U kunt uw eigen aanvraag niet goedkeuren of afwijzen: dat doet een ander (vier ogen).",
        "en": "You cannot approve or reject your own request: somebody else does (four eyes).",
    },
    "publish_snapshot_damaged": {
        "nl": "De kopie van publicatie {id} ontbreekt of is gewijzigd; wijs de aanvraag af en vraag opnieuw aan.",
        "en": "The copy of publication {id} is missing or has changed; reject the request and request again.",
    },
    "publish_not_approved": {
        "nl": "Publicatie {id} is niet gepubliceerd en kan dus niet worden ingetrokken.",
        "en": "Publication {id} is not published, so it cannot be withdrawn.",
    },
    # Banners on every page
    "published_banner": {
        "nl": "Cijfers zoals gepubliceerd op {date} ({label}).",
        "en": "Figures as published on {date} ({label}).",
    },
    "draft_banner": {
        "nl": "U ziet de **conceptcijfers**: die zijn nog niet gepubliceerd. Het publiek ziet {current}.",
        "en": "You are looking at the **draft figures**: they have not been published. The public sees {current}.",
    },
    "draft_banner_current": {
        "nl": "de publicatie ‘{label}’ van {date}",
        "en": "the publication ‘{label}’ of {date}",
    },
    "draft_banner_nothing": {"nl": "nog geen cijfers", "en": "no figures yet"},
    "draft_banner_changed": {
        "nl": "{count} cijfers wijken af van de huidige publicatie; ze zijn gemarkeerd met ✎.",
        "en": "{count} figures differ from the current publication; they are marked with ✎.",
    },
    "draft_banner_changed_one": {
        "nl": "1 cijfer wijkt af van de huidige publicatie; het is gemarkeerd met ✎.",
        "en": "1 figure differs from the current publication; it is marked with ✎.",
    },
    "draft_banner_same": {
        "nl": "Geen cijfer wijkt af van de huidige publicatie.",
        "en": "No figure differs from the current publication.",
    },
    "figures_switch": {"nl": "Cijfers", "en": "Figures"},
    "figures_draft": {"nl": "Concept", "en": "Draft"},
    "figures_published": {"nl": "Gepubliceerd", "en": "Published"},
    "nothing_published": {
        "nl": "Er zijn nog geen cijfers gepubliceerd. Kom later terug.",
        "en": "No figures have been published yet. Please come back later.",
    },
    "changed_mark": {"nl": "✎ gewijzigd t.o.v. publicatie", "en": "✎ changed since publication"},
    "audit_set_publication": {"nl": "publicaties", "en": "publications"},
    "audit_action_publication_request": {"nl": "publicatie aangevraagd", "en": "publication requested"},
    "audit_action_publication_approve": {"nl": "publicatie goedgekeurd", "en": "publication approved"},
    "audit_action_publication_reject": {"nl": "publicatie afgewezen", "en": "publication rejected"},
    "audit_action_publication_withdraw": {"nl": "publicatie ingetrokken", "en": "publication withdrawn"},
}
