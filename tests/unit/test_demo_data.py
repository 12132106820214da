"""Data tests on the demo data (in the spirit of dbt's): references, reconciliation, ranges, story."""

from __future__ import annotations

import pytest

from impactdash.measures import progress
from impactdash.store import db

LARGE_CITY = "GM0518"


def scalar(con, sql: str):
    return con.execute(sql).fetchone()[0]


def rows(con, sql: str) -> list:
    return con.execute(sql).fetchall()


def test_sizes(demo_con):
    counts = db.table_counts(demo_con)
    assert counts["municipality"] >= 3
    assert counts["programme"] >= 30
    assert counts["property"] >= 25
    assert counts["spend"] >= 2000
    assert counts["organisation"] >= 300
    assert counts["connection"] >= 1000
    assert counts["occupancy"] >= 200
    assert counts["observation"] >= 50
    assert counts["note"] >= 5


def test_one_established_and_two_later_cities(demo_con):
    starts = dict(rows(demo_con, "select code, year(pillar_start) from municipality"))
    assert starts[LARGE_CITY] == 2018
    assert sum(1 for code, year in starts.items() if code != LARGE_CITY and year > 2018) >= 2
    assert scalar(demo_con, "select bool_and(is_demo) from municipality")


def test_population_every_year_and_real_where_known(demo_con):
    missing = rows(
        demo_con,
        "select m.code, y.year from municipality m, range(2018, 2027) y(year)"
        " anti join population p on p.municipality_code = m.code and p.year = y.year",
    )
    assert not missing
    the_hague_2022 = scalar(
        demo_con,
        f"select inhabitants from population where municipality_code = '{LARGE_CITY}' and year = 2022",
    )
    assert 545_000 <= the_hague_2022 <= 560_000


def test_spend_lies_within_the_programme_period_and_reporting_date(demo_con):
    outside = scalar(
        demo_con,
        "select count(*) from spend s join programme p on p.code = s.programme_code"
        " where s.booking_date < p.start_date or s.booking_date > coalesce(p.end_date, date '2100-01-01')"
        " or s.booking_date > (select reporting_date from reporting_period)",
    )
    assert outside == 0


def test_spend_reconciles_with_budget(demo_con):
    """Per municipality and complete year, spend is between 60% and 110% of the budget."""
    execution = rows(
        demo_con,
        "select municipality_code, period_end, value from mv_budget_execution_pct where year(period_end) <= 2025",
    )
    assert execution
    for gm, period, pct in execution:
        assert 60 <= pct <= 110, (gm, period, pct)


def test_every_spending_programme_year_has_a_budget(demo_con):
    unbudgeted = rows(
        demo_con,
        "select distinct s.programme_code, year(s.booking_date) from spend s"
        " anti join budget b on b.programme_code = s.programme_code and b.year = year(s.booking_date)",
    )
    assert not unbudgeted


def test_occupancy_within_floor_area_and_availability(demo_con):
    too_much = scalar(
        demo_con,
        "select count(*) from occupancy o join property p on p.code = o.property_code"
        " where o.occupied_m2 > p.impact_floor_m2",
    )
    unavailable = scalar(
        demo_con,
        "select count(*) from occupancy o join property p on p.code = o.property_code"
        " where last_day(make_date(o.year, o.quarter * 3, 1)) < p.available_from"
        " or last_day(make_date(o.year, o.quarter * 3, 1)) > coalesce(p.available_until, date '2100-01-01')",
    )
    assert too_much == 0 and unavailable == 0


def test_owned_things_belong_to_the_same_municipality(demo_con):
    checks = {
        "property programme": "select count(*) from property pr join programme p on p.code = pr.programme_code"
        " where p.municipality_code <> pr.municipality_code",
        "programme ambition": "select count(*) from programme_ambition pa join programme p on p.code = pa.programme_code"
        " join ambition a on a.code = pa.ambition_code where a.municipality_code <> p.municipality_code",
        "connection programme": "select count(*) from connection c join organisation o on o.code = c.from_org"
        " join programme p on p.code = c.programme_code where p.municipality_code <> o.municipality_code",
    }
    for name, sql in checks.items():
        assert scalar(demo_con, sql) == 0, name


def test_connections_after_both_organisations_joined(demo_con):
    early = scalar(
        demo_con,
        "select count(*) from connection c join organisation a on a.code = c.from_org"
        " join organisation b on b.code = c.to_org"
        " where c.connected_on < a.joined_date or c.connected_on < b.joined_date",
    )
    assert early == 0


def test_every_programme_serves_an_ambition(demo_con):
    orphans = rows(
        demo_con, "select code from programme anti join programme_ambition pa on pa.programme_code = code"
    )
    assert not orphans


def test_observations_only_for_observed_measures(demo_con):
    wrong = rows(
        demo_con,
        "select distinct o.metric_code from observation o join metric m on m.code = o.metric_code where m.kind <> 'observed'",
    )
    assert not wrong


def test_every_observed_measure_is_observed_for_every_city(demo_con):
    missing = rows(
        demo_con,
        "select m.code, g.code from metric m cross join municipality g"
        " anti join observation o on o.metric_code = m.code and o.municipality_code = g.code"
        " where m.kind = 'observed'",
    )
    assert not missing


def test_notes_point_at_existing_subjects(demo_con):
    dangling = scalar(
        demo_con,
        "select count(*) from note n where not exists ("
        " select 1 from metric where n.subject_kind = 'metric' and code = n.subject_code union all"
        " select 1 from programme where n.subject_kind = 'programme' and code = n.subject_code union all"
        " select 1 from property where n.subject_kind = 'property' and code = n.subject_code union all"
        " select 1 from ambition where n.subject_kind = 'ambition' and code = n.subject_code)",
    )
    assert dangling == 0
    assert scalar(demo_con, "select count(distinct visibility) from note") == 2


def test_every_headline_measure_has_an_ambition_in_the_large_city(demo_con):
    missing = rows(
        demo_con,
        f"select m.code from metric m anti join ambition a on a.metric_code = m.code"
        f" and a.municipality_code = '{LARGE_CITY}' where m.headline",
    )
    assert not missing


def test_milestones_lie_between_baseline_and_target(demo_con):
    outside = scalar(
        demo_con,
        "select count(*) from milestone ms join ambition a on a.code = ms.ambition_code"
        " where ms.due_date <= a.baseline_date or ms.due_date >= a.target_date",
    )
    assert outside == 0
    assert (
        scalar(demo_con, "select count(*) from ambition anti join milestone ms on ms.ambition_code = code")
        == 0
    )


@pytest.mark.parametrize("gm", ["GM0518", "GM0014", "GM0080"])
def test_every_ambition_has_values(demo_con, gm):
    items = progress.build(
        db.run_query(demo_con, "ambitions", municipality=gm),
        db.run_query(demo_con, "milestones", municipality=gm),
        db.run_query(demo_con, "metric_values", municipality=gm),
    )
    assert len(items) >= 5
    assert all(item.series for item in items), [i.code for i in items if not i.series]


def test_some_ambitions_clearly_on_track_and_some_clearly_not(demo_con):
    items = progress.build(
        db.run_query(demo_con, "ambitions", municipality=LARGE_CITY),
        db.run_query(demo_con, "milestones", municipality=LARGE_CITY),
        db.run_query(demo_con, "metric_values", municipality=LARGE_CITY),
    )
    counts = progress.status_counts(items)
    assert counts["on_track"] >= 3 and counts["off_track"] >= 2 and counts["no_data"] == 0


def test_baselines_match_the_data(demo_con):
    """A baseline that is a measured value must equal the measure's value on that date."""
    mismatches = rows(
        demo_con,
        "select a.code, a.baseline_value, v.value from ambition a join metric_value v"
        " on v.metric_code = a.metric_code and v.municipality_code = a.municipality_code"
        " and v.period_end = a.baseline_date where not a.cumulative"
        " and abs(v.value - a.baseline_value) > greatest(0.02 * abs(v.value), 0.01)",
    )
    assert not mismatches


def test_metric_value_has_one_value_per_measure_municipality_and_date(demo_con):
    duplicates = rows(
        demo_con,
        "select metric_code, municipality_code, period_end, count(*) as n from metric_value group by all having n > 1",
    )
    assert not duplicates


def test_derived_spend_equals_the_ledger(demo_con):
    ledger = scalar(
        demo_con,
        "select sum(s.amount)::double from spend s join programme p on p.code = s.programme_code"
        f" where p.municipality_code = '{LARGE_CITY}' and year(s.booking_date) = 2024",
    )
    derived = scalar(
        demo_con,
        f"select value from metric_value where metric_code = 'spend_eur' and municipality_code = '{LARGE_CITY}'"
        " and period_end = date '2024-12-31'",
    )
    assert derived == pytest.approx(ledger)


def test_metric_value_agrees_with_each_derived_view(demo_con):
    """metric_value shares one ledger scan (migration 0006) but must equal the mv_* views."""
    for metric, view in [
        ("spend_eur", "mv_spend_eur"),
        ("budget_execution_pct", "mv_budget_execution_pct"),
        ("leverage_ratio", "mv_leverage_ratio"),
        ("network_size", "mv_network_size"),
    ]:
        differences = scalar(
            demo_con,
            f"select count(*) from (select municipality_code, period_end, round(value, 6) from metric_value"
            f" where metric_code = '{metric}' except select municipality_code, period_end, round(value, 6)"
            f" from {view})",
        )
        assert differences == 0, metric
