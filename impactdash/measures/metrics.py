"""Pure metrics for council ambitions: trajectory, status and trend projection.

An *ambition* fixes a baseline, a target and optional interim milestones for one
measure. This module answers three questions about a series of observations:

* where the measure *should* be on a given date (``trajectory``),
* where the latest value stands against that path (``position``),
* where the recent trend leads, and when it reaches the target (``projection``).

:func:`assess` is the one rule that turns these into what a page shows: the status,
the expected value on the path, the projection and the reason for the status. Every
page, the review, the report and the demo generator read their status from it; none
combines position and projection itself (see "One rule for status" in
``docs/decisions.md``).

Standard library only: the dashboard, the exports and the tests all rely on the
same numbers, so nothing here may depend on Streamlit, DuckDB or pandas.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

# --- Thresholds: the single source of truth for the status colours. ----------
# A gap is the shortfall behind the trajectory, expressed as a fraction of the
# ambition's total change |target - baseline|, so one threshold fits measures of
# any unit or size. Boundaries are inclusive (a gap of exactly 5% is on track).
ON_TRACK_MAX_GAP = 0.05
"""Largest gap (fraction of the total change) still reported as on track."""
AT_RISK_MAX_GAP = 0.15
"""Largest gap reported as at risk; anything larger is off track."""
PROJECTION_WINDOW = 3
"""Number of most recent points the trend is fitted on (recent pace matters)."""

DAYS_PER_YEAR = 365.25
# Beyond this horizon "reaches the target in 2140" is noise, not information.
MAX_PROJECTION_HORIZON = timedelta(days=round(50 * DAYS_PER_YEAR))


class Direction(StrEnum):
    """Which way the measure should move: higher or lower is better."""

    HIGHER = "higher"
    LOWER = "lower"


class Status(StrEnum):
    """Traffic-light status of an ambition."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Point:
    """One dated value of a measure."""

    date: date
    value: float


@dataclass(frozen=True)
class Ambition:
    """A council ambition for one measure.

    ``cumulative`` ambitions (e.g. "1,000 connections from 2020 to 2026") are
    compared with the running total of per-period values since the baseline;
    point-in-time ambitions (e.g. "m² deployed at end of 2026") with the values
    themselves. Raises ``ValueError`` if the dates are inconsistent.
    """

    baseline: Point
    target: Point
    milestones: tuple[Point, ...] = ()
    direction: Direction = Direction.HIGHER
    cumulative: bool = False

    def __post_init__(self) -> None:
        """Validate dates and normalise direction/milestones."""
        # Accept plain strings ("lower") from config files; fail loudly otherwise.
        object.__setattr__(self, "direction", Direction(self.direction))
        if self.target.date <= self.baseline.date:
            raise ValueError(
                f"target date {self.target.date} must be after baseline date {self.baseline.date}"
            )
        milestones = tuple(sorted(self.milestones, key=lambda p: p.date))
        for m in milestones:
            if not self.baseline.date < m.date < self.target.date:
                raise ValueError(
                    f"milestone date {m.date} must be strictly between baseline "
                    f"{self.baseline.date} and target {self.target.date}"
                )
        dates = [m.date for m in milestones]
        if len(set(dates)) != len(dates):
            # Two values on one date would make the trajectory ambiguous.
            raise ValueError(f"milestone dates must be distinct, got {dates}")
        object.__setattr__(self, "milestones", milestones)


def anchors(ambition: Ambition) -> list[Point]:
    """Return baseline, milestones sorted by date, then target."""
    middle = sorted(ambition.milestones, key=lambda p: p.date)
    return [ambition.baseline, *middle, ambition.target]


def trajectory(ambition: Ambition, on: date) -> float:
    """Return the expected value on ``on``, linear between consecutive anchors.

    Before the baseline the baseline value applies, after the target the target
    value (the ambition says nothing beyond its own dates).
    """
    points = anchors(ambition)
    if on <= points[0].date:
        return points[0].value
    for start, end in pairwise(points):
        if on <= end.date:
            fraction = (on - start.date).days / (end.date - start.date).days
            return start.value + (end.value - start.value) * fraction
    return points[-1].value


def actual_series(ambition: Ambition, observations: Iterable[Point]) -> list[Point]:
    """Observations as the series to compare with the trajectory, sorted by date.

    Duplicate dates keep the last observation (later loads correct earlier ones;
    for cumulative ambitions this also avoids counting a period twice).
    Cumulative ambitions keep only points after the baseline date (the baseline
    value already covers up to it) and return the running total starting from
    ``baseline.value``.
    """
    by_date: dict[date, float] = {}
    for obs in observations:
        by_date[obs.date] = obs.value
    ordered = [Point(d, v) for d, v in sorted(by_date.items())]
    if not ambition.cumulative:
        return ordered
    total = ambition.baseline.value
    series = []
    for p in ordered:
        if p.date > ambition.baseline.date:
            total += p.value
            series.append(Point(p.date, total))
    return series


def _meets_target(ambition: Ambition, value: float) -> bool:
    """Tell whether ``value`` reaches or beats the target in the good direction."""
    if ambition.direction == Direction.HIGHER:
        return value >= ambition.target.value
    return value <= ambition.target.value


def _gap(ambition: Ambition, latest: Point) -> float:
    """Shortfall behind the trajectory as a fraction of the total change.

    Positive means behind, negative ahead. A flat ambition ("keep at 100") has
    no total change, so the target's magnitude (at least 1) is the scale.
    """
    expected = trajectory(ambition, latest.date)
    shortfall = expected - latest.value
    if ambition.direction == Direction.LOWER:
        shortfall = -shortfall
    scale = abs(ambition.target.value - ambition.baseline.value)
    if scale == 0:
        scale = max(abs(ambition.target.value), 1.0)
    return shortfall / scale


def position(ambition: Ambition, latest: Point | None) -> Status:
    """Where the latest point of ``actual_series`` stands against the path, the pace left aside.

    This is one half of the status (:func:`assess` adds the pace): on track within
    ``ON_TRACK_MAX_GAP`` of the path or with the target met, at risk within
    ``AT_RISK_MAX_GAP``, off track beyond that or once the target date has passed unmet.
    """
    if latest is None:
        return Status.NO_DATA
    if _meets_target(ambition, latest.value):
        return Status.ON_TRACK
    if latest.date >= ambition.target.date:
        return Status.OFF_TRACK
    gap = _gap(ambition, latest)
    if gap <= ON_TRACK_MAX_GAP:
        return Status.ON_TRACK
    if gap <= AT_RISK_MAX_GAP:
        return Status.AT_RISK
    return Status.OFF_TRACK


@dataclass(frozen=True)
class Projection:
    """Where the recent linear trend leads.

    ``reaches_target_on`` is the latest point's date if the target is already
    met, and None when the trend never gets there within 50 years of the
    target date; the other fields are None with fewer than 2 points.
    """

    value_at_target: float | None  # trend value on the target date
    reaches_target_on: date | None  # None = "not at this pace"
    already_met: bool  # the latest point already meets the target
    slope_per_year: float | None  # value units per 365.25 days

    @property
    def reachable(self) -> bool:
        """True if the target is met or the trend reaches it at some point."""
        return self.already_met or self.reaches_target_on is not None


def projection(ambition: Ambition, series: list[Point], window: int = PROJECTION_WINDOW) -> Projection:
    """Fit a least-squares line through the last ``window`` points of ``series``.

    ``series`` is the output of ``actual_series`` (sorted, unique dates).
    """
    if window < 2:
        raise ValueError(f"window must be at least 2, got {window}")
    already_met = bool(series) and _meets_target(ambition, series[-1].value)
    met_on = series[-1].date if already_met else None
    recent = series[-window:]
    if len(recent) < 2:
        return Projection(None, met_on, already_met, None)

    # Days relative to the first point keep the numbers small and exact-ish.
    origin = recent[0].date.toordinal()
    xs = [p.date.toordinal() - origin for p in recent]
    ys = [p.value for p in recent]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx  # per day; sxx > 0 because dates are distinct
    intercept = mean_y - slope * mean_x

    target = ambition.target
    value_at_target = intercept + slope * (target.date.toordinal() - origin)
    if already_met:
        return Projection(value_at_target, met_on, True, slope * DAYS_PER_YEAR)

    good_way = slope > 0 if ambition.direction == Direction.HIGHER else slope < 0
    reaches = None
    if good_way:
        crossing = (target.value - intercept) / slope  # days after origin
        limit = (target.date + MAX_PROJECTION_HORIZON).toordinal() - origin
        if crossing <= limit:
            # A noisy fit can cross "in the past" while the latest actual value
            # is still short: the earliest honest answer is the latest date.
            day = max(round(crossing), xs[-1])
            reaches = date.fromordinal(origin + day)
    return Projection(value_at_target, reaches, False, slope * DAYS_PER_YEAR)


class Pace(StrEnum):
    """What the recent pace (the projection) says about the final target."""

    MET = "met"  # the latest value already meets the target
    ON_TIME = "on_time"  # the trend reaches the target on or before the target date
    LATE = "late"  # the trend reaches the target, but after the target date
    SHORT = "short"  # the trend does not reach it within the horizon (flat or the wrong way)
    UNKNOWN = "unknown"  # fewer than two values: no pace to speak of


class Reason(StrEnum):
    """Why an ambition has its status: position on the path and pace to the target together."""

    NO_DATA = "no_data"  # no values yet
    MET = "met"  # the target is met
    MISSED = "missed"  # the target date has passed and the target is not met
    ON_COURSE = "on_course"  # on the path, and the pace reaches the target in time
    ON_PATH_NO_PACE = "on_path_no_pace"  # on the path; too few values for a pace
    PACE_SHORT = "pace_short"  # on the path, but the pace misses the final target: at risk
    BEHIND = "behind"  # behind the path, and the pace does not make up for it (or is unknown)
    CATCHING_UP = "catching_up"  # behind the path, though the pace reaches the target in time


def pace(ambition: Ambition, proj: Projection) -> Pace:
    """Read the projection as an answer about the final target: met, in time, late, short or unknown."""
    if proj.already_met:
        return Pace.MET
    if proj.value_at_target is None:
        return Pace.UNKNOWN
    if proj.reaches_target_on is None:
        return Pace.SHORT
    if proj.reaches_target_on <= ambition.target.date:
        return Pace.ON_TIME
    return Pace.LATE


def next_anchor(ambition: Ambition, on: date) -> Point | None:
    """Return the first milestone or the target due after ``on`` (None once the target date is past)."""
    return next((p for p in anchors(ambition)[1:] if p.date > on), None)


@dataclass(frozen=True)
class Assessment:
    """Everything the dashboard shows for one ambition and one municipality, from :func:`assess`.

    ``status`` is the one status every page shows. It is ``position`` (the latest value
    against the path on its own date), lowered to at risk when the ambition is on the path
    but the recent pace does not reach the final target in time; ``reason`` says which case
    applies, so a page can say why in words.
    """

    latest: Point | None  # last point of actual_series (running total if cumulative)
    expected: float | None  # the path's value on latest.date: the one "expected on trajectory"
    gap: float | None  # fraction of total change: positive = behind, negative = ahead
    status: Status  # what every page shows
    projection: Projection
    position: Status = Status.NO_DATA  # the latest value against the path only
    pace: Pace = Pace.UNKNOWN  # the projection against the final target
    reason: Reason = Reason.NO_DATA
    next_anchor: Point | None = None  # the milestone or target the path heads for after latest.date

    @property
    def expected_on(self) -> date | None:
        """The date of the expected value: the latest value's date (the path is read there)."""
        return self.latest.date if self.latest else None

    @property
    def projected_value(self) -> float | None:
        """The trend's value on the target date; None with fewer than two values."""
        return self.projection.value_at_target

    @property
    def projected_date(self) -> date | None:
        """When the trend reaches the target (the latest date if met); None if not at this pace."""
        return self.projection.reaches_target_on


def _reason(ambition: Ambition, latest: Point | None, where: Status, speed: Pace) -> Reason:
    if latest is None:
        return Reason.NO_DATA
    if _meets_target(ambition, latest.value):
        return Reason.MET
    if latest.date >= ambition.target.date:
        return Reason.MISSED
    if where is Status.ON_TRACK:
        if speed is Pace.ON_TIME:
            return Reason.ON_COURSE
        if speed is Pace.UNKNOWN:
            return Reason.ON_PATH_NO_PACE
        return Reason.PACE_SHORT
    return Reason.CATCHING_UP if speed is Pace.ON_TIME else Reason.BEHIND


def assess(ambition: Ambition, observations: Iterable[Point]) -> Assessment:
    """Assess observations against the ambition: the one rule for status, expected value and projection.

    The status is the position on the path (:func:`position`), except that an ambition on
    the path whose recent pace does not reach the final target by its date is at risk
    (``Reason.PACE_SHORT``): a page never says "on track" beside "target not reached at this
    pace". An ambition behind the path keeps its status even when the pace would catch up
    (``Reason.CATCHING_UP``): a forecast does not undo a measured shortfall.
    """
    series = actual_series(ambition, observations)
    latest = series[-1] if series else None
    expected = trajectory(ambition, latest.date) if latest is not None else None
    gap = _gap(ambition, latest) if latest is not None else None
    proj = projection(ambition, series)
    where = position(ambition, latest)
    speed = pace(ambition, proj)
    reason = _reason(ambition, latest, where, speed)
    shown = Status.AT_RISK if reason is Reason.PACE_SHORT else where
    return Assessment(
        latest=latest,
        expected=expected,
        gap=gap,
        status=shown,
        projection=proj,
        position=where,
        pace=speed,
        reason=reason,
        next_anchor=next_anchor(ambition, latest.date) if latest is not None else None,
    )
