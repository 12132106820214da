"""Buildings (property) and their occupancy per quarter."""

from __future__ import annotations

import math
from datetime import date

from .dates import quarter_end
from .spec import Spec


def quarters_available(start: date, until: date | None, reporting_date: date):
    for y in range(start.year, reporting_date.year + 1):
        for q in range(1, 5):
            qe = quarter_end(y, q)
            if start <= qe <= reporting_date and (until is None or until >= qe):
                yield y, q, qe


def build_properties(spec: Spec):
    """Property rows, and occupancy that fills up towards ``final_occupancy`` after opening."""
    r = spec.rng("property")
    discount_per_m2 = spec.catalogue["discount_per_m2"]
    props, occ = [], []
    for city in spec.cities:
        for b in city.properties:
            lo, hi = discount_per_m2[b.rent_regime]
            discount = round(b.impact_m2 * r.uniform(lo, hi), -2) if hi else 0
            props.append(
                {
                    "code": b.code,
                    "municipality_code": city.code,
                    "programme_code": b.programme,
                    "name": b.name,
                    "address": b.address,
                    "district": b.district,
                    "latitude": b.latitude,
                    "longitude": b.longitude,
                    "gross_floor_m2": float(b.gross_m2),
                    "impact_floor_m2": float(b.impact_m2),
                    "rent_regime": b.rent_regime,
                    "rent_discount_eur_year": int(discount),
                    "available_from": b.available_from,
                    "available_until": b.available_until,
                    "description": b.description,
                    "description_en": b.description_en,
                }
            )
            unit = r.uniform(28, 85)
            impact_share = r.uniform(0.72, 0.98)
            quarters = list(quarters_available(b.available_from, b.available_until, spec.reporting_date))
            for k, (y, q, _qe) in enumerate(quarters):
                frac = b.final_occupancy * (1 - math.exp(-(k + 1) / b.ramp_quarters)) + r.uniform(-0.03, 0.03)
                if b.available_until is not None and k >= len(quarters) - 2:  # tenants leave before closing
                    frac *= 0.75 if k == len(quarters) - 1 else 0.9
                frac = min(1.0, max(0.08, frac))
                occupied = round(frac * b.impact_m2 / 5) * 5
                occupied = min(occupied, b.impact_m2)
                tenants = max(1, round(occupied / unit))
                impact_tenants = min(tenants, round(tenants * impact_share))
                occ.append(
                    {
                        "property_code": b.code,
                        "year": y,
                        "quarter": q,
                        "occupied_m2": float(occupied),
                        "tenants": tenants,
                        "impact_tenants": impact_tenants,
                    }
                )
    return props, occ
