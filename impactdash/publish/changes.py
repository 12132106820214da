"""What changed: every figure that differs between two versions of the figures.

A "figure" is one value of one measure for one municipality and period, as the
``metric_value`` view gives it: the numbers every page, chart and download shows. Two
versions are two database connections: the drafts (working file) and a publication's
snapshot, or two publications. No Streamlit here.
"""

from __future__ import annotations

import duckdb
import pandas as pd

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
#: The detail figures' names (their texts are ``changes_detail_<code>``) and units.
DETAIL_UNITS = {
    "programme_spend": "eur",
    "programme_budget_original": "eur",
    "programme_budget_spring": "eur",
    "programme_budget_autumn": "eur",
    "programme_budget_final": "eur",
    "programme_cofunding": "eur",
    "property_occupied_m2": "m2",
}


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


def unit_of(metric_code: str, units: dict[str, str]) -> str:
    """Return a figure's unit: the catalogue's for a measure, the detail figure's otherwise."""
    return units.get(metric_code) or DETAIL_UNITS.get(metric_code, "")


def readable(
    changed: pd.DataFrame,
    towns: dict[str, str],
    measures: pd.DataFrame,
    subjects: dict[str, str],
    lang: str,
) -> pd.DataFrame:
    """Return changes as a table for people: names instead of codes, in ``lang``.

    ``towns`` maps municipality code to name, ``subjects`` programme and property codes to
    names; ``measures`` is the metric catalogue (code, name_nl, name_en, unit). Values stay
    numbers, so a download can be sorted and summed; the page formats them for display.
    """
    from impactdash import i18n  # the texts are only needed for this table

    names = measures.set_index("code")[f"name_{lang}"].to_dict()
    units = measures.set_index("code")["unit"].to_dict()

    def measure(code: str) -> str:
        return names.get(code) or i18n.t(f"changes_detail_{code}", lang)

    return pd.DataFrame(
        {
            i18n.t("changes_col_municipality", lang): changed["municipality_code"]
            .map(towns)
            .fillna(changed["municipality_code"]),
            i18n.t("changes_col_measure", lang): changed["metric_code"].map(measure),
            i18n.t("changes_col_subject", lang): [subjects.get(c, c) for c in changed["subject"]],
            i18n.t("changes_col_unit", lang): [unit_of(c, units) for c in changed["metric_code"]],
            i18n.t("changes_col_period", lang): pd.to_datetime(changed["period_end"]).dt.date,
            i18n.t("changes_col_before", lang): changed["before"],
            i18n.t("changes_col_after", lang): changed["after"],
            i18n.t("changes_col_change", lang): [
                i18n.t(f"changes_kind_{c}", lang) for c in changed["change"]
            ],
        }
    )
