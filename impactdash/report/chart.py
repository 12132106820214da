"""The ambition chart of the progress report, drawn by matplotlib as a static image.

The same picture as the ambitions page (trajectory from the baseline through the
milestones to the target, the actual values, the projection, the periods of the notes)
but as SVG for the HTML report and PNG for the PDF, so neither needs a browser or a
network. Baseline, milestone, target and actual values each have their own marker shape,
so no series is told apart by colour alone; every number is formatted by
:mod:`impactdash.i18n`.

No pyplot: it keeps global state, and the dashboard serves many sessions from threads.
A bare :class:`matplotlib.figure.Figure` is private to its caller.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
from dataclasses import dataclass

from matplotlib.dates import date2num, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, Formatter, FuncFormatter, MaxNLocator

from impactdash import i18n
from impactdash.charts import base as charts
from impactdash.measures import metrics
from impactdash.measures.progress import AmbitionProgress

#: Width and height in inches: fills an A4 text column (17 cm) and a 760 px HTML column.
SIZE = (6.9, 2.35)
#: Fixed margins (fractions of the figure) instead of a layout engine: the constrained
#: layout measured every text twice and took half of each chart's time. Room on the left
#: for "€ 1,2 mln.", below for the axis title and a legend of up to two rows.
MARGINS = {"left": 0.115, "right": 0.985, "top": 0.95, "bottom": 0.34}
FONT_SIZE = 8.5
TEXT = "#262730"
GRID = "#EBEBEB"
NOTE_FILL = charts.PALETTE[4]  # sky blue, drawn faint
#: (marker, size) per kind of anchor; shapes differ so the legend reads in black and white.
_ANCHOR_STYLE = {"amb_baseline": ("o", 6), "amb_milestone": ("D", 5), "target": ("*", 11)}
# Each SVG is placed inline in one HTML document, where ids must be unique.
_SVG_ID = re.compile(r'(\bid="|href="#|url\(#)')
_counter = itertools.count(1)
MILLION = 1_000_000


def _x(on: dt.date) -> float:
    return float(date2num(on))


def decimals(ticks: list[float]) -> int:
    """Fewest decimals (at most 3) that show every tick exactly: 0.25 and 0.5 need 2, 5 and 10 none."""
    for places in range(4):
        if all(abs(round(t, places) - t) < 1e-9 * max(1.0, abs(t)) for t in ticks):
            return places
    return 3


def tick_text(value: float, unit: str, lang: str, places: int, millions: bool = False) -> str:
    """Format a value-axis tick: euros (in millions if ``millions``), per cents, or a plain number."""
    if unit == "eur" and millions and value != 0:
        return i18n.t("report_axis_million", lang, n=i18n.fmt_number(value / MILLION, lang, places))
    if unit == "eur":
        return i18n.fmt_eur(value, lang)
    if unit == "percent":
        return i18n.fmt_pct(value, lang, places)
    return i18n.fmt_number(value, lang, places)


class _ValueFormatter(Formatter):
    """Value-axis labels in the report's language, with as many decimals as the ticks need."""

    def __init__(self, unit: str, lang: str) -> None:
        self.unit, self.lang, self.places, self.millions = unit, lang, 0, False

    def set_locs(self, locs) -> None:
        """Decide for all ticks at once, so 0,50 and 0,75 match and € 0,8 mln. stands below € 1,2 mln."""
        super().set_locs(locs)
        values = list(locs)
        self.millions = self.unit == "eur" and max((abs(v) for v in values), default=0) >= MILLION
        self.places = decimals([v / MILLION for v in values] if self.millions else values)

    def __call__(self, x: float, pos: int | None = None) -> str:
        """Return the label of the tick at ``x``."""
        return tick_text(x, self.unit, self.lang, self.places, self.millions)


def _draw_trajectory(ax, item: AmbitionProgress, lang: str) -> None:
    amb = item.ambition
    anchors = metrics.anchors(amb)
    ax.plot(
        [_x(p.date) for p in anchors],
        [p.value for p in anchors],
        color=charts.TRAJECTORY,
        linestyle=(0, (5, 3)),
        linewidth=1.3,
        label=i18n.t("trajectory", lang),
        zorder=2,
    )
    groups = {"amb_baseline": [amb.baseline], "amb_milestone": list(amb.milestones), "target": [amb.target]}
    for key, points in groups.items():
        if not points:
            continue
        marker, size = _ANCHOR_STYLE[key]
        ax.plot(
            [_x(p.date) for p in points],
            [p.value for p in points],
            linestyle="none",
            marker=marker,
            markersize=size,
            # Open baseline circle: the actual value on the same date stays visible inside it.
            markerfacecolor="none" if key == "amb_baseline" else charts.TRAJECTORY,
            markeredgecolor=charts.TRAJECTORY,
            markeredgewidth=1.3,
            label=i18n.t(key, lang),
            zorder=6,
        )


def _draw_actual_and_projection(ax, item: AmbitionProgress, lang: str) -> None:
    if not item.series:
        return
    ax.plot(
        [_x(p.date) for p in item.series],
        [p.value for p in item.series],
        color=charts.ACTUAL,
        linewidth=2.2,
        marker="o",
        markersize=4.5,
        label=i18n.t("actual", lang),
        zorder=5,
    )
    proj = item.assessment.projection
    last = item.series[-1]
    target_date = item.ambition.target.date
    if proj.value_at_target is not None and target_date > last.date:
        ax.plot(
            [_x(last.date), _x(target_date)],
            [last.value, proj.value_at_target],
            color=charts.PROJECTION,
            linestyle=(0, (1.2, 1.8)),
            linewidth=2.2,
            label=i18n.t("projection", lang),
            zorder=3,
        )


def _x_range(item: AmbitionProgress) -> tuple[dt.date, dt.date]:
    dates = [item.ambition.baseline.date, item.ambition.target.date, *(p.date for p in item.series)]
    # A little air either side, so the baseline and target markers are not cut in half.
    return min(dates) - dt.timedelta(days=75), max(dates) + dt.timedelta(days=75)


def _draw_notes(
    ax, note_periods: list[tuple[dt.date, dt.date]], lang: str, start: dt.date, end: dt.date
) -> None:
    """Shade each note's period and number it as in the list of notes (periods off the chart are left out)."""
    for number, (first, last) in enumerate(note_periods, start=1):
        if first is None or last is None or last < start or first > end:
            continue
        # Head room for the labels, so "note 1" never sits on a line at the top.
        ax.set_ymargin(0.16)
        first, last = max(first, start), min(last, end)
        ax.axvspan(_x(first), _x(last), color=NOTE_FILL, alpha=0.14, linewidth=0, zorder=0)
        ax.annotate(
            i18n.t("amb_chart_note", lang, n=number),
            xy=(_x(first), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(2, -2),
            textcoords="offset points",
            va="top",
            ha="left",
            fontsize=FONT_SIZE - 1,
            color=TEXT,
        )


def _style_axes(ax, item: AmbitionProgress, lang: str, start: dt.date, end: dt.date) -> None:
    ax.set_xlim(_x(start), _x(end))
    # Ticks on the year ends, where yearly values sit: "2025" marks 31-12-2025.
    # Counted back from the target's year, so the target always sits on a labelled tick.
    ends = [dt.date(y, 12, 31) for y in range(start.year, end.year + 1) if start <= dt.date(y, 12, 31) <= end]
    every = 1 if len(ends) <= 10 else 2
    ticks = ends[::-1][::every]
    ax.xaxis.set_major_locator(FixedLocator([_x(d) for d in ticks]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: str(num2date(v).year)))
    ax.set_xlabel(i18n.t("amb_axis_year_end", lang), fontsize=FONT_SIZE, color=TEXT)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.yaxis.set_major_formatter(_ValueFormatter(item.unit, lang))
    ax.set_ylabel(i18n.t(f"amb_unit_{item.unit}", lang), fontsize=FONT_SIZE, color=TEXT)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#BDBDBD")
    ax.tick_params(labelsize=FONT_SIZE, colors=TEXT, length=3)


def figure(item: AmbitionProgress, lang: str, note_periods: list[tuple[dt.date, dt.date]] = ()) -> Figure:
    """Draw one ambition: trajectory with its anchors, actual values, projection and note periods."""
    fig = Figure(figsize=SIZE)
    fig.subplots_adjust(**MARGINS)
    ax = fig.add_subplot()
    start, end = _x_range(item)
    _draw_notes(ax, list(note_periods), lang, start, end)
    _draw_trajectory(ax, item, lang)
    _draw_actual_and_projection(ax, item, lang)
    _style_axes(ax, item, lang, start, end)
    # Below the plot, so it never hides a line; two even rows when there are more than four.
    handles, labels = ax.get_legend_handles_labels()
    _legend(fig, handles, labels)
    return fig


def _legend(fig: Figure, handles: list, labels: list[str]) -> None:
    """Put the legend under the plot, where it hides no line; two even rows when there are more than four."""
    fig.legend(
        handles,
        labels,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=len(labels) if len(labels) <= 4 else math.ceil(len(labels) / 2),
        frameon=False,
        fontsize=FONT_SIZE,
        handlelength=2.6,
    )


def svg(fig: Figure) -> str:
    """Return ``fig`` as an ``<svg>`` element to place inline in HTML (no XML prologue, unique ids)."""
    buffer = io.StringIO()
    # Text as paths (matplotlib's default): the chart looks the same without any font installed.
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    prefix = f"c{next(_counter)}-"
    text = _SVG_ID.sub(lambda m: m.group(1) + prefix, text)
    # Scale with the column instead of a fixed size in points; the viewBox keeps the proportions.
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 width="100%"', text, count=1)


def png(fig: Figure, dpi: int = 150) -> bytes:
    """Return ``fig`` as PNG bytes (150 dpi: sharp enough on paper at the column width, twice as fast as 200).

    Compressed lightly: the PDF decodes the PNG and compresses the pixels again anyway, and
    the default level costs more time than it saves bytes.
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


@dataclass(frozen=True)
class Series:
    """One series of a section chart: its name in the legend and one value per category."""

    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Spec:
    """A section chart: bars (side by side or stacked) or lines over categories such as years.

    Plain data, so the report model holds it and both renderers draw the same picture.
    """

    kind: str  # "bars", "stacked" or "lines"
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str  # "eur", "percent", "m2" or "count"; formats the value axis
    axis_title: str
