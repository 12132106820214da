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
from impactdash.report import chart as report_chart
from impactdash.report.model import Badge, Cell, Note, Overview, Report, Section, Table

# Status colours are a third signal beside symbol and word: Okabe–Ito tints with dark text.
_CSS = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, sans-serif; color: #262730;
  line-height: 1.45; margin: 0 auto; max-width: 58rem; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 .4rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
.cover { border-bottom: 3px solid #0072B2; padding: 2rem 0 1.5rem; }
.cover .label { font-size: 1.3rem; font-weight: 600; margin: 0; }
.muted, .kicker { color: #5A5A66; }
.kicker { margin: 2rem 0 0; font-size: .95rem; }
.kicker + h2 { margin-top: .1rem; }
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
@page { size: A4; margin: 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .cover { break-after: page; }
  section.ambition { break-before: page; }
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


def _table(table: Table, links: list[str] | None = None, css: str = "") -> str:
    """Render ``table``; ``links`` makes each row's first cell a link to that anchor."""
    cls = f' class="{css}"' if css else ""
    head = "".join(
        f'<th scope="col"{" class=num" if i in table.numeric else ""}>{_e(h)}</th>'
        for i, h in enumerate(table.header)
    )
    body = []
    for r, row in enumerate(table.rows):
        cells = []
        for i, value in enumerate(row):
            text = _cell(value)
            if i == 0 and links:
                text = f'<a href="#{links[r]}">{text}</a>'
            tag = "th scope=row" if i == 0 else "td"
            num = ' class="num"' if i in table.numeric else ""
            cells.append(f"<{tag}{num}>{text}</{tag.split()[0]}>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cover(report: Report) -> str:
    lang = report.lang
    towns = "".join(f"<li>{_e(n)}</li>" for n in report.municipalities)
    towns_html = f"<ul>{towns}</ul>" if towns else f"<p>{_e(i18n.t('report_no_municipalities', lang))}</p>"
    demo = f'<p class="demo">{_e(report.demo_notice)}</p>' if report.demo_notice else ""
    return (
        '<header class="cover">'
        f"<h1>{_e(report.title)}</h1>"
        f'<p class="label">{_e(i18n.t("report_publication", lang, label=report.label))}</p>'
        f'<p class="muted">{_e(report.published)} · {_e(report.figures_as_of)}</p>'
        f"{demo}<p>{_e(i18n.t('report_cover_intro', lang))}</p>"
        f"<h2>{_e(i18n.t('report_municipalities', lang))}</h2>{towns_html}"
        "</header>"
    )


def _summary(report: Report, anchors: list[str]) -> str:
    lang = report.lang
    parts = [
        f'<section class="summary"><h2>{_e(i18n.t("report_summary_heading", lang))}</h2>',
        f"<p>{_e(i18n.t('report_summary_intro', lang))}</p>",
        _table(report.summary),
        f"<h3>{_e(i18n.t('report_method_heading', lang))}</h3><p>{_e(report.method)}</p>",
    ]
    # The overview rows come in the order of the sections, so they link to them one by one.
    position = 0
    for overview in report.overviews:
        parts.append(f"<h3>{_e(overview.heading)}</h3>")
        parts.append(_overview(overview, anchors[position:]))
        position += len(overview.table.rows) if overview.table else 0
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
    fig = report_chart.figure(section.item, lang, list(section.note_periods))
    svg = report_chart.svg(fig)
    # role=img with a label: a screen reader reads one sentence, not hundreds of glyph paths.
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{_attr(section.chart_alt)}"', 1)
    return (
        f"<h3>{_e(i18n.t('report_chart_heading', lang))}</h3>"
        # No caption: the sentence under the ambition's name already says what the chart shows.
        f"<figure>{svg}</figure>"
        f"<details><summary>{_e(i18n.t('show_data', lang))}</summary>{_table(section.chart_table)}</details>"
    )


def _in(text: str, lang: str) -> str:
    """Escaped ``text``, in a ``<span lang>`` when it is in another language than the report's."""
    return f'<span lang="{_attr(lang)}">{_e(text)}</span>' if lang else _e(text)


def _notes(notes: tuple[Note, ...], lang: str) -> str:
    heading = f"<h3>{_e(i18n.t('amb_notes_heading', lang))}</h3>"
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
        f'<p class="kicker">{_e(section.kicker)}</p><h2>{_e(section.name)}</h2>'
        f"<p>{_cell(section.status)} {_e(section.summary)}</p>"
        f"{_facts(section, lang)}{_chart(section, lang)}"
        f"<h3>{_e(i18n.t('amb_milestones_heading', lang))}</h3>{_table(section.milestones)}"
        f"<h3>{_e(i18n.t('amb_programmes_heading', lang))}</h3><p>{_e(section.programmes_sentence)}</p>"
        f"{programmes}{_notes(section.notes, lang)}"
        "</section>"
    )


def render(report: Report) -> str:
    """Return ``report`` as a complete HTML document (UTF-8 text) that needs nothing from outside."""
    lang = report.lang
    # Anchors are numbered, not taken from codes people typed, so they are always valid ids.
    anchors = [f"ambition-{i}" for i in range(1, len(report.sections) + 1)]
    title = f"{report.title} – {report.label}"
    body = "".join(
        [
            _cover(report),
            "<main>",
            _summary(report, anchors),
            *(_section(s, a, lang) for s, a in zip(report.sections, anchors, strict=True)),
            "</main>",
        ]
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{_attr(lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_attr(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>\n"
    )
