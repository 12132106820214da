"""Change log: each publication, its label, date and approval note, and what changed since the previous one.

Public: read from the publications' snapshots and their public history only; the working
database is never opened here.
"""

from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.views import changes as view

lang = ui.lang()
t = partial(i18n.t, lang=lang)
folder = ui.publications_folder()

st.title(t("page_changelog"))
ui.dataset_banner(lang, changelog=False)  # what is published; stops when nothing is
st.caption(t("changelog_intro"))

history = ui.publication_history()  # oldest first
if not history:
    st.info(t("nothing_published"))
    st.stop()
by_id = {p.id: p for p in history}
newest_first = [p.id for p in reversed(history)]
wanted = st.query_params.get("publication", "")
chosen = st.selectbox(
    t("changelog_pick"),
    newest_first,
    index=newest_first.index(int(wanted)) if wanted.isdigit() and int(wanted) in by_id else 0,
    format_func=lambda i: view.publication_option(by_id[i], lang),
    key="changelog_pick",
)
st.query_params["publication"] = str(chosen)
position = [p.id for p in history].index(chosen)
publication = history[position]
previous = history[position - 1] if position else None
for line in view.publication_lines(publication, previous, lang):
    st.markdown(line)
if previous is not None:
    found, names = ui.all_changes(str(folder / previous.file), str(folder / publication.file))
    ui.show_changes(found, names, lang, key="changelog")
