"""The Budget and spend page in both languages: renders, right charts, figures equal the ledger."""

from __future__ import annotations

import json
import re

import pytest

from impactdash import i18n
from impactdash.store import db
from impactdash.views import budget as bv

PAGE = "app_pages/budget.py"
#: Words and number formats that would betray English on the Dutch page.
ENGLISH = re.compile(
    r"\b(Spent|spend|Spend|spending|Leverage|Original budget|Spring amendment|Autumn amendment|Final accounts"
    r"|Whole impact pillar|Co-funding|co-funding|per year|Data as a table|No data|Programme|Year|Date"
    r"|Jan|Mar|May|Sep|Oct|Dec|million)\b|\d[.,]?\d*[MK]\b"
)
DUTCH = re.compile(
    r"\b(Begroting|Begroot|Uitgegeven|uitgegeven|Hefboom|Boekingen|Toelichting bij|Jaar|mln)\b"
)


def _spec(chart) -> dict:
    return json.loads(chart.proto.spec)


def _spec_texts(spec: dict) -> list[str]:
    """Every text a visitor can see in a figure: names, bar texts, hover texts, tick and category labels."""
    found: list[str] = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in {
            "name",
            "text",
            "customdata",
            "ticktext",
            "hovertemplate",
            "x",
            "y",
        }:
            found.append(node)

    walk(spec)
    return found


def _texts(at) -> list[str]:
    texts = [e.value for e in (*at.title, *at.header, *at.markdown, *at.caption)]
    texts += [s.label for s in at.selectbox] + [e.label for e in at.expander]
    texts += [str(c) for table in at.table for c in table.value.columns]
    texts += [t for chart in at.get("plotly_chart") for t in _spec_texts(_spec(chart))]
    return texts


def _bold(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**"))


def _run(at, key: str, value):
    at.selectbox(key=key).set_value(value).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _ledger(con, gm: str, year: int, instrument: str | None = None) -> tuple[float, float]:
    """Budget (latest moment) and spend up to the reporting date, summed straight from the tables."""
    budget = (
        con.cursor()
        .execute(
            "select sum(b.amount)::double from programme_year_budget b join programme p on p.code = b.programme_code"
            " where p.municipality_code = $gm and b.year = $y and ($i is null or p.instrument_code = $i)",
            {"gm": gm, "y": year, "i": instrument},
        )
        .fetchone()[0]
    )
    spend = (
        con.cursor()
        .execute(
            "select sum(s.amount)::double from spend s join programme p on p.code = s.programme_code"
            " where p.municipality_code = $gm and year(s.booking_date) = $y"
            " and s.booking_date <= (select reporting_date from reporting_period)"
            " and ($i is null or p.instrument_code = $i)",
            {"gm": gm, "y": year, "i": instrument},
        )
        .fetchone()[0]
    )
    return budget, spend


@pytest.fixture
def demo(demo_db_file):
    con = db.connect(demo_db_file, read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("gm", ["GM0518", "GM0014"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_renders_five_charts_with_titles_and_summaries(app, lang, gm):
    at = app(lang, municipality=gm, page=PAGE)
    assert at.title[0].value.startswith(i18n.t("page_budget", lang))
    year = max(at.selectbox(key=f"budget_year_{gm}").options, key=int)
    assert [h.value for h in at.header] == [
        i18n.t("budget_per_year_title", lang),
        i18n.t("budget_moments_title", lang, year=year),
        i18n.t("budget_by_instrument_title", lang, year=year),
        i18n.t("budget_cumulative_title", lang, year=year),
        i18n.t("budget_leverage_title", lang),
        i18n.t("class_title", lang, year=year),
        i18n.t("budget_lines_title", lang, year=year),
    ]
    charts = at.get("plotly_chart")
    assert len(charts) == 6
    for chart in charts:
        spec = _spec(chart)
        assert spec["data"] and all(trace.get("x") or trace.get("y") for trace in spec["data"])
    assert len(at.expander) == 6, "every chart has its data as a table one click away"
    # ... and, beside each table, its CSV and Excel downloads (the files: tests/unit/test_drilldown.py)
    downloads = [b.proto.label for b in at.get("download_button")]
    assert downloads.count(i18n.t("download_table_csv", lang)) == 6
    assert downloads.count(i18n.t("download_table_xlsx", lang)) == 6
    assert ("illustratief" if lang == "nl" else "illustrative") in " ".join(i.value for i in at.info)


@pytest.mark.parametrize("gm", ["GM0518", "GM0014"])
def test_headline_equals_the_ledger(app, demo, gm):
    at = app("nl", municipality=gm, page=PAGE)
    year = int(at.selectbox(key=f"budget_year_{gm}").value)
    budget, spend = _ledger(demo, gm, year)
    assert budget > 0 and spend > 0
    pct = i18n.fmt_pct(100 * spend / budget, "nl")
    assert (
        _bold(at)
        == f"**{year}: {bv.money(spend, 'nl')} uitgegeven van {bv.money(budget, 'nl')} begroot ({pct})**"
    )
    # The per-year chart draws the same numbers.
    per_year = _spec(at.get("plotly_chart")[0])["data"]
    assert per_year[0]["y"][-1] == pytest.approx(budget) and per_year[1]["y"][-1] == pytest.approx(spend)


def test_instrument_filter_narrows_every_figure(app, demo):
    at = _run(app("en", municipality="GM0518", page=PAGE), "budget_instrument_GM0518", "impact_hub")
    _run(at, "budget_year_GM0518", 2025)
    budget, spend = _ledger(demo, "GM0518", 2025, "impact_hub")
    assert _bold(at) == (
        f"**2025, Impact hub and workspace: {bv.money(spend, 'en')} spent of {bv.money(budget, 'en')} budgeted"
        f" ({i18n.fmt_pct(100 * spend / budget, 'en')})**"
    )
    headers = [h.value for h in at.header]
    assert "Budget and spend per programme of Impact hub and workspace, 2025" in headers
    charts = at.get("plotly_chart")
    breakdown = _spec(charts[2])["data"][0]
    assert set(breakdown["y"]) == {"Impacthubs Binckhorst en Centrum", "Impactvastgoed Zuidwest en Ypenburg"}
    assert sum(breakdown["x"]) == pytest.approx(budget)
    leverage = _spec(charts[4])["data"]
    assert [trace["name"] for trace in leverage] == ["Whole impact pillar", "Impact hub and workspace"]


def test_a_completed_year_shows_every_planning_and_control_moment(app, demo):
    at = _run(app("nl", municipality="GM0518", page=PAGE), "budget_year_GM0518", 2025)
    moments = _spec(at.get("plotly_chart")[1])["data"][0]
    assert moments["y"] == [
        "Primitieve begroting",
        "Voorjaarsnota",
        "Najaarsnota",
        "Jaarrekening",
        "Uitgegeven",
    ]
    budget, spend = _ledger(demo, "GM0518", 2025)
    assert moments["x"][3] == pytest.approx(budget) and moments["x"][4] == pytest.approx(spend)
    cumulative = _spec(at.get("plotly_chart")[3])["data"]
    assert cumulative[1]["y"][-1] == pytest.approx(spend), "cumulative spend ends at the year's spend"
    assert cumulative[0]["y"][-1] == pytest.approx(budget), "the even line ends at the year's budget"


@pytest.mark.parametrize("gm", ["GM0518", "GM0080"])
def test_dutch_page_shows_no_english(app, gm):
    at = app("nl", municipality=gm, page=PAGE)
    _run(at, f"budget_year_{gm}", 2024)
    offending = [text for text in _texts(at) if ENGLISH.search(text)]
    assert not offending, offending
    ticks = _spec(at.get("plotly_chart")[3])["layout"]["xaxis"]["ticktext"]
    assert ticks[:3] == ["jan", "feb", "mrt"]


def test_the_english_check_would_catch_the_english_page(app):
    at = app("en", municipality="GM0080", page=PAGE)
    caught = {m.group(0) for text in _texts(at) for m in ENGLISH.finditer(text)}
    assert {"Spent", "Leverage", "Original budget", "Jan"} <= caught, caught


def test_english_page_headings_are_english(app):
    at = app("en", municipality="GM0080", page=PAGE)
    headings = [e.value for e in (*at.title, *at.header)] + [s.label for s in at.selectbox]
    assert not [h for h in headings if DUTCH.search(h)], headings


def test_drill_down_shows_the_programmes_spend_lines(app, demo):
    at = _run(app("nl", municipality="GM0518", page=PAGE), "budget_year_GM0518", 2025)
    _run(at, "budget_programme_GM0518_2025_all", "DH-P03")
    count, total = (
        demo.cursor()
        .execute(
            "select count(*), sum(amount)::double from spend"
            " where programme_code = 'DH-P03' and year(booking_date) = 2025"
        )
        .fetchone()
    )
    sentence = next(m.value for m in at.markdown if m.value.startswith("Impacthubs Binckhorst"))
    assert sentence.startswith(
        f"Impacthubs Binckhorst en Centrum, 2025: {count} boekingen, samen {i18n.fmt_eur(total, 'nl')}."
    )
    lines = at.table[-1].value
    assert list(lines.columns) == ["Datum", "Omschrijving · ontvanger", "Bedrag"]
    assert len(lines) == min(count, bv.PAGE_ROWS)


def test_a_long_ledger_is_limited_with_a_note_and_paged(app, monkeypatch):
    monkeypatch.setattr(bv, "MAX_LINES", 15)
    monkeypatch.setattr(bv, "PAGE_ROWS", 10)
    at = _run(app("en", municipality="GM0518", page=PAGE), "budget_year_GM0518", 2025)
    _run(at, "budget_programme_GM0518_2025_all", "DH-P03")
    sentence = next(m.value for m in at.markdown if m.value.startswith("Impacthubs Binckhorst"))
    assert "The 15 most recent lines are shown below." in sentence
    rows = at.selectbox(key="budget_rows_DH-P03")
    assert rows.options == ["1–10", "11–15"]
    assert len(at.table[-1].value) == 10
    _run(at, "budget_rows_DH-P03", 10)
    assert len(at.table[-1].value) == 5


def test_public_notes_are_shown_and_internal_ones_never(app, demo):
    internal = [
        r[0] for r in demo.cursor().execute("select body from note where visibility = 'internal'").fetchall()
    ]
    at = app("nl", municipality="GM0518", page=PAGE)
    captions = " ".join(c.value for c in at.caption)
    assert (
        "Toelichting" in captions and "het jaar is nog niet compleet" in captions
    )  # public spend note, 2026
    _run(at, "budget_instrument_GM0518", "launching_customer")
    _run(at, "budget_year_GM0518", 2023)  # DH-P15 holds an internal note for 2022-2023
    lw = _run(app("nl", municipality="GM0080", page=PAGE), "budget_year_GM0080", 2024)
    lw_captions = " ".join(c.value for c in lw.caption)
    assert "Toelichting bij Watertech Impact Accelerator" in lw_captions  # public programme note, 2024
    for page_run in (at, lw):
        shown = " ".join(_texts(page_run)).replace("\\", "")
        for body in internal:
            assert body[:40] not in shown
