"""The report page: a reviewer picks a publication and downloads its report as PDF or HTML."""

from __future__ import annotations

import datetime as dt

from impactdash import config
from impactdash.publish import pointer
from impactdash.report import build as report
from impactdash.store import db

PAGE = "app_pages/report.py"


def test_a_reviewer_gets_both_downloads_for_the_current_publication(app):
    at = app("nl", page=PAGE, signed_in="reviewer.demo")
    assert at.title[0].value == "Rapportage"
    assert "Q3 2026" in at.selectbox[0].format_func(at.selectbox[0].value)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["PDF downloaden", "HTML downloaden"]


def test_the_english_page_offers_the_same(app):
    at = app("en", page=PAGE, signed_in="reviewer.demo")
    assert at.title[0].value == "Report"
    assert [b.proto.label for b in at.get("download_button")] == ["Download PDF", "Download HTML"]


def test_the_report_file_of_a_publication(demo_copy):
    current = pointer.current(config.publications_dir(demo_copy))
    snap = db.connect(current.path, read_only=True)
    try:
        when = dt.datetime(2026, 10, 1, 9, 0)
        html = report.report_file(snap, "html", "nl", current.label, when, ("GM0080",))
        assert html.startswith(b"<!DOCTYPE html") or html.lstrip().lower().startswith(b"<!doctype html")
        assert b"Q3 2026" in html and b"Leeuwarden" in html
        pdf = report.report_file(snap, "pdf", "en", current.label, when, ("GM0080",))
        assert pdf.startswith(b"%PDF")
    finally:
        snap.close()
