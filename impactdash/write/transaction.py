"""The machinery under the edits and the importer: transactions, writing, audit rows.

Not for pages: they call :mod:`impactdash.write.edits` and :mod:`impactdash.write.importer`, which
check the actor's permission first. Everything here runs inside one transaction opened by
:func:`in_transaction`, so a failure anywhere leaves data and audit log as they were.
"""

from __future__ import annotations

import hashlib
import json

import duckdb

from impactdash.errors import StorageError
from impactdash.store import spend_month
from impactdash.write import datasets
from impactdash.write.audit import jsonable, row_json
from impactdash.write.datasets import Dataset
from impactdash.write.staging import SQL_TYPES, STAGE, Staged, ident, lit, to_text
from impactdash.write.validation import ConflictError, Problem, ValidationError


def record_version(values: dict) -> str:
    """Return the version of a record: a hash of its current row (all columns)."""
    return hashlib.sha256(row_json(values).encode("utf-8")).hexdigest()[:20]


def key_tuple(ds: Dataset, key: object) -> tuple:
    """Return a key given as one value, a tuple or a dict as a tuple in the order of ``ds.key``."""
    if isinstance(key, dict):
        return tuple(key[k] for k in ds.key)
    key = tuple(key) if isinstance(key, tuple | list) else (key,)
    if len(key) != len(ds.key):
        raise ValueError(f"{ds.name} is keyed by {', '.join(ds.key)}; got {key!r}")
    return key


def fetch_row(cur: duckdb.DuckDBPyConnection, ds: Dataset, key: object) -> dict | None:
    """Return the current row (all columns) of ``key`` as a dict, or None."""
    parts = key_tuple(ds, key)
    where = " and ".join(
        f"{ident(k)} = try_cast($k{i} as {SQL_TYPES[ds.field(k).kind]})" for i, k in enumerate(ds.key)
    )
    params = {f"k{i}": to_text(v) for i, v in enumerate(parts)}
    result = cur.execute(f"select * from {ident(ds.name)} where {where}", params)  # noqa: S608 (spec names only)
    rows = result.fetchall()  # fetch to the end: DuckDB 2 refuses other work on a half-read result
    if not rows:
        return None
    row = rows[0]
    return dict(zip([d[0] for d in result.description], row, strict=True))


def write_staged(cur: duckdb.DuckDBPyConnection, staged: Staged, actor_name: str) -> tuple[int, int]:
    """Write the staged rows marked 'insert' and 'update'; return (inserted, updated).

    Runs inside the caller's transaction, after validation. Only columns that really
    change are set: DuckDB refuses an UPDATE that touches an indexed column of a row that
    other tables refer to, even when the value stays the same. Spend lines also refresh
    their months in ``spend_month`` (:mod:`impactdash.store.spend_month`).
    """
    ds = staged.dataset
    # Read before the write: an updated line's old programme and month change too.
    touched = spend_month.staged_lines(cur, STAGE) if ds.name == "spend" else []
    table = ident(ds.name)
    seq = [k for k in ds.key if ds.field(k).auto == "sequence"]
    if seq:
        # Number new records now, so every staged row has its key for the audit trail.
        column, sequence = ident(seq[0]), lit(f"{ds.name}_{seq[0]}_seq")
        new = f"{column} is null and _op = 'insert'"
        cur.execute(f"update {STAGE} set {column} = nextval({sequence}) where {new}")  # noqa: S608 (spec names)
    join = " and ".join(f"t.{ident(k)} = s.{ident(k)}" for k in ds.key)
    counts = dict(cur.execute(f"select _op, count(*) from {STAGE} group by _op").fetchall())  # noqa: S608
    actor = {"actor": actor_name}
    updated = counts.get("update", 0)
    if updated:
        candidates = [n for n in staged.present if n not in ds.key]
        flags = ", ".join(f"bool_or(s.{ident(n)} is distinct from t.{ident(n)})" for n in candidates)
        changed = cur.execute(
            f"select {flags} from {STAGE} s join {table} t on {join} where s._op = 'update'"  # noqa: S608
        ).fetchall()[0]
        sets = ", ".join(
            f"{ident(n)} = {_value(ds, n)}" for n, flag in zip(candidates, changed, strict=True) if flag
        )
        if sets:
            where = " and ".join(f"{table}.{ident(k)} = s.{ident(k)}" for k in ds.key)
            sql = f"update {table} set {sets} from {STAGE} s where {where} and s._op = 'update'"  # noqa: S608
            cur.execute(sql, _params(sql, actor))
    inserted = counts.get("insert", 0)
    if inserted:
        cols = [f.name for f in ds.fields if f.name in staged.present or f.default is not None or f.auto]
        names = ", ".join(ident(c) for c in cols)
        values = ", ".join(_value(ds, c) for c in cols)
        sql = f"insert into {table} ({names}) select {values} from {STAGE} s where s._op = 'insert'"  # noqa: S608
        cur.execute(sql, _params(sql, actor))
    spend_month.refresh(cur, touched)
    return inserted, updated


def delete_rows(cur: duckdb.DuckDBPyConnection, ds: Dataset, rows: list[dict]) -> None:
    """Delete these records (current rows as :func:`fetch_row` gives them) in the caller's transaction.

    Spend lines also refresh their months in ``spend_month`` (:mod:`impactdash.store.spend_month`).
    """
    where = " and ".join(f"{ident(k)} = $k{i}" for i, k in enumerate(ds.key))
    for row in rows:
        params = {f"k{i}": row[k] for i, k in enumerate(ds.key)}
        cur.execute(f"delete from {ident(ds.name)} where {where}", params)  # noqa: S608 (spec names)
    if ds.name == "spend":
        spend_month.refresh(cur, [(row["programme_code"], row["booking_date"]) for row in rows])


def _params(sql: str, params: dict) -> dict:
    # DuckDB refuses parameters that a statement does not use.
    return {k: v for k, v in params.items() if f"${k}" in sql}


def _value(ds: Dataset, name: str) -> str:
    if ds.field(name).auto == "actor":
        return f"coalesce(s.{ident(name)}, $actor)"
    return f"s.{ident(name)}"


def record_key(ds: Dataset, row: dict) -> str:
    """Return a record's key as the JSON array stored in ``audit_log.record_key``."""
    return json.dumps([jsonable(row[k]) for k in ds.key], ensure_ascii=False)


def in_use_problems(cur, ds: Dataset, row: dict) -> list[Problem]:
    """Problems for a record that other records still refer to (it cannot be deleted)."""
    problems = []
    for table, column, parent in datasets.referenced_by(ds.name):
        sql = f"select count(*) from {ident(table)} where {ident(column)} = $v"  # noqa: S608 (spec names)
        n = cur.execute(sql, {"v": row[parent]}).fetchall()[0][0]
        if n:
            problems.append(Problem(None, "", "edit_in_use", {"count": n, "target": table}, ds.name))
    for table, kind_field, code_field, kind in datasets.subject_references(ds.name):
        where = f"{ident(kind_field)} = $k and {ident(code_field)} = $v"
        sql = f"select count(*) from {ident(table)} where {where}"  # noqa: S608 (spec names)
        n = cur.execute(sql, {"k": kind, "v": row["code"]}).fetchall()[0][0]
        if n:
            problems.append(Problem(None, "", "edit_in_use", {"count": n, "target": table}, ds.name))
    return problems


def in_transaction(con: duckdb.DuckDBPyConnection, work) -> object:
    """Run ``work(cur)`` in one transaction on a fresh cursor and return its result.

    Any error rolls everything back. A write conflict with another session becomes
    :class:`ConflictError`, a database constraint violation :class:`ValidationError`.
    """
    cur = con.cursor()
    try:
        cur.execute("begin transaction")
        try:
            result = work(cur)
            cur.execute("commit")
        except BaseException:
            try:
                cur.execute("rollback")
            except duckdb.Error:
                pass  # a failed commit has already ended the transaction
            raise
        return result
    except (duckdb.Error, OSError) as exc:
        # A full disk, a read-only folder or a lock fails the commit too, inside a
        # TransactionException ("Failed to commit: ... No space left on device"): say which.
        storage = StorageError.from_exception(exc, _db_file(con))
        if storage is not None:
            raise storage from exc
        if isinstance(exc, duckdb.TransactionException):
            # Another session wrote the same rows first (DuckDB's optimistic concurrency).
            raise ConflictError("edit_conflict_concurrent") from exc
        if not isinstance(exc, duckdb.ConstraintException):
            raise
        _refuse_constraint(exc)
    finally:
        cur.close()


def _refuse_constraint(exc: duckdb.ConstraintException) -> None:
    # The database's own constraints are the last line of defence behind the rules.
    if "still referenced by a foreign key" in str(exc):
        # DuckDB cannot change an indexed column (a unique name) of a record others refer to.
        raise ValidationError([Problem(None, "", "edit_locked_by_references", {})]) from exc
    raise ValidationError(
        [Problem(None, "", "edit_db_refused", {"detail": str(exc).split("\n")[0]})]
    ) from exc


def _db_file(con: duckdb.DuckDBPyConnection) -> str:
    """Return the working database's file, named by a storage error when the error names none."""
    try:
        row = (
            con.cursor()
            .execute("select path from duckdb_databases() where database_name = current_database()")
            .fetchone()
        )
    except duckdb.Error:
        return ""
    return row[0] if row and row[0] else ""
