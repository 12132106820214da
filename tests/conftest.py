"""Shared fixtures: a migrated empty database and the demo database, built once per run.

Every test is marked with its layer, from its folder: ``unit``, ``app``, ``browser`` or ``deploy``
(``pytest -m unit`` runs one layer; see docs/testing.md).
"""

from __future__ import annotations

import asyncio
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from impactdash import config, startup
from impactdash.store import db
from impactdash.write import auth

TESTS = Path(__file__).resolve().parent
# One DuckDB thread per connection in the tests and the servers they start (production: 2).
# The tests' queries are too small to gain from a second thread, and the workers already
# fill both cores: a second thread only added scheduling (8 % more CPU in test_spend_month).
os.environ.setdefault(config.THREADS_ENV, "1")
#: The layers, slowest tests first.
LAYERS = ("deploy", "browser", "app", "unit")
#: The browser journeys, longest first (alone on a quiet machine, 2026-12-03): the browser
#: worker starts with them, and what is left at the end of its list, where idle workers take
#: over, is the short page tests. Alphabetically the publish and revert journeys came last:
#: taken over by another worker (a new server and Chromium), they ended the run alone.
LONG_JOURNEYS = (
    "test_accessibility_browser.py",  # two journeys, 55-65 s each
    "test_publish_browser.py",  # 62 s, on a server of its own
    "test_edit_browser.py",  # 52 s
    "test_revert_browser.py",  # 29 s
    "test_session_browser.py",  # 17 s
    "test_review_browser.py",  # 13 s
    "test_import_browser.py",  # 12 s
)


def _layer(item) -> str | None:
    if not item.path.is_relative_to(TESTS):
        return None
    folder = item.path.relative_to(TESTS).parts[0]
    return folder if folder in LAYERS else None


def pytest_collection_modifyitems(config, items):
    """Mark every test with its layer, the folder it is in (registered in pyproject.toml).

    And run the browser tests first (the long journeys first: :data:`LONG_JOURNEYS`), then
    the app tests, then the unit tests. With three workers (``--dist worksteal``: each starts
    with a third of the list) one worker starts the browser tests at once, with its own
    Streamlit server and Chromium, while the others run the app and unit tests and then take
    over whatever is left at the end of the first one's third.
    """
    for item in items:
        layer = _layer(item)
        if layer:
            item.add_marker(getattr(pytest.mark, layer))
        if layer == "browser":
            # A journey through the real app runs once more when it fails: a click that lands
            # while Streamlit is redrawing is sometimes lost on a loaded machine (about one
            # journey in 30 per run in December 2026; docs/testing.md). The report lists every
            # rerun (-ra: "R"), so a journey that fails for real still fails, twice.
            item.add_marker(pytest.mark.flaky(reruns=1))
    items.sort(key=_run_order)


def _run_order(item) -> tuple[int, int]:
    """Layer first (slowest first), then, among the browser tests, the long journeys first."""
    layer = _layer(item)
    if layer is None:
        return (len(LAYERS), 0)
    journey = LONG_JOURNEYS.index(item.path.name) if item.path.name in LONG_JOURNEYS else len(LONG_JOURNEYS)
    return (LAYERS.index(layer), journey if layer == "browser" else 0)


def run_async(coroutine):
    """Run ``coroutine`` to its end and return its result, from any test.

    In a thread of its own: a worker that ran a browser journey holds Playwright's event loop
    running in its main thread for the rest of the session, and ``asyncio.run`` refuses to
    start a second loop there (a unit test after a journey on the same worker failed so).
    """
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


#: The hasher of production (argon2-cffi's RFC 9106 low-memory profile), for the one test of it.
PRODUCTION_HASHER = auth._hasher
PRODUCTION_DUMMY_HASH = auth._DUMMY_HASH
#: argon2id at its lowest cost: a hash or a check takes 0.2 s of CPU with production's
#: parameters, and the suite hashed and checked about a thousand passwords (test_auth 42 s).
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashes():
    """Hash passwords with argon2id at its lowest cost in the tests (the demo accounts too).

    Checking a password uses the parameters stored in its hash, so the demo accounts of the
    database built here sign in cheaply in the app and browser tests as well.
    ``test_auth.test_hash_is_argon2id_with_the_production_parameters`` checks production's.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_hasher", CHEAP_HASHER)
        patch.setattr(auth, "_DUMMY_HASH", CHEAP_HASHER.hash("not a real password, only for constant timing"))
        yield


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory) -> Path:
    """Path of a demo database built once for the whole run (treat as read-only)."""
    path = tmp_path_factory.mktemp("demo") / "impact.duckdb"
    startup.build_database(path, "demo")
    return path


@pytest.fixture(scope="session")
def demo_con(demo_db_file):
    """A read-only connection to the shared demo database, one per process (opening it took 0.1 s)."""
    con = db.connect(demo_db_file, read_only=True)
    yield con
    con.close()


@pytest.fixture
def demo_copy(demo_db_file, tmp_path) -> Path:
    """A private, writable copy of the demo database, with its publications beside it."""
    path = tmp_path / "impact.duckdb"
    shutil.copy(demo_db_file, path)
    shutil.copytree(config.publications_dir(demo_db_file), config.publications_dir(path))
    return path


@pytest.fixture
def empty_con(tmp_path):
    """A connection to a freshly migrated database without data."""
    con = db.connect(tmp_path / "empty.duckdb")
    db.migrate(con)
    yield con
    con.close()
