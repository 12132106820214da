"""The edit page's form texts and labels, read and written without Streamlit (impactdash.views.edit)."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest

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


NAMES = ev.names_from_rows(
    [
        {
            "dataset": "municipality",
            "code": "GM0518",
            "municipality_code": None,
            "name_nl": "Den Haag",
            "name_en": "The Hague",
            "target_date": None,
        },
        {
            "dataset": "metric",
            "code": "impact_team_fte",
            "municipality_code": None,
            "name_nl": "Impactteam",
            "name_en": "Impact team",
            "target_date": None,
        },
        {
            "dataset": "programme",
            "code": "DH-P01",
            "municipality_code": "GM0518",
            "name_nl": "Impact Hub",
            "name_en": "Impact Hub",
            "target_date": None,
        },
        {
            "dataset": "programme",
            "code": "UT-P01",
            "municipality_code": "GM0344",
            "name_nl": "Aardehuis",
            "name_en": "Aardehuis",
            "target_date": None,
        },
        {
            "dataset": "ambition",
            "code": "DH-A-ENTERPRISES",
            "municipality_code": "GM0518",
            "name_nl": "Impactondernemingen",
            "name_en": "Impact enterprises",
            "target_date": dt.date(2030, 12, 31),
        },
    ],
    "nl",
)


def test_records_are_listed_by_name_with_the_code_second():
    rows = [{"code": "P1", "name": "Hub"}, {"code": "P2", "name": None}]
    by_row, by_id = ev.records_by_id("instrument", [{**r, "domain_code": "d"} for r in rows])
    assert list(by_id.values()) == [("P1",), ("P2",)]
    assert [ev.record_label("instrument", by_id[k], by_row[k]) for k in by_id] == ["Hub (P1)", "P2"]
    # A record without a name: its key in words (names, dates, choices), the codes second.
    key = ("impact_team_fte", "GM0518", dt.date(2025, 12, 31))
    label = ev.record_label("observation", key, {}, NAMES, "nl")
    assert label == "Impactteam · Den Haag · 31-12-2025 (impact_team_fte / GM0518 / 2025-12-31)"
    label = ev.record_label("budget", ("DH-P01", 2025, "spring"), {}, NAMES, "nl")
    assert label == "Impact Hub · 2025 · Voorjaarsnota (DH-P01 / 2025 / spring)"


def test_references_are_chosen_by_name_and_stored_by_code():
    # Issue 12: "Editing asks for DH-A-ENTERPRISES, impact_enterprises, GM0518".
    assert NAMES.label("municipality", "GM0518") == "Den Haag (GM0518)"
    assert NAMES.label("ambition", "DH-A-ENTERPRISES") == (
        "Impactondernemingen, streefdatum 31-12-2030 (DH-A-ENTERPRISES)"
    )
    assert NAMES.label("programme", "XX-UNKNOWN") == "XX-UNKNOWN" and NAMES.label("programme", "") == ""
    # A municipality's own programmes; the current value stays even when it is another's.
    assert NAMES.options("programme", "GM0518") == ["DH-P01"]
    assert NAMES.options("programme", "GM0518", current="UT-P01") == ["DH-P01", "UT-P01"]
    english = ev.names_from_rows(
        [
            {
                "dataset": "municipality",
                "code": "GM0518",
                "municipality_code": None,
                "name_nl": "Den Haag",
                "name_en": "The Hague",
                "target_date": None,
            }
        ],
        "en",
    )
    assert english.label("municipality", "GM0518") == "The Hague (GM0518)"


def test_labels_come_from_the_texts_as_written_and_choices_are_words():
    # Issue 12: "Cbs-code", a label derived by capitalising "CBS-code".
    code = datasets.get("municipality").field("code")
    assert ev.form_label(code, "nl") == "CBS-code *" and ev.field_label(code, "en") == "CBS code"
    assert ev.field_label(datasets.get("programme").field("sdgs"), "nl") == "SDG's"
    assert ev.choice_label("budget", "moment", "spring", "nl") == "Voorjaarsnota"
    assert ev.choice_label("spend", "counterparty_kind", "impact_enterprise", "en") == "Impact enterprise"
    for ds in datasets.DATASETS.values():
        for f in ds.fields:
            for c in f.choices or ():
                assert ev.choice_label(ds.name, f.name, c, "nl") != c, (ds.name, f.name, c)
    changes = ev.changed_fields(
        "budget",
        {"programme_code": "DH-P01", "moment": "spring"},
        {"programme_code": "DH-P01", "moment": "final"},
        "nl",
        NAMES,
    )
    assert changes == [("P&C-moment", "Voorjaarsnota", "Jaarrekening")]


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (decimal.Decimal("1350.00"), "nl", "1.350,00"),
        (decimal.Decimal("1350.00"), "en", "1,350.00"),
        (1350.0, "nl", "1.350"),
        (1.035, "nl", "1,035"),
        (-250.5, "en", "-250.5"),
        (560000, "nl", "560.000"),
        (None, "nl", None),
    ],
)
def test_the_grid_writes_numbers_in_the_pages_language(value, lang, text):
    # Issue 12: the grid showed "1,350" on the Dutch page (the browser's language).
    assert ev.grid_number_text(value, lang) == text


def test_grid_numbers_keep_years_plain():
    frame = ev.grid_frame(
        "budget",
        [
            {
                "programme_code": "DH-P01",
                "year": 2025,
                "moment": "final",
                "amount": decimal.Decimal("9350.00"),
                "iv3_task_field": None,
            }
        ],
        "nl",
    )
    assert frame.loc[0, "year"] == 2025 and frame.loc[0, "amount"] == "9.350,00"
    fields = {f.name: f for f in datasets.get("property").fields}
    assert ev.grid_as_text(fields["gross_floor_m2"]) and not ev.grid_as_text(
        datasets.get("occupancy").field("year")
    )


def test_dates_after_the_reporting_date_are_warned_about_with_the_reason():
    # Issue 12: "A spend line dated 2099 is accepted silently."
    row = {"entry_ref": "X", "booking_date": dt.date(2099, 3, 1)}
    lines = ev.late_date_lines("spend", row, dt.date(2026, 12, 31), "nl")
    assert lines == ["Boekingsdatum 01-03-2099 ligt na de peildatum 31-12-2026; klopt het jaartal?"]
    assert (
        ev.late_date_lines("spend", {"booking_date": dt.date(2026, 12, 31)}, dt.date(2026, 12, 31), "nl")
        == []
    )
    # A planned date may lie ahead: a programme's end, an ambition's target.
    assert ev.late_dates("programme", {"end_date": dt.date(2030, 1, 1)}, dt.date(2026, 12, 31)) == []


def test_what_happened_meanwhile_names_who_and_when():
    change = {"actor": "anna", "action": "delete", "changed_at": dt.datetime(2026, 12, 2, 10, 15)}
    line = ev.elsewhere_line(change, True, "nl")
    assert line.startswith("Dit record is intussen verwijderd door anna op 02-12-2026 10:15.")
    assert "uw invoer staat er nog" in line
    assert "changed meanwhile by anna" in ev.elsewhere_line(change, False, "en")
    assert "intussen verwijderd" in ev.elsewhere_line(None, True, "nl")


def test_what_a_save_says():
    changes = [("Bedrag", "1,00", "2,00")]
    assert len(ev.saved_lines("P1 / 2025", existing=False, changes=changes, lang="nl")) == 1
    lines = ev.saved_lines("P1 / 2025", existing=True, changes=changes, lang="nl")
    assert len(lines) == 2 and "P1 / 2025" in lines[0] and "2,00" in lines[1]
    nothing = ev.saved_lines("P1 / 2025", existing=True, changes=[], lang="nl")
    assert len(nothing) == 1 and nothing[0] != lines[0]


def test_the_form_writes_numbers_as_the_language_does_and_years_plain():
    row = {
        "programme_code": "DH-P01",
        "year": 2025,
        "moment": "final",
        "amount": decimal.Decimal("233000.00"),
    }
    assert ev.form_texts("budget", row, "nl")["amount"] == "233.000,00"
    assert ev.form_texts("budget", row, "en")["amount"] == "233,000.00"
    assert ev.form_texts("budget", row, "nl")["year"] == "2025"
