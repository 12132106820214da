"""What changed: every table the public sees compared by its natural key, its words, and changed targets."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from impactdash import config
from impactdash.publish import changes, pointer, public, workflow
from impactdash.store import db
from impactdash.views import changes as view
from tests.publishing import EDITOR, REVIEWER

#: One change per subject, written straight into a copy of the demo's working database:
#: (subject, SQL, the field listed or None for a whole added or removed row, the change).
EDITS = [
    (
        "app_setting",
        "update app_setting set value = '2026-10-31' where key = 'reporting_date'",
        "value",
        "changed",
    ),
    (
        "municipality",
        "update municipality set province = 'Zeeland' where code = 'GM0080'",
        "province",
        "changed",
    ),
    (
        "population",
        "update population set inhabitants = 537834 where municipality_code = 'GM0518' and year = 2018",
        "inhabitants",
        "changed",
    ),
    (
        "domain",
        "update domain set name_en = name_en || ' (new)' where code = (select min(code) from domain)",
        "name_en",
        "changed",
    ),
    (
        "instrument",
        "update instrument set name_en = 'X' where code = (select min(code) from instrument)",
        "name_en",
        "changed",
    ),
    (
        "metric",
        "update metric set definition_en = 'X' where code = 'impact_enterprises'",
        "definition_en",
        "changed",
    ),
    ("programme", "update programme set partner_name = 'X' where code = 'DH-P02'", "partner_name", "changed"),
    (
        "ambition",
        "update ambition set target_value = 1100 where code = 'DH-A-ENTERPRISES'",
        "target_value",
        "changed",
    ),
    (
        "milestone",
        "delete from milestone where ambition_code = 'DH-A-ENTERPRISES' and due_date = '2022-12-31'",
        None,
        "removed",
    ),
    (
        "programme_ambition",
        "insert into programme_ambition values ('DH-P01', 'DH-A-ENTERPRISES')",
        None,
        "added",
    ),
    (
        "budget",
        "update budget set amount = 384001 where programme_code = 'DH-P01' and year = 2018"
        " and moment = 'spring'",
        "amount",
        "changed",
    ),
    ("spend", "update spend set amount = 250000 where entry_ref = 'DH-2025-000001'", "amount", "changed"),
    (
        "cofunding",
        "update cofunding set amount = 92201 where programme_code = 'DH-P01' and year = 2018"
        " and funder = 'Fonds Stad en Zee'",
        "amount",
        "changed",
    ),
    (
        "property",
        "update property set gross_floor_m2 = gross_floor_m2 + 10 where code = 'DH-V01'",
        "gross_floor_m2",
        "changed",
    ),
    (
        "occupancy",
        "update occupancy set occupied_m2 = 1035 where property_code = 'DH-V01' and year = 2025"
        " and quarter = 2",
        "occupied_m2",
        "changed",
    ),
    (
        "observation",
        "update observation set value = 311 where metric_code = 'event_participants'"
        " and municipality_code = 'GM0014' and observed_on = '2020-12-31'",
        "value",
        "changed",
    ),
    ("organisation", "update organisation set name = 'X' where code = 'DH-O011'", "name", "changed"),
    ("connection", "delete from connection where id = 1", "connections", "changed"),
    ("note", "update note set body = 'Nieuwe tekst' where id = 2", "body", "changed"),
]


@pytest.fixture(scope="module")
def versions(tmp_path_factory, demo_db_file):
    """The demo's publication and a working copy with one change per subject (and an internal note's)."""
    import shutil

    folder = tmp_path_factory.mktemp("changes")
    path = folder / "impact.duckdb"
    shutil.copy(demo_db_file, path)
    con = db.connect(path)
    for _, sql, _, _ in EDITS:
        con.execute(sql)
    con.execute("update note set body = 'INTERN' where id = 1")  # internal: never listed
    published = db.connect(config.publications_dir(demo_db_file) / pointer.snapshot_name(1), read_only=True)
    yield published, con
    con.close()
    published.close()


@pytest.fixture(scope="module")
def found(versions):
    return changes.compare_all(*versions)


def test_every_public_table_is_compared_or_says_why_not():
    compared = {subject for subject, _, _ in changes.subjects()}
    for table in public.PUBLIC:
        assert (table.name in compared) != bool(table.not_compared), table.name
        assert table.key or table.not_compared, f"{table.name} has no natural key"
    assert changes.MEASURE_VALUES in compared
    assert {subject for subject, *_ in EDITS} == compared - {changes.MEASURE_VALUES}


def test_the_natural_keys_are_unique_in_the_demo(demo_con):
    for subject, key, query in changes.subjects():
        frame = demo_con.execute(query).df()
        assert not frame.duplicated(list(key)).any(), subject


@pytest.mark.parametrize(("subject", "sql", "field", "change"), EDITS, ids=[e[0] for e in EDITS])
def test_a_change_in_each_table_is_listed(found, subject, sql, field, change):
    lines = found[found["subject"] == subject]
    assert len(lines) == 1, lines
    line = lines.iloc[0]
    assert line["change"] == change
    assert line["field"] == field or (field is None and pd.isna(line["field"]))


def test_a_raised_target_is_listed_old_and_new(found):
    # Regression (issue 11): "what changed" compared measure values only.
    line = found[found["subject"] == "ambition"].iloc[0]
    assert (line["key"], line["before"], line["after"]) == (("DH-A-ENTERPRISES",), 1000.0, 1100.0)


def test_a_ledger_change_also_lists_the_measure_values_it_moves(found):
    values = found[found["subject"] == changes.MEASURE_VALUES]
    assert "changed" in set(values["change"])


def test_internal_notes_are_never_compared(found):
    assert "INTERN" not in found.astype(str).to_string()
    assert list(found.loc[found["subject"] == "note", "key"]) == [(2,)]


def test_the_other_direction_gives_the_reverse(versions, found):
    back = changes.compare_all(versions[1], versions[0])
    assert len(back) == len(found)
    target = back[back["subject"] == "ambition"].iloc[0]
    assert (target["before"], target["after"]) == (1100.0, 1000.0)
    assert back.loc[back["subject"] == "milestone", "change"].item() == "added"
    assert back.loc[back["subject"] == "programme_ambition", "change"].item() == "removed"


def test_the_same_version_has_no_changes(versions):
    assert changes.compare_all(versions[0], versions[0]).empty


def frame(rows):
    return pd.DataFrame(rows, columns=["code", "value", "name"])


def test_table_changes_changed_added_removed_and_unchanged():
    before = frame([("a", 1.0, "x"), ("b", 2.0, "y"), ("c", 3.0, "z")])
    after = frame([("a", 1.0, "x"), ("b", 2.5, "y"), ("d", 4.0, "w")])
    got = changes.table_changes("t", ("code",), before, after)
    summary = {(k[0], f, c) for k, f, c in zip(got["key"], got["field"], got["change"], strict=True)}
    assert summary == {("b", "value", "changed"), ("c", None, "removed"), ("d", None, "added")}
    added = got[got["change"] == "added"].iloc[0]
    assert added["after"] == {"value": 4.0, "name": "w"} and added["before"] is None


def test_table_changes_ignores_float_noise_but_not_a_real_difference():
    before = frame([("a", 0.1 + 0.2, "x"), ("b", 1e12, "y"), ("c", 1.0, "z")])
    after = frame([("a", 0.3, "x"), ("b", 1e12 + 1e-3, "y"), ("c", 1.0001, "z")])
    got = changes.table_changes("t", ("code",), before, after)
    assert [k[0] for k in got["key"]] == ["c"]


def test_table_changes_sees_a_value_becoming_empty_and_text_changes():
    before = frame([("a", 1.0, "x"), ("b", None, "y")])
    after = frame([("a", None, "x"), ("b", None, "Y")])
    got = changes.table_changes("t", ("code",), before, after)
    assert {(k[0], f) for k, f in zip(got["key"], got["field"], strict=True)} == {
        ("a", "value"),
        ("b", "name"),
    }
    assert got.loc[got["field"] == "value", "after"].item() is None


def test_table_changes_of_empty_tables():
    empty = frame([])
    assert changes.table_changes("t", ("code",), empty, empty).empty
    got = changes.table_changes("t", ("code",), empty, frame([("a", 1.0, "x")]))
    assert list(got["change"]) == ["added"]


@pytest.fixture(scope="module")
def names(versions):
    return changes.lookups(versions[0]).merged(changes.lookups(versions[1]))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            [
                "Ambities en doelen",
                "Impactondernemingen – 's\\-Gravenhage",
                "Doel",
                "1.000",
                "1.100",
                "gewijzigd",
            ],
        ),
        (
            "en",
            [
                "Ambitions and targets",
                "Impact enterprises – 's\\-Gravenhage",
                "Target",
                "1,000",
                "1,100",
                "changed",
            ],
        ),
    ],
)
def test_a_changed_target_reads_in_both_languages(found, names, lang, expected):
    table = view.change_table(found[found["subject"] == "ambition"], names, lang)
    assert table.iloc[0].tolist() == expected


@pytest.mark.parametrize(
    ("subject", "nl", "en"),
    [
        ("budget", ("€\xa0384.000", "€\xa0384.001"), ("€384,000", "€384,001")),
        ("occupancy", ("2.345\xa0m²", "1.035\xa0m²"), ("2,345\xa0m²", "1,035\xa0m²")),
        ("app_setting", ("30-09-2026", "31-10-2026"), ("30 Sep 2026", "31 Oct 2026")),
        ("note", None, None),
    ],
)
def test_values_are_formatted_per_language(found, names, subject, nl, en):
    for lang, expected in (("nl", nl), ("en", en)):
        row = view.change_table(found[found["subject"] == subject], names, lang).iloc[0]
        if expected:
            assert (row.iloc[3], row.iloc[4]) == expected
        else:
            assert row.iloc[4] == "Nieuwe tekst"


def test_items_are_named_not_coded(found, names):
    table = view.change_table(found, names, "nl")
    items = dict(zip(table["Onderwerp"], table["Wat"], strict=False))
    assert items["Bezetting"].endswith("· K2 2025")
    assert items["Begroting per P&C-moment"].endswith("· 2018 · Voorjaarsnota")
    assert items["Toelichtingen"] == "Toelichting 2"
    assert "GM0" not in " ".join(table["Wat"])
    assert view.change_table(found, names, "en")["What"].str.contains("Q2 2025").any()


def test_values_that_round_alike_show_their_decimals():
    found = pd.DataFrame(
        [("metric_value", ("GM0518", "occupancy_pct", dt.date(2025, 6, 30)), "value", 85.1, 85.2, "changed")],
        columns=changes.CHANGE_COLUMNS,
    )
    lookups = changes.Lookups({}, {"occupancy_pct": "percent"}, {})
    row = view.change_table(found, lookups, "nl").iloc[0]
    assert (row.iloc[3], row.iloc[4]) == ("85,1000", "85,2000")


def test_the_count_sentence(found):
    assert view.count_sentence(found.iloc[0:0], "nl") == "Niets dat het publiek ziet verschilt."
    assert view.count_sentence(found.iloc[0:1], "en") == "1 change."
    assert view.count_sentence(found, "en").endswith(f"in {found['subject'].nunique()} subjects.")


def targets(*rows):
    return pd.DataFrame(rows, columns=["code", "target_value", "target_date"])


END = dt.date(2030, 12, 31)


def test_target_changes_across_publications():
    history = [
        (1, "Q1", dt.date(2026, 3, 31), targets(("A", 1000.0, END), ("B", 5.0, END))),
        (
            2,
            "Q2",
            dt.date(2026, 6, 30),
            targets(("A", 1100.0, END), ("B", 5.0 + 1e-12, END), ("C", 1.0, END)),
        ),
        (3, "Q3", dt.date(2026, 9, 30), targets(("A", 1100.0, dt.date(2031, 12, 31)), ("C", 1.0, END))),
    ]
    moved = changes.target_changes(history)
    assert set(moved) == {"A"}, "B only differs by float noise, C is new, not changed"
    first, second = moved["A"]
    assert (first.before_value, first.after_value, first.until_id, first.until_label) == (
        1000.0,
        1100.0,
        1,
        "Q1",
    )
    assert (second.before_date, second.after_date, second.until_id) == (END, dt.date(2031, 12, 31), 2)
    assert view.target_mark(moved["A"][:1], "count", "nl") == (
        "Doel gewijzigd: was 1.000 per 31-12-2030 tot publicatie Q1 (31-03-2026)."
    )
    assert view.target_mark(moved["A"][:1], "eur", "en") == (
        "Target changed: was €1,000 by 31 Dec 2030 until publication Q1 (31 Mar 2026)."
    )


def test_target_changes_none_with_one_publication_or_none():
    assert changes.target_changes([]) == {}
    assert changes.target_changes([(1, "Q1", dt.date(2026, 3, 31), targets(("A", 1.0, END)))]) == {}


def test_approving_and_withdrawing_keep_the_public_history(demo_copy):
    folder = config.publications_dir(demo_copy)
    con = db.connect(demo_copy)
    try:
        assert [(p.id, p.label, p.note) for p in pointer.history(folder)] == [(1, "Q3 2026", None)]
        number = workflow.request(con, EDITOR, "Q4 2026", "intern verzoek", folder)
        assert [p.id for p in pointer.history(folder)] == [1], "a request is not public"
        workflow.approve(con, REVIEWER, number, folder, "Doel verhoogd")
        assert [(p.id, p.note) for p in pointer.history(folder)] == [(1, None), (2, "Doel verhoogd")]
        workflow.withdraw(con, permissions_admin(), number, folder)
        assert [p.id for p in pointer.history(folder)] == [1]
        # A lost history file is rewritten at start-up from what the database records.
        (folder / pointer.HISTORY).unlink()
        assert [p.id for p in pointer.history(folder)] == [1], "without a file: the current publication"
        pointer.reconcile(con, folder)
        assert (folder / pointer.HISTORY).exists()
    finally:
        con.close()


def permissions_admin():
    from impactdash.write import permissions

    return permissions.Actor("admin.demo", frozenset({"admin"}))
