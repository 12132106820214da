"""The snapshot of a publication: a new read-only DuckDB file holding only what the public may see.

What the public may see is defined once, in :mod:`impactdash.publish.public`; the snapshot
copies exactly those rows, in one consistent read of the working file. No Streamlit here.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from impactdash.publish import pointer
from impactdash.publish.public import PUBLIC_TABLES
from impactdash.store import db


def write_snapshot(con: duckdb.DuckDBPyConnection, target: Path, settings: dict[str, str]) -> str:
    """Copy the public rows of the working database into a new read-only file; return its checksum.

    All tables are read in one transaction, so the snapshot is consistent even while
    others write. The file is built under a temporary name and renamed when complete.
    """
    target = Path(target)
    if target.exists():
        raise FileExistsError(target)
    tmp = target.with_name(target.name + ".tmp")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    # The schema first, in a connection of its own (migrations run on a connection's
    # default database). Migrations fill reference tables (domains, the measure
    # catalogue); the working file's rows, which editors may have changed, replace them.
    snap = db.connect(tmp)
    try:
        db.migrate(snap)
        for table, _ in reversed(PUBLIC_TABLES):
            snap.execute(f"delete from {table}")  # noqa: S608 - names from PUBLIC_TABLES, not input
        referenced = {
            name
            for (name,) in snap.execute(
                "select distinct referenced_table from duckdb_constraints()"
                " where constraint_type = 'FOREIGN KEY'"
            ).fetchall()
        }
    finally:
        snap.close()
    _copy_public_rows(con, tmp, referenced, settings)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    tmp.replace(target)
    target.chmod(0o444)
    return pointer.checksum(target)


def _copy_public_rows(
    con: duckdb.DuckDBPyConnection, tmp: Path, referenced: set[str], settings: dict
) -> None:
    """Copy the public rows into the new file, attached to the working connection.

    DuckDB copies table to table natively (in parallel, no conversion), in one transaction
    that reads the working file consistently and writes only the new one. Tables no
    foreign key points at are recreated without their constraints: the rows were checked
    when they were written, and a read-only copy needs no index; for the ledger's millions
    of lines that is many times faster than inserting under them.
    """
    cur = con.cursor()
    target = "publication_snapshot"
    cur.execute(f"attach '{str(tmp).replace(chr(39), chr(39) * 2)}' as {target}")
    try:
        cur.execute("begin transaction")
        try:
            for table, select in PUBLIC_TABLES:
                # Names from PUBLIC_TABLES and a fixed alias: no user text reaches this SQL.
                if table in referenced:
                    cur.execute(f"insert into {target}.main.{table} by name {select}")  # noqa: S608
                else:
                    cur.execute(f"drop table {target}.main.{table}")
                    cur.execute(f"create table {target}.main.{table} as {select}")
            version = cur.execute("select version from data_version").fetchone()[0]
            for key, value in settings.items():
                cur.execute(f"delete from {target}.main.app_setting where key = $k", {"k": key})  # noqa: S608
                cur.execute(
                    f"insert into {target}.main.app_setting values ($k, $v)",  # noqa: S608
                    {"k": key, "v": value},
                )
            cur.execute(f"update {target}.main.data_version set version = $v", {"v": version})  # noqa: S608
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
    finally:
        cur.execute(f"detach {target}")
