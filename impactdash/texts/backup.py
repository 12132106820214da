"""Texts of the backup page and of backing up and restoring."""

TEXTS: dict[str, dict[str, str]] = {
    "backup_intro": {
        "nl": "Back-ups van de werkdatabase staan in de map backups naast de database. Bij terugzetten wordt"
        " eerst een back-up van de huidige stand gemaakt; de audittrail, de gebruikers en de publicaties blijven"
        " zoals ze zijn.",
        "en": "Backups of the working database are kept in the backups folder beside the database. Restoring"
        " first backs up the current state; the audit trail, the users and the publications stay as they are.",
    },
    "backup_list": {"nl": "Back-ups", "en": "Backups"},
    "backup_none": {"nl": "Er zijn nog geen back-ups.", "en": "There are no backups yet."},
    "backup_file": {"nl": "Bestand", "en": "File"},
    "backup_made_at": {"nl": "Gemaakt op", "en": "Made at"},
    "backup_size": {"nl": "Grootte (MB)", "en": "Size (MB)"},
    "backup_now": {"nl": "Nu back-up maken", "en": "Back up now"},
    "backup_made": {"nl": "Back-up {name} is gemaakt.", "en": "Backup {name} was made."},
    "backup_download": {"nl": "Back-up downloaden", "en": "Download backup"},
    "backup_pick": {"nl": "Back-up", "en": "Backup"},
    "backup_restore": {"nl": "Terugzetten", "en": "Restore"},
    "backup_restoring": {
        "nl": "Back-up controleren en terugzetten…",
        "en": "Checking and restoring the backup…",
    },
    "backup_restore_listed": {"nl": "Een back-up terugzetten", "en": "Restore a backup"},
    "backup_upload": {
        "nl": "Of upload een back-upbestand (.zip; een ouder .duckdb-bestand kan ook)",
        "en": "Or upload a backup file (.zip; an older .duckdb file works too)",
    },
    "backup_too_large": {
        "nl": "Het bestand is groter dan {limit} MB, de grens voor back-ups; er is niets gewijzigd. Zet een"
        " grotere back-up terug met de opdrachtregel (zie de README).",
        "en": "The file is larger than {limit} MB, the limit for backups; nothing was changed. Restore a"
        " larger backup with the command line (see the README).",
    },
    "backup_damaged": {
        "nl": "{name} is beschadigd of onvolledig (de controle van de inhoud klopt niet); er is niets"
        " gewijzigd. Kies een andere back-up.",
        "en": "{name} is damaged or incomplete (its contents do not match their checksum); nothing was"
        " changed. Choose another backup.",
    },
    "backup_confirm": {
        "nl": "Ik begrijp dat alle cijfers worden vervangen door die uit {name}.",
        "en": "I understand that all figures are replaced by those in {name}.",
    },
    "backup_confirm_first": {
        "nl": "Vink eerst aan dat u de cijfers wilt vervangen.",
        "en": "First tick that you want to replace the figures.",
    },
    "backup_restored": {
        "nl": "{name} is teruggezet. De stand van daarvoor staat in back-up {before}.",
        "en": "{name} was restored. The state before is in backup {before}.",
    },
    "backup_unknown": {"nl": "Er is geen back-up {name}.", "en": "There is no backup {name}."},
    "backup_exists": {"nl": "Bestand {name} bestaat al.", "en": "File {name} already exists."},
    "backup_bad_file": {
        "nl": "{name} is geen database van dit dashboard; er is niets gewijzigd.",
        "en": "{name} is not a database of this dashboard; nothing was changed.",
    },
    "backup_too_new": {
        "nl": "{name} heeft schemaversie {version}, nieuwer dan deze versie van het dashboard; er is niets"
        " gewijzigd.",
        "en": "{name} has schema version {version}, newer than this version of the dashboard; nothing was"
        " changed.",
    },
    "backup_failed": {
        "nl": "De back-up of het terugzetten is mislukt; er is niets gewijzigd.",
        "en": "The backup or restore failed; nothing was changed.",
    },
}
