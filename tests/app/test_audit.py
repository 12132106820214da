"""The audit trail page: who may see it, an editor sees only their own entries, revert works and refuses."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config, ui
from impactdash.store import db
from impactdash.write import edits, importer, permissions

from .conftest import ROOT

PAGE = "app_pages/audit.py"
EDITOR = permissions.Actor("editor.demo", frozenset({"editor"}), "Editor Demo")
NEW_NAME = "Impacthub Binckhorst (audittest)"


@pytest.fixture
def changed_copy(demo_copy):
    """The demo copy with one change by the editor (a property renamed)."""
    con = db.connect(demo_copy)
    try:
        _, version = edits.get_record(con, "property", "DH-V01")
        edits.save_record(con, EDITOR, "property", {"code": "DH-V01", "name": NEW_NAME}, version)
    finally:
        con.close()
    return demo_copy


def open_page(monkeypatch, path, username: str | None, lang: str = "nl") -> AppTest:
    monkeypatch.setenv(config.DB_ENV, str(path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = lang
    if username:
        at.session_state["actor"] = username
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def labels(at: AppTest) -> list[str]:
    return [e.label.replace("\\", "") for e in at.expander]


NO_ACCESS = "U heeft geen toegang tot deze pagina. Meld u aan met een account die dat recht heeft."


def assert_refused(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert [e.value for e in at.error] == [NO_ACCESS]
    assert not at.title and not at.header and not at.expander and not at.button and not at.table


def test_anonymous_visitor_is_not_offered_the_page(app):
    at = app("nl")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_anonymous_visitor_is_refused_running_the_page_file_itself(app_db, monkeypatch):
    monkeypatch.setenv(config.DB_ENV, str(app_db))
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60).run()
    assert_refused(at)


def test_signed_out_session_is_refused_on_the_page_itself(monkeypatch, app_db):
    at = open_page(monkeypatch, app_db, "editor.demo")
    assert [t.value for t in at.title] == ["Audittrail"]
    monkeypatch.setenv(config.DB_ENV, str(app_db))
    direct = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    direct.session_state["actor"] = "no.such.user"
    assert_refused(direct.run())


def test_reviewer_sees_everybodys_entries_and_the_change(monkeypatch, changed_copy):
    at = open_page(monkeypatch, changed_copy, "reviewer.demo")
    assert [t.value for t in at.title] == ["Audittrail"]
    assert [h.value for h in at.header] == ["Zoeken", "Resultaten"]
    found = labels(at)
    assert any("editor.demo" in x and "gewijzigd" in x and "DH" in x for x in found), found
    assert any("cli" in x and "gebruiker aangemaakt" in x for x in found), found
    # The changed field with its value before and after, and no other field.
    table = at.table[0].value
    assert list(table.columns) == ["Veld", "Voor", "Na"]
    assert list(table.iloc[:, 0]) == ["naam"]
    assert "audittest" in table.iloc[0, 2]
    assert any(b.label == "Terugdraaien" for b in at.button)


def test_editor_sees_only_own_entries_and_cannot_revert(monkeypatch, changed_copy):
    at = open_page(monkeypatch, changed_copy, "editor.demo")
    assert not at.error
    found = labels(at)
    assert found and all("editor.demo" in x for x in found), found
    assert not any(b.label == "Terugdraaien" for b in at.button)
    person = next(s for s in at.selectbox if s.label == "Persoon")
    assert person.options == ["editor.demo"] and person.disabled


def test_search_by_data_set_and_record_key(monkeypatch, changed_copy):
    at = open_page(monkeypatch, changed_copy, "admin.demo", lang="en")
    assert [t.value for t in at.title] == ["Audit trail"]
    at.text_input[0].input("admin.demo").run()
    found = labels(at)
    assert len(found) == 1 and "user created" in found[0] and "admin.demo" in found[0], found
    assert at.markdown[-1].value.startswith("1 audit entry found.")
    at.text_input[0].input("no such key").run()
    assert [i.value for i in at.info][1:] == ["No audit entries match this search."]  # after the demo banner


def revert_button(at: AppTest, index: int):
    """The revert button of the ``index``-th entry shown (keyed by its audit id, in its caption)."""
    audit_id = at.expander[index].caption[0].value.rsplit(" ", 1)[-1]
    return at.button(key=f"audit_revert_{audit_id}")


def test_revert_undoes_the_change_and_a_refusal_shows_its_message(monkeypatch, changed_copy):
    at = open_page(monkeypatch, changed_copy, "reviewer.demo")
    change = next(i for i, x in enumerate(labels(at)) if "editor.demo" in x and "gewijzigd" in x)
    # Only changes of figures offer a revert: a user's creation (or a sign-in) has nothing to undo.
    created = next(i for i, x in enumerate(labels(at)) if "gebruiker aangemaakt" in x)
    assert not [b for b in at.expander[created].button if b.label == "Terugdraaien"]
    revert_button(at, change).click().run()
    assert not at.exception
    assert at.success and "teruggedraaid" in at.success[0].value
    values, _ = edits.get_record(ui.connection(), "property", "DH-V01")
    assert values["name"] != NEW_NAME
    # The revert is itself an entry, newest first; the change it undid cannot be reverted again.
    assert "teruggedraaid" in labels(at)[0]
    change = next(i for i, x in enumerate(labels(at)) if "editor.demo" in x and "gewijzigd" in x)
    revert_button(at, change).click().run()
    assert not at.exception
    assert len(at.error) == 1
    assert "het record is daarna nog gewijzigd" in at.error[0].value


@pytest.fixture
def imported_copy(demo_copy):
    """The demo copy with an import by the editor (one budget changed, one added), then an edit of the new one."""
    con = db.connect(demo_copy)
    try:
        rows = "programme_code,year,moment,amount\nDH-P01,2018,spring,384500\nDH-P01,2040,original,1000\n"
        frame = importer.read_upload("begroting.csv", rows.encode(), dataset="budget")
        importer.apply(con, EDITOR, "budget", frame)
        _, version = edits.get_record(con, "budget", ("DH-P01", 2040, "original"))
        values = {"programme_code": "DH-P01", "year": "2040", "moment": "original", "amount": "2000"}
        edits.save_record(con, EDITOR, "budget", values, version)
    finally:
        con.close()
    return demo_copy


def test_an_import_shows_its_values_and_reverts_as_one_unit_once_later_edits_are_included(
    monkeypatch, imported_copy
):
    at = open_page(monkeypatch, imported_copy, "reviewer.demo")
    entry = next(i for i, x in enumerate(labels(at)) if "geïmporteerd" in x)
    table = at.expander[entry].dataframe[0].value
    assert list(table.columns) == ["Record", "Wijziging", "Veld", "Voor", "Na"]
    assert table.values.tolist() == [
        ["DH-P01 / 2018 / spring", "gewijzigd", "Bedrag", "384.000", "384.500"],
        ["DH-P01 / 2040 / original", "nieuw", "", "–", "Bedrag: 1.000"],
    ]
    at.expander[entry].button(key=next(b.key for b in at.expander[entry].button)).click().run()
    assert not at.exception, [e.message for e in at.exception]
    # Refused: the added budget was edited after the import; the entry offers to revert it too.
    assert len(at.error) == 1 and "DH-P01 / 2040 / original" in at.error[0].value
    assert edits.get_record(ui.connection(), "budget", ("DH-P01", 2018, "spring"))[0]["amount"] == 384500
    entry = next(
        i for i, x in enumerate(labels(at)) if "geïmporteerd" in x and "import teruggedraaid" not in x
    )
    force = [b for b in at.expander[entry].button if b.label == "Ook deze records terugdraaien"]
    force[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.success and "teruggedraaid" in at.success[0].value
    assert edits.get_record(ui.connection(), "budget", ("DH-P01", 2018, "spring"))[0]["amount"] == 384000
    with pytest.raises(edits.NotFoundError):
        edits.get_record(ui.connection(), "budget", ("DH-P01", 2040, "original"))
    assert "import teruggedraaid" in labels(at)[0]


def test_an_imports_values_are_shown_in_english(monkeypatch, imported_copy):
    at = open_page(monkeypatch, imported_copy, "reviewer.demo", lang="en")
    entry = next(i for i, x in enumerate(labels(at)) if "imported" in x)
    table = at.expander[entry].dataframe[0].value
    assert list(table.columns) == ["Record", "Change", "Field", "Before", "After"]
    assert table.values.tolist()[0] == ["DH-P01 / 2018 / spring", "changed", "Amount", "384,000", "384,500"]
