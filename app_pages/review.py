"""Staff page: the alderman's progress review — every ambition on one scorecard, then one in detail."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import ambitions as chart_ambitions
from impactdash.measures import progress
from impactdash.safe_text import escape_markdown
from impactdash.ui import review_forms
from impactdash.views import ambitions as amb
from impactdash.views import review

actor = ui.guard("review_progress")
lang = ui.lang()
t = partial(i18n.t, lang=lang)

st.title(t("page_review"))
ui.dataset_banner(lang)
st.markdown(t("review_intro"))

as_of = ui.query("dataset_info").iloc[0]["reporting_date"]
as_of = as_of.date() if hasattr(as_of, "date") else as_of
published = ui.current_publication()
before = ui.cached_on(str(published.path), progress.latest_of_ambitions) if published else None
# Notes are not figures: always the working database's, internal ones and the newest included.
all_notes = ui.working_query("review_notes")
rows = review.scorecard(
    ui.cached(progress.assess_all),
    ui.query("municipalities"),
    ui.query("review_instruments"),
    all_notes,
    before,
)

# The scorecard: filters (empty = all), sort order, the table.
st.header(t("review_scorecard_heading"))
chosen_towns, chosen_instruments, chosen_statuses, order = review_forms.scorecard_filters(rows, lang)
shown = review.sort_rows(
    review.filter_rows(rows, chosen_towns, chosen_instruments, chosen_statuses), order, lang
)
st.markdown(review.counts_sentence(shown, len(rows), lang))
if shown:
    ui.table(review.scorecard_frame(shown, lang), lang)
else:
    st.info(t("review_none_selected"))
st.caption(review.scorecard_caption(published, lang))
if not shown:
    st.stop()

# One ambition in detail: chart, programmes with budget and spend, properties, notes, a new note.
st.header(t("review_detail_heading"))
row = review_forms.ambition_picker(shown, lang)
code = row.code
item = row.item
notes = review.ambition_notes(all_notes, code)

st.subheader(
    t("review_detail_title", name=escape_markdown(item.name(lang)), town=escape_markdown(row.municipality))
)
summary = amb.summary_sentence(item, lang)
st.markdown(summary)
st.markdown(
    amb.status_line(item, lang) + "  \n" + t("review_change_line", change=review.change_text(row, lang))
)
ui.chart(
    ui.figure(chart_ambitions.ambition_detail_figure, item, lang, amb.chart_notes(notes)),
    key=f"review_chart_{code}",
    alt=summary,
)
ui.data_table(partial(amb.chart_frame, item, lang), lang, key=f"review_{code}")

st.markdown(f"#### {t('amb_programmes_heading')}")
programmes = ui.query("ambitions_programmes", municipality=row.municipality_code)
programmes = programmes[programmes["ambition_code"] == code]
st.markdown(amb.programmes_sentence(programmes, as_of, lang))
if not programmes.empty:
    ui.table(amb.programmes_frame(programmes, as_of, lang), lang)
    years = ui.query("review_programme_years", ambition=code)
    st.markdown(f"##### {t('review_years_heading')}")
    st.caption(t("review_years_caption"))
    ui.table(review.programme_years_frame(years, lang), lang)
    with st.expander(t("review_years_lines")):
        ui.table(review.programme_year_lines(years, lang), lang)
    st.markdown(t("amb_programmes_overlap"))

st.markdown(f"#### {t('review_properties_heading')}")
properties = review.properties_frame(
    ui.query("property_register", municipality=row.municipality_code),
    ui.query("review_ambition_properties", ambition=code),
    lang,
)
if properties.empty:
    st.markdown(t("review_no_properties"))
else:
    st.caption(t("review_properties_caption"))
    ui.table(properties, lang)

st.markdown(f"#### {t('review_notes_heading')}")
if notes.empty:
    st.markdown(t("review_no_notes"))
else:
    st.caption(t("review_notes_caption"))
    ui.table(review.notes_frame(notes, lang), lang)

st.markdown(f"#### {t('review_add_heading')}")
st.caption(t("review_add_caption"))
review_forms.note_form(actor, code, as_of, lang)
