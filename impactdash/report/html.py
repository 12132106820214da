"""The progress report as one self-contained HTML file.

Everything is inside the file: the style sheet inline, each chart as inline SVG with its
text drawn as paths, no script, no font, no image from elsewhere. A Content-Security-Policy
in the file itself tells the browser to fetch nothing and run nothing, as a second line
behind the escaping: every text from the report model passes :func:`html.escape`.
"""

from __future__ import annotations

import html
import re

from impactdash import i18n
from impactdash.report import vector
from impactdash.report.model import Badge, Cell, Note, Overview, Progress, Report, Section, Table, silent
from impactdash.report.sections import Block, Topic

# Status colours are a third signal beside symbol and word: Okabe–Ito tints with dark text.
_CSS = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, sans-serif; color: #262730;
  line-height: 1.45; margin: 0 auto; max-width: 58rem; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 .4rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.cover { border-bottom: 3px solid #0072B2; padding: 2rem 0 1.5rem; }
.cover .label { font-size: 1.3rem; font-weight: 600; margin: 0; }
.muted, .kicker { color: #5A5A66; }
.kicker { margin: 2rem 0 0; font-size: .95rem; }
.kicker + h3 { margin-top: .1rem; }
.demo { background: #FFF4D6; border-left: 4px solid #E69F00; padding: .6rem .8rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #DDDDE3; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #F3F4F7; font-weight: 600; }
td.num, th.num { text-align: right; }
tbody th { background: none; font-weight: 500; }
table.facts th { width: 15rem; background: none; }
.status { display: inline-block; padding: .05rem .45rem; border-radius: .3rem; font-weight: 600;
  white-space: nowrap; border: 1px solid; }
.status-on_track { background: #E3F4EE; border-color: #009E73; color: #00573F; }
.status-at_risk { background: #FDF1D9; border-color: #E69F00; color: #6B4600; }
.status-off_track { background: #FBE6DB; border-color: #D55E00; color: #7A2E00; }
.status-no_data { background: #EFEFEF; border-color: #8A8A8A; color: #3C3C3C; }
figure { margin: .6rem 0; }
figure svg { display: block; max-width: 100%; height: auto; }
details { margin: .2rem 0 .8rem; }
summary { cursor: pointer; color: #0072B2; }
ol.notes li { margin-bottom: .4rem; }
a { color: #0061A0; }
.date { white-space: nowrap; }
/* A phone: smaller table text. A table of more than three columns
   (the ambitions' overview, milestones, programmes) is read row by row instead: each row a
   block, each cell a line with its column's name before it (data-label), so nothing scrolls
   sideways. The explicit roles keep it a table for a screen reader, which the display change
   would otherwise take away. The facts' names go above their values. */
@media screen and (max-width: 30rem) {
  body { padding: 1rem .6rem 2rem; }
  /* "Voortgangsrapportage" at 2rem is wider than 320 px. */
  h1 { font-size: 1.5rem; }
  h1, h2, h3 { overflow-wrap: break-word; }
  table { font-size: .8rem; }
  /* A narrower table (and the light pages' tables) scrolls in its own box if it must. */
  table:not(.stack) { display: block; overflow-x: auto; }
  th, td { padding: .25rem .3rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; }
  table.stack tr { border-bottom: 1px solid #DDDDE3; padding: .3rem 0; }
  table.stack th, table.stack td { border: 0; padding: .1rem .3rem; text-align: left; }
  table.stack tbody th { font-weight: 600; }
  table.stack td { display: grid; grid-template-columns: minmax(6rem, 45%) 1fr; gap: .5rem; }
  table.stack td::before { content: attr(data-label); color: #5A5A66; }
  table.facts, table.facts tbody, table.facts tr, table.facts th, table.facts td { display: block; }
  table.facts th { width: auto; border: 0; padding-bottom: 0; color: #5A5A66; }
}
@page { size: A4; margin: 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .cover { break-after: page; }
  section.topic, section.ambitions, section.annex, nav { break-before: page; }
  h2, h3, .kicker { break-after: avoid; }
  details > summary { display: none; }
  table, figure { break-inside: avoid; }
}
"""
_DATE = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b")
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _attr(text: object) -> str:
    """Escape ``text`` for an attribute value (or the title element, which holds no markup)."""
    return html.escape(str(text), quote=True)


def _e(text: object) -> str:
    """Escape ``text`` for the page, keeping each date on one line.

    Browsers break "31-12-2030" after a hyphen; a span that does not wrap keeps the
    characters as they are (find and copy still see 31-12-2030). Safe to add after escaping:
    escaped text holds no tags of its own.
    """
    return _DATE.sub(r'<span class="date">\g<0></span>', html.escape(str(text), quote=True))


def _cell(value: Cell) -> str:
    if isinstance(value, Badge):
        return f'<span class="status status-{_attr(value.status)}">{_e(value.text)}</span>'
    return _e(value)


#: A table with more columns than this is read row by row on a phone (``table.stack`` above).
STACK_ABOVE = 3


def _table(table: Table, links: list[str] | None = None) -> str:
    """Render ``table``; ``links`` makes each row's first cell a link to that anchor.

    A wide table gets the roles of a table spelled out and each cell its column's name
    (``data-label``): on a phone its rows stack, and a screen reader still reads a table.
    """
    stack = len(table.header) > STACK_ABOVE
    role = (lambda name: f' role="{name}"') if stack else (lambda _name: "")
    head = "".join(
        f'<th scope="col"{role("columnheader")}{" class=num" if i in table.numeric else ""}>{_e(h)}</th>'
        for i, h in enumerate(table.header)
    )
    body = []
    for r, row in enumerate(table.rows):
        cells = []
        for i, value in enumerate(row):
            text = _cell(value)
            if i == 0 and links:
                text = f'<a href="#{links[r]}">{text}</a>'
            tag = f"th scope=row{role('rowheader')}" if i == 0 else f"td{role('cell')}"
            num = ' class="num"' if i in table.numeric else ""
            label = ""
            if stack and i > 0:
                # One element after the label: the cell is a two-column grid on a phone.
                label, text = f' data-label="{_attr(table.header[i])}"', f"<span>{text}</span>"
            cells.append(f"<{tag}{num}{label}>{text}</{tag.split()[0]}>")
        body.append(f"<tr{role('row')}>{''.join(cells)}</tr>")
    head_row = f"<thead{role('rowgroup')}><tr{role('row')}>{head}</tr></thead>"
    body_rows = f"<tbody{role('rowgroup')}>{''.join(body)}</tbody>"
    attributes = ' class="stack" role="table"' if stack else ""
    return f"<table{attributes}>{head_row}{body_rows}</table>"


def _cover(report: Report) -> str:
    lang = report.lang
    towns = "".join(f"<li>{_e(n)}</li>" for n in report.municipalities)
    towns_html = f"<ul>{towns}</ul>" if towns else f"<p>{_e(i18n.t('report_no_municipalities', lang))}</p>"
    demo = f'<p class="demo">{_e(report.demo_notice)}</p>' if report.demo_notice else ""
    return (
        '<header class="cover">'
        f"<h1>{_e(report.title)}</h1>"
        f'<p class="label">{_e(i18n.t("report_publication", lang, label=report.label))}</p>'
        f'<p class="muted">{_e(report.approved)} · {_e(report.reporting_date)}</p>'
        f"{demo}<p>{_e(i18n.t('report_cover_intro', lang))}</p>"
        f"<h2>{_e(i18n.t('report_municipalities', lang))}</h2>{towns_html}"
        "</header>"
    )


def _summary(report: Report) -> str:
    lang = report.lang
    parts = [
        f'<section class="summary" id="summary"><h2>{_e(i18n.t("report_summary_heading", lang))}</h2>',
        f"<p>{_e(i18n.t('report_summary_intro', lang))}</p>",
        _table(report.summary),
    ]
    if report.key_figures is not None:
        parts += [
            f"<h3>{_e(i18n.t('report_key_heading', lang))}</h3>",
            f'<p class="muted">{_e(i18n.t("report_key_intro", lang))}</p>',
            _table(report.key_figures),
        ]
    if report.changes is not None:
        parts += [
            f"<h3>{_e(i18n.t('report_changes_heading', lang))}</h3>",
            f"<p>{_e(report.changes.sentence)}</p>",
        ]
        if report.changes.table is not None:
            parts.append(_table(report.changes.table))
    parts += [f"<h3>{_e(i18n.t('report_method_heading', lang))}</h3><p>{_e(report.method)}</p>", "</section>"]
    return "".join(parts)


def _contents(report: Report) -> str:
    """Return the table of contents: links to the sections (and the municipalities within)."""
    lang = report.lang
    several = len(report.municipalities) > 1
    items = [f'<li><a href="#summary">{_e(i18n.t("report_summary_heading", lang))}</a></li>']
    for topic in report.topics:
        sub = ""
        if several:
            sub = (
                "<ol>"
                + "".join(
                    f'<li><a href="#topic-{topic.key}-{n}">{_e(p.municipality)}</a></li>'
                    for n, p in enumerate(topic.parts)
                )
                + "</ol>"
            )
        items.append(f'<li><a href="#topic-{topic.key}">{_e(topic.heading)}</a>{sub}</li>')
    items.append(f'<li><a href="#ambitions">{_e(i18n.t("report_ambitions_heading", lang))}</a></li>')
    items.append(f'<li><a href="#annex">{_e(i18n.t("report_annex", lang))}</a></li>')
    heading = _e(i18n.t("report_contents", lang))
    return f'<nav aria-labelledby="contents"><h2 id="contents">{heading}</h2><ol>{"".join(items)}</ol></nav>'


def _block(block: Block, lang: str) -> str:
    parts = [f"<h4>{_e(block.heading)}</h4>", *(f"<p>{_e(s)}</p>" for s in block.sentences)]
    if block.chart is not None:
        svg = vector.svg(block.chart, lang, 640, 190)
        svg = svg.replace("<svg", f'<svg role="img" aria-label="{_attr(block.chart_alt)}"', 1)
        svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 width="100%"', svg, count=1)
        parts.append(f"<figure>{svg}</figure>")
    if block.table is not None:
        parts.append(_table(block.table))
    parts += [f'<p class="muted">{_e(n)}</p>' for n in block.notes]
    return "".join(parts)


def _topic(topic: Topic, several: bool, lang: str) -> str:
    parts = [
        f'<section class="topic" id="topic-{topic.key}"><h2>{_e(topic.heading)}</h2><p>{_e(topic.intro)}</p>'
    ]
    for number, part in enumerate(topic.parts):
        if several:
            parts.append(f'<h3 id="topic-{topic.key}-{number}">{_e(part.municipality)}</h3>')
        parts += [_block(b, lang) for b in part.blocks]
    parts.append("</section>")
    return "".join(parts)


def _ambitions_intro(report: Report, anchors: list[str]) -> str:
    lang = report.lang
    parts = [
        f'<section class="ambitions" id="ambitions"><h2>{_e(i18n.t("report_ambitions_heading", lang))}</h2>',
        f"<p>{_e(i18n.t('report_ambitions_intro', lang))}</p>",
    ]
    # The overview rows come in the order of the sections, so they link to them one by one.
    position = 0
    for overview in report.overviews:
        parts.append(f"<h3>{_e(overview.heading)}</h3>")
        parts.append(_overview(overview, anchors[position:]))
        position += len(overview.table.rows) if overview.table else 0
    parts.append("</section>")
    return "".join(parts)


def _annex(report: Report) -> str:
    lang = report.lang
    parts = [f'<section class="annex" id="annex"><h2>{_e(i18n.t("report_annex", lang))}</h2>']
    if report.definitions is not None:
        parts += [f"<h3>{_e(i18n.t('report_annex_definitions', lang))}</h3>", _table(report.definitions)]
    if report.classification_sources:
        sources = "".join(f"<p>{_e(source)}</p>" for source in report.classification_sources)
        parts.append(f"<h3>{_e(i18n.t('report_annex_classifications', lang))}</h3>{sources}")
    items = []
    for document, url in report.documents:
        link = f' (<a href="{_attr(url)}" rel="noopener noreferrer">{_e(url)}</a>)' if url else ""
        items.append(f"<li>{_e(document)}{link}</li>")
    parts += [f"<h3>{_e(i18n.t('report_annex_documents', lang))}</h3><ul>{''.join(items)}</ul>"]
    parts += [
        f"<h3>{_e(i18n.t('report_def_source', lang))}</h3><p>{_e(i18n.t('report_annex_data', lang))}</p>"
    ]
    parts.append("</section>")
    return "".join(parts)


def _overview(overview: Overview, anchors: list[str]) -> str:
    if overview.table is None:
        return f"<p>{_e(overview.empty_text)}</p>"
    return _table(overview.table, links=anchors[: len(overview.table.rows)])


def _fact_row(label: str, value: str) -> str:
    return f'<tr><th scope="row">{label}</th><td>{value}</td></tr>'


def _facts(section: Section, lang: str) -> str:
    rows = [_fact_row(_e(label), _cell(value)) for label, value in section.facts]
    document = _in(section.document, section.document_lang)
    if section.document_url:
        # A link the reader may follow, never a resource the file loads by itself.
        document = f'<a href="{_attr(section.document_url)}" rel="noopener noreferrer">{document}</a>'
    rows.append(_fact_row(_e(i18n.t("report_fact_document", lang)), document))
    return f'<table class="facts"><tbody>{"".join(rows)}</tbody></table>'


def _chart(section: Section, lang: str) -> str:
    svg = vector.ambition_svg(section.item, list(section.note_periods), lang, 640, 230)
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 width="100%"', svg, count=1)
    # role=img with a label: a screen reader reads one sentence, not the shapes.
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{_attr(section.chart_alt)}"', 1)
    return (
        f"<h4>{_e(i18n.t('report_chart_heading', lang))}</h4>"
        # No caption: the sentence under the ambition's name already says what the chart shows.
        f"<figure>{svg}</figure>"
        f"<details><summary>{_e(i18n.t('show_data', lang))}</summary>{_table(section.chart_table)}</details>"
    )


def _in(text: str, lang: str) -> str:
    """Escaped ``text``, in a ``<span lang>`` when it is in another language than the report's."""
    return f'<span lang="{_attr(lang)}">{_e(text)}</span>' if lang else _e(text)


def _notes(notes: tuple[Note, ...], lang: str) -> str:
    heading = f"<h4>{_e(i18n.t('amb_notes_heading', lang))}</h4>"
    if not notes:
        return heading + f"<p>{_e(i18n.t('report_no_notes', lang))}</p>"
    items = "".join(f"<li><strong>{_e(n.about)}:</strong> {_in(n.body, n.body_lang)}</li>" for n in notes)
    caption = f'<p class="muted">{_e(i18n.t("report_notes_caption", lang))}</p>'
    return f'{heading}{caption}<ol class="notes">{items}</ol>'


def _section(section: Section, anchor: str, lang: str) -> str:
    programmes = ""
    if section.programmes:
        overlap = _e(i18n.t("amb_programmes_overlap", lang))
        programmes = f'{_table(section.programmes)}<p class="muted">{overlap}</p>'
    return (
        f'<section class="ambition" id="{anchor}">'
        f'<p class="kicker">{_e(section.kicker)}</p><h3>{_e(section.name)}</h3>'
        f"<p>{_cell(section.status)} {_e(section.summary)}</p>"
        f"{_facts(section, lang)}{_chart(section, lang)}"
        f"<h4>{_e(i18n.t('amb_milestones_heading', lang))}</h4>{_table(section.milestones)}"
        f"<h4>{_e(i18n.t('amb_programmes_heading', lang))}</h4><p>{_e(section.programmes_sentence)}</p>"
        f"{programmes}{_notes(section.notes, lang)}"
        "</section>"
    )


def render(report: Report, progress_to: Progress | None = None) -> str:
    """Return ``report`` as a complete HTML document (UTF-8 text) that needs nothing from outside.

    ``progress_to`` is told how far the charts have come (0.4 to 1).
    """
    tell = progress_to or silent
    lang = report.lang
    several = len(report.municipalities) > 1
    sections = []
    for number, (section, anchor) in enumerate(
        zip(report.sections, [f"ambition-{i}" for i in range(1, len(report.sections) + 1)], strict=True)
    ):
        tell(0.4 + 0.55 * number / max(len(report.sections), 1), "charts")
        sections.append(_section(section, anchor, lang))
    # Anchors are numbered, not taken from codes people typed, so they are always valid ids.
    anchors = [f"ambition-{i}" for i in range(1, len(report.sections) + 1)]
    title = f"{report.title} – {report.label}"
    body = "".join(
        [
            _cover(report),
            "<main>",
            _contents(report),
            _summary(report),
            *(_topic(t, several, lang) for t in report.topics),
            _ambitions_intro(report, anchors),
            *sections,
            _annex(report),
            "</main>",
        ]
    )
    tell(1.0, "done")
    return (
        f'<!DOCTYPE html>\n<html lang="{_attr(lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_attr(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>\n"
    )
