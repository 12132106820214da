"""What the progress report says, read from the database once and formatted as plain text.

Both renderers (:mod:`impactdash.report.html` and :mod:`impactdash.report.pdf`) lay out
the same :class:`Report`, so the HTML file and the PDF never disagree. Every string here
is *plain text*, not markup: each renderer escapes it for its own format, which covers
everything people typed (names, documents, notes) without tracking which is which.
Statuses, values and sentences come from :mod:`impactdash.measures.progress` and
:mod:`impactdash.views.ambitions`, so the report says what the ambitions page says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from impactdash import i18n
from impactdash.measures import metrics, progress
from impactdash.measures.progress import AmbitionProgress
from impactdash.report import sections as topics_mod
from impactdash.report.sections import Changes, Table, Topic
from impactdash.store import db
from impactdash.views import ambitions as view
from impactdash.views import bilingual

#: Columns of the summary table, worst status last so the eye ends on what needs attention.
SUMMARY_STATUSES = ("on_track", "at_risk", "off_track", "no_data")


@dataclass(frozen=True)
class Badge:
    """A status shown as symbol and word; renderers may add colour as a third signal."""

    status: str
    text: str


Cell = str | Badge


@dataclass(frozen=True)
class Note:
    """One public note: its number (also on the chart), what and when it is about, its text."""

    number: int
    about: str
    body: str
    #: The language of ``body`` when it is not the report's (a note with no English text).
    body_lang: str = ""


@dataclass(frozen=True)
class Section:
    """One ambition's page."""

    code: str
    name: str
    municipality: str
    kicker: str
    status: Badge
    summary: str
    facts: tuple[tuple[str, Cell], ...]
    document: str
    document_url: str | None
    #: The language of ``document`` when it is not the report's (no English title), else ''.
    document_lang: str
    item: AmbitionProgress
    note_periods: tuple[tuple[dt.date, dt.date], ...]
    chart_alt: str
    chart_table: Table
    milestones: Table
    programmes_sentence: str
    programmes: Table | None
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class Overview:
    """One municipality on the summary page: its ambitions in a table, or a sentence if none."""

    name: str
    heading: str
    table: Table | None
    empty_text: str


@dataclass(frozen=True)
class Report:
    """Everything the report shows, in the report's language."""

    lang: str
    title: str
    label: str
    published: str
    figures_as_of: str
    municipalities: tuple[str, ...]
    demo_notice: str | None
    summary: Table
    method: str
    overviews: tuple[Overview, ...]
    sections: tuple[Section, ...]
    approved: str = ""
    reporting_date: str = ""
    key_figures: Table | None = None
    changes: Changes | None = None
    topics: tuple[Topic, ...] = ()
    definitions: Table | None = None
    documents: tuple[tuple[str, str | None], ...] = ()
    #: Where the names of the Iv3 task fields and the SDGs come from (the annex).
    classification_sources: tuple[str, ...] = ()


#: Told how far the report has come (0 to 1) and what it does now; for a progress bar.
Progress = Callable[[float, str], None]


def silent(_done: float, _what: str) -> None:
    """Ignore progress: the callback when nobody watches."""


def _day(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _badge(status: str, lang: str) -> Badge:
    return Badge(status, view.status_text(status, lang))


def _value_on(value: float | None, on: dt.date | None, unit: str, lang: str) -> str:
    if value is None or on is None:
        return "–"
    value_text = view.value_text(value, unit, lang)
    return i18n.t("report_value_on", lang, value=value_text, date=i18n.fmt_date(on, lang))


def _table(frame: pd.DataFrame, numeric: tuple[int, ...] = ()) -> Table:
    # ⏳ is missing from most PDF fonts; the word after it says "not due yet" on its own.
    rows = tuple(
        tuple(str(v).replace("⏳" + i18n.NBSP, "") for v in row) for row in frame.itertuples(index=False)
    )
    return Table(tuple(frame.columns), rows, numeric)


def _summary_table(groups: list[tuple[str, list[AmbitionProgress]]], lang: str) -> Table:
    header = (
        i18n.t("municipality", lang),
        *(view.status_text(s, lang) for s in SUMMARY_STATUSES),
        i18n.t("report_col_total", lang),
    )
    rows = []
    for name, items in groups:
        counts = progress.status_counts(items)
        rows.append((name, *(str(counts[s]) for s in SUMMARY_STATUSES), str(len(items))))
    return Table(header, tuple(rows), numeric=tuple(range(1, len(header))))


def _overview_table(items: list[AmbitionProgress], lang: str) -> Table:
    rows = []
    for item in items:
        a = item.assessment
        rows.append(
            (
                item.name(lang),
                _badge(a.status.value, lang),
                view.value_and_date(
                    a.latest.value if a.latest else None, a.latest.date if a.latest else None, item.unit, lang
                ),
                view.value_text(a.expected, item.unit, lang),
                view.value_and_date(item.ambition.target.value, item.ambition.target.date, item.unit, lang),
                view.projection_short(item, lang),
            )
        )
    keys = ("measure", "status", "latest", "expected", "target", "projection")
    return Table(tuple(i18n.t(f"amb_col_{k}", lang) for k in keys), tuple(rows), numeric=(2, 3, 4))


def _measure_text(item: AmbitionProgress, definition: str | None, lang: str) -> str:
    parts = [
        f"{item.name(lang)} ({i18n.t(f'amb_unit_{item.unit}', lang)})",
        i18n.t(f"report_direction_{item.ambition.direction.value}", lang),
    ]
    if item.ambition.cumulative:
        parts.append(i18n.t("report_cumulative", lang))
    text = "; ".join(parts)
    return f"{text}. {definition}" if definition else text


def _projection_fact(item: AmbitionProgress, lang: str) -> str:
    a = item.assessment
    text = view.projection_text(item, lang)
    target = item.ambition.target
    if (
        a.projected_value is not None
        and a.pace is not metrics.Pace.MET
        and a.latest
        and target.date > a.latest.date
    ):
        return i18n.t(
            "report_projection_value",
            lang,
            text=text,
            date=i18n.fmt_date(target.date, lang),
            value=view.value_text(a.projected_value, item.unit, lang),
        )
    return text


def _facts(item: AmbitionProgress, definition: str | None, lang: str) -> tuple[tuple[str, Cell], ...]:
    amb, a, unit = item.ambition, item.assessment, item.unit
    latest = a.latest
    return (
        (i18n.t("report_fact_status", lang), _badge(a.status.value, lang)),
        (i18n.t("report_fact_measure", lang), _measure_text(item, definition, lang)),
        (i18n.t("report_fact_baseline", lang), _value_on(amb.baseline.value, amb.baseline.date, unit, lang)),
        (i18n.t("report_fact_target", lang), _value_on(amb.target.value, amb.target.date, unit, lang)),
        (
            i18n.t("report_fact_latest", lang),
            _value_on(latest.value if latest else None, latest.date if latest else None, unit, lang),
        ),
        # One expected value (the path on the latest value's date), the one the status uses.
        (i18n.t("report_fact_expected", lang), view.value_text(a.expected, unit, lang)),
        (i18n.t("report_fact_projection", lang), _projection_fact(item, lang)),
        (i18n.t("report_fact_reason", lang), view.status_reason(item, lang)),
    )


def _notes(notes: pd.DataFrame, programme_names: dict[str, str], lang: str) -> tuple[Note, ...]:
    result = []
    for number, row in enumerate(notes.itertuples(index=False), start=1):
        if row.subject_kind == "programme":
            name = programme_names.get(row.subject_code, row.subject_code)
            about = i18n.t("amb_note_programme", lang, name=name)
        else:
            about = i18n.t(f"amb_note_{row.subject_kind}", lang)
        period = i18n.t(
            "amb_note_period",
            lang,
            start=i18n.fmt_date(_day(row.period_start), lang),
            end=i18n.fmt_date(_day(row.period_end), lang),
        )
        about = i18n.t("report_note_about", lang, about=about, period=period)
        body, body_lang = bilingual.pick(row.body, getattr(row, "body_en", None), lang)
        result.append(Note(number, about, str(body), "" if body_lang == lang else body_lang))
    return tuple(result)


def _lead(row, lang: str) -> str:
    if row.lead == "partner" and isinstance(row.partner_name, str):
        return i18n.t("amb_lead_partner", lang, name=row.partner_name)
    return i18n.t("amb_lead_municipality", lang)


def _programmes_table(programmes: pd.DataFrame, as_of: dt.date, lang: str) -> Table | None:
    if programmes.empty:
        return None
    # No instrument column: on paper the lead (municipality or which partner) says more.
    header = (
        i18n.t("amb_col_programme", lang),
        i18n.t("amb_col_lead", lang),
        i18n.t("amb_col_budget_total", lang, year=as_of.year),
        i18n.t("amb_col_spend_total", lang, date=i18n.table_date(as_of, lang)),
    )
    rows = tuple(
        (
            str(row.programme_name),
            _lead(row, lang),
            i18n.fmt_eur(row.budget_total, lang),
            i18n.fmt_eur(row.spend_total, lang),
        )
        for row in programmes.itertuples(index=False)
    )
    return Table(header, rows, numeric=(2, 3))


@dataclass(frozen=True)
class _Sources:
    """The rows one municipality's sections are built from (read once per municipality)."""

    name: str
    ambitions: pd.DataFrame
    notes: pd.DataFrame
    programmes: pd.DataFrame
    definitions: dict[str, str]
    as_of: dt.date


def _section(item: AmbitionProgress, index: int, count: int, src: _Sources, lang: str) -> Section:
    notes = src.notes[src.notes["ambition_code"] == item.code]
    programmes = src.programmes[src.programmes["ambition_code"] == item.code]
    names = dict(zip(programmes["programme_code"], programmes["programme_name"], strict=True))
    summary = view.summary_sentence(item, lang)
    record = src.ambitions.set_index("code").loc[item.code]
    document, document_lang = bilingual.pick(item.document, record.get("document_en"), lang)
    return Section(
        code=item.code,
        name=item.name(lang),
        municipality=src.name,
        kicker=i18n.t("report_page_kicker", lang, name=src.name, i=index, n=count),
        status=_badge(item.assessment.status.value, lang),
        summary=summary,
        facts=_facts(item, src.definitions.get(item.metric_code), lang),
        document=str(document),
        document_url=view.safe_url(record["document_url"]),
        document_lang="" if document_lang == lang else document_lang,
        item=item,
        note_periods=tuple(view.chart_notes(notes)),
        chart_alt=i18n.t("report_chart_alt", lang, name=item.name(lang), summary=summary),
        chart_table=_table(view.chart_frame(item, lang), numeric=(2, 3, 4)),
        milestones=_table(view.milestones_frame(item, lang), numeric=(2, 3)),
        programmes_sentence=view.programmes_sentence(programmes, src.as_of, lang),
        programmes=_programmes_table(programmes, src.as_of, lang),
        notes=_notes(notes, names, lang),
    )


def _chosen(towns: pd.DataFrame, municipalities: list[str] | None) -> pd.DataFrame:
    """Keep the requested municipalities in the database's order; an unknown code is an error."""
    if municipalities is None:
        return towns
    unknown = sorted(set(municipalities) - set(towns["code"]))
    if unknown:
        raise ValueError(f"unknown municipality codes: {', '.join(unknown)}")
    return towns[towns["code"].isin(municipalities)]


def build(
    con,
    lang: str,
    *,
    label: str,
    published_at: dt.datetime,
    municipalities: list[str] | None = None,
    previous=None,
    previous_label: str | None = None,
    approval_note: str | None = None,
    progress_to: Progress | None = None,
) -> Report:
    """Read and assess the ambitions of ``municipalities`` (all if None) and word the report in ``lang``.

    ``previous`` is a connection to the publication before this one (None for the first):
    the summary says what changed since. ``progress_to`` is told how far the reading has
    come (up to 0.4; the renderers draw the charts after it). Raises ``ValueError`` for a
    municipality code that is not in the database.
    """
    tell = progress_to or silent
    tell(0.0, "read")
    info = db.run_query(con, "dataset_info").iloc[0]
    # Without a reporting period (a new, empty file) the publication moment is the best "today".
    as_of = _day(info["reporting_date"]) or published_at.date()
    towns = _chosen(db.run_query(con, "municipalities"), municipalities)
    catalogue = db.run_query(con, "metric_catalogue")
    definitions = {
        code: text
        for code, text in zip(catalogue["code"], catalogue[f"definition_{lang}"], strict=True)
        if isinstance(text, str)
    }
    groups, sections = [], []
    for number, (code, name) in enumerate(zip(towns["code"], towns["name"], strict=True)):
        tell(0.05 + 0.15 * number / max(len(towns), 1), "ambitions")
        items = view.sort_items(progress.for_municipality(con, code), "status", lang)
        groups.append((name, items))
        src = _Sources(
            name=name,
            ambitions=db.run_query(con, "ambitions", municipality=code),
            notes=db.run_query(con, "ambitions_notes", municipality=code),
            programmes=db.run_query(con, "ambitions_programmes", municipality=code),
            definitions=definitions,
            as_of=as_of,
        )
        sections += [_section(item, i, len(items), src, lang) for i, item in enumerate(items, start=1)]
    tell(0.2, "sections")
    topic_list = topics_mod.topics(con, towns, lang)
    tell(0.3, "changes")
    key = topics_mod.key_figures(con, towns, lang)
    changed = topics_mod.changes_since(previous, con, previous_label, lang)
    documents = {s.document: s.document_url for s in sections}
    tell(0.4, "layout")
    demo_names = [n for n, demo in zip(towns["name"], towns["is_demo"], strict=True) if demo]
    return Report(
        lang=lang,
        title=i18n.t("report_title", lang),
        label=label,
        published=i18n.t("report_published_on", lang, date=i18n.fmt_date(published_at, lang)),
        approved=i18n.t("report_approved", lang, date=i18n.fmt_date(published_at, lang))
        + (f" {i18n.t('report_approval_note', lang, note=approval_note)}" if approval_note else ""),
        reporting_date=topics_mod.reporting_date_text(as_of, lang),
        key_figures=key,
        changes=changed,
        topics=topic_list,
        definitions=topics_mod.definitions(con, lang),
        classification_sources=topics_mod.classification_sources(lang),
        documents=tuple(documents.items()),
        figures_as_of=i18n.t("figures_as_of", lang, date=i18n.fmt_date(as_of, lang)),
        municipalities=tuple(towns["name"]),
        demo_notice=i18n.t("report_demo", lang, names=", ".join(demo_names))
        if bool(info["is_demo"]) and demo_names
        else None,
        summary=_summary_table(groups, lang),
        method=view.list_caption(lang),
        overviews=tuple(
            Overview(
                name=name,
                heading=i18n.t("amb_title", lang, name=name),
                table=_overview_table(items, lang) if items else None,
                empty_text=i18n.t("no_ambitions", lang, name=name),
            )
            for name, items in groups
        ),
        sections=tuple(sections),
    )
