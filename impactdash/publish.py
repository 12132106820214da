"""Publishing: a request, a second person's approval, and an immutable snapshot swapped in.

How it works (see docs/decisions.md, "Publishing"):

- **Request** (editor): the working figures are copied, in one consistent read, into a new
  DuckDB file that holds only what the public may see (no users, no audit log, no
  publication requests, no internal notes, no author names). The file is made read-only
  and its SHA-256 recorded, so the reviewer approves exactly the figures that were
  requested, whatever is edited afterwards. Its open data is written beside it.
- **Approve** (reviewer or admin, never the requester): the checksum is verified, the
  decision and its audit entry are written, and the pointer file ``current.json`` is
  replaced with ``os.replace`` (atomic on one file system) before the transaction commits.
  If anything fails before the swap, the previous publication keeps serving, untouched.
- **Withdraw** (admin): the latest other approved publication becomes current again.

Public pages read only the publication that ``current.json`` names (:func:`current`), so
any number of read-only processes can serve them while one staff process writes drafts.
No Streamlit here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from impactdash import db, permissions
from impactdash.permissions import Actor
from impactdash.validation import EditError

POINTER = "current.json"
PUBLICATIONS_ENV = "IMPACTDASH_PUBLICATIONS"
LABEL_MAX = 80
NOTE_MAX = 2000

#: The tables a publication holds, parents before children (foreign keys), each with the
#: rows the public may see. Left out entirely: app_user, user_role, audit_log,
#: publication, sign_in_throttle. A note's author is a civil servant's name: blanked.
PUBLIC_TABLES: tuple[tuple[str, str], ...] = (
    ("app_setting", "select * from app_setting"),
    ("municipality", "select * from municipality"),
    ("population", "select * from population"),
    ("domain", "select * from domain"),
    ("instrument", "select * from instrument"),
    ("metric", "select * from metric"),
    ("programme", "select * from programme"),
    ("ambition", "select * from ambition"),
    ("milestone", "select * from milestone"),
    ("programme_ambition", "select * from programme_ambition"),
    ("budget", "select * from budget"),
    ("spend", "select * from spend"),
    # Derived from spend (impactdash/spend_month.py); read in the same transaction, so in step.
    ("spend_month", "select * from spend_month"),
    ("cofunding", "select * from cofunding"),
    ("property", "select * from property"),
    ("occupancy", "select * from occupancy"),
    ("observation", "select * from observation"),
    ("organisation", "select * from organisation"),
    ("connection", "select * from connection"),
    ("note", "select * replace ('' as author) from note where visibility = 'public'"),
)


class PublishError(EditError):
    """A publishing step was refused; ``message(lang)`` says why. Nothing was changed."""


@dataclass(frozen=True)
class Current:
    """The publication the public sees: its id, label, snapshot file and approval time."""

    id: int
    label: str
    path: Path
    approved_at: dt.datetime


# --- where publications live ---------------------------------------------------------


def publications_dir(db_path: Path | str | None = None) -> Path:
    """Return the folder of the publications: ``$IMPACTDASH_PUBLICATIONS`` or beside the database.

    Beside the working file, named after it (``data/impact-publications/``), so two
    databases in one folder never share publications.
    """
    if os.environ.get(PUBLICATIONS_ENV):
        return Path(os.environ[PUBLICATIONS_ENV]).resolve()
    path = Path(db_path or db.default_db_path()).resolve()
    return path.parent / f"{path.stem}-publications"


def snapshot_name(publication_id: int) -> str:
    """Return the file name of a publication's snapshot."""
    return f"pub-{publication_id:04d}.duckdb"


def open_data_name(publication_id: int) -> str:
    """Return the folder name of a publication's open data."""
    return f"pub-{publication_id:04d}-open-data"


def current(folder: Path) -> Current | None:
    """Return the current publication named by the pointer file, or None if there is none."""
    try:
        entry = json.loads((Path(folder) / POINTER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    path = Path(folder) / entry["file"]
    if not path.exists():
        return None
    return Current(int(entry["id"]), entry["label"], path, dt.datetime.fromisoformat(entry["approved_at"]))


def _write_pointer(folder: Path, entry: dict | None) -> None:
    """Replace the pointer file in one atomic step (or remove it when nothing is published)."""
    pointer = folder / POINTER
    if entry is None:
        pointer.unlink(missing_ok=True)
        return
    tmp = folder / (POINTER + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, pointer)


def _swap_pointer(folder: Path, entry: dict | None) -> None:
    """Make a publication public (or stop it being public) in one rename; tests break in here."""
    _write_pointer(folder, entry)


def _pointer_entry(publication_id: int, label: str, file: str, approved_at: dt.datetime) -> dict:
    return {"id": publication_id, "label": label, "file": file, "approved_at": approved_at.isoformat()}


# --- the snapshot -----------------------------------------------------------------------


def checksum(path: Path) -> str:
    """Return the SHA-256 of a file, read in blocks (snapshots can be hundreds of MB)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    return checksum(target)


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


def _write_open_data(snapshot: Path, folder: Path, publication_id: int, label: str, at: dt.datetime) -> None:
    """Write the publication's open data beside its snapshot."""
    from impactdash import opendata  # imported here: only publishing needs it

    snap = db.connect(snapshot, read_only=True)
    try:
        opendata.write_open_data(
            snap,
            folder / open_data_name(publication_id),
            publication_id=publication_id,
            label=label,
            published_at=at,
        )
    finally:
        snap.close()


def _remove_files(folder: Path, publication_id: int) -> None:
    """Remove a publication's snapshot and open data (never public, or never complete)."""
    snapshot = folder / snapshot_name(publication_id)
    for path in (snapshot, snapshot.with_name(snapshot.name + ".tmp")):
        if path.exists():
            path.chmod(0o644)
            path.unlink()
    shutil.rmtree(folder / open_data_name(publication_id), ignore_errors=True)


# --- requests and decisions -----------------------------------------------------------


def _audit(
    cur, actor: Actor, action: str, publication_id: int, before: dict | None, after: dict | None
) -> None:
    cur.execute(
        "insert into audit_log (actor, action, dataset, record_key, before_json, after_json)"
        " values ($a, $act, 'publication', $k, $b, $af)",
        {
            "a": actor.username,
            "act": action,
            "k": str(publication_id),
            "b": json.dumps(before, sort_keys=True, default=str) if before else None,
            "af": json.dumps(after, sort_keys=True, default=str) if after else None,
        },
    )
    db.bump_data_version(cur)


def _row(cur, publication_id: int) -> dict:
    found = cur.execute(
        "select id, label, request_note, requested_by, requested_at, status, decided_by, decided_at,"
        " snapshot_file, snapshot_checksum, decision_note, withdrawn_by, withdrawn_at"
        " from publication where id = $i",
        {"i": publication_id},
    )
    names = [d[0] for d in found.description]
    rows = found.fetchall()
    if not rows:
        raise PublishError("publish_unknown", id=publication_id)
    return dict(zip(names, rows[0], strict=True))


def _clean_text(value: str | None, maximum: int, missing_key: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        if missing_key:
            raise PublishError(missing_key)
        return None
    if len(text) > maximum:
        raise PublishError("publish_too_long", maximum=maximum)
    return text


def request(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    label: str,
    note: str | None,
    folder: Path,
    now: dt.datetime | None = None,
) -> int:
    """Ask for the current working figures to be published; return the publication's id.

    The snapshot is written now, so what is approved is what was requested.
    """
    permissions.require(actor, "request_publication")
    label = _clean_text(label, LABEL_MAX, "publish_label_missing")
    note = _clean_text(note, NOTE_MAX, None)
    now, folder = _now(now), Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cur = con.cursor()
    publication_id = cur.execute("select nextval('publication_id_seq')").fetchone()[0]
    file = snapshot_name(publication_id)
    try:
        digest = write_snapshot(
            con,
            folder / file,
            {
                "publication_id": str(publication_id),
                "publication_label": label,
                "snapshot_at": now.isoformat(),
            },
        )
        _write_open_data(folder / file, folder, publication_id, label, now)
        cur.execute("begin transaction")
        try:
            cur.execute(
                "insert into publication (id, label, request_note, requested_by, requested_at, status,"
                " snapshot_file, snapshot_checksum) values ($i, $l, $n, $by, $at, 'requested', $f, $c)",
                {
                    "i": publication_id,
                    "l": label,
                    "n": note,
                    "by": actor.username,
                    "at": now,
                    "f": file,
                    "c": digest,
                },
            )
            _audit(cur, actor, "publication_request", publication_id, None, _row(cur, publication_id))
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
    except BaseException:
        _remove_files(folder, publication_id)
        raise
    return publication_id


def _pending(cur, actor: Actor, publication_id: int) -> dict:
    """Return a request that ``actor`` may decide on, or refuse."""
    row = _row(cur, publication_id)
    if row["status"] != "requested":
        raise PublishError("publish_not_pending", id=publication_id)
    if row["requested_by"] == actor.username:
        raise PublishError("publish_own_request")
    return row


@contextlib.contextmanager
def _decision(con: duckdb.DuckDBPyConnection, folder: Path):
    """Run one decision in a transaction; yield ``(cursor, swap)``.

    ``swap(entry)`` points the public at another publication (or none) inside the
    transaction. If anything fails after it, the transaction is rolled back and the
    pointer put back, so the database and the pointer never disagree.
    """
    cur = con.cursor()
    cur.execute("begin transaction")
    previous = current(folder)
    swapped = False

    def swap(entry: dict | None) -> None:
        nonlocal swapped
        _swap_pointer(folder, entry)
        swapped = True

    try:
        yield cur, swap
        cur.execute("commit")
    except BaseException:
        cur.execute("rollback")
        if swapped:
            _write_pointer(folder, _entry_of(previous))
        raise


def _decide(cur, actor: Actor, publication_id: int, status: str, note: str | None, now: dt.datetime) -> dict:
    """Record the decision on a pending request, audited; return the request as it was."""
    before = _pending(cur, actor, publication_id)
    cur.execute(
        "update publication set status = $s, decided_by = $by, decided_at = $at, decision_note = $n"
        " where id = $i",
        {"s": status, "by": actor.username, "at": now, "n": note, "i": publication_id},
    )
    action = {"approved": "publication_approve", "rejected": "publication_reject"}[status]
    _audit(cur, actor, action, publication_id, before, _row(cur, publication_id))
    return before


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now().replace(microsecond=0)


def approve(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    publication_id: int,
    folder: Path,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> Current:
    """Approve somebody else's request: verify its snapshot and make it the current publication."""
    permissions.require(actor, "approve_publication")
    note = _clean_text(note, NOTE_MAX, None)
    now, folder = _now(now), Path(folder)
    with _decision(con, folder) as (cur, swap):
        request_row = _pending(cur, actor, publication_id)
        snapshot = folder / request_row["snapshot_file"]
        if not snapshot.exists() or checksum(snapshot) != request_row["snapshot_checksum"]:
            raise PublishError("publish_snapshot_damaged", id=publication_id)
        _decide(cur, actor, publication_id, "approved", note, now)
        swap(_pointer_entry(publication_id, request_row["label"], request_row["snapshot_file"], now))
    return Current(publication_id, request_row["label"], snapshot, now)


def _entry_of(publication: Current | None) -> dict | None:
    if publication is None:
        return None
    return _pointer_entry(publication.id, publication.label, publication.path.name, publication.approved_at)


def reject(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    publication_id: int,
    folder: Path,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Reject somebody else's request; its snapshot, never public, is removed."""
    permissions.require(actor, "approve_publication")
    note = _clean_text(note, NOTE_MAX, None)
    with _decision(con, Path(folder)) as (cur, _swap):
        _decide(cur, actor, publication_id, "rejected", note, _now(now))
    _remove_files(Path(folder), publication_id)


def withdraw(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    publication_id: int,
    folder: Path,
    now: dt.datetime | None = None,
) -> Current | None:
    """Withdraw an approved publication; the latest other approved one becomes current (or none)."""
    permissions.require(actor, "withdraw_publication")
    now, folder = _now(now), Path(folder)
    with _decision(con, folder) as (cur, swap):
        before = _row(cur, publication_id)
        if before["status"] != "approved":
            raise PublishError("publish_not_approved", id=publication_id)
        cur.execute(
            "update publication set status = 'withdrawn', withdrawn_by = $by, withdrawn_at = $at"
            " where id = $i",
            {"by": actor.username, "at": now, "i": publication_id},
        )
        _audit(cur, actor, "publication_withdraw", publication_id, before, _row(cur, publication_id))
        swap(_latest_approved(cur))
    return current(folder)


def _latest_approved(cur) -> dict | None:
    """Return the pointer entry of the latest approved publication in the database, if any."""
    rows = cur.execute(
        "select id, label, snapshot_file, decided_at from publication where status = 'approved'"
        " order by decided_at desc, id desc limit 1"
    ).fetchall()
    if not rows:
        return None
    publication_id, label, file, decided_at = rows[0]
    return _pointer_entry(publication_id, label, file, decided_at)


def reconcile(con: duckdb.DuckDBPyConnection, folder: Path) -> Current | None:
    """Make the pointer name the latest approved publication, as the database records it.

    Run at start-up of the staff process: it repairs a pointer left behind by a crash
    between the swap and the commit, or by restoring an older backup of the database.
    """
    folder = Path(folder)
    entry = _latest_approved(con.cursor())
    if entry is not None and not (folder / entry["file"]).exists():
        entry = None
    if entry != _entry_of(current(folder)):
        folder.mkdir(parents=True, exist_ok=True)
        _write_pointer(folder, entry)
    return current(folder)


def snapshot_settings(path: Path) -> dict[str, str]:
    """Return the settings stored in a snapshot (publication id, label, when it was taken)."""
    snap = db.connect(path, read_only=True)
    try:
        return dict(snap.execute("select key, value from app_setting").fetchall())
    finally:
        snap.close()


PUBLIC_ONLY_ENV = "IMPACTDASH_PUBLIC_ONLY"


def public_only() -> bool:
    """Whether this process serves only the public pages from the current publication."""
    return os.environ.get(PUBLIC_ONLY_ENV, "").strip().lower() in {"1", "true", "yes", "on"}
