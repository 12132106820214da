"""The monthly spend table ``spend_month``: the one place for the rule that keeps it equal to the ledger.

``spend_month`` (migration 0008) holds, per programme and calendar month with at least one
spend line, the sum of the amounts, the number of lines and the first and last booking
date. Every figure but the list of lines reads it instead of grouping the ledger again.

The rule: **every transaction that changes ``spend`` calls** :func:`refresh` (with the
lines it added, changed or removed — for a changed line its old and its new programme and
date), :func:`refresh_period` **or** :func:`rebuild` **before it commits.** The write path
(``impactdash.write.transaction``) does so for edits, reverts and imports; the demo build and a
restore call :func:`rebuild`, the benchmark's scaling :func:`refresh_period`; a
publication copies the table in the same read transaction as the ledger.
:func:`differences` lists what is out of step (the tests check every path with it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb

#: The ledger summed per programme and month; the caller fills in a filter on ``spend``.
_SUMS = """
select
    programme_code,
    date_trunc('month', booking_date)::date as month,
    sum(amount) as amount,
    count(*) as lines,
    min(booking_date) as first_booking,
    max(booking_date) as last_booking
from spend
{where}
group by programme_code, date_trunc('month', booking_date)::date
"""
_PAIRS = "select unnest($codes) as programme_code, unnest($months) as month"
#: More separate stretches of months than this are summed in one pass over the ledger.
_MAX_SPANS = 12


def refresh(cur: duckdb.DuckDBPyConnection, touched: Iterable[tuple[str | None, dt.date | None]]) -> None:
    """Recompute the months of the lines a write touched, in the caller's transaction.

    ``touched`` holds (programme_code, booking_date) of every line added, removed or
    changed — for a changed line both its old and its new values. Only those programmes'
    months are recomputed; the ledger is read only on those months' dates, which the
    ledger's date order lets DuckDB find by its row groups' date ranges (a few ms for one
    edit of a ten-million-line ledger).
    """
    months = sorted({(c, day.replace(day=1)) for c, day in touched if c is not None and day is not None})
    if not months:
        return
    pairs = {"codes": [c for c, _ in months], "months": [m for _, m in months]}
    cur.execute(
        f"delete from spend_month m using ({_PAIRS}) t"  # noqa: S608 (fixed text)
        " where m.programme_code = t.programme_code and m.month = t.month",
        pairs,
    )
    where = (
        f"where (programme_code, date_trunc('month', booking_date)::date) in ({_PAIRS})"
        " and booking_date between $first and $last"
    )
    for first, last in _spans(sorted({m for _, m in months})):
        sql = f"insert into spend_month {_SUMS.format(where=where)}"  # noqa: S608 (fixed text)
        cur.execute(sql, {**pairs, "first": first, "last": last})


def refresh_period(cur: duckdb.DuckDBPyConnection, first: dt.date, last: dt.date) -> None:
    """Recompute every programme's months from ``first`` to ``last``, in the caller's transaction.

    Whole months: ``first`` and ``last`` may fall inside one. For a bulk write of a known
    period (the benchmark's ledger, one year per transaction).
    """
    first, last = first.replace(day=1), _month_end(last)
    period = {"first": first, "last": last}
    cur.execute("delete from spend_month where month between $first and $last", period)
    where = "where booking_date between $first and $last"
    cur.execute(f"insert into spend_month {_SUMS.format(where=where)}", period)  # noqa: S608 (fixed text)


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Recompute the whole table from the ledger, in the caller's transaction (a bulk load, a restore)."""
    cur.execute("delete from spend_month")
    cur.execute(f"insert into spend_month {_SUMS.format(where='')} order by month, programme_code")  # noqa: S608


def staged_lines(cur: duckdb.DuckDBPyConnection, stage: str) -> list[tuple[str, dt.date]]:
    """Return (programme_code, booking_date) of the spend lines a staged write will touch.

    Call before the write: the staged rows' new values, and for the rows that update a
    line its current values (a line may move to another programme or month). ``stage`` is
    the staging table of ``impactdash.write.staging`` (a fixed name, never user text).
    """
    return cur.execute(
        f"select distinct programme_code, date_trunc('month', booking_date)::date from {stage}"  # noqa: S608
        " where _op in ('insert', 'update')"
        " union"
        f" select distinct t.programme_code, date_trunc('month', t.booking_date)::date from spend t"  # noqa: S608
        f" join {stage} s on s.entry_ref = t.entry_ref where s._op = 'update'"
    ).fetchall()


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return following - dt.timedelta(days=1)


def _spans(months: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Group sorted month starts into stretches of consecutive months: (first day, last day)."""
    spans: list[list[dt.date]] = []
    for month in months:
        if spans and (spans[-1][1] + dt.timedelta(days=32)).replace(day=1) == month:
            spans[-1][1] = month
        else:
            spans.append([month, month])
    if len(spans) > _MAX_SPANS:
        spans = [[months[0], months[-1]]]
    return [(first, _month_end(last)) for first, last in spans]


def differences(cur: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Return the rows where ``spend_month`` and the ledger disagree (empty when in step).

    Each row is ``(side, programme_code, month, amount, lines, first_booking,
    last_booking)``, side 'table' for a row only in ``spend_month``, 'ledger' for one only
    in the ledger's own sums.
    """
    ledger = _SUMS.format(where="")
    return cur.execute(
        f"with ledger as ({ledger}),"  # noqa: S608 (fixed text)
        " only_table as (select * from spend_month except all select * from ledger),"
        " only_ledger as (select * from ledger except all select * from spend_month)"
        " select 'table' as side, * from only_table union all select 'ledger', * from only_ledger"
        " order by 2, 3, 1"
    ).fetchall()
