"""What the ambitions page says and shows, computed without Streamlit.

Sorting and filtering the list of ambitions, the sentences written from the data, and the
tables with display column names in the page language and formatted values. The page
only arranges what this module returns, so everything here is unit-tested.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

import pandas as pd

from impactdash import i18n
from impactdash.measures import metrics
from impactdash.measures.progress import AmbitionProgress
from impactdash.safe_text import escape_markdown  # noqa: F401 (re-exported for the page)
from impactdash.views import bilingual


def story_sentence(name: str, start: object, items: list, counts: dict[str, int], lang: str) -> str:
    """Return the overview's opening sentence: since when, how many ambitions, how many on track.

    ``start`` is the pillar's start date (or None); ``counts`` from ``progress.status_counts``.
    One sentence for the overview page and its light version. Counts agree with their
    nouns and verbs (Babel's plural rules, ``i18n.plural``).
    """
    if not items:
        return i18n.t("no_ambitions", lang, name=name)
    return i18n.t(
        "story",
        lang,
        name=name,
        start=start.year if start is not None and not pd.isna(start) else "–",
        ambitions=i18n.plural("count_ambitions", len(items), lang),
        **i18n.status_clauses(counts, lang),
    )


#: Worst first: the default order of the list.
STATUS_ORDER = ("off_track", "at_risk", "on_track", "no_data")
#: The ways the list can be sorted, each with its text key.
SORT_OPTIONS = {
    "status": "amb_sort_status",
    "status_best": "amb_sort_status_best",
    "name": "amb_sort_name",
    "target_date": "amb_sort_target",
}
# Enough to stop emphasis, links, images, code, HTML, tables, lists and Streamlit's $-maths.


def safe_url(url: object) -> str | None:
    """Return ``url`` if it is a plain http(s) address that can be linked to, else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if re.fullmatch(r"https?://[^\s()<>\[\]]+", url):
        return url
    return None


def value_text(value: float | None, unit: str, lang: str) -> str:
    """Format a measure's value by its unit; small fte counts keep one decimal (1,8 fte, not 2 fte)."""
    if unit == "fte" and value is not None and not pd.isna(value) and abs(value) < 100:
        return f"{i18n.fmt_number(value, lang, 1)}{i18n.NBSP}fte"
    return i18n.fmt_value(value, unit, lang)


def status_text(status: str, lang: str) -> str:
    """Return a status as icon and word, e.g. '⛔ Achter op koers'."""
    return f"{i18n.STATUS_ICON[status]} {i18n.status_label(status, lang)}"


#: The projection's wording, one entry per case in two lengths: the sentence (the ambition's
#: page, the report) and the few words of the list and the scorecard. The cases are decided
#: once (:func:`projection_case`), so the lengths cannot say different things.
PROJECTION_WORDING = {
    "missed": ("target_missed", "amb_proj_missed"),
    "met": ("already_met", "amb_proj_met"),
    "little": ("too_little_data", "amb_proj_little"),
    "not": ("not_at_this_pace", "amb_proj_not"),
    "around": ("reached_on", "amb_proj_around"),
    "late": ("reached_late", "amb_proj_late"),
}


def list_caption(lang: str) -> str:
    """Return what the list's status words mean: the thresholds of the gap and the projection window.

    Said under the list on the ambitions page, its light version and the report's method.
    """
    return i18n.t(
        "amb_list_caption",
        lang,
        on=i18n.fmt_number(100 * metrics.ON_TRACK_MAX_GAP, lang),
        risk=i18n.fmt_number(100 * metrics.AT_RISK_MAX_GAP, lang),
        window=metrics.PROJECTION_WINDOW,
    )


def projection_case(item: AmbitionProgress) -> str:
    """Return where the trend leads, as a key of :data:`PROJECTION_WORDING`.

    The target date passed unmet, already met, too little data, not reached at this pace,
    reached around a date in time or late.
    """
    a = item.assessment
    if a.reason is metrics.Reason.MISSED:
        return "missed"
    if a.pace is metrics.Pace.MET:
        return "met"
    if a.pace is metrics.Pace.UNKNOWN:
        return "little"
    if a.pace is metrics.Pace.SHORT:
        return "not"
    return "around" if a.pace is metrics.Pace.ON_TIME else "late"


def projection_wording(item: AmbitionProgress, lang: str, short: bool = False) -> str:
    """Say where the trend leads, as a sentence or (``short``) in a few words for a list.

    A date is written in full in the sentence and as in tables in the short form, where a
    column must not split "31-12-" and "2028" over two lines.
    """
    case = projection_case(item)
    key = PROJECTION_WORDING[case][1 if short else 0]
    if case not in ("around", "late"):
        return i18n.t(key, lang)
    reached = item.assessment.projected_date
    return i18n.t(key, lang, date=i18n.table_date(reached, lang) if short else i18n.fmt_date(reached, lang))


def projection_text(item: AmbitionProgress, lang: str) -> str:
    """Say where the trend leads: met, reached around a date (in time or late), not at this pace, no data."""
    return projection_wording(item, lang)


def projection_short(item: AmbitionProgress, lang: str) -> str:
    """Say in a few words, for the list, when the target is reached at this pace (under its header)."""
    return projection_wording(item, lang, short=True)


def _position_phrase(item: AmbitionProgress, lang: str) -> str:
    """'ahead of / on / behind the trajectory', towards the next milestone when one is due first."""
    a = item.assessment
    if a.position is not metrics.Status.ON_TRACK:
        key = "why_pos_behind"
    else:
        key = "why_pos_ahead" if (a.gap or 0.0) < 0 else "why_pos_on"
    text = i18n.t(key, lang)
    nxt = a.next_anchor
    if nxt is not None and nxt.date < item.ambition.target.date:
        text += i18n.t(
            "why_to_milestone",
            lang,
            value=value_text(nxt.value, item.unit, lang),
            date=i18n.table_date(nxt.date, lang),
        )
    return text


def _pace_phrase(item: AmbitionProgress, lang: str) -> str:
    # Dates as in tables (i18n.table_date): a sentence must not split "31-12-" and "2028" over two lines.
    a = item.assessment
    return i18n.t(
        f"why_pace_{a.pace.value}",
        lang,
        window=metrics.PROJECTION_WINDOW,
        target=value_text(item.ambition.target.value, item.unit, lang),
        target_date=i18n.table_date(item.ambition.target.date, lang),
        reached=i18n.table_date(a.projected_date, lang),
        projected=value_text(a.projected_value, item.unit, lang),
    )


def status_reason(item: AmbitionProgress, lang: str, capital: bool = True) -> str:
    """Say in one sentence why the ambition has its status: its place on the path and where the pace leads.

    Every page that shows a status beside a projection shows this sentence with it, so "on
    track" and "not at this pace" never stand side by side unexplained (see
    :func:`impactdash.measures.metrics.assess`, the one rule).
    """
    a = item.assessment
    target = value_text(item.ambition.target.value, item.unit, lang)
    target_date = i18n.table_date(item.ambition.target.date, lang)
    reason = a.reason
    if reason in (metrics.Reason.NO_DATA, metrics.Reason.MET, metrics.Reason.MISSED):
        text = i18n.t(f"why_{reason.value}", lang, target=target, target_date=target_date)
    else:
        joiner = {
            metrics.Reason.ON_COURSE: "why_and",
            metrics.Reason.BEHIND: "why_and",
            metrics.Reason.PACE_SHORT: "why_but",
            metrics.Reason.CATCHING_UP: "why_but",
        }.get(reason, "why_unknown")
        if reason is metrics.Reason.BEHIND and a.pace is metrics.Pace.UNKNOWN:
            joiner = "why_unknown"
        text = i18n.t(joiner, lang, position=_position_phrase(item, lang), pace=_pace_phrase(item, lang))
    return text[:1].upper() + text[1:] if capital else text[:1].lower() + text[1:]


def status_line(item: AmbitionProgress, lang: str) -> str:
    """Markdown for a detail page: '**Status:** ⚠ At risk. Ahead of the trajectory, but at the pace …'."""
    return i18n.t(
        "amb_status_line",
        lang,
        status=status_text(item.assessment.status.value, lang),
        reason=status_reason(item, lang),
    )


def status_verdict(item: AmbitionProgress, lang: str) -> str:
    """Plain text for a sentence elsewhere: '⚠ At risk: ahead of the trajectory, but at the pace …'."""
    return f"{status_text(item.assessment.status.value, lang)}: {status_reason(item, lang, capital=False)}"


def _gap(item: AmbitionProgress) -> float:
    gap = item.assessment.gap
    return 0.0 if gap is None else gap


def sort_items(items: list[AmbitionProgress], order: str, lang: str) -> list[AmbitionProgress]:
    """Sort ambitions by status (worst or best first, largest gap first within a status), name or date."""
    if order == "status":
        return sorted(items, key=lambda i: (STATUS_ORDER.index(i.assessment.status.value), -_gap(i)))
    if order == "status_best":
        best_first = ("on_track", "at_risk", "off_track", "no_data")
        return sorted(items, key=lambda i: (best_first.index(i.assessment.status.value), _gap(i)))
    if order == "name":
        return sorted(items, key=lambda i: (i.name(lang).casefold(), i.ambition.target.date))
    if order == "target_date":
        return sorted(items, key=lambda i: (i.ambition.target.date, i.name(lang).casefold()))
    raise ValueError(f"unknown sort order {order!r}")


def filter_items(items: list[AmbitionProgress], statuses: list[str] | None) -> list[AmbitionProgress]:
    """Keep the ambitions whose status is one of ``statuses``."""
    wanted = set(statuses or ())
    return [item for item in items if item.assessment.status.value in wanted]


def present_statuses(items: list[AmbitionProgress]) -> list[str]:
    """Return the statuses that occur among ``items``, worst first."""
    found = {item.assessment.status.value for item in items}
    return [s for s in STATUS_ORDER if s in found]


def intro_sentence(items: list[AmbitionProgress], name: str, as_of: dt.date | None, lang: str) -> str:
    """Say how many ambitions there are and how many are on track, at risk and off track."""
    counts = {s: 0 for s in STATUS_ORDER}
    for item in items:
        counts[item.assessment.status.value] += 1
    text = i18n.t(
        "amb_intro",
        lang,
        name=name,
        ambitions=i18n.plural("count_ambitions", len(items), lang),
        date=i18n.fmt_date(as_of, lang),
        on=counts["on_track"],
        risk=counts["at_risk"],
        off=counts["off_track"],
    )
    if counts["no_data"]:
        text += i18n.plural("amb_intro_no_data", counts["no_data"], lang)
    return text


def option_label(item: AmbitionProgress, lang: str) -> str:
    """Label of an ambition in the picker: status icon, measure and target year."""
    return i18n.t(
        "amb_option",
        lang,
        icon=i18n.STATUS_ICON[item.assessment.status.value],
        name=item.name(lang),
        year=item.ambition.target.date.year,
    )


def value_and_date(value: float | None, on: dt.date | None, unit: str, lang: str) -> str:
    """Format a value with its date in brackets for a table cell: '6.290 fte (31-12-2025)', else '–'."""
    if value is None or on is None:
        return "–"
    return f"{value_text(value, unit, lang)} ({i18n.table_date(on, lang)})"


def overview_frame(
    items: list[AmbitionProgress], lang: str, moved: Collection[str] = frozenset()
) -> pd.DataFrame:
    """Return the list of ambitions as a display table (column names in ``lang``, values formatted).

    The latest value and the target carry their date in brackets, which keeps the table narrow
    enough for a phone; text from the database is escaped (table cells are Markdown). A target
    changed after it was set (its ambition's code in ``moved``) is marked ✎.
    """
    rows = []
    for item in items:
        a = item.assessment
        latest = a.latest
        rows.append(
            [
                escape_markdown(item.name(lang)),
                status_text(a.status.value, lang).replace(" ", i18n.NBSP),
                value_and_date(
                    latest.value if latest else None, latest.date if latest else None, item.unit, lang
                ),
                value_text(a.expected, item.unit, lang),
                value_and_date(item.ambition.target.value, item.ambition.target.date, item.unit, lang)
                + (f"{i18n.NBSP}✎" if item.code in moved else ""),
                projection_short(item, lang),
            ]
        )
    keys = ("measure", "status", "latest", "expected", "target", "projection")
    return pd.DataFrame(rows, columns=[i18n.t(f"amb_col_{k}", lang) for k in keys])


def when_text(on: dt.date, lang: str) -> str:
    """Name a date the way people say it: 'Eind 2025' for a year end, else 'Op 30-09-2026'."""
    if (on.month, on.day) == (12, 31):
        return i18n.t("amb_when_year_end", lang, year=on.year)
    return i18n.t("amb_when_date", lang, date=i18n.fmt_date(on, lang))


def summary_sentence(item: AmbitionProgress, lang: str) -> str:
    """One sentence under the chart: latest value against the trajectory, the target, and the pace."""
    a = item.assessment
    target = value_text(item.ambition.target.value, item.unit, lang)
    target_date = i18n.fmt_date(item.ambition.target.date, lang)
    if a.latest is None:
        return i18n.t("amb_summary_no_data", lang, target=target, date=target_date)
    cumulative = (
        i18n.t("amb_cumulative", lang, date=i18n.fmt_date(item.ambition.baseline.date, lang))
        if item.ambition.cumulative
        else ""
    )
    text = i18n.t(
        "amb_summary",
        lang,
        when=when_text(a.latest.date, lang),
        latest=value_text(a.latest.value, item.unit, lang),
        cumulative=cumulative,
        expected=value_text(a.expected, item.unit, lang),
        target=target,
        date=target_date,
    )
    if (
        a.projected_value is not None
        and a.pace is not metrics.Pace.MET
        and a.reason is not metrics.Reason.MISSED
    ):
        text += i18n.t(
            "amb_projection_value",
            lang,
            date=target_date,
            value=value_text(a.projected_value, item.unit, lang),
        )
    return text


def _value_on(series: list[metrics.Point], on: dt.date) -> metrics.Point | None:
    """Return the last point of ``series`` on or before ``on``."""
    before = [p for p in series if p.date <= on]
    return before[-1] if before else None


def _meets(item: AmbitionProgress, value: float, wanted: float) -> bool:
    if item.ambition.direction == metrics.Direction.LOWER:
        return value <= wanted
    return value >= wanted


def milestones_frame(item: AmbitionProgress, lang: str) -> pd.DataFrame:
    """Baseline, milestones and target with the actual value on each date and whether it was met."""
    amb = item.ambition
    latest = item.assessment.latest
    anchors = [("amb_baseline", amb.baseline)]
    anchors += [("amb_milestone", m) for m in amb.milestones]
    anchors.append(("target", amb.target))
    rows = []
    for key, point in anchors:
        due = latest is not None and point.date <= latest.date
        actual = _value_on(item.series, point.date) if due else None
        if key == "amb_baseline":
            verdict = "–"
        elif not due:
            verdict = "⏳" + i18n.NBSP + i18n.t("amb_pending", lang)
        elif actual is not None and _meets(item, actual.value, point.value):
            verdict = i18n.STATUS_ICON["on_track"] + i18n.NBSP + i18n.t("amb_met", lang)
        else:
            verdict = i18n.STATUS_ICON["off_track"] + i18n.NBSP + i18n.t("amb_not_met", lang)
        rows.append(
            {
                i18n.t("amb_col_date", lang): i18n.table_date(point.date, lang),
                i18n.t("amb_col_kind", lang): i18n.t(key, lang),
                i18n.t("amb_col_value", lang): value_text(point.value, item.unit, lang),
                i18n.t("actual", lang): value_text(actual.value if actual else None, item.unit, lang),
                i18n.t("amb_col_verdict", lang): verdict,
            }
        )
    return pd.DataFrame(rows)


def chart_frame(item: AmbitionProgress, lang: str) -> pd.DataFrame:
    """Return the chart's data as a table: per date the trajectory, the actual value and the projection."""
    amb = item.ambition
    kinds = {amb.baseline.date: "amb_baseline", amb.target.date: "target"}
    kinds.update({m.date: "amb_milestone" for m in amb.milestones})
    actual = {p.date: p.value for p in item.series}
    projected = {}
    proj = item.assessment.projection
    if item.series and proj.value_at_target is not None and amb.target.date > item.series[-1].date:
        projected = {item.series[-1].date: item.series[-1].value, amb.target.date: proj.value_at_target}
    rows = []
    for on in sorted(set(kinds) | set(actual) | set(projected)):
        on_trajectory = amb.baseline.date <= on <= amb.target.date
        rows.append(
            {
                i18n.t("amb_col_date", lang): i18n.table_date(on, lang),
                i18n.t("amb_col_kind", lang): i18n.t(kinds[on], lang) if on in kinds else "",
                i18n.t("trajectory", lang): value_text(
                    metrics.trajectory(amb, on) if on_trajectory else None, item.unit, lang
                ),
                i18n.t("actual", lang): value_text(actual.get(on), item.unit, lang),
                i18n.t("projection", lang): value_text(projected.get(on), item.unit, lang),
            }
        )
    return pd.DataFrame(rows)


def _day(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def document_text(document: str, url: object, lang: str, document_en: object = None) -> str:
    """Markdown naming the council document that set the ambition, linked when it has a web address.

    The title is the English one on an English page where there is one, else the Dutch one
    marked as Dutch (render with HTML allowed, see :mod:`impactdash.views.bilingual`).
    """
    title = bilingual.passage(document, document_en, lang)
    link = safe_url(url)
    return i18n.t("amb_document", lang, doc=f"[{title}]({link})" if link else title)


def note_lines(notes: pd.DataFrame, programme_names: dict[str, str], lang: str) -> list[str]:
    """Markdown lines for the public notes of one ambition: what it is about, the period, the text.

    The text is in the page's language where written in it, else marked (render with HTML allowed).
    """
    lines = []
    for row in notes.itertuples(index=False):
        if row.subject_kind == "programme":
            about = i18n.t(
                "amb_note_programme", lang, name=programme_names.get(row.subject_code, row.subject_code)
            )
        else:
            about = i18n.t(f"amb_note_{row.subject_kind}", lang)
        period = i18n.t(
            "amb_note_period",
            lang,
            start=i18n.fmt_date(_day(row.period_start), lang),
            end=i18n.fmt_date(_day(row.period_end), lang),
        )
        lines.append(
            i18n.t(
                "amb_note_line",
                lang,
                about=escape_markdown(about),
                period=period,
                written=bilingual.written(row.body, getattr(row, "body_en", None), lang),
                body=bilingual.passage(row.body, getattr(row, "body_en", None), lang),
            )
        )
    return lines


def programme_descriptions(programmes: pd.DataFrame, lang: str) -> str:
    """Markdown list of what each programme does, in the page's language where written in it; '' if none.

    A description in the other language is marked (render with HTML allowed).
    """
    lines = []
    for row in programmes.drop_duplicates("programme_code").itertuples(index=False):
        text = bilingual.of_row(row, "description", lang)
        if text:
            lines.append(f"- **{escape_markdown(row.programme_name)}**: {text}")
    return "\n".join(lines)


def chart_notes(notes: pd.DataFrame) -> list[tuple[dt.date, dt.date]]:
    """Return the periods of the notes to mark on the chart, numbered in the order of ``note_lines``."""
    return [(_day(s), _day(e)) for s, e in zip(notes["period_start"], notes["period_end"], strict=True)]


def _lead(row, lang: str) -> str:
    if row.lead == "partner" and isinstance(row.partner_name, str):
        return i18n.t("amb_lead_partner", lang, name=row.partner_name)
    return i18n.t("amb_lead_municipality", lang)


def programmes_frame(programmes: pd.DataFrame, as_of: dt.date, lang: str) -> pd.DataFrame:
    """Return the programmes serving one ambition as a display table with their budget and spend."""
    year = int(programmes["last_year"].iloc[0]) if len(programmes) else as_of.year - 1
    rows = []
    for row in programmes.itertuples(index=False):
        rows.append(
            {
                i18n.t("amb_col_programme", lang): escape_markdown(row.programme_name),
                i18n.t("amb_col_instrument", lang): escape_markdown(
                    row.instrument_nl if lang == "nl" else row.instrument_en
                ),
                i18n.t("amb_col_lead", lang): escape_markdown(_lead(row, lang)),
                i18n.t("amb_col_budget_total", lang, year=as_of.year): i18n.fmt_eur(row.budget_total, lang),
                i18n.t("amb_col_spend_total", lang, date=i18n.table_date(as_of, lang)): i18n.fmt_eur(
                    row.spend_total, lang
                ),
                i18n.t("amb_col_budget_year", lang, year=year): i18n.fmt_eur(row.budget_last_year, lang),
                i18n.t("amb_col_spend_year", lang, year=year): i18n.fmt_eur(row.spend_last_year, lang),
            }
        )
    return pd.DataFrame(rows)


def _eur(value: float, lang: str) -> str:
    # Compact from a million on ("€ 1,5 mln."); below that in full, as CLDR's Dutch "K" reads as English.
    return i18n.fmt_eur(value, lang, compact=abs(value) >= 1_000_000)


def programmes_sentence(programmes: pd.DataFrame, as_of: dt.date, lang: str) -> str:
    """Say how many programmes serve the ambition and what they budgeted and spent together."""
    if programmes.empty:
        return i18n.t("amb_no_programmes", lang)
    budget_year = float(programmes["budget_last_year"].sum())
    spend_year = float(programmes["spend_last_year"].sum())
    return i18n.plural(
        "amb_programmes_sentence",
        len(programmes),
        lang,
        budget=_eur(float(programmes["budget_total"].sum()), lang),
        year_now=as_of.year,
        spend=_eur(float(programmes["spend_total"].sum()), lang),
        date=i18n.fmt_date(as_of, lang),
        year=int(programmes["last_year"].iloc[0]),
        budget_year=_eur(budget_year, lang),
        spend_year=_eur(spend_year, lang),
        pct=i18n.fmt_pct(100 * spend_year / budget_year if budget_year else None, lang),
    )
