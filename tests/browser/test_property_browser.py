"""The real-estate page in a real browser: drawn, accessible, and no request leaves the machine.

axe-core checks the page of 's-Gravenhage (a new session's municipality) in both languages, every
expander open, in the accessibility journey (test_accessibility_browser.py); here Groningen's.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.conftest import (
    ARTIFACTS,
    PHONE,
    assert_accessible,
    open_data_tables,
    screenshots_wanted,
    wait_until_drawn,
)

HEADINGS = {"nl": "Vastgoed in", "en": "Real estate in"}


def _hosts(urls: list[str]) -> set[str]:
    return {urlparse(u).hostname or u for u in urls}


def _open(page, server: str, query: str) -> list[str]:
    """Open the property page and return the URL of every request the browser made."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    # Straight to the page's URL: st.navigation routes it, on a fresh server too (there is
    # no pages/ folder for Streamlit to serve on its own; docs/decisions.md, 2026-11-27).
    page.goto(f"{server}/property?{query}")
    wait_until_drawn(page)
    page.wait_for_function(
        "h => document.querySelector('h1')?.innerText.startsWith(h)",
        arg=HEADINGS["en" if "lang=en" in query else "nl"],
    )
    wait_until_drawn(page)
    return urls


def _tall_screenshot(page, name: str, width: int) -> None:
    """Screenshot the whole page: Streamlit scrolls inside its own container, so grow the window."""
    if not screenshots_wanted():
        return
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(height) + 50, 8000)})
    page.wait_for_timeout(1000)
    wait_until_drawn(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("gm=GM0518", "property-nl"),
        ("gm=GM0518&lang=en", "property-en"),
        ("gm=GM0014", "property-nl-groningen"),
    ],
)
def test_property_page_draws_offline_and_accessibly(server, page, query, name):
    """Drawn, accessible, and no request leaves the machine (on 's-Gravenhage: what
    test_no_request_leaves_the_machine_at_all checked on its own load of the same page)."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    urls = _open(page, server, query)
    assert page.locator('[data-testid="stException"]').count() == 0
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert charts.count() == 4
    # the map's outlines and markers are drawn as SVG paths, not loaded as tiles
    the_map = charts.nth(3)
    assert the_map.locator("path.js-fill").count() >= 5
    assert the_map.locator(".scatterlayer .point").count() >= 5
    assert (
        page.locator("img").evaluate_all("els => els.filter(e => !e.src.startsWith(location.origin)).length")
        == 0
    )
    assert open_data_tables(page) == 4  # the map's data is the register below it; one building's quarters
    if (
        "GM0518" not in query
    ):  # 's-Gravenhage, a new session's, in both languages: the accessibility journey's
        assert_accessible(page)
    _tall_screenshot(page, name, 1366)
    assert _hosts(urls) == {"127.0.0.1"}, f"the page asked other hosts: {urls}"
    assert not errors


def test_property_page_fits_a_phone(server, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True)  # a phone: its own context
    page = context.new_page()
    try:
        urls = _open(page, server, "gm=GM0080")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stPlotlyChart"]').count() == 4
        # nothing but the register table (which scrolls in its own box) is wider than the screen
        overflow = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth")
        assert overflow <= 390
        widths = page.locator('[data-testid="stPlotlyChart"]').evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().width)"
        )
        assert all(100 < w <= 390 for w in widths), widths
        _tall_screenshot(page, "property-nl-phone-leeuwarden", 390)
        assert _hosts(urls) == {"127.0.0.1"}
    finally:
        context.close()
