"""Showing text that people typed (names, notes, documents) exactly as typed, never as markup.

Streamlit renders titles, captions, markdown and ``st.table`` cells as Markdown (and ``$``
as maths); plotly reads a subset of HTML in hover texts. A note saying
``![x](https://elsewhere/pixel.png)`` must not make every visitor's browser fetch an image
from elsewhere, and ``<b>`` must not turn bold. One place for both rules.
"""

from __future__ import annotations

import html
import re

# Every character that Markdown, Streamlit's directives (:blue[...]) or its maths ($) treat
# specially; a backslash before each shows it literally.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")


def escape_markdown(text: object) -> str:
    """Return ``text`` with every Markdown character escaped, to show exactly as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def escape_hover(text: object) -> str:
    """Return ``text`` HTML-escaped for a plotly hover label or annotation."""
    return html.escape(str(text))


_EMPHASIS = re.compile(r"(?<!\\)(\*\*|__|\*|_)")
_ESCAPED = re.compile(r"\\(.)")


def unescape_markdown(text: str) -> str:
    """Undo :func:`escape_markdown`: the text as typed (a download of a shown table holds it so)."""
    return _ESCAPED.sub(r"\1", text)


def plain_text(markdown: str) -> str:
    """Return the words of one of our Markdown sentences, for a screen reader (a chart's alt text).

    Undoes :func:`escape_markdown` and drops emphasis markers, which are read out as
    "asterisk asterisk" otherwise.
    """
    return _ESCAPED.sub(r"\1", _EMPHASIS.sub("", markdown))
