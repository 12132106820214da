"""Signing in and out through the real pages; demo accounts listed only for demo data."""

from __future__ import annotations

import pytest

from impactdash import startup


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
