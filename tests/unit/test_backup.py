"""Backups and restores: consistent copies beside the database, restores that keep the connection working."""

from __future__ import annotations

import pytest

from impactdash.store import db
from impactdash.write import backup, edits
from impactdash.write.permissions import Actor, PermissionDenied
from impactdash.write.validation import EditError

ADMIN = Actor("admin.demo", frozenset({"admin"}), "Admin Demo")
EDITOR = Actor("editor.demo", frozenset({"editor"}), "Editor Demo")


@pytest.fixture
def con(demo_copy):
    con = db.connect(demo_copy)
    yield con
    con.close()


def test_backup_is_a_full_copy_beside_the_database(con, demo_copy):
    path = backup.make_backup(con, ADMIN)
    assert path.parent == demo_copy.parent / "backups"
    assert path.name.startswith("impact-") and path.suffix == ".duckdb"
    counts = db.table_counts(con)
    copy = db.connect(path, read_only=True)
    try:
        assert db.table_counts(copy) == counts
        assert db.schema_version(copy) == db.latest_version()
    finally:
        copy.close()
    assert [b.path for b in backup.list_backups(demo_copy)] == [path]
    assert backup.list_backups(demo_copy)[0].size > 0
    (action,) = con.execute("select action from audit_log order by id desc limit 1").fetchone()
    assert action == "backup"


def test_only_admins_back_up_or_restore(con, demo_copy):
    with pytest.raises(PermissionDenied):
        backup.make_backup(con, EDITOR)
    path = backup.make_backup(con, ADMIN)
    with pytest.raises(PermissionDenied):
        backup.restore(con, EDITOR, path)
    assert len(backup.list_backups(demo_copy)) == 1


def test_restore_brings_back_a_deleted_row_and_keeps_a_pre_restore_backup(con, demo_copy):
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
    old = db.connect(before, read_only=True)
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

    target = tmp_path / "elsewhere" / "copy.duckdb"
    assert cli.main(["--db", str(demo_copy), "backup", "--to", str(target)]) == 0
    assert target.exists() and "Backed up" in capsys.readouterr().out
    assert cli.main(["--db", str(demo_copy), "backup"]) == 0
    assert len(backup.list_backups(demo_copy)) == 1
    assert cli.main(["--db", str(demo_copy), "restore", str(target)]) == 0
    assert "Restored" in capsys.readouterr().out
    assert len(backup.list_backups(demo_copy)) == 2
    assert cli.main(["--db", str(demo_copy), "restore", str(tmp_path / "missing.duckdb")]) == 2
