"""The ambitions page's sentences, tables and chart, built from hand-made ambitions (no Streamlit)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from impactdash import i18n
from impactdash.charts import ambitions as chart_ambitions
from impactdash.charts import base as charts
from impactdash.measures import metrics
from impactdash.measures.progress import AmbitionProgress
from impactdash.views import ambitions as view

D = dt.date
BASELINE = (D(2020, 12, 31), 100.0)
TARGET = (D(2026, 12, 31), 400.0)
MILESTONES = ((D(2023, 12, 31), 250.0),)


def _item(
    code: str,
    observations: list[tuple[dt.date, float]],
    *,
    name: str = "Impactondernemingen",
    unit: str = "count",
    baseline=BASELINE,
    target=TARGET,
    milestones=MILESTONES,
    cumulative: bool = False,
    direction: str = "higher",
) -> AmbitionProgress:
    ambition = metrics.Ambition(
        baseline=metrics.Point(*baseline),
        target=metrics.Point(*target),
        milestones=tuple(metrics.Point(*m) for m in milestones),
        direction=direction,
        cumulative=cumulative,
    )
    points = [metrics.Point(d, v) for d, v in observations]
    return AmbitionProgress(
        code=code,
        metric_code=code.lower(),
        unit=unit,
        name_nl=name,
        name_en=name + " (en)",
        headline=False,
        document="Raadsvoorstel 2020-001",
        ambition=ambition,
        series=metrics.actual_series(ambition, points),
        assessment=metrics.assess(ambition, points),
    )


# Behind, roughly on, and ahead of the trajectory 100 -> 250 (2023) -> 400 (2026).
OFF = _item(
    "OFF", [(D(2021, 12, 31), 105.0), (D(2022, 12, 31), 110.0), (D(2023, 12, 31), 115.0)], name="Banen"
)
RISK = _item(
    "RISK", [(D(2021, 12, 31), 140.0), (D(2022, 12, 31), 180.0), (D(2023, 12, 31), 225.0)], name="Zorg"
)
ON = _item(
    "ON", [(D(2021, 12, 31), 160.0), (D(2022, 12, 31), 210.0), (D(2023, 12, 31), 260.0)], name="Aantal"
)
MET = _item("MET", [(D(2022, 12, 31), 300.0), (D(2023, 12, 31), 410.0)], name="Bereikt")
EMPTY = _item("EMPTY", [], name="Leeg")
ALL = [ON, EMPTY, RISK, MET, OFF]


def test_the_fixtures_have_the_statuses_the_tests_rely_on():
    assert [i.assessment.status.value for i in (OFF, RISK, ON, MET, EMPTY)] == [
        "off_track",
        "at_risk",
        "on_track",
        "on_track",
        "no_data",
    ]


def test_default_sort_puts_the_worst_first_and_the_largest_gap_first_within_a_status():
    ordered = [i.code for i in view.sort_items(ALL, "status", "nl")]
    assert ordered[:2] == ["OFF", "RISK"]
    # On track: ON is slightly ahead (gap < 0), MET far ahead; the smaller lead comes first.
    assert ordered[2:4] == ["ON", "MET"]
    assert ordered[-1] == "EMPTY"


def test_best_first_reverses_the_statuses_but_keeps_no_data_last():
    ordered = [i.code for i in view.sort_items(ALL, "status_best", "nl")]
    assert ordered == ["MET", "ON", "RISK", "OFF", "EMPTY"]


def test_sort_by_name_and_by_target_date():
    assert [i.code for i in view.sort_items(ALL, "name", "nl")] == ["ON", "OFF", "MET", "EMPTY", "RISK"]
    later = _item("LATER", [], name="Aaa", target=(D(2030, 12, 31), 500.0))
    assert view.sort_items([later, OFF], "target_date", "nl")[0].code == "OFF"
    with pytest.raises(ValueError):
        view.sort_items(ALL, "colour", "nl")


def test_filter_keeps_only_the_chosen_statuses():
    assert [i.code for i in view.filter_items(ALL, ["off_track", "at_risk"])] == ["RISK", "OFF"]
    assert view.filter_items(ALL, []) == []
    assert view.filter_items(ALL, None) == []
    assert view.present_statuses([ON, OFF]) == ["off_track", "on_track"]


def test_projection_texts_cover_every_case():
    assert view.projection_text(MET, "nl") == "Doel al bereikt"
    assert view.projection_text(EMPTY, "en") == i18n.t("too_little_data", "en")
    assert view.projection_text(OFF, "nl") == "Doel niet bereikt bij dit tempo"
    reached = ON.assessment.projection.reaches_target_on
    assert reached is not None
    assert view.projection_text(ON, "nl") == f"Doel bereikt rond {i18n.fmt_date(reached, 'nl')} bij dit tempo"
    # RISK's pace reaches the target, but two years after its date: said so, not "reached around".
    late = RISK.assessment.projection.reaches_target_on
    assert late > RISK.ambition.target.date
    assert view.projection_text(RISK, "en") == (
        f"Target only reached around {i18n.fmt_date(late, 'en')} at this pace, after the target date"
    )
    assert view.projection_short(RISK, "nl") == f"rond {i18n.table_date(late, 'nl')}, te laat"
    assert view.projection_short(OFF, "nl") == "niet"
    assert view.projection_short(MET, "en") == "already met"
    missed = _item("MISSED", [(D(2026, 12, 31), 390.0)])
    assert view.projection_text(missed, "en") == "Target date passed, target not met"
    assert view.projection_short(missed, "nl") == "niet, doeldatum verstreken"


def test_intro_counts_every_status():
    text = view.intro_sentence(ALL, "Groningen", D(2026, 9, 30), "nl")
    assert text == (
        "Groningen heeft 5 ambities vastgelegd. Stand 30-09-2026: 2 op koers, 1 met risico en 1 achter op koers."
        " Voor 1 ambitie zijn nog geen gegevens."
    )


def test_overview_frame_formats_every_column_in_the_page_language():
    frame = view.overview_frame(view.sort_items(ALL, "status", "nl"), "nl")
    assert list(frame.columns) == [
        "Maatstaf",
        "Status",
        "Laatste waarde (datum)",
        "Verwacht volgens koers",
        "Doel (datum)",
        "Doel bereikt bij dit tempo",
    ]
    first = frame.iloc[0]
    assert first["Maatstaf"] == "Banen"
    assert first["Status"] == f"{i18n.STATUS_ICON['off_track']}{i18n.NBSP}Achter{i18n.NBSP}op{i18n.NBSP}koers"
    assert first["Laatste waarde (datum)"] == "115 (31-\u206012-\u20602023)"
    assert first["Verwacht volgens koers"] == "250"
    assert first["Doel (datum)"] == "400 (31-\u206012-\u20602026)"
    assert frame.iloc[-1]["Laatste waarde (datum)"] == "–"
    english = view.overview_frame([OFF], "en")
    assert english.iloc[0]["Measure"].replace("\\", "") == "Banen (en)"  # escaped for st.table


def test_table_dates_never_break_but_read_the_same():
    assert i18n.table_date(D(2025, 12, 31), "nl").replace(i18n.WORD_JOINER, "") == "31-12-2025"
    assert i18n.table_date(D(2025, 12, 31), "en") == f"31{i18n.NBSP}Dec{i18n.NBSP}2025"


def test_summary_sentence_states_latest_expected_target_and_pace():
    text = view.summary_sentence(OFF, "nl")
    assert text.startswith("Eind 2023: 115, verwacht volgens koers 250; doel 400 op 31-12-2026.")
    assert "Bij het huidige tempo komt de maatstaf op 31-12-2026 uit op" in text
    assert view.summary_sentence(EMPTY, "en") == "No actual values yet; target 400 by 31 Dec 2026."
    quarter = _item("Q", [(D(2025, 9, 30), 300.0)], unit="m2")
    assert view.summary_sentence(quarter, "nl").startswith(f"Op 30-09-2025: 300{i18n.NBSP}m²")


def test_cumulative_ambitions_say_they_are_totals():
    item = _item(
        "CUM",
        [(D(2021, 12, 31), 50.0), (D(2022, 12, 31), 60.0)],
        baseline=(D(2020, 12, 31), 0.0),
        target=(D(2026, 12, 31), 350.0),
        milestones=(),
        cumulative=True,
    )
    assert view.summary_sentence(item, "nl").startswith("Eind 2022: 110 opgeteld sinds 31-12-2020,")


def test_milestones_frame_judges_only_what_is_due():
    frame = view.milestones_frame(OFF, "nl")
    assert list(frame["Soort"]) == ["Nulmeting", "Mijlpaal", "Doel"]
    assert frame.iloc[1]["Gerealiseerd"] == "115"
    assert frame.iloc[1]["Behaald?"].endswith("Niet behaald")
    assert frame.iloc[2]["Gerealiseerd"] == "–"  # the target date has not come yet
    assert frame.iloc[2]["Behaald?"].endswith("Nog niet aan de orde")
    assert view.milestones_frame(ON, "en").iloc[1]["Met?"].endswith("Met")


def test_lower_is_better_milestones():
    item = _item(
        "LOW",
        [(D(2023, 12, 31), 60.0)],
        baseline=(D(2020, 12, 31), 100.0),
        target=(D(2026, 12, 31), 20.0),
        milestones=((D(2023, 12, 31), 70.0),),
        direction="lower",
    )
    assert view.milestones_frame(item, "nl").iloc[1]["Behaald?"].endswith("Behaald")


def test_chart_frame_has_a_row_per_date_with_trajectory_actual_and_projection():
    frame = view.chart_frame(OFF, "nl")
    assert list(frame.columns) == ["Datum", "Soort", "Koers naar doel", "Gerealiseerd", "Prognose"]
    dates = [d.replace(i18n.WORD_JOINER, "") for d in frame["Datum"]]
    assert dates == ["31-12-2020", "31-12-2021", "31-12-2022", "31-12-2023", "31-12-2026"]
    last = frame.iloc[-1]
    assert last["Soort"] == "Doel" and last["Gerealiseerd"] == "–" and last["Prognose"] != "–"
    assert frame.iloc[3]["Prognose"] == "115"  # the projection starts at the latest value


def test_markdown_from_the_database_is_shown_as_typed():
    assert view.escape_markdown("Fonds $5 *nu* [x](y) - a_b") == r"Fonds \$5 \*nu\* \[x\]\(y\) \- a\_b"
    assert view.safe_url("https://raad.example.nl/stuk/1") == "https://raad.example.nl/stuk/1"
    assert view.safe_url("javascript:alert(1)") is None
    assert view.safe_url(float("nan")) is None
    linked = view.document_text("Raadsvoorstel [1]", "https://raad.example.nl/1", "nl")
    assert linked == r"**Vastgesteld in:** [Raadsvoorstel \[1\]](https://raad.example.nl/1)"
    # No English title: the Dutch one, marked as Dutch for a screen reader.
    assert (
        view.document_text("Raadsvoorstel", None, "en") == '**Set in:** <span lang="nl">Raadsvoorstel</span>'
    )
    assert view.document_text("Raadsvoorstel", None, "en", "Council <b>") == r"**Set in:** Council \<b\>"
    assert (
        view.document_text("Raadsvoorstel", None, "nl", "Council proposal")
        == "**Vastgesteld in:** Raadsvoorstel"
    )


def _notes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ambition_code": ["OFF", "OFF"],
            "subject_kind": ["ambition", "programme"],
            "subject_code": ["OFF", "P1"],
            "period_start": pd.to_datetime(["2023-01-01", "2024-01-01"]),
            "period_end": pd.to_datetime(["2023-12-31", "2024-06-30"]),
            "body": ["Vertraging *bouw*", "Partner nam het over"],
        }
    )


def test_note_lines_and_chart_periods_are_numbered_alike():
    lines = view.note_lines(_notes(), {"P1": "Impacthub"}, "nl")
    assert lines[0] == r"**Ambitie, 01-01-2023 t/m 31-12-2023:** Vertraging \*bouw\*"
    assert lines[1].startswith("**Programma Impacthub, 01-01-2024 t/m 30-06-2024:**")
    assert view.chart_notes(_notes()) == [(D(2023, 1, 1), D(2023, 12, 31)), (D(2024, 1, 1), D(2024, 6, 30))]
    # On the English page the Dutch note is marked as Dutch (WCAG 3.1.2), still shown as typed.
    english = view.note_lines(_notes(), {"P1": "Impacthub"}, "en")
    assert (
        english[0]
        == r'**Ambition, 1 Jan 2023 to 31 Dec 2023, in Dutch:** <span lang="nl">Vertraging \*bouw\*</span>'
    )


def _programmes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ambition_code": ["OFF", "OFF"],
            "programme_code": ["P1", "P2"],
            "programme_name": ["Impacthub", "Fonds"],
            "instrument_nl": ["Werkruimte", "Impactfonds"],
            "instrument_en": ["Workspace", "Impact fund"],
            "lead": ["municipality", "partner"],
            "partner_name": [None, "Stichting X"],
            "last_year": [2025, 2025],
            "budget_total": [1_000_000.0, 500_000.0],
            "spend_total": [900_000.0, 400_000.0],
            "budget_last_year": [200_000.0, 100_000.0],
            "spend_last_year": [150_000.0, 90_000.0],
        }
    )


def test_programmes_sentence_adds_up_budget_and_spend():
    text = view.programmes_sentence(_programmes(), D(2026, 9, 30), "nl")
    nbsp = i18n.NBSP
    assert text.startswith(
        f"2 programma's dienen deze ambitie: samen €{nbsp}1,5{nbsp}mln. begroot t/m 2026 en €{nbsp}1,3{nbsp}mln."
    )
    assert text.endswith(f"In 2025: €{nbsp}300.000 begroot en €{nbsp}240.000 uitgegeven (80%).")
    one = view.programmes_sentence(_programmes().iloc[0:1], D(2026, 9, 30), "en")
    assert one.startswith("One programme serves this ambition: €1M budgeted to 2026 and €900,000 spent")
    assert view.programmes_sentence(_programmes().iloc[0:0], D(2026, 9, 30), "en") == (
        "No programmes are linked to this ambition."
    )


def test_programmes_frame_in_english():
    frame = view.programmes_frame(_programmes(), D(2026, 9, 30), "en")
    assert list(frame.columns)[:3] == ["Programme", "Instrument", "Run by"]
    assert [v.replace("\\", "") for v in frame["Run by"]] == ["Municipality", "Partner: Stichting X"]
    assert frame.iloc[0]["Budget 2025"] == "€200,000"
    assert list(frame["Instrument"]) == ["Workspace", "Impact fund"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_detail_chart_names_every_series_in_the_page_language(lang):
    fig = chart_ambitions.ambition_detail_figure(OFF, lang, [(D(2023, 1, 1), D(2023, 12, 31))])
    spec = json.loads(fig.to_json())
    names = [t["name"] for t in spec["data"]]
    assert names == [
        i18n.t(k, lang)
        for k in ("trajectory", "amb_baseline", "amb_milestone", "target", "actual", "projection")
    ]
    colours = {t["line"]["color"] for t in spec["data"] if t.get("mode") != "markers"}
    assert colours <= set(charts.PALETTE) | {charts.TRAJECTORY}
    assert spec["layout"]["yaxis"]["title"]["text"] == i18n.t("amb_unit_count", lang)
    assert spec["layout"]["separators"] == charts.separators(lang)
    assert spec["layout"]["annotations"][0]["text"] == i18n.t("amb_chart_note", lang, n=1)
    hover = " ".join(" ".join(t.get("customdata") or []) for t in spec["data"])
    assert i18n.fmt_date(D(2023, 12, 31), lang) in hover


def test_detail_chart_without_actual_values_still_shows_the_trajectory():
    spec = json.loads(chart_ambitions.ambition_detail_figure(EMPTY, "nl").to_json())
    assert [t["name"] for t in spec["data"]] == ["Koers naar doel", "Nulmeting", "Mijlpaal", "Doel"]


def test_small_fte_counts_keep_a_decimal_so_a_missed_milestone_does_not_look_met():
    assert view.value_text(1.8, "fte", "nl") == f"1,8{i18n.NBSP}fte"
    assert view.value_text(6290, "fte", "en") == f"6,290{i18n.NBSP}fte"
    assert view.value_text(None, "fte", "nl") == "–"
    assert view.value_text(1234, "count", "nl") == "1.234"
