"""The write path: forms and grids validate, write, audit in one transaction; conflicts; reverts."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import shutil

import duckdb
import pandas as pd
import pytest

from impactdash.store import db
from impactdash.write import edits, importer, permissions
from impactdash.write.datasets import DATASETS
from tests.demo_files import demo_without_english

ERIK = permissions.Actor("erik", frozenset({"editor"}))
ROSA = permissions.Actor("rosa", frozenset({"reviewer"}))
ANNA = permissions.Actor("anna", frozenset({"editor"}))
INJECTIONS = ("'); drop table spend; --", "1; delete from budget")

#: A valid new record for every data set that accepts new records, in the demo database.
NEW = {
    "municipality": {
        "code": "GM0999",
        "name": "Nieuwstad",
        "province": "Drenthe",
        "pillar_start": "01-01-2024",
        "is_demo": "ja",
    },
    "population": {"municipality_code": "GM0518", "year": "2030", "inhabitants": "560.000"},
    "instrument": {
        "code": "new_instrument",
        "domain_code": "finance",
        "name_nl": "Nieuw",
        "name_en": "New",
        "description_nl": "Omschrijving",
        "description_en": "Description",
    },
    "programme": {
        "code": "DH-P99",
        "municipality_code": "GM0518",
        "instrument_code": "impact_voucher",
        "name": "Nieuw programma",
        "lead": "partner",
        "partner_name": "Stichting Nieuw",
        "start_date": "01-01-2025",
        "end_date": "31-12-2026",
        "sdgs": "8;17",
        "description": "Proef",
    },
    "ambition": {
        "code": "DH-A-NEW",
        "metric_code": "impact_enterprises",
        "municipality_code": "GM0518",
        "baseline_date": "2024-12-31",
        "baseline_value": "10",
        "target_date": "2031-06-30",
        "target_value": "50,5",
        "cumulative": "nee",
        "document": "Raadsvoorstel",
        "document_url": "",
    },
    "milestone": {"ambition_code": "DH-A-SPEND", "due_date": "31-12-2024", "value": "5000000"},
    "programme_ambition": {"programme_code": "DH-P02", "ambition_code": "DH-A-FLOOR"},
    "budget": {
        "programme_code": "DH-P01",
        "year": "2030",
        "moment": "original",
        "amount": "1.234,56",
        "iv3_task_field": "3.4",
    },
    "spend": {
        "entry_ref": "NEW-0001",
        "programme_code": "DH-P03",
        "booking_date": "15-03-2025",
        "amount": "-250,00",
        "description": "Creditnota",
        "counterparty_kind": "Supplier",
    },
    "cofunding": {
        "programme_code": "DH-P01",
        "year": "2030",
        "funder": "Nieuw Fonds",
        "funder_kind": "foundation",
        "amount": "€ 1.000,00",
    },
    "property": {
        "code": "DH-V99",
        "municipality_code": "GM0518",
        "programme_code": "DH-P03",
        "name": "Nieuw pand",
        "address": "Straat 1",
        "district": "Centrum",
        "latitude": "52,07",
        "longitude": "4,30",
        "gross_floor_m2": "1000",
        "impact_floor_m2": "800",
        "rent_regime": "reduced",
        "rent_discount_eur_year": "10000",
        "available_from": "2025-01-01",
        "available_until": "",
    },
    "occupancy": {
        "property_code": "DH-V01",
        "year": "2030",
        "quarter": "1",
        "occupied_m2": "2000",
        "tenants": "10",
        "impact_tenants": "8",
    },
    "observation": {
        "metric_code": "impact_enterprises",
        "municipality_code": "GM0518",
        "observed_on": "2030-12-31",
        "value": "120",
        "source": "Telling",
    },
    "organisation": {
        "code": "DH-O999",
        "municipality_code": "GM0518",
        "name": "Nieuwe BV",
        "kind": "impact_enterprise",
        "joined_date": "2025-01-01",
        "left_date": "",
    },
    "connection": {
        "from_org": "DH-O001",
        "to_org": "DH-O002",
        "kind": "introduction",
        "connected_on": "2030-01-01",
        "programme_code": "",
    },
    "note": {
        "subject_kind": "programme",
        "subject_code": "DH-P01",
        "municipality_code": "GM0518",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "body": "Toelichting",
        "visibility": "public",
    },
}


def snapshot(con):
    """Row counts, a checksum of every table (audit log included) and the data version.

    The checksum is the sum of the rows' hashes: any changed, added or removed row changes
    it. (An MD5 of every table's rows as sorted text cost ~0.2 s a call; about 130 calls.)
    """
    counts = db.table_counts(con)
    sums = {t: con.execute(f'select sum(hash(x)::hugeint) from "{t}" x').fetchone()[0] for t in counts}
    return counts, sums, db.data_version(con)


def audit(con, **where):
    sql = "select action, dataset, record_key, before_json, after_json, detail, actor, id from audit_log"
    rows = con.execute(sql + " order by id").fetchall()
    return [r for r in rows if all(r[["action", "dataset"].index(k)] == v for k, v in where.items())]


@pytest.fixture
def con(demo_copy):
    connection = db.connect(demo_copy)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def texts(demo_db_file, tmp_path_factory):
    """One writable demo copy for the 60 tests of SQL in text fields; each deletes the record it added.

    They had a demo copy each (a 32 MB copy, its publications and a connection apiece).
    """
    path = tmp_path_factory.mktemp("texts") / "impact.duckdb"
    shutil.copy(demo_db_file, path)
    connection = db.connect(path)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def shared(demo_db_file, tmp_path_factory):
    """One writable demo copy for tests that must change nothing (each checks that it did not)."""
    path = tmp_path_factory.mktemp("refused") / "impact.duckdb"
    shutil.copy(demo_db_file, path)
    connection = db.connect(path)
    yield connection
    connection.close()


def test_every_insertable_data_set_has_a_sample():
    assert set(NEW) == {name for name, ds in DATASETS.items() if ds.insert}


# --- saving one record ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(NEW))
def test_new_record_is_saved_audited_and_bumps_the_version(con, name):
    before_counts, _, version = snapshot(con)
    key = edits.save_record(con, ERIK, name, NEW[name])
    values, record_version = edits.get_record(con, name, key)
    counts, _, new_version = snapshot(con)
    assert counts[name] == before_counts[name] + 1
    assert counts["audit_log"] == before_counts["audit_log"] + 1 and new_version == version + 1
    (entry,) = audit(con, action="insert")
    assert (
        entry[1] == name and entry[3] is None and json.loads(entry[4]) == json.loads(edits.row_json(values))
    )
    assert entry[6] == "erik" and record_version == edits.record_version(values)
    # Saving the same values again is no change at all.
    assert edits.save_record(con, ERIK, name, edits.as_text(name, values), record_version) == key
    assert snapshot(con)[0] == counts and db.data_version(con) == new_version


def test_values_are_stored_typed_from_dutch_input(con):
    key = edits.save_record(con, ERIK, "spend", NEW["spend"])
    values, _ = edits.get_record(con, "spend", key)
    assert values["amount"] == decimal.Decimal("-250.00") and values["booking_date"] == dt.date(2025, 3, 15)
    assert values["counterparty_kind"] == "supplier"
    population, _ = edits.get_record(
        con, "population", edits.save_record(con, ERIK, "population", NEW["population"])
    )
    assert population["inhabitants"] == 560_000
    ambition, _ = edits.get_record(con, "ambition", edits.save_record(con, ERIK, "ambition", NEW["ambition"]))
    assert ambition["target_value"] == 50.5 and ambition["cumulative"] is False


def test_update_writes_before_and_after(con):
    values, version = edits.get_record(con, "spend", "DH-2018-000001")
    typed = edits.as_text("spend", values) | {"amount": "1.234,50", "description": "Gecorrigeerd"}
    edits.save_record(con, ERIK, "spend", typed, version)
    after, _ = edits.get_record(con, "spend", "DH-2018-000001")
    assert after["amount"] == decimal.Decimal("1234.50") and after["description"] == "Gecorrigeerd"
    (entry,) = audit(con, action="update")
    assert json.loads(entry[3])["amount"] == 15252.63 and json.loads(entry[4])["amount"] == 1234.5
    assert json.loads(entry[2]) == ["DH-2018-000001"]


def test_a_field_left_out_keeps_its_value(con):
    _, version = edits.get_record(con, "property", "DH-V01")
    edits.save_record(
        con, ERIK, "property", {"code": "DH-V01", "name": "Impacthub Binckhorst (nieuw)"}, version
    )
    values, _ = edits.get_record(con, "property", "DH-V01")
    assert values["name"] == "Impacthub Binckhorst (nieuw)" and values["impact_floor_m2"] == 2400


def test_note_gets_a_number_and_its_author(con):
    (key,) = edits.save_record(con, ERIK, "note", NEW["note"])
    values, _ = edits.get_record(con, "note", key)
    assert key > 18 and values["author"] == "erik" and values["body"] == "Toelichting"


def test_ambition_with_milestones_can_be_changed(con):
    """Needs migration 0005: DuckDB refused any update of a referenced ambition before it."""
    values, version = edits.get_record(con, "ambition", "DH-A-SPEND")
    typed = edits.as_text("ambition", values) | {"target_value": "7500000", "target_date": "2027-12-31"}
    edits.save_record(con, ERIK, "ambition", typed, version)
    assert edits.get_record(con, "ambition", "DH-A-SPEND")[0]["target_date"] == dt.date(2027, 12, 31)


def test_measure_texts_can_be_changed_but_not_added_or_deleted(con):
    values, version = edits.get_record(con, "metric", "spend_eur")
    edits.save_record(con, ERIK, "metric", {"code": "spend_eur", "name_en": "Spend"}, version)
    assert edits.get_record(con, "metric", "spend_eur")[0]["name_en"] == "Spend"
    with pytest.raises(edits.ValidationError) as err:
        edits.save_record(con, ERIK, "metric", dict(edits.as_text("metric", values), code="new_metric"))
    assert err.value.problems[0].message_key == "edit_no_insert"
    with pytest.raises(edits.ValidationError):
        edits.delete_record(con, ERIK, "metric", "spend_eur", None)


# --- refusals change nothing --------------------------------------------------------

BAD = [
    ("spend", {"amount": "12,5x"}, "amount", "edit_not_number"),
    ("spend", {"amount": "0"}, "amount", "edit_zero"),
    ("spend", {"amount": "1,2345"}, "amount", "edit_too_many_decimals"),
    # A form that does not state its convention: 1,234 could be 1234 or 1,234 (both readings named).
    ("spend", {"amount": "1,234"}, "amount", "edit_ambiguous_number"),
    ("spend", {"booking_date": "31-12-25"}, "booking_date", "edit_not_date"),
    ("spend", {"programme_code": "DH-P98"}, "programme_code", "edit_reference"),
    ("spend", {"counterparty_kind": "klant"}, "counterparty_kind", "edit_not_choice"),
    ("spend", {"entry_ref": "DH-2018-000001"}, "entry_ref", "edit_exists"),
    ("spend", {"entry_ref": "  "}, "entry_ref", "edit_required"),
    ("budget", {"amount": "-5"}, "amount", "edit_min"),
    ("budget", {"year": "1999"}, "year", "edit_min"),
    ("budget", {"iv3_task_field": "34"}, "iv3_task_field", "edit_pattern"),
    ("cofunding", {"amount": "-0,01"}, "amount", "edit_min"),
    ("occupancy", {"occupied_m2": "2500"}, "occupied_m2", "edit_occupancy_above_floor"),
    ("occupancy", {"impact_tenants": "11"}, "impact_tenants", "edit_cmp_le"),
    ("occupancy", {"quarter": "5"}, "quarter", "edit_max"),
    ("occupancy", {"tenants": "3,5"}, "tenants", "edit_not_integer"),
    ("occupancy", {"property_code": "DH-V98"}, "property_code", "edit_reference"),
    ("programme", {"end_date": "31-12-2024"}, "end_date", "edit_cmp_ge"),
    ("programme", {"partner_name": ""}, "partner_name", "edit_required_when"),
    ("programme", {"sdgs": "8;18"}, "sdgs", "edit_pattern"),
    ("programme", {"instrument_code": "nope"}, "instrument_code", "edit_reference"),
    ("programme", {"municipality_code": "GM0001"}, "municipality_code", "edit_reference"),
    ("programme", {"lead": "gemeente"}, "lead", "edit_not_choice"),
    ("ambition", {"target_date": "2024-12-31"}, "target_date", "edit_cmp_gt"),
    (
        "ambition",
        {"metric_code": "spend_eur", "target_date": "2026-12-31"},
        "target_date",
        "edit_unique_taken",
    ),
    ("ambition", {"baseline_value": "veel"}, "baseline_value", "edit_not_number"),
    ("milestone", {"due_date": "2018-06-30"}, "due_date", "edit_milestone_before_baseline"),
    ("milestone", {"due_date": "2027-01-01"}, "due_date", "edit_milestone_after_target"),
    ("observation", {"metric_code": "spend_eur"}, "metric_code", "edit_metric_not_observed"),
    ("observation", {"value": ""}, "value", "edit_required"),
    ("note", {"subject_code": "DH-P98"}, "subject_code", "edit_subject_missing"),
    ("note", {"period_end": "2024-12-31"}, "period_end", "edit_cmp_ge"),
    ("note", {"visibility": "geheim"}, "visibility", "edit_not_choice"),
    ("property", {"impact_floor_m2": "1200"}, "impact_floor_m2", "edit_cmp_le"),
    ("property", {"available_until": "2024-12-31"}, "available_until", "edit_cmp_ge"),
    ("property", {"latitude": "91"}, "latitude", "edit_max"),
    ("property", {"gross_floor_m2": "0"}, "gross_floor_m2", "edit_min_exclusive"),
    (
        "property",
        {"rent_discount_eur_year": "12.345,678"},
        "rent_discount_eur_year",
        "edit_too_many_decimals",
    ),
    ("connection", {"to_org": "DH-O001"}, "to_org", "edit_cmp_ne"),
    ("connection", {"kind": "vriendschap"}, "kind", "edit_not_choice"),
    ("organisation", {"left_date": "2024-01-01"}, "left_date", "edit_cmp_ge"),
    ("municipality", {"code": "0999"}, "code", "edit_pattern"),
    ("municipality", {"name": "Groningen"}, "name", "edit_unique_taken"),
    ("municipality", {"is_demo": "misschien"}, "is_demo", "edit_not_bool"),
    ("population", {"inhabitants": "0"}, "inhabitants", "edit_min_exclusive"),
    ("population", {"municipality_code": "GM0518", "year": "2020"}, "year", "edit_exists"),
    ("instrument", {"domain_code": "sports"}, "domain_code", "edit_reference"),
    ("programme_ambition", {"ambition_code": "DH-A-NOPE"}, "ambition_code", "edit_reference"),
]


@pytest.mark.parametrize(("name", "change", "field", "key"), BAD, ids=[f"{b[0]}-{b[3]}" for b in BAD])
def test_bad_input_is_refused_naming_the_field_and_changes_nothing(shared, name, change, field, key):
    before = snapshot(shared)
    with pytest.raises(edits.ValidationError) as err:
        edits.save_record(shared, ERIK, name, NEW[name] | change)
    assert (field, key) in [(p.field, p.message_key) for p in err.value.problems], err.value.message("en")
    problem = next(p for p in err.value.problems if p.field == field)
    label = DATASETS[name].field(field)
    assert problem.message("nl").startswith(f"Veld ‘{label.label_nl}’: ")
    assert problem.message("en").startswith(f"Field ‘{label.label_en}’: ")
    assert "{" not in problem.message("nl") + problem.message("en")
    assert snapshot(shared) == before


UPDATES = [
    ("property", "DH-V01", {"impact_floor_m2": "2000"}, "impact_floor_m2", "edit_property_below_occupancy"),
    (
        "ambition",
        "DH-A-SPEND",
        {"target_date": "2021-12-31"},
        "target_date",
        "edit_ambition_before_milestone",
    ),
    (
        "ambition",
        "DH-A-SPEND",
        {"baseline_date": "2023-01-01"},
        "baseline_date",
        "edit_ambition_after_milestone",
    ),
]


@pytest.mark.parametrize(("name", "key", "change", "field", "message"), UPDATES, ids=[u[4] for u in UPDATES])
def test_changes_that_break_rules_of_other_records_are_refused(shared, name, key, change, field, message):
    values, version = edits.get_record(shared, name, key)
    before = snapshot(shared)
    with pytest.raises(edits.ValidationError) as err:
        edits.save_record(shared, ERIK, name, edits.as_text(name, values) | change, version)
    assert [(p.field, p.message_key) for p in err.value.problems] == [(field, message)]
    assert snapshot(shared) == before


def test_several_problems_are_all_reported(shared):
    with pytest.raises(edits.ValidationError) as err:
        edits.save_record(
            shared,
            ERIK,
            "spend",
            NEW["spend"] | {"amount": "x", "booking_date": "gisteren", "programme_code": ""},
        )
    assert err.value.count == 3 and {p.field for p in err.value.problems} == {
        "amount",
        "booking_date",
        "programme_code",
    }
    text = err.value.message("nl")
    assert text.startswith("Er is niets opgeslagen: 3") and "Veld ‘boekingsdatum’" in text


def test_renaming_a_referenced_municipality_is_refused_clearly(shared):
    """DuckDB cannot change a unique column of a referenced row; the message says so, nothing changes."""
    values, version = edits.get_record(shared, "municipality", "GM0518")
    before = snapshot(shared)
    with pytest.raises(edits.ValidationError) as err:
        edits.save_record(
            shared,
            ERIK,
            "municipality",
            edits.as_text("municipality", values) | {"name": "Den Haag"},
            version,
        )
    assert err.value.problems[0].message_key == "edit_locked_by_references"
    assert snapshot(shared) == before
    # Other fields of the same municipality can be changed.
    # (done on a copy of the values: the refused save above left everything as it was)


@pytest.mark.parametrize("actor", [permissions.ANONYMOUS, ROSA], ids=["anonymous", "reviewer"])
def test_actors_without_the_role_write_nothing(shared, actor):
    before = snapshot(shared)
    values, version = edits.get_record(shared, "spend", "DH-2018-000001")
    with pytest.raises(permissions.PermissionDenied):
        edits.save_record(shared, actor, "spend", NEW["spend"])
    with pytest.raises(permissions.PermissionDenied):
        edits.save_record(shared, actor, "spend", edits.as_text("spend", values), version)
    with pytest.raises(permissions.PermissionDenied):
        edits.delete_record(shared, actor, "spend", "DH-2018-000001", version)
    with pytest.raises(permissions.PermissionDenied):
        edits.save_grid(shared, actor, "spend", pd.DataFrame([NEW["spend"]]))
    with pytest.raises(permissions.PermissionDenied):
        importer.apply(shared, actor, "spend", pd.DataFrame([NEW["spend"]]))
    assert snapshot(shared) == before


def test_editors_cannot_revert(shared):
    with pytest.raises(permissions.PermissionDenied):
        edits.revert(shared, ERIK, 1)


@pytest.mark.parametrize("text", INJECTIONS)
@pytest.mark.parametrize(
    ("name", "field"),
    [
        (name, f.name)
        for name in sorted(NEW)
        for f in DATASETS[name].fields
        if f.kind == "text" and not f.references and not f.pattern and not f.auto and f.name != "subject_code"
    ],
)
def test_sql_in_any_text_field_is_stored_as_text(texts, name, field, text):
    """Every free text field; codes that must exist elsewhere are checked in the next test."""
    con = texts
    counts = db.table_counts(con)
    key = edits.save_record(con, ERIK, name, NEW[name] | {field: text})
    try:
        assert edits.get_record(con, name, key)[0][field] == text
        after = db.table_counts(con)
        assert after[name] == counts[name] + 1 and after["spend"] == counts["spend"] + (name == "spend")
        assert after["budget"] == counts["budget"] + (name == "budget")
    finally:
        # The next test adds the same sample record (NEW) to the same copy: take this one out.
        edits.delete_record(con, ERIK, name, key, edits.get_record(con, name, key)[1])
    assert db.table_counts(con)[name] == counts[name]


@pytest.mark.parametrize("text", INJECTIONS)
def test_sql_in_a_reference_or_number_field_is_just_a_wrong_value(shared, text):
    before = snapshot(shared)
    with pytest.raises(edits.ValidationError) as err:
        edits.save_record(shared, ERIK, "spend", NEW["spend"] | {"programme_code": text, "amount": text})
    assert {p.message_key for p in err.value.problems} == {"edit_reference", "edit_not_number"}
    assert err.value.problems[0].params["value"] == text
    assert snapshot(shared) == before


def test_a_failure_while_writing_rolls_everything_back(shared, monkeypatch):
    def boom(cur):
        raise RuntimeError("disk full")

    before = snapshot(shared)
    monkeypatch.setattr(db, "bump_data_version", boom)
    with pytest.raises(RuntimeError):
        edits.save_record(shared, ERIK, "spend", NEW["spend"])
    values, version = edits.get_record(shared, "spend", "DH-2018-000002")
    with pytest.raises(RuntimeError):
        edits.save_record(shared, ERIK, "spend", edits.as_text("spend", values) | {"amount": "1"}, version)
    monkeypatch.undo()
    assert snapshot(shared) == before


# --- two people, one record -----------------------------------------------------------


def test_the_later_save_is_refused_instead_of_overwriting(con):
    values, version = edits.get_record(con, "budget", ("DH-P01", 2018, "original"))
    erik_typed = edits.as_text("budget", values) | {"amount": "400000"}
    anna_typed = edits.as_text("budget", values) | {"amount": "410000"}
    edits.save_record(con, ERIK, "budget", erik_typed, version)
    before = snapshot(con)
    with pytest.raises(edits.ConflictError) as err:
        edits.save_record(con, ANNA, "budget", anna_typed, version)
    assert "DH-P01 / 2018 / original" in err.value.message("nl") and "invoer" in err.value.message("nl")
    assert snapshot(con) == before
    assert edits.get_record(con, "budget", ("DH-P01", "2018", "original"))[0]["amount"] == 400000
    assert anna_typed["amount"] == "410000"  # what she typed is hers to keep


def test_saving_a_record_deleted_meanwhile_is_a_conflict(con):
    values, version = edits.get_record(con, "budget", ("DH-P01", 2018, "original"))
    edits.delete_record(con, ERIK, "budget", ("DH-P01", 2018, "original"), version)
    with pytest.raises(edits.ConflictError) as err:
        edits.save_record(con, ANNA, "budget", edits.as_text("budget", values), version)
    assert err.value.message_key == "edit_conflict_deleted"
    with pytest.raises(edits.NotFoundError):
        edits.get_record(con, "budget", ("DH-P01", 2018, "original"))


def test_a_record_deleted_meanwhile_says_so_before_any_problem_with_the_values(con):
    # Issue 12: B's form of a record A deleted reported "5 problems… is required".
    values, version = edits.get_record(con, "budget", ("DH-P01", 2018, "original"))
    edits.delete_record(con, ERIK, "budget", ("DH-P01", 2018, "original"), version)
    typed = edits.as_text("budget", values) | {"amount": None, "iv3_task_field": "x"}
    with pytest.raises(edits.ConflictError) as err:
        edits.save_record(con, ANNA, "budget", typed, version, key=("DH-P01", 2018, "original"))
    assert err.value.message_key == "edit_conflict_deleted"


def test_the_last_change_of_a_record_names_who_and_when(con):
    key = ("DH-P01", 2018, "original")
    values, version = edits.get_record(con, "budget", key)
    assert edits.last_change(con, "budget", key) is None  # the demo data were loaded, not edited
    edits.delete_record(con, ERIK, "budget", key, version)
    change = edits.last_change(con, "budget", ("DH-P01", "2018", "original"))
    assert change["actor"] == "erik" and change["action"] == "delete"
    assert isinstance(change["changed_at"], dt.datetime)


def test_reference_names_and_the_reporting_date(con):
    rows = edits.reference_names(con)
    by = {(r["dataset"], r["code"]): r for r in rows}
    assert by[("municipality", "GM0518")]["name_nl"] == "'s-Gravenhage"
    programme = by[("programme", "DH-P01")]
    assert programme["municipality_code"] == "GM0518" and programme["name_nl"]
    ambition = by[("ambition", "DH-A-SPEND")]
    assert ambition["target_date"] is not None and ambition["name_nl"] and ambition["name_en"]
    assert {r["dataset"] for r in rows} >= {"metric", "instrument", "domain", "property", "organisation"}
    assert edits.reporting_date(con) == dt.date.fromisoformat(db.setting(con, "reporting_date", "x"))


def test_a_write_racing_another_transaction_is_a_conflict(con):
    values, version = edits.get_record(con, "spend", "DH-2018-000003")
    other = con.cursor()
    other.execute("begin transaction")
    other.execute("update spend set amount = 7 where entry_ref = 'DH-2018-000003'")
    before_audit = db.table_counts(con)["audit_log"]
    with pytest.raises(edits.ConflictError) as err:
        edits.save_record(con, ERIK, "spend", edits.as_text("spend", values) | {"amount": "5"}, version)
    assert err.value.message_key == "edit_conflict_concurrent"
    other.execute("rollback")
    assert db.table_counts(con)["audit_log"] == before_audit


def test_delete_checks_version_and_references(con):
    _, version = edits.get_record(con, "programme", "DH-P01")
    before = snapshot(con)
    with pytest.raises(edits.ValidationError) as err:
        edits.delete_record(con, ERIK, "programme", "DH-P01", version)
    targets = {p.params["target"] for p in err.value.problems}
    assert {"spend", "budget", "note"} <= targets
    assert "uitgaven" in err.value.message("nl")
    with pytest.raises(edits.ConflictError):
        edits.delete_record(con, ERIK, "programme", "DH-P01", "not the version")
    assert snapshot(con) == before
    values, version = edits.get_record(con, "spend", "DH-2018-000001")
    edits.delete_record(con, ERIK, "spend", "DH-2018-000001", version)
    (entry,) = audit(con, action="delete")
    assert entry[4] is None and json.loads(entry[3]) == json.loads(edits.row_json(values))


# --- grids ---------------------------------------------------------------------------


def test_grid_saves_changes_additions_and_deletions_together(con):
    keys = [("DH-P01", 2018, "original"), ("DH-P01", 2018, "spring"), ("DH-P01", 2018, "autumn")]
    records = {k: edits.get_record(con, "budget", k) for k in keys}
    changed = edits.as_text("budget", records[keys[0]][0]) | {"amount": "1.000,00"}
    grid = pd.DataFrame([changed, NEW["budget"]])
    versions = {k: v for k, (_, v) in records.items()}
    edits.save_grid(con, ERIK, "budget", grid, deleted_keys=[keys[2]], expected_versions=versions)
    assert edits.get_record(con, "budget", keys[0])[0]["amount"] == 1000
    assert edits.get_record(con, "budget", ("DH-P01", 2030, "original"))[0]["amount"] == decimal.Decimal(
        "1234.56"
    )
    with pytest.raises(edits.NotFoundError):
        edits.get_record(con, "budget", keys[2])
    assert [e[0] for e in audit(con, dataset="budget")] == ["delete", "update", "insert"]


def test_grid_is_all_or_nothing_and_names_the_grid_row(shared):
    values, version = edits.get_record(shared, "budget", ("DH-P01", 2018, "original"))
    grid = pd.DataFrame(
        [edits.as_text("budget", values) | {"amount": "5"}, NEW["budget"] | {"amount": "veel"}]
    )
    before = snapshot(shared)
    with pytest.raises(edits.ValidationError) as err:
        edits.save_grid(
            shared, ERIK, "budget", grid, expected_versions={("DH-P01", 2018, "original"): version}
        )
    assert err.value.problems[0].message("en") == "Row 2, field ‘amount’: ‘veel’ is not a number."
    assert snapshot(shared) == before


def test_grid_duplicates_are_named_by_row(shared):
    grid = pd.DataFrame([NEW["spend"], NEW["spend"] | {"amount": "3"}])
    with pytest.raises(edits.ValidationError) as err:
        edits.save_grid(shared, ERIK, "spend", grid)
    (problem,) = err.value.problems
    assert (
        problem.row == 2
        and problem.message_key == "edit_duplicate_row"
        and problem.params["other_row"] == "1"
    )


def test_grid_accepts_typed_cells_from_a_data_editor(con):
    grid = pd.DataFrame(
        [
            {
                "programme_code": "DH-P01",
                "year": 2031,
                "moment": "final",
                "amount": 99.5,
                "iv3_task_field": None,
            }
        ]
    )
    (key,) = edits.save_grid(con, ERIK, "budget", grid)
    assert key == ("DH-P01", 2031, "final")
    assert edits.get_record(con, "budget", key)[0]["amount"] == decimal.Decimal("99.50")


# --- reverting -------------------------------------------------------------------------


def test_revert_an_update_and_revert_the_revert(con):
    values, version = edits.get_record(con, "spend", "DH-2018-000001")
    edits.save_record(con, ERIK, "spend", edits.as_text("spend", values) | {"amount": "1"}, version)
    (update,) = audit(con, action="update")
    edits.revert(con, ROSA, update[7])
    assert edits.get_record(con, "spend", "DH-2018-000001")[0] == values
    (revert,) = audit(con, action="revert")
    assert json.loads(revert[5]) == {"reverts": update[7]} and revert[6] == "rosa"
    edits.revert(con, ROSA, revert[7])
    assert edits.get_record(con, "spend", "DH-2018-000001")[0]["amount"] == 1


def test_revert_an_insert_deletes_and_revert_of_that_restores(con):
    (key,) = edits.save_record(con, ERIK, "note", NEW["note"])
    (insert,) = audit(con, action="insert")
    assert edits.revert(con, ROSA, insert[7]) is None
    with pytest.raises(edits.NotFoundError):
        edits.get_record(con, "note", key)
    (revert,) = audit(con, action="revert")
    assert edits.revert(con, ROSA, revert[7]) == (key,)
    assert edits.get_record(con, "note", key)[0]["body"] == "Toelichting"


def test_revert_a_delete_restores_the_record(con):
    values, version = edits.get_record(con, "connection", ("DH-O011", "DH-O008", "mentoring", "2018-02-01"))
    edits.delete_record(con, ERIK, "connection", ("DH-O011", "DH-O008", "mentoring", "2018-02-01"), version)
    (delete,) = audit(con, action="delete")
    edits.revert(con, ROSA, delete[7])
    restored, _ = edits.get_record(
        con, "connection", ("DH-O011", "DH-O008", "mentoring", dt.date(2018, 2, 1))
    )
    assert {k: v for k, v in restored.items() if k != "id"} == {k: v for k, v in values.items() if k != "id"}


def test_revert_is_refused_when_the_record_changed_since(con):
    values, version = edits.get_record(con, "spend", "DH-2018-000001")
    edits.save_record(con, ERIK, "spend", edits.as_text("spend", values) | {"amount": "1"}, version)
    _, version = edits.get_record(con, "spend", "DH-2018-000001")
    edits.save_record(con, ERIK, "spend", edits.as_text("spend", values) | {"amount": "2"}, version)
    first = audit(con, action="update")[0]
    before = snapshot(con)
    with pytest.raises(edits.ConflictError) as err:
        edits.revert(con, ROSA, first[7])
    assert err.value.message_key == "edit_revert_changed"
    assert snapshot(con) == before


def test_old_imports_and_unknown_entries_are_not_reverted(con):
    frame = pd.DataFrame([NEW["spend"]])
    importer.apply(con, ERIK, "spend", frame, filename="x.csv")
    (entry,) = audit(con, action="import")
    # An import from before its values were kept (issue 11) has no rows in import_change.
    con.execute("delete from import_change where audit_id = $id", {"id": entry[7]})
    with pytest.raises(edits.EditError) as err:
        edits.revert(con, ROSA, entry[7])
    assert err.value.message_key == "edit_revert_import" and "importeer" in err.value.message("nl")
    with pytest.raises(edits.EditError):
        edits.revert(con, ROSA, 999_999)
    sign_in = con.execute("select min(id) from audit_log where action = 'create_user'").fetchone()[0]
    with pytest.raises(edits.EditError) as err:
        edits.revert(con, ROSA, sign_in)
    assert err.value.message_key == "edit_revert_not_possible"


def test_audit_entries_are_only_ever_added(con):
    edits.save_record(con, ERIK, "spend", NEW["spend"])
    first = con.execute("select * from audit_log order by id").fetchall()
    values, version = edits.get_record(con, "spend", "NEW-0001")
    edits.save_record(con, ERIK, "spend", edits.as_text("spend", values) | {"amount": "9"}, version)
    assert con.execute("select * from audit_log order by id").fetchall()[: len(first)] == first


def test_connection_is_busy_is_not_our_problem(con):
    """Every call uses its own cursor, so calls from several threads on one connection work."""
    import threading

    errors = []

    def work(i):
        try:
            edits.save_record(con, ERIK, "spend", NEW["spend"] | {"entry_ref": f"T-{i}"})
        except (edits.EditError, duckdb.Error) as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = con.execute("select count(*) from spend where entry_ref like 'T-%'").fetchone()[0]
    # Concurrent inserts into one table may conflict in DuckDB; each either saved or was refused cleanly.
    assert saved + len(errors) == 4 and all(isinstance(e, edits.ConflictError) for e in errors)


def test_a_key_cannot_be_changed_by_editing(shared):
    values, version = edits.get_record(shared, "budget", ("DH-P01", 2018, "original"))
    before = snapshot(shared)
    typed = edits.as_text("budget", values) | {"year": "2019"}
    with pytest.raises(edits.ValidationError) as err:
        edits.save_record(shared, ERIK, "budget", typed, version, key=("DH-P01", 2018, "original"))
    assert err.value.problems[0].message_key == "edit_key_changed"
    assert snapshot(shared) == before
    # The same key typed differently is the same key.
    same = edits.as_text("budget", values) | {"year": "2.018"}
    edits.save_record(shared, ERIK, "budget", same, version, key=("DH-P01", "2018", "original"))
    assert snapshot(shared) == before


def test_migration_0005_keeps_every_ambition_milestone_and_link(tmp_path):
    from impactdash.store import loader

    # Today's demo files without the English texts that migration 0011 added.
    demo = demo_without_english(tmp_path / "demo")
    con = db.connect(tmp_path / "v4.duckdb", extra_dirs=(demo,))
    db.migrate(con, target=4)
    loader.load_folder(con, demo)
    tables = ("ambition", "milestone", "programme_ambition")
    columns = {
        t: ", ".join(c[0] for c in con.execute(f"select * from {t} limit 0").description) for t in tables
    }
    before = {t: con.execute(f"select {columns[t]} from {t} order by all").fetchall() for t in tables}
    assert db.migrate(con) == list(range(5, db.latest_version() + 1))
    assert {t: con.execute(f"select {columns[t]} from {t} order by all").fetchall() for t in tables} == before
    ambition = permissions.Actor("erik", frozenset({"editor"}))
    values, version = edits.get_record(con, "ambition", "DH-A-SPEND")
    edits.save_record(con, ambition, "ambition", {"code": "DH-A-SPEND", "document": "Nieuw besluit"}, version)
    assert edits.get_record(con, "ambition", "DH-A-SPEND")[0]["document"] == "Nieuw besluit"
    con.close()
