"""Drill-down by link, table downloads, Iv3 and SDG: names, queries and the programme page's views."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from impactdash import i18n
from impactdash.publish import exports
from impactdash.safe_text import unescape_markdown
from impactdash.store import db
from impactdash.views import budget as bv
from impactdash.views import classifications
from impactdash.views import programme as pv

GM = "GM0518"


def test_every_sdg_and_the_demo_task_fields_have_names_in_both_languages():
    assert sorted(classifications.SDGS) == list(range(1, 18))
    assert classifications.sdg_name("8", "nl") == "SDG 8 Eerlijk werk en economische groei"
    assert classifications.sdg_name(8, "en") == "SDG 8 Decent work and economic growth"
    assert classifications.iv3_name("3.1", "nl") == "3.1 Economische ontwikkeling"
    assert classifications.iv3_name("3.4", "en") == "3.4 Economic promotion"
    assert classifications.iv3_name("9.99", "en") == "9.99"  # unknown: the code itself
    assert classifications.names("sdg", "8;17", "en") == [
        "SDG 8 Decent work and economic growth",
        "SDG 17 Partnerships for the goals",
    ]
    assert classifications.names("sdg", None, "nl") == []
    for source in classifications.SOURCES.values():
        assert set(source) == {"nl", "en"}


def test_budget_per_task_field_adds_up_to_the_year_per_programme(demo_con):
    both = db.run_query(demo_con, classifications.QUERY, municipality=GM, year=2025, instrument="all")
    per_field = both[both["dimension"] == "iv3"]
    per_programme = db.run_query(
        demo_con, "budget_by_programme", municipality=GM, year=2025, instrument="all"
    )
    assert set(per_field["code"]) <= set(classifications.IV3_TASK_FIELDS)
    assert per_field["budget"].sum() == pytest.approx(per_programme["budget"].sum())
    assert per_field["spend"].sum() == pytest.approx(per_programme["spend"].sum())
    assert per_field["programmes"].sum() == len(per_programme)


def test_budget_per_sdg_counts_a_programme_under_each_of_its_goals(demo_con):
    both = db.run_query(demo_con, classifications.QUERY, municipality=GM, year=2025, instrument="all")
    per_sdg = both[both["dimension"] == "sdg"]
    per_programme = db.run_query(
        demo_con, "budget_by_programme", municipality=GM, year=2025, instrument="all"
    )
    detail = db.run_query(demo_con, "programme_detail", municipality=GM).set_index("programme_code")
    budgets = per_programme.set_index("programme_code")["budget"]
    for row in per_sdg.itertuples():
        codes = row.programme_codes.split(";")
        assert all(str(row.code) in classifications.split_codes(detail.loc[c, "sdgs"]) for c in codes)
        assert row.budget == pytest.approx(budgets[codes].sum())
    frame = classifications.breakdown(both, "sdg", "en")
    assert list(frame.columns[:3]) == ["label", "budget", "spend"]
    assert frame["label"].str.startswith("SDG ").all()
    # By goal number (9 before 11, not as text), a programme without goals last.
    numbers = [int(c) for c in per_sdg["code"].dropna()]
    assert numbers == sorted(numbers)
    assert per_sdg["code"].iloc[:-1].notna().all()


def test_the_task_fields_come_largest_budget_first(demo_con):
    both = db.run_query(demo_con, classifications.QUERY, municipality=GM, year=2025, instrument="all")
    frame = classifications.breakdown(both, "iv3", "nl")
    budgets = list(frame["budget"].fillna(0))
    assert budgets == sorted(budgets, reverse=True)
    assert len(frame) == (both["dimension"] == "iv3").sum()


def test_a_programmes_years_add_up_to_the_municipality(demo_con):
    whole = db.run_query(demo_con, "budget_by_year", municipality=GM, instrument="all").set_index("year")
    detail = db.run_query(demo_con, "programme_detail", municipality=GM)
    total = pd.Series(0.0, index=whole.index)
    for code in detail["programme_code"]:
        years = db.run_query(
            demo_con, "budget_by_year", municipality=GM, instrument="all", programme=code
        ).set_index("year")
        total = total.add(years["spend"], fill_value=0)
    assert total.reindex(whole.index).to_numpy() == pytest.approx(whole["spend"].to_numpy())


def test_another_municipalitys_programme_gives_nothing(demo_con):
    # The page validates the code against its municipality's programmes; the queries agree.
    assert db.run_query(
        demo_con, "budget_by_year", municipality="GM0014", instrument="all", programme="DH-P03"
    ).empty
    assert db.run_query(demo_con, "programme_cofunding", municipality="GM0014", programme="DH-P03").empty


def test_programme_views_in_both_languages(demo_con):
    detail = db.run_query(demo_con, "programme_detail", municipality=GM).set_index("programme_code")
    programme = detail.loc["DH-P03"]
    nl = [unescape_markdown(line) for line in pv.facts(programme, "nl")]
    en = [unescape_markdown(line) for line in pv.facts(programme, "en")]
    assert any("3.2 Fysieke bedrijfsinfrastructuur" in line for line in nl)
    assert any("SDG 11 Sustainable cities and communities" in line for line in en)
    by_year = db.run_query(demo_con, "budget_by_year", municipality=GM, instrument="all", programme="DH-P03")
    moments = pv.moments_frame(
        db.run_query(demo_con, "programme_moments", municipality=GM, programme="DH-P03"), by_year, 2024
    )
    assert list(moments["moment"]) == ["original", "spring", "autumn", "final"]
    assert moments["budget"].iloc[-1] == pytest.approx(by_year.set_index("year").loc[2024, "budget"])
    cofunding = db.run_query(demo_con, "programme_cofunding", municipality=GM, programme="DH-P03")
    table = pv.cofunding_table(cofunding, 2025, "nl")
    assert list(table.columns) == ["Financier", "Soort", "Bedrag"]
    assert pv.cofunding_sentence(cofunding, 1999, "en") == "No external co-funding was recorded in 1999."


def test_a_downloaded_table_says_what_the_table_beside_the_chart_says(demo_con):
    per_year = db.run_query(demo_con, "budget_by_year", municipality=GM, instrument="all")
    shown = bv.per_year_table(per_year, "nl")
    shown.iloc[0, 0] = "=HYPERLINK(\\*x\\*)"  # typed text, escaped for Markdown, that a spreadsheet would run
    csv, xlsx = exports.table_files(shown, "budget_per_year")
    from_csv = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    from_xlsx = pd.read_excel(io.BytesIO(xlsx), dtype=str, keep_default_na=False)
    expected = shown.astype(str)
    expected.iloc[0, 0] = "'=HYPERLINK(*x*)"  # the words as typed, neutralised
    for got in (from_csv, from_xlsx):
        assert list(got.columns) == list(shown.columns)  # the page's language
        pd.testing.assert_frame_equal(got, expected.reset_index(drop=True), check_dtype=False)


def test_a_date_kept_whole_on_the_page_is_plain_in_the_file():
    # Tables write dates with word joiners after the hyphens (i18n.table_date).
    shown = pd.DataFrame({"Datum": [i18n.table_date(dt.date(2024, 12, 29), "nl")], "Bedrag": ["€ 9.172,63"]})
    assert shown.iloc[0, 0] == "29-\u206012-\u20602024"
    csv, xlsx = exports.table_files(shown, "lines")
    assert csv.decode("utf-8-sig").splitlines()[1].startswith("29-12-2024,")
    assert pd.read_excel(io.BytesIO(xlsx), dtype=str).iloc[0, 0] == "29-12-2024"
