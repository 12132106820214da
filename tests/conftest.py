"""Shared fixtures: a migrated empty database and the demo database, built once per run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from impactdash import config, startup
from impactdash.store import db


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory) -> Path:
    """Path of a demo database built once for the whole run (treat as read-only)."""
    path = tmp_path_factory.mktemp("demo") / "impact.duckdb"
    startup.build_database(path, "demo")
    return path


@pytest.fixture
def demo_con(demo_db_file):
    """A read-only connection to the shared demo database."""
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
