"""The 'what changed' page: drafts against the current publication, and two publications."""

from __future__ import annotations

from impactdash import config
from impactdash.publish import pointer
from impactdash.store import db
from impactdash.write import edits
from tests.publishing import EDITOR, publish_now

PAGE = "app_pages/changes.py"


def draft_spend(path, amount: str) -> None:
    con = db.connect(path)
    values, version = edits.get_record(con, "spend", "DH-2025-000001")
    edits.save_record(con, EDITOR, "spend", edits.as_text("spend", values) | {"amount": amount}, version)
    con.close()


def test_no_change_says_so(app):
    at = app("nl", page=PAGE, signed_in="editor.demo")
    assert any("Geen enkel cijfer verschilt" in s.value for s in at.success)


def test_a_draft_change_is_listed_with_before_and_after_and_downloadable(app, demo_copy):
    draft_spend(demo_copy, "250000")
    at = app("nl", page=PAGE, signed_in="reviewer.demo")
    assert "4 cijfers verschillen." in [m.value for m in at.markdown]
    table = at.table[0].value
    assert "Uitgaven programma" in set(table["Maatstaf"]) and set(table["Soort"]) == {"gewijzigd"}
    assert "€\xa05.849.728" in set(table["Was"]) and "€\xa06.093.445" in set(table["Wordt"])
    assert [b.proto.label for b in at.get("download_button")] == ["Download als CSV", "Download als Excel"]


def test_two_publications_can_be_compared(app, demo_copy):
    draft_spend(demo_copy, "250000")
    publish_now(demo_copy, "Q4 2026")
    at = app("en", page=PAGE, signed_in="editor.demo")
    # From the current publication to the drafts: nothing differs any more.
    assert any("No figure differs" in s.value for s in at.success)
    # The options are the versions' files; the first publication's:
    at.selectbox[0].set_value(str(config.publications_dir(demo_copy) / pointer.snapshot_name(1))).run()
    assert "4 figures differ." in [m.value for m in at.markdown]
