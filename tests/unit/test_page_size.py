"""Pages stay as thin as their story: short, read top-down, their widgets and logic elsewhere.

A page file is a report read from the top (guard, widgets, queries, charts); what it needs
beyond that lives in ``impactdash/ui`` (Streamlit) or ``impactdash/views`` (what it says).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "app_pages").glob("*.py"))
#: The most lines a page file may have.
MAX_LINES = 150


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_file_is_at_most_150_lines(page):
    lines = len(page.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{page.name} has {lines} lines: move widgets to impactdash/ui, logic to views"


def _used_before_defined(source: str) -> list[str]:
    """Return the page's own functions that are used on a line above their definition."""
    tree = ast.parse(source)
    defined = {node.name: node.lineno for node in tree.body if isinstance(node, ast.FunctionDef)}
    return sorted(
        {
            node.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Name) and node.id in defined and node.lineno < defined[node.id]
        }
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_defines_its_helpers_before_it_uses_them(page):
    assert not _used_before_defined(page.read_text(encoding="utf-8"))


def test_the_checks_would_catch_a_long_page_and_a_late_helper():
    assert _used_before_defined("show()\n\ndef show():\n    pass\n") == ["show"]
    assert not _used_before_defined("def show():\n    pass\n\nshow()\n")
    assert len(PAGES) >= 8
