"""Audit trail: search the changes, newest first; reviewers and admins see all, editors their own.

The trail cannot be changed here: there is no edit or delete. People with 'revert_change'
get a revert button per entry that undoes a change through ``edits.revert`` (an import as
one unit, with the records it changed listed in its entry).
"""

from functools import partial

import pandas as pd
import streamlit as st

from impactdash import i18n, ui
from impactdash.safe_text import escape_markdown
from impactdash.ui import audit_steps
from impactdash.views import audit as audit_view
from impactdash.write import datasets, permissions

actor = ui.guard("view_own_audit")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
MAX_ROWS = 200

sees_all = permissions.allowed(actor, "view_audit_log")
may_revert = permissions.allowed(actor, "revert_change")
# An editor's view is limited in the query itself, not only in what the page shows.
own = None if sees_all else actor.username

st.title(t("page_audit"))
ui.dataset_banner(lang, working=True)
st.caption(t("audit_intro_all") if sees_all else t("audit_intro_own"))

ui.show_flash("audit")


def action_label(action: str) -> str:
    """Return an audit action in the page language (the stored name if it has no text)."""
    key = f"audit_action_{action}"
    return t(key) if key in i18n.TEXTS else action


def set_label(name: str | None) -> str:
    """Return a data set's name in the page language ('(all)' for none)."""
    if not name:
        return t("audit_any")
    if name in datasets.DATASETS:
        return datasets.get(name).label(lang)
    key = f"audit_set_{name}"
    return t(key) if key in i18n.TEXTS else name


def field_label(dataset: str | None, name: str) -> str:
    """Return a field's label in the page language, or its stored name."""
    if dataset in datasets.DATASETS and name in datasets.get(dataset).field_names:
        return datasets.get(dataset).field(name).label(lang)
    key = f"audit_field_{name}"
    return t(key) if key in i18n.TEXTS else name


st.header(t("audit_search"))
choices = ui.working_query("audit_choices", own=own)
people = choices.loc[choices["kind"] == "person", "value"].tolist()
sets = choices.loc[choices["kind"] == "dataset", "value"].tolist()
left, middle, right = st.columns(3)
if sees_all:
    person = left.selectbox(t("audit_person"), [None, *people], format_func=lambda v: v or t("audit_any"))
else:
    person = left.selectbox(t("audit_person"), [actor.username], disabled=True)
dataset = middle.selectbox(t("audit_dataset"), [None, *sets], format_func=set_label)
record = right.text_input(t("audit_record"), max_chars=200).strip() or None
left, right = st.columns(2)
DATE_FORMAT = i18n.widget_date_format(lang)
date_from = left.date_input(t("audit_from"), value=None, format=DATE_FORMAT, key="audit_from")
date_to = right.date_input(t("audit_to"), value=None, format=DATE_FORMAT, key="audit_to")

filters = {
    "own": own,
    "person": person,
    "dataset": dataset,
    "record": record,
    "date_from": date_from,
    "date_to": date_to,
}
count = int(ui.working_query("audit_count", **filters)["n"].iloc[0])
entries = ui.working_query("audit_entries", **filters, max_rows=MAX_ROWS)

st.header(t("audit_results"))
if entries.empty:
    st.info(t("audit_none"))
    st.stop()
counted = t("audit_count_one") if count == 1 else t("audit_count", count=i18n.fmt_number(count, lang))
st.markdown(counted + " " + t("audit_shown", shown=i18n.fmt_number(len(entries), lang)))


for entry in entries.itertuples(index=False):
    moment = pd.Timestamp(entry.changed_at).to_pydatetime()
    when = i18n.fmt_time(moment, lang)
    label = t("audit_entry", time=when, actor=entry.actor, action=action_label(entry.action))
    where = " · ".join(
        str(v)
        for v in (set_label(entry.dataset) if entry.dataset else "", audit_view.key_text(entry.record_key))
        if isinstance(v, str) and v
    )
    if where:
        label += f" · {where}"
    with st.expander(escape_markdown(label), expanded=audit_steps.offers_force(int(entry.id))):
        st.caption(t("audit_entry_id", id=int(entry.id)))
        rows = audit_view.changed_fields(entry.before_json, entry.after_json, entry.dataset, lang)
        # An import's values are kept per record beside the entry, not in the entry itself.
        imported = entry.action in ("import", "revert_import")
        if imported and audit_steps.import_changes(int(entry.id), entry.dataset, lang):
            pass
        elif rows:
            table = pd.DataFrame(
                [[escape_markdown(v) for v in (field_label(entry.dataset, f), b, a)] for f, b, a in rows],
                columns=[t("audit_field"), t("audit_before"), t("audit_after")],
            )
            ui.table(table, lang)
        else:
            st.caption(t("audit_no_changes"))
        detail = audit_view.detail_text(entry.detail, lang)
        if detail:
            st.caption(escape_markdown(t("audit_detail", detail=detail)))
        if may_revert and audit_steps.revertible(entry.action, entry.dataset):
            audit_steps.revert_buttons(actor, int(entry.id), lang)
