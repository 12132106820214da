"""The 'what changed' page: everything the public sees, drafts against a publication and two publications."""

from __future__ import annotations

from impactdash import config
from impactdash.publish import pointer
from impactdash.store import db
from impactdash.write import edits
from tests.app.conftest import read_table
from tests.publishing import EDITOR, publish_now

PAGE = "app_pages/changes.py"


def draft_spend(path, amount: str) -> None:
    con = db.connect(path)
    values, version = edits.get_record(con, "spend", "DH-2025-000001")
    edits.save_record(con, EDITOR, "spend", edits.as_text("spend", values) | {"amount": amount}, version)
    con.close()


def draft_target(path, target: str = "1100") -> None:
    """Raise the demo's enterprises target in The Hague from 1.000 to 1.100 (the issue's case)."""
    con = db.connect(path)
    values, version = edits.get_record(con, "ambition", "DH-A-ENTERPRISES")
    fields = edits.as_text("ambition", values) | {"target_value": target}
    edits.save_record(con, EDITOR, "ambition", fields, version, key="DH-A-ENTERPRISES")
    con.close()


def texts(at) -> list[str]:
    return [m.value for m in at.markdown]


def rows(at) -> list[dict]:
    return [row for table in at.table for row in read_table(table).to_dict("records")]


def test_no_change_says_so(app):
    at = app("nl", page=PAGE, signed_in="editor.demo")
    assert "Niets dat het publiek ziet verschilt." in texts(at)
    assert not at.table


def test_a_raised_target_is_listed_with_old_and_new_value(app, demo_copy):
    # Regression (issue 11): a target raised from 1.000 to 1.100 was never listed.
    draft_target(demo_copy)
    at = app("nl", page=PAGE, signed_in="reviewer.demo")
    assert "1 wijziging." in texts(at)
    assert rows(at) == [
        {
            "Wat": "Impactondernemingen – 's\\-Gravenhage",
            "Gegeven": "Doel",
            "Was": "1.000",
            "Wordt": "1.100",
            "Soort": "gewijzigd",
        }
    ]
    assert [e.label for e in at.expander] == ["Ambities en doelen (1)"]
    at = app("en", page=PAGE, signed_in="reviewer.demo")
    assert "1 change." in texts(at)
    assert rows(at)[0] | {} == {
        "What": "Impact enterprises – 's\\-Gravenhage",
        "Field": "Target",
        "Was": "1,000",
        "Becomes": "1,100",
        "Kind": "changed",
    }


def test_a_draft_ledger_change_is_listed_as_spend_total_and_measure_values(app, demo_copy):
    draft_spend(demo_copy, "250000")
    at = app("nl", page=PAGE, signed_in="reviewer.demo")
    labels = [e.label for e in at.expander]
    assert labels[0] == "Uitgaven (totaal per programma en jaar) (1)"
    assert labels[1].startswith("Waarden van maatstaven (")
    spend = rows(at)[0]
    assert spend["Gegeven"] == "Bedrag" and spend["Soort"] == "gewijzigd"
    # One line of € 6.283,49 becomes € 250.000: the programme's 2025 total rises by the difference.
    assert spend["Was"] == "€\xa0197.018" and spend["Wordt"] == "€\xa0440.735"
    measures = {(r["Wat"], r["Was"], r["Wordt"]) for r in rows(at)[1:]}
    assert any(was == "€\xa05.849.728" and new == "€\xa06.093.445" for _, was, new in measures), measures
    assert [b.proto.label for b in at.get("download_button")] == ["Download als CSV", "Download als Excel"]


def test_two_publications_can_be_picked_and_compared(app, demo_copy):
    draft_target(demo_copy)
    publish_now(demo_copy, "Q4 2026")
    at = app("en", page=PAGE, signed_in="editor.demo")
    # From the current publication to the drafts: nothing differs any more.
    assert "Nothing the public sees differs." in texts(at)
    # The options are the versions' files; the first publication against the second:
    folder = config.publications_dir(demo_copy)
    at.selectbox[0].set_value(str(folder / pointer.snapshot_name(1)))
    at.selectbox[1].set_value(str(folder / pointer.snapshot_name(2))).run()
    assert "1 change." in texts(at)
    assert rows(at)[0]["Was"] == "1,000" and rows(at)[0]["Becomes"] == "1,100"
    # And back: the other direction shows the reverse.
    at.selectbox[0].set_value(str(folder / pointer.snapshot_name(2)))
    at.selectbox[1].set_value(str(folder / pointer.snapshot_name(1))).run()
    assert rows(at)[0]["Was"] == "1,100" and rows(at)[0]["Becomes"] == "1,000"


def test_a_long_list_is_grouped_counted_and_cut_with_all_in_the_download(app, demo_copy):
    con = db.connect(demo_copy)
    con.execute("update budget set amount = amount + 1")  # every budget line: 658 changes
    con.close()
    at = app("en", page=PAGE, signed_in="editor.demo")
    budget = [e for e in at.expander if e.label.startswith("Budget per planning-and-control moment")]
    assert [e.label for e in budget] == ["Budget per planning-and-control moment (658)"]
    assert "The first 25 of 658; the download holds them all." in [c.value for c in budget[0].caption]
    assert len(read_table(budget[0].table[0])) == 25
    download = [b for b in at.get("download_button") if b.proto.label == "Download as CSV"][0]
    assert download.proto.url, "the download is offered"
