"""The one Streamlit module of the package: cached connection, cached queries, shared widgets.

Everything else in ``impactdash`` runs without Streamlit. Pages import this module for
the connection, the chosen language and municipality, and the banners every page shows.
"""

from __future__ import annotations

import importlib
import time

import pandas as pd
import streamlit as st

from impactdash import auth, db, i18n, loader, permissions

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
        i18n.t("municipality", current_lang),
        codes,
        index=index,
        format_func=names.get,
        key="gm_select",
        placeholder=i18n.t("municipality", current_lang),
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
    """Show a chart's data as a plain table one click away (no built-in download).

    ``st.table`` renders cells as Markdown: callers pass text that people typed through
    ``safe_text.escape_markdown`` (the page modules do), so it shows exactly as typed.
    """
    with st.expander(i18n.t("show_data", current_lang)):
        st.table(frame, hide_index=True)


# --- who is here ------------------------------------------------------------------

ACTOR_KEY = "actor"
LAST_SEEN_KEY = "last_seen"


def sso_configured() -> bool:
    """Whether single sign-on (Streamlit's OIDC ``st.login``) is set up in secrets.toml."""
    try:
        return bool(st.secrets.get("auth"))
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


def current_actor() -> permissions.Actor:
    """Return who is signed in this session, ending the session after inactivity.

    Local sign-in keeps the actor in the session; single sign-on maps ``st.user``'s
    e-mail to a local account's roles (an unknown e-mail gets no staff role). Roles are
    re-read from the database on every run, so a disabled account loses access at once.
    """
    now = time.monotonic()
    last = st.session_state.get(LAST_SEEN_KEY)
    st.session_state[LAST_SEEN_KEY] = now
    username = st.session_state.get(ACTOR_KEY)
    if username and last is not None and now - last > auth.IDLE_MINUTES * 60:
        sign_out()
        st.session_state["signed_out_idle"] = True
        return permissions.ANONYMOUS
    if username:
        return auth.load_actor(connection(), username) or permissions.ANONYMOUS
    if sso_configured() and st.user.get("is_logged_in"):
        return auth.actor_for_email(connection(), st.user.get("email"))
    return permissions.ANONYMOUS


def sign_in_as(actor: permissions.Actor) -> None:
    """Remember a successful local sign-in in this session."""
    st.session_state[ACTOR_KEY] = actor.username
    st.session_state[LAST_SEEN_KEY] = time.monotonic()


def sign_out() -> None:
    """Forget the local sign-in of this session."""
    st.session_state.pop(ACTOR_KEY, None)


def guard(action: str) -> permissions.Actor:
    """Stop the page unless the person here may perform ``action``; return the actor.

    Every staff page starts with this, however it was reached (menu, typed URL, stale
    session): hiding a page from the menu is not protection.
    """
    actor = current_actor()
    if not permissions.allowed(actor, action):
        st.error(i18n.t("no_access", lang()))
        st.stop()
    return actor


def client_source() -> str:
    """Return the visitor's address for sign-in throttling ('unknown' when not served over HTTP)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "unknown"


@st.cache_data(show_spinner=False, max_entries=500)
def _cached_call(module: str, name: str, version: int, path: str, args: tuple):
    # Keyed like the queries: by the data version, so a write refreshes it at once.
    function = getattr(importlib.import_module(module), name)
    return function(_connection(path), *args)


def cached(function, *args):
    """Return ``function(connection, *args)``, computed once per data version and arguments.

    For work heavier than a query (assessing every ambition, building a page's figures):
    ``function`` must be a module-level function of the domain package taking the
    connection first, and ``args`` plain hashable values (codes, language).
    """
    path = str(db.default_db_path())
    version = db.data_version(_connection(path))
    return _cached_call(function.__module__, function.__qualname__, version, path, args)


@st.cache_data(show_spinner=False, max_entries=2000)
def _cached_figure(module: str, name: str, args: tuple, kwargs: tuple) -> dict:
    function = getattr(importlib.import_module(module), name)
    return function(*args, **dict(kwargs)).to_plotly_json()


def figure(builder, *args, **kwargs) -> dict:
    """Return ``builder(*args, **kwargs)`` as a plotly figure dict, built once per distinct input.

    Building plotly figure objects costs tens of milliseconds each (validation); the inputs
    are the page's cached query results, so equal inputs give the same figure and a rerun
    only pays for hashing them.
    """
    return _cached_figure(builder.__module__, builder.__qualname__, args, tuple(sorted(kwargs.items())))
