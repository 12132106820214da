"""Issue 11, items 2 and 3: the preview shows the change, flags overwritten edits; an import is kept and reverted."""

from __future__ import annotations

import decimal
import json

import pandas as pd
import pytest

from impactdash.store import db, spend_month
from impactdash.views import edit as view_edit
from impactdash.views import import_data as view
from impactdash.write import datasets, edits, importer, permissions

ERIK = permissions.Actor("erik", frozenset({"editor"}))
ROSA = permissions.Actor("rosa", frozenset({"reviewer"}))
KEY = ("DH-P01", 2018, "original")  # the template's first budget row: 373000
HEADER = "programme_code,year,moment,amount,iv3_task_field"


@pytest.fixture
def con(demo_copy):
    connection = db.connect(demo_copy)
    yield connection
    connection.close()


def budget_file(*rows: str) -> pd.DataFrame:
    return importer.read_upload(
        "begroting.csv", ("\n".join([HEADER, *rows]) + "\n").encode(), dataset="budget"
    )


def amount(con, key=KEY):
    found = con.execute(
        "select amount from budget where programme_code = $p and year = $y and moment = $m",
        dict(zip("pym", key, strict=True)),
    ).fetchall()
    return found[0][0] if found else None


def table_sum(con, table: str) -> str:
    return con.execute(
        f"select md5(coalesce(string_agg(x::varchar, chr(10) order by x::varchar), '')) from {table} x"  # noqa: S608
    ).fetchone()[0]


def grid_edit(con, value: str, key=KEY) -> None:
    _, version = edits.get_record(con, "budget", key)
    row = {"programme_code": key[0], "year": str(key[1]), "moment": key[2], "amount": value}
    edits.save_grid(con, ERIK, "budget", pd.DataFrame([row]), expected_versions={key: version})


def entries(con, action: str) -> list[tuple]:
    return con.execute(
        "select id, actor, dataset, detail from audit_log where action = $a order by id", {"a": action}
    ).fetchall()


# --- the preview shows the change -------------------------------------------------------------


def test_the_diff_lists_new_changed_and_unchanged_rows_with_old_and_new_per_field(con):
    frame = budget_file(
        "DH-P01,2018,original,373000,3.4",  # row 2: as stored
        "DH-P01,2018,spring,384500,3.5",  # row 3: amount and task field change
        "DH-P01,2040,original,1000,",  # row 4: new
    )
    preview = importer.preview(con, "budget", frame)
    assert (preview.inserts, preview.updates, preview.unchanged) == (1, 1, 1)
    lines = preview.changes[["row", "record", "op", "field", "old", "new"]]
    assert lines.astype(object).where(lines.notna(), None).values.tolist() == [
        [2, "DH-P01 / 2018 / original", "same", None, None, None],
        [3, "DH-P01 / 2018 / spring", "update", "amount", "384000.00", "384500.00"],
        [3, "DH-P01 / 2018 / spring", "update", "iv3_task_field", "3.4", "3.5"],
        [4, "DH-P01 / 2040 / original", "insert", None, None, None],
    ]
    assert preview.overwrites == [] and preview.changes["edited_by"].isna().all()


@pytest.mark.parametrize(
    ("lang", "old", "new", "op"),
    [("nl", "384.000", "384.500", "gewijzigd"), ("en", "384,000", "384,500", "changed")],
)
def test_the_change_table_is_in_the_page_language_and_the_download_holds_the_stored_values(
    con, lang, old, new, op
):
    preview = importer.preview(con, "budget", budget_file("DH-P01,2018,spring,384500,3.4"))
    ds = datasets.get("budget")
    table = view.change_table(preview.changes, ds, lang)
    assert table.iloc[0].tolist()[2:6] == [op, "Bedrag" if lang == "nl" else "Amount", old, new]
    csv = view.change_csv(preview.changes, ds, lang).decode("utf-8-sig")
    assert "384000.00" in csv and "384500.00" in csv
    assert list(view.filtered(preview.changes, "insert").index) == []
    assert len(view.filtered(preview.changes, "update")) == 1


# --- overwritten edits ----------------------------------------------------------------------


def test_regression_a_template_reimport_that_undoes_a_grid_edit_is_flagged_and_needs_confirmation(con):
    """Issue 11: a grid edit 9.350 → 9.400, then the template re-imported quietly put 9.350 back."""
    grid_edit(con, "373400")
    frame = importer.read_upload("sjabloon-budget.csv", importer.template("budget"), dataset="budget")
    preview = importer.preview(con, "budget", frame)
    (flag,) = preview.overwrites
    assert (flag.row, flag.record, flag.actor) == (2, "DH-P01 / 2018 / original", "erik")
    (line,) = preview.changes[preview.changes["edited_by"].notna()].itertuples()
    assert (line.old, line.new, line.edited_by) == ("373400.00", "373000.00", "erik")
    note = view.change_table(preview.changes, datasets.get("budget"), "nl").iloc[0, -1]
    assert note.startswith("gewijzigd door erik op ") and note.endswith("dit bestand zou dat ongedaan maken")
    audit_before = len(entries(con, "import"))
    with pytest.raises(importer.OverwriteError) as err:
        importer.apply(con, ERIK, "budget", frame)
    assert "DH-P01 / 2018 / original" in err.value.message("nl")
    assert amount(con) == decimal.Decimal("373400.00") and len(entries(con, "import")) == audit_before
    importer.apply(con, ERIK, "budget", frame, confirmed=preview.overwritten_keys)
    assert amount(con) == decimal.Decimal("373000.00")
    # Once imported, the same file flags nothing: the edit is older than the last import.
    assert importer.preview(con, "budget", frame).overwrites == []


def test_an_edit_older_than_the_last_import_or_an_unchanged_row_is_not_flagged(con):
    grid_edit(con, "373400")
    importer.apply(con, ERIK, "budget", budget_file("DH-P02,2018,original,1,"))  # a later import of budgets
    assert importer.preview(con, "budget", budget_file("DH-P01,2018,original,373000,3.4")).overwrites == []
    grid_edit(con, "373500")
    assert importer.preview(con, "budget", budget_file("DH-P01,2018,original,373500,3.4")).overwrites == []


# --- the import is kept and reverted --------------------------------------------------------


def test_the_import_keeps_every_changed_fields_before_and_after_and_every_new_records_fields(con):
    result = importer.apply(
        con, ERIK, "budget", budget_file("DH-P01,2018,spring,384500,3.4", "DH-P01,2040,original,1000,")
    )
    (entry,) = entries(con, "import")
    assert result.audit_id == entry[0]
    kept = con.execute(
        "select row_no, record_key, op, before, after from import_change where audit_id = $id order by row_no",
        {"id": entry[0]},
    ).fetchall()
    kept = [(*r[:3], *(json.loads(v) if v else None for v in r[3:])) for r in kept]
    assert kept == [
        (2, "DH-P01\x1f2018\x1fspring", "update", {"amount": "384000.00"}, {"amount": "384500.00"}),
        (
            3,
            "DH-P01\x1f2040\x1foriginal",
            "insert",
            None,
            {"amount": "1000.00", "iv3_task_field": None},
        ),
    ]


def test_revert_restores_every_value_and_removes_added_records_in_one_audited_step(con):
    before = table_sum(con, "budget")
    frame = budget_file(
        "DH-P01,2018,spring,384500,3.5", "DH-P01,2018,original,1,", "DH-P01,2040,original,1000,"
    )
    result = importer.apply(con, ERIK, "budget", frame)
    assert table_sum(con, "budget") != before
    version = db.data_version(con)
    assert edits.revert(con, ROSA, result.audit_id) == {
        "reverts": result.audit_id,
        "restored": 2,
        "removed": 1,
        "forced": 0,
    }
    assert table_sum(con, "budget") == before
    ((revert_id, actor, dataset, detail),) = entries(con, "revert_import")
    assert (actor, dataset) == ("rosa", "budget") and f'"reverts": {result.audit_id}' in detail
    assert db.data_version(con) == version + 1
    kept = con.execute(
        "select op, count(*) from import_change where audit_id = $id group by op order by op",
        {"id": revert_id},
    ).fetchall()
    assert kept == [("delete", 1), ("update", 2)]
    with pytest.raises(edits.EditError) as err:  # twice
        edits.revert(con, ROSA, result.audit_id)
    assert err.value.message_key == "import_revert_twice"
    with pytest.raises(edits.EditError) as err:  # the revert of the revert
        edits.revert(con, ROSA, revert_id)
    assert err.value.message_key == "import_revert_of_revert" and "opnieuw" in err.value.message("nl")
    assert table_sum(con, "budget") == before


def test_revert_is_refused_with_the_list_of_records_changed_since_unless_forced(con):
    before = table_sum(con, "budget")
    frame = budget_file(
        "DH-P01,2018,spring,384500,3.4", "DH-P01,2018,original,1,", "DH-P01,2040,original,1000,"
    )
    result = importer.apply(con, ERIK, "budget", frame)
    grid_edit(con, "2", KEY)
    grid_edit(con, "2000", ("DH-P01", 2040, "original"))
    after_edits = table_sum(con, "budget")
    audit_count = con.execute("select count(*) from audit_log").fetchone()[0]
    with pytest.raises(edits.EditError) as err:
        edits.revert(con, ROSA, result.audit_id)
    assert err.value.records == ["DH-P01 / 2018 / original", "DH-P01 / 2040 / original"]
    assert "DH-P01 / 2018 / original, DH-P01 / 2040 / original" in err.value.message("en")
    assert table_sum(con, "budget") == after_edits
    assert con.execute("select count(*) from audit_log").fetchone()[0] == audit_count
    detail = edits.revert(con, ROSA, result.audit_id, force=True)
    assert detail["forced"] == 2 and table_sum(con, "budget") == before


def test_reverting_a_spend_import_keeps_the_monthly_sums_in_step(con):
    values, _ = edits.get_record(con, "spend", "DH-2018-000001")
    rows = [
        "entry_ref,programme_code,booking_date,amount,description,counterparty_kind",
        "REV-1,DH-P03,2025-03-15,100.00,Nieuw,supplier",
        # Moves an existing line to another programme and month, with another amount.
        f"DH-2018-000001,DH-P19,2019-06-01,{values['amount'] + 1},{values['description']},supplier",
    ]
    frame = importer.read_upload("u.csv", "\n".join(rows).encode(), dataset="spend")
    result = importer.apply(con, ERIK, "spend", frame)
    assert spend_month.differences(con.cursor()) == []
    edits.revert(con, ROSA, result.audit_id)
    assert edits.get_record(con, "spend", "DH-2018-000001")[0] == values
    with pytest.raises(edits.NotFoundError):
        edits.get_record(con, "spend", "REV-1")
    assert spend_month.differences(con.cursor()) == []


def test_revert_needs_the_right_and_an_import(con):
    result = importer.apply(con, ERIK, "budget", budget_file("DH-P01,2018,spring,384500,3.4"))
    with pytest.raises(permissions.PermissionDenied):
        edits.revert(con, ERIK, result.audit_id)
    assert amount(con, ("DH-P01", 2018, "spring")) == decimal.Decimal("384500.00")
    with pytest.raises(edits.EditError) as err:
        edits.revert(con, ROSA, 999_999)
    assert err.value.message_key == "edit_revert_unknown"


def test_an_import_with_a_booking_after_the_reporting_date_is_warned_about_not_refused(demo_con):
    # Issue 12: "A spend line dated 2099 is accepted silently."
    header = "entry_ref,programme_code,booking_date,amount,description,counterparty_kind"
    rows = ["LATE-1,DH-P01,01-03-2099,100,x,supplier", "LATE-2,DH-P01,01-03-2025,100,x,supplier"]
    frame = importer.read_upload(
        "uitgaven.csv", ("\n".join([header, *rows]) + "\n").encode(), dataset="spend"
    )
    preview = importer.preview(demo_con, "spend", frame)
    assert preview.ok and preview.inserts == 2
    assert preview.late_count == 1 and [(r, f) for r, f, _ in preview.late] == [(2, "booking_date")]
    (line,) = view_edit.import_late_lines("spend", preview, "nl")
    assert line.startswith("Rij 2: Boekingsdatum 01-03-2099 ligt na de peildatum ")
    assert line.endswith("klopt het jaartal?")
