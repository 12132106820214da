"""Plotly figure builders: data in, Figure out, one look for every chart.

Colours are the Okabe–Ito palette (safe for the common forms of colour blindness);
status is never shown by colour alone. Hover texts are formatted in Python by
:mod:`impactdash.i18n`, so Dutch charts show Dutch numbers and dates.
"""

from __future__ import annotations

import hashlib
import html
import math
import re

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from impactdash import i18n
from impactdash.measures.progress import AmbitionProgress

#: Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black;
#: the orange, sky blue and yellow darkened (same hue) so every mark reaches 3:1 against white
#: (WCAG 1.4.11; the originals are 2.3, 2.3 and 1.3:1). tests/unit/test_chart_contrast.py measures
#: every colour of every built figure.
PALETTE = ("#0072B2", "#C27D00", "#009E73", "#D55E00", "#2F8FC9", "#CC79A7", "#948500", "#000000")
ACTUAL = PALETTE[0]
TRAJECTORY = "#6B6B6B"
PROJECTION = PALETTE[1]
FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"
#: Text in charts: titles, legends, annotations, labels beside bars (13.9:1 on white).
TEXT = "#262730"
#: Colours a chart's text and marks are measured against: the page and the plot are white.
BACKGROUND = "#FFFFFF"
#: The minimum contrast ratios of WCAG 2.1 AA: text (1.4.3) and marks and focus rings (1.4.11).
MIN_TEXT_CONTRAST = 4.5
MIN_MARK_CONTRAST = 3.0


def _luminance(colour: str) -> float:
    """Return the relative luminance of a ``#RRGGBB`` colour, as WCAG 2.1 defines it."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str = BACKGROUND) -> float:
    """Return the WCAG 2.1 contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    low, high = sorted((_luminance(first), _luminance(second)))
    return (high + 0.05) / (low + 0.05)


def text_on(fill: str) -> str:
    """Return black or white, whichever reads better on ``fill`` (at least 4.58:1 on any colour)."""
    return "#000000" if contrast_ratio("#000000", fill) >= contrast_ratio("#FFFFFF", fill) else "#FFFFFF"


# The house look, written into every figure by ``finish`` where the builder set nothing
# itself. Not a plotly template: Streamlit hands plotly a fresh copy of the figure after the
# first drawing, and plotly draws a chart again from scratch whenever its template is a new
# object, even an equal one. The 12 px labels are those of Streamlit's chart theme, which the
# pages switch off (``theme=None``) for the same reason; its grey (#808495, 3.7:1 on white)
# is darkened to reach 4.5:1 (WCAG 1.4.3).
pio.templates.default = None
LABEL_PX = 12
LABEL_GREY = "#5E6270"
_HOVER_FONT = {"family": '"Source Sans", sans-serif', "size": LABEL_PX, "color": LABEL_GREY}
_LOOK = {
    "paper_bgcolor": "#FFFFFF",
    "plot_bgcolor": "#FFFFFF",
    "colorway": list(PALETTE),
    "margin": {"pad": 8},
    "legend": {"bgcolor": "#FFFFFF", "bordercolor": "rgba(0, 0, 0, 0)", "font": {"size": LABEL_PX}},
    "hoverlabel": {
        "bgcolor": "#FFFFFF",
        "bordercolor": "rgba(17, 17, 17, 0.2)",
        "font": _HOVER_FONT,
        "grouptitlefont": _HOVER_FONT,
    },
}
_AXIS_LOOK = {
    "gridcolor": "#e6eaf1",
    "zerolinecolor": "#e6eaf1",
    "zeroline": False,
    # Labels are never clipped: plotly widens a margin when the estimate of ``finish`` falls short.
    "automargin": True,
    "tickfont": {"size": LABEL_PX, "color": LABEL_GREY},
}
_TITLE_FONT = {"size": 14, "color": LABEL_GREY}
_X_LOOK = {**_AXIS_LOOK, "title": {"font": _TITLE_FONT, "standoff": 20}}
_Y_LOOK = {**_AXIS_LOOK, "title": {"font": _TITLE_FONT, "standoff": 24}}
#: The widths (px) a chart gets on a 1366 px wide screen with the sidebar open: across the
#: page, or in one of two columns. Margins are estimated for them (see ``finish``).
FULL_WIDTH = 900
HALF_WIDTH = 410


def separators(lang: str) -> str:
    """Return plotly's decimal and thousands separators for ``lang``."""
    return ",." if lang == "nl" else ".,"


def base_layout(fig: go.Figure, lang: str, height: int = 320, compact: bool = False) -> go.Figure:
    """Apply the house style: sans-serif, localised separators, no clutter (the rest: :func:`finish`)."""
    fig.update_layout(
        font={"family": FONT, "size": 11 if compact else 13, "color": TEXT},
        separators=separators(lang),
        height=height,
        margin={"l": 4, "r": 4, "t": 4, "b": 4} if compact else {"l": 10, "r": 10, "t": 30, "b": 10},
        showlegend=not compact,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hovermode="x unified" if not compact else "closest",
    )
    if compact:
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    else:
        fig.update_xaxes(tickformat="%Y", showgrid=False)
    return fig


# --- finishing a figure ---------------------------------------------------------------------
#
# A page load used to draw every chart about three times: plotly draws it, measures its
# labels and legend, and draws it again when they need more room than the margins give
# ("automargin"); then Streamlit hands plotly a JSON copy of the figure, which plotly takes
# for a new one and draws a third time. ``finish`` gives every figure margins that already
# fit (estimated from the label texts), the house look without a template, and a data
# revision, so plotly sees the copy is the same figure. That also takes ``theme=None`` on the
# page, numbers as lists rather than numpy arrays (typed arrays do not survive the copy) and
# a height in whole pixels. Measured: plotly's time on the budget page fell by about 60 %.

#: Advance widths of Helvetica and Arial (Liberation Sans on Linux) in thousandths of an em.
_EM = {
    **dict.fromkeys("ijlíìïî", 222),
    **dict.fromkeys(" !,./:;[]\\ftI\u00a0·", 278),
    **dict.fromkeys("()-r²³`", 333),
    **dict.fromkeys("ckosvxyzJ", 500),
    **dict.fromkeys("0123456789abdeghnopqu€$#?_L–éèëêáàäâóòöôúùüûñ", 556),
    **dict.fromkeys("+<=>~×", 584),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&É", 667),
    **dict.fromkeys("CDHNRUw", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("Mm", 833),
    "'": 191,
    "|": 260,
    '"': 355,
    "*": 389,
    "%": 889,
    "W": 944,
    "—": 1000,
    "@": 1015,
}
#: Other fonts of ``FONT`` (Segoe UI) run a little wider: estimate on the safe side.
_WIDER = 1.05
_TAGS = re.compile(r"<[^>]+>")
_AXIS = re.compile(r"[xy]axis\d*")


def text_width(text: str, size: float = LABEL_PX, wider: float = _WIDER) -> float:
    """Estimate the width in px of a plotly label (tags such as ``<b>`` and entities removed)."""
    lines = html.unescape(_TAGS.sub("\n", str(text))).split("\n")
    return max(sum(_EM.get(c, 611) for c in line) for line in lines) * size / 1000 * wider


def _number_label(value: float, axis: dict) -> str:
    """Return about the longest tick label plotly writes on a numeric axis reaching ``value``."""
    fmt = axis.get("tickformat") or ""
    decimals = int(m.group(1)) if (m := re.search(r"\.(\d+)", fmt)) else (2 if value < 10 else 0)
    return f"{axis.get('tickprefix', '')}{value:,.{decimals}f}{axis.get('ticksuffix', '')}"


def _categorical(axis: dict, values: list) -> bool:
    """Whether plotly treats an axis as categories: so typed, or drawn with text values."""
    return axis.get("type") == "category" or any(isinstance(v, str) for v in values)


def _labels(axis: dict, values: list) -> list[str]:
    """Return the tick labels an axis shows, or a stand-in for the widest, to estimate its room."""
    if axis.get("visible") is False or axis.get("showticklabels") is False:
        return []
    if axis.get("ticktext"):
        return [str(t) for t in axis["ticktext"]]
    values = [v for v in values if v is not None and v == v]
    if _categorical(axis, values):
        return [str(v) for v in dict.fromkeys(values)]
    numbers = [float(v) for v in values if isinstance(v, int | float | np.number) and not isinstance(v, bool)]
    numbers += [float(v) for v in axis.get("range") or () if isinstance(v, int | float)]
    if not numbers:
        return ["2026"]  # dates: a year, or a short month
    top = max(abs(n) for n in numbers) * 1.1
    return [("-" if min(numbers) < 0 else "") + _number_label(top, axis)]


def _axis_values(fig: go.Figure, name: str) -> list:
    """Return the values of every trace drawn on axis ``name`` (``xaxis``, ``yaxis2``, ...)."""
    letter, ref = name[0], name[0] + name[5:]
    values: list = []
    for trace in fig.data:
        if (getattr(trace, letter + "axis", None) or letter) == ref:
            data = getattr(trace, letter, None)
            values += [] if data is None else list(data)
    return values


def _legend_rows(names: list[str], room: float) -> int:
    """Count the rows of a horizontal legend in ``room`` px, as plotly lays it out.

    Entries run on one row if they fit; otherwise they go in columns as wide as the widest
    entry. An entry is its text and 45 px of symbol and gap (measured).
    """
    widths = [text_width(name, wider=1) + 45 for name in names]
    if sum(widths) <= room:
        return 1
    return math.ceil(len(widths) / max(1, int(room // max(widths))))


def _margins(fig: go.Figure, layout: dict, values: dict[str, list], width: int) -> dict:
    """Return margins with room for the axes' labels and titles and a legend above the chart."""
    margin = layout.get("margin", {})
    left, right, top, bottom = (margin.get(side, 0) for side in "lrtb")
    for name, axis_values in values.items():
        axis = layout.get(name, {})
        if not (labels := _labels(axis, axis_values)):
            continue
        titled = bool(axis.get("title", {}).get("text"))
        if name[0] == "y":  # measured in Chromium: label width + 19 px, 34 px more for a title
            left = max(left, math.ceil(max(text_width(t) for t in labels)) + 20 + 35 * titled)
        else:  # measured: 36 px, 30 px more for a title
            bottom = max(bottom, 36 + 30 * titled)
    legend = layout.get("legend", {})
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    if names and layout.get("showlegend") is not False and legend.get("orientation") == "h":
        if legend.get("y", 0) >= 1:  # measured: 29 px a row, 19 px each next, 11 px and 2 % above
            rows = _legend_rows(names, width - left - right)
            plot = layout.get("height", 450) - bottom - 30
            top = max(top, math.ceil(11 + 29 + 19 * (rows - 1) + 0.02 * plot))
    return {**margin, "l": left, "r": right, "t": top, "b": bottom}


def _merged(look: dict, own: dict) -> dict:
    """Return ``own`` with ``look`` filled in wherever ``own`` has no value (template semantics)."""
    out = dict(look)
    for key, value in own.items():
        out[key] = _merged(look[key], value) if isinstance(look.get(key), dict) else value
    return out


def _bar_text_colours(fig: go.Figure) -> None:
    """Colour the amounts printed on bars: black or white inside each bar, the text colour beside it.

    Plotly's own choice put white on the orange bars (2.3:1); a builder's own colours are kept.
    """
    for trace in fig.data:
        if trace.type != "bar" or trace.text is None:
            continue
        fills = trace.marker.color
        if trace.insidetextfont.color is None and fills is not None:
            inside = [text_on(c) for c in fills] if isinstance(fills, list | tuple) else text_on(fills)
            trace.insidetextfont.color = inside
        if trace.outsidetextfont.color is None:
            trace.outsidetextfont.color = TEXT


def finish(fig: go.Figure, width: int = FULL_WIDTH) -> go.Figure:
    """Give a built figure the house look, margins that fit its labels, and a data revision.

    ``width`` is about the width the chart gets on the page (``FULL_WIDTH`` or
    ``HALF_WIDTH``); it only decides how many rows a legend above the chart needs. Margins
    only grow from what the builder set. The data revision is a hash of the figure: a copy
    of the same figure is then not drawn again, a changed one is. The layout is replaced
    whole: setting the look property by property takes plotly several times as long.
    """
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # in case Streamlit's default template was set after ours
    names = {name for name in layout if _AXIS.fullmatch(name)} | {"xaxis", "yaxis"}
    values = {name: _axis_values(fig, name) for name in names}
    look = dict(_LOOK)
    for name in names:
        # A grid colour makes plotly show a grid it hides by default on categories: keep it hidden.
        grid = not _categorical(layout.get(name, {}), values[name])
        look[name] = {**(_X_LOOK if name[0] == "x" else _Y_LOOK), "showgrid": grid}
    layout = _merged(look, layout)
    layout["margin"] = _margins(fig, layout, values, width)
    _bar_text_colours(fig)
    layout.pop("datarevision", None)
    built = fig.to_json(validate=False) + repr(layout["margin"])
    fig.layout = {**layout, "datarevision": hashlib.sha256(built.encode()).hexdigest()[:16]}
    return fig


def trajectory_trace(item: AmbitionProgress, lang: str) -> go.Scatter:
    """Return an ambition's trajectory as the charts draw it, dashed to its target.

    Open diamonds at the baseline, milestones and target, each hovered with its date and value.
    """
    anchors = [item.ambition.baseline, *item.ambition.milestones, item.ambition.target]
    return go.Scatter(
        x=[p.date for p in anchors],
        y=[p.value for p in anchors],
        mode="lines+markers",
        name=i18n.t("trajectory", lang),
        line={"color": TRAJECTORY, "dash": "dash", "width": 1.5},
        marker={"symbol": "diamond-open", "size": 7, "color": TRAJECTORY},
        customdata=[
            f"{i18n.fmt_date(p.date, lang)}: {i18n.fmt_value(p.value, item.unit, lang)}" for p in anchors
        ],
        hovertemplate="%{customdata}<extra>" + i18n.t("trajectory", lang) + "</extra>",
    )


def ambition_figure(item: AmbitionProgress, lang: str, compact: bool = False) -> go.Figure:
    """Draw an ambition: trajectory (dashed) to its target, actual values, and the projection."""
    fig = go.Figure()
    fig.add_trace(trajectory_trace(item, lang))
    if item.series:
        fig.add_trace(
            go.Scatter(
                x=[p.date for p in item.series],
                y=[p.value for p in item.series],
                mode="lines+markers",
                name=i18n.t("actual", lang),
                line={"color": ACTUAL, "width": 2.5},
                marker={"size": 5 if compact else 7, "color": ACTUAL},
                customdata=[
                    f"{i18n.fmt_date(p.date, lang)}: {i18n.fmt_value(p.value, item.unit, lang)}"
                    for p in item.series
                ],
                hovertemplate="%{customdata}<extra>" + i18n.t("actual", lang) + "</extra>",
            )
        )
    proj = item.assessment.projection
    if not compact and item.series and proj.value_at_target is not None:
        last = item.series[-1]
        target_date = item.ambition.target.date
        if target_date > last.date:
            fig.add_trace(
                go.Scatter(
                    x=[last.date, target_date],
                    y=[last.value, proj.value_at_target],
                    mode="lines",
                    name=i18n.t("projection", lang),
                    line={"color": PROJECTION, "dash": "dot", "width": 2},
                    customdata=[
                        f"{i18n.fmt_date(d, lang)}: {i18n.fmt_value(v, item.unit, lang)}"
                        for d, v in ((last.date, last.value), (target_date, proj.value_at_target))
                    ],
                    hovertemplate="%{customdata}<extra>" + i18n.t("projection", lang) + "</extra>",
                )
            )
    return base_layout(fig, lang, height=90 if compact else 340, compact=compact)


def sparkline(item: AmbitionProgress, lang: str) -> go.Figure:
    """Draw an ambition's card chart on the overview: trajectory and actual values, small."""
    return finish(ambition_figure(item, lang, compact=True), HALF_WIDTH)
