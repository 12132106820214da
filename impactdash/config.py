"""Every setting of the dashboard, in one place: what it is, where it comes from, its default.

Settings come from environment variables (``IMPACTDASH_*``), so one install serves a staff
instance and any number of public-only processes. Each is read when asked for, not at
import, so a test or a process can set it first. Streamlit's own settings live in
``.streamlit/config.toml``; secrets (single sign-on) in ``.streamlit/secrets.toml``.

| variable | meaning | default |
|---|---|---|
| ``IMPACTDASH_DB`` | the working database file | ``data/impact.duckdb`` |
| ``IMPACTDASH_MEMORY_LIMIT`` | DuckDB's memory cap per process | ``2GB`` |
| ``IMPACTDASH_THREADS`` | DuckDB's threads per process | ``2`` |
| ``IMPACTDASH_PUBLICATIONS`` | the publications folder | ``<database name>-publications`` beside it |
| ``IMPACTDASH_PUBLIC_ONLY`` | serve only the public pages from the current publication | off |
| ``IMPACTDASH_UPGRADED`` | where snapshots of an older schema are upgraded for serving | temp folder |
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: The repository's root: the code, the queries and the demo data are found from here.
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEMO_DIR = DATA_DIR / "demo"

DB_ENV = "IMPACTDASH_DB"
MEMORY_ENV = "IMPACTDASH_MEMORY_LIMIT"
THREADS_ENV = "IMPACTDASH_THREADS"
PUBLICATIONS_ENV = "IMPACTDASH_PUBLICATIONS"
PUBLIC_ONLY_ENV = "IMPACTDASH_PUBLIC_ONLY"
UPGRADED_ENV = "IMPACTDASH_UPGRADED"

_TRUE = {"1", "true", "yes", "on"}


def default_db_path() -> Path:
    """Return the working database path: ``$IMPACTDASH_DB`` or ``data/impact.duckdb``."""
    return Path(os.environ.get(DB_ENV) or DATA_DIR / "impact.duckdb").resolve()


def memory_limit() -> str:
    """Return DuckDB's memory cap for each connection (``$IMPACTDASH_MEMORY_LIMIT``, ``2GB``)."""
    return os.environ.get(MEMORY_ENV, "2GB")


def threads() -> int:
    """Return DuckDB's thread count for each connection (``$IMPACTDASH_THREADS``, 2)."""
    return int(os.environ.get(THREADS_ENV, "2"))


def publications_override() -> Path | None:
    """Return the publications folder named by ``$IMPACTDASH_PUBLICATIONS``, if set."""
    value = os.environ.get(PUBLICATIONS_ENV)
    return Path(value).resolve() if value else None


def public_only() -> bool:
    """Whether this process serves only the public pages from the current publication."""
    return os.environ.get(PUBLIC_ONLY_ENV, "").strip().lower() in _TRUE


def upgraded_dir() -> Path:
    """Return the folder for upgraded copies of older snapshots (``$IMPACTDASH_UPGRADED``)."""
    return Path(os.environ.get(UPGRADED_ENV) or Path(tempfile.gettempdir()) / "impactdash-upgraded")


def publications_dir(db_path: Path | str | None = None) -> Path:
    """Return the folder of the publications: ``$IMPACTDASH_PUBLICATIONS`` or beside the database.

    Beside the working file, named after it (``data/impact-publications/``), so two
    databases in one folder never share publications.
    """
    override = publications_override()
    if override is not None:
        return override
    path = Path(db_path or default_db_path()).resolve()
    return path.parent / f"{path.stem}-publications"
