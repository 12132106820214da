"""What the audit page shows of one entry: the fields that changed, before and after (no Streamlit)."""

from __future__ import annotations

import json

import pandas as pd

from impactdash import i18n
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


def changed_fields(before_json: str | None, after_json: str | None) -> list[tuple[str, str, str]]:
    """Return (field, before, after) as text for every field whose value differs, in field order."""
    before, after = _load(before_json), _load(after_json)
    names = list(dict.fromkeys([*before, *after]))
    return [
        (name, _show(before.get(name)), _show(after.get(name)))
        for name in names
        if name not in HIDDEN and before.get(name) != after.get(name)
    ]


def detail_text(detail: str | None, lang: str | None = None) -> str:
    """Return an entry's detail JSON as short readable text ('reverts: 12'), or ''.

    With ``lang``, keys that have a text (``audit_detail_key_<key>``) are said in that
    language ('draait terug: 12').
    """
    value = _load(detail)

    def key(k: str) -> str:
        text = f"audit_detail_key_{k}"
        return i18n.t(text, lang) if lang and text in i18n.TEXTS else k

    return ", ".join(f"{key(k)}: {_show(v)}" if k else _show(v) for k, v in value.items() if k not in HIDDEN)


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
