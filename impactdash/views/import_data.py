"""What the import page says besides Streamlit: the columns of a data set, a sample, the outcome.

Reading, checking and writing an upload is :mod:`impactdash.write.importer`'s; this module
only turns its results into texts and tables in the page's language.
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import json

import pandas as pd

from impactdash import i18n
from impactdash.safe_text import escape_markdown
from impactdash.write import datasets, importer

#: Rows of the uploaded file shown as a sample under the counts.
SAMPLE_ROWS = 10
#: Lines of the change list shown on the page; the download holds them all.
CHANGE_LINES = 200
#: Rows that would undo an edit listed in the warning above the confirmation (all are in the list).
OVERWRITES_LISTED = 10
#: The change list's filter: every line, or one kind of change.
SHOW = ("all", "update", "insert", "same", "overwrite")


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
        i18n.plural(
            key,
            result.total,
            lang,
            file=filename,
            dataset=ds.label(lang),
            new=i18n.fmt_number(result.inserts, lang),
            changed=i18n.fmt_number(result.updates, lang),
            unchanged=i18n.fmt_number(result.unchanged, lang),
        )
    )


def show_label(kind: str, lang: str) -> str:
    """Return a choice of the change list's filter ('changed', 'undoes an edit') in ``lang``."""
    return i18n.t(f"import_page_show_{kind}", lang)


def filtered(changes: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Return the lines of one kind of change (:data:`SHOW`): 'overwrite' = rows that undo an edit."""
    if kind == "all":
        return changes
    if kind == "overwrite":
        return changes[changes["edited_by"].notna()]
    return changes[changes["op"] == kind]


def value_text(text: object, kind: str, lang: str) -> str:
    """Return a stored value (the database's text of it) formatted in ``lang``: 9.400 / 9,400, 31-12-2025."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return "–"
    text = str(text)
    try:
        if kind in ("int", "decimal", "float"):
            number = decimal.Decimal(text)
            places = max(0, -number.normalize().as_tuple().exponent) if number % 1 else 0
            return i18n.fmt_number(number, lang, decimals=min(places, 6))
        if kind == "date":
            return i18n.fmt_date(dt.date.fromisoformat(text), lang)
        if kind == "bool":
            return i18n.t("edit_yes" if text == "true" else "edit_no", lang)
    except (ArithmeticError, ValueError):
        pass
    return text


def overwrite_lines(overwrites: list, lang: str) -> str:
    """Return the rows that would undo a person's edit as a Markdown list: row, record, who and when."""
    return "\n".join(
        "- "
        + escape_markdown(
            i18n.t(
                "import_page_overwrite_line",
                lang,
                row=o.row,
                record=o.record,
                undoes=_undoes(o.actor, o.at, lang),
            )
        )
        for o in overwrites
    )


def _undoes(actor: object, at: object, lang: str) -> str:
    if not isinstance(actor, str):
        return ""
    return i18n.t("import_page_undoes", lang, actor=actor, date=i18n.fmt_date(pd.Timestamp(at).date(), lang))


def change_table(
    changes: pd.DataFrame, ds: datasets.Dataset, lang: str, formatted: bool = True
) -> pd.DataFrame:
    """Return the change list for people: row, record, change, field, old → new, and the overwritten edit.

    ``formatted``: values in ``lang`` (the page); otherwise as stored (the download, which a
    spreadsheet or a program reads back without guessing).
    """
    kinds = {f.name: f.kind for f in ds.fields}

    def show(column: str) -> list[str]:
        values = zip(changes["field"].tolist(), changes[column].tolist(), strict=True)
        if formatted:
            return [
                value_text(v, kinds.get(f, "text"), lang) if isinstance(f, str) else "" for f, v in values
            ]
        return ["" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v) for _, v in values]

    def new_values(values: object) -> str:
        # A new record: its fields besides the key, as one text ("Bedrag: 1.234,56 · …").
        if not isinstance(values, str):
            return ""
        values = json.loads(values)
        shown = [
            (capital(ds.field(n).label(lang)), value_text(v, kinds[n], lang) if formatted else v)
            for n, v in values.items()
            if n in kinds and v is not None
        ]
        return " · ".join(f"{label}: {v}" for label, v in shown)

    new = [
        n if isinstance(f, str) else new_values(v)
        for f, n, v in zip(changes["field"].tolist(), show("new"), changes["values"].tolist(), strict=True)
    ]
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("import_page_row"): [str(n) if pd.notna(n) else "" for n in changes["row"].tolist()],
            t("import_page_col_record"): changes["record"].tolist(),
            t("import_page_col_change"): [t(f"import_page_op_{op}") for op in changes["op"].tolist()],
            t("import_page_col_field"): [
                capital(ds.field(f).label(lang)) if isinstance(f, str) and f in kinds else ""
                for f in changes["field"].tolist()
            ],
            t("import_page_col_old"): show("old"),
            t("import_page_col_new"): new,
            t("import_page_col_note"): [
                _undoes(a, w, lang)
                for a, w in zip(changes["edited_by"].tolist(), changes["edited_at"].tolist(), strict=True)
            ],
        }
    )


def change_csv(changes: pd.DataFrame, ds: datasets.Dataset, lang: str) -> bytes:
    """Return every line of the change list as CSV (UTF-8 with BOM, so Excel shows é), values as stored."""
    out = io.StringIO()
    change_table(changes, ds, lang, formatted=False).to_csv(out, index=False, lineterminator="\r\n")
    return ("\ufeff" + out.getvalue()).encode("utf-8")
