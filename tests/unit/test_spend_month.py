"""spend_month stays equal to the ledger on every write path, and the queries reading it give the same figures.

Two properties. (1) After every kind of write — an edit, a grid save, a delete, a revert,
an import, the demo build, a restore, a publication snapshot, migration 0008 on an old
file, the benchmark's scaling — ``spend_month`` holds exactly the ledger's sums per
programme and month (``spend_month.differences`` is empty). (2) Every named query that
reads it returns exactly what its old version, summing the ledger line by line
(``tests/unit/ledger_reference/``), returns — for several reporting dates, among them
dates in mid-month, where the month of the reporting date comes from the ledger itself.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pytest

from impactdash.publish import snapshot
from impactdash.store import db, loader, spend_month
from impactdash.write import backup, edits, importer, permissions
from tests.demo_files import demo_without_english

REFERENCE = Path(__file__).parent / "ledger_reference"
EDITOR = permissions.Actor("erik", frozenset({"editor"}))
ADMIN = permissions.Actor("ada", frozenset({"admin", "editor"}))
#: Reporting dates: the demo's own (a month end), mid-month, a year end, the first of a
#: month, the first of a year, before most of the ledger, after all of it.
REPORTING_DATES = (
    "2026-09-30",
    "2026-09-15",
    "2025-12-31",
    "2026-03-01",
    "2024-01-01",
    "2019-06-10",
    "2030-05-05",
)


def in_step(con) -> list:
    cur = con.cursor()
    try:
        return spend_month.differences(cur)
    finally:
        cur.close()


def set_reporting_date(con, day: str) -> None:
    con.execute("update app_setting set value = $d where key = 'reporting_date'", {"d": day})


def _reference(name: str) -> str:
    return (REFERENCE / f"{name}.sql").read_text(encoding="utf-8")


def _same(con, name: str, **params) -> None:
    """The named query and its ledger version give the same frame (values, types and order)."""
    new = db.run_query(con, name, **params)
    # The reference binds every parameter: an optional one left out takes the query's default.
    old = con.cursor().execute(_reference(name), {**db.query_default_params(name), **params}).df()
    pd.testing.assert_frame_equal(new, old, check_exact=True, obj=f"{name} {params}")


def _parameter_sets(con) -> dict[str, list[dict]]:
    towns = [r[0] for r in con.execute("select code from municipality order by code").fetchall()]
    # The first year of the demo ledger, and the years around the reporting date.
    reporting_year = con.execute("select year(reporting_date) from reporting_period").fetchone()[0]
    years = sorted({2018, reporting_year - 1, reporting_year})
    instruments = {
        gm: [
            "all",
            *(
                r[0]
                for r in con.execute(
                    "select instrument_code from programme where municipality_code = $m"
                    " group by all order by count(*) desc, 1 limit 1",
                    {"m": gm},
                ).fetchall()
            ),
        ]
        for gm in towns
    }
    ambitions = [
        r[0]
        for r in con.execute(
            "select min(code) from ambition group by municipality_code order by 1"
        ).fetchall()
    ]
    programme = con.execute(
        "select min(code) from programme where municipality_code = $m", {"m": towns[0]}
    ).fetchone()[0]
    per_town = [{"municipality": gm} for gm in towns]
    per_year = [{"municipality": gm, "year": y} for gm in towns for y in years]
    per_instrument = [{"municipality": gm, "instrument": i} for gm in towns for i in instruments[gm]]
    per_year_instrument = [
        {"municipality": gm, "year": y, "instrument": i}
        for gm in towns
        for y in years
        for i in instruments[gm]
    ]
    return {
        # One programme of the first town, as its programme page asks (budget_by_year's filter).
        "budget_by_year": [
            *per_instrument,
            {"municipality": towns[0], "instrument": "all", "programme": programme},
        ],
        "budget_moments": per_year_instrument,
        "budget_cumulative": per_year_instrument,
        "budget_by_programme": per_year_instrument,
        "budget_by_instrument": per_year,
        "budget_spend_year": per_year,
        "ambitions_programmes": per_town,
        "review_programme_years": [{"ambition": a} for a in ambitions],
        "download_budget_spend": [{}],
        "method_coverage": [{}],
    }


def assert_figures_as_from_the_ledger(con, dates=REPORTING_DATES) -> None:
    """Every query reading spend_month agrees with its ledger version, at each reporting date."""
    assert sorted(p.stem for p in REFERENCE.glob("*.sql")) == sorted([*_parameter_sets(con), "metric_value"])
    kept = db.setting(con, "reporting_date")
    try:
        for day in dates:
            set_reporting_date(con, day)
            for name, param_sets in _parameter_sets(con).items():
                for params in param_sets:
                    _same(con, name, **params)
            new = con.execute("select * from metric_value order by all").df()
            old = con.execute(f"select * from ({_reference('metric_value')}) order by all").df()  # noqa: S608
            pd.testing.assert_frame_equal(new, old, check_exact=True, obj=f"metric_value at {day}")
            spend = con.execute("select * from mv_spend_eur order by all").df()
            pd.testing.assert_frame_equal(
                spend, old[old.metric_code == "spend_eur"].reset_index(drop=True), check_exact=True
            )
    finally:
        set_reporting_date(con, kept)


@pytest.fixture
def con(demo_copy):
    con = db.connect(demo_copy)
    yield con
    con.close()


def _line(ref: str, programme: str, day: str, amount: str = "100.00") -> dict:
    return {
        "entry_ref": ref,
        "programme_code": programme,
        "booking_date": day,
        "amount": amount,
        "description": "test",
        "counterparty_kind": "supplier",
    }


def _months(con, programme: str) -> dict:
    rows = con.execute(
        "select month, amount, lines from spend_month where programme_code = $p", {"p": programme}
    ).fetchall()
    return {m: (a, n) for m, a, n in rows}


# --- the demo as built, and the figures read from it ----------------------------------


def test_the_demo_build_fills_spend_month(demo_con):
    assert in_step(demo_con) == []
    assert demo_con.execute("select count(*) from spend_month").fetchone()[0] > 0


def test_the_figures_equal_the_ledger_sums_on_the_demo(con):
    assert_figures_as_from_the_ledger(con)


# --- every write path keeps it in step ------------------------------------------------


def test_edits_deletes_reverts_a_grid_save_and_an_import_keep_it_in_step(con):
    """Every write path of an editor keeps it in step, and the figures agree with the ledger after them.

    Merged from test_edits_deletes_and_reverts_keep_it_in_step,
    test_a_grid_save_with_additions_changes_and_deletions_keeps_it_in_step and
    test_an_import_that_adds_and_moves_lines_keeps_it_in_step, which each compared every
    query with its ledger version (about 3 s of CPU per reporting date) on a demo copy of
    their own, 8 dates in all: the writes touch different programmes (DH-P01/LW-P01,
    GR-P01/GR-P02, DH-P02/LW-P02/DH-P03), each is checked in step at once, and the
    figures are compared once, after all of them, at the union of their 5 dates.
    """
    _edits_deletes_and_reverts(con)
    _a_grid_save_with_additions_changes_and_deletions(con)
    _an_import_that_adds_and_moves_lines(con)
    assert_figures_as_from_the_ledger(
        con, dates=("2026-09-15", "2024-02-15", "2026-09-30", "2019-01-30", "2026-09-20")
    )


def _edits_deletes_and_reverts(con) -> None:
    # A line in a month the programme had no line in yet.
    edits.save_record(con, EDITOR, "spend", _line("T-NEW", "DH-P01", "2026-09-10", "250.50"))
    assert _months(con, "DH-P01")[dt.date(2026, 9, 1)][1] >= 1
    assert in_step(con) == []
    # A changed amount.
    _, version = edits.get_record(con, "spend", "T-NEW")
    edits.save_record(con, EDITOR, "spend", {"entry_ref": "T-NEW", "amount": "-75.25"}, version)
    assert in_step(con) == []
    # Moved to another month and another municipality's programme at once.
    _, version = edits.get_record(con, "spend", "T-NEW")
    edits.save_record(
        con,
        EDITOR,
        "spend",
        {"entry_ref": "T-NEW", "programme_code": "LW-P01", "booking_date": "2024-02-29"},
        version,
    )
    assert in_step(con) == []
    moved = con.execute("select max(id) from audit_log").fetchone()[0]
    # Undo the move from the audit log, then redo it by reverting the revert.
    edits.revert(con, ADMIN, moved)
    assert in_step(con) == []
    edits.revert(con, ADMIN, con.execute("select max(id) from audit_log").fetchone()[0])
    assert in_step(con) == []
    # Deleting the only line of a month removes the month.
    _, version = edits.get_record(con, "spend", "T-NEW")
    before = _months(con, "LW-P01")
    edits.delete_record(con, EDITOR, "spend", "T-NEW", version)
    assert in_step(con) == []
    if before[dt.date(2024, 2, 1)][1] == 1:
        assert dt.date(2024, 2, 1) not in _months(con, "LW-P01")


def _a_grid_save_with_additions_changes_and_deletions(con) -> None:
    refs = [
        r[0]
        for r in con.execute(
            "select entry_ref from spend where programme_code = 'GR-P01' order by booking_date desc, entry_ref limit 3"
        ).fetchall()
    ]
    versions = {ref: edits.get_record(con, "spend", ref)[1] for ref in refs}
    moved = edits.as_text("spend", edits.get_record(con, "spend", refs[0])[0])
    moved |= {"booking_date": "2019-01-31", "programme_code": "GR-P02"}
    grid = pd.DataFrame([moved, _line("T-GRID", "GR-P01", "2026-09-29", "12.34")])
    edits.save_grid(con, EDITOR, "spend", grid, deleted_keys=[refs[1]], expected_versions=versions)
    assert in_step(con) == []


def _an_import_that_adds_and_moves_lines(con) -> None:
    ref, programme = con.execute(
        "select entry_ref, programme_code from spend where programme_code = 'DH-P02' order by entry_ref limit 1"
    ).fetchone()
    frame = pd.DataFrame(
        [
            _line("T-IMP-1", "DH-P02", "2026-09-20", "1000.00"),
            _line("T-IMP-2", "LW-P02", "2020-07-01", "-20.00"),
            _line(ref, "DH-P03", "2021-11-30", "333.33"),  # an existing line, moved
        ]
    )
    importer.apply(con, EDITOR, "spend", frame, filename="test.csv")
    assert (
        con.execute("select programme_code from spend where entry_ref = $r", {"r": ref}).fetchone()[0]
        == "DH-P03"
    )
    assert in_step(con) == []


def test_deleting_the_last_line_of_a_month_removes_the_month(con):
    programme, month = con.execute(
        "select programme_code, month from spend_month where lines = 1 order by month desc, programme_code limit 1"
    ).fetchone()
    ref = con.execute(
        "select entry_ref from spend where programme_code = $p and date_trunc('month', booking_date) = $m",
        {"p": programme, "m": month},
    ).fetchone()[0]
    _, version = edits.get_record(con, "spend", ref)
    edits.delete_record(con, EDITOR, "spend", ref, version)
    assert month not in _months(con, programme)
    assert in_step(con) == []
    # Reverting the delete brings the line, and its month, back.
    edits.revert(con, ADMIN, con.execute("select max(id) from audit_log").fetchone()[0])
    assert _months(con, programme)[month][1] == 1
    assert in_step(con) == []


def test_a_failed_write_leaves_spend_month_as_it_was(con):
    before = con.execute("select * from spend_month order by all").fetchall()
    frame = pd.DataFrame([_line("T-BAD-1", "DH-P01", "2026-09-20"), _line("T-BAD-2", "NOPE", "2026-09-20")])
    with pytest.raises(edits.ValidationError):
        importer.apply(con, EDITOR, "spend", frame)
    assert con.execute("select * from spend_month order by all").fetchall() == before


def test_a_restore_recomputes_it_from_the_restored_ledger(con, demo_copy):
    saved = backup.make_backup(con, ADMIN)
    edits.save_record(con, EDITOR, "spend", _line("T-GONE", "DH-P01", "2026-09-10"))
    ref = con.execute("select min(entry_ref) from spend where programme_code = 'LW-P01'").fetchone()[0]
    edits.delete_record(con, EDITOR, "spend", ref, edits.get_record(con, "spend", ref)[1])
    backup.restore(con, ADMIN, saved)
    assert con.execute("select count(*) from spend where entry_ref = 'T-GONE'").fetchone()[0] == 0
    assert in_step(con) == []


def test_a_snapshot_holds_spend_month_in_step_with_its_ledger(con, demo_copy, tmp_path):
    edits.save_record(con, EDITOR, "spend", _line("T-PUB", "GR-P02", "2026-09-01", "5.00"))
    target = tmp_path / "snapshot.duckdb"
    snapshot.write_snapshot(con, target, {"publication_id": "1"})
    snap = db.connect(target, read_only=True)
    try:
        assert in_step(snap) == []
        assert snap.execute("select count(*) from spend_month").fetchone()[0] > 0
        assert snap.execute("select count(*) from spend where entry_ref = 'T-PUB'").fetchone()[0] == 1
    finally:
        snap.close()


def test_migration_0008_fills_it_from_an_existing_ledger(tmp_path):
    demo = demo_without_english(tmp_path / "demo")  # the files as schema 7 knew them
    con = db.connect(tmp_path / "v7.duckdb", extra_dirs=(demo,))
    db.migrate(con, target=7)
    loader.load_folder(con, demo)
    tables = ("spend", "programme", "budget", "cofunding")
    columns = {
        t: ", ".join(c[0] for c in con.execute(f"select * from {t} limit 0").description) for t in tables
    }
    before = {t: con.execute(f"select {columns[t]} from {t} order by all").fetchall() for t in tables}
    assert db.migrate(con) == list(range(8, db.latest_version() + 1))
    assert {t: con.execute(f"select {columns[t]} from {t} order by all").fetchall() for t in tables} == before
    assert in_step(con) == []
    assert con.execute("select sum(lines) from spend_month").fetchone()[0] == len(before["spend"])
    assert_figures_as_from_the_ledger(con, dates=("2026-09-30", "2026-09-15"))
    con.close()


def test_the_benchmark_scaling_keeps_it_in_step(con):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    try:
        import make_scaled
    finally:
        sys.path.pop(0)
    make_scaled.scale_up(con, 2)
    assert in_step(con) == []
    assert con.execute("select count(*) from spend_month where programme_code like '%-s1'").fetchone()[0] > 0


# --- the refresh itself ---------------------------------------------------------------


def test_refresh_recomputes_only_the_touched_months(con):
    cur = con.cursor()
    cur.execute("update spend_month set amount = 0 where programme_code = 'DH-P01'")
    assert len(in_step(con)) > 2
    spend_month.refresh(
        cur, [("DH-P01", dt.date(2025, 3, 17)), ("DH-P01", dt.date(2019, 12, 1)), (None, None)]
    )
    left = {row[2] for row in in_step(con)}
    assert dt.date(2025, 3, 1) not in left and dt.date(2019, 12, 1) not in left and left
    spend_month.rebuild(cur)
    assert in_step(con) == []


def test_refresh_period_covers_whole_months(con):
    cur = con.cursor()
    cur.execute("delete from spend_month where month in ('2025-01-01', '2025-02-01', '2025-03-01')")
    spend_month.refresh_period(cur, dt.date(2025, 1, 15), dt.date(2025, 3, 2))
    assert in_step(con) == []


def test_many_separate_months_are_summed_in_one_pass(con):
    cur = con.cursor()
    cur.execute("update spend_month set lines = lines + 1 where month(month) in (1, 3, 5, 7, 9, 11)")
    touched = cur.execute(
        "select programme_code, month from spend_month where month(month) in (1, 3, 5, 7, 9, 11)"
    ).fetchall()
    spend_month.refresh(cur, touched)
    assert in_step(con) == []
