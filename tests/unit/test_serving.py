"""A publication written under an older schema is served upgraded, from a copy, with the same figures."""

from __future__ import annotations

import shutil

import pytest

from impactdash import config
from impactdash.publish import pointer, serving
from impactdash.store import db
from tests.publishing import as_published_before_0008

#: The queries of the public pages that read spend_month (migration 0008).
SPEND_QUERIES = {
    "budget_by_year": {"municipality": "GM0518", "instrument": ""},
    "download_budget_spend": {},
    "method_coverage": {},
    "download_metric_values": {},
}


@pytest.fixture
def snapshots(demo_copy, tmp_path, monkeypatch):
    """The demo's current snapshot, and a copy of it made to look as if published before 0008."""
    monkeypatch.setenv(config.UPGRADED_ENV, str(tmp_path / "upgraded"))
    current = pointer.current(config.publications_dir(demo_copy))
    new = current.path
    old = tmp_path / "pub-old.duckdb"
    shutil.copy(new, old)
    as_published_before_0008(old)
    return new, old


def test_an_older_snapshot_fails_the_new_queries_as_it_is(snapshots):
    _, old = snapshots
    con = db.connect(old, read_only=True)
    with pytest.raises(Exception, match="spend_month"):
        db.run_query(con, "budget_by_year", **SPEND_QUERIES["budget_by_year"])
    con.close()


def test_an_older_snapshot_is_served_upgraded_with_the_same_figures(snapshots):
    new, old = snapshots
    before = pointer.checksum(old)
    upgraded = serving.open_publication(old)
    current = serving.open_publication(new)
    assert db.schema_version(upgraded) == db.latest_version()
    for name, params in SPEND_QUERIES.items():
        assert db.run_query(upgraded, name, **params).equals(db.run_query(current, name, **params)), name
    # The published file is untouched: its checksum is what was approved.
    assert pointer.checksum(old) == before
    copies = list(serving.upgraded_dir().iterdir())
    assert len(copies) == 1 and copies[0].name.endswith(f"-v{db.latest_version()}.duckdb")
    assert not copies[0].stat().st_mode & 0o222  # read-only


def test_a_current_snapshot_is_served_as_it_is_and_an_upgrade_is_made_once(snapshots):
    new, old = snapshots
    serving.open_publication(new).close()
    assert not list(serving.upgraded_dir().iterdir())
    serving.open_publication(old).close()
    made = next(serving.upgraded_dir().iterdir()).stat().st_mtime_ns
    serving.open_publication(old).close()
    assert next(serving.upgraded_dir().iterdir()).stat().st_mtime_ns == made


def test_an_older_snapshot_is_served_with_its_notes_in_dutch_only(snapshots):
    # Published before 0011: the pages read the English texts, which the upgrade adds empty,
    # so English pages fall back to the Dutch texts the publication holds.
    new, old = snapshots
    upgraded = serving.open_publication(old)
    current = serving.open_publication(new)
    assert upgraded.execute("select count(body_en) from note").fetchone() == (0,)
    notes = db.run_query(upgraded, "ambitions_notes", municipality="GM0518")
    assert not notes.empty and notes["body_en"].isna().all()
    assert (
        notes["body"].tolist()
        == db.run_query(current, "ambitions_notes", municipality="GM0518")["body"].tolist()
    )
