"""Which of a record's two texts a page shows: the one in the page's language, else the other, marked.

Notes, programme and building descriptions and the titles of council documents have a
Dutch text and an optional English one (migration 0011). An English page shows the
English text where it is filled in, else the Dutch text marked ``lang="nl"``, so a screen
reader pronounces it as Dutch (WCAG 3.1.2); a Dutch page shows the Dutch text, or the
English one marked ``lang="en"`` when only that exists. Views decide which text and which
language; pages only render the Markdown they get, with HTML allowed for the one tag.
"""

from __future__ import annotations

import pandas as pd

from impactdash import i18n
from impactdash.safe_text import typed_in

#: The other language of each page language.
OTHER = {"nl": "en", "en": "nl"}


def _filled(text: object) -> str | None:
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return None
    text = str(text)
    return text if text.strip() else None


def pick(dutch: object, english: object, lang: str) -> tuple[str | None, str]:
    """Return (text, its language) to show on a page in ``lang``; (None, lang) when neither is filled in."""
    texts = {"nl": _filled(dutch), "en": _filled(english)}
    if texts[lang] is not None:
        return texts[lang], lang
    other = OTHER[lang]
    if texts[other] is not None:
        return texts[other], other
    return None, lang


def passage(dutch: object, english: object, lang: str) -> str:
    """Return the text to show on a page in ``lang`` as safe Markdown; '' when neither is filled in.

    Text in the page's language is escaped only; text in the other language is wrapped in a
    ``<span lang=…>`` as well, so the page must render it with HTML allowed.
    """
    text, text_lang = pick(dutch, english, lang)
    if text is None:
        return ""
    return typed_in(text, text_lang, lang)


def written(dutch: object, english: object, lang: str) -> str:
    """Return ", in Dutch" (or ", in English") when the text shown is not in ``lang``, else ''.

    Said after a note's period, so a sighted reader knows too why the text is in Dutch.
    """
    text, text_lang = pick(dutch, english, lang)
    return "" if text is None or text_lang == lang else i18n.t(f"text_written_{text_lang}", lang)


def of_row(row: object, column: str, lang: str) -> str:
    """Return :func:`passage` of a row's ``column`` (Dutch) and ``column_en`` (English, may be absent)."""
    return passage(getattr(row, column, None), getattr(row, f"{column}_en", None), lang)


def plain(dutch: object, english: object, lang: str) -> str:
    """Return the text to show in ``lang`` as plain text (a report, a chart label); '' if neither."""
    return pick(dutch, english, lang)[0] or ""
