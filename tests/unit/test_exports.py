"""Exports neutralise formula cells in CSV and Excel, and keep numbers as numbers."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from impactdash.publish import exports

HOSTILE = ['=HYPERLINK("http://x")', "+31 70 123", "-2+3", "@SUM(A1)", "\tcmd", "gewoon"]


@pytest.mark.parametrize("text", HOSTILE)
def test_neutralise(text):
    out = exports.neutralise(text)
    if text == "gewoon":
        assert out == text
    else:
        assert out == "'" + text


def test_numbers_stay_numbers():
    assert exports.neutralise(-250.5) == -250.5


def test_csv_cells_are_neutralised():
    frame = pd.DataFrame({"name": HOSTILE, "amount": range(len(HOSTILE))})
    text = exports.to_csv_bytes(frame).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "name,amount"
    for line in lines[1:]:
        assert not line.startswith(("=", "+", "-", "@", "\t"))


def test_excel_cells_are_neutralised_and_numbers_kept():
    frame = pd.DataFrame({"name": HOSTILE, "amount": [-1.5] * len(HOSTILE)})
    book = openpyxl.load_workbook(io.BytesIO(exports.to_excel_bytes({"figures": frame})))
    sheet = book["figures"]
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(not str(name).startswith(("=", "+", "-", "@", "\t")) for name, _ in values)
    assert all(amount == -1.5 for _, amount in values)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
