"""The Method page in a real browser: drawn, accessible (axe-core), both languages; no page asks another host.

The overview's axe-core check in both languages is in test_overview_browser.py.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import screenshot, wait_until_drawn


@pytest.mark.parametrize("path", ["method"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_has_no_accessibility_violations(server, page, path, lang):
    page.goto(f"{server}/{path}?lang={lang}")
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    results = Axe().run(page)
    screenshot(page, f"{path or 'overview'}-{lang}-axe")
    assert results.violations_count == 0, results.generate_report()


PUBLIC_PATHS = ["", "budget", "property", "ecosystem", "ambitions", "compare", "method", "sign-in"]


def test_no_page_asks_any_other_host(server, page):
    """No visitor's browser is ever sent to a third party: no fonts, tiles, scripts or images."""
    hosts: dict[str, set[str]] = {}
    current = {"path": ""}
    page.on(
        "request", lambda r: hosts.setdefault(current["path"], set()).add(urlparse(r.url).hostname or r.url)
    )
    for path in PUBLIC_PATHS:
        current["path"] = path
        page.goto(f"{server}/{path}")
        wait_until_drawn(page)
        assert page.locator('[data-testid="stException"]').count() == 0, path
    assert {path: h - {"127.0.0.1"} for path, h in hosts.items() if h - {"127.0.0.1"}} == {}
