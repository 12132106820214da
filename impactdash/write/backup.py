"""Backing up the working database and restoring it from a backup (no Streamlit).

A backup is one zip file (``backups/impact-YYYYMMDD-HHMMSS.zip`` beside the database)
holding ``impact.duckdb``, a consistent copy of the working database, and ``manifest.json``
(its schema version, SHA-256 and the row count of every table). The copy is written through
the open, locked-down connection (``ATTACH`` a scratch file, ``COPY FROM DATABASE``,
``DETACH``), so it works while the app holds the file; zipped, the demo's 20 MB file takes
about 0.3 MB (a DuckDB file is mostly free blocks), so a downloaded backup fits the backup
page's upload limit many times over (:data:`UPLOAD_LIMIT_MB`). Why a zipped file and not
``EXPORT DATABASE``: see docs/decisions.md, "Backups".

Every file is built under a scratch name (``.scratch-...``, never listed) and renamed to
its backup name only when complete, so a backup or restore that is killed leaves nothing
that looks like a backup; :func:`remove_leftovers` clears the scratch files on the next
start. Files of the old format (a bare ``impact-*.duckdb``) are still listed and restored.

A restore first unpacks and checks the chosen file (:func:`check_file`: a zip with its
manifest, the checksum, an impact pillar schema no newer than the code, the row counts,
every table) on a scratch copy and brings that copy to the current schema version, before
anything changes; then it backs up the current state, then replaces the contents of the
figure tables on the same connection, so the app's cached connection keeps working: one
transaction updates and adds rows and removes the rows nobody refers to (a failure leaves
everything as it was); the rows of referred-to tables that the backup lacks are removed
after it, one table per transaction (see :func:`_replace`). Kept as they are, not
restored: the audit log (a restore must not erase the record of what happened), the user
accounts and roles (restoring would bring back old passwords and removed access), the
publications (what the public saw), the sign-in throttle, the staff sessions and the
version tables. Derived tables (``spend_month``) are recomputed from the restored rows in
the first transaction, not copied.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from impactdash.errors import StorageError
from impactdash.store import db, files, spend_month
from impactdash.write import audit, permissions
from impactdash.write.permissions import Actor
from impactdash.write.validation import EditError

FOLDER = "backups"
PREFIX = "impact-"
SUFFIX = ".zip"
#: Backups written before they were zipped: a bare DuckDB file, still listed and restored.
OLD_SUFFIX = ".duckdb"
#: Every file being written in the backups folder starts so; never listed, removed on start.
SCRATCH = ".scratch-"
#: Names of the old code's scratch copy (``restore-scratch-<pid>.duckdb``), removed on start.
OLD_SCRATCH = "restore-scratch-"
#: What a backup zip holds.
DATABASE_MEMBER = "impact.duckdb"
MANIFEST_MEMBER = "manifest.json"
FORMAT = "impactdash-backup"
FORMAT_VERSION = 1
#: The backup page's upload limit in MB (the import page keeps its own 20 MB). The demo's
#: backup zips to about 0.3 MB and a bare old-format one is 20.5-26.5 MB; ten times the data
#: zips to a few MB. ``server.maxUploadSize`` in .streamlit/config.toml must be at least this.
UPLOAD_LIMIT_MB = 50
#: Room a restore needs on the disk besides the unpacked copy: the pre-restore backup's
#: scratch copy is as large again; a little more for the zip and the WAL.
SPACE_FACTOR = 2.2
#: Tables a restore leaves as they are (see the module docstring).
KEPT = frozenset(
    {
        "audit_log",
        "import_change",
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


def _is_backup_name(name: str) -> bool:
    return name.startswith(PREFIX) and name.endswith((SUFFIX, OLD_SUFFIX))


def list_backups(db_path: Path | str) -> list[BackupFile]:
    """Return the backups beside the database, newest first (scratch files are never listed)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = [
        BackupFile(p, dt.datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size)  # noqa: DTZ006 (local time shown)
        for p in folder.iterdir()
        if _is_backup_name(p.name) and p.is_file()
    ]
    return sorted(found, key=lambda b: (b.made_at, b.name), reverse=True)


def find_backup(db_path: Path | str, name: str) -> Path:
    """Return the path of the listed backup ``name``; refuse anything that is not one (no paths)."""
    for item in list_backups(db_path):
        if item.name == name:
            return item.path
    raise EditError("backup_unknown", name=name)


def remove_leftovers(db_path: Path | str) -> list[Path]:
    """Remove the scratch files a killed backup or restore left in the backups folder; return them.

    Run at start-up while this process holds the working database (DuckDB's lock), so no
    backup or restore of it is being written by anybody else meanwhile.
    """
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    removed = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name.startswith((SCRATCH, OLD_SCRATCH)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _new_name(folder: Path, kind: str = "", suffix: str = SUFFIX) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 (the local clock names files)
    path = folder / f"{PREFIX}{kind}{stamp}{suffix}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{PREFIX}{kind}{stamp}-{n}{suffix}"
    return path


def _scratch(folder: Path, what: str, suffix: str) -> Path:
    """Return a scratch file name in ``folder``: never listed as a backup, removed on the next start."""
    return folder / f"{SCRATCH}{what}-{os.getpid()}-{secrets.token_hex(4)}{suffix}"


def _unlink(*paths: Path) -> None:
    for path in paths:
        for one in (path, Path(str(path) + ".wal")):
            one.unlink(missing_ok=True)


def _audit(cur, actor: Actor, action: str, detail: dict) -> None:
    audit.record(cur, audit.Entry(actor.username, action, "database", detail=detail))


def _storage_or(exc: BaseException, where: Path, key: str, **params) -> Exception:
    """Return the error for a failed file operation: the storage error behind it, or ``key``."""
    return StorageError.from_exception(exc, where) or EditError(key, **params)


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _storage_or(exc, folder, "backup_failed") from exc


def _manifest(copy: Path) -> dict:
    """Describe a database copy: format, schema version, checksum and row counts."""
    other = db.connect(copy, read_only=True)
    try:
        version, counts = db.schema_version(other), db.table_counts(other)
    finally:
        other.close()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": version,
        "sha256": files.sha256(copy),
        "bytes": copy.stat().st_size,
        "tables": counts,
        "made_at": dt.datetime.now().isoformat(timespec="seconds"),  # noqa: DTZ005 (local clock, as the name)
    }


def _pack(copy: Path, target: Path) -> None:
    """Zip the database copy and its manifest into ``target`` and flush it to the disk."""
    manifest = _manifest(copy)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(MANIFEST_MEMBER, json.dumps(manifest, indent=1, sort_keys=True))
        archive.write(copy, DATABASE_MEMBER)
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())


def save_upload(db_path: Path | str, data: bytes) -> Path:
    """Save an uploaded file under a scratch name in the backups folder (where the connection reads)."""
    if len(data) > UPLOAD_LIMIT_MB * 1024 * 1024:
        raise EditError("backup_too_large", limit=UPLOAD_LIMIT_MB)
    folder = backup_dir(db_path)
    _mkdir(folder)
    path = _scratch(folder, "upload", ".part")
    try:
        path.write_bytes(data)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise _storage_or(exc, folder, "backup_failed") from exc
    return path


def make_backup(con: duckdb.DuckDBPyConnection, actor: Actor = CLI, to: Path | str | None = None) -> Path:
    """Write a backup zip of the working database; return its path.

    It goes to ``backups/impact-YYYYMMDD-HHMMSS.zip``; with ``to`` (command line) it is
    then copied there under a scratch name and renamed. The backup is audited (the entry is
    in the copy too). A full disk or a read-only folder is said as such
    (:class:`~impactdash.errors.StorageError`); nothing that looks like a backup is left.
    """
    permissions.require(actor, "backup_restore")
    folder = backup_dir(_db_path(con))
    _mkdir(folder)
    final = Path(to).resolve() if to else None
    if final is not None and final.exists():
        raise EditError("backup_exists", name=final.name)
    target = _new_name(folder)
    cur = con.cursor()
    try:
        cur.execute("begin transaction")
        try:
            _audit(cur, actor, "backup", {"file": (final or target).name})
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
    except duckdb.Error as exc:
        raise _storage_or(exc, _db_path(con), "backup_failed") from exc
    source = cur.execute("select current_database()").fetchone()[0]
    copy, packed = _scratch(folder, "backup", OLD_SUFFIX), _scratch(folder, "backup", SUFFIX)
    try:
        cur.execute(f"attach {_literal(copy)} as impact_backup")
        try:
            cur.execute(f'copy from database "{source}" to impact_backup')
        finally:
            cur.execute("detach impact_backup")
        _pack(copy, packed)
        packed.replace(target)
        if final is not None:
            # The connection can only write inside the database's folder; elsewhere the zip is copied.
            _mkdir(final.parent)
            partial = final.with_name(f"{SCRATCH}{final.name}")
            try:
                shutil.copyfile(target, partial)
                partial.replace(final)
            finally:
                partial.unlink(missing_ok=True)
                target.unlink(missing_ok=True)
            return final
        return target
    except (duckdb.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise _storage_or(exc, folder, "backup_failed") from exc
    finally:
        _unlink(copy, packed)


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
    """Restore from an uploaded file; kept as a listed backup (``impact-upload-...``) only if it restores.

    Refused before anything is written when larger than :data:`UPLOAD_LIMIT_MB`.
    """
    permissions.require(actor, "backup_restore")
    db_path = _db_path(con)
    saved = save_upload(db_path, data)
    try:
        before = restore(con, actor, saved, label=name)
        suffix = SUFFIX if zipfile.is_zipfile(saved) else OLD_SUFFIX
        saved.replace(_new_name(backup_dir(db_path), "upload-", suffix))
        return before
    finally:
        saved.unlink(missing_ok=True)


def check_file(source: Path | str, scratch: Path, name: str) -> dict | None:
    """Unpack backup ``source`` into ``scratch`` and check it; return its manifest (None: old format).

    Refuses, with the reason in the person's words, a file that is not a backup of this
    dashboard, a damaged one (a checksum or row count that differs from its manifest), one
    of a newer schema, and one that would not fit on the disk. Leaves ``scratch`` at the
    current schema version, ready to restore from; changes nothing else.
    """
    source = Path(source)
    try:
        if zipfile.is_zipfile(source):
            manifest = _unpack(source, scratch, name)
        else:
            manifest = None  # the old format: the DuckDB file itself
            _need_space(scratch.parent, source.stat().st_size)
            shutil.copyfile(source, scratch)
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        _unlink(scratch)
        storage = StorageError.from_exception(exc, scratch.parent)
        if storage is not None:
            raise storage from exc
        raise EditError("backup_damaged", name=name) from exc
    _prepare(scratch, name, manifest)
    return manifest


def _need_space(folder: Path, size: int) -> None:
    """Refuse before writing if a copy of ``size`` bytes and a pre-restore backup will not fit."""
    if shutil.disk_usage(folder).free < size * SPACE_FACTOR:
        raise StorageError("full", folder)


def _unpack(source: Path, scratch: Path, name: str) -> dict:
    """Extract the database of zip ``source`` into ``scratch``, checking its SHA-256; return the manifest."""
    with zipfile.ZipFile(source) as archive:
        members = set(archive.namelist())
        if not {DATABASE_MEMBER, MANIFEST_MEMBER} <= members:
            raise EditError("backup_bad_file", name=name)
        try:
            manifest = json.loads(archive.read(MANIFEST_MEMBER))
        except ValueError as exc:
            raise EditError("backup_damaged", name=name) from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise EditError("backup_bad_file", name=name)
        if not isinstance(manifest.get("tables"), dict) or not isinstance(manifest.get("sha256"), str):
            raise EditError("backup_damaged", name=name)
        _need_space(scratch.parent, archive.getinfo(DATABASE_MEMBER).file_size)
        digest = hashlib.sha256()
        # zipfile checks each member's CRC as it is read: a cut-off or altered file fails here.
        with archive.open(DATABASE_MEMBER) as packed, open(scratch, "wb") as out:
            while chunk := packed.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
    if digest.hexdigest() != manifest["sha256"]:
        raise EditError("backup_damaged", name=name)
    return manifest


def restore(
    con: duckdb.DuckDBPyConnection, actor: Actor, source: Path | str, label: str | None = None
) -> Path:
    """Replace the figures with those of backup file ``source``; return the pre-restore backup.

    ``source`` must be inside the database's folder (the page saves an upload to the
    backups folder first). The file is unpacked and checked on a scratch copy first
    (:func:`check_file`: nothing has changed if it is refused); then the current state is
    backed up; then every figure table is refilled, sequences are moved past the restored
    numbers, and the restore is audited.
    """
    permissions.require(actor, "backup_restore")
    source = Path(source).resolve()
    name = label or source.name
    db_path = _db_path(con)
    if source == db_path:
        raise EditError("backup_bad_file", name=name)
    folder = backup_dir(db_path)
    _mkdir(folder)
    scratch = _scratch(folder, "restore", OLD_SUFFIX)
    try:
        check_file(source, scratch, name)
        before = make_backup(con, actor)
        _replace(con, actor, scratch, name, before.name)
    except (duckdb.Error, OSError) as exc:
        raise _storage_or(exc, folder, "backup_failed") from exc
    finally:
        _unlink(scratch)
    return before


def _prepare(scratch: Path, name: str, manifest: dict | None) -> None:
    """Check that the scratch copy is the backup its manifest describes; migrate it to the current version."""
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
        if manifest is not None and (
            manifest.get("schema_version") != version or manifest["tables"] != db.table_counts(other)
        ):
            raise EditError("backup_damaged", name=name)
        db.migrate(other)
        expected = set(db.table_counts(other))
        other.execute("checkpoint")
    except duckdb.Error as exc:
        raise EditError("backup_bad_file", name=name) from exc
    finally:
        other.close()
    # Every table the code expects must be there (a file of another program may share a name).
    if not _schema_tables() <= expected:
        raise EditError("backup_bad_file", name=name)


@functools.cache
def _schema_tables() -> frozenset[str]:
    """Return the tables a database at the current schema version has (built once, in memory)."""
    fresh = duckdb.connect(":memory:")
    try:
        db.migrate(fresh)
        return frozenset(db.table_counts(fresh))
    finally:
        fresh.close()


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
