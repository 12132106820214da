"""Build a database: migrate it and fill it from a folder of CSV files (the demo data).

The CSV files are named after their table and double as import templates. Loading is
all or nothing: one transaction, so a bad file leaves the database as it was.

The demo's own files are read by DuckDB with the tables' types. A folder of someone's
files (``init --from``) is read by a ``load_file`` the caller passes in
(:func:`impactdash.write.importer.load_file`: the import's reading, number rules and
checks, so a Dutch Excel CSV loads as it imports, and a number that could mean two
things is refused, naming file, row, field and both readings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

import duckdb

from impactdash import config
from impactdash.store import db, spend_month

#: Tables filled from CSV, in an order that satisfies every reference.
LOAD_ORDER = (
    "app_setting",
    "municipality",
    "population",
    "instrument",
    "programme",
    "ambition",
    "milestone",
    "programme_ambition",
    "budget",
    "spend",
    "cofunding",
    "property",
    "occupancy",
    "observation",
    "organisation",
    "connection",
    "note",
)


class LoadError(db.DatabaseError):
    """A CSV file could not be loaded; nothing was written."""


#: ``load_file(cursor, table, path)`` loads one file in the open transaction and returns its
#: row count, or None to leave the file to DuckDB's typed ``read_csv`` (a table it does not know).
FileLoader: TypeAlias = Callable[[duckdb.DuckDBPyConnection, str, Path], int | None]


def _column_types(cur: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = cur.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_name = $t order by ordinal_position",
        {"t": table},
    ).fetchall()
    return dict(rows)


def load_folder(
    con: duckdb.DuckDBPyConnection, folder: Path, load_file: FileLoader | None = None
) -> dict[str, int]:
    """Insert every ``<table>.csv`` found in ``folder``; return rows loaded per table.

    Without ``load_file`` (the demo) columns are read with the table's own types (no
    guessing), so a text in a number column fails with DuckDB's message naming the line.
    With it, each file is first offered to ``load_file``. Missing files are skipped.
    """
    folder = Path(folder).resolve()
    cur = con.cursor()
    loaded: dict[str, int] = {}
    cur.execute("begin transaction")
    try:
        for table in LOAD_ORDER:
            path = folder / f"{table}.csv"
            if not path.is_file():
                continue
            count = load_file(cur, table, path) if load_file is not None else None
            if count is not None:
                loaded[table] = count
                continue
            types = _column_types(cur, table)
            header = path.open(encoding="utf-8-sig").readline().strip().split(",")
            unknown = [c for c in header if c not in types]
            if unknown:
                raise LoadError(f"{path.name}: unknown column(s) {', '.join(unknown)}")
            # Table and column names and types come from the catalogue, never from the file's
            # content beyond matching them; the path is bound as a parameter.
            names = ", ".join(f'"{c}"' for c in header)
            columns = ", ".join(f"'{c}': '{types[c]}'" for c in header)
            before = cur.execute(f'select count(*) from "{table}"').fetchall()[0][0]  # noqa: S608 (names from the catalogue)
            cur.execute(
                f'insert into "{table}" ({names}) select {names} from read_csv($path,'  # noqa: S608 (names from the catalogue)
                f" header = true, columns = {{{columns}}}, nullstr = '', auto_detect = false)",
                {"path": str(path)},
            )
            loaded[table] = cur.execute(f'select count(*) from "{table}"').fetchall()[0][0] - before  # noqa: S608 (names from the catalogue)
        # Before migration 0008 (an old file being loaded) there is no spend_month; 0008 fills it.
        if "spend" in loaded and _column_types(cur, "spend_month"):
            spend_month.rebuild(cur)
        db.bump_data_version(cur)
        cur.execute("commit")
    except duckdb.Error as exc:
        cur.execute("rollback")
        raise LoadError(f"Loading {folder} failed, nothing was written: {exc}") from exc
    except LoadError:
        cur.execute("rollback")
        raise
    return loaded


def build_database(
    path: Path,
    source: str | Path = "demo",
    force: bool = False,
    finish: Callable[[duckdb.DuckDBPyConnection, Path], None] | None = None,
    load_file: FileLoader | None = None,
) -> dict[str, int]:
    """Create a new database at ``path``: migrate it, then load ``source``.

    ``source`` is ``"demo"`` (the shipped demo data), ``"empty"`` (schema only) or a
    folder of CSV files with the demo's layout. An existing file is refused unless
    ``force``; it is then replaced only after the new one is complete. ``finish(con, path)``
    runs on the new file before it takes the name ``path`` (:mod:`impactdash.startup` adds the
    demo accounts and the demo's first publication there). ``load_file`` reads each file
    of the folder (see :func:`load_folder`).
    """
    path = Path(path).resolve()
    if path.exists() and not force:
        raise db.DatabaseError(f"{path} already exists; use --force to replace it")
    folder = config.DEMO_DIR if source == "demo" else None if source == "empty" else Path(source)
    if folder is not None and not folder.is_dir():
        raise db.DatabaseError(f"No such folder: {folder}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    # Publications of a file being replaced belong to that file, not to the new one.
    _set_aside(config.publications_dir(path))
    con = db.connect(tmp, extra_dirs=(folder,) if folder else ())
    try:
        db.migrate(con)
        loaded = load_folder(con, folder, load_file) if folder else {}
        if finish is not None:
            finish(con, path)
        con.execute("checkpoint")
    finally:
        con.close()
    Path(str(path) + ".wal").unlink(missing_ok=True)
    tmp.replace(path)
    return loaded


def _set_aside(folder: Path) -> None:
    """Move a replaced database's publications out of the way (kept, never deleted)."""
    if folder.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder.rename(folder.with_name(f"{folder.name}.replaced-{stamp}"))
