"""Build a database: migrate it and fill it from a folder of CSV files (the demo data).

The CSV files are named after their table and double as import templates. Loading is
all or nothing: one transaction, so a bad file leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from impactdash import auth, db, permissions, publish, spend_month

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


#: Demo accounts created with the demo data, listed in the README and on the sign-in page
#: while the demo data is loaded. Never use them with real data.
DEMO_USERS = (
    ("editor.demo", "demo-editor-2026", ("editor",)),
    ("reviewer.demo", "demo-reviewer-2026", ("reviewer",)),
    ("admin.demo", "demo-admin-2026", ("admin",)),
)
DEMO_PUBLICATION_LABEL = "Q3 2026"
DEMO_PUBLICATION_NOTE = "Demopublicatie: de voorbeeldcijfers tot en met het derde kwartaal van 2026."


class LoadError(db.DatabaseError):
    """A CSV file could not be loaded; nothing was written."""


def _column_types(cur: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = cur.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_name = $t order by ordinal_position",
        {"t": table},
    ).fetchall()
    return dict(rows)


def load_folder(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Insert every ``<table>.csv`` found in ``folder``; return rows loaded per table.

    Columns are read with the table's own types (no guessing), so a text in a number
    column fails with DuckDB's message naming the line. Missing files are skipped.
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
            types = _column_types(cur, table)
            header = path.open(encoding="utf-8-sig").readline().strip().split(",")
            unknown = [c for c in header if c not in types]
            if unknown:
                raise LoadError(f"{path.name}: unknown column(s) {', '.join(unknown)}")
            # Table and column names and types come from the catalogue, never from the file's
            # content beyond matching them; the path is bound as a parameter.
            names = ", ".join(f'"{c}"' for c in header)
            columns = ", ".join(f"'{c}': '{types[c]}'" for c in header)
            before = cur.execute(f'select count(*) from "{table}"').fetchone()[0]  # noqa: S608 (names from the catalogue)
            cur.execute(
                f'insert into "{table}" ({names}) select {names} from read_csv($path,'  # noqa: S608 (names from the catalogue)
                f" header = true, columns = {{{columns}}}, nullstr = '', auto_detect = false)",
                {"path": str(path)},
            )
            loaded[table] = cur.execute(f'select count(*) from "{table}"').fetchone()[0] - before  # noqa: S608 (names from the catalogue)
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


def build_database(path: Path, source: str | Path = "demo", force: bool = False) -> dict[str, int]:
    """Create a new database at ``path``: migrate it, then load ``source``.

    ``source`` is ``"demo"`` (the shipped demo data), ``"empty"`` (schema only) or a
    folder of CSV files with the demo's layout. An existing file is refused unless
    ``force``; it is then replaced only after the new one is complete.
    """
    path = Path(path).resolve()
    if path.exists() and not force:
        raise db.DatabaseError(f"{path} already exists; use --force to replace it")
    folder = db.DEMO_DIR if source == "demo" else None if source == "empty" else Path(source)
    if folder is not None and not folder.is_dir():
        raise db.DatabaseError(f"No such folder: {folder}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    # Publications of a file being replaced belong to that file, not to the new one.
    _set_aside(publish.publications_dir(path))
    con = db.connect(tmp, extra_dirs=(folder,) if folder else ())
    try:
        db.migrate(con)
        loaded = load_folder(con, folder) if folder else {}
        if source == "demo":
            for username, password, roles in DEMO_USERS:
                auth.create_user(con, username, password, list(roles), username.replace(".", " ").title())
            _publish_demo(con, publish.publications_dir(path))
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


def _publish_demo(con, folder: Path) -> None:
    """Give the demo a first approved publication, so public pages show figures on the first run.

    Requested by the demo editor and approved by the demo reviewer, as a real one would be.
    """
    editor, reviewer = (
        permissions.Actor(name, frozenset(roles)) for name, _, roles in DEMO_USERS if name != "admin.demo"
    )
    publication_id = publish.request(con, editor, DEMO_PUBLICATION_LABEL, DEMO_PUBLICATION_NOTE, folder)
    publish.approve(con, reviewer, publication_id, folder)


def ensure_database(path: Path | None = None) -> Path:
    """Return a ready database path: build it from the demo data if missing, else upgrade it."""
    path = Path(path or db.default_db_path()).resolve()
    if not path.exists():
        build_database(path, "demo")
    else:
        con = db.connect(path)
        try:
            db.migrate(con)
        finally:
            con.close()
    return path
