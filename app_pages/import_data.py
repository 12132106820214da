"""Import: choose a data set, get its template, upload CSV or .xlsx, see every problem, import all or none."""

import logging
from functools import partial

import pandas as pd
import streamlit as st

from impactdash import i18n, ui
from impactdash.safe_text import escape_markdown
from impactdash.store import db
from impactdash.write import datasets, importer, permissions
from impactdash.write.validation import EditError, ValidationError

actor = ui.guard("import")
lang = ui.lang()
t = partial(i18n.t, lang=lang)

#: Rows of the uploaded file shown as a sample under the counts.
SAMPLE_ROWS = 10
#: The upload limit is Streamlit's (``server.maxUploadSize`` in .streamlit/config.toml, in MB).
LIMIT_MB = int(st.get_option("server.maxUploadSize"))
MAX_BYTES = LIMIT_MB * 1024 * 1024
CACHE_KEY = "import_page_cache"
RESULT_KEY = "import_page_result"


def capital(text: str) -> str:
    """Labels are lower case for use inside sentences; headers start with a capital."""
    return text[:1].upper() + text[1:]


def show_problems(problems: list, count: int) -> None:
    """Say how many problems there are, list each (row, field, reason), and how many are not listed."""
    heading = (
        t("import_page_problem_one")
        if count == 1
        else t("import_page_problems", count=i18n.fmt_number(count, lang))
    )
    st.error(heading)
    st.markdown("\n".join(f"- {escape_markdown(p.message(lang))}" for p in problems))
    if count > len(problems):
        st.warning(t("import_page_more_problems", count=i18n.fmt_number(count - len(problems), lang)))


def sample_table(frame: pd.DataFrame, ds: datasets.Dataset) -> pd.DataFrame:
    """The first rows as typed, with the spreadsheet's row numbers and the fields' labels as headers."""
    head = frame.head(SAMPLE_ROWS)
    table = {t("import_page_row"): [str(n) for n in head.index]}
    for column in head.columns:
        label = capital(ds.field(column).label(lang)) if column in ds.field_names else str(column)
        table[label] = [escape_markdown(v) if isinstance(v, str) else "" for v in head[column].tolist()]
    return pd.DataFrame(table)


st.title(t("page_import"))
ui.dataset_banner(lang, working=True)
st.markdown(t("import_page_intro"))

# 1. Which data set, and its template.
st.header(t("import_page_step_dataset"))
names = list(datasets.DATASETS)
dataset = st.selectbox(
    t("import_page_dataset"),
    names,
    format_func=lambda name: capital(datasets.get(name).label(lang)),
    key="import_page_dataset",
)
ds = datasets.get(dataset)
st.caption(
    escape_markdown(
        t(
            "import_page_columns",
            columns=", ".join(f"{ds.field(c).label(lang)} ({c})" for c in ds.import_columns),
            required=", ".join(ds.field(c).label(lang) for c in ds.required_columns),
        )
    )
)
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

if upload is None:
    st.stop()

# What the import of this file wrote, kept across the rerun that follows it.
done = st.session_state.get(RESULT_KEY)
if done and done[0] == (dataset, upload.file_id):
    st.success(done[1])

# 3. Read and check. Cached per file, data set and data version: a rerun does not re-read
# 100,000 rows, and every write (ours or anybody's) makes the preview fresh.
con = ui.connection()
cache_id = (dataset, upload.file_id, upload.size, db.data_version(con))
cached = st.session_state.get(CACHE_KEY)
if cached is None or cached[0] != cache_id:
    frame = preview = refusal = None
    try:
        frame = importer.read_upload(upload.name, upload.getvalue(), max_bytes=MAX_BYTES, dataset=dataset)
        preview = importer.preview(con, dataset, frame)
    except (importer.UploadError, EditError) as err:
        refusal = err.message(lang)
    cached = (cache_id, frame, preview, refusal)
    st.session_state[CACHE_KEY] = cached
_, frame, preview, refusal = cached

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
    show_problems(preview.problems, preview.problem_count)
changes = preview.inserts + preview.updates
if preview.ok and not changes:
    st.info(t("import_page_nothing_changes"))

st.caption(t("import_page_first_rows", count=min(SAMPLE_ROWS, len(frame))))
st.table(sample_table(frame, ds), hide_index=True)

if st.button(
    t("import_page_button"),
    type="primary",
    icon=":material/upload:",
    disabled=not (preview.ok and changes),
    key="import_page_apply",
):
    try:
        result = importer.apply(con, actor, dataset, frame, filename=upload.name)
    except ValidationError as err:
        # The data changed between preview and import: show the problems found now.
        show_problems(err.problems, err.count)
    except (importer.UploadError, EditError) as err:
        st.error(err.message(lang))
    except permissions.PermissionDenied:
        st.error(t("no_access"))
    except Exception:  # noqa: BLE001 - the person gets a message, the log gets the details
        logging.getLogger(__name__).exception("import failed")
        st.error(t("import_page_failed"))
    else:
        fmt = partial(i18n.fmt_number, lang=lang)
        key = "import_page_done" if result.inserts or result.updates else "import_page_done_nothing"
        st.session_state[RESULT_KEY] = (
            (dataset, upload.file_id),
            escape_markdown(
                t(
                    key,
                    file=upload.name,
                    dataset=ds.label(lang),
                    total=fmt(result.total),
                    new=fmt(result.inserts),
                    changed=fmt(result.updates),
                    unchanged=fmt(result.unchanged),
                )
            ),
        )
        st.rerun()
