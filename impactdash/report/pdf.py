"""The progress report as a PDF to attach to a letter to the council (reportlab platypus).

A4 portrait: a cover, the contents and the summary each on a page of their own, then the
sections, each right after the one before unless less than half a page is left. The text
font is DejaVu Sans from matplotlib's own data folder, embedded in the file: it has €, ë, ²
and the status symbols ✓ ⚠ ✗, and nothing is fetched; a character it lacks (an emoji of the
pages) is left out rather than drawn as a box. Every text from the report model is
XML-escaped before it enters reportlab's paragraph markup, so what people typed shows as
typed. Charts are vector drawings (reportlab shapes).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from impactdash import i18n
from impactdash.report import vector
from impactdash.report.model import Badge, Cell, Overview, Progress, Report, Section, silent
from impactdash.report.model import Table as ModelTable
from impactdash.report.sections import Block, Topic

# ASCII85 makes every stream a quarter larger and, without reportlab's optional C
# accelerator, costs seconds of pure Python per report; PDF files are binary-safe anyway.
# (A process-wide setting: this module is the project's only user of reportlab.)
rl_config.useA85 = 0

FONT = "ReportSans"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
#: Height of a section chart (a vector drawing): a fifth of the page.
CHART_HEIGHT = 52 * mm
#: Height of an ambition's chart: a little more, for the legend of up to six entries.
AMBITION_HEIGHT = 60 * mm
#: The height of the text column (the frame) on every page.
BODY = A4[1] - 2 * MARGIN
#: A section after the summary starts on a new page only if less than this is left of the
#: page the one before ended on; otherwise right below it. So the page where a section ends is
#: at least half used or shared with the next (a forced break left the end of the property
#: section on a page of its own, 11 % used, and the ambitions' end at 34 %).
SECTION_ROOM = BODY / 2
#: A block that does not fit moves to the next page whole only if at most this much of the
#: page is left; with more room it starts here and splits (tables repeat their header). So
#: no page ends with more than this empty, except where a section ends (a PageBreak).
KEEP_LIMIT = 95 * mm
TEXT = colors.HexColor("#262730")
MUTED = colors.HexColor("#5A5A66")
RULE = colors.HexColor("#DDDDE3")
HEAD_FILL = colors.HexColor("#F3F4F7")
#: Tints behind a status (a third signal beside symbol and word), Okabe–Ito based.
STATUS_FILL = {
    "on_track": colors.HexColor("#E3F4EE"),
    "at_risk": colors.HexColor("#FDF1D9"),
    "off_track": colors.HexColor("#FBE6DB"),
    "no_data": colors.HexColor("#EFEFEF"),
}
_FACES = {"": "DejaVuSans", "-Bold": "DejaVuSans-Bold", "-Oblique": "DejaVuSans-Oblique"}


@functools.cache
def _register_fonts() -> None:
    """Register DejaVu Sans once per process (reportlab keeps fonts in a global registry)."""
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for suffix, file in _FACES.items():
        pdfmetrics.registerFont(TTFont(FONT + suffix, str(folder / f"{file}.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT + "-Bold", italic=FONT + "-Oblique", boldItalic=FONT + "-Bold"
    )


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=TEXT, spaceAfter=4)
    heading = {"fontName": FONT + "-Bold", "keepWithNext": True}
    right = {"alignment": TA_RIGHT, "splitLongWords": 0}
    styles = {
        "body": base,
        "title": ParagraphStyle("title", base, fontSize=24, leading=30, spaceAfter=10, **heading),
        "label": ParagraphStyle("label", base, fontSize=15, leading=20, spaceAfter=6, **heading),
        "h2": ParagraphStyle("h2", base, fontSize=15, leading=19, spaceBefore=4, spaceAfter=6, **heading),
        "h3": ParagraphStyle("h3", base, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4, **heading),
        "h1": ParagraphStyle("h1", base, fontSize=18, leading=23, spaceAfter=6, **heading),
        "toc0": ParagraphStyle("toc0", base, fontSize=10.5, leading=15, fontName=FONT + "-Bold"),
        "toc1": ParagraphStyle("toc1", base, fontSize=9.5, leading=13, leftIndent=14),
        "kicker": ParagraphStyle("kicker", base, textColor=MUTED, spaceAfter=1, keepWithNext=True),
        "muted": ParagraphStyle("muted", base, fontSize=8.5, leading=11.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=10.5, spaceAfter=0),
        # A number split over two lines reads as two numbers: let it overflow the padding instead.
        "cell_num": ParagraphStyle("cell_num", base, fontSize=8, leading=10.5, spaceAfter=0, **right),
        "head": ParagraphStyle("head", base, fontName=FONT + "-Bold", fontSize=8, leading=10.5, spaceAfter=0),
    }
    styles["head_num"] = ParagraphStyle("head_num", styles["head"], **right)
    return styles


class _Keep(KeepTogether):
    """Keep flowables on one page, unless moving them would leave more than :data:`KEEP_LIMIT` empty.

    reportlab's KeepTogether moves a block that does not fit to the next page whatever room
    is left: a municipality's heading with its table, or an ambition's figures and chart,
    left pages 40 % used. Here such a block starts where it is and splits instead. Also the
    document's ``keepTogetherClass``, so a heading kept with its table behaves the same.
    """

    def split(self, aW, aH):
        """Return the parts to lay out in ``aH``: the content itself (to split here) if there is room."""
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self._H > aH and aH > KEEP_LIMIT:
            return self._content[:]
        return super().split(aW, aH)


@functools.cache
def _glyphs() -> frozenset[int]:
    """Return the characters the text font can draw (its faces share one set)."""
    _register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def _drawable(text: str) -> str:
    """Leave out the characters the font lacks, each with the space after it.

    The pages' emoji ("📝 Note", "⏳ not due yet") would print as empty boxes; the words
    after them say the same on their own.
    """
    glyphs = _glyphs()
    if all(ord(c) in glyphs for c in text):
        return text
    kept: list[str] = []
    dropped = False
    for c in text:
        if ord(c) not in glyphs and not c.isspace():
            dropped = True
            continue
        if not (dropped and c == " "):
            kept.append(c)
        dropped = False
    return "".join(kept)


def _plain(text: object) -> str:
    """Escape ``text`` for reportlab's paragraph markup, so nothing in it is read as markup.

    The word joiners that keep dates whole in HTML tables go: reportlab breaks lines only at
    spaces anyway, and copied text should read "31-12-2025", not carry invisible characters.
    Characters the font lacks go too (:func:`_drawable`).
    """
    return escape(_drawable(str(text).replace(i18n.WORD_JOINER, "")))


def _p(text: object, style: str = "body") -> Paragraph:
    """Return a paragraph of plain text in ``style``."""
    return Paragraph(_plain(text), _styles()[style])


def _heading(text: str, style: str, level: int, key: str, toc: bool = True) -> Paragraph:
    """Return a heading the document adds to the outline (and, if ``toc``, the contents) at ``level``."""
    para = _p(text, style)
    para.outline = (level, key, text, toc)
    return para


def _cell_text(value: Cell) -> str:
    return value.text if isinstance(value, Badge) else str(value)


def _table(table: ModelTable, widths: list[float]) -> Table:
    """Lay out a model table: wrapped cells, the header repeated on every page it spans."""
    head = [_p(h, "head_num" if i in table.numeric else "head") for i, h in enumerate(table.header)]
    rows = [
        [_p(_cell_text(v), "cell_num" if i in table.numeric else "cell") for i, v in enumerate(row)]
        for row in table.rows
    ]
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for r, row in enumerate(table.rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, Badge):
                style.append(("BACKGROUND", (c, r), (c, r), STATUS_FILL[value.status]))
    return Table([head, *rows], colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def _widths(*fractions: float) -> list[float]:
    return [WIDTH * f for f in fractions]


def _boxed(text: str) -> Table:
    """Put a notice in a tinted box that stays inside the text column (a paragraph border would not)."""
    style = TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FFF4D6")),
            ("LINEBEFORE", (0, 0), (0, -1), 3, colors.HexColor("#E69F00")),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ]
    )
    return Table([[_p(text, "cell")]], colWidths=[WIDTH], style=style, hAlign="LEFT")


def _cover(report: Report) -> list:
    lang = report.lang
    flow = [
        Spacer(1, 40 * mm),
        _heading(report.title, "title", 0, "cover", toc=False),
        _p(i18n.t("report_publication", lang, label=report.label), "label"),
        _p(report.approved),
        _p(report.reporting_date),
    ]
    if report.demo_notice:
        flow += [Spacer(1, 3 * mm), _boxed(report.demo_notice)]
    flow += [Spacer(1, 6 * mm), _p(i18n.t("report_cover_intro", lang))]
    flow.append(_p(i18n.t("report_municipalities", lang), "h3"))
    if report.municipalities:
        flow += [_p(f"•{i18n.NBSP}{name}") for name in report.municipalities]
    else:
        flow.append(_p(i18n.t("report_no_municipalities", lang)))
    return flow


def _contents(report: Report) -> list:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [_styles()["toc0"], _styles()["toc1"]]
    return [
        PageBreak(),
        _heading(i18n.t("report_contents", report.lang), "h1", 0, "contents", toc=False),
        toc,
    ]


def _overview(overview: Overview) -> list:
    if overview.table is None:
        return [_p(overview.heading, "h3"), _p(overview.empty_text)]
    return [_p(overview.heading, "h3"), _table(overview.table, _widths(0.22, 0.15, 0.18, 0.14, 0.18, 0.13))]


def _status_list(report: Report) -> Table:
    """Every ambition and its status in two columns of pairs: the summary stays on one page."""
    cells = [
        (f"{s.municipality}: {s.name}" if len(report.municipalities) > 1 else s.name, s.status)
        for s in report.sections
    ]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:]
    rows, style = [], [("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r in range(half):
        row = []
        for c, side in enumerate((left, right)):
            if r < len(side):
                name, badge = side[r]
                row += [_p(name, "cell"), _p(badge.text, "cell")]
                style.append(("BACKGROUND", (2 * c + 1, r), (2 * c + 1, r), STATUS_FILL[badge.status]))
            else:
                row += ["", ""]
        rows.append(row)
    widths = _widths(0.32, 0.18, 0.32, 0.18)
    return Table(rows, colWidths=widths, style=TableStyle(style), hAlign="LEFT") if rows else Spacer(1, 1)


def _summary(report: Report) -> list:
    lang = report.lang
    flow = [
        PageBreak(),
        _heading(i18n.t("report_summary_heading", lang), "h1", 0, "summary"),
        _p(i18n.t("report_summary_intro", lang), "h3"),
        _table(report.summary, _widths(0.25, 0.15, 0.14, 0.18, 0.16, 0.12)),
        _status_list(report),
    ]
    if report.key_figures is not None:
        flow += [
            _p(i18n.t("report_key_heading", lang), "h3"),
            _p(i18n.t("report_key_intro", lang), "muted"),
            _table(report.key_figures, _widths(0.16, 0.24, 0.1, 0.13, 0.1, 0.13, 0.14)),
        ]
    if report.changes is not None:
        flow += [_p(i18n.t("report_changes_heading", lang), "h3"), _p(report.changes.sentence)]
        if report.changes.table is not None:
            flow.append(_table(report.changes.table, _widths(0.18, 0.3, 0.16, 0.18, 0.18)))
    # How to read the statuses opens the ambitions section: the summary stays on one page,
    # a page of its own (the sections after it follow one another without a forced break).
    return [*flow, PageBreak()]


def _block(block: Block, lang: str) -> list:
    head = [_p(block.heading, "h3"), *(_p(s) for s in block.sentences)]
    if block.chart is not None:
        head.append(vector.drawing(block.chart, lang, WIDTH, CHART_HEIGHT))
    flow = [_Keep(head)]
    if block.table is not None:
        count = len(block.table.header)
        flow.append(
            _table(
                block.table,
                _widths(*([0.34] + [0.66 / (count - 1)] * (count - 1))) if count > 1 else _widths(1),
            )
        )
    flow += [_p(n, "muted") for n in block.notes]
    return flow


def _topic(topic: Topic, several: bool, topic_lang: str) -> list:
    heading = _heading(topic.heading, "h1", 0, f"topic-{topic.key}")
    flow = [CondPageBreak(SECTION_ROOM), heading, _p(topic.intro)]
    for number, part in enumerate(topic.parts):
        if several:
            # A new municipality on a fresh page if less than a third of this one is left.
            flow += [
                CondPageBreak(90 * mm),
                _heading(part.municipality, "h2", 1, f"topic-{topic.key}-{number}"),
            ]
        for block in part.blocks:
            flow += _block(block, topic_lang)
    return flow


def _facts(section: Section, lang: str) -> Table:
    style = _styles()
    rows = [[_p(label, "head"), _p(_cell_text(value), "cell")] for label, value in section.facts]
    document = _plain(section.document)
    if section.document_url:
        href = escape(section.document_url, {'"': "&quot;"})
        document = f'<a href="{href}" color="#0061A0">{document}</a>'
    rows.append([_p(i18n.t("report_fact_document", lang), "head"), Paragraph(document, style["cell"])])
    table_style = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (1, 0), (1, 0), STATUS_FILL[section.status.status]),
    ]
    return Table(rows, colWidths=_widths(0.27, 0.73), style=TableStyle(table_style), hAlign="LEFT")


def _chart(section: Section, lang: str):
    return vector.ambition_drawing(section.item, list(section.note_periods), lang, WIDTH, AMBITION_HEIGHT)


def _notes(section: Section, lang: str) -> list:
    flow = [_p(i18n.t("amb_notes_heading", lang), "h3")]
    if not section.notes:
        return [*flow, _p(i18n.t("report_no_notes", lang))]
    flow.append(_p(i18n.t("report_notes_caption", lang), "muted"))
    style = _styles()["body"]
    for note in section.notes:
        flow.append(Paragraph(f"{note.number}. <b>{_plain(note.about)}:</b> {_plain(note.body)}", style))
    return flow


def _programmes(section: Section, lang: str) -> list:
    flow = [_p(i18n.t("amb_programmes_heading", lang), "h3"), _p(section.programmes_sentence)]
    if section.programmes:
        flow += [
            _table(section.programmes, _widths(0.34, 0.34, 0.16, 0.16)),
            _p(i18n.t("amb_programmes_overlap", lang), "muted"),
        ]
    return flow


def _section(section: Section, number: int, lang: str) -> list:
    # Compact: no page of its own. The head of an ambition (name, status, figures, chart) moves
    # to the next page whole if it does not fit and little room is left (_Keep); the rest flows on.
    return [
        _Keep(
            [
                Spacer(1, 4 * mm),
                _p(section.kicker, "kicker"),
                _heading(section.name, "h2", 2, f"ambition-{number}", toc=False),
                _p(section.summary),
                _facts(section, lang),
                # Named, since with little room left the chart goes on the next page on its own.
                _p(i18n.t("report_chart_caption", lang, name=section.name), "kicker"),
                _chart(section, lang),
            ]
        ),
        _Keep(
            [
                _p(i18n.t("amb_milestones_heading", lang), "h3"),
                _table(section.milestones, _widths(0.16, 0.18, 0.2, 0.2, 0.26)),
            ]
        ),
        _Keep(_programmes(section, lang)),
        _Keep(_notes(section, lang)),
    ]


def _ambitions(report: Report) -> list:
    lang = report.lang
    flow = [
        CondPageBreak(SECTION_ROOM),
        _heading(i18n.t("report_ambitions_heading", lang), "h1", 0, "ambitions"),
        _p(i18n.t("report_ambitions_intro", lang)),
        _p(i18n.t("report_method_heading", lang), "h3"),
        _p(report.method, "muted"),
    ]
    by_town: dict[str, list[tuple[int, Section]]] = {}
    for number, section in enumerate(report.sections, start=1):
        by_town.setdefault(section.municipality, []).append((number, section))
    for town_number, overview in enumerate(report.overviews):
        flow += [CondPageBreak(90 * mm), _heading(overview.name, "h2", 1, f"ambitions-{town_number}")]
        flow += _overview(overview)[1:]
        for number, section in by_town.get(overview.name, []):
            flow += _section(section, number, lang)
    return flow


def _annex(report: Report) -> list:
    lang = report.lang
    flow = [CondPageBreak(SECTION_ROOM), _heading(i18n.t("report_annex", lang), "h1", 0, "annex")]
    if report.definitions is not None:
        flow += [
            _p(i18n.t("report_annex_definitions", lang), "h3"),
            _table(report.definitions, _widths(0.2, 0.1, 0.42, 0.28)),
        ]
    if report.classification_sources:
        flow.append(_p(i18n.t("report_annex_classifications", lang), "h3"))
        flow += [_p(source) for source in report.classification_sources]
    flow.append(_p(i18n.t("report_annex_documents", lang), "h3"))
    for document, url in report.documents:
        text = _plain(document)
        if url:
            text += f' (<a href="{escape(url, {chr(34): "&quot;"})}" color="#0061A0">{_plain(url)}</a>)'
        flow.append(Paragraph(f"•{i18n.NBSP}{text}", _styles()["body"]))
    flow += [_p(i18n.t("report_def_source", lang), "h3"), _p(i18n.t("report_annex_data", lang))]
    return flow


def _footer(report: Report):
    text = f"{report.title} · {report.label}"

    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 10 * mm, text)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, i18n.t("report_page", report.lang, n=doc.page))
        canvas.restoreState()

    return draw


class _Document(BaseDocTemplate):
    """A4 with a cover without footer, a table of contents and an outline (bookmarks) of the headings."""

    def __init__(self, buffer, report: Report, contents: TableOfContents) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=f"{report.title} – {report.label}",
            subject=", ".join(report.municipalities),
            creator="impactdash",
            lang=report.lang,
            # A heading kept with its table (keepWithNext) moves only as far as any other block.
            keepTogetherClass=_Keep,
        )
        frame = Frame(MARGIN, MARGIN, WIDTH, A4[1] - 2 * MARGIN, id="body", leftPadding=0, rightPadding=0)
        # No footer on the cover: it carries the same title in large.
        self.addPageTemplates(
            [PageTemplate("cover", [frame]), PageTemplate("page", [frame], onPage=_footer(report))]
        )
        self.contents = contents

    def build(self, flowables) -> None:
        """Lay out ``flowables``, telling the contents about every heading on the way."""
        self._indexingFlowables = [self.contents]
        self.contents.beforeBuild()
        super().build(flowables)
        self.contents.afterBuild()

    def afterFlowable(self, flowable) -> None:
        """Bookmark each heading, add it to the outline and tell the table of contents its page."""
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        level, key, text, toc = outline
        # The heading's own top, not the page's: the outline and the contents land on the
        # heading, and the tests can tell a section that starts a page from one that starts
        # lower down (after the frame placed the heading, its top is its height and space above).
        top = self.frame._y + flowable.height + flowable.getSpaceAfter()
        self.canv.bookmarkPage(key, fit="XYZ", left=MARGIN, top=top)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        if toc:
            self.notify("TOCEntry", (level, _plain(text), self.page, key))


def render(report: Report, progress_to: Progress | None = None) -> bytes:
    """Return ``report`` as PDF bytes; ``progress_to`` is told how far it has come (0.4 to 1)."""
    tell = progress_to or silent
    _register_fonts()
    tell(0.5, "layout")
    several = len(report.municipalities) > 1
    toc = _contents(report)

    def story() -> list:
        flow = [*_cover(report), NextPageTemplate("page"), *toc, *_summary(report)]
        for topic in report.topics:
            flow += _topic(topic, several, report.lang)
        return flow + _ambitions(report) + _annex(report)

    # Twice, as reportlab's multiBuild does: the first pass finds the pages of the headings,
    # the second writes them into the contents.
    contents = toc[-1]
    _Document(io.BytesIO(), report, contents).build(story())
    tell(0.75, "layout")
    buffer = io.BytesIO()
    _Document(buffer, report, contents).build(story())
    tell(1.0, "done")
    return buffer.getvalue()
