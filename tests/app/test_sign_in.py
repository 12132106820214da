"""Signing in and out through the real pages; demo accounts listed only for demo data."""

from __future__ import annotations

import pytest

from impactdash import startup, ui
from impactdash.store import db
from impactdash.write import auth, permissions, users


@pytest.fixture
def sign_in_page(app):
    return app("nl", page="app_pages/sign_in.py")


def test_sign_in_page_lists_demo_accounts(sign_in_page):
    table = sign_in_page.table[0].value
    assert list(table.iloc[:, 0]) == [u for u, _, _ in startup.DEMO_USERS]


@pytest.mark.parametrize(
    ("username", "roles"), [("editor.demo", "medewerker"), ("reviewer.demo", "wethouder")]
)
def test_demo_user_signs_in_and_out(sign_in_page, demo_copy, username, roles):
    at = sign_in_page
    password = dict((u, p) for u, p, _ in startup.DEMO_USERS)[username]
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[-1].click().run()
    assert not at.exception
    captions = [c.value for c in at.sidebar.caption]
    assert any(f"({roles})" in c for c in captions), captions
    sign_out = next(b for b in at.sidebar.button if b.label == "Afmelden")
    sign_out.click().run()
    assert not any("Aangemeld als" in c.value for c in at.sidebar.caption)


def test_wrong_password_is_refused_with_a_clear_message(sign_in_page, demo_copy):
    at = sign_in_page
    at.text_input[0].input("editor.demo")
    at.text_input[1].input("not the password")
    at.button[-1].click().run()
    assert [e.value for e in at.error] == ["Aanmelden mislukt: gebruikersnaam of wachtwoord onjuist."]
    assert not any("Aangemeld als" in c.value for c in at.sidebar.caption)


# --- issue 12: sessions checked on the server on every run; no shared lockout ---------

EDITOR_PASSWORD = dict((u, p) for u, p, _ in startup.DEMO_USERS)["editor.demo"]
ADMIN = permissions.Actor("admin.demo", frozenset({"admin"}), "Admin Demo")


def sign_in(at, username: str, password: str):
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[-1].click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def signed_in_caption(at) -> str | None:
    return next((c.value for c in at.sidebar.caption if c.value.startswith("Aangemeld als")), None)


def test_failed_sign_ins_with_made_up_names_do_not_lock_out_a_colleague(sign_in_page, demo_copy):
    """Regression: here the address is unknown, and every failure counted against one key 'unknown'."""
    at = sign_in_page
    for i in range(auth.SOURCE_MAX_FAILURES + 1):
        sign_in(at, f"made.up.{i}", "not the password")
        assert [e.value for e in at.error] == ["Aanmelden mislukt: gebruikersnaam of wachtwoord onjuist."]
    sign_in(at, "editor.demo", EDITOR_PASSWORD)
    assert not at.error
    assert signed_in_caption(at) == "Aangemeld als Editor Demo (medewerker)"


@pytest.fixture
def second_tab(app, monkeypatch):
    """Open another tab of the same browser: its cookie carries the session token (a reload is the same)."""

    def open_tab(token: str):
        monkeypatch.setattr(ui.session, "_cookie_token", lambda: token)
        return app("nl", tables=False)

    return open_tab


def test_a_second_tab_is_signed_in_and_signing_out_in_one_ends_the_other(sign_in_page, demo_copy, second_tab):
    first = sign_in(sign_in_page, "editor.demo", EDITOR_PASSWORD)
    token = first.session_state[ui.SESSION_KEY]
    second = second_tab(token)
    assert signed_in_caption(second) == "Aangemeld als Editor Demo (medewerker)"
    next(b for b in first.sidebar.button if b.label == "Afmelden").click().run()
    assert signed_in_caption(first) is None
    second.run()  # the other tab's next click
    assert signed_in_caption(second) is None
    assert ui.SESSION_KEY not in second.session_state


def test_disabling_a_user_or_changing_roles_takes_effect_on_their_next_click(sign_in_page, demo_copy):
    at = sign_in(sign_in_page, "editor.demo", EDITOR_PASSWORD)
    con = db.connect(demo_copy)
    users.set_roles(con, ADMIN, "editor.demo", ["reviewer"])
    at.run()
    assert signed_in_caption(at) == "Aangemeld als Editor Demo (wethouder)"
    users.set_disabled(con, ADMIN, "editor.demo", True)
    at.run()
    assert signed_in_caption(at) is None
    users.set_disabled(con, ADMIN, "editor.demo", False)
    at.run()  # enabled again: the ended session stays ended
    assert signed_in_caption(at) is None


def test_an_idle_session_ends_and_the_sign_in_page_says_why(sign_in_page, demo_copy):
    at = sign_in(sign_in_page, "editor.demo", EDITOR_PASSWORD)
    con = db.connect(demo_copy)
    con.execute("update staff_session set last_seen = last_seen - interval 31 minutes")
    at.run()  # the next click, half an hour later, on the sign-in page's address
    assert signed_in_caption(at) is None
    assert "U bent afgemeld na 30 minuten zonder activiteit." in [i.value for i in at.info]
