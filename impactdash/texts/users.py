"""Texts of the users page and of the user management write path."""

TEXTS: dict[str, dict[str, str]] = {
    "users_intro": {
        "nl": "Accounts van medewerkers en hun rollen. Wachtwoorden worden nooit getoond.",
        "en": "Staff accounts and their roles. Passwords are never shown.",
    },
    "users_list": {"nl": "Accounts", "en": "Accounts"},
    "users_username": {"nl": "Gebruikersnaam", "en": "Username"},
    "users_name": {"nl": "Naam", "en": "Name"},
    "users_email": {"nl": "E-mail", "en": "E-mail"},
    "users_roles": {"nl": "Rollen", "en": "Roles"},
    "users_disabled": {"nl": "Uitgeschakeld", "en": "Disabled"},
    "users_locked_until": {"nl": "Geblokkeerd tot", "en": "Locked until"},
    "users_yes": {"nl": "ja", "en": "yes"},
    "users_no": {"nl": "nee", "en": "no"},
    "users_add": {"nl": "Gebruiker toevoegen", "en": "Add a user"},
    "users_password": {"nl": "Wachtwoord (minstens 12 tekens)", "en": "Password (at least 12 characters)"},
    "users_add_button": {"nl": "Toevoegen", "en": "Add"},
    "users_added": {"nl": "Gebruiker {username} is toegevoegd.", "en": "User {username} was added."},
    "users_change": {"nl": "Gebruiker wijzigen", "en": "Change a user"},
    "users_pick": {"nl": "Gebruiker", "en": "User"},
    "users_pick_roles": {"nl": "Kies een of meer rollen", "en": "Choose one or more roles"},
    "users_save_roles": {"nl": "Rollen opslaan", "en": "Save roles"},
    "users_disable": {"nl": "Uitschakelen", "en": "Disable"},
    "users_enable": {"nl": "Inschakelen", "en": "Enable"},
    "users_unlock": {"nl": "Blokkering opheffen", "en": "Unlock"},
    "users_locks": {"nl": "Blokkeringen na mislukt aanmelden", "en": "Locks after failed sign-ins"},
    "users_no_locks": {"nl": "Er is nu niets geblokkeerd.", "en": "Nothing is locked now."},
    "users_lock_accounts": {
        "nl": "Account {who}: geblokkeerd tot {time}",
        "en": "Account {who}: locked until {time}",
    },
    "users_lock_addresses": {
        "nl": "Adres {who}: geblokkeerd tot {time}",
        "en": "Address {who}: locked until {time}",
    },
    "users_lifted": {
        "nl": "De blokkering van {username} is opgeheven.",
        "en": "The lock of {username} was lifted.",
    },
    "users_address_unknown": {
        "nl": "Adres {address} is niet (meer) geblokkeerd.",
        "en": "Address {address} is not (or no longer) locked.",
    },
    "audit_action_unlock_address": {"nl": "blokkering van adres opgeheven", "en": "address lock lifted"},
    "users_new_password": {
        "nl": "Nieuw wachtwoord (minstens 12 tekens)",
        "en": "New password (at least 12 characters)",
    },
    "users_reset": {"nl": "Wachtwoord instellen", "en": "Set password"},
    "users_done": {"nl": "Gebruiker {username} is gewijzigd.", "en": "User {username} was changed."},
    "users_bad_username": {
        "nl": "Veld ‘gebruikersnaam’: gebruik 2 tot 40 kleine letters, cijfers, punten, streepjes of liggende"
        " streepjes.",
        "en": "Field ‘username’: use 2 to 40 lower-case letters, digits, dots, hyphens or underscores.",
    },
    "users_no_name": {"nl": "Veld ‘naam’: vul een naam in.", "en": "Field ‘name’: enter a name."},
    "users_bad_email": {
        "nl": "Veld ‘e-mail’: dit is geen e-mailadres.",
        "en": "Field ‘e-mail’: this is not an e-mail address.",
    },
    "users_short_password": {
        "nl": "Veld ‘wachtwoord’: een wachtwoord heeft minstens {length} tekens.",
        "en": "Field ‘password’: a password needs at least {length} characters.",
    },
    "users_bad_roles": {
        "nl": "Veld ‘rollen’: kies een of meer rollen.",
        "en": "Field ‘roles’: choose one or more roles.",
    },
    "users_exists": {
        "nl": "Veld ‘gebruikersnaam’: gebruiker {username} bestaat al.",
        "en": "Field ‘username’: user {username} already exists.",
    },
    "users_email_taken": {
        "nl": "Veld ‘e-mail’: {email} hoort al bij een andere gebruiker.",
        "en": "Field ‘e-mail’: {email} already belongs to another user.",
    },
    "users_unknown": {"nl": "Gebruiker {username} bestaat niet.", "en": "User {username} does not exist."},
    "users_last_admin": {
        "nl": "{username} is de laatste ingeschakelde beheerder: die kan niet worden uitgeschakeld of de rol"
        " beheerder verliezen. Maak eerst een andere beheerder aan.",
        "en": "{username} is the last enabled admin: that account cannot be disabled or lose the admin role."
        " Make another admin first.",
    },
}
