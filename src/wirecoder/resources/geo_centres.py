"""Reference points of areas (countries, divisions) computed from the data the packages ship.

One rule for both kinds of area, applied to every area alike; never a per-place choice: the midpoint of
two independent estimates of its centre.
- a country: the curated reference point (countrystatecity-countries; the same rounded atlas/factbook
  points countryinfo carries) and the area centroid of its main landmass (the largest polygon of
  countryinfo's GeoJSON outline). The reference points are sometimes far from the land they stand for
  (the United States' lies in Kansas's south-east corner, Indonesia's outline centroid in Borneo);
  averaging two estimates halves either one's error;
- a first-level division: the package's curated state point (matched in division_points) and the middle
  of the box holding its towns (box_centre); the box middle alone where no state matched.
Measured on the development corpora, the midpoint beat either estimate alone for both kinds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from wirecoder.resources.sphere import haversine_km

Point = tuple[float, float]  # (lat, lon)


def mean_position(points: Sequence[Point]) -> Point:
    """Centre of a set of points; longitude averaged on the circle so divisions across 180° stay put."""
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return lat, math.degrees(math.atan2(y, x))


def box_centre(points: Sequence[Point]) -> Point:
    """Middle of the box holding a division's cities, ignoring the outermost 0.2% on each side.

    Cities crowd coasts, capitals and southern borders (Ontario's towns line Lake Erie, Queensland's its
    east coast), so their mean, and more so their population-weighted mean or biggest city, drift away
    from the middle where atlases and GeoNames put a division; the extent of its towns does not. The
    tiny trim only guards against a stray mis-coded town.
    """
    if len(points) < 5:
        return mean_position(points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 500
    lo_lon, hi_lon = lons[k], lons[-1 - k]
    if hi_lon - lo_lon > 180:  # spans the antimeridian: a box makes no sense there
        return mean_position(points)
    return (lats[k] + lats[-1 - k]) / 2, (lo_lon + hi_lon) / 2


def _ring_centroid(ring: Sequence[Sequence[float]]) -> tuple[float, Point] | None:
    """(area, centroid) of one GeoJSON ring ([lon, lat] pairs) in a sinusoidal projection.

    The sinusoidal projection is equal-area, so the shoelace centroid there is the area centroid on the
    ground; its central meridian is the ring's own mean longitude, which keeps the distortion small.
    """
    if len(ring) < 4:
        return None
    lon0 = mean_position([(p[1], p[0]) for p in ring])[1]
    pts = []
    for lon, lat in ring:
        dlon = (lon - lon0 + 540.0) % 360.0 - 180.0
        pts.append((dlon * math.cos(math.radians(lat)), lat))
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return None
    lat = cy / (3.0 * area)
    x = cx / (3.0 * area)
    lon = lon0 + x / max(1e-6, math.cos(math.radians(lat)))
    return abs(area) / 2.0, (lat, (lon + 540.0) % 360.0 - 180.0)


def main_landmass_centroid(geojson: dict | None) -> Point | None:
    """Area centroid of the largest polygon of a GeoJSON Feature/FeatureCollection/geometry, or None."""
    if not geojson:
        return None
    geoms: list[dict] = []
    if geojson.get("type") == "FeatureCollection":
        geoms = [f.get("geometry") or {} for f in geojson.get("features") or []]
    elif geojson.get("type") == "Feature":
        geoms = [geojson.get("geometry") or {}]
    else:
        geoms = [geojson]
    best: tuple[float, Point] | None = None
    for g in geoms:
        polys = [g.get("coordinates")] if g.get("type") == "Polygon" else g.get("coordinates") or []
        for poly in polys if g.get("type") in ("Polygon", "MultiPolygon") else []:
            if not poly:
                continue
            found = _ring_centroid(poly[0])  # outer ring; holes are small next to a country
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    return None if best is None else best[1]


def midpoint(a: Point, b: Point) -> Point:
    """Midpoint of two points (longitude on the circle, so points either side of 180° meet there)."""
    return mean_position([a, b])


def country_point(reference: Sequence[float] | None, outline: dict | None) -> Point | None:
    """The country rule (module docstring): midpoint of the reference point and the main-landmass
    centroid, whichever of the two exists when only one does."""
    ref = (float(reference[0]), float(reference[1])) if reference and len(reference) == 2 else None
    land = main_landmass_centroid(outline)
    if ref is not None and land is not None:
        return midpoint(ref, land)
    return ref or land


def division_point(reference: Point | None, towns: Sequence[Point]) -> Point:
    """The division rule (module docstring): midpoint of the curated reference point and the middle of
    the division's towns (box_centre, less a stray town: without_strays); the towns' middle alone when
    the division has no reference."""
    if reference is None:
        return box_centre(towns)
    return midpoint(reference, box_centre(without_strays(reference, towns)))


STRAY_RATIO = 2.0


def without_strays(reference: Point, towns: Sequence[Point]) -> Sequence[Point]:
    """The towns less the one lying more than STRAY_RATIO times farther from the division's curated point
    than any other: a mis-coded town (the data puts one Jiangsu town in Sichuan, 1,900 km from
    Jiangsu's point while the rest lie within 400 km) or a far outlying island (Easter Island in
    Valparaíso, the Bonin Islands in Tokyo), either of which drags the box's middle hundreds of km off
    the land. A division's real frontier towns (Salluit in Quebec's far north) are no farther out than
    its southern ones."""
    if len(towns) < 5:
        return towns
    far = sorted(((haversine_km(*reference, *t), t) for t in towns), reverse=True)
    if far[0][0] > STRAY_RATIO * far[1][0]:
        return [t for _, t in far[1:]]
    return towns
