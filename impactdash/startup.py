"""Start-up: build, upgrade and repair once, before anyone reads; and the demo's own extras.

The read path does none of this: the entry script calls :func:`prepare` once per process
(the CLI's ``init`` calls :func:`build_database`), so a page's query goes straight from its
figure source to the publication or the working file.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb

from impactdash import config
from impactdash.publish import pointer, workflow
from impactdash.store import db, loader
from impactdash.write import auth, backup, importer, permissions

_log = logging.getLogger(__name__)

#: Demo accounts created with the demo data, listed in the README and on the sign-in page
#: while the demo data is loaded. Never use them with real data.
DEMO_USERS = (
    ("editor.demo", "demo-editor-2026", ("editor",)),
    ("reviewer.demo", "demo-reviewer-2026", ("reviewer",)),
    ("admin.demo", "demo-admin-2026", ("admin",)),
)
DEMO_PUBLICATION_LABEL = "Q3 2026"
DEMO_PUBLICATION_NOTE = "Demopublicatie: de voorbeeldcijfers tot en met het derde kwartaal van 2026."


def build_database(path: Path, source: str | Path = "demo", force: bool = False) -> dict[str, int]:
    """Build a new database at ``path`` from ``source`` (see :func:`impactdash.store.loader.build_database`).

    The demo also gets its demo accounts and a first approved publication, so the public
    pages show figures on the first run. A folder of CSV files is read as an import reads
    them (:func:`impactdash.write.importer.load_file`): Dutch and English Excel files, the
    same number rules, the same checks.
    """
    if source == "demo":
        return loader.build_database(path, source, force, finish=_demo_extras)
    return loader.build_database(path, source, force, load_file=importer.load_file)


def _demo_extras(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Add the demo accounts, then a first publication requested and approved as a real one would be."""
    for username, password, roles in DEMO_USERS:
        auth.create_user(con, username, password, list(roles), username.replace(".", " ").title())
    editor, reviewer = (
        permissions.Actor(name, frozenset(roles)) for name, _, roles in DEMO_USERS if name != "admin.demo"
    )
    folder = config.publications_dir(path)
    publication_id = workflow.request(con, editor, DEMO_PUBLICATION_LABEL, DEMO_PUBLICATION_NOTE, folder)
    workflow.approve(con, reviewer, publication_id, folder)


def prepare(path: Path | str | None = None) -> Path:
    """Make the working database ready to serve; return its path.

    Builds it from the demo data if it is missing, else applies pending migrations in
    place; then repairs the publication pointer from what the database records (a crash
    between swap and commit, or a restored backup, can leave it behind), and removes what a
    crash left: scratch files of a backup or restore, and the files of a publication
    request that was never recorded. That is safe here: this process holds the database
    (DuckDB's lock), so nobody else is writing those files. A database held by another
    program raises :class:`~impactdash.errors.StorageError` (``locked``), which says so.
    """
    path = Path(path or config.default_db_path()).resolve()
    if not path.exists():
        build_database(path, "demo")
    con = db.open_existing(path)
    try:
        db.migrate(con)
        folder = config.publications_dir(path)
        pointer.reconcile(con, folder)
        for leftover in [*backup.remove_leftovers(path), *workflow.remove_leftovers(con, folder)]:
            _log.warning(
                "removed %s, left by an interrupted backup, restore or publication request", leftover
            )
    finally:
        con.close()
    return path
