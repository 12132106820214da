"""District outlines for the property map, read from a GeoJSON file shipped with the data.

The map draws properties over these outlines instead of over map tiles, so a visitor's
browser never asks a third-party server for anything (and the map works offline). A real
municipality puts its own outlines in ``data/districts.geojson``; the demo ships rough,
simplified outlines in ``data/demo/districts.geojson`` (made by tools/make_districts.py).
Each feature is a Polygon or MultiPolygon with the properties ``municipality_code`` and
``district``; coordinates are GeoJSON's (longitude, latitude).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from impactdash import config

FILE_NAME = "districts.geojson"

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class District:
    """One district: its name and its outer rings as (longitude, latitude) points."""

    name: str
    rings: tuple[Ring, ...]

    def contains(self, longitude: float, latitude: float) -> bool:
        """Return True if the point lies inside one of the district's rings."""
        return any(_in_ring(ring, longitude, latitude) for ring in self.rings)


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    """Ray casting: count crossings of a ray from the point to the right."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def candidate_files(data_dir: Path | None = None) -> list[Path]:
    """Return where outlines are looked for, in order: the municipality's own, then the demo's."""
    base = Path(data_dir) if data_dir is not None else config.DATA_DIR
    return [base / FILE_NAME, base / "demo" / FILE_NAME]


@lru_cache(maxsize=8)
def _read(path: Path, mtime: float) -> tuple[tuple[str, District], ...]:
    # ``mtime`` is only part of the cache key: a replaced file is read again.
    collection = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for feature in collection.get("features", []):
        props = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["coordinates"]
        else:
            continue
        rings = tuple(
            tuple((float(p[0]), float(p[1])) for p in polygon[0]) for polygon in polygons if polygon
        )
        found.append(
            (str(props.get("municipality_code", "")), District(str(props.get("district", "")), rings))
        )
    return tuple(found)


def load_districts(municipality: str, data_dir: Path | None = None) -> list[District]:
    """Return the district outlines of ``municipality`` from the first file that has any.

    A missing or unreadable file counts as having none: the map then shows the
    properties without outlines rather than failing.
    """
    for path in candidate_files(data_dir):
        if not path.is_file():
            continue
        try:
            features = _read(path, path.stat().st_mtime)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            continue
        own = [district for code, district in features if code == municipality]
        if own:
            return own
    return []


def district_of(districts: list[District], longitude: float, latitude: float) -> str | None:
    """Return the name of the district holding the point, or None."""
    return next((d.name for d in districts if d.contains(longitude, latitude)), None)


def centroid(ring: Ring) -> tuple[float, float]:
    """Return the area centroid of a ring (for a district's label); its mean for degenerate rings."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * area), cy / (3 * area)


def aspect_ratio(latitude: float) -> float:
    """Return how many times longer a degree of latitude is drawn than one of longitude."""
    return 1 / math.cos(math.radians(latitude))
