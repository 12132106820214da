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


def as_published_before_0008(path: Path) -> None:
    """Make the snapshot ``path`` look as if published under schema 0007 (before ``spend_month``).

    What the later migrations add goes (a snapshot holds the whole schema of its day), and the
    file is left read-only, as published snapshots are.
    """
    path.chmod(0o644)
    con = db.connect(path)
    try:
        con.execute("drop view spend_month_reported")
        con.execute("drop table spend_month")
        con.execute("drop table if exists import_change")
        con.execute("drop table if exists staff_session")
        # Migration 0011's English texts: DuckDB can drop only note's (no table refers to note).
        con.execute("alter table note drop column body_en")
        con.execute("delete from schema_version where version >= 8")
        con.execute("checkpoint")
    finally:
        con.close()
    path.chmod(0o444)
