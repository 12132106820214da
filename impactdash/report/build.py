"""The council report of a publication, as HTML or PDF.

Both formats hold the same content (:mod:`impactdash.report.model`): a cover with the
publication, its approval and the reporting date; a one-page summary (the status of every
ambition, the key figures, what changed since the previous publication); a table of
contents; sections on budget and spend across the P&C moments, deployed property,
ecosystem growth, leverage and partner leadership (:mod:`impactdash.report.sections`);
the ambitions, compactly; an annex of definitions and sources. Statuses and sentences
come from :mod:`impactdash.measures.progress` and :mod:`impactdash.views`, so the report
says what the pages say.

Nothing here fetches anything: the HTML file holds its style and its charts (inline SVG),
the PDF embeds a font that ships with matplotlib. No Streamlit: the report page, the
command line (``python -m impactdash report``) and the bench call the functions below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from impactdash.publish import pointer, serving
from impactdash.report.model import Progress, Report, build

__all__ = ["Progress", "Report", "build", "publication_report", "report_file", "report_html", "report_pdf"]

FORMATS = ("pdf", "html")


def report_html(con, lang: str, *, progress_to: Progress | None = None, **kwargs) -> str:
    """Return the report as one self-contained HTML document, in Dutch (``nl``) or English (``en``).

    ``con`` is a DuckDB connection to a database with the full schema (a publication
    snapshot or the working file); the keyword arguments are :func:`build`'s (``label``,
    ``published_at``, ``municipalities``, ``previous``, ...). Raises ``ValueError`` for an
    unknown municipality code.
    """
    # Imported here: the renderers pull in matplotlib, which pages that never export needn't load.
    from impactdash.report import html as html_renderer

    report = build(con, lang, progress_to=progress_to, **kwargs)
    return html_renderer.render(report, progress_to)


def report_pdf(con, lang: str, *, progress_to: Progress | None = None, **kwargs) -> bytes:
    """Return the report as PDF bytes (A4), in Dutch (``nl``) or English (``en``).

    Same arguments and content as :func:`report_html`.
    """
    from impactdash.report import pdf as pdf_renderer

    report = build(con, lang, progress_to=progress_to, **kwargs)
    return pdf_renderer.render(report, progress_to)


def report_file(
    con,
    fmt: str,
    lang: str,
    label: str,
    published_at: dt.datetime,
    municipalities: tuple[str, ...] | None = None,
    previous=None,
    previous_label: str | None = None,
    approval_note: str | None = None,
    progress_to: Progress | None = None,
) -> bytes:
    """Return the report as the bytes of a file: ``fmt`` is ``"pdf"`` or ``"html"`` (UTF-8)."""
    kwargs = {
        "label": label,
        "published_at": published_at,
        "municipalities": list(municipalities) if municipalities else None,
        "previous": previous,
        "previous_label": previous_label,
        "approval_note": approval_note,
        "progress_to": progress_to,
    }
    if fmt == "pdf":
        return report_pdf(con, lang, **kwargs)
    if fmt == "html":
        return report_html(con, lang, **kwargs).encode("utf-8")
    raise ValueError(f"Unknown report format: {fmt}")


def publication_report(
    folder: Path,
    publication_id: int | None,
    fmt: str,
    lang: str,
    municipalities: tuple[str, ...] | None = None,
    progress_to: Progress | None = None,
) -> bytes:
    """Return the report of a publication in ``folder`` (the current one if ``publication_id`` is None).

    Reads the publication's own snapshot, compared with the approved publication before it
    (for "what changed"). Raises ``LookupError`` if there is no such publication (or none
    at all) among the approved ones whose snapshot is in the folder.
    """
    history = pointer.history(folder)
    if publication_id is None:
        now = pointer.current(folder)
        if now is None:
            raise LookupError("nothing has been published yet")
        publication_id = now.id
    found = [i for i, p in enumerate(history) if p.id == publication_id]
    if not found:
        known = ", ".join(str(p.id) for p in history) or "none"
        raise LookupError(f"no approved publication {publication_id} in {folder} (approved: {known})")
    chosen = history[found[0]]
    before = history[found[0] - 1] if found[0] > 0 else None
    # An older snapshot is read through an upgraded copy, as the public pages read it: the
    # report's queries may need what a later migration added (the file itself stays as approved).
    con = serving.open_publication(folder / chosen.file)
    previous = serving.open_publication(folder / before.file) if before else None
    try:
        return report_file(
            con,
            fmt,
            lang,
            chosen.label,
            chosen.approved_at,
            municipalities,
            previous=previous,
            previous_label=before.label if before else None,
            approval_note=chosen.note,
            progress_to=progress_to,
        )
    finally:
        con.close()
        if previous is not None:
            previous.close()
