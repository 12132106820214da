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
| ``IMPACTDASH_SESSION_IDLE_MINUTES`` | a staff session ends after so many minutes without a click | ``30`` |
| ``IMPACTDASH_SESSION_MAX_HOURS`` | a staff session ends so many hours after signing in | ``12`` |
| ``IMPACTDASH_SESSION_SECRET`` | the key that signs the session cookie (1) | kept beside the database |
| ``IMPACTDASH_TRUSTED_PROXIES`` | reverse proxies whose ``X-Forwarded-For`` is believed (2) | none |

(1) Keep it secret; changing it signs everyone out. Unset, a random key is made once and
kept in ``<database name>-session.key`` beside the database, readable by its owner only.
(2) Addresses or networks, comma-separated: ``127.0.0.1`` for a proxy on the same machine.
Read by ``serve.py`` when the server starts (see the README, "Sessions and proxies").
"""

from __future__ import annotations

import functools
import ipaddress
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
SESSION_IDLE_ENV = "IMPACTDASH_SESSION_IDLE_MINUTES"
SESSION_MAX_ENV = "IMPACTDASH_SESSION_MAX_HOURS"
SESSION_SECRET_ENV = "IMPACTDASH_SESSION_SECRET"
TRUSTED_PROXIES_ENV = "IMPACTDASH_TRUSTED_PROXIES"
ACCESSIBILITY_CONTACT_ENV = "IMPACTDASH_ACCESSIBILITY_CONTACT"
#: The measured part of the accessibility statement: what the axe-core journeys of the browser
#: tests found, one file per language (tests/browser/test_accessibility_browser.py writes them
#: when ``$IMPACTDASH_RECORD_ACCESSIBILITY`` is set; otherwise it checks them).
ACCESSIBILITY_RESULTS_DIR = ROOT / "docs" / "accessibility"
RECORD_ACCESSIBILITY_ENV = "IMPACTDASH_RECORD_ACCESSIBILITY"

_TRUE = {"1", "true", "yes", "on"}


def default_db_path() -> Path:
    """Return the working database path: ``$IMPACTDASH_DB`` or ``data/impact.duckdb``."""
    return _resolved(os.environ.get(DB_ENV) or str(DATA_DIR / "impact.duckdb"), os.getcwd())


@functools.lru_cache(maxsize=256)
def _resolved(path: str, cwd: str) -> Path:  # noqa: ARG001 - cwd is part of the key: a relative path
    # The read path asks for these folders on every query of every page view (a dozen
    # times a view): resolving them each time cost more than reading the cached query.
    return Path(path).resolve()


def memory_limit() -> str:
    """Return DuckDB's memory cap for each connection (``$IMPACTDASH_MEMORY_LIMIT``, ``2GB``)."""
    return os.environ.get(MEMORY_ENV, "2GB")


def threads() -> int:
    """Return DuckDB's thread count for each connection (``$IMPACTDASH_THREADS``, 2)."""
    return int(os.environ.get(THREADS_ENV, "2"))


def publications_override() -> Path | None:
    """Return the publications folder named by ``$IMPACTDASH_PUBLICATIONS``, if set."""
    value = os.environ.get(PUBLICATIONS_ENV)
    return _resolved(value, os.getcwd()) if value else None


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
    path = _resolved(str(db_path or default_db_path()), os.getcwd())
    return path.parent / f"{path.stem}-publications"


def _positive_number(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if number <= 0:
        raise ValueError(f"{name} must be more than 0, not {value!r}")
    return number


def session_idle_minutes() -> float:
    """Minutes without a click after which a staff session ends (``$IMPACTDASH_SESSION_IDLE_MINUTES``, 30)."""
    return _positive_number(SESSION_IDLE_ENV, 30)


def session_max_hours() -> float:
    """Hours after signing in that a staff session ends, (``$IMPACTDASH_SESSION_MAX_HOURS``)."""
    return _positive_number(SESSION_MAX_ENV, 12)


def session_secret_env() -> str | None:
    """Return the session cookie's signing key from ``$IMPACTDASH_SESSION_SECRET``, if set."""
    return os.environ.get(SESSION_SECRET_ENV) or None


def session_key_path(db_path: Path | str | None = None) -> Path:
    """Where the generated signing key is kept when ``$IMPACTDASH_SESSION_SECRET`` is not set."""
    path = Path(db_path or default_db_path()).resolve()
    return path.parent / f"{path.stem}-session.key"


def trusted_proxies() -> list[str]:
    """Return the reverse proxies whose ``X-Forwarded-For`` is believed (``$IMPACTDASH_TRUSTED_PROXIES``).

    Addresses or networks, comma-separated (``127.0.0.1`` for a proxy on this machine,
    ``10.0.0.0/24``); none by default, so no visitor can claim another's address. ``*``
    (believe anyone) is refused: every visitor could then pick the address they are counted under.
    """
    value = os.environ.get(TRUSTED_PROXIES_ENV, "")
    entries = [item.strip() for item in value.split(",") if item.strip()]
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ValueError(
                f"{TRUSTED_PROXIES_ENV}: {entry!r} is not an address or network (e.g. 127.0.0.1, 10.0.0.0/24)"
            ) from None
    return entries


def accessibility_contact() -> str:
    """Return where visitors report an accessibility barrier (``$IMPACTDASH_ACCESSIBILITY_CONTACT``).

    An e-mail address or web page of the municipality that publishes the dashboard; empty
    by default, and the accessibility statement then points to the municipality's general
    contact details.
    """
    return os.environ.get(ACCESSIBILITY_CONTACT_ENV, "").strip()


def record_accessibility() -> bool:
    """Whether the accessibility journeys write their results (``$IMPACTDASH_RECORD_ACCESSIBILITY``).

    Off by default: a test run changes no tracked file. Set it to measure again, then
    commit ``docs/accessibility/`` (docs/testing.md).
    """
    return os.environ.get(RECORD_ACCESSIBILITY_ENV, "").strip().lower() in _TRUE
