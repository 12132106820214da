"""The full-size ambition chart of the ambitions page.

Like :func:`impactdash.charts.base.ambition_figure` (trajectory, actual values, projection) but
with baseline, milestones and target as their own marked and named series, a y-axis
titled with the unit, dates in the page language on hover, and the periods of public
notes marked and numbered. Built here rather than by changing the shared builder, which
the overview's small cards use as is.
"""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from impactdash import i18n
from impactdash.charts import base as charts
from impactdash.measures.progress import AmbitionProgress
from impactdash.views.ambitions import value_text

#: Marker shapes differ per kind of point, so no series is told apart by colour alone.
_ANCHOR_STYLE = {
    "amb_baseline": ("circle-open", 9),
    "amb_milestone": ("diamond", 10),
    "target": ("star", 15),
}
NOTE_FILL = "rgba(86, 180, 233, 0.12)"  # PALETTE sky blue, faint


def _hover(lang: str, name: str) -> str:
    return "%{customdata}<extra>" + name + "</extra>"


def _labels(points, unit: str, lang: str) -> list[str]:
    return [f"{i18n.fmt_date(d, lang)}: {value_text(v, unit, lang)}" for d, v in points]


def ambition_detail_figure(
    item: AmbitionProgress, lang: str, note_periods: list[tuple[dt.date, dt.date]] = ()
) -> go.Figure:
    """Draw one ambition at full size: trajectory, anchors, actual values, projection and note periods."""
    amb = item.ambition
    unit = item.unit
    fig = go.Figure()
    anchors = [amb.baseline, *amb.milestones, amb.target]
    fig.add_trace(
        go.Scatter(
            x=[p.date for p in anchors],
            y=[p.value for p in anchors],
            mode="lines",
            name=i18n.t("trajectory", lang),
            line={"color": charts.TRAJECTORY, "dash": "dash", "width": 1.5},
            hoverinfo="skip",
        )
    )
    groups = {
        "amb_baseline": [amb.baseline],
        "amb_milestone": list(amb.milestones),
        "target": [amb.target],
    }
    for key, points in groups.items():
        if not points:
            continue
        symbol, size = _ANCHOR_STYLE[key]
        fig.add_trace(
            go.Scatter(
                x=[p.date for p in points],
                y=[p.value for p in points],
                mode="markers",
                name=i18n.t(key, lang),
                marker={"symbol": symbol, "size": size, "color": charts.TRAJECTORY, "line": {"width": 1.5}},
                customdata=_labels([(p.date, p.value) for p in points], unit, lang),
                hovertemplate=_hover(lang, i18n.t(key, lang)),
            )
        )
    if item.series:
        fig.add_trace(
            go.Scatter(
                x=[p.date for p in item.series],
                y=[p.value for p in item.series],
                mode="lines+markers",
                name=i18n.t("actual", lang),
                line={"color": charts.ACTUAL, "width": 2.5},
                marker={"size": 7, "color": charts.ACTUAL},
                customdata=_labels([(p.date, p.value) for p in item.series], unit, lang),
                hovertemplate=_hover(lang, i18n.t("actual", lang)),
            )
        )
    proj = item.assessment.projection
    if item.series and proj.value_at_target is not None and amb.target.date > item.series[-1].date:
        last = item.series[-1]
        ends = [(last.date, last.value), (amb.target.date, proj.value_at_target)]
        fig.add_trace(
            go.Scatter(
                x=[d for d, _ in ends],
                y=[v for _, v in ends],
                mode="lines",
                name=i18n.t("projection", lang),
                line={"color": charts.PROJECTION, "dash": "dot", "width": 2.5},
                customdata=_labels(ends, unit, lang),
                hovertemplate=_hover(lang, i18n.t("projection", lang)),
            )
        )
    for number, (start, end) in enumerate(note_periods, start=1):
        fig.add_vrect(
            x0=start,
            x1=end,
            fillcolor=NOTE_FILL,
            line_width=0,
            layer="below",
            annotation_text=i18n.t("amb_chart_note", lang, n=number),
            annotation_position="top left",
            annotation_font={"size": 11, "color": "#262730"},
        )
    charts.base_layout(fig, lang, height=380)
    fig.update_layout(hovermode="closest", margin={"l": 10, "r": 10, "t": 60, "b": 10})
    # Ticks on the year ends, where yearly values sit: "2025" marks 31-12-2025, not 1-1-2025.
    years = amb.target.date.year - amb.baseline.date.year
    fig.update_xaxes(
        hoverformat=i18n.hover_date(lang),
        title_text=i18n.t("amb_axis_year_end", lang),
        tick0=dt.date(amb.baseline.date.year, 12, 31),
        dtick="M12" if years <= 8 else "M24",
    )
    fig.update_yaxes(title_text=i18n.t(f"amb_unit_{unit}", lang), tickformat=",.2~f", rangemode="normal")
    return charts.finish(fig)
