"""Where publications live and which one the public sees: the pointer file ``current.json``.

Public pages read only the publication the pointer names (:func:`current`), so any number
of read-only processes can serve them while one staff process writes drafts. The pointer
is replaced in one atomic rename; :func:`reconcile` repairs it at start-up from what the
database records. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from impactdash.publish import light_pages
from impactdash.store import files

POINTER = "current.json"
#: The public history of publications beside the pointer: what the public change log lists.
HISTORY = "publications.json"


@dataclass(frozen=True)
class Current:
    """The publication the public sees: its id, label, snapshot file and approval time."""

    id: int
    label: str
    path: Path
    approved_at: dt.datetime


@dataclass(frozen=True)
class Published:
    """One approved publication as the public change log shows it: number, label, file, date, note."""

    id: int
    label: str
    file: str
    approved_at: dt.datetime
    note: str | None = None


def snapshot_name(publication_id: int) -> str:
    """Return the file name of a publication's snapshot."""
    return f"pub-{publication_id:04d}.duckdb"


def open_data_name(publication_id: int) -> str:
    """Return the folder name of a publication's open data."""
    return f"pub-{publication_id:04d}-open-data"


#: The last pointer file read per folder, by its identity (inode, change time, size):
#: public processes ask on every query of every page view. A swap is a rename, so a new
#: inode, and is read at once.
_READ: dict[Path, tuple[tuple[int, int, int], dict]] = {}


def current(folder: Path) -> Current | None:
    """Return the current publication named by the pointer file, or None if there is none."""
    pointer = Path(folder) / POINTER
    try:
        seen = pointer.stat()
        identity = (seen.st_ino, seen.st_mtime_ns, seen.st_size)
        kept = _READ.get(pointer)
        if kept is not None and kept[0] == identity:
            entry = kept[1]
        else:
            entry = json.loads(pointer.read_text(encoding="utf-8"))
            _READ[pointer] = (identity, entry)
    except FileNotFoundError:
        return None
    path = Path(folder) / entry["file"]
    if not path.exists():
        return None
    return Current(int(entry["id"]), entry["label"], path, dt.datetime.fromisoformat(entry["approved_at"]))


def write_pointer(folder: Path, entry: dict | None) -> None:
    """Replace the pointer file in one atomic step (or remove it when nothing is published)."""
    pointer = folder / POINTER
    if entry is None:
        pointer.unlink(missing_ok=True)
        light_pages.point(folder, None)
        return
    tmp = folder / (POINTER + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, pointer)
    # The balancer's light/ link follows the pointer (a moment later: nginx serves files).
    light_pages.point(folder, entry)


def pointer_entry(publication_id: int, label: str, file: str, approved_at: dt.datetime) -> dict:
    """Return what the pointer file holds for one publication."""
    return {"id": publication_id, "label": label, "file": file, "approved_at": approved_at.isoformat()}


def entry_of(publication: Current | None) -> dict | None:
    """Return the pointer entry of a current publication (None for none)."""
    if publication is None:
        return None
    return pointer_entry(publication.id, publication.label, publication.path.name, publication.approved_at)


#: A snapshot's checksum, as the publication table stores it: the one file hash (store/files.py).
checksum = files.sha256


def latest_approved(cur) -> dict | None:
    """Return the pointer entry of the latest approved publication in the database, if any."""
    rows = cur.execute(
        "select id, label, snapshot_file, decided_at from publication where status = 'approved'"
        " order by decided_at desc, id desc limit 1"
    ).fetchall()
    if not rows:
        return None
    publication_id, label, file, decided_at = rows[0]
    return pointer_entry(publication_id, label, file, decided_at)


def approved_history(cur) -> list[dict]:
    """Return the approved publications (not withdrawn) as the database records them, oldest first.

    What the public may know of each: number, label, file, approval time and approval note
    (the approver is told on the approval screen that the note is public).
    """
    rows = cur.execute(
        "select id, label, snapshot_file, decided_at, decision_note from publication"
        " where status = 'approved' order by decided_at, id"
    ).fetchall()
    return [
        {"id": i, "label": label, "file": file, "approved_at": at.isoformat(), "note": note}
        for i, label, file, at, note in rows
    ]


def write_history(folder: Path, entries: list[dict]) -> None:
    """Replace the public history file in one atomic step."""
    folder = Path(folder)
    tmp = folder / (HISTORY + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(entries, handle, sort_keys=True, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, folder / HISTORY)


def history(folder: Path) -> list[Published]:
    """Return the publications the public may look back on, oldest first, whose snapshot exists.

    Read from the history file beside the pointer (public-only processes never open the
    working database); without one (a folder from before it existed), the current
    publication alone.
    """
    folder = Path(folder)
    entries = _history_entries(folder) if (folder / HISTORY).exists() else None
    if entries is None:
        now = current(folder)
        return [] if now is None else [Published(now.id, now.label, now.path.name, now.approved_at)]
    found = [
        Published(
            int(e["id"]), e["label"], e["file"], dt.datetime.fromisoformat(e["approved_at"]), e.get("note")
        )
        for e in entries
    ]
    return [p for p in found if (folder / p.file).exists()]


def reconcile(con: duckdb.DuckDBPyConnection, folder: Path) -> Current | None:
    """Make the pointer name the latest approved publication, as the database records it.

    Run at start-up of the staff process: it repairs a pointer left behind by a crash
    between the swap and the commit, or by restoring an older backup of the database.
    """
    folder = Path(folder)
    entry = latest_approved(con.cursor())
    if entry is not None and not (folder / entry["file"]).exists():
        entry = None
    if entry != entry_of(current(folder)):
        folder.mkdir(parents=True, exist_ok=True)
        write_pointer(folder, entry)
    entries = approved_history(con.cursor())
    if folder.exists() and entries != _history_entries(folder):
        write_history(folder, entries)
    return current(folder)


def _history_entries(folder: Path) -> list[dict] | None:
    """Return the history file's entries as written ([] if there is none: nothing to repair)."""
    try:
        return json.loads((folder / HISTORY).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except ValueError:
        return None
