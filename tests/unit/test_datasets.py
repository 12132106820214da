"""The data set registry matches the schema and the templates; values in Dutch and English formats parse."""

from __future__ import annotations

import csv
import datetime as dt
import decimal

import pandas as pd
import pytest

from impactdash import config, i18n
from impactdash.store import db
from impactdash.write import datasets, staging, validation
from impactdash.write.datasets import DATASETS, Bound, Match

TYPES = {
    "text": {"VARCHAR"},
    "choice": {"VARCHAR"},
    "int": {"INTEGER", "BIGINT"},
    "decimal": {"DECIMAL(18,2)"},
    "float": {"DOUBLE"},
    "date": {"DATE"},
    "bool": {"BOOLEAN"},
}


def columns(con, table):
    return dict(
        con.execute(
            "select column_name, data_type from information_schema.columns where table_name = $t",
            {"t": table},
        ).fetchall()
    )


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_field_is_a_column_of_the_right_type(empty_con, name):
    ds = DATASETS[name]
    table = columns(empty_con, name)
    for f in ds.fields:
        assert f.name in table, (name, f.name)
        assert table[f.name] in TYPES[f.kind], (name, f.name, table[f.name])
    if name != "metric":  # the catalogue's fixed columns (unit, kind, …) are not editable
        missing = set(table) - set(ds.field_names) - {"id", "created_at"}
        assert not missing, (name, missing)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_key_is_the_tables_primary_or_unique_key(empty_con, name):
    ds = DATASETS[name]
    keys = [
        sorted(c)
        for (c,) in empty_con.execute(
            "select constraint_column_names from duckdb_constraints()"
            " where table_name = $t and constraint_type in ('PRIMARY KEY', 'UNIQUE')",
            {"t": name},
        ).fetchall()
    ]
    assert sorted(ds.key) in keys


@pytest.mark.parametrize("name", sorted(n for n in DATASETS if (config.DEMO_DIR / f"{n}.csv").exists()))
def test_template_columns_are_the_demo_files_header(name):
    with (config.DEMO_DIR / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert list(DATASETS[name].import_columns) == header


def test_references_and_rules_point_at_real_columns(empty_con):
    for ds in DATASETS.values():
        for f in ds.fields:
            if f.references:
                table, column = f.references
                assert column in columns(empty_con, table), (ds.name, f.name)
        for rule in ds.rules:
            if isinstance(rule, Bound | Match):
                target = columns(empty_con, rule.table)
                assert rule.column in target and all(c in target for _, c in rule.on), (ds.name, rule)
                assert all(f in ds.field_names for f, _ in rule.on)


def test_every_message_exists_in_both_languages():
    keys = set()
    for ds in DATASETS.values():
        keys |= {r.message for r in ds.rules if isinstance(r, Bound | Match)}
        keys |= {
            f"edit_table_{f.references[0]}"
            for f in ds.fields
            if f.references and f.references[0] not in DATASETS
        }
    keys |= {"edit_cmp_ge", "edit_cmp_gt", "edit_cmp_le", "edit_cmp_lt", "edit_cmp_ne", "edit_required_when"}
    for key in keys:
        assert set(i18n.TEXTS[key]) == {"nl", "en"}, key


def test_labels_are_unique_within_a_data_set_so_headers_match_one_field():
    for ds in DATASETS.values():
        for lang in ("nl", "en"):
            labels = [f.label(lang).lower() for f in ds.fields]
            assert len(labels) == len(set(labels)), (ds.name, lang)


def test_deleting_needs_to_know_who_refers_to_a_record():
    assert ("spend", "programme_code", "code") in datasets.referenced_by("programme")
    assert ("note", "subject_kind", "subject_code", "programme") in datasets.subject_references("programme")
    assert datasets.referenced_by("spend") == []


def test_bad_specs_are_refused():
    with pytest.raises(ValueError):
        datasets.Field('x"; drop table spend; --', "text", "x", "x")
    with pytest.raises(ValueError):
        datasets.Field("x", "money", "x", "x")
    with pytest.raises(KeyError):
        datasets.get("app_user")  # users are not edited through this path


# --- parsing values ---------------------------------------------------------------


@pytest.fixture(scope="module")
def parse_con(tmp_path_factory):
    """One migrated empty database for all parsing tests (staging only writes temp tables)."""
    con = db.connect(tmp_path_factory.mktemp("parse") / "parse.duckdb")
    db.migrate(con)
    yield con
    con.close()


def staged_value(con, dataset, field, text, hint=None):
    """Stage one value of ``field`` (with valid other fields) and return its typed value."""
    cur = con.cursor()
    frame = pd.DataFrame({k: [v] for k, v in SAMPLE[dataset].items()} | {field: [text]}, dtype="str")
    staging.stage(cur, DATASETS[dataset], frame, decimal_hint=hint)
    return cur.execute(f'select "{field}" from _stage').fetchone()[0]


SAMPLE = {
    "budget": {"programme_code": "P1", "year": "2025", "moment": "original", "amount": "1"},
    "occupancy": {
        "property_code": "V1",
        "year": "2025",
        "quarter": "1",
        "occupied_m2": "1",
        "tenants": "1",
        "impact_tenants": "0",
    },
    "municipality": {"code": "GM0001", "name": "Oudstad", "pillar_start": "2020-01-01", "is_demo": "false"},
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("€ 1.234,56", "1234.56"),
        ("€1,234.56", "1234.56"),
        ("1.234.567", "1234567.00"),
        ("1,234,567", "1234567.00"),
        ("-12,5", "-12.50"),
        (" 1234 ", "1234.00"),
        ("+7", "7.00"),
        ("1.5E+03", "1500.00"),
        ("1,5E+03", "1500.00"),
        ("\u00a01\u00a0234,00", "1234.00"),
    ],
)
def test_amounts_in_dutch_and_english_formats(parse_con, text, expected):
    assert staged_value(parse_con, "budget", "amount", text) == decimal.Decimal(expected)


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("1.234", None, None),  # no convention stated or shown: refused, never guessed
        ("€ 1.234", ",", "1234"),  # semicolon CSV or a Dutch form: decimal comma, so thousands
        ("1,234", ".", "1234"),  # comma CSV or an English form: decimal point, so thousands
        ("1,234", None, None),
        ("12.500", None, None),
        ("12.500", ".", "12.50"),  # decimal point: trailing zeros are not extra decimals
        ("1.234", ".", "1.23"),  # read as 1.234: more decimals than euros have → refused
    ],
)
def test_ambiguous_thousands_follow_the_file(parse_con, text, hint, expected):
    value = staged_value(parse_con, "budget", "amount", text, hint)
    if expected == "1.23":
        assert value is None  # three decimals in a money field: reported as a problem
    else:
        assert value == (decimal.Decimal(expected) if expected else None)


def test_a_column_decides_ambiguous_values_by_its_unambiguous_ones(parse_con):
    cur = parse_con.cursor()
    frame = pd.DataFrame(
        {
            "programme_code": ["P1", "P1"],
            "year": ["2024", "2025"],
            "moment": ["original"] * 2,
            "amount": ["1.234", "12,50"],
        },
        dtype="str",
    )
    staging.stage(cur, DATASETS["budget"], frame)
    assert [r[0] for r in cur.execute("select amount from _stage order by _pos").fetchall()] == [
        decimal.Decimal("1234"),
        decimal.Decimal("12.5"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"), [("7", 7), ("1.234", 1234), ("1,234", 1234), ("3.0", 3), ("3,5", None), ("x", None)]
)
def test_whole_numbers(parse_con, text, expected):
    assert staged_value(parse_con, "occupancy", "tenants", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-12-31", dt.date(2025, 12, 31)),
        ("31-12-2025", dt.date(2025, 12, 31)),
        ("31/12/2025", dt.date(2025, 12, 31)),
        ("31.12.2025", dt.date(2025, 12, 31)),
        ("1-2-2025", dt.date(2025, 2, 1)),
        ("2025/02/01", dt.date(2025, 2, 1)),
        ("2025-12-31 00:00:00", dt.date(2025, 12, 31)),
        ("31-12-25", None),  # two-digit year: which century is a guess
        ("12/31/2025", None),  # month first: refused, not swapped
        ("31-02-2025", None),
        ("morgen", None),
    ],
)
def test_dates(parse_con, text, expected):
    assert staged_value(parse_con, "municipality", "pillar_start", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("Nee", False),
        ("WAAR", True),
        ("onwaar", False),
        ("true", True),
        ("0", False),
        ("yes", True),
        ("no", False),
        ("", False),
        ("misschien", None),
    ],
)
def test_yes_no(parse_con, text, expected):
    assert staged_value(parse_con, "municipality", "is_demo", text) == expected


def test_problem_message_names_row_and_field_in_both_languages():
    problem = validation.Problem(12, "amount", "edit_not_number", {"value": "12,5x"}, "spend")
    assert problem.message("nl") == "Rij 12, veld ‘bedrag’: ‘12,5x’ is geen getal."
    assert problem.message("en") == "Row 12, field ‘amount’: ‘12,5x’ is not a number."
    form = validation.Problem(None, "amount", "edit_not_number", {"value": "x" * 200}, "spend")
    assert form.message("nl").startswith("Veld ‘bedrag’: ‘xxx") and "…" in form.message("nl")


def test_to_text_gives_unambiguous_text():
    assert staging.to_text(dt.datetime(2025, 12, 31)) == "2025-12-31"
    assert staging.to_text(0.1 + 0.2) == "0.3"
    assert staging.to_text(1234.0) == "1234"
    assert staging.to_text(decimal.Decimal("4967.80")) == "4967.80"
    assert staging.to_text(True) == "true" and staging.to_text(float("nan")) is None
    assert staging.key_text(("DH-P01", 2018, dt.date(2018, 1, 1))) == "DH-P01\x1f2018\x1f2018-01-01"


def test_a_header_name_never_matches_two_fields():
    from impactdash.write.importer import _norm

    for ds in DATASETS.values():
        seen = {}
        for f in ds.fields:
            for name in {_norm(f.name), _norm(f.label_nl), _norm(f.label_en)}:
                assert seen.setdefault(name, f.name) == f.name, (ds.name, name)


def test_a_whole_number_too_large_is_out_of_range_not_a_fraction(parse_con):
    cur = parse_con.cursor()
    frame = pd.DataFrame(
        {k: [v] for k, v in SAMPLE["occupancy"].items()} | {"tenants": ["99999999999"]}, dtype="str"
    )
    staged = staging.stage(cur, DATASETS["occupancy"], frame)
    problems, _ = validation.check(cur, staged)
    assert [(p.field, p.message_key) for p in problems if p.field == "tenants"] == [("tenants", "edit_max")]
