"""Assemble every table from the spec and write them as CSV (the import-template format)."""

from __future__ import annotations

import csv
from dataclasses import astuple
from datetime import date
from pathlib import Path

from .ambitions import build_ambitions, build_programme_ambitions, compute_metric_values
from .buildings import build_properties
from .dates import year_end
from .money import build_budget, build_cofunding, build_spend, money
from .network import build_connections, build_organisations
from .spec import Spec

# Each file's columns: the table's columns in table order (ids and timestamps left to the database).
COLUMNS = {
    "municipality": ["code", "name", "province", "pillar_start", "is_demo"],
    "population": ["municipality_code", "year", "inhabitants"],
    "instrument": ["code", "domain_code", "name_nl", "name_en", "description_nl", "description_en"],
    "programme": [
        "code",
        "municipality_code",
        "instrument_code",
        "name",
        "lead",
        "partner_name",
        "start_date",
        "end_date",
        "sdgs",
        "description",
        "description_en",
    ],
    "ambition": [
        "code",
        "metric_code",
        "municipality_code",
        "baseline_date",
        "baseline_value",
        "target_date",
        "target_value",
        "cumulative",
        "document",
        "document_url",
        "document_en",
    ],
    "milestone": ["ambition_code", "due_date", "value"],
    "programme_ambition": ["programme_code", "ambition_code"],
    "budget": ["programme_code", "year", "moment", "amount", "iv3_task_field"],
    "spend": ["entry_ref", "programme_code", "booking_date", "amount", "description", "counterparty_kind"],
    "cofunding": ["programme_code", "year", "funder", "funder_kind", "amount"],
    "property": [
        "code",
        "municipality_code",
        "programme_code",
        "name",
        "address",
        "district",
        "latitude",
        "longitude",
        "gross_floor_m2",
        "impact_floor_m2",
        "rent_regime",
        "rent_discount_eur_year",
        "available_from",
        "available_until",
        "description",
        "description_en",
    ],
    "occupancy": ["property_code", "year", "quarter", "occupied_m2", "tenants", "impact_tenants"],
    "observation": ["metric_code", "municipality_code", "observed_on", "value", "source"],
    "organisation": ["code", "municipality_code", "name", "kind", "joined_date", "left_date"],
    "connection": ["from_org", "to_org", "kind", "connected_on", "programme_code"],
    "note": [
        "subject_kind",
        "subject_code",
        "municipality_code",
        "period_start",
        "period_end",
        "body",
        "visibility",
        "author",
        "body_en",
    ],
    "app_setting": ["key", "value"],
}


def build_observations(spec: Spec):
    sources = spec.catalogue["observation_sources"]
    rows = [
        {
            "metric_code": metric,
            "municipality_code": city.code,
            "observed_on": year_end(y),
            "value": v,
            "source": sources[metric].format(city=city.city, year=y, next=y + 1),
        }
        for city in spec.cities
        for metric, obs in city.observations.items()
        for y, v in enumerate(obs["values"], start=obs["first_year"])
    ]
    rows.sort(key=lambda o: (o["metric_code"], o["municipality_code"], o["observed_on"]))
    return rows


def generate(spec: Spec):
    """Return ({table: rows} in load order, the ambitions report)."""
    cities = spec.cities
    t = {}
    t["municipality"] = [
        {
            "code": c.code,
            "name": c.name,
            "province": c.province,
            "pillar_start": c.pillar_start,
            "is_demo": True,
        }
        for c in cities
    ]
    t["population"] = [
        {"municipality_code": c.code, "year": y, "inhabitants": n}
        for c in cities
        for y, n in c.per_year("inhabitants").items()
    ]
    # Instrument's fields are in column order.
    t["instrument"] = [dict(zip(COLUMNS["instrument"], astuple(i), strict=True)) for i in spec.instruments]
    t["programme"] = [
        {
            "code": p.code,
            "municipality_code": c.code,
            "instrument_code": p.instrument,
            "name": p.name,
            "lead": p.lead,
            "partner_name": p.partner,
            "start_date": p.start,
            "end_date": p.end,
            "sdgs": p.sdgs,
            "description": p.description,
            "description_en": p.description_en,
        }
        for c in cities
        for p in c.programmes
    ]
    budget, finals = build_budget(spec)
    spend_lines = build_spend(spec, finals)
    spend = [{**ln, "amount": money(ln["cents"])} for ln in spend_lines]
    cofunding = build_cofunding(spec, spend_lines)
    props, occ = build_properties(spec)
    observations = build_observations(spec)
    orgs = build_organisations(spec)
    conns = build_connections(spec, orgs)
    values = compute_metric_values(spec, spend, cofunding, props, occ, orgs, conns)
    ambitions, milestones, report = build_ambitions(spec, values)
    missing = [
        m
        for m in spec.catalogue["measures"]
        if not any(a["code"].startswith("DH") and a["metric_code"] == m for a in ambitions)
    ]
    if missing:
        raise ValueError(f"The Hague lacks ambitions for headline measures {missing}")
    t["ambition"] = ambitions
    t["milestone"] = milestones
    t["programme_ambition"] = build_programme_ambitions(spec, ambitions)
    t["budget"] = budget
    t["spend"] = spend
    t["cofunding"] = cofunding
    t["property"] = props
    t["occupancy"] = occ
    t["observation"] = observations
    t["organisation"] = orgs
    t["connection"] = conns
    t["note"] = [
        {
            "subject_kind": n.subject_kind,
            "subject_code": n.subject_code,
            "municipality_code": c.code,
            "period_start": n.period_start,
            "period_end": n.period_end,
            "body": n.body,
            "visibility": n.visibility,
            "author": "editor.demo",
            "body_en": n.body_en,
        }
        for c in cities
        for n in c.notes
    ]
    t["app_setting"] = [
        {"key": "reporting_date", "value": spec.reporting_date.isoformat()},
        {"key": "dataset", "value": "demo"},
    ]
    return t, report


def fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def write_csv(out: Path, table: str, rows: list[dict]) -> None:
    columns = COLUMNS[table]
    with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow([fmt(row[c]) for c in columns])
