"""Figure sources: which figures a session reads, the connections to them, and cached reads.

The read path is one straight line: a page calls :func:`query` (or :func:`cached`), which
picks the figure source (the current publication, or the drafts for staff who chose them),
opens it once per process and runs a named query, cached by the source's data version.
Building, upgrading and repairing happen once, in :func:`start`, never on the way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import pickle
import threading
from collections import OrderedDict
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from impactdash import config, startup
from impactdash.publish import changes, pointer, serving
from impactdash.store import db
from impactdash.ui import plotly_wire


@st.cache_resource(show_spinner=False)
def _prepared(path: str) -> str:
    # Build, upgrade and repair once per process, before anyone reads (see startup.prepare).
    return str(startup.prepare(path))


def start() -> None:
    """Make the working database ready once per process; the entry script calls this first.

    Does nothing in public-only mode, which never opens the working database.
    """
    if not config.public_only():
        _prepared(str(config.default_db_path()))


@st.cache_resource(show_spinner=False)
def _connection(path: str):
    # One connection per process; every call takes its own cursor (see db.run_query).
    _prepared(path)  # a no-op once start() has run
    return db.connect(path)


@st.cache_resource(show_spinner=False, max_entries=8)
def _snapshot_connection(path: str):
    # Publications never change, so read-only connections can be shared by every session.
    # One published under an older schema is served from an upgraded copy (see serving).
    return serving.open_publication(path)


def connection():
    """Return the process-wide connection to the working database (built on first use).

    Refused in public-only mode: such a process opens nothing for writing.
    """
    if config.public_only():
        raise PermissionError("public-only mode: the working database is not opened")
    return _connection(str(config.default_db_path()))


FIGURES_KEY = "figures"

DRAFT, PUBLISHED = "draft", "published"


def publications_folder() -> Path:
    """Return the folder of the publications of this process's database."""
    return config.publications_dir(config.default_db_path())


def current_publication() -> pointer.Current | None:
    """Return the publication the public sees now (re-read on every call: a small file)."""
    return pointer.current(publications_folder())


def showing_drafts() -> bool:
    """Whether this session's public pages read the working (draft) figures."""
    return not config.public_only() and st.session_state.get(FIGURES_KEY) == DRAFT


def figure_source() -> tuple[str, str] | None:
    """Return (kind, path) of the figures this session reads, or None if nothing is published."""
    if showing_drafts():
        return DRAFT, str(config.default_db_path())
    published = current_publication()
    return None if published is None else (PUBLISHED, str(published.path))


def has_figures() -> bool:
    """Whether this session has figures to show: the drafts, or a current publication."""
    return figure_source() is not None


def _open(kind: str, path: str):
    return _connection(path) if kind == DRAFT else _snapshot_connection(path)


@st.cache_resource(show_spinner=False, max_entries=8)
def _snapshot_version(path: str) -> int:
    # A publication is read-only: its data version is read once, not on every query.
    return db.data_version(_snapshot_connection(path))


def _data_version(kind: str, path: str) -> int:
    """Return the data version of a source: the key of every cached read from it."""
    return db.data_version(_connection(path)) if kind == DRAFT else _snapshot_version(path)


#: Query results by (kind, path, query, data version, parameters), least recently used last.
_QUERIES: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_QUERIES_LOCK = threading.Lock()
_QUERY_ENTRIES = 1000


def _cached_query(kind: str, path: str, name: str, version: int, params: tuple) -> pd.DataFrame:
    # ``version`` is only part of the cache key: every write bumps it, so a change is
    # seen at once and unchanged data is never recomputed. A plain dict of frames rather
    # than st.cache_data, which hashed the arguments in Python and unpickled the frame on
    # every call (a tenth of a warm page view's CPU, docs/performance.md); callers get a copy.
    key = (kind, path, name, version, params)
    with _QUERIES_LOCK:
        frame = _QUERIES.get(key)
        if frame is not None:
            _QUERIES.move_to_end(key)
            return frame
    frame = db.run_query(_open(kind, path), name, **dict(params))
    with _QUERIES_LOCK:
        _QUERIES[key] = frame
        while len(_QUERIES) > _QUERY_ENTRIES:
            _QUERIES.popitem(last=False)
    return frame


def query_on(kind: str, path: str, name: str, params: dict) -> pd.DataFrame:
    """Run a named query on one source (``DRAFT`` or ``PUBLISHED`` and its path), cached by data version."""
    version = _data_version(kind, path)
    return _cached_query(kind, path, name, version, tuple(sorted(params.items()))).copy()


def query(name: str, **params) -> pd.DataFrame:
    """Run a named query on the figures this session reads (publication or drafts), cached.

    Returns a copy safe to modify. Public pages call this; it is the one place that
    chooses the database, so a visitor only ever reads the current publication.
    """
    source = figure_source()
    if source is None:
        raise LookupError("nothing has been published")
    return query_on(*source, name, params)


def working_query(name: str, **params) -> pd.DataFrame:
    """Run a named query on the working database (staff pages only, behind their guard)."""
    connection()
    return query_on(DRAFT, str(config.default_db_path()), name, params)


@st.cache_data(show_spinner=False, max_entries=50)
def _changes_between(before: tuple[str, str, int], after: tuple[str, str, int]) -> pd.DataFrame:
    # Each side is (kind, path, data version): a publication never changes, the drafts'
    # data version changes with every write, so a change is seen at once.
    return changes.compare(_open(*before[:2]), _open(*after[:2]))


def _version(source: str) -> tuple[str, str, int]:
    kind, path = (DRAFT, str(config.default_db_path())) if source == DRAFT else (PUBLISHED, source)
    return kind, path, _data_version(kind, path)


def version_changes(before: str, after: str) -> pd.DataFrame:
    """Return the figures that differ between two versions: ``DRAFT`` or a publication's file path."""
    if DRAFT in (before, after):
        connection()  # drafts are staff-only: refused in public-only mode
    return _changes_between(_version(before), _version(after)).copy()


@st.cache_data(show_spinner=False, max_entries=50)
def _all_changes_between(
    before: tuple[str, str, int], after: tuple[str, str, int]
) -> tuple[pd.DataFrame, changes.Lookups]:
    # Keyed like _changes_between: per pair of data versions, so the approval screen
    # compares a pending request with the current publication once, not on every rerun.
    old, new = _open(*before[:2]), _open(*after[:2])
    return changes.compare_all(old, new), changes.lookups(old).merged(changes.lookups(new))


def all_changes(before: str, after: str) -> tuple[pd.DataFrame, changes.Lookups]:
    """Return everything the public sees that differs between two versions, and the names to show it.

    Each version is ``DRAFT`` or a publication's file path (see :func:`changes.compare_all`).
    """
    if DRAFT in (before, after):
        connection()  # drafts are staff-only: refused in public-only mode
    found, names = _all_changes_between(_version(before), _version(after))
    return found.copy(), names


def publication_history() -> list[pointer.Published]:
    """Return the publications the public may look back on, oldest first (no working database)."""
    return pointer.history(publications_folder())


@st.cache_data(show_spinner=False, max_entries=20)
def _target_history(folder: str, entries: tuple, drafts: tuple[str, str, int] | None) -> dict:
    # Publications never change: the history is keyed by which ones there are (and the
    # drafts' data version when staff read drafts).
    versions = [
        (number, label, at.date(), changes.targets(_snapshot_connection(str(Path(folder) / file))))
        for number, label, file, at in entries
    ]
    if drafts is not None:
        versions.append((0, "", dt.date.today(), changes.targets(_open(*drafts[:2]))))
    return changes.target_changes(versions)


def changed_targets() -> dict[str, list[changes.TargetChange]]:
    """Return, per ambition, how its target changed across the publications (and the drafts, if shown).

    Derived from the publications' snapshots, so a visitor sees exactly what the public
    record shows: see docs/decisions.md ("Changed targets").
    """
    entries = tuple((p.id, p.label, p.file, p.approved_at) for p in publication_history())
    drafts = _version(DRAFT) if showing_drafts() else None
    return _target_history(str(publications_folder()), entries, drafts)


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
    source = figure_source()
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

    The figure is shared by every session and carries its JSON specification, made once
    (``plotly_wire.keep``): ``ui.chart`` sends that instead of serialising the figure again
    on every run. The inputs are the page's query results, read from the current
    publication (or the drafts' data version), so a new publication with other figures is a
    new input and a new figure; the same figures give the same, correct, figure.
    """
    return plotly_wire.keep(shared(builder, *args, **kwargs))
