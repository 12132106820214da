"""Import: choose a data set, get its template, upload CSV or .xlsx, see every problem, import all or none."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.safe_text import escape_markdown
from impactdash.ui import import_steps
from impactdash.views import edit as edit_view
from impactdash.views import import_data as view
from impactdash.write import datasets, importer

actor = ui.guard("import")
lang = ui.lang()
t = partial(i18n.t, lang=lang)

#: The upload limit is Streamlit's (``server.maxUploadSize`` in .streamlit/config.toml, in MB).
LIMIT_MB = int(st.get_option("server.maxUploadSize"))
MAX_BYTES = LIMIT_MB * 1024 * 1024

st.title(t("page_import"))
ui.dataset_banner(lang, working=True)
st.markdown(t("import_page_intro"))

# 1. Which data set, and its template.
st.header(t("import_page_step_dataset"))
dataset = st.selectbox(
    t("import_page_dataset"),
    list(datasets.DATASETS),
    format_func=lambda name: view.capital(datasets.get(name).label(lang)),
    key="import_page_dataset",
)
ds = datasets.get(dataset)
st.caption(view.columns_text(ds, lang))
st.download_button(
    t("import_page_template"),
    importer.template(dataset),
    file_name=t("import_page_template_file", name=dataset),
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
    key="import_page_template",
)

# 2. The file. No type filter here: the importer names what is wrong with an .xls or a .pdf.
st.header(t("import_page_step_upload"))
upload = ui.file_uploader(
    t("import_page_file"), lang, help=t("import_page_file_help", limit=LIMIT_MB), key="import_page_file"
)
st.caption(t("import_page_numbers"))
if upload is None:
    st.stop()
import_steps.show_done(dataset, upload)

# 3. Read and check (once per file, data set and data version), then the counts, problems, a sample.
con = ui.connection()
frame, preview, refusal = import_steps.checked_upload(con, dataset, upload, MAX_BYTES, lang)
st.header(t("import_page_step_preview"))
if refusal:
    st.error(refusal)
    st.stop()

counts = st.columns(4)
for column, key, value in zip(
    counts,
    ("import_page_total", "import_page_new", "import_page_changed", "import_page_unchanged"),
    (preview.total, preview.inserts, preview.updates, preview.unchanged),
    strict=True,
):
    column.metric(t(key), i18n.fmt_number(value, lang))

if preview.problem_count:
    import_steps.show_problems(preview.problems, preview.problem_count, lang)
if preview.late_count:  # imported all the same, but worth a look (a booking dated 2099?)
    late = edit_view.import_late_lines(dataset, preview, lang)
    st.warning("  \n".join(escape_markdown(line) for line in late), icon="⚠️")
changes = preview.inserts + preview.updates
if preview.ok and not changes:
    st.info(t("import_page_nothing_changes"))

if preview.ok:
    # What would change, not what the file holds: old → new per field, edits it would undo.
    import_steps.show_changes(preview, ds, lang)
    confirmed = import_steps.confirmed_overwrites(preview, lang)
else:
    st.caption(t("import_page_first_rows", count=min(view.SAMPLE_ROWS, len(frame))))
    ui.table(view.sample_table(frame, ds, lang), lang)
    confirmed = None

# 4. Import every row or none (rows that undo an edit only once confirmed).
if st.button(
    t("import_page_button"),
    type="primary",
    icon=":material/upload:",
    disabled=not (preview.ok and changes and confirmed is not None),
    key="import_page_apply",
):
    import_steps.import_file(con, actor, dataset, frame, upload, lang, confirmed)
