"""The drill-down sections of the public pages: Iv3 or SDG, one building, one organisation, buildings.

Each keeps its choice in the address (``widgets.linked_choice``) and links on (``widgets.drill_link``):
to the programme page, or from a programme to its buildings on the property page; the pages
call one function each, so they stay short.
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
        names = programmes.set_index("programme_code")["name"]
        _programme_links({code: names.get(code, code) for code in codes}, lang, year=year)


def _programme_links(programmes: dict[str, str], lang: str, **params: object) -> None:
    """Link to each programme's page (code -> name), with ``params`` (a year) in the address."""
    for code, name in programmes.items():
        drill_link(
            "app_pages/programme.py",
            i18n.t("link_to_programme", lang, name=escape_markdown(name)),
            lang,
            icon=":material/account_tree:",
            programme=code,
            **params,
        )


def _one_of(param: str, names: dict[str, str], pick: str, what: str, gm: str, town: str, lang: str) -> str:
    """Show the choice of one building or organisation (``?param=``, code -> name); return its code.

    ``pick`` is the choice's label key (and its widget key's stem), ``what`` the kind of
    thing in ``link_what_{what}``, for a code in the address that does not exist.
    """
    return linked_choice(
        param,
        list(names),
        label=i18n.t(pick, lang),
        key=f"{pick}_{gm}",
        unknown=i18n.t(
            "link_unknown",
            lang,
            what=i18n.t(f"link_what_{what}", lang),
            code=escape_markdown(st.query_params.get(param, "")),
            town=town,
        ),
        format_func=names.get,
    )


def building_section(gm: str, name: str, register: pd.DataFrame, lang: str) -> None:
    """Show one building (``?property=``): its occupancy per quarter and rent discount, and its programme."""
    st.header(i18n.t("building_title", lang))
    buildings = dict(zip(register["code"], register["name"], strict=True))
    chosen = _one_of("property", buildings, "building_pick", "property", gm, name, lang)
    building = query("property_detail", municipality=gm, property=chosen)
    sentence = pv.building_sentence(building, buildings[chosen], lang)
    chart_section(None, sentence, None, pv.building_table(building, lang), lang, key="property_building")
    if not building.empty and isinstance(building["programme_code"].iloc[0], str):
        _programme_links({building["programme_code"].iloc[0]: building["programme_name"].iloc[0]}, lang)


def organisation_section(gm: str, name: str, lang: str) -> None:
    """Show one organisation (``?org=``): its connections and the programmes they came through."""
    st.header(i18n.t("org_title", lang))
    members = query("ecosystem_network_nodes", municipality=gm, max_nodes=100_000).sort_values("name")
    if members.empty:
        st.info(i18n.t("no_data_selection", lang))
        return
    org_names = dict(zip(members["code"], members["name"], strict=True))
    org = _one_of("org", org_names, "org_pick", "organisation", gm, name, lang)
    connections = query("organisation_connections", municipality=gm, organisation=org)
    kind = members.set_index("code").loc[org, "kind"]
    sentence = pv.organisation_sentence(connections, org_names[org], kind, lang)
    table = pv.organisation_table(connections, lang)
    chart_section(None, sentence, None, table, lang, key="eco_organisation")
    _programme_links(pv.organisation_programmes(connections), lang)


def buildings_section(gm: str, programme_code: str, lang: str) -> None:
    """Show the buildings a programme uses, each linked to its page (``property?property=``)."""
    st.subheader(i18n.t("prog_buildings_heading", lang))
    buildings = query("programme_properties", municipality=gm, programme=programme_code)
    st.markdown(pv.buildings_sentence(buildings, lang))
    for code, label in pv.building_links(buildings, lang).items():
        drill_link("app_pages/property.py", label, lang, icon=":material/apartment:", property=code)
