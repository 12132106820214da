"""Connections, migrations and named queries for the impact pillar database.

One DuckDB connection per process (DuckDB 2 refuses a connection shared across
threads), a ``cursor()`` per call. Every read goes through :func:`run_query`, which
loads one named ``.sql`` file from ``queries/`` and binds its ``$name`` parameters, so
no SQL is ever built from user text.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from impactdash import config
from impactdash.errors import StorageError

QUERY_DIR = config.ROOT / "queries"
MIGRATION_DIR = QUERY_DIR / "migrations"


class DatabaseError(RuntimeError):
    """A database file is missing, damaged or not an impact pillar database."""


def connect(
    path: Path | str, read_only: bool = False, extra_dirs: tuple[Path, ...] = ()
) -> duckdb.DuckDBPyConnection:
    """Open ``path`` and lock the connection down.

    Extensions are never installed or loaded on demand, memory and threads are capped,
    and file access is limited to the database's own folder, the demo folder and
    ``extra_dirs`` (a folder being imported); then the configuration is locked so no
    query can loosen it.
    """
    path = Path(path).resolve()
    settings = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "memory_limit": config.memory_limit(),
        "threads": config.threads(),
    }
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=settings)
    except duckdb.IOException as exc:
        raise DatabaseError(f"Cannot open database {path}: {exc}") from exc
    except duckdb.Error as exc:
        raise DatabaseError(f"{path} is not a readable DuckDB database: {exc}") from exc
    if con.execute("select current_setting('lock_configuration')").fetchone()[0]:
        # DuckDB shares one database instance per file within a process: this file is
        # already open here, and that instance was locked down when it was opened.
        return con
    folders = {path.parent, config.DEMO_DIR, *(Path(d).resolve() for d in extra_dirs)}
    allowed = sorted(str(d) + os.sep for d in folders)
    # The order matters: directories first, then switch external access off, then lock.
    con.execute(f"set allowed_directories = {allowed!r}")
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")
    return con


def open_existing(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open ``path`` as :func:`connect` does, a refusal by the disk or a lock raised as ``StorageError``.

    The start-up and the command line open the working database this way, so a database
    held by another program or a full disk is said the same way (what happened, what to do)
    wherever it is met; anything else stays a :class:`DatabaseError`.
    """
    try:
        return connect(path, read_only=read_only)
    except DatabaseError as exc:
        storage = StorageError.from_exception(exc, path)
        if storage is None:
            raise
        raise storage from exc


# --- migrations -----------------------------------------------------------------


def migration_files() -> list[tuple[int, str, Path]]:
    """Return the numbered migrations as (version, name, path), in order."""
    found = []
    for path in sorted(MIGRATION_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:4])
        found.append((version, path.stem[5:], path))
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise DatabaseError(f"Two migrations share a number: {versions}")
    return found


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """Return the highest applied migration, 0 for an empty database."""
    cur = con.cursor()
    exists = cur.execute(
        "select count(*) from information_schema.tables where table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    return cur.execute("select coalesce(max(version), 0) from schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[int]:
    """Apply the pending migrations in order, each in its own transaction.

    Returns the versions applied. An existing file is upgraded in place: migrations only
    add or alter, they never rebuild, so every row is kept. ``target`` stops early
    (used by the upgrade tests to build a file at an older version).
    """
    cur = con.cursor()
    cur.execute(
        "create table if not exists schema_version ("
        " version integer primary key, name varchar not null,"
        " applied_at timestamp not null default current_timestamp)"
    )
    current = schema_version(con)
    applied = []
    for version, name, path in migration_files():
        if version <= current or (target is not None and version > target):
            continue
        cur.execute("begin transaction")
        try:
            cur.execute(path.read_text(encoding="utf-8"))
            cur.execute(
                "insert into schema_version (version, name) values ($v, $n)", {"v": version, "n": name}
            )
            cur.execute("commit")
        except duckdb.Error:
            cur.execute("rollback")
            raise
        applied.append(version)
    return applied


def latest_version() -> int:
    """Return the number of the newest migration shipped with the code."""
    return migration_files()[-1][0]


# --- named queries --------------------------------------------------------------


@cache
def query_text(name: str) -> str:
    """Return the SQL of the named query ``queries/<name>.sql``."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"Not a query name: {name!r}")
    path = QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise ValueError(f"No query named {name!r} ({path} does not exist)")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    """Return the names of all read queries in ``queries/``."""
    return sorted(p.stem for p in QUERY_DIR.glob("*.sql"))


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run the named query with bound ``$name`` parameters and return a DataFrame.

    A parameter the query declares optional (its ``-- default:`` line) takes that value when
    it is not given.
    """
    cur = con.cursor()
    try:
        return cur.execute(query_text(name), {**query_default_params(name), **params}).df()
    finally:
        cur.close()


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """Return the data version, bumped by every write (the key of cached reads)."""
    return con.cursor().execute("select version from data_version").fetchone()[0]


def bump_data_version(cur: duckdb.DuckDBPyConnection) -> None:
    """Increase the data version; call inside the writing transaction."""
    cur.execute("update data_version set version = version + 1")


def setting(con: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    """Return one value from ``app_setting``."""
    row = con.cursor().execute("select value from app_setting where key = $k", {"k": key}).fetchone()
    return row[0] if row else default


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Return the row count of every base table, for the CLI and the tests."""
    cur = con.cursor()
    tables = [
        r[0]
        for r in cur.execute(
            "select table_name from information_schema.tables"
            " where table_type = 'BASE TABLE' and table_schema = 'main' order by table_name"
        ).fetchall()
    ]
    # Table names come from the catalogue, never from user text.
    return {t: cur.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}  # noqa: S608 (names from the catalogue)


def query_example_params(name: str) -> dict[str, object]:
    """Return the example parameters a query declares in its ``-- example:`` comment line.

    ``-- example: municipality=GM0518 year=2025`` gives ``{"municipality": "GM0518",
    "year": 2025}``: integers and ISO dates are typed, the rest stays text. Tests and
    benchmarks run every query with these.
    """
    return dict(_comment_params(name, "-- example:"))


def query_default_params(name: str) -> dict[str, object]:
    """Return the optional parameters of a query with their values, from its ``-- default:`` line.

    ``-- default: programme=all`` lets a caller leave ``programme`` out (every programme):
    one query then answers the narrower and the wider question without a copy of its SQL.
    """
    return dict(_comment_params(name, "-- default:"))


@cache
def _comment_params(name: str, prefix: str) -> tuple[tuple[str, object], ...]:
    """Return the ``key=value`` pairs of a query's comment lines starting with ``prefix``, typed."""
    found = []
    for line in query_text(name).splitlines():
        if line.startswith(prefix):
            for pair in line.removeprefix(prefix).split():
                key, _, raw = pair.partition("=")
                found.append((key, _typed(raw)))
    return tuple(found)


def _typed(raw: str) -> object:
    if raw.lstrip("-").isdigit():
        return int(raw)
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return raw
