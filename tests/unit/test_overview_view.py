"""The overview's key figures, which the interactive page and its light version both show."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from impactdash import i18n
from impactdash.views import overview

CATALOGUE = pd.DataFrame(
    {
        "code": list(overview.KEY_MEASURES),
        "name_nl": ["Vloeroppervlak", "Bedrijven", "Hefboom"],
        "name_en": ["Floor area", "Enterprises", "Leverage"],
        "unit": ["m2", "count", "ratio"],
    }
).set_index("code")


def test_spend_with_its_budget_then_each_measure_with_its_date_or_no_data():
    values = pd.DataFrame(
        {
            "metric_code": ["impact_floor_m2", "impact_floor_m2"],
            "period_end": [dt.date(2025, 12, 31), dt.date(2026, 6, 30)],
            "value": [100.0, 1250.0],
        }
    )
    money = pd.Series({"budget": 2_000_000.0, "spend": 500_000.0})
    figures = overview.key_figures(money, 2026, values, CATALOGUE, "nl")
    assert figures[0] == (
        "Uitgaven 2026",
        i18n.fmt_eur(500_000.0, "nl", compact=True),
        i18n.t(
            "of_budget",
            "nl",
            budget=i18n.fmt_eur(2_000_000.0, "nl", compact=True),
            pct=i18n.fmt_pct(25, "nl"),
        ),
    )
    assert figures[1] == (
        "Vloeroppervlak",
        i18n.fmt_value(1250.0, "m2", "nl"),
        i18n.fmt_date(dt.date(2026, 6, 30), "nl"),
    )
    assert figures[2] == ("Bedrijven", i18n.fmt_value(None, "count", "nl"), i18n.t("no_data_selection", "nl"))
    unbudgeted = overview.key_figures(
        pd.Series({"budget": None, "spend": 0.0}), 2026, values, CATALOGUE, "en"
    )
    assert unbudgeted[0][2] == "no budget recorded"
    assert [label for label, _, _ in unbudgeted[1:]] == ["Floor area", "Enterprises", "Leverage"]


def test_the_year_is_the_reporting_dates():
    assert overview.figures_year(dt.date(2025, 9, 30)) == 2025
    assert overview.figures_year(None) == dt.date.today().year
