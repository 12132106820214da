"""The progress report as a PDF to attach to a letter to the council (reportlab platypus).

A4 portrait: a cover, a summary, then each ambition from a new page. The text font is
DejaVu Sans from matplotlib's own data folder, embedded in the file: it has €, ë, ² and
the status symbols ✓ ⚠ ✗, and nothing is fetched. Every text from the report model is
XML-escaped before it enters reportlab's paragraph markup, so what people typed shows
as typed. Charts are matplotlib PNGs at print resolution.
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
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from impactdash import i18n
from impactdash.report import chart as report_chart
from impactdash.report.model import Badge, Cell, Overview, Report, Section
from impactdash.report.model import Table as ModelTable
from impactdash.views.ambitions import WORD_JOINER

# ASCII85 makes every stream a quarter larger and, without reportlab's optional C
# accelerator, costs seconds of pure Python per report; PDF files are binary-safe anyway.
# (A process-wide setting: this module is the project's only user of reportlab.)
rl_config.useA85 = 0

FONT = "ReportSans"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
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
        "kicker": ParagraphStyle("kicker", base, textColor=MUTED, spaceAfter=1, keepWithNext=True),
        "muted": ParagraphStyle("muted", base, fontSize=8.5, leading=11.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=10.5, spaceAfter=0),
        # A number split over two lines reads as two numbers: let it overflow the padding instead.
        "cell_num": ParagraphStyle("cell_num", base, fontSize=8, leading=10.5, spaceAfter=0, **right),
        "head": ParagraphStyle("head", base, fontName=FONT + "-Bold", fontSize=8, leading=10.5, spaceAfter=0),
    }
    styles["head_num"] = ParagraphStyle("head_num", styles["head"], **right)
    return styles


def _plain(text: object) -> str:
    """Escape ``text`` for reportlab's paragraph markup, so nothing in it is read as markup.

    The word joiners that keep dates whole in HTML tables go: reportlab breaks lines only at
    spaces anyway, and copied text should read "31-12-2025", not carry invisible characters.
    """
    return escape(str(text).replace(WORD_JOINER, ""))


def _p(text: object, style: str = "body") -> Paragraph:
    """Return a paragraph of plain text in ``style``."""
    return Paragraph(_plain(text), _styles()[style])


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
        Spacer(1, 45 * mm),
        _p(report.title, "title"),
        _p(i18n.t("report_publication", lang, label=report.label), "label"),
        _p(report.published),
        _p(report.figures_as_of),
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


def _overview(overview: Overview) -> list:
    if overview.table is None:
        return [_p(overview.heading, "h3"), _p(overview.empty_text)]
    return [_p(overview.heading, "h3"), _table(overview.table, _widths(0.22, 0.15, 0.18, 0.14, 0.18, 0.13))]


def _summary(report: Report) -> list:
    lang = report.lang
    flow = [
        PageBreak(),
        _p(i18n.t("report_summary_heading", lang), "h2"),
        _p(i18n.t("report_summary_intro", lang)),
        _table(report.summary, _widths(0.25, 0.15, 0.14, 0.18, 0.16, 0.12)),
        _p(i18n.t("report_method_heading", lang), "h3"),
        _p(report.method, "muted"),
    ]
    for overview in report.overviews:
        flow += _overview(overview)
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


def _chart(section: Section, lang: str) -> Image:
    fig = report_chart.figure(section.item, lang, list(section.note_periods))
    width, height = report_chart.SIZE
    return Image(io.BytesIO(report_chart.png(fig)), width=WIDTH, height=WIDTH * height / width)


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


def _section(section: Section, lang: str) -> list:
    # KeepTogether moves a block that does not fit to the next page whole (and splits it
    # only if it is longer than a page), so no caption or heading is left behind alone.
    return [
        PageBreak(),
        _p(section.kicker, "kicker"),
        _p(section.name, "h2"),
        _p(section.summary),
        _facts(section, lang),
        KeepTogether([_p(i18n.t("report_chart_heading", lang), "h3"), _chart(section, lang)]),
        KeepTogether(
            [
                _p(i18n.t("amb_milestones_heading", lang), "h3"),
                _table(section.milestones, _widths(0.16, 0.18, 0.2, 0.2, 0.26)),
            ]
        ),
        KeepTogether(_programmes(section, lang)),
        KeepTogether(_notes(section, lang)),
    ]


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


def render(report: Report) -> bytes:
    """Return ``report`` as PDF bytes."""
    _register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
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
    )
    flow = _cover(report) + _summary(report)
    for section in report.sections:
        flow += _section(section, report.lang)
    # No footer on the cover: it carries the same title in large.
    doc.build(flow, onFirstPage=lambda canvas, doc: None, onLaterPages=_footer(report))
    return buffer.getvalue()
