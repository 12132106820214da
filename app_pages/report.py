"""Report: the council report of a publication, PDF or offline HTML, built with its progress shown."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.report import build as report
from impactdash.views import publish as publish_view

ui.guard("export_report")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
folder = ui.publications_folder()

st.title(t("page_report"))
ui.dataset_banner(lang, working=True)
st.caption(t("report_page_intro"))
st.caption(t("report_page_slow"))

current = ui.current_publication()
current_id = current.id if current else None
# Pending and rejected requests have no approved figures to report on; a withdrawn one has no
# place in the public history the report compares with.
publications = ui.working_query("publications").set_index("id", drop=False)
approved = ("approved",)
labels = publish_view.version_labels(publications, folder, current_id, lang, statuses=approved)
if not labels:
    st.info(t("publish_none_yet"))
    st.stop()

ids = list(labels)
chosen = st.selectbox(
    t("report_page_publication"),
    ids,
    index=ids.index(current_id) if current_id in ids else 0,
    format_func=labels.get,
)
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
fmt = (
    st.segmented_control(
        t("report_page_format"),
        ["pdf", "html"],
        format_func=lambda code: {"pdf": "PDF", "html": t("report_page_format_html")}[code],
        default="pdf",
        key="report_format",
    )
    or "pdf"
)
# The PDF carries no tags (reportlab cannot write them); the HTML file is the accessible version.
st.info(t("report_page_accessible"), icon=":material/accessibility:")

choice = (chosen, fmt, report_lang, tuple(picked))
stem = f"voortgangsrapportage-{chosen}" if report_lang == "nl" else f"progress-report-{chosen}"
made = st.session_state.get("report_made")
if st.button(t("report_page_make"), icon=":material/description:", type="primary", key="report_make"):
    # Built on request, with its progress shown: a few seconds, longer for many municipalities.
    with st.status(t("report_page_making"), expanded=True) as status:
        bar = st.progress(0.0)

        def tell(done: float, what: str) -> None:
            bar.progress(min(max(done, 0.0), 1.0), text=t(f"report_progress_{what}"))

        data = report.publication_report(folder, chosen, fmt, report_lang, tuple(picked) or None, tell)
        status.update(label=t("report_page_ready"), state="complete", expanded=False)
    made = (choice, data)
    st.session_state["report_made"] = made
if made is not None and made[0] == choice:
    st.download_button(
        t(f"report_page_{fmt}"),
        data=made[1],
        file_name=f"{stem}.{fmt}",
        mime={"pdf": "application/pdf", "html": "text/html"}[fmt],
        on_click="ignore",
        icon=":material/download:",
        key="report_download",
    )
