"""One programme: its facts, Iv3 and SDGs, the ambitions it serves, its buildings, budget and spend
per year and moment, co-funding and spend lines. Reached by link (``?gm=..&programme=..&year=..``)
and shareable."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import budget as cb
from impactdash.measures import progress
from impactdash.safe_text import escape_markdown
from impactdash.ui import drilldown
from impactdash.views import budget as bv
from impactdash.views import classifications
from impactdash.views import programme as pv

lang = ui.lang()
t = partial(i18n.t, lang=lang)
gm, town = ui.municipality_page("page_programme", lang, sep=" – ")

detail = ui.query("programme_detail", municipality=gm)
if detail.empty:
    st.info(t("prog_none", town=town))
    st.stop()
names = pv.options(detail, lang)
code = ui.linked_choice(
    "programme",
    list(names),
    label=t("prog_pick"),
    key=f"prog_pick_{gm}",
    unknown=t(
        "link_unknown",
        what=t("link_what_programme"),
        code=escape_markdown(st.query_params.get("programme", "")),
        town=town,
    ),
    format_func=names.get,
)
programme = detail.set_index("programme_code").loc[code]
st.header(escape_markdown(programme["name"]))
if isinstance(programme["description"], str) and programme["description"]:
    st.markdown(escape_markdown(programme["description"]))
st.markdown("  \n".join(pv.facts(programme, lang)))
st.caption(f"{classifications.SOURCES['iv3'][lang]} {classifications.SOURCES['sdg'][lang]}")

# Up: the ambitions it serves; sideways: the whole pillar's budget.
st.subheader(t("prog_ambitions_heading"))
items = {item.code: item for item in ui.cached(progress.for_municipality, gm)}
served = [a for a in pv.served(ui.query("ambitions_programmes", municipality=gm), code) if a in items]
if not served:
    st.markdown(t("prog_ambitions_none"))
for ambition in served:
    ui.drill_link(
        "app_pages/ambitions.py",
        t("link_to_ambition", name=escape_markdown(items[ambition].name(lang))),
        lang,
        icon=":material/flag:",
        ambition=ambition,
    )
ui.drill_link("app_pages/budget.py", t("link_to_budget"), lang, icon=":material/euro:")
# Down: the buildings it uses (property.programme_code), each to its page and back.
drilldown.buildings_section(gm, code, lang)

# Budget and spend per year, then one year: its moments, co-funding and spend lines.
by_year = ui.query("budget_by_year", municipality=gm, instrument=bv.ALL, programme=code)
incomplete = bv.partial_note(by_year, lang)
ui.chart_section(
    t("budget_per_year_title"),
    bv.per_year_sentence(by_year, lang) if not by_year.empty else None,
    ui.figure(cb.per_year_figure, by_year, lang) if not by_year.empty else None,
    partial(bv.per_year_table, by_year, lang) if not by_year.empty else None,  # built once opened
    lang,
    key="programme_per_year",
    notes=[incomplete] if incomplete else [],
)
years = pv.years(by_year)
if not years:
    st.stop()
year = ui.linked_choice(
    "year",
    years,
    label=t("prog_year"),
    key=f"prog_year_{code}",
    unknown=t(
        "link_unknown_year",
        what=escape_markdown(programme["name"]),
        code=escape_markdown(st.query_params.get("year", "")),
    ),
)
moments = pv.moments_frame(ui.query("programme_moments", municipality=gm, programme=code), by_year, year)
ui.chart_section(
    t("budget_moments_title", year=year),
    bv.moments_sentence(moments, year, lang) if not moments.empty else None,
    ui.figure(cb.moments_figure, moments, lang) if not moments.empty else None,
    partial(bv.moments_table, moments, lang),
    lang,
    key="programme_moments",
)

cofunding = ui.query("programme_cofunding", municipality=gm, programme=code)
st.header(t("prog_cofunding_title", year=year))
st.markdown(pv.cofunding_sentence(cofunding, year, lang))
shown = pv.cofunding_table(cofunding, year, lang)
if not shown.empty:
    ui.table(shown, lang)
    ui.table_downloads(shown, lang, key=f"cofunding_{code}_{year}")

st.header(t("prog_lines_title", year=year))
lines = ui.query("budget_spend_lines", municipality=gm, programme=code, year=year, max_rows=bv.MAX_LINES)
st.markdown(bv.lines_sentence(lines, programme["name"], year, lang))
if not lines.empty:
    st.caption(t("budget_lines_corrections"))
    pages, start = bv.line_pages(len(lines), lang), 0
    if len(pages) > 1:  # PAGE_ROWS lines at a time, the newest first
        rows_key = f"prog_rows_{code}_{year}"
        start = st.selectbox(t("budget_lines_rows"), pages, format_func=pages.get, key=rows_key)
    page_lines = bv.lines_table(lines.iloc[start : start + bv.PAGE_ROWS], lang)
    ui.table(page_lines, lang)
    ui.table_downloads(bv.lines_table(lines, lang), lang, key=f"spend_lines_{code}_{year}")
