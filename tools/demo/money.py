"""Budget, spend ledger and co-funding."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from .dates import days_in_year, overlap_days, random_date, year_end, year_start
from .spec import Spec

MOMENTS = ["original", "spring", "autumn", "final"]
VOUCHER_REFUND = "Terugbetaling deel impactvoucher (niet besteed)"


def money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def cents_split(r: random.Random, total: int, n: int, sigma: float = 0.7) -> list[int]:
    """Split total cents into n non-zero parts with a skewed spread."""
    weights = [r.lognormvariate(0, sigma) for _ in range(n)]
    s = sum(weights)
    parts = [max(100, int(total * w / s)) for w in weights]
    parts[parts.index(max(parts))] += total - sum(parts)
    return parts


def build_budget(spec: Spec):
    """Budget rows per programme-year and moment, and the amount spend is drawn against.

    The city's yearly total is shared by the running programmes in proportion to their
    weight and the part of the year they run.
    """
    r = spec.rng("budget")
    iv3 = spec.catalogue["iv3_task_field"]
    rows = []
    finals = {}  # (programme, year) -> amount used for spend: final, or spring for the current year
    for city in spec.cities:
        for y, total in city.per_year("budget").items():
            raw = []  # (programme, unscaled budget)
            for p in city.programmes:
                days = overlap_days(p.start, p.end, y)
                if days:
                    raw.append((p, p.weight * days / days_in_year(y) * r.uniform(0.92, 1.08)))
            scale = total / sum(value for _p, value in raw)
            for p, value in raw:
                task_field = iv3.get(spec.domain[p.instrument], iv3["default"])
                original = max(5000, round(value * scale, -3))
                amounts = {"original": original}
                spring = original + round(original * r.choice([0, 0, 0, 0.03, 0.05, -0.04, 0.08]), -3)
                amounts["spring"] = spring
                if y < spec.last_year:
                    autumn = spring + round(spring * r.choice([0, 0, 0.02, -0.03, 0.04, -0.06]), -3)
                    final = autumn + round(autumn * r.choice([0, 0, 0, -0.02, 0.01]), -3)
                    amounts["autumn"] = autumn
                    amounts["final"] = final
                for moment, amount in amounts.items():
                    rows.append(
                        {
                            "programme_code": p.code,
                            "year": y,
                            "moment": moment,
                            "amount": int(amount),
                            "iv3_task_field": task_field,
                        }
                    )
                finals[(p.code, y)] = amounts.get("final", amounts["spring"])
    rows.sort(key=lambda b: (b["programme_code"], b["year"], MOMENTS.index(b["moment"])))
    return rows, finals


def build_spend(spec: Spec, finals):
    """Ledger lines per programme-year, then double bookings reversed and vouchers repaid."""
    r = spec.rng("spend")
    cat = spec.catalogue
    reporting_date, last_year = spec.reporting_date, spec.last_year
    lines = []  # dicts with key, programme, date, cents, description, kind
    prog = {p.code: p for p in spec.programmes}
    for (code, y), budget in sorted(finals.items()):
        p = prog[code]
        if y in p.underspend:
            ratio = p.underspend[y] * r.uniform(0.98, 1.02)
        elif y == p.start.year:
            ratio = r.uniform(0.74, 0.88)
        else:
            ratio = r.uniform(0.86, 1.0) if r.random() < 0.85 else r.uniform(1.0, 1.045)
        lo = max(p.start, year_start(y))
        hi = min(p.end or year_end(y), year_end(y), reporting_date)
        if y == last_year:  # only part of the current year is booked yet
            elapsed = overlap_days(p.start, p.end, y, reporting_date) / overlap_days(p.start, p.end, y)
            ratio = r.uniform(0.72, 0.9) * elapsed
        total = round(budget * ratio * 100)
        lmin, lmax = cat["line_range"].get(p.instrument, cat["line_range"]["default"])
        n = min(lmax, max(lmin, round(budget * ratio / 9000)))
        templates = cat["spend_lines"][p.instrument]
        for cents in cents_split(r, total, n):
            desc, kind, _w = r.choices(templates, weights=[t[2] for t in templates])[0]
            day = random_date(r, lo, hi)
            if r.random() < 0.12:  # year-end rush
                day = random_date(r, max(lo, hi - timedelta(days=40)), hi)
            q = (day.month - 1) // 3 + 1
            month = f"{cat['dutch_months'][day.month - 1]} {day.year}"
            lines.append(
                {
                    "key": code[:2],
                    "programme_code": code,
                    "booking_date": day,
                    "cents": cents,
                    "description": desc.format(month=month, quarter=f"Q{q} {day.year}"),
                    "counterparty_kind": kind,
                    "corrects": None,
                }
            )

    def last_day(ln) -> date:
        end = min(year_end(ln["booking_date"].year), reporting_date)
        prog_end = prog[ln["programme_code"]].end
        return min(end, prog_end) if prog_end else end

    # Corrections: a few double bookings reversed later, and a few repaid vouchers.
    candidates = [ln for ln in lines if ln["booking_date"] < date(2026, 6, 1)]
    extra = []
    for ln in r.sample(candidates, 9):
        dup = dict(ln)
        extra.append(dup)
        when = min(last_day(ln), ln["booking_date"] + timedelta(days=r.randint(5, 45)))
        extra.append({**ln, "booking_date": when, "cents": -ln["cents"], "corrects": dup})
    vouchers = [ln for ln in candidates if ln["description"] == "Uitbetaling impactvoucher"]
    for ln in r.sample(vouchers, 4):
        when = min(last_day(ln), ln["booking_date"] + timedelta(days=r.randint(30, 120)))
        refund = -min(ln["cents"], r.choice([150000, 250000, 320000]))
        extra.append(
            {**ln, "booking_date": when, "cents": refund, "corrects": ln, "description": VOUCHER_REFUND}
        )
    lines.extend(extra)
    # Booking numbers run per municipality and year in date order.
    lines.sort(
        key=lambda ln: (
            ln["key"],
            ln["booking_date"],
            ln["programme_code"],
            ln["corrects"] is not None,
            -ln["cents"],
        )
    )
    counter = defaultdict(int)
    for ln in lines:
        y = ln["booking_date"].year
        counter[(ln["key"], y)] += 1
        ln["entry_ref"] = f"{ln['key']}-{y}-{counter[(ln['key'], y)]:06d}"
    for ln in lines:
        if ln["corrects"] is not None and ln["cents"] < 0 and ln["description"] != VOUCHER_REFUND:
            ln["description"] = f"Correctie dubbele boeking {ln['corrects']['entry_ref']}"
    return lines


def build_cofunding(spec: Spec, spend_lines):
    """External co-funding per programme, year and funder: spend times the city's leverage."""
    r = spec.rng("cofunding")
    spend_py = defaultdict(int)  # (programme, year) -> cents
    for ln in spend_lines:
        spend_py[(ln["programme_code"], ln["booking_date"].year)] += ln["cents"]
    eligible = {}
    for p in spec.programmes:
        dom = spec.domain[p.instrument]
        eligible[p.code] = p.lead == "partner" or dom in ("finance", "knowledge") or r.random() < 0.3
    regular = {}
    for p in spec.programmes:
        pool = spec.city(p.code[:2]).funders
        regular[p.code] = r.sample(pool, min(len(pool), r.randint(2, 4)))
    rows = []
    for city in spec.cities:
        key = city.key
        for y, lev in city.per_year("leverage").items():
            spent = sum(c for (p, yy), c in spend_py.items() if p.startswith(key) and yy == y)
            target = spent / 100 * lev * r.uniform(0.97, 1.03)
            weights = {
                p: c * r.uniform(0.5, 1.6)
                for (p, yy), c in spend_py.items()
                if p.startswith(key) and yy == y and eligible[p] and c > 0
            }
            s = sum(weights.values())
            for p in sorted(weights):
                amount = target * weights[p] / s
                funders = r.sample(regular[p], r.randint(1, len(regular[p])))
                shares = [r.uniform(0.5, 1.5) for _ in funders]
                for (funder, fkind), share in zip(funders, shares, strict=True):
                    value = round(amount * share / sum(shares), -2)
                    if value > 0:
                        rows.append(
                            {
                                "programme_code": p,
                                "year": y,
                                "funder": funder,
                                "funder_kind": fkind,
                                "amount": int(value),
                            }
                        )
    rows.sort(key=lambda c: (c["programme_code"], c["year"], c["funder"]))
    return rows
