"""Dates that lie after the reporting date where that is most likely a typo (a spend line dated 2099).

Such a date is warned about, not refused: the form and the import save it, and say why it
looks wrong ("ligt na de peildatum 31-12-2026; klopt het jaartal?"). Only dates of things
that happened are checked; a planned date (a programme's end, an ambition's target, a
milestone, a property's availability) is meant to lie ahead.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from impactdash.store import db
from impactdash.write.datasets import Dataset
from impactdash.write.staging import STAGE, ident

#: Date fields that say when something happened (a booking, an observation, a connection…).
HAPPENED = frozenset(
    {"booking_date", "observed_on", "connected_on", "joined_date", "left_date", "pillar_start"}
)
#: Rows of an import listed at most in its warning.
LISTED = 10


def reporting_date(con: duckdb.DuckDBPyConnection) -> dt.date:
    """Return the reporting date of the working figures (the setting, or today without one)."""
    return pd.Timestamp(db.run_query(con, "dataset_info")["reporting_date"].iloc[0]).date()


def in_row(ds: Dataset, row: dict, reporting: dt.date) -> list[tuple[str, dt.date]]:
    """Return (field name, date) of every date of ``row`` that happened after ``reporting``."""
    found = []
    for f in ds.fields:
        value = row.get(f.name)
        if isinstance(value, dt.datetime):
            value = value.date()
        if f.kind == "date" and f.name in HAPPENED and isinstance(value, dt.date) and value > reporting:
            found.append((f.name, value))
    return found


def in_stage(cur: duckdb.DuckDBPyConnection, ds: Dataset, reporting: dt.date) -> tuple[list[tuple], int]:
    """Return ((row, field name, date) of the first LISTED staged dates after ``reporting``, how many).

    Reads the staging table of :func:`impactdash.write.staging.stage` (typed values, row numbers).
    """
    fields = [f.name for f in ds.fields if f.kind == "date" and f.name in HAPPENED]
    if not fields:
        return [], 0
    late = " union all ".join(
        f"select _row as r, '{name}' as f, {ident(name)} as d from {STAGE}"  # noqa: S608 (spec names)
        f" where {ident(name)} > $reporting"
        for name in fields
    )
    sql = f"select r, f, d, count(*) over () from ({late}) order by r, f limit {LISTED}"  # noqa: S608
    rows = cur.execute(sql, {"reporting": reporting}).fetchall()
    return [(r, f, d) for r, f, d, _ in rows], (rows[0][3] if rows else 0)
