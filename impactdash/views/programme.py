"""What the programme page says: a programme's facts, its moments per year and its co-funding."""

from __future__ import annotations

import pandas as pd

from impactdash import i18n
from impactdash.safe_text import escape_markdown as md
from impactdash.views import budget as bv
from impactdash.views import classifications, ecosystem
from impactdash.views import property as realestate


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


def buildings_sentence(buildings: pd.DataFrame, lang: str) -> str:
    """Say how many buildings belong to a programme, how many are in use and their impact floor area.

    ``buildings`` is ``programme_properties``; an ended or planned building counts as
    belonging, not in use, and its floor area is left out.
    """
    if buildings.empty:
        return i18n.t("prog_buildings_none", lang)
    active = buildings[buildings["state"] == "active"]
    floor = i18n.fmt_value(float(active["impact_floor_m2"].sum()), "m2", lang)
    in_use = i18n.fmt_number(len(active), lang)
    return i18n.plural("prog_buildings_sentence", len(buildings), lang, active=in_use, floor=floor)


def building_links(buildings: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return property code -> link text (name, district, state) for the programme's buildings."""
    return {
        row.code: i18n.t(
            "link_to_building",
            lang,
            name=md(row.name),
            district=md(row.district),
            state=realestate.state_label(row.state, lang).lower(),
        )
        for row in buildings.itertuples(index=False)
    }


# --- one building (the property page's drill-down) -----------------------------------


def building_sentence(detail: pd.DataFrame, name: str, lang: str) -> str:
    """Say one building's latest occupancy, tenants, rent regime and yearly rent discount."""
    if detail.empty:
        return i18n.t("no_data_selection", lang)
    last = detail.iloc[0]
    return i18n.t(
        "building_sentence",
        lang,
        name=md(name),
        quarter=realestate.quarter_label(int(last["year"]), int(last["quarter"]), lang),
        pct=i18n.fmt_pct(last["occupancy_pct"], lang),
        tenants=i18n.fmt_number(int(last["tenants"]), lang),
        impact=i18n.fmt_number(int(last["impact_tenants"]), lang),
        regime=realestate.regime_label(last["rent_regime"], lang).lower(),
        discount=i18n.fmt_eur(last["rent_discount_eur_year"], lang),
    )


def building_table(detail: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return one building's quarters for display: quarter, occupied floor area and share, tenants."""
    return pd.DataFrame(
        {
            i18n.t("building_col_quarter", lang): [
                realestate.quarter_label(int(y), int(q), lang)
                for y, q in zip(detail["year"], detail["quarter"], strict=True)
            ],
            i18n.t("building_col_occupied", lang): [
                f"{i18n.fmt_value(m2, 'm2', lang)} ({i18n.fmt_pct(pct, lang)})"
                for m2, pct in zip(detail["occupied_m2"], detail["occupancy_pct"], strict=True)
            ],
            i18n.t("building_col_tenants", lang): [
                i18n.t("building_tenants_cell", lang, n=int(n), impact=int(i))
                for n, i in zip(detail["tenants"], detail["impact_tenants"], strict=True)
            ],
        }
    )


# --- one organisation (the ecosystem page's drill-down) -------------------------------


def organisation_sentence(connections: pd.DataFrame, name: str, kind: str, lang: str) -> str:
    """Say how many connections one organisation has, and how many came through a programme."""
    return i18n.t(
        "org_sentence",
        lang,
        name=md(name),
        kind=ecosystem.kind_label(kind, lang).lower(),
        n=i18n.fmt_number(len(connections), lang),
        through=i18n.fmt_number(int(connections["programme_code"].notna().sum()), lang),
    )


def organisation_table(connections: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return one organisation's connections for display: date, with whom, kind, through which programme."""
    return pd.DataFrame(
        {
            i18n.t("org_col_date", lang): [_date(d, lang) for d in connections["connected_on"]],
            i18n.t("org_col_with", lang): [
                f"{md(n)} ({ecosystem.kind_label(k, lang).lower()})"
                for n, k in zip(connections["other_name"], connections["other_kind"], strict=True)
            ],
            i18n.t("org_col_kind", lang): [i18n.t(f"connection_kind_{k}", lang) for k in connections["kind"]],
            i18n.t("org_col_programme", lang): [
                md(p) if isinstance(p, str) else "–" for p in connections["programme_name"]
            ],
        }
    )


def organisation_programmes(connections: pd.DataFrame) -> dict[str, str]:
    """Return code -> name of the programmes one organisation's connections came through."""
    through = connections.dropna(subset=["programme_code"]).drop_duplicates("programme_code")
    return dict(zip(through["programme_code"], through["programme_name"], strict=True))
