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
        "bestand a.csv; draait logregel 12 terug; other: 1"
    )


def test_the_audit_says_values_and_details_in_words_formatted():
    # Issue 12: the audit showed "9350.0", "source: unknown", "reverts: 8".
    rows = audit_view.changed_fields(
        '{"amount": 9350.0, "counterparty_kind": "supplier", "booking_date": "2025-03-01"}',
        '{"amount": 10350.5, "counterparty_kind": "other", "booking_date": "2025-03-02"}',
        "spend",
        "nl",
    )
    assert rows == [
        ("amount", "9.350,00", "10.350,50"),
        ("counterparty_kind", "Leverancier", "Overig"),
        ("booking_date", "01-03-2025", "02-03-2025"),
    ]
    assert audit_view.changed_fields('{"amount": 9350.0}', '{"amount": 1350.0}', "budget", "en") == [
        ("amount", "9,350.00", "1,350.00")
    ]
    users = audit_view.changed_fields(
        '{"roles": ["editor"], "disabled": false, "locked_until": null}',
        '{"roles": ["editor", "reviewer"], "disabled": true, "locked_until": "2026-12-02 10:15:00"}',
        "app_user",
        "nl",
    )
    assert users[1] == ("disabled", "nee", "ja") and users[2] == ("locked_until", "–", "02-12-2026 10:15")
    assert "medewerker" in users[0][1]
    assert audit_view.detail_text('{"source": "unknown"}', "nl") == "vanaf een onbekend adres"
    assert audit_view.detail_text('{"reverts": 8}', "en") == "reverts audit entry 8"
    assert audit_view.detail_text('{"file": "x.csv", "rows": 12000, "inserted": 1500}', "nl") == (
        "bestand x.csv; 12.000 rijen; 1.500 nieuw"
    )
