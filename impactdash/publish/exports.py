"""Safe downloads: CSV and Excel files whose cells can never run as spreadsheet formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) is taken
as a formula by Excel and LibreOffice ("CSV injection"). Text cells that start so get a
leading apostrophe, which spreadsheets show as plain text. Numbers stay numbers: a
negative amount is a number, not a formula.
"""

from __future__ import annotations

import io

import pandas as pd

from impactdash import i18n
from impactdash.safe_text import unescape_markdown

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Return ``value`` with a leading apostrophe if it is text that a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` with every text cell (and column name) neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise).astype(object)
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return ``frame`` as UTF-8 CSV (with BOM, so Excel reads accents right), neutralised."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def to_excel_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """Return an .xlsx workbook with one neutralised sheet per entry (names cut to 31 chars)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            out = safe_frame(frame)
            for column in out.columns:
                # Excel has no time zones; dates are written as plain dates.
                if isinstance(out[column].dtype, pd.DatetimeTZDtype):
                    out[column] = out[column].dt.tz_localize(None)
            out.to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def _as_read(text: str) -> str:
    """Return a shown cell as a file holds it: Markdown escapes undone, no invisible joiners."""
    return unescape_markdown(text).replace(i18n.WORD_JOINER, "")


def shown_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a chart's display table as its downloads hold it: the cells a person reads, as text.

    Display tables escape typed text for Markdown (``safe_text.escape_markdown``); the file
    holds the words themselves, so a name reads as typed, and a date without the word joiners
    that keep it on one line on a page ("31-12-2025" opens as a date in a spreadsheet). Numbers
    and column names (in the page's language) stay as shown, so the file says exactly what the
    table beside the chart says.
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: _as_read(v) if isinstance(v, str) else v)
    out.columns = [unescape_markdown(str(c)) for c in out.columns]
    return out.reset_index(drop=True)


def table_files(frame: pd.DataFrame, sheet: str) -> tuple[bytes, bytes]:
    """Return a display table as (CSV, Excel) bytes, formula cells neutralised (see :func:`shown_table`)."""
    shown = shown_table(frame)
    return to_csv_bytes(shown), to_excel_bytes({sheet: shown})
