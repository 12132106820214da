"""Dutch and English formats of numbers, money, dates; every text exists in both languages."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from impactdash import i18n


def test_every_text_has_both_languages():
    for key, texts in i18n.TEXTS.items():
        assert set(texts) == set(i18n.LANGUAGES), key
        assert all(t.strip() for t in texts.values()), key


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1234567, "nl", "€\u00a01.234.567"),
        (1234567, "en", "€1,234,567"),
        (-250, "nl", "-€\u00a0250"),
        (None, "nl", "–"),
        (math.nan, "en", "–"),
    ],
)
def test_euros(value, lang, expected):
    assert i18n.fmt_eur(value, lang) == expected


def test_compact_euros():
    assert i18n.fmt_eur(4_200_000, "nl", compact=True) == "€\u00a04,2\u00a0mln."
    assert i18n.fmt_eur(4_200_000, "en", compact=True) == "€4.2M"


def test_compact_only_from_a_million():
    assert i18n.fmt_eur(300_000, "nl", compact=True) == "€\u00a0300.000"


def test_dates():
    day = dt.date(2025, 12, 31)
    assert i18n.fmt_date(day, "nl") == "31-12-2025"
    assert i18n.fmt_date(day, "en") == "31 Dec 2025"


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (12345.4, "m2", "nl", "12.345\u00a0m²"),
        (12345.4, "m2", "en", "12,345\u00a0m²"),
        (84.25, "percent", "nl", "84%"),
        (1.256, "ratio", "nl", "1,26"),
        (1.256, "ratio", "en", "1.26"),
        (310.0, "fte", "nl", "310\u00a0fte"),
        (1.8, "fte", "nl", "1,8\u00a0fte"),
        (1.8, "fte", "en", "1.8\u00a0fte"),
        (1500, "count", "nl", "1.500"),
    ],
)
def test_values_by_unit(value, unit, lang, expected):
    assert i18n.fmt_value(value, unit, lang) == expected


def test_unknown_language_falls_back_to_dutch():
    assert i18n.t("target", "de") == "Doel"


# --- Plural and number agreement (issue 13): Babel's plural rules, never "probleem/problemen".


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [
        (0, "nl", "Er is niets opgeslagen: 0 problemen gevonden."),
        (1, "nl", "Er is niets opgeslagen: 1 probleem gevonden."),
        (2, "nl", "Er is niets opgeslagen: 2 problemen gevonden."),
        (1, "en", "Nothing was saved: 1 problem found."),
        (1200, "en", "Nothing was saved: 1,200 problems found."),
    ],
)
def test_plural_chooses_the_form_that_agrees(count, lang, expected):
    assert i18n.plural("edit_invalid", count, lang) == expected


def test_a_dutch_verb_agrees_with_its_count():
    one = i18n.status_clauses({"on_track": 1, "at_risk": 1, "off_track": 1}, "nl")
    assert one == {"on": "ligt er 1 op koers", "risk": "1 loopt risico", "off": "1 ligt achter"}
    two = i18n.status_clauses({"on_track": 3, "at_risk": 2, "off_track": 0}, "nl")
    assert two == {"on": "liggen er 3 op koers", "risk": "2 lopen risico", "off": "0 liggen achter"}
    story = i18n.t(
        "story",
        "nl",
        name="Utrecht",
        start=2022,
        ambitions=i18n.plural("count_ambitions", 3, "nl"),
        **one,
    )
    assert story.endswith("Van de 3 ambities ligt er 1 op koers, 1 loopt risico en 1 ligt achter.")


def test_errors_raised_with_a_count_agree_with_it():
    from impactdash.errors import UserFacingError

    assert (
        UserFacingError("edit_in_use", count=1, target="x")
        .message("nl")
        .startswith("Dit record kan niet worden verwijderd: 1 record bij de x verwijst")
    )
    assert "3 records in x refer" in UserFacingError("edit_in_use", count=3, target="x").message("en")


def test_every_singular_form_has_its_plural_and_no_text_writes_both():
    for key, texts in i18n.TEXTS.items():
        if key.endswith("_one") and "{count}" in texts["nl"]:
            assert key.removesuffix("_one") in i18n.TEXTS, key
        for text in texts.values():
            assert "(s)" not in text and "probleem/problemen" not in text, key


def test_one_month_style_per_language():
    # d3's %b in chart hovers writes "Sep"; text must not write British "Sept".
    assert i18n.fmt_date(dt.date(2026, 9, 30), "en") == "30 Sep 2026"
    assert i18n.fmt_month(dt.date(2026, 9, 1), "en", short=True) == "Sep"
    assert i18n.fmt_date(dt.date(2026, 9, 30), "nl") == "30-09-2026"


def test_a_target_date_reads_as_a_date():
    assert i18n.t("by_date", "nl", date=i18n.fmt_date(dt.date(2030, 12, 31), "nl")) == "op 31-12-2030"


# --- The browser tab's title (issue 13, WCAG 2.4.2): distinct per page and language.


def test_every_page_has_its_own_title_in_each_language():
    from impactdash.ui import pages

    rows = (*pages.PAGES, pages.SIGN_IN)
    for lang in i18n.LANGUAGES:
        titles = [pages.document_title(row[1], lang, "Den Haag") for row in rows]
        assert len(set(titles)) == len(titles), titles
    assert (
        pages.document_title("page_budget", "nl", "Den Haag") == "Budget en uitgaven — Impactpijler Den Haag"
    )
    assert (
        pages.document_title("page_budget", "en", "Den Haag") == "Budget and spend — Impact pillar Den Haag"
    )
    assert pages.document_title("page_users", "en") == "Users — Impact pillar"


def test_long_words_break_where_each_language_allows():
    """Soft hyphens from the language's patterns (pyphen), not anywhere: headings at 320 px use them."""
    shy = i18n.SOFT_HYPHEN
    assert i18n.hyphenate("impactondernemers", "nl") == shy.join(["im", "pact", "on", "der", "ne", "mers"])
    assert i18n.hyphenate("accessibility", "en") == shy.join(["ac", "ces", "si", "bil", "i", "ty"])
    for lang in i18n.LANGUAGES:
        words = i18n.hyphenated_words(lang)
        assert all(
            len(word) >= i18n.HYPHENATE_FROM and hyphenated.replace(shy, "") == word
            for word, hyphenated in words.items()
        )
    assert "Toegankelijkheidsverklaring" in i18n.hyphenated_words("nl")
    assert "Accessibility" in i18n.hyphenated_words("en")


def test_a_table_cell_gets_soft_hyphens_in_its_long_words_only():
    """A cell's long words may break between syllables; short words, amounts, dates and link addresses never."""
    shy = i18n.SOFT_HYPHEN
    cell = r"**Groningen** – Vastgoed voor impactondernemers, € 1.249.829 (31-12-2028)"
    assert i18n.soft_hyphenated(cell, "nl") == (
        f"**Groningen** – Vastgoed voor im{shy}pact{shy}on{shy}der{shy}ne{shy}mers, € 1.249.829 (31-12-2028)"
    )
    link = "[Matchmakingbijeenkomsten](/programme?programme=matchmakingbijeenkomsten)"
    assert i18n.soft_hyphenated(link, "nl") == (
        f"[Match{shy}ma{shy}king{shy}bij{shy}een{shy}kom{shy}sten](/programme?programme=matchmakingbijeenkomsten)"
    )
    assert i18n.soft_hyphenated("✗\u00a0Off\u00a0track", "en") == "✗\u00a0Off\u00a0track"
