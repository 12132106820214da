"""What changed: everything the public sees that differs between the drafts and a publication, or two."""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.publish import pointer
from impactdash.views import publish as publish_view

ui.guard("view_drafts")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
folder = ui.publications_folder()

st.title(t("page_changes"))
ui.dataset_banner(lang, working=True)
st.caption(t("changes_all_intro"))

current = ui.current_publication()
labels = publish_view.version_labels(
    ui.working_query("publications"), folder, current.id if current else None, lang
)
versions = {ui.DRAFT: t("changes_drafts")}
versions.update(
    {
        str(folder / pointer.snapshot_name(n)): t("changes_publication", version=label)
        for n, label in labels.items()
    }
)
options = list(versions)
left, right = st.columns(2)
default_before = options.index(str(current.path)) if current and str(current.path) in versions else 0
before = left.selectbox(t("changes_before"), options, index=default_before, format_func=versions.get)
after = right.selectbox(t("changes_after"), options, index=0, format_func=versions.get)
if before == after:
    st.info(t("changes_same_version"))
    st.stop()

found, names = ui.all_changes(before, after)
ui.show_changes(found, names, lang, key="changes")
