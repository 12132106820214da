"""The report page: a reviewer picks a publication and downloads its report as PDF or HTML."""

from __future__ import annotations

import datetime as dt

from impactdash import config
from impactdash.publish import pointer
from impactdash.report import build as report
from impactdash.store import db

PAGE = "app_pages/report.py"


def test_a_reviewer_makes_the_report_and_downloads_it(app):
    at = app("nl", page=PAGE, signed_in="reviewer.demo")
    assert at.title[0].value == "Rapportage"
    assert "Q3 2026" in at.selectbox[0].format_func(at.selectbox[0].value)
    assert any("Toegankelijke versie: het HTML-bestand" in box.value for box in at.info)
    assert not at.get("download_button"), "nothing is built before it is asked for"
    # One municipality, as HTML: the page builds it with a progress bar, then offers the file.
    at.multiselect[0].select("GM0080").run()
    at.button(key="report_make").click().run(timeout=120)
    assert not at.exception
    assert [b.proto.label for b in at.get("download_button")] == ["PDF downloaden"]


def test_the_english_page_offers_the_same(app):
    at = app("en", page=PAGE, signed_in="reviewer.demo")
    assert at.title[0].value == "Report"
    assert at.button(key="report_make").label == "Make the report"
    assert any("Accessible version: the HTML file" in box.value for box in at.info)


def test_the_report_file_of_a_publication(demo_copy):
    current = pointer.current(config.publications_dir(demo_copy))
    snap = db.connect(current.path, read_only=True)
    try:
        when = dt.datetime(2026, 10, 1, 9, 0)
        html = report.report_file(snap, "html", "nl", current.label, when, ("GM0080",))
        assert html.startswith(b"<!DOCTYPE html") or html.lstrip().lower().startswith(b"<!doctype html")
        assert b"Q3 2026" in html and b"Leeuwarden" in html
    finally:
        snap.close()
