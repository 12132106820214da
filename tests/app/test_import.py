"""The import page: only editors get in; every bad row is listed; a good file imports all or nothing."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from impactdash import config, startup, ui
from impactdash.store import db
from impactdash.write import edits, importer, permissions, users
from tests.app.conftest import ROOT

PAGE = "app_pages/import_data.py"
PASSWORDS = {u: p for u, p, _ in startup.DEMO_USERS}
HEADER = "entry_ref,programme_code,booking_date,amount,description,counterparty_kind"
GOOD = [
    "IMPT-001,DH-P03,2025-03-15,1234.56,Café *de* Impact,supplier",
    "IMPT-002,DH-P03,2025-12-31,-250.00,Creditnota café,supplier",
    "IMPT-003,DH-P19,2025-01-02,1234567.80,Bijdrage,partner",
]
BAD = [
    "IMPT-101,DH-P03,2025-03-15,12x,Goed bedoeld,supplier",  # row 2: amount is no number
    "IMPT-102,NO-SUCH,2025-03-15,10.00,Onbekend programma,supplier",  # row 3: programme unknown
    "IMPT-103,DH-P03,2025-03-15,20.00,Goede rij,supplier",  # row 4: fine
    "IMPT-104,DH-P03,31-02-2025,30.00,Geen datum,alien",  # row 5: date and kind wrong
]


def csv(rows: list[str]) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def sign_in(app, username: str, lang: str = "nl"):
    """Return an AppTest signed in as ``username`` that has switched to the import page."""
    at = signed_in(app, username, lang)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def upload(at, name: str, data: bytes, dataset: str = "spend"):
    at.selectbox(key="import_page_dataset").set_value(dataset).run()
    at.file_uploader(key="import_page_file").set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def state():
    """Row counts of every table, the import audit entries and the data version of the app's database."""
    con = ui.connection()
    cur = con.cursor()
    audit = cur.execute("select count(*) from audit_log where action = 'import'").fetchone()[0]
    return db.table_counts(con), audit, db.data_version(con)


def texts(at) -> str:
    return "\n".join(
        [e.value for e in at.error] + [e.value for e in at.markdown] + [e.value for e in at.warning]
    )


def staff_content(at) -> bool:
    return bool(at.get("file_uploader")) or any(h.value.startswith("1.") for h in at.header)


NO_ACCESS = "U heeft geen toegang tot deze pagina. Meld u aan met een account die dat recht heeft."


def signed_in(app, username: str | None, lang: str = "nl"):
    """Return an AppTest on the sign-in page, signed in as ``username`` (or still anonymous)."""
    at = app(lang, page="app_pages/sign_in.py")
    if username:
        at.text_input[0].input(username)
        at.text_input[1].input(PASSWORDS[username])
        at.button[-1].click().run()
        assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("username", [None, "reviewer.demo", "admin.demo"])
def test_page_is_not_in_the_navigation_without_the_import_right(app, demo_copy, username):
    at = signed_in(app, username)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
    assert not staff_content(at)


@pytest.mark.parametrize("username", [None, "reviewer.demo", "admin.demo"])
def test_page_file_run_directly_is_refused(app_db, monkeypatch, username):
    # As if the file were reached without the entry script (a stale session, a pages/ folder).
    monkeypatch.setenv(config.DB_ENV, str(app_db))
    at = AppTest.from_file(str(ROOT / PAGE), default_timeout=60)
    if username:
        at.session_state[ui.ACTOR_KEY] = username
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert [e.value for e in at.error] == [NO_ACCESS]
    assert not staff_content(at)
    assert not at.title


def test_session_that_loses_the_right_loses_the_page(app, demo_copy):
    at = sign_in(app, "editor.demo")
    assert at.get("file_uploader")
    con = db.connect(demo_copy)  # an administrator takes the editor role away
    try:
        users.set_roles(
            con, permissions.Actor("admin.demo", frozenset({"admin"})), "editor.demo", ["reviewer"]
        )
    finally:
        con.close()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not staff_content(at)


def test_editor_sees_the_page_in_dutch(app, demo_copy):
    at = sign_in(app, "editor.demo")
    assert at.title[0].value == "Importeren"
    assert [h.value for h in at.header] == ["1. Kies de gegevens", "2. Upload het bestand"]
    assert at.file_uploader(key="import_page_file").label == "Bestand (CSV of .xlsx)"
    assert not at.error


def test_good_csv_imports_once_and_reimport_changes_nothing(app, demo_copy):
    at = sign_in(app, "editor.demo")
    counts, audit, version = state()
    upload(at, "uitgaven.csv", csv(GOOD))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Rijen": "3", "Nieuw": "3", "Gewijzigd": "0", "Ongewijzigd": "0"}
    assert not at.error
    # The preview lists the change, not the file: three new records with their values, in Dutch.
    table = at.dataframe[-1].value
    assert list(table.columns) == ["Rij", "Record", "Wijziging", "Veld", "Oud", "Nieuw", "Let op"]
    assert list(table["Rij"]) == ["2", "3", "4"] and set(table["Wijziging"]) == {"nieuw"}
    assert "Bedrag: 1.234,56" in table["Nieuw"].iloc[0]
    assert "Café *de* Impact" in table["Nieuw"].iloc[0]  # a data frame shows text as typed, no Markdown
    button = at.button(key="import_page_apply")
    assert not button.disabled
    button.click().run()
    assert not at.exception, [e.message for e in at.exception]
    after, audit_after, version_after = state()
    assert after["spend"] == counts["spend"] + 3
    assert after["import_change"] == counts["import_change"] + 3  # the import's values, kept to revert it
    written = ("spend", "audit_log", "data_version", "import_change")
    assert {k: v for k, v in after.items() if k not in written} == {
        k: v for k, v in counts.items() if k not in written
    }
    assert audit_after == audit + 1
    assert version_after > version
    assert "3 rijen, 3 nieuw, 0 gewijzigd, 0 ongewijzigd" in at.success[0].value
    # The same file again: every row is unchanged, the button is off, nothing is written.
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Ongewijzigd"] == "3" and metrics["Nieuw"] == "0"
    assert at.button(key="import_page_apply").disabled
    assert any("verandert niets" in i.value for i in at.info)
    upload(at, "uitgaven-opnieuw.csv", csv(GOOD))
    assert at.button(key="import_page_apply").disabled
    assert not at.success
    assert state() == (after, audit_after, version_after)


def test_bad_rows_are_each_listed_and_nothing_changes(app, demo_copy):
    at = sign_in(app, "editor.demo")
    before = state()
    upload(at, "uitgaven.csv", csv(BAD))
    shown = texts(at)
    assert "problemen gevonden; er wordt niets geïmporteerd" in at.error[0].value
    assert "Rij 2, veld ‘bedrag’" in shown
    assert "Rij 3, veld ‘programma’" in shown
    assert "Rij 5, veld ‘boekingsdatum’" in shown
    assert "Rij 5, veld ‘soort wederpartij’" in shown
    assert "Rij 4" not in shown
    assert at.button(key="import_page_apply").disabled  # a browser cannot click it either
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Rijen": "4", "Nieuw": "4", "Gewijzigd": "0", "Ongewijzigd": "0"}
    assert state() == before


def test_bad_rows_in_english(app, demo_copy):
    at = sign_in(app, "editor.demo", "en")
    assert at.title[0].value == "Import"
    upload(at, "spend.csv", csv(BAD))
    shown = texts(at)
    assert "Row 2, field ‘amount’" in shown
    assert "nothing will be imported" in at.error[0].value
    assert {m.label for m in at.metric} == {"Rows", "New", "Changed", "Unchanged"}


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("uitgaven.xlsx", csv(GOOD), "is geen Excel-werkmap"),
        ("uitgaven.csv", b"", "Het bestand is leeg."),
        ("uitgaven.csv", HEADER.encode() + b"\n", "alleen een kopregel"),
        ("uitgaven.xls", b"\xd0\xcf\x11\xe0 old excel", "Oude Excel-bestanden (.xls)"),
        ("uitgaven.csv", b"wat,is,dit\n1,2,3\n", "Deze kolommen zijn onbekend"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(app, demo_copy, name, data, message):
    at = sign_in(app, "editor.demo")
    before = state()
    upload(at, name, data)
    assert len(at.error) == 1 and message in at.error[0].value
    assert not at.exception
    assert not at.get("button") or all(b.key != "import_page_apply" for b in at.button)
    assert state() == before


def test_real_workbook_imports(app, demo_copy):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["IMPT-X1", "DH-P03", "2025-04-01", 99.5, "Werkmap", "partner"])
    buffer = io.BytesIO()
    book.save(buffer)
    at = sign_in(app, "editor.demo")
    counts, audit, _ = state()
    at.selectbox(key="import_page_dataset").set_value("spend").run()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="import_page_file").set_value(("uitgaven.xlsx", buffer.getvalue(), xlsx)).run()
    assert not at.error
    at.button(key="import_page_apply").click().run()
    assert not at.exception, [e.message for e in at.exception]
    after, audit_after, _ = state()
    assert after["spend"] == counts["spend"] + 1 and audit_after == audit + 1
    assert "1 nieuw" in at.success[0].value


@pytest.mark.parametrize(
    ("lang", "columns", "note", "confirm"),
    [
        (
            "nl",
            ["Rij", "Record", "Wijziging", "Veld", "Oud", "Nieuw", "Let op"],
            "gewijzigd door",
            "Ik heb deze",
        ),
        (
            "en",
            ["Row", "Record", "Change", "Field", "Old", "New", "Note"],
            "changed by",
            "I have seen this row",
        ),
    ],
)
def test_a_row_that_undoes_an_edit_is_flagged_and_imports_only_once_confirmed(
    app, demo_copy, lang, columns, note, confirm
):
    """Issue 11: the template re-imported after a grid edit undid it unseen (9.400 back to 9.350)."""
    at = sign_in(app, "editor.demo", lang)
    key = ("DH-P01", 2018, "original")
    con = ui.connection()
    _, version = edits.get_record(con, "budget", key)
    row = {"programme_code": "DH-P01", "year": "2018", "moment": "original", "amount": "373400"}
    editor = permissions.Actor("editor.demo", frozenset({"editor"}))
    edits.save_grid(con, editor, "budget", pd.DataFrame([row]), expected_versions={key: version})
    upload(at, "sjabloon-budget.csv", importer.template("budget"), dataset="budget")
    table = at.dataframe[-1].value
    assert list(table.columns) == columns
    flagged = table[table[columns[-1]] != ""]
    assert list(flagged[columns[4]]) == (["373.400"] if lang == "nl" else ["373,400"])
    assert list(flagged[columns[5]]) == (["373.000"] if lang == "nl" else ["373,000"])
    assert flagged[columns[-1]].iloc[0].startswith(f"{note} editor.demo")
    assert f"2 (DH-P01 / 2018 / original): {note} editor.demo" in at.warning[0].value.replace("\\", "")
    assert at.button(key="import_page_apply").disabled
    # The filter: only the rows that would undo an edit.
    at.selectbox(key="import_page_show").set_value("overwrite").run()
    assert at.dataframe[-1].value[columns[1]].tolist() == ["DH-P01 / 2018 / original"]
    box = at.checkbox(key="import_page_confirm")
    assert box.label.startswith(confirm)
    box.check().run()
    at.button(key="import_page_apply").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert edits.get_record(con, "budget", key)[0]["amount"] == 373000
