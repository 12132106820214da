"""Every page, public and staff, says that the demo data is illustrative while it is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from impactdash.ui import pages
from impactdash.write import permissions

ROOT = Path(__file__).resolve().parents[2]
USERS = {"editor.demo": {"editor"}, "reviewer.demo": {"reviewer"}, "admin.demo": {"admin"}}


#: Pages that show no figures, so no banner about them: the accessibility statement.
NO_FIGURES = {"app_pages/accessibility.py"}


def _pages() -> list[tuple[str, str | None]]:
    return [(path, action) for path, _, _, _, action in pages.PAGES if path not in NO_FIGURES]


def _user_for(action: str | None) -> str | None:
    if action is None:
        return None
    return next(
        u for u, roles in USERS.items() if permissions.allowed(permissions.Actor(u, frozenset(roles)), action)
    )


@pytest.mark.parametrize(
    ("path", "action"), [*_pages(), ("app_pages/sign_in.py", None)], ids=lambda v: str(v)
)
def test_page_says_demo_data_is_illustrative(app, path, action):
    at = app("nl", page=None if path.endswith("overview.py") else path, signed_in=_user_for(action))
    assert any("illustratief" in info.value for info in at.info), path
