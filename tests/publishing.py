"""Test helper: publish a test database's current working figures, as the demo people would."""

from __future__ import annotations

from pathlib import Path

from impactdash import config
from impactdash.publish import pointer, workflow
from impactdash.store import db
from impactdash.write import permissions

EDITOR = permissions.Actor("editor.demo", frozenset({"editor"}))
REVIEWER = permissions.Actor("reviewer.demo", frozenset({"reviewer"}))


def publish_now(path: Path, label: str = "Test") -> pointer.Current:
    """Request and approve a publication of ``path``'s working figures; return it (now current)."""
    con = db.connect(path)
    try:
        folder = config.publications_dir(path)
        publication_id = workflow.request(con, EDITOR, label, None, folder)
        return workflow.approve(con, REVIEWER, publication_id, folder)
    finally:
        con.close()
