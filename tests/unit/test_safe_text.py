"""Typed text is shown as typed: no links, images, HTML or maths from a note or a name."""

from __future__ import annotations

import pytest

from impactdash.safe_text import escape_hover, escape_markdown, plain_text, typed_in


@pytest.mark.parametrize(
    "text",
    [
        "![pixel](https://example.com/p.png)",
        "[klik](javascript:alert(1))",
        "**vet** _schuin_ `code`",
        "# kop",
        "$x^2$ kost € 5",
        ":red[rood]",
        "<script>alert(1)</script>",
    ],
)
def test_markdown_specials_are_escaped(text):
    escaped = escape_markdown(text)
    # Removing the escapes gives back the text: nothing was lost, only neutralised.
    assert escaped.replace("\\", "") == text.replace("\\", "")
    for char in "[]()*_`#$<>:!":
        assert f"\\{char}" in escaped or char not in text


def test_plain_words_are_untouched():
    assert escape_markdown("Impacthub Laak") == "Impacthub Laak"


def test_hover_text_is_html_escaped():
    assert escape_hover("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


def test_plain_text_undoes_escaping_and_drops_emphasis():
    typed = "Impact*fonds* (Noord) #1 <b>x</b>"
    assert plain_text(escape_markdown(typed)) == typed
    assert plain_text("2025: **€ 4,2 mln** uitgegeven") == "2025: € 4,2 mln uitgegeven"
    # A note in the other language: our span goes (a report showed it as text), a typed one stays.
    assert plain_text(f"Note: {typed_in('Zie <b>', 'nl', 'en')}") == "Note: Zie <b>"
    typed = '<span lang="nl">x</span>'
    assert plain_text(escape_markdown(typed)) == typed


def test_typed_in_marks_only_the_other_language_and_refuses_a_foreign_code():
    assert typed_in("Zie *x*", "nl", "nl") == r"Zie \*x\*"
    assert typed_in("Zie <b>", "nl", "en") == r'<span lang="nl">Zie \<b\></span>'
    with pytest.raises(ValueError):
        typed_in("x", "de", "de")
