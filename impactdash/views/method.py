"""What the method page says in its tables: the measures' definitions and the data's coverage.

No Streamlit here: the interactive page (``app_pages/method.py``) and its light version
(``report/light.py``) show the same two tables, cell for cell.
"""

from __future__ import annotations

import pandas as pd

from impactdash import i18n
from impactdash.measures import metrics
from impactdash.safe_text import escape_markdown


def measures_table(catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the measure catalogue as the page lists it: one row per measure, its words in ``lang``."""
    table = catalogue.assign(
        measure=catalogue[f"name_{lang}"].map(escape_markdown),
        unit=catalogue["unit"].map(lambda u: i18n.t(f"method_unit_{u}", lang)),
        direction=catalogue["direction"].map(lambda d: i18n.t(f"method_{d}", lang)),
        kind=catalogue["kind"].map(lambda k: i18n.t(f"method_{k}", lang)),
        period=catalogue["period"].map(lambda p: i18n.t(f"method_{p}", lang)),
        definition=catalogue[f"definition_{lang}"].map(escape_markdown),
        source=catalogue[f"source_{lang}"].map(escape_markdown),
    )[["measure", "unit", "direction", "kind", "period", "definition", "source"]]
    return table.rename(columns={c: i18n.t(f"method_col_{c}", lang) for c in table.columns})


def coverage_table(coverage: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return what the data covers per municipality (the ``method_coverage`` query), formatted in ``lang``."""
    shown = {
        "municipality": coverage["name"].map(escape_markdown),
        "start": coverage["pillar_start"].map(lambda d: i18n.fmt_date(d, lang)),
        "programmes": coverage["programmes"].map(lambda n: i18n.fmt_number(n, lang)),
        "spend_lines": coverage["spend_lines"].map(lambda n: i18n.fmt_number(n, lang)),
        "spend_period": [
            f"{i18n.fmt_date(a, lang)} – {i18n.fmt_date(b, lang)}"
            for a, b in zip(coverage["first_spend"], coverage["last_spend"], strict=True)
        ],
        "properties": coverage["properties"].map(lambda n: i18n.fmt_number(n, lang)),
        "organisations": coverage["organisations"].map(lambda n: i18n.fmt_number(n, lang)),
        "connections": coverage["connections"].map(lambda n: i18n.fmt_number(n, lang)),
        "ambitions": coverage["ambitions"].map(lambda n: i18n.fmt_number(n, lang)),
    }
    return pd.DataFrame({i18n.t(f"method_col_{k}", lang): list(v) for k, v in shown.items()})


def status_text(lang: str) -> str:
    """Return the page's paragraph on how a status is decided, with the thresholds filled in."""
    return i18n.t(
        "method_status_text",
        lang,
        on=i18n.STATUS_ICON["on_track"],
        risk=i18n.STATUS_ICON["at_risk"],
        off=i18n.STATUS_ICON["off_track"],
        on_pct=i18n.fmt_pct(100 * metrics.ON_TRACK_MAX_GAP, lang),
        risk_pct=i18n.fmt_pct(100 * metrics.AT_RISK_MAX_GAP, lang),
        window=metrics.PROJECTION_WINDOW,
    )
