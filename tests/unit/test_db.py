"""Connections are locked down; named queries bind their parameters."""

from __future__ import annotations

import duckdb
import pytest

from impactdash import config
from impactdash.store import db


def test_files_outside_the_data_folders_are_refused(empty_con):
    with pytest.raises(duckdb.PermissionException):
        empty_con.execute("select * from read_csv('/etc/passwd')").fetchall()


def test_cursors_inherit_the_lockdown(empty_con):
    cur = empty_con.cursor()
    with pytest.raises(duckdb.PermissionException):
        cur.execute("select * from read_text('/etc/hostname')").fetchall()


@pytest.mark.parametrize(
    "statement",
    [
        "set enable_external_access = true",
        "set allowed_directories = ['/']",
        "set autoinstall_known_extensions = true",
        "set memory_limit = '100GB'",
    ],
)
def test_configuration_cannot_be_loosened(empty_con, statement):
    with pytest.raises(duckdb.Error):
        empty_con.execute(statement)


def test_memory_limit_and_threads_are_set(tmp_path, monkeypatch):
    # Production's default of two threads (the tests run with one: tests/conftest.py).
    monkeypatch.delenv(config.THREADS_ENV, raising=False)
    con = db.connect(tmp_path / "threads.duckdb")
    try:
        assert con.execute("select current_setting('threads')").fetchone()[0] == 2
        limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
        assert limit.endswith("GiB") and float(limit.split()[0]) <= 2
    finally:
        con.close()
    monkeypatch.setenv(config.THREADS_ENV, "3")
    con = db.connect(tmp_path / "threads.duckdb")
    try:
        assert con.execute("select current_setting('threads')").fetchone()[0] == 3
    finally:
        con.close()


def test_parameters_are_bound_not_spliced(demo_con):
    hostile = "GM0518' or 1=1 --"
    frame = db.run_query(demo_con, "ambitions", municipality=hostile)
    assert frame.empty
    assert not db.run_query(demo_con, "ambitions", municipality="GM0518").empty


@pytest.mark.parametrize(
    "name", ["../secrets", "ambitions;drop", "no_such_query", "migrations/0001_core_tables"]
)
def test_unknown_or_unsafe_query_names_are_refused(name):
    with pytest.raises(ValueError):
        db.query_text(name)


def test_missing_parameter_is_an_error(demo_con):
    with pytest.raises(duckdb.Error):
        db.run_query(demo_con, "ambitions")


def test_damaged_file_gives_a_clear_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(db.DatabaseError, match="bad.duckdb"):
        db.connect(bad)


def test_example_params_are_typed():
    assert db._typed("2025") == 2025
    assert str(db._typed("2025-12-31")) == "2025-12-31"
    assert db._typed("GM0518") == "GM0518"
