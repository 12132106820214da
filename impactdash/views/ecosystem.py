"""The ecosystem page's domain logic: measures, kinds of organisation, network layout, sentences, tables.

No Streamlit here: the page reads the queries, this module turns their frames into the
sentences, display tables and graph coordinates the page shows, and the tests check them
directly. Every visible word comes from :mod:`impactdash.i18n`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from impactdash import i18n
from impactdash.charts.base import PALETTE
from impactdash.measures import progress
from impactdash.measures.progress import AmbitionProgress
from impactdash.safe_text import escape_hover, escape_markdown, typed_in  # noqa: F401 (re-exported for the page)
from impactdash.views import ambitions as ambitions_view
from impactdash.views import bilingual

#: The ecosystem measures, in the order the page shows them.
METRICS = (
    "impact_enterprises",
    "impact_jobs_fte",
    "investment_raised_eur",
    "network_size",
    "connections_made",
    "connections_programme_pct",
    "partner_led_pct",
    "events_held",
    "event_participants",
)

#: Kinds of organisation with their marker symbol and colour (the charts' palette, without the
#: yellow). Shape and colour both differ, so kind is never told by colour alone.
KINDS = {
    "impact_enterprise": ("circle", PALETTE[0]),
    "financier": ("diamond", PALETTE[1]),
    "supplier": ("square", PALETTE[2]),
    "knowledge_institution": ("triangle-up", PALETTE[3]),
    "government": ("pentagon", PALETTE[4]),
    "foundation_ngo": ("star", PALETTE[5]),
    "corporate": ("hexagon", PALETTE[7]),
}

#: Caps on what the network graph draws (nodes, and pairs of connected nodes).
MAX_NODES = 300
MAX_EDGES = 1000


# Markdown, HTML and Streamlit's $-maths characters: escaped in text typed by editors.


def kind_label(kind: str, lang: str) -> str:
    """Return the name of a kind of organisation in ``lang``."""
    return i18n.t(f"eco_kind_{kind}", lang)


# --- network layout -----------------------------------------------------------------


def spring_layout(
    nodes: list[str],
    edges: list[tuple[str, str, float]],
    seed: int = 7,
    iterations: int = 120,
    gravity: float = 0.4,
) -> dict[str, tuple[float, float]]:
    """Place ``nodes`` in the square [-1, 1]² with a seeded Fruchterman–Reingold spring layout.

    ``edges`` are (node, node, weight); edges to unknown nodes and loops are ignored. The
    result depends only on the set of nodes and edges and the seed (both are sorted first),
    so the same data always gives the same picture. ``gravity`` pulls every node towards the
    centre, so unconnected organisations and small groups stay near the rest.
    """
    codes = sorted(set(nodes))
    n = len(codes)
    if n == 0:
        return {}
    if n == 1:
        return {codes[0]: (0.0, 0.0)}
    index = {code: i for i, code in enumerate(codes)}
    links = sorted(
        (min(index[a], index[b]), max(index[a], index[b]), float(w))
        for a, b, w in edges
        if a in index and b in index and a != b
    )
    src = np.array([a for a, _, _ in links], dtype=int)
    dst = np.array([b for _, b, _ in links], dtype=int)
    weight = np.array([1.0 + math.log(max(w, 1.0)) for _, _, w in links])

    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, size=(n, 2))
    k = math.sqrt(4.0 / n)  # ideal distance: the square's area shared by the nodes
    temperature = 0.2
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        # Repulsion k²/d between every pair: k²/d² times the difference vector.
        dx = pos[:, 0:1] - pos[:, 0]
        dy = pos[:, 1:2] - pos[:, 1]
        factor = k * k / np.maximum(dx * dx + dy * dy, 1e-8)
        disp = np.stack(((factor * dx).sum(axis=1), (factor * dy).sum(axis=1)), axis=1)
        if len(links):
            d_e = pos[src] - pos[dst]
            pull = (np.sqrt((d_e**2).sum(axis=1)) / k * weight)[:, None] * d_e  # attraction d²/k
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        disp -= gravity * n * k * pos
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cooling
    # Fit the bulk of the network to the square: the 95th percentile of the distance to the
    # centre goes to 0.9, and the few organisations beyond are drawn in to the edge, so one
    # loose organisation cannot shrink the rest into a knot.
    pos -= np.median(pos, axis=0)
    radius = np.sqrt((pos**2).sum(axis=1))
    pos /= max(float(np.percentile(radius, 95)) / 0.9, 1e-9)
    radius = np.sqrt((pos**2).sum(axis=1))
    outside = radius > 0.9
    pos[outside] *= ((0.9 + 0.1 * np.tanh((radius[outside] - 0.9) / 0.1)) / radius[outside])[:, None]
    return {code: (float(pos[i, 0]), float(pos[i, 1])) for i, code in enumerate(codes)}


def edge_path(edges: list[tuple[str, str]], positions: dict[str, tuple[float, float]]) -> str:
    """Return all edges as one SVG path in data coordinates ("M x,y L x,y ..."), for one plotly shape.

    One path is drawn in one go; a line trace of the same segments (``None`` between them)
    cost the browser a few hundred milliseconds more on the ecosystem page. Edges to an
    organisation without a position are left out.
    """
    return " ".join(
        f"M{positions[a][0]:.4f},{positions[a][1]:.4f}L{positions[b][0]:.4f},{positions[b][1]:.4f}"
        for a, b in edges
        if a in positions and b in positions
    )


# --- axis ticks -------------------------------------------------------------------------


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Return round tick values (steps of 1, 2 or 5 × 10^k) covering [low, high], about ``count``."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    low, high = min(low, high, 0.0), max(low, high)
    if high == low:
        return [low]
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


# --- sentences ----------------------------------------------------------------------------


def ambition_sentence(item: AmbitionProgress, lang: str) -> str:
    """Say where an ambition stands: latest value and date, the expected value, the target, why its status."""
    a = item.assessment
    fmt = lambda v: i18n.fmt_value(v, item.unit, lang)  # noqa: E731 - one short local formatter
    target = fmt(item.ambition.target.value)
    target_date = i18n.fmt_date(item.ambition.target.date, lang)
    if a.latest is None:
        return i18n.t("eco_ambition_no_values", lang, target=target, target_date=target_date)
    key = "eco_ambition_sentence_cumulative" if item.ambition.cumulative else "eco_ambition_sentence"
    text = i18n.t(
        key,
        lang,
        latest=fmt(a.latest.value),
        date=i18n.fmt_date(a.latest.date, lang),
        expected=fmt(a.expected),
        target=target,
        target_date=target_date,
        baseline_date=i18n.fmt_date(item.ambition.baseline.date, lang),
    )
    # Why the status shown above the sentence: place on the path and pace, from the one rule.
    return f"{text} {ambitions_view.status_reason(item, lang)}"


def connections_sentence(frame: pd.DataFrame, lang: str) -> str:
    """Summarise the ``ecosystem_connections_year`` frame: the latest year against the first."""
    last, first = frame.iloc[-1], frame.iloc[0]
    values = {
        "year": int(last["year"]),
        "made": i18n.fmt_number(last["made"], lang),
        "through": i18n.fmt_number(last["through_programme"], lang),
        "pct": i18n.fmt_pct(last["programme_pct"], lang),
        "first_year": int(first["year"]),
        "first_pct": i18n.fmt_pct(first["programme_pct"], lang),
    }
    key = "eco_connections_sentence" if len(frame) > 1 else "eco_connections_sentence_one"
    return i18n.t(key, lang, **values)


def lead_sentence(frame: pd.DataFrame, lang: str) -> str:
    """Summarise the ``ecosystem_programme_lead`` frame: partner-led share, latest year against first."""
    last, first = frame.iloc[-1], frame.iloc[0]
    values = {
        "year": int(last["year"]),
        "partner": i18n.fmt_number(last["partner_led"], lang),
        "total": i18n.fmt_number(last["programmes"], lang),
        "pct": i18n.fmt_pct(last["partner_pct"], lang),
        "first_year": int(first["year"]),
        "first_partner": i18n.fmt_number(first["partner_led"], lang),
        "first_total": i18n.fmt_number(first["programmes"], lang),
        "first_pct": i18n.fmt_pct(first["partner_pct"], lang),
    }
    return i18n.t("eco_lead_sentence" if len(frame) > 1 else "eco_lead_sentence_one", lang, **values)


def network_sentence(nodes: pd.DataFrame, edges: pd.DataFrame, on: object, lang: str) -> str:
    """Summarise the network: organisations, connections and pairs, and the largest kind."""
    kinds = kind_table(nodes, lang)
    largest = kinds.iloc[0]
    return i18n.t(
        "eco_network_sentence",
        lang,
        date=i18n.fmt_date(on, lang),
        organisations=i18n.fmt_number(nodes["total_organisations"].iloc[0], lang),
        connections=i18n.fmt_number(nodes["total_connections"].iloc[0], lang),
        pairs=i18n.fmt_number(edges["total_pairs"].iloc[0] if len(edges) else 0, lang),
        largest=largest.iloc[0][:1].lower() + largest.iloc[0][1:],
        largest_n=largest.iloc[1],
    )


def network_is_capped(nodes: pd.DataFrame, edges: pd.DataFrame) -> bool:
    """Tell whether the graph leaves organisations or pairs out."""
    more_nodes = len(nodes) and nodes["total_organisations"].iloc[0] > len(nodes)
    more_edges = len(edges) and edges["total_pairs"].iloc[0] > len(edges)
    return bool(more_nodes or more_edges)


# --- display tables -----------------------------------------------------------------------


def kind_table(nodes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return organisations and connections per kind (whole network, not only the drawn part)."""
    per_kind = (
        nodes.groupby("kind", as_index=False)[["kind_total", "kind_connections"]]
        .first()
        .sort_values(["kind_total", "kind"], ascending=[False, True])
    )
    return pd.DataFrame(
        {
            i18n.t("eco_kind", lang): [kind_label(k, lang) for k in per_kind["kind"]],
            i18n.t("eco_organisations", lang): [i18n.fmt_number(v, lang) for v in per_kind["kind_total"]],
            i18n.t("eco_connections_of", lang): [
                i18n.fmt_number(v, lang) for v in per_kind["kind_connections"]
            ],
        }
    )


def connections_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the connections per year as a display table with localised headers and numbers."""
    return pd.DataFrame(
        {
            i18n.t("eco_year", lang): frame["year"].astype(int).astype(str),
            i18n.t("eco_connections_made", lang): [i18n.fmt_number(v, lang) for v in frame["made"]],
            i18n.t("eco_through_programme", lang): [
                i18n.fmt_number(v, lang) for v in frame["through_programme"]
            ],
            i18n.t("eco_other", lang): [i18n.fmt_number(v, lang) for v in frame["other"]],
            i18n.t("eco_share_programme", lang): [i18n.fmt_pct(v, lang) for v in frame["programme_pct"]],
        }
    )


def lead_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the programmes per year by lead as a display table."""
    return pd.DataFrame(
        {
            i18n.t("eco_year", lang): frame["year"].astype(int).astype(str),
            i18n.t("eco_led_by_partner", lang): [i18n.fmt_number(v, lang) for v in frame["partner_led"]],
            i18n.t("eco_led_by_municipality", lang): [
                i18n.fmt_number(v, lang) for v in frame["municipality_led"]
            ],
            i18n.t("eco_programmes", lang): [i18n.fmt_number(v, lang) for v in frame["programmes"]],
            i18n.t("eco_partner_share", lang): [i18n.fmt_pct(v, lang) for v in frame["partner_pct"]],
        }
    )


def ambition_table(item: AmbitionProgress, lang: str) -> pd.DataFrame:
    """Return an ambition's trajectory anchors and actual values as one display table, by date."""
    rows = [
        (p.date, i18n.t("trajectory", lang), p.value)
        for p in (item.ambition.baseline, *item.ambition.milestones, item.ambition.target)
    ] + [(p.date, i18n.t("actual", lang), p.value) for p in item.series]
    rows.sort(key=lambda r: (r[0], r[1]))
    return pd.DataFrame(
        {
            i18n.t("eco_col_date", lang): [i18n.fmt_date(d, lang) for d, _, _ in rows],
            i18n.t("eco_col_series", lang): [s for _, s, _ in rows],
            i18n.t("eco_col_value", lang): [i18n.fmt_value(v, item.unit, lang) for _, _, v in rows],
        }
    )


def key_figure_texts(values: pd.DataFrame, catalogue: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """Return the page's key figures: (measure, latest value, its date) for each of :data:`METRICS`.

    ``values`` is the municipality's ``metric_values``, ``catalogue`` the measure catalogue
    indexed by code. Compact numbers ("1,2 mln."): three figures share a row.
    """
    latest_values = progress.latest_values(values)
    figures = []
    for code in METRICS:
        latest = latest_values.get(code)
        figures.append(
            (
                str(catalogue.loc[code, f"name_{lang}"]),
                i18n.fmt_value(
                    latest[1] if latest else None, catalogue.loc[code, "unit"], lang, compact=True
                ),
                i18n.fmt_date(latest[0], lang) if latest else i18n.t("no_data_selection", lang),
            )
        )
    return figures


def note_texts_by_measure(notes: pd.DataFrame, lang: str) -> dict[str | None, list[str]]:
    """Return the public notes as safe markdown per measure code; key ``None``: notes on programmes.

    One pass over the notes, so a page that shows the notes of many measures reads them once.
    A text in the other language is marked (render with HTML allowed).
    """
    texts: dict[str | None, list[str]] = {}
    for row in notes.itertuples(index=False):
        period = {"start": i18n.fmt_date(row.period_start, lang), "end": i18n.fmt_date(row.period_end, lang)}
        body = bilingual.passage(row.body, getattr(row, "body_en", None), lang)
        period["written"] = bilingual.written(row.body, getattr(row, "body_en", None), lang)
        if isinstance(row.metric_code, str):
            texts.setdefault(row.metric_code, []).append(i18n.t("eco_note", lang, body=body, **period))
        if isinstance(row.programme_code, str):
            name = escape_markdown(row.programme_name)
            texts.setdefault(None, []).append(
                i18n.t("eco_note_programme", lang, programme=name, body=body, **period)
            )
    return texts


def note_texts(notes: pd.DataFrame, lang: str, metric_code: str | None = None) -> list[str]:
    """Return the public notes on one measure (or, with no measure, on programmes) as safe markdown."""
    return note_texts_by_measure(notes, lang).get(metric_code, [])
