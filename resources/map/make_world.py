"""Regenerate world.geojson, the bundled offline basemap, from Natural Earth 1:110m data.

Why a script: the basemap must exist with no internet, so it is produced once from public-domain
Natural Earth data (admin-0 countries and populated places, 1:110m) as shipped inside the
geopandas 0.14 wheel (geopandas/datasets/naturalearth_lowres and naturalearth_cities), and kept
small by rounding coordinates to 0.01 degree. Not run by the app or the tests.

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-*.whl 'geopandas/datasets/*'
    pip install pyshp
    python resources/map/make_world.py geopandas/datasets resources/map/world.geojson
"""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path

import shapefile  # pyshp: needed only to run this script


def _ring(points: list[tuple[float, float]]) -> list[list[float]]:
    ring: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, 2), round(lat, 2)]
        if not ring or ring[-1] != point:
            ring.append(point)
    return ring


def countries(folder: Path) -> list[dict]:
    reader = shapefile.Reader(str(folder / "naturalearth_lowres" / "naturalearth_lowres.shp"))
    features = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        parts = list(shape.parts) + [len(shape.points)]
        rings = [_ring(shape.points[a:b]) for a, b in pairwise(parts)]
        rings = [r for r in rings if len(r) >= 4]
        features.append({"type": "Feature", "properties": {"name": record["name"], "kind": "country"},
                         "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}})
    return features


def cities(folder: Path) -> list[dict]:
    reader = shapefile.Reader(str(folder / "naturalearth_cities" / "naturalearth_cities.shp"))
    return [{"type": "Feature", "properties": {"name": record["name"], "kind": "city"},
             "geometry": {"type": "Point", "coordinates": [round(shape.points[0][0], 3), round(shape.points[0][1], 3)]}}
            for record, shape in zip(reader.records(), reader.shapes(), strict=True)]


def main(source: str, target: str) -> None:
    folder = Path(source)
    document = {"type": "FeatureCollection",
                "properties": {"source": "Natural Earth 1:110m admin-0 countries and populated places (public domain)"},
                "features": countries(folder) + cities(folder)}
    Path(target).write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
