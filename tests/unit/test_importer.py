"""Import: what Dutch and English Excel produce is read; bad files and rows are refused; all or nothing."""

from __future__ import annotations

import codecs
import datetime as dt
import decimal
import io
import json
import shutil

import openpyxl
import pandas as pd
import pytest

from impactdash import config
from impactdash.store import db
from impactdash.write import edits, importer, permissions
from impactdash.write.datasets import DATASETS

ERIK = permissions.Actor("erik", frozenset({"editor"}))
HEADER = "entry_ref,programme_code,booking_date,amount,description,counterparty_kind"
ISO_ROWS = [
    ("IMP-001", "DH-P03", "2025-03-15", "1234.56", "Café de Impact", "supplier"),
    ("IMP-002", "DH-P03", "2025-12-31", "-250.00", "Creditnota café", "supplier"),
    ("IMP-003", "DH-P19", "2025-01-02", "1234567.80", "Bijdrage", "partner"),
]


def snapshot(con):
    counts = db.table_counts(con)
    sums = {
        t: con.execute(
            f"select md5(coalesce(string_agg(x::varchar, chr(10) order by x::varchar), '')) from \"{t}\" x"
        ).fetchone()[0]
        for t in ("spend", "budget", "note", "audit_log")
    }
    return counts, sums, db.data_version(con)


def iso_csv(rows=ISO_ROWS) -> bytes:
    return ("\n".join([HEADER, *(",".join(r) for r in rows)]) + "\n").encode("utf-8")


def dutch_csv() -> bytes:
    """What Dutch Excel writes: semicolons, decimal comma, thousands dots, dd-mm-yyyy, Windows-1252."""
    lines = [
        "Boekingsnummer;Programma;Boekingsdatum;Bedrag;Omschrijving;Soort wederpartij",
        "IMP-001;DH-P03;15-03-2025;€ 1.234,56;Café de Impact;Supplier",
        "IMP-002;DH-P03;31-12-2025;-250,00;Creditnota café;supplier",
        'IMP-003;DH-P19;2-1-2025;"1.234.567,80";Bijdrage;PARTNER',
    ]
    return "\r\n".join(lines).encode("cp1252") + b"\r\n"


def spend_rows(con, prefix="IMP-"):
    return con.execute(
        "select * from spend where entry_ref like $p order by entry_ref", {"p": prefix + "%"}
    ).fetchall()


@pytest.fixture
def con(demo_copy):
    connection = db.connect(demo_copy)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def shared(demo_db_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("imports") / "impact.duckdb"
    shutil.copy(demo_db_file, path)
    connection = db.connect(path)
    yield connection
    connection.close()


# --- re-importing the demo changes nothing ----------------------------------------


@pytest.mark.parametrize("name", sorted(n for n in DATASETS if (config.DEMO_DIR / f"{n}.csv").exists()))
def test_reimporting_a_demo_file_changes_nothing(shared, name):
    data = (config.DEMO_DIR / f"{name}.csv").read_bytes()
    frame = importer.read_upload(f"{name}.csv", data, dataset=name)
    before = snapshot(shared)
    result = importer.apply(shared, ERIK, name, frame)
    assert (result.inserts, result.updates, result.unchanged) == (0, 0, len(frame)) and result.ok
    assert snapshot(shared) == before  # no row, no audit entry, no new data version


# --- what civil servants' Excel produces --------------------------------------------


def test_dutch_excel_csv_imports_the_same_values_as_the_iso_file(demo_db_file, tmp_path):
    results = []
    for name, data in (("iso.csv", iso_csv()), ("nl.csv", dutch_csv())):
        path = tmp_path / name.replace(".csv", ".duckdb")
        shutil.copy(demo_db_file, path)
        con = db.connect(path)
        frame = importer.read_upload(name, data, dataset="spend")
        result = importer.apply(con, ERIK, "spend", frame)
        assert result.inserts == 3
        results.append(spend_rows(con))
        con.close()
    assert results[0] == results[1]
    assert results[0][0][3] == decimal.Decimal("1234.56") and results[0][0][4] == "Café de Impact"
    assert results[0][2][2] == dt.date(2025, 1, 2) and results[0][2][3] == decimal.Decimal("1234567.80")


def test_one_import_is_one_audit_entry_and_one_new_data_version(con):
    version = db.data_version(con)
    result = importer.apply(
        con, ERIK, "spend", importer.read_upload("uitgaven.csv", iso_csv(), dataset="spend")
    )
    assert (result.total, result.inserts) == (3, 3)
    (entry,) = con.execute(
        "select actor, dataset, detail, record_key from audit_log where action = 'import'"
    ).fetchall()
    assert entry[:2] == ("erik", "spend") and entry[3] is None
    assert json.loads(entry[2]) == {
        "file": "uitgaven.csv",
        "rows": 3,
        "inserted": 3,
        "updated": 0,
        "unchanged": 0,
    }
    assert db.data_version(con) == version + 1
    # Importing it again changes nothing; one changed row is an update.
    again = importer.apply(
        con, ERIK, "spend", importer.read_upload("uitgaven.csv", iso_csv(), dataset="spend")
    )
    assert (again.inserts, again.updates, again.unchanged) == (0, 0, 3)
    changed = [(*ISO_ROWS[0][:3], "99.00", *ISO_ROWS[0][4:]), *ISO_ROWS[1:]]
    third = importer.apply(
        con, ERIK, "spend", importer.read_upload("u.csv", iso_csv(changed), dataset="spend")
    )
    assert (third.inserts, third.updates, third.unchanged) == (0, 1, 2)
    assert spend_rows(con)[0][3] == 99
    assert db.data_version(con) == version + 2


def test_xlsx_made_with_openpyxl_imports(con):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        ["Boekingsnummer", "Programma", "Boekingsdatum", "Bedrag", "Omschrijving", "Soort wederpartij"]
    )
    sheet.append(["IMP-001", "DH-P03", dt.datetime(2025, 3, 15), 1234.56, "Café de Impact", "supplier"])
    sheet.append(["IMP-002", "DH-P03", dt.date(2025, 12, 31), -250, "Creditnota café", "supplier"])
    sheet.append([None, None, None, None, None, None])  # an empty row in the middle is skipped
    sheet.append(["IMP-003", "DH-P19", "02-01-2025", "1.234.567,80", "Bijdrage", "partner"])
    buffer = io.BytesIO()
    book.save(buffer)
    frame = importer.read_upload("uitgaven.xlsx", buffer.getvalue(), dataset="spend")
    assert list(frame.index) == [2, 3, 5]
    assert importer.apply(con, ERIK, "spend", frame).inserts == 3
    iso = importer.read_upload("iso.csv", iso_csv(), dataset="spend")
    assert importer.preview(con, "spend", iso).unchanged == 3  # the same values as the ISO file


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: text.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "cp1252"],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_encodings_and_delimiters(delimiter, encode):
    text = "\r\n".join(delimiter.join(r) for r in [HEADER.split(","), *ISO_ROWS]) + "\r\n"
    frame = importer.read_upload("x.csv", encode(text), dataset="spend")
    assert frame.loc[2, "description"] == "Café de Impact" and len(frame) == 3


def test_columns_match_by_name_or_label_in_any_case_and_order(shared):
    text = "BEDRAG;Booking date;entry_ref;Programme;soort wederpartij\n12,50;01-02-2025;IMP-9;DH-P03;other\n"
    frame = importer.read_upload("x.csv", text.encode(), dataset="spend")
    assert list(frame.columns) == [
        "amount",
        "booking_date",
        "entry_ref",
        "programme_code",
        "counterparty_kind",
    ]
    assert importer.preview(shared, "spend", frame).inserts == 1


def test_multi_line_cells_and_blank_lines_keep_spreadsheet_row_numbers(shared):
    text = (
        HEADER
        + '\nIMP-1,DH-P03,2025-01-01,1,"regel een\nregel twee",supplier\n\nIMP-2,DH-P03,2025-01-01,x,y,supplier\n'
    )
    frame = importer.read_upload("x.csv", text.encode(), dataset="spend")
    assert list(frame.index) == [2, 4]
    (problem,) = importer.preview(shared, "spend", frame).problems
    assert problem.message("nl") == "Rij 4, veld ‘bedrag’: ‘x’ is geen getal."


def test_an_optional_column_left_out_keeps_the_stored_values(con):
    before = con.execute(
        "select iv3_task_field from budget where programme_code = 'DH-P01' and year = 2018 order by moment"
    ).fetchall()
    text = "programme_code,year,moment,amount\nDH-P01,2018,original,1\n"
    result = importer.apply(
        con, ERIK, "budget", importer.read_upload("b.csv", text.encode(), dataset="budget")
    )
    assert result.updates == 1
    after = con.execute(
        "select iv3_task_field from budget where programme_code = 'DH-P01' and year = 2018 order by moment"
    ).fetchall()
    assert after == before and after[0][0] is not None


def test_notes_are_added_once(con):
    text = (
        "subject_kind,subject_code,municipality_code,period_start,period_end,body,visibility,author\n"
        "programme,DH-P01,GM0518,01-01-2025,31-12-2025,Nieuwe toelichting,public,\n"
    )
    frame = importer.read_upload("n.csv", text.encode(), dataset="note")
    assert importer.apply(con, ERIK, "note", frame).inserts == 1
    assert importer.apply(con, ERIK, "note", frame).unchanged == 1
    assert con.execute("select author from note where body = 'Nieuwe toelichting'").fetchall() == [("erik",)]


# --- refused files --------------------------------------------------------------------


def xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("filename", "data", "key"),
    [
        ("uitgaven.xlsx", iso_csv(), "import_not_xlsx"),
        ("uitgaven.xlsx", b"PK\x03\x04 not really a zip", "import_not_xlsx"),
        ("uitgaven.csv", xlsx_bytes(), "import_not_csv"),
        ("uitgaven.csv", b"", "import_empty"),
        ("uitgaven.xlsx", b"", "import_empty"),
        ("uitgaven.csv", b"  \r\n\r\n", "import_empty"),
        ("uitgaven.csv", codecs.BOM_UTF8, "import_empty"),
        ("uitgaven.csv", (HEADER + "\n").encode(), "import_header_only"),
        ("uitgaven.csv", (HEADER + "\n,,,,,\n\n , ,,,,\n").encode(), "import_header_only"),
        ("uitgaven.pdf", b"%PDF-1.7", "import_unknown_type"),
        ("uitgaven", iso_csv(), "import_unknown_type"),
        ("uitgaven.xls", b"\xd0\xcf\x11\xe0", "import_old_excel"),
        ("uitgaven.csv", b"\x00\x01\x02\xff\xfe\x00binary", "import_unreadable"),
        (
            "uitgaven.csv",
            (HEADER + "\nIMP-1,DH-P03,2025-01-01,1,x\nIMP-2,DH-P03,2025-01-01,1,x,supplier,extra\n").encode(),
            "import_ragged_rows",
        ),
        ("uitgaven.csv", b"entry_ref,programme_code\nIMP-1,DH-P03\n", "import_missing_columns"),
        (
            "uitgaven.csv",
            (HEADER + ",colour\n" + ",".join(ISO_ROWS[0]) + ",red\n").encode(),
            "import_unknown_columns",
        ),
        (
            "uitgaven.csv",
            (HEADER + ",Bedrag\n" + ",".join(ISO_ROWS[0]) + ",1\n").encode(),
            "import_duplicate_columns",
        ),
        ("uitgaven.csv", (HEADER + ",\n" + ",".join(ISO_ROWS[0]) + ",9\n").encode(), "import_unnamed_column"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.startswith("import_") else "",
)
def test_unreadable_files_are_refused_with_a_clear_message(filename, data, key):
    with pytest.raises(importer.UploadError) as err:
        importer.read_upload(filename, data, dataset="spend")
    assert err.value.message_key == key
    for lang in ("nl", "en"):
        text = err.value.message(lang)
        assert text and "{" not in text and "Traceback" not in text


def test_missing_and_unknown_columns_are_listed():
    with pytest.raises(importer.UploadError) as err:
        importer.read_upload("x.csv", b"entry_ref,programme_code\nIMP-1,DH-P03\n", dataset="spend")
    assert err.value.params["columns"] == "booking_date, amount, counterparty_kind"
    with pytest.raises(importer.UploadError) as err:
        importer.read_upload(
            "x.csv", (HEADER + ",kleur,maat\n" + ",".join(ISO_ROWS[0]) + ",a,b\n").encode(), dataset="spend"
        )
    assert err.value.params["columns"] == "kleur, maat"


def test_a_file_over_the_limit_is_refused_before_reading():
    with pytest.raises(importer.UploadError) as err:
        importer.read_upload("x.csv", iso_csv() * 1000, max_bytes=10_000, dataset="spend")
    assert err.value.message_key == "import_too_large" and "MB" in err.value.message("nl")


def test_refused_import_writes_nothing(shared):
    before = snapshot(shared)
    for name, data in (("a.xlsx", iso_csv()), ("b.csv", b"")):
        with pytest.raises(importer.UploadError):
            importer.apply(shared, ERIK, "spend", importer.read_upload(name, data, dataset="spend"))
    assert snapshot(shared) == before


# --- bad rows ------------------------------------------------------------------------------


def test_every_bad_row_is_listed_and_nothing_is_written(shared):
    rows = [
        ("IMP-1", "DH-P03", "2025-01-01", "12,5x", "a", "supplier"),
        ("IMP-2", "DH-P98", "2025-01-01", "1", "b", "supplier"),
        ("IMP-3", "DH-P03", "31-12-25", "1", "c", "supplier"),
        ("IMP-4", "DH-P03", "2025-01-01", "0", "d", "klant"),
        ("IMP-1", "DH-P03", "2025-01-01", "1", "e", "supplier"),
        ("IMP-6", "DH-P03", "2025-01-01", "1", "f", "supplier"),
    ]
    frame = importer.read_upload("x.csv", iso_csv_quoted(rows), dataset="spend")
    before = snapshot(shared)
    with pytest.raises(edits.ValidationError) as err:
        importer.apply(shared, ERIK, "spend", frame)
    found = [(p.row, p.field, p.message_key) for p in err.value.problems]
    assert found == [
        (2, "amount", "edit_not_number"),
        (3, "programme_code", "edit_reference"),
        (4, "booking_date", "edit_not_date"),
        (5, "amount", "edit_zero"),
        (5, "counterparty_kind", "edit_not_choice"),
        (6, "entry_ref", "edit_duplicate_row"),
    ]
    assert err.value.preview.total == 6 and not err.value.preview.ok
    assert (
        err.value.problems[-1].message("nl")
        == "Rij 6, veld ‘boekingsnummer’: ‘IMP-1’ (boekingsnummer) staat al in rij 2."
    )
    assert snapshot(shared) == before


def test_problems_are_counted_all_but_reported_up_to_the_limit(shared):
    rows = [(f"IMP-{i}", "DH-P03", "2025-01-01", "x", "", "supplier") for i in range(1500)]
    result = importer.preview(shared, "spend", importer.read_upload("x.csv", iso_csv(rows), dataset="spend"))
    assert result.problem_count == 1500 and len(result.problems) == 1000
    assert result.problems[0].row == 2 and result.problems[-1].row == 1001


@pytest.mark.parametrize("text", ["'); drop table spend; --", "1; delete from budget", '=HYPERLINK("x")'])
def test_sql_in_any_import_cell_is_stored_as_text(con, text):
    counts = db.table_counts(con)
    rows = [(text, "DH-P03", "2025-01-01", "1", text, "supplier")]
    importer.apply(con, ERIK, "spend", importer.read_upload("x.csv", iso_csv_quoted(rows), dataset="spend"))
    assert spend_rows(con, text) == [
        (text, "DH-P03", dt.date(2025, 1, 1), decimal.Decimal("1.00"), text, "supplier")
    ]
    after = db.table_counts(con)
    assert after["spend"] == counts["spend"] + 1 and after["budget"] == counts["budget"]
    # In a field that must match something, it is just a value that does not exist.
    bad = [("IMP-X", text, "2025-01-01", text, text, text)]
    with pytest.raises(edits.ValidationError) as err:
        importer.apply(
            con, ERIK, "spend", importer.read_upload("x.csv", iso_csv_quoted(bad), dataset="spend")
        )
    assert {p.message_key for p in err.value.problems} == {
        "edit_reference",
        "edit_not_number",
        "edit_not_choice",
    }
    assert db.table_counts(con) == after


def iso_csv_quoted(rows) -> bytes:
    out = io.StringIO()
    pd.DataFrame(rows, columns=HEADER.split(",")).to_csv(out, index=False)
    return out.getvalue().encode()


@pytest.mark.parametrize("actor", [permissions.ANONYMOUS, permissions.Actor("rosa", frozenset({"reviewer"}))])
def test_only_editors_import(shared, actor):
    before = snapshot(shared)
    with pytest.raises(permissions.PermissionDenied):
        importer.apply(shared, actor, "spend", importer.read_upload("x.csv", iso_csv(), dataset="spend"))
    assert snapshot(shared) == before


# --- templates ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_template_has_the_columns_and_imports_cleanly(shared, name):
    data = importer.template(name)
    assert data.startswith(codecs.BOM_UTF8)
    header = data.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == list(DATASETS[name].import_columns)
    if len(data.decode("utf-8-sig").splitlines()) > 1:
        result = importer.preview(shared, name, importer.read_upload(f"{name}.csv", data, dataset=name))
        assert result.ok and result.unchanged == result.total  # the examples are the demo's own first rows


def test_preview_works_on_a_read_only_connection(demo_con):
    result = importer.preview(demo_con, "spend", importer.read_upload("x.csv", iso_csv(), dataset="spend"))
    assert (result.total, result.inserts, result.ok) == (3, 3, True)


def test_excels_sep_line_is_understood():
    text = "sep=;\r\n" + "\r\n".join(";".join(r) for r in [HEADER.split(","), *ISO_ROWS]) + "\r\n"
    frame = importer.read_upload("x.csv", text.encode(), dataset="spend")
    assert list(frame.index) == [2, 3, 4] and frame.loc[2, "amount"] == "1234.56"
