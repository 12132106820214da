"""Open data of a publication: a valid Data Package, complete, public only, written atomically."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import frictionless
import pyarrow.parquet as pq
import pytest

from impactdash.publish import opendata
from impactdash.store import db

PUBLISHED_AT = dt.datetime(2026, 10, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def package(demo_db_file, tmp_path_factory) -> Path:
    """The demo's open data, written once for this module into a folder away from the database.

    The folder is not beside the database on purpose: db.connect only lets DuckDB itself
    write there, and the module must not depend on that.
    """
    con = db.connect(demo_db_file, read_only=True)
    try:
        target = tmp_path_factory.mktemp("opendata") / "pub-0001-open-data"
        return opendata.write_open_data(
            con, target, publication_id=1, label="Q3 2026", published_at=PUBLISHED_AT
        )
    finally:
        con.close()


@pytest.fixture(scope="module")
def descriptor(package) -> dict:
    return json.loads((package / "datapackage.json").read_text(encoding="utf-8"))


def _resources(descriptor: dict) -> dict[str, dict]:
    return {r["name"]: r for r in descriptor["resources"]}


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _count(con, table: opendata.OpenTable) -> int:
    where = f" where {table.where}" if table.where else ""
    return con.execute(f'select count(*) from "{table.name}"{where}').fetchone()[0]


# --- the package as a whole ---------------------------------------------------------------


def test_the_package_validates_with_frictionless(package):
    report = frictionless.validate(package / "datapackage.json")
    if not report.valid:
        for error in report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])[:50]:
            print(error)
    assert report.valid
    # Every CSV and every Parquet file was read, not just the descriptor.
    assert report.stats["tasks"] == 2 * len(opendata.OPEN_TABLES)


def test_the_validator_has_teeth(package, tmp_path):
    """A broken file fails: the valid verdict above means something."""
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("municipality.csv", "population.csv"):
        shutil.copy(package / name, broken / name)
    with open(broken / "population.csv", "a", encoding="utf-8") as handle:
        handle.write('"GM9999",2025,1000\n')
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    kept = [r for r in descriptor["resources"] if r["name"] in ("municipality", "population")]
    for resource in kept:
        # The appended row would fail the size and checksum first; the key check is the point.
        del resource["bytes"], resource["hash"]
    descriptor["resources"] = kept
    (broken / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(broken / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {row[0] for row in report.flatten(["type"])}


def test_package_metadata(descriptor):
    assert descriptor["name"] == "impactpijler-open-data"
    assert descriptor["version"] == "1"
    assert descriptor["created"] == "2026-10-01T12:00:00+00:00"
    assert "Q3 2026" in descriptor["title"]
    assert descriptor["publication"] == {
        "id": 1,
        "label": "Q3 2026",
        "published_at": "2026-10-01T12:00:00+00:00",
    }
    (licence,) = descriptor["licenses"]
    assert licence["name"] == "CC-BY-4.0"
    assert licence["path"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert licence["title"]
    assert descriptor["sources"] and all(s["title"] for s in descriptor["sources"])
    # Dutch and English, and the demo warning while the demo is loaded.
    assert (
        "Gepubliceerde cijfers" in descriptor["description"]
        and "Published figures" in descriptor["description"]
    )
    assert "demo" in descriptor["description"]


def test_a_naive_publication_time_is_local_time_with_its_offset(demo_db_file, tmp_path):
    con = db.connect(demo_db_file, read_only=True)
    try:
        naive = dt.datetime(2026, 10, 1, 12, 0)
        out = opendata.write_open_data(con, tmp_path / "od", publication_id=2, label="x", published_at=naive)
    finally:
        con.close()
    created = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["created"]
    assert dt.datetime.fromisoformat(created) == naive.astimezone()


def test_one_csv_and_one_parquet_resource_per_data_set(package, descriptor):
    resources = _resources(descriptor)
    names = [t.name for t in opendata.OPEN_TABLES]
    assert set(resources) == set(names) | {n + "-parquet" for n in names}
    assert "app_setting" not in resources and "metric_value" in resources
    for name in names:
        assert resources[name]["path"] == f"{name}.csv"
        assert resources[name]["format"] == "csv" and resources[name]["mediatype"] == "text/csv"
        assert resources[name]["encoding"] == "utf-8"
        parquet = resources[name + "-parquet"]
        assert parquet["path"] == f"{name}.parquet" and parquet["format"] == "parquet"
        assert parquet["mediatype"] == "application/vnd.apache.parquet"
        assert parquet["schema"]["fields"] == resources[name]["schema"]["fields"]
    files = {p.name for p in package.iterdir()}
    assert files == {r["path"] for r in descriptor["resources"]} | {"datapackage.json"}


def test_every_field_has_a_type_and_a_description(descriptor):
    types = {"string", "integer", "number", "date", "datetime", "boolean"}
    for resource in descriptor["resources"]:
        assert resource["title"] and resource["description"]
        for field in resource["schema"]["fields"]:
            assert field["type"] in types, (resource["name"], field)
            assert len(field.get("description", "")) > 3, (resource["name"], field)


def test_keys_follow_the_tables(descriptor):
    resources = _resources(descriptor)
    assert resources["budget"]["schema"]["primaryKey"] == ["programme_code", "year", "moment"]
    assert resources["metric_value"]["schema"]["primaryKey"] == [
        "metric_code",
        "municipality_code",
        "period_end",
    ]
    links = {
        (tuple(k["fields"]), k["reference"]["resource"], tuple(k["reference"]["fields"]))
        for k in resources["connection"]["schema"]["foreignKeys"]
    }
    assert (("from_org",), "organisation", ("code",)) in links
    assert (("programme_code",), "programme", ("code",)) in links
    parquet_targets = {
        k["reference"]["resource"] for k in resources["connection-parquet"]["schema"]["foreignKeys"]
    }
    assert parquet_targets == {"organisation-parquet", "programme-parquet"}
    assert resources["metric_value"]["schema"]["foreignKeys"][0]["reference"]["resource"] == "metric"


def test_a_measures_unit_is_in_the_schema(package, descriptor, demo_db_file):
    fields = {(r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]}
    assert fields[("budget", "amount")]["unit"] == "eur"
    assert fields[("spend-parquet", "amount")]["unit"] == "eur"
    assert fields[("property", "gross_floor_m2")]["unit"] == "m2"
    assert fields[("occupancy", "tenants")]["unit"] == "count"
    # metric_value carries each value's unit in a column, and the schema names each measure's unit.
    assert "spend_eur = eur" in fields[("metric_value", "value")]["description"]
    assert "impact_floor_m2 = m2" in fields[("metric_value", "value")]["description"]
    assert fields[("metric_value", "unit")]["constraints"]["enum"] == list(opendata.UNIT_CODES)
    con = db.connect(demo_db_file, read_only=True)
    try:
        units = dict(con.execute("select code, unit from metric").fetchall())
    finally:
        con.close()
    rows = _csv_rows(package / "metric_value.csv")
    assert rows and all(r["unit"] == units[r["metric_code"]] for r in rows)


def test_the_unit_codes_are_those_the_database_allows(demo_db_file):
    con = db.connect(demo_db_file, read_only=True)
    try:
        (check,) = con.execute(
            "select constraint_text from duckdb_constraints()"
            " where table_name = 'metric' and constraint_type = 'CHECK' and constraint_column_names = ['unit']"
        ).fetchone()
    finally:
        con.close()
    assert sorted(re.findall(r"'([a-z0-9]+)'", check)) == sorted(opendata.UNIT_CODES)


# --- the contents ---------------------------------------------------------------------------


def test_row_counts_equal_the_tables(package, demo_db_file):
    con = db.connect(demo_db_file, read_only=True)
    try:
        for table in opendata.OPEN_TABLES:
            expected = _count(con, table)
            assert expected > 0, table.name
            assert len(_csv_rows(package / f"{table.name}.csv")) == expected, table.name
            assert pq.read_metadata(package / f"{table.name}.parquet").num_rows == expected, table.name
    finally:
        con.close()


def test_no_internal_note_and_no_author_anywhere(package, descriptor, demo_db_file):
    con = db.connect(demo_db_file, read_only=True)
    try:
        public = {r[0] for r in con.execute("select id from note where visibility = 'public'").fetchall()}
        internal = con.execute("select id, body from note where visibility = 'internal'").fetchall()
        authors = {r[0] for r in con.execute("select distinct author from note").fetchall()}
    finally:
        con.close()
    assert internal and authors, (
        "the demo must have internal notes and authors for this test to mean anything"
    )
    assert {int(r["id"]) for r in _csv_rows(package / "note.csv")} == public
    assert set(pq.read_table(package / "note.parquet").column("id").to_pylist()) == public
    for resource in descriptor["resources"]:
        assert "author" not in {f["name"] for f in resource["schema"]["fields"]}, resource["name"]
    for path in package.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        assert "author" not in text.splitlines()[0], path.name
        for author in authors:
            assert author not in text, (path.name, author)
        for _, body in internal:
            assert body not in text, path.name
    for path in package.glob("*.parquet"):
        table = pq.read_table(path)
        assert "author" not in table.column_names, path.name
        values = {str(v) for column in table.columns for v in column.to_pylist()}
        assert not values & ({body for _, body in internal} | authors), path.name


def test_every_column_of_a_published_table_is_published_or_left_out_on_purpose(demo_db_file):
    """A column a new migration adds must be described (or left out) before it is published."""
    con = db.connect(demo_db_file, read_only=True)
    try:
        for table in opendata.OPEN_TABLES:
            columns = {
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns where table_name = $t",
                    {"t": table.name},
                ).fetchall()
            }
            left_out = set(opendata.LEFT_OUT.get(table.name, {}))
            if table.select:
                continue  # a view with a join: its columns are the select's
            assert columns == set(table.column_names) | left_out, table.name
            assert not set(table.column_names) & left_out, table.name
    finally:
        con.close()


def test_csv_is_raw_machine_readable_data(package):
    raw = (package / "spend.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM: a machine reads it, not Excel
    rows = _csv_rows(package / "spend.csv")
    assert list(rows[0]) == [
        "entry_ref",
        "programme_code",
        "booking_date",
        "amount",
        "description",
        "counterparty_kind",
    ]
    dt.date.fromisoformat(rows[0]["booking_date"])
    assert all("," not in r["amount"] for r in rows)
    float(rows[0]["amount"])
    property_row = _csv_rows(package / "property.csv")[0]
    assert property_row["available_until"] == "" or dt.date.fromisoformat(property_row["available_until"])
    assert _csv_rows(package / "municipality.csv")[0]["is_demo"] in {"true", "false"}
    created = _csv_rows(package / "note.csv")[0]["created_at"]
    assert dt.datetime.fromisoformat(created) and "T" in created


def test_text_that_looks_like_a_formula_stays_as_it_was(demo_copy, tmp_path):
    """Open data is for machines: neutralising would change the published value itself."""
    con = db.connect(demo_copy)
    try:
        con.execute("update programme set description = '=1+1' where code = 'DH-P01'")
        out = opendata.write_open_data(
            con, tmp_path / "od", publication_id=3, label="x", published_at=PUBLISHED_AT
        )
    finally:
        con.close()
    rows = {r["code"]: r for r in _csv_rows(out / "programme.csv")}
    assert rows["DH-P01"]["description"] == "=1+1"


# --- atomic writing and the zip ---------------------------------------------------------------


def test_a_failure_midway_leaves_no_folder(demo_db_file, tmp_path, monkeypatch):
    written = []
    real = opendata._write_table

    def fail_on_the_third(cur, query, name, work):
        if len(written) == 2:
            raise OSError("disk full")
        written.append(name)
        return real(cur, query, name, work)

    monkeypatch.setattr(opendata, "_write_table", fail_on_the_third)
    parent = tmp_path / "publications"
    con = db.connect(demo_db_file, read_only=True)
    try:
        with pytest.raises(OSError, match="disk full"):
            opendata.write_open_data(
                con, parent / "od", publication_id=4, label="x", published_at=PUBLISHED_AT
            )
        assert written, "the failure must come after some files were written"
        assert not (parent / "od").exists()
        assert list(parent.iterdir()) == []  # the half-written work folder is gone too
        # The connection is still usable: no result was left open.
        assert con.execute("select count(*) from municipality").fetchone()[0] > 0
    finally:
        con.close()


def test_a_work_folder_left_by_a_killed_process_is_cleared(demo_db_file, tmp_path):
    stale = tmp_path / ".od.0123abcd.tmp"
    stale.mkdir()
    (stale / "spend.csv").write_text("half", encoding="utf-8")
    con = db.connect(demo_db_file, read_only=True)
    try:
        opendata.write_open_data(con, tmp_path / "od", publication_id=6, label="x", published_at=PUBLISHED_AT)
    finally:
        con.close()
    assert [p.name for p in tmp_path.iterdir()] == ["od"]


def test_an_existing_folder_is_never_overwritten(demo_db_file, tmp_path):
    target = tmp_path / "od"
    target.mkdir()
    (target / "keep.txt").write_text("earlier", encoding="utf-8")
    con = db.connect(demo_db_file, read_only=True)
    try:
        with pytest.raises(FileExistsError):
            opendata.write_open_data(con, target, publication_id=5, label="x", published_at=PUBLISHED_AT)
    finally:
        con.close()
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["od"]


def test_the_zip_holds_every_file(package, tmp_path):
    data = opendata.zip_open_data(package)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == sorted(p.name for p in package.iterdir())
        for path in package.iterdir():
            assert archive.read(path.name) == path.read_bytes()
    # datapackage.json at the root: data tools open the zip as a package.
    zipped = tmp_path / "open-data.zip"
    zipped.write_bytes(data)
    assert len(frictionless.Package(zipped).resources) == 2 * len(opendata.OPEN_TABLES)
