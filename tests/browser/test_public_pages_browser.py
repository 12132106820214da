"""The Method and Change log pages in a real browser: drawn, accessible (axe-core), both languages.

The overview's axe-core check in both languages is in test_overview_browser.py. That no page
asks any other host is checked after every browser test, on every page it opened
(``_no_other_host`` in conftest.py): it replaced test_no_page_asks_any_other_host, which
opened each public page once more for it.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import screenshot, wait_until_drawn

# The change log: drawn and accessible; its content is checked in test_publish_browser.py.
# Also the page's language and title (WCAG 3.1.1, 2.4.2), which axe cannot judge.
TITLES = {
    ("method", "nl"): "Methode en data — Impactpijler",
    ("method", "en"): "Method and data — Impact pillar",
    ("changelog", "nl"): "Wijzigingen per publicatie — Impactpijler",
    ("changelog", "en"): "Changes per publication — Impact pillar",
}


@pytest.mark.parametrize("path", ["method", "changelog"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_has_no_accessibility_violations(server, page, path, lang):
    page.goto(f"{server}/{path}?lang={lang}")
    # Served in the address's language (serve.py), before any script of the page has run.
    assert page.evaluate("document.documentElement.lang") == lang
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.evaluate("document.documentElement.lang") == lang
    page.wait_for_function("t => document.title.startsWith(t)", arg=TITLES[path, lang])
    results = Axe().run(page)
    screenshot(page, f"{path or 'overview'}-{lang}-axe")
    assert results.violations_count == 0, results.generate_report()
