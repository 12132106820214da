"""The ecosystem page's queries on the demo data: they agree with the ledgers and the measures."""

from __future__ import annotations

import pytest

from impactdash.store import db

CITIES = ["GM0518", "GM0014", "GM0080"]


def _measure(con, code: str, gm: str) -> dict:
    frame = db.run_query(con, "metric_values", municipality=gm)
    rows = frame[frame["metric_code"] == code]
    return {
        d.year: v
        for d, v in zip(rows["period_end"], rows["value"], strict=True)
        if d.month == 12 and d.day == 31
    }


@pytest.mark.parametrize("gm", CITIES)
def test_connections_per_year_count_the_connection_register(demo_con, gm):
    frame = db.run_query(demo_con, "ecosystem_connections_year", municipality=gm)
    raw = demo_con.execute(
        "select year(c.connected_on) as y, count(*), count(c.programme_code) from connection as c"
        " join organisation as o on o.code = c.from_org where o.municipality_code = $gm"
        " and c.connected_on <= (select reporting_date from reporting_period)"
        " and make_date(year(c.connected_on), 12, 31) <= (select reporting_date from reporting_period)"
        " group by 1 order by 1",
        {"gm": gm},
    ).fetchall()
    assert [(r.year, r.made, r.through_programme) for r in frame.itertuples()] == raw
    assert (frame["made"] == frame["through_programme"] + frame["other"]).all()
    assert _measure(demo_con, "connections_made", gm) == dict(zip(frame["year"], frame["made"], strict=True))
    shares = _measure(demo_con, "connections_programme_pct", gm)
    assert all(
        shares[y] == pytest.approx(p) for y, p in zip(frame["year"], frame["programme_pct"], strict=True)
    )


@pytest.mark.parametrize("gm", CITIES)
def test_programme_lead_share_is_the_partner_led_measure(demo_con, gm):
    frame = db.run_query(demo_con, "ecosystem_programme_lead", municipality=gm)
    assert len(frame) > 0
    assert (frame["programmes"] == frame["partner_led"] + frame["municipality_led"]).all()
    measure = _measure(demo_con, "partner_led_pct", gm)
    assert measure == pytest.approx(dict(zip(frame["year"], frame["partner_pct"], strict=True)))


@pytest.mark.parametrize("gm", CITIES)
def test_network_size_is_the_measure_on_the_reporting_date(demo_con, gm):
    nodes = db.run_query(demo_con, "ecosystem_network_nodes", municipality=gm, max_nodes=300)
    values = db.run_query(demo_con, "metric_values", municipality=gm)
    size = values[values["metric_code"] == "network_size"].sort_values("period_end")["value"].iloc[-1]
    assert len(nodes) == nodes["total_organisations"].iloc[0] == size
    assert nodes["degree"].sum() == 2 * nodes["total_connections"].iloc[0]


def test_the_graph_is_capped_in_sql_and_edges_stay_among_the_drawn_nodes(demo_con):
    nodes = db.run_query(demo_con, "ecosystem_network_nodes", municipality="GM0518", max_nodes=25)
    edges = db.run_query(
        demo_con, "ecosystem_network_edges", municipality="GM0518", max_nodes=25, max_edges=40
    )
    assert len(nodes) == 25 and nodes["total_organisations"].iloc[0] > 25
    assert nodes["degree"].is_monotonic_decreasing
    assert len(edges) == 40 and edges["total_pairs"].iloc[0] > 40
    drawn = set(nodes["code"])
    assert set(edges["source"]) <= drawn and set(edges["target"]) <= drawn
    assert (edges["source"] < edges["target"]).all(), "a pair is listed once"
    assert edges["connections"].is_monotonic_decreasing


def test_notes_are_public_only(demo_con):
    internal = {
        r[0] for r in demo_con.execute("select body from note where visibility = 'internal'").fetchall()
    }
    assert internal, "the demo data holds internal notes to test against"
    for gm in CITIES:
        notes = db.run_query(demo_con, "ecosystem_notes", municipality=gm)
        assert not set(notes["body"]) & internal
    haags = db.run_query(demo_con, "ecosystem_notes", municipality="GM0518")
    assert "event_participants" in set(haags["metric_code"])
    assert "DH-P01" in set(haags["programme_code"])
