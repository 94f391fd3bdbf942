"""After resolution: names the gazetteer lacks, and lonely namesakes, take the point of a place the text
puts them in ("Collins Avenue in Miami Beach", "Cairo's Abbasiya"), else the article's home town, state or
country; a name nothing calls a place is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from wirecoder.coding.place_names import (
    APPOSITION_LINKS,
    CAMP_KINDS,
    GENERIC_TAILS,
    NAME_DIVISION_CUES,
    PLACE_NOUNS,
    POSSESSIVES,
    PROVINCE_WORDS,
    SEA_FEATURE_WORDS,
    SITE_NOUNS,
    TOWN_OF,
    WHERE_PREPS,
    PlaceNames,
    Toponym,
    after_compass,
    compass_only,
    place_from,
)
from wirecoder.coding.place_text import is_compass_word, is_dateline, sets_scene
from wirecoder.resources.gazetteer import Candidate, Entry
from wirecoder.resources.gazetteer_names import fold
from wirecoder.resources.sphere import BEARINGS, UNITS_KM, haversine_km, offset_point
from wirecoder.schema import Place

_PART_NOUNS = frozenset({"district", "province", "region", "county", "state", "governorate", "suburb", "town",
                         "village", "area", "neighbourhood", "neighborhood", "camp", "township"}) | SITE_NOUNS
# What may stand between a name the gazetteer lacks and the place that holds it: "Kalam in the Swat
# Valley", "Mabvuku, a suburb of Harare"; see _part_link for the longer ones.
CONTAINER_LINKS = frozenset({",", "in", "near", "outside", "at", "in the", "on"})
_PART_PREPS = frozenset({"of", "in", ","})


def _container_link(link: str) -> bool:
    """", in", "near", and the same with a part of the place or "neighbouring" after them: "Boulkessi in
    central Mali", "a village in the northern Gaza Strip", "Paletwa in neighbouring Chin state", or with the
    kind of place it is: "Puerto Jordan, in the eastern province of Arauca"."""
    words = link.split()
    if len(words) > 2 and words[-1] == "of" and words[-2] in _PART_NOUNS:
        words = words[1:-2] if words[0] == "," else words[:-2]
    while words and (is_compass_word(words[-1]) or words[-1] in _NEIGHBOURING):
        words.pop()
    return " ".join(words) in CONTAINER_LINKS


_NEIGHBOURING = frozenset({"neighbouring", "neighboring", "nearby", "adjacent"})  # "Paletwa in neighbouring Chin state"


def _part_link(link: str) -> bool:
    """Whether the words between a name and the next place say the name is a part of it: "the Gondra
    district of Uttar Pradesh", "the Abu Shok refugee camp in Al-Fashir", "the Wedza district, Mashonaland
    East province", "Mabvuku, a suburb of Harare", "a town called Låsby located in Mid-Jutland"."""
    words = link.replace(",", " , ").split()
    if words[:1] == [","]:
        words = words[1:]
    if words[:1] in (["a"], ["an"], ["the"]):
        words = words[1:]
    if words[-1:] == ["the"]:
        words = words[:-1]
    if words[-2:] == ["located", "in"]:
        return len(words) == 2
    if not 2 <= len(words) <= 4 or words[-1] not in _PART_PREPS:
        return False
    head = words[:-1]
    return all(w.isalpha() and w.islower() for w in head) and head[-1] in _PART_NOUNS


_RELATIVE_LINK = re.compile(
    r",?\s*(?:(?:a|an)\s+(?:[a-z]+\s+){0,2}?(?P<kind>[a-z]+)\s+)?"
    r"(?:(?:about|some|around|roughly|nearly|almost|approximately|just|only)\s+)?"
    r"(?:(?P<num>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>[a-z]+)\s*(?:\([^)]*\)\s*)?)?"
    r"(?P<dir>(?:north|south)(?:-?(?:east|west))?|east|west)\s+of(?:\s+the)?"
    r"(?:\s+(?:[a-z]+\s+)?(?:city|town|village|capital)\s+of)?")  # "west of the city of Cochabamba"


def relative_link(link: str) -> tuple[float, str] | None:
    """(distance in km, or 0 where none is given; compass direction) when the words between a name and
    the next place say where the name lies from it: ", north of", ", about 60 km west of", ", 20 km (12
    miles) south-east of", ", a town 40 km north of"; else None."""
    m = _RELATIVE_LINK.fullmatch(link)
    if m is None or (m["kind"] and m["kind"] not in PLACE_NOUNS | _SPOT_NOUNS):
        return None
    if m["num"] is None:
        return 0.0, m["dir"]
    unit = UNITS_KM.get(m["unit"])
    return (float(m["num"]) * unit, m["dir"]) if unit else None


_SPOT_NOUNS = frozenset({"camp", "area", "base", "crossing", "junction", "spot"})


def _possessive_part(between: str) -> bool:
    """Whether the text between a place and a name says the name is a part of that place: "Cairo's
    Abbasiya", "Cairo's gated suburb of Madinaty"."""
    between = between.strip()
    lead = next((p for p in POSSESSIVES if between.startswith(p)), None)
    if lead is None:
        return False
    rest = between[len(lead):].strip()
    return not rest or (rest.endswith(" of") and _part_link(rest))


def _named_countries(found: list[Toponym], lean: str | None = None) -> Counter[str]:
    """How often the article's place names (not adjective forms) lie in each country; lean, the country of
    the story's dateline, wins a tie (a story filed from Bamako that names Mali and Algeria twice each is
    Malian)."""
    counts: Counter[str] = Counter(t.place.country for t in found if t.place.country and t.kind == "name")
    if lean and counts[lean]:
        counts[lean] += 0.5
    return counts


def _small_town(e: Entry) -> bool:
    return e.feature in ("city", "admin2") and e.population < LONELY_POP


def _evidence_by_country(found: list[Toponym], chosen: list[Entry | None]) -> Counter[str]:
    """The article's place names (not adjective forms) in each country, counting every mention of a
    country, division or big town but a small town once however often it is written: "Ber" twice, read as a
    Greek town, makes no Greek story, while "Jamaica" seven times makes a Jamaican one."""
    seen: set[tuple[str, str]] = set()
    out: Counter[str] = Counter()
    for t, e in zip(found, chosen, strict=True):
        p = t.place
        if not p.country or t.kind != "name":
            continue
        if e is not None and _small_town(e):
            if (p.country, fold(p.text)) in seen:
                continue
            seen.add((p.country, fold(p.text)))
        out[p.country] += 1
    return out


LONELY_POP = 100_000  # a town smaller than this needs some other name of the article in its country
HAMLET_POP = 10_000  # a place this small, found by an alternate name only, needs a town or division there


def unsupported_namesakes(found: list[Toponym], chosen: list[Entry | None],
                           cands: list[list[Candidate]], vouched: set[int] | None = None,
                           text: str = "") -> list[Toponym]:
    """A small town in a country no other name of the article lies in, while the article is plainly
    about another country (two names or more there), is a namesake abroad of a place the gazetteer
    lacks ("Piccadilly" of a London story is no Australian hamlet, "Kalam ... in the Swat Valley" no
    Indian town), nor is a name found only through its last words in such a country ("Central Plateau"
    of a Haiti story is no Nigerian state): the mention is left unresolved, for the stand-in rule. Not a
    mention whose own words put it in its country (vouched: "the northern Israeli town of Kiryat Shmona").
    Nor is a town known by the name only as an alternate, where the text (its full text) calls the name
    islands ("the Matsu islands" of a Taiwan story are no Japanese Matsue), whatever its size."""
    countries = _evidence_by_country(found, chosen)
    by_name = Counter((t.place.country, fold(t.place.text)) for t in found if t.place.country and t.kind == "name")
    out = list(found)
    for i, (t, e) in enumerate(zip(found, chosen, strict=True)):
        if e is None or not e.country or i in (vouched or ()):
            continue
        # a name read through its last words ("Central Plateau" as Nigeria's Plateau State) is as lonely
        backed_off = e.feature in ("admin1", "admin2", "city") and after_compass(t.place.text) is not None
        backed_off = backed_off or (e.feature == "city" and _kind_after(text, t.place, ISLAND_KINDS)
                                    and all(c.alternate for c in cands[i] if c.entry.id == e.id))
        # "the nearby town of Palma" in a Mozambique story is near the article's places, whatever its size
        backed_off = backed_off or (e.feature in ("city", "admin2") and _NEARBY.search(
            text[max(0, (t.place.char_start or 0) - 40):t.place.char_start or 0]) is not None)
        if not backed_off and (not _small_town(e) or any(
                c.entry.country == e.country and c.entry.feature in ("admin1", "country") for c in cands[i])):
            continue
        # other names there (a small town's own mentions count once: _evidence_by_country)
        own = countries[e.country] - (1 if _small_town(e) else by_name[(e.country, fold(t.place.text))])
        main = [cc for cc, n in countries.items() if cc != e.country and n >= 2]
        if (not backed_off and own and main and e.population < HAMLET_POP
                and all(c.alternate for c in cands[i] if c.entry.id == e.id)
                and not any(o.place.country == e.country and o.place.precision != "country" and o is not t
                            and fold(o.place.text) != fold(t.place.text) for o in found)):
            # a hamlet known by that name only as an alternate ("Nasir" as Sudan's Nasir Extension) needs a
            # town or division of its own country in the article, not just the country's name ("fled to
            # Ethiopia and Sudan"), when the article is plainly about another country
            own = 0
        if own and main and not backed_off and _small_town(e) and _among_others_only(found, t, text, main):
            # "Troops were patrolling outside the town of El Dorado" after a paragraph on Culiacan, in a
            # Mexican story that names Texas three paragraphs on: the town's own stretch of text is Mexican
            own = 0
        if own == 0 and main:
            out[i] = Toponym(Place(text=t.place.text, char_start=t.place.char_start, char_end=t.place.char_end),
                             t.kind, t.source, t.candidates)
    return out


def _among_others_only(found: list[Toponym], t: Toponym, text: str, main: list[str]) -> bool:
    """Whether the names of t's paragraph and the one before it, other than t's own, lie only in the
    article's main countries (at least one does) and none in t's country."""
    start = t.place.char_start or 0
    para = text.rfind("\n\n", 0, start)
    lo = text.rfind("\n\n", 0, para) if para > 0 else 0
    hi = text.find("\n\n", start)
    hi = len(text) if hi < 0 else hi
    near = {o.place.country for o in found if o is not t and o.kind == "name" and o.place.country
            and fold(o.place.text) != fold(t.place.text) and lo <= (o.place.char_start or 0) < hi}
    return bool(near) and near <= set(main)


# Words before a name that put it near the places the article is about: "the nearby town of", "a
# neighbouring village".
_NEARBY = re.compile(r"\b(?:nearby|neighbou?ring)(?: (?:town|village|city|district|camp|suburb)s?(?: of)?)?\s*$",
                     re.IGNORECASE)
# Words after a name that call it islands: "the Matsu islands".
ISLAND_KINDS = frozenset({"island", "islands", "isles", "archipelago"})


def _kind_of_place_in(link: str) -> bool:
    """Whether the words between two names say the first is a kind of place in or near the second:
    ", a suburb located east of", " is a rural township in northwestern"."""
    words = link.replace(",", " , ").split()
    return (len(words) <= 8 and words[:1] in ([","], ["is"], ["was"]) and words[1:2] in (["a"], ["an"], ["the"])
            and all(w.isalpha() and w.islower() for w in words[1:])
            and any(w in PLACE_NOUNS for w in words)
            and (words[-1] in APPOSITION_LINKS or is_compass_word(words[-1])))


def _stand_in(t: Toponym, place: Place) -> Toponym:
    """t at place's point and precision; score 0 and no feature class, since the gazetteer knows no entry
    for the name itself."""
    return Toponym(replace(place, text=t.place.text, char_start=t.place.char_start,
                           char_end=t.place.char_end, score=0.0, feature=None), t.kind, t.source, 0)


_CONTAINER_FIRST = frozenset({"suburb", "suburbs", "neighbourhood", "neighborhood", "town", "village", "city"})
HELD_KM = 150.0  # farther than this from the town whose part the text calls it, a reading is a namesake


def _possessive_holder(found: list[Toponym], i: int, text: str) -> Place | None:
    """The placed name just before mention i when the text makes i a part of it: "Cairo's Abbasiya",
    "Cairo's gated suburb of Madinaty"."""
    prev = found[i - 1].place if i else None
    if prev is not None and prev.lat is not None and _possessive_part(text[prev.char_end:found[i].place.char_start]):
        return prev
    return None


def _holder(found: list[Toponym], i: int, text: str) -> tuple[Place, tuple[float, str] | None] | None:
    """The place a mention is a part of or lies near by the text's own words, with the bearing the text
    gives from it (relative_link) where it gives one: a possessive before it ("Giza's Haram district",
    "Cairo's gated suburb of Madinaty"), a part phrase after it ("the Adhamiyah district of Baghdad", "the
    Rice Lake area of Fulton County") or a bearing from a town ("Bama, 70 km south of Maiduguri"); else
    None."""
    here = found[i].place
    owner = _possessive_holder(found, i, text)
    if owner is not None:
        return owner, None
    if i + 1 < len(found):
        nxt = found[i + 1].place
        link = text[here.char_end:nxt.char_start].strip().lower()
        if link == "," and text[nxt.char_end:nxt.char_end + 2] in POSSESSIVES:
            return None  # "in the city of Rafah, Gaza's health ministry said": the town after speaks
        # "the Cincinnati suburb of West Chester" reads the other way: the suburb is the one after "of"
        # (not "Kuriga, a town in Kaduna state")
        if (nxt.lat is not None and (_part_link(link) or _kind_of_place_in(link))
                and not (link.endswith(" of") and _CONTAINER_FIRST.intersection(link.replace(",", " ").split()))):
            return nxt, None
        if nxt.lat is not None and nxt.precision in ("admin1", "country") and link in (", in", ", in the"):
            return nxt, None  # "Kuriga, in Kaduna state": no Moroccan Khouribga
        division = _possessed_division(found, i + 1, text) if nxt.precision == "country" else None
        if division is not None and link.startswith("in ") and _container_link(link):
            # "Kuriga in northwest Nigeria's Kaduna state" (not a bare "in": "refugees from Aleppo in Turkey")
            return division, None
        bearing = relative_link(link)
        if bearing is not None and _is_town(nxt):
            return nxt, bearing
    return None


def _possessed_division(found: list[Toponym], j: int, text: str) -> Place | None:
    """The division right after country mention j when the country's possessive names it ("Haiti's
    Artibonite region", "Myanmar's western Chin state"), else None."""
    if j + 1 >= len(found):
        return None
    country, division = found[j].place, found[j + 1].place
    between = text[country.char_end:division.char_start].strip()
    words = between.split()
    while len(words) > 1 and is_compass_word(words[-1]):
        words.pop()  # "Myanmar's western Chin state"
    between = " ".join(words)
    return division if (between in POSSESSIVES and division.lat is not None and division.precision == "admin1"
                        and division.country == country.country) else None


def _is_town(place: Place) -> bool:
    return place.lat is not None and place.feature in ("city", "admin2")


def _near(t: Toponym, town: Place, km: float, direction: str) -> Toponym:
    """t, which the gazetteer lacks or misreads, placed by its bearing from a town: km along direction
    where the text gives a distance ("Tawila, about 60 km west of El Fasher"), else at the town's own point
    ("Barsalogho, north of Ouagadougou")."""
    if km:
        lat, lon = offset_point(town.lat, town.lon, km, BEARINGS[direction])
        town = replace(town, lat=lat, lon=lon, name=f"{km:.0f} km {direction} of {town.name}")
    return _stand_in(t, town)


def _held_elsewhere(place: Place, holder: Place, slack_km: float = 0.0) -> bool:
    """Whether a town's reading lies outside the place the text says holds it: farther than HELD_KM (plus
    the distance the text puts between them) from a town or county, outside a state, or in another
    country."""
    if holder.feature in ("city", "admin2"):
        return haversine_km(place.lat, place.lon, holder.lat, holder.lon) > HELD_KM + slack_km
    if holder.feature == "admin1":
        return place.country != holder.country or place.admin1 != holder.name
    if holder.feature == "country":
        return place.country != holder.country
    return False


def _outside(place: Place, held_at: Place) -> bool:
    """Whether a town's reading lies outside the place a stand-in put its list mate at (by the stand-in's
    precision, its feature being gone): another division or country, or a town farther than HELD_KM."""
    if held_at.precision == "admin1":
        return place.country != held_at.country or place.admin1 != held_at.admin1
    if held_at.precision == "country":
        return place.country != held_at.country
    return haversine_km(place.lat, place.lon, held_at.lat, held_at.lon) > HELD_KM


def place_local_names(found: list[Toponym], doc: Doc, names: PlaceNames,
                      countries: dict[int, Place] | None = None) -> list[Toponym]:
    """Names the gazetteer lacks (a street, a building, a village) take the point of a place that holds
    them: the one the text names with them ("Collins Avenue in Miami Beach", "Oulton Park, Cheshire",
    "Cairo's Abbasiya"), else the country its own words put it in (countries: "the Malian town of Boni")
    unless the article's one clear town lies there, else that town (the city it names most often), else
    the country it names most often. Better that place's point, at its precision, than none; score 0 marks
    the stand-in. Where nothing says which place holds it, the name stays unresolved. A name no gazetteer
    knows at all, which nothing calls a place (no container, no preposition of place, no "Street" or
    "Lake" of its own), is dropped: "Wavepiston has informed" is a firm the model took for a town."""
    text = doc.text
    out = list(found)
    for i, t in enumerate(found):
        if t.kind != "name":
            continue
        if t.place.lat is not None:
            # only a town or county can be a part of a town ("Toronto's Ontario health-card holders")
            held = _holder(found, i, text) if t.place.feature in ("city", "admin2") else None
            if held is not None:
                holder, bearing = held
                if bearing is not None and _held_elsewhere(t.place, holder, bearing[0]):
                    out[i] = _near(t, holder, *bearing)  # "Salem, 30 km north of Maiduguri" is no Indian city
                elif bearing is None and _held_elsewhere(t.place, holder):
                    out[i] = _stand_in(t, holder)  # "Giza's Haram district" is no Norwegian Haram
            continue
        nxt = found[i + 1].place if i + 1 < len(found) else None
        link = text[t.place.char_end:nxt.char_start].strip().lower() if nxt is not None else ""
        part_of = _part_link(link) or _kind_of_place_in(link)
        bearing = relative_link(link)
        # "Pont-Sonde, a town in Haiti's Artibonite region": the division the country's possessive names
        division = _possessed_division(found, i + 1, text) if nxt is not None and nxt.precision == "country" else None
        if bearing is not None and nxt is not None and _is_town(nxt):
            out[i] = _near(t, nxt, *bearing)
        elif division is not None and (_container_link(link) or part_of):
            out[i] = _placed_in(t, division, names)
        # "the X province of Congo" says no more than the article's own home place would
        elif (nxt is not None and nxt.lat is not None and (_container_link(link) or part_of)
                and not (part_of and nxt.precision == "country")):
            if link == "," and text[nxt.char_end:nxt.char_end + 2] in POSSESSIVES and nxt.precision != "country":
                # "Yeonpyeong and Baengnyeong, Seoul's defence ministry said": Seoul speaks for its country,
                # which is all it says of where the islands are
                nxt = _country_place(nxt.country, names) or nxt
            out[i] = _placed_in(t, nxt, names)
        elif (owner := _possessive_holder(found, i, text)) is not None:
            out[i] = _placed_in(t, owner, names)
    # a list shares the place that holds its last member: "in Nondin and Soro in the northern Yatenga
    # province", "the villages of Kuriga, Zarvik and Molunga in Kaduna state" (no Moroccan Khouribga)
    for i in range(len(found) - 2, -1, -1):
        t, nxt = found[i], out[i + 1]
        if (t.kind == "name" and out[i] is t and nxt is not found[i + 1]
                and nxt.place.lat is not None and found[i + 1].place.lat is None
                and text[t.place.char_end:nxt.place.char_start].strip().lower() in _LIST_GAPS
                and (t.place.lat is None or (t.place.feature in ("city", "admin2") and _outside(t.place, nxt.place)))):
            out[i] = _stand_in(t, nxt.place)
    # One sense per discourse: where a mention's own words placed its name ("Ber, about 60 km east of
    # Timbuktu", no Greek Véroia), its other mentions with the same reading, or none, go there too ("the town
    # of Ber"), not to the article's home town.
    moved = {fold(a.place.text): (a.place.name, b.place) for a, b in zip(found, out, strict=True)
             if a.kind == "name" and b is not a}
    for j, t in enumerate(out):
        was, place = moved.get(fold(t.place.text), (None, None))
        if place is not None and t is found[j] and t.kind == "name" and t.place.name in (was, None):
            out[j] = _stand_in(t, place)
    # "Osweyne, about 60 km west of Harardhere", where Harardhere itself stood in for its division: as near
    # as the text says, which is that division
    for i, t in enumerate(out[:-1]):
        ref = out[i + 1].place
        if (t is found[i] and t.kind == "name" and t.place.lat is None and ref.lat is not None
                and relative_link(text[t.place.char_end:ref.char_start].strip().lower()) is not None):
            out[i] = _stand_in(t, ref)
    # a town named only as the dateline, in a story about another division, is where the story was filed,
    # not where its villages lie ("ABUJA - Gunmen killed 12 worshippers in Kaduna state")
    datelines = [t for t in found if _only_dateline(doc, t)]
    elsewhere = any(t.place.feature == "admin1" and t.place.name not in {d.place.admin1 for d in datelines}
                    for t in found)
    lean = datelines[0].place.country if datelines else None
    home = (_home_place([t for t in found if t not in datelines] if datelines and elsewhere else found, lean)
            or _home_division(found, lean) or _home_country(found, names, lean))
    countries = countries or {}
    # what one mention calls a name holds for its others: "the Catatumbo region", then "in Catatumbo"
    called_division = {fold(x.place.text) for x in out if x.kind == "name" and _kind_after(text, x.place)}
    called_land = {fold(x.place.text) for x in out if x.kind == "name" and _kind_after(text, x.place, LAND_KINDS)}
    placed: list[Toponym] = []
    for i, t in enumerate(out):
        called = countries.get(i)
        if t.place.lat is None and called is not None and (home is None or home.country != called.country):
            t = _placed_in(t, called, names)
        if t.place.lat is None and t.kind == "name":
            listed = bool(placed) and text[placed[-1].place.char_end:t.place.char_start].strip() in _LIST_GAPS
            if (t.candidates == 0 and not listed and t.source != "cue"
                    and not _said_to_be_where(doc, t.place) and not _names_its_kind(t.place.text)):
                continue  # a name no gazetteer knows, which nothing says is a place
            holder = _sentence_holder(doc, t, out)
            if holder is None:
                scene = _sentence_country(doc, t, out)
                # a home town or province inside that country is the nearer guess
                holder = scene if scene is not None and (home is None or home.country != scene.country) else home
                if (holder is home and home is not None and home.feature == "city" and _town_named(doc, t.place)
                        and all(_only_dateline(doc, x) for x in found if x.place.geonameid == home.geonameid)):
                    # "MOGADISHU - troops recaptured the town of Adan Yabaal": a town is no part of the city the
                    # story was filed from (a neighbourhood or a camp may be); its division or country is
                    holder = (_home_division(found, lean) or _home_country(found, names, lean)
                              or _country_place(home.country, names))
                elif (holder is not None and holder.feature != "city" and datelines
                      and datelines[0].place.country == holder.country and _city_part_named(doc, t.place)):
                    # "PORT-AU-PRINCE - gangs battled police in the suburb of Petion-Ville" in a story naming the
                    # Artibonite too: a suburb the text puts in no city is the filing city's
                    holder = datelines[0].place
            if holder is not None and fold(t.place.text).rsplit(" ", 1)[-1] in SEA_FEATURE_WORDS:
                # "Second Thomas Shoal": a reef the gazetteer lacks lies in no town but at sea, in the sea
                # the article names, else (at the least) off the country's coast
                holder = next((x.place for x in out if x.place.lat is not None and x.place.feature == "region"
                               and x.place.name and fold(x.place.name).split()[-1] in _WATERS), None) or (
                    holder if holder.feature == "country" else _country_place(holder.country, names))
            elif holder is not None and holder.feature != "country" and fold(t.place.text) in called_division:
                # "the Catatumbo region", "the Galwan valley": a division or a stretch of land the gazetteer
                # lacks is no part of the article's home town or province, only of its country
                holder = _country_place(holder.country, names)
            if holder is not None and fold(t.place.text) in called_land:
                t = _stand_in(t, holder)  # a valley is no town one letter off its name ("Galwan": no Gawan)
            elif holder is not None:
                t = _placed_in(t, holder, names)
        placed.append(t)
    return placed


_TOWN_WORDS = (*TOWN_OF, "towns of", "villages of")
_CITY_PART_WORDS = ("suburb of", "suburbs of", "neighbourhood of", "neighborhood of", "slum of")


def _town_named(doc: Doc, place: Place) -> bool:
    """Whether the text calls an unplaced name a town or village of its own: "the town of Adan Yabaal"."""
    return _called(doc, place, _TOWN_WORDS, ("town", "village"))


def _city_part_named(doc: Doc, place: Place) -> bool:
    """Whether the text calls an unplaced name a part of a city: "the suburb of Petion-Ville"."""
    return _called(doc, place, _CITY_PART_WORDS, ("suburb", "neighbourhood", "neighborhood", "slum"))


def _called(doc: Doc, place: Place, before_words: tuple[str, ...], after_words: tuple[str, ...]) -> bool:
    before = doc.text[max(0, (place.char_start or 0) - 20):place.char_start or 0].lower().rstrip()
    after = doc.text[place.char_end or 0:(place.char_end or 0) + 14].lower().split()[:1]
    return before.endswith(before_words) or (bool(after) and after[0] in after_words)


def _sentence_holder(doc: Doc, t: Toponym, found: list[Toponym]) -> Place | None:
    """The one first-level division (or region of one country) that the sentence of an unplaced name names
    before it: "In the eastern Donetsk region, Russian forces captured the village of Novoselydivka" lies in
    Donetsk region, wherever the rest of the story is, and "forces of the regional state of Jubaland fought
    near the town of Ras Kamboni" in Jubaland. None where the sentence names none or several. Not a town: one
    named beside the name is as often another stop ("married at South Ossett Church before heading to Great
    Yarmouth") as the place that holds it."""
    near = {(o.place.name, o.place.country): o.place for o in _earlier_in_sentence(doc, t, found)
            if (o.place.feature == "admin1" or (o.place.feature == "region" and o.place.country))
            and not _only_dateline(doc, o)}
    return next(iter(near.values())) if len(near) == 1 else None


def _earlier_in_sentence(doc: Doc, t: Toponym, found: list[Toponym]) -> list[Toponym]:
    """The placed mentions that stand before t in t's own sentence."""
    span = doc.char_span(t.place.char_start, t.place.char_end, alignment_mode="expand") \
        if t.place.char_start is not None else None
    if span is None:
        return []
    sent = span.sent
    return [o for o in found if o is not t and o.place.lat is not None and o.place.char_start is not None
            and sent.start_char <= o.place.char_start < (t.place.char_start or 0)]


def _sentence_country(doc: Doc, t: Toponym, found: list[Toponym]) -> Place | None:
    """The one country that the sentence of an unplaced name puts its scene in before it: "In Somalia,
    federal troops clashed near the town of Ras Kamboni" lies in Somalia, though the story began in
    Ethiopia. Only a country that sets a scene (place_text.sets_scene): one that acts ("Israel struck Beit
    Lahiya") says nothing of where the place lies; two ("In Somalia and Kenya") leave it open."""
    scenes = {o.place.country: o.place for o in _earlier_in_sentence(doc, t, found)
              if o.place.feature == "country" and o.kind == "name" and _sets_scene_at(doc, o.place)}
    return next(iter(scenes.values())) if len(scenes) == 1 else None


def _sets_scene_at(doc: Doc, place: Place) -> bool:
    """Whether the place's mention sets its sentence's scene (place_text.sets_scene)."""
    named = doc.char_span(place.char_start, place.char_end, alignment_mode="expand")
    return named is not None and sets_scene(named)


# Kinds of land that lie across towns and divisions: "the Galwan valley", "the Depsang plains".
LAND_KINDS = frozenset({"valley", "plain", "plains", "plateau", "desert", "highlands", "lowlands", "basin", "delta",
                        "mountains", "range"})
# Kinds of first-level division (or larger) a name may be followed by: "the Catatumbo region", and of land.
DIVISION_KINDS = PROVINCE_WORDS | {"territory"} | LAND_KINDS


_WATERS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "channel", "bay"})


def _kind_after(text: str, place: Place, kinds: frozenset[str] = DIVISION_KINDS) -> bool:
    """Whether the word after a name says it is a place of one of kinds ("the Catatumbo region")."""
    after = text[place.char_end:place.char_end + 20].split() if place.char_end is not None else []
    return bool(after) and after[0].lower().strip(",.;") in kinds


def _only_dateline(doc: Doc, t: Toponym) -> bool:
    span = doc.char_span(t.place.char_start, t.place.char_end, alignment_mode="expand") \
        if t.place.char_start is not None else None
    return span is not None and is_dateline(span)


def _placed_in(t: Toponym, holder: Place, names: PlaceNames) -> Toponym:
    """t, which the gazetteer lacks, placed in holder: at a place inside a country or state holder that is
    spelt nearly as t ("Hassakeh, Syria": Hasakeh; the most prominent where several are), else at the
    holder's own point (_stand_in). A town holder is already as near as a guess gets."""
    # a respelling is a romanisation's ("Khasham": Khusham); a name with a word for its kind or a compass
    # point ("North State", "Fire Island") is English, and one letter off it is another place
    if t.candidates == 0 and holder.feature in ("country", "admin1") and not _names_its_kind(t.place.text) \
            and not any(compass_only(w) for w in t.place.text.split()):
        near = [c for c in names.near_spellings(t.place.text) if c.entry.country == holder.country
                and (holder.feature == "country" or c.entry.admin1 == holder.name)]
        if near:
            score, best = max(((names.prior(c), c) for c in near), key=lambda x: x[0])
            place = place_from(best.entry, t.place.text, t.place.char_start, t.place.char_end, score)
            return Toponym(place, t.kind, t.source, len(near))
    return _stand_in(t, holder)


_DETERMINERS = frozenset({"the", "a", "an"})
_LIST_GAPS = frozenset({",", "and", ", and", "or", ", or", ";", "; and"})  # "the towns of Zarvik, Molunga"


# Words by which a name says itself what kind of place it is: "Lake Pontchartrain", "Fort Hood", "Frenchmen
# Street", "Mahim Bay", "Eglinton Avenue West", "Trump Tower".
_LEAD_KINDS = frozenset({"lake", "fort", "mount", "mt", "port", "cape", "camp", "gulf", "isle", "loch", "glen"})
_TAIL_KINDS = GENERIC_TAILS | frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "square", "bay", "harbor",
    "harbour", "lake", "canal", "bridge", "hall", "hill", "hills", "beach", "creek", "falls", "heights", "springs",
    "park", "gardens", "estate", "railroad", "railway", "station", "airport", "stadium", "hospital", "church",
    "cathedral", "mosque", "palace", "castle", "tower", "prison", "market", "village", "town", "mountains",
}) | SEA_FEATURE_WORDS


def _names_its_kind(name: str) -> bool:
    words = [w for w in fold(name).split() if not compass_only(w)] or [""]
    return words[0] in _LEAD_KINDS or words[-1] in _TAIL_KINDS


# Lower-case words after a name that say it names a place of that kind.
KIND_AFTER = NAME_DIVISION_CUES | {"camp", "region", "valley"}


def _said_to_be_where(doc: Doc, place: Place) -> bool:
    """Whether the words around a name the gazetteer lacks put it on the map: a preposition of place
    ("in Pangandaran", "at the Alder Hey Children's Hospital"), a kind of place ("the village of
    Xinmo"), or a verb acting on it ("shelled Kafr Zita", "toured Pangandaran"). Without one, an unknown
    name is as often a firm, a person or a product ("Wavepiston has informed", "hired by FusionGPS") as a
    place, and the article's home is no evidence for it."""
    start = place.char_start
    span = doc.char_span(start, place.char_end, alignment_mode="expand")
    if span is not None and span.root.dep_ == "dobj" and span.root.head.pos_ == "VERB":
        return True
    after = doc.text[place.char_end:place.char_end + 30].lower().split()
    if after and (after[0] in KIND_AFTER or (after[0] in CAMP_KINDS and after[1:2] == ["camp"])):
        return True  # "shelled Velmira camp", "the Haret Hreik neighbourhood"
    words = doc.text[max(0, start - 60):start].lower().replace("’", "'").split()
    while words and words[-1] in _DETERMINERS:
        words.pop()
    if not words:
        return False
    if words[-1] in WHERE_PREPS or words[-1] in ("on", "of", "inside"):
        return words[-1] != "of" or (len(words) > 1 and words[-2] in PLACE_NOUNS)
    return False


def _country_place(cc: str | None, names: PlaceNames) -> Place | None:
    """The country cc as a place at its own point, or None."""
    entry = names.gaz.country(cc) if cc else None
    return None if entry is None else place_from(entry, entry.name, 0, 0, 0.0)


def _home_country(found: list[Toponym], names: PlaceNames, lean: str | None = None) -> Place | None:
    """The article's country, where it has no clear town: the country its place names lie in most often
    (twice or more, and more often than any other), as the article itself names it, else as the gazetteer
    does ("Deir al-Zor" and "Hasakah" put "the towns of Khasham and al-Tabiya" in Syria though "Syria" is
    never written). A name the gazetteer lacks is then placed at country precision, which is all the text
    says about it."""
    ranked = _named_countries(found, lean).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    named = next((t.place for t in found if t.place.feature == "country" and t.place.country == ranked[0][0]
                  and t.kind == "name"), None)
    if named is not None:
        return named
    return _country_place(ranked[0][0], names)


def _home_division(found: list[Toponym], lean: str | None = None) -> Place | None:
    """The article's one clear state or province, where it has no clear town: the one it names most
    often, in the country it names most often (the village of Xinmo in a story about Sichuan is better
    placed in Sichuan than at China's middle)."""
    named = Counter((t.place.country, t.place.name) for t in found
                    if t.place.feature == "admin1" and t.kind == "name")
    ranked = named.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    countries = _named_countries(found, lean).most_common(2)
    if countries and (ranked[0][0][0] != countries[0][0]
                      or (len(countries) > 1 and countries[0][1] == countries[1][1])):
        return None
    return next(t.place for t in found if t.place.feature == "admin1" and t.kind == "name"
                and (t.place.country, t.place.name) == ranked[0][0])


def _home_place(found: list[Toponym], lean: str | None = None) -> Place | None:
    """The article's one clear town: the one it names most often, in the country it names most often;
    None when two tie for first or the town lies elsewhere (then it is more likely misread than home)."""
    named = Counter(t.place.geonameid for t in found if t.place.feature == "city" and t.kind == "name")
    ranked = named.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    home = next(t.place for t in found if t.place.geonameid == ranked[0][0] and t.kind == "name")
    countries = _named_countries(found, lean).most_common(2)
    if not countries:
        return home
    if len(countries) > 1 and countries[0][1] == countries[1][1]:
        return home if home.country in (countries[0][0], countries[1][0]) else None
    return home if home.country == countries[0][0] else None
