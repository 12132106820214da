"""The overview in a real browser: loads, draws every chart, switches language, no errors."""

from __future__ import annotations

from tests.browser.conftest import screenshot, wait_until_drawn


def test_overview_draws_every_chart_in_dutch(server, page):
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server)
    wait_until_drawn(page)
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert charts.count() >= 5
    assert page.locator("h1").first.inner_text().startswith("Impactpijler")
    assert page.get_by_text("illustratief").count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "overview-nl")
    assert not errors


def test_language_switch_holds_across_reload(server, page):
    page.goto(server)
    wait_until_drawn(page)
    page.get_by_role("radio", name="English").click()
    page.wait_for_function("() => document.querySelector('h1')?.innerText.startsWith('Impact pillar')")
    wait_until_drawn(page)
    assert "lang=en" in page.url
    page.reload()
    wait_until_drawn(page)
    assert page.locator("h1").first.inner_text().startswith("Impact pillar")
    assert page.get_by_text("Key figures").count() == 1
    screenshot(page, "overview-en")


def test_northern_city_by_url(server, page):
    page.goto(f"{server}/?gm=GM0080")
    wait_until_drawn(page)
    assert "Leeuwarden" in page.locator("h1").first.inner_text()
    screenshot(page, "overview-leeuwarden")
