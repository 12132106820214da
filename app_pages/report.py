"""Report: the progress review of a publication as a PDF and as one offline HTML file."""

from functools import partial

import streamlit as st

from impactdash import i18n, publish, report, ui

ui.guard("export_report")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
folder = ui.publications_folder()

st.title(t("page_report"))
ui.dataset_banner(lang, working=True)
st.caption(t("report_page_intro"))

publications = ui.working_query("publications")
current = ui.current_publication()
choices = {
    int(row.id): row
    for row in publications.itertuples(index=False)
    if row.status in ("approved", "withdrawn") and (folder / publish.snapshot_name(int(row.id))).exists()
}
if not choices:
    st.info(t("publish_none_yet"))
    st.stop()


def choice_label(publication_id: int) -> str:
    """Name a publication in the list: number, label, date and whether it is current."""
    row = choices[publication_id]
    status = (
        t("publish_status_current")
        if current and current.id == publication_id
        else t(f"publish_status_{row.status}")
    )
    return f"{publication_id} · {row.label} · {i18n.fmt_date(row.decided_at.date(), lang)} ({status})"


ids = list(choices)
chosen = st.selectbox(
    t("report_page_publication"),
    ids,
    index=ids.index(current.id) if current and current.id in ids else 0,
    format_func=choice_label,
)
path = str(folder / publish.snapshot_name(chosen))
towns = ui.working_query("municipalities")
names = dict(zip(towns["code"], towns["name"], strict=True))
picked = st.multiselect(
    t("report_page_municipalities"), list(names), format_func=names.get, placeholder=t("report_page_all")
)
report_lang = (
    st.segmented_control(
        t("report_page_language"),
        list(i18n.LANGUAGES),
        format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        default=lang,
        key="report_lang",
    )
    or lang
)
row = choices[chosen]
arguments = (report_lang, row.label, row.decided_at.to_pydatetime(), tuple(picked) or None)
stem = f"voortgangsrapportage-{chosen}" if report_lang == "nl" else f"progress-report-{chosen}"

st.caption(t("report_page_slow"))
left, right = st.columns(2)
left.download_button(
    t("report_page_pdf"),
    data=lambda: ui.cached_on(path, report.report_file, "pdf", *arguments),
    file_name=f"{stem}.pdf",
    mime="application/pdf",
    on_click="ignore",
    icon=":material/picture_as_pdf:",
    key="report_pdf",
)
right.download_button(
    t("report_page_html"),
    data=lambda: ui.cached_on(path, report.report_file, "html", *arguments),
    file_name=f"{stem}.html",
    mime="text/html",
    on_click="ignore",
    icon=":material/html:",
    key="report_html",
)
