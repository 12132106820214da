"""Overview: the pillar at a glance for the chosen municipality."""

import datetime as dt

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import base as charts
from impactdash.measures import progress
from impactdash.safe_text import escape_markdown
from impactdash.views import ambitions as ambitions_view
from impactdash.views import changes as changes_view

lang = ui.lang()
gm, name = ui.municipality_page("app_title", lang, sep=" ")

values = ui.query("metric_values", municipality=gm)
# Staff reading drafts: the measures whose figures differ from the current publication.
changed = ui.changed_figures()
items = ui.cached(progress.for_municipality, gm)
counts = progress.status_counts(items)
start = ui.query("municipalities").set_index("code").loc[gm, "pillar_start"]
st.markdown(ambitions_view.story_sentence(name, start, items, counts, lang))

# Key figures: this year's spend against budget and the latest level of three measures.
st.header(i18n.t("key_figures", lang))
info = ui.query("dataset_info").iloc[0]
year = info["reporting_date"].year if info["reporting_date"] is not None else dt.date.today().year
money = ui.query("budget_spend_year", municipality=gm, year=year).iloc[0]
cols = st.columns(4)
budget_text = (
    i18n.t(
        "of_budget",
        lang,
        budget=i18n.fmt_eur(money["budget"], lang, compact=True),
        pct=i18n.fmt_pct(100 * money["spend"] / money["budget"], lang),
    )
    if money["budget"] and money["spend"] == money["spend"]
    else i18n.t("no_budget", lang)
)
cols[0].metric(i18n.t("spend_this_year", lang, year=year), i18n.fmt_eur(money["spend"], lang, compact=True))
cols[0].caption(budget_text)
if (gm, "spend_eur") in changed or any(c[0] == gm and c[1] == "programme_spend" for c in changed):
    cols[0].caption(i18n.t("changed_mark", lang))
catalogue = ui.query("metric_catalogue").set_index("code")
latest_values = progress.latest_values(values)
for col, code in zip(cols[1:], ("impact_floor_m2", "impact_enterprises", "leverage_ratio"), strict=True):
    latest = latest_values.get(code)
    measure = catalogue.loc[code, f"name_{lang}"]
    unit = catalogue.loc[code, "unit"]
    col.metric(escape_markdown(measure), i18n.fmt_value(latest[1] if latest else None, unit, lang))
    col.caption(i18n.fmt_date(latest[0], lang) if latest else i18n.t("no_data_selection", lang))
    if (gm, code) in changed:
        col.caption(i18n.t("changed_mark", lang))

# One card per headline ambition: status as icon and word, latest against target.
st.header(i18n.t("headline_ambitions", lang))
# Figures are built once per distinct ambition and shared (ui.figure): a dozen of them.
cards = [(item, ui.figure(charts.sparkline, item, lang)) for item in progress.headline(items)]
moved = ui.changed_targets()
for row_start in range(0, len(cards), 3):
    for col, (item, figure) in zip(st.columns(3), cards[row_start : row_start + 3], strict=False):
        a = item.assessment
        with col.container(border=True):
            st.markdown(f"**{escape_markdown(item.name(lang))}**")
            st.markdown(i18n.status_markdown(a.status.value, lang))
            if (gm, item.metric_code) in changed:
                st.caption(i18n.t("changed_mark", lang))
            latest = (
                f"{i18n.fmt_value(a.latest.value, item.unit, lang)} ({i18n.fmt_date(a.latest.date, lang)})"
                if a.latest
                else "–"
            )
            target = i18n.fmt_value(item.ambition.target.value, item.unit, lang)
            facts = f"{i18n.t('latest', lang)}: {latest} · {i18n.t('target', lang)}: {target} " + i18n.t(
                "by_date", lang, date=i18n.fmt_date(item.ambition.target.date, lang)
            )
            st.caption(facts)
            if item.code in moved:  # the goalposts moved: the earlier target in the tooltip
                st.caption(
                    i18n.t("target_changed", lang),
                    help=changes_view.target_mark(moved[item.code], item.unit, lang),
                )
            ui.chart(figure, key=f"spark_{item.code}", alt=f"{item.name(lang)}. {facts}", static=True)
