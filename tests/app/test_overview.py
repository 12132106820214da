"""The overview page in both languages: renders, shows every headline ambition, right figures."""

from __future__ import annotations

import json

import pytest

from impactdash import i18n
from impactdash.measures import progress
from impactdash.store import db


def _texts(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_overview_renders_with_a_card_per_headline_ambition(app, demo_db_file, lang):
    at = app(lang)
    con = db.connect(demo_db_file, read_only=True)
    items = progress.build(
        db.run_query(con, "ambitions", municipality="GM0518"),
        db.run_query(con, "milestones", municipality="GM0518"),
        db.run_query(con, "metric_values", municipality="GM0518"),
    )
    con.close()
    headline = [i for i in items if i.headline]
    assert len(at.get("plotly_chart")) == len(headline) > 0
    text = _texts(at)
    for item in headline:
        assert item.name(lang) in text
        assert i18n.status_markdown(item.assessment.status.value, lang) in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_overview_says_the_demo_data_is_illustrative(app, lang):
    at = app(lang)
    banner = " ".join(i.value for i in at.info)
    assert ("illustratief" if lang == "nl" else "illustrative") in banner


def test_spend_this_year_equals_the_ledger(app, demo_db_file):
    at = app("nl")
    con = db.connect(demo_db_file, read_only=True)
    year = db.run_query(con, "dataset_info").iloc[0]["reporting_date"].year
    expected = db.run_query(con, "budget_spend_year", municipality="GM0518", year=year).iloc[0]["spend"]
    con.close()
    spend_metric = next(m for m in at.metric if m.label == f"Uitgaven {year}")
    assert spend_metric.value == i18n.fmt_eur(expected, "nl", compact=True)


def test_english_page_has_no_dutch_headings(app):
    at = app("en")
    headings = [h.value for h in at.header]
    assert "Key figures" in headings and "Ambitions" in headings
    assert "Kerncijfers" not in headings


@pytest.mark.parametrize("gm", ["GM0014", "GM0080"])
def test_northern_cities_render(app, gm):
    at = app("nl", municipality=gm)
    assert at.title[0].value.endswith(("Groningen", "Leeuwarden"))
    charts = at.get("plotly_chart")
    assert charts, "every city with ambitions shows their cards"
    spec = json.loads(charts[0].proto.spec)
    assert spec["data"], "a drawn chart has traces"
