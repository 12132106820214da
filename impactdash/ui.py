"""The one Streamlit module of the package: cached connection, cached queries, shared widgets.

Everything else in ``impactdash`` runs without Streamlit. Pages import this module for
the connection, the chosen language and municipality, and the banners every page shows.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impactdash import db, i18n, loader

LANG_KEY = "lang"
MUNICIPALITY_KEY = "municipality"


@st.cache_resource(show_spinner=False)
def _connection(path: str):
    # One connection per process; every call takes its own cursor (see db.run_query).
    loader.ensure_database(path)
    return db.connect(path)


def connection():
    """Return the process-wide connection to the working database (built on first use)."""
    return _connection(str(db.default_db_path()))


@st.cache_data(show_spinner=False, max_entries=1000)
def _cached_query(path: str, name: str, version: int, params: tuple) -> pd.DataFrame:
    # ``version`` is only part of the cache key: every write bumps it, so a change is
    # seen at once and unchanged data is never recomputed.
    return db.run_query(_connection(path), name, **dict(params))


def query(name: str, **params) -> pd.DataFrame:
    """Run a named query, cached by the data version; returns a copy safe to modify."""
    path = str(db.default_db_path())
    version = db.data_version(_connection(path))
    return _cached_query(path, name, version, tuple(sorted(params.items()))).copy()


def lang() -> str:
    """Return the language chosen in this session (Dutch by default)."""
    value = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def language_switch() -> str:
    """Show the language switch in the sidebar; the choice holds across pages and reloads."""
    current = lang()
    choice = st.sidebar.segmented_control(
        i18n.t("language", current),
        options=list(i18n.LANGUAGES),
        format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        default=current,
        key="lang_switch",
    )
    chosen = choice or current
    st.session_state[LANG_KEY] = chosen
    st.query_params[LANG_KEY] = chosen
    return chosen


def municipality_picker(current_lang: str) -> str:
    """Show the municipality choice in the sidebar; defaults to the longest-running pillar."""
    towns = query("municipalities")
    if towns.empty:
        return ""
    codes = towns["code"].tolist()
    names = dict(zip(towns["code"], towns["name"], strict=True))
    wanted = st.session_state.get(MUNICIPALITY_KEY) or st.query_params.get("gm")
    index = codes.index(wanted) if wanted in codes else 0
    code = st.sidebar.selectbox(
        i18n.t("municipality", current_lang), codes, index=index, format_func=names.get, key="gm_select"
    )
    st.session_state[MUNICIPALITY_KEY] = code
    st.query_params["gm"] = code
    return code


def dataset_banner(current_lang: str) -> None:
    """Say, on every page, that demo figures are illustrative, and up to when figures run."""
    info = query("dataset_info").iloc[0]
    if bool(info["is_demo"]):
        st.info(i18n.t("demo_banner", current_lang, names=info["demo_names"]), icon="ℹ️")
    st.caption(
        i18n.t("figures_as_of", current_lang, date=i18n.fmt_date(info["reporting_date"], current_lang))
    )


def data_table(frame: pd.DataFrame, current_lang: str) -> None:
    """Show a chart's data as a plain table one click away (no built-in download)."""
    with st.expander(i18n.t("show_data", current_lang)):
        st.table(frame)
