"""The review page's widgets: the scorecard's filters, the ambition picker, the form for a note.

What the page says lives in :mod:`impactdash.views.review`; a note is written through
:func:`impactdash.write.review_notes.add_note` only. Choices that have a language in their
options are kept across a language switch (:func:`impactdash.ui.session.remember`).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st

from impactdash import i18n
from impactdash.errors import UserFacingError
from impactdash.safe_text import escape_markdown
from impactdash.ui.session import flash, kept, remember, show_flash
from impactdash.ui.sources import connection
from impactdash.views import ambitions as amb
from impactdash.views import review
from impactdash.write import permissions, review_notes


def scorecard_filters(rows: list[review.ScoreRow], lang: str) -> tuple[list[str], list[str], list[str], str]:
    """Show the four choices above the scorecard; return (towns, instruments, statuses, sort order).

    Three filters side by side, the order below them. An empty choice means all of them.
    """
    towns = review.municipality_options(rows)
    instruments = review.instrument_options(rows, lang)
    statuses = review.status_options(rows)
    orders = list(review.SORT_OPTIONS)
    columns = st.columns(3)
    # The sort order on a row of its own, half the page wide: in a quarter of it the longer
    # orders ("Grootste verandering sinds publicatie") were cut off in the closed picker.
    sort_column = st.columns(2)[0]
    chosen_towns = columns[0].multiselect(
        i18n.t("review_filter_municipality", lang),
        list(towns),
        format_func=towns.get,
        placeholder=i18n.t("review_filter_all", lang),
        key="review_towns",
    )
    chosen_instruments = remember(
        "review_instruments",
        columns[1].multiselect(
            i18n.t("review_filter_instrument", lang),
            list(instruments),
            default=kept("review_instruments", list(instruments), []),
            format_func=instruments.get,
            placeholder=i18n.t("review_filter_all", lang),
            key=f"review_instruments_{lang}",
        ),
    )
    chosen_statuses = remember(
        "review_statuses",
        columns[2].multiselect(
            i18n.t("review_filter_status", lang),
            statuses,
            default=kept("review_statuses", statuses, []),
            format_func=lambda s: amb.status_text(s, lang),
            placeholder=i18n.t("review_filter_all", lang),
            key=f"review_statuses_{lang}",
        ),
    )
    order = remember(
        "review_order",
        sort_column.selectbox(
            i18n.t("amb_sort", lang),
            orders,
            index=orders.index(kept("review_order", orders, orders[0])),
            format_func=lambda o: i18n.t(review.SORT_OPTIONS[o], lang),
            key=f"review_sort_{lang}",
        ),
    )
    return chosen_towns, chosen_instruments, chosen_statuses, order


def ambition_picker(shown: list[review.ScoreRow], lang: str) -> review.ScoreRow:
    """Show the choice of one ambition of the scorecard's rows; return its row.

    The choice is kept while it is on the scorecard; filtered out, the kept or first one is picked.
    """
    by_code = {row.code: row for row in shown}
    if st.session_state.get(f"review_pick_{lang}") not in by_code:
        st.session_state.pop(f"review_pick_{lang}", None)  # filtered out: start from the kept or first one
    picked = kept("review_pick", list(by_code))
    code = remember(
        "review_pick",
        st.selectbox(
            i18n.t("review_pick", lang),
            list(by_code),
            index=list(by_code).index(picked) if picked in by_code else 0,
            format_func=lambda c: review.option_label(by_code[c], lang),
            key=f"review_pick_{lang}",
        ),
    )
    return by_code[code]


def note_form(actor: permissions.Actor, ambition: str, as_of: dt.date, lang: str) -> None:
    """Show the form for a new note on ``ambition``; write it, or say why it was refused.

    A written note is announced after the rerun that shows it, with an empty box for the next.
    """
    t = partial(i18n.t, lang=lang)
    show_flash("review")
    first, last = review.default_period(as_of)
    with st.form("review_note_form"):
        left, right = st.columns(2)
        limits = {
            "min_value": dt.date(2000, 1, 1),
            "max_value": dt.date(2100, 12, 31),
            "format": i18n.widget_date_format(lang),
        }
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
    if not submitted:
        return
    values = {"period_start": start, "period_end": end, "body": body, "visibility": visibility}
    try:
        note_id = review_notes.add_note(connection(), actor, ambition, values)
    except UserFacingError as error:  # a refusal, or a full disk, a read-only folder, a lock
        lines = error.message(lang).split("\n")
        st.error("  \n".join(escape_markdown(line) for line in lines), icon="⚠️")
    else:
        flash("review", t("review_added", id=note_id))
        del st.session_state["review_note_body"]  # an empty box for the next note
        st.rerun()
