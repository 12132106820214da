"""Incoming rows of text become a typed staging table in DuckDB: one path for form, grid and import.

The rows arrive as a pandas DataFrame of strings, registered on the caller's cursor (so
DuckDB's file lock-down does not matter and no value is ever spliced into SQL: user text
is data). One ``create temp table … as select`` parses every value in SQL and joins the
existing record on the natural key, so 100,000 rows are typed and classified (insert,
update, unchanged) in one pass. ``impactdash.write.validation`` then checks the rules over this
table and ``impactdash.write.edits`` writes from it.

What is accepted, from what civil servants produce in Dutch and English spreadsheets:

* numbers: ``1234.56``, ``1234,56``, ``1.234,56``, ``1,234.56``, ``1.234.567``,
  ``€ 1.234``, ``-12,5``, ``1.5E+06``, ``1,5E+06``; spaces and € are ignored.
* numbers are never guessed. A value with one separator followed by exactly three digits
  (``1.250``, ``384.000``, ``1,035``) could mean two things: 1250 or 1,25. Such a value is
  read by the *convention* that the rows show, and refused when they do not show one:

  - the signs of a decimal comma are values like ``12,5``, ``0,25`` or ``1.234,56`` or
    ``1.234.567``, a semicolon-separated CSV (Excel writes ``;`` only where the decimal
    mark is a comma) and Dutch column headers (``bedrag``); the signs of a decimal point
    are ``12.5``, ``1,234.56``, ``1,234,567``, a comma-separated CSV and English column
    headers (``occupied (m²)``). A form or the grid states its convention: the page's
    language. Tab-separated text (Excel's "Text" and "Unicode text", which Dutch and
    English Excel both write) and the file's encoding are no sign either way;
  - a field's own values count first: if they show a convention, that and the file's
    format signs decide. Only a field without such values of its own follows the other
    number fields of the file;
  - the signs must agree. When they disagree, or there are none, an ambiguous value is
    not stored: the problem names row, field and both readings
    ("‘1.250’ kan 1250 of 1,25 zijn").

  Whole-number fields (year, quarter, tenants) are not ambiguous: ``1.250`` and ``1,250``
  are 1250 there (1,25 tenants is no valid reading). Excel cells that hold numbers, and
  numbers from a form or grid widget, are numbers: they are taken as they are, and are
  no sign of how the file's text is written. Why: ``docs/decisions.md`` ("Numbers are
  never guessed").
* dates, day first or ISO: ``2025-12-31``, ``31-12-2025``, ``31/12/2025``, ``31.12.2025``,
  ``2025/12/31``, also ``1-2-2025``; a trailing midnight time (``2025-12-31 00:00:00``) is
  ignored. Two-digit years (``31-12-25``) are refused: the century would be a guess.
  Month-first US dates are not recognised (``12/31/2025`` is refused, not swapped).
* yes/no: ``ja``/``nee``, ``waar``/``onwaar`` (Dutch Excel), ``true``/``false``,
  ``yes``/``no``, ``j``/``n``, ``y``/``n``, ``1``/``0``, any case.
* choices: any case (``Supplier`` → ``supplier``); text: leading and trailing spaces removed.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from impactdash.write.datasets import Dataset, Field

STAGE = "_stage"
INCOMING = "_incoming"
EXPECTED = "_expected"
NUMBER_KINDS = ("int", "decimal", "float")
SQL_TYPES = {
    "text": "VARCHAR",
    "choice": "VARCHAR",
    "int": "BIGINT",
    "decimal": "DECIMAL(18,2)",
    "float": "DOUBLE",
    "date": "DATE",
    "bool": "BOOLEAN",
}
KEY_SEPARATOR = "\x1f"  # between the parts of a key as text; never typed in a spreadsheet
TRUE_WORDS = ("true", "waar", "ja", "yes", "j", "y", "1")
FALSE_WORDS = ("false", "onwaar", "nee", "no", "n", "0")

# Number shapes (RE2, matched against the value without spaces, € and a leading +).
_PLAIN = r"-?[0-9]+(\.[0-9]{1,2})?"
_INT = r"-?[0-9]+"
_NL_FULL = r"-?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+"
_EN_FULL = r"-?[0-9]{1,3}(,[0-9]{3})+\.[0-9]+"
_NL_THOUSANDS = r"-?[0-9]{1,3}(\.[0-9]{3}){2,}"
_EN_THOUSANDS = r"-?[0-9]{1,3}(,[0-9]{3}){2,}"
_AMBIGUOUS_DOT = r"-?[1-9][0-9]{0,2}\.[0-9]{3}"
_AMBIGUOUS_COMMA = r"-?[1-9][0-9]{0,2},[0-9]{3}"
_DOT = r"-?[0-9]*\.[0-9]+"
_COMMA = r"-?[0-9]*,[0-9]+"
_SCIENTIFIC = r"-?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+"
_SCIENTIFIC_COMMA = r"-?[0-9]+,[0-9]+[eE][+-]?[0-9]+"
#: Marks of the two conventions: the decimal comma (Dutch) and the decimal point (English).
COMMA, POINT = ",", "."
_DATE_FORMATS = (
    (r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", "%Y-%m-%d"),
    (r"[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}", "%d-%m-%Y"),
    (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", "%d/%m/%Y"),
    (r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}", "%d.%m.%Y"),
    (r"[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}", "%Y/%m/%d"),
)


def ident(name: str) -> str:
    """Quote an identifier taken from a data set spec (never from a file or a form)."""
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise ValueError(f"not an identifier: {name!r}")
    return f'"{name}"'


def lit(text: str) -> str:
    """Quote a constant from a data set spec (a choice, a pattern) as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def to_text(value: object) -> str | None:
    """Return a cell from a form, grid or spreadsheet as text in an unambiguous form.

    Dates become ISO (a datetime at midnight is a date), numbers use a decimal point,
    booleans 'true'/'false'; None, NaN and NaT become None.
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return None
        if float(value).is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(float(value), ".15g")
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def key_text(values: object) -> str:
    """Return a key (one value or a tuple) as text, the same as the staging table's ``_key``."""
    parts = values if isinstance(values, tuple | list) else (values,)
    return KEY_SEPARATOR.join(to_text(v) or "" for v in parts)


def text_column(column: pd.Series) -> pd.Series:
    """Return a column as strings (None for empty); string columns are passed through as they are."""
    if pd.api.types.is_string_dtype(column.dtype) and not pd.api.types.is_object_dtype(column.dtype):
        return column
    return pd.Series([to_text(v) for v in column], index=column.index, dtype="str")


def raw_name(f: Field) -> str:
    """Return the staging column holding what was typed in ``f`` (a text field's typed value is that text)."""
    return f.name if f.kind == "text" else "r_" + f.name


def _stripped(column: pd.Series) -> pd.Series:
    """Text without surrounding whitespace (also no-break spaces), None for empty (vectorised, fast)."""
    text = text_column(column).reset_index(drop=True).str.strip()
    return text.where(text.str.len() > 0)


@dataclass(frozen=True)
class Staged:
    """A staging table on a cursor: which data set, which fields the rows carried, how many rows."""

    dataset: Dataset
    present: tuple[str, ...]
    count: int
    table: str = STAGE


def _clean(expr: str) -> str:
    return f"regexp_replace(regexp_replace({expr}, '[\\s\\x{{00a0}}\\x{{202f}}€]', '', 'g'), '^\\+', '')"


def _number_text(raw: str, integer: bool, mark: str | None) -> str:
    """Return SQL turning the text in column ``raw`` into a plain number text with a decimal point.

    ``mark`` is the convention the value is read by (:data:`COMMA`, :data:`POINT`) or None
    when the rows show none: then a value that could mean two things (``1.250``) gives
    NULL, and :func:`impactdash.write.validation.check` names both readings. A whole-number
    field (``integer``) reads it as thousands under any convention.
    """
    s = _clean(raw)
    dot_is_thousands = integer or mark == COMMA
    comma_is_thousands = integer or mark == POINT
    if dot_is_thousands:
        ambiguous_dot = f"replace({s}, '.', '')"
    else:
        ambiguous_dot = s if mark == POINT else "null"
    if comma_is_thousands:
        ambiguous_comma = f"replace({s}, ',', '')"
    else:
        ambiguous_comma = f"replace({s}, ',', '.')" if mark == COMMA else "null"
    return (
        # Fast path first: most cells are plain numbers that need no cleaning.
        f"case when regexp_full_match({raw}, '{_PLAIN}') then {raw}"
        f" when regexp_full_match({s}, '{_INT}') then {s}"
        f" when regexp_full_match({s}, '{_NL_FULL}') then replace(replace({s}, '.', ''), ',', '.')"
        f" when regexp_full_match({s}, '{_EN_FULL}') then replace({s}, ',', '')"
        f" when regexp_full_match({s}, '{_NL_THOUSANDS}') then replace({s}, '.', '')"
        f" when regexp_full_match({s}, '{_EN_THOUSANDS}') then replace({s}, ',', '')"
        f" when regexp_full_match({s}, '{_AMBIGUOUS_DOT}') then {ambiguous_dot}"
        f" when regexp_full_match({s}, '{_AMBIGUOUS_COMMA}') then {ambiguous_comma}"
        f" when regexp_full_match({s}, '{_DOT}') then {s}"
        f" when regexp_full_match({s}, '{_COMMA}') then replace({s}, ',', '.')"
        f" when regexp_full_match({s}, '{_SCIENTIFIC}') then cast(try_cast({s} as double) as varchar)"
        f" when regexp_full_match({s}, '{_SCIENTIFIC_COMMA}')"
        f" then cast(try_cast(replace({s}, ',', '.') as double) as varchar)"
        " end"
    )


def ambiguous(raw: str) -> str:
    """Return SQL: the text in ``raw`` could mean two numbers (``1.250``: 1250 or 1,25)."""
    return f"regexp_full_match({_clean(raw)}, '{_AMBIGUOUS_DOT}|{_AMBIGUOUS_COMMA}')"


def readings(text: str) -> tuple[int, decimal.Decimal] | None:
    """Return the two numbers an ambiguous value could be: (thousands, decimals), else None.

    ``'1.250'`` → (1250, Decimal('1.25')); ``'384.000'`` → (384000, Decimal('384')).
    """
    s = re.sub(r"[\s\u00a0\u202f€]", "", text or "").removeprefix("+")
    if not re.fullmatch(f"{_AMBIGUOUS_DOT}|{_AMBIGUOUS_COMMA}", s):
        return None
    whole = int(s.replace(".", "").replace(",", ""))
    fraction = decimal.Decimal(s.replace(",", ".")).normalize()
    return whole, fraction.quantize(decimal.Decimal(1)) if fraction == fraction.to_integral() else fraction


def _evidence(raw: str) -> tuple[str, str]:
    """Return SQL conditions: the value shows a decimal comma / a decimal point beyond doubt."""
    s = _clean(raw)
    comma = (
        f"(regexp_full_match({s}, '{_NL_FULL}') or regexp_full_match({s}, '{_NL_THOUSANDS}')"
        f" or (regexp_full_match({s}, '{_COMMA}') and not regexp_full_match({s}, '{_AMBIGUOUS_COMMA}')))"
    )
    point = (
        f"(regexp_full_match({s}, '{_EN_FULL}') or regexp_full_match({s}, '{_EN_THOUSANDS}')"
        f" or (regexp_full_match({s}, '{_DOT}') and not regexp_full_match({s}, '{_AMBIGUOUS_DOT}')))"
    )
    return comma, point


def _date(raw: str) -> str:
    s = f"regexp_replace({raw}, '[ T]00:00(:00(\\.0+)?)?$', '')"
    whens = " ".join(
        f"when regexp_full_match({s}, '{pattern}') then try_strptime({s}, '{fmt}')"
        for pattern, fmt in _DATE_FORMATS
    )
    iso = f"regexp_full_match({raw}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}')"
    return f"case when {iso} then try_cast({raw} as date) else cast(case {whens} end as date) end"


def _typed(f: Field) -> str:
    """Return SQL for the typed value of ``f`` from its raw text (``r_``) and number text (``n_``)."""
    raw = ident("r_" + f.name)
    if f.kind in NUMBER_KINDS:
        num = ident("n_" + f.name)
        if f.kind == "float":
            return f"try_cast({num} as double)"
        # ``n_`` is plain text (-1234.5); its shape alone says whether it fits the type.
        if f.kind == "int":
            whole = f"regexp_full_match({num}, '-?[0-9]+(\\.0*)?')"
            return f"case when {whole} then try_cast(split_part({num}, '.', 1) as bigint) end"
        cents = f"regexp_full_match({num}, '-?[0-9]+(\\.[0-9]{{0,2}}0*)?')"
        return f"case when {cents} then try_cast({num} as decimal(18,2)) end"
    if f.kind == "date":
        return _date(raw)
    if f.kind == "bool":
        yes = ", ".join(lit(w) for w in TRUE_WORDS)
        no = ", ".join(lit(w) for w in FALSE_WORDS)
        return f"case when lower({raw}) in ({yes}) then true when lower({raw}) in ({no}) then false end"
    if f.kind == "choice":
        return f"case when lower({raw}) in ({', '.join(lit(c) for c in f.choices)}) then lower({raw}) end"
    return raw


def _decimal_marks(
    cur, ds: Dataset, present: tuple[str, ...], signs: frozenset[str], typed: frozenset[str]
) -> dict[str, str | None]:
    """Decide per number field how to read ``1.250`` (see the module docstring); None: refuse it.

    ``signs`` are the conventions the format shows (separator, header language, the page's
    language); ``typed`` the fields with cells that hold numbers (flag ``t_<f>``), which are
    no sign of how the text is written.
    """
    fields = [ds.field(n) for n in present if ds.field(n).kind in ("decimal", "float")]
    if not fields:
        return {}

    def text(f: Field) -> tuple[str, str]:
        raw = f"cast({ident(f.name)} as varchar)"
        return raw, (f"not coalesce({ident('t_' + f.name)}, false)" if f.name in typed else "true")

    # Only a field holding an ambiguous value needs a decision; most hold none, so look first.
    checks = []
    for f in fields:
        raw, written = text(f)
        checks.append(
            f"count(*) filter (not regexp_full_match({raw}, '{_PLAIN}') and {written} and {ambiguous(raw)})"
        )
    found = cur.execute(f"select {', '.join(checks)} from {INCOMING}").fetchall()[0]  # noqa: S608 (spec names only)
    if not any(found):
        return {}
    numbers = [ds.field(n) for n in present if ds.field(n).kind in NUMBER_KINDS]
    sums = []
    for f in numbers:
        raw, written = text(f)
        comma, point = _evidence(raw)
        sums += [f"count(*) filter ({written} and {comma})", f"count(*) filter ({written} and {point})"]
    counts = cur.execute(f"select {', '.join(sums)} from {INCOMING}").fetchall()[0]  # noqa: S608 (spec names only)
    shown = {
        f.name: {m for m, n in ((COMMA, counts[2 * i]), (POINT, counts[2 * i + 1])) if n}
        for i, f in enumerate(numbers)
    }
    marks = {}
    for f in fields:
        own = shown[f.name]
        others = set().union(*(v for k, v in shown.items() if k != f.name))
        agreed = (own or others) | signs
        marks[f.name] = next(iter(agreed)) if len(agreed) == 1 else None
    return marks


def _key_join(ds: Dataset, left: str, right: str) -> str:
    return " and ".join(f"{right}.{ident(k)} = {left}.{ident(k)}" for k in ds.key)


def stage(
    cur: duckdb.DuckDBPyConnection,
    ds: Dataset,
    frame: pd.DataFrame,
    *,
    rows: object = None,
    mode: str = "upsert",
    expect: str | None = None,
    expected_by_key: dict[str, str] | None = None,
    decimal_hint: str | None = None,
    signs: tuple[str, ...] = (),
    typed: dict[str, np.ndarray] | None = None,
) -> Staged:
    """Create the temp table ``_stage`` on ``cur`` from ``frame`` (columns = field names).

    ``rows`` are the numbers shown to the person per row (spreadsheet rows, grid rows) or
    None (a form). ``mode`` is ``'insert'``, ``'update'`` or ``'upsert'`` for every row;
    with ``expected_by_key`` ({key text: version}) rows whose key is in it are updates.
    Fields missing from ``frame`` keep the existing record's value (or their default for a
    new record), so a file without an optional column never blanks it.

    Columns of ``_stage``: ``_pos`` (0-based order), ``_row``, ``_mode``, ``_expect``,
    per field ``<f>`` (typed, NULL if it did not parse) and, except for text fields whose
    value is what was typed, ``r_<f>`` (the trimmed text, NULL if empty; see
    :func:`raw_name`), per number field ``d_<f>`` (as double, for range checks),
    ``_exists``, ``_op`` ('insert', 'update' or 'same') and ``_key`` (the key as text).

    How a number that could mean two things (``1.250``) is read: ``decimal_hint`` is the
    convention a form or grid states (the page's language), ``signs`` those a file's format
    shows (:func:`impactdash.write.importer.number_options`), ``typed`` per field a mask of
    the rows whose cell holds a number rather than text (an Excel number cell); cells of
    ``frame`` that are numbers (not strings) count as typed too. See the module docstring.
    """
    unknown = [c for c in frame.columns if c not in ds.field_names]
    if unknown:
        raise ValueError(f"{ds.name} has no field(s) {', '.join(map(str, unknown))}")
    present = tuple(n for n in ds.field_names if n in frame.columns)
    missing = [k for k in ds.key if k not in present and ds.field(k).auto != "sequence"]
    if missing:
        raise ValueError(f"{ds.name}: the key field(s) {', '.join(missing)} are needed")
    n = len(frame)
    incoming = pd.DataFrame({name: _stripped(frame[name]) for name in present})
    for name, mask in _typed_cells(ds, frame, present, typed or {}).items():
        incoming["t_" + name] = mask
    incoming["_pos"] = np.arange(n, dtype="int64")
    if rows is not None:
        incoming["_row"] = np.asarray(list(rows) if not isinstance(rows, np.ndarray) else rows, dtype="int64")
    if mode not in ("insert", "update", "upsert"):
        raise ValueError(f"unknown mode {mode!r}")
    cur.register(INCOMING, incoming)
    try:
        flagged = frozenset(c[2:] for c in incoming.columns if c.startswith("t_"))
        stated = frozenset(m for m in (*signs, decimal_hint) if m in (COMMA, POINT))
        marks = _decimal_marks(cur, ds, present, stated, flagged)
        if expected_by_key is not None:
            expected = pd.DataFrame(
                {"k": list(expected_by_key), "v": list(expected_by_key.values())}, dtype="str"
            )
            cur.register(EXPECTED, expected)
        sql = _stage_sql(ds, present, marks, expected_by_key, mode, rows is not None, flagged)
        cur.execute(
            f"create or replace temp table {STAGE} as {sql}", {"expect": expect} if "$expect" in sql else {}
        )
    finally:
        cur.unregister(INCOMING)
        if expected_by_key is not None:
            cur.unregister(EXPECTED)
    return Staged(ds, present, n)


def _typed_cells(
    ds: Dataset, frame: pd.DataFrame, present: tuple[str, ...], typed: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Return per number field the rows whose cell holds a number (not text), where there are any."""
    out = {}
    for name in present:
        if ds.field(name).kind not in NUMBER_KINDS:
            continue
        column = frame[name]
        mask = np.asarray(typed[name], dtype=bool) if name in typed else np.zeros(len(frame), dtype=bool)
        # String columns (every file read) hold no numbers; only look into the others.
        if not pd.api.types.is_string_dtype(column.dtype) or pd.api.types.is_object_dtype(column.dtype):
            mask = mask | np.fromiter(
                (
                    isinstance(v, int | float | decimal.Decimal | np.number)
                    and not isinstance(v, bool | np.bool_)
                    for v in column
                ),
                dtype=bool,
                count=len(column),
            )
        if mask.any():
            out[name] = mask
    return out


def _stage_sql(
    ds: Dataset,
    present: tuple[str, ...],
    marks: dict,
    expected: dict | None,
    mode: str,
    numbered: bool,
    typed: frozenset[str] = frozenset(),
) -> str:
    # Every identifier below comes from the data set spec; every value stays in the table.
    fields = {n: ds.field(n) for n in present}
    raw_cols = []
    for name, f in fields.items():
        text = f"cast({ident(name)} as varchar)"  # stripped, and None when empty, by _stripped()
        if f.default is not None:
            text = f"coalesce({text}, {lit(f.default)})"
        raw_cols.append(f"{text} as {ident('r_' + name)}")
        if name in typed:
            raw_cols.append(ident("t_" + name))
    norm_cols = []
    for n, f in fields.items():
        if f.kind not in NUMBER_KINDS:
            continue
        text = _number_text(ident("r_" + n), f.kind == "int", marks.get(n))
        if n in typed:
            # A number cell was written out with a decimal point (to_text): read it so.
            as_written = _number_text(ident("r_" + n), False, POINT)
            text = f"case when {ident('t_' + n)} then {as_written} else {text} end"
        norm_cols.append(f"{text} as {ident('n_' + n)}")
    typed_cols = [f"{_typed(f)} as {ident(n)}" for n, f in fields.items()]
    typed_cols += [
        f"try_cast({ident('n_' + n)} as double) as {ident('d_' + n)}"
        for n, f in fields.items()
        if f.kind in NUMBER_KINDS
    ]
    table = ident(ds.name)
    content = ds.content_key
    seq_key = [k for k in ds.key if ds.field(k).auto == "sequence"]
    joins = []
    # The number of a record numbered by the database, if the rows carry it at all.
    seq_x = (f"x.{ident(seq_key[0])}" if seq_key[0] in present else "cast(null as bigint)") if seq_key else ""
    if content and seq_key:
        # A row without an id that equals an existing record on its content is that record.
        cols = ", ".join(ident(c) for c in content)
        same = " and ".join(f"c.{ident(c)} is not distinct from x.{ident(c)}" for c in content)
        first = f"select min({ident(seq_key[0])}) as _cid, {cols} from {table} group by all"  # noqa: S608 (spec)
        joins.append(f"left join ({first}) c on {seq_x} is null and {same}")
        joins.append(f"left join {table} t on t.{ident(seq_key[0])} = coalesce({seq_x}, c._cid)")
    else:
        joins.append(f"left join {table} t on {_key_join(ds, 'x', 't')}")
    exists = " and ".join(f"t.{ident(k)} is not null" for k in ds.key)
    final = ["x._pos", "x._row" if numbered else "cast(null as bigint) as _row"]
    out_cols = []
    for f in ds.fields:
        name = ident(f.name)
        if f.name in present:
            value = f"coalesce(x.{name}, t.{name})" if f.name in seq_key else f"x.{name}"
            out_cols.append(f"{value} as {name}")
            if f.kind != "text":  # a text field's value is its raw text: no second copy
                out_cols.append(f"x.{ident('r_' + f.name)}")
            if f.kind in NUMBER_KINDS:
                out_cols.append(f"x.{ident('d_' + f.name)}")
        else:
            value = f"t.{name}"
            if f.default is not None:
                value = f"coalesce({value}, cast({lit(f.default)} as {SQL_TYPES[f.kind]}))"
            out_cols.append(f"{value} as {name}")
            if f.kind != "text":
                out_cols.append(f"cast(t.{name} as varchar) as {ident('r_' + f.name)}")
            if f.kind in NUMBER_KINDS:
                out_cols.append(f"cast({value} as double) as {ident('d_' + f.name)}")
    compared = [n for n in present if n not in ds.key]
    same = " and ".join(f"x.{ident(n)} is not distinct from t.{ident(n)}" for n in compared) or "true"
    content_match = f"{seq_x} is null" if content and seq_key else "false"
    key_parts = ", ".join(
        f"cast(coalesce({seq_x}, t.{ident(k)}) as varchar)"
        if k in seq_key
        else f"cast(x.{ident(k)} as varchar)"
        for k in ds.key
    )
    if expected is not None:
        final += [f"case when e.v is not null then 'update' else {lit(mode)} end as _mode", "e.v as _expect"]
        joins.append(f"left join {EXPECTED} e on e.k = concat_ws(chr(31), {key_parts})")
    else:
        final += [f"{lit(mode)} as _mode", "cast($expect as varchar) as _expect"]
    final += out_cols
    final += [
        f"({exists}) as _exists",
        f"case when not ({exists}) then 'insert' when {content_match} or ({same}) then 'same'"
        " else 'update' end as _op",
        f"concat_ws(chr(31), {key_parts}) as _key",
    ]
    raw_select = ", ".join(["_pos", *(["_row"] if numbered else []), *raw_cols])
    norm_select = ", ".join(["*", *norm_cols])
    typed_select = ", ".join(["*", *typed_cols])
    return (
        f"with raw as (select {raw_select} from {INCOMING}),"  # noqa: S608 (identifiers from the spec)
        f" norm as (select {norm_select} from raw),"
        f" x as (select {typed_select} from norm)"
        f" select {', '.join(final)} from x {' '.join(joins)}"
    )
