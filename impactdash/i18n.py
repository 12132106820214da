"""Dutch (default) and English texts, and the number, money and date formats of each.

Numbers are formatted by Babel with the CLDR rules of each language, so Dutch pages
show € 1.234.567 and 31-12-2025, English ones €1,234,567 and 31 Dec 2025.
"""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date
from babel.numbers import format_compact_currency, format_compact_decimal, format_decimal

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_LOCALE = {"nl": "nl_NL", "en": "en_GB"}
#: A non-breaking space keeps "€ 1.234" and "120 m²" together when a line wraps.
NBSP = "\u00a0"
_DATE_PATTERN = {"nl": "dd-MM-yyyy", "en": "d MMM yyyy"}

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"nl": "Impactpijler", "en": "Impact pillar"},
    "language": {"nl": "Taal", "en": "Language"},
    "municipality": {"nl": "Gemeente", "en": "Municipality"},
    "page_overview": {"nl": "Overzicht", "en": "Overview"},
    "demo_banner": {
        "nl": "Demonstratiegegevens: alle cijfers op deze pagina zijn illustratief en geen officiële"
        " cijfers van {names}.",
        "en": "Demo data: every figure on this page is illustrative and not an official figure of {names}.",
    },
    "figures_as_of": {"nl": "Cijfers tot en met {date}", "en": "Figures up to {date}"},
    "status_on_track": {"nl": "Op koers", "en": "On track"},
    "status_at_risk": {"nl": "Risico", "en": "At risk"},
    "status_off_track": {"nl": "Achter op koers", "en": "Off track"},
    "status_no_data": {"nl": "Geen gegevens", "en": "No data"},
    "target": {"nl": "Doel", "en": "Target"},
    "latest": {"nl": "Laatste waarde", "en": "Latest value"},
    "expected": {"nl": "Verwacht volgens koers", "en": "Expected on trajectory"},
    "trajectory": {"nl": "Koers naar doel", "en": "Trajectory to target"},
    "actual": {"nl": "Gerealiseerd", "en": "Actual"},
    "projection": {"nl": "Prognose", "en": "Projection"},
    "reached_on": {
        "nl": "Doel bereikt rond {date} bij dit tempo",
        "en": "Target reached around {date} at this pace",
    },
    "already_met": {"nl": "Doel al bereikt", "en": "Target already met"},
    "not_at_this_pace": {
        "nl": "Doel niet bereikt bij dit tempo",
        "en": "Target not reached at this pace",
    },
    "too_little_data": {
        "nl": "Te weinig gegevens voor een prognose",
        "en": "Too little data for a projection",
    },
    "headline_ambitions": {"nl": "Ambities", "en": "Ambitions"},
    "key_figures": {"nl": "Kerncijfers", "en": "Key figures"},
    "spend_this_year": {"nl": "Uitgaven {year}", "en": "Spend {year}"},
    "of_budget": {"nl": "van {budget} begroot ({pct})", "en": "of {budget} budgeted ({pct})"},
    "no_budget": {"nl": "geen begroting vastgelegd", "en": "no budget recorded"},
    "show_data": {"nl": "Gegevens als tabel", "en": "Data as a table"},
    "no_data_selection": {"nl": "Geen gegevens voor deze selectie.", "en": "No data for this selection."},
    "story": {
        "nl": "{name} zet sinds {start} in op impactondernemen. Van de {n} ambities liggen er {on} op"
        " koers, {risk} lopen risico en {off} liggen achter.",
        "en": "{name} has backed impact entrepreneurship since {start}. Of its {n} ambitions, {on} are on"
        " track, {risk} at risk and {off} off track.",
    },
    "no_ambitions": {
        "nl": "Voor {name} zijn nog geen ambities vastgelegd.",
        "en": "No ambitions have been recorded for {name} yet.",
    },
    "by_date": {"nl": "in {date}", "en": "by {date}"},
    "data_footer": {
        "nl": "Bron: gegevens van de gemeente; zie Methode en data voor definities.",
        "en": "Source: the municipality's data; see Method and data for definitions.",
    },
    "no_database": {
        "nl": "De database kon niet worden geopend. Neem contact op met de beheerder.",
        "en": "The database could not be opened. Please contact the administrator.",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """Return the text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    text = TEXTS[key][lang if lang in LANGUAGES else DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def status_label(status: str, lang: str) -> str:
    """Return the word for a status (``on_track`` ...) in ``lang``."""
    return t(f"status_{status}", lang)


#: Status icons: shape differs per status, so colour is never the only signal.
STATUS_ICON = {"on_track": "✅", "at_risk": "⚠️", "off_track": "⛔", "no_data": "❔"}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | None, lang: str, decimals: int = 0) -> str:
    """Format a plain number: 12.345 (nl) or 12,345 (en); '–' for no value."""
    if _missing(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_LOCALE[lang])


def fmt_eur(value: float | None, lang: str, compact: bool = False) -> str:
    """Format euros: € 1.234.567 / €1,234,567, or compact € 4,2 mln. / €4.2M."""
    if _missing(value):
        return "–"
    if compact and abs(value) >= 10_000:
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
    """Format a date: 31-12-2025 (nl) or 31 Dec 2025 (en)."""
    if value is None:
        return "–"
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, _DATE_PATTERN[lang], locale=_LOCALE[lang])


def fmt_compact(value: float | None, lang: str) -> str:
    """Format a large count compactly: 12,3 dzd / 12.3K."""
    if _missing(value):
        return "–"
    if abs(value) < 10_000:
        return fmt_number(value, lang)
    return format_compact_decimal(value, locale=_LOCALE[lang], fraction_digits=1)


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
        return "–" if _missing(value) else f"{fmt_number(value, lang)}{NBSP}fte"
    return fmt_number(value, lang)
