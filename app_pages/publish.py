"""Publishing: request a publication, approve or reject somebody else's, see and withdraw them.

Every step goes through ``impactdash.publish`` (permission, four eyes, snapshot, audit).
"""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.errors import UserFacingError
from impactdash.publish import workflow
from impactdash.views import publish as publish_view
from impactdash.write import permissions

actor = ui.guard("view_drafts")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
folder = ui.publications_folder()

st.title(t("page_publish"))
ui.dataset_banner(lang, working=True)
st.caption(t("publish_intro"))

ui.show_flash("publish")


def attempt(call, publication_id: int | None, done_key: str) -> None:
    """Run one publishing step; show a refusal here, or keep the success to show after the rerun."""
    try:
        with st.spinner(t("publish_working")):
            result = call()
    except UserFacingError as exc:  # a refusal, a full disk, a read-only folder
        st.error(exc.message(lang))
        return
    except permissions.PermissionDenied:
        st.error(t("no_access"))
        return
    ui.flash("publish", t(done_key, id=publication_id or result))
    st.rerun()


current = ui.current_publication()
if current is None:
    st.info(t("publish_none_yet"))
else:
    st.markdown(
        t(
            "publish_current",
            label=publish_view.escape_markdown(current.label),
            date=i18n.fmt_date(current.approved_at.date(), lang),
        )
    )
publications = ui.working_query("publications")

if permissions.allowed(actor, "request_publication"):
    st.header(t("publish_request_header"))
    reporting_date = ui.working_query("dataset_info").iloc[0]["reporting_date"]
    with st.form("publish_request", clear_on_submit=True):
        label = st.text_input(
            t("publish_label"),
            value=publish_view.suggested_label(reporting_date),
            max_chars=workflow.LABEL_MAX,
            placeholder=t("publish_label_help"),
        )
        note = st.text_area(t("publish_note"), max_chars=workflow.NOTE_MAX)
        if st.form_submit_button(t("publish_request_button"), type="primary"):
            attempt(
                lambda: workflow.request(ui.connection(), actor, label, note, folder),
                None,
                "publish_requested",
            )

st.header(t("publish_pending_header"))
pending = publications[publications["status"] == "requested"]
if pending.empty:
    st.caption(t("publish_pending_none"))
for row in pending.itertuples(index=False):
    publication_id = int(row.id)
    with st.container(border=True):
        st.markdown(f"**{publish_view.pending_label(row, lang)}**")
        if isinstance(row.request_note, str) and row.request_note:
            st.caption(publish_view.escape_markdown(row.request_note))
        # What the public will see differently: on the screen where it is approved.
        st.markdown(f"**{t('publish_review_changes')}**")
        snapshot = folder / row.snapshot_file
        if current is None:
            st.caption(t("publish_review_first"))
        elif snapshot.exists():
            found, names = ui.all_changes(str(current.path), str(snapshot))
            ui.show_changes(found, names, lang, key=f"publish_changes_{publication_id}")
        if row.requested_by == actor.username:
            st.caption(t("publish_own_waiting"))
        elif permissions.allowed(actor, "approve_publication"):
            decision = st.text_input(
                t("publish_decision_note"), key=f"publish_note_{publication_id}", max_chars=workflow.NOTE_MAX
            )
            st.caption(t("publish_decision_public"))
            left, right = st.columns(2)
            if left.button(
                t("publish_approve_button"), key=f"publish_approve_{publication_id}", type="primary"
            ):
                attempt(
                    partial(workflow.approve, ui.connection(), actor, publication_id, folder, decision),
                    publication_id,
                    "publish_approved",
                )
            if right.button(t("publish_reject_button"), key=f"publish_reject_{publication_id}"):
                attempt(
                    partial(workflow.reject, ui.connection(), actor, publication_id, folder, decision),
                    publication_id,
                    "publish_rejected",
                )

st.header(t("publish_history_header"))
if publications.empty:
    st.caption(t("publish_none_yet"))
else:
    ui.table(publish_view.history_frame(publications, current.id if current else None, lang), lang)

approved = publications[publications["status"] == "approved"]
if permissions.allowed(actor, "withdraw_publication") and not approved.empty:
    st.header(t("publish_withdraw_header"))
    st.caption(t("publish_withdraw_help"))
    labels = {int(r.id): f"{int(r.id)} · {r.label}" for r in approved.itertuples(index=False)}
    with st.form("publish_withdraw"):
        chosen = st.selectbox(t("publish_withdraw_which"), list(labels), format_func=labels.get)
        if st.form_submit_button(t("publish_withdraw_button")):
            attempt(
                lambda: workflow.withdraw(ui.connection(), actor, chosen, folder), chosen, "publish_withdrawn"
            )
