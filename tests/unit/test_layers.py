"""The layers stay honest: pages hold no SQL, the domain package holds no Streamlit."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "app_pages").glob("*.py")) + [ROOT / "dashboard.py"]
DOMAIN = sorted((ROOT / "impactdash").glob("*.py"))
#: The one module of the package allowed to use Streamlit (cached connection, shared widgets).
STREAMLIT_MODULES = {"ui.py"}
SQL = re.compile(
    r"\b(select\s+.+\s+from|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+table)\b", re.I | re.S
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def _strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_do_not_import_duckdb(page):
    assert "duckdb" not in _imports(page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_hold_no_sql(page):
    offending = [s for s in _strings(page) if SQL.search(s)]
    assert not offending, offending


@pytest.mark.parametrize("module", DOMAIN, ids=lambda p: p.name)
def test_domain_package_has_no_streamlit(module):
    if module.name in STREAMLIT_MODULES:
        pytest.skip("the package's one Streamlit module")
    assert "streamlit" not in _imports(module)


def test_the_checks_would_catch_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import duckdb\nimport streamlit as st\nq = 'select x from y'\n")
    assert "duckdb" in _imports(bad) and "streamlit" in _imports(bad)
    assert any(SQL.search(s) for s in _strings(bad))


def test_there_is_no_pages_folder_for_streamlit_to_serve_on_its_own():
    # Streamlit auto-discovers a folder named pages/ next to the entry script and serves its
    # files without the entry script's navigation, sidebar and guards.
    assert not (ROOT / "pages").exists()
    assert len(PAGES) >= 8
