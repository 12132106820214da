"""The Compare page in a real browser: draws, switches views, and passes axe-core in both languages.

axe-core checks the whole page, the shared sidebar and banner included: the exclusions of the
sidebar's navigation and the banner caption are gone with their causes (issue 13). The states
the accessibility journey (test_accessibility_browser.py) checks with every expander open —
the Dutch page absolute and per inhabitant by the pillar's age, the English page — are
checked there; here the percentage measure at phone width.
"""

from __future__ import annotations

from impactdash import i18n
from tests.browser.conftest import (
    assert_accessible,
    open_data_tables,
    screenshot,
    screenshots_wanted,
    wait_until_drawn,
)


def _open(page, url: str) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    wait_until_drawn(page)
    return errors


def _choose(page, label: str, heading: str) -> None:
    """Click a radio option and wait until the page has redrawn with ``heading``."""
    page.get_by_text(label, exact=True).click()
    page.get_by_role("heading", name=heading).wait_for()
    wait_until_drawn(page)


def _tall_screenshot(page, name: str, width: int = 1366) -> None:
    """Screenshot the whole page: Streamlit scrolls inside its main block, not the window."""
    if not screenshots_wanted():
        return
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": height + 100})
    page.wait_for_timeout(500)
    screenshot(page, name)


def _assert_clean(page, errors, axe: bool = True) -> None:
    """No exception, and axe-core finds nothing on the whole page, sidebar and banner included.

    ``axe=False`` for a state the accessibility journey checks: the data table is opened
    (drawn), axe-core is left to the journey.
    """
    assert page.locator('[data-testid="stException"]').count() == 0
    open_data_tables(page)  # the chart's data, checked by axe too
    if axe:
        assert_accessible(page)
    assert not errors


def test_compare_in_dutch_absolute_then_per_capita_by_pillar_age(server, page):
    errors = _open(page, f"{server}/compare")
    assert page.locator("h1").first.inner_text() == "Vergelijken"
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 1
    assert page.get_by_text("Eind 2025:").count() == 1
    assert page.locator(".legendtext").filter(has_text="Ambitie").count() >= 1
    _assert_clean(page, errors, axe=False)  # axe: the accessibility journey

    _choose(page, "Per 10.000 inwoners", "Impactondernemingen per 10.000 inwoners")
    page.get_by_text("Jaren sinds de start van de pijler", exact=True).click()
    page.get_by_text("Na ", exact=False).filter(has_text="jaar impactpijler").wait_for()
    wait_until_drawn(page)
    assert "Jaren sinds de start van de impactpijler" in page.locator(".xtitle").text_content()
    _assert_clean(page, errors, axe=False)  # axe: the accessibility journey
    _tall_screenshot(page, "compare-nl-per-capita-aligned")


def test_compare_in_english(server, page):
    errors = _open(page, f"{server}/compare?lang=en")
    assert page.locator("h1").first.inner_text() == "Compare"
    assert page.get_by_role("heading", name="Impact enterprises").count() == 1
    assert page.get_by_text("Each municipality's own ambition").count() == 1
    _assert_clean(page, errors, axe=False)  # opens the chart's data table; axe: the journey
    page.get_by_role("columnheader", name="Value", exact=True).wait_for()
    # By calendar year, the years since the start are no column of their own.
    assert page.get_by_role("columnheader", name="Years since start").count() == 0
    _tall_screenshot(page, "compare-en")


def test_compare_percentage_disables_per_capita_and_reads_at_phone_width(server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    errors = _open(page, f"{server}/compare")
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Maatstaf").click()
    page.get_by_role("option", name="Bezettingsgraad", exact=True).click()
    page.get_by_role("heading", name="Bezettingsgraad").wait_for()
    wait_until_drawn(page)
    assert page.get_by_role("radio", name="Per 10.000 inwoners").count() == 0
    assert page.get_by_text(i18n.t("compare_no_per_capita", "nl")).count() == 1
    _assert_clean(page, errors)
    _tall_screenshot(page, "compare-nl-phone-occupancy", width=390)
