"""The council report's sections beyond the ambitions: money, property, ecosystem, leverage.

Each section holds, per municipality, the blocks the public pages show: a heading, the
same one-sentence summaries (from :mod:`impactdash.views`), a chart (a plain
:class:`~impactdash.report.chart.Spec` both renderers draw), its data as a table and the
public notes. Also the summary's key figures, the changes since the previous publication
and the annex of definitions. Everything is plain text: views write Markdown for the
pages, so each sentence passes :func:`safe_text.plain_text` here once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from impactdash import i18n
from impactdash.publish import changes
from impactdash.report.chart import Series, Spec
from impactdash.safe_text import plain_text
from impactdash.store import db
from impactdash.views import budget as bv
from impactdash.views import changes as cv
from impactdash.views import classifications
from impactdash.views import ecosystem as ev
from impactdash.views import property as pv

#: The sections in the order the report has them (after the summary, before the ambitions).
TOPICS = ("budget", "property", "ecosystem", "leverage")
#: At most this many changes are listed in the summary; the count says how many there are.
MAX_CHANGES = 8


@dataclass(frozen=True)
class Table:
    """A table of plain-text cells; ``numeric`` lists the columns to right-align."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class Block:
    """One chart of a public page, as the report shows it: sentences, chart, table, notes."""

    heading: str
    sentences: tuple[str, ...]
    chart: Spec | None
    chart_alt: str
    table: Table | None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Part:
    """One municipality within a section (a heading of its own when the report covers several)."""

    municipality: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Topic:
    """One section of the report: budget, property, ecosystem or leverage."""

    key: str
    heading: str
    intro: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Changes:
    """What changed since the previous publication: a sentence, and the first changes as a table."""

    sentence: str
    table: Table | None


def plain(text: object) -> str:
    """Return one of the views' Markdown sentences or cells as plain text."""
    return plain_text(str(text))


def frame_table(frame: pd.DataFrame, numeric_from: int = 1) -> Table | None:
    """Turn a view's display table into a report table (every column from ``numeric_from`` right-aligned)."""
    if frame is None or frame.empty:
        return None
    rows = tuple(tuple(plain(v) for v in row) for row in frame.itertuples(index=False))
    return Table(tuple(plain(c) for c in frame.columns), rows, tuple(range(numeric_from, len(frame.columns))))


def _values(column: pd.Series) -> tuple[float | None, ...]:
    return tuple(None if pd.isna(v) else float(v) for v in column)


def _alt(heading: str, sentence: str | None, lang: str) -> str:
    return i18n.t(
        "report_topic_alt", lang, title=heading, summary=sentence or i18n.t("no_data_selection", lang)
    )


def _block(heading: str, sentences: list[str | None], chart: Spec | None, table, notes, lang: str) -> Block:
    said = tuple(plain(s) for s in sentences if s)
    return Block(
        heading=heading,
        sentences=said or (i18n.t("no_data_selection", lang),),
        chart=chart,
        chart_alt=_alt(heading, said[0] if said else None, lang),
        table=table,
        notes=tuple(plain(n) for n in notes if n),
    )


def _years(frame: pd.DataFrame) -> tuple[str, ...]:
    return tuple(str(int(y)) for y in frame["year"])


def _last_complete_year(per_year: pd.DataFrame) -> int | None:
    done = per_year[per_year["is_complete"].astype(bool)]
    return int(done["year"].max()) if not done.empty else None


def _budget(con, gm: str, lang: str) -> tuple[Block, ...]:
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731 - a short alias keeps the calls readable
    per_year = db.run_query(con, "budget_by_year", municipality=gm, instrument=bv.ALL)
    if per_year.empty:
        return (_block(t("budget_per_year_title"), [], None, None, [], lang),)
    notes = db.run_query(con, "budget_notes", municipality=gm)
    latest = int(per_year["year"].max())
    row = bv.year_row(per_year, latest)
    headline = bv.headline(row, latest, None, lang)
    spec = Spec(
        "bars",
        _years(per_year),
        (
            Series(t("budget_budget"), _values(per_year["budget"])),
            Series(t("budget_spend"), _values(per_year["spend"])),
        ),
        "eur",
        t("report_axis_eur"),
    )
    blocks = [
        _block(
            t("budget_per_year_title"),
            [headline, bv.per_year_sentence(per_year, lang)],
            spec,
            frame_table(bv.per_year_table(per_year, lang)),
            [bv.partial_note(per_year, lang), *bv.notes_for(notes, lang, "metric", bv.MONEY_NOTES)],
            lang,
        )
    ]
    # The P&C moments of the last complete year (all four are known then) and of this year so far.
    for year in dict.fromkeys(y for y in (_last_complete_year(per_year), latest) if y is not None):
        moments = db.run_query(con, "budget_moments", municipality=gm, year=year, instrument=bv.ALL)
        if moments.empty:
            continue
        labels = tuple(bv.moment_label(m, lang) for m in moments["moment"])
        spend = moments["spend"].iloc[0]
        # One bar per moment and one for the spend, as the table lists them; stacked, each
        # category holds one of the two series, so the spend bar has its own colour and hatch.
        spec = Spec(
            "stacked",
            (*labels, t("budget_spend")),
            (
                Series(t("budget_budget"), (*_values(moments["budget"]), None)),
                Series(
                    t("budget_spend"), (*(None for _ in labels), None if pd.isna(spend) else float(spend))
                ),
            ),
            "eur",
            t("report_axis_eur"),
        )
        blocks.append(
            _block(
                t("budget_moments_title", year=year),
                [bv.moments_sentence(moments, year, lang)],
                spec,
                frame_table(bv.moments_table(moments, lang)),
                [],
                lang,
            )
        )
    year = _last_complete_year(per_year) or latest
    blocks += [_classification(con, gm, year, dimension, lang) for dimension in classifications.DIMENSIONS]
    return tuple(blocks)


def classification_table(breakdown: pd.DataFrame, dimension: str, lang: str) -> Table | None:
    """Return a ``classifications.breakdown`` frame as a report table: name, budget, spend, execution.

    Separate columns rather than the budget page's one wrapped cell: on paper there is room,
    and a council member reads a column of amounts down.
    """
    if breakdown.empty:
        return None
    rows = tuple(
        (
            plain(label),
            i18n.fmt_eur(budget, lang) if not pd.isna(budget) else "–",
            i18n.fmt_eur(spend, lang),
            plain(bv.over_budget_text(spend, None if pd.isna(budget) else budget, lang)),
        )
        for label, budget, spend in zip(
            breakdown["label"], breakdown["budget"], breakdown["spend"], strict=True
        )
    )
    keys = (f"class_{dimension}", "budget_budget", "budget_spend", "budget_execution")
    header = tuple(i18n.t(key, lang) for key in keys)
    return Table(header, rows, (1, 2, 3))


def _classification(con, gm: str, year: int, dimension: str, lang: str) -> Block:
    """Return the year's budget and spend per Iv3 task field or per SDG, with the list's source."""
    query = classifications.DIMENSIONS[dimension]
    frame = db.run_query(con, query, municipality=gm, year=year, instrument=bv.ALL)
    breakdown = classifications.breakdown(frame, dimension, lang)
    notes = [classifications.SOURCES[dimension][lang]]
    if dimension == "sdg":
        notes.append(i18n.t("class_sdg_overlap", lang))
    return _block(
        i18n.t(f"report_class_{dimension}_title", lang, year=year),
        [bv.breakdown_sentence(breakdown, year, dimension, lang) if not breakdown.empty else None],
        None,
        classification_table(breakdown, dimension, lang),
        notes,
        lang,
    )


def classification_sources(lang: str) -> tuple[str, ...]:
    """Return where the names of the Iv3 task fields and the SDGs come from (the annex lists them)."""
    return tuple(classifications.SOURCES[dimension][lang] for dimension in classifications.DIMENSIONS)


def _property(con, gm: str, lang: str) -> tuple[Block, ...]:
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    quarters = db.run_query(con, "property_quarters", municipality=gm)
    discount = db.run_query(con, "property_rent_discount", municipality=gm)
    notes = db.run_query(con, "property_notes", municipality=gm)
    if quarters.empty and discount.empty:
        return (_block(t("property_occupancy_title"), [], None, None, [], lang),)
    # One point per year (the last quarter known): sixteen quarters would crowd the axis.
    yearly = quarters.sort_values("period_end").groupby("year", as_index=False).last()
    occupancy = Spec(
        "lines",
        _years(yearly),
        (Series(t("property_col_occupancy"), _values(yearly["occupancy_pct"])),),
        "percent",
        t("report_axis_percent"),
    )
    floor = Spec(
        "bars",
        _years(yearly),
        (Series(t("property_col_floor"), _values(yearly["impact_floor_m2"])),),
        "m2",
        t("report_axis_m2"),
    )
    yearly_table = pd.DataFrame(
        {
            t("property_col_quarter"): [
                pv.quarter_label(y, q, lang) for y, q in zip(yearly["year"], yearly["quarter"], strict=True)
            ],
            t("property_col_floor"): [i18n.fmt_value(v, "m2", lang) for v in yearly["impact_floor_m2"]],
            t("property_col_occupancy"): [i18n.fmt_pct(v, lang, 1) for v in yearly["occupancy_pct"]],
            t("property_col_tenants"): [i18n.fmt_number(v, lang) for v in yearly["impact_tenants"]],
        }
    )
    discount_spec = Spec(
        "bars",
        _years(discount),
        (Series(t("property_col_discount"), _values(discount["rent_discount_eur"])),),
        "eur",
        t("report_axis_eur"),
    )
    return (
        _block(
            t("property_floor_title"),
            [pv.floor_sentence(None, quarters, lang)],
            floor,
            None,
            pv.note_lines(notes, lang, metric_code="impact_floor_m2"),
            lang,
        ),
        _block(
            t("property_occupancy_title"),
            [pv.occupancy_sentence(quarters, lang)],
            occupancy,
            frame_table(yearly_table),
            pv.note_lines(notes, lang, metric_code="occupancy_pct"),
            lang,
        ),
        _block(
            t("property_discount_title"),
            [pv.discount_sentence(discount, lang)],
            discount_spec if not discount.empty else None,
            frame_table(pv.discount_table(discount, lang)),
            pv.note_lines(notes, lang, metric_code="rent_discount_eur"),
            lang,
        ),
    )


def _ecosystem(con, gm: str, lang: str, catalogue: pd.DataFrame) -> tuple[Block, ...]:
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    from impactdash.measures import progress

    values = db.run_query(con, "metric_values", municipality=gm)
    latest = progress.latest_values(values)
    notes = ev.note_texts_by_measure(db.run_query(con, "ecosystem_notes", municipality=gm), lang)
    rows = []
    for code in ev.METRICS:
        if code not in catalogue.index:
            continue
        found = latest.get(code)
        rows.append(
            (
                plain(catalogue.loc[code, f"name_{lang}"]),
                i18n.fmt_value(found[1] if found else None, catalogue.loc[code, "unit"], lang),
                i18n.fmt_date(found[0], lang) if found else "–",
            )
        )
    figures = Table(
        (t("report_col_measure"), t("report_col_value"), t("report_col_date")), tuple(rows), (1, 2)
    )
    blocks = [
        Block(t("eco_key_figures"), (plain(t("eco_key_figures_note")),), None, "", figures, ()),
    ]
    connections = db.run_query(con, "ecosystem_connections_year", municipality=gm)
    spec = None
    if not connections.empty:
        spec = Spec(
            "stacked",
            _years(connections),
            (
                Series(t("eco_through_programme"), _values(connections["through_programme"])),
                Series(t("eco_other"), _values(connections["other"])),
            ),
            "count",
            t("report_axis_count"),
        )
    blocks.append(
        _block(
            t("eco_connections"),
            [ev.connections_sentence(connections, lang) if not connections.empty else None],
            spec,
            frame_table(ev.connections_table(connections, lang)) if not connections.empty else None,
            notes.get("connections_programme_pct", []),
            lang,
        )
    )
    return tuple(blocks)


def _leverage(con, gm: str, lang: str) -> tuple[Block, ...]:
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    leverage = db.run_query(con, "budget_leverage", municipality=gm)
    notes = db.run_query(con, "budget_notes", municipality=gm)
    lead = db.run_query(con, "ecosystem_programme_lead", municipality=gm)
    blocks = []
    if leverage.empty:
        blocks.append(_block(t("budget_leverage_title"), [], None, None, [], lang))
    else:
        spec = Spec(
            "lines",
            _years(leverage),
            (Series(t("report_leverage_series"), _values(leverage["leverage"])),),
            "eur",
            t("report_axis_per_euro"),
        )
        blocks.append(
            _block(
                t("budget_leverage_title"),
                [bv.leverage_sentence(leverage, lang)],
                spec,
                frame_table(bv.leverage_table(leverage, lang)),
                bv.notes_for(notes, lang, "metric", bv.LEVERAGE_NOTES),
                lang,
            )
        )
    if lead.empty:
        blocks.append(_block(t("eco_lead"), [], None, None, [], lang))
    else:
        spec = Spec(
            "stacked",
            _years(lead),
            (
                Series(t("eco_led_by_partner"), _values(lead["partner_led"])),
                Series(t("eco_led_by_municipality"), _values(lead["municipality_led"])),
            ),
            "count",
            t("report_axis_programmes"),
        )
        blocks.append(
            _block(
                t("eco_lead"),
                [ev.lead_sentence(lead, lang)],
                spec,
                frame_table(ev.lead_table(lead, lang)),
                [],
                lang,
            )
        )
    return tuple(blocks)


def topics(con, towns: pd.DataFrame, lang: str) -> tuple[Topic, ...]:
    """Return the four sections for the municipalities in ``towns`` (columns code, name)."""
    catalogue = db.run_query(con, "metric_catalogue").set_index("code")
    makers = {
        "budget": lambda gm: _budget(con, gm, lang),
        "property": lambda gm: _property(con, gm, lang),
        "ecosystem": lambda gm: _ecosystem(con, gm, lang, catalogue),
        "leverage": lambda gm: _leverage(con, gm, lang),
    }
    return tuple(
        Topic(
            key=key,
            heading=i18n.t(f"report_topic_{key}", lang),
            intro=i18n.t(f"report_topic_{key}_intro", lang),
            parts=tuple(
                Part(name, makers[key](gm)) for gm, name in zip(towns["code"], towns["name"], strict=True)
            ),
        )
        for key in TOPICS
    )


def key_figures(con, towns: pd.DataFrame, lang: str) -> Table:
    """Return the summary's key figures: one row per municipality, the last complete year's money.

    Spend against budget, leverage, impact floor area and occupancy, connections made and
    the share of programmes led by partners: one number per section of the report.
    """
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    rows = []
    for gm, name in zip(towns["code"], towns["name"], strict=True):
        per_year = db.run_query(con, "budget_by_year", municipality=gm, instrument=bv.ALL)
        year = _last_complete_year(per_year) if not per_year.empty else None
        row = bv.year_row(per_year, year) if year is not None else None
        quarters = db.run_query(con, "property_quarters", municipality=gm).dropna(subset=["occupancy_pct"])
        last_q = quarters.sort_values("period_end").iloc[-1] if not quarters.empty else None
        connections = db.run_query(con, "ecosystem_connections_year", municipality=gm)
        lead = db.run_query(con, "ecosystem_programme_lead", municipality=gm)
        spend_text = "–"
        if row is not None:
            spend_text = t(
                "report_key_spend",
                year=year,
                spend=i18n.fmt_eur(row["spend"], lang, compact=True),
                budget=i18n.fmt_eur(row["budget"], lang, compact=True),
                pct=i18n.fmt_pct(bv.execution_pct(row["spend"], row["budget"]), lang),
            )
        rows.append(
            (
                plain(name),
                spend_text,
                bv.per_euro(row["leverage"], lang) if row is not None else "–",
                i18n.fmt_value(last_q["impact_floor_m2"], "m2", lang) if last_q is not None else "–",
                i18n.fmt_pct(last_q["occupancy_pct"], lang) if last_q is not None else "–",
                i18n.fmt_number(connections["made"].iloc[-1], lang) if not connections.empty else "–",
                i18n.fmt_pct(lead["partner_pct"].iloc[-1], lang) if not lead.empty else "–",
            )
        )
    header = tuple(
        t(f"report_key_{k}")
        for k in ("municipality", "money", "leverage", "floor", "occupancy", "connections", "partner")
    )
    return Table(header, tuple(rows), numeric=(2, 3, 4, 5, 6))


def changes_since(before, after, previous_label: str | None, lang: str) -> Changes:
    """Say what the public sees differently since the previous publication (``before``; None: the first)."""
    if before is None:
        return Changes(i18n.t("report_changes_first", lang), None)
    found = changes.compare_all(before, after)
    sentence = i18n.t(
        "report_changes_since", lang, label=previous_label or "", count=plain(cv.count_sentence(found, lang))
    )
    if found.empty:
        return Changes(sentence, None)
    shown = cv.change_table(found.head(MAX_CHANGES), changes.lookups(after), lang)
    table = frame_table(shown.iloc[:, :5], numeric_from=3)
    if len(found) > MAX_CHANGES:
        sentence += " " + i18n.t("report_changes_more", lang, n=i18n.fmt_number(MAX_CHANGES, lang))
    return Changes(sentence, table)


def definitions(con, lang: str) -> Table:
    """Return the annex's definitions: every measure with its unit, definition and source."""
    catalogue = db.run_query(con, "metric_catalogue")
    rows = tuple(
        (
            plain(r[f"name_{lang}"]),
            i18n.t(f"amb_unit_{r['unit']}", lang) if r["unit"] else "–",
            plain(r[f"definition_{lang}"]) if isinstance(r[f"definition_{lang}"], str) else "–",
            plain(r[f"source_{lang}"]) if isinstance(r[f"source_{lang}"], str) else "–",
        )
        for _, r in catalogue.iterrows()
    )
    header = tuple(i18n.t(f"report_def_{k}", lang) for k in ("measure", "unit", "definition", "source"))
    return Table(header, rows)


def reporting_date_text(as_of: dt.date, lang: str) -> str:
    """Say up to which date the figures run ('Cijfers tot en met 30-09-2026')."""
    return i18n.t("report_reporting_date", lang, date=i18n.fmt_date(as_of, lang))
