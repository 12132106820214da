"""The audit trail's one writer: every change, of any kind, enters the log through :func:`record`.

An entry is written inside the caller's transaction, so it commits or rolls back with the
change it describes, and the data version is bumped with it, so every cached read sees the
change (the audit page included) at once.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from dataclasses import dataclass

import duckdb

from impactdash.store import db


def jsonable(value: object) -> object:
    """Return a value as JSON can hold it: decimals as numbers (or text past 15 digits), dates as ISO text."""
    if isinstance(value, decimal.Decimal):
        # Up to 15 significant digits a float round-trips exactly; beyond, keep the text.
        return float(value) if len(value.as_tuple().digits) <= 15 else format(value, "f")
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row_json(values: dict) -> str:
    """Return a record as the JSON text stored in the audit log."""
    return json.dumps({k: jsonable(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Entry:
    """One audit entry: who did what to which record, the record before and after, and any detail.

    ``before`` and ``after`` are the record as it was and as it is (None for a new or a
    removed one), ``detail`` anything else worth keeping (a file name, row counts); ``at``
    defaults to the database's clock.
    """

    actor: str
    action: str
    dataset: str | None
    key: str | None = None
    before: dict | None = None
    after: dict | None = None
    detail: dict | None = None
    at: dt.datetime | None = None


def record(cur: duckdb.DuckDBPyConnection, *entries: Entry) -> list[int]:
    """Add the entries of one change inside the caller's open transaction, and bump the data version once.

    The one way anything enters the audit log; a change with no entry bumps nothing.
    Returns the new entries' ids, in order (an import keeps its values under its id).
    """
    ids = []
    for entry in entries:
        params = {
            "a": entry.actor,
            "act": entry.action,
            "ds": entry.dataset,
            "k": entry.key,
            "b": row_json(entry.before) if entry.before else None,
            "af": row_json(entry.after) if entry.after else None,
            "d": json.dumps(entry.detail, ensure_ascii=False, default=str) if entry.detail else None,
        }
        if entry.at is None:
            cur.execute(
                "insert into audit_log (actor, action, dataset, record_key, before_json, after_json, detail)"
                " values ($a, $act, $ds, $k, $b, $af, $d) returning id",
                params,
            )
        else:
            cur.execute(
                "insert into audit_log (changed_at, actor, action, dataset, record_key, before_json,"
                " after_json, detail) values ($n, $a, $act, $ds, $k, $b, $af, $d) returning id",
                {**params, "n": entry.at},
            )
        ids.append(cur.fetchall()[0][0])
    if entries:
        db.bump_data_version(cur)
    return ids
