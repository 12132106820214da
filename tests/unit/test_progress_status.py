"""Status and projection agree on the demo data (issue 11: "Status and projection disagree").

The floor-area ambition of Den Haag showed "✓ Op koers" beside "Doel niet bereikt bij dit
tempo": 18.700 m² on 30-09-2026 is ahead of the path (16.245 m²), but nothing was added in
the last three quarters, so the line through them stays at 18.700 m², short of 20.000 m² by
31-12-2028.
"""

from __future__ import annotations

import pytest

from impactdash import i18n
from impactdash.measures import progress


@pytest.fixture(scope="module")
def by_code(demo_db_file):
    from impactdash.store import db

    con = db.connect(demo_db_file, read_only=True)
    try:
        return {i.code: i for items in progress.assess_all(con).values() for i in items}
    finally:
        con.close()


def _misses_target(assessment, ambition) -> bool:
    """The projection says the target is not reached by its date (not at this pace, or later)."""
    proj = assessment.projection
    if proj.already_met or proj.value_at_target is None:
        return False
    return proj.reaches_target_on is None or proj.reaches_target_on > ambition.target.date


def test_the_floor_area_ambition_is_not_on_track_when_its_pace_misses_the_target(by_code):
    floor = by_code["DH-A-FLOOR"]
    a = floor.assessment
    assert a.latest.value == 18_700 and round(a.expected) == 16_245
    assert _misses_target(a, floor.ambition)
    assert a.status.value != "on_track"


def test_no_demo_ambition_is_on_track_beside_a_projection_that_misses_its_target(by_code):
    wrong = [
        code
        for code, item in by_code.items()
        if item.assessment.status.value == "on_track" and _misses_target(item.assessment, item.ambition)
    ]
    assert not wrong, f"on track, yet not reached at this pace: {wrong}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_floor_area_sentence_gives_the_reason(by_code, lang):
    from impactdash.views import ambitions as view

    floor = by_code["DH-A-FLOOR"]
    assert floor.assessment.reason.value == "pace_short"
    # As read: without the joins that keep a date and a value on one line.
    text = view.status_line(floor, lang).replace(i18n.WORD_JOINER, "").replace("\u00a0", " ")
    expected = {
        "nl": "**Status:** ⚠ Risico. Verder dan de koers, maar bij het tempo van de laatste 3 waarden wordt"
        " het doel van 20.000 m² op 31-12-2028 niet gehaald: verwacht 18.700 m².",
        "en": "**Status:** ⚠ At risk. Ahead of the trajectory, but at the pace of the latest 3 values the"
        " target of 20,000 m² is not reached by 31 Dec 2028: 18,700 m² expected.",
    }
    assert text == expected[lang]
