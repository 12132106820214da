"""AppTest helpers: run the real entry script against a private copy of the demo database."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from impactdash import config, ui

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True, scope="session")
def _show_errors_in_tests():
    # Production hides error details from visitors; the tests need them to say what broke.
    st_config.set_option("client.showErrorDetails", "full")


@pytest.fixture
def app(demo_copy, monkeypatch):
    """Return a factory running dashboard.py, optionally signed in and switched to one page.

    ``app(lang="en", municipality="GM0014", page="app_pages/budget.py", signed_in="editor.demo")``
    returns the AppTest after the page's run, asserting it raised no exception. Every
    chart's data table is then opened, as a visitor would (``tables=False``: left closed).
    """
    monkeypatch.setenv(config.DB_ENV, str(demo_copy))

    def run(
        lang: str = "nl",
        municipality: str | None = None,
        page: str | None = None,
        signed_in: str | None = None,
        tables: bool = True,
    ) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        if signed_in:
            # As after a successful sign-in: the session remembers the username only.
            at.session_state[ui.ACTOR_KEY] = signed_in
        at.query_params["lang"] = lang
        if municipality:
            at.query_params["gm"] = municipality
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        if page:
            at.switch_page(page)
            at.run()
            assert not at.exception, [e.message for e in at.exception]
        if tables:
            open_tables(at)
        return at

    return run


def open_tables(at: AppTest) -> AppTest:
    """Open every chart's data table (built only once its expander is opened) and rerun."""
    # A keyed element's id is "$$ID-<hash>-<key>", and keys may hold dashes themselves.
    keys = [e.proto.id.split("-", 2)[-1] for e in at.expander]
    for key in keys:
        if key.startswith(ui.TABLE_KEY_PREFIX):
            at.session_state[key] = True
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at
