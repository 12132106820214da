"""The import page's texts and sample table, without Streamlit (impactdash.views.import_data)."""

from __future__ import annotations

import pandas as pd

from impactdash import i18n
from impactdash.views import import_data as view
from impactdash.write import datasets, importer


def test_the_sample_shows_the_sheets_row_numbers_labels_and_typed_text_as_typed():
    ds = datasets.get("budget")
    frame = pd.DataFrame({"amount": ["1*2", None], "extra": ["x", "y"]}, index=[2, 3])
    table = view.sample_table(frame, ds, "en")
    assert list(table.columns) == [i18n.t("import_page_row", "en"), "Amount", "extra"]
    assert table.iloc[:, 0].tolist() == ["2", "3"]
    assert table["Amount"].tolist() == ["1\\*2", ""]
    assert len(view.sample_table(pd.DataFrame({"amount": ["1"] * 30}), ds, "en")) == view.SAMPLE_ROWS


def test_the_problems_heading_counts_in_the_page_language():
    assert view.problems_heading(1, "nl") == i18n.t("import_page_problem_one", "nl")
    assert "1.234" in view.problems_heading(1234, "nl")


def test_the_outcome_says_whether_anything_was_written():
    ds = datasets.get("budget")
    wrote = importer.Preview(total=3, inserts=1, updates=1, unchanged=1)
    same = importer.Preview(total=3, inserts=0, updates=0, unchanged=3)
    assert view.done_text(wrote, "b_*.csv", ds, "nl") != view.done_text(same, "b_*.csv", ds, "nl")
    assert "b\\_\\*\\.csv" in view.done_text(wrote, "b_*.csv", ds, "nl")
