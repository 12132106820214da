"""Overview: the pillar at a glance for the chosen municipality."""

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import base as charts
from impactdash.measures import progress
from impactdash.safe_text import escape_markdown
from impactdash.views import ambitions as ambitions_view
from impactdash.views import changes as changes_view
from impactdash.views import overview as overview_view

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
year = overview_view.figures_year(info["reporting_date"])
money = ui.query("budget_spend_year", municipality=gm, year=year).iloc[0]
catalogue = ui.query("metric_catalogue").set_index("code")
figures = overview_view.key_figures(money, year, values, catalogue, lang)
spend_changed = (gm, "spend_eur") in changed or any(c[0] == gm and c[1] == "programme_spend" for c in changed)
marked = [spend_changed] + [(gm, code) in changed for code in overview_view.KEY_MEASURES]
for col, (label, value, caption), is_changed in zip(st.columns(4), figures, marked, strict=True):
    col.metric(escape_markdown(label), value)
    col.caption(caption)
    if is_changed:
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
            facts = overview_view.card_facts(item, lang)
            st.caption(facts)
            if item.code in moved:  # the goalposts moved: the earlier target in the tooltip
                st.caption(
                    i18n.t("target_changed", lang),
                    help=changes_view.target_mark(moved[item.code], item.unit, lang),
                )
            ui.chart(figure, key=f"spark_{item.code}", alt=f"{item.name(lang)}. {facts}", static=True)
