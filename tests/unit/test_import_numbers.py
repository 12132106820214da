"""Numbers are never guessed: files as Dutch and English Excel save them, read right or refused.

Every "Save as" type a civil servant may choose is written here the way Excel writes it
(separator, encoding, numbers as the cells display them), for a budget (amounts, two
decimals) and for occupancy (m², a decimal field beside whole numbers), and imported into
a copy of the demo database. What is stored is asserted; a value that could mean two
things and that the file does not settle is refused with row, field and both readings.
The rule is in the docstring of ``impactdash.write.staging``.
"""

from __future__ import annotations

import codecs
import csv
import decimal
import io
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from impactdash import config, startup
from impactdash.store import db, loader
from impactdash.views import edit as edit_view
from impactdash.write import edits, importer, permissions, staging
from impactdash.write.datasets import DATASETS
from impactdash.write.validation import ValidationError

EDITOR = permissions.Actor("erik", frozenset({"editor"}))
D = decimal.Decimal
ROOT = Path(__file__).resolve().parents[2]

# --- the files ---------------------------------------------------------------------

BUDGET_HEADERS = {
    "template": ["programme_code", "year", "moment", "amount"],
    "nl": ["Programma", "Jaar", "P&C-moment", "Bedrag"],
    "en": ["Programme", "Year", "P&C moment", "Amount"],
}
OCCUPANCY_HEADERS = {
    "template": ["property_code", "year", "quarter", "occupied_m2", "tenants", "impact_tenants"],
    "nl": ["Pand", "Jaar", "Kwartaal", "Verhuurd (m²)", "Huurders", "Impacthuurders"],
    "en": ["Property", "Year", "Quarter", "Occupied (m²)", "Tenants", "Impact tenants"],
}
#: The amounts of the issue: 384000 and 1250, as each Excel displays them (format #,##0).
BUDGET = {"nl": ["384.000", "1.250"], "en": ["384,000", "1,250"], "numbers": [384000, 1250]}
BUDGET_STORED = [D("384000.00"), D("1250.00")]
#: Occupancy of 560, 1035 and 1250 m², with 1.035 tenants written the same way.
OCCUPANCY = {"nl": ["560", "1.035", "1.250"], "en": ["560", "1,035", "1,250"], "numbers": [560, 1035, 1250]}
OCCUPANCY_STORED = [560.0, 1035.0, 1250.0]


def budget_rows(values: list) -> list[list]:
    return [["DH-P01", 2041, "original", values[0]], ["DH-P01", 2041, "spring", values[1]]]


def occupancy_rows(values: list, tenants: object) -> list[list]:
    """Three quarters; the second has ``tenants`` tenants (1035, as the Excel writes it)."""
    return [["DH-V01", 2041, q + 1, v, tenants if q == 1 else 7, 6] for q, v in enumerate(values)]


def text_file(header: list[str], rows: list[list], separator: str, encoding: str) -> bytes:
    """A CSV or text file as Excel saves it: CRLF, quotes only where needed, the encoding's BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[str(v) for v in row] for row in rows])
    text = out.getvalue()
    if encoding == "utf-16":  # "Unicode text": UTF-16 little endian with its BOM
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-8-sig":  # "CSV UTF-8"
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)


def workbook(header: list[str], rows: list[list], numeric: bool) -> bytes:
    """An .xlsx whose figures are number cells, or text cells (typed with a leading ' or format @)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([v if numeric or not isinstance(v, int) else str(v) for v in row])
    if not numeric:
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                cell.number_format = "@"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


#: How Excel saves a sheet: file name, separator, encoding (Dutch Excel's names).
SAVE_AS = {
    "csv": ("x.csv", None, "cp1252"),  # CSV (gescheiden door lijstscheidingsteken) / CSV (Comma delimited)
    "csv-utf8": ("x.csv", None, "utf-8-sig"),  # CSV UTF-8
    "unicode-text": ("x.txt", "\t", "utf-16"),  # Unicode-tekst / Unicode Text
    "text": ("x.txt", "\t", "cp1252"),  # Tekst (tab-gescheiden) / Text (Tab delimited)
}
LIST_SEPARATOR = {"nl": ";", "en": ","}


def saved(excel: str, save_as: str, headers: dict, header: str, rows: list[list]) -> tuple[str, bytes]:
    """Return (file name, bytes) of ``rows`` saved by ``excel`` ('nl' or 'en') as ``save_as``."""
    if save_as.startswith("xlsx"):
        return "x.xlsx", workbook(headers[header], rows, numeric=save_as == "xlsx-numbers")
    name, separator, encoding = SAVE_AS[save_as]
    return name, text_file(headers[header], rows, separator or LIST_SEPARATOR[excel], encoding)


# --- importing ---------------------------------------------------------------------


@pytest.fixture
def con(demo_copy):
    connection = db.connect(demo_copy)
    yield connection
    connection.close()


def stored_budget(con) -> list:
    sql = (
        "select amount from budget where programme_code = 'DH-P01' and year = 2041"
        " order by moment = 'final', moment"  # original, spring, then final
    )
    return [r[0] for r in con.execute(sql).fetchall()]


def stored_occupancy(con) -> list:
    sql = "select occupied_m2, tenants from occupancy where property_code = 'DH-V01' and year = 2041 order by quarter"
    return con.execute(sql).fetchall()


def imported(con, dataset: str, filename: str, data: bytes):
    """Import the file; return None, or the refusal's problems in Dutch."""
    frame = importer.read_upload(filename, data, dataset=dataset)
    try:
        importer.apply(con, EDITOR, dataset, frame)
    except ValidationError as err:
        return [p.message("nl") for p in err.problems]
    return None


#: (Excel, Save as, header) → read (True) or refused (False). A file says its convention by
#: its separator (; or ,) or by a header in one language; tab-separated text from the
#: template says nothing, so 384.000 in it is refused, never stored as 384 or 384000 by luck.
CASES = [
    ("nl", "csv", "template", True),
    ("nl", "csv", "nl", True),
    ("nl", "csv-utf8", "template", True),
    ("nl", "unicode-text", "template", False),
    ("nl", "unicode-text", "nl", True),
    ("nl", "text", "template", False),
    ("nl", "text", "nl", True),
    ("nl", "xlsx-numbers", "template", True),
    ("nl", "xlsx-numbers", "nl", True),
    ("nl", "xlsx-text", "template", False),
    ("nl", "xlsx-text", "nl", True),
    ("en", "csv", "template", True),
    ("en", "csv", "en", True),
    ("en", "csv-utf8", "template", True),
    ("en", "unicode-text", "template", False),
    ("en", "unicode-text", "en", True),
    ("en", "text", "template", False),
    ("en", "text", "en", True),
    ("en", "xlsx-numbers", "en", True),
    ("en", "xlsx-text", "template", False),
    ("en", "xlsx-text", "en", True),
]
IDS = [f"{excel}-{save_as}-{header}" for excel, save_as, header, _ in CASES]


@pytest.mark.parametrize(("excel", "save_as", "header", "read"), CASES, ids=IDS)
def test_budget_as_excel_saves_it(con, excel, save_as, header, read):
    values = BUDGET["numbers"] if save_as == "xlsx-numbers" else BUDGET[excel]
    problems = imported(con, "budget", *saved(excel, save_as, BUDGET_HEADERS, header, budget_rows(values)))
    if read:
        assert problems is None
        assert stored_budget(con) == BUDGET_STORED
    else:
        assert stored_budget(con) == []  # nothing written: not 384.00, not 1.25
        if excel == "nl":
            assert problems == [
                "Rij 2, veld ‘bedrag’: ‘384.000’ kan 384000 of 384 zijn: het bestand laat niet zien of de punt"
                " duizendtallen of decimalen scheidt. Schrijf 384000 of 384.",
                "Rij 3, veld ‘bedrag’: ‘1.250’ kan 1250 of 1,25 zijn: het bestand laat niet zien of de punt"
                " duizendtallen of decimalen scheidt. Schrijf 1250 of 1,25.",
            ]
        else:
            assert [p.split(": ‘")[1].split(" zijn")[0] for p in problems] == [
                "384,000’ kan 384000 of 384",
                "1,250’ kan 1250 of 1,25",
            ]


@pytest.mark.parametrize(("excel", "save_as", "header", "read"), CASES, ids=IDS)
def test_occupancy_as_excel_saves_it(con, excel, save_as, header, read):
    numbers = save_as == "xlsx-numbers"
    values = OCCUPANCY["numbers"] if numbers else OCCUPANCY[excel]
    rows = occupancy_rows(values, 1035 if numbers else OCCUPANCY[excel][1])
    problems = imported(con, "occupancy", *saved(excel, save_as, OCCUPANCY_HEADERS, header, rows))
    if read:
        assert problems is None
        # Whole numbers (tenants) read 1.035 as 1035 whatever the file: 1,035 tenants is no reading.
        assert stored_occupancy(con) == [(560.0, 7), (1035.0, 1035), (1250.0, 7)]
    else:
        assert stored_occupancy(con) == []
        assert len(problems) == 2 and all("verhuurd (m²)" in p for p in problems)
        assert "Rij 3, veld ‘verhuurd (m²)’: ‘1" in problems[0] and "kan 1035 of 1,035 zijn" in problems[0]


# --- regressions: each failure of issue 11 ------------------------------------------


def dutch_unicode_text(header: list[str], rows: list[list]) -> bytes:
    return text_file(header, rows, "\t", "utf-16")


def test_regression_utf16_tab_budget_is_not_stored_as_384_and_1_25(con):
    data = dutch_unicode_text(BUDGET_HEADERS["template"], budget_rows(BUDGET["nl"]))
    problems = imported(con, "budget", "begroting.txt", data)
    assert stored_budget(con) != [D("384.00"), D("1.25")]
    assert problems and "kan 1250 of 1,25 zijn" in problems[1]


def test_regression_plain_tab_budget_is_not_stored_as_384_and_1_25(con):
    data = text_file(BUDGET_HEADERS["template"], budget_rows(BUDGET["nl"]), "\t", "cp1252")
    problems = imported(con, "budget", "begroting.txt", data)
    assert stored_budget(con) == [] and len(problems) == 2


def test_regression_xlsx_text_cells_are_not_stored_as_384_and_1_25(con):
    problems = imported(
        con,
        "budget",
        "begroting.xlsx",
        workbook(BUDGET_HEADERS["template"], budget_rows(BUDGET["nl"]), False),
    )
    assert stored_budget(con) == [] and len(problems) == 2
    # Dutch headers settle it: the same cells are 384000 and 1250.
    imported(
        con, "budget", "begroting.xlsx", workbook(BUDGET_HEADERS["nl"], budget_rows(BUDGET["nl"]), False)
    )
    assert stored_budget(con) == BUDGET_STORED


def test_regression_occupancy_1035_in_a_column_without_other_evidence(con):
    rows = [["DH-V01", 2041, q, v, 7, 6] for q, v in ((1, "560"), (2, "1.035"), (3, "880"), (4, "1.035"))]
    problems = imported(
        con, "occupancy", "bezetting.txt", dutch_unicode_text(OCCUPANCY_HEADERS["template"], rows)
    )
    assert stored_occupancy(con) == []  # not 1.035 m² in half the rows
    assert [p[:6] for p in problems] == ["Rij 3,", "Rij 5,"]
    imported(con, "occupancy", "bezetting.txt", dutch_unicode_text(OCCUPANCY_HEADERS["nl"], rows))
    assert [r[0] for r in stored_occupancy(con)] == [560.0, 1035.0, 880.0, 1035.0]


def test_regression_a_value_over_a_million_elsewhere_does_not_change_the_reading(con):
    """384.000 was 384.00, or 384000 once another cell read 1.234.567: now 384000 or refused."""
    header = BUDGET_HEADERS["template"]
    without = dutch_unicode_text(header, budget_rows(BUDGET["nl"]))
    assert imported(con, "budget", "a.txt", without)  # refused: nothing in the file says which
    assert stored_budget(con) == []
    rows = budget_rows(BUDGET["nl"]) + [["DH-P01", 2041, "final", "1.234.567"]]
    assert imported(con, "budget", "b.txt", dutch_unicode_text(header, rows)) is None
    # 1.234.567 shows the decimal comma beyond doubt: the column's 384.000 is 384000, never 384.
    assert stored_budget(con) == [*BUDGET_STORED, D("1234567")]


# --- init --from: the same rules ------------------------------------------------------


def folder_with_budget(tmp_path, budget: bytes):
    """A folder with the demo's municipalities, instruments and programmes and ``budget`` as budget.csv."""
    folder = tmp_path / "csv"
    folder.mkdir()
    for table in ("municipality", "instrument", "programme"):
        shutil.copy(config.DEMO_DIR / f"{table}.csv", folder)
    (folder / "budget.csv").write_bytes(budget)
    return folder


def test_init_from_reads_a_dutch_excel_csv_as_the_import_does(tmp_path):
    data = text_file(BUDGET_HEADERS["nl"], budget_rows(BUDGET["nl"]), ";", "cp1252")
    path = tmp_path / "impact.duckdb"
    loaded = startup.build_database(path, folder_with_budget(tmp_path, data))
    assert loaded["budget"] == 2
    con = db.connect(path, read_only=True)
    try:
        assert stored_budget(con) == BUDGET_STORED
    finally:
        con.close()


def test_init_from_refuses_an_ambiguous_number_naming_file_row_field_and_both_readings(tmp_path):
    data = dutch_unicode_text(BUDGET_HEADERS["template"], budget_rows(BUDGET["nl"]))
    path = tmp_path / "impact.duckdb"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "impactdash",
            "--db",
            str(path),
            "init",
            "--from",
            str(folder_with_budget(tmp_path, data)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and not path.exists()
    assert "budget.csv: Nothing was saved: 2 problems found." in result.stderr
    assert (
        "Row 3, field ‘amount’: ‘1.250’ could be 1250 or 1.25: the file does not show whether the point"
        " separates thousands or decimals. Write 1250 or 1.25." in result.stderr
    )


def test_init_from_a_copy_of_the_demo_folder_builds_the_demo(tmp_path, demo_con):
    """Every demo file read the import's way gives the same figures as DuckDB's typed read."""
    folder = tmp_path / "csv"
    shutil.copytree(config.DEMO_DIR, folder)
    path = tmp_path / "impact.duckdb"
    startup.build_database(path, folder)
    con = db.connect(path, read_only=True)
    try:
        for table in loader.LOAD_ORDER:
            columns = [
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns where table_name = $t", {"t": table}
                ).fetchall()
                if r[0] not in ("id", "updated_at", "updated_by", "created_at")
            ]
            row = f"({', '.join(columns)})::varchar"
            sql = f"select count(*), md5(string_agg({row}, '|' order by {row})) from {table}"  # noqa: S608
            assert con.execute(sql).fetchall() == demo_con.execute(sql).fetchall(), table
    finally:
        con.close()


# --- the rule, sign by sign ----------------------------------------------------------


@pytest.fixture(scope="module")
def shared(demo_db_file, tmp_path_factory):
    """One writable demo copy for the tests below that only preview (they write nothing)."""
    path = tmp_path_factory.mktemp("numbers") / "impact.duckdb"
    shutil.copy(demo_db_file, path)
    connection = db.connect(path)
    yield connection
    connection.close()


def previewed(con, text: str, filename: str = "x.txt", dataset: str = "budget") -> dict:
    """Preview a UTF-8 file; return {row: amount as staged or the problem's key}."""
    frame = importer.read_upload(filename, text.encode("utf-8"), dataset=dataset)
    result = importer.preview(con, dataset, frame)
    problems = {p.row: p.message_key for p in result.problems}
    cur = con.cursor()
    try:
        importer._stage_import(cur, dataset, frame)
        field = "amount" if dataset == "budget" else "occupied_m2"
        staged = dict(cur.execute(f'select _row, "{field}" from _stage').fetchall())  # noqa: S608
    finally:
        cur.close()
    return {row: problems.get(row, staged[row]) for row in sorted(staged)}


def budget_text(header: str, amounts: list[str], separator: str = "\t") -> str:
    moments = ["original", "spring", "autumn", "final"]
    lines = [separator.join(BUDGET_HEADERS[header])]
    lines += [separator.join(["DH-P01", "2041", moments[i], a]) for i, a in enumerate(amounts)]
    return "\n".join(lines) + "\n"


AMBIGUOUS = "edit_ambiguous_number"


@pytest.mark.parametrize(
    ("header", "separator", "amounts", "expected"),
    [
        # The column's own values decide: 12,5 shows the decimal comma.
        ("template", "\t", ["1.250", "12,5"], [D("1250"), D("12.5")]),
        ("template", "\t", ["1.250", "12.5"], [D("1.25"), D("12.5")]),
        ("template", "\t", ["1,250", "1.234,56"], [D("1.25"), D("1234.56")]),
        # Both shown in one column: nothing is settled.
        ("template", "\t", ["1.250", "12,5", "0.5"], [AMBIGUOUS, D("12.5"), D("0.5")]),
        # A separator and the column disagree: refused, whichever is right.
        ("template", ";", ["1.250", '"0.5"'], [AMBIGUOUS, D("0.5")]),
        ("template", ",", ['"1.250"', '"12,5"'], [AMBIGUOUS, D("12.5")]),
        # A header and a separator disagree: refused.
        ("nl", ",", ['"1,250"'], [AMBIGUOUS]),
        ("en", ";", ["1.250"], [AMBIGUOUS]),
        # They agree: read.
        ("nl", ";", ["1.250"], [D("1250")]),
        ("en", ",", ['"1,250"'], [D("1250")]),
        # Unambiguous values are read under any sign; 0.125 and 1234.567 are no thousands.
        ("en", "\t", ["1.234,56", "0,125"], [D("1234.56"), "edit_too_many_decimals"]),
        ("template", "\t", ["-1.250"], [AMBIGUOUS]),
        ("template", "\t", ["€ 1.250", "1.250.000"], [D("1250"), D("1250000")]),
    ],
)
def test_signs_must_agree(shared, header, separator, amounts, expected):
    assert list(previewed(shared, budget_text(header, amounts, separator)).values()) == expected


def test_a_field_without_own_signs_follows_the_other_number_fields(shared):
    """Occupied m² has only 1.035; the tenants column's 1.234.567 shows the decimal comma."""
    header = "\t".join(OCCUPANCY_HEADERS["template"])
    text = f"{header}\nDH-V01\t2041\t1\t1.035\t1.234.567\t6\n"
    assert previewed(shared, text, dataset="occupancy") == {2: 1035.0}
    mixed = f"{header}\nDH-V01\t2041\t1\t1.035\t7\t6\nDH-V01\t2041\t2\t12.5\t7\t6\n"
    assert previewed(shared, mixed, dataset="occupancy") == {2: 1.035, 3: 12.5}  # its own 12.5


def test_both_readings_are_named_in_both_languages(shared):
    frame = importer.read_upload(
        "x.txt", budget_text("template", ["1,250", "-1.035"]).encode(), dataset="budget"
    )
    nl, other = (p.message("nl") for p in importer.preview(shared, "budget", frame).problems)
    en = importer.preview(shared, "budget", frame).problems[0].message("en")
    assert nl == (
        "Rij 2, veld ‘bedrag’: ‘1,250’ kan 1250 of 1,25 zijn: het bestand laat niet zien of de komma"
        " duizendtallen of decimalen scheidt. Schrijf 1250 of 1,25."
    )
    assert en == (
        "Row 2, field ‘amount’: ‘1,250’ could be 1250 or 1.25: the file does not show whether the comma"
        " separates thousands or decimals. Write 1250 or 1.25."
    )
    assert "‘-1.035’ kan -1035 of -1,035 zijn" in other


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.250", (1250, D("1.25"))),
        ("384.000", (384000, D("384"))),
        ("€ 1,035", (1035, D("1.035"))),
        ("-999.999", (-999999, D("-999.999"))),
        ("12.5", None),
        ("0.125", None),
        ("1234.567", None),
        ("1.234.567", None),
        ("", None),
    ],
)
def test_readings(text, expected):
    assert staging.readings(text) == expected


def test_excel_number_cells_stay_numbers_and_are_no_sign(con):
    """A Dutch header: text 1.250 is 1250; the number cells 1.035 and 12.5 stay what they are."""
    rows = [
        ["DH-V01", 2041, 1, 1.035, 7, 6],  # a number cell: 1.035 m², not 1035
        ["DH-V01", 2041, 2, "1.250", 7, 6],  # a text cell under a Dutch header: 1250
        ["DH-V01", 2041, 3, 12.5, "1.035", 6],  # 12.5 is no sign of a decimal point in the text
    ]
    assert imported(con, "occupancy", "x.xlsx", workbook(OCCUPANCY_HEADERS["nl"], rows, numeric=True)) is None
    assert stored_occupancy(con) == [(1.035, 7), (1250.0, 7), (12.5, 1035)]


def test_excel_number_cells_alone_settle_nothing_for_text_cells(shared):
    """Template header, number cells 0.5 and text cell 1.250: the text is still refused."""
    rows = [["DH-P01", 2041, "original", 0.5], ["DH-P01", 2041, "spring", "1.250"]]
    frame = importer.read_upload(
        "x.xlsx", workbook(BUDGET_HEADERS["template"], rows, numeric=True), dataset="budget"
    )
    assert [(p.row, p.message_key) for p in importer.preview(shared, "budget", frame).problems] == [
        (3, AMBIGUOUS)
    ]


def test_a_form_reads_by_the_page_language(shared):
    cur = shared.cursor()
    try:
        frame = pd.DataFrame(
            {"programme_code": ["DH-P01"], "year": ["2041"], "moment": ["final"], "amount": ["1.250"]}
        )
        for mark, expected in ((",", D("1250")), (".", D("1.25")), (None, None)):
            staging.stage(cur, DATASETS["budget"], frame, decimal_hint=mark)
            assert cur.execute("select amount from _stage").fetchall() == [(expected,)]
    finally:
        cur.close()


def test_a_grid_number_stays_a_number_on_a_dutch_page(con):
    """The grid's number cells: 1.035 m² was read as text on a Dutch page, so 1035."""
    original = pd.DataFrame(
        {
            "property_code": ["DH-V01"],
            "year": [2041],
            "quarter": [1],
            "occupied_m2": [1.035],
            "tenants": [7],
            "impact_tenants": [6],
        }
    )
    changes = edit_view.grid_changes("occupancy", original, {"edited_rows": {0: {"tenants": 8}}}, {})
    assert changes.edited.loc[0, "occupied_m2"] == 1.035
    edits.save_grid(con, EDITOR, "occupancy", changes.edited, decimal_mark=",")
    assert stored_occupancy(con) == [(1.035, 8)]


def test_a_revert_restores_1_035_m2_not_1035(con):
    """A revert writes the stored values back as text with a decimal point: read so, never refused."""
    reviewer = permissions.Actor("rosa", frozenset({"reviewer"}))
    key = ("DH-V01", 2018, 1)
    values, version = edits.get_record(con, "occupancy", key)
    edits.save_record(
        con,
        EDITOR,
        "occupancy",
        edits.as_text("occupancy", values) | {"occupied_m2": "1,035"},
        version,
        decimal_mark=",",
    )
    values, version = edits.get_record(con, "occupancy", key)
    assert values["occupied_m2"] == 1.035
    edits.save_record(
        con, EDITOR, "occupancy", {**edits.as_text("occupancy", values), "occupied_m2": "2"}, version
    )
    (last,) = con.execute(
        "select id from audit_log where action = 'update' and dataset = 'occupancy' order by id desc limit 1"
    ).fetchall()[0:1]
    edits.revert(con, reviewer, last[0])
    assert edits.get_record(con, "occupancy", key)[0]["occupied_m2"] == 1.035
