"""The only write path for the staff's figures: check the role, validate, write, audit — all or nothing.

Every public function checks the actor's permission first, then stages the rows
(``impactdash.write.staging``) and validates them (``impactdash.write.validation``) inside the same
transaction that writes them, the audit entries (one per record, before and after as JSON
text) and the data version. Any error rolls the whole transaction back, so a refused or
failed write leaves the data and the audit log exactly as they were.

Two people editing one record: every record has a version (a hash of its current row,
:func:`record_version`); a save or delete names the version the person started from, and
is refused with :class:`ConflictError` when the record has changed since. The page keeps
what they typed.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

from impactdash.store import db
from impactdash.write import audit, datasets, import_revert, late_dates, permissions
from impactdash.write.audit import row_json
from impactdash.write.datasets import Dataset
from impactdash.write.staging import STAGE, ident, key_text, stage, to_text
from impactdash.write.transaction import (
    delete_rows,
    fetch_row,
    in_transaction,
    in_use_problems,
    key_tuple,
    record_key,
    record_version,
    write_staged,
)
from impactdash.write.validation import ConflictError, EditError, Problem, ValidationError, check

__all__ = [
    "ConflictError",
    "EditError",
    "NotFoundError",
    "Problem",
    "ValidationError",
    "as_text",
    "delete_record",
    "get_record",
    "in_transaction",
    "is_revertible",
    "record_version",
    "row_json",
    "revert",
    "save_grid",
    "save_record",
    "write_staged",
]

#: Audit actions of record changes that :func:`revert` can undo.
REVERTIBLE = ("insert", "update", "delete", "revert")


def is_revertible(action: str, dataset: str | None) -> bool:
    """Whether an audit entry of ``action`` on ``dataset`` can be reverted at all.

    A change of figures can (an import as one unit); a sign-in, a publication step or a
    user's change has nothing to undo, and an import's revert is redone by importing the
    file again. The audit page offers a revert button only where this holds.
    """
    return action in (*REVERTIBLE, "import") and dataset in datasets.DATASETS


class NotFoundError(EditError, LookupError):
    """No record with that key."""


def as_text(dataset: str, values: dict) -> dict[str, str | None]:
    """Return a record's fields as the text a form shows and :func:`save_record` reads back unchanged."""
    ds = datasets.get(dataset)
    return {f.name: to_text(values.get(f.name)) for f in ds.fields}


def get_record(con: duckdb.DuckDBPyConnection, dataset: str, key: object) -> tuple[dict, str]:
    """Return (the record's current row as a dict, its version); :class:`NotFoundError` if none.

    ``key`` is the natural key: one value, a tuple in the order of ``Dataset.key``, or a
    dict. Values may be text or typed (``2018`` and ``"2018"`` are the same year).
    """
    ds = datasets.get(dataset)
    cur = con.cursor()
    try:
        row = fetch_row(cur, ds, key)
    finally:
        cur.close()
    if row is None:
        raise NotFoundError("edit_not_found", record=key_text(key_tuple(ds, key)).replace("\x1f", " / "))
    return row, record_version(row)


def _write(
    con,
    actor: permissions.Actor,
    ds: Dataset,
    frame: pd.DataFrame | None,
    *,
    mode: str = "insert",
    expect: str | None = None,
    expected_by_key: dict[str, str] | None = None,
    deletes: tuple = (),
    rows=None,
    action: str | None = None,
    detail: dict | None = None,
    decimal_mark: str | None = None,
    original_key: object = None,
) -> list[tuple]:
    """Validate and write records and deletions in one transaction, one audit entry per record."""

    def work(cur):
        problems, count, staged = [], 0, None
        if frame is not None and len(frame):
            staged = stage(
                cur,
                ds,
                frame,
                rows=rows,
                mode=mode,
                expect=expect,
                expected_by_key=expected_by_key,
                decimal_hint=decimal_mark,
            )
            problems, count = check(cur, staged)
            if original_key is not None and _key_changed(cur, ds, original_key):
                field = ds.key[0] if len(ds.key) == 1 else ""
                problem = Problem(None, field, "edit_key_changed", {"keys": ds.key}, ds.name)
                raise ValidationError([problem], 1)
        # A record changed or deleted since it was opened is said to be so before anything
        # about the values typed: they were typed against a record that is no longer there.
        befores = _check_updates(cur, ds) if staged else {}
        doomed = []
        for key, version in deletes:
            current = fetch_row(cur, ds, key)
            _check_version(ds, current, version, key)
            found = in_use_problems(cur, ds, current)
            problems, count = problems + found, count + len(found)
            doomed.append(current)
        if problems:
            raise ValidationError(problems, count)
        delete_rows(cur, ds, doomed)
        changes = [("delete", before, None) for before in doomed]
        keys = []
        if staged:
            write_staged(cur, staged, actor.username)
            for pos, op, *key in cur.execute(
                f"select _pos, _op, {', '.join(ident(k) for k in ds.key)} from {STAGE} order by _pos"  # noqa: S608
            ).fetchall():
                keys.append(tuple(key))
                if op != "same":
                    changes.append((op, befores.get(pos), fetch_row(cur, ds, tuple(key))))
        audit.record(
            cur,
            *(
                audit.Entry(
                    actor.username,
                    action or op,
                    ds.name,
                    key=record_key(ds, after if after is not None else before),
                    before=before,
                    after=after,
                    detail=detail,
                )
                for op, before, after in changes
            ),
        )
        return keys

    return in_transaction(con, work)


def _check_version(ds: Dataset, current: dict | None, version: str | None, key: object) -> None:
    shown = key_text(key_tuple(ds, key) if current is None else tuple(current[k] for k in ds.key))
    shown = shown.replace("\x1f", " / ")
    if current is None:
        raise ConflictError("edit_conflict_deleted", record=shown)
    if version is not None and record_version(current) != version:
        raise ConflictError("edit_conflict_changed", record=shown)


def _check_updates(cur, ds: Dataset) -> dict[int, dict]:
    """Check the version of every row staged as an update; return their current rows by position."""
    join = " and ".join(f"t.{ident(k)} = s.{ident(k)}" for k in ds.key)
    result = cur.execute(
        f"select s._pos, s._expect, s._exists, s._key, t.* from {STAGE} s"  # noqa: S608 (spec names)
        f" left join {ident(ds.name)} t on {join} where s._mode = 'update' order by s._pos"
    )
    names = [d[0] for d in result.description][4:]
    befores = {}
    for pos, expect, exists, key, *values in result.fetchall():
        current = dict(zip(names, values, strict=True)) if exists else None
        _check_version(ds, current, expect, tuple(key.split("\x1f")))
        befores[pos] = current
    # Rows staged as inserts or upserts that change an existing record need its old row too.
    result = cur.execute(
        f"select s._pos, t.* from {STAGE} s join {ident(ds.name)} t on {join}"  # noqa: S608 (spec names)
        " where s._mode <> 'update' and s._op = 'update'"
    )
    names = [d[0] for d in result.description][1:]
    for pos, *values in result.fetchall():
        befores[pos] = dict(zip(names, values, strict=True))
    return befores


def _key_changed(cur, ds: Dataset, original_key: object) -> bool:
    """Whether the staged record's key (as typed, then parsed) differs from the one opened."""
    staged = cur.execute(f"select _key from {STAGE}").fetchall()[0][0]  # noqa: S608 (fixed name)
    return staged != key_text(key_tuple(ds, original_key))


def _one_row_frame(ds: Dataset, values: dict) -> pd.DataFrame:
    unknown = [k for k in values if k not in ds.field_names]
    if unknown:
        raise ValueError(f"{ds.name} has no field(s) {', '.join(unknown)}")
    return pd.DataFrame(
        {k: pd.Series([to_text(values[k])], dtype="str") for k in ds.field_names if k in values}
    )


def save_record(
    con: duckdb.DuckDBPyConnection,
    actor: permissions.Actor,
    dataset: str,
    values: dict[str, str | None],
    expected_version: str | None = None,
    *,
    key: object = None,
    decimal_mark: str | None = None,
) -> tuple:
    """Save one record typed in a form; return its key.

    Without ``expected_version`` the record is new (a key that exists is refused); with
    it, the record is updated, unless it changed since that version (:class:`ConflictError`).
    ``values`` are texts as typed (typed values are accepted too); a field left out keeps
    its stored value. ``key`` is the key of the record as opened: if the typed key differs,
    the save is refused (a key cannot change; delete the record and add a new one).
    ``decimal_mark`` (``','`` on a Dutch form) says how to read an ambiguous ``1.234``.
    Problems raise :class:`ValidationError`, naming each field.
    """
    permissions.require(actor, "edit_figures")
    ds = datasets.get(dataset)
    mode = "insert" if expected_version is None else "update"
    keys = _write(
        con,
        actor,
        ds,
        _one_row_frame(ds, values),
        mode=mode,
        expect=expected_version,
        decimal_mark=decimal_mark,
        original_key=key,
    )
    return keys[0]


def add_record(
    con: duckdb.DuckDBPyConnection,
    actor: permissions.Actor,
    dataset: str,
    values: dict[str, str | None],
    *,
    action: str,
) -> tuple:
    """Add one new record under a named action other than 'edit_figures'; return its key.

    For the few additions people without 'edit_figures' may make (a reviewer's note on an
    ambition needs 'review_progress'): the same validation, transaction and audit entry
    as :func:`save_record`.
    """
    permissions.require(actor, action)
    ds = datasets.get(dataset)
    return _write(con, actor, ds, _one_row_frame(ds, values), mode="insert")[0]


def delete_record(
    con: duckdb.DuckDBPyConnection,
    actor: permissions.Actor,
    dataset: str,
    key: object,
    expected_version: str | None,
) -> None:
    """Delete one record, unless it changed since ``expected_version`` or other records refer to it."""
    permissions.require(actor, "edit_figures")
    ds = datasets.get(dataset)
    if not ds.delete:
        raise ValidationError([Problem(None, "", "edit_no_delete", {}, ds.name)])
    _write(con, actor, ds, None, deletes=((key, expected_version),))


def save_grid(
    con: duckdb.DuckDBPyConnection,
    actor: permissions.Actor,
    dataset: str,
    edited: pd.DataFrame,
    deleted_keys: list = (),
    expected_versions: dict | None = None,
    *,
    decimal_mark: str | None = None,
) -> list[tuple]:
    """Save the rows added or changed in a grid and delete ``deleted_keys``, all or nothing.

    ``edited`` holds only the added and changed rows (columns = field names). A row whose
    key is in ``expected_versions`` ({key: version}, as from :func:`get_record`) updates
    that record; any other row is new. Problems name the grid row (first row = 1). Returns
    the keys of the edited rows in order.
    """
    permissions.require(actor, "edit_figures")
    ds = datasets.get(dataset)
    expected_versions = expected_versions or {}
    if len(deleted_keys) and not ds.delete:
        raise ValidationError([Problem(None, "", "edit_no_delete", {}, ds.name)])
    by_key = {key_text(key_tuple(ds, k)): v for k, v in expected_versions.items()}
    deletes = tuple((k, by_key.get(key_text(key_tuple(ds, k)))) for k in deleted_keys)
    frame = edited[[c for c in edited.columns if c in ds.field_names]].reset_index(drop=True)
    unknown = [c for c in edited.columns if c not in ds.field_names]
    if unknown:
        raise ValueError(f"{ds.name} has no field(s) {', '.join(map(str, unknown))}")
    rows = range(1, len(frame) + 1)
    return _write(
        con,
        actor,
        ds,
        frame,
        mode="insert",
        expected_by_key=by_key,
        deletes=deletes,
        rows=rows,
        decimal_mark=decimal_mark,
    )


def revert(
    con: duckdb.DuckDBPyConnection, actor: permissions.Actor, audit_id: int, *, force: bool = False
) -> tuple | dict | None:
    """Undo the change of audit entry ``audit_id``; the undo is audited as 'revert'.

    An insert is undone by deleting the record, a delete by inserting it again, an update
    by restoring the values before it. Refused (:class:`ConflictError`) when the record has
    changed since that entry. A revert can itself be reverted. Returns the record's key,
    or None when the revert deleted it.

    An import is undone as one unit by :func:`impactdash.write.import_revert.revert_import`
    (audited as 'revert_import'; ``force`` reverts records changed since as well); it
    returns that revert's counts.
    """
    permissions.require(actor, "revert_change")
    cur = con.cursor()
    try:
        entry = cur.execute(
            "select action, dataset, before_json, after_json from audit_log where id = $id", {"id": audit_id}
        ).fetchall()
    finally:
        cur.close()
    if not entry:
        raise EditError("edit_revert_unknown", id=audit_id)
    action, dataset, before_json, after_json = entry[0]
    if action in ("import", "revert_import"):  # refused there with its own reasons
        return import_revert.revert_import(con, actor, audit_id, force=force)
    if not is_revertible(action, dataset):
        raise EditError("edit_revert_not_possible", id=audit_id)
    ds = datasets.get(dataset)
    before = json.loads(before_json) if before_json else None
    after = json.loads(after_json) if after_json else None
    key = tuple((after or before)[k] for k in ds.key)
    cur = con.cursor()
    try:
        current = fetch_row(cur, ds, key)
    finally:
        cur.close()
    now = json.loads(row_json(current)) if current is not None else None
    if now != after:
        raise ConflictError("edit_revert_changed", id=audit_id)
    detail = {"reverts": audit_id}
    if before is None:
        _write(
            con, actor, ds, None, deletes=((key, record_version(current)),), action="revert", detail=detail
        )
        return None
    values = {f.name: to_text(before.get(f.name)) for f in ds.fields if f.name in before}
    frame = _one_row_frame(ds, values)
    # Stored values written out by to_text, with a decimal point: 1.035 m² is 1.035, not 1035.
    written = {"action": "revert", "detail": detail, "decimal_mark": "."}
    if after is None:
        return _write(con, actor, ds, frame, mode="insert", **written)[0]
    return _write(con, actor, ds, frame, mode="update", expect=record_version(current), **written)[0]


# --- reading rows to edit -------------------------------------------------------------

#: Rows shown at most in the grid and the record list; the queries return one more to tell.
MAX_ROWS = 500


def query_name(dataset: str) -> str:
    """Return the name of the read query listing ``dataset``'s editable rows."""
    datasets.get(dataset)
    return f"edit_rows_{dataset}"


def load_rows(con: duckdb.DuckDBPyConnection, dataset: str, **params) -> tuple[list[dict], bool]:
    """Return (at most MAX_ROWS rows as dicts with their stored types, whether there are more)."""
    cur = con.cursor()
    try:
        result = cur.execute(db.query_text(query_name(dataset)), params)
        values = result.fetchall()
        names = [d[0] for d in result.description]
    finally:
        cur.close()
    rows = [dict(zip(names, v, strict=True)) for v in values]
    return rows[:MAX_ROWS], len(rows) > MAX_ROWS


def reference_names(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return every record a field can refer to with its readable name (query ``edit_reference_names``).

    Each row: dataset, code, municipality_code (None for shared lists), name_nl, name_en,
    target_date (an ambition's, which has no name of its own).
    """
    cur = con.cursor()
    try:
        result = cur.execute(db.query_text("edit_reference_names"))
        names = [d[0] for d in result.description]
        return [dict(zip(names, v, strict=True)) for v in result.fetchall()]
    finally:
        cur.close()


def last_change(con: duckdb.DuckDBPyConnection, dataset: str, key: object) -> dict | None:
    """Return who last changed the record ``key`` and how ({actor, action, changed_at}), or None.

    An open form uses it to say that the record was deleted or changed by someone else, and
    by whom, rather than only that a save was refused.
    """
    ds = datasets.get(dataset)
    # The audit trail keeps the key typed (2018, not "2018"): type text parts as the write does.
    parts = {k: _typed_key_part(ds.field(k).kind, v) for k, v in zip(ds.key, key_tuple(ds, key), strict=True)}
    stored = record_key(ds, parts)
    cur = con.cursor()
    try:
        result = cur.execute(db.query_text("edit_last_change"), {"dataset": ds.name, "record_key": stored})
        row = result.fetchone()
    finally:
        cur.close()
    return None if row is None else {"actor": row[0], "action": row[1], "changed_at": row[2]}


def reporting_date(con: duckdb.DuckDBPyConnection) -> dt.date:
    """Return the reporting date of the working figures (the setting, or today without one)."""
    return late_dates.reporting_date(con)


def _typed_key_part(kind: str, value: object) -> object:
    """Return one part of a key as the database types it (a year as a number, a date as a date)."""
    if not isinstance(value, str):
        return value
    try:
        if kind == "int":
            return int(value)
        if kind == "date":
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    return value
