"""The council report: every section and every ambition in both formats and languages, read back.

Each full report is built once for the module (the Dutch PDF through the command line),
since building one takes seconds.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re

import pypdf
import pytest

from impactdash import cli, config, i18n
from impactdash.measures import progress
from impactdash.publish import pointer, serving
from impactdash.report import build as report
from impactdash.report import chart as report_chart
from impactdash.report import html as html_renderer
from impactdash.report import pdf as pdf_renderer
from impactdash.report import sections, vector
from impactdash.store import db
from impactdash.views import classifications
from tests.publishing import as_published_before_0008

PUBLISHED = dt.datetime(2026, 11, 27, 10, 15)
LABEL = "Q3 2026"
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def con(demo_db_file):
    """One read-only connection for the module: the reports below are built once each."""
    connection = db.connect(demo_db_file, read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def model(con):
    """The Dutch report's content, to know what every output must hold."""
    return {lang: report.build(con, lang, label=LABEL, published_at=PUBLISHED) for lang in ("nl", "en")}


@pytest.fixture(scope="module")
def html_text(con):
    return {lang: report.report_html(con, lang, label=LABEL, published_at=PUBLISHED) for lang in ("nl", "en")}


@pytest.fixture(scope="module")
def pdf_files(demo_db_file, tmp_path_factory):
    """The current publication's PDF per language: the Dutch one written by the command line."""
    out = tmp_path_factory.mktemp("report") / "rapportage.pdf"
    argv = ["--db", str(demo_db_file), "report", "--lang", "nl", "--format", "pdf", "--out", str(out)]
    assert cli.main(argv) == 0
    folder = config.publications_dir(demo_db_file)
    return {"nl": out.read_bytes(), "en": report.publication_report(folder, None, "pdf", "en")}


@pytest.fixture(scope="module")
def pdf_pages(pdf_files):
    """The text of every page of the PDF, per language."""
    result = {}
    for lang, data in pdf_files.items():
        reader = pypdf.PdfReader(io.BytesIO(data))
        result[lang] = [page.extract_text().replace("\xa0", " ") for page in reader.pages]
    return result


@pytest.fixture(scope="module")
def approved(demo_db_file):
    """The current publication the PDFs were made from."""
    return pointer.current(config.publications_dir(demo_db_file))


def _visible(text: str) -> str:
    """HTML as text to search: no tags, word joiners (which keep dates whole) gone, NBSPs as spaces."""
    return re.sub(r"<[^>]+>", "", text).replace(i18n.WORD_JOINER, "").replace("\xa0", " ")


def test_the_report_holds_every_ambition_of_every_municipality(con, model):
    towns = db.run_query(con, "municipalities")
    expected = {
        (item.code, item.assessment.status.value)
        for gm in towns["code"]
        for item in progress.for_municipality(con, gm)
    }
    assert {(s.code, s.status.status) for s in model["nl"].sections} == expected
    assert model["nl"].municipalities == tuple(towns["name"])
    assert len(expected) >= 20


def test_the_summary_counts_the_same_statuses_as_the_pages(con, model):
    rows = {row[0]: row for row in model["nl"].summary.rows}
    for gm, name in zip(*db.run_query(con, "municipalities")[["code", "name"]].T.values, strict=True):
        counts = progress.status_counts(progress.for_municipality(con, gm))
        on, risk, off, none, total = rows[name][1:]
        assert (int(on), int(risk), int(off), int(none)) == (
            counts["on_track"],
            counts["at_risk"],
            counts["off_track"],
            counts["no_data"],
        )
        assert int(total) == sum(counts.values())


def partial_t(lang: str):
    """Return the texts of ``lang`` with non-breaking spaces as the PDF's text reads them back."""
    return lambda key, **kw: i18n.t(key, lang, **kw).replace("\xa0", " ")


def test_pdf_speaks_dutch_on_nl_and_english_on_en(pdf_pages, approved):
    nl, en = "\n".join(pdf_pages["nl"]), "\n".join(pdf_pages["en"])
    on = approved.approved_at
    assert (
        f"Goedgekeurd op {i18n.fmt_date(on, 'nl')}" in nl and f"Approved on {i18n.fmt_date(on, 'en')}" in en
    )
    assert re.search(r"€ \d{1,3}(\.\d{3})+\b", nl) and not re.search(r"€\d{1,3}(,\d{3})+", nl)
    assert re.search(r"€\d{1,3}(,\d{3})+", en)
    assert "Op koers" in nl and "On track" not in nl
    assert "On track" in en
    # The sections' words in the language too: the P&C moments, the axis of the leverage chart.
    assert "Voorjaarsnota" in nl and "Jaarrekening" in nl and "Spring" in en
    # No empty boxes: the pages' emoji (📝 before a note) are left out, the words stay.
    missing = {c for c in nl + en if not c.isspace() and ord(c) not in pdf_renderer._glyphs()}
    assert not missing and "Note (" in en


def _outline(entries, level=0) -> list[tuple[int, str]]:
    found = []
    for entry in entries:
        if isinstance(entry, list):
            found += _outline(entry, level + 1)
        else:
            found.append((level, entry.title))
    return found


def _contents(page: str) -> dict[str, int]:
    """Read the contents page: each entry's line of dots ending in its page number, then its text.

    (reportlab draws the dots and the number first, so the text comes back in that order.)
    """
    lines = [line.strip() for line in page.splitlines()]
    entries = {}
    for dots, text in zip(lines, lines[1:], strict=False):
        match = re.fullmatch(r"[. ]+(\d+)", dots)
        if match and text and not re.fullmatch(r"[. ]+\d+", text):
            entries.setdefault(text, int(match.group(1)))
    return entries


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_has_every_section_in_its_contents_and_outline(pdf_files, pdf_pages, model, lang):
    pages, content = pdf_pages[lang], model[lang]
    t = partial_t(lang)
    assert t("report_title") in pages[0] and LABEL in pages[0]
    assert t("report_contents") in pages[1]
    headings = [t("report_summary_heading"), *(topic.heading for topic in content.topics)]
    headings += [t("report_ambitions_heading"), t("report_annex")]
    # Every section is in the contents, with the page it starts on.
    listed = _contents(pages[1])
    for heading in headings:
        assert heading in listed, (heading, listed)
        assert heading in pages[listed[heading] - 1], heading
    # The outline (bookmarks): the sections, the municipalities within, the ambitions within those.
    outline = _outline(pypdf.PdfReader(io.BytesIO(pdf_files[lang])).outline)
    top = [title for level, title in outline if level == 0]
    assert top == [content.title, t("report_contents"), *headings]
    names = {title for level, title in outline if level == 1}
    assert set(content.municipalities) <= names
    assert {title for level, title in outline if level == 2} == {s.name for s in content.sections}
    # Each section says what the public pages say: its blocks' headings and first sentences.
    text = " ".join(" ".join(pages).split())
    for topic in content.topics:
        for part in topic.parts:
            for block in part.blocks:
                assert block.heading in text, block.heading
                assert " ".join(block.sentences[0].replace("\xa0", " ").split()[:6]) in text, block.sentences[
                    0
                ]
    for section in content.sections:
        assert section.kicker in text and section.name in text, section.code
    assert len(pages) < 60


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_summary_is_one_page_with_statuses_key_figures_and_changes(pdf_pages, model, lang):
    t = partial_t(lang)
    page = next(p for p in pdf_pages[lang][2:] if t("report_summary_heading") in p)
    for heading in ("report_summary_intro", "report_key_heading", "report_changes_heading"):
        assert t(heading) in page, heading
    # The demo has one publication: the summary says there is nothing to compare with.
    assert " ".join(t("report_changes_first").split()[:4]) in page
    flat = " ".join(page.split())
    assert all(s.name.split()[0] in flat for s in model[lang].sections)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_has_every_ambition(html_text, model, lang):
    page = html_text[lang]
    assert page.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in page
    assert page.count('<section class="ambition"') == len(model[lang].sections)
    for section in model[lang].sections:
        assert html.escape(section.kicker) in page
        assert html.escape(section.name) in page
    # One chart per ambition and per chart of a section, inline, each described for a screen reader.
    blocks = [b for topic in model[lang].topics for part in topic.parts for b in part.blocks]
    charts = len(model[lang].sections) + sum(b.chart is not None for b in blocks)
    assert page.count("<svg") == page.count('<svg role="img" aria-label="') == charts
    for block in blocks:
        assert html.escape(block.heading) in page
    # A table of more than three columns stacks its rows on a phone: every cell names its
    # column (shown before it there), and the roles keep it a table for a screen reader.
    tables = re.findall(r"<table.*?</table>", page)
    wide = [t for t in tables if t.split("</thead>")[0].count('scope="col"') > html_renderer.STACK_ABOVE]
    assert len(wide) > len(model[lang].sections) and all(
        t.startswith('<table class="stack" role="table">') for t in wide
    )
    assert all(t.count("<td") == t.count("data-label=") for t in wide)
    status = i18n.t("amb_col_status", lang)
    assert f'data-label="{html.escape(status)}"' in page and "td::before" in page
    # The contents link to sections that are there.
    nav = page[page.index("<nav") : page.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', nav)
    assert len(targets) >= 6 and all(f'id="{target}"' in page for target in targets)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_fetches_nothing_and_runs_nothing(html_text, lang):
    page = html_text[lang]
    lowered = page.lower()
    for tag in ("<script", "<link", "<iframe", "<object", "<embed", "<img", "@import", "url(http"):
        assert tag not in lowered, tag
    assert not re.search(r"\bsrc\s*=", lowered)
    # Every link stays inside the file (the demo has no document addresses to link to).
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith("#") for h in hrefs), [h for h in hrefs if not h.startswith("#")][:3]
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", lowered)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_html_formats_numbers_and_dates_the_dutch_way(html_text):
    assert '<span class="date">27-11-2026</span>' in html_text["nl"]  # a date never wraps
    nl, en = _visible(html_text["nl"]), _visible(html_text["en"])
    assert re.search(r"€ \d{1,3}(\.\d{3})+\b", nl)
    assert re.search(r"\b\d{2}-\d{2}-\d{4}\b", nl)
    assert "Goedgekeurd op 27-11-2026" in nl
    assert re.search(r"€\d{1,3}(,\d{3})+", en) and "€ 1" not in en
    assert "Approved on 27 Nov 2026" in en
    assert "Achter op koers" in nl and "Off track" not in nl


@pytest.fixture
def tampered(demo_copy):
    """A demo copy where people typed markup into a note, a document, a measure and a programme."""
    con = db.connect(demo_copy)
    cur = con.cursor()
    cur.execute(
        "insert into note (subject_kind, subject_code, municipality_code, period_start, period_end, body,"
        " visibility, author) values ('ambition', 'LW-A-TEAM', 'GM0080', date '2024-01-01',"
        " date '2024-12-31', $body, 'public', 'test')",
        {"body": f"Zie {XSS} & <b>vet</b>"},
    )
    cur.execute(
        "update ambition set document = $doc, document_url = 'javascript:alert(1)' where code = 'LW-A-TEAM'",
        {"doc": f'Raadsbesluit "2022" {XSS}'},
    )
    cur.execute("update metric set name_nl = $n where code = 'impact_team_fte'", {"n": f"Impactteam {XSS}"})
    cur.execute(
        "update programme set name = $n where code = (select min(code) from programme"
        " where municipality_code = 'GM0080')",
        {"n": "Programma <img src=x onerror=alert(2)>"},
    )
    yield con
    con.close()


def test_typed_markup_is_shown_as_text_in_html(tampered):
    page = report.report_html(tampered, "nl", label=LABEL, published_at=PUBLISHED, municipalities=["GM0080"])
    assert XSS not in page and "<b>vet</b>" not in page and "<img" not in page
    assert "javascript:" not in page
    assert html.escape(XSS) in page  # the note and the name, shown as typed
    assert html.escape(f"Impactteam {XSS}") in page
    assert html.escape('Raadsbesluit "2022"') in page
    assert html.escape("Programma <img src=x onerror=alert(2)>") in page


def test_typed_markup_is_shown_as_text_in_pdf(tampered):
    data = report.report_pdf(tampered, "nl", label=LABEL, published_at=PUBLISHED, municipalities=["GM0080"])
    # Whitespace collapsed: a table cell may wrap the name over two lines.
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages).split())
    # Unescaped, reportlab would have read these as (broken) markup and failed or dropped them.
    assert f"Impactteam {XSS}" in text
    assert "& <b>vet</b>" in text
    assert "Programma <img src=x onerror=alert(2)>" in text


def test_a_municipality_filter_limits_the_ambitions(con):
    page = report.report_html(con, "nl", label=LABEL, published_at=PUBLISHED, municipalities=["GM0080"])
    leeuwarden = progress.for_municipality(con, "GM0080")
    assert page.count('<section class="ambition"') == len(leeuwarden)
    assert "Leeuwarden · ambitie 1 van" in page
    assert "Groningen" not in page and html.escape("'s-Gravenhage") not in page


def test_an_unknown_municipality_is_refused_and_none_gives_an_empty_report(con):
    with pytest.raises(ValueError, match="GM9999"):
        report.build(con, "nl", label=LABEL, published_at=PUBLISHED, municipalities=["GM9999"])
    empty = report.report_html(con, "en", label=LABEL, published_at=PUBLISHED, municipalities=[])
    assert "No municipalities were chosen." in empty and '<section class="ambition"' not in empty


def test_chart_ticks_get_the_decimals_they_need():
    assert report_chart.decimals([0.25, 0.5, 0.75]) == 2
    assert report_chart.decimals([0.5, 1.0, 1.5]) == 1
    assert report_chart.decimals([0.0, 2000.0, 4000.0]) == 0
    assert report_chart.tick_text(0.75, "ratio", "nl", 2) == "0,75"
    assert report_chart.tick_text(4000, "count", "nl", 0) == "4.000"
    assert report_chart.tick_text(4_000_000, "eur", "nl", 0, millions=True) == "€\xa04\xa0mln."
    assert report_chart.tick_text(800_000, "eur", "en", 1, millions=True) == "€0.8M"
    assert report_chart.tick_text(800_000, "eur", "nl", 0) == "€\xa0800.000"
    assert report_chart.tick_text(85, "percent", "en", 0) == "85%"


def test_inline_charts_have_ids_of_their_own(con):
    item = progress.for_municipality(con, "GM0080")[0]
    first = report_chart.svg(report_chart.figure(item, "nl"))
    second = report_chart.svg(report_chart.figure(item, "nl"))
    assert first.startswith("<svg") and "<?xml" not in first and "DOCTYPE" not in first
    ids = set(re.findall(r'id="([^"]+)"', first))
    assert ids and not ids & set(re.findall(r'id="([^"]+)"', second))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_gives_the_floor_areas_status_with_its_reason_and_one_expected_value(
    con, model, html_text, pdf_pages, lang
):
    # Issue 11: the report showed "on track" for the floor area of Den Haag beside "target not
    # reached at this pace", and two values on the trajectory (on the latest date and today).
    from impactdash.views import ambitions as view

    section = next(s for s in model[lang].sections if s.code == "DH-A-FLOOR")
    facts = dict(section.facts)
    assert section.status.status == "at_risk"
    assert facts[i18n.t("report_fact_status", lang)].status == "at_risk"
    reason = facts[i18n.t("report_fact_reason", lang)]
    assert reason == view.status_reason(section.item, lang)
    assert (" maar " if lang == "nl" else " but ") in reason
    trajectory_facts = [label for label in facts if "koers" in label.lower() or "trajectory" in label.lower()]
    assert trajectory_facts == [i18n.t("report_fact_expected", lang)], "one expected value"
    assert _visible(html.escape(reason)) in _visible(html_text[lang])
    # The PDF wraps lines: compare its words.
    assert " ".join(_visible(reason).split()[:8]) in " ".join(" ".join(pdf_pages[lang]).split())


def test_what_changed_since_the_previous_publication(demo_copy, approved):
    before = db.connect(approved.path, read_only=True)
    after = db.connect(demo_copy)
    try:
        after.execute("update budget set amount = amount + 1000 where year = 2025")
        found = sections.changes_since(before, after, "Q2 2026", "nl")
        assert found.sentence.startswith("Sinds publicatie Q2 2026:")
        assert found.table is not None and 0 < len(found.table.rows) <= sections.MAX_CHANGES
    finally:
        before.close()
        after.close()


def test_the_command_line_refuses_a_publication_that_does_not_exist(demo_db_file, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert cli.main(["--db", str(demo_db_file), "report", "--publication", "99", "--out", str(out)]) == 2
    assert "no approved publication 99" in capsys.readouterr().err and not out.exists()


def test_section_charts_are_vector_drawings_formatted_per_language():
    spec = report_chart.Spec(
        "bars", ("2024", "2025"), (report_chart.Series("Begroot", (1_200_000.0, 2_500_000.0)),), "eur", "euro"
    )
    svg = vector.svg(spec, "nl", 640, 190)
    assert svg.startswith("<svg") and "href" not in svg
    assert "mln." in svg and "2025" in svg and "Begroot" in svg
    english = vector.svg(spec, "en", 640, 190)
    assert "€2.5M" in english or "€3M" in english
    # Inline among others in one page: ids of its own (a shared "clip" clipped every chart to the first).
    ids = set(re.findall(r'id="([^"]+)"', svg))
    assert ids and not ids & set(re.findall(r'id="([^"]+)"', english))


def _lowest_text(page) -> float | None:
    """Return the lowest baseline of text in the page's body (points from the bottom), None if none.

    The footer (page number, title) sits below the body's margin and is left out. Charts are
    vector drawings with their labels as text, so their legend counts as used height too.
    """
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            # The text's origin in page space: the text matrix's offset through the current matrix.
            found.append(cm[1] * tm[4] + cm[3] * tm[5] + cm[5])

    page.extract_text(visitor_text=visit)
    body = [y for y in found if y > pdf_renderer.MARGIN]
    return min(body) if body else None


def page_fill(data: bytes) -> tuple[list[float], set[int]]:
    """Return each page's used share of the body's height, and the pages (0-based) a section ends on.

    A section is a level of 0 in the outline (cover, contents, summary, the four topics,
    ambitions, annex); the outline's destinations are its headings' tops. A section ends on
    the page before the next one starts if that one starts at the top of its page, else on
    the page where the next one starts (lower down: the page is shared); the last section
    ends on the last page.
    """
    reader = pypdf.PdfReader(io.BytesIO(data))
    top = float(reader.pages[0].mediabox.height) - pdf_renderer.MARGIN
    height = top - pdf_renderer.MARGIN
    fills = []
    for page in reader.pages:
        lowest = _lowest_text(page)
        fills.append(0.0 if lowest is None else (top - lowest) / height)
    ends = {len(reader.pages) - 1}
    for entry in reader.outline:
        if not isinstance(entry, list):
            start = reader.get_destination_page_number(entry)
            at_top = float(entry.top) >= top - 1
            ends.add(start - 1 if at_top else start)
    return fills, ends - {-1}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_page_is_less_than_half_used_unless_a_section_ends_on_it(pdf_files, lang):
    fills, ends = page_fill(pdf_files[lang])
    thin = {n + 1: round(100 * f) for n, f in enumerate(fills) if n not in ends and f < 0.5}
    assert not thin, f"pages under half used (page: % of the body): {thin}"
    # The measure itself: a full page reads near 100 %, and a section's last page is measured too.
    assert max(fills) > 0.9 and all(0 <= f <= 1.02 for f in fills)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_budget_section_has_budget_and_spend_per_iv3_task_field_and_sdg(
    con, model, html_text, pdf_pages, lang
):
    budget = next(topic for topic in model[lang].topics if topic.key == "budget")
    towns = db.run_query(con, "municipalities")
    pdf_text = " ".join(" ".join(pdf_pages[lang]).split())
    page = " ".join(_visible(html_text[lang]).split())
    for gm, part in zip(towns["code"], budget.parts, strict=True):
        per_year = db.run_query(con, "budget_by_year", municipality=gm, instrument="all")
        year = sections._last_complete_year(per_year) or int(per_year["year"].max())
        for dimension, query in classifications.DIMENSIONS.items():
            heading = i18n.t(f"report_class_{dimension}_title", lang, year=year)
            block = next(b for b in part.blocks if b.heading == heading)
            frame = db.run_query(con, query, municipality=gm, year=year, instrument="all")
            expected = classifications.breakdown(frame, dimension, lang)
            assert [row[0] for row in block.table.rows] == list(expected["label"])
            assert [row[2] for row in block.table.rows] == [i18n.fmt_eur(v, lang) for v in expected["spend"]]
            assert block.table.header[0] == i18n.t(f"class_{dimension}", lang)
            # Where the names come from, under the table and in the annex, in both formats.
            source = classifications.SOURCES[dimension][lang]
            assert source in block.notes
            assert pdf_text.count(" ".join(source.split()[:8])) >= 2
            assert page.count(html.escape(source)) >= 2
    # The names in the report's language (the demo books on task fields 3.1, 3.2 and 3.4).
    field = classifications.iv3_name("3.1", lang)
    goal = classifications.sdg_name(8, lang)
    assert field in pdf_text and goal in pdf_text and field in page and goal in page
    other = classifications.iv3_name("3.1", "en" if lang == "nl" else "nl")
    assert other not in pdf_text and other not in page
    # A note in the other language reads as text, without the page's language mark-up.
    assert "span lang" not in pdf_text and "span lang" not in page


def test_a_publication_with_an_older_schema_is_reported_from_an_upgraded_copy(
    demo_copy, tmp_path, monkeypatch
):
    # A publication made before migration 0008: the report's budget queries read spend_month.
    monkeypatch.setenv(config.UPGRADED_ENV, str(tmp_path / "upgraded"))
    folder = config.publications_dir(demo_copy)
    snapshot = pointer.current(folder).path
    as_published_before_0008(snapshot)
    checksum = pointer.checksum(snapshot)
    page = report.publication_report(folder, None, "html", "en", ("GM0080",)).decode("utf-8")
    text = " ".join(_visible(page).split())
    assert i18n.t("budget_per_year_title", "en") in text
    assert classifications.iv3_name("3.1", "en") in text
    assert re.search(r"€\d{1,3}(,\d{3})+", text)
    # The approved file is untouched; the figures came from a private upgraded copy.
    assert pointer.checksum(snapshot) == checksum
    assert len(list(serving.upgraded_dir().iterdir())) == 1
