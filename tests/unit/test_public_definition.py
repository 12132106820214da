"""What the public may see is defined once (impactdash.publish.public); snapshot and open data follow it."""

from __future__ import annotations

from pathlib import Path

from impactdash.publish import opendata, public

PACKAGE = Path(__file__).resolve().parents[2] / "impactdash"
NEVER_PUBLIC = {"app_user", "user_role", "audit_log", "import_change", "publication", "sign_in_throttle"}


def test_no_private_table_is_public():
    assert not NEVER_PUBLIC & {t.name for t in public.PUBLIC}


def test_the_snapshot_copies_exactly_the_public_definition():
    assert [name for name, _ in public.PUBLIC_TABLES] == [t.name for t in public.PUBLIC]
    assert dict(public.PUBLIC_TABLES)["note"] == (
        "select * replace ('' as author) from note where visibility = 'public'"
    )


def test_the_open_data_describes_exactly_the_open_public_tables():
    described = [t.name for t in opendata.OPEN_TABLES if t.name not in opendata.DERIVED]
    assert tuple(described) == public.open_table_names()
    assert opendata.LEFT_OUT == public.left_out_columns()
    note = next(t for t in opendata.OPEN_TABLES if t.name == "note")
    assert note.where == public.table("note").where


def test_the_note_rule_is_written_in_one_place():
    holders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "visibility = 'public'" in p.read_text(encoding="utf-8")
    ]
    assert holders == ["publish/public.py"]
