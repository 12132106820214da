"""The public change log: each publication, its label, date and approval note, and what it changed."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config, i18n
from impactdash.publish import workflow
from impactdash.safe_text import escape_markdown
from impactdash.store import db
from tests.app.conftest import ROOT, read_table
from tests.app.test_changes import draft_target, rows, texts
from tests.app.test_publishing import page_text
from tests.publishing import EDITOR, REVIEWER

PAGE = "app_pages/changelog.py"
NOTE = "Doel verhoogd na het raadsbesluit van november."
SHOWN = escape_markdown(NOTE)  # typed text, shown as typed


def second_publication(path) -> int:
    """Raise the enterprises target, then request (with a staff-only note) and approve with a public note."""
    draft_target(path)
    con = db.connect(path)
    try:
        folder = config.publications_dir(path)
        number = workflow.request(con, EDITOR, "Q4 2026", "Alleen voor de reviewer", folder)
        later = dt.datetime.now().replace(microsecond=0) + dt.timedelta(minutes=1)  # after the demo's
        workflow.approve(con, REVIEWER, number, folder, NOTE, now=later)
    finally:
        con.close()
    return number


def test_the_first_publication_says_everything_is_new(app):
    at = app("nl", page=PAGE)
    assert at.title[0].value == "Wijzigingen per publicatie"
    assert "Dit is de eerste publicatie: alle cijfers zijn nieuw." in texts(at)
    assert any(m.startswith("**Q3 2026**, gepubliceerd op ") for m in texts(at))
    assert not at.table
    en = app("en", page=PAGE)
    assert "This is the first publication: every figure is new." in texts(en)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            ["**Q4 2026**, gepubliceerd op {date}.", f"Toelichting bij de goedkeuring: {SHOWN}", "Veranderd"],
        ),
        ("en", ["**Q4 2026**, published on {date}.", f"Note on approval: {SHOWN}", "Changed since"]),
    ],
)
def test_a_publication_lists_its_changed_target_label_date_and_note(app, demo_copy, lang, expected):
    second_publication(demo_copy)
    at = app(lang, page=PAGE)
    today = i18n.fmt_date(dt.date.today(), lang)
    said = [m for m in texts(at) if not m.startswith("1 ")]
    assert said[:2] == [expected[0].format(date=today), expected[1]]
    assert said[2].startswith(expected[2]) and "Q3 2026" in said[2]
    was, becomes = ("Was", "Wordt") if lang == "nl" else ("Was", "Becomes")
    assert [(r[was], r[becomes]) for r in rows(at)] == [
        ("1.000", "1.100") if lang == "nl" else ("1,000", "1,100")
    ]
    # Nothing staff-only: no request note, no names of the people who requested or approved.
    text = page_text(at)
    for private in ("Alleen voor de reviewer", "editor.demo", "reviewer.demo"):
        assert private not in text
    # The earlier publication is one choice away, and says it was the first.
    at.selectbox[0].set_value(1).run()
    assert any("Q3 2026" in m for m in texts(at)) and not at.table


def test_the_banner_links_to_the_change_log_of_the_publication(app):
    at = app("en", page="app_pages/budget.py", municipality="GM0518")
    # The banner's link (the page's other links go down to a programme: issue 14's drill-down).
    links = [link.proto for link in at.get("page_link") if link.proto.page == "changelog"]
    assert [(link.label, link.page) for link in links] == [("What changed in this publication?", "changelog")]
    assert "publication=1" in links[0].query_string


def test_public_only_mode_serves_the_change_log_without_the_working_database(
    demo_copy, tmp_path, monkeypatch
):
    second_publication(demo_copy)
    monkeypatch.setenv(config.PUBLIC_ONLY_ENV, "1")
    monkeypatch.setenv(config.PUBLICATIONS_ENV, str(config.publications_dir(demo_copy)))
    missing = tmp_path / "elsewhere" / "impact.duckdb"
    monkeypatch.setenv(config.DB_ENV, str(missing))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    assert f"Toelichting bij de goedkeuring: {SHOWN}" in texts(at)
    assert [(r["Was"], r["Wordt"]) for r in rows(at)] == [("1.000", "1.100")]
    assert not missing.exists(), "no working database was created or opened"


def test_a_changed_target_is_marked_with_the_earlier_value_one_click_away(app, demo_copy):
    second_publication(demo_copy)
    published = i18n.fmt_date(dt.date.today(), "nl")
    was = f"Doel gewijzigd: was 1.000 per 31-12-2030 tot publicatie Q3 2026 ({published})."
    at = app("nl", page="app_pages/ambitions.py", municipality="GM0518")
    listed = read_table(at.table[0])
    marked = listed[listed["Doel (datum)"].str.endswith("✎")]
    assert list(marked["Maatstaf"]) == ["Impactondernemingen"] and marked["Doel (datum)"].iloc[0].startswith(
        "1.100"
    )
    assert any(c.value.startswith("✎ Het doel is gewijzigd") for c in at.caption)
    at.selectbox(key="amb_pick_GM0518").set_value("DH-A-ENTERPRISES").run()
    assert "✎ doel gewijzigd" in [e.label for e in at.expander]
    assert was in [m.value for m in at.markdown]
    # The overview's card says so too, the earlier target in its tooltip.
    overview = app("en", page="app_pages/overview.py", municipality="GM0518")
    cards = [c for c in overview.caption if c.value == "✎ target changed"]
    assert len(cards) == 1 and "was 1,000 by 31 Dec 2030 until publication Q3 2026" in cards[0].proto.help
    # Another municipality's ambitions are not marked.
    other = app("nl", page="app_pages/ambitions.py", municipality="GM0014")
    assert not read_table(other.table[0])["Doel (datum)"].str.endswith("✎").any()


def test_the_change_log_does_not_link_to_itself(app):
    at = app("nl", page=PAGE)
    assert not at.get("page_link")
