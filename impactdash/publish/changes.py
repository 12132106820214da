"""What changed: everything the public sees that differs between two versions.

Two versions are two database connections: the drafts (working file) and a publication's
snapshot, or two publications. :func:`compare_all` compares every table the public sees
(:data:`impactdash.publish.public.PUBLIC`, the one definition, with each table's natural
key) plus the measures' values, field by field: the list a reviewer approves and the
public change log shows. :func:`figures` and :func:`figure_changes` compare the figures
alone (measure values and the budget and real-estate detail), for the drafts banner's
count and the "changed" marks beside a chart. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from impactdash.publish.public import PUBLIC

KEY = ["municipality_code", "metric_code", "subject", "period_end"]
#: Values closer than this are the same figure (sums of floats differ in the last bits).
TOLERANCE = 1e-9

#: Every figure the pages show: the measures' values (``metric_value``, complete periods),
#: plus the detail behind the budget and real-estate pages, which also show the running
#: year: spend, budget per moment and co-funding per programme and year, and occupied
#: floor area per property and quarter. ``subject`` is the programme or property code
#: ('' for a measure's value).
FIGURES_SQL = """
select municipality_code, metric_code, '' as subject, period_end, value
from metric_value
where value is not null
union all
select p.municipality_code, 'programme_spend', s.programme_code, make_date(year(s.booking_date), 12, 31),
    sum(s.amount)::double
from spend s join programme p on p.code = s.programme_code
group by p.municipality_code, s.programme_code, year(s.booking_date)
union all
select p.municipality_code, 'programme_budget_' || b.moment, b.programme_code, make_date(b.year, 12, 31),
    b.amount::double
from budget b join programme p on p.code = b.programme_code
union all
select p.municipality_code, 'programme_cofunding', c.programme_code, make_date(c.year, 12, 31),
    sum(c.amount)::double
from cofunding c join programme p on p.code = c.programme_code
group by p.municipality_code, c.programme_code, c.year
union all
select r.municipality_code, 'property_occupied_m2', o.property_code,
    last_day(make_date(o.year, o.quarter * 3, 1)), o.occupied_m2
from occupancy o join property r on r.code = o.property_code
"""


def figures(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every figure of one version: municipality, measure, subject, period end and value."""
    return con.cursor().execute(FIGURES_SQL).df()


def figure_changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Return the figures that differ between two versions (as :func:`figures` returns them).

    One row per differing figure with ``before`` and ``after`` (missing on one side when
    the figure was added or removed) and ``change`` ('added', 'removed' or 'changed'),
    sorted by municipality, measure and period.
    """
    merged = before.rename(columns={"value": "before"}).merge(
        after.rename(columns={"value": "after"}), on=KEY, how="outer"
    )
    differs = merged["before"].isna() | merged["after"].isna()
    both = ~differs
    scale = merged.loc[both, ["before", "after"]].abs().max(axis=1).clip(lower=1.0)
    differs.loc[both] = (merged.loc[both, "before"] - merged.loc[both, "after"]).abs() > TOLERANCE * scale
    changed = merged.loc[differs].copy()
    changed["change"] = "changed"
    changed.loc[changed["before"].isna(), "change"] = "added"
    changed.loc[changed["after"].isna(), "change"] = "removed"
    return changed.sort_values(KEY).reset_index(drop=True)


def compare(before: duckdb.DuckDBPyConnection, after: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the figures that differ between two databases (see :func:`figure_changes`)."""
    return figure_changes(figures(before), figures(after))


def changed_keys(changes: pd.DataFrame) -> frozenset[tuple[str, str]]:
    """Return the (municipality, measure) pairs with at least one differing figure."""
    return frozenset(zip(changes["municipality_code"], changes["metric_code"], strict=True))


#: The measures' values as the pages show them: derived from the tables, compared as well,
#: so a reviewer sees what a change of a ledger line does to a published figure.
MEASURE_VALUES = "metric_value"
MEASURE_VALUES_SQL = (
    "select municipality_code, metric_code, period_end, value from metric_value where value is not null"
)
MEASURE_VALUES_KEY = ("municipality_code", "metric_code", "period_end")

#: The columns of :func:`compare_all`'s answer.
CHANGE_COLUMNS = ["subject", "key", "field", "before", "after", "change"]


def subjects() -> list[tuple[str, tuple[str, ...], str]]:
    """Return (subject, natural key, query) of everything compared: public tables, then measure values."""
    compared = [(t.name, t.key, t.comparison) for t in PUBLIC if not t.not_compared]
    return [*compared, (MEASURE_VALUES, MEASURE_VALUES_KEY, MEASURE_VALUES_SQL)]


def _rows(con: duckdb.DuckDBPyConnection, query: str, skip: tuple[str, ...]) -> pd.DataFrame:
    frame = con.cursor().execute(query).df()
    return frame.drop(columns=[c for c in skip if c in frame.columns])


def _skipped(subject: str) -> tuple[str, ...]:
    # Blanked and redundant columns say nothing (always empty, always the same).
    for t in PUBLIC:
        if t.name == subject:
            return tuple(c for c, _ in t.blanked + t.redundant)
    return ()


def _same(before: pd.Series, after: pd.Series) -> pd.Series:
    """Whether two columns hold the same values, row by row (numbers within :data:`TOLERANCE`)."""
    both_missing = before.isna() & after.isna()
    if pd.api.types.is_numeric_dtype(before) and pd.api.types.is_numeric_dtype(after):
        b, a = before.astype(float), after.astype(float)
        scale = pd.concat([b.abs(), a.abs()], axis=1).max(axis=1).clip(lower=1.0)
        return both_missing | ((b - a).abs() <= TOLERANCE * scale)
    b = before.astype(object).where(before.notna(), None)
    a = after.astype(object).where(after.notna(), None)
    equal = pd.Series([x == y for x, y in zip(b, a, strict=True)], index=before.index, dtype=bool)
    return both_missing | equal


def table_changes(
    subject: str, key: tuple[str, ...], before: pd.DataFrame, after: pd.DataFrame
) -> pd.DataFrame:
    """Return how one table's rows differ, matched by ``key`` (columns as :data:`CHANGE_COLUMNS`).

    A changed row gives one line per changed field; an added or removed row one line (field
    None, the whole row in ``before`` or ``after`` as a dict). ``key`` holds the key's values
    as a tuple. Rows with the same key (there should be none) are matched in order.
    """
    key = list(key)
    fields = [c for c in after.columns if c not in key]
    before = (
        before.assign(_n=before.groupby(key, dropna=False).cumcount()) if len(before) else before.assign(_n=0)
    )
    after = after.assign(_n=after.groupby(key, dropna=False).cumcount()) if len(after) else after.assign(_n=0)
    merged = before.merge(after, on=[*key, "_n"], how="outer", suffixes=("_b", "_a"), indicator=True)
    keys = [tuple(_plain(v) for v in row) for row in zip(*(merged[k] for k in key), strict=True)]
    lines: list[tuple] = []
    for side, change, suffix in (("left_only", "removed", "_b"), ("right_only", "added", "_a")):
        rows = merged.index[merged["_merge"] == side]
        for i in rows:
            row = {f: _plain(merged.at[i, f + suffix]) for f in fields if f + suffix in merged.columns}
            lines.append(
                (
                    subject,
                    keys[i],
                    None,
                    row if change == "removed" else None,
                    row if change == "added" else None,
                    change,
                )
            )
    both = merged["_merge"] == "both"
    for field in fields:
        if f"{field}_b" not in merged.columns or f"{field}_a" not in merged.columns:
            continue
        b, a = merged.loc[both, f"{field}_b"], merged.loc[both, f"{field}_a"]
        for i in b.index[~_same(b, a)]:
            lines.append((subject, keys[i], field, _plain(b[i]), _plain(a[i]), "changed"))
    # Object columns: a key is a tuple, a value a number, a date, a text or a whole row.
    return pd.DataFrame(lines, columns=CHANGE_COLUMNS, dtype=object)


def _plain(value: object) -> object:
    """Return a value as plain Python (None for missing, a date for a midnight timestamp)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
        return value.date() if value.time() == dt.time() else value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _digest(con: duckdb.DuckDBPyConnection, query: str) -> tuple:
    """Return a fingerprint of a query's rows: their count and the sum of their hashes (order-free).

    Equal fingerprints mean the same rows (a collision of 64-bit hash sums is not a risk
    worth a second read); unequal ones are compared row by row, within :data:`TOLERANCE`.
    The measures' values are not fingerprinted: the view is the costly part, read once.
    """
    return con.cursor().execute(f"select count(*), sum(hash(t)) from ({query}) t").fetchone()  # noqa: S608


def compare_all(before: duckdb.DuckDBPyConnection, after: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return everything the public sees that differs between two versions, subject by subject.

    Columns as :data:`CHANGE_COLUMNS`, in the order of :func:`subjects`, then by key.
    """
    parts = []
    for subject, key, query in subjects():
        skip = _skipped(subject)
        if subject != MEASURE_VALUES and _digest(before, query) == _digest(after, query):
            continue  # the same rows: no need to fetch and match them (most tables, most times)
        found = table_changes(subject, key, _rows(before, query, skip), _rows(after, query, skip))
        if not found.empty:
            parts.append(found.sort_values(["key", "field"], key=lambda s: s.astype(str), kind="stable"))
    if not parts:
        return pd.DataFrame(columns=CHANGE_COLUMNS, dtype=object)
    return pd.concat(parts, ignore_index=True)


@dataclass(frozen=True)
class TargetChange:
    """One change of an ambition's target between two publications: the earlier value and until when."""

    ambition_code: str
    before_value: float | None
    before_date: dt.date | None
    after_value: float | None
    after_date: dt.date | None
    #: The last publication that showed the earlier target: its number, label and date.
    until_id: int
    until_label: str
    until_date: dt.date


def target_changes(history: list[tuple[int, str, dt.date, pd.DataFrame]]) -> dict[str, list[TargetChange]]:
    """Return, per ambition, the changes of its target (value or date) across publications.

    ``history`` is the publications in order, each (number, label, date, targets) with
    targets a frame of ``code``, ``target_value``, ``target_date``. An ambition that is new
    in a publication has no change; one whose target differs from the previous publication
    that held it has one, naming that publication as the last that showed the earlier
    target. See docs/decisions.md ("Changed targets").
    """
    found: dict[str, list[TargetChange]] = {}
    last: dict[str, tuple[float | None, dt.date | None, int, str, dt.date]] = {}
    for number, label, date, targets in history:
        for code, value, on in zip(
            targets["code"], targets["target_value"], targets["target_date"], strict=True
        ):
            value, on = _plain(value), _plain(on)
            earlier = last.get(code)
            if earlier is not None and not _same_target(earlier[:2], (value, on)):
                found.setdefault(code, []).append(
                    TargetChange(code, earlier[0], earlier[1], value, on, earlier[2], earlier[3], earlier[4])
                )
            last[code] = (value, on, number, label, date)
    return found


def _same_target(a: tuple, b: tuple) -> bool:
    (va, da), (vb, db_) = a, b
    if da != db_:
        return False
    if va is None or vb is None:
        return va is vb
    return abs(va - vb) <= TOLERANCE * max(abs(va), abs(vb), 1.0)


#: The names behind the codes in a change list: (kind, query of code and name columns).
_NAMES = {
    "municipality": "select code, name as name_nl, name as name_en from municipality",
    "programme": "select code, name as name_nl, name as name_en from programme",
    "property": "select code, name as name_nl, name as name_en from property",
    "organisation": "select code, name as name_nl, name as name_en from organisation",
    "metric": "select code, name_nl, name_en from metric",
    "instrument": "select code, name_nl, name_en from instrument",
    "domain": "select code, name_nl, name_en from domain",
}


@dataclass(frozen=True)
class Lookups:
    """What a change list needs to name things: names per kind and language, units, ambitions."""

    #: {(kind, code, lang): name}
    names: dict[tuple[str, str, str], str]
    #: {metric code: unit}
    units: dict[str, str]
    #: {ambition code: (metric code, municipality code)}
    ambitions: dict[str, tuple[str, str]]

    def merged(self, newer: Lookups) -> Lookups:
        """Return these lookups with ``newer``'s names winning (a removed row keeps its old name)."""
        return Lookups(
            {**self.names, **newer.names},
            {**self.units, **newer.units},
            {**self.ambitions, **newer.ambitions},
        )


def lookups(con: duckdb.DuckDBPyConnection) -> Lookups:
    """Return the names, units and ambitions of one version (public tables only)."""
    cur = con.cursor()
    names: dict[tuple[str, str, str], str] = {}
    for kind, query in _NAMES.items():
        for code, name_nl, name_en in cur.execute(query).fetchall():
            names[(kind, code, "nl")] = name_nl
            names[(kind, code, "en")] = name_en
    units = dict(cur.execute("select code, unit from metric").fetchall())
    ambitions = {
        code: (metric, town)
        for code, metric, town in cur.execute(
            "select code, metric_code, municipality_code from ambition"
        ).fetchall()
    }
    return Lookups(names, units, ambitions)


def targets(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every ambition's target of one version: code, target_value, target_date."""
    return con.cursor().execute("select code, target_value, target_date from ambition order by code").df()
