"""The edit page's two ways to edit: one record in a form, many in a grid (Streamlit only).

What they show and how typed text is read lives in :mod:`impactdash.views.edit`; every
write goes through :mod:`impactdash.write.edits`. After a write the page reruns, with a
message kept by :func:`impactdash.ui.session.flash` saying what was written.
"""

from __future__ import annotations

import dataclasses

import duckdb
import streamlit as st

from impactdash import i18n
from impactdash.errors import UserFacingError
from impactdash.safe_text import escape_markdown
from impactdash.ui.session import flash
from impactdash.views import edit as ev
from impactdash.write import datasets, edits, permissions


@dataclasses.dataclass
class Editing:
    """What is being edited: by whom, which data set, which loaded rows, in which language.

    ``names`` are the readable names of the records its fields refer to (read from the
    database when not given).
    """

    con: duckdb.DuckDBPyConnection
    actor: permissions.Actor
    dataset: str
    municipality: str
    year: int | None
    rows: list[dict]
    lang: str
    names: ev.Names | None = None
    by_row: dict[str, dict] = dataclasses.field(init=False)
    by_id: dict[str, tuple] = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        self.by_row, self.by_id = ev.records_by_id(self.dataset, self.rows)
        if self.names is None:
            self.names = ev.names_from_rows(edits.reference_names(self.con), self.lang)

    @property
    def ds(self) -> datasets.Dataset:
        """The data set's definition: fields, key, what may be inserted and deleted."""
        return datasets.get(self.dataset)

    def t(self, key: str, **values) -> str:
        """Return the text ``key`` in the page's language."""
        return i18n.t(key, self.lang, **values)


# --- one record in a form ----------------------------------------------------------------


def record_form(editing: Editing) -> None:
    """Pick a record (or a new one), edit its fields, save or delete it."""
    ds, t = editing.ds, editing.t
    st.header(t("edit_form_header"))
    _show_late_dates()
    picked = _pick_record(editing)
    if picked is None:
        return
    if st.session_state.get("edit_opened") != (editing.dataset, picked):
        _open_record(editing, picked)
    existing = picked != ev.NEW
    # Someone else deleted or changed the open record: say so above the form (filled below,
    # once it is known whether this run's Save says it instead), and keep what was typed.
    meanwhile = _meanwhile(editing, picked) if existing else None
    notice = st.empty()
    if existing:
        st.caption(t("edit_key_fixed"))
    for f in ev.form_fields(editing.dataset, existing):
        _field_widget(editing, f, disabled=existing and f.name in ds.key)
    save_col, delete_col, _ = st.columns([1, 1, 3])
    saving = save_col.button(t("edit_save"), type="primary", key="edit_save")
    if meanwhile == "gone" and ds.insert and delete_col.button(t("edit_save_as_new"), key="edit_save_as_new"):
        _save(editing, False, ev.NEW)
    elif saving:
        _save(editing, existing, picked)
    elif meanwhile:
        notice.warning(escape_markdown(_meanwhile_line(editing, picked, meanwhile)), icon="⚠️")
        if meanwhile == "changed":
            st.button(editing.t("edit_reload"), on_click=_reload_record, key="edit_reload_changed")
    deletable = existing and meanwhile != "gone" and ds.delete
    if deletable and delete_col.button(t("edit_delete"), key="edit_delete"):
        st.session_state["edit_confirm_delete"] = (editing.dataset, picked)
    if existing and st.session_state.get("edit_confirm_delete") == (editing.dataset, picked):
        _confirm_delete(editing, picked)


def _meanwhile(editing: Editing, picked: str) -> str | None:
    """Return 'gone' or 'changed' when the open record was deleted or changed since it was opened."""
    if picked not in editing.by_row:
        return "gone"
    version = st.session_state.get("edit_version")
    if version is not None and edits.record_version(editing.by_row[picked]) != version:
        return "changed"
    return None


def _meanwhile_line(editing: Editing, picked: str, meanwhile: str) -> str:
    """Say who deleted or changed the open record meanwhile, and when (from the audit trail)."""
    key = st.session_state.get("edit_open_key") or editing.by_id.get(picked)
    change = edits.last_change(editing.con, editing.dataset, key) if key is not None else None
    return ev.elsewhere_line(change, meanwhile == "gone", editing.lang)


def _show_late_dates() -> None:
    """Show the dates of the last save that lie after the reporting date (saved, but worth a look)."""
    lines = st.session_state.pop("edit_late_dates", None)
    if lines:
        st.warning("  \n".join(escape_markdown(line) for line in lines), icon="⚠️")


def _keep_late_dates(editing: Editing, records: list[dict]) -> None:
    """Keep a warning for every saved date after the reporting date, to show after the rerun."""
    reporting = edits.reporting_date(editing.con)
    lines = [
        line for row in records for line in ev.late_date_lines(editing.dataset, row, reporting, editing.lang)
    ]
    if lines:
        st.session_state["edit_late_dates"] = [editing.t("edit_saved_but"), *lines]


def _field_key(dataset: str, name: str) -> str:
    return f"edit_field_{dataset}_{name}"


def _pick_record(editing: Editing) -> str | None:
    """Show the record list (after a save: the saved record picked); return the picked record's id."""
    label_of = {
        kid: ev.record_label(editing.dataset, key, editing.by_row[kid], editing.names, editing.lang)
        for kid, key in editing.by_id.items()
    }
    options = ([ev.NEW] if editing.ds.insert else []) + list(editing.by_id)
    # The open record, deleted meanwhile by someone else, stays chosen: the form must not turn
    # into a new record and lose what was typed. Its label stays as it was (the browser keeps
    # a choice by its label); the form above says that it was deleted.
    opened = st.session_state.get("edit_opened")
    if opened and opened[0] == editing.dataset and opened[1] not in label_of and opened[1] != ev.NEW:
        label_of[opened[1]] = st.session_state.get("edit_open_label") or opened[1]
        options.append(opened[1])
    pending = st.session_state.pop("edit_pick_next", None)
    pick_key = f"edit_pick_{editing.dataset}"
    if pending is not None:
        st.session_state[pick_key] = pending if pending in options else options[0]
    return st.selectbox(
        editing.t("edit_record"),
        options,
        format_func=lambda kid: editing.t("edit_new_record") if kid == ev.NEW else label_of[kid],
        key=pick_key,
    )


def _open_record(editing: Editing, key_id: str) -> None:
    """Fill the form with the record's current values (or an empty form) and keep its version."""
    dataset, ds = editing.dataset, editing.ds
    before, version = None, None
    if key_id != ev.NEW:
        try:
            before, version = edits.get_record(editing.con, dataset, editing.by_id[key_id])
        except edits.NotFoundError:
            before, version = None, None
    texts = ev.form_texts(dataset, before, editing.lang)
    if before is None and "municipality_code" in ds.field_names:
        texts["municipality_code"] = editing.municipality
    for f in ds.fields:
        st.session_state[_field_key(dataset, f.name)] = ev.widget_value(f, texts[f.name])
    st.session_state["edit_opened"] = (dataset, key_id)
    st.session_state["edit_version"] = version
    st.session_state["edit_before"] = before
    if key_id != ev.NEW:
        key = editing.by_id[key_id]
        st.session_state["edit_open_key"] = key
        row = editing.by_row[key_id]
        st.session_state["edit_open_label"] = ev.record_label(dataset, key, row, editing.names, editing.lang)


def _field_widget(editing: Editing, f: datasets.Field, *, disabled: bool) -> None:
    """Show one field: a checkbox, a list of choices (may be left empty), or a text box."""
    label, key = ev.form_label(f, editing.lang), _field_key(editing.dataset, f.name)
    if f.kind == "bool":
        st.checkbox(label, key=key, disabled=disabled)
    elif f.kind == "choice":
        choices = ["", *f.choices]
        if st.session_state.get(key) not in choices:
            st.session_state[key] = ""
        st.selectbox(
            label,
            choices,
            key=key,
            disabled=disabled,
            format_func=lambda c: (
                ev.choice_label(editing.dataset, f.name, c, editing.lang) or editing.t("edit_choice_empty")
            ),
        )
    elif f.references and f.references[0] in editing.names.names:
        # Chosen by name, the code second; the value kept (and stored) is the code.
        table = f.references[0]
        current = st.session_state.get(key)
        choices = ["", *editing.names.options(table, editing.municipality, current)]
        st.selectbox(
            label,
            choices,
            key=key,
            disabled=disabled,
            format_func=lambda c: editing.names.label(table, c) or editing.t("edit_reference_empty"),
        )
    else:
        st.text_input(label, key=key, disabled=disabled, help=ev.form_help(f, editing.lang))


def _save(editing: Editing, existing: bool, picked: str) -> None:
    """Write the form; on success keep what changed, pick the saved record and rerun."""
    before = st.session_state.get("edit_before") if existing else None
    version = st.session_state.get("edit_version") if existing else None
    if existing and version is None:
        version = "gone"  # the record vanished since it was opened: let the write path say so
    entered = {f.name: st.session_state.get(_field_key(editing.dataset, f.name)) for f in editing.ds.fields}
    try:
        key = edits.save_record(
            editing.con,
            editing.actor,
            editing.dataset,
            ev.typed_values(editing.dataset, entered, existing),
            version,
            key=(editing.by_id.get(picked) or st.session_state.get("edit_open_key")) if existing else None,
            decimal_mark=ev.decimal_mark(editing.lang),
        )
    except edits.ConflictError:
        # Say what happened to the record and who did it; what was typed stays in the form.
        meanwhile = _meanwhile(editing, picked) or "changed"
        st.error(escape_markdown(_meanwhile_line(editing, picked, meanwhile)), icon="⚠️")
        if meanwhile == "changed":
            st.button(editing.t("edit_reload"), on_click=_reload_record, key="edit_reload")
        return
    except UserFacingError as error:  # a refusal, or a full disk, a read-only folder, a lock
        _show_error(error, editing.lang)
        return
    after, _ = edits.get_record(editing.con, editing.dataset, key)
    changes = ev.changed_fields(editing.dataset, before, after, editing.lang, editing.names)
    _flash(ev.saved_lines(ev.key_label(key), existing, changes, editing.lang))
    _keep_late_dates(editing, [after])
    st.session_state["edit_pick_next"] = ev.key_id(key)
    st.session_state.pop("edit_opened", None)
    st.rerun()


def _confirm_delete(editing: Editing, picked: str) -> None:
    """Ask whether to delete the record; on yes delete it, keep what was deleted and rerun."""
    t = editing.t
    record = ev.key_label(editing.by_id[picked])
    st.warning(escape_markdown(t("edit_delete_confirm", record=record)), icon="⚠️")
    yes, no, _ = st.columns([1, 1, 3])
    if no.button(t("edit_delete_no"), key="edit_delete_no"):
        st.session_state.pop("edit_confirm_delete", None)
        st.rerun()
    if yes.button(t("edit_delete_yes"), key="edit_delete_yes"):
        st.session_state.pop("edit_confirm_delete", None)
        try:
            edits.delete_record(
                editing.con,
                editing.actor,
                editing.dataset,
                editing.by_id[picked],
                st.session_state.get("edit_version"),
            )
        except edits.ConflictError as error:
            _show_error(error, editing.lang)
            st.button(t("edit_reload"), on_click=_reload_record, key="edit_reload_after_delete")
            return
        except UserFacingError as error:  # a refusal, or a full disk, a read-only folder, a lock
            _show_error(error, editing.lang)
            return
        _flash([t("edit_deleted", record=record)])
        st.session_state["edit_pick_next"] = ev.NEW
        st.session_state.pop("edit_opened", None)
        st.rerun()


def _reload_record() -> None:
    st.session_state.pop("edit_opened", None)


# --- many records in a grid -----------------------------------------------------------


def record_grid(editing: Editing) -> None:
    """Edit the loaded rows in a grid (add and delete rows where the data set allows); save all or none."""
    ds, t = editing.ds, editing.t
    st.header(t("edit_grid_header"))
    _show_late_dates()
    st.caption(t("edit_grid_help"))
    snapshot = _grid_snapshot(editing)
    editor_key = f"edit_grid_{snapshot['serial']}"
    st.data_editor(
        snapshot["frame"],
        column_config=_column_config(editing, snapshot["frame"]),
        num_rows="dynamic" if ds.insert and ds.delete else "fixed",
        hide_index=True,
        use_container_width=True,
        key=editor_key,
    )
    if not st.button(t("edit_save_grid"), type="primary", key="edit_save_grid"):
        return
    state = st.session_state.get(editor_key) or {}
    try:
        changes = ev.grid_changes(editing.dataset, snapshot["frame"], state, snapshot["versions"])
        if changes.empty:
            st.info(t("edit_grid_nothing"))
            return
        try:
            saved = edits.save_grid(
                editing.con,
                editing.actor,
                editing.dataset,
                changes.edited,
                changes.deleted_keys,
                changes.expected_versions,
                decimal_mark=ev.decimal_mark(editing.lang),
            )
        except edits.ValidationError as error:
            raise ev.renumber(error, changes.grid_rows) from None
    except edits.ConflictError as error:
        _show_error(error, editing.lang)
        st.button(t("edit_reload"), on_click=lambda: st.session_state.pop("edit_grid_snapshot", None))
        return
    except UserFacingError as error:  # a refusal, or a full disk, a read-only folder, a lock
        _show_error(error, editing.lang)
        return
    deleted = len(changes.deleted_keys)
    _flash([i18n.plural("edit_grid_saved", len(changes.edited), editing.lang, deleted=deleted)])
    _keep_late_dates(editing, [edits.get_record(editing.con, editing.dataset, key)[0] for key in saved])
    st.session_state.pop("edit_grid_snapshot", None)
    st.rerun()


def _grid_snapshot(editing: Editing) -> dict:
    """Return the grid's rows and versions as first shown, kept until the scope changes or a save.

    The data editor's state holds changes against the frame it was given: the frame must
    not change under it. A new snapshot gets a new serial, so a new, empty editor.
    """
    programme = st.session_state.get(f"edit_programme_{editing.dataset}", "")
    scope = (editing.dataset, editing.municipality, editing.year, programme, editing.lang)
    snapshot = st.session_state.get("edit_grid_snapshot")
    if not snapshot or snapshot["scope"] != scope:
        snapshot = {
            "scope": scope,
            "frame": ev.grid_frame(editing.dataset, editing.rows, editing.lang),
            "versions": ev.versions(editing.rows, editing.dataset),
            "serial": (snapshot or {}).get("serial", 0) + 1,
        }
        st.session_state["edit_grid_snapshot"] = snapshot
    return snapshot


def _column_config(editing: Editing, frame) -> dict:
    """Return the grid's columns: labels and numbers in the page's language, references by name.

    Numbers are text as the page's language writes them, references are chosen by name
    (the code second), choices in words.
    """
    config, lang, names = {}, editing.lang, editing.names
    for f in editing.ds.fields:
        label = ev.field_label(f, lang)
        if ev.grid_as_text(f):
            # Text in the page's language (1.350,5): a number column would use the browser's.
            config[f.name] = st.column_config.TextColumn(label, alignment="right", help=ev.form_help(f, lang))
        elif f.kind == "int":
            config[f.name] = st.column_config.NumberColumn(label, format="%d", step=1)
        elif f.kind == "date":
            config[f.name] = st.column_config.DateColumn(
                label, format=i18n.widget_date_format(lang, grid=True)
            )
        elif f.kind == "bool":
            config[f.name] = st.column_config.CheckboxColumn(label)
        elif f.kind == "choice":
            config[f.name] = st.column_config.SelectboxColumn(
                label,
                options=list(f.choices),
                format_func=lambda c, name=f.name: ev.choice_label(editing.dataset, name, c, lang),
            )
        elif f.references and f.references[0] in names.names:
            table = f.references[0]
            options = names.options(table, editing.municipality)
            options += sorted({str(v) for v in frame[f.name].dropna()} - set(options))
            config[f.name] = st.column_config.SelectboxColumn(
                label, options=options, format_func=lambda c, table=table: names.label(table, c)
            )
        else:
            config[f.name] = st.column_config.TextColumn(label)
    return config


# --- messages ---------------------------------------------------------------------------


def _flash(lines: list[str]) -> None:
    """Keep what was written, one line each, to show after the rerun (typed text escaped)."""
    flash("edit", "  \n".join(escape_markdown(line) for line in lines))


def _show_error(error: edits.EditError, lang: str) -> None:
    """Show why a write was refused, one line per problem, exactly as typed."""
    st.error("  \n".join(escape_markdown(line) for line in error.message(lang).split("\n")), icon="⚠️")
