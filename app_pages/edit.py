"""Staff page: edit figures, one record in a form or many in a grid, through the one write path."""

import datetime as dt
from functools import partial

import streamlit as st

from impactdash import i18n, ui
from impactdash.safe_text import escape_markdown
from impactdash.views import edit as ev
from impactdash.write import datasets, edits

actor = ui.guard("edit_figures")
lang = ui.lang()
t = partial(i18n.t, lang=lang)
con = ui.connection()
NEW = "__new__"
DECIMAL_MARK = "," if lang == "nl" else "."

gm = st.session_state.get(ui.MUNICIPALITY_KEY, "")
towns = ui.working_query("municipalities").set_index("code")
town = towns.loc[gm, "name"] if gm in towns.index else ""
st.title(t("page_edit") + (f" – {escape_markdown(town)}" if town else ""))
ui.dataset_banner(lang, working=True)
st.caption(t("edit_intro"))

# A message from the run that saved or deleted (shown once, after the page reloaded the record).
ui.show_flash("edit")


def flash(lines: list[str]) -> None:
    """Keep what was saved, one line each, to show after the rerun (typed text escaped)."""
    ui.flash("edit", "  \n".join(escape_markdown(line) for line in lines))


def show_error(error: edits.EditError) -> None:
    """Show why a write was refused, one line per problem, exactly as typed."""
    st.error("  \n".join(escape_markdown(line) for line in error.message(lang).split("\n")), icon="⚠️")


# --- what to edit --------------------------------------------------------------------

names = list(datasets.DATASETS)
left, right = st.columns(2)
dataset = left.selectbox(
    t("edit_dataset"),
    names,
    format_func=lambda n: datasets.get(n).label(lang).capitalize(),
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
if "programme_code" in ds.field_names and rows:
    codes = sorted({r["programme_code"] for r in rows if r.get("programme_code")})
    programme = filters[1].selectbox(
        t("edit_programme_filter"),
        ["", *codes],
        format_func=lambda c: c or t("edit_all_programmes"),
        key=f"edit_programme_{dataset}",
    )
    if programme:
        rows = [r for r in rows if r.get("programme_code") == programme]
if more:
    st.info(t("edit_more_rows", count=ev.MAX_ROWS))


def field_key(name: str) -> str:
    return f"edit_field_{dataset}_{name}"


# --- one record in a form ----------------------------------------------------------------


def open_record(key_id: str) -> None:
    """Fill the form with the record's current values (or an empty form) and keep its version."""
    before, version = None, None
    if key_id != NEW:
        key = by_id[key_id]
        try:
            before, version = edits.get_record(con, dataset, key)
        except edits.NotFoundError:
            before, version = None, None
    texts = ev.form_texts(dataset, before, lang)
    if before is None and "municipality_code" in ds.field_names:
        texts["municipality_code"] = gm
    for f in ds.fields:
        st.session_state[field_key(f.name)] = texts[f.name] == "true" if f.kind == "bool" else texts[f.name]
    st.session_state["edit_opened"] = (dataset, key_id)
    st.session_state["edit_version"] = version
    st.session_state["edit_before"] = before


def reload_record() -> None:
    st.session_state.pop("edit_opened", None)


def typed_values(existing: bool) -> dict:
    values = {}
    for f in ds.fields:
        if f.auto == "sequence" and not existing:
            continue
        value = st.session_state.get(field_key(f.name))
        if f.kind == "bool":
            values[f.name] = "true" if value else "false"
        else:
            values[f.name] = value.strip() if isinstance(value, str) and value.strip() else None
    return values


def form_page() -> None:
    st.header(t("edit_form_header"))
    label_of = {
        kid: ev.key_label(key) + (f" – {by_row[kid]['name']}" if by_row[kid].get("name") else "")
        for kid, key in by_id.items()
    }
    options = ([NEW] if ds.insert else []) + list(by_id)
    pending = st.session_state.pop("edit_pick_next", None)
    pick_key = f"edit_pick_{dataset}"
    if pending is not None:
        st.session_state[pick_key] = pending if pending in options else options[0]
    picked = st.selectbox(
        t("edit_record"),
        options,
        format_func=lambda kid: t("edit_new_record") if kid == NEW else label_of[kid],
        key=pick_key,
    )
    if picked is None:
        return
    if st.session_state.get("edit_opened") != (dataset, picked):
        open_record(picked)
    existing = picked != NEW
    if existing:
        st.caption(t("edit_key_fixed"))
    for f in ds.fields:
        if f.auto == "sequence" and not existing:
            continue
        label = f.label(lang).capitalize() + (" *" if f.required and not f.auto else "")
        disabled = existing and f.name in ds.key
        key = field_key(f.name)
        if f.kind == "bool":
            st.checkbox(label, key=key, disabled=disabled)
        elif f.kind == "choice":
            choices = ["", *f.choices]
            if st.session_state.get(key) not in choices:
                st.session_state[key] = ""
            st.selectbox(
                label, choices, key=key, disabled=disabled, format_func=lambda c: c or t("edit_choice_empty")
            )
        else:
            hint = {"decimal": "edit_number_help", "float": "edit_number_help", "date": "edit_date_help"}
            st.text_input(label, key=key, disabled=disabled, help=t(hint[f.kind]) if f.kind in hint else None)
    save_col, delete_col, _ = st.columns([1, 1, 3])
    if save_col.button(t("edit_save"), type="primary", key="edit_save"):
        save(existing, picked)
    if existing and ds.delete and delete_col.button(t("edit_delete"), key="edit_delete"):
        st.session_state["edit_confirm_delete"] = (dataset, picked)
    if existing and st.session_state.get("edit_confirm_delete") == (dataset, picked):
        confirm_delete(picked)


def save(existing: bool, picked: str) -> None:
    before = st.session_state.get("edit_before") if existing else None
    version = st.session_state.get("edit_version") if existing else None
    if existing and version is None:
        version = "gone"  # the record vanished since it was opened: let the write path say so
    try:
        key = edits.save_record(
            con,
            actor,
            dataset,
            typed_values(existing),
            version,
            key=by_id[picked] if existing else None,
            decimal_mark=DECIMAL_MARK,
        )
    except edits.ConflictError as error:
        show_error(error)
        st.button(t("edit_reload"), on_click=reload_record, key="edit_reload")
        return
    except edits.EditError as error:
        show_error(error)
        return
    after, _ = edits.get_record(con, dataset, key)
    record = ev.key_label(key)
    changes = ev.changed_fields(dataset, before, after, lang)
    if not existing:
        lines = [t("edit_saved_new", record=record)]
    elif changes:
        lines = [t("edit_saved", record=record)]
    else:
        lines = [t("edit_saved_nothing", record=record)]
    if existing:
        lines += [t("edit_saved_change", field=f, old=o, new=n) for f, o, n in changes]
    flash(lines)
    st.session_state["edit_pick_next"] = ev.key_id(key)
    st.session_state.pop("edit_opened", None)
    st.rerun()


def confirm_delete(picked: str) -> None:
    record = ev.key_label(by_id[picked])
    st.warning(escape_markdown(t("edit_delete_confirm", record=record)), icon="⚠️")
    yes, no, _ = st.columns([1, 1, 3])
    if no.button(t("edit_delete_no"), key="edit_delete_no"):
        st.session_state.pop("edit_confirm_delete", None)
        st.rerun()
    if yes.button(t("edit_delete_yes"), key="edit_delete_yes"):
        st.session_state.pop("edit_confirm_delete", None)
        try:
            edits.delete_record(con, actor, dataset, by_id[picked], st.session_state.get("edit_version"))
        except edits.ConflictError as error:
            show_error(error)
            st.button(t("edit_reload"), on_click=reload_record, key="edit_reload_after_delete")
            return
        except edits.EditError as error:
            show_error(error)
            return
        flash([t("edit_deleted", record=record)])
        st.session_state["edit_pick_next"] = NEW
        st.session_state.pop("edit_opened", None)
        st.rerun()


# --- many records in a grid -----------------------------------------------------------


def column_config() -> dict:
    config = {}
    for f in ds.fields:
        label = f.label(lang).capitalize()
        if f.kind in ("decimal", "float", "int"):
            config[f.name] = st.column_config.NumberColumn(label, format="localized")
        elif f.kind == "date":
            fmt = "DD-MM-YYYY" if lang == "nl" else "YYYY-MM-DD"
            config[f.name] = st.column_config.DateColumn(label, format=fmt)
        elif f.kind == "bool":
            config[f.name] = st.column_config.CheckboxColumn(label)
        elif f.kind == "choice":
            config[f.name] = st.column_config.SelectboxColumn(label, options=list(f.choices))
        else:
            config[f.name] = st.column_config.TextColumn(label)
    return config


def grid_page() -> None:
    st.header(t("edit_grid_header"))
    st.caption(t("edit_grid_help"))
    scope = (dataset, gm, year, st.session_state.get(f"edit_programme_{dataset}", ""))
    snapshot = st.session_state.get("edit_grid_snapshot")
    if not snapshot or snapshot["scope"] != scope:
        snapshot = {
            "scope": scope,
            "frame": ev.grid_frame(dataset, rows),
            "versions": ev.versions(rows, dataset),
            "serial": (snapshot or {}).get("serial", 0) + 1,
        }
        st.session_state["edit_grid_snapshot"] = snapshot
    editor_key = f"edit_grid_{snapshot['serial']}"
    st.data_editor(
        snapshot["frame"],
        column_config=column_config(),
        num_rows="dynamic" if ds.insert and ds.delete else "fixed",
        hide_index=True,
        use_container_width=True,
        key=editor_key,
    )
    if not st.button(t("edit_save_grid"), type="primary", key="edit_save_grid"):
        return
    state = st.session_state.get(editor_key) or {}
    try:
        changes = ev.grid_changes(dataset, snapshot["frame"], state, snapshot["versions"])
        if changes.empty:
            st.info(t("edit_grid_nothing"))
            return
        try:
            edits.save_grid(
                con,
                actor,
                dataset,
                changes.edited,
                changes.deleted_keys,
                changes.expected_versions,
                decimal_mark=DECIMAL_MARK,
            )
        except edits.ValidationError as error:
            raise ev.renumber(error, changes.grid_rows) from None
    except edits.ConflictError as error:
        show_error(error)
        st.button(t("edit_reload"), on_click=lambda: st.session_state.pop("edit_grid_snapshot", None))
        return
    except edits.EditError as error:
        show_error(error)
        return
    flash([t("edit_grid_saved", edited=len(changes.edited), deleted=len(changes.deleted_keys))])
    st.session_state.pop("edit_grid_snapshot", None)
    st.rerun()


by_row = {ev.key_id(ev.record_key(dataset, r)): r for r in rows}
by_id = {kid: ev.record_key(dataset, r) for kid, r in by_row.items()}
if mode == "grid":
    grid_page()
else:
    form_page()
