"""What the import page says besides Streamlit: the columns of a data set, a sample, the outcome.

Reading, checking and writing an upload is :mod:`impactdash.write.importer`'s; this module
only turns its results into texts and tables in the page's language.
"""

from __future__ import annotations

import pandas as pd

from impactdash import i18n
from impactdash.safe_text import escape_markdown
from impactdash.write import datasets, importer

#: Rows of the uploaded file shown as a sample under the counts.
SAMPLE_ROWS = 10


def capital(text: str) -> str:
    """Return a label with a capital: labels are lower case for use inside sentences."""
    return text[:1].upper() + text[1:]


def columns_text(ds: datasets.Dataset, lang: str) -> str:
    """Return the columns a file of ``ds`` may have (label and name) and the ones it must have."""
    return escape_markdown(
        i18n.t(
            "import_page_columns",
            lang,
            columns=", ".join(f"{ds.field(c).label(lang)} ({c})" for c in ds.import_columns),
            required=", ".join(ds.field(c).label(lang) for c in ds.required_columns),
        )
    )


def problems_heading(count: int, lang: str) -> str:
    """Return how many problems the file has, as the heading of their list."""
    if count == 1:
        return i18n.t("import_page_problem_one", lang)
    return i18n.t("import_page_problems", lang, count=i18n.fmt_number(count, lang))


def problem_lines(problems: list, lang: str) -> str:
    """Return the problems as a Markdown list, one line each (row, field, reason), typed text escaped."""
    return "\n".join(f"- {escape_markdown(p.message(lang))}" for p in problems)


def sample_table(frame: pd.DataFrame, ds: datasets.Dataset, lang: str) -> pd.DataFrame:
    """Return the first rows as typed, with the sheet's row numbers and the fields' labels as headers."""
    head = frame.head(SAMPLE_ROWS)
    table = {i18n.t("import_page_row", lang): [str(n) for n in head.index]}
    for column in head.columns:
        label = capital(ds.field(column).label(lang)) if column in ds.field_names else str(column)
        table[label] = [escape_markdown(v) if isinstance(v, str) else "" for v in head[column].tolist()]
    return pd.DataFrame(table)


def done_text(result: importer.Preview, filename: str, ds: datasets.Dataset, lang: str) -> str:
    """Return what an import wrote: the file, the data set, and how many rows were new, changed, the same."""
    key = "import_page_done" if result.inserts or result.updates else "import_page_done_nothing"
    return escape_markdown(
        i18n.t(
            key,
            lang,
            file=filename,
            dataset=ds.label(lang),
            total=i18n.fmt_number(result.total, lang),
            new=i18n.fmt_number(result.inserts, lang),
            changed=i18n.fmt_number(result.updates, lang),
            unchanged=i18n.fmt_number(result.unchanged, lang),
        )
    )
