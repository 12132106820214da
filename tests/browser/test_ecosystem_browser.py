"""The ecosystem page in a real browser: draws every chart in both languages, no errors, no axe violations."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    assert_accessible,
    open_data_tables,
    screenshot,
    screenshots_wanted,
    wait_until_drawn,
)

#: The municipality a new session opens with, whose page the accessibility journey
#: (test_accessibility_browser.py) checks with axe-core in both languages, every expander open.
JOURNEYS_TOWN = "GM0518"
CASES = [
    ("nl", "GM0518", "Ecosysteem 's-Gravenhage", "Verbindingen per jaar"),
    ("en", "GM0518", "Ecosystem 's-Gravenhage", "Connections per year"),
    ("nl", "GM0080", "Ecosysteem Leeuwarden", "Het netwerk"),
]


def _open(server, page, query: str) -> None:
    # Straight to the page's URL: st.navigation routes it, on a fresh server too (there is
    # no pages/ folder for Streamlit to serve on its own; docs/decisions.md, 2026-11-27).
    page.goto(f"{server}/ecosystem?{query}")
    wait_until_drawn(page)


@pytest.mark.parametrize(("lang", "gm", "title", "heading"), CASES)
def test_ecosystem_draws_in_both_languages_without_errors(server, page, lang, gm, title, heading):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _open(server, page, f"lang={lang}&gm={gm}")
    assert page.locator("h1").first.inner_text() == title
    assert page.get_by_role("heading", name=heading).count() == 1
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert charts.count() >= 5  # ambitions, connections, network, programme lead
    # the network graph (second-last chart) draws one marker per organisation: more than 40 here
    network = charts.nth(charts.count() - 2)
    assert network.locator(".scatterlayer .point").count() > 40
    assert network.locator(".legendtext").count() == 7  # a legend entry per kind
    assert network.locator(".shapelayer path").count() == 1  # every edge in one path
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.all_inner_texts()
    assert (
        open_data_tables(page) == charts.count() + 1
    )  # each chart's data, and one organisation's connections
    if gm != JOURNEYS_TOWN:  # 's-Gravenhage in both languages: axe-core in the accessibility journey
        assert_accessible(page)
    if screenshots_wanted():
        page.set_viewport_size({"width": 1366, "height": 5200})  # the app scrolls inside; show it all
        screenshot(page, f"ecosystem-{lang}-{gm}")
    assert not errors


def test_ecosystem_fits_a_phone(server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    _open(server, page, "lang=nl&gm=GM0014")
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.all_inner_texts()
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        ".filter(c => c.getBoundingClientRect().right > window.innerWidth + 1).length"
    )
    assert overflow == 0, "a chart is wider than the phone"
    assert_accessible(page)
    screenshot(page, "ecosystem-phone-nl-GM0014")
