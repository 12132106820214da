"""The ambitions page in a real browser: draws its chart, no errors, no accessibility violations.

axe-core checks the page of the default municipality in both languages, every expander open
and without leaving anything out, in the accessibility journey (test_accessibility_browser.py);
here Leeuwarden's, the phone, and the page a link leads to.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import PHONE, assert_accessible, open_data_tables, screenshot, wait_until_drawn

#: Streamlit's own chrome, not this page: at phone width a wide st.table scrolls sideways in a
#: container without tabindex (Streamlit renders it; a page cannot add one). Ignored only there.
PHONE_CHROME_RULES = frozenset({"scrollable-region-focusable"})
#: The sidebar navigation that st.navigation draws from dashboard.py's sections is Streamlit's and
#: the entry script's, not this page's (its <ul> holds <div>s: axe rules list and listitem).
#: It is left out of the scan; everything else, the rest of the sidebar included, is checked.
NOT_THIS_PAGE = {"exclude": [['[data-testid="stSidebarNav"]']]}


def _open(server, page, query: str = "") -> None:
    # Straight to the page's URL: st.navigation routes it, on a fresh server too (there is
    # no pages/ folder for Streamlit to serve on its own; docs/decisions.md, 2026-11-27).
    page.goto(f"{server}/ambitions{query}")
    wait_until_drawn(page)


def _violations(page, ignore=frozenset()) -> tuple[int, str]:
    results = Axe().run(page, context=NOT_THIS_PAGE)
    left = [v for v in results.response["violations"] if v["id"] not in ignore]
    return len(left), results.generate_report()


@pytest.mark.parametrize(
    ("query", "title", "heading", "name", "then_pick"),
    [
        ("", "Ambities van", "Alle ambities", "ambitions-nl", True),
        ("?lang=en", "Ambitions of", "All ambitions", "ambitions-en", False),
        ("?gm=GM0080", "Ambities van Leeuwarden", "Ambitie in detail", "ambitions-leeuwarden-nl", False),
    ],
)
def test_ambitions_page_draws_without_errors_or_violations(
    server, page, query, title, heading, name, then_pick
):
    """Drawn and accessible; on the Dutch page, then another ambition is picked.

    The pick was test_picking_another_ambition_redraws_the_chart, on its own load of the same page.
    """
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _open(server, page, query)
    assert page.locator("h1").first.inner_text().startswith(title)
    assert page.get_by_role("heading", name=heading).count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert charts.count() == 1
    assert charts.first.locator(".scatterlayer .trace").count() >= 3
    assert open_data_tables(page) == 1  # the chart's data, checked by axe below as well
    assert page.locator('[data-testid="stTable"]').count() >= 3
    screenshot(page, name)
    if "gm=" in query:  # the default municipality in both languages: axe-core in the accessibility journey
        count, report = _violations(page)
        if count:
            print(report)
        assert count == 0
    assert not errors
    if then_pick:
        _pick_another_ambition(page)


def _pick_another_ambition(page) -> None:
    first = page.locator('[data-testid="stMarkdownContainer"] h3').first.inner_text()
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Kies een ambitie")
    # The combobox can take a moment to respond after the first draw: retry opening it.
    for _ in range(5):
        picker.get_by_role("combobox").click()
        try:
            page.get_by_role("listbox").wait_for(timeout=3_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    assert page.get_by_role("option").count() > 1
    page.get_by_role("option").last.click()
    page.wait_for_function(
        "(first) => [...document.querySelectorAll('[data-testid=\"stMarkdownContainer\"] h3')]"
        ".every(h => !h.innerText.startsWith(first))",
        arg=first,
    )
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 1


def test_phone_width_keeps_the_page_usable(server, new_page):
    page = new_page(PHONE)
    _open(server, page)
    assert page.locator('[data-testid="stException"]').count() == 0
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    assert chart.bounding_box()["width"] <= 390
    screenshot(page, "ambitions-phone-nl")
    count, report = _violations(page, ignore=PHONE_CHROME_RULES)
    if count:
        print(report)
    assert count == 0


def test_from_an_ambition_down_to_its_spend_lines_by_links_and_back(server, page):
    """A councillor follows one ambition to a programme's bookings by links alone, and back.

    Each step is an address of its own (shareable); the browser's back button returns to
    the ambition, the forward button to the programme.
    """
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    start = "?gm=GM0518&lang=nl&ambition=DH-A-LEVERAGE"
    _open(server, page, start)
    ambition = page.locator('[data-testid="stMarkdownContainer"] h3').first.inner_text()
    link = page.locator('a[href*="programme="]').first
    href = link.get_attribute("href")
    assert "gm=GM0518" in href and "lang=nl" in href  # the whole state in the address
    link.click()
    page.wait_for_url("**/programme?*programme=*")
    # The address changes before the new page's run starts: wait for the page itself.
    page.get_by_role("heading", name=re.compile(r"^Boekingen, \d{4}")).wait_for(timeout=60_000)
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_role("heading", name=re.compile(r"^Boekingen, \d{4}")).count() == 1
    assert page.get_by_role("heading", name=re.compile(r"^Externe cofinanciering")).count() == 1
    assert page.locator('[data-testid="stTable"]').count() >= 1  # the bookings
    assert page.get_by_text("Iv3-taakveld:").count() == 1
    assert page.locator('a[href*="ambition=DH-A-LEVERAGE"]').count() == 1  # the way up
    screenshot(page, "programme-from-ambition-nl")
    assert_accessible(page)
    page.go_back()
    page.wait_for_url("**/ambitions?*ambition=DH-A-LEVERAGE*")
    page.wait_for_function(
        "(name) => [...document.querySelectorAll('[data-testid=\"stMarkdownContainer\"] h3')]"
        ".some(h => h.innerText === name)",
        arg=ambition,
    )
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.go_forward()
    page.wait_for_url("**/programme?*")
    page.get_by_role("heading", name=re.compile(r"^Boekingen, \d{4}")).wait_for(timeout=60_000)
    wait_until_drawn(page)
    assert page.get_by_role("heading", name=re.compile(r"^Boekingen, \d{4}")).count() == 1
    assert not errors
