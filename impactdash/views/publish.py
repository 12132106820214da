"""What the publish page shows, built without Streamlit: the history table and the labels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from impactdash import i18n
from impactdash.publish import pointer
from impactdash.safe_text import escape_markdown


def _when(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    return i18n.fmt_time(pd.Timestamp(value).to_pydatetime(), lang)


def status_text(status: str, is_current: bool, lang: str) -> str:
    """Return a publication's status in words ('published (current)' for the one the public sees)."""
    return i18n.t("publish_status_current" if is_current else f"publish_status_{status}", lang)


def version_labels(
    publications: pd.DataFrame,
    folder: Path,
    current_id: int | None,
    lang: str,
    statuses: tuple[str, ...] = ("requested", "approved", "rejected", "withdrawn"),
) -> dict[int, str]:
    """Return {id: label} of the publications in ``statuses`` whose snapshot file exists.

    For the pages that let a person pick a version (what changed, the report). A label
    reads "1 · Q3 2026 · 27-11-2026 · gepubliceerd (huidig)": number, label, the date it
    was decided (or requested, while it waits) and its status. Plain text for a select
    box, which shows it as typed.
    """
    labels = {}
    for row in publications.itertuples(index=False):
        number = int(row.id)
        if row.status not in statuses or not (folder / pointer.snapshot_name(number)).exists():
            continue
        when = (
            row.decided_at if row.decided_at is not None and not pd.isna(row.decided_at) else row.requested_at
        )
        date = i18n.fmt_date(pd.Timestamp(when).date(), lang)
        status = status_text(row.status, number == current_id, lang)
        labels[number] = f"{number} · {row.label} · {date} · {status}"
    return labels


def history_frame(publications: pd.DataFrame, current_id: int | None, lang: str) -> pd.DataFrame:
    """Return the publications as a table in the page language, typed text escaped."""
    t = i18n.t
    return pd.DataFrame(
        {
            t("publish_col_id", lang): publications["id"].astype(int),
            t("publish_col_label", lang): publications["label"].map(escape_markdown),
            t("publish_col_status", lang): [
                status_text(s, int(i) == current_id, lang)
                for s, i in zip(publications["status"], publications["id"], strict=True)
            ],
            t("publish_col_requested", lang): [_when(v, lang) for v in publications["requested_at"]],
            t("publish_col_requested_by", lang): publications["requested_by"].map(escape_markdown),
            t("publish_col_decided", lang): [_when(v, lang) for v in publications["decided_at"]],
            t("publish_col_decided_by", lang): publications["decided_by"].fillna("–").map(escape_markdown),
            t("publish_col_note", lang): [
                escape_markdown(" / ".join(str(n) for n in (r, d) if isinstance(n, str) and n)) or "–"
                for r, d in zip(publications["request_note"], publications["decision_note"], strict=True)
            ],
        }
    )


def pending_label(row, lang: str) -> str:
    """Return the heading of one waiting request: label, who asked and when."""
    return i18n.t(
        "publish_pending_entry",
        lang,
        label=escape_markdown(row.label),
        by=escape_markdown(row.requested_by),
        date=_when(row.requested_at, lang),
    )


def suggested_label(reporting_date: dt.date | None) -> str:
    """Suggest a label from the reporting date: the quarter it closes ('Q3 2026')."""
    if reporting_date is None or pd.isna(reporting_date):
        return ""
    day = pd.Timestamp(reporting_date)
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"
