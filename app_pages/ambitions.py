"""Ambitions: every ambition's status and projection, then one ambition in detail."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import ambitions as chart_ambitions
from impactdash.measures import progress
from impactdash.views import ambitions as view
from impactdash.views import changes as changes_view

lang = ui.lang()
gm, name = ui.municipality_page("amb_title", lang)

as_of = ui.query("dataset_info").iloc[0]["reporting_date"]
as_of = as_of.date() if hasattr(as_of, "date") else as_of
ambitions = ui.query("ambitions", municipality=gm)
items = ui.cached(progress.for_municipality, gm)
if not items:
    st.markdown(i18n.t("no_ambitions", lang, name=name))
    st.stop()
st.markdown(view.intro_sentence(items, name, as_of, lang))

# The list: every ambition, filtered and sorted by status (worst first by default).
st.header(i18n.t("amb_list_heading", lang))
statuses = view.present_statuses(items)
shown = st.pills(
    i18n.t("amb_filter", lang),
    statuses,
    selection_mode="multi",
    default=statuses,
    format_func=lambda s: view.status_text(s, lang),
    key=f"amb_filter_{gm}",
)
orders = list(view.SORT_OPTIONS)
order = ui.remember(
    "amb_sort",
    st.selectbox(
        i18n.t("amb_sort", lang),
        orders,
        index=orders.index(ui.kept("amb_sort", orders, orders[0])),
        format_func=lambda o: i18n.t(view.SORT_OPTIONS[o], lang),
        key=f"amb_sort_{lang}",  # per language: see ui.remember
    ),
)
listed = view.sort_items(view.filter_items(items, shown), order, lang)
moved = ui.changed_targets()  # targets changed after they were set, from the publications
if listed:
    ui.table(view.overview_frame(listed, lang, moved), lang)
    if any(item.code in moved for item in listed):
        st.caption(i18n.t("target_changed_legend", lang))
else:
    st.info(i18n.t("amb_none_selected", lang))
st.markdown(view.list_caption(lang))

# One ambition in detail: chart, document, milestones, notes, programmes.
st.header(i18n.t("amb_detail_heading", lang))
by_code = {item.code: item for item in items}
code = ui.linked_choice(  # in the address (?ambition=...): a link from a programme comes back here
    "ambition",
    [item.code for item in view.sort_items(items, order, lang)],
    label=i18n.t("amb_pick", lang),
    key=f"amb_pick_{gm}",
    unknown=i18n.t(
        "link_unknown",
        lang,
        what=i18n.t("link_what_ambition", lang),
        code=view.escape_markdown(st.query_params.get("ambition", "")),
        town=name,
    ),
    format_func=lambda c: view.option_label(by_code[c], lang),
)
item = by_code[code]
notes = ui.query("ambitions_notes", municipality=gm)
notes = notes[notes["ambition_code"] == code]
programmes = ui.query("ambitions_programmes", municipality=gm)
programmes = programmes[programmes["ambition_code"] == code]

st.markdown(f"### {view.escape_markdown(item.name(lang))}")
summary = view.summary_sentence(item, lang)
st.markdown(summary)
st.markdown(view.status_line(item, lang))
if (gm, item.metric_code) in ui.changed_figures():
    st.caption(i18n.t("changed_mark", lang))
if code in moved:  # the earlier target one click away
    with st.expander(i18n.t("target_changed", lang)):
        st.markdown(changes_view.target_mark(moved[code], item.unit, lang))
ui.chart(
    ui.figure(chart_ambitions.ambition_detail_figure, item, lang, view.chart_notes(notes)),
    key=f"amb_chart_{code}",
    alt=summary,
)
ui.data_table(partial(view.chart_frame, item, lang), lang, key=f"amb_{code}")
record = ambitions.set_index("code").loc[code]
document = view.document_text(item.document, record["document_url"], lang, record["document_en"])
st.markdown(document, unsafe_allow_html=True)

st.markdown(f"#### {i18n.t('amb_milestones_heading', lang)}")
ui.table(view.milestones_frame(item, lang), lang)

if not notes.empty:
    st.markdown(f"#### {i18n.t('amb_notes_heading', lang)}")
    st.markdown(i18n.t("amb_notes_caption", lang))
    names = dict(zip(programmes["programme_code"], programmes["programme_name"], strict=True))
    for number, line in enumerate(view.note_lines(notes, names, lang), start=1):
        st.markdown(f"{number}\\. {line}", unsafe_allow_html=True)

st.markdown(f"#### {i18n.t('amb_programmes_heading', lang)}")
st.markdown(view.programmes_sentence(programmes, as_of, lang))
if not programmes.empty:
    ui.table(view.programmes_frame(programmes, as_of, lang), lang)
    st.markdown(i18n.t("amb_programmes_overlap", lang))
    if described := view.programme_descriptions(programmes, lang):
        st.markdown(f"#### {i18n.t('amb_programmes_described', lang)}")
        st.markdown(described, unsafe_allow_html=True)
    # Down: each programme's budget, moments, co-funding and spend lines, one link away.
    st.markdown(f"**{i18n.t('link_programmes_heading', lang)}**")
    for row in programmes.itertuples(index=False):
        ui.drill_link(
            "app_pages/programme.py",
            i18n.t("link_to_programme", lang, name=view.escape_markdown(row.programme_name)),
            lang,
            icon=":material/account_tree:",
            programme=row.programme_code,
        )
