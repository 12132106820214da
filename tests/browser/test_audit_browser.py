"""The audit trail in a real browser: a reviewer signs in, searches, and an entry with nothing to undo offers no revert.

The journey is run by test_review_browser.py, in the same reviewer session as the progress review.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_until_drawn


def sign_in(page, server, username: str, password: str) -> None:
    page.goto(f"{server}/sign-in")
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("Aangemeld als").wait_for(timeout=30_000)
    wait_until_drawn(page)


def search_the_audit_trail_and_see_what_can_be_reverted(page) -> None:
    """As a signed-in reviewer: search the audit trail; an entry with nothing to undo offers no revert.

    Was test_reviewer_searches_the_audit_trail_and_a_refused_revert_is_explained: the
    creation of a user offered "Terugdraaien", and clicking it was refused. The refusal of a
    revert that cannot be done (a record changed since) is tests/app/test_audit.py's.
    """
    page.get_by_role("link", name="Audittrail").click()
    page.get_by_role("heading", name="Audittrail", level=1).wait_for(timeout=30_000)
    wait_until_drawn(page)
    assert page.get_by_role("heading", name="Zoeken", level=2).count() == 1
    # The reviewer's own sign-in is in the trail, next to the creation of the demo accounts.
    assert page.get_by_text("reviewer.demo · aangemeld").count() >= 1

    page.get_by_label("Recordsleutel bevat").fill("admin.demo")
    page.get_by_label("Recordsleutel bevat").press("Enter")
    # The unfiltered list may already hold the entry; wait until the filter has been applied
    # (the reviewer's sign-ins drop out) so the click does not land on a list being redrawn.
    page.wait_for_function(
        "() => ![...document.querySelectorAll('[data-testid=\"stExpander\"] summary')]"
        ".some(s => s.textContent.includes('reviewer.demo · aangemeld'))",
        timeout=30_000,
    )
    wait_until_drawn(page)
    expander = page.get_by_test_id("stExpander").filter(
        has_text="cli · gebruiker aangemaakt · gebruikers · admin.demo"
    )
    screenshot(page, "audit-nl")
    expander.locator("summary").click()
    expect(expander.get_by_text("Logregel ")).to_be_visible(timeout=30_000)
    expect(expander.get_by_role("button", name="Terugdraaien")).to_have_count(0)
    assert page.locator('[data-testid="stException"]').count() == 0
