"""The import page's steps that keep state or write: the checked upload, the problems, the import.

Reading and checking a file and writing it are :mod:`impactdash.write.importer`'s; the
texts are :mod:`impactdash.views.import_data`'s. What an import wrote is kept across the
rerun that follows it, and shown for as long as the same file of the same data set is chosen.
"""

from __future__ import annotations

import logging

import duckdb
import pandas as pd
import streamlit as st

from impactdash import i18n
from impactdash.errors import UserFacingError
from impactdash.store import db
from impactdash.views import import_data as view
from impactdash.write import datasets, importer, permissions
from impactdash.write.validation import ValidationError

CACHE_KEY = "import_page_cache"
RESULT_KEY = "import_page_result"


def show_done(dataset: str, upload) -> None:
    """Say what the import of this file wrote, after the rerun that follows the import."""
    done = st.session_state.get(RESULT_KEY)
    if done and done[0] == (dataset, upload.file_id):
        st.success(done[1])


def checked_upload(
    con: duckdb.DuckDBPyConnection, dataset: str, upload, max_bytes: int, lang: str
) -> tuple[pd.DataFrame | None, importer.Preview | None, str | None]:
    """Return (the file's rows, what an import would do, why the file is refused), read and checked once.

    Cached per file, data set and data version: a rerun does not re-read 100,000 rows, and
    every write (ours or anybody's) makes the preview fresh.
    """
    cache_id = (dataset, upload.file_id, upload.size, db.data_version(con))
    cached = st.session_state.get(CACHE_KEY)
    if cached is None or cached[0] != cache_id:
        frame = preview = refusal = None
        try:
            frame = importer.read_upload(upload.name, upload.getvalue(), max_bytes=max_bytes, dataset=dataset)
            preview = importer.preview(con, dataset, frame)
        except UserFacingError as err:  # a refusal, or a full disk, a read-only folder, a lock
            refusal = err.message(lang)
        cached = (cache_id, frame, preview, refusal)
        st.session_state[CACHE_KEY] = cached
    _, frame, preview, refusal = cached
    return frame, preview, refusal


def show_problems(problems: list, count: int, lang: str) -> None:
    """Say how many problems there are, list each (row, field, reason), and how many are not listed."""
    st.error(view.problems_heading(count, lang))
    st.markdown(view.problem_lines(problems, lang))
    if count > len(problems):
        more = i18n.fmt_number(count - len(problems), lang)
        st.warning(i18n.t("import_page_more_problems", lang, count=more))


def show_changes(preview: importer.Preview, ds: datasets.Dataset, lang: str) -> None:
    """Show what the import changes, row by row and field by field, filterable, at most CHANGE_LINES lines.

    The download holds every line (built only when asked for: 100,000 rows stay cheap).
    """
    changes = preview.changes
    st.caption(i18n.t("import_page_changes", lang))
    # Every choice always: a choice kept from an earlier file must stay valid for the next.
    kind = st.selectbox(
        i18n.t("import_page_show", lang),
        view.SHOW,
        format_func=lambda k: view.show_label(k, lang),
        key="import_page_show",
    )
    lines = view.filtered(changes, kind)
    note = i18n.t("import_page_col_note", lang)
    st.dataframe(
        view.change_table(lines.head(view.CHANGE_LINES), ds, lang),
        hide_index=True,
        column_config={note: st.column_config.TextColumn(width="large")},
    )
    if len(lines) > view.CHANGE_LINES:
        shown, count = (i18n.fmt_number(n, lang) for n in (view.CHANGE_LINES, len(lines)))
        st.caption(i18n.t("import_page_lines_shown", lang, shown=shown, count=count))
    st.download_button(
        i18n.t("import_page_download", lang),
        lambda: view.change_csv(changes, ds, lang),
        file_name=i18n.t("import_page_download_file", lang, name=ds.name),
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key="import_page_download",
    )


def confirmed_overwrites(preview: importer.Preview, lang: str) -> frozenset[str] | None:
    """Warn about rows that would undo a person's edit; return the records confirmed, or None if not (yet).

    Without such rows there is nothing to confirm (an empty set).
    """
    if not preview.overwrites:
        return frozenset()
    count = i18n.fmt_number(len(preview.overwrites), lang)
    one = "_one" if len(preview.overwrites) == 1 else ""
    shown = preview.overwrites[: view.OVERWRITES_LISTED]
    more = len(preview.overwrites) - len(shown)
    st.warning(
        i18n.t(f"import_page_overwrites{one}", lang, count=count)
        + "\n\n"
        + view.overwrite_lines(shown, lang)
        + (f"\n- … (+{i18n.fmt_number(more, lang)})" if more else ""),
        icon=":material/warning:",
    )
    if st.checkbox(i18n.t(f"import_page_confirm{one}", lang, count=count), key="import_page_confirm"):
        return preview.overwritten_keys
    return None


def import_file(
    con: duckdb.DuckDBPyConnection,
    actor: permissions.Actor,
    dataset: str,
    frame: pd.DataFrame,
    upload,
    lang: str,
    confirmed: frozenset[str] = frozenset(),
) -> None:
    """Import every row of the file or none; on success keep what was written and rerun.

    A refusal is said on the page: new problems (the data changed since the preview), an
    unreadable file, no right to import, or (logged in full) anything else.
    """
    try:
        result = importer.apply(con, actor, dataset, frame, filename=upload.name, confirmed=confirmed)
    except ValidationError as err:
        # The data changed between preview and import: show the problems found now.
        show_problems(err.problems, err.count, lang)
    except UserFacingError as err:  # a refusal, or a full disk, a read-only folder, a lock
        st.error(err.message(lang))
    except permissions.PermissionDenied:
        st.error(i18n.t("no_access", lang))
    except Exception:  # noqa: BLE001 - the person gets a message, the log gets the details
        logging.getLogger(__name__).exception("import failed")
        st.error(i18n.t("import_page_failed", lang))
    else:
        text = view.done_text(result, upload.name, datasets.get(dataset), lang)
        st.session_state[RESULT_KEY] = ((dataset, upload.file_id), text)
        st.rerun()
