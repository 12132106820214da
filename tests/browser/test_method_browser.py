"""Overview and Method pages in a real browser: drawn, accessible (axe-core), both languages."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import screenshot, wait_until_drawn


@pytest.mark.parametrize("path", ["", "method"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_has_no_accessibility_violations(server, page, path, lang):
    page.goto(f"{server}/{path}?lang={lang}")
    wait_until_drawn(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    results = Axe().run(page)
    screenshot(page, f"{path or 'overview'}-{lang}-axe")
    assert results.violations_count == 0, results.generate_report()
