"""The ecosystem page in both languages, for the large city and a northern one: content and figures."""

from __future__ import annotations

import json

import pytest

from impactdash import i18n
from impactdash.measures import progress
from impactdash.store import db
from impactdash.views import ecosystem

PAGE = "app_pages/ecosystem.py"
CASES = [("nl", "GM0518"), ("en", "GM0518"), ("nl", "GM0014"), ("en", "GM0080")]


@pytest.fixture(scope="module")
def expected(demo_db_file):
    """What the SQL says, per municipality: measures, ambitions, connections, network, programmes."""
    con = db.connect(demo_db_file, read_only=True)
    out = {}
    for gm in ("GM0518", "GM0014", "GM0080"):
        values = db.run_query(con, "metric_values", municipality=gm)
        items = progress.build(
            db.run_query(con, "ambitions", municipality=gm),
            db.run_query(con, "milestones", municipality=gm),
            values,
        )
        out[gm] = {
            "values": values,
            "items": [i for i in items if i.metric_code in ecosystem.METRICS],
            "connections": db.run_query(con, "ecosystem_connections_year", municipality=gm),
            "nodes": db.run_query(
                con, "ecosystem_network_nodes", municipality=gm, max_nodes=ecosystem.MAX_NODES
            ),
            "lead": db.run_query(con, "ecosystem_programme_lead", municipality=gm),
            "catalogue": db.run_query(con, "metric_catalogue").set_index("code"),
        }
    out["internal"] = [
        r[0] for r in con.execute("select body from note where visibility = 'internal'").fetchall()
    ]
    con.close()
    return out


def _texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def _specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize(("lang", "gm"), CASES)
def test_page_renders_every_chart_with_data(app, expected, lang, gm):
    at = app(lang, municipality=gm, page=PAGE)
    want = expected[gm]
    specs = _specs(at)
    # one chart per ecosystem ambition, then connections, network, programme lead
    assert len(specs) == len(want["items"]) + 3
    assert all(spec["data"] for spec in specs)
    connections, network, lead = specs[-3:]
    assert [t["x"] for t in connections["data"]][0] == [str(y) for y in want["connections"]["year"]]
    assert connections["data"][0]["y"] == want["connections"]["through_programme"].tolist()
    node_traces = [t for t in network["data"] if t.get("mode") == "markers"]
    assert sum(len(t["x"]) for t in node_traces) == len(want["nodes"])
    assert len({t["marker"]["symbol"] for t in node_traces}) == want["nodes"]["kind"].nunique()
    assert lead["data"][0]["y"] == want["lead"]["partner_led"].tolist()
    # At most a few thousand points per page, the network's edges (two points each) included.
    edge_points = sum(2 * s["path"].count("M") for spec in specs for s in spec["layout"].get("shapes", []))
    assert edge_points > 0
    assert sum(len(t.get("x") or []) for spec in specs for t in spec["data"]) + edge_points < 5000


@pytest.mark.parametrize(("lang", "gm"), CASES)
def test_headline_numbers_equal_the_sql(app, expected, lang, gm):
    at = app(lang, municipality=gm, page=PAGE)
    want = expected[gm]
    shown = {m.label: m.value for m in at.metric}
    for code in ecosystem.METRICS:
        latest = progress.latest_values(want["values"]).get(code)
        unit = want["catalogue"].loc[code, "unit"]
        name = want["catalogue"].loc[code, f"name_{lang}"]
        assert shown[name] == i18n.fmt_value(latest[1], unit, lang, compact=True), code
    text = _texts(at)
    last = want["connections"].iloc[-1]
    made, through = i18n.fmt_number(last["made"], lang), i18n.fmt_number(last["through_programme"], lang)
    assert (
        f" {made} " in text and f" {through} " in text and i18n.fmt_pct(last["programme_pct"], lang) in text
    )
    lead = want["lead"].iloc[-1]
    assert i18n.fmt_pct(lead["partner_pct"], lang) in text
    assert f"{i18n.fmt_number(want['nodes']['total_organisations'].iloc[0], lang)} " in text


@pytest.mark.parametrize(("lang", "gm"), CASES)
def test_each_ambition_shows_its_status_as_icon_and_word(app, expected, lang, gm):
    at = app(lang, municipality=gm, page=PAGE)
    items = expected[gm]["items"]
    assert items, "every demo city has ecosystem ambitions"
    assert [s.value for s in at.subheader] == [i.name(lang) for i in items]
    markdown = [m.value for m in at.markdown]
    for item in items:
        status = item.assessment.status.value
        assert i18n.status_markdown(status, lang) in markdown
        assert i18n.STATUS_ICON[status] in i18n.status_markdown(status, lang)  # a symbol, not only a colour


def test_dutch_page_has_no_english_headings_legends_or_table_headers(app):
    at = app("nl", municipality="GM0518", page=PAGE)
    headings = [h.value for h in at.header] + [s.value for s in at.subheader]
    english = {texts["en"] for key, texts in i18n.TEXTS.items() if texts["en"] != texts["nl"]}
    assert headings[:2] == ["Het ecosysteem in cijfers", "Tegen de ambities"]
    assert not set(headings) & english
    names = {t.get("name") for spec in _specs(at) for t in spec["data"]} - {None}
    assert names and not {n.split(" (")[0] for n in names} & english
    headers = {str(c) for table in at.table for c in table.value.columns}
    assert {"Jaar", "Via een programma", "Soort organisatie", "Geleid door een partner"} <= headers
    assert not headers & english


def test_english_page_speaks_english(app):
    at = app("en", municipality="GM0014", page=PAGE)
    headings = [h.value for h in at.header]
    assert headings == [
        "The ecosystem in figures",
        "Against the ambitions",
        "Connections per year",
        "The network",
        "Programmes led by partners or by the municipality",
        "One organisation: its connections",
    ]


def test_public_notes_shown_internal_never(app, expected):
    at = app("nl", municipality="GM0518", page=PAGE)
    text = _texts(at)
    assert "coronamaatregelen" in text  # public note on event participants, under its ambition
    assert "ImpactCity Netwerk is per 1 januari 2023 overgedragen" in text  # public note on a programme
    for gm in ("GM0014", "GM0080"):
        text += _texts(app("en", municipality=gm, page=PAGE))
    for body in expected["internal"]:
        assert body not in text


def test_demo_banner_on_the_page(app):
    at = app("nl", municipality="GM0080", page=PAGE)
    assert "illustratief" in " ".join(i.value for i in at.info)
    assert at.title[0].value == "Ecosysteem Leeuwarden"
