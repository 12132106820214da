"""A reviewer in a real browser: searches the audit trail, then filters the scorecard and drills down."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import screenshot, wait_until_drawn
from tests.browser.test_audit_browser import (
    search_the_audit_trail_and_see_what_can_be_reverted,
    sign_in,
)

#: The sidebar navigation is Streamlit's and the entry script's, not this page's (see the ambitions test).
NOT_THIS_PAGE = {"exclude": [['[data-testid="stSidebarNav"]']]}


def _scorecard_statuses(page) -> list[str]:
    """The status cells of the scorecard (its third column)."""
    return page.locator('[data-testid="stTable"]').first.locator("tbody tr td:nth-child(3)").all_inner_texts()


def _open_options(page, widget, label: str) -> None:
    box = page.locator(f'[data-testid="{widget}"]').filter(has_text=label).first
    # A widget can take a moment to respond after the first draw: retry opening it.
    for _ in range(5):
        box.get_by_role("combobox").click()
        try:
            page.get_by_role("listbox").wait_for(timeout=3_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"the {label} list did not open")


def test_reviewer_searches_the_audit_trail_then_filters_the_scorecard_and_drills_down(server, page):
    """One reviewer session, merged from two tests that each signed in on their own:
    test_reviewer_searches_the_audit_trail_and_a_refused_revert_is_explained (test_audit_browser.py)
    and test_reviewer_filters_the_scorecard_and_drills_down.
    """
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, server, "reviewer.demo", "demo-reviewer-2026")
    search_the_audit_trail_and_see_what_can_be_reverted(page)
    assert not errors

    page.get_by_role("link", name="Voortgangsreview").click()
    page.get_by_role("heading", name="Voortgangsreview", level=1).wait_for(timeout=30_000)
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    everything = _scorecard_statuses(page)
    assert len(everything) >= 20 and any(s.startswith("✓") for s in everything)

    _open_options(page, "stMultiSelect", "Status")
    page.get_by_role("option", name="✗ Achter op koers").click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        "(n) => document.querySelector('[data-testid=\"stTable\"]')?.querySelectorAll('tbody tr').length < n",
        arg=len(everything),
    )
    wait_until_drawn(page)
    off = _scorecard_statuses(page)
    assert off and all(s.startswith("✗") for s in off)

    _open_options(page, "stSelectbox", "Kies een ambitie")
    page.get_by_role("option", name="Leeuwarden · Omvang impactteam", exact=False).click()
    page.get_by_role("heading", name="Omvang impactteam – Leeuwarden").wait_for(timeout=30_000)
    wait_until_drawn(page)
    assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 1
    # The internal note about the team is there for the reviewer, with its author.
    assert page.get_by_text("Alleen medewerkers (intern)").count() >= 1
    assert page.get_by_role("button", name="Toelichting opslaan").count() == 1
    screenshot(page, "review-nl-off-track-leeuwarden")
    results = Axe().run(page, context=NOT_THIS_PAGE)
    if results.response["violations"]:
        print(results.generate_report())
    assert not results.response["violations"]
    assert not errors
