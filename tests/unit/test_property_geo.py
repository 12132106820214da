"""District outlines for the property map: loading, precedence, point-in-polygon, and the demo file."""

from __future__ import annotations

import csv
import json
import os

import pytest

from impactdash import config
from impactdash.charts import geo

DEMO_CITIES = ("GM0518", "GM0014", "GM0080")


def _square(code: str, name: str, x0: float, y0: float, size: float = 1.0) -> dict:
    ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    return {
        "type": "Feature",
        "properties": {"municipality_code": code, "district": name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def _write(path, features) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")


@pytest.mark.parametrize("code", DEMO_CITIES)
def test_demo_file_has_named_districts_for_every_demo_city(code):
    districts = geo.load_districts(code, config.DATA_DIR)
    assert len(districts) >= 5
    names = [d.name for d in districts]
    assert len(set(names)) == len(names) and all(names)
    assert all(len(ring) >= 4 for d in districts for ring in d.rings)


def test_every_demo_property_lies_in_its_own_district():
    with (config.DEMO_DIR / "property.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for row in rows:
        districts = geo.load_districts(row["municipality_code"], config.DATA_DIR)
        found = geo.district_of(districts, float(row["longitude"]), float(row["latitude"]))
        assert found == row["district"], (row["code"], row["district"], found)


def test_demo_districts_do_not_overlap():
    # A point in the middle of each district lies in that district only.
    for code in DEMO_CITIES:
        districts = geo.load_districts(code, config.DATA_DIR)
        for district in districts:
            x, y = geo.centroid(district.rings[0])
            holders = [d.name for d in districts if d.contains(x, y)]
            assert holders == [district.name], (code, district.name, holders)


def test_a_municipality_without_outlines_gets_none(tmp_path):
    _write(tmp_path / "demo" / geo.FILE_NAME, [_square("GM0518", "A", 0, 0)])
    assert geo.load_districts("GM9999", tmp_path) == []


def test_the_municipalitys_own_file_comes_before_the_demo(tmp_path):
    _write(tmp_path / "demo" / geo.FILE_NAME, [_square("GM0518", "Demo", 0, 0)])
    _write(tmp_path / geo.FILE_NAME, [_square("GM0518", "Own", 0, 0), _square("GM0518", "Own 2", 1, 0)])
    assert [d.name for d in geo.load_districts("GM0518", tmp_path)] == ["Own", "Own 2"]
    # a city missing from the own file still finds its demo outlines
    _write(tmp_path / "demo" / geo.FILE_NAME, [_square("GM0014", "Demo", 0, 0)])
    assert [d.name for d in geo.load_districts("GM0014", tmp_path)] == ["Demo"]


def test_a_damaged_file_is_skipped_not_fatal(tmp_path):
    (tmp_path / "demo").mkdir()
    (tmp_path / geo.FILE_NAME).write_text("{not json", encoding="utf-8")
    _write(tmp_path / "demo" / geo.FILE_NAME, [_square("GM0518", "Demo", 0, 0)])
    assert [d.name for d in geo.load_districts("GM0518", tmp_path)] == ["Demo"]


def test_multipolygons_and_point_in_polygon(tmp_path):
    feature = {
        "type": "Feature",
        "properties": {"municipality_code": "GM0001", "district": "Islands"},
        "geometry": {
            "type": "MultiPolygon",
            "coordinates": [
                [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
                [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]],
            ],
        },
    }
    _write(tmp_path / geo.FILE_NAME, [feature, {"type": "Feature", "properties": {}, "geometry": None}])
    (district,) = geo.load_districts("GM0001", tmp_path)
    assert len(district.rings) == 2
    assert district.contains(0.5, 0.5) and district.contains(5.5, 5.9)
    assert not district.contains(3, 3) and not district.contains(1.5, 0.5)
    assert geo.district_of([district], 9, 9) is None


def test_a_replaced_file_is_read_again(tmp_path):
    path = tmp_path / geo.FILE_NAME
    _write(path, [_square("GM0001", "Old", 0, 0)])
    assert geo.load_districts("GM0001", tmp_path)[0].name == "Old"
    _write(path, [_square("GM0001", "New", 0, 0)])
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 10))
    assert geo.load_districts("GM0001", tmp_path)[0].name == "New"


def test_centroid_and_aspect_ratio():
    ring = ((0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0))
    assert geo.centroid(ring) == pytest.approx((1.0, 1.0))
    assert geo.aspect_ratio(60) == pytest.approx(2.0)
    assert geo.aspect_ratio(0) == pytest.approx(1.0)
