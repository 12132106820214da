"""What the edit page needs besides Streamlit: the rows to show, form texts and labels, grid changes.

Reads go through the named queries ``queries/edit_rows_<data set>.sql`` (every column of
the table, as the write path reads a record, so each row's version is the one
``edits.get_record`` gives). Writes go through ``impactdash.write.edits`` only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import math

import numpy as np
import pandas as pd

from impactdash import i18n
from impactdash.write import datasets
from impactdash.write.staging import key_text, to_text
from impactdash.write.transaction import record_version
from impactdash.write.validation import Problem, ValidationError

#: The parameters of each data set's query besides nothing: most are per municipality,
#: spend also per year (the ledger is long); instruments and measures are shared.
_GLOBAL = ("instrument", "metric")


#: The record choice that opens an empty form for a new record.
NEW = "__new__"
#: The help under a form field, by the field's kind: how to type a number or a date.
_FIELD_HELP = {"decimal": "edit_number_help", "float": "edit_number_help", "date": "edit_date_help"}


def decimal_mark(lang: str) -> str:
    """Return the decimal mark people type in ``lang``: a comma in Dutch, a point in English."""
    return "," if lang == "nl" else "."


def query_params(dataset: str, municipality: str, year: int | None = None) -> dict:
    """Return the parameters of ``dataset``'s row query."""
    if dataset in _GLOBAL:
        return {}
    if dataset == "spend":
        return {"municipality": municipality, "year": int(year) if year is not None else dt.date.today().year}
    return {"municipality": municipality}


def record_key(dataset: str, row: dict) -> tuple:
    """Return the natural key of a row."""
    return tuple(row[k] for k in datasets.get(dataset).key)


def key_label(key: tuple) -> str:
    """Return a key as the text a person picks from a list: its parts joined by ' / '."""
    return " / ".join(to_text(v) or "" for v in key)


def key_id(key: tuple) -> str:
    """Return a key as one comparable text (the same for typed and text values)."""
    return key_text(tuple(key))


def records_by_id(dataset: str, rows: list[dict]) -> tuple[dict[str, dict], dict[str, tuple]]:
    """Return ({key_id: row}, {key_id: natural key}) of loaded rows, in their order."""
    by_row = {key_id(record_key(dataset, r)): r for r in rows}
    return by_row, {kid: record_key(dataset, r) for kid, r in by_row.items()}


def record_label(key: tuple, row: dict) -> str:
    """Return a record as the form's record list shows it: its key, and its name if it has one."""
    return key_label(key) + (f" – {row['name']}" if row.get("name") else "")


def form_label(field: datasets.Field, lang: str) -> str:
    """Return a form field's label, with `` *`` when it must be filled in (and is not filled for you)."""
    return field.label(lang).capitalize() + (" *" if field.required and not field.auto else "")


def form_help(field: datasets.Field, lang: str) -> str | None:
    """Return the help of a text field: how to type its number or date; None for other kinds."""
    return i18n.t(_FIELD_HELP[field.kind], lang) if field.kind in _FIELD_HELP else None


def form_fields(dataset: str, existing: bool) -> list[datasets.Field]:
    """Return the fields a form shows: a new record's sequence number is given by the database."""
    return [f for f in datasets.get(dataset).fields if existing or f.auto != "sequence"]


def widget_value(field: datasets.Field, text: str) -> str | bool:
    """Return a field's form text as its widget holds it: a checkbox holds a bool."""
    return text == "true" if field.kind == "bool" else text


def typed_values(dataset: str, entered: dict[str, object], existing: bool) -> dict[str, str | None]:
    """Return what the form's widgets hold as the write path reads it: text, or None when blank."""
    values = {}
    for f in form_fields(dataset, existing):
        value = entered.get(f.name)
        if f.kind == "bool":
            values[f.name] = "true" if value else "false"
        else:
            values[f.name] = value.strip() if isinstance(value, str) and value.strip() else None
    return values


def saved_lines(record: str, existing: bool, changes: list[tuple[str, str, str]], lang: str) -> list[str]:
    """Return what a form save says: the record saved (new, changed or unchanged), then each change."""
    if not existing:
        return [i18n.t("edit_saved_new", lang, record=record)]
    head = i18n.t("edit_saved" if changes else "edit_saved_nothing", lang, record=record)
    return [head] + [i18n.t("edit_saved_change", lang, field=f, old=o, new=n) for f, o, n in changes]


def versions(rows: list[dict], dataset: str) -> dict[str, str]:
    """Return {key_id: version} of loaded rows (the versions ``edits.get_record`` gives)."""
    return {key_id(record_key(dataset, r)): record_version(r) for r in rows}


def field_text(kind: str, value: object, lang: str) -> str:
    """Return a stored value as the text a form shows in ``lang`` (and reads back unchanged).

    Numbers carry no thousands separators (so ``1234,56`` is never ambiguous) and use the
    language's decimal mark; Dutch dates are written 31-12-2025, English ones ISO.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if kind in ("decimal", "float", "int") and isinstance(value, int | float | decimal.Decimal):
        text = to_text(value) or ""
        return text.replace(".", ",") if lang == "nl" else text
    if kind == "date" and isinstance(value, dt.date):
        return i18n.field_date(value, lang)
    if kind == "bool":
        return "true" if value else "false"
    return to_text(value) or ""


def form_texts(dataset: str, row: dict | None, lang: str) -> dict[str, str]:
    """Return every field of a record as form text; an empty form (defaults) for a new record."""
    ds = datasets.get(dataset)
    if row is None:
        return {f.name: (f.default or "") if f.kind != "choice" else "" for f in ds.fields}
    return {f.name: field_text(f.kind, row.get(f.name), lang) for f in ds.fields}


def changed_fields(dataset: str, before: dict | None, after: dict, lang: str) -> list[tuple[str, str, str]]:
    """Return (field label, old text, new text) of every field whose stored value changed."""
    ds = datasets.get(dataset)
    found = []
    for f in ds.fields:
        old, new = (before or {}).get(f.name), after.get(f.name)
        if field_text(f.kind, old, lang) != field_text(f.kind, new, lang):
            found.append(
                (
                    f.label(lang).capitalize(),
                    display_value(f.kind, old, lang),
                    display_value(f.kind, new, lang),
                )
            )
    return found


def display_value(kind: str, value: object, lang: str) -> str:
    """Return a value formatted for reading (thousands separators, the language's dates)."""
    if value is None or value == "":
        return "–"
    if kind == "bool":
        return i18n.t("edit_yes" if value else "edit_no", lang)
    if kind == "decimal" and isinstance(value, int | float | decimal.Decimal):
        return i18n.fmt_number(float(value), lang, 2)
    if kind == "float" and isinstance(value, int | float | decimal.Decimal):
        return field_text(kind, value, lang)  # measured values keep every decimal they have
    if kind == "date" and isinstance(value, dt.date):
        return i18n.fmt_date(value, lang)
    return str(value)


# --- the grid ------------------------------------------------------------------------


def grid_frame(dataset: str, rows: list[dict]) -> pd.DataFrame:
    """Return the rows as the grid's frame: one column per field, numbers as floats, dates as dates."""
    ds = datasets.get(dataset)
    data = {}
    for f in ds.fields:
        values = [r.get(f.name) for r in rows]
        if f.kind in ("decimal", "float"):
            data[f.name] = pd.Series([None if v is None else float(v) for v in values], dtype="float64")
        elif f.kind == "int":
            data[f.name] = pd.Series(values, dtype="Int64")
        elif f.kind == "bool":
            data[f.name] = pd.Series(values, dtype="boolean")
        elif f.kind == "date":
            data[f.name] = pd.Series(values, dtype="object")
        else:
            data[f.name] = pd.Series([None if v is None else str(v) for v in values], dtype="object")
    return pd.DataFrame(data)


@dataclasses.dataclass
class GridChanges:
    """What a grid edit asks the write path to do, with each edited row's number in the grid."""

    edited: pd.DataFrame
    grid_rows: list[int]
    deleted_keys: list[tuple]
    expected_versions: dict[tuple, str]

    @property
    def empty(self) -> bool:
        """Whether nothing was changed, added or deleted."""
        return self.edited.empty and not self.deleted_keys


def _grid_record(ds: datasets.Dataset, row: dict) -> dict:
    """Return a grid row for the write: text, except numbers in number columns, which stay numbers.

    A number column's cell is a number, not text to be read: as text, 1.035 m² would be
    1035 on a Dutch page (see :mod:`impactdash.write.staging`).
    """
    record = {}
    for f in ds.fields:
        value = row.get(f.name)
        numeric = isinstance(value, int | float | decimal.Decimal | np.number) and not isinstance(value, bool)
        if f.kind in ("int", "decimal", "float") and numeric and not pd.isna(value):
            record[f.name] = value
        else:
            record[f.name] = to_text(value)
    return record


def grid_changes(
    dataset: str, original: pd.DataFrame, state: dict, versions_by_key: dict[str, str]
) -> GridChanges:
    """Turn ``st.data_editor``'s state (edited/added/deleted rows) into a write for ``edits.save_grid``.

    A changed key of an existing row is refused (a key cannot change: delete the row and add
    a new one) with a problem naming the grid row, as the write path would for a form.
    """
    ds = datasets.get(dataset)
    edited_rows = {int(i): change for i, change in (state.get("edited_rows") or {}).items()}
    added = list(state.get("added_rows") or [])
    deleted = sorted(int(i) for i in (state.get("deleted_rows") or []))
    records, grid_rows, expected, problems = [], [], {}, []
    for i in sorted(edited_rows):
        if i in deleted or i >= len(original):
            continue
        row = original.iloc[i].to_dict()
        key = tuple(row[k] for k in ds.key)
        for name, value in edited_rows[i].items():
            if name in ds.key and to_text(value) != to_text(row[name]):
                problems.append(Problem(i + 1, name, "edit_key_changed", {"keys": ds.key}, ds.name))
            row[name] = value
        records.append(_grid_record(ds, row))
        grid_rows.append(i + 1)
        expected[key] = versions_by_key.get(key_id(key))
    for j, row in enumerate(added):
        records.append(_grid_record(ds, row))
        grid_rows.append(len(original) + j + 1)
    if problems:
        raise ValidationError(problems)
    deleted_keys = []
    for i in deleted:
        if i < len(original):
            key = tuple(original.iloc[i][k] for k in ds.key)
            deleted_keys.append(key)
            expected[key] = versions_by_key.get(key_id(key))
    # Only changed columns matter for updates, but whole rows keep the write simple and exact.
    frame = pd.DataFrame(records, columns=list(ds.field_names), dtype="object")
    return GridChanges(frame, grid_rows, deleted_keys, {k: v for k, v in expected.items() if v})


def renumber(error: ValidationError, grid_rows: list[int]) -> ValidationError:
    """Return the error with each problem's row (1 = first edited row) as the row number in the grid."""
    problems = [
        dataclasses.replace(p, row=grid_rows[p.row - 1]) if p.row and p.row <= len(grid_rows) else p
        for p in error.problems
    ]
    return ValidationError(problems, error.count)
