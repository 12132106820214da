"""The one Streamlit module of the package: cached connection, cached queries, shared widgets.

Everything else in ``impactdash`` runs without Streamlit. Pages import this module for
the connection, the chosen language and municipality, and the banners every page shows.
"""

from __future__ import annotations

import hashlib
import importlib
import pickle
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from impactdash import auth, changes, db, i18n, loader, permissions, publish, serving
from impactdash.safe_text import escape_markdown, plain_text

LANG_KEY = "lang"
MUNICIPALITY_KEY = "municipality"


@st.cache_resource(show_spinner=False)
def _connection(path: str):
    # One connection per process; every call takes its own cursor (see db.run_query).
    loader.ensure_database(path)
    con = db.connect(path)
    # Repair a pointer left by a crash or a restored backup before anyone reads through it.
    publish.reconcile(con, publish.publications_dir(path))
    return con


@st.cache_resource(show_spinner=False, max_entries=8)
def _snapshot_connection(path: str):
    # Publications never change, so read-only connections can be shared by every session.
    # One published under an older schema is served from an upgraded copy (see serving).
    return serving.open_publication(path)


def connection():
    """Return the process-wide connection to the working database (built on first use).

    Refused in public-only mode: such a process opens nothing for writing.
    """
    if publish.public_only():
        raise PermissionError("public-only mode: the working database is not opened")
    return _connection(str(db.default_db_path()))


# --- which figures this session reads ------------------------------------------------

FIGURES_KEY = "figures"
DRAFT, PUBLISHED = "draft", "published"


def publications_folder() -> Path:
    """Return the folder of the publications of this process's database."""
    return publish.publications_dir(db.default_db_path())


def current_publication() -> publish.Current | None:
    """Return the publication the public sees now (re-read on every call: a small file)."""
    return publish.current(publications_folder())


def figures_switch(actor: permissions.Actor, current_lang: str) -> str:
    """Let staff who may see drafts choose drafts or the publication; everyone else reads published.

    Called on every run by the entry script, so a signed-out or downgraded session falls
    back to the published figures at once.
    """
    if publish.public_only() or not permissions.allowed(actor, "view_drafts"):
        st.session_state[FIGURES_KEY] = PUBLISHED
        return PUBLISHED
    choice = st.sidebar.segmented_control(
        i18n.t("figures_switch", current_lang),
        options=[DRAFT, PUBLISHED],
        format_func=lambda v: i18n.t(f"figures_{v}", current_lang),
        default=st.session_state.get(FIGURES_KEY, DRAFT),
        key="figures_choice",
    )
    st.session_state[FIGURES_KEY] = choice or DRAFT
    return st.session_state[FIGURES_KEY]


def showing_drafts() -> bool:
    """Whether this session's public pages read the working (draft) figures."""
    return not publish.public_only() and st.session_state.get(FIGURES_KEY) == DRAFT


def _source() -> tuple[str, str] | None:
    """Return (kind, path) of the figures this session reads, or None if nothing is published."""
    if showing_drafts():
        return DRAFT, str(db.default_db_path())
    published = current_publication()
    return None if published is None else (PUBLISHED, str(published.path))


def has_figures() -> bool:
    """Whether this session has figures to show: the drafts, or a current publication."""
    return _source() is not None


def _open(kind: str, path: str):
    return _connection(path) if kind == DRAFT else _snapshot_connection(path)


@st.cache_resource(show_spinner=False, max_entries=8)
def _snapshot_version(path: str) -> int:
    # A publication is read-only: its data version is read once, not on every query.
    return db.data_version(_snapshot_connection(path))


def _data_version(kind: str, path: str) -> int:
    """Return the data version of a source: the key of every cached read from it."""
    return db.data_version(_connection(path)) if kind == DRAFT else _snapshot_version(path)


@st.cache_data(show_spinner=False, max_entries=1000)
def _cached_query(kind: str, path: str, name: str, version: int, params: tuple) -> pd.DataFrame:
    # ``version`` is only part of the cache key: every write bumps it, so a change is
    # seen at once and unchanged data is never recomputed.
    return db.run_query(_open(kind, path), name, **dict(params))


def _query(kind: str, path: str, name: str, params: dict) -> pd.DataFrame:
    version = _data_version(kind, path)
    return _cached_query(kind, path, name, version, tuple(sorted(params.items()))).copy()


def query(name: str, **params) -> pd.DataFrame:
    """Run a named query on the figures this session reads (publication or drafts), cached.

    Returns a copy safe to modify. Public pages call this; it is the one place that
    chooses the database, so a visitor only ever reads the current publication.
    """
    source = _source()
    if source is None:
        raise LookupError("nothing has been published")
    return _query(*source, name, params)


def working_query(name: str, **params) -> pd.DataFrame:
    """Run a named query on the working database (staff pages only, behind their guard)."""
    connection()
    return _query(DRAFT, str(db.default_db_path()), name, params)


def lang() -> str:
    """Return the language chosen in this session (Dutch by default)."""
    value = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def language_switch() -> str:
    """Show the language switch in the sidebar; the choice holds across pages and reloads."""
    # On the run a click starts, the switch's own state already holds the new choice: its
    # label must be in that language too, not in the one this session had before.
    clicked = st.session_state.get("lang_switch")
    current = clicked if clicked in i18n.LANGUAGES else lang()
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


def flash(page: str, text: str, kind: str = "success") -> None:
    """Keep a message (Markdown, typed text already escaped) to show on ``page`` after the rerun.

    A page that writes reruns itself so everything on it shows the new figures; the
    message saying what was written must survive that rerun.
    """
    st.session_state[f"flash_{page}"] = (kind, text)


def show_flash(page: str) -> None:
    """Show the message kept for ``page``, once."""
    kind, text = st.session_state.pop(f"flash_{page}", (None, None))
    if kind == "success":
        st.success(text, icon="✅")
    elif kind == "error":
        st.error(text)


def remember(name: str, chosen):
    """Keep a widget's choice across a language switch and return it.

    Widgets whose option labels depend on the language carry the language in their key
    (``f"{name}_{lang}"``): a keyed widget would otherwise go on showing the labels of the
    language it was first drawn in. The new widget starts from the choice kept here.
    """
    st.session_state[f"kept_{name}"] = chosen
    return chosen


def kept(name: str, options: list, default=None):
    """Return the choice kept for ``name`` if it is still offered (for a list: the part still offered)."""
    value = st.session_state.get(f"kept_{name}", default)
    if isinstance(value, list):
        return [v for v in value if v in options]
    return value if value in options else default


def municipality_picker(current_lang: str) -> str:
    """Show the municipality choice in the sidebar; defaults to the longest-running pillar."""
    if _source() is None:
        return ""
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


def dataset_banner(current_lang: str, working: bool = False) -> None:
    """Say, on every page, which figures these are: published (label, date) or drafts, demo or not.

    A public page with nothing published says so and stops. Staff pages pass
    ``working=True``: they always work on the working database.
    """
    source = (DRAFT, str(db.default_db_path())) if working else _source()
    if source is None:
        st.info(i18n.t("nothing_published", current_lang), icon=":material/hourglass_empty:")
        st.stop()
    info = _query(*source, "dataset_info", {}).iloc[0]
    if bool(info["is_demo"]):
        st.info(i18n.t("demo_banner", current_lang, names=escape_markdown(info["demo_names"])), icon="ℹ️")
    as_of = i18n.t("figures_as_of", current_lang, date=i18n.fmt_date(info["reporting_date"], current_lang))
    published = None if working else current_publication()
    if working:
        st.caption(as_of)
    elif source[0] == PUBLISHED:
        text = i18n.t(
            "published_banner",
            current_lang,
            date=i18n.fmt_date(published.approved_at.date(), current_lang),
            label=escape_markdown(published.label),
        )
        st.caption(f"{text} {as_of}.")  # two sentences
    else:
        st.warning(f"{_draft_text(published, current_lang)} {as_of}.", icon=":material/edit_note:")


def _draft_text(published: publish.Current | None, current_lang: str) -> str:
    """Return the drafts banner: what the public sees instead, and how many figures differ."""
    if published is None:
        return i18n.t("draft_banner", current_lang, current=i18n.t("draft_banner_nothing", current_lang))
    seen = i18n.t(
        "draft_banner_current",
        current_lang,
        label=escape_markdown(published.label),
        date=i18n.fmt_date(published.approved_at.date(), current_lang),
    )
    count = len(draft_changes())
    if count == 0:
        changed = i18n.t("draft_banner_same", current_lang)
    elif count == 1:
        changed = i18n.t("draft_banner_changed_one", current_lang)
    else:
        changed = i18n.t("draft_banner_changed", current_lang, count=i18n.fmt_number(count, current_lang))
    return i18n.t("draft_banner", current_lang, current=seen) + " " + changed


@st.cache_data(show_spinner=False, max_entries=50)
def _changes_between(before: tuple[str, str, int], after: tuple[str, str, int]) -> pd.DataFrame:
    # Each side is (kind, path, data version): a publication never changes, the drafts'
    # data version changes with every write, so a change is seen at once.
    return changes.compare(_open(*before[:2]), _open(*after[:2]))


def _version(source: str) -> tuple[str, str, int]:
    kind, path = (DRAFT, str(db.default_db_path())) if source == DRAFT else (PUBLISHED, source)
    return kind, path, _data_version(kind, path)


def version_changes(before: str, after: str) -> pd.DataFrame:
    """Return the figures that differ between two versions: ``DRAFT`` or a publication's file path."""
    if DRAFT in (before, after):
        connection()  # drafts are staff-only: refused in public-only mode
    return _changes_between(_version(before), _version(after)).copy()


def draft_changes() -> pd.DataFrame:
    """Return the figures in which the drafts differ from the current publication (all, if none)."""
    published = current_publication()
    if published is None:
        drafts = changes.figures(connection())
        return changes.figure_changes(drafts.iloc[0:0], drafts)
    return version_changes(str(published.path), DRAFT)


def changed_figures() -> frozenset[tuple[str, str]]:
    """Return the (municipality, measure) pairs to mark as changed: empty unless showing drafts."""
    if not showing_drafts() or current_publication() is None:
        return frozenset()
    return changes.changed_keys(draft_changes())


# On a phone, a table that is wider than the screen scrolls sideways in a region a keyboard
# cannot reach (an axe violation): tighter cells let a chart's table fit instead.
_NARROW_TABLE_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stExpander"] [data-testid="stTable"] th,
  [data-testid="stExpander"] [data-testid="stTable"] td { padding: 0.25rem 0.3rem; font-size: 0.8rem; }
}
</style>"""

#: Session-state keys of the data tables' expanders start with this (tests open them by it).
TABLE_KEY_PREFIX = "table_"


def data_table(frame: pd.DataFrame | Callable[[], pd.DataFrame], current_lang: str, *, key: str) -> None:
    """Show a chart's data as a plain table one click away (no built-in download).

    The table is built and sent only once its expander is opened (a rerun): closed tables
    cost every page load nothing, where ten of them used to add a few hundred milliseconds
    to the ecosystem page. ``frame`` may be a function, so the table is only computed then.
    ``st.table`` renders cells as Markdown: callers pass text that people typed through
    ``safe_text.escape_markdown`` (the page modules do), so it shows exactly as typed.
    """
    box = st.expander(i18n.t("show_data", current_lang), key=f"{TABLE_KEY_PREFIX}{key}", on_change="rerun")
    if box.open:
        with box:
            st.html(_NARROW_TABLE_CSS)
            st.table(frame() if callable(frame) else frame, hide_index=True)


_UPLOADER_CSS = """
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {{
  content: "{choose}";
}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{ content: "{hint}"; font-size: 0.875rem; }}
"""


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def file_uploader(label: str, current_lang: str, *, key: str, help: str | None = None):
    """Return ``st.file_uploader(...)`` with its built-in English texts replaced by ours.

    Streamlit has no setting for the drop zone's "Upload" button and "20MB per file" line;
    a page style swaps them for the chosen language. The limit is the server's
    (``server.maxUploadSize``). No type filter: the browser would refuse another type in
    English, where our readers name the problem in the page's language.
    """
    limit = int(st.get_option("server.maxUploadSize"))
    css = _UPLOADER_CSS.format(
        choose=_css_string(i18n.t("upload_choose", current_lang)),
        hint=_css_string(i18n.t("upload_hint", current_lang, limit=limit)),
    )
    st.html(f"<style>{css}</style>")
    return st.file_uploader(label, help=help, max_upload_size=limit, key=key)


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
    if publish.public_only():
        return permissions.ANONYMOUS  # nobody signs in to a public-only process
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
    # Staff start on the drafts they work on; the switch was the visitor's 'published'.
    st.session_state.pop(FIGURES_KEY, None)
    st.session_state.pop("figures_choice", None)


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


def cached_on(version: str, function, *args):
    """Like :func:`cached`, on a chosen version: ``DRAFT`` or a publication's file path.

    For staff pages that set two versions side by side (the review's "change since the
    last publication").
    """
    kind, path, number = _version(version)
    return _cached_call(function.__module__, function.__qualname__, number, kind, path, args)


@st.cache_data(show_spinner=False, max_entries=500)
def _cached_call(module: str, name: str, version: int, kind: str, path: str, args: tuple):
    # Keyed like the queries: by the data version, so a write refreshes it at once.
    function = getattr(importlib.import_module(module), name)
    return function(_open(kind, path), *args)


def cached(function, *args):
    """Return ``function(connection, *args)``, computed once per data version and arguments.

    For work heavier than a query (assessing every ambition, building a page's figures):
    ``function`` must be a module-level function of the domain package taking the
    connection first, and ``args`` plain hashable values (codes, language). It reads the
    same figures as :func:`query`.
    """
    source = _source()
    if source is None:
        raise LookupError("nothing has been published")
    kind, path = source
    version = _data_version(kind, path)
    return _cached_call(function.__module__, function.__qualname__, version, kind, path, args)


@st.cache_resource(show_spinner=False, max_entries=2000)
def _shared_result(digest: str, _function, _args: tuple, _kwargs: dict):
    # Only the digest is hashed (Streamlit skips parameters whose name starts with "_").
    return _function(*_args, **_kwargs)


def shared(function, *args, **kwargs):
    """Return ``function(*args, **kwargs)``, computed once per distinct input for every session.

    For pure work on a page's query results (building a figure, laying out the network).
    The inputs are keyed by a SHA-256 of their pickle: equal bytes mean equal inputs, and
    pickling data frames and dataclasses runs in C, where Streamlit's own hashing walks
    them object by object in Python. The result itself is kept and shared, not copied:
    callers must not change it.
    """
    key = (function.__module__, function.__qualname__, args, sorted(kwargs.items()))
    digest = hashlib.sha256(pickle.dumps(key, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
    return _shared_result(digest, function, args, kwargs)


def figure(builder, *args, **kwargs) -> go.Figure:
    """Return the plotly figure ``builder(*args, **kwargs)``, built once per distinct input.

    The figure object is handed to ``st.plotly_chart`` as it is, which only copies it; a
    dict would be validated into a new figure (tens of milliseconds) on every run.
    """
    return shared(builder, *args, **kwargs)


def chart(fig: go.Figure, *, key: str, alt: str, static: bool = False) -> None:
    """Draw a figure built by ``impactdash.chart_*`` (so finished by ``charts.finish``).

    ``alt`` is what a screen reader says instead: the chart's sentence. Streamlit's theme is
    off (``theme=None``) because the figure carries the house look itself, and a theme makes
    plotly draw every chart twice. ``static`` charts (the overview's sparklines) take no
    hover or zoom.
    """
    config = {"displayModeBar": False, "staticPlot": True} if static else {"displayModeBar": False}
    st.plotly_chart(fig, config=config, key=key, alt=plain_text(alt), theme=None)
