"""Unit tests for impactdash.measures.metrics (trajectory, status, projection)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from impactdash.measures.metrics import (
    AT_RISK_MAX_GAP,
    ON_TRACK_MAX_GAP,
    PROJECTION_WINDOW,
    Ambition,
    Direction,
    Point,
    Projection,
    Status,
    actual_series,
    anchors,
    assess,
    position,
    projection,
    trajectory,
)

# 2021-01-01 -> 2023-01-01 is 730 days, so 2022-01-01 is exactly halfway.
B = date(2021, 1, 1)
MID = date(2022, 1, 1)
T = date(2023, 1, 1)


def P(d: date, v: float) -> Point:
    """Short constructor to keep the tables readable."""
    return Point(d, v)


def up(baseline: float = 0, target: float = 100, **kw) -> Ambition:
    """Higher-is-better ambition from B to T."""
    return Ambition(P(B, baseline), P(T, target), **kw)


def down(baseline: float = 100, target: float = 50, **kw) -> Ambition:
    """Lower-is-better ambition from B to T."""
    return Ambition(P(B, baseline), P(T, target), direction=Direction.LOWER, **kw)


# --- constants ---------------------------------------------------------------


def test_thresholds_are_the_documented_values():
    assert (ON_TRACK_MAX_GAP, AT_RISK_MAX_GAP, PROJECTION_WINDOW) == (0.05, 0.15, 3)


def test_enums_are_strings():
    assert Direction.HIGHER == "higher" and Direction.LOWER == "lower"
    assert [s.value for s in Status] == ["on_track", "at_risk", "off_track", "no_data"]


# --- validation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "target", "milestones", "message"),
    [
        (P(T, 0), P(T, 100), (), "target date .* must be after baseline"),
        (P(T, 0), P(B, 100), (), "target date .* must be after baseline"),
        (P(B, 0), P(T, 100), (P(B, 10),), "strictly between"),
        (P(B, 0), P(T, 100), (P(T, 10),), "strictly between"),
        (P(B, 0), P(T, 100), (P(date(2020, 6, 1), 10),), "strictly between"),
        (P(B, 0), P(T, 100), (P(date(2024, 1, 1), 10),), "strictly between"),
        (P(B, 0), P(T, 100), (P(MID, 10), P(MID, 20)), "must be distinct"),
    ],
)
def test_invalid_ambitions_raise(baseline, target, milestones, message):
    with pytest.raises(ValueError, match=message):
        Ambition(baseline, target, milestones)


def test_milestones_are_sorted_into_a_tuple_and_direction_string_coerced():
    late, early = P(date(2022, 6, 1), 70), P(date(2021, 6, 1), 20)
    amb = Ambition(P(B, 0), P(T, 100), [late, early], direction="lower")
    assert amb.milestones == (early, late)
    assert amb.direction is Direction.LOWER
    hash(amb)  # frozen and hashable: usable as a cache key
    with pytest.raises(dataclasses.FrozenInstanceError):
        amb.cumulative = True  # type: ignore[misc]


def test_unknown_direction_raises():
    with pytest.raises(ValueError):
        Ambition(P(B, 0), P(T, 100), direction="sideways")


def test_anchors_order():
    m1, m2 = P(date(2021, 6, 1), 20), P(date(2022, 6, 1), 70)
    amb = Ambition(P(B, 0), P(T, 100), (m2, m1))
    assert anchors(amb) == [P(B, 0), m1, m2, P(T, 100)]
    assert anchors(up()) == [P(B, 0), P(T, 100)]


# --- trajectory --------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2000, 1, 1), 0.0),  # long before baseline
        (date(2020, 12, 31), 0.0),  # day before baseline
        (B, 0.0),
        (MID, 50.0),  # 365 / 730 days
        (date(2021, 3, 15), 10.0),  # 73 of 730 days
        (T, 100.0),
        (date(2023, 1, 2), 100.0),  # after target
        (date(2099, 1, 1), 100.0),
    ],
)
def test_trajectory_without_milestones(on, expected):
    assert trajectory(up(), on) == pytest.approx(expected)


# Day-level dates keep every fraction exact: legs of 10 and 20 days.
D0, D10, D30 = date(2024, 1, 1), date(2024, 1, 11), date(2024, 1, 31)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2023, 12, 1), 0.0),
        (D0, 0.0),
        (date(2024, 1, 6), 40.0),  # halfway to the 80 milestone
        (D10, 80.0),  # on the milestone
        (date(2024, 1, 16), 85.0),  # a quarter of the way from 80 to 100
        (date(2024, 1, 21), 90.0),
        (D30, 100.0),
        (date(2024, 3, 1), 100.0),
    ],
)
def test_trajectory_between_milestones(on, expected):
    amb = Ambition(P(D0, 0), P(D30, 100), (P(D10, 80),))
    assert trajectory(amb, on) == pytest.approx(expected)


def test_trajectory_lower_is_better_and_flat():
    assert trajectory(down(), MID) == pytest.approx(75.0)
    assert trajectory(down(), date(2030, 1, 1)) == 50.0
    flat = up(baseline=100, target=100)
    assert [trajectory(flat, d) for d in (date(2019, 1, 1), MID, T)] == [100] * 3


def test_trajectory_with_non_monotonic_milestone():
    # A milestone above the target (e.g. a temporary peak) is followed as given.
    amb = Ambition(P(D0, 0), P(D30, 100), (P(D10, 120),))
    assert trajectory(amb, date(2024, 1, 21)) == pytest.approx(110.0)


# --- actual_series -----------------------------------------------------------


def test_point_in_time_series_sorted_last_duplicate_wins():
    obs = [P(T, 3), P(B, 1), P(MID, 2), P(MID, 5)]
    assert actual_series(up(), obs) == [P(B, 1), P(MID, 5), P(T, 3)]


def test_point_in_time_keeps_points_before_baseline():
    obs = [P(date(2019, 1, 1), 7), P(MID, 9)]
    assert actual_series(up(), iter(obs)) == obs


def test_cumulative_series_running_total_after_baseline_only():
    amb = up(baseline=250, target=1000, cumulative=True)
    obs = [
        P(date(2020, 1, 1), 999),  # before baseline: already in baseline value
        P(B, 999),  # on baseline date: idem
        P(date(2022, 1, 1), 100),
        P(date(2021, 7, 1), 50),
        P(date(2022, 7, 1), 40),
        P(date(2022, 7, 1), 30),  # correction of the previous row, not extra
    ]
    assert actual_series(amb, obs) == [
        P(date(2021, 7, 1), 300),
        P(date(2022, 1, 1), 400),
        P(date(2022, 7, 1), 430),
    ]


def test_empty_series():
    assert actual_series(up(), []) == []
    assert actual_series(up(cumulative=True), [P(B, 5)]) == []


# --- status ------------------------------------------------------------------


def test_status_no_data():
    assert position(up(), None) is Status.NO_DATA


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (60, Status.ON_TRACK),  # ahead: gap -0.10
        (50, Status.ON_TRACK),  # exactly on the trajectory
        (45, Status.ON_TRACK),  # gap exactly 0.05: boundary is inclusive
        (44.9, Status.AT_RISK),  # gap 0.051
        (40, Status.AT_RISK),  # gap 0.10
        (35, Status.AT_RISK),  # gap exactly 0.15: boundary is inclusive
        (34.9, Status.OFF_TRACK),  # gap 0.151
        (0, Status.OFF_TRACK),  # gap 0.50
    ],
)
def test_status_higher_is_better_at_midpoint(value, expected):
    assert position(up(), P(MID, value)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (40, Status.ON_TRACK),  # beyond the target
        (50, Status.ON_TRACK),  # target met early
        (70, Status.ON_TRACK),  # ahead of 75
        (77.5, Status.ON_TRACK),  # gap 2.5 / 50 = 0.05
        (78, Status.AT_RISK),  # gap 0.06
        (80, Status.AT_RISK),  # gap 0.10
        (82.5, Status.AT_RISK),  # gap 7.5 / 50 = 0.15
        (83, Status.OFF_TRACK),  # gap 0.16
        (100, Status.OFF_TRACK),  # still at baseline: gap 0.50
    ],
)
def test_status_lower_is_better_at_midpoint(value, expected):
    assert position(down(), P(MID, value)) is expected


@pytest.mark.parametrize(
    ("ambition", "latest", "expected"),
    [
        (up(), P(T, 99), Status.OFF_TRACK),  # 1% short, but time is up
        (up(), P(date(2024, 6, 1), 99.9), Status.OFF_TRACK),
        (up(), P(T, 100), Status.ON_TRACK),
        (up(), P(date(2025, 1, 1), 130), Status.ON_TRACK),
        (down(), P(T, 51), Status.OFF_TRACK),
        (down(), P(T, 50), Status.ON_TRACK),
        (up(), P(date(2021, 2, 1), 100), Status.ON_TRACK),  # met early
        (down(), P(date(2021, 2, 1), 20), Status.ON_TRACK),  # met early, lower
    ],
)
def test_status_around_the_target(ambition, latest, expected):
    assert position(ambition, latest) is expected


def test_status_before_baseline_compares_with_baseline_value():
    assert position(up(), P(date(2020, 1, 1), 0)) is Status.ON_TRACK
    assert position(up(baseline=20), P(date(2020, 1, 1), 10)) is Status.AT_RISK


@pytest.mark.parametrize(
    ("ambition", "value", "expected"),
    [
        # "keep at 100": no change to scale by, so the target (100) is the scale
        (up(100, 100), 100, Status.ON_TRACK),
        (up(100, 100), 97, Status.ON_TRACK),  # gap 0.03
        (up(100, 100), 90, Status.AT_RISK),  # gap 0.10
        (up(100, 100), 80, Status.OFF_TRACK),  # gap 0.20
        # "zero incidents": scale falls back to 1
        (down(0, 0), 0, Status.ON_TRACK),
        (down(0, 0), 0.04, Status.ON_TRACK),
        (down(0, 0), 0.1, Status.AT_RISK),
        (down(0, 0), 1, Status.OFF_TRACK),
    ],
)
def test_status_when_baseline_equals_target(ambition, value, expected):
    assert position(ambition, P(MID, value)) is expected


# --- projection --------------------------------------------------------------

Y21, Y22, Y23 = date(2021, 1, 1), date(2022, 1, 1), date(2023, 1, 1)
DECADE = Ambition(P(date(2020, 1, 1), 0), P(date(2030, 1, 1), 100))


def test_projection_of_rising_trend_reaching_target_in_time():
    proj = projection(DECADE, [P(Y21, 10), P(Y22, 20), P(Y23, 30)])
    # 10 per 365 days; 70 still to go -> 2555 days after 2023-01-01.
    expected = Y23 + timedelta(days=2555)
    assert expected == date(2029, 12, 30)
    assert abs((proj.reaches_target_on - expected).days) <= 1
    assert proj.slope_per_year == pytest.approx(10 * 365.25 / 365)
    assert proj.value_at_target == pytest.approx(30 + 2557 * 10 / 365)  # 100.05
    assert proj.reachable and not proj.already_met


def test_projection_of_slow_trend_reaches_after_target_date():
    proj = projection(DECADE, [P(Y21, 10), P(Y22, 15), P(Y23, 20)])
    assert proj.value_at_target == pytest.approx(20 + 2557 * 5 / 365)  # 55.03
    assert abs((proj.reaches_target_on - date(2038, 12, 28)).days) <= 1
    assert proj.reachable


def test_projection_flat_trend_is_not_at_this_pace():
    proj = projection(DECADE, [P(Y21, 30), P(Y22, 30), P(Y23, 30)])
    assert proj.slope_per_year == 0
    assert proj.value_at_target == pytest.approx(30)
    assert proj.reaches_target_on is None
    assert not proj.reachable


@pytest.mark.parametrize(
    ("ambition", "values", "slope"),
    [
        (DECADE, (40, 35, 30), -5),  # should rise, falls
        (
            Ambition(P(date(2020, 1, 1), 100), P(date(2030, 1, 1), 50), direction="lower"),
            (60, 65, 70),
            5,
        ),  # should fall, rises
    ],
)
def test_projection_wrong_direction_trend(ambition, values, slope):
    series = [P(d, v) for d, v in zip((Y21, Y22, Y23), values, strict=True)]
    proj = projection(ambition, series)
    assert proj.slope_per_year == pytest.approx(slope * 365.25 / 365)
    assert proj.reaches_target_on is None
    assert not proj.reachable and not proj.already_met


def test_projection_lower_is_better_reaching_target():
    amb = Ambition(P(date(2020, 1, 1), 100), P(date(2030, 1, 1), 50), direction="lower")
    proj = projection(amb, [P(Y21, 90), P(Y22, 85), P(Y23, 80)])
    # -5 per 365 days; 30 to go -> 6 * 365 = 2190 days after 2023-01-01.
    assert abs((proj.reaches_target_on - (Y23 + timedelta(days=2190))).days) <= 1
    assert proj.value_at_target == pytest.approx(80 - 2557 * 5 / 365)


@pytest.mark.parametrize(
    ("values", "reaches"),
    [
        ((10, 12, 14), date(2066, 1, 1)),  # 43 years from 2023: within 50 of 2030
        ((10, 11, 12), None),  # 88 years: beyond 2080, "not at this pace"
        ((10, 10.01, 10.02), None),  # ~9,000 years: no date overflow either
    ],
)
def test_projection_horizon_of_fifty_years_after_target(values, reaches):
    series = [P(d, v) for d, v in zip((Y21, Y22, Y23), values, strict=True)]
    proj = projection(DECADE, series)
    if reaches is None:
        assert proj.reaches_target_on is None
    else:
        assert abs((proj.reaches_target_on - reaches).days) <= 15


def test_projection_already_met_uses_latest_date():
    proj = projection(DECADE, [P(Y21, 60), P(Y22, 90), P(Y23, 110)])
    assert proj.already_met and proj.reachable
    assert proj.reaches_target_on == Y23
    assert proj.slope_per_year == pytest.approx(25 * 365.25 / 365)


def test_projection_noisy_fit_crossing_in_the_past_is_clamped_to_latest():
    # Fit: 51.67 + 90/730 per day -> crosses 100 after 392 days, i.e. before the
    # latest point, yet the latest actual value (90) is still short.
    proj = projection(DECADE, [P(Y21, 0), P(Y22, 200), P(Y23, 90)])
    assert not proj.already_met
    assert proj.reaches_target_on == Y23


def test_projection_uses_only_the_last_window_points():
    early = [P(date(2018, 1, 1), 90), P(date(2019, 1, 1), 60), P(date(2020, 1, 1), 30)]
    recent = [P(Y21, 10), P(Y22, 20), P(Y23, 30)]
    assert projection(DECADE, early + recent) == projection(DECADE, recent)
    wide = projection(DECADE, early + recent, window=6)
    assert wide.slope_per_year < 0 and wide.reaches_target_on is None


def test_projection_two_points_is_enough():
    proj = projection(DECADE, [P(Y22, 20), P(Y23, 30)])
    assert proj.slope_per_year == pytest.approx(10 * 365.25 / 365)
    assert proj.reaches_target_on is not None


def test_projection_invalid_window():
    with pytest.raises(ValueError, match="window"):
        projection(DECADE, [], window=1)


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ([], Projection(None, None, False, None)),
        ([P(Y22, 20)], Projection(None, None, False, None)),
        ([P(Y22, 100)], Projection(None, Y22, True, None)),
    ],
)
def test_projection_with_fewer_than_two_points(series, expected):
    assert projection(DECADE, series) == expected
    assert expected.reachable is expected.already_met


# --- assess ------------------------------------------------------------------


def test_assess_no_data():
    result = assess(up(), [])
    assert result.status is Status.NO_DATA
    assert (result.latest, result.expected, result.gap) == (None, None, None)
    assert result.projection == Projection(None, None, False, None)
    assert not result.projection.reachable


def test_assess_single_observation():
    result = assess(up(), [P(MID, 40)])
    assert result.latest == P(MID, 40)
    assert result.expected == pytest.approx(50)
    assert result.gap == pytest.approx(0.10)
    assert result.status is Status.AT_RISK
    assert result.projection.value_at_target is None
    assert result.projection.slope_per_year is None
    assert not result.projection.reachable


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "latest_value"),
    [(Direction.HIGHER, 0, 100, 120), (Direction.LOWER, 100, 50, 45)],
)
def test_assess_target_already_met(direction, baseline, target, latest_value):
    amb = Ambition(P(B, baseline), P(T, target), direction=direction)
    obs = [
        P(date(2021, 4, 1), (baseline + target) / 2),
        P(date(2021, 7, 1), latest_value),
    ]
    result = assess(amb, obs)
    assert result.status is Status.ON_TRACK
    assert result.gap < 0  # well ahead of the trajectory
    assert result.projection.already_met
    assert result.projection.reaches_target_on == date(2021, 7, 1)


def test_assess_lower_is_better_gap_sign():
    result = assess(down(), [P(B, 100), P(MID, 80)])
    assert result.expected == pytest.approx(75)
    assert result.gap == pytest.approx(0.10)
    assert result.status is Status.AT_RISK
    assert result.projection.slope_per_year == pytest.approx(-20 * 365.25 / 365)


# Baseline end of 2020 (0), target 600 by end of 2026; 100 per year observed.
CUM_B, CUM_T = date(2020, 12, 31), date(2026, 12, 31)
YEARLY = [
    P(date(2021, 12, 31), 100),
    P(date(2022, 12, 31), 100),
    P(date(2023, 12, 31), 100),
]


def test_cumulative_and_point_in_time_differ_on_same_numbers():
    kw = {"baseline": P(CUM_B, 0), "target": P(CUM_T, 600)}
    cum = assess(Ambition(**kw, cumulative=True), YEARLY)
    pit = assess(Ambition(**kw, cumulative=False), YEARLY)
    expected = 600 * 1095 / 2191  # 299.86 on 2023-12-31

    assert cum.latest == P(date(2023, 12, 31), 300)
    assert cum.expected == pytest.approx(expected)
    assert cum.gap == pytest.approx((expected - 300) / 600)  # slightly ahead
    assert cum.status is Status.ON_TRACK
    # Running total grows 100 per 365 days: 300 more -> 1095 days later.
    reaches = date(2023, 12, 31) + timedelta(days=1095)
    assert abs((cum.projection.reaches_target_on - reaches).days) <= 1

    assert pit.latest == P(date(2023, 12, 31), 100)
    assert pit.gap == pytest.approx((expected - 100) / 600)  # 0.333
    assert pit.status is Status.OFF_TRACK
    assert pit.projection.slope_per_year == 0
    assert not pit.projection.reachable
