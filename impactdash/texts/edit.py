"""Texts of the staff page "Cijfers bewerken" (edit figures): one record in a form, many in a grid."""

TEXTS: dict[str, dict[str, str]] = {
    "edit_intro": {
        "nl": "Kies een gegevensset en werk één record bij in het formulier, of veel tegelijk in de tabel."
        " Wijzigingen zijn concepten tot ze gepubliceerd worden; elke wijziging komt in de audittrail.",
        "en": "Choose a data set and update one record in the form, or many at once in the table."
        " Changes are drafts until they are published; every change is recorded in the audit trail.",
    },
    "edit_dataset": {"nl": "Gegevensset", "en": "Data set"},
    "edit_mode": {"nl": "Werkwijze", "en": "Way of working"},
    "edit_mode_form": {"nl": "Eén record (formulier)", "en": "One record (form)"},
    "edit_mode_grid": {"nl": "Veel records (tabel)", "en": "Many records (table)"},
    "edit_year": {"nl": "Boekjaar", "en": "Booking year"},
    "edit_programme_filter": {"nl": "Programma", "en": "Programme"},
    "edit_all_programmes": {"nl": "Alle programma's", "en": "All programmes"},
    "edit_record": {"nl": "Record", "en": "Record"},
    "edit_new_record": {"nl": "➕ Nieuw record", "en": "➕ New record"},
    "edit_form_header": {"nl": "Record bewerken", "en": "Edit record"},
    "edit_form_header_new": {"nl": "Nieuw record", "en": "New record"},
    "edit_grid_header": {"nl": "Records in de tabel", "en": "Records in the table"},
    "edit_more_rows": {
        "nl": "Alleen de eerste {count} records worden getoond; kies een filter om de rest te zien.",
        "en": "Only the first {count} records are shown; choose a filter to see the rest.",
    },
    "edit_no_rows": {"nl": "Hier zijn nog geen records.", "en": "There are no records here yet."},
    "edit_key_fixed": {
        "nl": "De sleutelvelden van een bestaand record liggen vast.",
        "en": "The key fields of an existing record cannot change.",
    },
    "edit_number_help": {
        "nl": "Een getal, bijvoorbeeld 1234,56 of 1.234,56.",
        "en": "A number, for example 1234.56 or 1,234.56.",
    },
    "edit_date_help": {
        "nl": "Een datum, bijvoorbeeld 31-12-2025.",
        "en": "A date, for example 2025-12-31.",
    },
    "edit_choice_empty": {"nl": "— kies —", "en": "— choose —"},
    "edit_save": {"nl": "Opslaan", "en": "Save"},
    "edit_save_grid": {"nl": "Tabel opslaan", "en": "Save table"},
    "edit_delete": {"nl": "Verwijderen", "en": "Delete"},
    "edit_delete_confirm": {
        "nl": "Weet u zeker dat u ‘{record}’ wilt verwijderen? Dit komt in de audittrail en kan worden"
        " teruggedraaid.",
        "en": "Are you sure you want to delete ‘{record}’? This is recorded in the audit trail and can be"
        " reverted.",
    },
    "edit_delete_yes": {"nl": "Ja, verwijderen", "en": "Yes, delete"},
    "edit_delete_no": {"nl": "Annuleren", "en": "Cancel"},
    "edit_reload": {"nl": "Nieuwste versie laden", "en": "Load the newest version"},
    "edit_saved": {"nl": "Opgeslagen: ‘{record}’.", "en": "Saved: ‘{record}’."},
    "edit_saved_new": {"nl": "Nieuw record opgeslagen: ‘{record}’.", "en": "New record saved: ‘{record}’."},
    "edit_saved_change": {"nl": "{field}: {old} → {new}", "en": "{field}: {old} → {new}"},
    "edit_saved_nothing": {
        "nl": "Opgeslagen: ‘{record}’ — er is niets veranderd.",
        "en": "Saved: ‘{record}’ — nothing changed.",
    },
    "edit_deleted": {"nl": "Verwijderd: ‘{record}’.", "en": "Deleted: ‘{record}’."},
    "edit_grid_saved": {
        "nl": "Tabel opgeslagen: {count} records toegevoegd of gewijzigd, {deleted} verwijderd.",
        "en": "Table saved: {count} records added or changed, {deleted} deleted.",
    },
    "edit_grid_saved_one": {
        "nl": "Tabel opgeslagen: {count} record toegevoegd of gewijzigd, {deleted} verwijderd.",
        "en": "Table saved: {count} record added or changed, {deleted} deleted.",
    },
    "edit_grid_nothing": {
        "nl": "Er is niets gewijzigd in de tabel.",
        "en": "Nothing was changed in the table.",
    },
    "edit_grid_help": {
        "nl": "Wijzig cellen, voeg onderaan rijen toe of verwijder rijen, en sla daarna alles in één keer op."
        " Als één rij niet klopt, wordt niets opgeslagen.",
        "en": "Change cells, add rows at the bottom or delete rows, then save everything at once."
        " If one row is wrong, nothing is saved.",
    },
    "edit_yes": {"nl": "ja", "en": "yes"},
    "edit_no": {"nl": "nee", "en": "no"},
    "edit_ambition_name": {"nl": "{measure}, streefdatum {date}", "en": "{measure}, target date {date}"},
    "edit_reference_empty": {"nl": "— geen —", "en": "— none —"},
    # A record someone else deleted or changed while it was open here.
    "edit_gone_by": {
        "nl": "Dit record is intussen verwijderd door {actor} op {time}. Er is niets opgeslagen; uw invoer"
        " staat er nog. U kunt het opslaan als nieuw record, of een ander record kiezen.",
        "en": "This record was deleted meanwhile by {actor} on {time}. Nothing was saved; what you typed is"
        " still here. You can save it as a new record, or choose another record.",
    },
    "edit_gone_unknown": {
        "nl": "Dit record is intussen verwijderd. Er is niets opgeslagen; uw invoer staat er nog. U kunt het"
        " opslaan als nieuw record, of een ander record kiezen.",
        "en": "This record was deleted meanwhile. Nothing was saved; what you typed is still here. You can save"
        " it as a new record, or choose another record.",
    },
    "edit_changed_by": {
        "nl": "Dit record is intussen gewijzigd door {actor} op {time}. Uw invoer staat er nog; laad de"
        " nieuwste versie om de nieuwe gegevens te zien en breng uw wijziging daarna opnieuw aan.",
        "en": "This record was changed meanwhile by {actor} on {time}. What you typed is still here; load the"
        " newest version to see the new figures, then make your change again.",
    },
    "edit_changed_unknown": {
        "nl": "Dit record is intussen gewijzigd. Uw invoer staat er nog; laad de nieuwste versie om de nieuwe"
        " gegevens te zien en breng uw wijziging daarna opnieuw aan.",
        "en": "This record was changed meanwhile. What you typed is still here; load the newest version to see"
        " the new figures, then make your change again.",
    },
    "edit_save_as_new": {"nl": "Opslaan als nieuw record", "en": "Save as a new record"},
    "edit_date_after_reporting": {
        "nl": "{field} {date} ligt na de peildatum {reporting}; klopt het jaartal?",
        "en": "{field} {date} is after the reporting date {reporting}; is the year right?",
    },
    "edit_late_more": {
        "nl": "… en nog {count} rijen met een datum na de peildatum.",
        "en": "… and {count} more rows with a date after the reporting date.",
    },
    "edit_late_more_one": {
        "nl": "… en nog {count} rij met een datum na de peildatum.",
        "en": "… and {count} more row with a date after the reporting date.",
    },
    "edit_saved_but": {
        "nl": "Opgeslagen, maar kijk dit na:",
        "en": "Saved, but please check:",
    },
}

#: The values of choice fields in words, by data set, field and value: (Dutch, English).
_CHOICES: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("programme", "lead"): {"municipality": ("Gemeente", "Municipality"), "partner": ("Partner", "Partner")},
    ("budget", "moment"): {
        "original": ("Primaire begroting", "Original budget"),
        "spring": ("Voorjaarsnota", "Spring amendment"),
        "autumn": ("Najaarsnota", "Autumn amendment"),
        "final": ("Jaarrekening", "Final accounts"),
    },
    ("spend", "counterparty_kind"): {
        "impact_enterprise": ("Impactondernemer", "Impact enterprise"),
        "supplier": ("Leverancier", "Supplier"),
        "partner": ("Partner", "Partner"),
        "knowledge_institution": ("Kennisinstelling", "Knowledge institution"),
        "government": ("Overheid", "Government"),
        "foundation": ("Stichting of fonds", "Foundation"),
        "other": ("Overig", "Other"),
    },
    ("cofunding", "funder_kind"): {
        "private": ("Particulier of bedrijf", "Private"),
        "financier": ("Financier", "Financier"),
        "foundation": ("Stichting of fonds", "Foundation"),
        "province": ("Provincie", "Province"),
        "national": ("Rijk", "National government"),
        "eu": ("Europese Unie", "European Union"),
        "other": ("Overig", "Other"),
    },
    ("property", "rent_regime"): {
        "market": ("Markthuur", "Market rent"),
        "reduced": ("Verlaagde huur", "Reduced rent"),
        "social": ("Sociale huur", "Social rent"),
        "free": ("Gratis", "Free"),
    },
    ("organisation", "kind"): {
        "impact_enterprise": ("Impactonderneming", "Impact enterprise"),
        "financier": ("Financier", "Financier"),
        "supplier": ("Leverancier", "Supplier"),
        "knowledge_institution": ("Kennisinstelling", "Knowledge institution"),
        "government": ("Overheid", "Government"),
        "foundation_ngo": ("Stichting of ngo", "Foundation or NGO"),
        "corporate": ("Bedrijf", "Corporate"),
    },
    ("connection", "kind"): {
        "introduction": ("Introductie", "Introduction"),
        "customer": ("Klant", "Customer"),
        "investment": ("Investering", "Investment"),
        "partnership": ("Samenwerking", "Partnership"),
        "mentoring": ("Mentoring", "Mentoring"),
        "knowledge": ("Kennisdeling", "Knowledge sharing"),
    },
    ("note", "subject_kind"): {
        "metric": ("Maatstaf", "Measure"),
        "programme": ("Programma", "Programme"),
        "property": ("Pand", "Property"),
        "ambition": ("Ambitie", "Ambition"),
    },
    ("note", "visibility"): {
        "public": ("Openbaar", "Public"),
        "internal": ("Intern", "Internal"),
    },
}
TEXTS.update(
    {
        f"edit_choice_{dataset}_{field}_{value}": {"nl": nl, "en": en}
        for (dataset, field), values in _CHOICES.items()
        for value, (nl, en) in values.items()
    }
)
