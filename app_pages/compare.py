"""Compare: municipalities side by side on one measure, absolute or per 10,000 inhabitants.

Each town keeps its own ambition (dashed, same colour); the x-axis can be the calendar
year or the years since the town's pillar started, so a later starter is set beside where
the established city stood at the same age. The maths lives in impactdash.views.compare.
"""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import compare as chart_compare
from impactdash.views import compare

lang = ui.lang()
st.title(i18n.t("page_compare", lang))
ui.dataset_banner(lang)

towns = ui.query("municipalities")
catalogue = ui.query("metric_catalogue").set_index("code")
if towns.empty or catalogue.empty:
    st.warning(i18n.t("no_data_selection", lang))
    st.stop()
st.markdown(i18n.t("compare_intro", lang))


def t(key: str, **values) -> str:
    return i18n.t(key, lang, **values)


def small(text: str) -> None:
    # Small text in the body colour: st.caption's faded grey fails WCAG contrast (axe).
    st.markdown(f":small[{compare.escape_markdown(text)}]")


# Widgets: the measure, the towns, absolute or per 10,000 inhabitants, and the x-axis.
codes = catalogue.index.tolist()
metric = st.selectbox(
    t("compare_measure"),
    codes,
    index=codes.index(compare.DEFAULT_METRIC) if compare.DEFAULT_METRIC in codes else 0,
    format_func=lambda code: catalogue.loc[code, f"name_{lang}"],
    key="compare_metric",
)
names = dict(zip(towns["code"], towns["name"], strict=True))
# By default the first few towns (compare.DEFAULT_TOWNS says why).
chosen = st.multiselect(
    t("compare_towns"),
    list(names),
    default=list(names)[: compare.DEFAULT_TOWNS],
    format_func=names.get,
    key="compare_towns",
)
measure = catalogue.loc[metric]
unit = measure["unit"]
# Percentages and ratios are not divided by population: the choice is replaced by why.
# (A disabled radio would keep a label too faint to read: WCAG contrast.)
if compare.supports_per_capita(unit):
    scale = st.radio(
        t("compare_scale"),
        compare.SCALES,
        format_func=lambda s: t(f"compare_scale_{s}"),
        horizontal=True,
        key="compare_scale",
    )
else:
    scale = compare.ABSOLUTE
    small(t("compare_no_per_capita"))
axis = st.radio(
    t("compare_axis"),
    compare.AXES,
    format_func=lambda a: t(f"compare_axis_{a}"),
    horizontal=True,
    key="compare_axis",
)
per_capita = scale == compare.PER_CAPITA
aligned = axis == compare.SINCE_START
if not chosen:
    st.info(t("compare_pick_town"))
    st.stop()
selected = towns[towns["code"].isin(chosen)]

# Queries: the measure for every town, population, and each town's own ambitions.
values = ui.query("compare_values", metric=metric)
population = ui.query("compare_population")
# Worked out once per distinct input and shared by every session (never changed here).
items = ui.shared(
    compare.assess,
    ui.query("compare_ambitions", metric=metric),
    ui.query("compare_milestones", metric=metric),
    values,
    chosen,
)
anchors, cumulative = ui.shared(compare.trajectories, items)
actual = ui.shared(compare.prepare, values, population, selected, unit, per_capita, aligned)
planned = ui.shared(compare.prepare, anchors, population, selected, unit, per_capita, aligned)

# The chart: title, one sentence from the data, the figure, its data a click away.
st.header(
    compare.escape_markdown(measure[f"name_{lang}"]) + (" " + t("compare_per_10k") if per_capita else "")
)
sentence = compare.summary(actual, unit, lang, per_capita, aligned, flow=measure["aggregation"] == "sum")
st.markdown(compare.escape_markdown(sentence))
if actual.empty:
    st.info(t("no_data_selection"))
else:
    styles = compare.styles(towns["code"].tolist())
    fig = ui.figure(chart_compare.compare_figure, actual, planned, styles, lang, unit, per_capita, aligned)
    ui.chart(fig, key="compare_chart", alt=sentence)
    table = partial(compare.display_table, actual, planned, unit, lang, per_capita, aligned)
    ui.data_table(table, lang, key="compare")
missing = compare.dropped(selected, actual, values)
if missing:
    small(t("compare_no_start" if aligned else "compare_no_population", names=", ".join(missing)))
if per_capita:
    small(t("compare_population_note"))
for code, item in cumulative:
    small(t("compare_cumulative", name=names[code], date=i18n.fmt_date(item.ambition.baseline.date, lang)))
for lead, body, body_lang in compare.note_parts(ui.query("compare_notes", metric=metric), selected, lang):
    ui.foreign_text(body, body_lang, lead=lead, small=True)  # marked when not in the page's language

# Each town's own ambition: status at its latest value, as icon and word.
st.header(t("compare_status_title"))
small(t("compare_status_caption"))
ui.table(compare.status_table(items, selected, unit, lang), lang, hide_index=None)
