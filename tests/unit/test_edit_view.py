"""The edit page's form texts and labels, read and written without Streamlit (impactdash.views.edit)."""

from __future__ import annotations

from impactdash.views import edit as ev
from impactdash.write import datasets


def test_a_new_note_leaves_its_number_to_the_database():
    names = [f.name for f in ev.form_fields("note", existing=False)]
    assert "id" not in names
    assert "id" in [f.name for f in ev.form_fields("note", existing=True)]


def test_typed_values_are_text_or_none_and_booleans_true_or_false():
    entered = {"code": " GM1 ", "name": "  ", "province": None, "pillar_start": "1-1-2024", "is_demo": True}
    values = ev.typed_values("municipality", entered, existing=True)
    assert values == {
        "code": "GM1",
        "name": None,
        "province": None,
        "pillar_start": "1-1-2024",
        "is_demo": "true",
    }
    assert ev.typed_values("municipality", {}, existing=True)["is_demo"] == "false"


def test_a_checkbox_holds_a_bool_other_widgets_the_text():
    fields = {f.name: f for f in datasets.get("municipality").fields}
    assert ev.widget_value(fields["is_demo"], "true") is True
    assert ev.widget_value(fields["is_demo"], "false") is False
    assert ev.widget_value(fields["name"], "Utrecht") == "Utrecht"


def test_labels_mark_required_fields_and_help_says_how_to_type_numbers_and_dates():
    fields = {f.name: f for f in datasets.get("budget").fields}
    assert ev.form_label(fields["amount"], "en").endswith(" *")
    assert not ev.form_label(fields["iv3_task_field"], "en").endswith("*")
    assert ev.form_help(fields["amount"], "nl")
    assert ev.form_help(fields["programme_code"], "nl") is None
    assert ev.decimal_mark("nl") == "," and ev.decimal_mark("en") == "."


def test_records_are_listed_by_key_with_their_name():
    rows = [{"code": "P1", "name": "Hub"}, {"code": "P2", "name": None}]
    by_row, by_id = ev.records_by_id("instrument", [{**r, "domain_code": "d"} for r in rows])
    assert list(by_id.values()) == [("P1",), ("P2",)]
    assert [ev.record_label(by_id[k], by_row[k]) for k in by_id] == ["P1 – Hub", "P2"]


def test_what_a_save_says():
    changes = [("Bedrag", "1,00", "2,00")]
    assert len(ev.saved_lines("P1 / 2025", existing=False, changes=changes, lang="nl")) == 1
    lines = ev.saved_lines("P1 / 2025", existing=True, changes=changes, lang="nl")
    assert len(lines) == 2 and "P1 / 2025" in lines[0] and "2,00" in lines[1]
    nothing = ev.saved_lines("P1 / 2025", existing=True, changes=[], lang="nl")
    assert len(nothing) == 1 and nothing[0] != lines[0]
