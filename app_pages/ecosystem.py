"""Ecosystem: impact enterprises, jobs, investment and network against the ambitions; connections,
the network itself, and programmes led by partners rather than by the municipality."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import ecosystem as chart_ecosystem
from impactdash.measures import progress
from impactdash.ui import drilldown
from impactdash.views import ecosystem

lang = ui.lang()
gm, name = ui.municipality_page("page_ecosystem", lang, sep=" ")
st.markdown(i18n.t("eco_intro", lang, name=name))
reporting_date = ui.query("dataset_info").iloc[0]["reporting_date"]
values = ui.query("metric_values", municipality=gm)
notes = ecosystem.note_texts_by_measure(ui.query("ecosystem_notes", municipality=gm), lang)
catalogue = ui.query("metric_catalogue").set_index("code")
items = [item for item in ui.cached(progress.for_municipality, gm) if item.metric_code in ecosystem.METRICS]
charted = {item.metric_code for item in items}

# Key figures: the latest value of each of the nine measures, three to a row.
st.header(i18n.t("eco_key_figures", lang))
st.caption(i18n.t("eco_key_figures_note", lang))
figures = ecosystem.key_figure_texts(values, catalogue, lang)
for start in range(0, len(figures), 3):
    for col, (label, value, caption) in zip(st.columns(3), figures[start : start + 3], strict=True):
        col.metric(ecosystem.escape_markdown(label), value)
        col.caption(caption)
for code in ecosystem.METRICS:
    if code not in charted:
        for text in notes.get(code, []):
            measure = ecosystem.escape_markdown(catalogue.loc[code, f"name_{lang}"])
            st.caption(f"{measure}: {text}", unsafe_allow_html=True)

# The measures with an ambition: status as icon and word, trajectory, actual values, projection.
st.header(i18n.t("eco_ambitions", lang))
if not items:
    st.info(i18n.t("eco_no_ambitions", lang, name=name))
else:
    counts = progress.status_counts(items)
    st.markdown(
        i18n.t(
            "eco_ambitions_summary",
            lang,
            ambitions=i18n.plural("count_ambitions", len(items), lang),
            **i18n.status_clauses(counts, lang),
        )
    )
for row_start in range(0, len(items), 2):
    for col, item in zip(st.columns(2), items[row_start : row_start + 2], strict=False):
        with col.container(border=True):
            st.subheader(ecosystem.escape_markdown(item.name(lang)))
            st.markdown(i18n.status_markdown(item.assessment.status.value, lang))
            ui.chart_section(
                None,
                ecosystem.ambition_sentence(item, lang),
                ui.figure(chart_ecosystem.ambition_figure, item, lang),
                partial(ecosystem.ambition_table, item, lang),  # built once its table is opened
                lang,
                key=f"eco_ambition_{item.code}",
                notes=[
                    *notes.get(item.metric_code, []),
                    i18n.t("eco_document", lang, document=ecosystem.escape_markdown(item.document)),
                ],
            )

# Connections per year, through a municipal programme or otherwise.
st.header(i18n.t("eco_connections", lang))
connections = ui.query("ecosystem_connections_year", municipality=gm)
if connections.empty:
    st.info(i18n.t("no_data_selection", lang))
else:
    ui.chart_section(
        None,
        ecosystem.connections_sentence(connections, lang),
        ui.figure(chart_ecosystem.connections_figure, connections, lang),
        partial(ecosystem.connections_table, connections, lang),
        lang,
        key="eco_connections",
        notes=[i18n.t("eco_complete_years", lang, date=i18n.fmt_date(reporting_date, lang))]
        + notes.get("connections_programme_pct", []),
    )

# The network itself: the most connected organisations, by kind (shape and colour).
st.header(i18n.t("eco_network", lang))
limits = {"max_nodes": ecosystem.MAX_NODES}
nodes = ui.query("ecosystem_network_nodes", municipality=gm, **limits)
edges = ui.query("ecosystem_network_edges", municipality=gm, max_edges=ecosystem.MAX_EDGES, **limits)
if nodes.empty:
    st.info(i18n.t("no_data_selection", lang))
else:
    # The layout takes a fraction of a second; the same network is laid out once.
    positions = ui.shared(
        ecosystem.spring_layout,
        list(nodes["code"]),
        list(zip(edges["source"], edges["target"], edges["connections"], strict=True)),
    )
    captions = [i18n.t("eco_network_howto", lang)]
    if ecosystem.network_is_capped(nodes, edges):
        captions.append(i18n.t("eco_network_capped", lang, nodes=len(nodes), edges=len(edges)))
    ui.chart_section(
        None,
        ecosystem.network_sentence(nodes, edges, reporting_date, lang),
        ui.figure(chart_ecosystem.network_figure, nodes, edges, positions, lang),
        partial(ecosystem.kind_table, nodes, lang),
        lang,
        key="eco_network",
        notes=captions,
    )

# Facilitating, not steering: programmes led by partners against those led by the municipality.
st.header(i18n.t("eco_lead", lang))
lead = ui.query("ecosystem_programme_lead", municipality=gm)
if lead.empty:
    st.info(i18n.t("no_data_selection", lang))
else:
    ui.chart_section(
        None,
        ecosystem.lead_sentence(lead, lang),
        ui.figure(chart_ecosystem.lead_figure, lead, lang),
        partial(ecosystem.lead_table, lead, lang),
        lang,
        key="eco_lead",
        notes=notes.get(None, []),
    )

# One organisation, in the address (?org=...): its connections, and the programmes they came through.
drilldown.organisation_section(gm, name, lang)
