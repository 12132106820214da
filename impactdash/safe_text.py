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
_LANG_SPAN = re.compile(r'(?<!\\)(<span lang="(nl|en)">|</span>)')


def unescape_markdown(text: str) -> str:
    """Undo :func:`escape_markdown`: the text as typed (a download of a shown table holds it so)."""
    return _ESCAPED.sub(r"\1", text)


def plain_text(markdown: str) -> str:
    """Return the words of one of our Markdown sentences, for a screen reader (a chart's alt text).

    Undoes :func:`escape_markdown` and drops emphasis markers, which are read out as
    "asterisk asterisk" otherwise, and the ``<span lang>`` of :func:`typed_in` (typed
    ``<`` is escaped, so only our own tag matches), which a report showed as text.
    """
    return _ESCAPED.sub(r"\1", _EMPHASIS.sub("", _LANG_SPAN.sub("", markdown)))


def typed_in(text: object, text_lang: str, page_lang: str) -> str:
    """Return typed ``text`` as Markdown shown as typed, marked ``lang`` when it is not the page's language.

    WCAG 3.1.2: a Dutch note on an English page is read with Dutch pronunciation. The text
    is escaped as :func:`escape_markdown` does (``<`` included), so nothing typed becomes
    markup; in the other language it is wrapped in a ``<span lang=…>``, the one tag ours,
    so the Markdown it goes into is shown with ``unsafe_allow_html=True`` (``ui.foreign_text``
    shows a whole passage the same way). ``text_lang`` must be one of the app's languages:
    it becomes an attribute, so anything else is refused rather than written into the tag.
    """
    if text_lang not in ("nl", "en"):
        raise ValueError(f"not a language of the dashboard: {text_lang!r}")
    if text_lang == page_lang:
        return escape_markdown(text)
    return f'<span lang="{text_lang}">{escape_markdown(text)}</span>'
