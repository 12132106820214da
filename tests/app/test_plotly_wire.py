"""A chart sent from its kept JSON (ui.plotly_wire) is the element st.plotly_chart makes, and never stale."""

from __future__ import annotations

import json

from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from tests.app.test_publishing import make_drafts
from tests.publishing import publish_now

_ENQUEUE = DeltaGenerator._enqueue


def _one_chart(use_wire: bool) -> None:
    """A page with one chart: through ui.plotly_wire, or through st.plotly_chart itself."""
    import datetime as dt

    import numpy as np
    import plotly.graph_objects as go
    import streamlit as st

    from impactdash.ui import plotly_wire

    fig = go.Figure(go.Bar(x=[dt.date(2025, 1, 1), dt.date(2026, 1, 1)], y=np.array([1.5, np.nan])))
    fig.update_layout(height=280, title="Één € <b>x</b>")
    config = {"displayModeBar": False}
    with st.columns(2)[1]:  # inside a container, as the pages' cards draw them
        if use_wire:
            plotly_wire.send(plotly_wire.keep(fig), config=config, key="c", alt="Een **zin**.")
        else:
            st.plotly_chart(fig, config=config, key="c", alt="Een **zin**.", theme=None)


def _sent(monkeypatch, use_wire: bool):
    """Run the one-chart page; return the chart's proto and the layout it was sent with."""
    layouts = []
    real = _ENQUEUE

    def recording(self, delta_type, element_proto, layout_config=None, *args, **kwargs):
        if delta_type == "plotly_chart":
            layouts.append(layout_config)
        return real(self, delta_type, element_proto, layout_config, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "_enqueue", recording)
    at = AppTest.from_function(_one_chart, args=(use_wire,)).run()
    assert not at.exception, [e.message for e in at.exception]
    (chart,) = at.get("plotly_chart")
    return chart.proto, layouts


def test_the_kept_chart_is_the_element_st_plotly_chart_makes(monkeypatch):
    ours, our_layout = _sent(monkeypatch, use_wire=True)
    streamlits, streamlit_layout = _sent(monkeypatch, use_wire=False)
    # Same specification, config, alt text, theme, form and element id (so a rerun keeps
    # the chart's state), sent at the same width and height.
    assert ours.SerializeToString(deterministic=True) == streamlits.SerializeToString(deterministic=True)
    assert our_layout == streamlit_layout and our_layout[0].height == 280
    assert json.loads(ours.spec)["layout"]["title"]["text"] == "Één € <b>x</b>"


def _specs(at: AppTest) -> list[str]:
    return [chart.proto.spec for chart in at.get("plotly_chart")]


def test_a_new_publication_or_language_gives_new_figures_never_a_kept_one(app, demo_copy):
    # One visitor's session on the budget page, every figure built and kept once.
    at = app("nl", municipality="GM0518", page="app_pages/budget.py", tables=False)
    before = _specs(at)
    assert before
    at.run()
    assert _specs(at) == before  # kept: the same figures, sent again as they were
    # A new publication with another spend figure (987,654,321 on a 2025 line): the same
    # session's next run draws the new figures, not the kept ones.
    make_drafts(demo_copy)
    publish_now(demo_copy, "Q4 2026")
    at.run()
    after = _specs(at)
    assert len(after) == len(before) and after[0] != before[0]  # the spend per year
    # Another language: the figures in English, built anew.
    at.query_params["lang"] = "en"
    at.session_state["lang_switch"] = "en"
    at.run()
    english = _specs(at)
    assert len(english) == len(after) and all(e != a for e, a in zip(english, after, strict=True))
