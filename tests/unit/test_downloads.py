"""The downloadable data sets: every one has rows on the demo data; the workbook holds them all."""

from __future__ import annotations

import io

import openpyxl

from impactdash.publish import downloads


def test_every_data_set_has_rows(demo_con):
    sets = downloads.frames(demo_con)
    assert set(sets) == {ds.name for ds in downloads.DATA_SETS}
    assert all(len(frame) > 0 for frame in sets.values())


def test_workbook_has_a_sheet_per_data_set(demo_con):
    sets = downloads.frames(demo_con)
    book = openpyxl.load_workbook(io.BytesIO(downloads.workbook(sets)), read_only=True)
    assert book.sheetnames == [ds.name for ds in downloads.DATA_SETS]
    assert book["measures"].max_row == len(sets["measures"]) + 1


def test_no_internal_or_personal_data_in_downloads(demo_con):
    sets = downloads.frames(demo_con)
    columns = {c for frame in sets.values() for c in frame.columns}
    assert not columns & {"password_hash", "username", "email", "body", "visibility", "author"}
