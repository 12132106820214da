"""The ecosystem network: organisations and the connections between them."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from .dates import random_date, year_end, year_start
from .spec import City, Spec

# Organisations that join first, at the kick-off of the city's pillar.
FOUNDERS = ["government", "knowledge_institution", "financier", "foundation_ngo", "corporate"]
# How likely a connection made during a programme is credited to it, by instrument domain.
PROGRAMME_WEIGHT = {
    "networks": 5,
    "support": 3,
    "finance": 2,
    "market": 2,
    "knowledge": 2,
    "talent": 1,
    "property": 1,
}


def org_names(spec: Spec, city: City, r: random.Random) -> dict[str, list[str]]:
    """Plausible, unique, illustrative organisation names per kind."""
    parts = spec.names
    orgs = city.organisations
    districts = orgs["districts"]
    used: set[str] = set()

    def take(pool: list[str], n: int) -> list[str]:
        pool = [p for p in dict.fromkeys(pool) if p not in used]
        r.shuffle(pool)
        chosen = pool[:n]
        if len(chosen) < n:
            raise ValueError(f"not enough names for {city.key}: {n} wanted, {len(chosen)} available")
        used.update(chosen)
        return chosen

    counts = orgs["counts"]
    coined = parts["coined"]
    neighbourhood = [f"{n} {d}" for n in parts["neighbourhood_nouns"] for d in districts]
    ie_pool = [f"{a} {n}" for a in parts["adjectives"] for n in parts["nouns"]]
    ie_pool += neighbourhood
    ie_pool += coined + [f"{c} {city.city}" for c in coined]
    names = {}
    # Lead with the neighbourhood and coined names so every city gets some.
    n_ie = counts["impact_enterprise"]
    local = take(neighbourhood, n_ie // 5)
    own = take(coined, min(len(coined) // 3, n_ie // 6))
    names["impact_enterprise"] = local + own + take(ie_pool, n_ie - len(local) - len(own))
    names["supplier"] = take(
        [f"{s} {t}" for s in parts["surnames"] for t in parts["trades"]], counts["supplier"]
    )
    for kind in ("financier", "knowledge_institution", "government"):
        fixed = orgs[kind]
        names[kind] = take(fixed, min(len(fixed), counts[kind]))
    names["foundation_ngo"] = take(
        [f"Stichting {w} {d}" for w in parts["foundation_words"] for d in districts]
        + [f"Vereniging Sociaal Ondernemers {city.region}"],
        counts["foundation_ngo"],
    )
    names["corporate"] = take(
        [f"{city.region} {w} B.V." for w in parts["corporate_words"]]
        + [f"{s} {w}" for s in parts["surnames"][:8] for w in ("Advocaten", "Accountants")],
        counts["corporate"],
    )
    return names


def build_organisations(spec: Spec):
    """Organisations joining each city's network per year; a few leave again."""
    r = spec.rng("organisation")
    end_of_data = spec.reporting_date - timedelta(days=14)
    rows = []
    for city in spec.cities:
        key = city.key
        names = org_names(spec, city, r)
        kinds = [k for k, n in city.organisations["counts"].items() for _ in range(n)]
        r.shuffle(kinds)
        for f in FOUNDERS:
            kinds.remove(f)
        kinds = FOUNDERS + kinds
        dates = []
        for y, n in city.per_year("joins").items():
            end = min(year_end(y), end_of_data)
            if y == city.pillar_start.year:
                kickoff = city.pillar_start + timedelta(days=r.randint(14, 40))
                n_found = round(n * 0.4)
                dates += [kickoff] * n_found
                dates += sorted(random_date(r, kickoff, end) for _ in range(n - n_found))
            else:
                dates += sorted(random_date(r, year_start(y), end) for _ in range(n))
        if len(dates) != len(kinds):
            raise ValueError(f"{key}: {len(dates)} joins but {len(kinds)} organisations")
        counters = defaultdict(int)
        for i, (kind, joined) in enumerate(zip(kinds, dates, strict=True), start=1):
            name = names[kind][counters[kind]]
            counters[kind] += 1
            rows.append(
                {
                    "code": f"{key}-O{i:03d}",
                    "municipality_code": city.code,
                    "name": name,
                    "kind": kind,
                    "joined_date": joined,
                    "left_date": None,
                }
            )
    # A few organisations left the network (stopped, moved away).
    leavers = [
        o
        for o in rows
        if o["kind"] in ("impact_enterprise", "supplier", "corporate") and o["joined_date"] < date(2024, 1, 1)
    ]
    for o in r.sample(leavers, 9):
        o["left_date"] = random_date(r, o["joined_date"] + timedelta(days=365), date(2026, 6, 30))
    return rows


def connection_kinds(kinds: set[str]) -> list[tuple[str, int]]:
    """Which kinds of connection two organisations make, with weights."""
    if "financier" in kinds:
        return [("investment", 5), ("introduction", 3), ("mentoring", 2)]
    if "knowledge_institution" in kinds:
        return [("knowledge", 6), ("partnership", 2), ("introduction", 2)]
    if kinds & {"corporate", "government", "supplier"} and "impact_enterprise" in kinds:
        return [("customer", 5), ("partnership", 2), ("introduction", 2), ("mentoring", 1)]
    return [("introduction", 4), ("partnership", 4), ("mentoring", 2), ("customer", 1)]


def build_connections(spec: Spec, orgs):
    """Connections between active members of one city; a growing share made through a programme."""
    r = spec.rng("connection")
    rows = []
    seen = set()
    for city in spec.cities:
        key = city.key
        members = [o for o in orgs if o["code"].startswith(key)]
        first_year = city.pillar_start.year
        for y, n in city.per_year("connections").items():
            p_share = (
                min(0.7, 0.30 + 0.045 * (y - first_year)) if key == "DH" else 0.36 + 0.05 * (y - first_year)
            )
            made = 0
            while made < n:
                when = random_date(r, year_start(y), min(year_end(y), spec.reporting_date))
                active = [
                    o
                    for o in members
                    if o["joined_date"] <= when and (o["left_date"] is None or o["left_date"] > when)
                ]
                if len(active) < 2:
                    continue
                a, b = r.sample(active, 2)
                options = connection_kinds({a["kind"], b["kind"]})
                kind = r.choices([o[0] for o in options], weights=[o[1] for o in options])[0]
                if (a["code"], b["code"], kind, when) in seen:
                    continue
                seen.add((a["code"], b["code"], kind, when))
                programme = None
                if r.random() < p_share:
                    running = [p for p in city.programmes if p.runs_on(when)]
                    if running:
                        weights = [PROGRAMME_WEIGHT[spec.domain[p.instrument]] for p in running]
                        programme = r.choices([p.code for p in running], weights=weights)[0]
                rows.append(
                    {
                        "from_org": a["code"],
                        "to_org": b["code"],
                        "kind": kind,
                        "connected_on": when,
                        "programme_code": programme,
                    }
                )
                made += 1
    rows.sort(key=lambda c: (c["connected_on"], c["from_org"], c["to_org"], c["kind"]))
    return rows
