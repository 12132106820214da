"""Dutch (default) and English texts, and the number, money and date formats of each.

Numbers are formatted by Babel with the CLDR rules of each language, so Dutch pages
show € 1.234.567 and 31-12-2025, English ones €1,234,567 and 31 Dec 2025.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import math
import pkgutil
import re

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_currency, format_decimal

from impactdash import texts as _texts_package

LANGUAGES = ("nl", "en")


def _collect() -> dict[str, dict[str, str]]:
    """Merge the ``TEXTS`` of every module in ``impactdash/texts`` (one module per page).

    One module per page keeps texts next to their page's concerns; a key defined twice
    is an error, so two pages cannot silently fight over a word.
    """
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(_texts_package.__path__):
        module = importlib.import_module(f"{_texts_package.__name__}.{info.name}")
        for key, value in module.TEXTS.items():
            if key in merged:
                raise KeyError(f"text {key!r} is defined twice (again in texts/{info.name}.py)")
            merged[key] = value
    return merged


DEFAULT_LANGUAGE = "nl"
#: Parsed once: Babel parses a locale given by name on every call (a third of a number's
#: formatting time, and a page formats hundreds).
_LOCALE = {"nl": Locale.parse("nl_NL"), "en": Locale.parse("en_GB")}
#: Dates in English use CLDR's plain English: British English abbreviates September as "Sept",
#: while chart hovers (d3's ``%b``) write "Sep"; one month style per language, so both say "Sep".
_DATE_LOCALE = {"nl": Locale.parse("nl_NL"), "en": Locale.parse("en")}
#: A non-breaking space keeps "€ 1.234" and "120 m²" together when a line wraps.
NBSP = "\u00a0"
#: A word joiner after a date's hyphens keeps "31-12-" and "2025" on one line (``table_date``);
#: invisible, and taken out again where text leaves the page (downloads, the PDF).
WORD_JOINER = "\u2060"
#: Every date format, one table per language: Babel patterns for text (``date``, ``month``,
#: ``month_short``), a d3 format for chart hovers (``hover``), and how a date is written in
#: a form field (``field``, strftime: Dutch as people write it, English as ISO), and the
#: formats of Streamlit's date widgets (``widget``: st.date_input; ``grid``: a data editor's
#: date column).
DATE_FORMATS = {
    "nl": {
        "date": "dd-MM-yyyy",
        "month": "MMMM",
        "month_short": "MMM",
        "hover": "%d-%m-%Y",
        "field": "%d-%m-%Y",
        "widget": "DD-MM-YYYY",
        "grid": "DD-MM-YYYY",
    },
    "en": {
        "date": "d MMM yyyy",
        "month": "MMMM",
        "month_short": "MMM",
        "hover": "%-d %b %Y",
        "field": "%Y-%m-%d",
        "widget": "YYYY/MM/DD",
        "grid": "YYYY-MM-DD",
    },
}

TEXTS: dict[str, dict[str, str]] = _collect()


def t(key: str, lang: str, **values: object) -> str:
    """Return the text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    text = TEXTS[key][lang if lang in LANGUAGES else DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def plural_category(count: float, lang: str) -> str:
    """Return CLDR's plural category of ``count`` in ``lang`` (Babel's rules): ``one`` or ``other`` here."""
    return _LOCALE[lang if lang in LANGUAGES else DEFAULT_LANGUAGE].plural_form(abs(count))


def plural(key: str, count: float, lang: str, **values: object) -> str:
    """Return the text ``key`` in the form that agrees with ``count``, ``{count}`` filled in.

    Every sentence where a number meets a noun or verb goes through here, never through
    "probleem/problemen" or string concatenation: the form is chosen by CLDR's plural rules
    (Babel), so "1 probleem", "2 problemen", "0 problemen", "1 loopt risico". A key has its
    ``other`` form under ``key`` and, where the language has it, its ``one`` form under
    ``key_one`` (both in both languages). ``{count}`` is the number formatted for ``lang``
    unless the caller passes its own.
    """
    category = plural_category(count, lang)
    chosen = f"{key}_{category}" if category != "other" and f"{key}_{category}" in TEXTS else key
    values.setdefault("count", fmt_number(count, lang))
    return t(chosen, lang, **values)


def counted(key: str, lang: str, **values: object) -> str:
    """Return ``t(key, ...)``, or the plural form agreeing with ``count`` when that is a whole number.

    For texts raised with their parameters (errors, validation problems): the raiser passes
    the number, the message chooses "1 probleem" or "3 problemen".
    """
    count = values.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        rest = {k: v for k, v in values.items() if k != "count"}
        return plural(key, count, lang, **rest)
    return t(key, lang, **values)


def status_clauses(counts: dict[str, int], lang: str) -> dict[str, str]:
    """Return "ligt er 1 op koers", "2 lopen risico", "1 ligt achter" for ``{on}``, ``{risk}``, ``{off}``.

    Each agrees with its own count: a Dutch verb is singular after 1, plural otherwise.
    """
    return {
        "on": plural("count_on_track", counts.get("on_track", 0), lang),
        "risk": plural("count_at_risk", counts.get("at_risk", 0), lang),
        "off": plural("count_off_track", counts.get("off_track", 0), lang),
    }


def status_label(status: str, lang: str) -> str:
    """Return the word for a status (``on_track`` ...) in ``lang``."""
    return t(f"status_{status}", lang)


#: Status symbols for plain text (tables, sentences, exports): shape differs per status, so
#: colour is never the only signal. Chosen from fonts every system has (no emoji needed).
STATUS_ICON = {"on_track": "✓", "at_risk": "⚠", "off_track": "✗", "no_data": "?"}

#: The colour of a status in Streamlit markdown, a third signal beside symbol and word.
_STATUS_COLOUR = {"on_track": "green", "at_risk": "orange", "off_track": "red", "no_data": "gray"}


def status_markdown(status: str, lang: str) -> str:
    """Return Streamlit markdown showing a status as symbol + word, coloured as a third signal.

    The symbol is a plain character, not a Material icon: Streamlit names a Material icon in
    Markdown to screen readers by its English file name ("check_circle icon", issue 13),
    whereas a character is read in the voice's own language, or passed over.
    """
    return f":{_STATUS_COLOUR[status]}[{STATUS_ICON[status]} **{status_label(status, lang)}**]"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | None, lang: str, decimals: int = 0) -> str:
    """Format a plain number: 12.345 (nl) or 12,345 (en); '–' for no value."""
    if _missing(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    try:
        return _decimal(value, pattern, lang)
    except TypeError:  # an unhashable number type: formatted without the memo
        return format_decimal(value, format=pattern, locale=_LOCALE[lang])


@functools.lru_cache(maxsize=8192)
def _decimal(value: float, pattern: str, lang: str) -> str:
    # Pages format the same figures on every view (hundreds on the ecosystem page), and
    # Babel takes ~10 µs a number: each distinct (value, pattern, language) once.
    return format_decimal(value, format=pattern, locale=_LOCALE[lang])


def fmt_eur(value: float | None, lang: str, compact: bool = False) -> str:
    """Format euros: € 1.234.567 / €1,234,567, or from a million compact: € 4,2 mln. / €4.2M."""
    if _missing(value):
        return "–"
    # Compact only from a million: "€ 4,2 mln." is Dutch, "€ 300K" is not.
    if compact and abs(value) >= 1_000_000:
        return format_compact_currency(value, "EUR", locale=_LOCALE[lang], fraction_digits=1)
    sign = "-" if value < 0 else ""
    body = fmt_number(abs(value), lang)
    return f"{sign}€{NBSP}{body}" if lang == "nl" else f"{sign}€{body}"


def fmt_pct(value: float | None, lang: str, decimals: int = 0) -> str:
    """Format a percentage given on a 0–100 scale: 84% / 84,3%."""
    if _missing(value):
        return "–"
    return f"{fmt_number(value, lang, decimals)}%"


def fmt_date(value: dt.date | None, lang: str) -> str:
    """Format a date: 31-12-2025 (nl) or 31 Dec 2025 (en); '–' for no date (None, or pandas' NaT)."""
    if value is None or value != value:  # NaT, a missing date in a pandas column, is not equal to itself
        return "–"
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, _formats(lang)["date"], locale=_DATE_LOCALE[lang])


def table_date(on: dt.date | None, lang: str) -> str:
    """Format a date that never breaks over two lines, in a table or a sentence (31-12-2025, 31 Dec 2025)."""
    return fmt_date(on, lang).replace(" ", NBSP).replace("-", "-" + WORD_JOINER)


def _formats(lang: str) -> dict[str, str]:
    return DATE_FORMATS[lang if lang in DATE_FORMATS else DEFAULT_LANGUAGE]


def fmt_month(value: dt.date, lang: str, short: bool = False) -> str:
    """Format a month's name: september / September, or sep. / Sep for ``short``."""
    pattern = _formats(lang)["month_short" if short else "month"]
    return format_date(value, pattern, locale=_DATE_LOCALE[lang if lang in LANGUAGES else DEFAULT_LANGUAGE])


def hover_date(lang: str) -> str:
    """Return the d3 date format of chart hovers: 31-12-2025 / 31 Dec 2025."""
    return _formats(lang)["hover"]


def widget_date_format(lang: str, grid: bool = False) -> str:
    """Return the format of Streamlit's date widgets: ``st.date_input`` or (``grid``) a data editor column."""
    return _formats(lang)["grid" if grid else "widget"]


def field_date(value: dt.date, lang: str) -> str:
    """Write a date as a form field shows it: 31-12-2025 (nl) or 2025-12-31 (en)."""
    return value.strftime(_formats(lang)["field"])


def fmt_time(value: dt.datetime, lang: str) -> str:
    """Format a moment as date and time: 27-11-2026 10:15 / 27 Nov 2026 10:15."""
    return f"{fmt_date(value.date(), lang)} {value:%H:%M}"


def fmt_value(value: float | None, unit: str, lang: str, compact: bool = False) -> str:
    """Format a measure's value by its unit (eur, m2, count, fte, ratio, percent)."""
    if unit == "eur":
        return fmt_eur(value, lang, compact=compact)
    if unit == "percent":
        return fmt_pct(value, lang)
    if unit == "ratio":
        return "–" if _missing(value) else fmt_number(value, lang, 2)
    if unit == "m2":
        return "–" if _missing(value) else f"{fmt_number(value, lang)}{NBSP}m²"
    if unit == "fte":
        # A team of 1,8 fte must not read "2 fte"; large workforces need no decimal.
        decimals = 1 if not _missing(value) and abs(value) < 100 else 0
        return "–" if _missing(value) else f"{fmt_number(value, lang, decimals)}{NBSP}fte"
    return fmt_number(value, lang)


#: Hyphenation patterns per language (pyphen's, from LibreOffice): American English breaks
#: words where English readers expect it ("ac-ces-si-bil-i-ty"); pyphen's British patterns do not.
_HYPHENATION = {"nl": "nl_NL", "en": "en_US"}
#: A word shorter than this fits on a heading's line even at 320 px (about 12 letters of a
#: top heading); only longer ones may need to be broken.
HYPHENATE_FROM = 10
SOFT_HYPHEN = "\u00ad"


@functools.lru_cache(maxsize=4096)
def hyphenate(word: str, lang: str) -> str:
    """Return ``word`` with soft hyphens where the language's rules allow a break ("im­pact­on­der­ne­mers")."""
    return _hyphenation(lang).inserted(word, hyphen=SOFT_HYPHEN)


_LONG_WORD = re.compile(rf"[^\W\d_]{{{HYPHENATE_FROM},}}")
#: A Markdown link's target, "](...)": an address, never hyphenated.
_LINK_TARGET = re.compile(r"(\]\([^)]*\))")


def soft_hyphenated(text: str, lang: str) -> str:
    """Return Markdown ``text`` with soft hyphens in its long words, never in a link's address.

    A table cell's long word ("Matchmakingbijeenkomsten") then breaks where the language allows
    when its column is narrow, instead of anywhere ("Matchmakingbijeenkom/sten") or not at all
    (the table wider than the page). Invisible where the word fits.
    """
    parts = _LINK_TARGET.split(text)
    return "".join(
        part if index % 2 else _LONG_WORD.sub(lambda word: hyphenate(word[0], lang), part)
        for index, part in enumerate(parts)
    )


@functools.cache
def _hyphenation(lang: str):
    import pyphen  # only the page aids need the patterns: loaded on first use

    return pyphen.Pyphen(lang=_HYPHENATION[lang])


@functools.cache
def hyphenated_words(lang: str) -> dict[str, str]:
    """Return every long word of the texts in ``lang`` with its soft hyphens (headings break them at 320 px).

    Words are runs of letters: "'s-Gravenhage" gives "Gravenhage", which already breaks
    after its hyphen. Computed once per process and language.
    """
    words = {word for texts in TEXTS.values() for word in _LONG_WORD.findall(texts[lang])}
    return {word: hyphenate(word, lang) for word in sorted(words)}
