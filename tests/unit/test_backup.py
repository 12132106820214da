"""Backups and restores: consistent copies beside the database, restores that keep the connection working."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest

from impactdash import startup
from impactdash.store import db
from impactdash.write import backup, edits, importer
from impactdash.write.permissions import Actor, PermissionDenied
from impactdash.write.validation import EditError

ADMIN = Actor("admin.demo", frozenset({"admin"}), "Admin Demo")
EDITOR = Actor("editor.demo", frozenset({"editor"}), "Editor Demo")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def con(demo_copy):
    con = db.connect(demo_copy)
    yield con
    con.close()


def unpacked(path: Path, tmp_path: Path) -> Path:
    """Return the database inside backup zip ``path``, unpacked under ``tmp_path``."""
    with zipfile.ZipFile(path) as archive:
        return Path(archive.extract(backup.DATABASE_MEMBER, tmp_path / path.stem))


def test_backup_is_a_full_copy_beside_the_database(con, demo_copy, tmp_path):
    path = backup.make_backup(con, ADMIN)
    assert path.parent == demo_copy.parent / "backups"
    assert path.name.startswith("impact-") and path.suffix == ".zip"
    counts = db.table_counts(con)
    copy = db.connect(unpacked(path, tmp_path), read_only=True)
    try:
        assert db.table_counts(copy) == counts
        assert db.schema_version(copy) == db.latest_version()
    finally:
        copy.close()
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(backup.MANIFEST_MEMBER))
    assert manifest["tables"] == counts and manifest["schema_version"] == db.latest_version()
    assert manifest["sha256"] == hashlib.sha256((unpacked(path, tmp_path)).read_bytes()).hexdigest()
    assert [b.path for b in backup.list_backups(demo_copy)] == [path]
    assert backup.list_backups(demo_copy)[0].size > 0
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no scratch file left
    (action,) = con.execute("select action from audit_log order by id desc limit 1").fetchone()
    assert action == "backup"


def test_a_downloaded_backup_fits_the_backup_pages_limit_ten_times_and_restores_by_upload(con, demo_copy):
    # Regression: the demo's backups were 20.5-26.5 MB and the upload limit 20 MB, so a
    # backup downloaded from the app could not be restored by the app.
    made = backup.make_backup(con, ADMIN)
    limit = backup.UPLOAD_LIMIT_MB * 1024 * 1024
    assert made.stat().st_size * 10 <= limit  # room for ten times the data
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    assert server >= backup.UPLOAD_LIMIT_MB  # the server lets the page's limit through
    assert importer.DEFAULT_MAX_BYTES == 20 * 1024 * 1024  # the import page keeps its own
    values, version = edits.get_record(con, "spend", "DH-2018-000001")
    edits.delete_record(con, EDITOR, "spend", "DH-2018-000001", version)
    before = backup.restore_upload(con, ADMIN, made.read_bytes(), made.name)
    assert edits.get_record(con, "spend", "DH-2018-000001")[0] == values
    names = {b.name for b in backup.list_backups(demo_copy)}
    assert made.name in names and before.name in names
    assert any(n.startswith("impact-upload-") and n.endswith(".zip") for n in names)
    assert all(b.name in names for b in backup.list_backups(demo_copy))
    assert {p.name for p in made.parent.iterdir()} == names  # no scratch file left


def test_only_admins_back_up_or_restore(con, demo_copy):
    with pytest.raises(PermissionDenied):
        backup.make_backup(con, EDITOR)
    path = backup.make_backup(con, ADMIN)
    with pytest.raises(PermissionDenied):
        backup.restore(con, EDITOR, path)
    assert len(backup.list_backups(demo_copy)) == 1


def test_restore_brings_back_a_deleted_row_and_keeps_a_pre_restore_backup(con, demo_copy, tmp_path):
    saved = backup.make_backup(con, ADMIN)
    values, version = edits.get_record(con, "spend", "DH-2018-000001")
    edits.delete_record(con, EDITOR, "spend", "DH-2018-000001", version)
    with pytest.raises(edits.NotFoundError):
        edits.get_record(con, "spend", "DH-2018-000001")
    data_version = db.data_version(con)
    before = backup.restore(con, ADMIN, saved)
    # The same connection sees the row again, and its data version moved on.
    assert edits.get_record(con, "spend", "DH-2018-000001")[0] == values
    assert db.data_version(con) > data_version
    assert before.exists() and before != saved
    old = db.connect(unpacked(before, tmp_path), read_only=True)
    try:
        assert old.execute("select count(*) from spend where entry_ref = 'DH-2018-000001'").fetchone()[0] == 0
    finally:
        old.close()
    actions = [a for (a,) in con.execute("select action from audit_log order by id").fetchall()]
    assert actions[-1] == "restore" and "delete" in actions  # the audit log itself is kept


def test_restore_migrates_an_older_backup(con, demo_copy, tmp_path):
    old_path = demo_copy.parent / "backups" / "impact-old.duckdb"
    old_path.parent.mkdir(exist_ok=True)
    old = db.connect(old_path)
    db.migrate(old, target=1)
    old.close()
    backup.restore(con, ADMIN, old_path)
    assert db.schema_version(con) == db.latest_version()
    assert con.execute("select count(*) from spend").fetchone()[0] == 0


def test_restore_refuses_a_file_that_is_not_a_database(con, demo_copy):
    bad = demo_copy.parent / "backups" / "impact-bad.duckdb"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"not a database")
    counts = db.table_counts(con)
    with pytest.raises(EditError) as caught:
        backup.restore(con, ADMIN, bad)
    assert caught.value.message_key == "backup_bad_file"
    assert db.table_counts(con) == counts


def test_command_line_backup_and_restore(demo_copy, tmp_path, capsys):
    from impactdash import cli

    target = tmp_path / "elsewhere" / "copy.zip"
    assert cli.main(["--db", str(demo_copy), "backup", "--to", str(target)]) == 0
    assert zipfile.is_zipfile(target) and "Backed up" in capsys.readouterr().out
    assert [p.name for p in target.parent.iterdir()] == ["copy.zip"]
    assert cli.main(["--db", str(demo_copy), "backup"]) == 0
    assert len(backup.list_backups(demo_copy)) == 1
    assert cli.main(["--db", str(demo_copy), "restore", str(target)]) == 0
    assert "Restored" in capsys.readouterr().out
    assert len(backup.list_backups(demo_copy)) == 2
    assert cli.main(["--db", str(demo_copy), "restore", str(tmp_path / "missing.duckdb")]) == 2


def complete(path: Path, counts: dict, tmp_path: Path) -> bool:
    """Whether backup ``path`` holds the whole database (every table and row of ``counts``)."""
    if zipfile.is_zipfile(path):
        path = unpacked(path, tmp_path)
    try:
        copy = db.connect(path, read_only=True)
    except db.DatabaseError:
        return False
    try:
        return db.table_counts(copy) == counts
    finally:
        copy.close()


# Runs a backup or a restore in a process of its own and kills it (SIGKILL, as a power cut or
# the OOM killer would) as soon as a file matching one of the patterns appears in backups/.
KILLED = textwrap.dedent(
    """
    import fnmatch, os, signal, sys, threading, time
    from pathlib import Path
    from impactdash.store import db
    from impactdash.write import backup

    path, what, patterns = Path(sys.argv[1]), sys.argv[2], sys.argv[3].split("|")
    folder = path.parent / "backups"
    there = set(os.listdir(folder)) if folder.is_dir() else set()

    def watch():
        while True:
            new = set(os.listdir(folder)) - there if folder.is_dir() else set()
            if any(fnmatch.fnmatch(n, p) for n in new for p in patterns):
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(0.0005)

    threading.Thread(target=watch, daemon=True).start()
    con = db.connect(path)
    if what == "backup":
        backup.make_backup(con)
    else:
        backup.restore(con, backup.CLI, folder / sys.argv[4])
    print("finished", flush=True)
    """
)


def run_killed(path: Path, what: str, patterns: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", KILLED, str(path), what, patterns, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.parametrize("kill_at", ["impact-*", ".scratch-backup-*.zip"])
def test_a_killed_backup_leaves_nothing_that_looks_like_a_backup(demo_copy, tmp_path, kill_at):
    # Regression: a backup killed mid-way left a half-written file listed as a backup.
    con = db.connect(demo_copy, read_only=True)
    counts = db.table_counts(con)
    con.close()
    result = run_killed(demo_copy, "backup", kill_at)
    assert result.returncode in (-signal.SIGKILL, 0), result.stderr
    for listed in backup.list_backups(demo_copy):
        assert complete(listed.path, {**counts, "audit_log": counts["audit_log"] + 1}, tmp_path), listed.name
    startup.prepare(demo_copy)  # the next start clears the scratch files away
    folder = demo_copy.parent / "backups"
    assert {p.name for p in folder.iterdir()} == {b.name for b in backup.list_backups(demo_copy)}


@pytest.mark.parametrize("kill_at", ["*scratch-restore-*|restore-scratch-*", "impact-*|.scratch-backup-*"])
def test_a_killed_restore_leaves_no_scratch_file_after_the_next_start(demo_copy, tmp_path, kill_at):
    # Regression: a killed restore left a 0-table file listed as a backup and a 20 MB
    # scratch file that was never removed.
    con = db.connect(demo_copy)
    saved = backup.make_backup(con, ADMIN)
    counts = db.table_counts(con)
    con.close()
    result = run_killed(demo_copy, "restore", kill_at, saved.name)
    assert result.returncode == -signal.SIGKILL, (result.stdout, result.stderr)
    for listed in backup.list_backups(demo_copy):
        assert complete(listed.path, counts, tmp_path), listed.name
    startup.prepare(demo_copy)
    folder = demo_copy.parent / "backups"
    assert {p.name for p in folder.iterdir()} == {b.name for b in backup.list_backups(demo_copy)}
    con = db.connect(demo_copy, read_only=True)
    after = db.table_counts(con)
    # Killed before any figure changed (the pre-restore backup may have been audited).
    assert {**after, "audit_log": 0} == {**counts, "audit_log": 0}
    con.close()


def test_a_backup_that_fails_half_way_leaves_no_file(con, demo_copy, monkeypatch):
    def broken(copy, target):
        target.write_bytes(b"PK\x03\x04 half a zip")
        raise RuntimeError("cut off")

    monkeypatch.setattr(backup, "_pack", broken)
    with pytest.raises(RuntimeError):
        backup.make_backup(con, ADMIN)
    assert list((demo_copy.parent / "backups").iterdir()) == []


@pytest.fixture(scope="module")
def made_once(demo_db_file, tmp_path_factory) -> Path:
    """A backup zip of the demo database, made once for the tests that only damage a copy of it."""
    folder = tmp_path_factory.mktemp("made-once")
    shutil.copyfile(demo_db_file, folder / "impact.duckdb")
    con = db.connect(folder / "impact.duckdb")
    try:
        return backup.make_backup(con, ADMIN)
    finally:
        con.close()


def _rezip(source: Path, target: Path, change) -> Path:
    """Copy backup zip ``source`` to ``target`` with its members passed through ``change(name, data)``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = change(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return target


def _flip_a_byte(name, data):
    if name != backup.DATABASE_MEMBER:
        return data
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def _wrong_count(name, data):
    if name != backup.MANIFEST_MEMBER:
        return data
    manifest = json.loads(data)
    manifest["tables"]["spend"] += 1
    return json.dumps(manifest)


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (_flip_a_byte, "backup_damaged"),
        (_wrong_count, "backup_damaged"),
        (lambda name, data: None if name == backup.MANIFEST_MEMBER else data, "backup_bad_file"),
        (lambda name, data: b"{not json" if name == backup.MANIFEST_MEMBER else data, "backup_damaged"),
    ],
    ids=["a-flipped-byte", "a-row-count-that-differs", "no-manifest", "a-broken-manifest"],
)
def test_a_damaged_backup_is_refused_before_anything_changes(con, demo_copy, change, key, made_once):
    saved = demo_copy.parent / "backups" / made_once.name
    saved.parent.mkdir()
    shutil.copyfile(made_once, saved)
    bad = _rezip(saved, saved.with_name("impact-bad.zip"), change)
    counts, version = db.table_counts(con), db.data_version(con)
    with pytest.raises(EditError) as caught:
        backup.restore(con, ADMIN, bad)
    assert caught.value.message_key == key
    assert "impact-bad.zip" in caught.value.message("nl")
    assert (db.table_counts(con), db.data_version(con)) == (counts, version)
    assert sorted(p.name for p in saved.parent.iterdir()) == sorted([saved.name, bad.name])


def test_a_cut_off_upload_is_refused_and_not_kept(con, demo_copy, made_once):
    data = made_once.read_bytes()
    counts = db.table_counts(con)
    with pytest.raises(EditError) as caught:
        backup.restore_upload(con, ADMIN, data[: len(data) // 2], "half.zip")
    assert caught.value.message_key in {"backup_damaged", "backup_bad_file"}
    assert db.table_counts(con) == counts
    assert list((demo_copy.parent / "backups").iterdir()) == []


def test_an_upload_over_the_limit_is_refused_before_anything_is_written(con, demo_copy, monkeypatch):
    monkeypatch.setattr(backup, "UPLOAD_LIMIT_MB", 1)
    with pytest.raises(EditError) as caught:
        backup.restore_upload(con, ADMIN, b"x" * (1024 * 1024 + 1), "big.zip")
    assert caught.value.message_key == "backup_too_large"
    assert "1 MB" in caught.value.message("en") and "opdrachtregel" in caught.value.message("nl")
    assert not (demo_copy.parent / "backups").exists() or not list((demo_copy.parent / "backups").iterdir())


def test_a_database_without_the_expected_tables_is_refused(con, demo_copy, tmp_path):
    other = demo_copy.parent / "backups" / "impact-other.duckdb"
    other.parent.mkdir(exist_ok=True)
    foreign = db.connect(other)
    db.migrate(foreign)
    foreign.execute("drop table note")
    foreign.close()
    counts = db.table_counts(con)
    with pytest.raises(EditError) as caught:
        backup.restore(con, ADMIN, other)
    assert caught.value.message_key == "backup_bad_file"
    assert db.table_counts(con) == counts


def test_a_zip_that_is_not_a_backup_is_refused(con, demo_copy):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(EditError) as caught:
        backup.restore_upload(con, ADMIN, buffer.getvalue(), "photos.zip")
    assert caught.value.message_key == "backup_bad_file"
    assert backup.list_backups(demo_copy) == []


def test_leftovers_are_removed_on_start_and_backups_kept(con, demo_copy):
    kept = backup.make_backup(con, ADMIN)
    folder = kept.parent
    leftovers = [
        folder / ".scratch-restore-1-ab.duckdb",
        folder / ".scratch-upload-1-cd.part",
        folder / "restore-scratch-77.duckdb",
    ]
    for path in leftovers:
        path.write_bytes(b"x" * 100)
    con.close()
    startup.prepare(demo_copy)
    assert [p.name for p in folder.iterdir()] == [kept.name]
