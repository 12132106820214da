"""Opening a publication's snapshot for the public pages, whatever schema version it was written in.

A snapshot keeps the schema of the day it was published, while the queries of a newer
version of the dashboard may read what a later migration added (0008's ``spend_month``).
Without this, upgrading the dashboard would break the public pages until someone published
again. The published file itself is never changed: its checksum is what was approved. An
older snapshot is copied to a private cache folder, migrated there and served read-only
from the copy. Migrations only add tables, views and derived data; they never change a
figure (the migration tests check this).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb

from impactdash import config
from impactdash.publish import pointer
from impactdash.store import db


def upgraded_dir() -> Path:
    """Return the folder for upgraded copies of older snapshots (created private on first use)."""
    folder = config.upgraded_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def open_publication(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open a snapshot read-only at the current schema version, through an upgraded copy if older."""
    path = Path(path)
    con = db.connect(path, read_only=True)
    latest = db.latest_version()
    if db.schema_version(con) >= latest:
        return con
    con.close()
    return db.connect(upgraded_copy(path, latest), read_only=True)


def upgraded_copy(path: Path, version: int) -> Path:
    """Return a read-only copy of the snapshot ``path`` migrated to ``version``, made once.

    The copy is named by the snapshot's checksum, so a changed or replaced snapshot is never
    served from a stale copy, and it appears whole (written under a temporary name, then
    renamed) when several processes upgrade the same snapshot at once.
    """
    folder = upgraded_dir()
    target = folder / f"{path.stem}-{pointer.checksum(path)[:16]}-v{version}.duckdb"
    if target.exists():
        return target
    handle, staging = tempfile.mkstemp(dir=folder, suffix=".duckdb")
    os.close(handle)
    try:
        shutil.copyfile(path, staging)
        os.chmod(staging, 0o600)
        con = db.connect(staging)
        try:
            db.migrate(con, target=version)
            con.execute("checkpoint")
        finally:
            con.close()
        os.chmod(staging, 0o444)
        os.replace(staging, target)
    finally:
        Path(staging).unlink(missing_ok=True)
        Path(staging + ".wal").unlink(missing_ok=True)
    return target
