"""The real-estate page in both languages: renders, draws its charts, shows the figures the SQL gives."""

from __future__ import annotations

import json
import re

import pytest

from impactdash import i18n
from impactdash.measures import progress
from impactdash.store import db
from impactdash.texts.common import TEXTS as COMMON
from impactdash.texts.property import TEXTS as PROPERTY
from impactdash.views import property as realestate
from tests.publishing import publish_now

PAGE = "app_pages/property.py"
CASES = [("nl", "GM0518"), ("en", "GM0518"), ("nl", "GM0080"), ("en", "GM0014")]


def _specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _page_text(at) -> str:
    parts = [t.value for t in at.title] + [h.value for h in at.header]
    parts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    return "\n".join(parts)


def _chart_words(spec: dict) -> str:
    """Every text of a plotly spec a visitor can read: names, hover texts, labels, axis titles."""
    found = []
    for trace in spec["data"]:
        found.append(str(trace.get("name", "")))
        for key in ("customdata", "text"):
            values = trace.get(key)
            if isinstance(values, list):
                found += [str(v) for v in values]
        found.append(str(trace.get("hovertemplate", "")))
    for name, axis in spec["layout"].items():
        if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            title = axis.get("title") or {}
            found.append(str(title.get("text", "")) if isinstance(title, dict) else str(title))
    return "\n".join(found)


def _expected(demo_db_file, gm):
    con = db.connect(demo_db_file, read_only=True)
    try:
        quarters = db.run_query(con, "property_quarters", municipality=gm)
        discount = db.run_query(con, "property_rent_discount", municipality=gm)
        register = db.run_query(con, "property_register", municipality=gm)
        items = progress.build(
            db.run_query(con, "ambitions", municipality=gm),
            db.run_query(con, "milestones", municipality=gm),
            db.run_query(con, "metric_values", municipality=gm),
        )
    finally:
        con.close()
    return quarters, discount, register, {i.metric_code: i for i in items}


@pytest.mark.parametrize(("lang", "gm"), CASES)
def test_page_renders_its_four_charts(app, lang, gm):
    at = app(lang, municipality=gm, page=PAGE)
    assert [h.value for h in at.header] == [
        PROPERTY[key][lang]
        for key in (
            "property_floor_title",
            "property_occupancy_title",
            "property_discount_title",
            "property_map_title",
            "property_register_title",
        )
    ] + [i18n.t("building_title", lang)]
    specs = _specs(at)
    assert len(specs) == 4
    assert all(spec["data"] for spec in specs), "every chart has traces"
    floor, occupancy, discount, the_map = specs
    assert any(t.get("name") == COMMON["trajectory"][lang] for t in floor["data"]), (
        "drawn against the ambition"
    )
    assert {t["type"] for t in occupancy["data"]} == {"scatter", "bar"}
    assert {t["type"] for t in the_map["data"]} == {"scatter"}, "no geo traces (CDN) and no tiles"
    assert any(t.get("fill") == "toself" for t in the_map["data"]), "district outlines are drawn"
    # every chart's data is a click away, the register is shown as a table
    assert len(at.expander) == 4  # with one building's quarters
    assert len(at.table) == 5  # the register and one building's quarters beside the charts' tables


@pytest.mark.parametrize(("lang", "gm"), CASES)
def test_headline_numbers_equal_the_sql(app, demo_db_file, lang, gm):
    at = app(lang, municipality=gm, page=PAGE)
    quarters, discount, register, items = _expected(demo_db_file, gm)
    last = quarters.iloc[-1]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[PROPERTY["property_kpi_floor"][lang]] == i18n.fmt_value(
        last["impact_floor_m2"], "m2", lang
    )
    assert metrics[PROPERTY["property_kpi_occupancy"][lang]] == i18n.fmt_pct(last["occupancy_pct"], lang)
    assert metrics[PROPERTY["property_kpi_tenants"][lang]] == i18n.fmt_number(last["impact_tenants"], lang)
    year = int(discount.iloc[-1]["year"])
    label = PROPERTY["property_kpi_discount"][lang].format(year=year)
    assert metrics[label] == realestate.euros(discount.iloc[-1]["rent_discount_eur"], lang)
    text = _page_text(at)
    assert realestate.occupancy_sentence(quarters, lang) in text
    assert realestate.discount_sentence(discount, lang) in text
    assert realestate.floor_sentence(items.get("impact_floor_m2"), quarters, lang) in text
    assert realestate.map_sentence(register, lang) in text
    floor_item = items["impact_floor_m2"]
    status = floor_item.assessment.status.value
    assert f"{i18n.STATUS_ICON[status]} {i18n.status_label(status, lang)}" in text, "status as icon and word"


def test_the_hague_figures_on_the_demo_data(app, demo_db_file):
    """The large city, in numbers: the page shows exactly what the SQL computes."""
    at = app("nl", municipality="GM0518", page=PAGE)
    con = db.connect(demo_db_file, read_only=True)
    latest = con.execute(
        "select period_end, value from metric_value where municipality_code = 'GM0518'"
        " and metric_code = 'impact_floor_m2' order by period_end desc limit 1"
    ).fetchone()
    active = con.execute(
        "select count(*) from property p, reporting_period r where p.municipality_code = 'GM0518'"
        " and p.available_from <= r.reporting_date"
        " and (p.available_until is null or p.available_until >= r.reporting_date)"
    ).fetchone()[0]
    con.close()
    metrics = {m.label: m for m in at.metric}
    assert metrics["Vloeroppervlak voor impact"].value == i18n.fmt_value(latest[1], "m2", "nl")
    assert f"in {active} panden" in _page_text(at)
    register = at.table[-2].value  # before the one building's quarters
    assert len(register) == 15
    assert list(register.columns)[:3] == ["Pand en adres", "Wijk", "Status"]


def test_register_and_chart_tables_speak_the_page_language(app):
    at = app("en", municipality="GM0080", page=PAGE)
    columns = [list(t.value.columns) for t in at.table]
    assert columns[0] == ["Quarter", "Date", "Impact m²"]
    assert columns[2] == ["Year", "Rent discount", "Buildings"]
    assert "Building and address" in columns[3]
    nl = app("nl", municipality="GM0080", page=PAGE)
    assert [list(t.value.columns) for t in nl.table][0] == ["Kwartaal", "Datum", "Impact-m²"]


def _english_only_words() -> set[str]:
    """Words of this page's English texts that appear nowhere in its Dutch texts."""
    keys = {**PROPERTY, **{k: COMMON[k] for k in ("trajectory", "actual", "projection", "show_data")}}

    def text(lang: str) -> str:
        return re.sub(r"\{[^}]*\}", " ", " ".join(v[lang] for v in keys.values()).lower())  # no placeholders

    words = set(re.findall(r"[a-z]{4,}", text("en"))) - set(re.findall(r"[a-zëé]{4,}", text("nl")))
    return words - {"status"}  # the same word in both languages


@pytest.mark.parametrize("gm", ["GM0518", "GM0014"])
def test_no_english_on_the_dutch_page(app, gm):
    at = app("nl", municipality=gm, page=PAGE)
    words = _english_only_words()
    assert {"occupancy", "tenants", "district", "discount", "available"} <= words
    shown = _page_text(at) + "\n".join(_chart_words(spec) for spec in _specs(at))
    shown += "\n".join(" ".join(map(str, t.value.columns)) for t in at.table)
    shown += "\n".join(e.label for e in at.expander)
    found = {w for w in re.findall(r"[a-z]{4,}", shown.lower()) if w in words}
    assert not found, found
    # no English month names in the hover header of a date axis
    for spec in _specs(at)[:2]:
        assert spec["layout"]["xaxis"]["hoverformat"] == "%d-%m-%Y"


def test_public_notes_are_shown_and_internal_notes_never(app, demo_copy):
    con = db.connect(demo_copy)
    for visibility, body in (("internal", "Huurachterstand bij huurder X"), ("public", "Nieuwe dakisolatie")):
        con.execute(
            "insert into note (subject_kind, subject_code, municipality_code, period_start, period_end, body,"
            " visibility, author) values ('property', 'LW-V02', 'GM0080', date '2025-01-01',"
            " date '2025-03-31', $body, $visibility, 'test')",
            {"body": body, "visibility": visibility},
        )
        con.execute(
            "insert into note (subject_kind, subject_code, municipality_code, period_start, period_end, body,"
            " visibility, author) values ('metric', 'rent_discount_eur', 'GM0080', date '2025-01-01',"
            " date '2025-12-31', $body, $visibility, 'test')",
            {"body": body + " (korting)", "visibility": visibility},
        )
    con.close()
    publish_now(demo_copy)
    at = app("nl", municipality="GM0080", page=PAGE)
    captions = "\n".join(c.value for c in at.caption)
    assert "Nieuwe dakisolatie" in captions and "Impactwerkplaats Snekertrekweg" in captions
    assert "Nieuwe dakisolatie \\(korting\\)" in captions, "a note on a measure is shown under its chart"
    assert "Oldehove is in januari 2025 geopend" in captions, "the demo's public ambition note"
    assert "Huurachterstand" not in _page_text(at)


def test_a_municipality_without_buildings_says_so(app, demo_copy):
    con = db.connect(demo_copy)
    con.execute(
        "insert into municipality (code, name, province, is_demo) values ('GM0363', 'Amsterdam', 'NH', true)"
    )
    con.close()
    publish_now(demo_copy)
    at = app("en", municipality="GM0363", page=PAGE)
    assert not at.get("plotly_chart")
    assert sum(COMMON["no_data_selection"]["en"] in m.value for m in at.markdown) == 5


def test_english_page_shows_english_texts_and_marks_the_dutch_ones(app):
    """Descriptions and notes in English where written; else the Dutch text, marked lang="nl"."""
    at = app("en", municipality="GM0518", page=PAGE)
    (described,) = [m.value for m in at.markdown if "Impacthub Binckhorst**" in m.value]
    assert "Former printing works with flexible desks, studios and a shared workshop\\." in described
    assert '**Impacthuis Morgenstond**: <span lang="nl">Plint van een woontoren' in described
    assert "Voormalige drukkerij" not in described
    notes = "\n".join(c.value for c in at.caption)
    assert "The temporary impact office on the Prinsegracht closed" in notes
    assert ', in Dutch): <span lang="nl">Broedplaats in een pand dat tot de herontwikkeling' in notes
    dutch = app("nl", municipality="GM0518", page=PAGE)
    page = _page_text(dutch)
    assert "Voormalige drukkerij met flexplekken" in page and "<span" not in page
