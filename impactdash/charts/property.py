"""Plotly figures of the real-estate page: DataFrame in, Figure out (no Streamlit here).

The map is a plain ``go.Scatter`` of longitude against latitude over filled district
outlines: plotly's geo traces may fetch map data from a CDN, tiles would come from a
third-party server, and a government site must not hand its visitors to either. Hover
texts are formatted in Python so a Dutch chart shows Dutch numbers, dates and words.

Numbers go into the figures as lists: a pandas column would travel to the browser as a
typed array, which Streamlit's copy of the figure turns into an object that plotly then
takes for new data and draws again.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from impactdash import i18n
from impactdash.charts import base as charts
from impactdash.charts import geo
from impactdash.measures.progress import AmbitionProgress
from impactdash.views import property as realestate

#: d3 date formats for the unified hover header (plotly's default spells months in English).
#: Marker symbol and colour per building state: the shape differs, so colour is never the only signal.
STATE_STYLE = {
    "active": ("circle", charts.PALETTE[0]),
    "planned": ("diamond", charts.PALETTE[1]),
    "ended": ("x", charts.PALETTE[3]),
}
DISTRICT_FILL = "#EEF0F2"
DISTRICT_LINE = "#8A8F98"
LABEL_COLOUR = "#3A3F47"
LABEL_HALO = "0 0 3px #FFFFFF, 0 0 3px #FFFFFF, 0 0 2px #FFFFFF"
MAX_MARKER_PX = 34


def _localise_hover(fig: go.Figure, lang: str) -> go.Figure:
    fig.update_xaxes(hoverformat=i18n.hover_date(lang))
    return fig


def floor_figure(item: AmbitionProgress | None, quarters: pd.DataFrame, lang: str) -> go.Figure:
    """Draw the impact floor area: against its ambition if there is one, else on its own."""
    if item is not None:
        fig = charts.ambition_figure(item, lang)
        fig.update_yaxes(ticksuffix=" m²", tickformat=",.0f", rangemode="tozero")
        return charts.finish(_localise_hover(fig, lang))
    rows = quarters.dropna(subset=["impact_floor_m2"])
    fig = go.Figure(
        go.Scatter(
            x=rows["period_end"],
            y=rows["impact_floor_m2"].tolist(),
            mode="lines+markers",
            name=i18n.t("actual", lang),
            line={"color": charts.ACTUAL, "width": 2.5},
            customdata=[
                f"{realestate.quarter_label(y, q, lang)}: {i18n.fmt_value(v, 'm2', lang)}"
                for y, q, v in zip(rows["year"], rows["quarter"], rows["impact_floor_m2"], strict=True)
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(ticksuffix=" m²", tickformat=",.0f", rangemode="tozero")
    return charts.finish(_localise_hover(charts.base_layout(fig, lang, height=340), lang))


def occupancy_figure(
    quarters: pd.DataFrame, lang: str, ambition: AmbitionProgress | None = None
) -> go.Figure:
    """Draw occupancy (line, top) and impact tenants (bars, bottom) per quarter on one time axis.

    With an occupancy ambition, its trajectory is drawn dashed in the top panel.
    """
    rows = quarters.dropna(subset=["occupancy_pct"])
    labels = [
        realestate.quarter_label(y, q, lang) for y, q in zip(rows["year"], rows["quarter"], strict=True)
    ]
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08, row_heights=[0.6, 0.4])
    occupancy_name = i18n.t("property_col_occupancy", lang)
    fig.add_trace(
        go.Scatter(
            x=rows["period_end"],
            y=rows["occupancy_pct"].tolist(),
            mode="lines+markers",
            name=occupancy_name,
            line={"color": charts.ACTUAL, "width": 2.5},
            marker={"size": 5},
            customdata=[
                f"{label}: {i18n.fmt_pct(v, lang, 1)}"
                for label, v in zip(labels, rows["occupancy_pct"], strict=True)
            ],
            hovertemplate="%{customdata}<extra>" + occupancy_name + "</extra>",
        ),
        row=1,
        col=1,
    )
    if ambition is not None:
        # The occupancy ambition's unit is percent: its hover says "85%" as the line's does.
        fig.add_trace(charts.trajectory_trace(ambition, lang), row=1, col=1)
    tenants_name = i18n.t("property_col_tenants", lang)
    fig.add_trace(
        go.Bar(
            x=rows["period_end"],
            y=rows["impact_tenants"].tolist(),
            name=tenants_name,
            marker={"color": charts.PALETTE[2]},
            customdata=[
                f"{label}: {i18n.fmt_number(v, lang)}"
                for label, v in zip(labels, rows["impact_tenants"], strict=True)
            ],
            hovertemplate="%{customdata}<extra>" + tenants_name + "</extra>",
        ),
        row=2,
        col=1,
    )
    charts.base_layout(fig, lang, height=420)
    fig.update_yaxes(
        title_text=i18n.t("property_occupancy_axis", lang), ticksuffix="%", rangemode="tozero", row=1
    )
    fig.update_yaxes(title_text=i18n.t("property_tenants_axis", lang), rangemode="tozero", row=2)
    fig.update_layout(bargap=0.25)
    return charts.finish(_localise_hover(fig, lang))


def discount_figure(discount: pd.DataFrame, lang: str) -> go.Figure:
    """Draw the rent discount per complete year as bars labelled in compact euros."""
    name = i18n.t("property_discount_name", lang)
    fig = go.Figure(
        go.Bar(
            x=[str(int(y)) for y in discount["year"]],
            y=discount["rent_discount_eur"].tolist(),
            name=name,
            marker={"color": charts.PALETTE[0]},
            text=[realestate.euros(v, lang) for v in discount["rent_discount_eur"]],
            textposition="outside",
            cliponaxis=False,
            customdata=[
                f"{int(y)}: {i18n.fmt_eur(v, lang)}"
                for y, v in zip(discount["year"], discount["rent_discount_eur"], strict=True)
            ],
            hovertemplate="%{customdata}<extra>" + name + "</extra>",
        )
    )
    charts.base_layout(fig, lang, height=320)
    fig.update_layout(showlegend=False, hovermode="closest")
    fig.update_xaxes(type="category", tickformat=None)
    fig.update_yaxes(tickprefix="€ " if lang == "nl" else "€", tickformat=",.0f", rangemode="tozero")
    return charts.finish(fig)


def _marker_sizeref(register: pd.DataFrame) -> float:
    largest = float(register["impact_floor_m2"].max()) if not register.empty else 1.0
    return 2.0 * max(largest, 1.0) / (MAX_MARKER_PX**2)


def _hover(row, lang: str) -> str:
    lines = [
        f"<b>{html.escape(str(row.name))}</b>",
        html.escape(str(row.address)),
        f"{i18n.t('property_col_district', lang)}: {html.escape(str(row.district))}",
        f"{i18n.t('property_col_floor', lang)}: {i18n.fmt_value(row.impact_floor_m2, 'm2', lang)}",
        f"{i18n.t('property_col_regime', lang)}: {realestate.regime_label(row.rent_regime, lang)}",
        f"{i18n.t('property_col_state', lang)}: {realestate.state_label(row.state, lang)}",
    ]
    return "<br>".join(lines)


def property_map(districts: list[geo.District], register: pd.DataFrame, lang: str) -> go.Figure:
    """Draw the buildings as dots sized by impact floor area over the district outlines.

    Axes are hidden and the y axis is scaled by 1/cos(latitude), so the map is not
    stretched; buildings without coordinates are left off (the table lists them).
    """
    fig = go.Figure()
    located = register.dropna(subset=["latitude", "longitude"])
    for district in districts:
        xs: list[float | None] = []
        ys: list[float | None] = []
        for ring in district.rings:
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=DISTRICT_FILL,
                line={"color": DISTRICT_LINE, "width": 1},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    sizeref = _marker_sizeref(located)
    for state in realestate.STATES:
        rows = located[located["state"] == state]
        if rows.empty:
            continue
        symbol, colour = STATE_STYLE[state]
        fig.add_trace(
            go.Scatter(
                x=rows["longitude"].tolist(),
                y=rows["latitude"].tolist(),
                mode="markers",
                name=realestate.state_label(state, lang),
                marker={
                    "symbol": symbol,
                    "color": colour,
                    "size": rows["impact_floor_m2"].tolist(),
                    "sizemode": "area",
                    "sizeref": sizeref,
                    "sizemin": 6,
                    "opacity": 0.85,
                    "line": {"color": "#FFFFFF", "width": 1}
                    if state != "ended"
                    else {"color": colour, "width": 2},
                },
                customdata=[_hover(row, lang) for row in rows.itertuples(index=False)],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    # Labels last, with a white halo, so a dot never hides a district's name.
    if districts:
        centres = [geo.centroid(max(d.rings, key=len)) for d in districts]
        fig.add_trace(
            go.Scatter(
                x=[c[0] for c in centres],
                y=[c[1] for c in centres],
                mode="text",
                text=[html.escape(d.name) for d in districts],
                textfont={"color": LABEL_COLOUR, "size": 11, "shadow": LABEL_HALO},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    charts.base_layout(fig, lang, height=480)
    fig.update_layout(hovermode="closest", plot_bgcolor="#FFFFFF", legend={"itemsizing": "constant"})
    fig.update_xaxes(visible=False, tickformat=None)
    latitudes = (
        [p[1] for d in districts for r in d.rings for p in r] or located["latitude"].tolist() or [52.0]
    )
    middle = (min(latitudes) + max(latitudes)) / 2
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=geo.aspect_ratio(middle))
    return charts.finish(fig)
