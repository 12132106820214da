"""The ecosystem page's domain logic and figures: sentences, tables, notes, ticks, charts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from impactdash import i18n
from impactdash.charts import ecosystem as chart_ecosystem
from impactdash.measures import metrics, progress
from impactdash.store import db
from impactdash.views import ambitions as ambitions_view
from impactdash.views import ecosystem

CONNECTIONS = pd.DataFrame(
    {
        "year": [2023, 2024, 2025],
        "made": [100, 1200, 160],
        "through_programme": [25, 600, 90],
        "other": [75, 600, 70],
        "programme_pct": [25.0, 50.0, 56.25],
    }
)
LEAD = pd.DataFrame(
    {
        "year": [2024, 2025],
        "partner_led": [1, 9],
        "municipality_led": [4, 4],
        "programmes": [5, 13],
        "partner_pct": [20.0, 100 * 9 / 13],
    }
)
NODES = pd.DataFrame(
    {
        "code": ["A", "B", "C", "D"],
        "name": ["Alfa", "Beta", "Gamma", "Delta"],
        "kind": ["impact_enterprise", "impact_enterprise", "financier", "corporate"],
        "degree": [3, 2, 2, 1],
        "total_organisations": [1250] * 4,
        "total_connections": [4321] * 4,
        "kind_total": [1100, 1100, 90, 60],
        "kind_connections": [3000, 3000, 900, 400],
    }
)
EDGES = pd.DataFrame(
    {
        "source": ["A", "A", "B"],
        "target": ["B", "C", "D"],
        "connections": [2, 1, 1],
        "through_programme": [1, 0, 1],
        "total_pairs": [3, 3, 3],
    }
)


def _item(cumulative: bool = False, values=((dt.date(2024, 12, 31), 300.0), (dt.date(2025, 12, 31), 400.0))):
    ambition = metrics.Ambition(
        baseline=metrics.Point(dt.date(2020, 12, 31), 100.0),
        target=metrics.Point(dt.date(2030, 12, 31), 1100.0),
        cumulative=cumulative,
    )
    observed = [metrics.Point(d, v) for d, v in values]
    return progress.AmbitionProgress(
        code="X-A",
        metric_code="impact_enterprises",
        unit="count",
        name_nl="Impactondernemingen",
        name_en="Impact enterprises",
        headline=True,
        document="Impactagenda",
        ambition=ambition,
        series=metrics.actual_series(ambition, observed),
        assessment=metrics.assess(ambition, observed),
    )


def test_connections_sentence_compares_the_latest_year_with_the_first():
    assert ecosystem.connections_sentence(CONNECTIONS, "nl") == (
        "In 2025 zijn 160 nieuwe verbindingen gelegd, waarvan 90 via een gemeentelijk programma (56%);"
        " in 2023 was dat 25%."
    )
    assert ecosystem.connections_sentence(CONNECTIONS.iloc[[1]], "en") == (
        "In 2024, 1,200 new connections were made, 600 of them through a municipal programme (50%)."
    )


def test_lead_sentence_gives_counts_and_share():
    assert ecosystem.lead_sentence(LEAD, "nl") == (
        "In 2025 werden 9 van de 13 lopende programma's door een partner geleid (69%);"
        " in 2024 was dat 1 van de 5 (20%)."
    )
    assert "led by a partner (69%)" in ecosystem.lead_sentence(LEAD, "en")


def test_ambition_sentence_has_latest_expected_target_and_outlook():
    text = ecosystem.ambition_sentence(_item(), "nl")
    assert text.startswith("Laatste waarde 400 op 31-12-2025; volgens de koers was 600 verwacht.")
    assert "Doel: 1.100 op 31-12-2030." in text
    # The outlook is the one status rule's reason: behind the path, and the pace reaches the target late.
    assert text.replace(i18n.WORD_JOINER, "").endswith(
        " Achter op de koers, en bij het tempo van de laatste 3 waarden wordt het doel van 1.100 pas rond"
        " 29-12-2032 gehaald, na de doeldatum 31-12-2030."
    )
    assert text.endswith(ambitions_view.status_reason(_item(), "nl"))


def test_cumulative_ambition_sentence_says_it_adds_up():
    text = ecosystem.ambition_sentence(_item(cumulative=True), "en")
    assert text.startswith("Added up since 31 Dec 2020: 800 up to 31 Dec 2025")


def test_ambition_without_values_says_so():
    text = ecosystem.ambition_sentence(_item(values=()), "nl")
    assert text == "Nog geen waarden sinds het vertrekpunt; doel: 1.100 op 31-12-2030."


def test_ambition_table_merges_trajectory_and_actuals_by_date():
    table = ecosystem.ambition_table(_item(), "nl")
    assert list(table.columns) == ["Datum", "Reeks", "Waarde"]
    assert table.iloc[0].tolist() == ["31-12-2020", "Koers naar doel", "100"]
    assert table.iloc[-1].tolist() == ["31-12-2030", "Koers naar doel", "1.100"]
    assert ["31-12-2025", "Gerealiseerd", "400"] in table.values.tolist()


def test_display_tables_have_localised_headers_and_numbers():
    table = ecosystem.connections_table(CONNECTIONS, "nl")
    assert list(table.columns) == [
        "Jaar",
        "Verbindingen",
        "Via een programma",
        "Overig",
        "Aandeel via programma",
    ]
    assert table.iloc[1].tolist() == ["2024", "1.200", "600", "600", "50%"]
    lead = ecosystem.lead_table(LEAD, "en")
    assert list(lead.columns) == [
        "Year",
        "Led by a partner",
        "Led by the municipality",
        "Programmes",
        "Partner share",
    ]
    assert lead.iloc[1].tolist() == ["2025", "9", "4", "13", "69%"]


def test_kind_table_counts_the_whole_network_largest_kind_first():
    table = ecosystem.kind_table(NODES, "nl")
    assert table.values.tolist() == [
        ["Impactonderneming", "1.100", "3.000"],
        ["Financier", "90", "900"],
        ["Groot bedrijf", "60", "400"],
    ]


def test_network_sentence_and_cap():
    text = ecosystem.network_sentence(NODES, EDGES, dt.date(2026, 9, 30), "nl")
    assert text == (
        "Op 30-09-2026 telt het netwerk 1.250 organisaties met 4.321 verbindingen tussen 3 paren;"
        " de meest voorkomende soort is impactonderneming (1.100)."
    )
    assert ecosystem.network_is_capped(NODES, EDGES)
    whole = NODES.assign(total_organisations=4)
    assert not ecosystem.network_is_capped(whole, EDGES)


def test_notes_by_measure_and_by_programme():
    notes = pd.DataFrame(
        {
            "metric_code": ["event_participants", None],
            "programme_code": [None, "P1"],
            "programme_name": [None, "Netwerk"],
            "period_start": [pd.Timestamp("2020-01-01"), pd.Timestamp("2022-07-01")],
            "period_end": [pd.Timestamp("2020-12-31"), pd.Timestamp("2023-03-31")],
            "body": ["Corona.", "Overgedragen."],
        }
    )
    assert [t.replace("\\", "") for t in ecosystem.note_texts(notes, "nl", "event_participants")] == [
        "Toelichting (01-01-2020 – 31-12-2020): Corona."
    ]
    assert ecosystem.note_texts(notes, "nl", "network_size") == []
    assert [t.replace("\\", "") for t in ecosystem.note_texts(notes, "en")] == [
        'Note on Netwerk (1 Jul 2022 – 31 Mar 2023, in Dutch): <span lang="nl">Overgedragen.</span>'
    ]
    by_measure = ecosystem.note_texts_by_measure(notes, "nl")
    assert set(by_measure) == {"event_participants", None}
    assert by_measure["event_participants"] == ecosystem.note_texts(notes, "nl", "event_participants")
    assert by_measure[None] == ecosystem.note_texts(notes, "nl")


def test_latest_values_in_one_pass_equal_the_last_point_of_each_measure(demo_con):
    values = db.run_query(demo_con, "metric_values", municipality="GM0518")
    latest = progress.latest_values(values)
    assert set(latest) == set(values["metric_code"])
    for code in latest:
        last = progress.points(values, code)[-1]
        assert latest[code] == (last.date, last.value)


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 41_590_000, [0, 20_000_000, 40_000_000, 60_000_000]),
        (410, 1000, [0, 250, 500, 750, 1000]),
        (20, 72, [0, 20, 40, 60, 80]),
    ],
)
def test_nice_ticks(low, high, expected):
    assert ecosystem.nice_ticks(low, high) == expected


def test_every_kind_has_a_label_colour_and_its_own_shape():
    symbols = [symbol for symbol, _ in ecosystem.KINDS.values()]
    colours = [colour for _, colour in ecosystem.KINDS.values()]
    assert len(set(symbols)) == len(symbols) == 7
    assert len(set(colours)) == 7
    for kind in ecosystem.KINDS:
        assert ecosystem.kind_label(kind, "nl") != ecosystem.kind_label(kind, "en") or kind == "financier"


def test_network_figure_one_edge_path_and_a_legend_entry_per_kind():
    positions = ecosystem.spring_layout(
        NODES["code"].tolist(), list(zip(EDGES["source"], EDGES["target"], EDGES["connections"], strict=True))
    )
    fig = chart_ecosystem.network_figure(NODES, EDGES, positions, "nl")
    kinds = fig.data
    (edges,) = fig.layout.shapes
    assert edges.type == "path" and edges.layer == "below"
    assert edges.path.count("M") == len(EDGES)
    assert [t.name for t in kinds] == ["Impactonderneming (1.100)", "Financier (90)", "Groot bedrijf (60)"]
    assert len({t.marker.symbol for t in kinds}) == 3
    assert "Alfa<br>Impactonderneming · 3 verbindingen" in kinds[0].customdata


def test_bar_figures_are_localised_and_patterned():
    fig = chart_ecosystem.connections_figure(CONNECTIONS, "nl")
    assert [t.name for t in fig.data] == ["Via een programma", "Overig"]
    assert fig.data[1].marker.pattern.shape == "/"
    # Hatching over the bar's colour, not instead of it (that drew nothing visible).
    assert fig.data[1].marker.pattern.fillmode == "overlay"
    assert fig.data[0].customdata[1] == "600 van 1.200 verbindingen (50%)"
    assert fig.layout.separators == ",."
    lead = chart_ecosystem.lead_figure(LEAD, "en")
    assert [t.name for t in lead.data] == ["Led by a partner", "Led by the municipality"]
    assert lead.data[0].customdata[1] == "9 of 13 programmes (69%)"


def test_ambition_figure_ticks_in_the_page_language():
    item = _item()
    item = progress.AmbitionProgress(**{**item.__dict__, "unit": "eur"})
    fig = chart_ecosystem.ambition_figure(item, "nl")
    assert list(fig.layout.yaxis.tickvals) == [0, 500, 1000, 1500]
    assert list(fig.layout.yaxis.ticktext) == ["€\u00a00", "€\u00a0500", "€\u00a01.000", "€\u00a01.500"]
    assert fig.layout.xaxis.hoverformat == "%d-%m-%Y"


def test_network_of_one_unconnected_organisation():
    one = NODES.iloc[[2]].assign(total_organisations=1, total_connections=0, kind_total=1, kind_connections=0)
    none = EDGES.iloc[0:0]
    text = ecosystem.network_sentence(one, none, dt.date(2026, 9, 30), "en")
    assert "0 connections between 0 pairs; the most common kind is financier (1)." in text
    assert not ecosystem.network_is_capped(one, none)
    fig = chart_ecosystem.network_figure(one, none, ecosystem.spring_layout(["C"], []), "en")
    assert list(fig.data[0].x) == [0.0] and not fig.layout.shapes


def test_text_typed_by_editors_never_becomes_markup():
    notes = pd.DataFrame(
        {
            "metric_code": ["network_size", None],
            "programme_code": [None, "P1"],
            "programme_name": [None, "[Klik](https://elders.example)"],
            "period_start": [pd.Timestamp("2025-01-01")] * 2,
            "period_end": [pd.Timestamp("2025-12-31")] * 2,
            "body": ["![x](https://elders.example/pixel.png) $x$", "<b>vet</b>"],
        }
    )
    (metric_note,) = ecosystem.note_texts(notes, "nl", "network_size")
    assert "\\!\\[x\\]" in metric_note and "\\$x\\$" in metric_note
    (programme_note,) = ecosystem.note_texts(notes, "nl")
    assert "\\[Klik\\]" in programme_note and "\\<b\\>" in programme_note
    named = NODES.assign(name=["<img src=x onerror=alert(1)>", "B", "C", "D"])
    fig = chart_ecosystem.network_figure(named, EDGES, ecosystem.spring_layout(list(named["code"]), []), "nl")
    assert fig.data[0].customdata[0].startswith("&lt;img src=x onerror=alert(1)&gt;<br>")
