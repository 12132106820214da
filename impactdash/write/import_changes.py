"""What an import changes, field by field: the preview's diff, the overwritten edits, the stored before/after.

Everything here is SQL over the staging table (``_stage``, :mod:`impactdash.write.staging`),
which already holds every file row typed, classified (``_op``: insert, update, same) and
keyed (``_key``); the existing record is joined on the natural key. So a diff of 100,000
rows is one query, never a loop over rows in Python.

Values are compared and kept as the database's own text of the typed value
(``cast(value as varchar)``: ``9400.00``, ``2025-12-31``, ``true``), so a stored value and
a value read back from the table compare exactly; the page formats them per language.

**Overwritten edits** (issue 11): a row the import would change is flagged when its record
was changed by a person's edit (a form, the grid, a revert of an edit) after the most
recent import of the same data set — the file was made before that edit, so importing it
would undo the edit. The flag names who made the last such edit and when; the import
page asks for an explicit confirmation and :func:`impactdash.write.importer.apply`
refuses flagged rows that were not confirmed. See docs/decisions.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from impactdash.write.datasets import Dataset
from impactdash.write.staging import STAGE, Staged, ident, lit

#: Audit actions of a person's edit of one record (not an import, not a sign-in).
EDIT_ACTIONS = ("insert", "update", "delete", "revert")
#: Columns of the diff frame :func:`diff` returns.
DIFF_COLUMNS = ("row", "record", "op", "field", "old", "new", "values", "edited_by", "edited_at")


@dataclass(frozen=True)
class Overwrite:
    """A row whose record was edited by a person since the data set's last import: who, when."""

    row: int | None
    record: str
    actor: str
    at: dt.datetime


def key_expr(ds: Dataset, alias: str) -> str:
    """Return SQL for a record's key as text (parts joined by chr(31)), as the staging table's ``_key``."""
    return f"concat_ws(chr(31), {', '.join(f'cast({alias}.{ident(k)} as varchar)' for k in ds.key)})"


def _join(ds: Dataset) -> str:
    return " and ".join(f"t.{ident(k)} = s.{ident(k)}" for k in ds.key)


def _compared(staged: Staged) -> list[str]:
    # The fields an update writes: the file's own columns, not the key (as write_staged).
    ds = staged.dataset
    return [n for n in staged.present if n not in ds.key]


def json_text(entries: list[tuple[str, str, str | None]]) -> str:
    """Return SQL for a JSON object {field: value as text} of the (field, value SQL, condition SQL) that hold.

    A condition None always holds (a whole record: one struct, the cheapest to build).
    """
    if not entries:
        return "'{}'"
    if all(c is None for _, _, c in entries):
        return (
            "to_json({" + ", ".join(f"{lit(n)}: cast({v} as varchar)" for n, v, _ in entries) + "})::varchar"
        )
    items = ", ".join(
        f"{{'k': {lit(n)}, 'v': cast({v} as varchar), 'c': {c or 'true'}}}" for n, v, c in entries
    )
    kept = f"list_filter([{items}], lambda e: e.c)"
    return f"to_json(map_from_entries(list_transform({kept}, lambda e: {{'k': e.k, 'v': e.v}})))::varchar"


def json_value(column: str, name: str) -> str:
    """Return SQL for field ``name``'s text in the JSON object ``column`` (NULL if absent or null)."""
    return f"json_extract_string({column}, {lit('$.' + name)})"


def json_has(column: str, name: str) -> str:
    """Return SQL: the JSON object ``column`` holds field ``name`` (its value may be null)."""
    return f"coalesce(json_exists({column}, {lit('$.' + name)}), false)"


def _audit_key(ds: Dataset) -> str:
    """Return SQL for ``audit_log.record_key`` (a JSON array) as key text, comparable with ``_key``."""
    parts = ", ".join(f"json_extract_string(a.record_key, '$[{i}]')" for i in range(len(ds.key)))
    return f"concat_ws(chr(31), {parts})"


def _edits_sql(ds: Dataset) -> str:
    """Return SQL: per key text, the last person's edit since the data set's last import (actor, time)."""
    actions = ", ".join(lit(a) for a in EDIT_ACTIONS)
    return (
        f"select {_audit_key(ds)} as k,"  # noqa: S608 (identifiers and constants from the spec)
        " arg_max(a.actor, a.id) as actor, max(a.changed_at) as at"
        f" from audit_log a where a.dataset = {lit(ds.name)} and a.action in ({actions})"
        " and a.record_key is not null and a.id > coalesce((select max(id) from audit_log"
        f" where dataset = {lit(ds.name)} and action = 'import'), 0) group by all"
    )


def overwrites(cur: duckdb.DuckDBPyConnection, staged: Staged) -> list[Overwrite]:
    """Return the staged updates whose record a person edited since the data set's last import, in order."""
    ds = staged.dataset
    rows = cur.execute(
        f"with e as ({_edits_sql(ds)}) select s._row, s._key, e.actor, e.at from {STAGE} s"  # noqa: S608 (spec names)
        " join e on e.k = s._key where s._op = 'update' order by s._pos"
    ).fetchall()
    return [Overwrite(row, key.replace("\x1f", " / "), actor, at) for row, key, actor, at in rows]


def diff(cur: duckdb.DuckDBPyConnection, staged: Staged) -> pd.DataFrame:
    """Return what the staged rows would change, one line per changed field, in file order.

    Columns (:data:`DIFF_COLUMNS`): ``row`` (spreadsheet row), ``record`` (key parts joined
    by " / "), ``op`` ('insert', 'update', 'same'), ``field``, ``old`` and ``new`` (the
    values as the database's text; empty for a new or unchanged row, which get one line
    each), ``values`` (a new row's fields besides the key as a JSON object of texts, else None), and
    ``edited_by`` / ``edited_at`` for a row that would undo a person's edit.
    """
    ds = staged.dataset
    names = _compared(staged)
    entries = [
        f"{{'i': {i}, 'f': {lit(n)}, 'o': cast(t.{ident(n)} as varchar), 'n': cast(s.{ident(n)} as varchar),"
        f" 'c': s.{ident(n)} is distinct from t.{ident(n)}}}"
        for i, n in enumerate(names)
    ]
    listed = f"list_filter([{', '.join(entries)}], lambda e: e.c)" if entries else "[]"
    # JSON text, not a MAP: pandas turns 100,000 maps into dicts in seconds, text in a blink.
    new = json_text([(n, f"s.{ident(n)}", None) for n in names])
    table = ident(ds.name)
    sql = (
        f"with e as ({_edits_sql(ds)}),"  # noqa: S608 (identifiers from the spec)
        f" u as (select s._pos, s._row, s._key, unnest({listed}) as d from {STAGE} s"
        f" join {table} t on {_join(ds)} where s._op = 'update'),"
        " lines as (select _pos, _row, _key, 'update' as op, d.i as i, d.f as field, d.o as old, d.n as new,"
        " null as new_values from u union all select _pos, _row, _key, _op, null, null, null, null,"
        f" case when _op = 'insert' then {new} end from {STAGE} s where _op <> 'update')"
        " select l._row as row, replace(l._key, chr(31), ' / ') as record, l.op, l.field, l.old, l.new,"
        " l.new_values,"
        " case when l.op = 'update' then e.actor end as edited_by,"
        " case when l.op = 'update' then e.at end as edited_at"
        " from lines l left join e on e.k = l._key order by l._pos, l.i"
    )
    frame = cur.execute(sql).df()
    frame.columns = list(DIFF_COLUMNS)
    return frame


def capture_updates(cur: duckdb.DuckDBPyConnection, staged: Staged, audit_id: int, actor: str) -> None:
    """Keep the before and after of every staged update (changed fields only); call before the write."""
    ds = staged.dataset
    names = _compared(staged)
    changed = {n: f"s.{ident(n)} is distinct from t.{ident(n)}" for n in names}
    before = json_text([(n, f"t.{ident(n)}", changed[n]) for n in names])
    after = json_text([(n, _stored(ds, n), changed[n]) for n in names])
    sql = (
        f"insert into import_change select $id, s._row, {key_expr(ds, 't')}, 'update',"  # noqa: S608 (spec names)
        f" {before}, {after}"
        f" from {STAGE} s join {ident(ds.name)} t on {_join(ds)} where s._op = 'update'"
    )
    cur.execute(sql, {"id": audit_id, **({"actor": actor} if "$actor" in sql else {})})


def _stored(ds: Dataset, name: str) -> str:
    # What write_staged stores: an 'actor' field left empty gets the person's name.
    if ds.field(name).auto == "actor":
        return f"coalesce(s.{ident(name)}, $actor)"
    return f"s.{ident(name)}"


def capture_inserts(cur: duckdb.DuckDBPyConnection, staged: Staged, audit_id: int, actor: str) -> None:
    """Keep every field but the key of every staged insert; call after the write (it numbers new records)."""
    ds = staged.dataset
    # The key is the row's record_key already: the values kept are the other fields'.
    after = json_text([(f.name, _stored(ds, f.name), None) for f in ds.fields if f.name not in ds.key])
    sql = (
        f"insert into import_change select $id, s._row, {key_expr(ds, 's')}, 'insert', null,"  # noqa: S608
        f" {after} from {STAGE} s where s._op = 'insert'"
    )
    cur.execute(sql, {"id": audit_id, **({"actor": actor} if "$actor" in sql else {})})


def kept(con: duckdb.DuckDBPyConnection, audit_id: int, max_rows: int) -> pd.DataFrame:
    """Return the values kept for an import (or its revert): at most ``max_rows`` records in file order.

    Columns: row_no, record_key (key parts joined by chr(31)), op ('insert', 'update',
    'delete'), before and after (JSON objects of the fields' values as text), total (how
    many records it changed in all). Empty for an entry that kept none.
    """
    cur = con.cursor()
    try:
        return cur.execute(
            "select row_no, record_key, op, before, after, count(*) over () as total from import_change"
            " where audit_id = $id order by row_no nulls last, record_key limit $n",
            {"id": audit_id, "n": max_rows},
        ).df()
    finally:
        cur.close()
