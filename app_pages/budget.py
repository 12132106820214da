"""Budget and spend: budget against actual per year, P&C moment, instrument and programme; leverage."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import budget as cb
from impactdash.ui import drilldown
from impactdash.views import budget as bv

lang = ui.lang()
t = partial(i18n.t, lang=lang)
gm, _ = ui.municipality_page("page_budget", lang, sep=" – ")

# Filters: year and instrument, in the page language; keyed per municipality so a switch resets them.
all_years = ui.query("budget_by_year", municipality=gm, instrument=bv.ALL)
instruments = ui.query("budget_instruments", municipality=gm)
if all_years.empty:
    st.info(t("no_data_selection"))
    st.stop()
left, right = st.columns(2)
# Each label once per run (Streamlit calls format_func for every option on every run).
codes = [bv.ALL, *instruments["code"]]
instrument_labels = bv.instrument_labels(instruments, lang)
year = left.selectbox(
    t("budget_year"), sorted(all_years["year"].astype(int), reverse=True), key=f"budget_year_{gm}"
)
instrument = right.selectbox(
    t("budget_instrument"),
    codes,
    format_func=instrument_labels.get,
    key=f"budget_instrument_{gm}",
)
name = instrument_labels[instrument]
scope = None if instrument == bv.ALL else bv.md(name)
per_year = ui.query("budget_by_year", municipality=gm, instrument=instrument)
programmes = ui.query("budget_by_programme", municipality=gm, year=year, instrument=instrument)
notes = ui.query("budget_notes", municipality=gm)

# Headline: this year's spend against budget, with why the year may be incomplete.
row = bv.year_row(per_year, year)
with st.container(border=True):
    st.markdown(f"**{bv.headline(row, year, scope, lang)}**")
    if row is not None and not bool(row["is_complete"]):
        st.caption(t("budget_partial_year", date=i18n.fmt_date(row["figures_until"], lang)))
    for note in bv.notes_for(notes, lang, "metric", bv.MONEY_NOTES, year):
        st.caption(note, unsafe_allow_html=True)

# Budget against spend per year.
incomplete = bv.partial_note(per_year, lang)
ui.chart_section(
    t("budget_per_year_title") + ("" if scope is None else f": {scope}"),
    bv.per_year_sentence(per_year, lang),
    ui.figure(cb.per_year_figure, per_year, lang),
    partial(bv.per_year_table, per_year, lang),  # built once its table is opened
    lang,
    key="budget_per_year",
    notes=[incomplete] if incomplete else [],
)

# The year's budget across the planning-and-control moments.
moments = ui.query("budget_moments", municipality=gm, year=year, instrument=instrument)
ui.chart_section(
    t("budget_moments_title", year=year),
    bv.moments_sentence(moments, year, lang),
    ui.figure(cb.moments_figure, moments, lang),
    partial(bv.moments_table, moments, lang),
    lang,
    key="budget_moments",
)

# Per instrument, or per programme of the chosen instrument.
if instrument == bv.ALL:
    kind, frame = "instrument", ui.query("budget_by_instrument", municipality=gm, year=year)
    title, first_column = t("budget_by_instrument_title", year=year), t("budget_instrument")
else:
    kind, frame = "programme", programmes
    title, first_column = t("budget_by_programme_title", instrument=scope, year=year), t("budget_programme")
breakdown = bv.breakdown_frame(frame, kind, lang)
ui.chart_section(
    title,
    bv.breakdown_sentence(breakdown, year, kind, lang),
    ui.figure(cb.breakdown_figure, breakdown, lang),
    partial(bv.breakdown_table, breakdown, first_column, lang),
    lang,
    key="budget_breakdown",
    notes=bv.notes_for(notes, lang, "programme", set(programmes["programme_code"]), year),
)

# This year's cumulative spend against an even-spend line.
cumulative = ui.query("budget_cumulative", municipality=gm, year=year, instrument=instrument)
ui.chart_section(
    t("budget_cumulative_title", year=year),
    bv.cumulative_sentence(cumulative, year, row is not None and bool(row["is_complete"]), lang),
    ui.figure(cb.cumulative_figure, cumulative, year, lang),
    partial(bv.cumulative_table, cumulative, lang),
    lang,
    key="budget_cumulative",
)

# Leverage over the years: the whole pillar, and the chosen instrument.
pillar = ui.query("budget_leverage", municipality=gm)
own = None if instrument == bv.ALL else per_year
ui.chart_section(
    t("budget_leverage_title"),
    bv.leverage_sentence(pillar, lang),
    ui.figure(cb.leverage_figure, pillar, lang, own, name),
    partial(bv.leverage_table, pillar, lang, own, name),
    lang,
    key="budget_leverage",
    notes=[t("budget_leverage_scope", pillar=t("budget_whole_pillar"))]
    + bv.notes_for(notes, lang, "metric", bv.LEVERAGE_NOTES),
)

# Per Iv3 task field or per SDG, and the programmes of one of them (links to their pages).
drilldown.classification_section(gm, year, instrument, programmes, lang)

# Drill-down: one programme's spend lines of the year, newest first, limited in SQL.
st.header(t("budget_lines_title", year=year))
options = bv.programme_options(programmes, lang)
if not options:
    st.markdown(t("no_data_selection"))
    st.stop()
code = st.selectbox(
    t("budget_programme"),
    list(options),
    format_func=options.get,
    key=f"budget_programme_{gm}_{year}_{instrument}",
)
chosen = programmes.set_index("programme_code").loc[code]
ui.drill_link(  # the programme's own page: every year, its moments, co-funding, Iv3 and SDGs
    "app_pages/programme.py",
    t("link_to_programme", name=bv.md(chosen["name"])),
    lang,
    icon=":material/account_tree:",
    programme=code,
    year=year,
)
lines = ui.query("budget_spend_lines", municipality=gm, programme=code, year=year, max_rows=bv.MAX_LINES)
st.markdown(f"{bv.lines_sentence(lines, chosen['name'], year, lang)} {bv.lead_text(chosen, lang)}")
if not lines.empty:
    st.caption(t("budget_lines_corrections"))
    pages, start = bv.line_pages(len(lines), lang), 0
    if len(pages) > 1:  # PAGE_ROWS lines at a time, the newest first
        start = st.selectbox(t("budget_lines_rows"), pages, format_func=pages.get, key=f"budget_rows_{code}")
    ui.table(bv.lines_table(lines.iloc[start : start + bv.PAGE_ROWS], lang), lang, hide_index=None)
