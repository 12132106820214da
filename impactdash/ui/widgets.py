"""The widgets every page shares: municipality choice, the banner, charts, data tables, uploads."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from impactdash import config, i18n
from impactdash.publish import exports, pointer
from impactdash.safe_text import escape_markdown, plain_text, typed_in
from impactdash.ui import plotly_wire
from impactdash.ui.session import lang as session_lang
from impactdash.ui.sources import (
    DRAFT,
    PUBLISHED,
    current_publication,
    draft_changes,
    figure_source,
    query,
    query_on,
)
from impactdash.write import importer

MUNICIPALITY_KEY = "municipality"
#: The public change log, linked from the banner that names the publication.
CHANGELOG_PAGE = "app_pages/changelog.py"


def municipality_picker(current_lang: str) -> str:
    """Show the municipality choice in the sidebar; defaults to the longest-running pillar."""
    if figure_source() is None:
        return ""
    towns = query("municipalities")
    if towns.empty:
        return ""
    codes = towns["code"].tolist()
    names = dict(zip(towns["code"], towns["name"], strict=True))
    # The address first: a drill-down link names its municipality (see drill_link). The
    # address differs from the session's municipality only when a link changed it (a choice
    # here writes both), so only then is the choice set to it.
    wanted = st.query_params.get("gm")
    chosen = st.session_state.get(MUNICIPALITY_KEY)
    followed = wanted in codes and wanted != chosen and "gm_select" in st.session_state
    if followed:
        st.session_state["gm_select"] = wanted
    wanted = wanted or st.session_state.get(MUNICIPALITY_KEY)
    # No default beside a value set here (Streamlit warns about both).
    index = codes.index(wanted) if wanted in codes and not followed else 0
    code = st.sidebar.selectbox(
        i18n.t("municipality", current_lang),
        codes,
        index=index,
        format_func=names.get,
        key="gm_select",
        placeholder=i18n.t("municipality", current_lang),
    )
    st.session_state[MUNICIPALITY_KEY] = code
    if st.query_params.get("gm") != code:  # each change is a history entry (see linked_choice)
        st.query_params["gm"] = code
    return code


def municipality_page(title_key: str, current_lang: str, *, sep: str | None = None) -> tuple[str, str]:
    """Open a page about the chosen municipality: its title and the banner; return (code, name).

    Without a known municipality the page says there is nothing to show and stops. The
    title is the text ``title_key`` with the name in its ``{name}`` placeholder or, given
    ``sep``, after it (``"Begroting – Utrecht"``). The name is returned as Markdown-safe
    text (typed by people, shown as typed), ready for the page's sentences.
    """
    code = st.session_state.get(MUNICIPALITY_KEY, "")
    towns = query("municipalities").set_index("code")
    if code not in towns.index:
        st.warning(i18n.t("no_data_selection", current_lang))
        st.stop()
    name = escape_markdown(towns.loc[code, "name"])
    if sep is None:
        st.title(i18n.t(title_key, current_lang, name=name))
    else:
        st.title(f"{i18n.t(title_key, current_lang)}{sep}{name}")
    dataset_banner(current_lang)
    return code, name


def dataset_banner(current_lang: str, working: bool = False, changelog: bool = True) -> None:
    """Say, on every page, which figures these are: published (label, date) or drafts, demo or not.

    A public page with nothing published says so and stops. Staff pages pass
    ``working=True``: they always work on the working database. The published banner links
    to the publication's change log, except on that page (``changelog=False``).
    """
    source = (DRAFT, str(config.default_db_path())) if working else figure_source()
    if source is None:
        st.info(i18n.t("nothing_published", current_lang), icon=":material/hourglass_empty:")
        st.stop()
    info = query_on(*source, "dataset_info", {}).iloc[0]
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
        if changelog:
            # What this publication changed, one click away in the same session (a link
            # inside the faded caption would fail the contrast check).
            st.page_link(
                CHANGELOG_PAGE,
                label=i18n.t("changelog_link", current_lang),
                icon=":material/history_edu:",
                query_params={"publication": str(published.id)},
            )
    else:
        st.warning(f"{_draft_text(published, current_lang)} {as_of}.", icon=":material/edit_note:")


def _draft_text(published: pointer.Current | None, current_lang: str) -> str:
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
            shown = frame() if callable(frame) else frame
            table(shown, current_lang)
            table_downloads(shown, current_lang, key=key)


def table(frame: pd.DataFrame, current_lang: str, *, hide_index: bool | None = True) -> None:
    """Show ``frame`` as a table whose long words break where ``current_lang`` allows.

    Its text cells get soft hyphens (``i18n.soft_hyphenated``): a narrow column breaks
    "Matchmaking­bijeenkomsten" between syllables, with a hyphen, and the status and the
    amounts in the other columns keep their width (the page style lets no word break anywhere
    else). Only what is shown: downloads and open data hold the words as stored.
    ``hide_index`` as ``st.table``'s (``None``: hide a plain row number, show a named index).
    """

    def hyphenated(cells) -> list:
        return [i18n.soft_hyphenated(cell, current_lang) if isinstance(cell, str) else cell for cell in cells]

    shown = frame.copy()
    for column in shown.columns:
        if not pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = hyphenated(shown[column])
    if hide_index is not True and not pd.api.types.is_numeric_dtype(shown.index):
        shown.index = pd.Index(hyphenated(shown.index), name=shown.index.name)
    st.table(shown, hide_index=hide_index)


def table_downloads(frame: pd.DataFrame, current_lang: str, *, key: str) -> None:
    """Offer a shown table as CSV and Excel, built on click (``publish.exports.table_files``).

    The files hold the table's cells as a person reads them (column names in the page's
    language), formula cells neutralised; ``key`` names the files and the buttons.
    """
    left, right = st.columns(2)
    left.download_button(
        i18n.t("download_table_csv", current_lang),
        data=lambda: exports.table_files(frame, key)[0],
        file_name=f"{key}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=f"download_csv_{key}",
    )
    right.download_button(
        i18n.t("download_table_xlsx", current_lang),
        data=lambda: exports.table_files(frame, key)[1],
        file_name=f"{key}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/download:",
        key=f"download_xlsx_{key}",
    )


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


def file_uploader(
    label: str, current_lang: str, *, key: str, help: str | None = None, limit_mb: int | None = None
):
    """Return ``st.file_uploader(...)`` with its built-in English texts replaced by ours.

    Streamlit has no setting for the drop zone's "Upload" button and "20MB per file" line;
    a page style swaps them for the chosen language. ``limit_mb`` is this widget's limit
    (default: the import page's, ``importer.DEFAULT_MAX_BYTES``); the server refuses
    anything above ``server.maxUploadSize`` whatever a widget says, so that setting is the
    largest page limit (the backup page's) and each page passes its own. No type filter:
    the browser would refuse another type in English, where our readers name the problem
    in the page's language.
    """
    own = limit_mb if limit_mb is not None else importer.DEFAULT_MAX_BYTES // (1024 * 1024)
    limit = min(own, int(st.get_option("server.maxUploadSize")))
    css = _UPLOADER_CSS.format(
        choose=_css_string(i18n.t("upload_choose", current_lang)),
        hint=_css_string(i18n.t("upload_hint", current_lang, limit=limit)),
    )
    st.html(f"<style>{css}</style>")
    return st.file_uploader(label, help=help, max_upload_size=limit, key=key)


def chart(fig: go.Figure, *, key: str, alt: str, static: bool = False) -> None:
    """Draw a figure built by ``impactdash.chart_*`` (so finished by ``charts.finish``).

    ``alt`` is what a screen reader says instead: the chart's sentence. Streamlit's theme is
    off (``theme=None``) because the figure carries the house look itself, and a theme makes
    plotly draw every chart twice. ``static`` charts (the overview's sparklines) take no
    hover or zoom.
    """
    config = {"displayModeBar": False, "staticPlot": True} if static else {"displayModeBar": False}
    # As st.plotly_chart(fig, config=config, key=key, alt=..., theme=None), from the JSON a
    # shared figure keeps (ui.figure): not serialised again on every run (plotly_wire).
    plotly_wire.send(fig, config=config, key=key, alt=plain_text(alt))


def chart_section(
    title: str | None,
    sentence: str | None,
    fig: go.Figure | Callable[[], go.Figure] | None,
    table: pd.DataFrame | Callable[[], pd.DataFrame] | None,
    current_lang: str,
    *,
    key: str,
    notes: Iterable[str] = (),
) -> None:
    """Show one chart as every page does: title, a sentence from the data, the chart, notes, its data.

    ``title`` None leaves the heading to the page (a card's subheader, a heading shown
    before an empty-data check). ``sentence`` None says there is no data, and nothing else
    is shown. ``fig`` may be a function, so a figure is only built when there is data;
    ``table`` too (built only once its expander is opened, see :func:`data_table`). A
    figure that is None is not drawn, and a table that is None or empty is not offered.
    The notes are the chart's public notes, one caption each.
    """
    if title is not None:
        st.header(title)
    if sentence is None:
        st.markdown(i18n.t("no_data_selection", current_lang))
        return
    st.markdown(sentence)
    figure = fig() if callable(fig) else fig
    if figure is not None:
        chart(figure, key=key, alt=sentence)
    for note in notes:
        # Typed text in a note is escaped by the view; HTML is allowed for the one tag views
        # add, the lang of a text in the other language (impactdash.views.bilingual).
        st.caption(note, unsafe_allow_html=True)
    if callable(table) or (table is not None and not table.empty):
        data_table(table, current_lang, key=key)


def foreign_text(text: str, text_lang: str, *, lead: str = "", small: bool = False) -> None:
    """Show typed ``text`` written in ``text_lang``, after an optional ``lead`` in the page's language.

    On a page in another language the text is marked with its own ``lang`` (WCAG 3.1.2), so
    a screen reader reads a Dutch note on an English page with Dutch pronunciation. Both are
    plain text, shown as typed (``safe_text``: Markdown escaped, ``<`` too, so the only HTML
    is the mark). ``small`` for the size of a note under a chart, in the body colour
    (st.caption's grey fails contrast).
    """
    code = text_lang if text_lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    marked = typed_in(text, code, session_lang())
    line = f"{escape_markdown(lead)} {marked}" if lead else marked
    if small:
        line = f'<span style="font-size: 0.875rem">{line}</span>'
    st.markdown(line, unsafe_allow_html=True)


def drill_link(
    page: str, label: str, current_lang: str, *, icon: str | None = None, **params: object
) -> None:
    """Link to ``page`` with its state in the address: a real ``<a href>`` a person can share.

    The address carries the municipality (``gm``), the language and ``params`` (a programme,
    a year, an ambition), so the link opened elsewhere shows the same figures; within the
    session Streamlit follows it without reloading, and the browser's back button returns.
    """
    # A long name wraps instead of ending in "..." on a phone: the page style (ui.styles).
    query = {"gm": st.session_state.get(MUNICIPALITY_KEY, ""), "lang": current_lang}
    query.update({name: str(value) for name, value in params.items()})
    st.page_link(page, label=label, icon=icon, query_params=query)


def linked_choice(
    param: str,
    options: list,
    *,
    label: str,
    key: str,
    unknown: str,
    format_func: Callable[[object], str] = str,
) -> object:
    """Show a choice whose value lives in the address (``?param=...``); return the chosen option.

    A value in the address picks the option (a shared link, the back button); a choice made
    here is written back, so the address says what the page shows. A value that is not among
    ``options`` shows ``unknown`` (a sentence in the page's language) and falls back to the
    first option. Options are compared as text, as the address holds them.
    """
    by_text = {str(option): option for option in options}
    wanted = st.query_params.get(param)
    if wanted is not None:
        if wanted in by_text:
            st.session_state[key] = by_text[wanted]
        else:
            st.warning(unknown)
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)

    def _to_address() -> None:  # the choice made here goes into the address before the rerun
        st.query_params[param] = str(st.session_state[key])

    # Only a choice made here changes the address: Streamlit adds a history entry for every
    # change, so writing the default on each run would make the back button return to the
    # same page (an address without the parameter means the first option).
    return st.selectbox(label, options, format_func=format_func, key=key, on_change=_to_address)
