"""Light pages: a static HTML version of the public pages of a publication, in both languages.

Written beside the publication when it is requested (``publish/light_pages.py`` calls
:func:`write` through its hook) and served by the load balancer as files, so a visitor on a
phone or a news-day crowd costs no Python. Each page holds the same title, banner, sentences,
key figures, notes and data tables as its interactive page in its default state (latest
year, every instrument; every ambition in detail), no script, and links to the interactive
page and back. The budget's per-year chart is inline SVG with its sentence as alt text;
the other charts are shown as their data tables (SVG for them is still to come). The
sentences and tables come from ``views/``, the figures from the same named queries on the
publication's snapshot, so they cannot differ.

Pages so far: the overview, budget and ambitions pages of every municipality, and an index.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pandas as pd

from impactdash import i18n
from impactdash.measures import metrics, progress
from impactdash.publish import light_pages
from impactdash.report.html import _CSP, _CSS
from impactdash.safe_text import escape_markdown
from impactdash.store import db
from impactdash.views import ambitions as ambitions_view
from impactdash.views import budget as bv

#: The pages written per municipality: (file stem, url path of the interactive page, title key).
PAGES = (
    ("overview", "overview", "app_title"),
    ("budget", "budget", "page_budget"),
    ("ambitions", "ambitions", "amb_title"),
)
#: Each page's name in the index's links (the menu's words).
MENU = {"overview": "page_overview", "budget": "page_budget", "ambitions": "page_ambitions"}
_EXTRA_CSS = """
nav.light { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .95rem; margin-bottom: 1rem; }
.banner { color: #5A5A66; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .8rem; }
.figure { border: 1px solid #DDDDE3; border-radius: .4rem; padding: .6rem .8rem; }
.figure .value { font-size: 1.5rem; font-weight: 600; }
.card { border: 1px solid #DDDDE3; border-radius: .4rem; padding: .6rem .8rem; margin: .5rem 0; }
svg text { font: 12px sans-serif; fill: #262730; }
.scroll { overflow-x: auto; }
"""
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ESCAPED = re.compile(r"\\(.)")
_STATUS_WORD = re.compile(r":\w+\[:material/[a-z_]+: \*\*(.+?)\*\*\]")


def _md(text: object) -> str:
    """Return a page sentence (Streamlit markdown) as HTML: escaped, bold kept, escapes undone."""
    plain = _STATUS_WORD.sub(r"\1", str(text))
    escaped = html.escape(plain, quote=True)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
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


def _chart_section(title: str, sentence: str, svg: str | None, table: pd.DataFrame, lang: str) -> str:
    table_html = (
        f"<details><summary>{_e(i18n.t('light_chart_data', lang))}</summary>{_table(table)}</details>"
        if not table.empty
        else ""
    )
    return f"<h2>{_e(title)}</h2><p>{_md(sentence)}</p>{f'<figure>{svg}</figure>' if svg else ''}{table_html}"


class _Source:
    """The publication's figures, as the pages ask for them: named queries on its snapshot."""

    def __init__(self, con) -> None:
        self.con = con

    def query(self, name: str, **params) -> pd.DataFrame:
        return db.run_query(self.con, name, **params)


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


def overview_figures(source: _Source, gm: str, lang: str) -> dict[str, str]:
    """Return the overview's key figures as the interactive page shows them (label → value text)."""
    info = source.query("dataset_info").iloc[0]
    year = info["reporting_date"].year if info["reporting_date"] is not None else dt.date.today().year
    money = source.query("budget_spend_year", municipality=gm, year=year).iloc[0]
    figures = {i18n.t("spend_this_year", lang, year=year): i18n.fmt_eur(money["spend"], lang, compact=True)}
    values = source.query("metric_values", municipality=gm)
    catalogue = source.query("metric_catalogue").set_index("code")
    latest_values = progress.latest_values(values)
    for code in ("impact_floor_m2", "impact_enterprises", "leverage_ratio"):
        latest = latest_values.get(code)
        unit = catalogue.loc[code, "unit"]
        figures[str(catalogue.loc[code, f"name_{lang}"])] = i18n.fmt_value(
            latest[1] if latest else None, unit, lang
        )
    return figures


def _budget_caption(source: _Source, gm: str, lang: str) -> str:
    """Return the caption under this year's spend: "of € 6,3 mln. budgeted (58%)", as the page says."""
    info = source.query("dataset_info").iloc[0]
    year = info["reporting_date"].year if info["reporting_date"] is not None else dt.date.today().year
    money = source.query("budget_spend_year", municipality=gm, year=year).iloc[0]
    if money["budget"] and money["spend"] == money["spend"]:
        return i18n.t(
            "of_budget",
            lang,
            budget=i18n.fmt_eur(money["budget"], lang, compact=True),
            pct=i18n.fmt_pct(100 * money["spend"] / money["budget"], lang),
        )
    return i18n.t("no_budget", lang)


def _overview(source: _Source, gm: str, name: str, lang: str) -> str:
    items = progress.for_municipality(source.con, gm)
    counts = progress.status_counts(items)
    start = source.query("municipalities").set_index("code").loc[gm, "pillar_start"]
    story = ambitions_view.story_sentence(name, start, items, counts, lang)
    # The first key figure (this year's spend) has the budget under it, as on the page.
    key_figures = list(overview_figures(source, gm, lang).items())
    captions = [_budget_caption(source, gm, lang)] + [""] * (len(key_figures) - 1)
    figures = "".join(
        f'<div class="figure"><div>{_e(k)}</div><div class="value">{_e(v)}</div>'
        + (f"<div>{_e(caption)}</div>" if caption else "")
        + "</div>"
        for (k, v), caption in zip(key_figures, captions, strict=True)
    )
    cards = []
    for item in progress.headline(items):
        a = item.assessment
        latest = (
            f"{i18n.fmt_value(a.latest.value, item.unit, lang)} ({i18n.fmt_date(a.latest.date, lang)})"
            if a.latest
            else "–"
        )
        target = i18n.fmt_value(item.ambition.target.value, item.unit, lang)
        facts = f"{i18n.t('latest', lang)}: {latest} · {i18n.t('target', lang)}: {target} " + i18n.t(
            "by_date", lang, date=i18n.fmt_date(item.ambition.target.date, lang)
        )
        status = ambitions_view.status_text(a.status.value, lang)
        cards.append(
            f'<div class="card"><strong>{_e(item.name(lang))}</strong>'
            f"<p><strong>{_e(status)}</strong></p><p>{_e(facts)}</p></div>"
        )
    return (
        f"<p>{_md(story)}</p><h2>{_e(i18n.t('key_figures', lang))}</h2>"
        f'<div class="figures">{figures}</div>'
        f"<h2>{_e(i18n.t('headline_ambitions', lang))}</h2>{''.join(cards)}"
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
        _chart_section(
            i18n.t("budget_per_year_title", lang), sentence, svg, bv.per_year_table(per_year, lang), lang
        )
    ]
    incomplete = bv.partial_note(per_year, lang)
    if incomplete:
        sections.append(f"<p>{_md(incomplete)}</p>")
    breakdown = bv.breakdown_frame(
        source.query("budget_by_instrument", municipality=gm, year=year), "instrument", lang
    )
    sections.append(
        _chart_section(
            i18n.t("budget_by_instrument_title", lang, year=year),
            bv.breakdown_sentence(breakdown, year, "instrument", lang),
            None,
            bv.breakdown_table(breakdown, i18n.t("budget_instrument", lang), lang),
            lang,
        )
    )
    pillar = source.query("budget_leverage", municipality=gm)
    sections.append(
        _chart_section(
            i18n.t("budget_leverage_title", lang),
            bv.leverage_sentence(pillar, lang),
            None,
            bv.leverage_table(
                pillar,
                lang,
                None,
                bv.instrument_label(source.query("budget_instruments", municipality=gm), bv.ALL, lang),
            ),
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


def _ambitions(source: _Source, gm: str, name: str, lang: str) -> str:
    """Return the ambitions page: the list in its default order, then every ambition in detail."""
    as_of = source.query("dataset_info").iloc[0]["reporting_date"]
    as_of = as_of.date() if hasattr(as_of, "date") else as_of
    items = progress.for_municipality(source.con, gm)
    if not items:
        return f"<p>{_md(i18n.t('no_ambitions', lang, name=name))}</p>"
    ordered = ambitions_view.sort_items(items, next(iter(ambitions_view.SORT_OPTIONS)), lang)
    caption = i18n.t(
        "amb_list_caption",
        lang,
        on=i18n.fmt_number(100 * metrics.ON_TRACK_MAX_GAP, lang),
        risk=i18n.fmt_number(100 * metrics.AT_RISK_MAX_GAP, lang),
        window=metrics.PROJECTION_WINDOW,
    )
    parts = [
        f"<p>{_md(ambitions_view.intro_sentence(items, name, as_of, lang))}</p>",
        f"<h2>{_e(i18n.t('amb_list_heading', lang))}</h2>",
        _table(ambitions_view.overview_frame(ordered, lang)),
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
            f"<details><summary>{_e(i18n.t('light_chart_data', lang))}</summary>"
            f"{_table(ambitions_view.chart_frame(item, lang))}</details>",
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


def _document(lang: str, title: str, nav: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}{_EXTRA_CSS}</style></head>"
        f'<body><nav class="light">{nav}</nav><main><h1>{_e(title)}</h1>{body}</main></body></html>\n'
    )


def render_page(source: _Source, page: str, gm: str, lang: str, label: str, published_at: dt.datetime) -> str:
    """Return one light page (``overview`` or ``budget``) of municipality ``gm`` in ``lang``."""
    towns = source.query("municipalities").set_index("code")
    name = str(towns.loc[gm, "name"])
    other = "en" if lang == "nl" else "nl"
    stem, path, title_key = next(p for p in PAGES if p[0] == page)
    if page == "ambitions":
        title = i18n.t(title_key, lang, name=name)
    else:
        title = i18n.t(title_key, lang) + (" " if page == "overview" else " – ") + name
    nav = (
        f'<a href="/{path}?gm={gm}&amp;lang={lang}">{_e(i18n.t("light_interactive", lang))}</a>'
        f'<a href="../index.html">{_e(i18n.t("light_index_link", lang))}</a>'
        f'<a href="../../{other}/{gm}/{stem}.html" hreflang="{other}" lang="{other}">'
        f"{_e(i18n.t('light_other_language', lang))}</a>"
    )
    body = _banner(source, lang, label, published_at)
    if page == "overview":
        body += _overview(source, gm, escape_markdown(name), lang)
    elif page == "ambitions":
        body += _ambitions(source, gm, escape_markdown(name), lang)
    else:
        body += _budget(source, gm, lang)
    return _document(lang, title, nav, body)


def _index(source: _Source, lang: str, label: str, published_at: dt.datetime) -> str:
    towns = source.query("municipalities")
    other = "en" if lang == "nl" else "nl"
    items = []
    for code, name in zip(towns["code"], towns["name"], strict=True):
        links = " · ".join(
            f'<a href="{code}/{stem}.html">{_e(i18n.t(MENU[stem], lang))}</a>' for stem, _, _ in PAGES
        )
        items.append(f"<li><strong>{_e(name)}</strong>: {links}</li>")
    intro = i18n.t(
        "light_intro", lang, label=escape_markdown(label), date=i18n.fmt_date(published_at.date(), lang)
    )
    nav = (
        f'<a href="/?lang={lang}">{_e(i18n.t("light_interactive", lang))}</a>'
        f'<a href="../{other}/index.html" hreflang="{other}" lang="{other}">'
        f"{_e(i18n.t('light_other_language', lang))}</a>"
    )
    return _document(
        lang, i18n.t("light_index_title", lang), nav, f"<p>{_md(intro)}</p><ul>{''.join(items)}</ul>"
    )


def write(snapshot: Path, target: Path, *, label: str, published_at: dt.datetime) -> list[Path]:
    """Write every light page of the publication ``snapshot`` into the folder ``target``; return the files."""
    con = db.connect(snapshot, read_only=True)
    written = []
    try:
        source = _Source(con)
        towns = source.query("municipalities")["code"]
        for lang in i18n.LANGUAGES:
            files = {target / lang / "index.html": _index(source, lang, label, published_at)}
            for gm in towns:
                for stem, _, _ in PAGES:
                    files[target / lang / gm / f"{stem}.html"] = render_page(
                        source, stem, gm, lang, label, published_at
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
