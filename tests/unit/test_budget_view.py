"""Budget page domain logic and charts: sentences, tables, escaping and figures, without Streamlit."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from impactdash import i18n
from impactdash.charts import base as charts
from impactdash.charts import budget as cb
from impactdash.texts import budget as budget_texts
from impactdash.views import budget as bv

NB = i18n.NBSP


def _per_year(rows):
    return pd.DataFrame(
        rows, columns=["year", "budget", "spend", "cofunding", "leverage", "figures_until", "is_complete"]
    )


PER_YEAR = _per_year(
    [
        (2024, 1_000_000.0, 900_000.0, 450_000.0, 0.5, dt.date(2024, 12, 31), True),
        (2025, 2_000_000.0, 2_100_000.0, 2_100_000.0, 1.0, dt.date(2025, 12, 31), True),
        (2026, 3_000_000.0, 1_000_000.0, 500_000.0, None, dt.date(2026, 9, 30), False),
    ]
)


def test_every_budget_text_has_both_languages_and_the_page_prefix():
    for key, value in budget_texts.TEXTS.items():
        assert key.startswith("budget_"), key
        assert set(value) == {"nl", "en"} and all(v.strip() for v in value.values()), key


def test_money_is_full_below_a_million_and_compact_above():
    assert bv.money(950_000, "nl") == f"€{NB}950.000"
    assert bv.money(950_000, "en") == "€950,000"
    assert bv.money(3_666_958.74, "nl") == f"€{NB}3,7{NB}mln."
    assert bv.money(None, "nl") == "–"


def test_leverage_reads_as_euros_per_euro():
    assert bv.per_euro(1.3131, "nl") == f"€{NB}1,31"
    assert bv.per_euro(1.3131, "en") == "€1.31"


def test_headline_says_spent_of_budgeted_with_the_share():
    row = PER_YEAR.iloc[2]
    assert bv.headline(row, 2026, None, "nl") == (
        f"2026: €{NB}1{NB}mln. uitgegeven van €{NB}3{NB}mln. begroot (33%)"
    )
    assert bv.headline(row, 2026, "Impactfonds", "en").startswith("2026, Impactfonds: €1M spent of €3M")


def test_headline_without_budget_or_without_row():
    row = PER_YEAR.iloc[0].copy()
    row["budget"] = None
    assert "geen begroting vastgelegd" in bv.headline(row, 2024, None, "nl")
    assert bv.headline(None, 2024, None, "en") == "2024: No data for this selection."


def test_per_year_sentence_uses_completed_years_only():
    # 2024 and 2025: 3.0 mln spent of 3.0 mln budgeted -> 100%; 2026 is left out.
    text = bv.per_year_sentence(PER_YEAR, "en")
    assert (
        text
        == "The budget went from €1M in 2024 to €3M in 2026; over the completed years 100% of it was spent."
    )
    assert "afgesloten jaar" in bv.per_year_sentence(PER_YEAR.iloc[2:], "nl")


def test_per_year_table_marks_the_open_year_and_formats_amounts():
    table = bv.per_year_table(PER_YEAR, "nl")
    assert list(table.columns) == ["Jaar", "Begroot", "Uitgegeven", "Uitputting"]
    assert list(table["Jaar"]) == ["2024", "2025", "2026*"]
    assert table["Begroot"].iloc[0] == f"€{NB}1.000.000"
    assert table["Uitputting"].iloc[1] == "105%"
    assert bv.partial_note(PER_YEAR, "nl") == "2026*: uitgaven tot en met 30-09-2026."
    assert bv.partial_note(PER_YEAR.iloc[:2], "nl") is None


MOMENTS = pd.DataFrame(
    {
        "moment": ["original", "spring", "autumn", "final"],
        "step": [1, 2, 3, 4],
        "budget": [6_000_000.0, 6_100_000.0, 6_096_000.0, 6_074_000.0],
        "spend": [5_849_728.06] * 4,
    }
)


def test_moments_sentence_names_first_and_last_moment_with_the_change():
    assert bv.moments_sentence(MOMENTS, 2025, "nl") == (
        f"2025: primitieve begroting €{NB}6.000.000, bijgesteld tot €{NB}6.074.000 bij de jaarrekening (+1%);"
        f" €{NB}5,8{NB}mln. uitgegeven."
    )
    assert "not revised yet" in bv.moments_sentence(MOMENTS.iloc[:1], 2025, "en")
    same = MOMENTS.assign(budget=6_000_000.0)
    assert "unchanged at the final accounts" in bv.moments_sentence(same, 2025, "en")
    assert bv.moments_sentence(MOMENTS.iloc[:0], 2025, "nl") == i18n.t("no_data_selection", "nl")


def test_moments_table_lists_every_moment_and_the_spend():
    table = bv.moments_table(MOMENTS, "en")
    assert list(table.iloc[:, 0]) == [
        "Original budget",
        "Spring amendment",
        "Autumn amendment",
        "Final accounts",
        "Spent",
    ]
    assert table.iloc[-1, 1] == "€5,849,728"


BREAKDOWN = pd.DataFrame(
    {
        "label": ["Impactfonds", "Hub *groot*"],
        "budget": [800_000.0, 200_000.0],
        "spend": [700_000.0, 260_000.0],
    }
)


def test_breakdown_sentence_names_the_largest_budget_and_counts_overspending():
    text = bv.breakdown_sentence(BREAKDOWN, 2025, "instrument", "nl")
    assert text == (
        f"2025: het grootste budget heeft Impactfonds (€{NB}800.000, 80% van €{NB}1{NB}mln.);"
        " bij 1 van de 2 instrumenten is meer uitgegeven dan begroot."
    )
    single = bv.breakdown_sentence(BREAKDOWN.iloc[:1], 2025, "programme", "en")
    assert single == "2025: only Impactfonds has a budget (€800,000); 88% of it was spent."


def test_breakdown_table_marks_overspending_with_a_word_not_only_colour():
    table = bv.breakdown_table(BREAKDOWN, "Instrument", "nl")
    assert list(table.columns) == ["Instrument", "Begroot · uitgegeven · uitputting"]
    assert table.iloc[:, 1].tolist() == [
        f"€{NB}800.000 begroot · €{NB}700.000 uitgegeven · 88%",
        f"€{NB}200.000 begroot · €{NB}260.000 uitgegeven · 130% ▲ boven begroting",
    ]
    assert table["Instrument"].iloc[1] == r"Hub \*groot\*", "names from the data are shown as typed"


CUMULATIVE = pd.DataFrame(
    {
        "month": [1, 2, 3],
        "period_end": pd.to_datetime(["2026-01-31", "2026-02-28", "2026-03-31"]),
        "spend": [100.0, 50.0, 400.0],
        "cumulative_spend": [100.0, 150.0, 550.0],
        "budget": [3650.0] * 3,
        "even_spend": [310.0, 590.0, 900.0],
    }
)


def test_cumulative_points_start_at_zero_on_the_first_of_january():
    points = bv.cumulative_points(CUMULATIVE, 2026)
    assert points["period_end"].iloc[0] == dt.date(2026, 1, 1)
    assert points["cumulative_spend"].iloc[0] == 0 and points["even_spend"].iloc[0] == 0
    assert len(points) == 4


def test_cumulative_sentence_so_far_and_for_a_completed_year():
    so_far = bv.cumulative_sentence(CUMULATIVE, 2026, False, "en")
    assert so_far.startswith("Up to 31 Mar 2026, €550 was spent;") and "Spend is 61% of that." in so_far
    done = bv.cumulative_sentence(CUMULATIVE, 2026, True, "nl")
    # The largest gap to the even line: 590 - 150 = 440 at the end of February.
    assert done == (
        f"2026: €{NB}550 uitgegeven, 15% van de begroting. De grootste achterstand op gelijkmatige besteding"
        f" was eind februari: €{NB}440."
    )
    ahead = CUMULATIVE.assign(cumulative_spend=[400.0, 700.0, 950.0])
    assert "at or above even spending" in bv.cumulative_sentence(ahead, 2026, True, "en")
    none = CUMULATIVE.assign(budget=None, even_spend=None)
    assert "no budget is recorded" in bv.cumulative_sentence(none, 2026, False, "en")


def test_leverage_sentence_compares_latest_and_first_year():
    frame = pd.DataFrame(
        {"year": [2018, 2025], "spend": [1.0, 2.0], "cofunding": [0.4, 2.6], "leverage": [0.4, 1.3]}
    )
    assert bv.leverage_sentence(frame, "en") == (
        "In 2025, every municipal euro spent came with €1.30 of external co-funding; in 2018 it was €0.40."
    )
    assert list(bv.leverage_table(frame, "en").columns) == [
        "Year",
        "Spent",
        "Co-funding",
        "Leverage (€ per € spent)",
    ]
    table = bv.leverage_table(frame, "nl", frame.iloc[1:], "Impactfonds")
    assert list(table.columns) == ["Jaar", "Hele impactpijler", "Impactfonds"]
    assert table.iloc[:, -1].tolist() == ["–", f"€{NB}1,30"]


LINES = pd.DataFrame(
    {
        "entry_ref": ["X-2", "X-1"],
        "booking_date": pd.to_datetime(["2026-09-25", "2026-01-06"]),
        "description": ["=HYPERLINK(evil)", "Credit [note](http://x)"],
        "amount": [77_443.0, -1_250.5],
        "counterparty_kind": ["impact_enterprise", "supplier"],
        "total_lines": [1200, 1200],
        "total_amount": [1_234_567.0, 1_234_567.0],
    }
)


def test_lines_sentence_says_when_only_the_newest_lines_are_shown():
    text = bv.lines_sentence(LINES, "Fonds", 2026, "nl")
    assert text == (
        f"Fonds, 2026: 1.200 boekingen, samen €{NB}1.234.567. De 2 meest recente boekingen staan hieronder."
    )
    complete = LINES.assign(total_lines=2)
    assert "meest recente" not in bv.lines_sentence(complete, "Fonds", 2026, "nl")


def test_lines_table_is_localised_and_escapes_markdown():
    table = bv.lines_table(LINES, "nl")
    assert list(table.columns) == ["Datum", "Omschrijving · ontvanger", "Bedrag"]
    # Word joiners after the hyphens keep a date on one line in a narrow column.
    joined = "-\u2060"
    assert table["Datum"].tolist() == [f"25{joined}09{joined}2026", f"06{joined}01{joined}2026"]
    assert table["Bedrag"].tolist() == [f"€{NB}77.443,00", f"-€{NB}1.250,50"]
    assert table.iloc[0, 1] == r"=HYPERLINK\(evil\) · impactondernemer"
    assert table.iloc[1, 1] == r"Credit \[note\]\(http\://x\) · leverancier"


def test_line_pages_split_in_pages_of_page_rows():
    assert bv.line_pages(120, "nl") == {0: "1–50", 50: "51–100", 100: "101–120"}
    assert bv.line_pages(3, "en") == {0: "1–3"}


def test_lead_text_keeps_one_full_stop_after_an_abbreviation():
    partner = pd.Series({"lead": "partner", "partner_name": "Fondsbeheer B.V."})
    assert bv.lead_text(partner, "nl") == r"Uitgevoerd door partner Fondsbeheer B\.V\."
    own = pd.Series({"lead": "municipality", "partner_name": None})
    assert bv.lead_text(own, "en") == "Run by the municipality."


NOTES = pd.DataFrame(
    {
        "subject_kind": ["programme", "metric", "metric"],
        "subject_code": ["P1", "leverage_ratio", "spend_eur"],
        "programme_name": ["Netwerk", None, None],
        "period_start": [dt.date(2022, 7, 1), dt.date(2021, 1, 1), dt.date(2026, 1, 1)],
        "period_end": [dt.date(2023, 3, 31), dt.date(2025, 12, 31), dt.date(2026, 9, 30)],
        "body": ["Overgedragen.", "Hefboom stijgt.", "Nog niet compleet."],
    }
)


def test_notes_are_picked_by_subject_and_year():
    assert bv.notes_for(NOTES, "nl", "programme", {"P1"}, 2023) == [
        r"Toelichting bij Netwerk (01-07-2022 – 31-03-2023): Overgedragen\."
    ]
    assert bv.notes_for(NOTES, "nl", "programme", {"P1"}, 2024) == []
    assert bv.notes_for(NOTES, "en", "metric", bv.MONEY_NOTES, 2026) == [
        r'Note (1 Jan 2026 – 30 Sep 2026, in Dutch): <span lang="nl">Nog niet compleet\.</span>'
    ]
    assert len(bv.notes_for(NOTES, "nl", "metric", bv.LEVERAGE_NOTES)) == 1


@pytest.mark.parametrize(
    ("low", "high", "lang", "labels"),
    [
        (
            0,
            6_332_000,
            "nl",
            [
                "€\u00a00",
                "€\u00a02\u00a0mln.",
                "€\u00a04\u00a0mln.",
                "€\u00a06\u00a0mln.",
                "€\u00a08\u00a0mln.",
            ],
        ),
        (0, 954_000, "en", ["€0", "€250,000", "€500,000", "€750,000", "€1M"]),
    ],
)
def test_euro_ticks_are_round_and_localised(low, high, lang, labels):
    values, texts = cb.euro_ticks(low, high, lang)
    assert texts == labels
    assert values[0] == 0 and values[-1] >= high


def test_per_year_figure_uses_the_palette_and_marks_the_open_year():
    fig = cb.per_year_figure(PER_YEAR, "nl")
    assert [trace.name for trace in fig.data] == ["Begroot", "Uitgegeven"]
    assert list(fig.data[0].x) == ["2024", "2025", "2026*"]
    assert {trace.marker.color for trace in fig.data} <= set(charts.PALETTE)
    assert all("€" in text for text in fig.layout.yaxis.ticktext)
    assert cb.per_year_figure(PER_YEAR.iloc[:0], "nl") is None


def test_cumulative_figure_has_dutch_months_and_reaches_the_budget_on_31_december():
    fig = cb.cumulative_figure(CUMULATIVE, 2026, "nl")
    even, spent = fig.data
    assert even.x[-1] == dt.date(2026, 12, 31) and even.y[-1] == 3650.0
    assert spent.x[0] == dt.date(2026, 1, 1) and spent.y[-1] == 550.0
    assert list(fig.layout.xaxis.ticktext)[:3] == ["jan", "feb", "mrt"]
    assert "31-03-2026" in spent.customdata[-1]


def test_breakdown_and_leverage_figures():
    fig = cb.breakdown_figure(BREAKDOWN, "en")
    assert fig.layout.yaxis.autorange == "reversed"
    assert fig.data[1].text[1] == "€260,000 · 130% ▲ over budget"
    frame = pd.DataFrame({"year": [2024, 2025], "leverage": [0.5, None]})
    lev = cb.leverage_figure(frame, "nl", frame, "Fonds")
    assert [trace.name for trace in lev.data] == ["Hele impactpijler", "Fonds"]
    assert list(lev.data[0].x) == ["2024"]
    assert cb.leverage_figure(frame.iloc[1:], "nl") is None


def test_bar_labels_stand_above_their_bars_so_a_phone_gives_the_bars_the_whole_width():
    # In a column to the left, "Talentontwikkeling en werk" left a 320 px phone's bars so little
    # room that the amounts beside them were cut off.
    fig = cb.breakdown_figure(BREAKDOWN, "nl")
    labels = list(fig.data[0].y)
    assert fig.layout.yaxis.showticklabels is False
    assert fig.layout.margin.l < 40  # no column for the labels
    notes = fig.layout.annotations
    assert [note.text for note in notes] == labels
    assert all(note.xref == "paper" and note.x == 0 and note.xanchor == "left" for note in notes)
    # Band i runs from i - 0.5 (top: the axis runs down) to i + 0.5; the label hangs from its
    # top, the bars start below the label's line and end inside the band.
    for i, note in enumerate(notes):
        assert note.yanchor == "top" and i - 0.5 <= note.y < i - 0.4
    assert all(bar.offset >= note.y + 0.2 for bar in fig.data for note in notes[:1])
    assert all(bar.offset + bar.width <= 0.5 for bar in fig.data)
    assert charts.contrast_ratio(notes[0].font.color) >= 4.5


def test_names_from_the_data_cannot_inject_html_into_a_figure():
    evil = BREAKDOWN.assign(label=['<a href="https://x">Fonds</a>', "Hub"])
    fig = cb.breakdown_figure(evil, "nl")
    assert fig.data[0].y[0] == "&lt;a href=&quot;https://x&quot;&gt;Fonds&lt;/a&gt;"
    assert fig.layout.annotations[0].text == fig.data[0].y[0]  # the label shown above the bars
    frame = pd.DataFrame({"year": [2024], "leverage": [0.5]})
    assert cb.leverage_figure(frame, "nl", frame, "<b>F</b>").data[1].name == "&lt;b&gt;F&lt;/b&gt;"


def test_markdown_is_escaped():
    assert bv.md("a*b_[c](d)") == r"a\*b\_\[c\]\(d\)"
    assert bv.md("Gewoon tekst") == "Gewoon tekst"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_instrument_labels_say_what_each_label_says(lang):
    instruments = pd.DataFrame(
        {"code": ["LOAN", "GRANT"], "name_nl": ["Lening", "Subsidie"], "name_en": ["Loan", "Grant"]}
    )
    labels = bv.instrument_labels(instruments, lang)
    assert list(labels) == [bv.ALL, "LOAN", "GRANT"]
    assert labels == {code: bv.instrument_label(instruments, code, lang) for code in labels}
