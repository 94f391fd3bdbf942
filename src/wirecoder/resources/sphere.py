"""Distances on the Earth's sphere, shared by the gazetteer build (divisions, airports) and by place
resolution and its evaluation."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

EARTH_KM = 6371.0088  # mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def unit_vectors(latlon_rad: np.ndarray) -> np.ndarray:
    """Points on the unit sphere for an (n, 2) array of radian latitudes and longitudes."""
    import numpy as np

    lat, lon = latlon_rad[:, 0], latlon_rad[:, 1]
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)
