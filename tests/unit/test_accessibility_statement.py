"""The accessibility statement's facts: read from the axe-core journeys' results, gaps with dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from impactdash import config, i18n
from impactdash.ui import pages
from impactdash.views import accessibility as statement


def _write(folder, lang, day, pages, states, violations=0, staff_pages=()):
    (folder / f"axe-{lang}.json").write_text(
        json.dumps(
            {
                "lang": lang,
                "checked_on": day,
                "tool": "axe-core 4.12.1",
                "pages": pages,
                "staff_pages": list(staff_pages),
                "states": states,
                "widths": [1366, 320],
                "violations": violations,
            }
        )
    )


def test_the_check_combines_both_languages_and_takes_the_older_date(tmp_path):
    _write(tmp_path, "nl", "2026-12-02", ["overview", "budget"], 5)
    assert statement.load_check(tmp_path) is None, "one language is no check of the statement"
    _write(
        tmp_path,
        "en",
        "2026-12-01",
        ["overview", "budget", "method"],
        6,
        violations=1,
        staff_pages=["audit", "review"],
    )
    check = statement.load_check(tmp_path)
    assert check.checked_on == dt.date(2026, 12, 1)
    assert (check.pages, check.staff_pages, check.states, check.violations) == (3, 2, 11, 1)
    assert check.widths == (320, 1366)
    text = statement.check_text(check, "nl")
    assert "01-12-2026" in text and "axe-core 4.12.1" in text and "Gevonden overtredingen: 1." in text
    assert "320\u00a0px, 1366\u00a0px" in text
    assert "de 3 openbare pagina's en de 2 pagina's voor medewerkers" in text


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_without_results_the_statement_says_so(tmp_path, lang):
    assert statement.check_text(statement.load_check(tmp_path), lang) == i18n.t("a11y_check_none", lang)


def test_the_recorded_check_in_the_repository_found_nothing():
    """The results the journeys wrote are committed with the code: the statement quotes them."""
    check = statement.load_check(config.ACCESSIBILITY_RESULTS_DIR)
    assert check is not None and check.violations == 0
    assert set(check.languages) == set(i18n.LANGUAGES)
    assert check.staff_pages == len(pages.staff_pages()), "every staff page is checked too"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_statement_shows_what_the_committed_results_hold(lang):
    """The statement's check is the committed files' (the journey compares them with what it checks)."""
    runs = [
        json.loads((config.ACCESSIBILITY_RESULTS_DIR / f"axe-{code}.json").read_text(encoding="utf-8"))
        for code in i18n.LANGUAGES
    ]
    for run in runs:
        assert run["pages"] == [row[3] for row in pages.public_pages()], "every public page, in menu order"
        assert run["staff_pages"] == [row[3] for row in pages.staff_pages()]
        assert run["violations"] == 0 and run["tool"] == runs[0]["tool"]
    text = statement.check_text(statement.load_check(), lang)
    oldest = min(dt.date.fromisoformat(run["checked_on"]) for run in runs)
    for said in (
        i18n.fmt_date(oldest, lang),
        runs[0]["tool"],
        i18n.fmt_number(sum(run["states"] for run in runs), lang),
        ", ".join(f"{w}\u00a0px" for w in sorted({w for run in runs for w in run["widths"]})),
    ):
        assert said in text, (said, text)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_open_gap_has_a_date_or_an_alternative(lang):
    lines = statement.gap_lines(lang)
    assert len(lines) == len(statement.KNOWN_GAPS)
    for (_, fix_by), line in zip(statement.KNOWN_GAPS, statement.gap_lines(lang), strict=True):
        assert (i18n.fmt_date(fix_by, lang) if fix_by else i18n.t("a11y_no_fix", lang)) in line
    assert statement.status_key() == "a11y_status_partial"


def test_the_contact_comes_from_the_setting(monkeypatch):
    monkeypatch.delenv(config.ACCESSIBILITY_CONTACT_ENV, raising=False)
    assert i18n.t("a11y_contact_general", "nl") in statement.contact_text("nl")
    monkeypatch.setenv(config.ACCESSIBILITY_CONTACT_ENV, "toegankelijk@gemeente.example")
    text = statement.contact_text("en")
    assert "toegankelijk@gemeente\\.example" in text and "5 working days" in text  # as Markdown
