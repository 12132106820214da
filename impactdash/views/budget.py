"""Budget and spend page: sentences from the data and display tables (no Streamlit).

Every function takes the DataFrame of one named query (``queries/budget_*.sql``) and returns
a sentence or a table with column names in the page language and formatted numbers, so
the page only renders and every text can be unit-tested.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from impactdash import i18n
from impactdash.safe_text import escape_markdown as md
from impactdash.views import bilingual

#: At most this many spend lines of one programme-year are read (newest first) ...
MAX_LINES = 500
#: ... and shown this many at a time.
PAGE_ROWS = 50
#: Measures whose public notes explain the money figures and the leverage.
MONEY_NOTES = frozenset({"spend_eur", "budget_eur", "budget_execution_pct"})
LEVERAGE_NOTES = frozenset({"leverage_ratio", "cofunding_eur"})
#: The instrument filter's value for "every instrument" (the queries' ``$instrument``).
ALL = "all"


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def money(value: float | None, lang: str) -> str:
    """Format euros for reading: full below a million (€ 950.000), compact above (€ 3,7 mln.)."""
    if _missing(value):
        return "–"
    return i18n.fmt_eur(value, lang, compact=abs(value) >= 1_000_000)


def cents(value: float | None, lang: str) -> str:
    """Format a booking to the cent, as the ledger has it: -€ 1.250,50 / -€1,250.50."""
    if _missing(value):
        return "–"
    sign = "-" if value < 0 else ""
    number = i18n.fmt_number(abs(value), lang, 2)
    return f"{sign}€{i18n.NBSP}{number}" if lang == "nl" else f"{sign}€{number}"


def per_euro(value: float | None, lang: str) -> str:
    """Format a leverage ratio as euros per euro: € 1,31 / €1.31."""
    if _missing(value):
        return "–"
    number = i18n.fmt_number(value, lang, 2)
    return f"€{i18n.NBSP}{number}" if lang == "nl" else f"€{number}"


def execution_pct(spend: float | None, budget: float | None) -> float | None:
    """Return spend as a percentage of budget, or None without a positive budget."""
    if _missing(budget) or budget <= 0 or _missing(spend):
        return None
    return 100 * spend / budget


def signed_pct(value: float | None, lang: str) -> str:
    """Format a change in percent with its sign: +1% / -3% / 0%."""
    if _missing(value):
        return "–"
    rounded = round(value)
    sign = "+" if rounded > 0 else ""
    return sign + i18n.fmt_pct(rounded, lang)


def moment_label(moment: str, lang: str) -> str:
    """Return the name of a planning-and-control moment (original, spring, autumn, final)."""
    return i18n.t(f"budget_moment_{moment}", lang)


def counterparty_label(kind: str, lang: str) -> str:
    """Return the name of a kind of counterparty in a spend line."""
    return i18n.t(f"budget_cp_{kind}", lang)


def instrument_label(instruments: pd.DataFrame, code: str, lang: str) -> str:
    """Return an instrument's name in ``lang`` (or "All instruments" for ``ALL``)."""
    if code == ALL:
        return i18n.t("budget_all_instruments", lang)
    match = instruments.loc[instruments["code"] == code, f"name_{lang}"]
    return str(match.iloc[0]) if len(match) else code


def instrument_labels(instruments: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return the instrument choice's labels: "All instruments" (``ALL``), then each instrument's name.

    What :func:`instrument_label` says for each, read in one pass (a filter per instrument
    cost ~1 ms each on every run of the budget page).
    """
    labels = {ALL: i18n.t("budget_all_instruments", lang)}
    labels.update(zip(instruments["code"], (str(n) for n in instruments[f"name_{lang}"]), strict=True))
    return labels


def year_row(per_year: pd.DataFrame, year: int) -> pd.Series | None:
    """Return the row of ``budget_by_year`` for ``year``, or None."""
    rows = per_year[per_year["year"] == year]
    return rows.iloc[0] if len(rows) else None


# --- headline ---------------------------------------------------------------------


def headline(row: pd.Series | None, year: int, scope: str | None, lang: str) -> str:
    """Say what was spent of what was budgeted: "2025: € 4,2 mln. uitgegeven van € 5,0 mln. begroot (84%)"."""
    label = f"{year}" if scope is None else f"{year}, {scope}"
    if row is None:
        return f"{label}: {i18n.t('no_data_selection', lang)}"
    pct = execution_pct(row["spend"], row["budget"])
    if pct is None:
        return i18n.t("budget_headline_no_budget", lang, scope=label, spend=money(row["spend"], lang))
    return i18n.t(
        "budget_headline",
        lang,
        scope=label,
        spend=money(row["spend"], lang),
        budget=money(row["budget"], lang),
        pct=i18n.fmt_pct(pct, lang),
    )


# --- per year ---------------------------------------------------------------------


def year_label(row: pd.Series) -> str:
    """Return a year as shown on the axis: "2026*" while the year has not ended."""
    return f"{int(row['year'])}" + ("" if bool(row["is_complete"]) else "*")


def per_year_sentence(per_year: pd.DataFrame, lang: str) -> str:
    """Summarise budget growth and the execution rate over the completed years."""
    budgeted = per_year.dropna(subset=["budget"])
    if budgeted.empty:
        return i18n.t("no_data_selection", lang)
    first, last = budgeted.iloc[0], budgeted.iloc[-1]
    values = {
        "first": int(first["year"]),
        "last": int(last["year"]),
        "first_budget": money(first["budget"], lang),
        "last_budget": money(last["budget"], lang),
    }
    done = budgeted[budgeted["is_complete"].astype(bool)]
    pct = execution_pct(done["spend"].sum(), done["budget"].sum()) if len(done) else None
    if pct is None:
        return i18n.t("budget_per_year_sentence_open", lang, **values)
    return i18n.t("budget_per_year_sentence", lang, pct=i18n.fmt_pct(pct, lang), **values)


def per_year_table(per_year: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the per-year figures for display: year, budget, spent, execution (co-funding: see leverage)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731 - a short local alias keeps the table readable
    return pd.DataFrame(
        {
            t("budget_year"): [year_label(r) for _, r in per_year.iterrows()],
            t("budget_budget"): [i18n.fmt_eur(v, lang) for v in per_year["budget"]],
            t("budget_spend"): [i18n.fmt_eur(v, lang) for v in per_year["spend"]],
            t("budget_execution"): [
                i18n.fmt_pct(execution_pct(s, b), lang)
                for s, b in zip(per_year["spend"], per_year["budget"], strict=True)
            ],
        }
    )


def partial_note(per_year: pd.DataFrame, lang: str) -> str | None:
    """Explain the asterisk of a year that has not ended, or None when every year is complete."""
    open_years = per_year[~per_year["is_complete"].astype(bool)]
    if open_years.empty:
        return None
    row = open_years.iloc[-1]
    return i18n.t(
        "budget_partial_mark", lang, year=int(row["year"]), date=i18n.fmt_date(row["figures_until"], lang)
    )


# --- planning-and-control moments ---------------------------------------------------


def moments_sentence(moments: pd.DataFrame, year: int, lang: str) -> str:
    """Say how the budget moved from the first to the last recorded moment, and what was spent."""
    if moments.empty:
        return i18n.t("no_data_selection", lang)
    first, last = moments.iloc[0], moments.iloc[-1]
    values = {
        "year": year,
        "first_label": moment_label(first["moment"], lang).lower(),
        "first": i18n.fmt_eur(first["budget"], lang),
        "spend": money(first["spend"], lang),
    }
    if len(moments) == 1:
        return i18n.t("budget_moments_sentence_once", lang, **values)
    if last["budget"] == first["budget"]:
        values["last_label"] = moment_label(last["moment"], lang).lower()
        return i18n.t("budget_moments_sentence_same", lang, **values)
    change = 100 * (last["budget"] - first["budget"]) / first["budget"] if first["budget"] else None
    return i18n.t(
        "budget_moments_sentence",
        lang,
        last=i18n.fmt_eur(last["budget"], lang),
        last_label=moment_label(last["moment"], lang).lower(),
        change=signed_pct(change, lang),
        **values,
    )


def moments_table(moments: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the budget per moment, plus the spend, for display."""
    labels = [moment_label(m, lang) for m in moments["moment"]] + [i18n.t("budget_spend", lang)]
    amounts = list(moments["budget"]) + ([moments["spend"].iloc[0]] if len(moments) else [])
    return pd.DataFrame(
        {
            i18n.t("budget_moment", lang): labels[: len(amounts)],
            i18n.t("budget_amount", lang): [i18n.fmt_eur(v, lang) for v in amounts],
        }
    )


# --- per instrument or programme -----------------------------------------------------


def breakdown_frame(frame: pd.DataFrame, kind: str, lang: str) -> pd.DataFrame:
    """Return label, budget, spend for the instruments (``kind='instrument'``) or programmes."""
    labels = frame[f"name_{lang}"] if kind == "instrument" else frame["name"]
    return pd.DataFrame(
        {"label": labels.astype(str), "budget": frame["budget"], "spend": frame["spend"]}
    ).reset_index(drop=True)


def breakdown_sentence(breakdown: pd.DataFrame, year: int, kind: str, lang: str) -> str:
    """Name the largest budget and its share, and how many instruments or programmes overspent."""
    budgeted = breakdown.dropna(subset=["budget"])
    total = budgeted["budget"].sum()
    if budgeted.empty or total <= 0:
        return i18n.t("no_data_selection", lang)
    top = budgeted.loc[budgeted["budget"].idxmax()]
    if len(breakdown) == 1:
        return i18n.t(
            "budget_breakdown_sentence_single",
            lang,
            year=year,
            top=md(top["label"]),
            amount=money(top["budget"], lang),
            pct=i18n.fmt_pct(execution_pct(top["spend"], top["budget"]), lang),
        )
    over = int((breakdown["spend"] > breakdown["budget"].fillna(0)).sum())
    return i18n.t(
        "budget_breakdown_sentence",
        lang,
        year=year,
        top=md(top["label"]),
        amount=money(top["budget"], lang),
        share=i18n.fmt_pct(100 * top["budget"] / total, lang),
        total=money(total, lang),
        over=over,
        n=len(breakdown),
        unit=i18n.t(f"budget_unit_{kind}", lang),
    )


def breakdown_table(breakdown: pd.DataFrame, first_column: str, lang: str) -> pd.DataFrame:
    """Return the breakdown for display; ``first_column`` names the label column.

    Budget, spend and execution share one cell ("€ 1.423.000 begroot · € 800.794 uitgegeven · 56%"),
    which wraps, so the table fits a phone's width next to long Dutch names.
    """
    return pd.DataFrame(
        {
            first_column: [md(v) for v in breakdown["label"]],
            i18n.t("budget_budget_spend_execution", lang): [
                i18n.t(
                    "budget_budget_spend_cell",
                    lang,
                    budget=i18n.fmt_eur(b, lang),
                    spend=i18n.fmt_eur(s, lang),
                    pct=over_budget_text(s, b, lang),
                )
                for s, b in zip(breakdown["spend"], breakdown["budget"], strict=True)
            ],
        }
    )


def over_budget_text(spend: float, budget: float | None, lang: str) -> str:
    """Return the execution rate, with a marker when spend exceeds budget: "104% ▲ boven begroting"."""
    pct = execution_pct(spend, budget)
    text = i18n.fmt_pct(pct, lang)
    if pct is not None and pct > 100:
        text += " " + i18n.t("budget_over_marker", lang)
    return text


# --- cumulative spend -------------------------------------------------------------


def cumulative_points(cumulative: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return the monthly cumulative points with the origin (1 January, nothing spent) in front."""
    if cumulative.empty:
        return cumulative
    start = pd.DataFrame(
        {
            "month": [0],
            "period_end": [dt.date(year, 1, 1)],
            "spend": [0.0],
            "cumulative_spend": [0.0],
            "budget": [cumulative["budget"].iloc[0]],
            "even_spend": [0.0 if not _missing(cumulative["budget"].iloc[0]) else None],
        }
    )
    frame = cumulative.copy()
    frame["period_end"] = [pd.Timestamp(d).date() for d in frame["period_end"]]
    return pd.concat([start, frame], ignore_index=True)


def cumulative_sentence(cumulative: pd.DataFrame, year: int, complete: bool, lang: str) -> str:
    """Compare spend with even spending: so far for the current year, the largest gap for a past one."""
    if cumulative.empty:
        return i18n.t("no_data_selection", lang)
    last = cumulative.iloc[-1]
    date = i18n.fmt_date(pd.Timestamp(last["period_end"]).date(), lang)
    spend = money(last["cumulative_spend"], lang)
    if _missing(last["even_spend"]) or last["even_spend"] <= 0:
        return i18n.t("budget_cumulative_sentence_no_budget", lang, date=date, spend=spend)
    if complete:
        gaps = cumulative["even_spend"] - cumulative["cumulative_spend"]
        values = {
            "year": year,
            "spend": spend,
            "pct": i18n.fmt_pct(100 * last["cumulative_spend"] / last["budget"], lang),
        }
        if gaps.max() <= 0:
            return i18n.t("budget_cumulative_sentence_year_ahead", lang, **values)
        worst = cumulative.loc[gaps.idxmax()]
        month = i18n.fmt_month(pd.Timestamp(worst["period_end"]).date(), lang)
        return i18n.t(
            "budget_cumulative_sentence_year", lang, month=month, gap=money(gaps.max(), lang), **values
        )
    return i18n.t(
        "budget_cumulative_sentence",
        lang,
        date=date,
        spend=spend,
        budget=money(last["budget"], lang),
        even=money(last["even_spend"], lang),
        pct=i18n.fmt_pct(100 * last["cumulative_spend"] / last["even_spend"], lang),
    )


def cumulative_table(cumulative: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the monthly figures for display."""
    return pd.DataFrame(
        {
            i18n.t("budget_until", lang): [
                i18n.table_date(pd.Timestamp(d).date(), lang) for d in cumulative["period_end"]
            ],
            i18n.t("budget_month_spend", lang): [i18n.fmt_eur(v, lang) for v in cumulative["spend"]],
            i18n.t("budget_cumulative_spend", lang): [
                i18n.fmt_eur(v, lang) for v in cumulative["cumulative_spend"]
            ],
            i18n.t("budget_even_spend", lang): [i18n.fmt_eur(v, lang) for v in cumulative["even_spend"]],
        }
    )


# --- leverage ---------------------------------------------------------------------


def leverage_sentence(leverage: pd.DataFrame, lang: str) -> str:
    """Say what each municipal euro brought in the latest completed year, against the first."""
    values = leverage.dropna(subset=["leverage"])
    if values.empty:
        return i18n.t("no_data_selection", lang)
    first, last = values.iloc[0], values.iloc[-1]
    return i18n.t(
        "budget_leverage_sentence",
        lang,
        year=int(last["year"]),
        value=per_euro(last["leverage"], lang),
        first_year=int(first["year"]),
        first_value=per_euro(first["leverage"], lang),
    )


def leverage_table(
    leverage: pd.DataFrame, lang: str, instrument: pd.DataFrame | None = None, instrument_name: str = ""
) -> pd.DataFrame:
    """Return spend, co-funding and leverage per year for display.

    With an instrument, the table compares the two leverage lines instead (three columns keep it
    within a phone's width).
    """
    year = i18n.t("budget_year", lang)
    if instrument is not None:
        own = dict(zip(instrument["year"].astype(int), instrument["leverage"], strict=True))
        return pd.DataFrame(
            {
                year: [str(int(y)) for y in leverage["year"]],
                i18n.t("budget_whole_pillar", lang): [per_euro(v, lang) for v in leverage["leverage"]],
                md(instrument_name): [per_euro(own.get(int(y)), lang) for y in leverage["year"]],
            }
        )
    return pd.DataFrame(
        {
            year: [str(int(y)) for y in leverage["year"]],
            i18n.t("budget_spend", lang): [i18n.fmt_eur(v, lang) for v in leverage["spend"]],
            i18n.t("budget_cofunding", lang): [i18n.fmt_eur(v, lang) for v in leverage["cofunding"]],
            i18n.t("budget_leverage", lang): [per_euro(v, lang) for v in leverage["leverage"]],
        }
    )


# --- spend lines --------------------------------------------------------------------


def programme_options(programmes: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return programme code -> label for the drill-down choice ("name (instrument)")."""
    return {
        row["programme_code"]: f"{row['name']} ({row[f'instrument_{lang}']})"
        for _, row in programmes.iterrows()
    }


def lead_text(programme: pd.Series, lang: str) -> str:
    """Say who runs a programme: the municipality or a partner (facilitating, not steering)."""
    if programme["lead"] == "partner" and not _missing(programme["partner_name"]):
        text = i18n.t("budget_lead_partner", lang, partner=md(programme["partner_name"]))
        # "B.V." at the end of a sentence: one full stop is enough.
        return text[:-1] if text.endswith("\\..") else text
    return i18n.t("budget_lead_municipality", lang)


def lines_sentence(lines: pd.DataFrame, programme: str, year: int, lang: str) -> str:
    """Count the year's spend lines and their total; say when only the latest are shown."""
    if lines.empty:
        return i18n.t("no_data_selection", lang)
    total_lines = int(lines["total_lines"].iloc[0])
    text = i18n.plural(
        "budget_lines_sentence",
        total_lines,
        lang,
        programme=md(programme),
        year=year,
        total=i18n.fmt_eur(lines["total_amount"].iloc[0], lang),
    )
    if total_lines > len(lines):
        text += " " + i18n.t("budget_lines_limited", lang, shown=i18n.fmt_number(len(lines), lang))
    return text


def lines_table(lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return spend lines for display: date, description with the kind of recipient, amount.

    Three columns keep the table within a phone's width (a wider one would scroll sideways).
    """
    return pd.DataFrame(
        {
            # Whole on one line at 320 px, not "30-/09-2026" (as in the ambitions' tables).
            i18n.t("budget_date", lang): [
                i18n.table_date(pd.Timestamp(d).date(), lang) for d in lines["booking_date"]
            ],
            i18n.t("budget_description", lang): [
                f"{md(text)} · {counterparty_label(kind, lang).lower()}"
                if text
                else counterparty_label(kind, lang)
                for text, kind in zip(
                    lines["description"].fillna(""), lines["counterparty_kind"], strict=True
                )
            ],
            i18n.t("budget_amount", lang): [cents(v, lang) for v in lines["amount"]],
        }
    )


def line_pages(count: int, lang: str) -> dict[int, str]:
    """Return first row -> label ("1–50", "51–100", ...) for paging through ``count`` spend lines."""
    return {
        start: f"{i18n.fmt_number(start + 1, lang)}–{i18n.fmt_number(min(start + PAGE_ROWS, count), lang)}"
        for start in range(0, count, PAGE_ROWS)
    }


# --- notes ------------------------------------------------------------------------


def notes_for(
    notes: pd.DataFrame, lang: str, kind: str, codes: set[str] | list[str], year: int | None = None
) -> list[str]:
    """Return the public notes on the given subjects as caption texts; ``year`` keeps only overlapping ones.

    The query returns public notes only; this picks the ones that belong under a chart.
    """
    out = []
    for _, note in notes.iterrows():
        if note["subject_kind"] != kind or note["subject_code"] not in set(codes):
            continue
        start, end = pd.Timestamp(note["period_start"]).date(), pd.Timestamp(note["period_end"]).date()
        if year is not None and not (start.year <= year <= end.year):
            continue
        values = {
            "start": i18n.fmt_date(start, lang),
            "end": i18n.fmt_date(end, lang),
            "body": bilingual.passage(note["body"], note.get("body_en"), lang),
            "written": bilingual.written(note["body"], note.get("body_en"), lang),
        }
        if kind == "programme":
            out.append(i18n.t("budget_note_programme", lang, name=md(note["programme_name"]), **values))
        else:
            out.append(i18n.t("budget_note", lang, **values))
    return out
