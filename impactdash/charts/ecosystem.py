"""Plotly figures of the ecosystem page: ambitions, connections per year, the network, programme lead.

DataFrame (or ambition) in, Figure out, in the house style of :mod:`impactdash.charts`:
Okabe–Ito colours, a pattern or marker shape next to every colour, and every number,
date and word in hover texts, ticks and legends formatted for the page language.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from impactdash import i18n
from impactdash.charts import base as charts
from impactdash.measures.progress import AmbitionProgress
from impactdash.views import ecosystem

EDGE_COLOUR = "#858585"  # 3.7:1 on white: the lines carry the meaning (WCAG 1.4.11)
#: Day-month-year in numbers in Dutch (no English month names), the English short form otherwise.


def _value_axis(fig: go.Figure, values: list[float], unit: str, lang: str) -> None:
    """Give the y axis round ticks from zero, labelled with the page's number format and unit."""
    finite = [v for v in values if v is not None and v == v]
    if not finite:
        return
    ticks = ecosystem.nice_ticks(min(finite), max(finite), count=5)
    fig.update_yaxes(
        tickmode="array",
        tickvals=ticks,
        ticktext=[i18n.fmt_value(v, unit, lang, compact=True) for v in ticks],
        rangemode="tozero",
    )


def ambition_figure(item: AmbitionProgress, lang: str) -> go.Figure:
    """Draw an ambition with :func:`charts.ambition_figure`, with localised value ticks and hover dates."""
    fig = charts.ambition_figure(item, lang)
    values = [y for trace in fig.data for y in (trace.y or ())]
    _value_axis(fig, values, item.unit, lang)
    fig.update_xaxes(hoverformat=i18n.hover_date(lang))
    return charts.finish(fig, charts.HALF_WIDTH)  # drawn in one of two columns


def _year_axis(fig: go.Figure) -> None:
    # Years are categories here: the shared date format (%Y) does not apply to them.
    fig.update_xaxes(type="category", tickformat="", showgrid=False)


def _stacked_bars(
    years: list[str],
    series: list[tuple[str, list[float], str, str]],
    lang: str,
    totals_label: str,
) -> go.Figure:
    """Stack one bar trace per (name, values, colour, pattern); the hover names each part and the total."""
    fig = go.Figure()
    totals = [sum(parts) for parts in zip(*(values for _, values, _, _ in series), strict=True)]
    for name, values, colour, pattern in series:
        fig.add_trace(
            go.Bar(
                x=years,
                y=values,
                name=name,
                # "overlay": white hatching over the colour. Plotly's default ("replace") would
                # draw white hatching on nothing, so the part vanished on a white page.
                marker={
                    "color": colour,
                    "pattern": {"shape": pattern, "fgcolor": "#FFFFFF", "fillmode": "overlay"},
                },
                customdata=[
                    f"{i18n.fmt_number(v, lang)} {i18n.t('eco_of', lang)} {i18n.fmt_number(t, lang)}"
                    f" {totals_label} ({i18n.fmt_pct(100 * v / t if t else None, lang)})"
                    for v, t in zip(values, totals, strict=True)
                ],
                hovertemplate="%{customdata}<extra>" + name + "</extra>",
            )
        )
    # Stacked bars list their legend bottom-up by default; keep it in reading order.
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    charts.base_layout(fig, lang, height=340)
    _year_axis(fig)
    fig.update_yaxes(separatethousands=True)
    return charts.finish(fig)


def connections_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Bars per year: connections made through a municipal programme (solid) and other ones (hatched)."""
    years = frame["year"].astype(int).astype(str).tolist()
    return _stacked_bars(
        years,
        [
            (
                i18n.t("eco_through_programme", lang),
                frame["through_programme"].tolist(),
                charts.PALETTE[0],
                "",
            ),
            (i18n.t("eco_other", lang), frame["other"].tolist(), charts.PALETTE[1], "/"),
        ],
        lang,
        i18n.t("eco_hover_connections", lang),
    )


def lead_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Bars per year: programmes led by a partner (solid) and by the municipality (hatched)."""
    years = frame["year"].astype(int).astype(str).tolist()
    return _stacked_bars(
        years,
        [
            (i18n.t("eco_led_by_partner", lang), frame["partner_led"].tolist(), charts.PALETTE[2], ""),
            (
                i18n.t("eco_led_by_municipality", lang),
                frame["municipality_led"].tolist(),
                charts.TRAJECTORY,
                "x",
            ),
        ],
        lang,
        i18n.t("eco_hover_programmes", lang),
    )


def network_figure(
    nodes: pd.DataFrame, edges: pd.DataFrame, positions: dict[str, tuple[float, float]], lang: str
) -> go.Figure:
    """Draw the network: all edges as one grey path below, one marker trace per kind (the legend)."""
    fig = go.Figure()
    path = ecosystem.edge_path(list(zip(edges["source"], edges["target"], strict=True)), positions)
    if path:
        # The edges are one shape below the markers: no hover, no legend entry.
        fig.add_shape(
            type="path",
            path=path,
            xref="x",
            yref="y",
            layer="below",
            line={"color": EDGE_COLOUR, "width": 0.6},
            opacity=0.6,
        )
    word = i18n.t("eco_hover_connections", lang)
    for kind, (symbol, colour) in ecosystem.KINDS.items():
        own = nodes[nodes["kind"] == kind]
        if own.empty:
            continue
        label = ecosystem.kind_label(kind, lang)
        fig.add_trace(
            go.Scatter(
                x=[positions[c][0] for c in own["code"]],
                y=[positions[c][1] for c in own["code"]],
                mode="markers",
                name=f"{label} ({i18n.fmt_number(own['kind_total'].iloc[0], lang)})",
                marker={
                    "symbol": symbol,
                    "color": colour,
                    "size": [min(7 + 2.2 * d**0.5, 26) for d in own["degree"]],
                    "line": {"color": "#262730", "width": 0.6},
                },
                customdata=[
                    f"{ecosystem.escape_hover(name)}<br>{label} · {i18n.fmt_number(d, lang)} {word}"
                    for name, d in zip(own["name"], own["degree"], strict=True)
                ],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    charts.base_layout(fig, lang, height=560)
    fig.update_layout(hovermode="closest", legend={"itemsizing": "constant"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return charts.finish(fig)
