"""The audit trail queries: an editor's own entries only, every search filter, newest first, a limit."""

from __future__ import annotations

import datetime as dt

import pytest

from impactdash.store import db
from impactdash.views import audit as audit_view
from impactdash.write import edits
from impactdash.write.permissions import Actor

EDITOR = Actor("editor.demo", frozenset({"editor"}), "Editor Demo")
ANY = {"own": None, "person": None, "dataset": None, "record": None, "date_from": None, "date_to": None}


@pytest.fixture
def con(demo_copy):
    con = db.connect(demo_copy)
    _, version = edits.get_record(con, "property", "DH-V01")
    edits.save_record(con, EDITOR, "property", {"code": "DH-V01", "name": "Nieuwe naam"}, version)
    yield con
    con.close()


def entries(con, **filters):
    return db.run_query(con, "audit_entries", **(ANY | filters), max_rows=200)


def test_own_limits_to_one_actor(con):
    assert set(entries(con, own="editor.demo")["actor"]) == {"editor.demo"}
    # The demo's users are created on the command line; its first publication is requested
    # by the editor and approved by the reviewer.
    assert set(entries(con)["actor"]) == {"cli", "editor.demo", "reviewer.demo"}
    assert entries(con, own="editor.demo", person="cli").empty


def test_filters_and_order(con):
    assert list(entries(con, dataset="property")["record_key"]) == ['["DH-V01"]']
    assert len(entries(con, record="ADMIN")) == 1
    today = dt.date.today()
    assert len(entries(con, date_from=today, date_to=today + dt.timedelta(days=1))) == 6
    assert entries(con, date_from=today + dt.timedelta(days=2)).empty
    assert entries(con, date_to=today - dt.timedelta(days=2)).empty
    ids = list(entries(con)["id"])
    assert ids == sorted(ids, reverse=True)
    assert len(db.run_query(con, "audit_entries", **ANY, max_rows=2)) == 2
    assert db.run_query(con, "audit_count", **ANY)["n"].iloc[0] == 6


def test_changed_fields_only_and_no_password_hash():
    rows = audit_view.changed_fields(
        '{"a": 1, "b": 2, "password_hash": "x"}', '{"a": 1, "b": 3, "password_hash": "y"}'
    )
    assert rows == [("b", "2", "3")]
    assert audit_view.changed_fields(None, '{"a": null}') == []
    assert audit_view.key_text('["GM0518", 2025]') == "GM0518 / 2025"
    assert audit_view.detail_text('{"reverts": 12}') == "reverts: 12"
    assert audit_view.detail_text('{"file": "a.csv", "reverts": 12, "other": 1}', "nl") == (
        "bestand: a.csv, draait terug: 12, other: 1"
    )
