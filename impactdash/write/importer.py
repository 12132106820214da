"""Import CSV and Excel files: read, match columns, preview, then write all rows or none.

``read_upload`` turns an uploaded file into a DataFrame of strings (or refuses it with an
:class:`UploadError` whose message says why, never a traceback); ``preview`` validates it
against the data set and counts what would be inserted, updated and left unchanged;
``apply`` writes it in one transaction with one audit entry for the whole import.

What civil servants' Excel produces is accepted: CSV separated by ``;`` (Dutch settings),
``,`` or tab; UTF-8 with or without BOM, UTF-16 ("Unicode text") and Windows-1252 (what
Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)"); .xlsx workbooks
(first sheet). How numbers, dates and yes/no values are read is described in
``impactdash.write.staging``: reading records what the file's format says about its
numbers in ``frame.attrs`` — the separator (``decimal_mark``: ``;`` is Dutch Excel, ``,``
English Excel, tab either), the header's language (``header_mark``, set by
:func:`match_columns`) and which cells of an .xlsx hold numbers rather than text
(``number_cells``) — and :func:`number_options` hands that to staging.

Re-importing the same file changes nothing: rows equal to the stored record are left
alone, and an import that would change no record writes nothing at all — no audit entry
and no new data version (there is no change to record).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from impactdash import config
from impactdash.errors import UserFacingError
from impactdash.store.loader import LoadError
from impactdash.write import audit, datasets, import_changes, late_dates, permissions
from impactdash.write.import_changes import Overwrite
from impactdash.write.staging import COMMA, POINT, STAGE, stage, text_column, to_text
from impactdash.write.transaction import in_transaction, write_staged
from impactdash.write.validation import EditError, Problem, ValidationError, check

#: Largest upload accepted by default (bytes).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: An .xlsx may unpack to at most this many times the upload limit (a zip bomb is refused).
XLSX_EXPANSION = 20
CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"


class UploadError(UserFacingError):
    """An uploaded file cannot be read as a data set; nothing was written."""


class OverwriteError(EditError):
    """An import would undo people's edits that were not confirmed; nothing was written."""


@dataclass
class Preview:
    """What an import would do (or did): row counts, the problems found, the change and the edits it undoes.

    ``changes`` (the preview only, not an applied import) is the diff of
    :func:`impactdash.write.import_changes.diff`: one line per changed field, per new and
    per unchanged row. ``overwrites`` are the changed rows whose record a person edited
    since the data set's last import (:mod:`impactdash.write.import_changes`). There is no
    "replace" import: rows missing from the file are left as they are, so no row is ever
    removed by an import.
    """

    total: int
    inserts: int
    updates: int
    unchanged: int
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    overwrites: list[Overwrite] = field(default_factory=list)
    changes: pd.DataFrame | None = None
    audit_id: int | None = None
    #: (row, field, date) of the first dates after the reporting date (warned about, not refused),
    #: how many there are, and the reporting date (:mod:`impactdash.write.late_dates`).
    late: list[tuple] = field(default_factory=list)
    late_count: int = 0
    reporting_date: dt.date | None = None

    @property
    def ok(self) -> bool:
        """Whether every row is valid (the import can be written)."""
        return self.problem_count == 0

    @property
    def overwritten_keys(self) -> frozenset[str]:
        """The records (key parts joined by " / ") whose edits this import would undo."""
        return frozenset(o.record for o in self.overwrites)


# --- reading files ---------------------------------------------------------------------


class NumberCells:
    """The spreadsheet rows, per column, whose cells hold numbers rather than text (an .xlsx).

    Kept in ``frame.attrs``; pandas copies attrs deeply on many operations, so this holder
    is immutable and copies as itself.
    """

    def __init__(self, rows: dict[str, frozenset[int]]):
        self._rows = {name: frozenset(r) for name, r in rows.items() if r}

    def __deepcopy__(self, memo) -> NumberCells:
        return self

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NumberCells) and other._rows == self._rows

    __hash__ = None

    def renamed(self, names: dict[str, str]) -> NumberCells:
        """Return the same cells under the columns' new names."""
        return NumberCells({names.get(name, name): rows for name, rows in self._rows.items()})

    def masks(self, frame: pd.DataFrame) -> dict[str, np.ndarray]:
        """Return per column of ``frame`` (indexed by spreadsheet row) which of its rows are number cells."""
        return {
            name: frame.index.isin(list(rows)) for name, rows in self._rows.items() if name in frame.columns
        }


def read_upload(
    filename: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES, dataset: str | None = None
) -> pd.DataFrame:
    """Read an uploaded CSV or .xlsx file into a DataFrame of strings.

    The index holds the spreadsheet row numbers (the header is row 1), fully empty rows
    are dropped. With ``dataset`` the columns are matched to its fields (see
    :func:`match_columns`). Refuses with :class:`UploadError`: a file over ``max_bytes``,
    an empty file, an unknown extension, an .xlsx that is not a workbook (or a .csv that
    is one), text that cannot be decoded, rows with a different number of columns, and a
    header without data rows.
    """
    if len(data) > max_bytes:
        raise UploadError("import_too_large", size=_mb(len(data)), limit=_mb(max_bytes))
    if not data.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise UploadError("import_empty")
    ext = Path(filename or "").suffix.lower()
    cells = None
    if ext in XLSX_EXTENSIONS:
        header, frame, cells = _read_xlsx(data, max_bytes)
        hint = None  # cells hold numbers or text; neither says how the text is written
    elif ext in CSV_EXTENSIONS:
        header, frame, hint = _read_csv(data)
    elif ext == ".xls":
        raise UploadError("import_old_excel")
    else:
        raise UploadError("import_unknown_type", ext=ext or filename)
    frame, names = _tidy_columns(header, frame)
    if len(frame) == 0:
        raise UploadError("import_header_only")
    frame.attrs.update(filename=filename, decimal_mark=hint, row_numbers=True)
    if cells is not None:
        frame.attrs["number_cells"] = cells.renamed(names)
    return match_columns(dataset, frame) if dataset else frame


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f}".rstrip("0").rstrip(".")


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        # Not UTF-8: Dutch Excel writes Windows-1252 (é as one byte 0xE9).
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise UploadError("import_unreadable")


def _delimiter(first_line: str) -> str:
    """Return the one of ; , tab occurring most in the header line (outside quotes)."""
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _read_csv(data: bytes) -> tuple[list[str], pd.DataFrame, str | None]:
    if data.startswith(_ZIP_MAGIC):
        raise UploadError("import_not_csv")
    text = _decode(data)
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if re.fullmatch(r"sep=[;,\t|]", first_line):
        # Excel's delimiter line: Excel uses it and hides it, so the next line is row 1.
        delimiter = first_line[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        first_line = text.split("\n", 1)[0].rstrip("\r")
    else:
        delimiter = _delimiter(first_line)
    # Excel separates with ";" exactly where the decimal mark is a comma (Dutch settings), with
    # "," where it is a point. Tab ("Text", "Unicode text") is written under both: no sign.
    hint = {";": COMMA, ",": POINT}.get(delimiter)
    header = next(csv.reader([first_line], delimiter=delimiter), [])
    frame = _parse_fast(text, header, delimiter) if "\n\n" not in text.replace("\r", "") else None
    if frame is None:
        frame = _parse_exact(text, header, delimiter)
    return header, frame, hint


def _parse_fast(text: str, header: list[str], delimiter: str) -> pd.DataFrame | None:
    """Parse with pyarrow (multi-threaded); None if a row is ragged, so the exact parser can name it."""
    names = [f"c{i}" for i in range(len(header))]
    ragged = []
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 22),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                invalid_row_handler=lambda row: ragged.append(1) or "skip",
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None
    if ragged:
        return None
    frame = table.to_pandas()
    frame.index = pd.RangeIndex(2, 2 + len(frame))  # header is row 1
    return frame


def _parse_exact(text: str, header: list[str], delimiter: str) -> pd.DataFrame:
    """Parse record by record, numbering rows as the spreadsheet shows them."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader, None)
    rows, numbers, ragged = [], [], []
    for number, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            ragged.append(number)
            continue
        rows.append(record)
        numbers.append(number)
    if ragged:
        shown = ", ".join(map(str, ragged[:20])) + (" …" if len(ragged) > 20 else "")
        raise UploadError("import_ragged_rows", expected=len(header), rows=shown)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(header)
    frame = pd.DataFrame({f"c{i}": pd.array(list(col), dtype="str") for i, col in enumerate(columns)})
    frame.index = pd.Index(numbers, dtype="int64")
    return frame


def _read_xlsx(data: bytes, max_bytes: int) -> tuple[list[str], pd.DataFrame, NumberCells]:
    import openpyxl  # only needed for workbooks

    if not data.startswith(_ZIP_MAGIC):
        raise UploadError("import_not_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise UploadError("import_not_xlsx") from exc
    if "xl/workbook.xml" not in names:
        raise UploadError("import_not_xlsx")
    if unpacked > XLSX_EXPANSION * max_bytes:
        raise UploadError("import_too_large", size=_mb(unpacked), limit=_mb(XLSX_EXPANSION * max_bytes))
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rows = book.worksheets[0].iter_rows(min_row=1, values_only=True)
            header = [to_text(v) or "" for v in next(rows, ())]
            records, numbers, raw = [], [], []
            for number, values in enumerate(rows, start=2):
                cells = [to_text(v) for v in values]
                if any(c is not None and c.strip() for c in cells):
                    records.append(cells)
                    numbers.append(number)
                    raw.append(values)
        finally:
            book.close()
    except UploadError:
        raise
    except Exception as exc:  # openpyxl raises many kinds of errors on a damaged workbook
        raise UploadError("import_not_xlsx") from exc
    width = max([len(header), *(len(r) for r in records)])
    header += [""] * (width - len(header))
    columns = {
        f"c{i}": pd.array([r[i] if i < len(r) else None for r in records], dtype="str") for i in range(width)
    }
    frame = pd.DataFrame(columns)
    frame.index = pd.Index(numbers, dtype="int64")
    return header, frame, _number_cells(raw, numbers)


def _number_cells(rows: list[tuple], numbers: list[int]) -> NumberCells:
    """Return which cells hold numbers (not text): to_text wrote them with a decimal point."""
    kinds = (int, float)  # openpyxl's number cells; a bool cell is not one (type(True) is bool)
    width = max((len(r) for r in rows), default=0)
    padded = (
        rows if all(len(r) == width for r in rows) else [(*r, *([None] * (width - len(r)))) for r in rows]
    )
    return NumberCells(
        {
            f"c{i}": frozenset(n for n, v in zip(numbers, column, strict=True) if type(v) in kinds)
            for i, column in enumerate(zip(*padded, strict=True))
        }
    )


def _tidy_columns(header: list[str], frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Name the columns after the header, drop empty unnamed columns and empty rows.

    Returns the frame and the new name of each kept column (``c0`` → ``Bedrag``).
    """
    keep, names = [], []
    for i, name in enumerate(header):
        name = (name or "").strip().lstrip("\ufeff")
        column = frame[f"c{i}"]
        if not name:
            if column.fillna("").str.strip().ne("").any():
                raise UploadError("import_unnamed_column", column=_column_letter(i))
            continue
        keep.append(f"c{i}")
        names.append(name)
    frame = frame[keep]
    frame.columns = names
    if len(frame):
        filled = pd.concat([frame[c].fillna("").str.strip().ne("") for c in frame.columns], axis=1).any(
            axis=1
        )
        frame = frame[filled.to_numpy()] if not filled.all() else frame
    return frame, dict(zip(keep, names, strict=True))


def _column_letter(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "_", name.strip().lstrip("\ufeff").lower())


def match_columns(dataset: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Rename the file's columns to field names; refuse unknown, duplicate and missing columns.

    A column matches a field by its name or its Dutch or English label, ignoring case,
    spaces and underscores ("Boekingsdatum", "booking date", "BOOKING_DATE"). The
    header's language is a sign of the file's number convention (``frame.attrs
    ['header_mark']``: Dutch labels, a decimal comma; English labels, a decimal point).
    """
    ds = datasets.get(dataset)
    lookup, language = {}, {}
    for f in ds.fields:
        if f.name in ds.import_columns:
            for name in (f.name, f.label_nl, f.label_en):
                lookup[_norm(name)] = f.name
            # Only a label that belongs to one language says which: "bedrag", "occupied (m²)";
            # not a field name (the template's) nor a label both languages share.
            nl, en, own = _norm(f.label_nl), _norm(f.label_en), _norm(f.name)
            if nl not in (en, own):
                language[nl] = COMMA
            if en not in (nl, own):
                language[en] = POINT
    mapped = [lookup.get(_norm(str(c))) for c in frame.columns]
    unknown = [str(c) for c, m in zip(frame.columns, mapped, strict=True) if m is None]
    if unknown:
        raise UploadError(
            "import_unknown_columns", columns=", ".join(unknown), allowed=", ".join(ds.import_columns)
        )
    doubles = sorted({m for m in mapped if mapped.count(m) > 1})
    if doubles:
        raise UploadError("import_duplicate_columns", columns=", ".join(doubles))
    missing = [c for c in ds.required_columns if c not in mapped]
    if missing:
        raise UploadError("import_missing_columns", columns=", ".join(missing))
    renamed = frame.copy(deep=False)
    renamed.columns = mapped
    renamed.attrs = dict(frame.attrs)
    if "header_mark" not in renamed.attrs:  # a frame matched before keeps what its header said
        marks = {language[_norm(str(c))] for c in frame.columns if _norm(str(c)) in language}
        renamed.attrs["header_mark"] = next(iter(marks)) if len(marks) == 1 else None
    if isinstance(renamed.attrs.get("number_cells"), NumberCells):
        names = {str(c): m for c, m in zip(frame.columns, mapped, strict=True)}
        renamed.attrs["number_cells"] = renamed.attrs["number_cells"].renamed(names)
    return renamed


def number_options(frame: pd.DataFrame) -> dict:
    """Return what the file's format says about its numbers, as keyword arguments of ``stage``.

    ``signs``: the conventions its separator and its header show (both, one or none);
    ``typed``: per field, which rows' cells hold numbers. See :mod:`impactdash.write.staging`.
    """
    signs = tuple(m for m in (frame.attrs.get("decimal_mark"), frame.attrs.get("header_mark")) if m)
    cells = frame.attrs.get("number_cells")
    return {"signs": signs, "typed": cells.masks(frame) if isinstance(cells, NumberCells) else None}


# --- loading a folder (init --from) ------------------------------------------------

#: The largest file ``init --from`` reads (it is read into memory, as an upload is).
LOAD_MAX_BYTES = 1 << 30
#: Problems of one file that ``init --from`` prints (all are counted).
LOAD_PROBLEMS_SHOWN = 20


def load_file(cur: duckdb.DuckDBPyConnection, table: str, path: Path) -> int | None:
    """Load one CSV file of a folder into an empty ``table`` as an import reads it; return its rows.

    For ``init --from`` (:func:`impactdash.store.loader.load_folder`, inside its
    transaction): the same reading, number rules and checks as an import, so whatever an
    import refuses is refused here, with the file, row, field and (for a number that could
    mean two things) both readings. No audit entry: the database is being created. Returns
    None for a table that is not a data set (left to the loader's typed ``read_csv``).
    """
    if table not in datasets.DATASETS:
        return None
    try:
        frame = read_upload(path.name, path.read_bytes(), LOAD_MAX_BYTES, dataset=table)
        staged = stage(
            cur,
            datasets.get(table),
            frame,
            rows=frame.index.to_numpy(),
            mode="insert",
            **number_options(frame),
        )
        problems, count = check(cur, staged)
        if count:
            raise ValidationError(problems[:LOAD_PROBLEMS_SHOWN], count)
    except UserFacingError as err:
        raise LoadError(f"{path.name}: {err.message('en')}") from err
    return write_staged(cur, staged, "init")[0]


# --- preview and apply -------------------------------------------------------------


def _stage_import(
    cur: duckdb.DuckDBPyConnection, dataset: str, frame: pd.DataFrame, *, changes: bool = False
):
    ds = datasets.get(dataset)
    frame = match_columns(dataset, frame)
    columns = {c: text_column(frame[c]) for c in frame.columns}
    # Rows as the spreadsheet numbers them: from the file, or header = 1 and data from 2.
    rows = frame.index.to_numpy() if frame.attrs.get("row_numbers") else range(2, len(frame) + 2)
    staged = stage(cur, ds, pd.DataFrame(columns), rows=rows, mode="upsert", **number_options(frame))
    problems, count = check(cur, staged)
    ops = dict(cur.execute(f"select _op, count(*) from {STAGE} group by _op").fetchall())  # noqa: S608
    preview = Preview(
        staged.count, ops.get("insert", 0), ops.get("update", 0), ops.get("same", 0), problems, count
    )
    if ops.get("update"):
        preview.overwrites = import_changes.overwrites(cur, staged)
    if changes:
        preview.changes = import_changes.diff(cur, staged)
        preview.reporting_date = late_dates.reporting_date(cur)
        preview.late, preview.late_count = late_dates.in_stage(cur, ds, preview.reporting_date)
    return staged, preview


def preview(con: duckdb.DuckDBPyConnection, dataset: str, frame: pd.DataFrame) -> Preview:
    """Validate an uploaded frame and say what an import would change, row by row and field by field.

    The counts, the problems, the diff (``Preview.changes``) and the rows that would undo
    a person's edit (``Preview.overwrites``). Writes nothing. Works on a read-only
    connection (the staging table is temporary).
    """
    cur = con.cursor()
    try:
        return _stage_import(cur, dataset, frame, changes=True)[1]
    finally:
        cur.close()


def apply(
    con: duckdb.DuckDBPyConnection,
    actor: permissions.Actor,
    dataset: str,
    frame: pd.DataFrame,
    filename: str | None = None,
    *,
    confirmed: frozenset[str] | set[str] = frozenset(),
) -> Preview:
    """Import every row of ``frame`` or none: upsert on the natural key in one transaction.

    The rows are validated again inside the transaction; any problem raises
    :class:`~impactdash.write.validation.ValidationError` (with ``.preview``) and nothing is
    written. A row that would undo a person's edit made since the data set's last import
    (``Preview.overwrites``) is written only if its record is in ``confirmed`` (the
    preview's ``overwritten_keys`` the person agreed to); otherwise :class:`OverwriteError`
    and nothing is written. Unchanged rows are not touched; if no row changes, nothing is
    written at all. Otherwise one audit entry (action 'import', detail: file name and
    counts) records the import, its before and after values are kept under the entry's id
    (table ``import_change``, so it can be shown and reverted), and the data version is bumped.
    """
    permissions.require(actor, "import")
    name = filename or frame.attrs.get("filename")

    def work(cur):
        staged, result = _stage_import(cur, dataset, frame)
        if result.problem_count:
            raise ValidationError(result.problems, result.problem_count, preview=result)
        if not (result.inserts or result.updates):
            return result
        unconfirmed = [o for o in result.overwrites if o.record not in confirmed]
        if unconfirmed:
            shown = ", ".join(o.record for o in unconfirmed[:10]) + (" …" if len(unconfirmed) > 10 else "")
            raise OverwriteError("import_overwrite_unconfirmed", count=len(unconfirmed), records=shown)
        detail = {
            "file": name,
            "rows": result.total,
            "inserted": result.inserts,
            "updated": result.updates,
            "unchanged": result.unchanged,
        }
        if result.overwrites:
            detail["overwrote_edits"] = len(result.overwrites)
        (result.audit_id,) = audit.record(cur, audit.Entry(actor.username, "import", dataset, detail=detail))
        if result.updates:
            import_changes.capture_updates(cur, staged, result.audit_id, actor.username)
        write_staged(cur, staged, actor.username)
        if result.inserts:
            import_changes.capture_inserts(cur, staged, result.audit_id, actor.username)
        return result

    return in_transaction(con, work)


def template(dataset: str) -> bytes:
    """Return the import template of ``dataset`` as CSV (UTF-8 with BOM, so Excel shows é).

    The demo file's header and first two rows where there is one, else the header.
    """
    ds = datasets.get(dataset)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ds.import_columns)
    demo = config.DEMO_DIR / f"{ds.name}.csv"
    if demo.is_file():
        with demo.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for i, record in enumerate(reader):
                if i == 2:
                    break
                writer.writerow([record.get(c, "") for c in ds.import_columns])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")
