"""Staff sessions in a real browser (issue 12): a reload and a second tab stay signed in, sign-out ends both,
and failed sign-ins with made-up names do not lock out a real account.
"""

from __future__ import annotations

from impactdash import session_cookie
from impactdash.write import auth
from tests.browser.conftest import screenshot, wait_until_drawn

SIGNED_IN = "Aangemeld als Editor Demo (medewerker)"
FAILED = "Aanmelden mislukt: gebruikersnaam of wachtwoord onjuist."


def submit(page, username: str, password: str) -> None:
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Aanmelden").click()


def session_cookies(context) -> list[dict]:
    return [c for c in context.cookies() if c["name"] == session_cookie.COOKIE]


def test_an_editor_stays_signed_in_across_a_reload_and_a_tab_until_signing_out(server, context, new_page):
    first = new_page(cookie=True)
    # A bookmark of a staff page, signed out: the sign-in form there, not "page not found".
    first.goto(f"{server}/edit")
    wait_until_drawn(first)
    assert first.get_by_role("heading", name="Aanmelden", level=1).count() == 1
    assert first.get_by_text("Page not found").count() == 0

    # 25 failed sign-ins with made-up names (this visitor's address is unknown: loopback) ...
    for i in range(auth.SOURCE_MAX_FAILURES + 5):
        submit(first, f"made.up.{i}", "not the password")
        first.get_by_text(FAILED).wait_for(timeout=15_000)
        wait_until_drawn(first)
    # ... and the editor's own password still works, on the page the bookmark named.
    submit(first, "editor.demo", "demo-editor-2026")
    first.get_by_text(SIGNED_IN).wait_for(timeout=30_000)
    first.get_by_role("heading", name="Cijfers bewerken", level=1).first.wait_for(timeout=30_000)
    for _ in range(50):  # the page fetches the cookie right after signing in
        if session_cookies(context):
            break
        first.wait_for_timeout(100)
    [cookie] = session_cookies(context)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert first.evaluate("document.cookie").find(session_cookie.COOKIE) == -1  # no script can read it

    # A reload lands on the same page, signed in.
    first.reload()
    wait_until_drawn(first)
    first.get_by_text(SIGNED_IN).wait_for(timeout=30_000)
    assert first.get_by_role("heading", name="Cijfers bewerken", level=1).count() >= 1
    assert first.get_by_text("Page not found").count() == 0
    screenshot(first, "session-reloaded-nl")

    # A second tab of the same browser is signed in too.
    second = new_page(cookie=True)
    second.goto(f"{server}/audit")
    wait_until_drawn(second)
    second.get_by_text(SIGNED_IN).wait_for(timeout=30_000)

    # Signing out in the first tab ends the second on its next click.
    first.get_by_role("button", name="Afmelden").click()
    first.get_by_role("link", name="Aanmelden").wait_for(timeout=30_000)
    second.get_by_text("English").click()
    second.get_by_text("Sign in", exact=True).first.wait_for(timeout=30_000)
    wait_until_drawn(second)
    assert second.get_by_text("Signed in as").count() == 0
    assert second.get_by_role("heading", name="Sign in", level=1).count() == 1
    for _ in range(50):
        if not session_cookies(context):
            break
        first.wait_for_timeout(100)
    assert not session_cookies(context), "signing out clears the cookie"
