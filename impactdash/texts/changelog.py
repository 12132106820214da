"""Texts of the complete "what changed" list (staff page, approval screen) and the public change log."""

#: Subjects: one per table the public sees, and the measures' values.
_SUBJECTS = {
    "app_setting": ("Instellingen", "Settings"),
    "municipality": ("Gemeenten", "Municipalities"),
    "population": ("Inwoners", "Population"),
    "domain": ("Domeinen", "Domains"),
    "instrument": ("Instrumenten", "Instruments"),
    "metric": ("Maatstaven", "Measures"),
    "programme": ("Programma's", "Programmes"),
    "ambition": ("Ambities en doelen", "Ambitions and targets"),
    "milestone": ("Mijlpalen", "Milestones"),
    "programme_ambition": ("Programma's bij ambities", "Programmes of ambitions"),
    "budget": ("Begroting per P&C-moment", "Budget per planning-and-control moment"),
    "spend": ("Uitgaven (totaal per programma en jaar)", "Spend (total per programme and year)"),
    "cofunding": ("Cofinanciering", "Co-funding"),
    "property": ("Panden", "Properties"),
    "occupancy": ("Bezetting", "Occupancy"),
    "observation": ("Waarnemingen", "Observations"),
    "organisation": ("Organisaties", "Organisations"),
    "connection": (
        "Verbindingen (aantal per gemeente en soort)",
        "Connections (count per municipality and kind)",
    ),
    "note": ("Toelichtingen", "Notes"),
    "metric_value": ("Waarden van maatstaven", "Values of measures"),
}

#: Fields: the columns of those tables, by name.
_FIELDS = {
    "address": ("Adres", "Address"),
    "aggregation": ("Optelling", "Aggregation"),
    "amount": ("Bedrag", "Amount"),
    "available_from": ("Beschikbaar vanaf", "Available from"),
    "available_until": ("Beschikbaar tot", "Available until"),
    "baseline_date": ("Datum nulmeting", "Baseline date"),
    "baseline_value": ("Nulmeting", "Baseline"),
    "body": ("Tekst", "Text"),
    "body_en": ("Tekst (Engels)", "Text (English)"),
    "connections": ("Aantal verbindingen", "Number of connections"),
    "created_at": ("Geschreven op", "Written on"),
    "cumulative": ("Cumulatief", "Cumulative"),
    "definition_en": ("Definitie (Engels)", "Definition (English)"),
    "definition_nl": ("Definitie (Nederlands)", "Definition (Dutch)"),
    "description": ("Beschrijving", "Description"),
    "description_en": ("Beschrijving (Engels)", "Description (English)"),
    "description_nl": ("Beschrijving (Nederlands)", "Description (Dutch)"),
    "direction": ("Richting", "Direction"),
    "district": ("Wijk", "District"),
    "document": ("Document", "Document"),
    "document_en": ("Document (Engelse titel)", "Document (English title)"),
    "document_url": ("Link naar document", "Link to document"),
    "domain_code": ("Domein", "Domain"),
    "end_date": ("Einddatum", "End date"),
    "gross_floor_m2": ("Bruto vloeroppervlak", "Gross floor area"),
    "headline": ("Kerncijfer", "Headline figure"),
    "impact_floor_m2": ("Impactoppervlak", "Impact floor area"),
    "impact_tenants": ("Impacthuurders", "Impact tenants"),
    "inhabitants": ("Inwoners", "Inhabitants"),
    "instrument_code": ("Instrument", "Instrument"),
    "is_demo": ("Voorbeeldgegevens", "Demo data"),
    "iv3_task_field": ("Iv3-taakveld", "Iv3 task field"),
    "joined_date": ("Aangesloten op", "Joined on"),
    "kind": ("Soort", "Kind"),
    "latitude": ("Breedtegraad", "Latitude"),
    "lead": ("Trekker", "Lead"),
    "left_date": ("Vertrokken op", "Left on"),
    "lines": ("Aantal boekingen", "Number of entries"),
    "longitude": ("Lengtegraad", "Longitude"),
    "metric_code": ("Maatstaf", "Measure"),
    "municipality_code": ("Gemeente", "Municipality"),
    "name": ("Naam", "Name"),
    "name_en": ("Naam (Engels)", "Name (English)"),
    "name_nl": ("Naam (Nederlands)", "Name (Dutch)"),
    "occupied_m2": ("Bezette m²", "Occupied m²"),
    "partner_name": ("Partner", "Partner"),
    "period": ("Periode", "Period"),
    "period_end": ("Periode tot", "Period to"),
    "period_start": ("Periode vanaf", "Period from"),
    "pillar_start": ("Start pijler", "Start of the pillar"),
    "programme_code": ("Programma", "Programme"),
    "province": ("Provincie", "Province"),
    "rent_discount_eur_year": ("Huurkorting per jaar", "Rent discount per year"),
    "rent_regime": ("Huurregime", "Rent regime"),
    "sdgs": ("SDG's", "SDGs"),
    "sort": ("Volgorde", "Order"),
    "source": ("Bron", "Source"),
    "source_en": ("Bron (Engels)", "Source (English)"),
    "source_nl": ("Bron (Nederlands)", "Source (Dutch)"),
    "start_date": ("Startdatum", "Start date"),
    "subject_code": ("Onderwerp", "Subject"),
    "subject_kind": ("Soort onderwerp", "Kind of subject"),
    "target_date": ("Doeldatum", "Target date"),
    "target_value": ("Doel", "Target"),
    "tenants": ("Huurders", "Tenants"),
    "unit": ("Eenheid", "Unit"),
    "value": ("Waarde", "Value"),
}

#: Kinds of connection between organisations (the ecosystem's links).
_LINKS = {
    "introduction": ("introductie", "introduction"),
    "customer": ("klant", "customer"),
    "investment": ("investering", "investment"),
    "partnership": ("samenwerking", "partnership"),
    "mentoring": ("mentoring", "mentoring"),
    "knowledge": ("kennisdeling", "knowledge sharing"),
}

TEXTS: dict[str, dict[str, str]] = {
    **{f"changes_subject_{k}": {"nl": nl, "en": en} for k, (nl, en) in _SUBJECTS.items()},
    **{f"changes_field_{k}": {"nl": nl, "en": en} for k, (nl, en) in _FIELDS.items()},
    **{f"changes_link_{k}": {"nl": nl, "en": en} for k, (nl, en) in _LINKS.items()},
    "changes_all_intro": {
        "nl": "Alles wat het publiek ziet en verschilt tussen twee versies, per onderwerp: doelen, mijlpalen,"
        " waarden van maatstaven, begroting, uitgaven, panden en bezetting, programma's, organisaties,"
        " verbindingen en toelichtingen.",
        "en": "Everything the public sees that differs between two versions, by subject: targets, milestones,"
        " values of measures, budgets, spend, properties and occupancy, programmes, organisations,"
        " connections and notes.",
    },
    "changes_col_item": {"nl": "Wat", "en": "What"},
    "changes_col_field": {"nl": "Gegeven", "en": "Field"},
    "changes_col_subject_all": {"nl": "Onderwerp", "en": "Subject"},
    "changes_whole_row": {"nl": "(hele regel)", "en": "(whole row)"},
    "changes_all_count": {
        "nl": "{count} wijzigingen.",
        "en": "{count} changes.",
    },
    "changes_all_count_subjects": {
        "nl": "{changes} in {count} onderwerpen.",
        "en": "{changes} in {count} subjects.",
    },
    "changes_all_count_subjects_one": {
        "nl": "{changes} in {count} onderwerp.",
        "en": "{changes} in {count} subject.",
    },
    "changes_count": {"nl": "{count} wijzigingen", "en": "{count} changes"},
    "changes_all_count_one": {"nl": "{count} wijziging.", "en": "{count} change."},
    "changes_all_none": {
        "nl": "Niets dat het publiek ziet verschilt.",
        "en": "Nothing the public sees differs.",
    },
    "changes_group": {"nl": "{subject} ({count})", "en": "{subject} ({count})"},
    "changes_group_first": {
        "nl": "De eerste {shown} van {count}; de download bevat alles.",
        "en": "The first {shown} of {count}; the download holds them all.",
    },
    "changes_note_item": {"nl": "Toelichting {id}", "en": "Note {id}"},
    "changes_yes": {"nl": "ja", "en": "yes"},
    "changes_no": {"nl": "nee", "en": "no"},
    "changes_quarter": {"nl": "K{quarter} {year}", "en": "Q{quarter} {year}"},
    "changes_setting_reporting_date": {"nl": "Peildatum", "en": "Reporting date"},
    "changes_setting_dataset": {"nl": "Gegevensbron", "en": "Data set"},
    # The approval screen.
    "publish_review_changes": {
        "nl": "Wat het publiek anders ziet als u dit goedkeurt",
        "en": "What the public will see differently if you approve this",
    },
    "publish_review_first": {
        "nl": "Er is nog niets gepubliceerd: alles in deze publicatie wordt nieuw zichtbaar.",
        "en": "Nothing is published yet: everything in this publication becomes visible.",
    },
    "publish_decision_public": {
        "nl": "Bij goedkeuren staat deze toelichting openbaar op de pagina ‘Wijzigingen per publicatie’.",
        "en": "On approval, this note is shown to the public on the page ‘Changes per publication’.",
    },
    # The public change log.
    "page_changelog": {"nl": "Wijzigingen per publicatie", "en": "Changes per publication"},
    "changelog_intro": {
        "nl": "Per publicatie: wat er veranderde ten opzichte van de vorige publicatie, in cijfers, doelen"
        " en toelichtingen. Zo is na te gaan wanneer een cijfer of een doel is aangepast.",
        "en": "For each publication: what changed since the previous one, in figures, targets and notes."
        " So anyone can trace when a figure or a target was changed.",
    },
    "changelog_pick": {"nl": "Publicatie", "en": "Publication"},
    "changelog_option": {"nl": "{label} · {date}", "en": "{label} · {date}"},
    "changelog_meta": {
        "nl": "**{label}**, gepubliceerd op {date}.",
        "en": "**{label}**, published on {date}.",
    },
    "changelog_note": {"nl": "Toelichting bij de goedkeuring: {note}", "en": "Note on approval: {note}"},
    "changelog_since": {
        "nl": "Veranderd sinds de vorige publicatie, {label} ({date}):",
        "en": "Changed since the previous publication, {label} ({date}):",
    },
    "changelog_first": {
        "nl": "Dit is de eerste publicatie: alle cijfers zijn nieuw.",
        "en": "This is the first publication: every figure is new.",
    },
    "changelog_link": {
        "nl": "Wat is er veranderd in deze publicatie?",
        "en": "What changed in this publication?",
    },
    # The method page.
    "method_changelog": {"nl": "Wijzigingen en doelen", "en": "Changes and targets"},
    "method_changelog_text": {
        "nl": "Cijfers worden pas openbaar als een tweede persoon een publicatie goedkeurt, en die ziet vooraf"
        " alles wat het publiek anders gaat zien. De pagina ‘Wijzigingen per publicatie’ toont per publicatie wat er veranderde"
        " ten opzichte van de vorige: cijfers, doelen, mijlpalen en toelichtingen. Is een doel aangepast nadat"
        " het was vastgesteld, dan staat bij dat doel ✎ en is het eerdere doel met één klik te zien.",
        "en": "Figures only become public when a second person approves a publication, and that person first"
        " sees everything the public will see differently. The page ‘Changes per publication’ shows, for each publication, what"
        " changed since the previous one: figures, targets, milestones and notes. When a target was changed"
        " after it was set, it is marked ✎ and the earlier target is one click away.",
    },
    # Changed targets, wherever a target is shown.
    "target_changed": {"nl": "✎ doel gewijzigd", "en": "✎ target changed"},
    "target_changed_was": {
        "nl": "Doel gewijzigd: was {value} per {date} tot publicatie {label} ({published}).",
        "en": "Target changed: was {value} by {date} until publication {label} ({published}).",
    },
    "target_changed_legend": {
        "nl": "✎ Het doel is gewijzigd nadat het was vastgesteld; het eerdere doel staat bij de ambitie"
        " hieronder en op de pagina ‘Wijzigingen per publicatie’.",
        "en": "✎ The target was changed after it was set; the earlier target is shown with the ambition"
        " below and on the page ‘Changes per publication’.",
    },
}
