"""The Compare page's figure: one line per municipality, its own ambition dashed in the same colour.

Each municipality keeps a fixed colour (Okabe–Ito) and a fixed marker shape, so lines are
told apart without colour. Hover texts are formatted in Python in the page language.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from impactdash import i18n
from impactdash.charts import base as charts
from impactdash.views import compare

#: Above this many years on the axis, label every other year (readable at phone width).
MAX_TICKS = 9


def compare_figure(
    actual: pd.DataFrame,
    planned: pd.DataFrame,
    styles: dict[str, tuple[str, str]],
    lang: str,
    unit: str,
    per_capita: bool,
    aligned: bool,
) -> go.Figure:
    """Draw the towns' values (solid) and their ambitions' trajectories (dashed, open markers).

    ``actual`` and ``planned`` come from :func:`impactdash.views.compare.prepare`; ``styles`` from
    :func:`impactdash.views.compare.styles`.
    """
    fig = go.Figure()
    for code in actual["municipality_code"].drop_duplicates():
        colour, symbol = styles[code]
        own = actual[actual["municipality_code"] == code]
        fig.add_trace(
            go.Scatter(
                x=own["x"].tolist(),
                y=own["shown"].tolist(),
                mode="lines+markers",
                name=own["name"].iloc[0],
                legendgroup=code,
                line={"color": colour, "width": 2.5},
                marker={"color": colour, "symbol": symbol, "size": 8},
                customdata=compare.point_labels(own, unit, lang, per_capita),
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
        plan = planned[planned["municipality_code"] == code]
        for _, line in plan.groupby("ambition_code", sort=False):
            fig.add_trace(
                go.Scatter(
                    x=line["x"].tolist(),
                    y=line["shown"].tolist(),
                    mode="lines+markers",
                    name=i18n.t("compare_ambition_of", lang, name=own["name"].iloc[0]),
                    legendgroup=code,
                    line={"color": colour, "width": 1.5, "dash": "dash"},
                    marker={"color": colour, "symbol": f"{symbol}-open", "size": 8},
                    customdata=[
                        f"{i18n.t('trajectory', lang)} · {label}"
                        for label in compare.point_labels(line, unit, lang, per_capita)
                    ],
                    hovertemplate="%{customdata}<extra></extra>",
                )
            )
    charts.base_layout(fig, lang, height=420)
    unit_title = i18n.t(f"compare_unit_{unit}", lang)
    if per_capita:
        unit_title += " " + i18n.t("compare_per_10k", lang)
    fig.update_layout(hovermode="closest", legend={"y": -0.18, "yanchor": "top"}, margin={"t": 10, "b": 10})
    fig.update_yaxes(
        title={"text": unit_title},
        tickformat=",.2~f",
        ticksuffix="%" if unit == "percent" else "",
        tickprefix="€ " if unit == "eur" and lang == "nl" else ("€" if unit == "eur" else ""),
        rangemode="tozero",
    )
    if aligned:
        ages = pd.concat([actual["x"], planned["x"]]).astype(float)
        fig.update_xaxes(
            title={"text": i18n.t("compare_x_since_start", lang)},
            tickformat="d",
            dtick=1 if ages.max() - ages.min() < MAX_TICKS else 2,
            tickangle=0,
        )
    else:
        # A year's figure is dated 31 December: its label sits there, not on 1 January.
        years = [d.year for d in pd.concat([actual["x"], planned["x"]]) if d is not None]
        step = 1 if max(years) - min(years) < MAX_TICKS else 2
        ticks = [dt.date(y, 12, 31) for y in range(min(years), max(years) + 1, step)]
        fig.update_xaxes(
            title={"text": i18n.t("compare_x_calendar", lang)},
            tickvals=ticks,
            ticktext=[str(d.year) for d in ticks],
            tickangle=0,
        )
    return charts.finish(fig)
