"""Plotly figures of the page Budget and spend: DataFrame in, Figure out (no Streamlit).

The look comes from :func:`impactdash.charts.base.base_layout` and the Okabe–Ito palette. Axis
ticks, hover texts and month names are formatted in Python, so a Dutch chart shows
"€ 2,5 mln." and "mrt", never plotly's English "2.5M" or "Mar".
"""

from __future__ import annotations

import datetime as dt
import html
import math

import pandas as pd
import plotly.graph_objects as go

from impactdash import i18n
from impactdash.charts import base as charts
from impactdash.views import budget as bv

BUDGET = charts.PALETTE[1]  # orange
SPEND = charts.PALETTE[0]  # blue
INSTRUMENT = charts.PALETTE[2]  # bluish green
EVEN = charts.TRAJECTORY  # grey, dashed


def nice_step(span: float, count: int = 4) -> float:
    """Return a round tick step (1, 2, 2.5 or 5 times a power of ten) giving about ``count`` ticks."""
    raw = max(span, 1e-9) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def euro_ticks(low: float, high: float, lang: str) -> tuple[list[float], list[str]]:
    """Return tick values and localised euro labels covering ``low``..``high`` (0 always included)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high - low <= 0:
        return [0.0], [bv.money(0, lang)]
    step = nice_step(high - low)
    start = math.floor(low / step) * step
    values = [start + i * step for i in range(int(math.ceil((high - start) / step)) + 1)]
    return values, [bv.money(v, lang) for v in values]


def _euro_axis(fig: go.Figure, values: list[float], lang: str, axis: str = "y") -> None:
    clean = [v for v in values if v is not None and not pd.isna(v)] or [0.0]
    ticks, labels = euro_ticks(min(clean), max(clean), lang)
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    update(tickmode="array", tickvals=ticks, ticktext=labels, showgrid=True, zeroline=True)


def per_year_figure(per_year: pd.DataFrame, lang: str) -> go.Figure | None:
    """Draw budget and spend per year as grouped bars; a year not yet ended is labelled "2026*"."""
    if per_year.empty:
        return None
    years = [bv.year_label(r) for _, r in per_year.iterrows()]
    fig = go.Figure()
    for column, key, colour in (("budget", "budget_budget", BUDGET), ("spend", "budget_spend", SPEND)):
        name = i18n.t(key, lang)
        fig.add_trace(
            go.Bar(
                x=years,
                y=[float(v) for v in per_year[column].fillna(0)],
                name=name,
                marker={"color": colour},
                customdata=[bv.money(v, lang) for v in per_year[column]],
                hovertemplate="%{customdata}<extra>" + name + "</extra>",
            )
        )
    charts.base_layout(fig, lang, height=340)
    fig.update_xaxes(type="category", tickformat=None)
    _euro_axis(fig, [*per_year["budget"], *per_year["spend"]], lang)
    return charts.finish(fig)


#: Horizontal bars with their label above them (``_horizontal_bars``): per category, in pixels,
#: a line for the label (13 px text), a bar per series, then a gap before the next label.
_LABEL_PX = 20
_BAR_PX = 21
_GAP_PX = 4


def _horizontal_bars(
    labels: list[str], series: list[tuple[str, list, str, list[str]]], lang: str
) -> go.Figure:
    """Draw grouped horizontal bars, first label on top, each label above its bars.

    Each series is (name, values, colour, texts). The labels stand above the bars, not in a
    column to their left: a column wide enough for "Talentontwikkeling en werk" left a phone's
    bars so little room that the amounts beside them were cut off at 320 px; above the bars
    the whole width is theirs at every width.
    """
    fig = go.Figure()
    band = _LABEL_PX + _BAR_PX * len(series) + _GAP_PX
    width = _BAR_PX / band  # in parts of a category's band, as plotly's offset and width are
    for i, (name, values, colour, texts) in enumerate(series):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=[0.0 if pd.isna(v) else float(v) for v in values],
                name=name,
                orientation="h",
                marker={"color": colour},
                # In parts of a band from its middle; the axis runs down, so above is negative.
                offset=-0.5 + _LABEL_PX / band + i * width,
                width=width,
                text=texts,
                textposition="auto",
                insidetextanchor="end",
                customdata=texts,
                hovertemplate="%{customdata}<extra>" + name + "</extra>",
            )
        )
    for i, label in enumerate(labels):
        # A category axis also takes positions by number: the top of band i is i - 0.5.
        fig.add_annotation(
            text=label,
            x=0,
            xref="paper",
            xanchor="left",
            y=i - 0.5 + 0.03,
            yref="y",
            yanchor="top",
            showarrow=False,
            font={"size": charts.LABEL_PX + 1, "color": charts.TEXT},
        )
    charts.base_layout(fig, lang, height=round(max(220, 70 + band * len(labels))))
    fig.update_layout(barmode="group", hovermode="y unified")
    fig.update_yaxes(autorange="reversed", type="category", showticklabels=False)
    fig.update_xaxes(tickformat=None)
    highest = max([v for _, values, _, _ in series for v in values if not pd.isna(v)] or [0.0])
    _euro_axis(fig, [0.0, highest], lang, axis="x")
    # Room on the right for the amounts printed beside short bars, also at phone width.
    # The bars carry their amounts, so the axis needs no labels of its own.
    fig.update_xaxes(range=[0, highest * 1.5 if highest > 0 else 1], showticklabels=False)
    return charts.finish(fig)


def moments_figure(moments: pd.DataFrame, lang: str) -> go.Figure | None:
    """Draw one year's budget at each planning-and-control moment, and the spend, as horizontal bars."""
    if moments.empty:
        return None
    labels = [bv.moment_label(m, lang) for m in moments["moment"]] + [i18n.t("budget_spend_so_far", lang)]
    values = [*moments["budget"], moments["spend"].iloc[0]]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=[float(v) for v in values],
            orientation="h",
            marker={"color": [BUDGET] * len(moments) + [SPEND]},
            text=[i18n.fmt_eur(v, lang) for v in values],
            textposition="auto",
            hoverinfo="skip",
        )
    )
    charts.base_layout(fig, lang, height=90 + 46 * len(labels))
    fig.update_layout(showlegend=False, hovermode=False)
    fig.update_yaxes(autorange="reversed", automargin=True, type="category")
    fig.update_xaxes(tickformat=None)
    _euro_axis(fig, values, lang, axis="x")
    return charts.finish(fig)


def breakdown_figure(breakdown: pd.DataFrame, lang: str) -> go.Figure | None:
    """Draw budget against spend per instrument or programme; bars carry amount and execution."""
    if breakdown.empty:
        return None
    spend_texts = [
        f"{bv.money(s, lang)} · {bv.over_budget_text(s, b, lang)}"
        for s, b in zip(breakdown["spend"], breakdown["budget"], strict=True)
    ]
    # Plotly renders a subset of HTML in labels and names: text from the data is escaped.
    return _horizontal_bars(
        [html.escape(label) for label in breakdown["label"]],
        [
            (
                i18n.t("budget_budget", lang),
                list(breakdown["budget"]),
                BUDGET,
                [bv.money(v, lang) for v in breakdown["budget"]],
            ),
            (i18n.t("budget_spend", lang), list(breakdown["spend"]), SPEND, spend_texts),
        ],
        lang,
    )


def _month_ticks(year: int, lang: str) -> tuple[list, list[str]]:
    """Return one tick in the middle of each month, labelled with the month's short name."""
    middles = [dt.date(year, m, 15) for m in range(1, 13)]
    return middles, [i18n.fmt_month(d, lang, short=True) for d in middles]


def cumulative_figure(cumulative: pd.DataFrame, year: int, lang: str) -> go.Figure | None:
    """Draw cumulative spend by month against the even-spend line (budget times the share of the year).

    Points sit on month ends, so the last point of September lies on the right edge of "sep".
    The even-spend line runs on to 31 December, where it reaches the year's budget.
    """
    if cumulative.empty:
        return None
    points = bv.cumulative_points(cumulative, year)
    fig = go.Figure()
    budget = points["budget"].iloc[0]
    if not pd.isna(budget):
        even = points[["period_end", "even_spend"]]
        year_end = dt.date(year, 12, 31)
        if even["period_end"].iloc[-1] < year_end:
            even = pd.concat([even, pd.DataFrame({"period_end": [year_end], "even_spend": [budget]})])
        _line(
            fig, even["period_end"], even["even_spend"], i18n.t("budget_even_spend", lang), lang, dashed=True
        )
    _line(
        fig, points["period_end"], points["cumulative_spend"], i18n.t("budget_cumulative_spend", lang), lang
    )
    charts.base_layout(fig, lang, height=340)
    ticks, labels = _month_ticks(year, lang)
    fig.update_layout(hovermode="closest")
    fig.update_xaxes(
        tickmode="array",
        tickvals=ticks,
        ticktext=labels,
        tickformat=None,
        ticks="",
        range=[dt.date(year, 1, 1), dt.date(year, 12, 31)],
    )
    _euro_axis(fig, [*points["cumulative_spend"], budget if not pd.isna(budget) else 0], lang)
    return charts.finish(fig)


def _line(fig: go.Figure, dates, values, name: str, lang: str, dashed: bool = False) -> None:
    texts = [f"{i18n.fmt_date(d, lang)}: {bv.money(v, lang)}" for d, v in zip(dates, values, strict=True)]
    fig.add_trace(
        go.Scatter(
            x=list(dates),
            y=[float(v) for v in values],
            mode="lines" if dashed else "lines+markers",
            name=name,
            line={"color": EVEN, "dash": "dash", "width": 2} if dashed else {"color": SPEND, "width": 3},
            marker={"size": 7, "color": SPEND},
            customdata=texts,
            hovertemplate="%{customdata}<extra>" + name + "</extra>",
        )
    )


def leverage_figure(
    pillar: pd.DataFrame, lang: str, instrument: pd.DataFrame | None = None, instrument_name: str = ""
) -> go.Figure | None:
    """Draw leverage per completed year for the whole pillar, and for one instrument when given."""
    if pillar.dropna(subset=["leverage"]).empty:
        return None
    fig = go.Figure()
    lines = [(pillar, i18n.t("budget_whole_pillar", lang), SPEND, "solid")]
    if instrument is not None:
        lines.append((instrument, html.escape(instrument_name), INSTRUMENT, "dot"))
    for frame, name, colour, dash in lines:
        frame = frame.dropna(subset=["leverage"])
        fig.add_trace(
            go.Scatter(
                x=[str(int(y)) for y in frame["year"]],
                y=[float(v) for v in frame["leverage"]],
                mode="lines+markers",
                name=name,
                line={"color": colour, "width": 3, "dash": dash},
                marker={"size": 8, "color": colour, "symbol": "circle" if dash == "solid" else "square"},
                customdata=[
                    i18n.t("budget_leverage_hover", lang, value=bv.per_euro(v, lang))
                    for v in frame["leverage"]
                ],
                hovertemplate="%{customdata}<extra>" + name + "</extra>",
            )
        )
    charts.base_layout(fig, lang, height=320)
    fig.update_xaxes(type="category", tickformat=None)
    fig.update_yaxes(tickformat=".2f", tickprefix="€ " if lang == "nl" else "€", rangemode="tozero")
    return charts.finish(fig)
