"""True messages: a full disk, a read-only folder, a lock and a crash's leftovers, each said as such.

A full disk is simulated by DuckDB's own words (measured on a 2 MB tmpfs: a commit fails
with ``TransactionException: TransactionContext Error: Failed to commit: Could not write
file ".../impact.duckdb.wal": No space left on device``, a new file with ``IOException: IO
Error: Could not write file "...": No space left on device``) or by ``OSError(ENOSPC)``. A
lock is real: a second process holds the file.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from impactdash import config, i18n, startup
from impactdash.errors import StorageError, UserFacingError
from impactdash.publish import pointer, workflow
from impactdash.store import db
from impactdash.write import backup, importer, permissions
from impactdash.write.validation import ConflictError, EditError

ROOT = Path(__file__).resolve().parents[2]
EDITOR = permissions.Actor("editor.demo", frozenset({"editor"}), "Editor Demo")
ADMIN = permissions.Actor("admin.demo", frozenset({"admin"}), "Admin Demo")
CSV = b"entry_ref,programme_code,booking_date,amount,description,counterparty_kind\nFULL-1,DH-P03,2025-03-15,12.50,Test,supplier\n"


def full_disk_on_commit(path: Path) -> duckdb.TransactionException:
    return duckdb.TransactionException(
        f'TransactionContext Error: Failed to commit: Could not write file "{path}.wal": No space left on device'
    )


@pytest.fixture
def con(demo_copy):
    con = db.connect(demo_copy)
    yield con
    con.close()


class _FailingCommit:
    """A cursor whose COMMIT fails as DuckDB's does on a full disk; everything else is the real cursor."""

    def __init__(self, cur, error):
        self._cur, self._error = cur, error

    def execute(self, sql, *args):
        if sql.strip().lower() == "commit":
            self._cur.execute("rollback")
            raise self._error
        return self._cur.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._cur, name)


class _Connection:
    """The working connection, with cursors whose COMMIT fails with ``error``."""

    def __init__(self, con, error):
        self._con, self._error = con, error

    def cursor(self):
        return _FailingCommit(self._con.cursor(), self._error)

    def __getattr__(self, name):
        return getattr(self._con, name)


# --- telling the kinds apart -----------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/data/x"), "full"),
        (OSError(errno.EROFS, "Read-only file system", "/data/x"), "read_only"),
        (PermissionError(errno.EACCES, "Permission denied", "/data/x"), "read_only"),
        (full_disk_on_commit(Path("/data/impact.duckdb")), "full"),
        (
            duckdb.IOException('IO Error: Could not write file "/data/b.duckdb": No space left on device'),
            "full",
        ),
        (
            duckdb.IOException('IO Error: Cannot open file "/data/b.duckdb": Read-only file system'),
            "read_only",
        ),
        (
            duckdb.IOException(
                'IO Error: Could not set lock on file "/data/impact.duckdb": Conflicting lock is held in'
                " /usr/bin/python3.11 (PID 4242). See also https://duckdb.org/docs/current/connect/concurrency"
            ),
            "locked",
        ),
    ],
)
def test_each_storage_failure_is_told_apart(error, kind):
    found = StorageError.from_exception(error)
    assert found is not None and found.kind == kind
    assert "/backups" in StorageError.from_exception(error, "/backups").message(
        "en"
    )  # the caller's words first
    assert isinstance(found, UserFacingError)
    for lang in ("nl", "en"):
        text = found.message(lang)
        assert "/data/" in text and "{" not in text


def test_the_lock_names_the_other_process():
    error = duckdb.IOException(
        'IO Error: Could not set lock on file "/d/impact.duckdb": Conflicting lock is held in /x (PID 4242).'
    )
    found = StorageError.from_exception(RuntimeError("wrapped"), "/d")
    assert found is None
    wrapped = db.DatabaseError("Cannot open database")
    wrapped.__cause__ = error
    found = StorageError.from_exception(wrapped)
    assert found.kind == "locked" and found.params["pid"] == 4242
    assert "4242" in found.message("nl") and "4242" in found.message("en")


@pytest.mark.parametrize(
    "error",
    [
        duckdb.TransactionException("TransactionContext Error: Conflict on tuple deletion!"),
        duckdb.PermissionException(
            'Permission Error: Cannot access file "/etc/x" - file system operations are disabled by configuration'
        ),
        ValueError("No space left on device"),  # not the system's or DuckDB's words
        OSError(errno.EBUSY, "Device or resource busy"),
    ],
)
def test_other_failures_are_not_storage_errors(error):
    assert StorageError.from_exception(error) is None


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        StorageError("melted")


# --- a full disk -----------------------------------------------------------------------


def test_a_full_disk_during_an_import_says_the_disk_is_full_not_someone_else(con, demo_copy):
    # Regression: this said "Someone else saved the same figures at the same moment".
    frame = importer.read_upload("uitgaven.csv", CSV, dataset="spend")
    counts = db.table_counts(con)
    with pytest.raises(StorageError) as caught:
        importer.apply(_Connection(con, full_disk_on_commit(demo_copy)), EDITOR, "spend", frame)
    assert caught.value.kind == "full" and not isinstance(caught.value, ConflictError)
    assert caught.value.message("nl").startswith("De schijf is vol")
    assert caught.value.message("en").startswith("The disk is full")
    assert "Someone else" not in caught.value.message("en")
    assert str(demo_copy) in caught.value.message("en")
    assert db.table_counts(con) == counts


def test_a_real_write_conflict_still_says_someone_else(con):
    frame = importer.read_upload("uitgaven.csv", CSV, dataset="spend")
    conflict = duckdb.TransactionException("TransactionContext Error: Catalog write-write conflict on create")
    with pytest.raises(ConflictError) as caught:
        importer.apply(_Connection(con, conflict), EDITOR, "spend", frame)
    assert caught.value.message_key == "edit_conflict_concurrent"


def test_a_full_disk_during_a_publication_request_says_so_and_leaves_nothing(con, demo_copy, monkeypatch):
    # Regression: the page showed Streamlit's generic "This app has encountered an error".
    folder = config.publications_dir(demo_copy)
    before = sorted(p.name for p in folder.iterdir())
    rows = con.execute("select count(*) from publication").fetchone()[0]

    def full(con_, target, settings):
        Path(str(target) + ".tmp").write_bytes(b"half")  # what a cut-off write leaves
        raise duckdb.IOException(f'IO Error: Could not write file "{target}.tmp": No space left on device')

    monkeypatch.setattr(workflow, "write_snapshot", full)
    with pytest.raises(StorageError) as caught:
        workflow.request(con, EDITOR, "Q4 2026", None, folder)
    assert caught.value.kind == "full"
    assert caught.value.message("nl").startswith("De schijf is vol")
    assert sorted(p.name for p in folder.iterdir()) == before
    assert con.execute("select count(*) from publication").fetchone()[0] == rows


def test_a_full_disk_during_a_backup_says_so_and_leaves_no_file(con, demo_copy, monkeypatch):
    def full(copy, target):
        target.write_bytes(b"PK")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(backup, "_pack", full)
    with pytest.raises(StorageError) as caught:
        backup.make_backup(con, ADMIN)
    assert caught.value.kind == "full"
    assert list((demo_copy.parent / "backups").iterdir()) == []


def test_a_restore_that_would_not_fit_on_the_disk_is_refused_before_anything_changes(
    con, demo_copy, monkeypatch
):
    saved = backup.make_backup(con, ADMIN)
    counts = db.table_counts(con)
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _: _Usage(1000))
    with pytest.raises(StorageError) as caught:
        backup.restore(con, ADMIN, saved)
    assert caught.value.kind == "full"
    assert db.table_counts(con) == counts
    assert [b.path for b in backup.list_backups(demo_copy)] == [saved]
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]


class _Usage:
    def __init__(self, free):
        self.free = free


# --- a read-only folder ----------------------------------------------------------------


def test_a_read_only_backups_folder_is_named_with_what_to_do(con, demo_copy, monkeypatch):
    # Regression: this said "The backup or restore failed".
    folder = demo_copy.parent / "backups"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:
            # root writes into a read-only folder all the same: make the write fail as it would.
            def refused(copy, target):
                raise PermissionError(errno.EACCES, "Permission denied", str(target))

            monkeypatch.setattr(backup, "_pack", refused)
        with pytest.raises(StorageError) as caught:
            backup.make_backup(con, ADMIN)
    finally:
        folder.chmod(0o755)
    assert caught.value.kind == "read_only"
    assert str(folder) in caught.value.message("en")
    assert "alleen-lezen" in caught.value.message("nl")
    assert backup.list_backups(demo_copy) == []


# --- a lock held by another process ----------------------------------------------------


HOLD = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def held(demo_copy):
    """The demo copy, held open for writing by another process (as the dashboard holds it)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(demo_copy)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    yield demo_copy, holder.pid
    holder.kill()
    holder.wait(timeout=10)


def test_start_up_says_another_program_holds_the_database(held):
    path, pid = held
    with pytest.raises(StorageError) as caught:
        startup.prepare(path)
    assert caught.value.kind == "locked" and caught.value.params["pid"] == pid
    assert f"proces {pid}" in caught.value.message("nl")
    assert f"process {pid}" in caught.value.message("en")


# --- leftovers of a crash --------------------------------------------------------------


def _leftover_request(con, folder: Path) -> int:
    """Leave what a crash between writing the snapshot and saving the request leaves; return its number."""
    # The crashed process took a number from the sequence that was never made durable.
    number = con.execute("select max(id) + 1 from publication").fetchone()[0]
    snapshot = folder / pointer.snapshot_name(number)
    snapshot.write_bytes(b"a snapshot nobody recorded")
    snapshot.chmod(0o444)
    (folder / pointer.open_data_name(number)).mkdir()
    (folder / pointer.open_data_name(number) / "budget.csv").write_text("x")
    return number


def test_the_first_publication_request_after_a_crash_just_works(con, demo_copy):
    # Regression: the first request after such a crash failed (FileExistsError, the generic error box).
    folder = config.publications_dir(demo_copy)
    number = _leftover_request(con, folder)
    publication_id = workflow.request(con, EDITOR, "Na de crash", None, folder)
    assert publication_id == number
    row = con.execute(
        "select status, snapshot_checksum from publication where id = $i", {"i": number}
    ).fetchone()
    assert row[0] == "requested"
    assert pointer.checksum(folder / pointer.snapshot_name(number)) == row[1]


def test_start_up_removes_the_files_of_a_request_that_was_never_recorded(con, demo_copy):
    folder = config.publications_dir(demo_copy)
    number = _leftover_request(con, folder)
    current = pointer.current(folder)
    con.close()
    startup.prepare(demo_copy)
    assert not (folder / pointer.snapshot_name(number)).exists()
    assert not (folder / pointer.open_data_name(number)).exists()
    # What is recorded stays, and the public sees what it saw.
    assert pointer.current(folder) == current
    assert (folder / pointer.snapshot_name(current.id)).exists()


def test_a_leftover_that_cannot_be_removed_is_named(con, demo_copy, monkeypatch):
    folder = config.publications_dir(demo_copy)
    _leftover_request(con, folder)

    def stuck(folder_, publication_id):
        raise OSError(
            errno.EBUSY, "Device or resource busy", str(folder_ / pointer.snapshot_name(publication_id))
        )

    monkeypatch.setattr(workflow, "_remove_files", stuck)
    with pytest.raises(StorageError) as caught:
        workflow.request(con, EDITOR, "Q4 2026", None, folder)
    assert caught.value.kind == "leftover"
    assert "pub-" in caught.value.message("en") and "Start het dashboard opnieuw" in caught.value.message(
        "nl"
    )


def test_every_storage_text_exists_in_both_languages():
    for kind in StorageError.KINDS:
        error = StorageError(kind, "/data/impact.duckdb", pid=7 if kind == "locked" else None)
        for lang in ("nl", "en"):
            assert "{" not in error.message(lang) and error.message(lang) != error.message_key
        for lang in ("nl", "en"):
            public = error.public_message(lang)
            assert (
                "/data/" not in public
                and "7" not in public
                and public != error.public_message("en" if lang == "nl" else "nl")
            )
    assert i18n.t("storage_locked", "nl", where="x") != i18n.t("storage_locked", "en", where="x")
    assert not issubclass(StorageError, EditError)  # one base: UserFacingError


def test_a_full_disk_while_approving_says_so_and_the_public_keeps_its_publication(
    con, demo_copy, monkeypatch
):
    folder = config.publications_dir(demo_copy)
    publication_id = workflow.request(con, EDITOR, "Q4 2026", None, folder)
    current = pointer.current(folder)

    def full(folder_, entry):
        raise OSError(errno.ENOSPC, "No space left on device", str(folder_ / "current.json.tmp"))

    monkeypatch.setattr(workflow, "_swap_pointer", full)
    reviewer = permissions.Actor("reviewer.demo", frozenset({"reviewer"}), "Reviewer Demo")
    with pytest.raises(StorageError) as caught:
        workflow.approve(con, reviewer, publication_id, folder)
    assert caught.value.kind == "full"
    assert pointer.current(folder) == current
    assert (
        con.execute("select status from publication where id = $i", {"i": publication_id}).fetchone()[0]
        == "requested"
    )
