"""The users page: only admins; lists accounts without secrets; adds and changes users; refusals are clear."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config
from impactdash.safe_text import escape_markdown, plain_text
from impactdash.store import db
from impactdash.write import auth

from .conftest import ROOT

PAGE = "app_pages/users.py"
NO_ACCESS = "U heeft geen toegang tot deze pagina. Meld u aan met een account die dat recht heeft."


def open_page(monkeypatch, path, username: str | None, lang: str = "nl") -> AppTest:
    monkeypatch.setenv(config.DB_ENV, str(path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = lang
    if username:
        at.session_state["actor"] = username
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def run_page_file(monkeypatch, path, username: str | None) -> AppTest:
    monkeypatch.setenv(config.DB_ENV, str(path))
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    if username:
        at.session_state["actor"] = username
    return at.run()


@pytest.mark.parametrize("username", [None, "editor.demo", "reviewer.demo"])
def test_page_is_not_offered_without_the_right(monkeypatch, app_db, username):
    monkeypatch.setenv(config.DB_ENV, str(app_db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if username:
        at.session_state["actor"] = username
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


@pytest.mark.parametrize("username", [None, "editor.demo", "reviewer.demo"])
def test_page_itself_refuses_without_the_right(monkeypatch, app_db, username):
    at = run_page_file(monkeypatch, app_db, username)
    assert not at.exception
    assert [e.value for e in at.error] == [NO_ACCESS]
    assert not at.title and not at.dataframe and not at.text_input and not at.button


def test_admin_sees_the_accounts_without_password_hashes(monkeypatch, app_db):
    at = open_page(monkeypatch, app_db, "admin.demo")
    assert [t.value for t in at.title] == ["Gebruikers"]
    assert [h.value for h in at.header] == [
        "Accounts",
        "Blokkeringen na mislukt aanmelden",
        "Gebruiker toevoegen",
        "Gebruiker wijzigen",
    ]
    assert "Er is nu niets geblokkeerd." in [c.value for c in at.caption]
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Gebruikersnaam",
        "Naam",
        "E-mail",
        "Rollen",
        "Uitgeschakeld",
        "Geblokkeerd tot",
    ]
    assert list(table["Gebruikersnaam"]) == ["admin.demo", "editor.demo", "reviewer.demo"]
    assert "argon2" not in table.to_csv()


def add_form(at, username, name, password, roles=("editor",), button="Toevoegen", email=""):
    at.text_input(key="users_new_username").input(username)
    at.text_input(key="users_new_name").input(name)
    at.text_input(key="users_new_email").input(email)
    at.text_input(key="users_new_password").input(password)
    at.multiselect[0].set_value(list(roles))
    next(b for b in at.button if b.label == button).click().run()
    assert not at.exception, [e.message for e in at.exception]


def test_short_password_is_refused_names_the_field_and_keeps_the_form(monkeypatch, demo_copy):
    at = open_page(monkeypatch, demo_copy, "admin.demo")
    add_form(at, "nieuw.lid", "Nieuw Lid", "kort")
    # A refusal is shown through escape_markdown (it may quote typed text): compare the words.
    assert [plain_text(e.value) for e in at.error] == [
        "Veld ‘wachtwoord’: een wachtwoord heeft minstens 12 tekens."
    ]
    assert at.text_input(key="users_new_username").value == "nieuw.lid"
    assert at.text_input(key="users_new_name").value == "Nieuw Lid"
    assert "nieuw.lid" not in list(at.dataframe[0].value["Gebruikersnaam"])


def test_admin_adds_a_user(monkeypatch, demo_copy):
    at = open_page(monkeypatch, demo_copy, "admin.demo", lang="en")
    add_form(
        at, "nieuw.lid", "Nieuw Lid", "een-lang-wachtwoord-2026", roles=("editor", "reviewer"), button="Add"
    )
    # Markdown source: a username is typed text, shown through escape_markdown ("nieuw.lid" on screen).
    assert [s.value for s in at.success] == [r"User nieuw\.lid was added."]
    table = at.dataframe[0].value.set_index("Username")
    assert table.loc["nieuw.lid", "Roles"] == "editor, reviewer"


def test_last_admin_cannot_disable_themselves(monkeypatch, demo_copy):
    at = open_page(monkeypatch, demo_copy, "admin.demo")
    assert at.selectbox(key="users_pick").value == "admin.demo"
    at.button(key="users_toggle").click().run()
    assert not at.exception
    assert at.error and "laatste ingeschakelde beheerder" in at.error[0].value
    assert at.dataframe[0].value.set_index("Gebruikersnaam").loc["admin.demo", "Uitgeschakeld"] == "nee"


def test_admin_disables_an_editor(monkeypatch, demo_copy):
    at = open_page(monkeypatch, demo_copy, "admin.demo")
    at.selectbox(key="users_pick").set_value("editor.demo").run()
    at.button(key="users_toggle").click().run()
    assert [s.value for s in at.success] == [r"Gebruiker editor\.demo is gewijzigd."]
    assert at.dataframe[0].value.set_index("Gebruikersnaam").loc["editor.demo", "Uitgeschakeld"] == "ja"


def test_a_typed_email_in_a_refusal_shows_as_text(monkeypatch, demo_copy):
    """An e-mail address may hold Markdown (no spaces needed): quoted in a refusal, it stays text."""
    email = "![x](http://example.com/x.png)**b**@example.org"
    at = open_page(monkeypatch, demo_copy, "admin.demo")
    add_form(at, "eerste.lid", "Eerste", "een-lang-wachtwoord-2026", email=email)
    add_form(at, "tweede.lid", "Tweede", "een-lang-wachtwoord-2026", email=email)
    assert len(at.error) == 1
    assert escape_markdown(email) in at.error[0].value
    assert plain_text(at.error[0].value) == f"Veld ‘e-mail’: {email} hoort al bij een andere gebruiker."


def test_admin_sees_the_locks_of_accounts_and_addresses_and_lifts_them(monkeypatch, demo_copy):
    con = db.connect(demo_copy)
    for _ in range(auth.ACCOUNT_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, "editor.demo", "not the password", None)
    for i in range(auth.SOURCE_MAX_FAILURES):
        with pytest.raises(auth.SignInError):
            auth.sign_in(con, f"made.up.{i}", "not the password", "203.0.113.7")
    at = open_page(monkeypatch, demo_copy, "admin.demo")
    locks = [plain_text(m.value) for m in at.markdown if "geblokkeerd tot" in m.value]
    assert [line.split(": ")[0] for line in locks] == ["Account editor.demo", "Adres 203.0.113.7"]
    at.button(key="users_lift_addresses_203.0.113.7").click().run()
    assert [plain_text(s.value) for s in at.success] == ["De blokkering van 203.0.113.7 is opgeheven."]
    at.button(key="users_lift_accounts_editor.demo").click().run()
    assert [plain_text(s.value) for s in at.success] == ["De blokkering van editor.demo is opgeheven."]
    assert "Er is nu niets geblokkeerd." in [c.value for c in at.caption]
    audited = con.execute(
        "select action, record_key from audit_log where actor = 'admin.demo' order by id"
    ).fetchall()
    assert audited == [("unlock_address", "203.0.113.7"), ("update_user", "editor.demo")]
    assert auth.sign_in(con, "editor.demo", "demo-editor-2026", "203.0.113.7").username == "editor.demo"
