"""The Compare page's maths: per-capita scaling, nearest-year population, alignment, sentences."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from impactdash import i18n
from impactdash.charts import base as charts
from impactdash.measures import metrics, progress
from impactdash.store import db
from impactdash.views import compare

D = dt.date

POPULATION = pd.DataFrame(
    {
        "municipality_code": ["GM0001"] * 3 + ["GM0002"] * 2,
        "year": [2020, 2022, 2024, 2021, 2022],
        "inhabitants": [100_000.0, 110_000.0, 120_000.0, 50_000.0, 52_000.0],
    }
)
TOWNS = pd.DataFrame(
    {
        "code": ["GM0001", "GM0002", "GM0003"],
        "name": ["Oudstad", "Nieuwdorp", "Zonderstart"],
        "pillar_start": [pd.Timestamp("2018-01-01"), pd.Timestamp("2021-01-01"), pd.NaT],
    }
)


def _values(rows):
    return pd.DataFrame(rows, columns=["municipality_code", "period_end", "value"])


# --- which units may be divided by population --------------------------------------------


@pytest.mark.parametrize("unit", ["eur", "m2", "count", "fte"])
def test_sizes_may_be_shown_per_capita(unit):
    assert compare.supports_per_capita(unit)


@pytest.mark.parametrize("unit", ["percent", "ratio"])
def test_percentages_and_ratios_are_refused_per_capita(unit):
    assert not compare.supports_per_capita(unit)
    values = _values([("GM0001", D(2020, 12, 31), 80.0)])
    with pytest.raises(ValueError, match=unit):
        compare.prepare(values, POPULATION, TOWNS, unit, per_capita=True, aligned=False)
    # absolute is fine for the same measure
    assert len(compare.prepare(values, POPULATION, TOWNS, unit, per_capita=False, aligned=False)) == 1


# --- population of the period's year, else the nearest year --------------------------------


def test_population_of_the_same_year():
    assert compare.nearest_population(POPULATION, "GM0001", 2022) == (2022, 110_000.0)


def test_population_of_the_nearest_year_after_the_last():
    assert compare.nearest_population(POPULATION, "GM0001", 2027) == (2024, 120_000.0)


def test_population_of_the_nearest_year_before_the_first():
    assert compare.nearest_population(POPULATION, "GM0002", 2018) == (2021, 50_000.0)


def test_population_tie_takes_the_earlier_year():
    # 2021 lies one year from both 2020 and 2022; 2023 one year from both 2022 and 2024.
    assert compare.nearest_population(POPULATION, "GM0001", 2021) == (2020, 100_000.0)
    assert compare.nearest_population(POPULATION, "GM0001", 2023) == (2022, 110_000.0)


def test_no_population_at_all():
    assert compare.nearest_population(POPULATION, "GM0003", 2022) is None


def test_per_capita_divides_by_the_population_of_that_year():
    values = _values([("GM0001", D(2022, 12, 31), 55.0), ("GM0001", D(2026, 12, 31), 60.0)])
    frame = compare.prepare(values, POPULATION, TOWNS, "count", per_capita=True, aligned=False)
    assert frame["shown"].tolist() == pytest.approx([55 / 110_000 * 10_000, 60 / 120_000 * 10_000])
    assert frame["population_year"].tolist() == [2022, 2024]
    assert frame["value"].tolist() == [55.0, 60.0], "the absolute value is kept beside it"


def test_a_town_without_population_is_dropped_per_capita_and_named():
    values = _values([("GM0001", D(2022, 12, 31), 5.0), ("GM0003", D(2022, 12, 31), 7.0)])
    frame = compare.prepare(values, POPULATION, TOWNS, "count", per_capita=True, aligned=False)
    assert frame["municipality_code"].tolist() == ["GM0001"]
    assert compare.dropped(TOWNS, frame, values) == ["Zonderstart"]


# --- alignment by the age of the pillar ----------------------------------------------------


@pytest.mark.parametrize(
    ("period_end", "start", "age"),
    [
        (D(2023, 12, 31), D(2021, 1, 1), 3.0),
        (D(2017, 12, 31), D(2018, 1, 1), 0.0),
        (D(2022, 3, 31), D(2022, 1, 1), 0.25),
        (D(2026, 9, 30), D(2022, 1, 1), 4.75),
        (D(2023, 12, 31), D(2021, 7, 1), 2.5),
    ],
)
def test_years_since_start(period_end, start, age):
    assert compare.years_since_start(period_end, start) == age


def test_alignment_sets_towns_side_by_side_at_the_same_age():
    values = _values(
        [
            ("GM0001", D(2020, 12, 31), 30.0),  # Oudstad, 3 years in
            ("GM0001", D(2021, 12, 31), 40.0),
            ("GM0002", D(2023, 12, 31), 12.0),  # Nieuwdorp, 3 years in
        ]
    )
    frame = compare.prepare(values, POPULATION, TOWNS, "count", per_capita=False, aligned=True)
    at_three = frame[frame["x"] == 3.0]
    assert dict(zip(at_three["name"], at_three["shown"], strict=True)) == {"Oudstad": 30.0, "Nieuwdorp": 12.0}
    calendar = compare.prepare(values, POPULATION, TOWNS, "count", per_capita=False, aligned=False)
    assert calendar["x"].tolist() == [D(2020, 12, 31), D(2021, 12, 31), D(2023, 12, 31)]


def test_alignment_drops_a_town_without_a_start_date():
    values = _values([("GM0001", D(2020, 12, 31), 1.0), ("GM0003", D(2020, 12, 31), 2.0)])
    frame = compare.prepare(values, POPULATION, TOWNS, "count", per_capita=False, aligned=True)
    assert frame["name"].tolist() == ["Oudstad"]
    assert compare.dropped(TOWNS, frame, values) == ["Zonderstart"]


def test_only_chosen_towns_in_their_fixed_order():
    values = _values([("GM0002", D(2022, 12, 31), 1.0), ("GM0001", D(2022, 12, 31), 2.0)])
    chosen = TOWNS[TOWNS["code"].isin(["GM0001", "GM0002"])]
    frame = compare.prepare(values, POPULATION, chosen, "count", per_capita=False, aligned=False)
    assert frame["municipality_code"].tolist() == ["GM0001", "GM0002"]
    only = compare.prepare(values, POPULATION, TOWNS[TOWNS["code"] == "GM0002"], "count", False, False)
    assert only["municipality_code"].tolist() == ["GM0002"]


def test_styles_are_fixed_per_town_and_never_colour_alone():
    styles = compare.styles(["GM0001", "GM0002", "GM0003"])
    assert styles["GM0002"] == (charts.PALETTE[1], compare.SYMBOLS[1])
    assert len({symbol for _, symbol in styles.values()}) == 3


# --- sentences from the data ---------------------------------------------------------------


def _frame(per_capita=False, aligned=False):
    values = _values(
        [
            ("GM0001", D(2020, 12, 31), 30.0),
            ("GM0001", D(2021, 12, 31), 40.0),
            ("GM0001", D(2022, 12, 31), 44.0),
            ("GM0002", D(2022, 12, 31), 11.0),
            ("GM0002", D(2023, 12, 31), 12.0),
        ]
    )
    return compare.prepare(values, POPULATION, TOWNS, "count", per_capita=per_capita, aligned=aligned)


def test_sentence_at_the_same_age_names_where_the_older_town_stood():
    sentence = compare.summary(_frame(aligned=True), "count", "nl", False, True, flow=False)
    assert (
        sentence
        == "Na 3 jaar impactpijler: Nieuwdorp 12 (eind 2023) en Oudstad stond toen op 30 (eind 2020)."
    )


def test_sentence_at_the_same_age_in_english_per_capita():
    sentence = compare.summary(_frame(per_capita=True, aligned=True), "count", "en", True, True, flow=False)
    # 12 / 52,000 (2022, nearest to 2023) and 30 / 100,000 (2020) per 10,000 inhabitants
    assert sentence == (
        "After 3 years of the pillar: Nieuwdorp 2.3 per 10,000 inhabitants (end of 2023)"
        " and Oudstad stood at 3.0 at that age (end of 2020)."
    )


def test_sentence_on_the_latest_common_date_ranks_high_to_low():
    assert compare.summary(_frame(), "count", "nl", False, False, flow=False) == (
        "Eind 2022: Oudstad 44 en Nieuwdorp 11."
    )
    assert compare.summary(_frame(), "count", "en", False, False, flow=True) == (
        "In 2022: Oudstad 44 and Nieuwdorp 11."
    )


def test_sentence_without_data_says_so():
    empty = _frame().iloc[0:0]
    assert compare.summary(empty, "count", "nl", False, False, flow=False) == i18n.t(
        "no_data_selection", "nl"
    )


@pytest.mark.parametrize(
    ("value", "unit", "per_capita", "expected"),
    [
        (6.97, "count", True, "7,0"),
        (326.4, "m2", True, "326\u00a0m²"),
        (102_558.0, "eur", True, "€\u00a0102.558"),
        (5_849_728.0, "eur", False, "€\u00a05,8\u00a0mln."),
        (221_504.0, "eur", False, "€\u00a0221.504"),
        (78.4, "percent", False, "78%"),
        (math.nan, "count", True, "–"),
    ],
)
def test_values_are_formatted_the_dutch_way(value, unit, per_capita, expected):
    assert compare.format_value(value, unit, "nl", per_capita, compact=True) == expected


# --- ambitions ------------------------------------------------------------------------------


def _ambitions(cumulative_second=False):
    return pd.DataFrame(
        {
            "code": ["A1", "A2"],
            "metric_code": ["m", "m"],
            "municipality_code": ["GM0001", "GM0002"],
            "baseline_date": [pd.Timestamp("2019-12-31"), pd.Timestamp("2021-12-31")],
            "baseline_value": [20.0, 0.0],
            "target_date": [pd.Timestamp("2025-12-31"), pd.Timestamp("2026-12-31")],
            "target_value": [80.0, 50.0],
            "cumulative": [False, cumulative_second],
            "document": ["d", "d"],
            "direction": ["higher", "higher"],
            "unit": ["count", "count"],
            "name_nl": ["M", "M"],
            "name_en": ["M", "M"],
            "headline": [True, True],
        }
    )


def test_each_town_is_assessed_against_its_own_ambition():
    values = _values([("GM0001", D(2022, 12, 31), 50.0), ("GM0002", D(2022, 12, 31), 1.0)])
    milestones = pd.DataFrame({"ambition_code": [], "due_date": [], "value": []})
    items = compare.assess(_ambitions(), milestones, values, ["GM0001", "GM0002", "GM0003"])
    assert [i.code for i in items["GM0001"]] == ["A1"] and items["GM0003"] == []
    assert items["GM0001"][0].assessment.status == metrics.Status.ON_TRACK  # 50 on a trajectory at 50
    assert items["GM0002"][0].assessment.status == metrics.Status.OFF_TRACK  # 1 where 10 was planned
    table = compare.status_table(items, TOWNS, "count", "nl")
    assert table["Status"].tolist() == [
        f"{i18n.STATUS_ICON['on_track']} Op koers",
        f"{i18n.STATUS_ICON['off_track']} Achter op koers",
        "–",
    ]
    assert table["Doel"].tolist()[2] == "Geen ambitie vastgelegd"


def test_cumulative_ambitions_are_kept_out_of_the_chart():
    values = _values([("GM0002", D(2022, 12, 31), 5.0)])
    milestones = pd.DataFrame({"ambition_code": [], "due_date": [], "value": []})
    items = compare.assess(_ambitions(cumulative_second=True), milestones, values, ["GM0001", "GM0002"])
    anchors, cumulative = compare.trajectories(items)
    assert set(anchors["ambition_code"]) == {"A1"}
    assert [(code, item.code) for code, item in cumulative] == [("GM0002", "A2")]


def test_notes_are_escaped_for_markdown_and_ordered_by_town():
    notes = pd.DataFrame(
        {
            "municipality_code": ["GM0002", "GM0001", "GM0009"],
            "subject_kind": ["metric"] * 3,
            "period_start": [
                pd.Timestamp("2024-01-01"),
                pd.Timestamp("2023-05-01"),
                pd.Timestamp("2020-1-1"),
            ],
            "period_end": [pd.Timestamp("2024-12-31"), pd.Timestamp("2023-05-01"), pd.Timestamp("2020-1-1")],
            "body": ["Kost $5 *meer*", "Eén dag", "Andere gemeente"],
        }
    )
    lines = compare.note_lines(notes, TOWNS, "nl")
    assert lines == [
        "Toelichting Oudstad, 01-05-2023: Eén dag",
        "Toelichting Nieuwdorp, 01-01-2024 – 31-12-2024: Kost $5 *meer*",
    ]
    assert compare.escape_markdown(lines[1]).endswith(r"Kost \$5 \*meer\*")


# --- the queries behind the page, on the demo data ----------------------------------------


def test_notes_query_never_returns_internal_notes(demo_con):
    internal = set(demo_con.execute("select body from note where visibility = 'internal'").df()["body"])
    assert internal, "the demo data holds internal notes to guard against"
    codes = demo_con.execute("select code from metric").df()["code"]
    for code in codes:
        shown = set(db.run_query(demo_con, "compare_notes", metric=code)["body"])
        assert not shown & internal, code


def test_demo_ambitions_per_metric_match_the_per_town_query(demo_con):
    per_metric = db.run_query(demo_con, "compare_ambitions", metric="impact_enterprises")
    for code in per_metric["municipality_code"]:
        own = db.run_query(demo_con, "ambitions", municipality=code)
        items = progress.build(
            own[own["metric_code"] == "impact_enterprises"],
            db.run_query(demo_con, "milestones", municipality=code),
            db.run_query(demo_con, "metric_values", municipality=code),
        )
        values = db.run_query(demo_con, "compare_values", metric="impact_enterprises")
        mine = compare.assess(
            per_metric,
            db.run_query(demo_con, "compare_milestones", metric="impact_enterprises"),
            values,
            [code],
        )[code]
        assert [i.assessment for i in mine] == [i.assessment for i in items]


@pytest.mark.parametrize("aligned", [True, False])
def test_data_table_has_the_years_since_start_only_when_aligned_by_them(aligned):
    values = _values([("GM0001", D(2020, 12, 31), 30.0), ("GM0002", D(2023, 12, 31), 12.0)])
    frame = compare.prepare(values, POPULATION, TOWNS, "count", per_capita=False, aligned=aligned)
    table = compare.display_table(frame, frame.iloc[0:0], "count", "nl", per_capita=False, aligned=aligned)
    assert ("Jaren sinds start" in table.columns) is aligned
    assert list(table.columns[:3]) == ["Gemeente", i18n.t("compare_col_series", "nl"), "Peildatum"]
    assert table["Waarde"].tolist() == ["30", "12"]
