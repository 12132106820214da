"""Undo a whole import as one unit, from the values its audit entry kept (table ``import_change``).

The revert restores every value the import changed (its updated fields get their values
before it, the records it added are deleted) in one transaction with one audit entry
(action 'revert_import', detail ``{"reverts": id, ...}``) whose own before and after values
are kept the same way. It is refused, with the list of records, when any of them has
changed since the import (a later edit or import): the person may then choose to revert
those records too (``force``), which puts back the values from before the import over
the later change. Records the import added that were deleted since are left alone.

Refused: an entry that is no import, an import already reverted, an import from before
its values were kept, and the revert of a revert (re-import the file to redo it).
"""

from __future__ import annotations

import duckdb

from impactdash.store import spend_month
from impactdash.write import audit, datasets, import_changes, permissions
from impactdash.write.datasets import Dataset
from impactdash.write.staging import SQL_TYPES, ident
from impactdash.write.transaction import in_transaction
from impactdash.write.validation import EditError

#: Records a refusal names at most (the count says how many there are).
MAX_LISTED = 20


class RevertConflictError(EditError):
    """Records an import changed have changed since; ``records`` lists them (key parts joined by " / ")."""

    def __init__(self, audit_id: int, records: list[str], count: int):
        self.records = records
        self.count = count
        shown = ", ".join(records) + (" …" if count > len(records) else "")
        super().__init__("import_revert_changed", id=audit_id, count=count, records=shown)


def _differs(ds: Dataset, alias: str = "c") -> str:
    """Return SQL: record ``t`` no longer holds a value the import left in it (``c.after``)."""
    after = f"{alias}.after"
    parts = [
        f"({import_changes.json_has(after, f.name)} and {import_changes.json_value(after, f.name)}"
        f" is distinct from cast(t.{ident(f.name)} as varchar))"
        for f in ds.fields
    ]
    return "(" + " or ".join(parts) + ")"


def changed_since(cur: duckdb.DuckDBPyConnection, ds: Dataset, audit_id: int) -> tuple[list[str], int]:
    """Return (up to MAX_LISTED records, how many) the import changed that hold other values now.

    A record it updated or added that differs from what the import left, or that is gone.
    """
    sql = (
        f"select replace(c.record_key, chr(31), ' / ') from import_change c"  # noqa: S608 (spec names)
        f" left join {ident(ds.name)} t on {import_changes.key_expr(ds, 't')} = c.record_key"
        f" where c.audit_id = $id and (t.{ident(ds.key[0])} is null or {_differs(ds)})"
        " order by c.row_no, c.record_key"
    )
    found = [r[0] for r in cur.execute(sql, {"id": audit_id}).fetchall()]
    return found[:MAX_LISTED], len(found)


def _entry(cur: duckdb.DuckDBPyConnection, audit_id: int) -> Dataset:
    """Return the imported data set of entry ``audit_id``, or refuse (why, in the person's language)."""
    found = cur.execute("select action, dataset from audit_log where id = $id", {"id": audit_id}).fetchall()
    if not found:
        raise EditError("edit_revert_unknown", id=audit_id)
    action, dataset = found[0]
    if action == "revert_import":
        raise EditError("import_revert_of_revert", id=audit_id)
    if action != "import" or dataset not in datasets.DATASETS:
        raise EditError("edit_revert_not_possible", id=audit_id)
    done = cur.execute(
        "select min(id) from audit_log where action = 'revert_import'"
        " and try_cast(json_extract_string(detail, '$.reverts') as bigint) = $id",
        {"id": audit_id},
    ).fetchall()[0][0]
    if done is not None:
        raise EditError("import_revert_twice", id=audit_id, by=done)
    kept = cur.execute("select count(*) from import_change where audit_id = $id", {"id": audit_id}).fetchall()
    if not kept[0][0]:
        raise EditError("edit_revert_import", id=audit_id)
    return datasets.get(dataset)


def revert_import(
    con: duckdb.DuckDBPyConnection, actor: permissions.Actor, audit_id: int, *, force: bool = False
) -> dict:
    """Undo the import of audit entry ``audit_id`` as one unit; return the revert's counts.

    Refused with :class:`RevertConflictError` when records it changed hold other values
    now, unless ``force`` (then those are put back too). Returns ``{"restored": n,
    "removed": n, "forced": n}``: records whose values were put back, records the import
    added that were deleted, records changed since that were reverted all the same.
    """
    permissions.require(actor, "revert_change")

    def work(cur):
        ds = _entry(cur, audit_id)
        listed, count = changed_since(cur, ds, audit_id)
        if count and not force:
            raise RevertConflictError(audit_id, listed, count)
        table, key = ident(ds.name), import_changes.key_expr(ds, "t")
        touched = _spend_months(cur, audit_id) if ds.name == "spend" else []
        counts = dict(
            cur.execute(
                f"select c.op, count(*) from import_change c join {table} t on {key} = c.record_key"  # noqa: S608
                " where c.audit_id = $id group by c.op",
                {"id": audit_id},
            ).fetchall()
        )
        detail = {
            "reverts": audit_id,
            "restored": counts.get("update", 0),
            "removed": counts.get("insert", 0),
            "forced": count,
        }
        (revert_id,) = audit.record(cur, audit.Entry(actor.username, "revert_import", ds.name, detail=detail))
        _keep(cur, ds, audit_id, revert_id)
        _restore(cur, ds, audit_id)
        cur.execute(
            f"delete from {table} where {import_changes.key_expr(ds, table)} in"  # noqa: S608 (spec names)
            " (select record_key from import_change where audit_id = $id and op = 'insert')",
            {"id": audit_id},
        )
        if touched:
            spend_month.refresh(cur, touched)
        return detail

    return in_transaction(con, work)


def _keep(cur: duckdb.DuckDBPyConnection, ds: Dataset, audit_id: int, revert_id: int) -> None:
    """Keep the revert's own before and after: the values now, and the import's before (or gone)."""
    key = import_changes.key_expr(ds, "t")
    before = import_changes.json_text(
        [
            (
                f.name,
                f"t.{ident(f.name)}",
                f"c.op = 'insert' or {import_changes.json_has('c.before', f.name)}",
            )
            for f in ds.fields
        ]
    )
    cur.execute(
        f"insert into import_change select $rid, null, c.record_key,"  # noqa: S608 (spec names)
        f" case c.op when 'insert' then 'delete' else 'update' end, {before},"
        f" case when c.op = 'update' then c.before end"
        f" from import_change c join {ident(ds.name)} t on {key} = c.record_key where c.audit_id = $id",
        {"id": audit_id, "rid": revert_id},
    )


def _restore(cur: duckdb.DuckDBPyConnection, ds: Dataset, audit_id: int) -> None:
    """Put back the values the import's updates replaced, one statement per field it changed."""
    fields = [
        r[0]
        for r in cur.execute(
            "select distinct unnest(json_keys(before)) from import_change"
            " where audit_id = $id and op = 'update'",
            {"id": audit_id},
        ).fetchall()
    ]
    key = import_changes.key_expr(ds, ident(ds.name))
    for name in fields:
        if name not in ds.field_names or name in ds.key:
            continue  # a field the data set no longer has; a key is never changed by an import
        typed = f"cast({import_changes.json_value('c.before', name)} as {SQL_TYPES[ds.field(name).kind]})"
        # One field per statement: DuckDB refuses an UPDATE that sets an indexed column of a
        # record others refer to, even to the value it has, so only changed fields are set.
        cur.execute(
            f"update {ident(ds.name)} set {ident(name)} = {typed} from import_change c"  # noqa: S608 (spec names)
            f" where c.audit_id = $id and c.op = 'update' and {import_changes.json_has('c.before', name)}"
            f" and c.record_key = {key}",
            {"id": audit_id},
        )


def _spend_months(cur: duckdb.DuckDBPyConnection, audit_id: int) -> list[tuple]:
    """Return (programme, month) of the spend lines the revert touches: their values now and before."""
    key = import_changes.key_expr(datasets.get("spend"), "t")
    rows = cur.execute(
        "select distinct t.programme_code, date_trunc('month', t.booking_date)::date from import_change c"  # noqa: S608
        f" join spend t on {key} = c.record_key where c.audit_id = $id"
        " union select distinct"
        " coalesce(json_extract_string(c.before, '$.programme_code'), t.programme_code),"
        " date_trunc('month', coalesce(cast(json_extract_string(c.before, '$.booking_date') as date),"
        " t.booking_date))::date"
        f" from import_change c join spend t on {key} = c.record_key"
        " where c.audit_id = $id and c.op = 'update'",
        {"id": audit_id},
    ).fetchall()
    return rows
