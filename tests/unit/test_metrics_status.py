"""The one rule for status (issue 11, item 6): position on the path and pace to the target together.

``metrics.assess`` gives the status, the expected value, the projection and the reason;
``views.ambitions.status_reason`` words the reason. These tests hold the rule's boundaries
and the promise every page relies on: "on track" never stands beside "target not reached
at this pace" (or "reached after the target date").
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from impactdash import i18n
from impactdash.measures import metrics
from impactdash.measures.metrics import Ambition, Direction, Pace, Point, Reason, Status, assess
from impactdash.measures.progress import AmbitionProgress
from impactdash.views import ambitions as view

# 2021-01-01 -> 2023-01-01 is 730 days, so 2022-01-01 is exactly halfway.
B, MID, T = date(2021, 1, 1), date(2022, 1, 1), date(2023, 1, 1)


def up(**kw) -> Ambition:
    """0 -> 100 from B to T, higher is better."""
    return Ambition(Point(B, 0), Point(T, 100), **kw)


def down(**kw) -> Ambition:
    """100 -> 50 from B to T, lower is better."""
    return Ambition(Point(B, 100), Point(T, 50), direction=Direction.LOWER, **kw)


def plain(text: str) -> str:
    """The sentence without its unbreakable joins (dates are kept on one line), to compare as read."""
    return text.replace(i18n.WORD_JOINER, "").replace(i18n.NBSP, " ")


def item(ambition: Ambition, observations: list[Point], unit: str = "count") -> AmbitionProgress:
    return AmbitionProgress(
        code="X",
        metric_code="x",
        unit=unit,
        name_nl="Maat",
        name_en="Measure",
        headline=False,
        document="",
        ambition=ambition,
        series=metrics.actual_series(ambition, observations),
        assessment=assess(ambition, observations),
    )


# --- the rule's cases and boundaries -------------------------------------------------------


def test_no_data():
    a = assess(up(), [])
    assert (a.status, a.position, a.pace, a.reason) == (Status.NO_DATA,) * 2 + (Pace.UNKNOWN, Reason.NO_DATA)
    assert (a.expected, a.expected_on, a.projected_value, a.projected_date, a.next_anchor) == (None,) * 5


def test_exactly_on_the_path_with_a_pace_that_lands_on_the_target_date():
    # 50 a year from 0: the line reaches 100 on the target date itself (inclusive: in time).
    a = assess(up(), [Point(B, 0), Point(MID, 50)])
    assert a.gap == pytest.approx(0) and a.expected == pytest.approx(50) and a.expected_on == MID
    assert a.projected_date == T and a.projected_value == pytest.approx(100)
    assert (a.status, a.pace, a.reason) == (Status.ON_TRACK, Pace.ON_TIME, Reason.ON_COURSE)


def test_a_pace_one_day_late_is_not_on_track():
    # The same line one day later: it reaches 100 a day after the target date.
    a = assess(up(), [Point(B + timedelta(days=1), 0), Point(MID + timedelta(days=1), 50)])
    assert a.position is Status.ON_TRACK
    assert a.projected_date == T + timedelta(days=1)
    assert (a.status, a.pace, a.reason) == (Status.AT_RISK, Pace.LATE, Reason.PACE_SHORT)


@pytest.mark.parametrize(
    ("value", "position", "status", "reason"),
    [
        (45.0, Status.ON_TRACK, Status.ON_TRACK, Reason.ON_PATH_NO_PACE),  # gap exactly 5%: inclusive
        (44.9, Status.AT_RISK, Status.AT_RISK, Reason.BEHIND),  # just below the threshold
        (35.0, Status.AT_RISK, Status.AT_RISK, Reason.BEHIND),  # gap exactly 15%
        (34.9, Status.OFF_TRACK, Status.OFF_TRACK, Reason.BEHIND),
    ],
)
def test_a_single_point_is_judged_on_the_path_alone(value, position, status, reason):
    a = assess(up(), [Point(MID, value)])
    assert a.pace is Pace.UNKNOWN and a.projected_value is None
    assert (a.position, a.status, a.reason) == (position, status, reason)


def test_within_the_tolerance_but_at_a_pace_that_arrives_late_is_at_risk():
    # 45 at the midpoint is on track by position (gap 5%); 45 a year reaches 100 in 2023-03.
    a = assess(up(), [Point(B, 0), Point(MID, 45)])
    assert a.position is Status.ON_TRACK and a.pace is Pace.LATE
    assert (a.status, a.reason) == (Status.AT_RISK, Reason.PACE_SHORT)


def test_ahead_of_the_path_but_flat_is_at_risk_not_on_track():
    # The floor-area case: well ahead of the path, nothing added since.
    a = assess(up(), [Point(date(2021, 7, 1), 70), Point(date(2021, 10, 1), 70), Point(MID, 70)])
    assert a.gap < 0 and a.position is Status.ON_TRACK
    assert a.projected_date is None and a.projected_value == pytest.approx(70)
    assert (a.status, a.pace, a.reason) == (Status.AT_RISK, Pace.SHORT, Reason.PACE_SHORT)


def test_behind_the_path_keeps_its_status_while_the_pace_catches_up():
    a = assess(up(), [Point(date(2021, 10, 1), 20), Point(MID, 40)])
    assert a.position is Status.AT_RISK and a.pace is Pace.ON_TIME
    assert (a.status, a.reason) == (Status.AT_RISK, Reason.CATCHING_UP)


def test_target_already_reached_is_on_track_even_if_the_pace_falls():
    a = assess(up(), [Point(date(2021, 7, 1), 120), Point(MID, 105)])
    assert (a.status, a.pace, a.reason) == (Status.ON_TRACK, Pace.MET, Reason.MET)


def test_target_date_passed_unmet_is_off_track_whatever_the_pace():
    a = assess(up(), [Point(date(2022, 7, 1), 80), Point(T, 99)])
    assert (a.status, a.reason) == (Status.OFF_TRACK, Reason.MISSED)
    assert a.next_anchor is None


@pytest.mark.parametrize(
    ("observations", "status", "pace", "reason"),
    [
        ([Point(B, 100), Point(MID, 75)], Status.ON_TRACK, Pace.ON_TIME, Reason.ON_COURSE),
        # ahead (70 where 75 is expected) but flat: not at this pace
        ([Point(date(2021, 7, 1), 70), Point(MID, 70)], Status.AT_RISK, Pace.SHORT, Reason.PACE_SHORT),
        # rising where lower is better: the wrong way
        ([Point(date(2021, 7, 1), 60), Point(MID, 70)], Status.AT_RISK, Pace.SHORT, Reason.PACE_SHORT),
        ([Point(B, 100), Point(MID, 45)], Status.ON_TRACK, Pace.MET, Reason.MET),
        ([Point(B, 100), Point(MID, 85)], Status.OFF_TRACK, Pace.LATE, Reason.BEHIND),
    ],
)
def test_lower_is_better(observations, status, pace, reason):
    a = assess(down(), observations)
    assert (a.status, a.pace, a.reason) == (status, pace, reason)


def test_the_next_milestone_and_a_passed_one():
    amb = up(milestones=(Point(MID, 80),))
    before = assess(amb, [Point(date(2021, 4, 1), 25), Point(date(2021, 7, 2), 40)])
    assert before.next_anchor == Point(MID, 80)
    # After the milestone the path heads for the target; 91 half-way through the last leg is ahead.
    after = assess(amb, [Point(MID, 80), Point(date(2022, 7, 2), 91)])
    assert after.next_anchor == amb.target
    assert after.expected == pytest.approx(90, abs=0.1)
    assert (after.status, after.reason) == (Status.ON_TRACK, Reason.ON_COURSE)
    # Milestone missed (70 instead of 80): behind the path on the last leg.
    missed = assess(amb, [Point(MID, 70), Point(date(2022, 7, 2), 80)])
    assert missed.position is Status.AT_RISK and missed.reason is Reason.BEHIND


OBSERVATION_SETS = [
    [],
    [Point(MID, 50)],
    [Point(B, 0), Point(MID, 50)],
    [Point(B, 0), Point(MID, 45)],
    [Point(date(2021, 7, 1), 70), Point(MID, 70)],
    [Point(date(2021, 10, 1), 20), Point(MID, 40)],
    [Point(date(2021, 7, 1), 120), Point(MID, 105)],
    [Point(date(2022, 7, 1), 80), Point(T, 99)],
    [Point(B, 0), Point(date(2021, 7, 1), 10), Point(MID, 70)],
    [Point(B, 0), Point(date(2021, 7, 1), 60), Point(MID, 55)],
]


@pytest.mark.parametrize("observations", OBSERVATION_SETS)
@pytest.mark.parametrize("ambition", [up(), up(milestones=(Point(MID, 80),)), up(cumulative=True)])
def test_on_track_never_stands_beside_a_pace_that_misses_the_target(ambition, observations):
    a = assess(ambition, observations)
    if a.status is Status.ON_TRACK:
        assert a.pace in (Pace.MET, Pace.ON_TIME, Pace.UNKNOWN)
        assert a.reason in (Reason.MET, Reason.ON_COURSE, Reason.ON_PATH_NO_PACE)
    for lang in ("nl", "en"):
        shown = view.projection_text(item(ambition, observations), lang)
        if a.status is Status.ON_TRACK:
            assert shown not in (i18n.t("not_at_this_pace", lang), i18n.t("target_missed", lang))
            assert not shown.startswith(i18n.t("reached_late", lang).split("{date}")[0])


# --- the reason in words -------------------------------------------------------------------------


def test_the_reason_says_why_on_the_path_is_not_on_track():
    flat = item(up(), [Point(date(2021, 7, 1), 70), Point(MID, 70)], unit="m2")
    assert plain(view.status_reason(flat, "nl")) == (
        "Verder dan de koers, maar bij het tempo van de laatste 3 waarden wordt het doel van 100 m²"
        " op 01-01-2023 niet gehaald: verwacht 70 m²."
    )
    assert plain(view.status_reason(flat, "en")) == (
        "Ahead of the trajectory, but at the pace of the latest 3 values the target of 100 m² is not"
        " reached by 1 Jan 2023: 70 m² expected."
    )
    assert view.status_line(flat, "nl").startswith("**Status:** ⚠ Risico. Verder dan de koers, maar ")
    assert view.status_verdict(flat, "en").startswith("⚠ At risk: ahead of the trajectory, but ")


def test_the_reason_names_the_next_milestone_and_the_pace():
    amb = up(milestones=(Point(MID, 80),))
    on = item(amb, [Point(date(2021, 4, 1), 20), Point(date(2021, 7, 2), 39)])
    assert on.assessment.reason is Reason.ON_COURSE
    text = plain(view.status_reason(on, "nl"))
    assert text.startswith("Op de koers naar de mijlpaal van 80 op 01-01-2022, en bij het tempo")
    assert "op tijd voor 01-01-2023" in text


@pytest.mark.parametrize(
    ("observations", "nl", "en"),
    [
        ([], "Er zijn nog geen waarden.", "There are no values yet."),
        ([Point(MID, 120)], "Het doel van 100 is bereikt.", "The target of 100 has been met."),
        (
            [Point(T, 99)],
            "De doeldatum 01-01-2023 is verstreken zonder dat het doel van 100 is gehaald.",
            "The target date 1 Jan 2023 has passed without the target of 100 being met.",
        ),
        (
            [Point(MID, 50)],
            "Op de koers; er zijn te weinig waarden om het tempo te bepalen.",
            "On the trajectory; there are too few values to tell the pace.",
        ),
        (
            [Point(MID, 20)],
            "Achter op de koers; er zijn te weinig waarden om het tempo te bepalen.",
            "Behind the trajectory; there are too few values to tell the pace.",
        ),
    ],
)
def test_the_reason_in_the_simple_cases(observations, nl, en):
    shown = item(up(), observations)
    assert plain(view.status_reason(shown, "nl")) == nl
    assert plain(view.status_reason(shown, "en")) == en


def test_catching_up_is_said_with_but():
    shown = item(up(), [Point(date(2021, 10, 1), 20), Point(MID, 40)])
    text = plain(view.status_reason(shown, "en"))
    assert text.startswith("Behind the trajectory, but at the pace of the latest 3 values the target of 100")
    assert "in time for 1 Jan 2023" in text
