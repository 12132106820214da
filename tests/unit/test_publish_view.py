"""What the publishing pages show: the labels of the versions a person can pick."""

from __future__ import annotations

import pandas as pd

from impactdash.publish import pointer
from impactdash.views import publish as publish_view


def _publications() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "label": ["Q2 2026", "Q3 2026", "Fout", "Q4 2026"],
            "status": ["withdrawn", "approved", "rejected", "requested"],
            "requested_at": pd.to_datetime(
                ["2026-07-01 09:00", "2026-10-01 09:00", "2026-10-02 08:00", "2026-11-20 10:00"]
            ),
            "decided_at": pd.to_datetime(["2026-07-02 12:00", "2026-10-03 12:00", "2026-10-02 09:00", None]),
        }
    )


def test_version_labels_name_number_label_date_and_status_without_nested_brackets(tmp_path):
    for number in (1, 2, 4):  # a rejected request's files are removed
        (tmp_path / pointer.snapshot_name(number)).write_bytes(b"")
    labels = publish_view.version_labels(_publications(), tmp_path, current_id=2, lang="nl")
    assert labels == {
        1: "1 · Q2 2026 · 02-07-2026 · ingetrokken",
        2: "2 · Q3 2026 · 03-10-2026 · gepubliceerd (huidig)",
        4: "4 · Q4 2026 · 20-11-2026 · wacht op goedkeuring",
    }
    english = publish_view.version_labels(_publications(), tmp_path, current_id=2, lang="en")
    assert english[2] == "2 · Q3 2026 · 3 Oct 2026 · published (current)"


def test_version_labels_keep_only_the_statuses_asked_for_and_files_that_exist(tmp_path):
    (tmp_path / pointer.snapshot_name(2)).write_bytes(b"")
    (tmp_path / pointer.snapshot_name(4)).write_bytes(b"")
    labels = publish_view.version_labels(
        _publications(), tmp_path, current_id=None, lang="nl", statuses=("approved", "withdrawn")
    )
    assert list(labels) == [2]  # 1 has no file any more, 4 still waits
    assert labels[2] == "2 · Q3 2026 · 03-10-2026 · gepubliceerd"
