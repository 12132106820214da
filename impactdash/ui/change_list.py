"""The complete change list as staff and the public see it: grouped by subject, old → new, downloadable.

The words come from :mod:`impactdash.views.changes`; the comparison is cached per pair of
versions in :mod:`impactdash.ui.sources` (:func:`all_changes`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impactdash import i18n
from impactdash.publish import changes, exports
from impactdash.ui.widgets import table as show_table
from impactdash.views import changes as view

#: Rows shown per subject (the light change log shows as many).
FIRST_N = view.FIRST_N
#: Subjects shown open even in a long list: a council must see when the goalposts move.
ALWAYS_OPEN = ("changes_subject_ambition", "changes_subject_milestone")


def show_changes(found: pd.DataFrame, names: changes.Lookups, lang: str, *, key: str) -> None:
    """Show a change list: how many, a download of all, then one block per subject with its first rows.

    With few subjects every block is open; with many, the targets and milestones are.
    """
    st.markdown(view.count_sentence(found, lang))
    if found.empty:
        return
    table = view.change_table(found, names, lang)
    subject_column = table.columns[0]
    left, right = st.columns(2)
    stem = "wijzigingen" if lang == "nl" else "changes"
    left.download_button(
        i18n.t("changes_download_csv", lang),
        exports.to_csv_bytes(table),
        f"{stem}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"{key}_csv",
    )
    right.download_button(
        i18n.t("changes_download_excel", lang),
        exports.to_excel_bytes({i18n.t("page_changes", lang)[:31]: table}),
        f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key=f"{key}_xlsx",
    )
    groups = list(table.groupby(subject_column, sort=False))
    open_always = {i18n.t(k, lang) for k in ALWAYS_OPEN}
    for subject, rows in groups:
        title = i18n.t("changes_group", lang, subject=subject, count=i18n.fmt_number(len(rows), lang))
        with st.expander(title, expanded=len(groups) <= 4 or subject in open_always):
            if len(rows) > FIRST_N:
                st.caption(
                    i18n.t(
                        "changes_group_first",
                        lang,
                        shown=i18n.fmt_number(FIRST_N, lang),
                        count=i18n.fmt_number(len(rows), lang),
                    )
                )
            show_table(rows.head(FIRST_N).drop(columns=[subject_column]), lang)
