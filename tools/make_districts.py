"""Write data/demo/districts.geojson: rough, simplified district outlines of the three demo cities.

Nothing is downloaded. Each city gets a hand-drawn outline (a few dozen points traced by
eye from a paper map, accurate to a few hundred metres) and one seed point per district
near that district's middle; the districts are the Voronoi cells of the seeds, clipped to
the outline. The result is rough but recognisable, which is all the demo needs: the map
draws the properties over it without asking any tile server. A real municipality ships
its own outlines as data/districts.geojson (see impactdash/charts/geo.py).

Run: ``.venv/bin/python tools/make_districts.py``
"""

from __future__ import annotations

import json
import math
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "demo" / "districts.geojson"

# (lat, lon) outlines, counter-clockwise or clockwise, not closed.
# fmt: off
OUTLINES = {
    "GM0518": [
        (52.040, 4.185), (52.052, 4.198), (52.068, 4.213), (52.080, 4.226), (52.090, 4.240),
        (52.105, 4.258), (52.118, 4.283), (52.130, 4.310), (52.118, 4.345), (52.105, 4.385),
        (52.085, 4.405), (52.070, 4.430), (52.045, 4.425), (52.030, 4.390), (52.040, 4.355),
        (52.055, 4.345), (52.045, 4.315), (52.020, 4.300), (52.020, 4.255), (52.030, 4.215),
    ],
    "GM0014": [
        (53.255, 6.480), (53.275, 6.530), (53.265, 6.600), (53.300, 6.680), (53.285, 6.760),
        (53.250, 6.740), (53.225, 6.680), (53.195, 6.690), (53.160, 6.660), (53.125, 6.620),
        (53.135, 6.570), (53.175, 6.555), (53.190, 6.520), (53.200, 6.480), (53.230, 6.465),
    ],
    "GM0080": [
        (53.235, 5.745), (53.238, 5.800), (53.230, 5.850), (53.210, 5.865), (53.185, 5.855),
        (53.165, 5.830), (53.160, 5.790), (53.170, 5.750), (53.190, 5.735), (53.215, 5.735),
    ],
}
# fmt: on

# District seeds (lat, lon): roughly the middle of each district.
SEEDS = {
    "GM0518": {
        "Scheveningen": (52.106, 4.292),
        "Segbroek": (52.076, 4.262),
        "Loosduinen": (52.058, 4.222),
        "Escamp": (52.038, 4.262),
        "Centrum": (52.075, 4.312),
        "Laak": (52.058, 4.330),
        "Haagse Hout": (52.092, 4.345),
        "Leidschenveen-Ypenburg": (52.055, 4.395),
    },
    "GM0014": {
        "Centrum": (53.219, 6.567),
        "Oost": (53.215, 6.605),
        "Zuid": (53.197, 6.570),
        "West": (53.220, 6.530),
        "Noordwest": (53.245, 6.535),
        "Noordoost": (53.240, 6.610),
        "Haren": (53.160, 6.610),
        "Ten Boer": (53.270, 6.700),
    },
    "GM0080": {
        "Binnenstad": (53.201, 5.793),
        "Westeinde": (53.193, 5.768),
        "Oranjewijk": (53.214, 5.777),
        "Bilgaard": (53.220, 5.805),
        "Camminghaburen": (53.207, 5.838),
        "Huizum": (53.187, 5.812),
        "Vrijheidswijk": (53.178, 5.772),
        "Zuiderburen": (53.170, 5.800),
    },
}


def _project(lat: float, lon: float, scale: float) -> tuple[float, float]:
    return lon * scale, lat


def _clip(polygon: list[tuple[float, float]], a: tuple[float, float], b: tuple[float, float]):
    """Keep the part of ``polygon`` closer to ``a`` than to ``b`` (Sutherland–Hodgman)."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    nx, ny = b[0] - a[0], b[1] - a[1]

    def side(p):
        return (p[0] - mx) * nx + (p[1] - my) * ny  # <= 0: a's side

    def crossing(p, q):
        t = side(p) / (side(p) - side(q))
        return p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])

    out = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        if side(current) <= 0:
            if side(previous) > 0:
                out.append(crossing(previous, current))
            out.append(current)
        elif side(previous) <= 0:
            out.append(crossing(previous, current))
    return out


def features() -> list[dict]:
    result = []
    for code, outline in OUTLINES.items():
        scale = math.cos(math.radians(sum(lat for lat, _ in outline) / len(outline)))
        shape = [_project(lat, lon, scale) for lat, lon in outline]
        seeds = {name: _project(lat, lon, scale) for name, (lat, lon) in SEEDS[code].items()}
        for name, seed in seeds.items():
            cell = shape
            for other_name, other in seeds.items():
                if other_name != name:
                    cell = _clip(cell, seed, other)
            ring = [[round(x / scale, 4), round(y, 4)] for x, y in cell]
            ring.append(ring[0])
            result.append(
                {
                    "type": "Feature",
                    "properties": {"municipality_code": code, "district": name},
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
            )
    return result


def main() -> None:
    collection = {
        "type": "FeatureCollection",
        "name": "districts (simplified demo outlines, not official boundaries)",
        "features": features(),
    }
    OUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(collection['features'])} districts)")


if __name__ == "__main__":
    main()
