"""The Budget and spend page in a real browser: draws every chart, no errors, no axe violations.

axe-core checks the page of the default municipality in both languages, every expander open,
in the accessibility journey (test_accessibility_browser.py); here the states it does not reach:
one instrument's programmes, and phones.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    open_data_tables,
    screenshot,
    screenshots_wanted,
    wait_until_drawn,
)


def _open(server, page, query: str = "") -> None:
    # Straight to the page's URL: st.navigation routes it, on a fresh server too (there is
    # no pages/ folder for Streamlit to serve on its own; docs/decisions.md, 2026-11-27).
    page.goto(f"{server}/budget{query}")
    wait_until_drawn(page)


def _whole_page(page, name: str) -> None:
    """Screenshot the whole page: Streamlit scrolls inside its main block, so grow the viewport first."""
    if not screenshots_wanted():
        return
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(height + 50, 16000)})
    wait_until_drawn(page)
    page.wait_for_timeout(500)
    screenshot(page, name)


def test_budget_page_in_dutch(server, page):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _open(server, page)
    assert page.locator("h1").first.inner_text().startswith("Budget en uitgaven")
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 6  # with Iv3/SDG
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("uitgegeven van").count() >= 1
    assert page.get_by_text("Hefboom: externe cofinanciering per gemeentelijke euro").count() == 1
    assert open_data_tables(page) == 6
    assert page.locator('[data-testid="stTable"]').count() >= 5
    _whole_page(page, "budget-nl")
    assert not errors


def test_budget_page_in_english_then_one_instrument(server, page):
    """The English page, then drilled down to one instrument's programmes.

    Merged from test_budget_page_in_english and test_choosing_an_instrument_drills_down_to_its_programmes,
    which each loaded the same English page.
    """
    _open(server, page, "?lang=en")
    assert page.locator("h1").first.inner_text().startswith("Budget and spend")
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 6  # with Iv3/SDG
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Leverage: external co-funding per municipal euro").count() == 1
    _whole_page(page, "budget-en")

    page.locator('[data-testid="stSelectbox"]').filter(has_text="Instrument").click()
    page.get_by_role("option", name="Impact fund", exact=True).click()
    page.get_by_text("Budget and spend per programme of Impact fund").wait_for()
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Haags Impactfonds").count() >= 1
    assert_accessible(page)
    _whole_page(page, "budget-en-impact-fund")


@pytest.mark.parametrize("gm", ["GM0014", "GM0518"])
def test_phone_width(server, new_page, gm):
    page = new_page(PHONE)
    _open(server, page, f"?gm={gm}")
    assert page.locator("h1").first.inner_text().startswith("Budget en uitgaven")
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 6  # with Iv3/SDG
    assert page.locator('[data-testid="stException"]').count() == 0
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        "        .some(c => c.getBoundingClientRect().right > window.innerWidth + 1)"
    )
    assert not overflow, "every chart fits the phone's width"
    open_data_tables(page)  # a table wider than the phone would scroll sideways (an axe violation)
    assert_accessible(page)
    _whole_page(page, f"budget-nl-{gm}-phone")
