"""What the accessibility statement says: its measured facts (from the test results) and known gaps.

The statement follows the Dutch model statement (modelverklaring, toegankelijkheidsverklaring.nl):
status, date and method of the last check, known gaps with the date they are to be fixed,
contact and response time, the enforcement procedure. The check's figures are read from the
files the browser tests' axe-core journeys write (``config.ACCESSIBILITY_RESULTS_DIR``), so
the page says what was measured, never what was hoped.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from impactdash import config, i18n
from impactdash.safe_text import escape_markdown

#: The status in the terms of the model statement: ``partial`` (voldoet gedeeltelijk) while
#: any known gap below is open; ``full`` (voldoet volledig) only when none is.
#: The known gaps: text key and the date by which it is to be fixed (None: an alternative is
#: offered and no fix is planned). Remove a row when its fix is merged.
KNOWN_GAPS: tuple[tuple[str, dt.date | None], ...] = (
    ("a11y_gap_pdf", dt.date(2027, 3, 31)),
    ("a11y_gap_streamlit_texts", dt.date(2027, 6, 30)),
    ("a11y_gap_chart_hover", None),
    ("a11y_gap_map", None),
)
#: Days within which a report of a barrier is answered (working days) and resolved or answered in full.
ACKNOWLEDGE_WORKING_DAYS = 5
ANSWER_WEEKS = 3
REGISTER_URL = "https://www.toegankelijkheidsverklaring.nl/register"
OMBUDSMAN_URL = "https://www.nationaleombudsman.nl"


@dataclass(frozen=True)
class Check:
    """The last automated check, both languages together."""

    checked_on: dt.date
    tool: str
    pages: int
    #: The staff pages walked signed in with every role (0 in a record from before they were).
    staff_pages: int
    states: int
    widths: tuple[int, ...]
    violations: int
    languages: tuple[str, ...]


def load_check(folder: Path | None = None) -> Check | None:
    """Return the last check from the journeys' result files, or None if a language is missing.

    The date is the older of the two runs; the states are summed, the pages (public and staff
    apart) are the larger language's.
    """
    folder = folder or config.ACCESSIBILITY_RESULTS_DIR
    runs = []
    for lang in i18n.LANGUAGES:
        path = folder / f"axe-{lang}.json"
        try:
            runs.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None
    return Check(
        checked_on=min(dt.date.fromisoformat(run["checked_on"]) for run in runs),
        tool=runs[0]["tool"],
        pages=max(len(run["pages"]) for run in runs),
        staff_pages=max(len(run.get("staff_pages", [])) for run in runs),
        states=sum(run["states"] for run in runs),
        widths=tuple(sorted({w for run in runs for w in run["widths"]})),
        violations=sum(run["violations"] for run in runs),
        languages=tuple(run["lang"] for run in runs),
    )


def status_key() -> str:
    """Return the text key of the status: partly compliant while any known gap is open."""
    return "a11y_status_partial" if KNOWN_GAPS else "a11y_status_full"


def check_text(check: Check | None, lang: str) -> str:
    """Return the sentence on the last automated check, or that there is none on record."""
    if check is None:
        return i18n.t("a11y_check_none", lang)
    return i18n.t(
        "a11y_check",
        lang,
        date=i18n.fmt_date(check.checked_on, lang),
        tool=check.tool,
        pages=i18n.fmt_number(check.pages, lang),
        staff=i18n.fmt_number(check.staff_pages, lang),
        states=i18n.fmt_number(check.states, lang),
        widths=", ".join(f"{w}{i18n.NBSP}px" for w in check.widths),
        violations=i18n.fmt_number(check.violations, lang),
    )


def gap_lines(lang: str) -> list[str]:
    """Return the known gaps as Markdown list items, each with the date by which it is fixed."""
    lines = []
    for key, fix_by in KNOWN_GAPS:
        when = (
            i18n.t("a11y_fix_by", lang, date=i18n.fmt_date(fix_by, lang))
            if fix_by
            else i18n.t("a11y_no_fix", lang)
        )
        lines.append(f"- {i18n.t(key, lang)} {when}")
    return lines


def contact_text(lang: str) -> str:
    """Return how to report a barrier and how soon the answer comes."""
    contact = escape_markdown(config.accessibility_contact())
    where = (
        i18n.t("a11y_contact_at", lang, contact=contact) if contact else i18n.t("a11y_contact_general", lang)
    )
    return i18n.t("a11y_contact", lang, where=where, days=ACKNOWLEDGE_WORKING_DAYS, weeks=ANSWER_WEEKS)
