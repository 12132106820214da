"""Comparing municipalities on one measure: per-capita scaling, alignment by pillar age, sentences.

Streamlit-free, so the maths the Compare page shows is unit-tested on its own:

* per 10,000 inhabitants: a value divided by the population of its period's year (the
  nearest recorded year when that one is missing), times 10,000; refused for percentages
  and ratios, which do not grow with the size of a town;
* alignment: "years since the start of the pillar", so a city that started later can be
  set beside where the established city stood at the same age;
* each municipality's own ambition as a trajectory in the same terms, and its status;
* the one-sentence summaries and the display tables, in the page language.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from impactdash import i18n
from impactdash.charts.base import PALETTE
from impactdash.measures import metrics, progress
from impactdash.safe_text import escape_markdown  # noqa: F401 (re-exported for the page)
from impactdash.views import bilingual

#: Units that grow with the size of a municipality and may be divided by its population.
PER_CAPITA_UNITS = frozenset({"eur", "m2", "count", "fte"})
#: Per-capita values are per this many inhabitants.
PER_INHABITANTS = 10_000
ABSOLUTE, PER_CAPITA = "absolute", "per_capita"
SCALES = (ABSOLUTE, PER_CAPITA)
CALENDAR, SINCE_START = "calendar", "since_start"
AXES = (CALENDAR, SINCE_START)
#: The measure the page opens on: counted everywhere, and meaningful per inhabitant.
DEFAULT_METRIC = "impact_enterprises"
#: The towns the page opens on, the first few (longest-running pillar first): a chart of
#: hundreds of lines says nothing, and computing them all would cost seconds.
DEFAULT_TOWNS = 6
#: Marker shapes per municipality, so a line is told apart by more than its colour.
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "star", "hexagon", "x")
#: Two points this close (in years) count as the same age: quarter ends are 0.25 apart.
AGE_TOLERANCE = 0.05


def supports_per_capita(unit: str) -> bool:
    """Tell whether a measure in ``unit`` may be shown per 10,000 inhabitants."""
    return unit in PER_CAPITA_UNITS


def styles(codes: list[str]) -> dict[str, tuple[str, str]]:
    """Return a fixed (colour, marker symbol) per municipality code, in the order given.

    Pass every municipality (not only the chosen ones), so a town keeps its colour and
    shape whichever others are selected.
    """
    return {code: (PALETTE[i % len(PALETTE)], SYMBOLS[i % len(SYMBOLS)]) for i, code in enumerate(codes)}


def _as_date(value: object) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def nearest_population(population: pd.DataFrame, municipality: str, year: int) -> tuple[int, float] | None:
    """Return (year, inhabitants) of ``municipality`` for ``year``, else of the nearest year.

    On a tie (a year recorded on either side) the earlier year wins. None if the
    municipality has no population at all.
    """
    own = population[population["municipality_code"] == municipality]
    if own.empty:
        return None
    years = [int(y) for y in own["year"]]
    best = min(range(len(years)), key=lambda i: (abs(years[i] - year), years[i]))
    return years[best], float(own["inhabitants"].iloc[best])


def per_10k(value: float, inhabitants: float) -> float:
    """Return ``value`` per 10,000 inhabitants."""
    return value / inhabitants * PER_INHABITANTS


def years_since_start(period_end: dt.date, pillar_start: dt.date) -> float:
    """Return the pillar's age in years at the end of ``period_end`` (rounded to 0.01).

    The period ends at the end of its last day, so a year ending 31-12-2023 of a pillar
    started 01-01-2021 is exactly 3 years in, and a quarter is 0.25 years.
    """
    day_after = period_end + dt.timedelta(days=1)
    months = (day_after.year - pillar_start.year) * 12 + (day_after.month - pillar_start.month)
    return round(months / 12 + (day_after.day - pillar_start.day) / metrics.DAYS_PER_YEAR, 2)


def prepare(
    values: pd.DataFrame,
    population: pd.DataFrame,
    towns: pd.DataFrame,
    unit: str,
    per_capita: bool,
    aligned: bool,
) -> pd.DataFrame:
    """Return the points to draw: one row per municipality and period, in ``towns`` order.

    ``values`` has municipality_code, period_end, value (other columns are kept);
    ``towns`` has code, name and pillar_start, and only these municipalities are kept.
    Adds name, age (years since the pillar started, NaN without a start date),
    population_year, inhabitants, shown (the value drawn: per 10,000 inhabitants or
    absolute) and x (period_end, or age when ``aligned``). Points that cannot be placed (no
    start date when aligned, no population when per capita) are dropped. Raises
    ValueError for per capita on a percentage or ratio.
    """
    if per_capita and not supports_per_capita(unit):
        raise ValueError(f"a measure in {unit!r} cannot be shown per {PER_INHABITANTS:,} inhabitants")
    order = {code: i for i, code in enumerate(towns["code"])}
    starts = dict(zip(towns["code"], (_as_date(s) for s in towns["pillar_start"]), strict=True))
    names = dict(zip(towns["code"], towns["name"], strict=True))
    frame = values[values["municipality_code"].isin(list(order))].copy()
    frame["period_end"] = [_as_date(d) for d in frame["period_end"]]
    frame["value"] = frame["value"].astype(float)
    frame["name"] = frame["municipality_code"].map(names)
    frame["age"] = [
        years_since_start(day, starts[code]) if starts[code] else math.nan
        for code, day in zip(frame["municipality_code"], frame["period_end"], strict=True)
    ]
    lookup = {
        key: nearest_population(population, *key)
        for key in {(c, d.year) for c, d in zip(frame["municipality_code"], frame["period_end"], strict=True)}
    }
    found = [
        lookup[(c, d.year)] for c, d in zip(frame["municipality_code"], frame["period_end"], strict=True)
    ]
    frame["population_year"] = [f[0] if f else None for f in found]
    frame["inhabitants"] = [f[1] if f else math.nan for f in found]
    frame["shown"] = per_10k(frame["value"], frame["inhabitants"]) if per_capita else frame["value"]
    frame["x"] = frame["age"] if aligned else frame["period_end"]
    frame = frame.dropna(subset=["shown", "x"])
    frame["order"] = frame["municipality_code"].map(order)
    return (
        frame.sort_values(["order", "period_end"], kind="stable").drop(columns="order").reset_index(drop=True)
    )


def dropped(towns: pd.DataFrame, frame: pd.DataFrame, values: pd.DataFrame) -> list[str]:
    """Return the chosen towns that have values for the measure but no point in ``frame``."""
    with_values = set(values["municipality_code"])
    drawn = set(frame["municipality_code"])
    return [n for c, n in zip(towns["code"], towns["name"], strict=True) if c in with_values - drawn]


def assess(
    ambitions: pd.DataFrame, milestones: pd.DataFrame, values: pd.DataFrame, codes: list[str]
) -> dict[str, list[progress.AmbitionProgress]]:
    """Assess each municipality's own ambitions for the measure against its own values."""
    result = {}
    for code in codes:
        own = values[values["municipality_code"] == code].copy()
        own["metric_code"] = ambitions["metric_code"].iloc[0] if not ambitions.empty else ""
        result[code] = progress.build(ambitions[ambitions["municipality_code"] == code], milestones, own)
    return result


def trajectories(items: dict[str, list[progress.AmbitionProgress]]) -> tuple[pd.DataFrame, list]:
    """Return the anchors of every point-in-time ambition as values, and the cumulative ones apart.

    A cumulative ambition is a running total since its baseline while the chart shows
    values per period; drawn there it would mislead, so it is returned apart as
    (municipality code, ambition) pairs, for the status table and a caption. The frame has
    municipality_code, period_end, value, ambition_code.
    """
    rows, cumulative = [], []
    for code, own in items.items():
        for item in own:
            if item.ambition.cumulative:
                cumulative.append((code, item))
                continue
            rows += [(code, p.date, p.value, item.code) for p in metrics.anchors(item.ambition)]
    frame = pd.DataFrame(rows, columns=["municipality_code", "period_end", "value", "ambition_code"])
    return frame, cumulative


def note_lines(notes: pd.DataFrame, towns: pd.DataFrame, lang: str) -> list[str]:
    """Return the public notes of the chosen towns as plain-text lines: who, which period, what."""
    return [f"{lead} {body}" for lead, body, _ in note_parts(notes, towns, lang)]


def note_parts(notes: pd.DataFrame, towns: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """Return each public note of the chosen towns as (who and which period, the note as typed, its language).

    The note is in the page's language where written in it, else in the other (``views.bilingual``).
    """
    names = dict(zip(towns["code"], towns["name"], strict=True))
    order = {code: i for i, code in enumerate(names)}
    own = notes[notes["municipality_code"].isin(list(names))]
    own = own.assign(order=own["municipality_code"].map(order)).sort_values(
        ["order", "period_start"], kind="stable"
    )
    lines = []
    for row in own.itertuples():
        start, end = _as_date(row.period_start), _as_date(row.period_end)
        period = i18n.fmt_date(start, lang)
        if end != start:
            period += " – " + i18n.fmt_date(end, lang)
        body_en = getattr(row, "body_en", None)
        written = bilingual.written(row.body, body_en, lang)
        lead = i18n.t("compare_note", lang, name=names[row.municipality_code], period=period, written=written)
        body, body_lang = bilingual.pick(row.body, body_en, lang)
        lines.append((lead, body or "", body_lang))
    return lines


def format_value(value: float | None, unit: str, lang: str, per_capita: bool, compact: bool = False) -> str:
    """Format a shown value: by its unit, with one decimal for small per-capita counts."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if per_capita and unit in ("count", "fte", "m2"):
        decimals = 1 if abs(value) < 100 else 0
        suffix = {"count": "", "fte": f"{i18n.NBSP}fte", "m2": f"{i18n.NBSP}m²"}[unit]
        return i18n.fmt_number(value, lang, decimals) + suffix
    # Compact only for millions: "€ 5,8 mln." reads well, "€ 102,6K" does not.
    return i18n.fmt_value(value, unit, lang, compact=compact and abs(value) >= 1_000_000)


def _when(day: dt.date, flow: bool, lang: str) -> str:
    """Name a period inside a sentence: '2025' for a year's flow, 'eind 2025' for a year-end level."""
    if (day.month, day.day) != (12, 31):
        return i18n.fmt_date(day, lang)
    return str(day.year) if flow else i18n.t("compare_end_of", lang, year=day.year)


def _lead(day: dt.date, flow: bool, lang: str) -> str:
    """Open a sentence with its period: 'In 2025', 'Eind 2025' or 'Op 30-09-2026'."""
    if (day.month, day.day) != (12, 31):
        return i18n.t("compare_on_date", lang, date=i18n.fmt_date(day, lang))
    return i18n.t("compare_in_year" if flow else "compare_at_end_of", lang, year=day.year)


def _join(parts: list[str], lang: str) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + i18n.t("compare_and", lang) + parts[-1]


def summary(frame: pd.DataFrame, unit: str, lang: str, per_capita: bool, aligned: bool, flow: bool) -> str:
    """Say in one sentence where the towns stand on one date, or at the same age of their pillar.

    Aligned, it takes the age the youngest pillar has reached (in whole years) and says
    where every other town stood at that age; otherwise it takes the latest date every town
    has a value for and lists the towns from high to low. ``flow`` marks measures summed
    over a period (spend in 2025) as opposed to levels (enterprises at the end of 2025).
    """
    if frame.empty:
        return i18n.t("no_data_selection", lang)
    suffix = " " + i18n.t("compare_per_10k", lang) if per_capita else ""

    def fmt(row) -> str:
        return format_value(row.shown, unit, lang, per_capita, compact=True)

    if aligned:
        last_age = frame.groupby("municipality_code", sort=False)["age"].max()
        years = math.floor(last_age.min() + AGE_TOLERANCE)
        youngest = last_age.idxmin()
        window = frame[(frame["age"] > years - 1) & (frame["age"] <= years + AGE_TOLERANCE)]
        picks = window.groupby("municipality_code", sort=False).tail(1)
        first = picks["municipality_code"] == youngest
        parts = []
        for i, row in enumerate(pd.concat([picks[first], picks[~first]]).itertuples()):
            key = "compare_first" if i == 0 else "compare_then"
            value = fmt(row) + (suffix if i == 0 else "")
            parts.append(
                i18n.t(key, lang, name=row.name, value=value, when=_when(row.period_end, flow, lang))
            )
        if years < 1:
            lead = i18n.t("compare_at_start", lang)
        else:
            lead = i18n.t("compare_after_one" if years == 1 else "compare_after_years", lang, years=years)
        return f"{lead}: {_join(parts, lang)}."
    last_date = frame.groupby("municipality_code")["period_end"].max().min()
    picks = frame[frame["period_end"] <= last_date].groupby("municipality_code").tail(1)
    picks = picks.sort_values("shown", ascending=False)
    parts = [f"{row.name} {fmt(row)}" for row in picks.itertuples()]
    parts[0] += suffix
    return f"{_lead(last_date, flow, lang)}: {_join(parts, lang)}."


def point_labels(frame: pd.DataFrame, unit: str, lang: str, per_capita: bool) -> list[str]:
    """Return the hover text per point: town, date, pillar age and the formatted value."""
    labels = []
    for row in frame.itertuples():
        text = f"{row.name} · {i18n.fmt_date(row.period_end, lang)}"
        if not math.isnan(row.age):
            text += " · " + i18n.t("compare_age", lang, age=i18n.fmt_number(row.age, lang, 1))
        value = format_value(row.shown, unit, lang, per_capita)
        labels.append(f"{text}: {value}" + (" " + i18n.t("compare_per_10k", lang) if per_capita else ""))
    return labels


def display_table(
    actual: pd.DataFrame, planned: pd.DataFrame, unit: str, lang: str, per_capita: bool, aligned: bool
) -> pd.DataFrame:
    """Return the chart's data with column names in the page language and formatted numbers.

    The years since the start of the pillar are a column only when the chart is aligned by
    them: otherwise they are noise, and a column too many for a phone's width.
    """
    frames = []
    for series, frame in ((i18n.t("actual", lang), actual), (i18n.t("trajectory", lang), planned)):
        if frame.empty:
            continue
        table = pd.DataFrame(
            {
                i18n.t("municipality", lang): frame["name"],
                i18n.t("compare_col_series", lang): series,
                i18n.t("compare_col_date", lang): [i18n.fmt_date(d, lang) for d in frame["period_end"]],
                i18n.t("compare_col_age", lang): [i18n.fmt_number(a, lang, 2) for a in frame["age"]],
                i18n.t("compare_col_value", lang): [
                    format_value(v, unit, lang, False) for v in frame["value"]
                ],
            }
        )
        if not aligned:
            table = table.drop(columns=i18n.t("compare_col_age", lang))
        if per_capita:
            table[i18n.t("compare_col_population", lang)] = [
                f"{i18n.fmt_number(n, lang)} ({y})"
                for n, y in zip(frame["inhabitants"], frame["population_year"], strict=True)
            ]
            table[i18n.t("compare_per_10k_title", lang)] = [
                format_value(v, unit, lang, True) for v in frame["shown"]
            ]
        frames.append(table)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def status_table(
    items: dict[str, list[progress.AmbitionProgress]], towns: pd.DataFrame, unit: str, lang: str
) -> pd.DataFrame:
    """Return one row per chosen town and ambition: target, latest value, status as icon and word.

    For ``st.table``, which renders cells as Markdown: town names are escaped.
    """
    rows = []
    for code, name in zip(towns["code"], towns["name"].map(escape_markdown), strict=True):
        own = items.get(code, [])
        if not own:
            rows.append((name, i18n.t("compare_no_ambition", lang), "–", "–"))
        for item in own:
            a = item.assessment
            target = (
                format_value(item.ambition.target.value, unit, lang, False)
                + " "
                + i18n.t("by_date", lang, date=i18n.fmt_date(item.ambition.target.date, lang))
            )
            if item.ambition.cumulative:
                target += " (" + i18n.t("compare_cumulative_short", lang) + ")"
            latest = (
                f"{format_value(a.latest.value, unit, lang, False)} ({i18n.fmt_date(a.latest.date, lang)})"
                if a.latest
                else "–"
            )
            status = f"{i18n.STATUS_ICON[a.status.value]} {i18n.status_label(a.status.value, lang)}"
            rows.append((name, target, latest, status))
    columns = [
        i18n.t("municipality", lang),
        i18n.t("target", lang),
        i18n.t("latest", lang),
        i18n.t("compare_col_status", lang),
    ]
    return pd.DataFrame(rows, columns=columns)
