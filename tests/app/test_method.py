"""Method and data page: catalogue, status rules from the code's thresholds, coverage, downloads."""

from __future__ import annotations

import pytest

from impactdash import i18n
from impactdash.measures import metrics
from impactdash.safe_text import escape_markdown
from impactdash.store import db
from tests.app.conftest import read_table


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_method_page_lists_every_measure(app, demo_db_file, lang):
    at = app(lang, page="app_pages/method.py")
    con = db.connect(demo_db_file, read_only=True)
    catalogue = db.run_query(con, "metric_catalogue")
    con.close()
    table = read_table(at.table[0])
    assert len(table) == len(catalogue)
    assert set(table.index) == set(catalogue[f"name_{lang}"].map(escape_markdown))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_status_rules_quote_the_thresholds_in_the_code(app, lang):
    at = app(lang, page="app_pages/method.py")
    text = "\n".join(m.value for m in at.markdown)
    assert i18n.fmt_pct(100 * metrics.ON_TRACK_MAX_GAP, lang) in text
    assert i18n.fmt_pct(100 * metrics.AT_RISK_MAX_GAP, lang) in text


def test_coverage_counts_equal_the_database(app, demo_db_file):
    at = app("nl", page="app_pages/method.py")
    con = db.connect(demo_db_file, read_only=True)
    spend_lines = con.execute(
        "select count(*) from spend s join programme p on p.code = s.programme_code where p.municipality_code = 'GM0518'"
    ).fetchone()[0]
    con.close()
    coverage = read_table(at.table[1])
    row = coverage[coverage["Gemeente"] == escape_markdown("'s-Gravenhage")].iloc[0]
    assert row["Boekingen"] == i18n.fmt_number(spend_lines, "nl")


def test_downloads_are_offered(app):
    at = app("en", page="app_pages/method.py")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download everything (Excel)", "Download open data (zip)"]
    assert "Q3 2026" in " ".join(m.value for m in at.markdown), "the open data names its publication"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_method_links_the_accessibility_statement_which_follows_the_model(app, lang):
    at = app(lang, page="app_pages/method.py")
    assert i18n.t("method_accessibility_link", lang) in [link.label for link in at.get("page_link")]
    at = app(lang, page="app_pages/accessibility.py")
    assert not at.exception
    assert at.title[0].value == i18n.t("page_accessibility", lang)
    text = "\n".join(m.value for m in at.markdown)
    assert "toegankelijkheidsverklaring.nl/register" in text and "nationaleombudsman.nl" in text
    assert i18n.t("a11y_status_partial", lang) in text
    assert [h.value for h in at.header] == [
        i18n.t(k, lang)
        for k in (
            "a11y_status_heading",
            "a11y_check_heading",
            "a11y_gaps_heading",
            "a11y_contact_heading",
            "a11y_enforcement_heading",
            "a11y_register_heading",
        )
    ]
