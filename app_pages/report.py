"""Report: the progress review of a publication as a PDF and as one offline HTML file."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.publish import pointer
from impactdash.report import build as report
from impactdash.views import publish as publish_view

ui.guard("export_report")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
folder = ui.publications_folder()

st.title(t("page_report"))
ui.dataset_banner(lang, working=True)
st.caption(t("report_page_intro"))

current = ui.current_publication()
current_id = current.id if current else None
# Pending and rejected requests have no approved figures to report on.
publications = ui.working_query("publications").set_index("id", drop=False)
approved = ("approved", "withdrawn")
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
path = str(folder / pointer.snapshot_name(chosen))
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
row = publications.loc[chosen]
arguments = (report_lang, row.label, row.decided_at.to_pydatetime(), tuple(picked) or None)
stem = f"voortgangsrapportage-{chosen}" if report_lang == "nl" else f"progress-report-{chosen}"

st.caption(t("report_page_slow"))
# Each file is built only when its button is clicked, cached per publication and choice.
FORMATS = {"pdf": ("application/pdf", ":material/picture_as_pdf:"), "html": ("text/html", ":material/html:")}
for column, (fmt, (mime, icon)) in zip(st.columns(2), FORMATS.items(), strict=True):
    column.download_button(
        t(f"report_page_{fmt}"),
        data=partial(ui.cached_on, path, report.report_file, fmt, *arguments),
        file_name=f"{stem}.{fmt}",
        mime=mime,
        on_click="ignore",
        icon=icon,
        key=f"report_{fmt}",
    )
