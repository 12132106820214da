"""Every staff page refuses anyone without its action: by navigation and by direct switch.

The matrix is built from impactdash.ui.pages.PAGES and permissions.GRANTS, so a new staff page is
covered the moment it is registered. Each case must fail if the page's guard is removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config, i18n, ui
from impactdash.ui import pages
from impactdash.write import permissions

ROOT = Path(__file__).resolve().parents[2]


def _pages() -> list[tuple[str, str, str]]:
    return [(path, key, action) for path, key, _, _, action in pages.staff_pages()]


STAFF_PAGES = _pages()
ACTORS = {
    None: frozenset(),
    "editor.demo": {"editor"},
    "reviewer.demo": {"reviewer"},
    "admin.demo": {"admin"},
}
NO_ACCESS = {lang: i18n.t("no_access", lang) for lang in i18n.LANGUAGES}


def test_there_are_staff_pages():
    assert len(STAFF_PAGES) >= 5


@pytest.mark.parametrize(("path", "key", "action"), STAFF_PAGES, ids=[p for p, _, _ in STAFF_PAGES])
@pytest.mark.parametrize("username", list(ACTORS), ids=lambda u: u or "anonymous")
def test_navigation_offers_a_staff_page_only_to_those_allowed(app, path, key, action, username):
    allowed = permissions.allowed(permissions.Actor(username, frozenset(ACTORS[username])), action)
    at = app("nl", signed_in=username)
    if allowed:
        at.switch_page(path)
        at.run()
        assert not at.exception
        assert NO_ACCESS["nl"] not in [e.value for e in at.error]
        assert any(t.value.startswith(i18n.t(key, "nl")) for t in at.title)
    else:
        # Not registered for this session: a typed URL gets Streamlit's "page not found".
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(path)


@pytest.mark.parametrize(("path", "key", "action"), STAFF_PAGES, ids=[p for p, _, _ in STAFF_PAGES])
@pytest.mark.parametrize("username", list(ACTORS), ids=lambda u: u or "anonymous")
def test_staff_page_run_on_its_own_stops_at_its_guard(app_db, monkeypatch, path, key, action, username):
    """However a page file gets run (stale session, auto-discovery), its first line refuses."""
    monkeypatch.setenv(config.DB_ENV, str(app_db))
    allowed = permissions.allowed(permissions.Actor(username, frozenset(ACTORS[username])), action)
    at = AppTest.from_file(str(ROOT / path), default_timeout=60)
    if username:
        at.session_state[ui.ACTOR_KEY] = username
    at.run()
    errors = [e.value for e in at.error]
    if allowed:
        assert NO_ACCESS["nl"] not in errors
    else:
        assert errors == [NO_ACCESS["nl"]]
        assert not at.title, "no staff content may render before the guard"
        assert not at.button and not at.get("file_uploader") and not at.table and not at.dataframe
