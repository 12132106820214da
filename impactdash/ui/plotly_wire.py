"""A plotly chart sent from its serialised specification, made once per figure instead of once per run.

``st.plotly_chart`` turns its figure into a dict (a deep copy), then into JSON with
plotly's encoder (which encodes, parses and encodes again) on every run of every page that
shows it: most of a warm public page view's CPU (docs/performance.md, "Server CPU per
page view"). A figure from ``ui.figure`` is built once per distinct input and shared,
never changed; :func:`serialise` gives it its JSON once, and :func:`send` hands that JSON
to the browser as ``st.plotly_chart`` would have: the same element, the same
specification, the same element id (``tests/app/test_plotly_wire.py`` compares them with
``st.plotly_chart``'s, so a Streamlit upgrade that changes the element fails there).

The only code that uses Streamlit's element internals (``streamlit.elements.lib``, the
``PlotlyChart`` proto), for the one element whose public function cannot take a
finished specification.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import plotly.graph_objects as go
import plotly.io
import streamlit as st
from streamlit.elements.lib import agent_spec
from streamlit.elements.lib.form_utils import current_form_id
from streamlit.elements.lib.layout_utils import LayoutConfig
from streamlit.elements.lib.utils import compute_and_register_element_id, normalize_alt
from streamlit.elements.plotly_chart import _plotly_data
from streamlit.proto.PlotlyChart_pb2 import PlotlyChart as PlotlyChartProto

#: The attribute a shared figure carries its :class:`Wire` in (plotly refuses public names).
_WIRE = "_impactdash_wire"
#: plotly.js's height where the layout sets none, as ``st.plotly_chart`` assumes it.
_DEFAULT_HEIGHT = 450


@dataclass(frozen=True)
class Wire:
    """A figure as the browser receives it: its JSON specification and its height in pixels."""

    spec: str
    height: int


def serialise(fig: go.Figure) -> Wire:
    """Return the figure's specification as ``st.plotly_chart`` writes it, and its height."""
    figure = fig.to_dict()
    height = figure.get("layout", {}).get("height")
    ok = isinstance(height, (int, float)) and not isinstance(height, bool) and height > 0
    return Wire(plotly.io.to_json(figure, validate=False), int(height) if ok else _DEFAULT_HEIGHT)


def keep(fig: go.Figure) -> go.Figure:
    """Give a shared figure its :class:`Wire` once; return the figure.

    Only for figures that are never changed after this (``ui.figure``'s, built once per
    distinct input): the wire is the figure as it was here.
    """
    if _WIRE not in fig.__dict__:
        object.__setattr__(fig, _WIRE, serialise(fig))  # plotly's own __setattr__ refuses it
    return fig


def wire(fig: go.Figure) -> Wire:
    """Return the figure's kept wire, or serialise it now (a figure built for this run only)."""
    return fig.__dict__.get(_WIRE) or serialise(fig)


def send(fig: go.Figure, *, config: dict, key: str, alt: str | None) -> None:
    """Show ``fig`` as ``st.plotly_chart(fig, config=config, key=key, alt=alt, theme=None)`` does.

    The same element, without selections, at the full width and the figure's height.
    """
    dg = st._main  # the current container (a column, an expander) is resolved by _enqueue
    sent = wire(fig)
    alt = normalize_alt(alt)
    proto = PlotlyChartProto()
    proto.theme = ""
    proto.form_id = current_form_id(dg)
    proto.spec = sent.spec
    proto.config = json.dumps(config)
    if alt is not None:
        proto.alt = alt
    proto.id = compute_and_register_element_id(
        "plotly_chart",
        user_key=key,
        key_as_main_identity=False,
        dg=dg,
        plotly_spec=proto.spec,
        plotly_config=proto.config,
        selection_mode=("points", "box", "lasso"),
        is_selection_activated=False,
        theme=None,
        width="stretch",
        height="content",
        alt=alt,
    )
    dg._enqueue(
        "plotly_chart",
        proto,
        layout_config=LayoutConfig(width="stretch", height=sent.height),
        agent_props=agent_spec.element(
            "plotly_chart", key=key, data_builder=lambda: _plotly_data(sent.spec), alt=alt
        ),
    )
