"""The Compare page: towns side by side, absolute and per 10,000 inhabitants, by year or pillar age."""

from __future__ import annotations

import json
import re

import pytest

from impactdash import i18n
from impactdash.measures import progress
from impactdash.safe_text import escape_markdown
from impactdash.store import db
from tests.app.conftest import read_table

PAGE = "app_pages/compare.py"
METRIC = "impact_enterprises"


def _open(app, lang="nl", gm="GM0518"):
    return app(lang, municipality=gm, page=PAGE)


def _set(at, kind, key, value):
    getattr(at, kind)(key=key).set_value(value)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _plain(text: str) -> str:
    """Undo the page's markdown escaping."""
    return re.sub(r"\\(.)", r"\1", text)


def _texts(at) -> str:
    return "\n".join(_plain(m.value) for m in at.markdown)


def _spec(at) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def _traces(at) -> dict[str, dict]:
    return {trace["name"]: trace for trace in _spec(at)["data"]}


def _sql(con, query, *params):
    return con.execute(query, list(params)).fetchall()


@pytest.fixture
def con(demo_db_file):
    connection = db.connect(demo_db_file, read_only=True)
    yield connection
    connection.close()


def _towns(con) -> list[tuple[str, str]]:
    return _sql(con, "select code, name from municipality order by pillar_start, name")


def _series(con, code: str, metric: str = METRIC) -> list[tuple[str, float]]:
    frame = db.run_query(con, "metric_values", municipality=code)
    frame = frame[frame["metric_code"] == metric]
    return [
        (d.date().isoformat(), float(v)) for d, v in zip(frame["period_end"], frame["value"], strict=True)
    ]


def _inhabitants(con, code: str, year: int) -> float:
    """Population of that year, else of the nearest recorded year (the earlier one on a tie)."""
    query = (
        "select inhabitants from population where municipality_code = ? order by abs(year - ?), year limit 1"
    )
    return float(_sql(con, query, code, year)[0][0])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("gm", ["GM0518", "GM0014"])
def test_one_line_per_town_with_the_values_of_the_sql(app, con, lang, gm):
    at = _open(app, lang, gm)
    traces = _traces(at)
    for code, name in _towns(con):
        expected = _series(con, code)
        assert expected, f"the demo data has {METRIC} for {name}"
        assert traces[name]["x"] == [d for d, _ in expected]
        assert traces[name]["y"] == pytest.approx([v for _, v in expected])
    ambition_towns = {
        row[0] for row in _sql(con, "select municipality_code from ambition where metric_code = ?", METRIC)
    }
    for code, name in _towns(con):
        ambition = i18n.t("compare_ambition_of", lang, name=name)
        assert (ambition in traces) == (code in ambition_towns), name
        if ambition in traces:
            assert traces[ambition]["line"]["dash"] == "dash"
            assert traces[ambition]["line"]["color"] == traces[name]["line"]["color"]
            assert traces[ambition]["marker"]["symbol"] == traces[name]["marker"]["symbol"] + "-open"
    assert len({t["marker"]["symbol"] for n, t in traces.items() if n in dict(_towns(con)).values()}) == 3


def test_sentence_gives_the_sql_figures_on_the_latest_common_date(app, con):
    at = _open(app, "nl")
    series = {name: dict(_series(con, code)) for code, name in _towns(con)}
    common = min(max(s) for s in series.values())
    text = _texts(at)
    assert f"Eind {common[:4]}:" in text
    for name, values in series.items():
        assert f"{name} {i18n.fmt_number(values[common], 'nl')}" in text


def test_per_capita_is_the_value_over_that_years_population(app, con):
    at = _set(_open(app, "nl"), "radio", "compare_scale", "per_capita")
    traces = _traces(at)
    for code, name in _towns(con):
        expected = [v / _inhabitants(con, code, int(d[:4])) * 10_000 for d, v in _series(con, code)]
        assert traces[name]["y"] == pytest.approx(expected)
    assert at.header[0].value == "Impactondernemingen per 10.000 inwoners"
    table = read_table(at.table[0])
    groningen_2025 = table[(table["Gemeente"] == "Groningen") & (table["Peildatum"] == "31-12-2025")].iloc[0]
    assert (
        groningen_2025["Inwoners (jaar)"]
        == f"{i18n.fmt_number(_inhabitants(con, 'GM0014', 2025), 'nl')} (2025)"
    )
    assert groningen_2025["Per 10.000 inwoners"] == i18n.fmt_number(
        dict(_series(con, "GM0014"))["2025-12-31"] / _inhabitants(con, "GM0014", 2025) * 10_000, "nl", 1
    )
    assert _spec(at)["layout"]["yaxis"]["title"]["text"] == "aantal per 10.000 inwoners"
    text = _texts(at)
    for code, name in _towns(con):
        series = _series(con, code)
        last = [v for d, v in series if d == "2025-12-31"][0]
        assert f"{name} {i18n.fmt_number(last / _inhabitants(con, code, 2025) * 10_000, 'nl', 1)}" in text


def test_aligned_by_years_since_the_start_of_the_pillar(app, con):
    at = _open(app, "nl")
    _set(at, "radio", "compare_scale", "per_capita")
    _set(at, "radio", "compare_axis", "since_start")
    traces = _traces(at)
    starts = dict(_sql(con, "select code, year(pillar_start) from municipality"))
    for code, name in _towns(con):
        # a yearly figure dated 31-12-Y is (Y + 1 - start year) years into a pillar started 1 January
        expected = [int(d[:4]) + 1 - starts[code] for d, _ in _series(con, code)]
        assert traces[name]["x"] == pytest.approx(expected)
    assert _spec(at)["layout"]["xaxis"]["title"]["text"] == "Jaren sinds de start van de impactpijler"
    # The youngest pillar (Leeuwarden) sets the age; the others are shown where they stood then.
    youngest_code, youngest = max(_towns(con), key=lambda t: starts[t[0]])
    last_date, last_value = _series(con, youngest_code)[-1]
    years = int(last_date[:4]) + 1 - starts[youngest_code]
    per_10k = last_value / _inhabitants(con, youngest_code, int(last_date[:4])) * 10_000
    text = _texts(at)
    assert (
        f"Na {years} jaar impactpijler: {youngest} {i18n.fmt_number(per_10k, 'nl', 1)} per 10.000 inwoners"
        in text
    )
    for code, name in _towns(con):
        if code == youngest_code:
            continue
        date = f"{starts[code] + years - 1}-12-31"
        value = dict(_series(con, code))[date] / _inhabitants(con, code, int(date[:4])) * 10_000
        assert f"{name} stond toen op {i18n.fmt_number(value, 'nl', 1)}" in text


def test_a_percentage_is_never_divided_by_population(app, con):
    at = _set(_open(app, "nl"), "radio", "compare_scale", "per_capita")
    _set(at, "selectbox", "compare_metric", "occupancy_pct")
    assert [w.label for w in at.radio] == ["Horizontale as"], "no per-capita choice for a percentage"
    assert at.header[0].value == "Bezettingsgraad"
    assert i18n.t("compare_no_per_capita", "nl") in _texts(at)
    traces = _traces(at)
    for code, name in _towns(con):
        assert traces[name]["y"] == pytest.approx([v for _, v in _series(con, code, "occupancy_pct")])
    assert _spec(at)["layout"]["yaxis"]["title"]["text"] == "procent"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_status_per_town_as_icon_and_word(app, con, lang):
    at = _open(app, lang)
    table = read_table(at.table[-1])
    rows = dict(
        zip(table[i18n.t("municipality", lang)], table[i18n.t("compare_col_status", lang)], strict=True)
    )
    for code, name in _towns(con):
        own = db.run_query(con, "ambitions", municipality=code)
        items = progress.build(
            own[own["metric_code"] == METRIC],
            db.run_query(con, "milestones", municipality=code),
            db.run_query(con, "metric_values", municipality=code),
        )
        if not items:
            assert rows[escape_markdown(name)] == "–"
            continue
        status = items[0].assessment.status.value
        assert rows[escape_markdown(name)] == f"{i18n.STATUS_ICON[status]} {i18n.status_label(status, lang)}"


def test_dutch_page_has_no_english_headings_axes_legends_or_columns(app):
    at = _open(app, "nl")
    assert [h.value for h in at.header] == ["Impactondernemingen", "De eigen ambitie van elke gemeente"]
    layout = _spec(at)["layout"]
    assert (layout["xaxis"]["title"]["text"], layout["yaxis"]["title"]["text"]) == ("Jaar", "aantal")
    names = [t["name"] for t in _spec(at)["data"]]
    assert any(n.startswith("Ambitie ") for n in names)
    assert not any("ambition" in n.lower() for n in names)
    columns = [c for table in at.table for c in read_table(table).columns]
    assert {"Gemeente", "Reeks", "Peildatum", "Waarde", "Doel", "Laatste waarde"} <= set(columns)
    english = {"Municipality", "Series", "Date", "Value", "Target", "Latest value", "Year", "Measure"}
    assert not english & set(columns)
    assert [w.label for w in at.radio] == ["Weergave", "Horizontale as"]


def test_english_page_is_english(app):
    at = _open(app, "en", "GM0014")
    assert [h.value for h in at.header] == ["Impact enterprises", "Each municipality's own ambition"]
    assert _spec(at)["layout"]["xaxis"]["title"]["text"] == "Year"
    assert "Eind " not in _texts(at) and "At the end of 2025:" in _texts(at)


def test_public_notes_shown_internal_notes_never(app, con):
    internal = [row[0] for row in _sql(con, "select body from note where visibility = 'internal'")]
    public_floor = _sql(
        con,
        "select n.body from note as n join ambition as a on a.code = n.subject_code"
        " where n.subject_kind = 'ambition' and n.visibility = 'public' and a.metric_code = 'impact_floor_m2'",
    )
    assert internal and public_floor
    at = _open(app, "nl")
    for metric in ("impact_floor_m2", "connections_made", "impact_team_fte", "occupancy_pct", "spend_eur"):
        _set(at, "selectbox", "compare_metric", metric)
        text = _texts(at)
        assert not [body for body in internal if body in text], metric
        if metric == "impact_floor_m2":
            assert all(body in text for (body,) in public_floor)


def test_no_town_chosen_says_so_instead_of_an_empty_chart(app):
    at = _set(_open(app, "nl"), "multiselect", "compare_towns", [])
    assert not at.get("plotly_chart")
    assert i18n.t("compare_pick_town", "nl") in [i.value for i in at.info]


def test_one_town_keeps_its_colour(app, con):
    at = _open(app, "nl")
    colours = {name: t["line"]["color"] for name, t in _traces(at).items()}
    code, name = _towns(con)[-1]
    _set(at, "multiselect", "compare_towns", [code])
    traces = _traces(at)
    assert traces[name]["line"]["color"] == colours[name]
    assert [n for n in traces if not n.startswith("Ambitie")] == [name]


def test_a_dutch_note_on_the_english_page_is_marked_as_dutch(app, con):
    """WCAG 3.1.2: a screen reader reads the note in Dutch, the words around it in English.

    A note without an English text (the demo's occupancy note), so the Dutch one is shown.
    """
    (body,) = _sql(
        con,
        "select n.body from note as n join ambition as a on a.code = n.subject_code where n.subject_kind ="
        " 'ambition' and n.visibility = 'public' and a.metric_code = 'occupancy_pct' and n.body_en is null"
        " limit 1",
    )[0]
    english = _set(_open(app, "en"), "selectbox", "compare_metric", "occupancy_pct")
    assert any(f'<span lang="nl">{escape_markdown(body)}</span>' in m.value for m in english.markdown)
    dutch = _set(_open(app, "nl"), "selectbox", "compare_metric", "occupancy_pct")
    assert not any("lang=" in m.value for m in dutch.markdown)
