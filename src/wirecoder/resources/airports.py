"""Airports as gazetteer entries, from the airportsdata package (MIT; every airfield with its IATA/ICAO codes,
name, the city it serves, division, country and position).

Only airports with an IATA code are kept (about 7,900 of 28,000: those that airlines serve). Each one is a
point entry (feature "airport", precision "point") indexed under the names news uses, never under its
IATA/ICAO codes, which collide with abbreviations and words ("MAN", "ORD", "BA"):
- its full name ("London Heathrow Airport", "Washington Dulles International Airport");
- its core name (the full name less generic words such as "International") with "Airport" and
  "International Airport" after it ("Washington Dulles Airport");
- its short name (the core less the city it serves and any big city next to it: "Heathrow", "Dulles",
  "O'Hare", "Pearson"; the big city stays where nothing else would: "Luton" of London Luton) with
  "Airport" and "International Airport" after it, unless it is an ordinary word ("City", "Capital");
- the last word of a short name of several words, a person's surname mostly, with "Airport",
  "International Airport" or "National Airport" after it ("Kennedy Airport", "Reagan National Airport");
- its IATA code with "Airport" after it ("JFK Airport");
- the short name alone, where it is one word that English does not already use: not an ordinary word
  (airport_words.tsv, stopwords.txt) nor any word or well-known name in the English dictionary of the
  spaCy model's lemmatiser (WordNet's: "Capital", "Liberty", and people such as "Ataturk", "Jinnah",
  "Chopin", "Dulles"); and where it names no country or division and no place that is more than a small
  namesake of the airport (NAMESAKE_RATIO: Heathrow, Florida, and the village of Stansted Mountfitchet
  are; the towns of Luton, Orly and Narita beside their airports, and Taiping, Malaysia, a city of
  200,000 far from Harbin's Taiping airport, keep their names). Names of several words ("Charles de
  Gaulle", "Indira Gandhi", "Jomo Kenyatta") are mostly people's names and need "Airport" after them.

Ranking needs a population: an airport weighs 1/SERVED_SHARE of the city it serves (the biggest of the
data's city and the big cities its name carries: "Toronto Pearson", served from Mississauga, weighs by
Toronto). So "Manchester" stays the city, while "Heathrow" (a tenth of London's 9 million) outweighs
Heathrow, Florida (6,000 people) before any context is counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from wirecoder.resources.gazetteer_names import fold, strip_article
from wirecoder.resources.sphere import EARTH_KM, haversine_km, unit_vectors

if TYPE_CHECKING:

    from wirecoder.resources.gazetteer import _Builder

SERVED_SHARE = 10  # an airport weighs a tenth of the city it serves
SERVED_KM = 100.0  # the served city must lie this close (the data names it, not where it is)
BIG_CITY = 100_000  # a city this big next to the airport is part of its name, not its short name
BIG_CITY_KM = 60.0
NAMESAKE_RATIO = 50  # as places.NAMESAKE_RATIO: a place this many times smaller is a small namesake
AREA_FEATURES = ("country", "admin1", "admin2", "region", "continent")
_PARENS = re.compile(r"\(([^)]*)\)")


@dataclass
class AirportRecord:
    name: str
    lat: float
    lon: float
    cc: str
    weight: int
    admin1: str | None
    names: set[str] = field(default_factory=set)  # names indexed under it besides its own
    bare: str | None = None  # the one-word short name, if any (indexed only where nothing else holds it)


def _words() -> dict[str, frozenset[str]]:
    """airport_words.tsv: "generic" words dropped from names, "common" words (with stopwords.txt)."""
    base = resources.files("wirecoder.resources") / "data" / "places"
    out: dict[str, frozenset[str]] = {}
    for line in (base / "airport_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, words = line.split("\t")
            out[kind] = frozenset(fold(w) for w in words.split("|"))
    stop = (base / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    out["common"] = out["common"] | {fold(w) for w in stop if w.strip() and not w.startswith("#")}
    return out


def english_words() -> frozenset[str]:
    """Words and well-known names of English: the index of the spaCy model's lemmatiser (WordNet's lemmas,
    which hold famous people and places besides the ordinary vocabulary). Empty if the model lacks it."""
    import spacy
    from spacy.lookups import Lookups

    from wirecoder.nlp.pipeline import MODEL_PACKAGE

    root = Path(spacy.util.get_package_path(MODEL_PACKAGE))
    path = next((p for p in root.rglob("lookups") if p.parent.name == "lemmatizer"), None)
    if path is None:
        return frozenset()
    lookups = Lookups().from_disk(path)
    if not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    # one-word entries only (multi-word ones are joined by "_"); most are plain lower-case ASCII already
    return frozenset(w if w.isascii() and w.isalpha() else fold(w)
                     for pos in index for w in index[pos] if "_" not in w)


def _drop(key: str, names: list[str]) -> str:
    """key without any of names (whole words), longest first."""
    padded = f" {key} "
    for n in sorted(set(names), key=len, reverse=True):
        while n and f" {n} " in padded:
            padded = padded.replace(f" {n} ", " ")
    return " ".join(padded.split())


def airport_names(name: str, served: Iterable[str], generic: frozenset[str],
                  nearby: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(core names, short names) of an airport name. served: folded names of the city it serves; nearby:
    those of the big cities next to it, which are dropped too unless nothing else would be left (London
    Luton's short name is "Luton", a town of 200,000 beside it, Toronto Pearson's "Pearson").

    >>> airport_names("London Heathrow Airport", ["london"], frozenset({"airport"}))
    (['london heathrow'], ['heathrow'])
    """
    served, nearby = list(served), list(nearby)
    parts = [_PARENS.sub(" ", name)] + _PARENS.findall(name)
    cores, shorts = [], []
    for part in parts:
        core = " ".join(w for w in fold(part).split() if w not in generic)
        if not core:
            continue
        cores.append(core)
        short = _drop(core, served + nearby) or _drop(core, served)
        if short:
            shorts.append(short)
    return cores, shorts


class _Cities:
    """The builder's city entries: per country as unit vectors for distance queries, and by name."""

    def __init__(self, b: _Builder) -> None:
        import numpy as np

        from wirecoder.resources.gazetteer import FEATURES

        self.city = FEATURES.index("city")
        rows: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(b.feature):
            if f == self.city:
                rows[b.cc[i]].append(i)
        self._b = b
        self.ids = {cc: np.array(ix) for cc, ix in rows.items()}
        self.pop = {cc: np.array([b.pop[i] for i in ix]) for cc, ix in rows.items()}
        self.vec = {cc: unit_vectors(np.radians([(b.lat[i], b.lon[i]) for i in ix]))
                    for cc, ix in rows.items()}

    def around(self, cc: str, lat: float, lon: float) -> tuple[list[int], int]:
        """Builder ids of the country's big cities within BIG_CITY_KM of a point, and of its nearest city."""
        import numpy as np

        cos = self.vec[cc] @ unit_vectors(np.radians([(lat, lon)]))[0]
        big = ((cos >= np.cos(BIG_CITY_KM / EARTH_KM)) & (self.pop[cc] >= BIG_CITY)).nonzero()[0]
        ids = self.ids[cc]
        return [int(ids[k]) for k in big], int(ids[int(cos.argmax())])

    def named(self, key: str, cc: str, lat: float, lon: float, km: float) -> list[int]:
        """Builder ids of the country's cities within km of a point that bear the name key (own or alternate)."""
        b = self._b
        out = []
        for code in b.keys.get(key, ()):
            i = code >> 1
            if b.feature[i] == self.city and b.cc[i] == cc and haversine_km(b.lat[i], b.lon[i], lat, lon) <= km:
                out.append(i)
        return out


def airport_records(b: _Builder) -> list[AirportRecord]:
    """The airports to add to a builder that already holds the cities and divisions."""
    import airportsdata

    words = _words()
    generic, common = words["generic"], words["common"]
    english = english_words()
    cities = _Cities(b)
    out: list[AirportRecord] = []
    for a in airportsdata.load("IATA").values():
        cc, lat, lon = a["country"], float(a["lat"]), float(a["lon"])
        if cc not in cities.ids or not a["name"]:
            continue
        big_ids, nearest = cities.around(cc, lat, lon)
        served = {fold(p) for p in re.split(r"[,/]", a["city"]) if p.strip()} | {fold(a["city"])}
        big = {fold(b.names[i]) for i in big_ids}
        folded_name = f" {fold(a['name'])} "
        weighing = served | {n for n in big if f" {n} " in folded_name}
        served_pop = max((b.pop[i] for key in weighing for i in cities.named(key, cc, lat, lon, SERVED_KM)),
                         default=0)
        rec = AirportRecord(a["name"], lat, lon, cc, served_pop // SERVED_SHARE, b.admin1[nearest])
        cores, shorts = airport_names(a["name"], sorted(served), generic, sorted(big))
        for core in cores:
            rec.names.update({f"{core} airport", f"{core} international airport"})
        for short in shorts:
            if " " not in short and short in common:
                continue
            rec.names.update({f"{short} airport", f"{short} international airport"})
            if " " not in short and short not in english and rec.bare is None:
                rec.bare = short
            last = short.split()[-1]
            if " " in short and last not in common and len(last) >= 4:
                # A person's airport goes by the surname: "Kennedy Airport", "Reagan National Airport".
                rec.names.update({f"{last} airport", f"{last} international airport", f"{last} national airport"})
        code = f"{fold(a.get('iata') or '')} airport"
        if strip_article(code) == code:  # "ATH Airport" would lose "ath" as an Arabic article
            rec.names.add(code)  # "JFK Airport": the code, with the word after it
        out.append(rec)
    return out


def add_airports(b: _Builder) -> int:
    """Add the airports to the builder; returns how many."""
    from wirecoder.resources.gazetteer import FEATURES

    areas = {FEATURES.index(f) for f in AREA_FEATURES}
    recs = airport_records(b)

    def taken(key: str, weight: int) -> bool:
        """Whether a key already names an area, or a place that is more than a small namesake of the airport
        (another airport among them)."""
        for code in b.keys.get(key, ()):
            i = code >> 1
            if b.feature[i] in areas or b.pop[i] * NAMESAKE_RATIO > weight:
                return True
        return False

    for r in recs:
        i = b.add(r.name, r.lat, r.lon, r.cc, "airport", r.weight, None, r.admin1)
        for n in sorted(r.names):
            b.alias(i, n, alternate=False)
    # Bare short names last and biggest airport first, so that one airport's own names do not block
    # another's short name and of two airports with one short name the bigger one holds it.
    first = len(b.names) - len(recs)
    for k in sorted(range(len(recs)), key=lambda k: -recs[k].weight):
        r, i = recs[k], first + k
        if r.bare and len(r.bare) >= 3 and not taken(r.bare, max(1, r.weight)):
            b.alias(i, r.bare, alternate=False)
    return len(recs)
