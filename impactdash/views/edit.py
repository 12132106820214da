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
from impactdash.write import late_dates as late_dates_rule
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


def capital(text: str) -> str:
    """Return a label with a capital first letter and the rest as written ('CBS-code', not 'Cbs-code')."""
    return text[:1].upper() + text[1:]


def field_label(field: datasets.Field, lang: str) -> str:
    """Return a field's label as a column header or form label: its text in ``lang``, capitalised."""
    return capital(field.label(lang))


@dataclasses.dataclass
class Names:
    """The readable names of the records a field can refer to, by data set and code (from the database)."""

    names: dict[str, dict[str, str]]
    municipality: dict[str, dict[str, str | None]]

    def name(self, table: str, code: object) -> str | None:
        """Return the name of record ``code`` of ``table``, or None when it has none (or is unknown)."""
        return self.names.get(table, {}).get(str(code)) if code is not None else None

    def label(self, table: str, code: object) -> str:
        """Return a reference as people choose it: 'Impact Hub Den Haag (DH-P-HUB)', or the bare code."""
        if code is None or code == "":
            return ""
        name = self.name(table, code)
        return f"{name} ({code})" if name and name != code else str(code)

    def options(self, table: str, municipality: str, current: object = None) -> list[str]:
        """Return the codes a field referring to ``table`` offers, sorted by name.

        The municipality's own (or all of a shared list), and the current value even when it
        is not among them.
        """
        scope = self.municipality.get(table, {})
        codes = [c for c in self.names.get(table, {}) if scope.get(c) in (None, municipality)]
        codes.sort(key=lambda c: (self.name(table, c) or c).casefold())
        if current not in (None, "") and str(current) not in codes:
            codes.append(str(current))
        return codes


def names_from_rows(rows: list[dict], lang: str) -> Names:
    """Return :class:`Names` from ``edits.reference_names``' rows, the names in ``lang``.

    An ambition has no name of its own: it is called by its measure and its target date.
    """
    names: dict[str, dict[str, str]] = {}
    municipality: dict[str, dict[str, str | None]] = {}
    for row in rows:
        name = row["name_en" if lang == "en" else "name_nl"] or row["name_nl"]
        if row.get("target_date") is not None:
            target = i18n.fmt_date(row["target_date"], lang)
            name = i18n.t("edit_ambition_name", lang, measure=name, date=target)
        names.setdefault(row["dataset"], {})[str(row["code"])] = name
        municipality.setdefault(row["dataset"], {})[str(row["code"])] = row.get("municipality_code")
    return Names(names, municipality)


def choice_label(dataset: str, field: str, value: object, lang: str) -> str:
    """Return a choice field's value in words ('Voorjaarsnota' for 'spring'); the value if it has no text."""
    if value is None or value == "":
        return ""
    key = f"edit_choice_{dataset}_{field}_{value}"
    return i18n.t(key, lang) if key in i18n.TEXTS else str(value)


def part_text(dataset: str, field: datasets.Field, value: object, names: Names, lang: str) -> str:
    """Return one value of a record in words: a reference by name, a choice in words, else formatted."""
    if field.references:
        return names.name(field.references[0], value) or (to_text(value) or "")
    if field.kind == "choice":
        return choice_label(dataset, field.name, value, lang)
    if field.kind == "date" and isinstance(value, dt.date):
        return i18n.fmt_date(value, lang)
    if field.kind in ("decimal", "float"):
        return display_value(field.kind, value, lang)
    return to_text(value) or ""


def record_label(dataset: str, key: tuple, row: dict, names: Names | None = None, lang: str = "nl") -> str:
    """Return a record as the record list shows it: in words first, its key (the codes) second.

    'Impact Hub Den Haag (DH-P-HUB)' for a record with a name; otherwise its key's parts in
    words: 'Impactteam · Leeuwarden · 31-12-2025 (impact_team_fte / GM0080 / 2025-12-31)'.
    """
    code = key_label(key)
    if row.get("name"):
        return f"{row['name']} ({code})"
    ds = datasets.get(dataset)
    names = names or Names({}, {})
    if len(key) == 1 and names.name(dataset, key[0]):  # a record others refer to, by its name
        return names.label(dataset, key[0])
    parts = zip(ds.key, key, strict=True)
    words = " · ".join(part_text(dataset, ds.field(k), v, names, lang) for k, v in parts)
    return f"{words} ({code})" if words and words != code.replace(" / ", " · ") else code


def form_label(field: datasets.Field, lang: str) -> str:
    """Return a form field's label, with `` *`` when it must be filled in (and is not filled for you)."""
    return field_label(field, lang) + (" *" if field.required and not field.auto else "")


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

    Numbers carry no thousands separators and use the language's decimal mark (the form
    shows them grouped, :func:`form_texts`); Dutch dates are written 31-12-2025, English ones ISO.
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
    # Numbers as the language writes them (233.000,00): the form states its decimal mark, so
    # the write reads the grouping right. Years, quarters and numbers stay plain.
    return {
        f.name: grid_number_text(row.get(f.name), lang)
        if grid_as_text(f) and isinstance(row.get(f.name), int | float | decimal.Decimal)
        else field_text(f.kind, row.get(f.name), lang)
        for f in ds.fields
    }


def changed_fields(
    dataset: str, before: dict | None, after: dict, lang: str, names: Names | None = None
) -> list[tuple[str, str, str]]:
    """Return (field label, old text, new text) of every field whose stored value changed, in words."""
    ds = datasets.get(dataset)
    found = []
    for f in ds.fields:
        old, new = (before or {}).get(f.name), after.get(f.name)
        if field_text(f.kind, old, lang) != field_text(f.kind, new, lang):
            found.append(
                (
                    field_label(f, lang),
                    value_words(dataset, f, old, lang, names),
                    value_words(dataset, f, new, lang, names),
                )
            )
    return found


def value_words(
    dataset: str, field: datasets.Field, value: object, lang: str, names: Names | None = None
) -> str:
    """Return a stored value for reading: a reference by name (code second), a choice in words."""
    if value is None or value == "":
        return "–"
    if field.references and names is not None:
        return names.label(field.references[0], value)
    if field.kind == "choice":
        return choice_label(dataset, field.name, value, lang)
    return display_value(field.kind, value, lang)


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


#: Whole-number fields the grid shows as plain numbers: a year, a quarter, a note's number
#: (2025, not 2.025). Every other number is shown as the page's language writes it.
PLAIN_NUMBERS = ("year", "quarter", "id")


def grid_as_text(field: datasets.Field) -> bool:
    """Whether the grid shows ``field`` as text written in the page's language (1.350,5).

    Streamlit's number columns format by the browser's language, not the page's: a Dutch
    page would show 1,350. The text is read back by the write path with the page's decimal
    mark, so it round-trips exactly.
    """
    return field.kind in ("decimal", "float") or (field.kind == "int" and field.name not in PLAIN_NUMBERS)


def grid_number_text(value: object, lang: str) -> str | None:
    """Return a stored number as the grid writes it in ``lang``: grouped, every decimal it has."""
    text = to_text(value)
    if text is None:
        return None
    number = decimal.Decimal(text)
    places = max(0, -number.as_tuple().exponent) if "." in text else 0
    return i18n.fmt_number(number, lang, places)


def grid_frame(dataset: str, rows: list[dict], lang: str = "nl") -> pd.DataFrame:
    """Return the rows as the grid's frame: one column per field, numbers as the language writes them.

    Years, quarters and numbers stay numbers; other numbers are text in ``lang``
    (:func:`grid_as_text`), dates are dates, booleans booleans.
    """
    ds = datasets.get(dataset)
    data = {}
    for f in ds.fields:
        values = [r.get(f.name) for r in rows]
        if grid_as_text(f):
            data[f.name] = pd.Series([grid_number_text(v, lang) for v in values], dtype="object")
        elif f.kind == "int":
            data[f.name] = pd.Series(values, dtype="Int64")
        elif f.kind == "bool":
            data[f.name] = pd.Series(values, dtype="boolean")
        elif f.kind == "date":
            data[f.name] = pd.Series(values, dtype="object")
        else:
            data[f.name] = pd.Series([None if v is None else str(v) for v in values], dtype="object")
    return pd.DataFrame(data)


# --- what happened meanwhile, and dates that look wrong ---------------------------------


def elsewhere_line(change: dict | None, gone: bool, lang: str) -> str:
    """Return what happened to an open record meanwhile: deleted (or changed) by whom and when.

    ``change`` is ``edits.last_change``'s: who last changed the record and when; None when
    the audit trail has no entry for it (a change outside the app).
    """
    if change is None:
        return i18n.t("edit_gone_unknown" if gone else "edit_changed_unknown", lang)
    when = i18n.fmt_time(pd.Timestamp(change["changed_at"]).to_pydatetime(), lang)
    return i18n.t("edit_gone_by" if gone else "edit_changed_by", lang, actor=change["actor"], time=when)


def late_dates(dataset: str, row: dict, reporting_date: dt.date) -> list[tuple[str, dt.date]]:
    """Return (field name, date) of every date of ``row`` after the reporting date (a typo like 2099?).

    Only dates of things that happened (:data:`impactdash.write.late_dates.HAPPENED`); a
    planned end date or target is meant to lie ahead.
    """
    return late_dates_rule.in_row(datasets.get(dataset), row, reporting_date)


def late_date_line(dataset: str, name: str, value: dt.date, reporting_date: dt.date, lang: str) -> str:
    """Say why one date looks wrong: '{field} {date} ligt na de peildatum {reporting}; klopt het jaartal?'."""
    return i18n.t(
        "edit_date_after_reporting",
        lang,
        field=field_label(datasets.get(dataset).field(name), lang),
        date=i18n.fmt_date(value, lang),
        reporting=i18n.fmt_date(reporting_date, lang),
    )


def import_late_lines(dataset: str, preview, lang: str) -> list[str]:
    """Return an import preview's warning: one line per listed row with a late date, and how many more.

    ``preview`` is :class:`impactdash.write.importer.Preview` (its ``late``, ``late_count``
    and ``reporting_date``).
    """
    lines = [
        i18n.t(
            "edit_at_row",
            lang,
            row=row,
            text=late_date_line(dataset, name, value, preview.reporting_date, lang),
        )
        for row, name, value in preview.late
    ]
    if preview.late_count > len(preview.late):
        more = i18n.fmt_number(preview.late_count - len(preview.late), lang)
        lines.append(i18n.plural("edit_late_more", more, lang))
    return lines


def late_date_lines(dataset: str, row: dict, reporting_date: dt.date, lang: str) -> list[str]:
    """Return a warning per date of ``row`` after the reporting date, saying why it looks wrong."""
    return [
        late_date_line(dataset, name, value, reporting_date, lang)
        for name, value in late_dates(dataset, row, reporting_date)
    ]


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
