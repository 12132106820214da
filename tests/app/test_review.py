"""The progress review page: who gets in, the scorecard, its filters, the drill-down, adding a note."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config, i18n, ui
from impactdash.store import db
from tests.app.conftest import read_table

ROOT = Path(__file__).resolve().parents[2]
PAGE = "app_pages/review.py"
NO_ACCESS = i18n.t("no_access", "nl")
#: Words that give an English page away on the Dutch one.
ENGLISH = re.compile(
    r"\b(Municipality|Ambition|Scorecard|Trajectory|Projection|Target|Latest|Change|Notes?|Programmes?|"
    r"Budget|Spent|Propert(y|ies)|Choose|Sort|on track|off track|at risk|Save)\b"
)


def _ambitions(demo_db_file) -> dict[str, str]:
    con = db.connect(demo_db_file, read_only=True)
    try:
        return dict(con.cursor().execute("select code, municipality_code from ambition").fetchall())
    finally:
        con.close()


def _open(app, user: str = "reviewer.demo", lang: str = "nl") -> AppTest:
    at = app(lang, signed_in=user, page=PAGE)
    assert not at.exception, [e.message for e in at.exception]
    return at


def _scorecard(at):
    return read_table(at.table[0])


def _text(at) -> str:
    parts = [h.value for h in at.title] + [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    for table in at.table:
        frame = read_table(table)
        parts += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    parts += [w.label for w in [*at.selectbox, *at.multiselect, *at.date_input, *at.text_area, *at.radio]]
    parts += [b.label for b in at.button]
    return "\n".join(parts)


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _working(demo_copy):
    # The app's own cached read-write connection (one per process and file).
    return ui.sources._connection(str(demo_copy))


def _counts(con) -> tuple[int, int]:
    cur = con.cursor()
    try:
        return cur.execute("select (select count(*) from note), (select count(*) from audit_log)").fetchone()
    finally:
        cur.close()


@pytest.mark.parametrize(
    ("user", "lang"), [("reviewer.demo", "nl"), ("admin.demo", "en"), ("reviewer.demo", "en")]
)
def test_reviewer_and_admin_see_every_ambition_on_the_scorecard(app, demo_db_file, user, lang):
    at = _open(app, user, lang)
    assert [t.value for t in at.title] == [i18n.t("page_review", lang)]
    assert NO_ACCESS not in [e.value for e in at.error]
    table = _scorecard(at)
    assert len(table) == len(_ambitions(demo_db_file))
    assert list(table.columns)[:2] == [
        i18n.t("review_col_ambition", lang),
        i18n.t("review_col_instruments", lang),
    ]
    assert i18n.t("review_col_change", lang) in table.columns
    assert at.get("plotly_chart"), "the drill-down shows the chosen ambition's chart"


def test_the_dutch_page_has_no_english_words(app):
    at = _open(app, "reviewer.demo", "nl")
    found = ENGLISH.findall(_text(at))
    # Instrument names such as 'Launching customer' are Dutch policy jargon in the demo data.
    assert not [f for f in found if f[0] not in ("Launching",)], found


@pytest.mark.parametrize("user", [None, "editor.demo"])
def test_editor_and_anonymous_get_no_access(app, app_db, monkeypatch, user):
    at = app("nl", signed_in=user)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
    # Run on its own (a typed URL to a discovered page): the guard stops it before anything shows.
    monkeypatch.setenv(config.DB_ENV, str(app_db))
    alone = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    if user:
        alone.session_state[ui.ACTOR_KEY] = user
    alone.run()
    assert [e.value for e in alone.error] == [NO_ACCESS]
    assert not alone.title and not alone.table and not alone.button


def test_filter_by_status_municipality_and_instrument(app):
    at = _open(app)
    status = i18n.t("amb_col_status", "nl")
    at.multiselect(key="review_statuses_nl").set_value(["off_track"]).run()
    table = _scorecard(at)
    assert len(table) > 0
    assert all(s.startswith(i18n.STATUS_ICON["off_track"]) for s in table[status])
    at.multiselect(key="review_statuses_nl").set_value([]).run()
    at.multiselect(key="review_towns").set_value(["GM0014"]).run()
    ambitions = _scorecard(at)[i18n.t("review_col_ambition", "nl")]
    assert len(ambitions) == 6 and all(a.startswith("**Groningen** – ") for a in ambitions)
    at.multiselect(key="review_instruments_nl").set_value(["impact_hub"]).run()
    table = _scorecard(at)
    assert 0 < len(table) < 6
    assert all("Impacthub" in s for s in table[i18n.t("review_col_instruments", "nl")])


def test_drill_down_shows_programmes_properties_and_notes(app, demo_db_file):
    at = _open(app)
    at.selectbox(key="review_pick_nl").set_value("DH-A-OCCUPANCY").run()
    assert not at.exception
    assert "Bezettingsgraad" in at.subheader[0].value
    text = _text(at)
    assert i18n.t("review_years_heading", "nl") in text
    assert i18n.t("review_visibility_internal", "nl") in text, "internal notes are shown to the reviewer"
    headers = [list(read_table(t).columns) for t in at.table]
    assert [i18n.t("review_col_property", "nl") in h for h in headers].count(True) == 1


def _fill_note(at, start, end, body, visibility="internal"):
    at.date_input(key="review_note_start").set_value(start)
    at.date_input(key="review_note_end").set_value(end)
    at.text_area(key="review_note_body").input(body)
    at.radio(key="review_note_visibility").set_value(visibility)
    _button(at, i18n.t("review_add_button", "nl")).click().run()
    assert not at.exception, [e.message for e in at.exception]


def test_a_reviewer_adds_a_note_and_it_is_audited(app, demo_copy):
    at = _open(app)
    at.selectbox(key="review_pick_nl").set_value("GR-A-FLOOR").run()
    con = _working(demo_copy)
    notes, audits = _counts(con)
    _fill_note(at, dt.date(2026, 7, 1), dt.date(2026, 9, 30), "Besproken met de wethouder.", "public")
    assert not at.error
    assert any("is opgeslagen" in s.value for s in at.success)
    assert _counts(con) == (notes + 1, audits + 1)
    cur = con.cursor()
    row = cur.execute(
        "select subject_kind, subject_code, municipality_code, body, visibility, author from note"
        " order by id desc limit 1"
    ).fetchone()
    entry = cur.execute(
        "select actor, action, dataset, after_json from audit_log order by id desc limit 1"
    ).fetchone()
    cur.close()
    assert row == (
        "ambition",
        "GR-A-FLOOR",
        "GM0014",
        "Besproken met de wethouder.",
        "public",
        "reviewer.demo",
    )
    assert entry[:3] == ("reviewer.demo", "insert", "note")
    assert json.loads(entry[3])["subject_code"] == "GR-A-FLOOR"
    # The note is listed at once, and the text box is empty for the next one.
    assert "Besproken met de wethouder" in _text(at)
    assert at.text_area(key="review_note_body").value == ""


@pytest.mark.parametrize(
    ("start", "end", "body", "field"),
    [
        (dt.date(2026, 9, 30), dt.date(2026, 7, 1), "Eind voor begin.", "periode tot en met"),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30), "", "tekst"),
    ],
)
def test_a_bad_note_names_the_field_and_writes_nothing(app, demo_copy, start, end, body, field):
    at = _open(app)
    con = _working(demo_copy)
    before = _counts(con)
    _fill_note(at, start, end, body)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and f"‘{field}’" in errors[0].replace("\\", ""), errors
    assert not at.success
    assert _counts(con) == before
    # What was typed is kept, to correct it.
    assert at.text_area(key="review_note_body").value == body


def test_on_the_published_figures_the_page_reads_the_publication_and_still_the_notes(app, demo_db_file):
    at = _open(app)
    figures = next(w for w in at.sidebar.get("button_group") if w.key == "figures_choice")
    figures.set_value("published").run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(c.value.startswith("Cijfers zoals gepubliceerd") for c in at.caption)
    assert len(_scorecard(at)) == len(_ambitions(demo_db_file))
    # The publication holds no internal notes; the review still shows them (notes are not figures).
    at.selectbox(key="review_pick_nl").set_value("DH-A-OCCUPANCY").run()
    assert i18n.t("review_visibility_internal", "nl") in _text(at)
