"""The command line: build, add a user, status, and clear errors."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from impactdash import cli
from impactdash.store import db
from impactdash.write import auth

ROOT = Path(__file__).resolve().parents[2]


class _Stdin(io.StringIO):
    """Piped standard input: not a terminal, as when a script pipes the password in."""

    def isatty(self) -> bool:
        return False


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """Run the command line in this process (``cli.main``), as ``python -m impactdash`` runs it.

    In-process, not a subprocess: a new interpreter importing duckdb and pandas took 2-3 s a
    call (43 s for this module). The real entry point is run as a program once, in
    ``test_the_real_entry_point_exits_with_mains_code``.
    """
    out, err = io.StringIO(), io.StringIO()
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        patch.setattr(sys, "stdin", _Stdin(stdin))
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:  # argparse: --help, or a usage error
            code = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(
        ["python", "-m", "impactdash", *args], code, out.getvalue(), err.getvalue()
    )


def test_the_real_entry_point_exits_with_mains_code(tmp_path):
    """``python -m impactdash`` as a program: its exit code and message are main's, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "impactdash", "--db", str(tmp_path / "nope.duckdb"), "status"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "No database at" in result.stderr and "Traceback" not in result.stderr


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


# A process that holds the database open for writing, as the dashboard does; its command
# line names streamlit, as the dashboard's does ("streamlit run dashboard.py").
HOLD = "import sys, time, duckdb\ncon = duckdb.connect(sys.argv[1])\nprint('holding', flush=True)\ntime.sleep(60)\n"


@pytest.fixture
def dashboard_holds(demo_copy):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(demo_copy), "streamlit", "run", "dashboard.py"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "holding"
    yield demo_copy, holder.pid
    holder.kill()
    holder.wait(timeout=10)


@pytest.mark.parametrize(
    "command", [["status"], ["backup"], ["restore", "x.zip"], ["add-user", "x", "--roles", "editor"]]
)
def test_beside_the_dashboard_the_command_line_says_so_and_names_the_backup_page(
    dashboard_holds, capsys, command, tmp_path
):
    # Regression: this printed DuckDB's "Could not set lock on file ... Conflicting lock" text.
    path, pid = dashboard_holds
    if command[0] == "restore":
        (tmp_path / "x.zip").write_bytes(b"PK")
        command = ["restore", str(tmp_path / "x.zip")]
    assert cli.main(["--db", str(path), *command]) == 3
    out, err = capsys.readouterr()
    assert f"the dashboard (process {pid}) has the database {path} open" in err
    assert "Backup page" in err and "stop the dashboard first" in err
    assert "Conflicting lock" not in err and "Traceback" not in err
    if command == ["status"]:
        # What the public sees lives beside the database: status still says it.
        assert "Published:      Q3 2026 (publication 1, approved" in out


def test_another_program_holding_the_database_is_not_called_the_dashboard(demo_copy, capsys):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(demo_copy)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert cli.main(["--db", str(demo_copy), "backup"]) == 3
    finally:
        holder.kill()
        holder.wait(timeout=10)
    err = capsys.readouterr().err
    assert f"another program (process {holder.pid}) has the database" in err
