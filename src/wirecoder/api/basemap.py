"""Offline basemap: country outlines from the countryinfo package as one GeoJSON FeatureCollection.

No tile server is ever contacted; the web map draws these outlines instead. Built once per process.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

# Two decimals (~1 km) is finer than the outlines' own accuracy and halves the payload.
_DECIMALS = 2


def _round(coords: Any) -> Any:
    if coords and isinstance(coords[0], (int, float)):
        return [round(float(c), _DECIMALS) for c in coords]
    return [_round(c) for c in coords]


def country_outlines() -> dict[str, Any]:
    """FeatureCollection of every country outline countryinfo ships, with iso3 and name properties."""
    import countryinfo

    features = []
    for info in countryinfo.all_countries():
        try:
            outline = info.geo_json()
            iso = info.iso() or {}
            name = info.name()
        except Exception:  # noqa: BLE001 - a country record without outline or codes is just not drawn
            continue
        for feat in (outline or {}).get("features") or []:
            geom = feat.get("geometry") or {}
            if geom.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            features.append({
                "type": "Feature",
                "properties": {"iso3": (iso.get("alpha3") or "").upper() or None, "name": str(name)},
                "geometry": {"type": geom["type"], "coordinates": _round(geom["coordinates"])},
            })
    features.sort(key=lambda f: f["properties"]["iso3"] or "")
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def country_outlines_json() -> tuple[bytes, str]:
    """(encoded GeoJSON, ETag); cached because the outlines never change within a process."""
    body = json.dumps(country_outlines(), separators=(",", ":")).encode("utf-8")
    return body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
