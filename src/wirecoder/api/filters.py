"""Validation of the REST API's event filters, with the query parameter to blame in each error.

The filters themselves are the store's EventQuery and their SQL is Store.event_where, the same code
`wirecoder events` runs, so every view of the API counts the events that command would print.
"""

from __future__ import annotations

from ..schema import PLOVER_TYPES


class FilterError(ValueError):
    """A filter value the API cannot use; `field` names the query parameter."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def parse_types(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    types = tuple(dict.fromkeys(t.strip().upper() for t in value.split(",") if t.strip()))
    bad = [t for t in types if t not in PLOVER_TYPES]
    if bad:
        raise FilterError("type", f"unknown PLOVER type(s) {', '.join(bad)}; choose from {' '.join(PLOVER_TYPES)} "
                                  "(several separated by commas)")
    return types


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    if not value:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise FilterError("near", f"{value!r}: expected LAT,LON,KM, e.g. 36.2,37.1,50") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise FilterError("near", f"{value!r}: latitude -90..90, longitude -180..180, km > 0")
    return lat, lon, km
