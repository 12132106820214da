"""The edit page: only editors get in; a form save changes the public figures; bad or stale input is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config, i18n, startup, ui
from impactdash.store import db
from impactdash.write import edits, permissions, sessions, users

ROOT = Path(__file__).resolve().parents[2]
PAGE = "app_pages/edit.py"
PASSWORDS = {u: p for u, p, _ in startup.DEMO_USERS}
NO_ACCESS = "U heeft geen toegang tot deze pagina. Meld u aan met een account die dat recht heeft."


ADMIN = permissions.Actor("admin.demo", frozenset({"admin"}), "Admin Demo")


def sign_in(app, username: str, lang: str = "nl"):
    at = app(lang, page="app_pages/sign_in.py")
    at.text_input[0].input(username)
    at.text_input[1].input(PASSWORDS[username])
    at.button[-1].click().run()
    assert not at.exception
    return at


def open_edit(at):
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def field(at, label: str):
    return next(w for w in at.text_input if w.label.rstrip(" *") == label)


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def working_con(demo_copy):
    # The app's own cached connection (one per process and file).
    return ui.sources._connection(str(demo_copy))


def open_budget_record(at, con, gm: str):
    """Open the latest budget line (year, moment) of one programme of ``gm``; return its key and row."""
    at.selectbox(key="edit_dataset").set_value("budget").run()
    rows = db.run_query(con, "edit_rows_budget", municipality=gm)
    # The final budget of a past year is the one the public budget figures use.
    first = rows[(rows["year"] == 2025) & (rows["moment"] == "final")].iloc[0]
    key = (first["programme_code"], int(first["year"]), first["moment"])
    kid = "\x1f".join(str(k) for k in key)
    at.selectbox(key="edit_pick_budget").set_value(kid).run()
    assert not at.exception, [e.message for e in at.exception]
    return key


def no_staff_content(at) -> bool:
    return all(s.key != "edit_dataset" for s in at.selectbox) and all(b.label != "Opslaan" for b in at.button)


def run_page_alone(path, monkeypatch, actor: str | None = None) -> AppTest:
    """Run the page file on its own, as a typed URL to an auto-discovered page would."""
    monkeypatch.setenv(config.DB_ENV, str(path))
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    if actor:
        at.session_state[ui.ACTOR_KEY] = actor
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("actor", [None, "reviewer.demo"])
def test_the_page_file_on_its_own_refuses_anonymous_and_reviewer(app_db, monkeypatch, actor):
    at = run_page_alone(app_db, monkeypatch, actor)
    assert errors(at) == [NO_ACCESS]
    assert no_staff_content(at)


def test_the_page_file_on_its_own_lets_the_editor_in(app_db, monkeypatch):
    at = run_page_alone(app_db, monkeypatch, "editor.demo")
    assert not at.error
    assert not no_staff_content(at)


def test_anonymous_cannot_switch_to_the_page_nor_find_it_in_the_menu(app):
    at = app("nl")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_reviewer_cannot_switch_to_the_page(app, demo_copy):
    at = sign_in(app, "reviewer.demo")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


@pytest.mark.parametrize("change", ["signed_out_elsewhere", "roles_changed"])
def test_a_session_that_loses_the_role_loses_the_page(app, demo_copy, change):
    at = open_edit(sign_in(app, "editor.demo"))
    assert not no_staff_content(at)
    con = db.connect(demo_copy)
    try:
        if change == "signed_out_elsewhere":  # sign-out in another tab ends the session
            sessions.end(con, at.session_state[ui.SESSION_KEY])
        else:  # an administrator takes the editor role away
            users.set_roles(con, ADMIN, "editor.demo", ["reviewer"])
    finally:
        con.close()
    at.run()
    assert not at.exception
    assert no_staff_content(at)


def test_editor_changes_a_budget_amount_and_the_budget_figures_change(app, demo_copy):
    at = open_edit(sign_in(app, "editor.demo"))
    assert not at.error
    con = working_con(demo_copy)
    gm = at.session_state[ui.MUNICIPALITY_KEY]
    key = open_budget_record(at, con, gm)
    before, _ = edits.get_record(con, "budget", key)
    year_before = db.run_query(con, "budget_by_year", municipality=gm, instrument="all")
    amount = field(at, "Bedrag")
    new_amount = float(before["amount"]) + 1234.56
    amount.input(f"{new_amount:.2f}".replace(".", ",")).run()
    at.button(key="edit_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, errors(at)
    message = at.success[0].value
    assert "Bedrag" in message and "→" in message, message
    assert i18n.fmt_number(new_amount, "nl", 2).replace(".", "\\.") in message, message
    after, _ = edits.get_record(con, "budget", key)
    assert float(after["amount"]) == pytest.approx(new_amount)
    year_after = db.run_query(con, "budget_by_year", municipality=gm, instrument="all")
    assert year_after["budget"].sum() != pytest.approx(year_before["budget"].sum())


def test_a_negative_amount_is_refused_naming_the_field(app, demo_copy):
    at = open_edit(sign_in(app, "editor.demo"))
    con = working_con(demo_copy)
    key = open_budget_record(at, con, at.session_state[ui.MUNICIPALITY_KEY])
    before, version = edits.get_record(con, "budget", key)
    field(at, "Bedrag").input("-5").run()
    at.button(key="edit_save").click().run()
    assert not at.exception
    text = " ".join(errors(at))
    assert "Bedrag" in text.replace("\\", "") or "bedrag" in text.replace("\\", ""), text
    assert field(at, "Bedrag").value == "-5"
    assert edits.get_record(con, "budget", key) == (before, version)


def test_a_stale_version_is_refused_and_the_typed_value_stays(app, demo_copy):
    at = open_edit(sign_in(app, "editor.demo"))
    con = working_con(demo_copy)
    key = open_budget_record(at, con, at.session_state[ui.MUNICIPALITY_KEY])
    current, version = edits.get_record(con, "budget", key)
    # Someone else saves the same record after it was opened here.
    other = loader_actor(con)
    edits.save_record(
        con,
        other,
        "budget",
        {**edits.as_text("budget", current), "amount": str(float(current["amount"]) + 1)},
        version,
        key=key,
    )
    changed, _ = edits.get_record(con, "budget", key)
    field(at, "Bedrag").input("777,77").run()
    at.button(key="edit_save").click().run()
    assert not at.exception
    # Said in words: who changed it meanwhile (the audit trail knows), and that the input stays.
    said = [e.replace("\\", "") for e in errors(at)]
    assert any(
        "intussen gewijzigd door editor.demo op" in e and "Uw invoer staat er nog" in e for e in said
    ), said
    assert field(at, "Bedrag").value == "777,77"
    assert edits.get_record(con, "budget", key)[0] == changed
    # The offered button loads the newest version into the form.
    at.button(key="edit_reload").click().run()
    # Formatted as Dutch writes it (issue 12): 1.234,56.
    assert field(at, "Bedrag").value == i18n.fmt_number(float(changed["amount"]), "nl", 2)


def test_a_record_deleted_meanwhile_is_said_to_be_and_the_typed_values_stay(app, demo_copy):
    # Issue 12: the form became "New record", lost the input, and Save said "5 problems… is required".
    at = open_edit(sign_in(app, "editor.demo"))
    con = working_con(demo_copy)
    key = open_budget_record(at, con, at.session_state[ui.MUNICIPALITY_KEY])
    picked = at.selectbox(key="edit_pick_budget").value
    _, version = edits.get_record(con, "budget", key)
    edits.delete_record(con, loader_actor(con), "budget", key, version)  # someone else, elsewhere
    field(at, "Bedrag").input("777,77").run()
    assert at.selectbox(key="edit_pick_budget").value == picked  # still this record, not a new one
    warned = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "Dit record is intussen verwijderd door editor.demo op" in warned, warned
    at.button(key="edit_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    said = " ".join(errors(at)).replace("\\", "")
    assert "Dit record is intussen verwijderd door editor.demo op" in said, said
    assert "verplicht" not in said and "probleem" not in said
    assert field(at, "Bedrag").value == "777,77"
    # Saved again as a new record, with what was typed.
    at.button(key="edit_save_as_new").click().run()
    assert not at.exception and not at.error, errors(at)
    assert float(edits.get_record(con, "budget", key)[0]["amount"]) == pytest.approx(777.77)


def test_references_are_chosen_by_name_and_labels_are_the_texts(app):
    # Issue 12: "Editing asks for DH-A-ENTERPRISES, impact_enterprises, GM0518"; "Cbs-code".
    at = open_edit(app("nl", municipality="GM0518", signed_in="editor.demo"))
    at.selectbox(key="edit_dataset").set_value("ambition").run()
    assert not at.exception, [e.message for e in at.exception]
    boxes = {b.label: b for b in at.selectbox}
    measure, town = boxes["Maatstaf *"], boxes["Gemeente *"]
    assert "Impactondernemingen (impact_enterprises)" in measure.options, measure.options
    assert any(o.endswith("(GM0518)") and not o.startswith("GM") for o in town.options), town.options
    records = at.selectbox(key="edit_pick_ambition").options
    assert any(o.startswith("Impactondernemingen") and "(DH-A-ENTERPRISES)" in o for o in records), records
    at.selectbox(key="edit_dataset").set_value("municipality").run()
    labels = [w.label for w in at.text_input]
    assert "CBS-code *" in labels and "Cbs-code *" not in labels, labels


def test_a_spend_line_dated_after_the_reporting_date_is_saved_with_a_warning(app, demo_copy):
    # Issue 12: "A spend line dated 2099 is accepted silently."
    at = open_edit(sign_in(app, "editor.demo"))
    con = working_con(demo_copy)
    at.selectbox(key="edit_dataset").set_value("spend").run()
    gm = at.session_state[ui.MUNICIPALITY_KEY]
    programme = db.run_query(con, "edit_rows_programme", municipality=gm)["code"].iloc[0]
    field(at, "Boekingsnummer").input("LATE-2099").run()
    next(b for b in at.selectbox if b.label == "Programma *").set_value(programme).run()
    field(at, "Boekingsdatum").input("01-03-2099").run()
    field(at, "Bedrag").input("1.350,00").run()
    next(b for b in at.selectbox if b.label == "Soort wederpartij *").set_value("supplier").run()
    at.button(key="edit_save").click().run()
    assert not at.exception and not at.error, errors(at)
    warned = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "Boekingsdatum 01-03-2099 ligt na de peildatum" in warned and "klopt het jaartal?" in warned, (
        warned
    )
    assert edits.get_record(con, "spend", "LATE-2099")[0]["booking_date"].year == 2099


def loader_actor(con):
    from impactdash.write import auth

    return auth.load_actor(con, "editor.demo")


def open_grid(app, demo_copy):
    at = open_edit(sign_in(app, "editor.demo"))
    at.selectbox(key="edit_dataset").set_value("budget").run()
    at.radio(key="edit_mode").set_value("grid").run()
    assert not at.exception, [e.message for e in at.exception]
    con = working_con(demo_copy)
    frame = at.session_state["edit_grid_snapshot"]["frame"]
    editor_key = f"edit_grid_{at.session_state['edit_grid_snapshot']['serial']}"
    return at, con, frame, editor_key


def test_grid_refuses_a_bad_row_naming_row_and_field_and_changes_nothing(app, demo_copy):
    at, con, frame, editor_key = open_grid(app, demo_copy)
    version_before = db.data_version(con)
    at.session_state[editor_key] = {
        "edited_rows": {"0": {"amount": 100.0}, "2": {"amount": -5.0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="edit_save_grid").click().run()
    assert not at.exception, [e.message for e in at.exception]
    text = " ".join(errors(at)).replace("\\", "")
    assert "Rij 3, veld ‘bedrag’" in text, text
    assert "Rij 1" not in text
    assert db.data_version(con) == version_before


def test_grid_saves_all_changes_at_once(app, demo_copy):
    at, con, frame, editor_key = open_grid(app, demo_copy)
    key = tuple(frame.iloc[1][k] for k in ("programme_code", "year", "moment"))
    at.session_state[editor_key] = {
        "edited_rows": {"1": {"amount": 4321.5}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="edit_save_grid").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, errors(at)
    assert "1 record toegevoegd of gewijzigd" in at.success[0].value.replace("\\", "")
    assert float(edits.get_record(con, "budget", key)[0]["amount"]) == pytest.approx(4321.5)
