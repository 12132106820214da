"""The alderman's progress report: the progress review of a publication, as HTML or PDF.

Both formats hold the same content (:mod:`impactdash.report.model`): a cover with the
publication's label and date and the municipalities covered; a summary of statuses per
municipality; then one page per ambition with its figures, its chart, the programmes
serving it and its public notes. Statuses come from :mod:`impactdash.measures.progress`, so the
report says what the pages say.

Nothing here fetches anything: the HTML file holds its style and its charts (inline SVG),
the PDF embeds a font that ships with matplotlib. No Streamlit: a page offers the two
functions below as downloads.
"""

from __future__ import annotations

import datetime as dt

from impactdash.report.model import Report, build

__all__ = ["Report", "build", "report_file", "report_html", "report_pdf"]


def report_html(
    con,
    lang: str,
    *,
    label: str,
    published_at: dt.datetime,
    municipalities: list[str] | None = None,
) -> str:
    """Return the progress report as one self-contained HTML document, in Dutch (``nl``) or English (``en``).

    ``con`` is a DuckDB connection to a database with the full schema (a publication
    snapshot or the working file); ``municipalities`` limits the report to those CBS
    codes (all municipalities if None). Raises ``ValueError`` for an unknown code.
    """
    # Imported here: the renderers pull in matplotlib, which pages that never export needn't load.
    from impactdash.report import html as html_renderer

    report = build(con, lang, label=label, published_at=published_at, municipalities=municipalities)
    return html_renderer.render(report)


def report_pdf(
    con,
    lang: str,
    *,
    label: str,
    published_at: dt.datetime,
    municipalities: list[str] | None = None,
) -> bytes:
    """Return the progress report as PDF bytes (A4), in Dutch (``nl``) or English (``en``).

    Same arguments and content as :func:`report_html`.
    """
    from impactdash.report import pdf as pdf_renderer

    report = build(con, lang, label=label, published_at=published_at, municipalities=municipalities)
    return pdf_renderer.render(report)


def report_file(
    con,
    fmt: str,
    lang: str,
    label: str,
    published_at: dt.datetime,
    municipalities: tuple[str, ...] | None = None,
) -> bytes:
    """Return the report as the bytes of a file: ``fmt`` is ``"pdf"`` or ``"html"`` (UTF-8).

    Positional, hashable arguments, so a page can cache it per publication with ``ui.cached_on``.
    """
    chosen = list(municipalities) if municipalities else None
    if fmt == "pdf":
        return report_pdf(con, lang, label=label, published_at=published_at, municipalities=chosen)
    if fmt == "html":
        return report_html(con, lang, label=label, published_at=published_at, municipalities=chosen).encode(
            "utf-8"
        )
    raise ValueError(f"Unknown report format: {fmt}")
