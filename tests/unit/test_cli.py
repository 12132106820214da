"""The command line: build, add a user, status, and clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from impactdash.store import db
from impactdash.write import auth

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "impactdash", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_init_demo_then_status(tmp_path):
    path = tmp_path / "impact.duckdb"
    result = run_cli("--db", str(path), "init")
    assert result.returncode == 0, result.stderr
    assert "spend" in result.stdout
    status = run_cli("--db", str(path), "status")
    assert status.returncode == 0, status.stderr
    assert f"Schema version: {db.latest_version()}" in status.stdout
    assert "Data set:       demo" in status.stdout
    con = db.connect(path, read_only=True)
    counts = db.table_counts(con)
    con.close()
    assert f"{counts['spend']:,}" in status.stdout


def test_init_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "impact.duckdb"
    assert run_cli("--db", str(path), "init", "--empty").returncode == 0
    again = run_cli("--db", str(path), "init", "--empty")
    assert again.returncode == 2 and "already exists" in again.stderr
    assert run_cli("--db", str(path), "init", "--empty", "--force").returncode == 0


def test_init_empty_has_schema_but_no_data(tmp_path):
    path = tmp_path / "impact.duckdb"
    assert run_cli("--db", str(path), "init", "--empty").returncode == 0
    con = db.connect(path, read_only=True)
    counts = db.table_counts(con)
    con.close()
    assert counts["municipality"] == 0 and counts["metric"] > 0


def test_add_user_reads_the_password_from_stdin_and_hashes_it(tmp_path):
    path = tmp_path / "impact.duckdb"
    run_cli("--db", str(path), "init", "--empty")
    result = run_cli(
        "--db",
        str(path),
        "add-user",
        "anna.admin",
        "--roles",
        "admin,reviewer",
        stdin="correct horse battery\n",
    )
    assert result.returncode == 0, result.stderr
    con = db.connect(path, read_only=True)
    stored = con.execute("select password_hash from app_user where username = 'anna.admin'").fetchone()[0]
    roles = {r for (r,) in con.execute("select role from user_role where username = 'anna.admin'").fetchall()}
    audit = con.execute("select count(*) from audit_log where action = 'create_user'").fetchone()[0]
    con.close()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert auth.verify_password(stored, "correct horse battery")
    assert roles == {"admin", "reviewer"} and audit == 1


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("add-user", "bob", "--roles", "emperor"), "long enough password\n", "Roles must be"),
        (("add-user", "bob", "--roles", "editor"), "short\n", "at least 12"),
        (("add-user", "Bob Smith", "--roles", "editor"), "long enough password\n", "not created"),
    ],
)
def test_add_user_refusals_write_nothing(tmp_path, args, stdin, message):
    path = tmp_path / "impact.duckdb"
    run_cli("--db", str(path), "init", "--empty")
    result = run_cli("--db", str(path), *args, stdin=stdin)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr
    con = db.connect(path, read_only=True)
    assert con.execute("select count(*) from app_user").fetchone()[0] == 0
    assert con.execute("select count(*) from audit_log").fetchone()[0] == 0
    con.close()


def test_duplicate_user_is_refused(tmp_path):
    path = tmp_path / "impact.duckdb"
    run_cli("--db", str(path), "init", "--empty")
    run_cli("--db", str(path), "add-user", "anna", "--roles", "editor", stdin="long enough password\n")
    again = run_cli(
        "--db", str(path), "add-user", "anna", "--roles", "editor", stdin="long enough password\n"
    )
    assert again.returncode == 2 and "already exists" in again.stderr


def test_missing_file_is_a_clear_error(tmp_path):
    result = run_cli("--db", str(tmp_path / "nope.duckdb"), "status")
    assert result.returncode == 2 and "No database at" in result.stderr and "Traceback" not in result.stderr


def test_damaged_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"\x00garbage" * 1000)
    result = run_cli("--db", str(bad), "status")
    assert (
        result.returncode == 2 and "not a valid DuckDB" in result.stderr and "Traceback" not in result.stderr
    )


def test_password_is_never_a_command_line_argument():
    result = run_cli("add-user", "--help")
    assert "--password" not in result.stdout
