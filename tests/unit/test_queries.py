"""Every named query: documented, declares its parameters, runs on an empty and the demo database."""

from __future__ import annotations

import re

import pytest

from impactdash.store import db

QUERIES = db.query_names()


@pytest.fixture(scope="module")
def empty_con(tmp_path_factory):
    """One freshly migrated database without data for every query here (they only read it)."""
    con = db.connect(tmp_path_factory.mktemp("empty") / "empty.duckdb")
    db.migrate(con)
    yield con
    con.close()


def test_there_are_queries():
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("name", QUERIES)
def test_query_opens_with_a_description(name):
    first = db.query_text(name).splitlines()[0]
    assert first.startswith("-- ") and len(first) > 20


@pytest.mark.parametrize("name", QUERIES)
def test_query_declares_every_parameter_it_uses(name):
    used = set(re.findall(r"\$([a-z_]+)", db.query_text(name)))
    assert used == set(db.query_example_params(name)), "the -- example: line must name every $parameter"


@pytest.mark.parametrize("name", QUERIES)
def test_query_runs_on_an_empty_database(empty_con, name):
    frame = db.run_query(empty_con, name, **db.query_example_params(name))
    assert frame.columns.size > 0


@pytest.mark.parametrize("name", QUERIES)
def test_query_runs_on_the_demo_data(demo_con, name):
    frame = db.run_query(demo_con, name, **db.query_example_params(name))
    assert len(frame) > 0, f"{name} returns no rows on the demo data with its example parameters"


@pytest.mark.parametrize("name", [n for n in QUERIES if db.query_default_params(n)])
def test_an_optional_parameter_left_out_takes_its_default(demo_con, name):
    defaults = db.query_default_params(name)
    assert set(defaults) <= set(db.query_example_params(name)), (
        "a -- default: names a $parameter of the query"
    )
    given = {**db.query_example_params(name), **defaults}
    left_out = {k: v for k, v in given.items() if k not in defaults}
    assert db.run_query(demo_con, name, **left_out).equals(db.run_query(demo_con, name, **given))
