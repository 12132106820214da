"""AppTest helpers: run the real entry script against a private copy of the demo database."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(demo_copy, monkeypatch):
    """Return a factory: ``app(lang="nl")`` runs dashboard.py once and returns the AppTest."""
    monkeypatch.setenv(db.DB_ENV, str(demo_copy))

    def run(lang: str = "nl", municipality: str | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.query_params["lang"] = lang
        if municipality:
            at.query_params["gm"] = municipality
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return run
