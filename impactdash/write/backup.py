"""Backing up the working database and restoring it from a backup (no Streamlit).

A backup is a consistent copy of the working database, written through the open,
locked-down connection (``ATTACH`` a new file in ``backups/`` beside the database,
``COPY FROM DATABASE``, ``DETACH``), so it works while the app holds the file.

A restore first backs up the current state, then brings a copy of the chosen backup to
the current schema version (older backups are migrated), then replaces the contents of
the figure tables on the same connection, so the app's cached connection keeps working:
one transaction updates and adds rows and removes the rows nobody refers to (a failure
leaves everything as it was); the rows of referred-to tables that the backup lacks are
removed after it, one table per transaction (see :func:`_replace`). Kept as they are,
not restored: the audit log (a restore must not erase the record of what happened), the
user accounts and roles (restoring would bring back old passwords and removed access),
the publications (what the public saw), the sign-in throttle, the staff sessions and the
version tables.
Derived tables (``spend_month``) are recomputed from the restored rows in the first
transaction, not copied.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from impactdash.store import db, spend_month
from impactdash.write import audit, permissions
from impactdash.write.permissions import Actor
from impactdash.write.validation import EditError

FOLDER = "backups"
PREFIX = "impact-"
SUFFIX = ".duckdb"
#: Tables a restore leaves as they are (see the module docstring).
KEPT = frozenset(
    {
        "audit_log",
        "app_user",
        "user_role",
        "publication",
        "sign_in_throttle",
        "staff_session",  # a restore must not bring back sessions signed out since
        "schema_version",
        "data_version",
    }
)
#: Tables derived from others: a restore recomputes them from the restored rows.
DERIVED = frozenset({"spend_month"})
CLI = Actor("cli", frozenset({"admin"}), "command line")


@dataclass(frozen=True)
class BackupFile:
    """One backup file: its path, when it was written, its size in bytes."""

    path: Path
    made_at: dt.datetime
    size: int

    @property
    def name(self) -> str:
        """The file name."""
        return self.path.name


def _db_path(con: duckdb.DuckDBPyConnection) -> Path:
    row = (
        con.cursor()
        .execute("select path from duckdb_databases() where database_name = current_database()")
        .fetchone()
    )
    return Path(row[0]).resolve()


def backup_dir(db_path: Path | str) -> Path:
    """Return the backups folder beside the database (``data/backups``)."""
    return Path(db_path).resolve().parent / FOLDER


def list_backups(db_path: Path | str) -> list[BackupFile]:
    """Return the backups beside the database, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = [
        BackupFile(p, dt.datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size)  # noqa: DTZ006 (local time shown)
        for p in folder.glob(f"{PREFIX}*{SUFFIX}")
        if p.is_file()
    ]
    return sorted(found, key=lambda b: (b.made_at, b.name), reverse=True)


def find_backup(db_path: Path | str, name: str) -> Path:
    """Return the path of the listed backup ``name``; refuse anything that is not one (no paths)."""
    for item in list_backups(db_path):
        if item.name == name:
            return item.path
    raise EditError("backup_unknown", name=name)


def _new_name(folder: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 (the local clock names files)
    path = folder / f"{PREFIX}{stamp}{SUFFIX}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{PREFIX}{stamp}-{n}{SUFFIX}"
    return path


def _audit(cur, actor: Actor, action: str, detail: dict) -> None:
    audit.record(cur, audit.Entry(actor.username, action, "database", detail=detail))


def save_upload(db_path: Path | str, data: bytes) -> Path:
    """Save an uploaded backup file into the backups folder (where the connection can read it); return it."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = _new_name(folder)
    path = path.with_name(path.name.replace(PREFIX, f"{PREFIX}upload-", 1))
    path.write_bytes(data)
    return path


def make_backup(con: duckdb.DuckDBPyConnection, actor: Actor = CLI, to: Path | str | None = None) -> Path:
    """Write a consistent copy of the working database; return its path.

    The copy goes to ``backups/impact-YYYYMMDD-HHMMSS.duckdb``; with ``to`` (command line)
    it is then moved there (the connection itself can only write in the database's folder).
    The backup is audited (the entry is in the copy too).
    """
    permissions.require(actor, "backup_restore")
    folder = backup_dir(_db_path(con))
    folder.mkdir(parents=True, exist_ok=True)
    final = Path(to).resolve() if to else None
    if final is not None and final.exists():
        raise EditError("backup_exists", name=final.name)
    target = _new_name(folder)
    cur = con.cursor()
    cur.execute("begin transaction")
    try:
        _audit(cur, actor, "backup", {"file": (final or target).name})
        cur.execute("commit")
    except BaseException:
        cur.execute("rollback")
        raise
    source = cur.execute("select current_database()").fetchone()[0]
    try:
        cur.execute(f"attach {_literal(target)} as impact_backup")
        try:
            cur.execute(f'copy from database "{source}" to impact_backup')
        finally:
            cur.execute("detach impact_backup")
    except duckdb.Error as exc:
        target.unlink(missing_ok=True)
        raise EditError("backup_failed") from exc
    if final is None:
        return target
    # The connection can only write inside the database's folder; elsewhere the file is moved.
    final.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(target, final)
    return final


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _restored_tables(cur, schema: str = "main") -> list[str]:
    """Return the tables a restore replaces, parents before the tables that refer to them."""
    tables = [
        r[0]
        for r in cur.execute(
            "select table_name from duckdb_tables() where database_name = current_database()"
            " and schema_name = $s order by table_name",
            {"s": schema},
        ).fetchall()
        if r[0] not in KEPT | DERIVED
    ]
    refs: dict[str, set[str]] = {t: set() for t in tables}
    for table, parent in cur.execute(
        "select table_name, referenced_table from duckdb_constraints()"
        " where constraint_type = 'FOREIGN KEY' and database_name = current_database()"
    ).fetchall():
        if table in refs and parent in refs and parent != table:
            refs[table].add(parent)
    ordered: list[str] = []
    while refs:
        ready = sorted(t for t, parents in refs.items() if not parents - set(ordered))
        if not ready:
            raise db.DatabaseError(f"Circular references between {sorted(refs)}")
        ordered += ready
        for t in ready:
            del refs[t]
    return ordered


def restore_upload(con: duckdb.DuckDBPyConnection, actor: Actor, data: bytes, name: str) -> Path:
    """Restore from an uploaded file: saved into the backups folder (kept only if it restores)."""
    permissions.require(actor, "backup_restore")
    saved = save_upload(_db_path(con), data)
    try:
        return restore(con, actor, saved, label=name)
    except BaseException:
        saved.unlink(missing_ok=True)
        raise


def restore(
    con: duckdb.DuckDBPyConnection, actor: Actor, source: Path | str, label: str | None = None
) -> Path:
    """Replace the figures with those of backup file ``source``; return the pre-restore backup.

    ``source`` must be inside the database's folder (the page saves an upload to the
    backups folder first). The current state is backed up first; an older schema is
    migrated on a scratch copy; then every figure table is emptied and refilled in one
    transaction, sequences are moved past the restored numbers, and the restore is audited.
    """
    permissions.require(actor, "backup_restore")
    source = Path(source).resolve()
    name = label or source.name
    db_path = _db_path(con)
    if source == db_path:
        raise EditError("backup_bad_file", name=name)
    scratch = backup_dir(db_path) / f"restore-scratch-{os.getpid()}{SUFFIX}"
    scratch.unlink(missing_ok=True)
    backup_dir(db_path).mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(source, scratch)
        _prepare(scratch, name)
        before = make_backup(con, actor)
        _replace(con, actor, scratch, name, before.name)
    except (duckdb.Error, OSError) as exc:
        raise EditError("backup_failed") from exc
    finally:
        scratch.unlink(missing_ok=True)
        Path(str(scratch) + ".wal").unlink(missing_ok=True)
    return before


def _prepare(scratch: Path, name: str) -> None:
    """Check that the scratch copy is an impact pillar database and migrate it to the current version."""
    try:
        other = db.connect(scratch)
    except db.DatabaseError as exc:
        raise EditError("backup_bad_file", name=name) from exc
    try:
        version = db.schema_version(other)
        if version == 0:
            raise EditError("backup_bad_file", name=name)
        if version > db.latest_version():
            raise EditError("backup_too_new", name=name, version=version)
        db.migrate(other)
        other.execute("checkpoint")
    except duckdb.Error as exc:
        raise EditError("backup_bad_file", name=name) from exc
    finally:
        other.close()


def _keys(cur) -> dict[str, list[str]]:
    return {
        t: list(cols)
        for t, cols in cur.execute(
            "select table_name, constraint_column_names from duckdb_constraints()"
            " where constraint_type = 'PRIMARY KEY' and database_name = current_database()"
        ).fetchall()
    }


def _referenced(cur) -> set[str]:
    return {
        r[0]
        for r in cur.execute(
            "select distinct referenced_table from duckdb_constraints()"
            " where constraint_type = 'FOREIGN KEY' and database_name = current_database()"
        ).fetchall()
    }


def _columns(cur, table: str) -> list[str]:
    return [
        r[0]
        for r in cur.execute(
            "select column_name from duckdb_columns() where database_name = current_database()"
            " and table_name = $t order by column_index",
            {"t": table},
        ).fetchall()
    ]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _replace(con, actor: Actor, scratch: Path, name: str, before: str) -> None:
    """Make every restored table hold exactly the backup's rows.

    Rows are updated in place, added and removed rather than all deleted and inserted
    again: DuckDB cannot delete a row and a row it refers to in one transaction. So the
    first transaction updates, adds, and removes the rows nobody refers to; rows of
    referred-to tables that the backup lacks are removed after it, one table per
    transaction, children first (their children are gone by then).
    """
    cur = con.cursor()
    cur.execute(f"attach {_literal(scratch)} as impact_restore (read_only)")
    try:
        tables = _restored_tables(cur)
        keys, referenced = _keys(cur), _referenced(cur)

        def source(table: str) -> str:
            return f"impact_restore.main.{_q(table)}"

        def missing(table: str) -> str:
            match = " and ".join(f"s.{_q(k)} = t.{_q(k)}" for k in keys[table])
            return (
                f"delete from {_q(table)} t where not exists (select 1 from {source(table)} s where {match})"  # noqa: S608 (catalogue names)
            )

        cur.execute("begin transaction")
        try:
            for table in tables:
                key = keys[table]
                match = " and ".join(f"s.{_q(k)} = {_q(table)}.{_q(k)}" for k in key)
                other = [c for c in _columns(cur, table) if c not in key]
                if other:
                    sets = ", ".join(f"{_q(c)} = s.{_q(c)}" for c in other)
                    differs = " or ".join(f"{_q(table)}.{_q(c)} is distinct from s.{_q(c)}" for c in other)
                    cur.execute(
                        f"update {_q(table)} set {sets} from {source(table)} s where {match} and ({differs})"  # noqa: S608
                    )
                absent = " and ".join(f"t.{_q(k)} = s.{_q(k)}" for k in key)
                cur.execute(
                    f"insert into {_q(table)} by name select * from {source(table)} s"  # noqa: S608 (catalogue names)
                    f" where not exists (select 1 from {_q(table)} t where {absent})"
                )
            for table in reversed(tables):
                if table not in referenced:
                    cur.execute(missing(table))
            # The ledger is final here (nothing refers to spend, so its lines went above).
            spend_month.rebuild(cur)
            _advance_sequences(cur)
            _audit(cur, actor, "restore", {"from": name, "backup_before": before})
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
        for table in reversed(tables):
            if table in referenced:
                cur.execute("begin transaction")
                try:
                    cur.execute(missing(table))
                    db.bump_data_version(cur)
                    cur.execute("commit")
                except BaseException:
                    cur.execute("rollback")
                    raise
    finally:
        cur.execute("detach impact_restore")


def _advance_sequences(cur) -> None:
    """Move each sequence past the highest number now in the column it numbers."""
    columns = cur.execute(
        "select table_name, column_name, regexp_extract(column_default, 'nextval\\(''([^'']+)''', 1)"
        " from duckdb_columns() where database_name = current_database() and column_default like 'nextval(%'"
    ).fetchall()
    for table, column, sequence in columns:
        if table in KEPT or not sequence:
            continue
        top = cur.execute(f'select coalesce(max("{column}"), 0) from "{table}"').fetchone()[0]  # noqa: S608
        last = cur.execute(
            "select coalesce(last_value, start_value - 1) from duckdb_sequences()"
            " where database_name = current_database() and sequence_name = $s",
            {"s": sequence},
        ).fetchone()[0]
        if top > last:
            cur.execute(f"select max(nextval('{sequence}')) from range($n)", {"n": int(top - last)})  # noqa: S608
