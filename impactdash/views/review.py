"""The alderman's progress review, computed without Streamlit.

One scorecard of every ambition of every municipality (status, latest value, the value
expected on the trajectory on that date, the projection, the target, the change since the
last publication and the notes explaining it), its filters and sort orders, and the drill-down into one
ambition: the programmes serving it with their budget and spend per year, the properties
behind it and every note on it, internal ones included. Reviewers add notes on an ambition
through :func:`impactdash.write.review_notes.add_note`, which checks their own action and
then writes through the same validated and audited path as the edit page.

The sentences, status words and ambition tables of the public ambitions page are reused
from :mod:`impactdash.views.ambitions`, so both pages say the same thing the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from impactdash import i18n
from impactdash.measures import metrics, progress
from impactdash.measures.progress import AmbitionProgress
from impactdash.views import ambitions as ambitions_view
from impactdash.views.ambitions import escape_markdown, status_text, value_and_date, value_text

#: The ways the scorecard can be sorted, each with its text key; the first is the default.
SORT_OPTIONS = {
    "status": "amb_sort_status",
    "status_best": "amb_sort_status_best",
    "municipality": "review_sort_municipality",
    "change": "review_sort_change",
    "notes": "review_sort_notes",
    "name": "amb_sort_name",
    "target_date": "amb_sort_target",
}
VISIBILITIES = ("internal", "public")


# --- the scorecard ----------------------------------------------------------------------


@dataclass(frozen=True)
class Instrument:
    """An instrument of a programme that serves an ambition."""

    code: str
    name_nl: str
    name_en: str

    def name(self, lang: str) -> str:
        """Return the instrument's name in ``lang``."""
        return self.name_nl if lang == "nl" else self.name_en


@dataclass(frozen=True)
class ScoreRow:
    """One ambition on the scorecard, with what the review adds to its assessment."""

    item: AmbitionProgress
    municipality_code: str
    municipality: str
    instruments: tuple[Instrument, ...]
    notes: int
    published: bool  # whether there is a publication to compare with
    published_latest: metrics.Point | None  # the latest value in that publication

    @property
    def code(self) -> str:
        """The ambition's code."""
        return self.item.code

    @property
    def status(self) -> str:
        """The ambition's status code (``on_track`` ...)."""
        return self.item.assessment.status.value

    @property
    def change(self) -> float | None:
        """Latest value now minus the latest value in the publication; None without either."""
        latest = self.item.assessment.latest
        if not self.published or latest is None or self.published_latest is None:
            return None
        return latest.value - self.published_latest.value

    @property
    def relative_change(self) -> float | None:
        """The change as a fraction of the ambition's total change, so measures of any unit compare."""
        change = self.change
        if change is None:
            return None
        amb = self.item.ambition
        scale = abs(amb.target.value - amb.baseline.value) or max(abs(amb.target.value), 1.0)
        return change / scale


def scorecard(
    by_town: dict[str, list[AmbitionProgress]],
    towns: pd.DataFrame,
    instruments: pd.DataFrame,
    notes: pd.DataFrame,
    published: dict[str, metrics.Point | None] | None,
) -> list[ScoreRow]:
    """Return one row per ambition of every municipality, in the order of ``towns``.

    ``towns`` is the ``municipalities`` query, ``instruments`` ``review_instruments``, ``notes``
    ``review_notes``; ``published`` is :func:`impactdash.measures.progress.latest_of_ambitions`
    of the current publication, or None when nothing is published.
    """
    names = dict(zip(towns["code"], towns["name"], strict=True))
    per_ambition: dict[str, list[Instrument]] = {}
    for row in instruments.itertuples(index=False):
        per_ambition.setdefault(row.ambition_code, []).append(
            Instrument(row.instrument_code, row.instrument_nl, row.instrument_en)
        )
    counts = notes.groupby("ambition_code").size().to_dict() if len(notes) else {}
    rows = []
    for code in towns["code"]:
        for item in by_town.get(code, []):
            rows.append(
                ScoreRow(
                    item=item,
                    municipality_code=code,
                    municipality=names[code],
                    instruments=tuple(per_ambition.get(item.code, ())),
                    notes=int(counts.get(item.code, 0)),
                    published=published is not None,
                    published_latest=(published or {}).get(item.code),
                )
            )
    return rows


def municipality_options(rows: list[ScoreRow]) -> dict[str, str]:
    """Return {code: name} of the municipalities on the scorecard, in scorecard order."""
    return {r.municipality_code: r.municipality for r in rows}


def instrument_options(rows: list[ScoreRow], lang: str) -> dict[str, str]:
    """Return {code: name in ``lang``} of every instrument on the scorecard, sorted by name."""
    found = {i.code: i.name(lang) for r in rows for i in r.instruments}
    return dict(sorted(found.items(), key=lambda kv: kv[1].casefold()))


def status_options(rows: list[ScoreRow]) -> list[str]:
    """Return the statuses that occur on the scorecard, worst first."""
    return ambitions_view.present_statuses([r.item for r in rows])


def filter_rows(
    rows: list[ScoreRow],
    municipalities: list[str] | None = None,
    instruments: list[str] | None = None,
    statuses: list[str] | None = None,
) -> list[ScoreRow]:
    """Keep the rows matching every filter; an empty filter keeps everything.

    An ambition matches an instrument filter when any programme serving it uses one of the
    chosen instruments (an ambition no programme serves then drops out).
    """
    kept = rows
    if municipalities:
        kept = [r for r in kept if r.municipality_code in set(municipalities)]
    if instruments:
        kept = [r for r in kept if {i.code for i in r.instruments} & set(instruments)]
    if statuses:
        kept = [r for r in kept if r.status in set(statuses)]
    return kept


def sort_rows(rows: list[ScoreRow], order: str, lang: str) -> list[ScoreRow]:
    """Sort the scorecard by one of :data:`SORT_OPTIONS`.

    Status, name and target date sort as on the ambitions page; 'municipality' by name, then
    worst status first; 'change' by the largest change since the publication relative to the
    ambition's total change (rows without a change last); 'notes' most notes first.
    """
    if order in ambitions_view.SORT_OPTIONS:
        by_code = {r.code: r for r in rows}
        return [by_code[i.code] for i in ambitions_view.sort_items([r.item for r in rows], order, lang)]
    worst_first = sort_rows(rows, "status", lang)
    if order == "municipality":
        return sorted(worst_first, key=lambda r: r.municipality.casefold())
    if order == "change":
        return sorted(worst_first, key=lambda r: (r.relative_change is None, -abs(r.relative_change or 0.0)))
    if order == "notes":
        return sorted(worst_first, key=lambda r: -r.notes)
    raise ValueError(f"unknown sort order {order!r}")


def change_text(row: ScoreRow, lang: str) -> str:
    """Format the change since the publication with its sign and unit ('+1.200 m²'); '–' if none."""
    change = row.change
    if change is None:
        return "–"
    if change == 0:
        return value_text(0.0, row.item.unit, lang)
    text = value_text(abs(change), row.item.unit, lang)
    return ("+" if change > 0 else "−") + text


def projection_at_target(item: AmbitionProgress, lang: str) -> str:
    """Where the trend lands on the target date: a value, or the list's words (passed, met, no data)."""
    if ambitions_view.projection_case(item) in ("missed", "met", "little"):
        return ambitions_view.projection_short(item, lang)
    return value_text(item.assessment.projected_value, item.unit, lang)


def _unbroken(name: str) -> str:
    """Keep a hyphenated name on one line in a table cell ('s-Gravenhage, not 's- / Gravenhage)."""
    return name.replace("-", "-" + i18n.WORD_JOINER)


def instruments_text(row: ScoreRow, lang: str) -> str:
    """Name the instruments serving the ambition, comma-separated and escaped; '–' if none."""
    if not row.instruments:
        return "–"
    return escape_markdown(", ".join(i.name(lang) for i in row.instruments))


def scorecard_frame(rows: list[ScoreRow], lang: str) -> pd.DataFrame:
    """Return the scorecard as a display table: column names in ``lang``, values formatted and escaped.

    The expected value is the assessment's (the path on the latest value's date), the same
    figure the drill-down's sentence and the ambitions page give: one "koers" per ambition.
    """
    records = []
    for row in rows:
        item, a = row.item, row.item.assessment
        amb = item.ambition
        records.append(
            [
                # One column for town and ambition: ten columns would not fit a laptop's screen.
                f"**{_unbroken(escape_markdown(row.municipality))}** – {escape_markdown(item.name(lang))}",
                instruments_text(row, lang),
                # The icon stays with the first word; the rest may wrap, so the table fits a laptop.
                status_text(row.status, lang).replace(" ", i18n.NBSP, 1),
                value_and_date(
                    a.latest.value if a.latest else None, a.latest and a.latest.date, item.unit, lang
                ),
                # On the latest value's date, in the column before: value only, so the table fits.
                value_text(a.expected, item.unit, lang),
                projection_at_target(item, lang),
                value_and_date(amb.target.value, amb.target.date, item.unit, lang),
                change_text(row, lang),
                i18n.fmt_number(row.notes, lang),
            ]
        )
    columns = [
        i18n.t("review_col_ambition", lang),
        i18n.t("review_col_instruments", lang),
        i18n.t("amb_col_status", lang),
        i18n.t("amb_col_latest", lang),
        i18n.t("amb_col_expected", lang),
        i18n.t("review_col_projection", lang),
        i18n.t("amb_col_target", lang),
        i18n.t("review_col_change", lang),
        i18n.t("review_col_notes", lang),
    ]
    return pd.DataFrame(records, columns=columns)


def scorecard_caption(published, lang: str) -> str:
    """Return the caption under the scorecard: what "change" compares with, and the projection window.

    ``published`` is the current publication (its label and approval time), or None.
    """
    if published is None:
        return i18n.t("review_caption_unpublished", lang, window=metrics.PROJECTION_WINDOW)
    return i18n.t(
        "review_caption_published",
        lang,
        label=escape_markdown(published.label),
        date=i18n.fmt_date(published.approved_at.date(), lang),
        window=metrics.PROJECTION_WINDOW,
    )


def counts_sentence(shown: list[ScoreRow], total: int, lang: str) -> str:
    """Say how many ambitions are shown and how many of them are on track, at risk and off track."""
    counts = progress.status_counts([r.item for r in shown])
    return i18n.plural(
        "review_counts",
        total,
        lang,
        n=i18n.fmt_number(len(shown), lang),
        on=i18n.fmt_number(counts["on_track"], lang),
        risk=i18n.fmt_number(counts["at_risk"], lang),
        off=i18n.fmt_number(counts["off_track"], lang),
        none=i18n.fmt_number(counts["no_data"], lang),
    )


def option_label(row: ScoreRow, lang: str) -> str:
    """Label of an ambition in the drill-down picker: status icon, municipality, measure, target year."""
    return i18n.t(
        "review_option",
        lang,
        icon=i18n.STATUS_ICON[row.status],
        town=row.municipality,
        name=row.item.name(lang),
        year=row.item.ambition.target.date.year,
    )


# --- the drill-down -----------------------------------------------------------------------


def programme_years_frame(years: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return budget and spend per year of the ambition's programmes together (``review_programme_years``)."""
    if years.empty:
        return pd.DataFrame()
    totals = years.groupby("year", sort=True).agg(
        budget=("budget", lambda s: s.sum(min_count=1)),
        spend=("spend", "sum"),
        complete=("is_complete", "all"),
    )
    rows = []
    for year, row in totals.iterrows():
        share = 100 * row["spend"] / row["budget"] if pd.notna(row["budget"]) and row["budget"] else None
        label = str(year) if row["complete"] else i18n.t("review_year_partial", lang, year=year)
        rows.append(
            {
                i18n.t("review_col_year", lang): label,
                i18n.t("review_col_budget", lang): i18n.fmt_eur(row["budget"], lang),
                i18n.t("review_col_spend", lang): i18n.fmt_eur(row["spend"], lang),
                i18n.t("review_col_spent_share", lang): i18n.fmt_pct(share, lang),
            }
        )
    return pd.DataFrame(rows)


def programme_year_lines(years: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return budget and spend per programme and year (``review_programme_years``) as a display table."""
    rows = []
    for row in years.itertuples(index=False):
        rows.append(
            {
                i18n.t("review_col_year", lang): str(row.year),
                i18n.t("amb_col_programme", lang): escape_markdown(row.programme_name),
                i18n.t("review_col_budget", lang): i18n.fmt_eur(row.budget, lang),
                i18n.t("review_col_spend", lang): i18n.fmt_eur(row.spend, lang),
            }
        )
    return pd.DataFrame(rows)


def properties_frame(register: pd.DataFrame, links: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the properties behind the ambition: the ``property_register`` rows of the codes in ``links``.

    ``links`` is ``review_ambition_properties`` (property, programme); the register gives each
    property's state and latest occupancy on the reporting date.
    """
    if links.empty:
        return pd.DataFrame()
    programme = dict(zip(links["property_code"], links["programme_name"], strict=True))
    rows = []
    for row in register[register["code"].isin(programme)].itertuples(index=False):
        occupancy = "–"
        if pd.notna(row.latest_year):
            occupancy = i18n.t(
                "review_occupancy",
                lang,
                pct=i18n.fmt_pct(row.occupancy_pct, lang),
                q=int(row.latest_quarter),
                year=int(row.latest_year),
                nbsp=i18n.NBSP,
            )
        rows.append(
            {
                i18n.t("review_col_property", lang): escape_markdown(row.name),
                i18n.t("review_col_address", lang): escape_markdown(f"{row.address}, {row.district}"),
                i18n.t("amb_col_programme", lang): escape_markdown(programme[row.code]),
                i18n.t("property_col_state", lang): i18n.t(f"property_state_{row.state}", lang),
                i18n.t("review_col_impact_floor", lang): i18n.fmt_value(row.impact_floor_m2, "m2", lang),
                i18n.t("review_col_occupancy", lang): occupancy,
                i18n.t("review_col_tenants", lang): _tenants(row, lang),
            }
        )
    return pd.DataFrame(rows)


def _tenants(row, lang: str) -> str:
    if pd.isna(row.tenants):
        return "–"
    return i18n.t(
        "review_tenants",
        lang,
        n=i18n.fmt_number(row.tenants, lang),
        k=i18n.fmt_number(row.impact_tenants, lang),
    )


def ambition_notes(notes: pd.DataFrame, code: str) -> pd.DataFrame:
    """Return the notes (``review_notes``) on one ambition, oldest period first, numbered as on the chart."""
    return notes[notes["ambition_code"] == code].reset_index(drop=True)


def _about(row, lang: str) -> str:
    if row.subject_kind == "programme":
        return i18n.t("amb_note_programme", lang, name=row.subject_name)
    if row.subject_kind == "property":
        return i18n.t("review_note_property", lang, name=row.subject_name)
    return i18n.t(f"amb_note_{row.subject_kind}", lang)


def _day(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def notes_frame(notes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the notes on one ambition as a table: number, subject, period, visibility, author, text."""
    rows = []
    for number, row in enumerate(notes.itertuples(index=False), start=1):
        period = i18n.t(
            "amb_note_period",
            lang,
            start=i18n.table_date(_day(row.period_start), lang),
            end=i18n.table_date(_day(row.period_end), lang),
        )
        rows.append(
            {
                i18n.t("review_col_number", lang): str(number),
                i18n.t("review_col_about", lang): escape_markdown(_about(row, lang)),
                i18n.t("review_col_period", lang): period,
                i18n.t("review_col_visibility", lang): i18n.t(f"review_visibility_{row.visibility}", lang),
                i18n.t("review_col_author", lang): escape_markdown(row.author) if row.author else "–",
                i18n.t("review_col_text", lang): escape_markdown(row.body),
            }
        )
    return pd.DataFrame(rows)


def default_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """Return the period a new note covers unless changed: the reporting year up to the reporting date."""
    return dt.date(as_of.year, 1, 1), as_of
