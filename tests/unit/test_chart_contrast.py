"""Contrast of every chart and of the theme (WCAG 2.1 AA 1.4.3 and 1.4.11), measured on built figures.

Every chart function is run on small frames (those of its own unit tests); every colour
the built figure carries is read back from it: text (fonts of the layout, axes, legend,
hover labels, annotations, labels on and beside bars) must reach 4.5:1 against what it is
drawn on, marks (markers and lines) 3:1 against white. The theme file and the focus ring
of the page style are measured too.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from impactdash import config
from impactdash.charts import ambitions as chart_ambitions
from impactdash.charts import base as charts
from impactdash.charts import budget as cb
from impactdash.charts import compare as chart_compare
from impactdash.charts import ecosystem as chart_ecosystem
from impactdash.charts import geo
from impactdash.charts import property as chart_property
from impactdash.store import db
from impactdash.views import compare, ecosystem
from tests.unit import test_budget_view, test_compare, test_property
from tests.unit import test_ecosystem as eco_data
from tests.unit.test_ambitions_view import OFF

ROOT = Path(__file__).resolve().parents[2]
HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def _figures() -> dict[str, go.Figure]:
    """Build every chart function's figure, in both languages where the look could differ."""
    positions = ecosystem.spring_layout(
        eco_data.NODES["code"].tolist(),
        list(
            zip(
                eco_data.EDGES["source"], eco_data.EDGES["target"], eco_data.EDGES["connections"], strict=True
            )
        ),
    )
    moments = pd.DataFrame(
        {"moment": ["original", "spring"], "budget": [1000.0, 1200.0], "spend": [400.0, 400.0]}
    )
    actual = test_compare._frame()
    planned = actual.assign(ambition_code="A")
    styles = compare.styles(test_compare.TOWNS["code"].tolist())
    leverage = pd.DataFrame({"year": [2024, 2025], "leverage": [0.5, 0.8]})
    return {
        "budget per year": cb.per_year_figure(test_budget_view.PER_YEAR, "nl"),
        "budget moments": cb.moments_figure(moments, "nl"),
        "budget breakdown": cb.breakdown_figure(test_budget_view.BREAKDOWN, "en"),
        "budget cumulative": cb.cumulative_figure(test_budget_view.CUMULATIVE, 2026, "nl"),
        "budget leverage": cb.leverage_figure(leverage, "nl", leverage, "Fonds"),
        "compare": chart_compare.compare_figure(actual, planned, styles, "nl", "count", False, False),
        "ambition detail": chart_ambitions.ambition_detail_figure(
            OFF, "en", [(dt.date(2023, 1, 1), dt.date(2023, 12, 31))]
        ),
        "sparkline": charts.sparkline(OFF, "nl"),
        "ecosystem ambition": chart_ecosystem.ambition_figure(eco_data._item(), "nl"),
        "ecosystem connections": chart_ecosystem.connections_figure(eco_data.CONNECTIONS, "nl"),
        "ecosystem lead": chart_ecosystem.lead_figure(eco_data.LEAD, "en"),
        "ecosystem network": chart_ecosystem.network_figure(eco_data.NODES, eco_data.EDGES, positions, "nl"),
        "property map": chart_property.property_map(
            geo.load_districts("GM0080", config.DATA_DIR), test_property._register(), "nl"
        ),
    }


@pytest.fixture(scope="module")
def figures(demo_con) -> dict[str, go.Figure]:
    built = _figures()
    gm = "GM0518"
    items = test_property._demo_items(demo_con, gm)
    quarters = db.run_query(demo_con, "property_quarters", municipality=gm)
    discount = db.run_query(demo_con, "property_rent_discount", municipality=gm)
    built["property floor"] = chart_property.floor_figure(items["impact_floor_m2"], quarters, "nl")
    built["property occupancy"] = chart_property.occupancy_figure(quarters, "nl", items.get("occupancy_pct"))
    built["property discount"] = chart_property.discount_figure(discount, "nl")
    return built


def _colours(value) -> list[str]:
    """Return the ``#RRGGBB`` colours in a colour property (one colour or a list of them)."""
    values = value if isinstance(value, list | tuple) else [value]
    return [v for v in values if isinstance(v, str) and HEX.fullmatch(v)]


def _fonts(node, path: str = ""):
    """Yield (path, colour) of every font colour in a figure's JSON."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else key
            if key.endswith("font") and isinstance(value, dict) and "color" in value:
                for colour in _colours(value["color"]):
                    yield here, colour
            yield from _fonts(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _fonts(value, f"{path}[{i}]")


def test_the_contrast_formula_gives_the_known_ratios():
    assert charts.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert charts.contrast_ratio("#808495") == pytest.approx(3.72, abs=0.01)  # Streamlit's chart grey
    assert charts.contrast_ratio("#E69F00") == pytest.approx(2.25, abs=0.01)  # Okabe-Ito orange
    assert charts.text_on("#0072B2") == "#FFFFFF" and charts.text_on("#C27D00") == "#000000"


def test_every_palette_colour_is_a_visible_mark():
    for colour in (
        *charts.PALETTE,
        charts.TRAJECTORY,
        chart_ecosystem.EDGE_COLOUR,
        chart_property.DISTRICT_LINE,
    ):
        assert charts.contrast_ratio(colour) >= charts.MIN_MARK_CONTRAST, colour
    for _, colour in ecosystem.KINDS.values():
        assert charts.contrast_ratio(colour) >= charts.MIN_MARK_CONTRAST, colour


def test_every_text_in_every_chart_reaches_4_5_to_1(figures):
    assert all(fig is not None for fig in figures.values())
    failures = []
    for name, fig in figures.items():
        spec = fig.to_plotly_json()
        layout = spec["layout"]
        hover_bg = layout.get("hoverlabel", {}).get("bgcolor", charts.BACKGROUND)
        for path, colour in _fonts(layout):
            ground = hover_bg if path.startswith("hoverlabel") else charts.BACKGROUND
            if charts.contrast_ratio(colour, ground) < charts.MIN_TEXT_CONTRAST:
                failures.append(f"{name}: layout.{path} {colour} on {ground}")
        for trace in spec["data"]:
            fills = _colours(trace.get("marker", {}).get("color"))
            inside = _colours(trace.get("insidetextfont", {}).get("color"))
            if len(inside) > 1:  # a colour per bar, each on its own bar
                pairs = zip(inside, fills, strict=True)
                failures += [
                    f"{name}: bar text {text} on {fill}"
                    for text, fill in pairs
                    if charts.contrast_ratio(text, fill) < charts.MIN_TEXT_CONTRAST
                ]
            for path, colour in _fonts(trace):
                if path.startswith("insidetextfont"):
                    grounds = fills if len(inside) == 1 else []
                elif trace.get("mode") == "text":  # a district's name, inside its outline or beside it
                    grounds = [chart_property.DISTRICT_FILL, charts.BACKGROUND]
                else:
                    grounds = [charts.BACKGROUND]
                for ground in grounds:
                    if charts.contrast_ratio(colour, ground) < charts.MIN_TEXT_CONTRAST:
                        failures.append(f"{name}: {trace.get('name')} {path} {colour} on {ground}")
            if (
                trace.get("type") == "bar"
                and trace.get("text") is not None
                and trace.get("textposition") != "outside"
            ):
                # Text inside a bar: its colour is chosen per bar, never left to plotly.
                assert _colours(trace.get("insidetextfont", {}).get("color")), f"{name}: {trace.get('name')}"
    assert not failures, "\n".join(failures)


def test_every_mark_in_every_chart_reaches_3_to_1(figures):
    failures = []
    for name, fig in figures.items():
        for trace in fig.to_plotly_json()["data"]:
            if trace.get("fill") == "toself":  # a district's outline: the area is background
                marks = _colours(trace.get("line", {}).get("color"))
            else:
                marks = _colours(trace.get("marker", {}).get("color")) + _colours(
                    trace.get("line", {}).get("color")
                )
            for colour in marks:
                if charts.contrast_ratio(colour) < charts.MIN_MARK_CONTRAST:
                    failures.append(f"{name}: {trace.get('name')} {colour}")
        for shape in fig.layout.shapes:
            for colour in _colours(shape.line.color):
                if charts.contrast_ratio(colour) < charts.MIN_MARK_CONTRAST:
                    failures.append(f"{name}: shape {colour}")
    assert not failures, "\n".join(failures)


def test_the_theme_and_the_focus_ring_reach_their_ratios():
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    background = theme.get("backgroundColor", charts.BACKGROUND)
    assert charts.contrast_ratio(theme["textColor"], background) >= charts.MIN_TEXT_CONTRAST
    # Captions are the text colour at 60 % opacity: blended over white they still read.
    text = theme["textColor"].lstrip("#")
    faded = "#" + "".join(f"{round(0.6 * int(text[i : i + 2], 16) + 0.4 * 255):02X}" for i in (0, 2, 4))
    assert charts.contrast_ratio(faded, background) >= charts.MIN_TEXT_CONTRAST
    # The primary colour marks links, chosen options and the focus ring.
    assert charts.contrast_ratio(theme["primaryColor"], background) >= charts.MIN_TEXT_CONTRAST
    styles = (ROOT / "impactdash" / "ui" / "styles.py").read_text()
    rings = re.findall(r"outline:[^;]*?(#[0-9A-Fa-f]{6})", styles)
    assert rings, "the page style draws a focus ring"
    for colour in rings:
        assert charts.contrast_ratio(colour, background) >= charts.MIN_MARK_CONTRAST
        assert charts.contrast_ratio(colour, theme.get("secondaryBackgroundColor", "#F0F2F6")) >= 3
