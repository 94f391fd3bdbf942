"""Event filters of the REST API and their SQL: the `wirecoder events` filters plus sentence search.

The WHERE clause mirrors Store.query_events so that every view of the API (list, map, timeline,
network, actors) counts the same events that `wirecoder events` would print; tests/test_api.py
checks the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..schema import HIDDEN_MODALITIES, PLOVER_TYPES

# Great-circle distance in km between the event and (lat, lat, lon) parameters, as in the store.
_HAVERSINE = ("2 * 6371.0 * asin(sqrt(power(sin(radians(e.lat - ?) / 2), 2) + cos(radians(?)) * "
              "cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2)))")


class FilterError(ValueError):
    """A filter value the API cannot use; `field` names the query parameter."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # name/text substring or country code of an actor or recipient
    event_type: tuple[str, ...] = ()  # PLOVER types; empty means all
    country: str | None = None  # ISO alpha-3 of the event location (actor countries when unlocated)
    near: tuple[float, float, float] | None = None  # lat, lon, km
    since: date | None = None
    until: date | None = None
    text: str | None = None  # substring of the evidence sentence, case-insensitive
    include_hidden: bool = False  # negated and hypothetical events
    article_id: str | None = None
    located: bool = False  # only events with coordinates (what a map can show)


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


def where_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL condition on `events e` (and `actors a` subqueries) and its parameters."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if not f.include_hidden:
        where.append(f"e.modality NOT IN ({','.join('?' * len(HIDDEN_MODALITIES))})")
        params += sorted(HIDDEN_MODALITIES)
    if f.event_type:
        where.append(f"e.event_type IN ({','.join('?' * len(f.event_type))})")
        params += list(f.event_type)
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id AND "
                     "(lower(a.name) LIKE ? OR lower(a.text) LIKE ? OR a.country = ?))")
        pat = f"%{f.actor.lower()}%"
        params += [pat, pat, f.actor.upper()]
    if f.country:
        where.append("(e.loc_country = ? OR (e.loc_country IS NULL AND EXISTS (SELECT 1 FROM actors a "
                     "WHERE a.event_id = e.id AND a.country = ?)))")
        params += [f.country.upper(), f.country.upper()]
    if f.near:
        lat, lon, km = f.near
        where.append(f"e.lat IS NOT NULL AND e.lon IS NOT NULL AND {_HAVERSINE} <= ?")
        params += [lat, lat, lon, km]
    if f.since:
        where.append("e.date >= ?")
        params.append(f.since.isoformat())
    if f.until:
        where.append("e.date <= ?")
        params.append(f.until.isoformat())
    if f.text:
        where.append("lower(e.sentence) LIKE ?")
        params.append(f"%{f.text.lower()}%")
    if f.article_id:
        where.append("e.article_id = ?")
        params.append(f.article_id)
    if f.located:
        where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    return " AND ".join(where), params
