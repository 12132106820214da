"""Staff page: the alderman's progress review — every ambition on one scorecard, then one in detail."""

import datetime as dt
from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.charts import ambitions as chart_ambitions
from impactdash.measures import metrics, progress
from impactdash.safe_text import escape_markdown
from impactdash.views import ambitions as amb
from impactdash.views import review
from impactdash.write import edits, review_notes

actor = ui.guard("review_progress")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
today = dt.date.today()
DATE_FORMAT = "DD-MM-YYYY" if lang == "nl" else "YYYY/MM/DD"

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


towns = review.municipality_options(rows)
instruments = review.instrument_options(rows, lang)
statuses = review.status_options(rows)
orders = list(review.SORT_OPTIONS)
columns = st.columns(4)
chosen_towns = columns[0].multiselect(
    t("review_filter_municipality"),
    list(towns),
    format_func=towns.get,
    placeholder=t("review_filter_all"),
    key="review_towns",
)
chosen_instruments = ui.remember(
    "review_instruments",
    columns[1].multiselect(
        t("review_filter_instrument"),
        list(instruments),
        default=ui.kept("review_instruments", list(instruments), []),
        format_func=instruments.get,
        placeholder=t("review_filter_all"),
        key=f"review_instruments_{lang}",
    ),
)
chosen_statuses = ui.remember(
    "review_statuses",
    columns[2].multiselect(
        t("review_filter_status"),
        statuses,
        default=ui.kept("review_statuses", statuses, []),
        format_func=lambda s: amb.status_text(s, lang),
        placeholder=t("review_filter_all"),
        key=f"review_statuses_{lang}",
    ),
)
order = ui.remember(
    "review_order",
    columns[3].selectbox(
        t("amb_sort"),
        orders,
        index=orders.index(ui.kept("review_order", orders, orders[0])),
        format_func=lambda o: t(review.SORT_OPTIONS[o]),
        key=f"review_sort_{lang}",
    ),
)
shown = review.sort_rows(
    review.filter_rows(rows, chosen_towns, chosen_instruments, chosen_statuses), order, lang
)
st.markdown(review.counts_sentence(shown, len(rows), lang))
if shown:
    st.table(review.scorecard_frame(shown, today, lang), hide_index=True)
else:
    st.info(t("review_none_selected"))
if published:
    st.caption(
        t(
            "review_caption_published",
            label=escape_markdown(published.label),
            date=i18n.fmt_date(published.approved_at.date(), lang),
            window=metrics.PROJECTION_WINDOW,
        )
    )
else:
    st.caption(t("review_caption_unpublished", window=metrics.PROJECTION_WINDOW))
if not shown:
    st.stop()

# One ambition in detail: chart, programmes with budget and spend, properties, notes, a new note.
st.header(t("review_detail_heading"))
by_code = {row.code: row for row in shown}
if st.session_state.get(f"review_pick_{lang}") not in by_code:
    st.session_state.pop(f"review_pick_{lang}", None)  # filtered out: start from the kept or first one
picked = ui.kept("review_pick", list(by_code))
code = ui.remember(
    "review_pick",
    st.selectbox(
        t("review_pick"),
        list(by_code),
        index=list(by_code).index(picked) if picked in by_code else 0,
        format_func=lambda c: review.option_label(by_code[c], lang),
        key=f"review_pick_{lang}",
    ),
)
row = by_code[code]
item = row.item
notes = review.ambition_notes(all_notes, code)

st.subheader(
    t("review_detail_title", name=escape_markdown(item.name(lang)), town=escape_markdown(row.municipality))
)
summary = amb.summary_sentence(item, lang)
st.markdown(summary)
status = amb.status_text(item.assessment.status.value, lang)
st.markdown(
    t("amb_status_line", status=status, projection=amb.projection_text(item.assessment, lang))
    + " · "
    + t("review_change_line", change=review.change_text(row, lang))
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
    st.table(amb.programmes_frame(programmes, as_of, lang), hide_index=True)
    years = ui.query("review_programme_years", ambition=code)
    st.markdown(f"##### {t('review_years_heading')}")
    st.caption(t("review_years_caption"))
    st.table(review.programme_years_frame(years, lang), hide_index=True)
    with st.expander(t("review_years_lines")):
        st.table(review.programme_year_lines(years, lang), hide_index=True)
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
    st.table(properties, hide_index=True)

st.markdown(f"#### {t('review_notes_heading')}")
if notes.empty:
    st.markdown(t("review_no_notes"))
else:
    st.caption(t("review_notes_caption"))
    st.table(review.notes_frame(notes, lang), hide_index=True)

st.markdown(f"#### {t('review_add_heading')}")
st.caption(t("review_add_caption"))
ui.show_flash("review")
first, last = review.default_period(as_of)
with st.form("review_note_form"):
    left, right = st.columns(2)
    limits = {"min_value": dt.date(2000, 1, 1), "max_value": dt.date(2100, 12, 31), "format": DATE_FORMAT}
    start = left.date_input(t("review_add_start"), value=first, key="review_note_start", **limits)
    end = right.date_input(t("review_add_end"), value=last, key="review_note_end", **limits)
    body = st.text_area(t("review_add_body"), max_chars=2000, key="review_note_body")
    visibility = st.radio(
        t("review_add_visibility"),
        review.VISIBILITIES,
        format_func=lambda v: t(f"review_visibility_{v}"),
        horizontal=True,
        key="review_note_visibility",
    )
    submitted = st.form_submit_button(t("review_add_button"), type="primary")
if submitted:
    values = {"period_start": start, "period_end": end, "body": body, "visibility": visibility}
    try:
        note_id = review_notes.add_note(ui.connection(), actor, code, values)
    except edits.EditError as error:
        lines = error.message(lang).split("\n")
        st.error("  \n".join(escape_markdown(line) for line in lines), icon="⚠️")
    else:
        ui.flash("review", t("review_added", id=note_id))
        del st.session_state["review_note_body"]  # an empty box for the next note
        st.rerun()
