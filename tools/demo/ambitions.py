"""Headline measure values, and ambitions whose targets land where the story wants them.

The status rules (thresholds, trajectory, gap) are the dashboard's own, imported from
``impactdash.measures.metrics``: the demo checks each ambition the way the dashboard will show it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

from impactdash.measures import metrics

from .dates import quarter_end, year_end, year_start
from .spec import Spec

# The position on the path each aim should give on the dashboard (metrics.position).
AIM_STATUS = {
    "ahead": metrics.Status.ON_TRACK,
    "risk": metrics.Status.AT_RISK,
    "behind": metrics.Status.OFF_TRACK,
}


def aim_band(aim: str) -> tuple[float, float]:
    """Gaps accepted for an aim: inside the status band, with a margin from its edges."""
    on_track, at_risk = metrics.ON_TRACK_MAX_GAP, metrics.AT_RISK_MAX_GAP
    return {
        "ahead": (-0.4, -0.03),
        "risk": (on_track + 0.01, at_risk - 0.01),
        "behind": (at_risk + 0.05, 0.7),
    }[aim]


def compute_metric_values(spec: Spec, spend, cofunding, props, occ, orgs, conns):
    """Replicates the views of migration 0002 for the headline measures.

    Returns {(metric, municipality key): [(period_end, value), ...]} sorted by date.
    """
    reporting_date, last_year = spec.reporting_date, spec.last_year
    series: dict[tuple[str, str], dict[date, float]] = defaultdict(dict)
    last_full_year = last_year - 1 if reporting_date < year_end(last_year) else last_year
    for city in spec.cities:
        for metric, obs in city.observations.items():
            for i, v in enumerate(obs["values"]):
                if year_end(obs["first_year"] + i) <= reporting_date:
                    series[(metric, city.key)][year_end(obs["first_year"] + i)] = float(v)
    spend_y = defaultdict(int)
    for ln in spend:
        spend_y[(ln["key"], ln["booking_date"].year)] += ln["cents"]
    cof_y = defaultdict(int)
    for c in cofunding:
        cof_y[(c["programme_code"][:2], c["year"])] += c["amount"] * 100
    for (key, y), cents in spend_y.items():
        if y <= last_full_year:
            series[("spend_eur", key)][year_end(y)] = cents / 100
            if cents > 0:
                series[("leverage_ratio", key)][year_end(y)] = cof_y.get((key, y), 0) / cents
    quarter_ends = [
        quarter_end(y, q)
        for y in range(2010, last_year + 1)
        for q in range(1, 5)
        if quarter_end(y, q) <= reporting_date
    ]
    occ_by = {(o["property_code"], quarter_end(o["year"], o["quarter"])): o for o in occ}
    for qe in quarter_ends:
        floor = defaultdict(float)
        occupied = defaultdict(float)
        floor_occ = defaultdict(float)
        for p in props:
            if p["available_from"] <= qe and (p["available_until"] is None or p["available_until"] >= qe):
                key = p["code"][:2]
                floor[key] += p["impact_floor_m2"]
                o = occ_by.get((p["code"], qe))
                if o:
                    occupied[key] += o["occupied_m2"]
                    floor_occ[key] += p["impact_floor_m2"]
        for key, m2 in floor.items():
            series[("impact_floor_m2", key)][qe] = m2
            if floor_occ[key] > 0:
                series[("occupancy_pct", key)][qe] = 100 * occupied[key] / floor_occ[key]
    for city in spec.cities:
        key = city.key
        members = [o for o in orgs if o["code"].startswith(key)]
        for d in [year_end(y) for y in range(2010, last_full_year + 1)] + [reporting_date]:
            n = sum(
                1 for o in members if o["joined_date"] <= d and (o["left_date"] is None or o["left_date"] > d)
            )
            if n:
                series[("network_size", key)][d] = float(n)
        for y in range(2010, last_full_year + 1):
            made = sum(1 for c in conns if c["from_org"].startswith(key) and c["connected_on"].year == y)
            if made:
                series[("connections_made", key)][year_end(y)] = float(made)
            running = [
                p
                for p in city.programmes
                if p.start <= year_end(y) and (p.end is None or p.end >= year_start(y))
            ]
            if running:
                share = sum(1 for p in running if p.lead == "partner") / len(running)
                series[("partner_led_pct", key)][year_end(y)] = 100 * share
    return {k: sorted(v.items()) for k, v in series.items()}


def nice_round(value: float, step: float) -> float:
    return round(round(value / step) * step, 10)


def baseline_precision(unit: str) -> int:
    return {"eur": 2, "ratio": 3, "percent": 2, "m2": 0, "count": 0, "fte": 1}[unit]


def ambition(b_date, baseline, ms_dates, ms_values, t_date, target, cumulative=False) -> metrics.Ambition:
    return metrics.Ambition(
        baseline=metrics.Point(b_date, baseline),
        target=metrics.Point(t_date, target),
        milestones=tuple(metrics.Point(d, v) for d, v in zip(ms_dates, ms_values, strict=True)),
        cumulative=cumulative,
    )


def build_ambitions(spec: Spec, values):
    """Ambitions and milestones: baselines from the facts, round targets chosen for the aim."""
    units = spec.catalogue["measures"]
    aims = spec.catalogue["ambition_aims"]
    ambitions, milestones, report = [], [], []
    for city in spec.cities:
        for a in city.ambitions:
            code, b_date, t_date, ms_dates = a.code, a.baseline_date, a.target_date, a.milestones
            series = values[(a.metric, city.key)]
            observations = [metrics.Point(d, v) for d, v in series]
            unit = units[a.metric]
            if a.cumulative:
                baseline = 0.0  # nothing summed yet at the baseline date
                after = [(d, v) for d, v in series if d > b_date]
                latest_date, latest = after[-1][0], sum(v for _d, v in after)
            else:
                at = dict(series)
                if b_date not in at:
                    raise ValueError(f"{code}: no {a.metric} value on the baseline date {b_date}")
                baseline = round(at[b_date], baseline_precision(unit))
                latest_date, latest = series[-1]
            if latest <= baseline:
                raise ValueError(f"{code}: latest {latest} not above baseline {baseline}")
            # Trajectory fractions: milestones on the straight line in time, so the anchors
            # form a straight line from baseline to target before rounding.
            span = (t_date - b_date).days
            mus = [(d - b_date).days / span for d in ms_dates]
            phi = metrics.trajectory(ambition(b_date, 0.0, ms_dates, mus, t_date, 1.0), latest_date)
            lo, hi = aim_band(a.aim)
            g = aims[a.aim]
            if a.aim == "ahead" and phi - g > 0.95:  # keep the target above the latest value
                g = phi - 0.95
            delta = (latest - baseline) / (phi - g)
            mag = 10 ** math.floor(math.log10(abs(delta)))
            # The roundest target whose gap stays close to the intended one.
            chosen = None
            for step in (mag, mag / 2, mag / 5, mag / 10, mag / 20, mag / 100):
                target = nice_round(baseline + delta, step)
                ms_values = [nice_round(baseline + mu * (target - baseline), step) for mu in mus]
                ordered = [baseline, *ms_values, target]
                ok_order = all(x < y for x, y in zip(ordered, ordered[1:], strict=False))
                amb = ambition(b_date, baseline, ms_dates, ms_values, t_date, target, a.cumulative)
                assessment = metrics.assess(amb, observations)
                gap = assessment.gap
                if (
                    ok_order
                    and lo <= gap <= hi
                    and abs(gap - g) <= 0.03
                    and target > latest
                    and (unit != "percent" or target <= 100)
                ):
                    chosen = (target, ms_values, gap)
                    break
            if chosen is None:
                raise ValueError(f"{code}: no round target lands in the {a.aim} band")
            # The aim is a place on the path; the pace may still lower the status (metrics.assess).
            if assessment.position != AIM_STATUS[a.aim]:
                raise ValueError(f"{code}: the path puts it at {assessment.position}, not {a.aim}")
            target, ms_values, gap = chosen
            ambitions.append(
                {
                    "code": code,
                    "metric_code": a.metric,
                    "municipality_code": city.code,
                    "baseline_date": b_date,
                    "baseline_value": baseline,
                    "target_date": t_date,
                    "target_value": target,
                    "cumulative": a.cumulative,
                    "document": city.documents[a.document],
                    "document_url": None,
                    "document_en": city.documents_en.get(a.document),
                }
            )
            for d, v in zip(ms_dates, ms_values, strict=True):
                milestones.append({"ambition_code": code, "due_date": d, "value": v})
            report.append((code, baseline, latest_date, latest, target, gap, a.aim))
    return ambitions, milestones, report


def build_programme_ambitions(spec: Spec, ambitions):
    """Each programme serves the ambitions of its own city that fit its instrument's domain."""
    domain_ambitions = spec.catalogue["domain_ambitions"]
    by_muni = defaultdict(dict)
    for a in ambitions:
        by_muni[a["municipality_code"]][a["metric_code"]] = a["code"]
    rows = []
    for city in spec.cities:
        own = by_muni[city.code]
        for p in city.programmes:
            domain = spec.domain[p.instrument]
            wanted = [own[m] for m in domain_ambitions[domain] if m in own][:3]
            if len(wanted) < 3 and "spend_eur" in own and domain in ("property", "market"):
                wanted.append(own["spend_eur"])
            if not wanted:
                wanted = [own["spend_eur"]]
            rows += [{"programme_code": p.code, "ambition_code": a} for a in wanted]
    return rows
