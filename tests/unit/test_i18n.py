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
