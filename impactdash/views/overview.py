"""What the overview page says: its key figures and the facts on a headline ambition's card.

The interactive page (``app_pages/overview.py``) and its light version (``report/light.py``)
both show them from here, so the two cannot disagree.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from impactdash import i18n
from impactdash.measures import progress
from impactdash.measures.progress import AmbitionProgress

#: The measures whose latest level the overview shows beside this year's spend.
KEY_MEASURES = ("impact_floor_m2", "impact_enterprises", "leverage_ratio")


def figures_year(reporting_date: object) -> int:
    """Return the year of the key figures: the reporting date's, this year's when there is none."""
    return reporting_date.year if reporting_date is not None else dt.date.today().year


def budget_caption(money: pd.Series, lang: str) -> str:
    """Return the caption under this year's spend: "of € 6,3 mln. budgeted (58%)", or "no budget recorded".

    ``money`` is the row of ``budget_spend_year``. A missing budget comes as NaN (the column is
    a float), which is true in Python: it is tested as missing, not only as zero.
    """
    budget, spend = money["budget"], money["spend"]
    if not pd.isna(budget) and budget and not pd.isna(spend):
        return i18n.t(
            "of_budget",
            lang,
            budget=i18n.fmt_eur(money["budget"], lang, compact=True),
            pct=i18n.fmt_pct(100 * money["spend"] / money["budget"], lang),
        )
    return i18n.t("no_budget", lang)


def key_figures(
    money: pd.Series, year: int, values: pd.DataFrame, catalogue: pd.DataFrame, lang: str
) -> list[tuple[str, str, str]]:
    """Return the overview's key figures as (label, value, caption), in the page's order.

    First ``year``'s spend (``money``: the row of ``budget_spend_year``) with the budget under
    it, then the latest value of each of :data:`KEY_MEASURES` with its date. ``values`` is
    the municipality's ``metric_values``, ``catalogue`` the measure catalogue indexed by code.
    Labels are plain text: a page that renders Markdown escapes them.
    """
    figures = [
        (
            i18n.t("spend_this_year", lang, year=year),
            i18n.fmt_eur(money["spend"], lang, compact=True),
            budget_caption(money, lang),
        )
    ]
    latest_values = progress.latest_values(values)
    for code in KEY_MEASURES:
        latest = latest_values.get(code)
        figures.append(
            (
                str(catalogue.loc[code, f"name_{lang}"]),
                i18n.fmt_value(latest[1] if latest else None, catalogue.loc[code, "unit"], lang),
                i18n.fmt_date(latest[0], lang) if latest else i18n.t("no_data_selection", lang),
            )
        )
    return figures


def card_facts(item: AmbitionProgress, lang: str) -> str:
    """Return a headline ambition's facts: "Latest value: 54% (30-9-2026) · Target: 80% by 31-12-2030"."""
    a = item.assessment
    latest = (
        f"{i18n.fmt_value(a.latest.value, item.unit, lang)} ({i18n.fmt_date(a.latest.date, lang)})"
        if a.latest
        else "–"
    )
    target = i18n.fmt_value(item.ambition.target.value, item.unit, lang)
    return f"{i18n.t('latest', lang)}: {latest} · {i18n.t('target', lang)}: {target} " + i18n.t(
        "by_date", lang, date=i18n.fmt_date(item.ambition.target.date, lang)
    )
