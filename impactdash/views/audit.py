"""What the audit page shows of one entry: the fields that changed, before and after (no Streamlit)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from impactdash import i18n
from impactdash.views import edit as edit_view
from impactdash.views.import_data import capital, value_text
from impactdash.write import datasets

#: Fields never shown, even if a row held them (the user table's password hash).
HIDDEN = frozenset({"password_hash"})


def _load(text: str | None) -> dict:
    if not text or not isinstance(text, str):
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def _show(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def changed_fields(
    before_json: str | None, after_json: str | None, dataset: str | None = None, lang: str | None = None
) -> list[tuple[str, str, str]]:
    """Return (field, before, after) as text for every field whose value differs, in field order.

    With ``lang``, values are said as the page's language writes them (9.350 for 9350.0,
    dates as dates, yes/no, choices in words; ``dataset`` tells each field's kind).
    """
    before, after = _load(before_json), _load(after_json)
    names = list(dict.fromkeys([*before, *after]))

    def show(name: str, value: object) -> str:
        return value_words(dataset, name, value, lang) if lang else _show(value)

    return [
        (name, show(name, before.get(name)), show(name, after.get(name)))
        for name in names
        if name not in HIDDEN and before.get(name) != after.get(name)
    ]


def value_words(dataset: str | None, name: str, value: object, lang: str) -> str:
    """Return one stored value of an audit entry as the page's language writes it ('–' for none)."""
    if value is None:
        return "–"
    ds = datasets.DATASETS.get(dataset or "")
    if ds is not None and name in ds.field_names:
        field = ds.field(name)
        if field.kind == "bool" or isinstance(value, bool):
            return i18n.t("edit_yes" if value in (True, "true") else "edit_no", lang)
        if field.kind == "choice":
            return edit_view.choice_label(ds.name, name, value, lang)
        if field.kind == "decimal" and isinstance(value, int | float):  # money: always in cents
            return edit_view.display_value("decimal", value, lang)
        return value_text(value, field.kind, lang)
    if isinstance(value, bool):
        return i18n.t("edit_yes" if value else "edit_no", lang)
    if name == "roles" and isinstance(value, list):
        return ", ".join(i18n.t(f"role_{r}", lang) if f"role_{r}" in i18n.TEXTS else str(r) for r in value)
    if name.endswith("_until") and isinstance(value, str):
        try:
            return i18n.fmt_time(dt.datetime.fromisoformat(value), lang)
        except ValueError:
            return value
    if isinstance(value, int | float):
        return value_text(value, "float", lang)
    return _show(value)


def detail_text(detail: str | None, lang: str | None = None) -> str:
    """Return an entry's detail JSON as short readable text, or ''.

    Without ``lang`` as stored ('reverts: 12'); with it, said in words in that language
    ('draait logregel 12 terug; vanaf een onbekend adres'), numbers formatted.
    """
    value = _load(detail)
    if not lang:
        return ", ".join(f"{k}: {_show(v)}" if k else _show(v) for k, v in value.items() if k not in HIDDEN)
    return "; ".join(_detail_words(k, v, lang) for k, v in value.items() if k not in HIDDEN)


def _detail_words(key: str, value: object, lang: str) -> str:
    """Say one part of an entry's detail in ``lang``: 'draait logregel 12 terug', '1.234 rijen'."""
    if key == "source" and value in (None, "", "unknown"):
        return i18n.t("audit_detail_source_unknown", lang)
    shown = (
        i18n.fmt_number(value, lang)
        if isinstance(value, int | float) and not isinstance(value, bool) and key != "reverts"
        else _show(value)
    )
    text = f"audit_detail_{key}"
    if key and text in i18n.TEXTS:
        if isinstance(value, int) and not isinstance(value, bool) and key != "reverts":
            return i18n.plural(text, value, lang, value=shown)  # "1 rij", "12.000 rijen"
        return i18n.t(text, lang, value=shown)
    return f"{key}: {shown}" if key else shown


def key_text(record_key: str | None) -> str:
    """Return a stored record key ('["GM0518", 2025]') readably ('GM0518 / 2025'), or ''."""
    if not isinstance(record_key, str) or not record_key:
        return ""
    try:
        value = json.loads(record_key)
    except ValueError:
        return record_key
    return " / ".join(_show(v) for v in value) if isinstance(value, list) else _show(value)


def import_lines(kept: pd.DataFrame, dataset: str | None, lang: str) -> pd.DataFrame:
    """Return what an import (or its revert) changed as a table: record, change, field, before, after.

    ``kept`` is :func:`impactdash.write.import_changes.kept`'s frame. An update gets one line
    per field it changed, a new or removed record one line with its values; values are
    formatted in ``lang`` (9.400 / 9,400).
    """
    ds = datasets.get(dataset) if dataset in datasets.DATASETS else None
    kinds = {f.name: f.kind for f in ds.fields} if ds else {}

    def label(name: str) -> str:
        return capital(ds.field(name).label(lang)) if name in kinds else name

    def fmt(name: str, value: object) -> str:
        return value_text(value, kinds.get(name, "text"), lang)

    def record(values: dict) -> str:
        key = ds.key if ds else ()
        return " · ".join(
            f"{label(n)}: {fmt(n, v)}" for n, v in values.items() if n not in key and v is not None
        )

    lines = []
    for row in kept.itertuples(index=False):
        shown = str(row.record_key).replace("\x1f", " / ")
        op = i18n.t(f"audit_op_{row.op}", lang)
        before, after = _load(row.before), _load(row.after)
        if row.op == "update":
            lines += [(shown, op, label(n), fmt(n, before.get(n)), fmt(n, after.get(n))) for n in after]
        else:
            lines.append((shown, op, "", record(before) if before else "–", record(after) if after else "–"))
    columns = [
        i18n.t(k, lang) for k in ("audit_record_column", "audit_change", "audit_field", "audit_before")
    ]
    return pd.DataFrame(lines, columns=[*columns, i18n.t("audit_after", lang)])
