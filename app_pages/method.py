"""Method and data: definitions, how status and projection work, coverage, downloads, accessibility."""

import streamlit as st

from impactdash import i18n, ui
from impactdash.measures import metrics
from impactdash.publish import downloads, exports, opendata, pointer
from impactdash.safe_text import escape_markdown
from impactdash.views import method

lang = ui.lang()
st.title(i18n.t("page_method", lang))
ui.dataset_banner(lang)
st.markdown(i18n.t("method_intro", lang))

st.header(i18n.t("method_measures", lang))
st.markdown(i18n.t("method_measures_intro", lang))
ui.table(
    method.measures_table(ui.query("metric_catalogue"), lang).set_index(i18n.t("method_col_measure", lang)),
    lang,
    hide_index=None,
)

st.header(i18n.t("method_status", lang))
st.markdown(method.status_text(lang))
st.header(i18n.t("method_projection", lang))
st.markdown(i18n.t("method_projection_text", lang, window=metrics.PROJECTION_WINDOW))
st.header(i18n.t("method_periods", lang))
info = ui.query("dataset_info").iloc[0]
st.markdown(i18n.t("method_periods_text", lang, date=i18n.fmt_date(info["reporting_date"], lang)))

st.header(i18n.t("method_coverage", lang))
ui.table(method.coverage_table(ui.query("method_coverage"), lang), lang, hide_index=None)

st.header(i18n.t("method_downloads", lang))
st.markdown(i18n.t("method_downloads_text", lang))
names = [ds.name for ds in downloads.DATA_SETS]
by_name = {ds.name: ds for ds in downloads.DATA_SETS}
chosen = st.selectbox(
    i18n.t("method_download_set", lang), names, format_func=lambda n: by_name[n].title(lang)
)
frame = ui.query(by_name[chosen].query)
st.caption(i18n.plural("method_rows", len(frame), lang))
left, right = st.columns(2)
left.download_button(
    i18n.t("method_download_csv", lang),
    data=lambda: exports.to_csv_bytes(frame),  # built on click, not on every run
    file_name=f"{chosen}.csv",
    mime="text/csv",
    on_click="ignore",
    key="download_csv",
)
right.download_button(
    i18n.t("method_download_xlsx", lang),
    data=lambda: downloads.workbook({ds.name: ui.query(ds.query) for ds in downloads.DATA_SETS}),
    file_name="impactpijler.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    key="download_xlsx",
)

st.header(i18n.t("method_open_data", lang))
published = ui.current_publication()
if published is None:
    st.caption(i18n.t("nothing_published", lang))
else:
    st.markdown(
        i18n.t(
            "method_open_data_text",
            lang,
            label=escape_markdown(published.label),
            date=i18n.fmt_date(published.approved_at.date(), lang),
        )
    )
    st.download_button(
        i18n.t("method_open_data_button", lang),
        data=lambda: opendata.zip_open_data(ui.publications_folder() / pointer.open_data_name(published.id)),
        file_name=f"impactpijler-open-data-{published.id}.zip",
        mime="application/zip",
        on_click="ignore",
        icon=":material/folder_zip:",
        key="download_open_data",
    )

st.header(i18n.t("method_changelog", lang))
st.markdown(i18n.t("method_changelog_text", lang))
st.header(i18n.t("method_accessibility", lang))
st.page_link(
    "app_pages/accessibility.py",
    label=i18n.t("method_accessibility_link", lang),
    icon=":material/accessibility:",
)
