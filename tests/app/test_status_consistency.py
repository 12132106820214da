"""Status and projection say the same thing on every page, in both languages (issue 11, item 6).

On the demo data the floor area of Den Haag showed "✓ Op koers" beside "Doel niet bereikt
bij dit tempo" (ambitions and property pages), and the review page showed two "koers"
values for it: the trajectory on today's date in the scorecard, the trajectory on the
latest value's date in the drill-down. Every page now takes status, expected value,
projection and the reason from ``metrics.assess`` (through ``views.ambitions``).
"""

from __future__ import annotations

import re

import pytest

from impactdash import i18n
from impactdash.measures import progress
from impactdash.store import db
from impactdash.views import ambitions as view
from tests.app.conftest import read_table

LARGE = "GM0518"
FLOOR = "DH-A-FLOOR"
LANGS = ["nl", "en"]
# The projection's words for a target missed at this pace, written out (they are what a visitor reads).
NOT_AT_THIS_PACE = {"nl": "Doel niet bereikt bij dit tempo", "en": "Target not reached at this pace"}
REACHED_LATE = {"nl": "Doel pas rond ", "en": "Target only reached around "}
SHORT_CELLS = {"nl": {"niet", "niet, doeldatum verstreken"}, "en": {"not", "no, target date passed"}}
LATE_CELL = {"nl": ", te laat", "en": ", too late"}


@pytest.fixture(scope="module")
def floor(demo_db_file):
    con = db.connect(demo_db_file, read_only=True)
    try:
        return next(i for i in progress.for_municipality(con, LARGE) if i.code == FLOOR)
    finally:
        con.close()


def _plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", str(text)).replace(i18n.WORD_JOINER, "").replace(i18n.NBSP, " ")


def _misses(text: str, lang: str) -> bool:
    """Does ``text`` say the target is not reached in time at this pace?"""
    return NOT_AT_THIS_PACE[lang] in text or REACHED_LATE[lang] in text


def _on_track(text: str, lang: str) -> bool:
    return f"{i18n.STATUS_ICON['on_track']} {i18n.status_label('on_track', lang)}" in _plain(text)


def _unexplained(texts: list[str], lang: str) -> list[str]:
    """The texts that put "on track" beside "not reached at this pace" with no reason."""
    return [t for t in texts if _on_track(t, lang) and _misses(t, lang)]


def _texts(at) -> list[str]:
    return [m.value for m in at.markdown] + [c.value for c in at.caption]


def _table_pairs(frame, status_col: str, projection_col: str, lang: str) -> list[tuple[str, str]]:
    """(status, projection) cells of a table where "on track" stands beside a missed target."""
    return [
        (s, p)
        for s, p in zip(frame[status_col], frame[projection_col], strict=True)
        if _on_track(s, lang) and (_plain(p) in SHORT_CELLS[lang] or _plain(p).endswith(LATE_CELL[lang]))
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_ambitions_page_status_line_and_list_agree_for_the_floor_area(app, floor, lang):
    at = app(lang, municipality=LARGE, page="app_pages/ambitions.py")
    listed = read_table(at.table[0])
    assert not _table_pairs(
        listed, i18n.t("amb_col_status", lang), i18n.t("amb_col_projection", lang), lang
    ), "a row says on track beside a projection that misses the target"
    at.selectbox(key=f"amb_pick_{LARGE}").set_value(FLOOR).run()
    assert not at.exception
    texts = _texts(at)
    assert not _unexplained(texts, lang)
    line = next(t for t in texts if t.startswith("**Status:**"))
    status = floor.assessment.status.value
    assert f"{i18n.STATUS_ICON[status]} {i18n.status_label(status, lang)}" in line
    # The reason: ahead of the trajectory, but the pace misses the 2028 target, with the figure.
    assert line == view.status_line(floor, lang)
    assert view.value_text(floor.assessment.projected_value, "m2", lang) in line
    assert (" maar " if lang == "nl" else " but ") in line


@pytest.mark.parametrize("lang", LANGS)
def test_property_page_floor_sentence_gives_status_and_reason_together(app, floor, lang):
    at = app(lang, municipality=LARGE, page="app_pages/property.py")
    texts = _texts(at)
    assert not _unexplained(texts, lang)
    latest_date = i18n.fmt_date(floor.assessment.latest.date, lang)
    sentence = next(
        t for t in texts if t.startswith(latest_date) and view.value_text(20_000, "m2", lang) in t
    )
    assert view.status_verdict(floor, lang) in sentence
    assert (" maar " if lang == "nl" else " but ") in sentence


@pytest.mark.parametrize("lang", LANGS)
def test_review_page_shows_one_koers_and_a_consistent_status_for_the_floor_area(app, floor, lang):
    at = app(lang, signed_in="reviewer.demo", page="app_pages/review.py")
    card = read_table(at.table[0])
    columns = list(card.columns)
    # Columns: ambition, instruments, status, latest, expected on the trajectory, projection, ...
    ambition_col, status_col, expected_col = columns[0], columns[2], columns[4]
    row = next(
        r
        for _, r in card.iterrows()
        if _plain(r[ambition_col]) == f"**'s-Gravenhage** – {floor.name(lang)}"  # GM0518 in the demo
    )
    at.selectbox(key=f"review_pick_{lang}").set_value(FLOOR).run()
    assert not at.exception
    texts = _texts(at)
    summary = view.summary_sentence(floor, lang)
    assert summary in texts
    one_koers = view.value_text(floor.assessment.expected, "m2", lang)
    assert one_koers in summary
    # The scorecard's expected value is the drill-down's: one "koers" for the ambition.
    assert _plain(row[expected_col]) == _plain(one_koers), (row[expected_col], one_koers)
    assert not _unexplained(texts, lang)
    status = floor.assessment.status.value
    assert _plain(row[status_col]) == f"{i18n.STATUS_ICON[status]} {i18n.status_label(status, lang)}"
    line = next(t for t in texts if t.startswith("**Status:**"))
    assert line.startswith(view.status_line(floor, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_the_method_page_documents_the_one_rule(app, lang):
    at = app(lang, page="app_pages/method.py")
    text = "\n".join(m.value for m in at.markdown)
    rule = {
        "nl": "óf de waarde ligt op of voor de koers, maar bij dit tempo wordt het doel niet of pas na de doeldatum",
        "en": "or the value is on or ahead of the trajectory, but at this pace the target is not reached, or only",
    }
    assert rule[lang] in text
    assert i18n.t("method_status_text", lang).split("{")[0] in text
    assert "{window}" not in text and "{on_pct}" not in text
