"""What the audit page shows of one entry: the fields that changed, before and after (no Streamlit)."""

from __future__ import annotations

import json

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


def detail_text(detail: str | None) -> str:
    """Return an entry's detail JSON as short readable text ('reverts: 12'), or ''."""
    value = _load(detail)
    return ", ".join(f"{k}: {_show(v)}" if k else _show(v) for k, v in value.items() if k not in HIDDEN)


def key_text(record_key: str | None) -> str:
    """Return a stored record key ('["GM0518", 2025]') readably ('GM0518 / 2025'), or ''."""
    if not isinstance(record_key, str) or not record_key:
        return ""
    try:
        value = json.loads(record_key)
    except ValueError:
        return record_key
    return " / ".join(_show(v) for v in value) if isinstance(value, list) else _show(value)
