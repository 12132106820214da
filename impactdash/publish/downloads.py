"""The published figures offered for download: which data sets, from which query.

Used by the Method and data page now, and by the open-data export of a publication
later, so both offer the same sets under the same names.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from impactdash.publish import exports
from impactdash.store import db


@dataclass(frozen=True)
class DataSet:
    """One downloadable data set: a file name, the query behind it, and titles."""

    name: str
    query: str
    title_nl: str
    title_en: str

    def title(self, lang: str) -> str:
        """Return the title in ``lang``."""
        return self.title_nl if lang == "nl" else self.title_en


DATA_SETS = (
    DataSet(
        "measures",
        "download_metric_values",
        "Alle meetwaarden per gemeente",
        "All measure values per municipality",
    ),
    DataSet("ambitions", "download_ambitions", "Ambities met mijlpalen", "Ambitions with milestones"),
    DataSet(
        "budget_spend",
        "download_budget_spend",
        "Begroting, uitgaven en cofinanciering per programma en jaar",
        "Budget, spend and co-funding per programme and year",
    ),
    DataSet("programmes", "download_programmes", "Programma's", "Programmes"),
    DataSet("properties", "download_properties", "Panden en bezetting", "Buildings and occupancy"),
    DataSet("catalogue", "metric_catalogue", "Catalogus van de meetwaarden", "Measure catalogue"),
)


def frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Return every data set as a DataFrame, keyed by its name."""
    return {ds.name: db.run_query(con, ds.query) for ds in DATA_SETS}


def workbook(sets: dict[str, pd.DataFrame]) -> bytes:
    """Return all data sets as one Excel workbook, formula cells neutralised."""
    return exports.to_excel_bytes(sets)
