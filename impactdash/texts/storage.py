"""Texts of the storage errors: a full disk, a read-only folder, a lock, a leftover of a crash."""

TEXTS: dict[str, dict[str, str]] = {
    "storage_full": {
        "nl": "De schijf is vol: er kon niets worden geschreven in {where}. Er is niets gewijzigd. Maak ruimte"
        " vrij (bijvoorbeeld door oude back-ups te verwijderen) of vraag de beheerder om meer schijfruimte,"
        " en probeer het dan opnieuw.",
        "en": "The disk is full: nothing could be written to {where}. Nothing was changed. Free some space"
        " (by removing old backups, for example) or ask the administrator for more disk space, then try"
        " again.",
    },
    "storage_read_only": {
        "nl": "Het dashboard mag niet schrijven in {where}: de map is alleen-lezen of heeft niet de juiste"
        " rechten. Er is niets gewijzigd. Vraag de beheerder om de map schrijfbaar te maken voor het"
        " dashboard.",
        "en": "The dashboard may not write to {where}: the folder is read-only or lacks the right"
        " permissions. Nothing was changed. Ask the administrator to make the folder writable for the"
        " dashboard.",
    },
    "storage_locked": {
        "nl": "Een ander programma heeft de database {where} in gebruik. Er is niets gewijzigd. Wacht tot dat"
        " programma klaar is of stop het, en probeer het dan opnieuw.",
        "en": "Another program is using the database {where}. Nothing was changed. Wait until that program"
        " has finished or stop it, then try again.",
    },
    "storage_locked_pid": {
        "nl": "Een ander programma (proces {pid}) heeft de database {where} in gebruik. Er is niets gewijzigd."
        " Wacht tot dat programma klaar is of stop het, en probeer het dan opnieuw.",
        "en": "Another program (process {pid}) is using the database {where}. Nothing was changed. Wait until"
        " that program has finished or stop it, then try again.",
    },
    "storage_leftover": {
        "nl": "Een bestand van een eerder afgebroken poging staat in de weg: {where}. Er is niets gewijzigd."
        " Start het dashboard opnieuw (dan worden zulke resten opgeruimd) en probeer het dan nog eens.",
        "en": "A file left by an earlier attempt that was cut off is in the way: {where}. Nothing was"
        " changed. Restart the dashboard (which clears such leftovers away), then try again.",
    },
    "storage_full_public": {
        "nl": "Het dashboard is even niet beschikbaar: de schijf van de server is vol. Neem contact op met de"
        " beheerder.",
        "en": "The dashboard is not available for a moment: the server's disk is full. Please contact the"
        " administrator.",
    },
    "storage_read_only_public": {
        "nl": "Het dashboard is even niet beschikbaar: het mag niet schrijven in de map van de database. Neem"
        " contact op met de beheerder.",
        "en": "The dashboard is not available for a moment: it may not write to the database's folder. Please"
        " contact the administrator.",
    },
    "storage_locked_public": {
        "nl": "Het dashboard is even niet beschikbaar: een ander programma heeft de database in gebruik,"
        " bijvoorbeeld voor een back-up. Probeer het over een paar minuten opnieuw; blijft dit zo, neem dan"
        " contact op met de beheerder.",
        "en": "The dashboard is not available for a moment: another program is using the database, for a"
        " backup for example. Try again in a few minutes; if this stays so, please contact the administrator.",
    },
    "storage_leftover_public": {
        "nl": "Het dashboard is even niet beschikbaar: een bestand van een afgebroken poging staat in de weg."
        " Neem contact op met de beheerder.",
        "en": "The dashboard is not available for a moment: a file left by an interrupted attempt is in the"
        " way. Please contact the administrator.",
    },
}
