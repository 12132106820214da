"""What a change list says: every difference as subject, item, field, old → new, in the page language.

Frames in, text out (no Streamlit, no database): the staff "what changed" page, the
approval screen and the public change log all show :func:`change_table`; the marks beside
a changed target come from :func:`target_mark`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from impactdash import i18n
from impactdash.publish import changes
from impactdash.publish.changes import Lookups, TargetChange
from impactdash.publish.pointer import Published
from impactdash.safe_text import escape_markdown

#: Which kind of thing a key or field column names (its name is looked up).
_CODE_KINDS = {
    "municipality_code": "municipality",
    "programme_code": "programme",
    "property_code": "property",
    "metric_code": "metric",
    "domain_code": "domain",
    "instrument_code": "instrument",
}
_EUR = {"amount", "rent_discount_eur_year"}
_M2 = {"gross_floor_m2", "impact_floor_m2", "occupied_m2"}
#: The field an added or removed row is summed up by (else its name).
_MAIN = {
    "ambition": "target_value",
    "milestone": "value",
    "budget": "amount",
    "spend": "amount",
    "cofunding": "amount",
    "occupancy": "occupied_m2",
    "observation": "value",
    "metric_value": "value",
    "population": "inhabitants",
    "connection": "connections",
    "note": "body",
    "app_setting": "value",
}
#: Rows shown per subject in a change list; a long list is counted (the download holds all of it).
FIRST_N = 25
#: Longer typed texts (notes, descriptions) are cut here in the table; the download has them whole.
TEXT_MAX = 160


def _keys() -> dict[str, tuple[str, ...]]:
    return {subject: key for subject, key, _ in changes.subjects()}


def _has_text(key: str) -> bool:
    return key in i18n.TEXTS


def _name(kind: str, code: object, lk: Lookups, lang: str) -> str:
    return lk.names.get((kind, code, lang)) or str(code)


def ambition_name(code: str, lk: Lookups, lang: str) -> str:
    """Name an ambition by its measure and municipality ('Impactondernemingen – Utrecht')."""
    metric, town = lk.ambitions.get(code, (None, None))
    if metric is None:
        return str(code)
    return f"{_name('metric', metric, lk, lang)} – {_name('municipality', town, lk, lang)}"


def _key_part(subject: str, column: str, value: object, lk: Lookups, lang: str) -> str:
    if column == "code" and subject == "ambition" or column == "ambition_code":
        return ambition_name(value, lk, lang)
    if subject == "note":
        return i18n.t("changes_note_item", lang, id=value)
    if column == "code":
        return _name(subject, value, lk, lang)
    if column in _CODE_KINDS:
        return _name(_CODE_KINDS[column], value, lk, lang)
    if column == "moment" and _has_text(f"budget_moment_{value}"):
        return i18n.t(f"budget_moment_{value}", lang)
    if subject == "connection" and column == "kind" and _has_text(f"changes_link_{value}"):
        return i18n.t(f"changes_link_{value}", lang)
    if subject == "app_setting" and _has_text(f"changes_setting_{value}"):
        return i18n.t(f"changes_setting_{value}", lang)
    if isinstance(value, dt.date):
        return i18n.fmt_date(value, lang)
    return str(value)


def item_label(subject: str, key: tuple, lk: Lookups, lang: str) -> str:
    """Name the row a change is in, from its natural key ('Utrecht · 2025', 'Pand A · K3 2025')."""
    columns = _keys()[subject]
    parts = dict(zip(columns, key, strict=True))
    if {"year", "quarter"} <= set(parts):  # occupancy: one quarter of one year
        quarter = i18n.t("changes_quarter", lang, quarter=parts.pop("quarter"), year=parts.pop("year"))
        return " · ".join([*(_key_part(subject, c, v, lk, lang) for c, v in parts.items()), quarter])
    return " · ".join(_key_part(subject, c, v, lk, lang) for c, v in parts.items())


def _unit(subject: str, field: str, key: tuple, lk: Lookups) -> str | None:
    if field in _EUR:
        return "eur"
    if field in _M2:
        return "m2"
    if subject == "ambition" and field in ("target_value", "baseline_value"):
        return lk.units.get(lk.ambitions.get(key[0], ("",))[0])
    if subject == "milestone" and field == "value":
        return lk.units.get(lk.ambitions.get(key[0], ("",))[0])
    if subject == "observation" and field == "value":
        return lk.units.get(key[0])
    if subject == "metric_value" and field == "value":
        return lk.units.get(key[1])
    return None


def value_text(subject: str, field: str | None, value: object, key: tuple, lk: Lookups, lang: str) -> str:
    """Format one old or new value for people: by its unit, as a date, a name, yes/no or text."""
    if isinstance(value, dict):  # a whole row, added or removed: summed up by its main field
        field = _MAIN.get(subject) or ("name" if "name" in value else f"name_{lang}")
        if field not in value:
            return "–"
        value = value[field]
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if subject == "app_setting" and key == ("reporting_date",):  # a setting stored as text
        try:
            value = dt.date.fromisoformat(str(value))
        except ValueError:
            pass
    if isinstance(value, bool):
        return i18n.t("changes_yes" if value else "changes_no", lang)
    if isinstance(value, dt.datetime):
        return i18n.fmt_time(value, lang)
    if isinstance(value, dt.date):
        return i18n.fmt_date(value, lang)
    if isinstance(value, int | float):
        unit = _unit(subject, field or "", key, lk)
        if unit:
            return i18n.fmt_value(value, unit, lang)
        if field in ("latitude", "longitude"):
            return i18n.fmt_number(value, lang, 5)
        if field in ("year", "sort", "quarter"):
            return str(value)
        return i18n.fmt_number(value, lang, 0 if float(value).is_integer() else 2)
    if field in _CODE_KINDS:
        return escape_markdown(_name(_CODE_KINDS[field], value, lk, lang))
    if subject == "organisation" and field == "kind" and _has_text(f"eco_kind_{value}"):
        return i18n.t(f"eco_kind_{value}", lang)
    text = str(value)
    return escape_markdown(text if len(text) <= TEXT_MAX else text[: TEXT_MAX - 1] + "…")


def field_label(field: str | None, lang: str) -> str:
    """Name a changed field ('Doel'); a whole added or removed row is '(hele regel)'."""
    if field is None:
        return i18n.t("changes_whole_row", lang)
    key = f"changes_field_{field}"
    return i18n.t(key, lang) if _has_text(key) else field


def change_table(found: pd.DataFrame, lk: Lookups, lang: str) -> pd.DataFrame:
    """Return a change list (as :func:`changes.compare_all` gives it) as a table for people.

    Columns: subject, item, field, was, becomes, kind; every value formatted in ``lang``
    and typed text escaped, in the order of the subjects.
    """
    t = i18n.t
    rows = []
    for r in found.itertuples(index=False):
        before = value_text(r.subject, r.field, r.before, r.key, lk, lang)
        after = value_text(r.subject, r.field, r.after, r.key, lk, lang)
        if before == after and isinstance(r.before, int | float) and isinstance(r.after, int | float):
            # Rounded for display they look the same (85% → 85%): show the decimals that differ.
            before, after = (i18n.fmt_number(v, lang, 4) for v in (r.before, r.after))
        item = escape_markdown(item_label(r.subject, r.key, lk, lang))
        field = field_label(r.field, lang)
        rows.append(
            (
                t(f"changes_subject_{r.subject}", lang),
                item,
                field,
                before,
                after,
                t(f"changes_kind_{r.change}", lang),
            )
        )
    columns = ["changes_col_subject_all", "changes_col_item", "changes_col_field"]
    columns += ["changes_col_before", "changes_col_after", "changes_col_change"]
    return pd.DataFrame(rows, columns=[t(c, lang) for c in columns])


def count_sentence(found: pd.DataFrame, lang: str) -> str:
    """Say how many changes there are, in how many subjects ('12 wijzigingen in 3 onderwerpen.')."""
    if found.empty:
        return i18n.t("changes_all_none", lang)
    if len(found) == 1:
        return i18n.plural("changes_all_count", 1, lang)
    changes = i18n.plural("changes_count", len(found), lang)
    return i18n.plural("changes_all_count_subjects", found["subject"].nunique(), lang, changes=changes)


def target_mark(history: list[TargetChange], unit: str, lang: str) -> str:
    """Say what an ambition's target was before it changed, latest change last, one line each.

    'Doel gewijzigd: was 1.000 per 31-12-2030 tot publicatie Q2 2026 (01-07-2026).'
    """
    return "  \n".join(
        i18n.t(
            "target_changed_was",
            lang,
            value=i18n.fmt_value(c.before_value, unit, lang),
            date=i18n.fmt_date(c.before_date, lang),
            label=escape_markdown(c.until_label),
            published=i18n.fmt_date(c.until_date, lang),
        )
        for c in history
    )


def publication_option(publication: Published, lang: str) -> str:
    """Label of a publication in the change log's picker: 'Q3 2026 · 30-09-2026' (plain text)."""
    return i18n.t(
        "changelog_option", lang, label=publication.label, date=i18n.fmt_date(publication.approved_at, lang)
    )


def publication_lines(publication: Published, previous: Published | None, lang: str) -> list[str]:
    """Say which publication this is, its approval note, and what it is compared with (Markdown)."""
    lines = [
        i18n.t(
            "changelog_meta",
            lang,
            label=escape_markdown(publication.label),
            date=i18n.fmt_date(publication.approved_at, lang),
        )
    ]
    if publication.note:
        lines.append(i18n.t("changelog_note", lang, note=escape_markdown(publication.note)))
    if previous is None:
        lines.append(i18n.t("changelog_first", lang))
    else:
        lines.append(
            i18n.t(
                "changelog_since",
                lang,
                label=escape_markdown(previous.label),
                date=i18n.fmt_date(previous.approved_at, lang),
            )
        )
    return lines
