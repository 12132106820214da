"""What the programme page says: a programme's facts, its moments per year and its co-funding."""

from __future__ import annotations

import pandas as pd

from impactdash import i18n
from impactdash.safe_text import escape_markdown as md
from impactdash.views import budget as bv
from impactdash.views import classifications


def _date(value: object, lang: str) -> str:
    return i18n.fmt_date(pd.Timestamp(value).date(), lang)


def options(detail: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return programme code -> "name (instrument)" for the programme choice."""
    return {
        row["programme_code"]: f"{row['name']} ({row[f'instrument_{lang}']})" for _, row in detail.iterrows()
    }


def facts(programme: pd.Series, lang: str) -> list[str]:
    """Return the programme's facts as Markdown lines: instrument, who runs it, period, Iv3, SDGs."""
    end = programme["end_date"]
    if pd.isna(end):
        period = i18n.t("prog_period_open", lang, start=_date(programme["start_date"], lang))
    else:
        period = i18n.t("prog_period", lang, start=_date(programme["start_date"], lang), end=_date(end, lang))
    none = i18n.t("prog_none_recorded", lang)
    iv3 = classifications.names("iv3", programme["iv3_task_fields"], lang)
    sdgs = classifications.names("sdg", programme["sdgs"], lang)
    return [
        f"**{i18n.t('prog_facts_instrument', lang)}:** {md(programme[f'instrument_{lang}'])}",
        bv.lead_text(programme, lang),  # a sentence of its own ("Run by the municipality.")
        f"**{i18n.t('prog_facts_period', lang)}:** {period}",
        f"**{i18n.t('prog_facts_iv3', lang)}:** {md('; '.join(iv3)) if iv3 else none}",
        f"**{i18n.t('prog_facts_sdgs', lang)}:** {md('; '.join(sdgs)) if sdgs else none}",
    ]


def years(by_year: pd.DataFrame) -> list[int]:
    """Return the programme's years with figures, the latest first."""
    return sorted((int(y) for y in by_year["year"]), reverse=True)


def moments_frame(moments: pd.DataFrame, by_year: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return one year's budget per recorded moment and the year's spend (``budget_moments``' columns)."""
    chosen = moments[moments["year"] == year][["moment", "step", "budget"]].reset_index(drop=True)
    row = by_year[by_year["year"] == year]
    chosen["spend"] = float(row["spend"].iloc[0]) if len(row) else 0.0
    return chosen


def served(links: pd.DataFrame, programme_code: str) -> list[str]:
    """Return the codes of the ambitions a programme serves (from ``ambitions_programmes``)."""
    return list(links.loc[links["programme_code"] == programme_code, "ambition_code"].drop_duplicates())


def cofunding_sentence(cofunding: pd.DataFrame, year: int, lang: str) -> str:
    """Say how many funders brought in how much in ``year``."""
    rows = cofunding[cofunding["year"] == year]
    if rows.empty:
        return i18n.t("prog_cofunding_none", lang, year=year)
    return i18n.t(
        "prog_cofunding_sentence",
        lang,
        n=i18n.fmt_number(rows["funder"].nunique(), lang),
        year=year,
        total=i18n.fmt_eur(rows["amount"].sum(), lang),
    )


def cofunding_table(cofunding: pd.DataFrame, year: int, lang: str) -> pd.DataFrame:
    """Return one year's co-funding for display: funder, kind, amount."""
    rows = cofunding[cofunding["year"] == year]
    return pd.DataFrame(
        {
            i18n.t("prog_col_funder", lang): [md(v) for v in rows["funder"]],
            i18n.t("prog_col_funder_kind", lang): [
                i18n.t(f"funder_kind_{k}", lang) for k in rows["funder_kind"]
            ],
            i18n.t("prog_col_amount", lang): [i18n.fmt_eur(v, lang) for v in rows["amount"]],
        }
    )
