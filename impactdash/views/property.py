"""The real-estate page's words and tables, made from query results (no Streamlit here).

Every sentence under a chart is generated from the same frame the chart draws, and every
table is the chart's data with column names in the page's language and numbers, euros
and dates formatted by :mod:`impactdash.i18n`.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from impactdash import i18n
from impactdash.measures.progress import AmbitionProgress
from impactdash.safe_text import escape_markdown, typed_in  # noqa: F401 (re-exported for the page)
from impactdash.views import ambitions as ambitions_view
from impactdash.views import bilingual

STATES = ("active", "planned", "ended")
REGIMES = ("market", "reduced", "social", "free")


def _date(value: object) -> dt.date | None:
    """Return a plain date, or None for a missing value (None, NaT, NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    return pd.Timestamp(value).date()


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


#: Characters that Streamlit's markdown would read as markup; escaped in free text from editors.


def euros(value: float | None, lang: str) -> str:
    """Format euros, compact from a million up: € 221.200, € 1,6 mln. (a Dutch reader's 'K' is no word)."""
    return i18n.fmt_eur(value, lang, compact=value is not None and abs(value) >= 1_000_000)


def end_sentence(text: str) -> str:
    """Return ``text`` ending in exactly one full stop (a compact 'mln.' already ends in one)."""
    return text if text.endswith(".") else text + "."


def period_text(start: object, end: object, lang: str, open_end: bool = False) -> str:
    """Return '01-02-2018 – 31-12-2022', one date if start and end are equal, or '01-02-2018 –' if open."""
    first, last = _date(start), _date(end)
    if last is None:
        return f"{i18n.fmt_date(first, lang)} –" if open_end else i18n.fmt_date(first, lang)
    if last == first:
        return i18n.fmt_date(first, lang)
    return f"{i18n.fmt_date(first, lang)} – {i18n.fmt_date(last, lang)}"


def quarter_label(year: int, quarter: int, lang: str) -> str:
    """Return 'K3 2026' (nl) or 'Q3 2026' (en)."""
    return i18n.t("property_quarter_label", lang, q=int(quarter), year=int(year))


def ambition_sentence(item: AmbitionProgress, unit: str, lang: str) -> str:
    """Say an ambition's target, its status and why (used under the occupancy chart)."""
    text = i18n.t(
        "property_ambition_status",
        lang,
        target=i18n.fmt_value(item.ambition.target.value, unit, lang),
        date=i18n.fmt_date(item.ambition.target.date, lang),
    )
    return f"{text} {ambitions_view.status_verdict(item, lang)}"


def floor_sentence(item: AmbitionProgress | None, quarters: pd.DataFrame, lang: str) -> str | None:
    """Say how much floor area is deployed now, against the ambition if there is one."""
    if item is not None and item.assessment.latest is not None:
        latest = item.assessment.latest
        text = i18n.t(
            "property_floor_sentence",
            lang,
            date=i18n.fmt_date(latest.date, lang),
            value=i18n.fmt_value(latest.value, "m2", lang),
            target=i18n.fmt_value(item.ambition.target.value, "m2", lang),
            target_date=i18n.fmt_date(item.ambition.target.date, lang),
        )
        # Status and projection in one sentence from the one rule, with the reason when they differ.
        return f"{text} {ambitions_view.status_verdict(item, lang)}"
    rows = quarters.dropna(subset=["impact_floor_m2"])
    if rows.empty:
        return None
    last = rows.iloc[-1]
    return i18n.t(
        "property_floor_sentence_plain",
        lang,
        date=i18n.fmt_date(_date(last["period_end"]), lang),
        value=i18n.fmt_value(last["impact_floor_m2"], "m2", lang),
    )


def floor_table(quarters: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the floor area per quarter end, for display."""
    rows = quarters.dropna(subset=["impact_floor_m2"])
    return pd.DataFrame(
        {
            i18n.t("property_col_quarter", lang): [
                quarter_label(y, q, lang) for y, q in zip(rows["year"], rows["quarter"], strict=True)
            ],
            i18n.t("property_col_date", lang): [i18n.fmt_date(_date(d), lang) for d in rows["period_end"]],
            i18n.t("property_col_floor", lang): [
                i18n.fmt_value(v, "m2", lang) for v in rows["impact_floor_m2"]
            ],
        }
    )


def occupancy_sentence(quarters: pd.DataFrame, lang: str) -> str | None:
    """Say the latest quarter's occupancy, vacancy and number of impact tenants."""
    rows = quarters.dropna(subset=["occupancy_pct"])
    if rows.empty:
        return None
    last = rows.iloc[-1]
    return i18n.t(
        "property_occupancy_sentence",
        lang,
        quarter=quarter_label(last["year"], last["quarter"], lang),
        occupancy=i18n.fmt_pct(last["occupancy_pct"], lang),
        vacancy=i18n.fmt_pct(last["vacancy_pct"], lang),
        tenants=i18n.fmt_number(last["impact_tenants"], lang),
    )


def occupancy_table(quarters: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return occupancy, vacancy and impact tenants per quarter, for display."""
    rows = quarters.dropna(subset=["occupancy_pct"])
    return pd.DataFrame(
        {
            i18n.t("property_col_quarter", lang): [
                quarter_label(y, q, lang) for y, q in zip(rows["year"], rows["quarter"], strict=True)
            ],
            i18n.t("property_col_occupancy", lang): [i18n.fmt_pct(v, lang, 1) for v in rows["occupancy_pct"]],
            i18n.t("property_col_vacancy", lang): [i18n.fmt_pct(v, lang, 1) for v in rows["vacancy_pct"]],
            i18n.t("property_col_tenants", lang): [i18n.fmt_number(v, lang) for v in rows["impact_tenants"]],
        }
    )


def discount_sentence(discount: pd.DataFrame, lang: str) -> str | None:
    """Say the last complete year's rent discount and the total since the first year."""
    if discount.empty:
        return None
    last = discount.iloc[-1]
    text = i18n.plural(
        "property_discount_sentence",
        int(last["properties"]),
        lang,
        year=int(last["year"]),
        value=euros(last["rent_discount_eur"], lang),
        first=int(discount["year"].min()),
        total=euros(discount["rent_discount_eur"].sum(), lang),
    )
    return end_sentence(text.removesuffix("."))


def discount_table(discount: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the rent discount per year, for display."""
    return pd.DataFrame(
        {
            i18n.t("property_col_year", lang): [str(int(y)) for y in discount["year"]],
            i18n.t("property_col_discount", lang): [
                i18n.fmt_eur(v, lang) for v in discount["rent_discount_eur"]
            ],
            i18n.t("property_col_properties", lang): [
                i18n.fmt_number(v, lang) for v in discount["properties"]
            ],
        }
    )


def key_figures(quarters: pd.DataFrame, discount: pd.DataFrame, register: pd.DataFrame) -> dict[str, object]:
    """Return the page's headline numbers: latest quarter's levels and last year's discount."""
    rows = quarters.dropna(subset=["impact_floor_m2"])
    last = rows.iloc[-1] if not rows.empty else None
    return {
        "date": _date(last["period_end"]) if last is not None else None,
        "impact_floor_m2": last["impact_floor_m2"] if last is not None else None,
        "occupancy_pct": last["occupancy_pct"] if last is not None else None,
        "vacancy_pct": last["vacancy_pct"] if last is not None else None,
        "impact_tenants": last["impact_tenants"] if last is not None else None,
        "active": int((register["state"] == "active").sum()),
        "discount_year": int(discount.iloc[-1]["year"]) if not discount.empty else None,
        "discount_eur": discount.iloc[-1]["rent_discount_eur"] if not discount.empty else None,
    }


def key_figure_texts(figures: dict[str, object], lang: str) -> list[tuple[str, str, str]]:
    """Return :func:`key_figures` as the page shows them: (label, value, caption under it), four of them."""
    return [
        (
            i18n.t("property_kpi_floor", lang),
            i18n.fmt_value(figures["impact_floor_m2"], "m2", lang),
            i18n.plural("property_kpi_properties", int(figures["active"]), lang),
        ),
        (
            i18n.t("property_kpi_occupancy", lang),
            i18n.fmt_pct(figures["occupancy_pct"], lang),
            i18n.t("property_kpi_vacancy", lang, pct=i18n.fmt_pct(figures["vacancy_pct"], lang)),
        ),
        (
            i18n.t("property_kpi_tenants", lang),
            i18n.fmt_number(figures["impact_tenants"], lang),
            i18n.t("property_kpi_at", lang, date=i18n.fmt_date(figures["date"], lang)),
        ),
        (
            i18n.t("property_kpi_discount", lang, year=figures["discount_year"] or "–"),
            euros(figures["discount_eur"], lang),
            "",
        ),
    ]


def map_sentence(register: pd.DataFrame, lang: str) -> str | None:
    """Say how many buildings are in use (with their floor area), ended and planned."""
    if register.empty:
        return None
    active = register[register["state"] == "active"]
    parts = [
        i18n.t(
            "property_map_sentence",
            lang,
            active=len(active),
            floor=i18n.fmt_value(active["impact_floor_m2"].sum(), "m2", lang),
            districts=active["district"].nunique(),
        )
    ]
    for state in ("ended", "planned"):
        count = int((register["state"] == state).sum())
        if count:
            parts.append(i18n.t(f"property_map_{state}", lang, n=count))
    return "; ".join(parts) + ". " + i18n.t("property_map_size", lang)


def state_label(state: str, lang: str) -> str:
    """Return a building's state as a word ('In gebruik', 'Beëindigd', 'Gepland')."""
    return i18n.t(f"property_state_{state}", lang)


def regime_label(regime: str, lang: str) -> str:
    """Return a rent regime as words in ``lang``."""
    return i18n.t(f"property_regime_{regime}", lang) if regime in REGIMES else regime


def register_table(register: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return one row per building with display column names and formatted values.

    Streamlit renders table cells as markdown, so text typed by editors (name, address,
    district) is escaped: it can never become a link or an image fetched from elsewhere.
    """

    def col(key: str) -> str:
        return i18n.t(f"property_col_{key}", lang)

    common = _latest_quarter(register)
    occupancy = []
    for y, q, v in zip(
        register["latest_year"], register["latest_quarter"], register["occupancy_pct"], strict=True
    ):
        if _missing(v) or _missing(y) or _missing(q):
            occupancy.append("–")
            continue
        text = i18n.fmt_pct(v, lang)
        if (int(y), int(q)) != common:
            text += f" ({quarter_label(y, q, lang)})"
        occupancy.append(text)
    return pd.DataFrame(
        {
            col("name"): [
                f"**{escape_markdown(name)}**  \n{escape_markdown(address)}"
                for name, address in zip(register["name"], register["address"], strict=True)
            ],
            col("district"): [escape_markdown(d) for d in register["district"]],
            col("state"): [state_label(s, lang) for s in register["state"]],
            col("gross"): [i18n.fmt_value(v, "m2", lang) for v in register["gross_floor_m2"]],
            col("floor"): [i18n.fmt_value(v, "m2", lang) for v in register["impact_floor_m2"]],
            col("regime"): [regime_label(r, lang) for r in register["rent_regime"]],
            col("discount_year"): [i18n.fmt_eur(v, lang) for v in register["rent_discount_eur_year"]],
            col("available"): [
                period_text(start, end, lang, open_end=True)
                for start, end in zip(register["available_from"], register["available_until"], strict=True)
            ],
            col("occupancy"): occupancy,
            col("tenants_of"): [
                "–"
                if _missing(impact) or _missing(tenants)
                else i18n.t(
                    "property_of",
                    lang,
                    part=i18n.fmt_number(impact, lang),
                    whole=i18n.fmt_number(tenants, lang),
                )
                for impact, tenants in zip(register["impact_tenants"], register["tenants"], strict=True)
            ],
        }
    )


def _latest_quarter(register: pd.DataFrame) -> tuple[int, int] | None:
    """Return the most recent (year, quarter) with occupancy figures in the register, or None."""
    known = register.dropna(subset=["latest_year", "latest_quarter"])
    if known.empty:
        return None
    return max((int(y), int(q)) for y, q in zip(known["latest_year"], known["latest_quarter"], strict=True))


def register_sentence(register: pd.DataFrame, lang: str) -> str:
    """Say how many buildings the table lists and which quarter its occupancy is from."""
    latest = _latest_quarter(register)
    quarter = quarter_label(*latest, lang) if latest else "–"
    return i18n.plural("property_register_sentence", len(register), lang, date=quarter)


def description_lines(register: pd.DataFrame, lang: str) -> str:
    """Markdown list of the buildings' descriptions, in the page's language where written in it; '' if none.

    A description in the other language is marked (render with HTML allowed).
    """
    lines = []
    for row in register.itertuples(index=False):
        text = bilingual.of_row(row, "description", lang)
        if text:
            lines.append(f"- **{escape_markdown(row.name)}**: {text}")
    return "\n".join(lines)


def note_lines(notes: pd.DataFrame, lang: str, metric_code: str | None = None) -> list[str]:
    """Return the public notes as caption lines: on one measure, or (no code) on the buildings.

    The query returns public notes only; this picks the ones that belong under one chart. A
    text in the other language is marked (render with HTML allowed).
    """
    if metric_code is None:
        rows = notes[notes["subject_kind"] == "property"]
    else:
        rows = notes[(notes["subject_kind"] != "property") & (notes["metric_code"] == metric_code)]
    lines = []
    for row in rows.itertuples(index=False):
        period = period_text(row.period_start, row.period_end, lang)
        subject = f"**{escape_markdown(row.property_name)}**, " if metric_code is None else ""
        body = bilingual.passage(row.body, getattr(row, "body_en", None), lang)
        written = bilingual.written(row.body, getattr(row, "body_en", None), lang)
        lines.append(f"📝 {i18n.t('property_note', lang)} ({subject}{period}{written}): {body}")
    return lines
