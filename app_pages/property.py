"""Real estate: floor area against its ambition, occupancy and tenants, rent discount, map, register."""

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import geo
from impactdash.charts import property as chart_property
from impactdash.measures import progress
from impactdash.ui import drilldown
from impactdash.views import property as realestate

lang = ui.lang()
gm, name = ui.municipality_page("property_title", lang)
st.markdown(i18n.t("property_intro", lang, name=name))

quarters = ui.query("property_quarters", municipality=gm)
discount = ui.query("property_rent_discount", municipality=gm)
register = ui.query("property_register", municipality=gm)
notes = ui.query("property_notes", municipality=gm)
ambitions = ui.cached(progress.for_municipality, gm)
ambition = {item.metric_code: item for item in ambitions}

# Key figures: the latest quarter's levels and the last complete year's rent discount.
figures = realestate.key_figure_texts(realestate.key_figures(quarters, discount, register), lang)
for col, (label, value, caption) in zip(st.columns(4), figures, strict=True):
    col.metric(label, value)
    if caption:
        col.caption(caption)

floor_item = ambition.get("impact_floor_m2")
ui.chart_section(
    i18n.t("property_floor_title", lang),
    realestate.floor_sentence(floor_item, quarters, lang),
    lambda: ui.figure(chart_property.floor_figure, floor_item, quarters, lang),
    lambda: realestate.floor_table(quarters, lang),
    lang,
    key="property_floor",
    notes=ui.shared(realestate.note_lines, notes, lang, metric_code="impact_floor_m2"),
)

occupancy_item = ambition.get("occupancy_pct")
sentence = realestate.occupancy_sentence(quarters, lang)
if sentence and occupancy_item is not None:
    sentence += " " + realestate.ambition_sentence(occupancy_item, "percent", lang)
ui.chart_section(
    i18n.t("property_occupancy_title", lang),
    sentence,
    lambda: ui.figure(chart_property.occupancy_figure, quarters, lang, occupancy_item),
    lambda: realestate.occupancy_table(quarters, lang),
    lang,
    key="property_occupancy",
    notes=ui.shared(realestate.note_lines, notes, lang, metric_code="occupancy_pct"),
)

ui.chart_section(
    i18n.t("property_discount_title", lang),
    realestate.discount_sentence(discount, lang),
    lambda: ui.figure(chart_property.discount_figure, discount, lang),
    lambda: realestate.discount_table(discount, lang),
    lang,
    key="property_discount",
    notes=ui.shared(realestate.note_lines, notes, lang, metric_code="rent_discount_eur"),
)

# The map: buildings over district outlines shipped with the data, no tiles, no third party.
districts = geo.load_districts(gm)
located = register.dropna(subset=["latitude", "longitude"])
st.header(i18n.t("property_map_title", lang))
if located.empty:
    st.markdown(i18n.t("no_data_selection", lang))
else:
    sentence = realestate.map_sentence(register, lang)
    st.markdown(sentence)
    figure = ui.figure(chart_property.property_map, districts, register, lang)
    ui.chart(figure, key="property_map", alt=sentence)
    st.caption(i18n.t("property_map_outlines" if districts else "property_map_no_outlines", lang))
    if len(located) < len(register):
        st.caption(i18n.plural("property_no_location", len(register) - len(located), lang))

# The register: one row per building, the map's data and more.
st.header(i18n.t("property_register_title", lang))
if register.empty:
    st.markdown(i18n.t("no_data_selection", lang))
else:
    st.markdown(realestate.register_sentence(register, lang))
    ui.table(ui.shared(realestate.register_table, register, lang), lang)  # once per input
    for line in ui.shared(realestate.note_lines, notes, lang):
        st.caption(line, unsafe_allow_html=True)
    if described := ui.shared(realestate.description_lines, register, lang):
        st.subheader(i18n.t("property_described", lang))
        st.markdown(described, unsafe_allow_html=True)

    # One building, in the address (?property=...): its occupancy per quarter, rent discount, programme.
    drilldown.building_section(gm, name, register, lang)
