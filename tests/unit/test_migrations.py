"""Migrations: a fresh file reaches the newest version; an old file is upgraded in place."""

from __future__ import annotations

import duckdb
import pytest

from impactdash.store import db


def test_fresh_database_reaches_latest_version(empty_con):
    assert db.schema_version(empty_con) == db.latest_version()
    applied = empty_con.execute("select version from schema_version order by version").fetchall()
    assert [v for (v,) in applied] == [v for v, _, _ in db.migration_files()]


def test_migrate_twice_applies_nothing(empty_con):
    assert db.migrate(empty_con) == []


def test_migrations_are_numbered_without_gaps():
    versions = [v for v, _, _ in db.migration_files()]
    assert versions == list(range(1, len(versions) + 1))


def _seed_core_rows(con):
    con.execute(
        "insert into municipality (code, name, pillar_start) values ('GM0001', 'Oudstad', '2019-01-01')"
    )
    con.execute("insert into population values ('GM0001', 2020, 50000)")
    con.execute(
        "insert into instrument (code, domain_code, name_nl, name_en) values ('VOUCHER', 'finance', 'Voucher', 'Voucher')"
    )
    con.execute(
        "insert into programme (code, municipality_code, instrument_code, name, lead, start_date)"
        " values ('P1', 'GM0001', 'VOUCHER', 'Vouchers', 'municipality', '2019-01-01')"
    )
    con.execute("insert into spend values ('E1', 'P1', '2020-03-01', 1234.56, 'factuur', 'supplier')")
    con.execute("insert into budget values ('P1', 2020, 'original', 5000, null)")


@pytest.mark.parametrize("start_version", range(1, max(2, len(db.migration_files()))))
def test_upgrade_keeps_every_row(tmp_path, start_version):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    db.migrate(con, target=start_version)
    assert db.schema_version(con) == start_version
    _seed_core_rows(con)
    before = db.table_counts(con)
    con.close()

    con = db.connect(path)
    applied = db.migrate(con)
    assert applied == list(range(start_version + 1, db.latest_version() + 1))
    after = db.table_counts(con)
    for table in ("municipality", "population", "instrument", "programme", "spend", "budget"):
        assert after[table] == before[table] == 1, table
    for table, count in before.items():
        assert after[table] >= count, table  # later migrations may add reference rows
    assert str(con.execute("select amount from spend where entry_ref = 'E1'").fetchone()[0]) == "1234.56"
    con.close()


def test_failed_migration_changes_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_ok.sql").write_text("create table a (x integer);")
    (folder / "0002_broken.sql").write_text("create table b (x integer); select * from no_such_table;")
    monkeypatch.setattr(db, "MIGRATION_DIR", folder)
    con = db.connect(tmp_path / "x.duckdb")
    with pytest.raises(duckdb.Error):
        db.migrate(con)
    assert db.schema_version(con) == 1
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert "a" in tables and "b" not in tables


def test_duplicate_migration_numbers_are_refused(tmp_path, monkeypatch):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("select 1;")
    (folder / "0001_b.sql").write_text("select 1;")
    monkeypatch.setattr(db, "MIGRATION_DIR", folder)
    with pytest.raises(db.DatabaseError, match="share a number"):
        db.migration_files()


@pytest.mark.parametrize(
    "statement",
    [
        "insert into property (code, municipality_code, name, address, district, gross_floor_m2, impact_floor_m2,"
        " rent_regime, available_from) values ('X', 'GM0001', 'n', 'a', 'd', 100, -1, 'market', '2020-01-01')",
        "insert into property (code, municipality_code, name, address, district, gross_floor_m2, impact_floor_m2,"
        " rent_regime, available_from) values ('X', 'GM0001', 'n', 'a', 'd', 100, 150, 'market', '2020-01-01')",
        "insert into budget values ('P1', 2021, 'original', -5, null)",
        "insert into budget values ('P1', 2020, 'original', 7, null)",  # duplicate natural key
        "insert into spend values ('E2', 'NOPE', '2020-03-01', 10, 'x', 'supplier')",  # unknown programme
        "insert into spend values ('E2', 'P1', '2020-03-01', 0, 'x', 'supplier')",
        "insert into programme (code, municipality_code, instrument_code, name, lead, start_date, end_date)"
        " values ('P2', 'GM0001', 'VOUCHER', 'x', 'municipality', '2020-01-01', '2019-01-01')",
        "insert into programme (code, municipality_code, instrument_code, name, lead, start_date)"
        " values ('P2', 'GM0001', 'VOUCHER', 'x', 'partner', '2020-01-01')",  # partner without a name
        "insert into municipality (code, name) values ('0518', 'Zonder GM')",
        "insert into ambition (code, metric_code, municipality_code, baseline_date, baseline_value, target_date,"
        " target_value, document) values ('A', 'spend_eur', 'GM0001', '2020-01-01', 1, '2019-01-01', 2, 'doc')",
    ],
)
def test_database_constraints_refuse_bad_rows(empty_con, statement):
    _seed_core_rows(empty_con)
    with pytest.raises(duckdb.ConstraintException):
        empty_con.execute(statement)


def test_occupancy_constraints(empty_con):
    _seed_core_rows(empty_con)
    empty_con.execute(
        "insert into property (code, municipality_code, name, address, district, gross_floor_m2, impact_floor_m2,"
        " rent_regime, available_from) values ('X', 'GM0001', 'n', 'a', 'd', 100, 80, 'market', '2020-01-01')"
    )
    with pytest.raises(duckdb.ConstraintException):
        empty_con.execute("insert into occupancy values ('X', 2020, 1, -3, 1, 0)")
    with pytest.raises(duckdb.ConstraintException):
        empty_con.execute("insert into occupancy values ('X', 2020, 5, 3, 1, 0)")
    with pytest.raises(duckdb.ConstraintException):
        empty_con.execute("insert into occupancy values ('X', 2020, 1, 3, 1, 2)")
