"""The drill-down sections of the public pages: by Iv3 task field or SDG, one building, one organisation.

Each keeps its choice in the address (``widgets.linked_choice``) and links on to the programme
page (``widgets.drill_link``); the pages call one function each, so they stay short.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from impactdash import i18n
from impactdash.charts import budget as cb
from impactdash.safe_text import escape_markdown
from impactdash.ui.sources import figure, query
from impactdash.ui.widgets import chart_section, drill_link, linked_choice
from impactdash.views import budget as bv
from impactdash.views import classifications
from impactdash.views import programme as pv


def classification_section(gm: str, year: int, instrument: str, programmes: pd.DataFrame, lang: str) -> None:
    """Show the year's budget and spend per Iv3 task field or per SDG, and the programmes of one of them."""
    t = partial(i18n.t, lang=lang)
    st.header(t("class_title", year=year))
    dimension = (
        st.segmented_control(
            t("class_dimension"),
            list(classifications.DIMENSIONS),
            default="iv3",
            format_func=lambda d: t(f"class_{d}"),
            key="budget_class_dimension",
        )
        or "iv3"
    )
    by_class = classifications.breakdown(
        query(classifications.DIMENSIONS[dimension], municipality=gm, year=year, instrument=instrument),
        dimension,
        lang,
    )
    chart_section(
        None,
        bv.breakdown_sentence(by_class, year, dimension, lang) if not by_class.empty else None,
        figure(cb.breakdown_figure, by_class, lang),
        partial(bv.breakdown_table, by_class, t(f"class_{dimension}"), lang),  # built once opened
        lang,
        key=f"budget_by_{dimension}",
        notes=[classifications.SOURCES[dimension][lang]]
        + ([t("class_sdg_overlap")] if dimension == "sdg" else []),
    )
    labels = dict(zip(by_class["label"], by_class["programme_codes"], strict=True))
    picked = st.selectbox(
        t("class_filter"),
        list(labels),
        index=None,
        placeholder=t("class_filter_all"),
        key=f"budget_class_{dimension}",
    )
    if picked is not None:
        codes = str(labels[picked]).split(";")
        st.markdown(t("class_filter_sentence", n=len(codes), name=bv.md(picked), year=year))
        listed = programmes.set_index("programme_code")
        for programme_code in codes:
            label = listed.loc[programme_code, "name"] if programme_code in listed.index else programme_code
            drill_link(
                "app_pages/programme.py",
                t("link_to_programme", name=bv.md(label)),
                lang,
                icon=":material/account_tree:",
                programme=programme_code,
                year=year,
            )


def building_section(gm: str, name: str, register: pd.DataFrame, lang: str) -> None:
    """Show one building (``?property=``): its occupancy per quarter and rent discount, and its programme."""
    st.header(i18n.t("building_title", lang))
    buildings = dict(zip(register["code"], register["name"], strict=True))
    chosen = linked_choice(
        "property",
        list(buildings),
        label=i18n.t("building_pick", lang),
        key=f"building_pick_{gm}",
        unknown=i18n.t(
            "link_unknown",
            lang,
            what=i18n.t("link_what_property", lang),
            code=escape_markdown(st.query_params.get("property", "")),
            town=name,
        ),
        format_func=buildings.get,
    )
    building = query("property_detail", municipality=gm, property=chosen)
    chart_section(
        None,
        pv.building_sentence(building, buildings[chosen], lang),
        None,
        pv.building_table(building, lang),
        lang,
        key="property_building",
    )
    programme_code = building["programme_code"].iloc[0] if not building.empty else None
    if isinstance(programme_code, str):
        drill_link(
            "app_pages/programme.py",
            i18n.t("link_to_programme", lang, name=escape_markdown(building["programme_name"].iloc[0])),
            lang,
            icon=":material/account_tree:",
            programme=programme_code,
        )


def organisation_section(gm: str, name: str, lang: str) -> None:
    """Show one organisation (``?org=``): its connections and the programmes they came through."""
    st.header(i18n.t("org_title", lang))
    members = query("ecosystem_network_nodes", municipality=gm, max_nodes=100_000).sort_values("name")
    if members.empty:
        st.info(i18n.t("no_data_selection", lang))
    else:
        org_names = dict(zip(members["code"], members["name"], strict=True))
        org = linked_choice(
            "org",
            list(org_names),
            label=i18n.t("org_pick", lang),
            key=f"org_pick_{gm}",
            unknown=i18n.t(
                "link_unknown",
                lang,
                what=i18n.t("link_what_organisation", lang),
                code=escape_markdown(st.query_params.get("org", "")),
                town=name,
            ),
            format_func=org_names.get,
        )
        connections = query("organisation_connections", municipality=gm, organisation=org)
        kind = members.set_index("code").loc[org, "kind"]
        chart_section(
            None,
            pv.organisation_sentence(connections, org_names[org], kind, lang),
            None,
            pv.organisation_table(connections, lang),
            lang,
            key="eco_organisation",
        )
        for programme_code, programme_name in pv.organisation_programmes(connections).items():
            drill_link(
                "app_pages/programme.py",
                i18n.t("link_to_programme", lang, name=escape_markdown(programme_name)),
                lang,
                icon=":material/account_tree:",
                programme=programme_code,
            )
