"""What changed: every figure that differs between the drafts and a publication, or two publications."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.publish import changes, exports, pointer
from impactdash.safe_text import escape_markdown
from impactdash.views import publish as publish_view

ui.guard("view_drafts")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
folder = ui.publications_folder()

st.title(t("page_changes"))
ui.dataset_banner(lang, working=True)
st.caption(t("changes_intro"))

current = ui.current_publication()
labels = publish_view.version_labels(
    ui.working_query("publications"), folder, current.id if current else None, lang
)
versions = {ui.DRAFT: t("changes_drafts")}
versions.update(
    {
        str(folder / pointer.snapshot_name(n)): t("changes_publication", version=label)
        for n, label in labels.items()
    }
)
options = list(versions)
left, right = st.columns(2)
default_before = options.index(str(current.path)) if current and str(current.path) in versions else 0
before = left.selectbox(t("changes_before"), options, index=default_before, format_func=versions.get)
after = right.selectbox(t("changes_after"), options, index=0, format_func=versions.get)
if before == after:
    st.info(t("changes_same_version"))
    st.stop()

changed = ui.version_changes(before, after)
if changed.empty:
    st.success(t("changes_none"))
    st.stop()
st.markdown(
    t("changes_count_one")
    if len(changed) == 1
    else t("changes_count", count=i18n.fmt_number(len(changed), lang))
)
towns = ui.working_query("municipalities")
measures = ui.working_query("metric_catalogue")
subjects = ui.working_query("changes_subjects")
table = changes.readable(
    changed,
    dict(zip(towns["code"], towns["name"], strict=True)),
    measures,
    dict(zip(subjects["code"], subjects["name"], strict=True)),
    lang,
)

left, right = st.columns(2)
left.download_button(
    t("changes_download_csv"),
    exports.to_csv_bytes(table),
    "wijzigingen.csv" if lang == "nl" else "changes.csv",
    mime="text/csv",
    icon=":material/download:",
)
right.download_button(
    t("changes_download_excel"),
    exports.to_excel_bytes({t("page_changes")[:31]: table}),
    "wijzigingen.xlsx" if lang == "nl" else "changes.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
)

MAX_SHOWN = 1000  # a table of thousands of rows helps nobody on screen; the download has all
if len(table) > MAX_SHOWN:
    st.caption(t("changes_shown", shown=i18n.fmt_number(MAX_SHOWN, lang)))
shown = table.head(MAX_SHOWN).copy()
changed = changed.head(MAX_SHOWN)
catalogue_units = measures.set_index("code")["unit"].to_dict()
units = [changes.unit_of(code, catalogue_units) for code in changed["metric_code"]]
for column in (t("changes_col_before"), t("changes_col_after")):
    shown[column] = [
        i18n.fmt_value(v, u, lang) if v == v and v is not None else "–"
        for v, u in zip(shown[column], units, strict=True)
    ]
shown[t("changes_col_period")] = [i18n.fmt_date(d, lang) for d in shown[t("changes_col_period")]]
for column in (t("changes_col_municipality"), t("changes_col_measure"), t("changes_col_subject")):
    shown[column] = shown[column].map(escape_markdown)
st.table(shown.drop(columns=[t("changes_col_unit")]), hide_index=True)
