"""Texts of signing in and out, and of the guard on staff pages."""

TEXTS: dict[str, dict[str, str]] = {
    "nav_public": {"nl": "Openbaar", "en": "Public"},
    "nav_staff": {"nl": "Medewerkers", "en": "Staff"},
    "page_edit": {"nl": "Cijfers bewerken", "en": "Edit figures"},
    "page_import": {"nl": "Importeren", "en": "Import"},
    "page_audit": {"nl": "Audittrail", "en": "Audit trail"},
    "page_users": {"nl": "Gebruikers", "en": "Users"},
    "page_backup": {"nl": "Back-up", "en": "Backup"},
    "page_sign_in": {"nl": "Aanmelden", "en": "Sign in"},
    "sign_in_intro": {
        "nl": "Aanmelden is alleen nodig voor medewerkers van de gemeente. Alle openbare cijfers zijn zonder"
        " aanmelden te zien.",
        "en": "Signing in is only needed for municipal staff. All public figures can be seen without signing in.",
    },
    "username": {"nl": "Gebruikersnaam", "en": "Username"},
    "password": {"nl": "Wachtwoord", "en": "Password"},
    "sign_in_button": {"nl": "Aanmelden", "en": "Sign in"},
    "sign_in_sso": {
        "nl": "Aanmelden met de gemeentelijke account",
        "en": "Sign in with the municipal account",
    },
    "sign_out": {"nl": "Afmelden", "en": "Sign out"},
    "signed_in_as": {"nl": "Aangemeld als {name} ({roles})", "en": "Signed in as {name} ({roles})"},
    "sign_in_failed": {
        "nl": "Aanmelden mislukt: gebruikersnaam of wachtwoord onjuist.",
        "en": "Sign-in failed: wrong username or password.",
    },
    "sign_in_locked": {
        "nl": "Deze account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het na {time} opnieuw.",
        "en": "This account is locked for a while after too many failed attempts. Try again after {time}.",
    },
    "sign_in_source_locked": {
        "nl": "Te veel mislukte pogingen vanaf dit adres. Probeer het na {time} opnieuw.",
        "en": "Too many failed attempts from this address. Try again after {time}.",
    },
    "signed_out_idle": {
        "nl": "U bent afgemeld na {minutes} minuten zonder activiteit.",
        "en": "You were signed out after {minutes} minutes without activity.",
    },
    "no_access": {
        "nl": "U heeft geen toegang tot deze pagina. Meld u aan met een account die dat recht heeft.",
        "en": "You do not have access to this page. Sign in with an account that has that right.",
    },
    "demo_accounts": {
        "nl": "Demonstratieaccounts (alleen zolang de demonstratiegegevens geladen zijn):",
        "en": "Demo accounts (only while the demo data is loaded):",
    },
    "role_editor": {"nl": "medewerker", "en": "editor"},
    "role_reviewer": {"nl": "wethouder", "en": "reviewer"},
    "role_admin": {"nl": "beheerder", "en": "admin"},
    "upload_choose": {"nl": "Bestand kiezen", "en": "Choose file"},
    "upload_hint": {
        "nl": "of sleep het hierheen · ten hoogste {limit} MB",
        "en": "or drag it here · at most {limit} MB",
    },
}
