"""English texts beside the Dutch ones (migration 0011): edited, imported, published, open, shown.

One demo copy goes the whole way: a form edit and an import write English texts, a
publication carries them into the snapshot, the comparison and the open data; the views
pick the English text on English pages and mark the Dutch one where there is none.
"""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from impactdash import config
from impactdash.publish import changes, pointer, public
from impactdash.safe_text import typed_in
from impactdash.store import db
from impactdash.views import ambitions as ambitions_view
from impactdash.views import bilingual
from impactdash.views import property as realestate
from impactdash.write import edits, importer, permissions
from impactdash.write.datasets import DATASETS
from tests import publishing

ERIK = permissions.Actor("erik", frozenset({"editor"}))
HARBOUR = "Harbour yard at market rent, with impact conditions in the lease."

#: Each text a visitor reads and its English field (the one definition is the data sets').
ENGLISH = {
    "note": ("body", "body_en"),
    "programme": ("description", "description_en"),
    "ambition": ("document", "document_en"),
    "property": ("description", "description_en"),
}


@pytest.mark.parametrize("name", sorted(ENGLISH))
def test_every_text_has_an_optional_english_field_labelled_in_both_languages(name):
    dutch, english = (DATASETS[name].field(f) for f in ENGLISH[name])
    assert not english.required and english.kind == dutch.kind == "text"
    assert "Engels" in english.label("nl") and "English" in english.label("en")
    assert english.name in DATASETS[name].import_columns


def test_english_texts_are_edited_imported_published_compared_and_open(demo_copy):
    folder = config.publications_dir(demo_copy)
    earlier = pointer.current(folder).path
    con = db.connect(demo_copy)
    try:
        # The edit form's path: a building gets its English description.
        _, version = edits.get_record(con, "property", "DH-V13")
        edits.save_record(con, ERIK, "property", {"code": "DH-V13", "description_en": HARBOUR}, version)
        (after,) = con.execute(
            "select after_json from audit_log where dataset = 'property' order by id desc limit 1"
        ).fetchone()
        assert json.loads(after)["description_en"] == HARBOUR
        # An import with Dutch and English labels as headers, the English text's among them.
        text = (
            "onderwerp;code onderwerp;gemeente;periode vanaf;periode tot en met;tekst;zichtbaarheid;"
            "Text (English)\n"
            "programme;DH-P02;GM0518;01-01-2025;31-12-2025;Meer vouchers;public;More vouchers\n"
        )
        frame = importer.read_upload("n.csv", text.encode(), dataset="note")
        assert importer.apply(con, ERIK, "note", frame).inserts == 1
        assert con.execute("select body_en from note where body = 'Meer vouchers'").fetchall() == [
            ("More vouchers",)
        ]
    finally:
        con.close()

    current = publishing.publish_now(demo_copy)
    snapshot = db.connect(current.path, read_only=True)
    before = db.connect(earlier, read_only=True)
    try:
        assert snapshot.execute("select description_en from property where code = 'DH-V13'").fetchone() == (
            HARBOUR,
        )
        found = changes.compare_all(before, snapshot)
        changed = found[found["change"] == "changed"]
        lines = [(r.subject, r.key, r.field, r.before, r.after) for r in changed.itertuples()]
        assert ("property", ("DH-V13",), "description_en", None, HARBOUR) in lines
        added = found[(found["subject"] == "note") & (found["change"] == "added")]
        assert [row["body_en"] for row in added["after"]] == ["More vouchers"]
    finally:
        snapshot.close()
        before.close()

    package = next(folder.glob(f"*{current.id:04d}*open-data*"))
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        (r["name"].split(".")[0], f["name"]): f["description"]
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
    }
    for name, (_, english) in ENGLISH.items():
        description = fields[(name, english)]
        assert "Engels" in description and "English" in description, (name, description)
    with open(package / "note.csv", encoding="utf-8", newline="") as handle:
        assert "More vouchers" in {row["body_en"] for row in csv.DictReader(handle)}
    # The one definition of what the public sees keeps the English texts (internal notes stay out).
    assert public.table("note").where == "visibility = 'public'"


def test_a_text_in_the_other_language_is_marked_and_escaped():
    assert bilingual.pick("Tekst", "Text", "en") == ("Text", "en")
    assert bilingual.pick("Tekst", " ", "en") == ("Tekst", "nl")
    assert bilingual.pick(None, "Text", "nl") == ("Text", "en")
    assert bilingual.pick(None, float("nan"), "nl") == (None, "nl")
    assert bilingual.passage("Tekst", "Text *x*", "en") == r"Text \*x\*"
    assert bilingual.passage("Tekst <img src=x>", None, "en") == r'<span lang="nl">Tekst \<img src=x\></span>'
    assert bilingual.passage("Tekst", "Text", "nl") == "Tekst"
    assert bilingual.written("Tekst", None, "en") == ", in Dutch"
    assert bilingual.written("Tekst", "Text", "en") == ""
    assert bilingual.written(None, "Text", "nl") == ", in het Engels"
    with pytest.raises(ValueError):
        typed_in("x", 'nl" onmouseover="', "en")


def test_descriptions_of_buildings_and_programmes_pick_english_or_mark_dutch():
    register = pd.DataFrame(
        {
            "name": ["Werf", "Hub", "Kaal"],
            "description": ["Werf aan de haven.", "Kantoor.", None],
            "description_en": [None, "Office.", None],
        }
    )
    assert realestate.description_lines(register, "en") == (
        '- **Werf**: <span lang="nl">Werf aan de haven\\.</span>\n- **Hub**: Office\\.'
    )
    assert (
        realestate.description_lines(register, "nl")
        == "- **Werf**: Werf aan de haven\\.\n- **Hub**: Kantoor\\."
    )
    programmes = pd.DataFrame(
        {
            "programme_code": ["P1", "P1", "P2"],
            "programme_name": ["Net", "Net", "Fonds"],
            "description": ["Netwerk.", "Netwerk.", "Leningen."],
            "description_en": ["Network.", "Network.", None],
        }
    )
    assert ambitions_view.programme_descriptions(programmes, "en") == (
        '- **Net**: Network\\.\n- **Fonds**: <span lang="nl">Leningen\\.</span>'
    )
