"""The budget page's queries agree with independent sums over the demo tables."""

from __future__ import annotations

import pytest

from impactdash.store import db

TOWNS = ["GM0518", "GM0014", "GM0080"]


def _one(con, sql: str, **params):
    return con.cursor().execute(sql, params).fetchone()


def _reporting_year(con) -> int:
    return _one(con, "select year(reporting_date) from reporting_period")[0]


@pytest.mark.parametrize("gm", TOWNS)
def test_by_year_agrees_with_the_overview_query_and_the_ledger(demo_con, gm):
    frame = db.run_query(demo_con, "budget_by_year", municipality=gm, instrument="all")
    assert len(frame) >= 4
    for row in frame.itertuples():
        other = db.run_query(demo_con, "budget_spend_year", municipality=gm, year=row.year).iloc[0]
        assert row.spend == pytest.approx(other["spend"] or 0)
        assert row.budget == pytest.approx(other["budget"])
        cofunding = _one(
            demo_con,
            "select coalesce(sum(c.amount), 0)::double from cofunding c join programme p on p.code = c.programme_code"
            " where p.municipality_code = $gm and c.year = $y",
            gm=gm,
            y=row.year,
        )[0]
        assert row.cofunding == pytest.approx(cofunding)
    assert not bool(frame["is_complete"].iloc[-1]) and bool(frame["is_complete"].iloc[0])
    assert frame["year"].max() == _reporting_year(demo_con)


def test_instruments_add_up_to_the_whole(demo_con):
    whole = db.run_query(demo_con, "budget_by_year", municipality="GM0518", instrument="all").set_index(
        "year"
    )
    codes = db.run_query(demo_con, "budget_instruments", municipality="GM0518")["code"]
    parts = [
        db.run_query(demo_con, "budget_by_year", municipality="GM0518", instrument=code).set_index("year")
        for code in codes
    ]
    for column in ("budget", "spend", "cofunding"):
        total = sum(part[column].fillna(0).reindex(whole.index, fill_value=0) for part in parts)
        assert total.tolist() == pytest.approx(whole[column].fillna(0).tolist())
    per_instrument = db.run_query(demo_con, "budget_by_instrument", municipality="GM0518", year=2025)
    assert per_instrument["budget"].sum() == pytest.approx(whole.loc[2025, "budget"])
    assert per_instrument["spend"].sum() == pytest.approx(whole.loc[2025, "spend"])


def test_programmes_add_up_to_the_instrument(demo_con):
    programmes = db.run_query(
        demo_con, "budget_by_programme", municipality="GM0518", year=2025, instrument="all"
    )
    year = db.run_query(demo_con, "budget_by_year", municipality="GM0518", instrument="all").set_index("year")
    assert programmes["budget"].sum() == pytest.approx(year.loc[2025, "budget"])
    assert programmes["spend"].sum() == pytest.approx(year.loc[2025, "spend"])
    assert (
        programmes["lines"].sum()
        == _one(
            demo_con,
            "select count(*) from spend s join programme p on p.code = s.programme_code"
            " where p.municipality_code = 'GM0518' and year(s.booking_date) = 2025",
        )[0]
    )


def test_moments_carry_forward_and_end_at_the_year_budget(demo_con):
    moments = db.run_query(demo_con, "budget_moments", municipality="GM0518", year=2025, instrument="all")
    assert moments["moment"].tolist() == ["original", "spring", "autumn", "final"]
    original = _one(
        demo_con,
        "select sum(b.amount)::double from budget b join programme p on p.code = b.programme_code"
        " where p.municipality_code = 'GM0518' and b.year = 2025 and b.moment = 'original'",
    )[0]
    assert moments["budget"].iloc[0] == pytest.approx(original)
    year_budget = db.run_query(demo_con, "budget_spend_year", municipality="GM0518", year=2025).iloc[0][
        "budget"
    ]
    assert moments["budget"].iloc[-1] == pytest.approx(year_budget)
    current = db.run_query(demo_con, "budget_moments", municipality="GM0518", year=2026, instrument="all")
    assert current["moment"].tolist() == ["original", "spring"], "moments not yet recorded are left out"


def test_cumulative_ends_at_the_years_spend_and_the_even_line_at_the_elapsed_share(demo_con):
    year = _reporting_year(demo_con)
    frame = db.run_query(demo_con, "budget_cumulative", municipality="GM0518", year=year, instrument="all")
    reporting = _one(demo_con, "select reporting_date from reporting_period")[0]
    expected = db.run_query(demo_con, "budget_spend_year", municipality="GM0518", year=year).iloc[0]
    last = frame.iloc[-1]
    assert last["period_end"].date() == reporting
    assert last["cumulative_spend"] == pytest.approx(expected["spend"])
    first, last_day = reporting.replace(month=1, day=1), reporting.replace(month=12, day=31)
    elapsed = ((reporting - first).days + 1) / ((last_day - first).days + 1)
    assert last["even_spend"] == pytest.approx(expected["budget"] * elapsed)
    full = db.run_query(demo_con, "budget_cumulative", municipality="GM0518", year=2025, instrument="all")
    assert len(full) == 12 and full["even_spend"].iloc[-1] == pytest.approx(full["budget"].iloc[-1])


def test_leverage_is_cofunding_per_euro_spent_for_completed_years(demo_con):
    frame = db.run_query(demo_con, "budget_leverage", municipality="GM0518")
    assert frame["year"].tolist() == list(range(2018, _reporting_year(demo_con)))
    for row in frame.itertuples():
        spend, cofunding = _one(
            demo_con,
            "select (select sum(s.amount)::double from spend s join programme p on p.code = s.programme_code"
            "        where p.municipality_code = 'GM0518' and year(s.booking_date) = $y),"
            "       (select sum(c.amount)::double from cofunding c join programme p on p.code = c.programme_code"
            "        where p.municipality_code = 'GM0518' and c.year = $y)",
            y=row.year,
        )
        assert row.leverage == pytest.approx(cofunding / spend)
    by_year = db.run_query(demo_con, "budget_by_year", municipality="GM0518", instrument="all").dropna(
        subset=["leverage"]
    )
    assert by_year["leverage"].tolist() == pytest.approx(frame["leverage"].tolist())


def test_spend_lines_are_limited_sorted_and_counted(demo_con):
    params = {"municipality": "GM0518", "programme": "DH-P03", "year": 2025}
    every = db.run_query(demo_con, "budget_spend_lines", max_rows=10_000, **params)
    few = db.run_query(demo_con, "budget_spend_lines", max_rows=5, **params)
    count, total = _one(
        demo_con,
        "select count(*), sum(amount)::double from spend where programme_code = 'DH-P03' and year(booking_date) = 2025",
    )
    assert len(every) == count > 5 and len(few) == 5
    assert few["total_lines"].iloc[0] == count and few["total_amount"].iloc[0] == pytest.approx(total)
    assert few["booking_date"].is_monotonic_decreasing
    assert few["entry_ref"].tolist() == every["entry_ref"].tolist()[:5], "the newest lines come first"


def test_spend_lines_of_another_municipalitys_programme_are_refused(demo_con):
    frame = db.run_query(
        demo_con, "budget_spend_lines", municipality="GM0014", programme="DH-P03", year=2025, max_rows=500
    )
    assert frame.empty


def test_budget_notes_are_public_only(demo_con):
    internal = {
        r[0]
        for r in demo_con.cursor().execute("select body from note where visibility = 'internal'").fetchall()
    }
    assert internal, "the demo holds internal notes, so this test can fail"
    for gm in TOWNS:
        bodies = set(db.run_query(demo_con, "budget_notes", municipality=gm)["body"])
        assert not bodies & internal
    dh = db.run_query(demo_con, "budget_notes", municipality="GM0518")
    assert {"DH-P01", "leverage_ratio", "spend_eur"} <= set(dh["subject_code"])
