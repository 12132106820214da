"""Texts of the import page (keys start with ``import_page_``)."""

TEXTS: dict[str, dict[str, str]] = {
    "import_page_intro": {
        "nl": "Lees een spreadsheet in die u al bijhoudt (CSV of Excel .xlsx). Eerst ziet u wat er zou veranderen"
        " en welke rijen niet kloppen; er wordt pas iets opgeslagen als u op ‘Importeren’ klikt, en dan alle"
        " rijen of geen enkele.",
        "en": "Read in a spreadsheet you already keep (CSV or Excel .xlsx). First you see what would change and"
        " which rows are wrong; nothing is saved until you click ‘Import’, and then all rows or none.",
    },
    "import_page_step_dataset": {"nl": "1. Kies de gegevens", "en": "1. Choose the data"},
    "import_page_dataset": {"nl": "Gegevensset", "en": "Data set"},
    "import_page_columns": {
        "nl": "Kolommen: {columns}. Verplicht voor nieuwe rijen: {required}.",
        "en": "Columns: {columns}. Required for new rows: {required}.",
    },
    "import_page_template": {"nl": "Sjabloon downloaden (CSV)", "en": "Download template (CSV)"},
    "import_page_template_file": {"nl": "sjabloon-{name}.csv", "en": "template-{name}.csv"},
    "import_page_step_upload": {"nl": "2. Upload het bestand", "en": "2. Upload the file"},
    "import_page_file": {"nl": "Bestand (CSV of .xlsx)", "en": "File (CSV or .xlsx)"},
    "import_page_file_help": {
        "nl": "CSV met ; , of tab als scheidingsteken, of een Excel-werkmap (.xlsx, eerste blad). Ten hoogste"
        " {limit} MB.",
        "en": "CSV separated by ; , or tab, or an Excel workbook (.xlsx, first sheet). At most {limit} MB.",
    },
    "import_page_numbers": {
        "nl": "**Getallen worden nooit geraden.** Een getal als 1.250 of 384.000 kan twee dingen betekenen"
        " (1250 of 1,25). Het wordt gelezen met een decimale komma als het bestand die laat zien (waarden als"
        " 12,5 of 1.234,56, een CSV met ; als scheidingsteken, Nederlandse kolomnamen) en met een decimale punt"
        " als het die laat zien (12.5 of 1,234.56, een CSV met komma's, Engelse kolomnamen). Laat het bestand"
        " niets zien (bijvoorbeeld tekst met tabs onder de kolomnamen van het sjabloon) of spreekt het zichzelf"
        " tegen, dan wordt zo'n getal geweigerd en ziet u beide lezingen. In hele getallen (jaar, huurders) is"
        " 1.250 altijd 1250; Excel-cellen met een getal worden overgenomen zoals ze zijn.",
        "en": "**Numbers are never guessed.** A number like 1.250 or 384.000 can mean two things (1250 or 1.25)."
        " It is read with a decimal comma when the file shows one (values like 12,5 or 1.234,56, a"
        " semicolon-separated CSV, Dutch column names) and with a decimal point when it shows that (12.5 or"
        " 1,234.56, a comma-separated CSV, English column names). When the file shows neither (tab-separated"
        " text under the template's column names, say) or contradicts itself, such a number is refused and you"
        " see both readings. In whole numbers (year, tenants) 1.250 is always 1250; Excel cells holding a"
        " number are taken as they are.",
    },
    "import_page_step_preview": {"nl": "3. Controleer en importeer", "en": "3. Check and import"},
    "import_page_total": {"nl": "Rijen", "en": "Rows"},
    "import_page_new": {"nl": "Nieuw", "en": "New"},
    "import_page_changed": {"nl": "Gewijzigd", "en": "Changed"},
    "import_page_unchanged": {"nl": "Ongewijzigd", "en": "Unchanged"},
    "import_page_first_rows": {
        "nl": "De eerste {count} rijen van het bestand",
        "en": "The first {count} rows of the file",
    },
    "import_page_row": {"nl": "Rij", "en": "Row"},
    "import_page_problems": {
        "nl": "{count} problemen gevonden; er wordt niets geïmporteerd. Verbeter deze rijen en upload het"
        " bestand opnieuw:",
        "en": "{count} problems found; nothing will be imported. Correct these rows and upload the file again:",
    },
    "import_page_problem_one": {
        "nl": "1 probleem gevonden; er wordt niets geïmporteerd. Verbeter deze rij en upload het bestand opnieuw:",
        "en": "1 problem found; nothing will be imported. Correct this row and upload the file again:",
    },
    "import_page_more_problems": {
        "nl": "En nog {count} problemen die hier niet zijn opgesomd.",
        "en": "And {count} more problems not listed here.",
    },
    "import_page_nothing_changes": {
        "nl": "Alle rijen zijn gelijk aan wat al is opgeslagen; importeren verandert niets.",
        "en": "Every row equals what is already stored; importing changes nothing.",
    },
    "import_page_button": {"nl": "Importeren", "en": "Import"},
    "import_page_done": {
        "nl": "‘{file}’ is geïmporteerd in {dataset}: {count} rijen, {new} nieuw, {changed} gewijzigd,"
        " {unchanged} ongewijzigd.",
        "en": "‘{file}’ was imported into {dataset}: {count} rows, {new} new, {changed} changed,"
        " {unchanged} unchanged.",
    },
    "import_page_done_one": {
        "nl": "‘{file}’ is geïmporteerd in {dataset}: {count} rij, {new} nieuw, {changed} gewijzigd,"
        " {unchanged} ongewijzigd.",
        "en": "‘{file}’ was imported into {dataset}: {count} row, {new} new, {changed} changed,"
        " {unchanged} unchanged.",
    },
    "import_page_done_nothing": {
        "nl": "‘{file}’ veranderde niets in {dataset}: alle {count} rijen waren al zo opgeslagen.",
        "en": "‘{file}’ changed nothing in {dataset}: all {count} rows were already stored as such.",
    },
    "import_page_done_nothing_one": {
        "nl": "‘{file}’ veranderde niets in {dataset}: de rij was al zo opgeslagen.",
        "en": "‘{file}’ changed nothing in {dataset}: the row was already stored as such.",
    },
    "import_page_failed": {
        "nl": "De import is niet gelukt; er is niets opgeslagen. Probeer het opnieuw of neem contact op met de"
        " beheerder.",
        "en": "The import failed; nothing was saved. Try again or contact the administrator.",
    },
    "import_page_overwritten": {"nl": "Maakt bewerking ongedaan", "en": "Undoes an edit"},
    "import_page_changes": {
        "nl": "Wat er verandert, per rij; bij een gewijzigde rij elk veld met oude → nieuwe waarde.",
        "en": "What changes, row by row; for a changed row each field with its old → new value.",
    },
    "import_page_show": {"nl": "Toon", "en": "Show"},
    "import_page_show_all": {"nl": "alle rijen", "en": "all rows"},
    "import_page_show_update": {"nl": "gewijzigd", "en": "changed"},
    "import_page_show_insert": {"nl": "nieuw", "en": "new"},
    "import_page_show_same": {"nl": "ongewijzigd", "en": "unchanged"},
    "import_page_show_overwrite": {"nl": "maakt bewerking ongedaan", "en": "undoes an edit"},
    "import_page_col_record": {"nl": "Record", "en": "Record"},
    "import_page_col_change": {"nl": "Wijziging", "en": "Change"},
    "import_page_col_field": {"nl": "Veld", "en": "Field"},
    "import_page_col_old": {"nl": "Oud", "en": "Old"},
    "import_page_col_new": {"nl": "Nieuw", "en": "New"},
    "import_page_col_note": {"nl": "Let op", "en": "Note"},
    "import_page_op_insert": {"nl": "nieuw", "en": "new"},
    "import_page_op_update": {"nl": "gewijzigd", "en": "changed"},
    "import_page_op_same": {"nl": "ongewijzigd", "en": "unchanged"},
    "import_page_undoes": {
        "nl": "gewijzigd door {actor} op {date}; dit bestand zou dat ongedaan maken",
        "en": "changed by {actor} on {date}; this file would undo it",
    },
    "import_page_lines_shown": {
        "nl": "De eerste {shown} van {count} regels; de download bevat ze allemaal.",
        "en": "The first {shown} of {count} lines; the download holds them all.",
    },
    "import_page_download": {"nl": "Wijzigingen downloaden (CSV)", "en": "Download the changes (CSV)"},
    "import_page_download_file": {"nl": "wijzigingen-{name}.csv", "en": "changes-{name}.csv"},
    "import_page_overwrites": {
        "nl": "{count} rijen in dit bestand zouden een latere bewerking ongedaan maken: het record is na de"
        " laatste import van deze gegevens nog met de hand gewijzigd.",
        "en": "{count} rows in this file would undo a later edit: the record was changed by hand after the last"
        " import of this data.",
    },
    "import_page_overwrites_one": {
        "nl": "1 rij in dit bestand zou een latere bewerking ongedaan maken: het record is na de laatste import"
        " van deze gegevens nog met de hand gewijzigd.",
        "en": "1 row in this file would undo a later edit: the record was changed by hand after the last import"
        " of this data.",
    },
    "import_page_overwrite_line": {
        "nl": "Rij {row} ({record}): {undoes}.",
        "en": "Row {row} ({record}): {undoes}.",
    },
    "import_page_confirm": {
        "nl": "Ik heb deze {count} rijen gezien; importeer ze toch en maak die bewerkingen ongedaan",
        "en": "I have seen these {count} rows; import them anyway and undo those edits",
    },
    "import_page_confirm_one": {
        "nl": "Ik heb deze rij gezien; importeer hem toch en maak die bewerking ongedaan",
        "en": "I have seen this row; import it anyway and undo that edit",
    },
    "import_overwrite_unconfirmed": {
        "nl": "Er is niets geïmporteerd: rijen zouden een latere bewerking ongedaan maken (aantal: {count};"
        " {records}). Bekijk ze in het voorbeeld en bevestig dat u ze toch wilt importeren.",
        "en": "Nothing was imported: rows would undo a later edit (number: {count}; {records}). Look at them in"
        " the preview and confirm that you want to import them anyway.",
    },
}
