"""The users and backup pages in a real browser (read only: the shared server's data stays as it is)."""

from __future__ import annotations

from tests.browser.conftest import screenshot, wait_until_drawn
from tests.browser.test_audit_browser import sign_in


def test_admin_opens_users_and_backup(server, page):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, server, "admin.demo", "demo-admin-2026")
    page.get_by_role("link", name="Gebruikers").click()
    page.get_by_role("heading", name="Gebruikers", level=1).wait_for(timeout=30_000)
    wait_until_drawn(page)
    assert page.get_by_role("heading", name="Gebruiker toevoegen", level=2).count() == 1
    screenshot(page, "users-nl")
    page.get_by_role("link", name="Back-up").click()
    page.get_by_role("heading", name="Back-up", level=1).wait_for(timeout=30_000)
    wait_until_drawn(page)
    assert page.get_by_role("button", name="Nu back-up maken").count() == 1
    screenshot(page, "backup-nl")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not errors
