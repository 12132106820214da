"""charts.finish: the house look without a template, margins that fit the labels, a data revision."""

from __future__ import annotations

import plotly.graph_objects as go

from impactdash.charts import base as charts


def _bars(labels, values, **layout) -> go.Figure:
    fig = go.Figure(go.Bar(y=labels, x=values, orientation="h", name="Begroting"))
    fig.update_layout(height=300, **layout)
    return fig


def test_text_width_grows_with_the_text_and_ignores_tags():
    assert charts.text_width("iiii") < charts.text_width("WWWW")
    assert charts.text_width("<b>Amsterdam</b>") == charts.text_width("Amsterdam")
    # Two lines are as wide as the wider one.
    assert charts.text_width("kort<br>een veel langere regel") == charts.text_width("een veel langere regel")


def test_house_look_fills_in_what_the_builder_left_unset_and_keeps_the_rest():
    fig = _bars(["a"], [1])
    fig.update_yaxes(tickfont={"color": "#FF0000"})
    layout = charts.finish(fig).layout
    assert layout.paper_bgcolor == "#FFFFFF"
    assert layout.yaxis.tickfont.color == "#FF0000"
    assert layout.yaxis.tickfont.size == charts.LABEL_PX
    assert layout.template.to_plotly_json() in ({}, {"data": {}, "layout": {}})


def test_left_margin_makes_room_for_long_category_labels_and_never_shrinks():
    short = charts.finish(_bars(["Zuid"], [1])).layout.margin.l
    long = charts.finish(_bars(["Impactfonds voor maatschappelijke ondernemers Noord"], [1])).layout.margin.l
    assert long > short + 150
    kept = charts.finish(_bars(["Zuid"], [1], margin={"l": 400})).layout.margin.l
    assert kept == 400


def test_numeric_axis_margin_follows_the_largest_tick_label():
    small = go.Figure(go.Scatter(x=[2024, 2025], y=[1, 2]))
    large = go.Figure(go.Scatter(x=[2024, 2025], y=[1_000_000, 12_000_000]))
    large.update_yaxes(tickprefix="€ ", tickformat=",.0f")
    assert charts.finish(large).layout.margin.l > charts.finish(small).layout.margin.l


def test_a_legend_above_the_chart_gets_a_row_more_when_it_wraps():
    def legend_figure(names, width):
        fig = go.Figure([go.Scatter(x=[1, 2], y=[1, 2], name=n) for n in names])
        fig.update_layout(height=320, legend={"orientation": "h", "y": 1.02})
        return charts.finish(fig, width).layout.margin.t

    names = ["Begroting", "Uitgaven", "Cofinanciering", "Gelijkmatige lijn", "Raming"]
    assert legend_figure(names, charts.HALF_WIDTH) > legend_figure(names, charts.FULL_WIDTH)
    assert legend_figure(names[:1], charts.FULL_WIDTH) > 0


def test_data_revision_is_the_same_for_the_same_figure_and_changes_with_the_data():
    first = charts.finish(_bars(["a", "b"], [1, 2])).layout.datarevision
    again = charts.finish(_bars(["a", "b"], [1, 2])).layout.datarevision
    other = charts.finish(_bars(["a", "b"], [1, 3])).layout.datarevision
    assert first == again
    assert first != other


def test_finishing_twice_changes_nothing():
    once = charts.finish(_bars(["a", "b"], [1, 2]))
    twice = charts.finish(go.Figure(once))
    layouts = [{**f.layout.to_plotly_json(), "datarevision": None} for f in (once, twice)]
    assert layouts[0] == layouts[1]
