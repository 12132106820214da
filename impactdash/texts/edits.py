"""Texts of editing and importing: validation problems, conflicts, reverts and upload refusals."""

TEXTS: dict[str, dict[str, str]] = {
    # Where a problem is: a form field, a grid or spreadsheet row, or both.
    "edit_at_field": {"nl": "Veld ‘{field}’: {text}", "en": "Field ‘{field}’: {text}"},
    "edit_at_row": {"nl": "Rij {row}: {text}", "en": "Row {row}: {text}"},
    "edit_at_row_field": {
        "nl": "Rij {row}, veld ‘{field}’: {text}",
        "en": "Row {row}, field ‘{field}’: {text}",
    },
    "edit_invalid": {
        "nl": "Er is niets opgeslagen: {count} problemen gevonden.",
        "en": "Nothing was saved: {count} problems found.",
    },
    "edit_invalid_one": {
        "nl": "Er is niets opgeslagen: {count} probleem gevonden.",
        "en": "Nothing was saved: {count} problem found.",
    },
    "edit_more_problems": {
        "nl": "… en nog {count} problemen (alleen de eerste worden getoond).",
        "en": "… and {count} more problems (only the first are shown).",
    },
    "edit_more_problems_one": {
        "nl": "… en nog {count} probleem (alleen de eerste worden getoond).",
        "en": "… and {count} more problem (only the first are shown).",
    },
    # One value.
    "edit_required": {"nl": "is verplicht.", "en": "is required."},
    "edit_required_when": {
        "nl": "is verplicht als ‘{other}’ ‘{other_value}’ is.",
        "en": "is required when ‘{other}’ is ‘{other_value}’.",
    },
    "edit_ambiguous_number": {
        "nl": "‘{value}’ kan {whole} of {fraction} zijn: het bestand laat niet zien of {separator}"
        " duizendtallen of decimalen scheidt. Schrijf {whole} of {fraction}.",
        "en": "‘{value}’ could be {whole} or {fraction}: the file does not show whether {separator}"
        " separates thousands or decimals. Write {whole} or {fraction}.",
    },
    "edit_separator_point": {"nl": "de punt", "en": "the point"},
    "edit_separator_comma": {"nl": "de komma", "en": "the comma"},
    "edit_not_number": {"nl": "‘{value}’ is geen getal.", "en": "‘{value}’ is not a number."},
    "edit_not_integer": {"nl": "‘{value}’ is geen geheel getal.", "en": "‘{value}’ is not a whole number."},
    "edit_too_many_decimals": {
        "nl": "‘{value}’ heeft meer dan {decimals} decimalen.",
        "en": "‘{value}’ has more than {decimals} decimals.",
    },
    "edit_not_date": {
        "nl": "‘{value}’ is geen datum; schrijf bijvoorbeeld 31-12-2025 of 2025-12-31 (jaar in vier cijfers).",
        "en": "‘{value}’ is not a date; write e.g. 31-12-2025 or 2025-12-31 (a four-digit year).",
    },
    "edit_not_bool": {
        "nl": "‘{value}’ is geen ja of nee (ja/nee, waar/onwaar, 1/0).",
        "en": "‘{value}’ is not yes or no (yes/no, true/false, 1/0).",
    },
    "edit_not_choice": {
        "nl": "‘{value}’ is geen toegestane waarde; kies uit: {choices}.",
        "en": "‘{value}’ is not an allowed value; choose from: {choices}.",
    },
    "edit_pattern": {
        "nl": "‘{value}’ heeft niet de goede vorm (bijvoorbeeld {example}).",
        "en": "‘{value}’ does not have the right form (for example {example}).",
    },
    "edit_min": {"nl": "‘{value}’ is kleiner dan {limit}.", "en": "‘{value}’ is less than {limit}."},
    "edit_min_exclusive": {
        "nl": "‘{value}’ moet groter zijn dan {limit}.",
        "en": "‘{value}’ must be greater than {limit}.",
    },
    "edit_max": {"nl": "‘{value}’ is groter dan {limit}.", "en": "‘{value}’ is greater than {limit}."},
    "edit_max_exclusive": {
        "nl": "‘{value}’ moet kleiner zijn dan {limit}.",
        "en": "‘{value}’ must be less than {limit}.",
    },
    "edit_zero": {
        "nl": "het bedrag mag niet 0 zijn (een correctie is een negatief bedrag).",
        "en": "the amount may not be 0 (a correction is a negative amount).",
    },
    "edit_reference": {
        "nl": "‘{value}’ komt niet voor bij de {target}.",
        "en": "‘{value}’ is not one of the {target}.",
    },
    "edit_table_domain": {"nl": "domeinen", "en": "domains"},
    # Keys.
    "edit_duplicate_row": {
        "nl": "‘{value}’ ({keys}) staat al in rij {other_row}.",
        "en": "‘{value}’ ({keys}) is already in row {other_row}.",
    },
    "edit_exists": {
        "nl": "‘{value}’ ({keys}) bestaat al; open dat record om het te wijzigen.",
        "en": "‘{value}’ ({keys}) already exists; open that record to change it.",
    },
    "edit_unique_taken": {
        "nl": "‘{value}’ ({keys}) is al in gebruik bij een ander record.",
        "en": "‘{value}’ ({keys}) is already used by another record.",
    },
    "edit_no_insert": {
        "nl": "‘{value}’ bestaat niet; hier kunnen geen nieuwe records worden toegevoegd.",
        "en": "‘{value}’ does not exist; new records cannot be added here.",
    },
    "edit_key_changed": {
        "nl": "de sleutel ({keys}) van een bestaand record kan niet worden gewijzigd; verwijder het record en voeg"
        " een nieuw toe.",
        "en": "the key ({keys}) of an existing record cannot be changed; delete the record and add a new one.",
    },
    "edit_unknown_id": {
        "nl": "er is geen record met nummer ‘{value}’; laat het nummer leeg voor een nieuw record.",
        "en": "there is no record number ‘{value}’; leave the number empty for a new record.",
    },
    # Two fields of one row.
    "edit_cmp_ge": {
        "nl": "‘{value}’ ligt vóór of onder ‘{other}’ ({other_value}).",
        "en": "‘{value}’ is before or below ‘{other}’ ({other_value}).",
    },
    "edit_cmp_gt": {
        "nl": "‘{value}’ moet na of boven ‘{other}’ ({other_value}) liggen.",
        "en": "‘{value}’ must be after or above ‘{other}’ ({other_value}).",
    },
    "edit_cmp_le": {
        "nl": "‘{value}’ is meer dan ‘{other}’ ({other_value}).",
        "en": "‘{value}’ is more than ‘{other}’ ({other_value}).",
    },
    "edit_cmp_lt": {
        "nl": "‘{value}’ moet vóór of onder ‘{other}’ ({other_value}) liggen.",
        "en": "‘{value}’ must be before or below ‘{other}’ ({other_value}).",
    },
    "edit_cmp_ne": {
        "nl": "‘{value}’ mag niet gelijk zijn aan ‘{other}’.",
        "en": "‘{value}’ may not be the same as ‘{other}’.",
    },
    # Across tables.
    "edit_occupancy_above_floor": {
        "nl": "{value} m² is meer dan het impactvloeroppervlak van pand {ref} ({limit} m²).",
        "en": "{value} m² is more than the impact floor area of property {ref} ({limit} m²).",
    },
    "edit_property_below_occupancy": {
        "nl": "{value} m² is minder dan er in pand {ref} al verhuurd is geweest ({limit} m²).",
        "en": "{value} m² is less than has already been let in property {ref} ({limit} m²).",
    },
    "edit_milestone_before_baseline": {
        "nl": "{value} ligt niet na de nulmeting van ambitie {ref} ({limit}).",
        "en": "{value} is not after the baseline of ambition {ref} ({limit}).",
    },
    "edit_milestone_after_target": {
        "nl": "{value} ligt niet vóór de streefdatum van ambitie {ref} ({limit}).",
        "en": "{value} is not before the target date of ambition {ref} ({limit}).",
    },
    "edit_ambition_after_milestone": {
        "nl": "{value} ligt niet vóór de eerste mijlpaal van deze ambitie ({limit}).",
        "en": "{value} is not before this ambition's first milestone ({limit}).",
    },
    "edit_ambition_before_milestone": {
        "nl": "{value} ligt niet na de laatste mijlpaal van deze ambitie ({limit}).",
        "en": "{value} is not after this ambition's last milestone ({limit}).",
    },
    "edit_metric_not_observed": {
        "nl": "‘{value}’ wordt berekend uit de andere gegevens; waarnemingen kunnen alleen voor gemeten maatstaven.",
        "en": "‘{value}’ is derived from the other figures; observations are only for observed measures.",
    },
    "edit_subject_missing": {
        "nl": "‘{value}’ komt niet voor bij de {target}.",
        "en": "‘{value}’ is not one of the {target}.",
    },
    # Saving, deleting, conflicts.
    "edit_not_found": {
        "nl": "Record ‘{record}’ bestaat niet (meer).",
        "en": "Record ‘{record}’ does not exist (any more).",
    },
    "edit_conflict_changed": {
        "nl": "Iemand anders heeft ‘{record}’ gewijzigd nadat u het opende. Er is niets opgeslagen; uw invoer staat"
        " er nog. Laad het record opnieuw om de nieuwe gegevens te zien en breng uw wijziging daarna opnieuw aan.",
        "en": "Someone else changed ‘{record}’ after you opened it. Nothing was saved; what you typed is still here."
        " Reload the record to see the new figures, then make your change again.",
    },
    "edit_conflict_deleted": {
        "nl": "‘{record}’ is verwijderd nadat u het opende. Er is niets opgeslagen; uw invoer staat er nog.",
        "en": "‘{record}’ was deleted after you opened it. Nothing was saved; what you typed is still here.",
    },
    "edit_conflict_concurrent": {
        "nl": "Iemand anders sloeg tegelijk dezelfde gegevens op. Er is niets opgeslagen; probeer het opnieuw.",
        "en": "Someone else saved the same figures at the same moment. Nothing was saved; please try again.",
    },
    "edit_no_delete": {
        "nl": "Records van deze gegevensset kunnen niet worden verwijderd.",
        "en": "Records of this data set cannot be deleted.",
    },
    "edit_in_use": {
        "nl": "Dit record kan niet worden verwijderd: {count} records bij de {target} verwijzen ernaar.",
        "en": "This record cannot be deleted: {count} records in {target} refer to it.",
    },
    "edit_in_use_one": {
        "nl": "Dit record kan niet worden verwijderd: {count} record bij de {target} verwijst ernaar.",
        "en": "This record cannot be deleted: {count} record in {target} refers to it.",
    },
    "edit_db_refused": {
        "nl": "De database weigerde de wijziging; er is niets opgeslagen ({detail}).",
        "en": "The database refused the change; nothing was saved ({detail}).",
    },
    "edit_locked_by_references": {
        "nl": "Deze wijziging kan niet: andere gegevens verwijzen naar dit record en de database staat dan geen"
        " wijziging van een unieke waarde (zoals de naam van een gemeente) toe. Er is niets opgeslagen.",
        "en": "This change is not possible: other figures refer to this record, and the database then does not"
        " allow a unique value (such as a municipality's name) to change. Nothing was saved.",
    },
    # Reverting.
    "edit_revert_unknown": {"nl": "Er is geen logregel {id}.", "en": "There is no audit entry {id}."},
    "edit_revert_import": {
        "nl": "De import van logregel {id} is van vóór het bewaren van de oude waarden en kan niet worden"
        " teruggedraaid; importeer het vorige bestand opnieuw.",
        "en": "The import of audit entry {id} dates from before the old values were kept and cannot be reverted;"
        " import the previous file again.",
    },
    "import_revert_changed": {
        "nl": "De import van logregel {id} is niet teruggedraaid: records zijn daarna nog gewijzigd (aantal:"
        " {count}; {records}). Kies bij de logregel ‘Ook deze records terugdraaien’ om ook die terug te zetten"
        " naar de waarden van vóór de import.",
        "en": "The import of audit entry {id} was not reverted: records were changed after it (number: {count};"
        " {records}). Choose ‘Revert these records too’ at the entry to put those back to their values before"
        " the import as well.",
    },
    "import_revert_twice": {
        "nl": "De import van logregel {id} is al teruggedraaid (logregel {by}).",
        "en": "The import of audit entry {id} has already been reverted (audit entry {by}).",
    },
    "import_revert_of_revert": {
        "nl": "Logregel {id} draait een import terug; dat kan niet zelf worden teruggedraaid. Importeer het"
        " bestand opnieuw om de import te herhalen.",
        "en": "Audit entry {id} reverts an import; that cannot itself be reverted. Import the file again to"
        " redo the import.",
    },
    "edit_revert_not_possible": {
        "nl": "Logregel {id} is geen wijziging van gegevens die kan worden teruggedraaid.",
        "en": "Audit entry {id} is not a change of figures that can be reverted.",
    },
    "edit_revert_changed": {
        "nl": "Logregel {id} kan niet worden teruggedraaid: het record is daarna nog gewijzigd. Draai eerst de"
        " latere wijzigingen terug.",
        "en": "Audit entry {id} cannot be reverted: the record was changed after it. Revert the later changes"
        " first.",
    },
    # Uploads.
    "import_empty": {"nl": "Het bestand is leeg.", "en": "The file is empty."},
    "import_too_large": {
        "nl": "Het bestand is te groot ({size} MB); het maximum is {limit} MB.",
        "en": "The file is too large ({size} MB); the maximum is {limit} MB.",
    },
    "import_unknown_type": {
        "nl": "Bestanden van het type ‘{ext}’ kunnen niet worden ingelezen; gebruik CSV (.csv) of Excel (.xlsx).",
        "en": "Files of type ‘{ext}’ cannot be read; use CSV (.csv) or Excel (.xlsx).",
    },
    "import_old_excel": {
        "nl": "Oude Excel-bestanden (.xls) kunnen niet worden ingelezen; sla het bestand in Excel op als .xlsx of"
        " CSV.",
        "en": "Old Excel files (.xls) cannot be read; save the file in Excel as .xlsx or CSV.",
    },
    "import_not_xlsx": {
        "nl": "Dit bestand heet .xlsx maar is geen Excel-werkmap (misschien een hernoemd CSV-bestand). Sla het in"
        " Excel op als ‘Excel-werkmap (.xlsx)’ of geef het de juiste naam.",
        "en": "This file is named .xlsx but is not an Excel workbook (perhaps a renamed CSV file). Save it in"
        " Excel as ‘Excel Workbook (.xlsx)’ or give it the right name.",
    },
    "import_not_csv": {
        "nl": "Dit bestand heet .csv maar is een Excel-werkmap; geef het de extensie .xlsx.",
        "en": "This file is named .csv but is an Excel workbook; give it the extension .xlsx.",
    },
    "import_unreadable": {
        "nl": "Het bestand is geen leesbare tekst (CSV); sla het in Excel op als ‘CSV (gescheiden door"
        " lijstscheidingsteken)’ of als .xlsx.",
        "en": "The file is not readable text (CSV); save it in Excel as ‘CSV (Comma delimited)’ or as .xlsx.",
    },
    "import_ragged_rows": {
        "nl": "Deze rijen hebben een ander aantal kolommen dan de kopregel ({expected}): {rows}.",
        "en": "These rows have a different number of columns than the header ({expected}): {rows}.",
    },
    "import_header_only": {
        "nl": "Het bestand heeft alleen een kopregel en geen gegevens.",
        "en": "The file has only a header row and no data.",
    },
    "import_missing_columns": {
        "nl": "Deze verplichte kolommen ontbreken: {columns}. Download het sjabloon voor de juiste kolommen.",
        "en": "These required columns are missing: {columns}. Download the template for the right columns.",
    },
    "import_unknown_columns": {
        "nl": "Deze kolommen zijn onbekend: {columns}. Toegestaan zijn: {allowed}.",
        "en": "These columns are unknown: {columns}. Allowed are: {allowed}.",
    },
    "import_duplicate_columns": {
        "nl": "Deze kolommen komen meer dan eens voor: {columns}.",
        "en": "These columns appear more than once: {columns}.",
    },
    "import_unnamed_column": {
        "nl": "Kolom {column} heeft gegevens maar geen naam in de kopregel.",
        "en": "Column {column} has data but no name in the header row.",
    },
}
