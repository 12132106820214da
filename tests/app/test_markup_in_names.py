"""HTML, script and Markdown typed into names and texts never render as markup on a public page.

Staff type names, documents and notes on the edit page; the public pages show them. Each
text below is saved through the real write path (``edits.save_record``), published as the
demo people would, and every public page is rendered for a visitor. Wherever Streamlit
renders a string as Markdown (markdown, captions, titles, headers, alerts, expander and
tab labels, metric and widget labels, ``st.table`` cells), the text must be there exactly
as ``safe_text.escape_markdown`` writes it: every special character behind a backslash, so
no ``<script>`` or ``<b>`` tag, no bold, no link. Plotly reads a subset of HTML in its
texts: there the text must be HTML-escaped (``safe_text.escape_hover``).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1.element_tree import Code, Dataframe, Json, Radio, Text, Widget

from impactdash import config, i18n
from impactdash.safe_text import escape_hover, escape_markdown
from impactdash.store import db
from impactdash.ui import pages
from impactdash.write import edits, permissions, users
from tests.publishing import publish_now

EDITOR = permissions.Actor("editor.demo", frozenset({"editor"}), "Editor Demo")
MARKUP = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> **bold** [link](http://evil.example) <b>x</b>"
)
# What escape_markdown makes of it: each Markdown and HTML special character behind a backslash.
ESCAPED = (
    r"\<script\>alert\(1\)\</script\> \<img src=x onerror=alert\(1\)\> \*\*bold\*\*"
    r" \[link\]\(http\://evil\.example\) \<b\>x\</b\>"
)
# What escape_hover makes of it for plotly: HTML entities, Markdown left alone (plotly ignores it).
HOVER = (
    "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; **bold**"
    " [link](http://evil.example) &lt;b&gt;x&lt;/b&gt;"
)
NEW_TOWN = "GM0363"
ADMIN = permissions.Actor("admin.demo", frozenset({"admin"}), "Admin Demo")
#: A display name that Markdown would turn into a fetched image and bold text.
TYPED_USER = "x.markup"
TYPED_NAME = "Xname ![x](http://example.com/x.png) **bold** __under__"
TYPED_NAME_ESCAPED = r"Xname \!\[x\]\(http\://example\.com/x\.png\) \*\*bold\*\* \_\_under\_\_"

#: One plain word before the markup in each text, to tell where a text turns up.
MARKERS = (
    "Xprogramme",
    "Xpartner",
    "Xinstrument",
    "Xorganisation",
    "Xproperty",
    "Xaddress",
    "Xdistrict",
    "Xdocument",
    "Xnote",
    "Xmeasure",
    "Xdefinition",
    "Xsource",
    "Xtown",
)
PAGES = ("overview", "budget", "property", "ecosystem", "ambitions", "compare", "method")
#: The texts each page must show (so the checks below are not vacuous): in Markdown, or
#: (organisations, on the network chart only) in plotly.
SHOWN = {
    ("GM0518", "overview"): {"Xmeasure"},
    ("GM0518", "budget"): {"Xprogramme", "Xpartner", "Xinstrument"},
    ("GM0518", "property"): {"Xproperty", "Xaddress", "Xdistrict", "Xnote"},
    ("GM0518", "ecosystem"): {"Xmeasure", "Xdocument", "Xnote", "Xorganisation"},
    ("GM0518", "ambitions"): {"Xmeasure", "Xdocument", "Xnote"},
    ("GM0518", "compare"): {"Xmeasure"},
    ("GM0518", "method"): {"Xmeasure", "Xdefinition", "Xsource"},
    **{(NEW_TOWN, page): {"Xtown"} for page in PAGES},
}
#: HTML tags or Markdown that would render: a '<' not escaped by a backslash, bold, a typed link
#: (the pages' own links, such as the accessibility statement's, are not typed text).
RENDERED = re.compile(
    r"(?<!\\)<\s*/?\s*(script|img|b)\b|\*\*bold|\[link\]|\]\(http://(evil|example)", re.IGNORECASE
)
#: The page's own scripts (ui.page_language, ui.page_aids): no typed text in them.
OWN_SCRIPTS = ("window.__impactdashWords", "window.__impactAidsText")


def typed(marker: str) -> str:
    return f"{marker} {MARKUP}"


def test_the_expected_escapes_are_what_safe_text_writes():
    assert escape_markdown(MARKUP) == ESCAPED
    assert escape_hover(MARKUP) == HOVER


def _save(con, dataset: str, key: object, **values: str) -> None:
    """Change some fields of a record through the write path, as the edit form does."""
    row, version = edits.get_record(con, dataset, key)
    edits.save_record(con, EDITOR, dataset, {**edits.as_text(dataset, row), **values}, version, key=key)


@pytest.fixture(scope="module")
def typed_names(demo_db_file, tmp_path_factory) -> Path:
    """A demo copy with markup typed into names, documents and public notes, then published.

    Built once for the module: the pages are only viewed, by a visitor, so nothing writes to it.
    """
    path = tmp_path_factory.mktemp("typed") / "impact.duckdb"
    shutil.copy(demo_db_file, path)
    shutil.copytree(config.publications_dir(demo_db_file), config.publications_dir(path))
    con = db.connect(path)
    try:
        _save(con, "programme", "DH-P07", name=typed("Xprogramme"), partner_name=typed("Xpartner"))
        instrument = edits.get_record(con, "programme", "DH-P07")[0]["instrument_code"]
        _save(con, "instrument", instrument, name_nl=typed("Xinstrument"))
        _save(con, "organisation", "DH-O001", name=typed("Xorganisation"))
        _save(
            con,
            "property",
            "DH-V05",
            name=typed("Xproperty"),
            address=typed("Xaddress"),
            district=typed("Xdistrict"),
        )
        ambitions = con.execute("select code from ambition where municipality_code = 'GM0518'").fetchall()
        for (code,) in ambitions:
            _save(con, "ambition", code, document=typed("Xdocument"))
            # A new public note on each ambition: the page shows the notes of the one it opens with.
            edits.save_record(
                con,
                EDITOR,
                "note",
                {
                    "subject_kind": "ambition",
                    "subject_code": code,
                    "municipality_code": "GM0518",
                    "period_start": "2025-01-01",
                    "period_end": "2025-12-31",
                    "body": typed("Xnote"),
                    "visibility": "public",
                },
            )
        notes = con.execute(
            "select id from note where municipality_code = 'GM0518' and visibility = 'public'"
        ).fetchall()
        for (number,) in notes:
            _save(con, "note", number, body=typed("Xnote"))
        for (code,) in con.execute("select code from metric").fetchall():
            _save(
                con,
                "metric",
                code,
                name_nl=typed("Xmeasure"),
                definition_nl=typed("Xdefinition"),
                source_nl=typed("Xsource"),
            )
        # A new municipality (its name cannot change once figures refer to it).
        edits.save_record(
            con,
            EDITOR,
            "municipality",
            {
                "code": NEW_TOWN,
                "name": typed("Xtown"),
                "province": "Noord-Holland",
                "pillar_start": "2026-01-01",
            },
        )
        # A staff member whose display name holds an image and bold text (issue 12).
        users.add_user(
            con, ADMIN, TYPED_USER, TYPED_NAME, None, "a long enough password", list(permissions.ROLES)
        )
    finally:
        con.close()
    publish_now(path)
    return path


@pytest.fixture
def app_db(typed_names) -> Path:
    """Make the ``app`` fixture (tests/app/conftest.py) serve the typed database."""
    return typed_names


def _strings(value: object) -> list[str]:
    """Every string in an element's value: a table's cells, index and column names, or the value."""
    if isinstance(value, pd.DataFrame):  # as read: without a table's soft hyphens (ui.table)
        return [
            str(v).replace(i18n.SOFT_HYPHEN, "")
            for v in [*value.to_numpy().ravel(), *value.index, *value.columns]
        ]
    return [value] if isinstance(value, str) else []


def markdown_texts(at) -> list[tuple[str, str]]:
    """(element, text) of every string on the page that Streamlit renders as Markdown."""
    found = []

    def walk(node) -> None:
        kind = type(node).__name__
        if any(own in str(getattr(node, "value", "")) for own in OWN_SCRIPTS):
            return  # the page's own scripts: no typed text in them
        if isinstance(node, Code | Text | Json | Dataframe):
            names = ()  # shown as they are, never as Markdown
        elif isinstance(node, Radio):
            names = ("label", "options")
        elif isinstance(node, Widget):
            names = ("label",)  # a select box's options and any widget's value are plain text
        else:
            names = ("value", "label")
        for name in names:
            value = getattr(node, name, None)
            for item in value if isinstance(value, list | tuple) else [value]:
                found.extend((f"{kind}.{name}", s) for s in _strings(item))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def plotly_texts(at) -> list[str]:
    """Every string in the page's plotly figures."""
    found = []

    def walk(value) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for chart in at.get("plotly_chart"):
        walk(json.loads(chart.proto.spec))
    return found


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("gm", ["GM0518", NEW_TOWN])
def test_typed_markup_shows_escaped_on_every_public_page(app, gm, page):
    at = app("nl", municipality=gm, page=f"app_pages/{page}.py")
    texts = markdown_texts(at)
    assert texts, "the page rendered no text"
    seen = set()
    for kind, text in texts:
        # Nothing typed becomes a tag, bold text or a link ...
        assert not RENDERED.search(text), f"{kind} renders typed markup: {text!r}"
        # ... and where a typed text appears, it appears whole, exactly as escape_markdown writes it.
        for marker in MARKERS:
            if marker in text:
                assert f"{marker} {ESCAPED}" in text, f"{kind} shows {marker} without its escapes: {text!r}"
                seen.add(marker)
    for text in plotly_texts(at):
        for marker in MARKERS:
            if marker in text:
                assert typed(marker) not in text, f"a chart shows {marker} as HTML: {text!r}"
                assert f"{marker} {HOVER}" in text, f"a chart shows {marker} without HTML escapes: {text!r}"
                seen.add(marker)
    assert SHOWN[gm, page] <= seen, f"not shown: {SHOWN[gm, page] - seen}"


def test_the_typed_display_name_escape_is_what_safe_text_writes():
    assert escape_markdown(TYPED_NAME) == TYPED_NAME_ESCAPED


@pytest.mark.parametrize(
    ("lang", "page"),
    [("nl", row[0]) for row in pages.PAGES] + [("en", "app_pages/overview.py"), ("en", "app_pages/users.py")],
)
def test_a_display_name_shows_as_text_on_every_page(app, lang, page):
    """The sidebar's "signed in as" (and the users page) show a typed display name as typed."""
    at = app(lang, page=page, signed_in=TYPED_USER, tables=False)
    texts = markdown_texts(at)
    shown = [text for _, text in texts if "Xname" in text]
    assert shown, "the display name is not shown"
    for text in shown:
        assert TYPED_NAME_ESCAPED in text, f"the display name is shown without its escapes: {text!r}"
    for kind, text in texts:
        assert not RENDERED.search(text) and "![x]" not in text, f"{kind} renders typed markup: {text!r}"
