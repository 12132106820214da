"""The ambitions page in both languages: the list, its sorting and filter, and one ambition in detail."""

from __future__ import annotations

import json
import re

import pytest

from impactdash import i18n
from impactdash.measures import progress
from impactdash.store import db
from impactdash.views import ambitions as view
from tests.app.conftest import read_table

PAGE = "app_pages/ambitions.py"
LARGE, NORTH = "GM0518", "GM0014"
#: Words that give an English page away on the Dutch one (headings, columns, chart furniture).
ENGLISH = re.compile(
    r"\b(Ambitions?|Target|Actual|Projection|Trajectory|Baseline|Milestones?|Measure|Latest|"
    r"Expected|Programmes?|Budget to|Spent|Notes?|Choose|Sort|Show|on track|off track|at risk|Set in)\b"
)


def _items(demo_db_file, gm):
    con = db.connect(demo_db_file, read_only=True)
    try:
        return progress.build(
            db.run_query(con, "ambitions", municipality=gm),
            db.run_query(con, "milestones", municipality=gm),
            db.run_query(con, "metric_values", municipality=gm),
        )
    finally:
        con.close()


def _sql(demo_db_file, sql, **params):
    con = db.connect(demo_db_file, read_only=True)
    try:
        return con.cursor().execute(sql, params).fetchall()
    finally:
        con.close()


def _plain(text: str) -> str:
    """Undo the table's Markdown escapes and unbreakable dates, to compare with plain values."""
    return re.sub(r"\\(.)", r"\1", text).replace(i18n.WORD_JOINER, "").replace(i18n.NBSP, " ")


def _list(at):
    return read_table(at.table[0])


def _page_text(at) -> str:
    parts = [h.value for h in at.title] + [h.value for h in at.header] + [m.value for m in at.markdown]
    parts += [c.value for c in at.caption]
    for table in at.table:
        frame = read_table(table)
        parts += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("gm", [LARGE, NORTH])
def test_the_list_shows_every_ambition_with_the_figures_of_the_sql(app, demo_db_file, lang, gm):
    at = app(lang, municipality=gm, page=PAGE)
    items = _items(demo_db_file, gm)
    assert items, "the demo data has ambitions for this city"
    table = _list(at)
    assert len(table) == len(items)
    measure, status, latest, expected, target = (
        i18n.t(f"amb_col_{k}", lang) for k in ("measure", "status", "latest", "expected", "target")
    )
    rows = {_plain(r[measure]): r for _, r in table.iterrows()}
    for item in items:
        row = rows[item.name(lang)]
        a = item.assessment
        assert (
            _plain(row[status])
            == f"{i18n.STATUS_ICON[a.status.value]} {i18n.status_label(a.status.value, lang)}"
        )
        if a.latest:
            want = (
                f"{view.value_text(a.latest.value, item.unit, lang)} ({i18n.fmt_date(a.latest.date, lang)})"
            )
            assert _plain(row[latest]) == want.replace(i18n.NBSP, " ")
        assert _plain(row[expected]) == view.value_text(a.expected, item.unit, lang).replace(i18n.NBSP, " ")
        assert _plain(row[target]).startswith(
            view.value_text(item.ambition.target.value, item.unit, lang).replace(i18n.NBSP, " ")
        )
    counts = progress.status_counts(items)
    intro = at.markdown[0].value
    assert str(len(items)) in intro and f"{counts['off_track']} " in intro


@pytest.mark.parametrize("gm", [LARGE, NORTH])
def test_by_default_the_worst_come_first(app, demo_db_file, gm):
    at = app("nl", municipality=gm, page=PAGE)
    words = {i18n.status_label(s, "nl"): s for s in view.STATUS_ORDER}
    order = [words[_plain(s).split(" ", 1)[1]] for s in _list(at)["Status"]]
    ranks = [view.STATUS_ORDER.index(s) for s in order]
    assert ranks == sorted(ranks)
    assert len(set(order)) > 1, "the demo city has more than one status, so the order is tested"


def test_the_status_filter_and_the_sort_order_change_the_list(app, demo_db_file):
    at = app("nl", municipality=LARGE, page=PAGE)
    items = _items(demo_db_file, LARGE)
    at.pills[0].set_value(["on_track"]).run()
    on_track = [i for i in items if i.assessment.status.value == "on_track"]
    assert len(_list(at)) == len(on_track) > 0
    assert all("Op koers" in _plain(s) for s in _list(at)["Status"])
    at.selectbox(key="amb_sort_nl").set_value("name").run()
    names = [_plain(n) for n in _list(at)["Maatstaf"]]
    assert names == sorted(names, key=str.casefold)
    at.pills[0].set_value([]).run()
    assert not at.table or "Maatstaf" not in read_table(at.table[0]).columns
    assert i18n.t("amb_none_selected", "nl") in [i.value for i in at.info]


def test_the_sort_order_holds_across_a_language_switch_and_speaks_the_new_language(app):
    at = app("nl", municipality=LARGE, page=PAGE)
    at.selectbox(key="amb_sort_nl").set_value("name").run()
    at.session_state["lang_switch"] = "en"
    at.run()
    assert not at.exception
    assert at.sidebar.get("button_group")[0].label == "Language"  # the switch itself, too
    box = at.selectbox(key="amb_sort_en")
    assert box.value == "name"
    assert box.options == [i18n.t(label, "en") for label in view.SORT_OPTIONS.values()]
    names = [_plain(n) for n in _list(at)["Measure"]]
    assert names == sorted(names, key=str.casefold)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("gm", [LARGE, NORTH])
def test_the_detail_chart_is_drawn_with_a_sentence_from_the_data(app, demo_db_file, lang, gm):
    at = app(lang, municipality=gm, page=PAGE)
    items = view.sort_items(_items(demo_db_file, gm), "status", lang)
    first = items[0]
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    names = [t["name"] for t in spec["data"]]
    assert i18n.t("trajectory", lang) in names and i18n.t("target", lang) in names
    if first.series:
        actual = next(t for t in spec["data"] if t["name"] == i18n.t("actual", lang))
        assert len(actual["x"]) == len(first.series)
    assert view.summary_sentence(first, lang) in [m.value for m in at.markdown]
    assert f"### {view.escape_markdown(first.name(lang))}" in [m.value for m in at.markdown]


def test_picking_an_ambition_shows_its_public_notes_and_never_internal_ones(app, demo_db_file):
    at = app("nl", municipality=LARGE, page=PAGE)
    public = _sql(
        demo_db_file,
        "select subject_code, body from note where visibility = 'public' and subject_kind = 'ambition'"
        " and municipality_code = $gm",
        gm=LARGE,
    )
    internal = _sql(
        demo_db_file,
        "select subject_code, body from note where visibility = 'internal' and subject_kind = 'ambition'"
        " and municipality_code = $gm",
        gm=LARGE,
    )
    assert public and internal, "the demo data has both kinds of notes on ambitions"
    for code, body in public:
        at.selectbox(key=f"amb_pick_{LARGE}").set_value(code).run()
        assert body in _plain(_page_text(at))
    for code, body in internal:
        at.selectbox(key=f"amb_pick_{LARGE}").set_value(code).run()
        assert not at.exception
        assert body[:40] not in _plain(_page_text(at))


def test_the_programme_budget_and_spend_equal_the_ledgers(app, demo_db_file):
    at = app("nl", municipality=LARGE, page=PAGE)
    code = view.sort_items(_items(demo_db_file, LARGE), "status", "nl")[0].code
    (as_of,) = _sql(demo_db_file, "select reporting_date from reporting_period")[0]
    ((spend, n),) = _sql(
        demo_db_file,
        "select sum(s.amount)::double, count(distinct s.programme_code) from spend as s"
        " join programme_ambition as pa on pa.programme_code = s.programme_code"
        " where pa.ambition_code = $code and s.booking_date <= $as_of",
        code=code,
        as_of=as_of,
    )
    ((budget,),) = _sql(
        demo_db_file,
        "select sum(b.amount) from programme_year_budget as b"
        " join programme_ambition as pa on pa.programme_code = b.programme_code"
        " where pa.ambition_code = $code and b.year <= $year",
        code=code,
        year=as_of.year,
    )
    sentence = next(m.value for m in at.markdown if "deze ambitie:" in m.value)
    spend_text = i18n.fmt_eur(spend, "nl", compact=spend >= 1_000_000)
    budget_text = i18n.fmt_eur(budget, "nl", compact=budget >= 1_000_000)
    assert f"samen {budget_text} begroot" in sentence and f"en {spend_text} uitgegeven" in sentence
    programmes = read_table(at.table[-1])
    assert len(programmes) >= n > 0
    spend_column = next(c for c in programmes.columns if c.startswith("Uitgegeven t/m"))
    total = sum(float(_plain(v).replace("€", "").replace(".", "").strip()) for v in programmes[spend_column])
    assert round(total) == round(spend)


def test_the_milestone_table_lists_baseline_milestones_and_target(app, demo_db_file):
    at = app("en", municipality=NORTH, page=PAGE)
    first = view.sort_items(_items(demo_db_file, NORTH), "status", "en")[0]
    milestones = next(read_table(t) for t in at.table if "Met?" in t.value.columns)
    assert list(milestones["Kind"]) == ["Baseline"] + ["Milestone"] * len(first.ambition.milestones) + [
        "Target"
    ]
    values = [_plain(v) for v in milestones["Value"]]
    assert values[0] == view.value_text(first.ambition.baseline.value, first.unit, "en").replace(
        i18n.NBSP, " "
    )
    assert values[-1] == view.value_text(first.ambition.target.value, first.unit, "en").replace(
        i18n.NBSP, " "
    )


@pytest.mark.parametrize("gm", [LARGE, NORTH])
def test_the_dutch_page_has_no_english(app, gm):
    at = app("nl", municipality=gm, page=PAGE)
    headings = [h.value for h in at.header]
    assert headings == ["Alle ambities", "Ambitie in detail"]
    found = ENGLISH.findall(_plain(_page_text(at)))
    assert not found, found
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    furniture = [t["name"] for t in spec["data"]] + [spec["layout"]["yaxis"]["title"]["text"]]
    furniture += [spec["layout"]["xaxis"]["title"]["text"]] + [
        " ".join(t.get("customdata") or []) for t in spec["data"]
    ]
    assert not ENGLISH.findall(" ".join(furniture)), furniture


def test_the_english_page_has_english_headings(app):
    at = app("en", municipality=LARGE, page=PAGE)
    assert [h.value for h in at.header] == ["All ambitions", "Ambition in detail"]
    assert "Alle ambities" not in _page_text(at)
