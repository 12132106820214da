"""The progress review without Streamlit: scorecard, filters, sort, change since publication, notes."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest

from impactdash import i18n
from impactdash.measures import metrics, progress
from impactdash.store import db
from impactdash.views import ambitions as ambitions_view
from impactdash.views import review
from impactdash.write import datasets, edits, permissions, review_notes

REVIEWER = permissions.Actor("reviewer.demo", frozenset({"reviewer"}))
ADMIN = permissions.Actor("admin.demo", frozenset({"admin"}))
EDITOR = permissions.Actor("editor.demo", frozenset({"editor"}))


def _rows(con, published: dict | None = None) -> list[review.ScoreRow]:
    return review.scorecard(
        progress.assess_all(con),
        db.run_query(con, "municipalities"),
        db.run_query(con, "review_instruments"),
        db.run_query(con, "review_notes"),
        published,
    )


@pytest.fixture(scope="module")
def rows(demo_db_file):
    # Assessing every ambition takes a second or two: once for the module (rows are frozen).
    con = db.connect(demo_db_file, read_only=True)
    try:
        return _rows(con, progress.latest_of_ambitions(con))
    finally:
        con.close()


def _sql(con, sql, **params):
    cur = con.cursor()
    try:
        return cur.execute(sql, params).fetchall()
    finally:
        cur.close()


# --- the scorecard ---------------------------------------------------------------------------


def test_the_scorecard_has_one_row_per_ambition_of_every_municipality(demo_con, rows):
    ambitions = dict(_sql(demo_con, "select code, municipality_code from ambition"))
    assert sorted(r.code for r in rows) == sorted(ambitions)
    assert {r.code: r.municipality_code for r in rows} == ambitions
    assert len({r.municipality_code for r in rows}) >= 3


def test_instruments_are_those_of_the_programmes_serving_the_ambition(demo_con, rows):
    by_code = {r.code: r for r in rows}
    served = _sql(
        demo_con,
        "select distinct p.instrument_code from programme_ambition pa"
        " join programme p on p.code = pa.programme_code where pa.ambition_code = 'DH-A-FLOOR'",
    )
    assert {i.code for i in by_code["DH-A-FLOOR"].instruments} == {c for (c,) in served}
    # No programme serves the impact team ambition.
    assert by_code["DH-A-TEAM"].instruments == ()
    assert review.instruments_text(by_code["DH-A-TEAM"], "nl") == "–"


def test_notes_count_internal_notes_and_notes_on_measure_programmes_and_properties(demo_con, rows):
    by_code = {r.code: r for r in rows}
    notes = db.run_query(demo_con, "review_notes")
    occupancy = notes[notes["ambition_code"] == "DH-A-OCCUPANCY"]
    assert by_code["DH-A-OCCUPANCY"].notes == len(occupancy) > 0
    assert "internal" in set(occupancy["visibility"])
    assert set(occupancy["author"]) - {""}, "authors are shown to reviewers"
    on_ambition = _sql(
        demo_con,
        "select count(*) from note where subject_kind = 'ambition' and subject_code = 'DH-A-OCCUPANCY'",
    )[0][0]
    assert by_code["DH-A-OCCUPANCY"].notes >= on_ambition
    # Every ambition's own notes are counted.
    for code, count in _sql(
        demo_con, "select subject_code, count(*) from note where subject_kind = 'ambition' group by 1"
    ):
        assert by_code[code].notes >= count


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_scorecard_table_is_formatted_in_the_page_language(rows, lang):
    frame = review.scorecard_frame(rows, lang)
    assert len(frame) == len(rows)
    assert list(frame.columns)[0] == i18n.t("review_col_ambition", lang)
    first = frame.iloc[0][i18n.t("review_col_ambition", lang)]
    plain = re.sub(r"\\(.)", r"\1", first).replace(i18n.WORD_JOINER, "")
    assert plain == f"**{rows[0].municipality}** – {rows[0].item.name(lang)}"
    assert i18n.t("amb_col_expected", lang) in frame.columns
    row = frame.iloc[[r.code for r in rows].index("DH-A-FLOOR")]
    latest = row[i18n.t("amb_col_latest", lang)]
    assert latest.startswith("18.700\u00a0m²" if lang == "nl" else "18,700\u00a0m²")
    status = row[i18n.t("amb_col_status", lang)]
    assert status.split("\u00a0")[0] in i18n.STATUS_ICON.values()
    # The demo's working figures are what was published: nothing changed.
    assert row[i18n.t("review_col_change", lang)] == "0\u00a0m²"


def test_the_scorecard_shows_the_assessments_one_expected_value(rows):
    frame = review.scorecard_frame(rows, "en")
    for row, shown in zip(rows, frame[i18n.t("amb_col_expected", "en")], strict=True):
        # The path on the latest value's date (the column before gives that date).
        assert shown == review.value_text(row.item.assessment.expected, row.item.unit, "en")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_scorecard_and_the_drill_down_give_one_koers_per_ambition(rows, lang):
    # Issue 11: the scorecard showed the trajectory on today's date ("Koers op 02-12-2026":
    # 16.533 m² for the floor area of Den Haag on 02-12-2026), the drill-down's sentence the trajectory on
    # the latest value's date (16.245 m²): two "koers" values for one ambition.
    frame = review.scorecard_frame(rows, lang)
    column = next(c for c in frame.columns if "koers" in c.lower() or "trajectory" in c.lower())
    for row, shown in zip(rows, frame[column], strict=True):
        if row.item.assessment.latest is None:
            continue
        in_sentence = ambitions_view.value_text(row.item.assessment.expected, row.item.unit, lang)
        assert in_sentence in ambitions_view.summary_sentence(row.item, lang)
        assert shown == in_sentence, (row.code, shown, in_sentence)


# --- filters and sort -------------------------------------------------------------------------


def test_empty_filters_keep_everything(rows):
    assert review.filter_rows(rows) == rows
    assert review.filter_rows(rows, [], [], []) == rows


def test_filter_by_municipality(rows):
    kept = review.filter_rows(rows, municipalities=["GM0014"])
    assert kept and all(r.municipality_code == "GM0014" for r in kept)
    assert len(kept) == sum(r.municipality_code == "GM0014" for r in rows)


def test_filter_by_instrument_keeps_ambitions_any_of_whose_programmes_use_it(rows):
    kept = review.filter_rows(rows, instruments=["creative_space"])
    assert {r.code for r in kept} == {"DH-A-FLOOR", "DH-A-OCCUPANCY", "DH-A-SPEND"}
    both = review.filter_rows(rows, instruments=["creative_space", "impact_hub"])
    assert {r.code for r in kept} < {r.code for r in both}


def test_filter_by_status_and_combined(rows):
    for status in review.status_options(rows):
        kept = review.filter_rows(rows, statuses=[status])
        assert kept and all(r.status == status for r in kept)
    combined = review.filter_rows(rows, ["GM0518"], ["impact_hub"], ["on_track"])
    assert all(
        r.municipality_code == "GM0518"
        and r.status == "on_track"
        and "impact_hub" in {i.code for i in r.instruments}
        for r in combined
    )


def test_filter_options(rows):
    towns = review.municipality_options(rows)
    assert set(towns) == {r.municipality_code for r in rows}
    instruments = review.instrument_options(rows, "en")
    assert "creative_space" in instruments
    assert list(instruments.values()) == sorted(instruments.values(), key=str.casefold)
    assert review.status_options(rows)[0] == "off_track"


@pytest.mark.parametrize("order", list(review.SORT_OPTIONS))
def test_every_sort_order_keeps_every_row(rows, order):
    assert sorted(r.code for r in review.sort_rows(rows, order, "nl")) == sorted(r.code for r in rows)


def test_sort_by_status_worst_first(rows):
    ranks = [ambitions_view.STATUS_ORDER.index(r.status) for r in review.sort_rows(rows, "status", "nl")]
    assert ranks == sorted(ranks)
    best = [r.status for r in review.sort_rows(rows, "status_best", "nl")]
    assert best[0] == "on_track"


def test_sort_by_municipality_then_status(rows):
    ordered = review.sort_rows(rows, "municipality", "nl")
    names = [r.municipality.casefold() for r in ordered]
    assert names == sorted(names)


def test_sort_by_notes_most_first(rows):
    counts = [r.notes for r in review.sort_rows(rows, "notes", "nl")]
    assert counts == sorted(counts, reverse=True)


def test_unknown_sort_order_is_an_error(rows):
    with pytest.raises(ValueError):
        review.sort_rows(rows, "colour", "nl")


# --- change since the publication ----------------------------------------------------------


@pytest.fixture
def published_side(demo_db_file, tmp_path):
    """A 'publication': a copy of the demo in which two measures read differently."""
    path = tmp_path / "published.duckdb"
    shutil.copy(demo_db_file, path)
    con = db.connect(path)
    try:
        cur = con.cursor()
        # The number of impact enterprises in The Hague at the end of 2025 was 800 when published.
        cur.execute(
            "update observation set value = 800 where metric_code = 'impact_enterprises'"
            " and municipality_code = 'GM0518' and observed_on = '2025-12-31'"
        )
        # Groningen's purchasing from impact enterprises had no figures at all yet.
        cur.execute(
            "delete from observation where metric_code = 'impact_procurement_eur' and municipality_code = 'GM0014'"
        )
        cur.close()
        yield progress.latest_of_ambitions(con)
    finally:
        con.close()


def test_change_since_publication_is_latest_now_minus_latest_published(demo_con, published_side):
    rows = {r.code: r for r in _rows(demo_con, published_side)}
    now = rows["DH-A-ENTERPRISES"].item.assessment.latest
    assert now.date == dt.date(2025, 12, 31) and now.value == 830
    assert rows["DH-A-ENTERPRISES"].change == pytest.approx(30)
    assert review.change_text(rows["DH-A-ENTERPRISES"], "nl") == "+30"
    # No value in the publication: no change to show.
    assert published_side["GR-A-PROCURE"] is None
    assert rows["GR-A-PROCURE"].change is None
    assert review.change_text(rows["GR-A-PROCURE"], "en") == "–"
    # Everything else is as published.
    unchanged = [r for code, r in rows.items() if code not in {"DH-A-ENTERPRISES", "GR-A-PROCURE"}]
    assert all(r.change == 0 for r in unchanged if r.item.assessment.latest is not None)
    # The largest change comes first.
    assert review.sort_rows(list(rows.values()), "change", "nl")[0].code == "DH-A-ENTERPRISES"


def test_a_fall_since_publication_carries_a_minus_and_the_unit(demo_con, published_side):
    published = {**published_side, "DH-A-FLOOR": metrics.Point(dt.date(2026, 9, 30), 19_900.0)}
    row = {r.code: r for r in _rows(demo_con, published)}["DH-A-FLOOR"]
    assert row.change == pytest.approx(-1200)
    assert review.change_text(row, "nl") == "−1.200\u00a0m²"
    assert review.change_text(row, "en") == "−1,200\u00a0m²"


def test_without_a_publication_there_is_no_change(demo_con):
    rows = _rows(demo_con, None)
    assert all(r.change is None for r in rows)
    frame = review.scorecard_frame(rows, "nl")
    assert set(frame[i18n.t("review_col_change", "nl")]) == {"–"}


# --- the drill-down -----------------------------------------------------------------------------


def test_programme_years_add_up_to_the_programmes_per_year(demo_con):
    years = db.run_query(demo_con, "review_programme_years", ambition="DH-A-FLOOR")
    assert set(years["programme_code"]) == {"DH-P03", "DH-P08", "DH-P18"}
    frame = review.programme_years_frame(years, "nl")
    assert len(frame) == years["year"].nunique()
    budget_2025 = years[years["year"] == 2025]["budget"].sum()
    row = frame[frame[i18n.t("review_col_year", "nl")] == "2025"].iloc[0]
    assert row[i18n.t("review_col_budget", "nl")] == i18n.fmt_eur(budget_2025, "nl")
    # The reporting year is not complete yet and says so.
    assert frame.iloc[-1][i18n.t("review_col_year", "nl")] == i18n.t("review_year_partial", "nl", year=2026)
    lines = review.programme_year_lines(years, "en")
    assert len(lines) == len(years)


def test_the_properties_behind_an_ambition_are_those_of_its_programmes(demo_con):
    links = db.run_query(demo_con, "review_ambition_properties", ambition="DH-A-FLOOR")
    register = db.run_query(demo_con, "property_register", municipality="GM0518")
    frame = review.properties_frame(register, links, "nl")
    expected = _sql(
        demo_con,
        "select count(*) from property where programme_code in"
        " (select programme_code from programme_ambition where ambition_code = 'DH-A-FLOOR')",
    )[0][0]
    assert len(frame) == expected > 0
    assert set(frame[i18n.t("property_col_state", "nl")]) <= {
        i18n.t(f"property_state_{s}", "nl") for s in ("active", "planned", "ended")
    }
    none = db.run_query(demo_con, "review_ambition_properties", ambition="DH-A-JOBS")
    assert review.properties_frame(register, none, "nl").empty


def test_the_notes_table_shows_internal_notes_with_author_and_period(demo_con):
    notes = review.ambition_notes(db.run_query(demo_con, "review_notes"), "DH-A-OCCUPANCY")
    frame = review.notes_frame(notes, "nl")
    assert len(frame) == len(notes)
    assert list(frame[i18n.t("review_col_number", "nl")]) == [str(i) for i in range(1, len(notes) + 1)]
    assert i18n.t("review_visibility_internal", "nl") in set(frame[i18n.t("review_col_visibility", "nl")])
    assert r"editor\.demo" in set(frame[i18n.t("review_col_author", "nl")])  # escaped for the table
    assert all(" t/m " in p for p in frame[i18n.t("review_col_period", "nl")])


def test_typed_markup_in_a_note_is_escaped(demo_con):
    notes = review.ambition_notes(db.run_query(demo_con, "review_notes"), "DH-A-OCCUPANCY").copy()
    notes.loc[0, "body"] = "![x](https://elsewhere/p.png) *bold*"
    frame = review.notes_frame(notes, "en")
    assert frame.iloc[0][i18n.t("review_col_text", "en")].startswith(r"\!\[x\]")


# --- adding a note ------------------------------------------------------------------------------

GOOD = {
    "period_start": dt.date(2026, 7, 1),
    "period_end": dt.date(2026, 9, 30),
    "body": "Vraag na.",
    "visibility": "internal",
}


def _counts(con):
    return _sql(
        con,
        "select (select count(*) from note), (select count(*) from audit_log), (select version from data_version)",
    )[0]


@pytest.mark.parametrize("actor", [REVIEWER, ADMIN])
def test_a_reviewer_adds_a_note_on_an_ambition_and_it_is_audited(demo_copy, actor):
    con = db.connect(demo_copy)
    try:
        notes, audits, version = _counts(con)
        note_id = review_notes.add_note(con, actor, "GR-A-FLOOR", GOOD)
        row = _sql(
            con,
            "select subject_kind, subject_code, municipality_code, period_start, period_end, body, visibility,"
            " author from note where id = $id",
            id=note_id,
        )[0]
        assert row == (
            "ambition",
            "GR-A-FLOOR",
            "GM0014",
            GOOD["period_start"],
            GOOD["period_end"],
            "Vraag na.",
            "internal",
            actor.username,
        )
        assert _counts(con) == (notes + 1, audits + 1, version + 1)
        entry = _sql(
            con,
            "select actor, action, dataset, record_key, after_json from audit_log order by id desc limit 1",
        )[0]
        assert entry[:4] == (actor.username, "insert", "note", json.dumps([note_id]))
        assert json.loads(entry[4])["body"] == "Vraag na."
    finally:
        con.close()


@pytest.mark.parametrize("actor", [EDITOR, permissions.ANONYMOUS])
def test_only_those_who_review_may_add_a_note_here(demo_copy, actor):
    con = db.connect(demo_copy)
    try:
        before = _counts(con)
        with pytest.raises(permissions.PermissionDenied):
            review_notes.add_note(con, actor, "GR-A-FLOOR", GOOD)
        assert _counts(con) == before
    finally:
        con.close()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"period_end": dt.date(2026, 6, 30)}, "period_end"),
        ({"body": ""}, "body"),
        ({"body": "   "}, "body"),
        ({"period_start": None}, "period_start"),
        ({"visibility": "everyone"}, "visibility"),
    ],
)
def test_a_bad_note_names_the_field_and_writes_nothing(demo_copy, change, field):
    con = db.connect(demo_copy)
    try:
        before = _counts(con)
        with pytest.raises(edits.ValidationError) as caught:
            review_notes.add_note(con, REVIEWER, "GR-A-FLOOR", {**GOOD, **change})
        assert field in {p.field for p in caught.value.problems}
        label = datasets.get("note").field(field).label("nl")
        assert label in caught.value.message("nl")
        assert _counts(con) == before
    finally:
        con.close()


def test_a_note_on_an_unknown_ambition_is_refused(demo_copy):
    con = db.connect(demo_copy)
    try:
        before = _counts(con)
        with pytest.raises(edits.ValidationError) as caught:
            review_notes.add_note(con, REVIEWER, "XX-NOPE", GOOD)
        assert "subject_code" in {p.field for p in caught.value.problems}
        assert _counts(con) == before
    finally:
        con.close()


def test_a_note_takes_only_the_reviewers_fields(demo_copy):
    con = db.connect(demo_copy)
    try:
        with pytest.raises(ValueError, match="author"):
            review_notes.add_note(con, REVIEWER, "GR-A-FLOOR", {**GOOD, "author": "someone.else"})
    finally:
        con.close()


def test_the_scorecard_caption_names_the_publication_it_compares_with():
    published = type("Current", (), {"label": "Q3 *voorlopig*", "approved_at": dt.datetime(2025, 10, 1, 9)})()
    text = review.scorecard_caption(published, "nl")
    assert "Q3 \\*voorlopig\\*" in text and "01-10-2025" in text
    assert review.scorecard_caption(None, "nl") == i18n.t(
        "review_caption_unpublished", "nl", window=metrics.PROJECTION_WINDOW
    )
