"""Every chart on every public page is drawn as built: finished, without Streamlit's theme, with alt text.

A chart without ``charts.finish`` or with Streamlit's theme is drawn two or three times by
plotly on every page load (docs/performance.md); a chart without alt text says nothing to a
screen reader.
"""

from __future__ import annotations

import json

import pytest

PAGES = ("overview", "budget", "property", "ecosystem", "ambitions", "compare")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_is_finished_themeless_and_described(app, page, lang):
    at = app(lang=lang, page=None if page == "overview" else f"app_pages/{page}.py")
    charts = at.get("plotly_chart")
    assert charts, f"no chart on {page}"
    for chart in charts:
        proto = chart.proto
        layout = json.loads(proto.spec)["layout"]
        assert proto.theme == "", (page, proto.id)
        assert layout.get("datarevision"), (page, proto.id)
        assert "template" not in layout, (page, proto.id)
        assert proto.alt.strip(), (page, proto.id)
        # Alt text is read out: plain words, no Markdown.
        assert "**" not in proto.alt and "\\" not in proto.alt, proto.alt


@pytest.mark.parametrize("page", ["budget", "property", "ecosystem", "ambitions", "compare"])
def test_a_charts_data_table_is_built_only_once_opened(app, page):
    from tests.app.conftest import open_tables

    at = app(page=f"app_pages/{page}.py", tables=False)
    closed = [e for e in at.expander if e.label == "Gegevens als tabel"]
    assert closed and not any(e.proto.expanded for e in closed)
    shown_before = len(at.table)
    open_tables(at)
    # One table per chart's expander, in it, and nothing else changed.
    assert len(at.table) == shown_before + len(closed)
    assert all(len(e.table) == 1 for e in at.expander if e.label == "Gegevens als tabel")
