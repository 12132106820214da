"""The overview in a real browser: loads, draws every chart, switches language, no errors.

axe-core checks the overview in both languages, every expander open, in the accessibility
journey (test_accessibility_browser.py), which passes it on its way.
"""

from __future__ import annotations

from tests.browser.conftest import screenshot, wait_until_drawn


def test_overview_draws_in_dutch_then_switches_to_english_across_a_reload(server, page):
    """One visitor: the Dutch overview (drawn), then English, kept across a reload.

    Merged from test_overview_draws_every_chart_in_dutch, test_language_switch_holds_across_reload
    and test_page_has_no_accessibility_violations[nl-] and [en-] (test_public_pages_browser.py),
    which each loaded the same overview again. Its axe-core checks of both languages are the
    accessibility journey's first states.
    """
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server)
    wait_until_drawn(page)
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert charts.count() >= 5
    assert page.locator("h1").first.inner_text().startswith("Impactpijler")
    assert page.get_by_text("illustratief").count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.title().startswith("Overzicht — Impactpijler")
    # Streamlit's own labels in Dutch too, and no Material icon's English name read aloud.
    assert page.get_by_test_id("stMainMenuButton").get_attribute("aria-label") == "Hoofdmenu"
    assert page.get_by_test_id("stSkipToContent").text_content() == "Naar de hoofdinhoud"
    assert page.locator('[aria-label$=" icon"], [aria-label="Link to heading"]').count() == 0
    screenshot(page, "overview-nl")

    page.get_by_role("radio", name="English").click()
    page.wait_for_function("() => document.querySelector('h1')?.innerText.startsWith('Impact pillar')")
    wait_until_drawn(page)
    assert "lang=en" in page.url
    # Switched without loading the page again: the page's script sets the language and title.
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    page.wait_for_function("() => document.title.startsWith('Overview — Impact pillar')")
    assert page.get_by_test_id("stMainMenuButton").get_attribute("aria-label") == "Main menu"
    page.reload()
    wait_until_drawn(page)
    assert page.locator("h1").first.inner_text().startswith("Impact pillar")
    assert page.get_by_text("Key figures").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "overview-en")
    assert not errors


def test_northern_city_by_url(server, page):
    page.goto(f"{server}/?gm=GM0080")
    wait_until_drawn(page)
    assert "Leeuwarden" in page.locator("h1").first.inner_text()
    screenshot(page, "overview-leeuwarden")
