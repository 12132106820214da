"""Light pages: a static HTML version of the public pages of a publication, in both languages.

Written beside the publication when it is requested (``publish/light_pages.py`` calls
:func:`write` through its hook) and served by the load balancer as files, so a visitor on a
phone or a news-day crowd costs no Python. Each page holds the same title, banner, sentences,
key figures, notes and data tables as its interactive page in its default state (latest
year, every instrument; every ambition in detail; the compare page's first measure and
towns), no script, and links to the interactive page and back. Charts that the report's
vector drawing can draw (``report/vector.py``: bars and lines over categories, an
ambition's trajectory) are inline SVG with their sentence as alt text; the others (the map,
the network, breakdowns) are shown as their data tables. The sentences and tables come from
``views/``, the figures from the same named queries on the publication's snapshot, so they
cannot differ.

Pages: overview, budget, real estate, ecosystem and ambitions of every municipality;
compare, method, change log and the accessibility statement once per language; an index.
Not the programme page (one per programme: see docs/decisions.md).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pandas as pd

from impactdash import i18n
from impactdash.measures import metrics, progress
from impactdash.publish import changes, light_pages, pointer, serving
from impactdash.report import vector
from impactdash.report.chart import Series, Spec
from impactdash.report.html import _CSP, _CSS
from impactdash.safe_text import escape_markdown
from impactdash.store import db
from impactdash.views import accessibility as statement
from impactdash.views import ambitions as ambitions_view
from impactdash.views import budget as bv
from impactdash.views import changes as changes_view
from impactdash.views import compare, ecosystem, method
from impactdash.views import overview as overview_view
from impactdash.views import property as realestate

#: The pages written per municipality: (file stem, url path of the interactive page, title key).
PAGES = (
    ("overview", "overview", "app_title"),
    ("budget", "budget", "page_budget"),
    ("property", "property", "property_title"),
    ("ecosystem", "ecosystem", "page_ecosystem"),
    ("ambitions", "ambitions", "amb_title"),
)
#: The pages about all municipalities at once, one per language: (file stem, url path, title key).
#: Not the programme page: one per programme would be hundreds of files per publication
#: for a page reached from the others by a link (docs/decisions.md, "Light pages for every public page").
SHARED_PAGES = (
    ("compare", "compare", "page_compare"),
    ("method", "method", "page_method"),
    ("changelog", "changelog", "page_changelog"),
    ("accessibility", "accessibility", "page_accessibility"),
)
#: Each page's name in the index's links (the menu's words).
MENU = {
    "overview": "page_overview",
    "budget": "page_budget",
    "property": "page_property",
    "ecosystem": "page_ecosystem",
    "ambitions": "page_ambitions",
    "compare": "page_compare",
    "method": "page_method",
    "changelog": "page_changelog",
    "accessibility": "page_accessibility",
}
#: How a municipality page's title joins its name: a ``{name}`` placeholder (None) or a separator.
_TITLE_SEP = {"overview": " ", "budget": " – ", "property": None, "ecosystem": " ", "ambitions": None}
_EXTRA_CSS = """
nav.light { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .95rem; margin-bottom: 1rem; }
.banner { color: #5A5A66; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .8rem; }
.figure { border: 1px solid #DDDDE3; border-radius: .4rem; padding: .6rem .8rem; }
.figure .value { font-size: 1.5rem; font-weight: 600; }
.card { border: 1px solid #DDDDE3; border-radius: .4rem; padding: .6rem .8rem; margin: .5rem 0; }
svg text { font: 12px sans-serif; fill: #262730; }
.scroll { overflow-x: auto; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
ul.legend svg { display: inline; vertical-align: middle; width: auto; }
h1, h2, h3 { overflow-wrap: break-word; hyphens: auto; }
p.note { font-size: .9rem; }
"""
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")
_ESCAPED = re.compile(r"\\(.)")
_STATUS_WORD = re.compile(r":\w+\[:material/[a-z_]+: \*\*(.+?)\*\*\]")


def _md(text: object) -> str:
    """Return a page sentence (Streamlit markdown) as HTML: escaped, bold kept, escapes undone."""
    plain = _STATUS_WORD.sub(r"\1", str(text))
    escaped = html.escape(plain, quote=True)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    escaped = escaped.replace("  \n", "<br>")  # Markdown's line break (a register cell's address)
    return _ESCAPED.sub(r"\1", escaped)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _table(frame: pd.DataFrame) -> str:
    """Return ``frame`` (a view's display table, cells already formatted) as an HTML table."""
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in frame.columns)
    rows = []
    for row in frame.itertuples(index=False):
        cells = [f'<th scope="row">{_md(row[0])}</th>'] + [f"<td>{_md(v)}</td>" for v in row[1:]]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    # Wide tables scroll on their own on a phone instead of widening the page.
    body = "".join(rows)
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _bars(labels: list[str], series: list[tuple[str, list[float | None], str]], alt: str) -> str:
    """Return a grouped bar chart as inline SVG: one group per label, one bar per series, a legend."""
    width, height, left, bottom, top = 640, 260, 70, 28, 30
    values = [v for _, vs, _ in series for v in vs if v is not None and v == v]
    peak = max(values) if values else 1.0
    peak = peak or 1.0
    plot_w, plot_h = width - left - 10, height - bottom - top
    group = plot_w / max(len(labels), 1)
    bar = group * 0.8 / max(len(series), 1)
    parts = [
        f'<svg role="img" aria-label="{_e(alt)}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{_e(alt)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#8A8A8A"/>',
    ]
    for i, label in enumerate(labels):
        x0 = left + i * group + group * 0.1
        for j, (_, vs, colour) in enumerate(series):
            v = vs[i]
            if v is None or v != v:
                continue
            h = plot_h * v / peak
            parts.append(
                f'<rect x="{x0 + j * bar:.1f}" y="{top + plot_h - h:.1f}" width="{bar * 0.95:.1f}" '
                f'height="{h:.1f}" fill="{colour}"/>'
            )
        parts.append(
            f'<text x="{left + i * group + group / 2:.1f}" y="{height - 8}" text-anchor="middle">'
            f"{_e(label)}</text>"
        )
    for j, (name, _, colour) in enumerate(series):
        parts.append(f'<rect x="{left + j * 160}" y="6" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{left + j * 160 + 18}" y="16">{_e(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


class _Source:
    """The publication's figures, as the pages ask for them: named queries on its snapshot."""

    def __init__(self, con, moved: dict | None = None) -> None:
        self.con = con
        #: Per ambition, how its target changed across the publications (ui.changed_targets).
        self.moved = moved or {}
        # A snapshot never changes: each query and each town's ambitions are read once for
        # all pages and both languages (they were asked for 355 and 24 times per publication).
        self._frames: dict[tuple, pd.DataFrame] = {}
        self._items: dict[str, list] = {}

    def query(self, name: str, **params) -> pd.DataFrame:
        key = (name, tuple(sorted(params.items())))
        if key not in self._frames:
            self._frames[key] = db.run_query(self.con, name, **params)
        return self._frames[key].copy()  # a copy: a view may add columns to what it gets

    def items(self, gm: str) -> list:
        """Return the ambitions of municipality ``gm`` with their progress (``progress.for_municipality``)."""
        if gm not in self._items:
            self._items[gm] = progress.for_municipality(self.con, gm)
        return self._items[gm]


def _banner(source: _Source, lang: str, label: str, published_at: dt.datetime) -> str:
    info = source.query("dataset_info").iloc[0]
    parts = []
    if bool(info["is_demo"]):
        parts.append(
            f"<p class=demo>{_md(i18n.t('demo_banner', lang, names=escape_markdown(info['demo_names'])))}</p>"
        )
    text = i18n.t(
        "published_banner", lang, date=i18n.fmt_date(published_at.date(), lang), label=escape_markdown(label)
    )
    as_of = i18n.t("figures_as_of", lang, date=i18n.fmt_date(info["reporting_date"], lang))
    parts.append(f'<p class="banner">{_md(text)} {_md(as_of)}.</p>')
    return "".join(parts)


def overview_figures(source: _Source, gm: str, lang: str) -> list[tuple[str, str, str]]:
    """Return the overview's key figures as the interactive page shows them: (label, value, caption)."""
    year = overview_view.figures_year(source.query("dataset_info").iloc[0]["reporting_date"])
    money = source.query("budget_spend_year", municipality=gm, year=year).iloc[0]
    values = source.query("metric_values", municipality=gm)
    catalogue = source.query("metric_catalogue").set_index("code")
    return overview_view.key_figures(money, year, values, catalogue, lang)


def _overview(source: _Source, gm: str, name: str, lang: str) -> str:
    items = source.items(gm)
    counts = progress.status_counts(items)
    start = source.query("municipalities").set_index("code").loc[gm, "pillar_start"]
    story = ambitions_view.story_sentence(name, start, items, counts, lang)
    cards = []
    for item in progress.headline(items):
        status = ambitions_view.status_text(item.assessment.status.value, lang)
        cards.append(
            f'<div class="card"><strong>{_e(item.name(lang))}</strong><p><strong>{_e(status)}</strong></p>'
            f"<p>{_e(overview_view.card_facts(item, lang))}</p>{_moved(source, item, lang)}</div>"
        )
    return (
        f"<p>{_md(story)}</p><h2>{_e(i18n.t('key_figures', lang))}</h2>"
        + _key_figures(overview_figures(source, gm, lang))
        + f"<h2>{_e(i18n.t('headline_ambitions', lang))}</h2>{''.join(cards)}"
    )


def _budget(source: _Source, gm: str, lang: str) -> str:
    all_years = source.query("budget_by_year", municipality=gm, instrument=bv.ALL)
    if all_years.empty:
        return f"<p>{_e(i18n.t('no_data_selection', lang))}</p>"
    year = int(sorted(all_years["year"].astype(int), reverse=True)[0])
    per_year = all_years
    notes = source.query("budget_notes", municipality=gm)
    row = bv.year_row(per_year, year)
    head = [f"<p><strong>{_md(bv.headline(row, year, None, lang))}</strong></p>"]
    if row is not None and not bool(row["is_complete"]):
        head.append(
            "<p>"
            + _md(i18n.t("budget_partial_year", lang, date=i18n.fmt_date(row["figures_until"], lang)))
            + "</p>"
        )
    head += [f"<p>{_md(n)}</p>" for n in bv.notes_for(notes, lang, "metric", bv.MONEY_NOTES, year)]
    sentence = bv.per_year_sentence(per_year, lang)
    svg = _bars(
        [bv.year_label(r) for _, r in per_year.iterrows()],
        [
            (i18n.t("budget_budget", lang), list(per_year["budget"]), "#56B4E9"),
            (i18n.t("budget_spend", lang), list(per_year["spend"]), "#0072B2"),
        ],
        re.sub(r"[*\\]", "", sentence),
    )
    sections = [
        _section(
            i18n.t("budget_per_year_title", lang), sentence, svg, bv.per_year_table(per_year, lang), [], lang
        )
    ]
    incomplete = bv.partial_note(per_year, lang)
    if incomplete:
        sections.append(f"<p>{_md(incomplete)}</p>")
    breakdown = bv.breakdown_frame(
        source.query("budget_by_instrument", municipality=gm, year=year), "instrument", lang
    )
    sections.append(
        _section(
            i18n.t("budget_by_instrument_title", lang, year=year),
            bv.breakdown_sentence(breakdown, year, "instrument", lang),
            None,
            bv.breakdown_table(breakdown, i18n.t("budget_instrument", lang), lang),
            [],
            lang,
        )
    )
    pillar = source.query("budget_leverage", municipality=gm)
    sections.append(
        _section(
            i18n.t("budget_leverage_title", lang),
            bv.leverage_sentence(pillar, lang),
            None,
            bv.leverage_table(
                pillar,
                lang,
                None,
                bv.instrument_label(source.query("budget_instruments", municipality=gm), bv.ALL, lang),
            ),
            [],
            lang,
        )
    )
    return "".join(head + sections)


def _link_md(text: str) -> str:
    """Return a sentence holding at most one Markdown link ``[title](url)`` as HTML."""
    found = re.search(r"\[([^\]]*)\]\((https?://[^)\s]+)\)", text)
    if not found:
        return _md(text)
    before, after = text[: found.start()], text[found.end() :]
    link = f'<a href="{_e(found.group(2))}" rel="noopener noreferrer">{_md(found.group(1))}</a>'
    return _md(before) + link + _md(after)


def _moved(source: _Source, item, lang: str) -> str:
    """Return the ✎ mark of an ambition whose target changed after it was set, what it was one click away."""
    history = source.moved.get(item.code)
    if not history:
        return ""
    was = changes_view.target_mark(history, item.unit, lang).replace("  \n", "\n")
    lines = "".join(f"<p>{_md(line)}</p>" for line in was.splitlines())
    return f"<details><summary>{_e(i18n.t('target_changed', lang))}</summary>{lines}</details>"


def target_history(snapshot: Path, publication_id: int | None, label: str, at: dt.datetime, con) -> dict:
    """Return, per ambition, its target's changes over the public history and this publication."""
    folder = Path(snapshot).parent
    versions = []
    for p in pointer.history(folder):
        if p.id != publication_id:
            other = serving.open_publication(folder / p.file)
            try:
                versions.append((p.id, p.label, p.approved_at.date(), changes.targets(other)))
            finally:
                other.close()
    versions.append((publication_id or 0, label, at.date(), changes.targets(con)))
    return changes.target_changes(versions)


def _ambitions(source: _Source, gm: str, name: str, lang: str) -> str:
    """Return the ambitions page: the list in its default order, then every ambition in detail."""
    as_of = source.query("dataset_info").iloc[0]["reporting_date"]
    as_of = as_of.date() if hasattr(as_of, "date") else as_of
    items = source.items(gm)
    if not items:
        return f"<p>{_md(i18n.t('no_ambitions', lang, name=name))}</p>"
    ordered = ambitions_view.sort_items(items, next(iter(ambitions_view.SORT_OPTIONS)), lang)
    caption = ambitions_view.list_caption(lang)
    parts = [
        f"<p>{_md(ambitions_view.intro_sentence(items, name, as_of, lang))}</p>",
        f"<h2>{_e(i18n.t('amb_list_heading', lang))}</h2>",
        _table(ambitions_view.overview_frame(ordered, lang, source.moved)),
        f"<p>{_md(caption)}</p>",
        f"<h2>{_e(i18n.t('amb_detail_heading', lang))}</h2>",
    ]
    documents = source.query("ambitions", municipality=gm).set_index("code")["document_url"]
    all_notes = source.query("ambitions_notes", municipality=gm)
    all_programmes = source.query("ambitions_programmes", municipality=gm)
    for item in ordered:
        notes = all_notes[all_notes["ambition_code"] == item.code]
        programmes = all_programmes[all_programmes["ambition_code"] == item.code]
        parts += [
            f"<h3>{_e(item.name(lang))}</h3>",
            f"<p>{_md(ambitions_view.summary_sentence(item, lang))}</p>",
            f"<p>{_md(ambitions_view.status_line(item, lang))}</p>",
            _moved(source, item, lang),
            _chart_data(ambitions_view.chart_frame(item, lang), lang),
            f"<p>{_link_md(ambitions_view.document_text(item.document, documents.get(item.code), lang))}</p>",
            f"<h4>{_e(i18n.t('amb_milestones_heading', lang))}</h4>",
            _table(ambitions_view.milestones_frame(item, lang)),
        ]
        if not notes.empty:
            names = dict(zip(programmes["programme_code"], programmes["programme_name"], strict=True))
            lines = "".join(f"<li>{_md(line)}</li>" for line in ambitions_view.note_lines(notes, names, lang))
            parts += [
                f"<h4>{_e(i18n.t('amb_notes_heading', lang))}</h4>",
                f"<p>{_md(i18n.t('amb_notes_caption', lang))}</p><ol>{lines}</ol>",
            ]
        parts += [
            f"<h4>{_e(i18n.t('amb_programmes_heading', lang))}</h4>",
            f"<p>{_md(ambitions_view.programmes_sentence(programmes, as_of, lang))}</p>",
        ]
        if not programmes.empty:
            parts += [
                _table(ambitions_view.programmes_frame(programmes, as_of, lang)),
                f"<p>{_md(i18n.t('amb_programmes_overlap', lang))}</p>",
            ]
    return "".join(parts)


_MARK = re.compile(r'<span lang="(nl|en)">(.*?)</span>')


def _note(text: object) -> str:
    """Return a note line (safe Markdown, maybe with the views' ``<span lang>`` mark) as HTML, mark kept."""
    text = str(text)
    parts, last = [], 0
    for found in _MARK.finditer(text):
        parts.append(_md(text[last : found.start()]))
        parts.append(f'<span lang="{found.group(1)}">{_md(found.group(2))}</span>')
        last = found.end()
    parts.append(_md(text[last:]))
    return "".join(parts)


def _notes(lines) -> str:
    return "".join(f'<p class="note">{_note(line)}</p>' for line in lines)


def _spec_svg(spec: Spec, alt: str, lang: str, height: float = 200) -> str:
    """Return a report chart (``report/vector.py``) as inline SVG, column wide; ``alt`` its alt text."""
    return _column_wide(vector.svg(spec, lang, 640, height), alt)


def _column_wide(svg: str, alt: str) -> str:
    """Return a drawn SVG as wide as the column, an image whose alt text is the sentence ``alt``."""
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 width="100%"', svg, count=1)
    return svg.replace("<svg", f'<svg role="img" aria-label="{_e(_plain_alt(alt))}"', 1)


def _plain_alt(sentence: object) -> str:
    """Return a sentence (Markdown, maybe marked) as the plain text of an alt text."""
    return html.unescape(re.sub(r"<[^>]+>", "", _ESCAPED.sub(r"\1", str(sentence).replace("**", ""))))


def _chart_data(table: pd.DataFrame | None, lang: str) -> str:
    """Return a chart's data as the pages' "data as a table" does: a table behind a summary; '' for none."""
    if table is None or table.empty:
        return ""
    return f"<details><summary>{_e(i18n.t('light_chart_data', lang))}</summary>{_table(table)}</details>"


def _section(title: str | None, sentence: str | None, svg: str | None, table, notes, lang: str) -> str:
    """One chart as ``ui.chart_section`` shows it: heading, sentence, chart, notes, its data (a table).

    Every page's charts go through here, so a heading, a sentence or a missing figure look
    the same on every light page ("no data" where there is no sentence).
    """
    head = f"<h2>{_e(title)}</h2>" if title else ""
    if sentence is None:
        return head + f"<p>{_md(i18n.t('no_data_selection', lang))}</p>"
    figure = f"<figure>{svg}</figure>" if svg else ""
    return f"{head}<p>{_note(sentence)}</p>{figure}{_notes(notes)}{_chart_data(table, lang)}"


def _series_section(
    title: str,
    sentence: str | None,
    kind: str,
    labels: tuple[str, ...],
    series: str,
    values,
    unit: str,
    notes,
    table,
    lang: str,
) -> str:
    """One chart of one series (``kind`` bars or lines, ``unit`` its axis) as :func:`_section` shows it.

    The chart is drawn only when there is a sentence and there are values, as on the page.
    """
    svg = None
    if sentence and len(values):
        spec = Spec(
            kind,
            labels,
            (Series(series, tuple(_number(v) for v in values)),),
            unit,
            i18n.t(f"report_axis_{unit}", lang),
        )
        svg = _spec_svg(spec, sentence, lang)
    return _section(title, sentence, svg, table, notes, lang)


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _key_figures(figures: list[tuple[str, str, str]]) -> str:
    """Return key figures as the pages' st.metric does them: label, value, a caption under it."""
    return (
        '<div class="figures">'
        + "".join(
            f'<div class="figure"><div>{_e(label)}</div><div class="value">{_e(value)}</div>'
            + (f"<div>{_e(caption)}</div>" if caption else "")
            + "</div>"
            for label, value, caption in figures
        )
        + "</div>"
    )


def property_figures(source: _Source, gm: str, lang: str) -> list[tuple[str, str, str]]:
    """Return the real-estate page's key figures as it shows them: (label, value, caption)."""
    quarters = source.query("property_quarters", municipality=gm)
    discount = source.query("property_rent_discount", municipality=gm)
    register = source.query("property_register", municipality=gm)
    return realestate.key_figure_texts(realestate.key_figures(quarters, discount, register), lang)


def _property(source: _Source, gm: str, name: str, lang: str) -> str:
    """Return the real-estate page: key figures, floor area, occupancy, rent discount, the register."""
    quarters = source.query("property_quarters", municipality=gm)
    discount = source.query("property_rent_discount", municipality=gm)
    register = source.query("property_register", municipality=gm)
    notes = source.query("property_notes", municipality=gm)
    ambition = {item.metric_code: item for item in source.items(gm)}
    parts = [
        f"<p>{_md(i18n.t('property_intro', lang, name=name))}</p>",
        _key_figures(property_figures(source, gm, lang)),
    ]
    # Forty quarters' labels would overlap: the axis names each year once, at its first quarter.
    years = [int(y) for y in quarters["year"]]
    quarter_labels = tuple(str(y) if i == 0 or years[i - 1] != y else "" for i, y in enumerate(years))
    floor_sentence = realestate.floor_sentence(ambition.get("impact_floor_m2"), quarters, lang)
    parts.append(
        _series_section(
            i18n.t("property_floor_title", lang),
            floor_sentence,
            "bars",
            quarter_labels,
            i18n.t("property_col_floor", lang),
            quarters["impact_floor_m2"],
            "m2",
            realestate.note_lines(notes, lang, metric_code="impact_floor_m2"),
            realestate.floor_table(quarters, lang),
            lang,
        )
    )
    occupancy_item = ambition.get("occupancy_pct")
    sentence = realestate.occupancy_sentence(quarters, lang)
    if sentence and occupancy_item is not None:
        sentence += " " + realestate.ambition_sentence(occupancy_item, "percent", lang)
    parts.append(
        _series_section(
            i18n.t("property_occupancy_title", lang),
            sentence,
            "lines",
            quarter_labels,
            i18n.t("property_col_occupancy", lang),
            quarters["occupancy_pct"],
            "percent",
            realestate.note_lines(notes, lang, metric_code="occupancy_pct"),
            realestate.occupancy_table(quarters, lang),
            lang,
        )
    )
    parts.append(
        _series_section(
            i18n.t("property_discount_title", lang),
            realestate.discount_sentence(discount, lang),
            "bars",
            tuple(str(int(y)) for y in discount["year"]),
            i18n.t("property_col_discount", lang),
            discount["rent_discount_eur"],
            "eur",
            realestate.note_lines(notes, lang, metric_code="rent_discount_eur"),
            realestate.discount_table(discount, lang),
            lang,
        )
    )
    # The map is not drawn here: its buildings are all in the register below, by address.
    parts.append(f"<h2>{_e(i18n.t('property_register_title', lang))}</h2>")
    if register.empty:
        parts.append(f"<p>{_md(i18n.t('no_data_selection', lang))}</p>")
    else:
        sentence = realestate.map_sentence(register, lang)
        if sentence:
            parts.append(f"<p>{_md(sentence)}</p>")
        parts += [
            f"<p>{_md(realestate.register_sentence(register, lang))}</p>",
            _table(realestate.register_table(register, lang)),
        ]
        parts.append(_notes(realestate.note_lines(notes, lang)))
        described = realestate.description_lines(register, lang)
        if described:
            items = "".join(f"<li>{_note(line.removeprefix('- '))}</li>" for line in described.splitlines())
            parts.append(f"<h3>{_e(i18n.t('property_described', lang))}</h3><ul>{items}</ul>")
    return "".join(parts)


def ecosystem_figures(source: _Source, gm: str, lang: str) -> list[tuple[str, str, str]]:
    """Return the ecosystem page's key figures as it shows them: (measure, latest value, its date)."""
    values = source.query("metric_values", municipality=gm)
    return ecosystem.key_figure_texts(values, source.query("metric_catalogue").set_index("code"), lang)


def _ecosystem(source: _Source, gm: str, name: str, lang: str) -> str:
    """Return the ecosystem page: key figures, the ambitions with their charts, connections, network, lead."""
    reporting_date = source.query("dataset_info").iloc[0]["reporting_date"]
    notes = ecosystem.note_texts_by_measure(source.query("ecosystem_notes", municipality=gm), lang)
    catalogue = source.query("metric_catalogue").set_index("code")
    items = [i for i in source.items(gm) if i.metric_code in ecosystem.METRICS]
    charted = {item.metric_code for item in items}
    parts = [
        f"<p>{_md(i18n.t('eco_intro', lang, name=name))}</p>",
        f"<h2>{_e(i18n.t('eco_key_figures', lang))}</h2>",
        f"<p>{_md(i18n.t('eco_key_figures_note', lang))}</p>",
        _key_figures(ecosystem_figures(source, gm, lang)),
    ]
    for code in ecosystem.METRICS:
        if code not in charted:
            measure = escape_markdown(catalogue.loc[code, f"name_{lang}"])
            parts.append(_notes(f"{measure}: {text}" for text in notes.get(code, [])))
    parts.append(f"<h2>{_e(i18n.t('eco_ambitions', lang))}</h2>")
    if not items:
        parts.append(f"<p>{_md(i18n.t('eco_no_ambitions', lang, name=name))}</p>")
    else:
        counts = progress.status_counts(items)
        summary = i18n.t(
            "eco_ambitions_summary",
            lang,
            ambitions=i18n.plural("count_ambitions", len(items), lang),
            **i18n.status_clauses(counts, lang),
        )
        parts.append(f"<p>{_md(summary)}</p>")
    for item in items:
        sentence = ecosystem.ambition_sentence(item, lang)
        svg = _column_wide(vector.ambition_svg(item, [], lang, 640, 230), sentence)
        card_notes = [
            *notes.get(item.metric_code, []),
            i18n.t("eco_document", lang, document=escape_markdown(item.document)),
        ]
        parts.append(
            f'<div class="card"><h3>{_e(item.name(lang))}</h3>'
            f"<p><strong>{_e(ambitions_view.status_text(item.assessment.status.value, lang))}</strong></p>"
            + _section(None, sentence, svg, ecosystem.ambition_table(item, lang), card_notes, lang)
            + "</div>"
        )
    connections = source.query("ecosystem_connections_year", municipality=gm)
    parts.append(f"<h2>{_e(i18n.t('eco_connections', lang))}</h2>")
    if connections.empty:
        parts.append(f"<p>{_md(i18n.t('no_data_selection', lang))}</p>")
    else:
        sentence = ecosystem.connections_sentence(connections, lang)
        spec = Spec(
            "stacked",
            tuple(str(int(y)) for y in connections["year"]),
            (
                Series(
                    i18n.t("eco_through_programme", lang),
                    tuple(_number(v) for v in connections["through_programme"]),
                ),
                Series(i18n.t("eco_other", lang), tuple(_number(v) for v in connections["other"])),
            ),
            "count",
            i18n.t("report_axis_count", lang),
        )
        conn_notes = [i18n.t("eco_complete_years", lang, date=i18n.fmt_date(reporting_date, lang))]
        conn_notes += notes.get("connections_programme_pct", [])
        parts.append(
            _section(
                None,
                sentence,
                _spec_svg(spec, sentence, lang),
                ecosystem.connections_table(connections, lang),
                conn_notes,
                lang,
            )
        )
    parts.append(f"<h2>{_e(i18n.t('eco_network', lang))}</h2>")
    limits = {"max_nodes": ecosystem.MAX_NODES}
    nodes = source.query("ecosystem_network_nodes", municipality=gm, **limits)
    edges = source.query("ecosystem_network_edges", municipality=gm, max_edges=ecosystem.MAX_EDGES, **limits)
    if nodes.empty:
        parts.append(f"<p>{_md(i18n.t('no_data_selection', lang))}</p>")
    else:
        # The network drawing itself stays on the interactive page: hundreds of nodes are
        # neither light nor readable on a phone; its table of kinds says what it holds.
        captions = []
        if ecosystem.network_is_capped(nodes, edges):
            captions.append(i18n.t("eco_network_capped", lang, nodes=len(nodes), edges=len(edges)))
        sentence = ecosystem.network_sentence(nodes, edges, reporting_date, lang)
        parts.append(_section(None, sentence, None, None, captions, lang))
        parts.append(_table(ecosystem.kind_table(nodes, lang)))
    lead = source.query("ecosystem_programme_lead", municipality=gm)
    parts.append(f"<h2>{_e(i18n.t('eco_lead', lang))}</h2>")
    if lead.empty:
        parts.append(f"<p>{_md(i18n.t('no_data_selection', lang))}</p>")
    else:
        parts.append(
            _section(None, ecosystem.lead_sentence(lead, lang), None, None, notes.get(None, []), lang)
            + _table(ecosystem.lead_table(lead, lang))
        )
    return "".join(parts)


def _compare(source: _Source, lang: str) -> str:
    """Return the compare page in its first state: the default measure, the first towns, absolute, by year."""
    towns = source.query("municipalities")
    catalogue = source.query("metric_catalogue").set_index("code")
    if towns.empty or catalogue.empty:
        return f"<p>{_md(i18n.t('no_data_selection', lang))}</p>"
    codes = catalogue.index.tolist()
    metric = compare.DEFAULT_METRIC if compare.DEFAULT_METRIC in codes else codes[0]
    selected = towns.head(compare.DEFAULT_TOWNS)
    chosen = list(selected["code"])
    measure = catalogue.loc[metric]
    unit = measure["unit"]
    values = source.query("compare_values", metric=metric)
    population = source.query("compare_population")
    items = compare.assess(
        source.query("compare_ambitions", metric=metric),
        source.query("compare_milestones", metric=metric),
        values,
        chosen,
    )
    anchors, cumulative = compare.trajectories(items)
    actual = compare.prepare(values, population, selected, unit, False, False)
    planned = compare.prepare(anchors, population, selected, unit, False, False)
    names = dict(zip(towns["code"], towns["name"], strict=True))
    parts = [
        f"<p>{_md(i18n.t('compare_intro', lang))}</p>",
        # What the interactive page lets one choose, said once: this page shows its first state.
        "<p>"
        + _md(
            i18n.t(
                "light_compare_state",
                lang,
                measure=escape_markdown(measure[f"name_{lang}"]),
                towns=escape_markdown(", ".join(selected["name"])),
            )
        )
        + "</p>",
        f"<h2>{_e(measure[f'name_{lang}'])}</h2>",
    ]
    sentence = compare.summary(actual, unit, lang, False, False, flow=measure["aggregation"] == "sum")
    parts.append(f"<p>{_e(sentence)}</p>")
    if actual.empty:
        parts.append(f"<p>{_md(i18n.t('no_data_selection', lang))}</p>")
    else:
        styles = compare.styles(towns["code"].tolist())
        parts.append(f"<figure>{_town_lines(actual, styles, unit, sentence, lang)}</figure>")
        table = compare.display_table(actual, planned, unit, lang, False, False)
        parts.append(_chart_data(table, lang))
    missing = compare.dropped(selected, actual, values)
    if missing:
        parts.append(
            _notes([escape_markdown(i18n.t("compare_no_population", lang, names=", ".join(missing)))])
        )
    for code, item in cumulative:
        line = i18n.t(
            "compare_cumulative",
            lang,
            name=names[code],
            date=i18n.fmt_date(item.ambition.baseline.date, lang),
        )
        parts.append(_notes([escape_markdown(line)]))
    for lead, body, body_lang in compare.note_parts(
        source.query("compare_notes", metric=metric), selected, lang
    ):
        parts.append(f'<p class="note">{_e(lead)} {_typed(body, body_lang, lang)}</p>')
    parts += [
        f"<h2>{_e(i18n.t('compare_status_title', lang))}</h2>",
        f"<p>{_md(i18n.t('compare_status_caption', lang))}</p>",
        _table(compare.status_table(items, selected, unit, lang)),
    ]
    return "".join(parts)


def _marker_svg(shape: str, x: float, y: float, colour: str) -> str:
    """Return one point's marker in the compare chart's shape for its town (views/compare.SYMBOLS)."""
    r = 3.5
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{colour}"/>'
    if shape == "diamond":
        corners = ((x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y))
        points = " ".join(f"{a:.1f},{b:.1f}" for a, b in corners)
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "triangle-up":
        points = f"{x:.1f},{y - r * 1.3:.1f} {x + r * 1.2:.1f},{y + r:.1f} {x - r * 1.2:.1f},{y + r:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape in ("cross", "x"):
        return (
            f'<path d="M{x - r:.1f} {y - r:.1f}L{x + r:.1f} {y + r:.1f}'
            f'M{x - r:.1f} {y + r:.1f}L{x + r:.1f} {y - r:.1f}" stroke="{colour}" stroke-width="2"/>'
        )
    if shape in ("star", "hexagon"):
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="white" stroke="{colour}" stroke-width="2"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'


def _town_lines(actual: pd.DataFrame, styles: dict, unit: str, alt: str, lang: str) -> str:
    """Return the compare chart as inline SVG: a line per town over time, colour and marker as on the page.

    The report's vector lines tell three series apart; the compare page shows six towns, so
    this drawing uses the page's own colour and shape per town, and a legend in HTML below
    that wraps on a phone.
    """
    width, height, left, right, top, bottom = 640, 260, 64, 12, 12, 26
    days = [d.toordinal() for d in actual["period_end"]]
    values = [float(v) for v in actual["shown"]]
    ticks = ecosystem.nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1] if ticks[-1] > ticks[0] else ticks[0] + 1
    first, last = min(days), max(days)
    span = max(last - first, 1)

    def x_of(day: int) -> float:
        return left + (day - first) / span * (width - left - right)

    def y_of(value: float) -> float:
        return top + (high - value) / (high - low) * (height - top - bottom)

    parts = [
        f'<svg role="img" aria-label="{_e(alt)}" viewBox="0 0 {width} {height}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    for tick in ticks:
        y = y_of(tick)
        label = compare.format_value(tick, unit, lang, False, compact=True)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#E4E4E4"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_e(label)}</text>')
    for year in range(dt.date.fromordinal(first).year + 1, dt.date.fromordinal(last).year + 1):
        x = x_of(dt.date(year, 1, 1).toordinal())
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#E4E4E4"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{year}</text>')
    legend = []
    for code, rows in actual.groupby("municipality_code", sort=False):
        colour, shape = styles[code]
        points = [
            (x_of(d.toordinal()), y_of(float(v)))
            for d, v in zip(rows["period_end"], rows["shown"], strict=True)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [_marker_svg(shape, x, y, colour) for x, y in points]
        key = (
            f'<svg width="26" height="12" aria-hidden="true"><line x1="0" y1="6" x2="26" y2="6" '
            f'stroke="{colour}" stroke-width="2"/>{_marker_svg(shape, 13, 6, colour)}</svg>'
        )
        legend.append(f"<li>{key} {_e(rows['name'].iloc[0])}</li>")
    parts.append("</svg>")
    return "".join(parts) + f'<ul class="legend">{"".join(legend)}</ul>'


def _typed(text: str, text_lang: str, lang: str) -> str:
    """Return typed text as HTML, marked with its language when that is not the page's."""
    code = text_lang if text_lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    return _e(text) if code == lang else f'<span lang="{code}">{_e(text)}</span>'


def _method(
    source: _Source, lang: str, label: str, published_at: dt.datetime, publication_id: int | None
) -> str:
    """Return the method page: measures, status, projection, periods, coverage, downloads, open data."""
    info = source.query("dataset_info").iloc[0]
    measures = method.measures_table(source.query("metric_catalogue"), lang)
    parts = [
        f"<p>{_md(i18n.t('method_intro', lang))}</p>",
        f"<h2>{_e(i18n.t('method_measures', lang))}</h2>",
        f"<p>{_md(i18n.t('method_measures_intro', lang))}</p>",
        _table(measures),
        f"<h2>{_e(i18n.t('method_status', lang))}</h2>",
        f"<p>{_md(method.status_text(lang))}</p>",
        f"<h2>{_e(i18n.t('method_projection', lang))}</h2>",
        f"<p>{_md(i18n.t('method_projection_text', lang, window=metrics.PROJECTION_WINDOW))}</p>",
        f"<h2>{_e(i18n.t('method_periods', lang))}</h2>",
        f"<p>{_md(i18n.t('method_periods_text', lang, date=i18n.fmt_date(info['reporting_date'], lang)))}"
        "</p>",
        f"<h2>{_e(i18n.t('method_coverage', lang))}</h2>",
        _table(method.coverage_table(source.query("method_coverage"), lang)),
        f"<h2>{_e(i18n.t('method_downloads', lang))}</h2>",
        f"<p>{_md(i18n.t('method_downloads_text', lang))}</p>",
        f'<p><a href="/method?lang={lang}">{_e(i18n.t("light_interactive", lang))}</a></p>',
        f"<h2>{_e(i18n.t('method_open_data', lang))}</h2>",
        "<p>"
        + _md(
            i18n.t(
                "method_open_data_text",
                lang,
                label=escape_markdown(label),
                date=i18n.fmt_date(published_at.date(), lang),
            )
        )
        + "</p>",
    ]
    if publication_id is not None:
        # The open data are files the load balancer serves itself (deploy/nginx.conf.template).
        package = f"/open-data/{pointer.open_data_name(publication_id)}/datapackage.json"
        parts.append(f'<p><a href="{package}">datapackage.json</a></p>')
    parts += [
        f"<h2>{_e(i18n.t('method_changelog', lang))}</h2>",
        f"<p>{_md(i18n.t('method_changelog_text', lang))}</p>",
        f'<p><a href="changelog.html">{_e(i18n.t("page_changelog", lang))}</a></p>',
        f"<h2>{_e(i18n.t('method_accessibility', lang))}</h2>",
        f'<p><a href="/accessibility?lang={lang}">{_e(i18n.t("method_accessibility_link", lang))}</a></p>',
    ]
    return "".join(parts)


def _changelog(
    source: _Source,
    snapshot: Path,
    lang: str,
    label: str,
    published_at: dt.datetime,
    publication_id: int | None,
) -> str:
    """Return the change log of this publication: what it is, and what changed since the one before it.

    Written when the publication is requested, so "the one before" is the publication the
    public sees at that moment (the last in the history); earlier ones are on the interactive page.
    """
    folder = Path(snapshot).parent
    history = [p for p in pointer.history(folder) if p.id != publication_id]
    previous = history[-1] if history else None
    this = pointer.Published(publication_id or 0, label, Path(snapshot).name, published_at)
    parts = [f"<p>{_md(i18n.t('changelog_intro', lang))}</p>"]
    parts += [f"<p>{_md(line)}</p>" for line in changes_view.publication_lines(this, previous, lang)]
    if previous is not None:
        before = serving.open_publication(folder / previous.file)
        try:
            found = changes.compare_all(before, source.con)
            names = changes.lookups(before).merged(changes.lookups(source.con))
        finally:
            before.close()
        parts.append(f"<p>{_md(changes_view.count_sentence(found, lang))}</p>")
        if not found.empty:
            table = changes_view.change_table(found, names, lang)
            subject_column = table.columns[0]
            for subject, rows in table.groupby(subject_column, sort=False):
                title = i18n.t("changes_group", lang, subject=subject, count=i18n.fmt_number(len(rows), lang))
                parts.append(f"<h2>{_md(title)}</h2>")
                if len(rows) > changes_view.FIRST_N:
                    first = i18n.t(
                        "changes_group_first",
                        lang,
                        shown=i18n.fmt_number(changes_view.FIRST_N, lang),
                        count=i18n.fmt_number(len(rows), lang),
                    )
                    parts.append(f"<p>{_md(first)}</p>")
                parts.append(_table(rows.head(changes_view.FIRST_N).drop(columns=[subject_column])))
    if history:
        links = "".join(
            f'<li><a href="/changelog?publication={p.id}&amp;lang={lang}">'
            f"{_e(changes_view.publication_option(p, lang))}</a></li>"
            for p in reversed(history)
        )
        parts.append(f"<h2>{_e(i18n.t('light_changelog_earlier', lang))}</h2><ul>{links}</ul>")
    return "".join(parts)


def _document(lang: str, title: str, nav: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}{_EXTRA_CSS}</style></head>"
        f'<body><nav class="light">{nav}</nav><main><h1>{_e(title)}</h1>{body}</main></body></html>\n'
    )


def _blocks(markdown: str) -> str:
    """Return a passage of Markdown as HTML: paragraphs, ``- `` lists, bold, one link per line."""
    parts = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = block.splitlines()
        if lines and all(line.lstrip().startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{_link_md(line.lstrip()[2:])}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{_link_md(' '.join(lines))}</p>")
    return "".join(parts)


def _accessibility(lang: str) -> str:
    """Return the accessibility statement as app_pages/accessibility.py shows it (no figures, no banner)."""
    h2 = lambda key: f"<h2>{_e(i18n.t(key, lang))}</h2>"  # noqa: E731
    return "".join(
        [
            _blocks(i18n.t("a11y_intro", lang)),
            h2("a11y_status_heading"),
            _blocks(i18n.t(statement.status_key(), lang)),
            h2("a11y_check_heading"),
            _blocks(statement.check_text(statement.load_check(), lang)),
            _blocks(i18n.t("a11y_check_more", lang)),
            h2("a11y_gaps_heading"),
            _blocks("\n".join(statement.gap_lines(lang))),
            h2("a11y_contact_heading"),
            _blocks(statement.contact_text(lang)),
            h2("a11y_enforcement_heading"),
            _blocks(i18n.t("a11y_enforcement", lang, url=statement.OMBUDSMAN_URL)),
            h2("a11y_register_heading"),
            _blocks(i18n.t("a11y_register", lang, url=statement.REGISTER_URL)),
        ]
    )


def _nav(lang: str, interactive: str, index: str, other_page: str) -> str:
    """Return the links above a light page: the interactive page, all light pages, the other language."""
    other = "en" if lang == "nl" else "nl"
    return (
        f'<a href="{interactive}">{_e(i18n.t("light_interactive", lang))}</a>'
        f'<a href="{index}">{_e(i18n.t("light_index_link", lang))}</a>'
        f'<a href="{other_page}" hreflang="{other}" lang="{other}">'
        f"{_e(i18n.t('light_other_language', lang))}</a>"
    )


def render_page(source: _Source, page: str, gm: str, lang: str, label: str, published_at: dt.datetime) -> str:
    """Return one light page of municipality ``gm`` in ``lang`` (a stem of :data:`PAGES`)."""
    towns = source.query("municipalities").set_index("code")
    name = str(towns.loc[gm, "name"])
    other = "en" if lang == "nl" else "nl"
    stem, path, title_key = next(p for p in PAGES if p[0] == page)
    sep = _TITLE_SEP[page]
    title = i18n.t(title_key, lang, name=name) if sep is None else i18n.t(title_key, lang) + sep + name
    nav = _nav(lang, f"/{path}?gm={gm}&amp;lang={lang}", "../index.html", f"../../{other}/{gm}/{stem}.html")
    body = _banner(source, lang, label, published_at)
    safe_name = escape_markdown(name)
    if page == "overview":
        body += _overview(source, gm, safe_name, lang)
    elif page == "ambitions":
        body += _ambitions(source, gm, safe_name, lang)
    elif page == "property":
        body += _property(source, gm, safe_name, lang)
    elif page == "ecosystem":
        body += _ecosystem(source, gm, safe_name, lang)
    else:
        body += _budget(source, gm, lang)
    return _document(lang, title, nav, body)


def render_shared_page(
    source: _Source,
    page: str,
    lang: str,
    label: str,
    published_at: dt.datetime,
    snapshot: Path,
    publication_id: int | None = None,
) -> str:
    """Return one light page about all municipalities (a stem of :data:`SHARED_PAGES`) in ``lang``."""
    other = "en" if lang == "nl" else "nl"
    stem, path, title_key = next(p for p in SHARED_PAGES if p[0] == page)
    nav = _nav(lang, f"/{path}?lang={lang}", "index.html", f"../{other}/{stem}.html")
    body = _banner(source, lang, label, published_at)
    if page == "compare":
        body += _compare(source, lang)
    elif page == "method":
        body += _method(source, lang, label, published_at, publication_id)
    elif page == "accessibility":
        body = _accessibility(lang)
    else:
        body += _changelog(source, snapshot, lang, label, published_at, publication_id)
    return _document(lang, i18n.t(title_key, lang), nav, body)


def _index(source: _Source, lang: str, label: str, published_at: dt.datetime) -> str:
    towns = source.query("municipalities")
    other = "en" if lang == "nl" else "nl"
    items = []
    for code, name in zip(towns["code"], towns["name"], strict=True):
        links = " · ".join(
            f'<a href="{code}/{stem}.html">{_e(i18n.t(MENU[stem], lang))}</a>' for stem, _, _ in PAGES
        )
        items.append(f"<li><strong>{_e(name)}</strong>: {links}</li>")
    shared = "".join(
        f'<li><a href="{stem}.html">{_e(i18n.t(MENU[stem], lang))}</a></li>' for stem, _, _ in SHARED_PAGES
    )
    intro = i18n.t(
        "light_intro", lang, label=escape_markdown(label), date=i18n.fmt_date(published_at.date(), lang)
    )
    nav = (
        f'<a href="/?lang={lang}">{_e(i18n.t("light_interactive", lang))}</a>'
        f'<a href="../{other}/index.html" hreflang="{other}" lang="{other}">'
        f"{_e(i18n.t('light_other_language', lang))}</a>"
    )
    return _document(
        lang,
        i18n.t("light_index_title", lang),
        nav,
        f"<p>{_md(intro)}</p><ul>{''.join(items)}</ul><ul>{shared}</ul>",
    )


def write(snapshot: Path, target: Path, *, label: str, published_at: dt.datetime) -> list[Path]:
    """Write every light page of the publication ``snapshot`` into the folder ``target``; return the files."""
    con = db.connect(snapshot, read_only=True)
    written = []
    # The folder is named after the publication (publish/light_pages.py: light_name).
    number = re.fullmatch(r"pub-(\d+)-light", Path(target).name)
    publication_id = int(number.group(1)) if number else None
    try:
        source = _Source(con, target_history(Path(snapshot), publication_id, label, published_at, con))
        towns = source.query("municipalities")["code"]
        for lang in i18n.LANGUAGES:
            files = {target / lang / "index.html": _index(source, lang, label, published_at)}
            for gm in towns:
                for stem, _, _ in PAGES:
                    files[target / lang / gm / f"{stem}.html"] = render_page(
                        source, stem, gm, lang, label, published_at
                    )
            for stem, _, _ in SHARED_PAGES:
                files[target / lang / f"{stem}.html"] = render_shared_page(
                    source, stem, lang, label, published_at, Path(snapshot), publication_id
                )
            for path, text in files.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                written.append(path)
        (target / "index.html").write_text(
            f'<!DOCTYPE html>\n<html lang="{i18n.DEFAULT_LANGUAGE}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={i18n.DEFAULT_LANGUAGE}/index.html">'
            "<title>–</title></head>"
            f'<body><a href="{i18n.DEFAULT_LANGUAGE}/index.html">{i18n.DEFAULT_LANGUAGE}</a></body></html>\n',
            encoding="utf-8",
        )
    finally:
        con.close()
    return written


def enable() -> None:
    """Make every publication requested in this process write its light pages (the staff app calls this)."""
    light_pages.register(write)
