"""Ambitions read from the database, assessed with :mod:`impactdash.measures.metrics`.

Turns the rows of the ``ambitions``, ``milestones`` and ``metric_values`` queries into
``metrics.Ambition`` objects and one assessment row per ambition, so every page and
export shows the same status, expected value and projection.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from impactdash.measures import metrics
from impactdash.store import db


@dataclass(frozen=True)
class AmbitionProgress:
    """One ambition with its measure, its actual series and its assessment."""

    code: str
    metric_code: str
    unit: str
    name_nl: str
    name_en: str
    headline: bool
    document: str
    ambition: metrics.Ambition
    series: list[metrics.Point]
    assessment: metrics.Assessment

    def name(self, lang: str) -> str:
        """Return the measure's name in ``lang``."""
        return self.name_nl if lang == "nl" else self.name_en


def _date(value) -> object:
    return pd.Timestamp(value).date()


def points(values: pd.DataFrame, metric_code: str) -> list[metrics.Point]:
    """Return the (period_end, value) points of one measure from a ``metric_values`` frame."""
    rows = values[values["metric_code"] == metric_code]
    return [metrics.Point(_date(d), float(v)) for d, v in zip(rows["period_end"], rows["value"], strict=True)]


def build(ambitions: pd.DataFrame, milestones: pd.DataFrame, values: pd.DataFrame) -> list[AmbitionProgress]:
    """Assess every ambition in ``ambitions`` against its measure's values."""
    result = []
    for row in ambitions.itertuples(index=False):
        own = milestones[milestones["ambition_code"] == row.code]
        ambition = metrics.Ambition(
            baseline=metrics.Point(_date(row.baseline_date), float(row.baseline_value)),
            target=metrics.Point(_date(row.target_date), float(row.target_value)),
            milestones=tuple(
                metrics.Point(_date(d), float(v)) for d, v in zip(own["due_date"], own["value"], strict=True)
            ),
            direction=metrics.Direction(row.direction),
            cumulative=bool(row.cumulative),
        )
        observed = points(values, row.metric_code)
        result.append(
            AmbitionProgress(
                code=row.code,
                metric_code=row.metric_code,
                unit=row.unit,
                name_nl=row.name_nl,
                name_en=row.name_en,
                headline=bool(row.headline),
                document=row.document,
                ambition=ambition,
                series=metrics.actual_series(ambition, observed),
                assessment=metrics.assess(ambition, observed),
            )
        )
    return result


def status_counts(progress: list[AmbitionProgress]) -> dict[str, int]:
    """Count ambitions per status code (every status present, zero if none)."""
    counts = {s.value: 0 for s in metrics.Status}
    for item in progress:
        counts[item.assessment.status.value] += 1
    return counts


def latest_values(values: pd.DataFrame) -> dict[str, tuple[object, float]]:
    """Return (date, value) of every measure's latest value in a ``metric_values`` frame, in one pass."""
    latest = {}
    for code, date, value in zip(values["metric_code"], values["period_end"], values["value"], strict=True):
        latest[code] = (_date(date), float(value))  # rows come by date: the last one wins
    return latest


def headline(items: list[AmbitionProgress]) -> list[AmbitionProgress]:
    """Return the headline ambitions the overview shows as cards (all of them if none is headline)."""
    return [item for item in items if item.headline] or items


def for_municipality(con, municipality: str) -> list[AmbitionProgress]:
    """Read and assess every ambition of ``municipality`` (the connection is the first argument)."""
    return build(
        db.run_query(con, "ambitions", municipality=municipality),
        db.run_query(con, "milestones", municipality=municipality),
        db.run_query(con, "metric_values", municipality=municipality),
    )


def assess_all(con: duckdb.DuckDBPyConnection) -> dict[str, list[AmbitionProgress]]:
    """Assess every ambition of every municipality: {municipality code: its ambitions}."""
    towns = db.run_query(con, "municipalities")
    return {code: for_municipality(con, code) for code in towns["code"]}


def latest_of_ambitions(con: duckdb.DuckDBPyConnection) -> dict[str, metrics.Point | None]:
    """Return every ambition's latest value (running total for cumulative ones): {code: point or None}.

    Run on a publication, this is the "before" side of the change since that publication.
    """
    return {item.code: item.assessment.latest for items in assess_all(con).values() for item in items}
