"""The layers stay honest: the folders show the read, write and publishing paths, and the imports obey them.

- only ``impactdash/ui/`` uses Streamlit; pages hold no SQL and import no DuckDB;
- ``views/`` and ``charts/`` (what a page says and draws) touch no database;
- ``store/`` (connection, migrations, loading) and ``measures/`` depend on nothing above them;
- the write path imports no views, charts, reports, publishing or UI;
- publishing imports no views, charts, reports or UI; nothing but the UI layer imports it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "impactdash"
PAGES = sorted((ROOT / "app_pages").glob("*.py")) + [ROOT / "dashboard.py"]
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "texts" not in p.parts)
SQL = re.compile(
    r"\b(select\s+.+\s+from|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+table)\b", re.I | re.S
)
#: Shared by every layer: settings, errors, texts and their formats, safe display of typed text.
BASE = {"config", "errors", "i18n", "texts", "safe_text"}
#: For each part of the package, the parts of the package it may import (besides itself and BASE).
ALLOWED = {
    "store": set(),
    "measures": {"store"},
    "write": {"store", "measures"},
    "publish": {"store", "measures", "write"},
    "views": {"measures", "write", "publish", "charts"},
    "charts": {"measures", "views"},
    "report": {"store", "measures", "views", "charts", "write", "publish"},
    "startup": {"store", "write", "publish"},
    "cli": {"store", "write", "publish", "startup", "report"},
    "__main__": {"cli"},
    "__init__": set(),
    "ui": {"store", "measures", "write", "publish", "views", "charts", "startup", "session_cookie"},
    # The HTTP route that sets the session cookie: served by serve.py before Streamlit starts.
    "session_cookie": set(),
    **{name: set() for name in BASE},
}
#: Parts that must not reach a database: what a page says and draws works on frames.
NO_DATABASE = {"views", "charts"}


def _part(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    """Return the top-level names imported (``impactdash.<part>`` counts as ``impactdash.<part>``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names.add(_name(alias.name))
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "impactdash":
                names.update(f"impactdash.{alias.name}" for alias in node.names)
            else:
                names.add(_name(node.module))
    return names


def _name(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "impactdash" and len(parts) > 1 else parts[0]


def _sql_texts(path: Path) -> list[str]:
    """Return every string a file holds, f-strings and concatenations included, with holes as ``x``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
        elif isinstance(node, ast.JoinedStr):
            found.append("".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            found.append(" ".join(_text_of(side) for side in (node.left, node.right)))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in {"format", "join"}:
            owner = node.func.value
            if isinstance(owner, ast.Constant) and isinstance(owner.value, str):
                found.append(
                    re.sub(r"\{[^}]*\}", "x", owner.value) + " " + " ".join(_text_of(a) for a in node.args)
                )
    return found


def _text_of(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
    if isinstance(node, ast.BinOp):
        return _text_of(node.left) + " " + _text_of(node.right)
    return "x"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_do_not_import_duckdb(page):
    assert "duckdb" not in _imports(page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_hold_no_sql(page):
    offending = [s for s in _sql_texts(page) if SQL.search(s)]
    assert not offending, offending


@pytest.mark.parametrize(
    "module", [m for m in MODULES if _part(m) != "ui"], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_only_the_ui_layer_uses_streamlit(module):
    assert "streamlit" not in _imports(module)


def test_the_ui_layer_is_where_streamlit_is():
    assert any("streamlit" in _imports(m) for m in MODULES if _part(m) == "ui")


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_part_imports_only_what_its_layer_allows(module):
    part = _part(module)
    assert part in ALLOWED, f"{part} is a new part of the package: give it a row in ALLOWED"
    used = {n.split(".", 1)[1] for n in _imports(module) if n.startswith("impactdash.")}
    forbidden = used - ALLOWED[part] - BASE - {part}
    assert not forbidden, f"{module.relative_to(ROOT)} imports {sorted(forbidden)}"


@pytest.mark.parametrize(
    "module", [m for m in MODULES if _part(m) in NO_DATABASE], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_views_and_charts_touch_no_database(module):
    assert "duckdb" not in _imports(module)
    assert "impactdash.store" not in _imports(module)


def test_the_folders_show_the_three_paths():
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert {"ui", "views", "charts", "store", "write", "publish", "report", "measures"} <= folders


def test_the_checks_would_catch_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import duckdb\nimport streamlit as st\nfrom impactdash.store import db\n"
        "q = 'select x from y'\nt = 'y'\nf = f'select * from {t}'\nc = 'delete ' + 'from ' + t\n"
        "d = 'update {} set a = 1'.format(t)\n"
    )
    names = _imports(bad)
    assert {"duckdb", "streamlit", "impactdash.store"} <= names
    hits = [s for s in _sql_texts(bad) if SQL.search(s)]
    assert "select x from y" in hits
    assert "select * from x" in hits
    assert any(h.startswith("delete") for h in hits)
    assert any(h.startswith("update") for h in hits)


def test_there_is_no_pages_folder_for_streamlit_to_serve_on_its_own():
    # Streamlit auto-discovers a folder named pages/ next to the entry script and serves its
    # files without the entry script's navigation, sidebar and guards.
    assert not (ROOT / "pages").exists()
    assert len(PAGES) >= 8
