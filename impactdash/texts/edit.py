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
}
