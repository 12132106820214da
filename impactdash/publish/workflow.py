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
import re
import shutil
from pathlib import Path

import duckdb

from impactdash.errors import StorageError
from impactdash.publish import light_pages, opendata, pointer
from impactdash.publish.pointer import Current, open_data_name, snapshot_name
from impactdash.publish.snapshot import write_snapshot
from impactdash.store import db
from impactdash.write import audit, permissions
from impactdash.write.permissions import Actor
from impactdash.write.validation import EditError

LABEL_MAX = 80

NOTE_MAX = 2000


class PublishError(EditError):
    """A publishing step was refused; ``message(lang)`` says why. Nothing was changed."""


def _swap_pointer(folder: Path, entry: dict | None) -> None:
    """Make a publication public (or stop it being public) in one rename; tests break in here."""
    pointer.write_pointer(folder, entry)


def _write_open_data(snapshot: Path, folder: Path, publication_id: int, label: str, at: dt.datetime) -> None:
    """Write the publication's open data beside its snapshot."""
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


def _write_history(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Rewrite the public history of publications after a decision (start-up repairs it if this fails)."""
    pointer.write_history(folder, pointer.approved_history(con.cursor()))


def _remove_files(folder: Path, publication_id: int) -> None:
    """Remove a publication's snapshot and open data (never public, or never complete)."""
    snapshot = folder / snapshot_name(publication_id)
    tmp = snapshot.with_name(snapshot.name + ".tmp")
    for path in (snapshot, tmp, Path(str(snapshot) + ".wal"), Path(str(tmp) + ".wal")):
        if path.exists():
            path.chmod(0o644)
            path.unlink()
    shutil.rmtree(folder / open_data_name(publication_id), ignore_errors=True)
    light_pages.remove(folder, publication_id)


def _audit(
    cur, actor: Actor, action: str, publication_id: int, before: dict | None, after: dict | None
) -> None:
    entry = audit.Entry(
        actor.username,
        action,
        "publication",
        key=str(publication_id),
        before=before or None,
        after=after or None,
    )
    audit.record(cur, entry)


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
    # Files under this new number belong to no request: a crash between writing the snapshot
    # and saving the request left them (the number was not kept). Nobody refers to them.
    try:
        _remove_files(folder, publication_id)
    except OSError as exc:
        storage = StorageError.from_exception(exc, folder)
        raise storage or StorageError("leftover", folder / file) from exc
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
        light_pages.write(folder / file, folder, publication_id, label, now)
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
    except BaseException as exc:
        _remove_files(folder, publication_id)
        storage = StorageError.from_exception(exc, folder) if isinstance(exc, Exception) else None
        if storage is not None:
            raise storage from exc  # a full disk or a read-only folder, said as such
        raise
    return publication_id


def _number(path: Path) -> int | None:
    """Return the publication number of a snapshot or open-data name (``pub-0007...``), or None."""
    found = re.match(r"pub-(\d+)(?:\.duckdb|-open-data|-light)", path.name)
    return int(found.group(1)) if found else None


def remove_leftovers(con: duckdb.DuckDBPyConnection, folder: Path) -> list[Path]:
    """Remove the files of publications that no request records (a crash's leftovers); return them.

    A request writes its snapshot and open data first and records the request after; a
    crash in between leaves files that nothing refers to, and the pointer never names them
    (only an approved request is pointed at). Run at start-up, while this process holds the
    working database, so no request is being written meanwhile.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    known = {int(i) for (i,) in con.cursor().execute("select id from publication").fetchall()}
    removed = [p for p in sorted(folder.glob("pub-*")) if _number(p) is not None and _number(p) not in known]
    for publication_id in sorted({_number(p) for p in removed}):
        _remove_files(folder, publication_id)
    return removed


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
    previous = pointer.current(folder)
    swapped = False

    def swap(entry: dict | None) -> None:
        nonlocal swapped
        _swap_pointer(folder, entry)
        swapped = True

    try:
        yield cur, swap
        cur.execute("commit")
    except BaseException as exc:
        cur.execute("rollback")
        if swapped:
            pointer.write_pointer(folder, pointer.entry_of(previous))
        storage = StorageError.from_exception(exc, folder) if isinstance(exc, Exception) else None
        if storage is not None:
            raise storage from exc  # a full disk or a read-only folder, said as such
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
        if not snapshot.exists() or pointer.checksum(snapshot) != request_row["snapshot_checksum"]:
            raise PublishError("publish_snapshot_damaged", id=publication_id)
        _decide(cur, actor, publication_id, "approved", note, now)
        swap(pointer.pointer_entry(publication_id, request_row["label"], request_row["snapshot_file"], now))
    _write_history(con, folder)
    return Current(publication_id, request_row["label"], snapshot, now)


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
        swap(pointer.latest_approved(cur))
    _write_history(con, folder)
    return pointer.current(folder)
