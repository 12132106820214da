"""Staff page: edit figures, one record in a form or many in a grid, through the one write path."""

import datetime as dt
from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.safe_text import escape_markdown
from impactdash.ui import edit_forms
from impactdash.views import edit as ev
from impactdash.write import datasets, edits

actor = ui.guard("edit_figures")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
con = ui.connection()

gm = st.session_state.get(ui.MUNICIPALITY_KEY, "")
towns = ui.working_query("municipalities").set_index("code")
town = towns.loc[gm, "name"] if gm in towns.index else ""
st.title(t("page_edit") + (f" – {escape_markdown(town)}" if town else ""))
ui.dataset_banner(lang, working=True)
st.caption(t("edit_intro"))

# A message from the run that saved or deleted (shown once, after the page reloaded the record).
ui.show_flash("edit")

# What to edit: the data set and how; spend also by year, and by programme where it has one.
names = list(datasets.DATASETS)
left, right = st.columns(2)
dataset = left.selectbox(
    t("edit_dataset"),
    names,
    format_func=lambda n: ev.capital(datasets.get(n).label(lang)),
    key="edit_dataset",
)
ds = datasets.get(dataset)
mode = right.radio(
    t("edit_mode"),
    ["form", "grid"],
    format_func=lambda m: t(f"edit_mode_{m}"),
    horizontal=True,
    key="edit_mode",
)

year = None
filters = st.columns(2)
if dataset == "spend":
    this_year = dt.date.today().year
    year = filters[0].selectbox(t("edit_year"), list(range(this_year, this_year - 12, -1)), key="edit_year")
rows, more = edits.load_rows(con, dataset, **ev.query_params(dataset, gm, year))
names = ev.names_from_rows(edits.reference_names(con), lang)
if "programme_code" in ds.field_names and rows:
    codes = sorted({r["programme_code"] for r in rows if r.get("programme_code")})
    programme = filters[1].selectbox(
        t("edit_programme_filter"),
        ["", *codes],
        format_func=lambda c: names.label("programme", c) or t("edit_all_programmes"),
        key=f"edit_programme_{dataset}",
    )
    if programme:
        rows = [r for r in rows if r.get("programme_code") == programme]
if more:
    st.info(t("edit_more_rows", count=ev.MAX_ROWS))

# One record in a form, or many in a grid: both write through impactdash.write.edits only.
editing = edit_forms.Editing(con, actor, dataset, gm, year, rows, lang, names)
if mode == "grid":
    edit_forms.record_grid(editing)
else:
    edit_forms.record_form(editing)
