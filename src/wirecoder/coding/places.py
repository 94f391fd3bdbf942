"""Toponym recognition and resolution: spaCy's place entities plus gazetteer matching, resolved in context.

Recognition takes spaCy's GPE/LOC/FAC entities, adds capitalised word sequences that the gazetteer knows
(the small model misses many places), and optionally adjective forms ("Syrian") that name a country. It
overrules the model's PERSON/ORG labels where the text says place: the same name used as a place elsewhere
in the article, a list with a place, "the village of X", "Town, Prov.", a dateline; and it drops names the
article gives a person or uses as an organisation's acronym.
Resolution ranks a mention's gazetteer candidates by population and feature type, cue words
("province", "city of"), "X, Y" pairs (shared by every mention of the name), lists (one kind per list)
and what the article's other names say about country, division and neighbourhood
(place_context.DocumentContext). Names the gazetteer lacks back off to the place they contain ("Southern
California" -> California), else to the place named with them ("Collins Avenue in Miami Beach"), the
article's one clear town or its country, marked by score 0.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from wirecoder.coding.place_context import DocumentContext
from wirecoder.coding.place_text import (
    DISEASE_HEADS,
    PLACE_LABELS,
    acronyms,
    disease_names,
    doc_title,
    given_names,
    is_compass_word,
    is_dateline,
    kin_named,
    listed_given_names,
    lone_person_names,
    name_end,
    personal_name_words,
    speaks,
    titled_names,
    trim_name,
    unlike_place_name,
)
from wirecoder.resources.actor_kb import fold as kb_fold
from wirecoder.resources.actor_kb import organisation_names
from wirecoder.resources.gazetteer import Candidate, Entry, Gazetteer, load_gazetteer
from wirecoder.resources.gazetteer_names import fold, is_abbreviation
from wirecoder.resources.sphere import haversine_km
from wirecoder.schema import Place

BLOCKING_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"})
ADMIN_CUES = frozenset({"province", "governorate", "state", "region", "county", "district", "prefecture",
                        "oblast", "department", "territory",
                        # "Belgorod and Kursk regions"
                        "provinces", "governorates", "regions", "counties", "districts", "prefectures",
                        "oblasts", "departments", "territories"})
# "the state of X" (not "the territory of": "the border territory of Georgia" is the country's land)
DIVISION_OF = ("state", "province", "county", "governorate", "prefecture", "oblast", "district")
STATE_CUES = frozenset({"gov", "gov.", "governor", "legislature", "statehouse", "lt."})
CITY_CUES = frozenset({"city", "town", "village", "capital", "suburb", "port"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across", "around",
                            "towards", "toward", "through", "via", "between", "of", "inside"})
# Prepositions that put a name on the map even where the article also names a disease after it.
WHERE_PREPS = frozenset({"in", "at", "near", "from", "to", "outside", "into", "around", "across"})
CONNECTORS = frozenset({"of", "de", "del", "da", "do", "du", "la", "le", "al", "el", "and", "-", "'s",
                        "upon", "on", "sur", "am", "an", "der", "di", "dos", "das", "des", "les", "en"})
# Trailing words naming the kind of place; a name unknown with one is looked up without it.
NATURAL_TAILS = frozenset({"valley", "mountains", "mountain", "island", "islands", "peninsula", "delta", "basin",
                           "coast", "river", "plateau", "highlands"})
GENERIC_TAILS = ADMIN_CUES | NATURAL_TAILS | {"city", "township"}
_REGION_WORD = re.compile(r"^(north|south|east|west|central|upper|lower|greater)(ern)?$|^(north|south)(east|west)(ern)?$")
FEATURE_PRIOR = {"country": 4.0, "continent": 3.5, "region": 3.0, "admin1": 2.0, "admin2": 0.3, "city": 0.0,
                 "airport": 0.0, "landmark": 0.0}


@dataclass(frozen=True)
class _Runs:
    """Per-token facts the recognition passes share (PlaceFinder._runs)."""

    texts: list[str]
    cap: list[bool]
    inner_ok: list[bool]


@dataclass
class Toponym:
    """A place mention with how it is used: literal place, metonym-free adjective form, or embedded."""

    place: Place
    kind: str  # "name" (a place name) | "demonym" (an adjective/people form such as "Syrian")
    source: str  # "ner" | "gazetteer"
    candidates: int = 0


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    path = resources.files("wirecoder.resources") / "data" / "places" / "stopwords.txt"
    words = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in words if w.strip() and not w.startswith("#"))


def _place_from(entry: Entry, text: str, start: int, end: int, score: float) -> Place:
    return Place(
        text=text, name=entry.name, geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon,
        country=entry.country, admin1=entry.admin1 if entry.feature != "admin1" else entry.name,
        precision=entry.precision, char_start=start, char_end=end, feature=entry.feature,
        score=round(score, 3),
    )


LIST_SEPARATORS = (",", "and", "or", "&", ", and", ", or")
# Title words of newspapers that carry a city's name ("Washington Post", "Toronto Star").
NEWSPAPER_WORDS = frozenset({"Times", "Post", "Herald", "Tribune", "Journal", "Gazette", "Chronicle",
                             "Telegraph", "Star", "Sun", "Globe", "Examiner", "Courier", "Observer",
                             "Inquirer", "Daily", "Dispatch", "Star-Advertiser", "Post-Gazette"})
LIST_BONUS = 4.0
CONTEXT_ROUNDS = 4
OWN_PAIR_ADMIN_BONUS = 6.0  # a mention's own "X, <its state>" against the article's other towns
CONTAINER_BONUS = 6.0  # as much as an "X, Y" pair can give X (country and division)
NATURAL_BACKOFF_POP = 10_000  # a town a valley, range or river is named after is a sizeable one
DATELINE_BONUS = 3.0  # for the best-known town of a name that stands alone as a dateline
NAMESAKE_RATIO = 50  # population ratio that makes a place a small namesake of another
NAMESAKE_NATIONAL_CAP = 1.5  # most credit such a namesake gets from national context alone
# A town a thousand times smaller than a city of millions bearing its name ("London", California) is a
# tiny namesake: sharing a division with the article's other names does not place it, only next door does.
TINY_RATIO = 1000
METROPOLIS = 1_000_000
CITY_SHARE = 5  # the city reading needs at least 1/CITY_SHARE of its namesake division's people


def _compass_only(word: str) -> bool:
    key = fold(word)
    return bool(_REGION_WORD.match(key)) or key == "far"


def _after_compass(text: str) -> str | None:
    """The name after its leading compass or size words ("Southern California" -> "California", "South
    West England" and "Far North Queensland" -> England, Queensland), or None ("Far East" is no East)."""
    words = text.split()
    n = 0
    while n < len(words) - 1 and _compass_only(words[n]):
        n += 1
    if n == 0 or (len(words) - n == 1 and _REGION_WORD.match(fold(words[-1]))):
        return None
    return " ".join(words[n:])


def _outgrown(span: Span, k: int) -> bool:
    """Whether the entity at token k lies wholly inside the longer name span: the model's label was
    for a piece of it ("Croix" of "Croix-des-Bouquets", "John" of "Fort St. John")."""
    doc = span.doc
    if not doc[k].ent_type_:
        return False  # blocked as a given name, not by a label
    start = k
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = k + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return span.start <= start and end <= span.end and end - start < len(span)


def _free(span: Span, taken: list[bool]) -> bool:
    return not any(taken[span.start:span.end])


def _with_dot(span: Span) -> str:
    """span's text with the dot the tokenizer split off it ("Alta" of "Wainwright, Alta., by")."""
    doc = span.doc
    attached = span.end < len(doc) and doc[span.end].text == "." and not span[-1].whitespace_
    return span.text + "." if attached else span.text


def _opens(tok: Token) -> bool:
    """Whether tok starts a sentence or a quotation, where any word is capitalised."""
    return tok.is_sent_start or (tok.i > 0 and tok.nbor(-1).is_punct and tok.nbor(-1).text in "\"“‘'(")


def _alone(tok: Token) -> bool:
    """Whether tok is a whole entity or in none (not a word of a longer name)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.ent_iob_ != "I" and (nxt is None or nxt.ent_iob_ != "I")


def _claim(span: Span, taken: list[bool], source: str) -> tuple[Span, str, str]:
    """span as a place name from source, its tokens no longer open to other readings."""
    for i in range(span.start, span.end):
        taken[i] = True
    return span, "name", source


def _list_neighbours(doc: Doc, spans: list[tuple[Span, str, str]]) -> list[list[int]]:
    """Runs of toponyms written as a list ("Colorado, California, and Minnesota"), as span indices."""
    runs: list[list[int]] = []
    for i, (span, _, _) in enumerate(spans):
        if i and runs and runs[-1][-1] == i - 1:
            prev = spans[i - 1][0]
            between = " ".join(t.text for t in doc[prev.end:span.start]).lower()
            if prev.end < span.start and between in LIST_SEPARATORS and prev.sent.start == span.sent.start:
                runs[-1].append(i)
                continue
        runs.append([i])
    return [r for r in runs if len(r) > 1]


def _same_kind(e: Entry, like: Entry) -> bool:
    """Of one kind with like: the same feature and, below the country level, the same country (like
    has no country when the list's towns need not share one)."""
    return e.feature == like.feature and (e.feature in ("country", "continent", "region") or like.cc is None
                                          or e.cc == like.cc)


def _list_bonus(doc: Doc, spans: list[tuple[Span, str, str]], best: list[Candidate | None]) -> dict[int, Entry]:
    """For list members, the reading most of their fellow members share, where most share one.

    Items of one list are things of one kind: beside "Colorado" and "California", "Minnesota" is the
    state and "Washington" the state, not the capital; beside "New York" and "Boston" it is the city.
    A majority rather than all: in a long list of states one misread member ("Ontario" the Californian
    city among Canadian provinces) must not silence the others.
    """
    out: dict[int, Entry] = {}
    for run in _list_neighbours(doc, spans):
        for i in run:
            others = [best[j].entry for j in run if j != i and best[j] is not None]
            for like in others:
                if sum(_same_kind(o, like) for o in others) * 2 > len(others):
                    # One town says little about its fellows' country: "New York and Toronto".
                    out[i] = like if len(others) > 1 or like.feature != "city" else replace(like, cc=None)
                    break
    return out


# "X police", "X Mayor ...": bodies that serve a place, so the known name before them is one.
PLACE_BODIES = frozenset({"police", "mayor", "council", "councillors", "sheriff", "residents", "resident",
                          "pd", "rcmp", "opp"})  # a local police force by its initials: "Slidell PD", "Brant OPP"
# Sites a lower-case phrase after a town puts there: "the Natanz enrichment site", "the Ras Tanura refinery".
SITE_NOUNS = frozenset({"site", "plant", "facility", "base", "refinery", "camp", "port", "crossing", "dam",
                        "mine", "reactor", "terminal", "checkpoint", "airbase", "airfield", "hospital",
                        "laboratory", "lab", "prison", "jail", "field", "station",
                        "sites", "plants", "facilities", "bases", "camps", "mines", "fields"})
# Words after a town that make the town's name part of a local institution's ("Bantam Superior Court",
# "New Milford Police Department", "Metcalfe County Fire and EMS"): the town is still a place.
INSTITUTION_WORDS = PLACE_BODIES | frozenset({"court", "superior", "crown", "magistrates", "detention", "jail",
                                              "prison", "fire", "ems", "borough"})
# Words that say which kind of court or force, not where: "Supreme Court", "Federal Police".
INSTITUTION_KINDS = frozenset({"supreme", "high", "federal", "constitutional", "appeals", "appeal", "national",
                               "central", "state", "military", "criminal", "civil", "family", "juvenile",
                               "municipal", "international", "royal", "metropolitan", "regional", "special"})

# "the Abbassiya district": a lower-case division word after a name (not "state": "the Republican state senator").
NAME_DIVISION_CUES = frozenset({"district", "county", "province", "governorate", "prefecture", "oblast"})
# "the <noun> of X": X is a place.
PLACE_NOUNS = frozenset({"town", "towns", "village", "villages", "city", "cities", "district", "districts",
                         "province", "provinces", "community", "communities", "municipality", "county",
                         "region", "hamlet", "suburb", "neighbourhood", "neighborhood", "island", "islands",
                         "port", "governorate", "prefecture", "township", "settlement", "commune"})

# Nouns a town's name can modify and still be where things are: "in the Glasgow area".
AREA_NOUNS = PLACE_NOUNS | frozenset({"area", "areas", "region", "outskirts", "suburbs", "countryside"})
# Words after "X, a suburb" that keep it a place: "of", "in", "east of", "located", "near".
APPOSITION_LINKS = frozenset({"of", "in", "near", "outside", "located", "on", "north", "south", "east", "west",
                              "northeast", "northwest", "southeast", "southwest", "about", "some", "just"})
_PART_NOUNS = frozenset({"district", "province", "region", "county", "state", "governorate", "suburb", "town",
                         "village", "area", "neighbourhood", "neighborhood", "camp", "township"}) | SITE_NOUNS
# What may stand between a name the gazetteer lacks and the place that holds it: "Kalam in the Swat
# Valley", "Mabvuku, a suburb of Harare"; see _part_link for the longer ones.
CONTAINER_LINKS = frozenset({",", "in", "near", "outside", "at", "in the", "on"})
POSSESSIVES = frozenset({"'s", "’s"})
_PART_PREPS = frozenset({"of", "in", ","})


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


def _possessive_part(between: str) -> bool:
    """Whether the text between a place and a name says the name is a part of that place: "Cairo's
    Abbasiya", "Cairo's gated suburb of Madinaty"."""
    between = between.strip()
    lead = next((p for p in POSSESSIVES if between.startswith(p)), None)
    if lead is None:
        return False
    rest = between[len(lead):].strip()
    return not rest or (rest.endswith(" of") and _part_link(rest))


def _named_countries(found: list[Toponym]) -> Counter[str]:
    """How often the article's place names (not adjective forms) lie in each country."""
    return Counter(t.place.country for t in found if t.place.country and t.kind == "name")


LONELY_POP = 100_000  # a town smaller than this needs some other name of the article in its country


def _unsupported_namesakes(found: list[Toponym], chosen: list[Entry | None],
                           cands: list[list[Candidate]]) -> list[Toponym]:
    """A small town in a country no other name of the article lies in, while the article is plainly
    about another country (two names or more there), is a namesake abroad of a place the gazetteer
    lacks ("Piccadilly" of a London story is no Australian hamlet, "Kalam ... in the Swat Valley" no
    Indian town), nor is a name found only through its last words in such a country ("Central Plateau"
    of a Haiti story is no Nigerian state): the mention is left unresolved, for the stand-in rule."""
    countries = _named_countries(found)
    by_name = Counter((t.place.country, fold(t.place.text)) for t in found if t.place.country and t.kind == "name")
    out = list(found)
    for i, (t, e) in enumerate(zip(found, chosen, strict=True)):
        if e is None or not e.country:
            continue
        # a name read through its last words ("Central Plateau" as Nigeria's Plateau State) is as lonely
        backed_off = e.feature in ("admin1", "admin2", "city") and _after_compass(t.place.text) is not None
        if not backed_off and (e.feature not in ("city", "admin2") or e.population >= LONELY_POP or any(
                c.entry.country == e.country and c.entry.feature in ("admin1", "country") for c in cands[i])):
            continue
        own = countries[e.country] - by_name[(e.country, fold(t.place.text))]  # other names there
        main = [(cc, n) for cc, n in countries.items() if cc != e.country and n >= 2]
        if own == 0 and main:
            out[i] = Toponym(Place(text=t.place.text, char_start=t.place.char_start, char_end=t.place.char_end),
                             t.kind, t.source, t.candidates)
    return out


def _states_of_one_country(xs: Sequence[Candidate], ys: Sequence[Candidate]) -> bool:
    """Whether X of "X, Y" can itself be a state of Y's country ("Washington, West Virginia"): then only
    the absence of a list going on makes Y X's address."""
    return bool({c.entry.cc for c in xs if c.entry.feature == "admin1"} & {y.entry.cc for y in ys})


# How near a county's (a region's) point a town must lie for "Town, County" ("Town, Region") to hold it.
AREA_KM = 75.0
REGION_KM = 300.0


def _within(a: Entry, b: Entry, km: float) -> bool:
    return abs(a.lat - b.lat) < km / 100.0 and haversine_km(a.lat, a.lon, b.lat, b.lon) <= km


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


def _holder(found: list[Toponym], i: int, text: str) -> Place | None:
    """The place a mention is a part of by the text's own words: a possessive before it ("Giza's Haram
    district", "Cairo's gated suburb of Madinaty") or a part phrase after it ("the Adhamiyah district of
    Baghdad", "the Rice Lake area of Fulton County"), or None."""
    here = found[i].place
    owner = _possessive_holder(found, i, text)
    if owner is not None:
        return owner
    if i + 1 < len(found):
        nxt = found[i + 1].place
        link = text[here.char_end:nxt.char_start].strip().lower()
        # "the Cincinnati suburb of West Chester" reads the other way: the suburb is the one after "of"
        if (nxt.lat is not None and (_part_link(link) or _kind_of_place_in(link))
                and not _CONTAINER_FIRST.intersection(link.replace(",", " ").split())):
            return nxt
    return None


def _held_elsewhere(place: Place, holder: Place) -> bool:
    """Whether a town's reading lies outside the place the text says holds it: farther than HELD_KM from
    a town or county, outside a state, or in another country."""
    if holder.feature in ("city", "admin2"):
        return haversine_km(place.lat, place.lon, holder.lat, holder.lon) > HELD_KM
    if holder.feature == "admin1":
        return place.country != holder.country or place.admin1 != holder.name
    if holder.feature == "country":
        return place.country != holder.country
    return False


_SAINT = frozenset({"st", "st.", "saint", "ste", "ste."})
_DEDICATED = frozenset({"church", "cathedral", "basilica", "chapel", "university", "college", "hospital",
                        "school", "abbey", "parish", "academy"})


def _saints_dedication(span: Span) -> bool:
    """A saint's name that names a church, school or hospital: "St. John's University", "St. Paul's
    Hospital", "the church of St. Peter and St. Paul", "the Saint Peter and Saint Paul Coptic Orthodox
    Church" (not the towns named after them: "St. John's, Newfoundland", "St. Paul, Minnesota")."""
    doc = span.doc
    if span.start and doc[span.start - 1].lower_ in _SAINT:
        return True  # "St. Paul" read as "Paul": the saint, or "St. Paul" itself would have been the name
    if span[0].lower_ not in _SAINT:
        return False
    nxt = doc[span.end:span.end + 4]
    if len(nxt) >= 2 and nxt[0].text in ("'s", "’s") and nxt[1].lower_ in _DEDICATED:
        return True
    if doc[max(0, span.start - 2):span.start].text.lower().split()[:1] in (["church"], ["cathedral"], ["basilica"]):
        return True
    paired = len(nxt) >= 2 and nxt[0].lower_ == "and" and nxt[1].lower_ in _SAINT
    paired = paired or (span.start >= 2 and doc[span.start - 1].lower_ == "and" and doc[span.start - 2].is_title
                        and any(t.lower_ in _SAINT for t in doc[max(0, span.start - 4):span.start - 1]))
    return paired


def _place_local_names(found: list[Toponym], doc: Doc) -> list[Toponym]:
    """Names the gazetteer lacks (a street, a building, a village) take the point of a place that holds
    them: the one the text names with them ("Collins Avenue in Miami Beach", "Oulton Park, Cheshire",
    "Cairo's Abbasiya"), else the article's one clear town (the city it names most often), else the
    country it names most often. Better that place's point, at its precision, than none; score 0 marks the
    stand-in. Where nothing says which place holds it, the name stays unresolved. A name no gazetteer
    knows at all, which nothing calls a place (no container, no preposition of place, no "Street" or
    "Lake" of its own), is dropped: "Wavepiston has informed" is a firm the model took for a town."""
    text = doc.text
    out = list(found)
    for i, t in enumerate(found):
        if t.kind != "name":
            continue
        if t.place.lat is not None:
            # only a town or county can be a part of a town ("Toronto's Ontario health-card holders")
            holder = _holder(found, i, text) if t.place.feature in ("city", "admin2") else None
            if holder is not None and _held_elsewhere(t.place, holder):
                out[i] = _stand_in(t, holder)  # "Giza's Haram district" is no Norwegian Haram
            continue
        nxt = found[i + 1].place if i + 1 < len(found) else None
        link = text[t.place.char_end:nxt.char_start].strip().lower() if nxt is not None else ""
        part_of = _part_link(link) or _kind_of_place_in(link)
        # "the X province of Congo" says no more than the article's own home place would
        if (nxt is not None and nxt.lat is not None and (link in CONTAINER_LINKS or part_of)
                and not (part_of and nxt.precision == "country")):
            out[i] = _stand_in(t, nxt)
        elif (owner := _possessive_holder(found, i, text)) is not None:
            out[i] = _stand_in(t, owner)
    home = _home_place(found) or _home_division(found) or _home_country(found)
    placed: list[Toponym] = []
    for t in out:
        if t.place.lat is None and t.kind == "name":
            listed = bool(placed) and text[placed[-1].place.char_end:t.place.char_start].strip() in _LIST_GAPS
            if (t.candidates == 0 and not listed and t.source != "cue"
                    and not _said_to_be_where(doc, t.place) and not _names_its_kind(t.place.text)):
                continue  # a name no gazetteer knows, which nothing says is a place
            if home is not None:
                t = _stand_in(t, home)
        placed.append(t)
    return placed


_DETERMINERS = frozenset({"the", "a", "an"})
_LIST_GAPS = frozenset({",", "and", ", and", "or", ", or", ";", "; and"})  # "the towns of Zarvik, Molunga"


# Words by which a name says itself what kind of place it is: "Lake Pontchartrain", "Fort Hood", "Frenchmen
# Street", "Mahim Bay", "Eglinton Avenue West", "Trump Tower".
_LEAD_KINDS = frozenset({"lake", "fort", "mount", "mt", "port", "cape", "camp", "gulf", "isle", "loch", "glen"})
_TAIL_KINDS = GENERIC_TAILS | frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "square", "bay", "harbor",
    "harbour", "lake", "canal", "bridge", "hall", "hill", "hills", "beach", "creek", "falls", "heights", "springs",
    "park", "gardens", "estate", "railroad", "railway", "station", "airport", "stadium", "hospital", "church",
    "cathedral", "mosque", "palace", "castle", "tower", "prison", "market", "village", "town", "mountains"})


def _names_its_kind(name: str) -> bool:
    words = [w for w in fold(name).split() if not _compass_only(w)] or [""]
    return words[0] in _LEAD_KINDS or words[-1] in _TAIL_KINDS


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
    words = doc.text[max(0, start - 60):start].lower().replace("’", "'").split()
    while words and words[-1] in _DETERMINERS:
        words.pop()
    if not words:
        return False
    if words[-1] in WHERE_PREPS or words[-1] in ("on", "of", "inside"):
        return words[-1] != "of" or (len(words) > 1 and words[-2] in PLACE_NOUNS)
    return False


def _home_country(found: list[Toponym]) -> Place | None:
    """The article's country, where it has no clear town: the country it names most often (twice or more,
    and more often than any other), as the article itself names it. A name the gazetteer lacks is then
    placed at country precision, which is all the text says about it."""
    ranked = _named_countries(found).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return next((t.place for t in found if t.place.feature == "country" and t.place.country == ranked[0][0]
                 and t.kind == "name"), None)


def _home_division(found: list[Toponym]) -> Place | None:
    """The article's one clear state or province, where it has no clear town: the one it names most
    often, in the country it names most often (the village of Xinmo in a story about Sichuan is better
    placed in Sichuan than at China's middle)."""
    named = Counter((t.place.country, t.place.name) for t in found
                    if t.place.feature == "admin1" and t.kind == "name")
    ranked = named.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    countries = _named_countries(found).most_common(2)
    if countries and (ranked[0][0][0] != countries[0][0]
                      or (len(countries) > 1 and countries[0][1] == countries[1][1])):
        return None
    return next(t.place for t in found if t.place.feature == "admin1" and t.kind == "name"
                and (t.place.country, t.place.name) == ranked[0][0])


def _home_place(found: list[Toponym]) -> Place | None:
    """The article's one clear town: the one it names most often, in the country it names most often;
    None when two tie for first or the town lies elsewhere (then it is more likely misread than home)."""
    named = Counter(t.place.geonameid for t in found if t.place.feature == "city" and t.kind == "name")
    ranked = named.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    home = next(t.place for t in found if t.place.geonameid == ranked[0][0] and t.kind == "name")
    countries = _named_countries(found).most_common(2)
    if not countries:
        return home
    if len(countries) > 1 and countries[0][1] == countries[1][1]:
        return home if home.country in (countries[0][0], countries[1][0]) else None
    return home if home.country == countries[0][0] else None


class PlaceFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.stop = _stopwords()
        self.organisations = organisation_names()

    @classmethod
    def load(cls) -> PlaceFinder:
        return cls(load_gazetteer())

    # ------------------------------------------------------------ public interface

    def find(self, doc: Doc, *, focus_country: str | None = None, demonyms: bool = False) -> list[Place]:
        """Every toponym mention in doc (char offsets into doc.text), resolved where possible.

        demonyms=True also returns adjective forms ("Syrian", "European") resolved to their country
        or region; by default only place names are returned.
        """
        return [t.place for t in self.find_mentions(doc, focus_country=focus_country, demonyms=demonyms)]

    def focus_country(self, doc: Doc) -> str | None:
        """The ISO alpha-3 country the article is mostly about, or None."""
        mentions = self.find_mentions(doc, demonyms=True)
        counts = Counter(t.place.country for t in mentions if t.place.country)
        if not counts:
            return None
        best, n = counts.most_common(1)[0]
        return best if n >= 2 or len(counts) == 1 else None

    def find_with_focus(self, doc: Doc) -> tuple[list[Place], str | None]:
        """find() and focus_country() in one recognition pass (the coder needs both for every article)."""
        spans = self._recognise(doc, demonyms=True)
        # The first pass only has to find the article's main country: two context rounds settle that.
        first = self._resolve(doc, spans, focus_country=None, rounds=2)
        counts = Counter(t.place.country for t in first if t.place.country)
        focus = None
        if counts:
            best, n = counts.most_common(1)[0]
            focus = best if n >= 2 or len(counts) == 1 else None
        names = [s for s in spans if s[1] != "demonym"]
        if focus is None:
            return [t.place for t in first if t.kind != "demonym"], None
        return [t.place for t in self._resolve(doc, names, focus_country=focus)], focus

    def find_mentions(self, doc: Doc, *, focus_country: str | None = None,
                      demonyms: bool = False) -> list[Toponym]:
        spans = self._recognise(doc, demonyms=demonyms)
        return self._resolve(doc, spans, focus_country=focus_country)

    # ------------------------------------------------------------ recognition

    def _recognise(self, doc: Doc, *, demonyms: bool) -> list[tuple[Span, str, str]]:
        """(span, kind, source) for every toponym, non-overlapping, in text order."""
        taken = [False] * len(doc)
        blocked = [False] * len(doc)
        in_org = [False] * len(doc)
        found: list[tuple[Span, str, str]] = []
        given = given_names(doc)
        person_words = personal_name_words(doc)
        titled = titled_names(doc)
        people = person_words | lone_person_names(doc, titled)
        listed = listed_given_names(doc)
        runs = self._runs(doc)
        for i, text in enumerate(runs.texts):
            if i not in listed and text not in given and text not in people:
                continue
            tok = doc[i]
            if i in listed or (text in given and self._named_person(tok)):
                blocked[i] = True
            elif (text in people and tok.ent_type_ != "PERSON" and _alone(tok)
                  and self._person_here(doc[i:i + 1])):
                # "Associates of Steele said", where the article names Christopher Steele (a PERSON
                # entity is weighed as a whole below)
                blocked[i] = True
        for ent in doc.ents:
            if ent.label_ in BLOCKING_LABELS:
                if ent.label_ == "PERSON" and self._person_is_place(ent, person_words):
                    continue
                if self._names_division(ent) or (self._names_site(ent) and self._has_town(ent.text)):
                    continue
                if self._force_of(ent):
                    blocked[ent.end - 1] = True  # "New Brunswick RCMP": the province is free, the force is not
                    continue
                if self._placed_by_preposition(ent, person_words | titled):
                    continue
                for i in range(ent.start, ent.end):
                    blocked[i] = ent.label_ != "ORG"
                    in_org[i] = ent.label_ == "ORG"
        # Multi-word gazetteer names first: the small model splits "Democratic Republic of the Congo".
        for span, kind, source in self._gazetteer_matches(doc, taken, blocked, in_org, runs, demonyms=demonyms,
                                                          min_tokens=2):
            found.append((span, kind, source))
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS and ent.label_ not in ("NORP", "ORG"):
                continue
            span = self._with_compass_name(trim_name(ent), ent)
            if span is None or any(taken[i] for i in range(span.start, span.end)):
                continue
            span = self._without_place_noun(span)
            if not any(c.isupper() for c in span.text):
                continue
            kind = self._kind(span)
            if kind is None or (kind == "demonym" and not demonyms):
                continue
            if ent.label_ == "ORG" and not self._org_is_place(span):
                continue
            if len(span) == 1 and fold(span.text) in self.stop and not span.text.isupper():
                continue  # "the Centre" (India's government), "Christian", "the West"
            if ent.label_ == "NORP" and kind == "name" and not self._has_name(span.text):
                continue
            if self._not_a_place_here(span) or any(blocked[i] for i in range(span.start, span.end)):
                continue
            if span.text in people and self._person_here(span):
                continue  # "Guhdar said": a name the article also gives a person
            if kind == "name" and not self._candidates(span.text, kind) and unlike_place_name(span, people):
                continue  # "Ms Raggi", "H1N1": only the model's label says place
            found.append((span, kind, "ner"))
            for i in range(span.start, span.end):
                taken[i] = True
        found.extend(self._cued_names(doc, taken, runs))  # before single words claim a piece of "Ceamurlia de Jos"
        found.extend(self._gazetteer_matches(doc, taken, blocked, in_org, runs, demonyms=demonyms))
        found.extend(self._same_name_again(doc, found, taken, person_words, runs))
        found.extend(self._division_after_town(doc, found, taken))
        found.extend(self._list_mates(doc, found, taken, person_words))
        found.sort(key=lambda x: x[0].start)
        return [(self._with_abbreviation_dot(span), kind, source) for span, kind, source in found]

    def _with_abbreviation_dot(self, span: Span) -> Span:
        """"Sask." whole: the tokenizer splits the abbreviation's dot off at a sentence end."""
        doc = span.doc
        if (len(span) != 1 or len(span.text) > 5 or not span.text.istitle() or span.end >= len(doc)
                or doc[span.end].text != "." or span[-1].whitespace_):
            return span
        # "Melville, Sask. believes", "Barrie, Ont., said": the sentence goes on after the dot, so the
        # dot is the abbreviation's; before a capital ("... in Niger. There") it ends the sentence.
        goes_on = span.end + 1 < len(doc) and not doc[span.end + 1].text[:1].isupper()
        if goes_on and any(c.alternate and c.entry.feature in ("admin1", "country")
                           for c in self.gaz.candidates(span.text + ".")):
            return doc[span.start:span.end + 1]
        return span

    def _list_mates(self, doc: Doc, found: list[tuple[Span, str, str]], taken: list[bool],
                    person_words: frozenset[str]) -> list[tuple[Span, str, str]]:
        """A name the gazetteer knows, listed with a place, is a place too, whatever the model labelled
        it or left unlabelled: "from Gloucester and Cheltenham", "raided Gwoza and Bama", "Nitra,
        Prešov and Košice" (a list found from one end spreads along it)."""
        more: list[tuple[Span, str, str]] = []
        places = [s for s, kind, _ in found if kind == "name"]
        while places:
            grown: list[Span] = []
            for s in places:
                for sep, step in ((s.start - 1, -1), (s.end, 1)):
                    if not (0 <= sep < len(doc)) or doc[sep].lower_ not in ("and", "or", ","):
                        continue
                    lo = hi = sep + step
                    while 0 <= hi < len(doc) and self._capitalised(doc[hi]) and not taken[hi] and abs(hi - sep) <= 3:
                        hi += step
                    start, end = (hi + 1, lo + 1) if step < 0 else (lo, hi)
                    if end <= start:
                        continue
                    span = doc[start:end]
                    # Stopped by another name or a taken word: part of a longer name ("San Fernando Valley").
                    longer = 0 <= hi < len(doc) and (taken[hi] or self._capitalised(doc[hi]))
                    if (longer or span.text in person_words or span[0].is_stop or fold(span.text) in self.stop
                            or not self._listed_place(span) or self._not_a_place_here(span)):
                        continue
                    more.append(_claim(span, taken, "gazetteer"))
                    grown.append(span)
            places = grown
        return more

    def _listed_place(self, span: Span) -> bool:
        """Known to the gazetteer well enough to join a list of places: labelled anything by the model,
        or a town of some size under its own name when the model left it unlabelled."""
        names = [c for c in self.gaz.candidates(span.text) if not c.demonym]
        if any(t.ent_type_ for t in span):
            return bool(names)
        return any(not c.alternate and c.entry.population >= 5_000 for c in names)

    def _cued_names(self, doc: Doc, taken: list[bool], runs: _Runs) -> list[tuple[Span, str, str]]:
        """Names a cue word marks as places whatever the model labelled them, known to the gazetteer
        or not: "the village of Ciocile", "the towns of Haris and Varzaqan"."""
        more: list[tuple[Span, str, str]] = []

        def take(start: int) -> int:
            end = start
            while end < len(doc) and not taken[end] and (
                    self._capitalised(doc[end]) or (end > start and doc[end].lower_ in ("de", "del", "al", "el")
                                                     and end + 1 < len(doc) and self._capitalised(doc[end + 1]))):
                end += 1
            if end > start and not doc[start].is_stop and doc[start].ent_type_ not in ("DATE", "TIME"):
                more.append(_claim(doc[start:end], taken, "cue"))  # not "the neighbourhood of Saturday's"
            return end

        for i in range(2, len(doc)):
            if taken[i] or not runs.cap[i] or runs.texts[i - 1].lower() != "of":
                continue
            cue = doc[i - 2]
            if cue.lower_ in PLACE_NOUNS and (
                    cue.is_lower or self._has_name(doc[i:name_end(doc, i)].text)):  # "the City of Montreal"
                end = take(i)
                # a list goes on: "the villages of Ceamurlia de Jos, Maliuc and Caraorman"
                while end < len(doc) and doc[end].lower_ in (",", "and"):
                    nxt = end + 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "and" else end + 1
                    if nxt >= len(doc) or taken[nxt] or not self._capitalised(doc[nxt]):
                        break
                    end = take(nxt)
        # "the city's Abbassiya district", "Maoxian county in Sichuan": a lower-case division word after a
        # name makes it a division's name, whatever the model thought of it ("Haram" a date).
        for i, text in enumerate(runs.texts):
            if i == 0 or text not in NAME_DIVISION_CUES or not doc[i].is_lower or taken[i - 1] or not runs.cap[i - 1]:
                continue
            start = i - 1
            while start > 0 and i - start < 3 and not taken[start - 1] and runs.cap[start - 1]:
                start -= 1
            span = doc[start:i]
            if (start > 0 and runs.cap[start - 1]) or span[0].is_stop or doc_title(span[0]) \
                    or (_opens(span[0]) and span[0].pos_ != "PROPN") \
                    or any(t.ent_type_ == "NORP" for t in span) or self.gaz.is_demonym(span.text):
                continue  # a longer name, "Instead county police", "the Republican county chair", "the Kurdish region"
            more.append(_claim(span, taken, "cue"))
        # "Mabvuku, a suburb east of Harare", "Lujhu is a rural township in Taoyuan": an apposition or
        # a copula says what kind of place the name before it is.
        for i, text in enumerate(runs.texts):
            if text not in (",", "is", "was") or i == 0 or taken[i - 1] or not runs.cap[i - 1]:
                continue
            tok = doc[i]
            k = tok.i + 1
            if k >= len(doc) or doc[k].lower_ not in ("a", "an", "the"):
                continue
            k += 1
            while k < len(doc) and k - tok.i <= 4 and doc[k].is_lower and doc[k].lower_ not in PLACE_NOUNS:
                k += 1  # "a small farming"
            after = doc[k + 1] if k + 1 < len(doc) else None
            if (k < len(doc) and doc[k].lower_ in PLACE_NOUNS and not doc[k].lower_.endswith("s")
                    and after is not None and (after.lower_ in APPOSITION_LINKS or after.is_punct)):
                start = tok.i - 1
                while start > 0 and not taken[start - 1] and runs.cap[start - 1]:
                    start -= 1
                if start < tok.i and not doc[start].is_stop and _free(doc[start:tok.i], taken):
                    more.append(_claim(doc[start:tok.i], taken, "cue"))
        return more

    def _division_after_town(self, doc: Doc, found: list[tuple[Span, str, str]],
                             taken: list[bool]) -> list[tuple[Span, str, str]]:
        """The division or country after a town and a comma, whatever the model labelled it:
        "Barrie, Ont.", "Churchill, Man.", "EDMONTON, Ky" (abbreviations the model takes for names)."""
        more: list[tuple[Span, str, str]] = []
        for span, kind, _ in found:
            after = span.end + 1
            if kind != "name" or after >= len(doc) or doc[span.end].text != ",":
                continue
            for width in (3, 2, 1):
                part = doc[after:after + width]
                if len(part) < width or not _free(part, taken):
                    continue
                if not self._capitalised(part[0]) or not (self._capitalised(part[-1]) or part[-1].text == "."):
                    continue
                if part.end < len(doc) and doc[part.end].ent_iob_ == "I":
                    continue  # the first name of "Beirut, Vladimir Isachenkov in Moscow"
                # "EDMONTON, Ky": an abbreviation without its dot, where a town and a comma say place
                written = part.text if part.text.endswith(".") else part.text + "."
                if any(c.entry.feature in ("admin1", "country") and not c.demonym
                       for c in {*self.gaz.candidates(part.text), *self.gaz.candidates(written)}):
                    more.append(_claim(part, taken, "gazetteer"))
                    break
        return more

    def _same_name_again(self, doc: Doc, found: list[tuple[Span, str, str]], taken: list[bool],
                         person_words: frozenset[str], runs: _Runs) -> list[tuple[Span, str, str]]:
        """One sense per discourse: a name the article uses as a place is that place again where the
        model labelled it otherwise, as a whole entity ("in Cairns" ... "the head of the Cairns unit")
        or leading an organisation's name ("the Metcalfe County Sheriff's Office"), unless the article
        also uses it in a personal name."""
        # Not a landmark: "talks at the Kremlin" is a place, "the Kremlin said" the institution.
        names = {s.text for s, kind, source in found
                 if kind == "name" and source == "ner" and self._has_name(s.text)
                 and not any(c.entry.feature == "landmark" for c in self.gaz.candidates(s.text))} - person_words
        if not names:
            return []
        more: list[tuple[Span, str, str]] = []
        for ent in doc.ents:
            if ent.label_ not in BLOCKING_LABELS:
                continue
            span = trim_name(ent)
            if span is None or doc_title(span[0]):
                continue
            widths = [len(span)] if ent.label_ == "PERSON" else range(len(span), 0, -1)
            for width in widths:
                part = doc[span.start:span.start + width]
                if part.text in names and _free(part, taken):
                    if not self._not_a_place_here(part):
                        more.append(_claim(part, taken, "gazetteer"))
                    break
        # Left unlabelled where the gazetteer pass wants more than a known name, as at a sentence start:
        # "... the last rebel bastion of Douma. ... Douma is surrounded by government forces."
        # Only names placed as more than an owner ("in Noma's case" may be a person's).
        placed = {s.text for s, kind, source in found if s.text in names and s.root.dep_ != "poss"}
        if not placed:
            return more
        widest = max(len(n.split()) for n in placed) + 2  # tokens: "Dar'a" and "U.S.-based" split further
        firsts = frozenset(n.split()[0] for n in placed)
        for i, text in enumerate(runs.texts):
            if taken[i] or text not in firsts:
                continue
            tok = doc[i]
            if tok.ent_type_:
                continue
            for width in range(widest, 0, -1):
                part = doc[tok.i:tok.i + width]
                if (part.text in placed and _free(part, taken) and self._whole_run(part)
                        and not any(t.ent_type_ for t in part) and not self._not_a_place_here(part)):
                    more.append(_claim(part, taken, "gazetteer"))
                    break
        return more

    def _whole_run(self, span: Span) -> bool:
        """Whether span is all of its run of capitalised words: not a piece of "Esperance Lakes Nature
        Reserves" or "Seergeoh Villanueva" (a sentence's capitalised "The" or "A" before it does not count)."""
        doc = span.doc
        after = span.end < len(doc) and self._capitalised(doc[span.end])
        prev = doc[span.start - 1] if span.start else None
        before = prev is not None and self._capitalised(prev) and not (prev.is_sent_start and prev.is_stop)
        return not (after or before)

    def _named_person(self, tok: Token) -> bool:
        """A lone given name that an article also uses in a full personal name ("Georgia Stevens" ...
        "said Georgia") is that person again, unless a place cue says otherwise: a locative preposition
        or a compass word before it ("in Georgia", "southwest Georgia"), or a comma or "and" joining it
        to another place ("Atlanta, Georgia", "Georgia, USA", "Alabama and Georgia")."""
        doc = tok.doc
        if tok.ent_type_ == "PERSON":
            return False  # inside a full name, which the NER blocks already
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if prev in LOCATIVE_PREPS and tok.dep_ != "poss":  # "from Georgia's hard work": not a place
            return False
        if _REGION_WORD.match(prev.replace("-", "")) or self._comma_pair(doc[tok.i:tok.i + 1]):
            return False
        for joint, other in ((tok.i - 1, tok.i - 2), (tok.i + 1, tok.i + 2)):
            if (0 <= other < len(doc) and doc[joint].lower_ in (",", "and", "or")
                    and self._place_word(doc[other])):
                return False
        return True

    def _person_here(self, span: Span) -> bool:
        """A name the article also gives a person is that person here, unless it is a place the
        gazetteer knows as a country, a state or a big town, or a place cue stands by it."""
        names = [c for c in self.gaz.candidates(span.text) if not c.demonym]
        if not names:
            return True
        if speaks(span) and not any(c.entry.feature == "country" and not c.alternate for c in names):
            return True  # "Miranda tweeted", where the article names Lin-Manuel Miranda; "Holland recalled"
        if any(c.entry.feature in ("country", "admin1", "continent", "region") or c.entry.population >= 100_000
               for c in names):
            return False
        doc = span.doc
        prev = doc[span.start - 1].lower_ if span.start else ""
        # "associates of Steele", "between Brunson and the group", "according to Conrad": no place cue;
        # "Miss Abdhou, of Hayes, was ...": where she lives
        before = doc[span.start - 2].lower_ if span.start > 1 else ""
        cue = (prev in WHERE_PREPS and not (prev == "to" and before == "according")) or (prev == "of" and before == ",")
        return not cue and not self._held_by_pair(span, names)

    def _held_by_pair(self, span: Span, names: Sequence[Candidate], *, allow_in: bool = False) -> bool:
        """"X, Y" (or with allow_in "X in Y") where one of X's readings lies in the country Y names or
        holds ("Brunson, South Carolina"; not "According to Conrad, South Africa ...")."""
        pair = self._comma_pair(span, allow_in=allow_in)
        return pair is not None and any(c.entry.cc == p.entry.cc for c in names for p in pair)

    def _place_word(self, tok: Token) -> bool:
        return (self._capitalised(tok) and tok.ent_type_ != "PERSON"
                and any(not c.demonym for c in self.gaz.candidates(tok.text)))

    def _names_division(self, ent: Span) -> bool:
        """An entity the model labelled otherwise that a division word after it makes a division: "in
        Gezira state", "Russia's Kursk region" (a person, product or organisation, in its eyes)."""
        doc = ent.doc
        if ent.end >= len(doc) or doc[ent.end].lower_ not in ADMIN_CUES or len(ent) > 3 or doc_title(ent[0]):
            return False
        return any(c.entry.feature in ("admin1", "admin2") for c in self._candidates(ent.text, "name"))

    def _force_of(self, ent: Span) -> bool:
        """A person or organisation entity that is a place's police force or council: "New Brunswick
        RCMP", "Brant OPP" (the place a country, a division or a town of some size)."""
        if len(ent) < 2 or len(ent) > 4 or ent[-1].lower_ not in PLACE_BODIES or ent.label_ not in ("PERSON", "ORG"):
            return False
        return any(not c.demonym and (c.entry.feature in ("country", "admin1", "admin2") or c.entry.population >= 1_000)
                   and not c.alternate for c in self.gaz.candidates(ent[:-1].text))

    def _person_is_place(self, ent: Span, person_words: frozenset[str]) -> bool:
        """A PERSON entity that is a place after all: a sizeable town taken or reached ("retook Palmyra",
        "fled to Homs", "In Klamath Falls, Oregon"), or the very name of a country or first-level
        division ("Tamil Nadu said") that the article never uses in a personal name."""
        first, root = ent[0], ent.root
        if doc_title(first) or len(ent) > 3 or ent.text in person_words:
            return False
        names = self._candidates(ent.text, "name")  # "Rakhine State" too, through its head
        if any(c.entry.feature in ("country", "admin1", "region") and not c.alternate for c in names):
            return True  # "Tamil Nadu said", "regions like Java"
        placed = root.dep_ == "dobj" or (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS)
        # "advanced on Bukavu in South Kivu": a town in its own province
        if first.i == 0 or (not placed and self._comma_pair(ent) is None
                            and not self._held_by_pair(ent, names, allow_in=True)):
            return False
        return any(c.entry.population >= 20_000 for c in names)

    def _placed_by_preposition(self, ent: Span, people: frozenset[str]) -> bool:
        """An entity the model labelled otherwise that a preposition puts on the map, whole: "officials
        in Dogubayazit", "from Kisumu", "located in Winnipeg", "in the Glasgow area" (a town of some size,
        never a name the article gives a person, and for people never after "to")."""
        span = trim_name(ent)
        if span is None or len(span) > 3 or span.start == 0 or span.text in people:
            return False
        doc = ent.doc
        prev = self._word_before(span)
        if prev not in WHERE_PREPS or (prev == "to" and ent.label_ == "PERSON"):
            return False
        root = span.root
        if not (root.dep_ == "pobj" or (root.dep_ == "compound" and root.head.dep_ == "pobj"
                                        and root.head.lower_ in AREA_NOUNS)):
            return False  # "at Church locations": a modifier of the object, not the object
        nxt = doc[span.end:span.end + 2]
        if nxt and (nxt[0].lower_ in POSSESSIVES or (
                len(nxt) == 2 and nxt[0].lower_ in CONNECTORS and self._capitalised(nxt[1]))):
            return False  # "from McDonald's", "Médecins sans Frontières": a longer name goes on
        return any(not c.demonym and (
            c.entry.population >= 20_000 if c.alternate  # another spelling of a real town: Dogubayazit
            else c.entry.feature in ("country", "admin1", "admin2") or c.entry.population >= 1_000)
            for c in self.gaz.candidates(span.text))

    def _kind(self, span: Span) -> str | None:
        """"demonym" for adjective forms ("Syrian"), None for people plurals ("Syrians"), else "name"."""
        text = span.text
        rest = _after_compass(text)
        if rest and self.gaz.is_demonym(rest):
            return "demonym"  # "Northern Indian states": an adjective, as "Indian" alone
        if self.gaz.is_demonym(text):
            if span[-1].tag_ == "NNPS" or (text.endswith("s") and self.gaz.is_demonym(text[:-1])):
                return None  # "Mexicans" are people, not a place
            return "demonym"
        return "name"

    @staticmethod
    def _word_before(span: Span) -> str:
        """The word before span, past a "the" ("in" of "in the Glasgow area"), lower-cased; "" at the start."""
        doc = span.doc
        k = span.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        return doc[k].lower_ if k >= 0 else ""

    @staticmethod
    def _org_start(span: Span) -> int:
        """Where the organisation name holding span starts, after any leading "the"."""
        doc = span.doc
        k = span.start
        while k > 0 and doc[k].ent_iob_ == "I":
            k -= 1
        return k + 1 if doc[k].lower_ == "the" and k + 1 <= span.start else k

    def _org_is_place(self, span: Span) -> bool:
        """An ORG entity that is just a well-known place name ("Edmonton" mislabelled by the model). A
        landmark the model calls an organisation is the institution ("the Kremlin said") unless a
        preposition puts it on the map ("talks at the Kremlin")."""
        cands = [c for c in self.gaz.candidates(span.text) if not c.demonym]
        before = self._word_before(span)
        located = before in LOCATIVE_PREPS and before != "of"
        return any(c.entry.feature in ("country", "admin1", "region", "continent")
                   or (c.entry.population >= 50_000 and not c.alternate
                       and (c.entry.feature != "landmark" or located)) for c in cands)

    def _not_a_place_here(self, span: Span) -> bool:
        """Place names used as the name of something else: a disease ("West Nile virus", and "Marburg"
        alone where the article writes "Marburg hemorrhagic fever"), an organisation the actor KB knows
        (a news outlet, NATO, the Taliban), a person (somebody's relative, a small town's namesake who
        speaks) and the article's own acronyms ("BA" where it writes "British Airways", "MoD")."""
        doc = span.doc
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        season = span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "season"
        if (nxt in DISEASE_HEADS and not season) or doc[span.end:span.end + 2].text.lower() == "news agency":
            # "West Nile virus", "Marburg fever": a disease named after a place ("the United States flu
            # season" is the country's); "Xinhua news agency" names the agency
            return True
        prev = doc[span.start - 1].lower_ if span.start else ""
        if span.text in disease_names(doc) and prev not in WHERE_PREPS:
            return True
        if kin_named(span) or self._in_hyphenated_name(span):
            return True
        if span.end < len(doc) and doc[span.end].text in NEWSPAPER_WORDS:
            return True  # "the New York Times", "Bucharest Daily News": a masthead, not the city
        org = kb_fold(span.text) in self.organisations and (
            prev not in WHERE_PREPS or doc[span.start - 2:span.start].text.lower() == "according to")
        if org or (len(span) == 1 and speaks(span) and not is_dateline(span)):
            # "Xinhua reported", "NATO said", "said Noma": an organisation or a person, unless a country,
            # a division, a landmark or a big town of that name ("in Al-Mayadeen" stays the Syrian town).
            names = [c.entry for c in self.gaz.candidates(span.text) if not c.demonym]
            if names and not any(e.feature in ("country", "admin1", "region", "continent", "landmark")
                                 or e.population >= 100_000 or self.gaz.is_capital(e) for e in names):
                return True
        if self._postal_code_alone(span) or len(fold(span.text)) <= 1:
            return True  # "MD" outside an address; a grade of "D."
        if span.start and doc[span.start - 1].text in ("Operation", "Op."):
            return True  # "Operation Falcon", "Operation Lafiya Dole": a military or police operation
        if _saints_dedication(span):
            return True
        return len(span) == 1 and len(span.text) <= 5 and span.text.upper() in acronyms(doc, self._has_name)

    def _postal_code_alone(self, span: Span) -> bool:
        """A US state's two-letter postal code outside an address ("Louisville, KY") or a dateline: news
        prose writes the state's name or its dotted abbreviation, and the two capitals are mostly something
        else ("Metix MD", "7 a.m. CT", "everything is OK", "Cimpress NV", "voter ID")."""
        text = span.text
        if len(span) != 1 or len(text) != 2 or not text.isupper() or is_dateline(span):
            return False
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].text == "," and self._capitalised(doc[span.start - 2]):
            return False
        names = [c for c in self.gaz.candidates(text) if not c.demonym]
        return bool(names) and all(c.entry.cc == "US" and c.entry.feature == "admin1" for c in names)

    def _in_hyphenated_name(self, span: Span) -> bool:
        """Half of a hyphenated name whose other half is no place: "Ann-Christin", "Mahidol-Oxford",
        "Vest-Agder"; "the Syria-Turkey border" and "Turkish-Russian relations" join two and keep both."""
        doc = span.doc
        for dash, other in ((span.end, span.end + 1), (span.start - 1, span.start - 2)):
            if (0 <= other < len(doc) and 0 <= dash < len(doc) and doc[dash].text in ("-", "–")
                    and not doc[dash].whitespace_ and self._capitalised(doc[other])
                    and (dash < other or not doc[other].whitespace_)
                    and not self.gaz.candidates(doc[other].text)):  # "Syrian-Turkish" joins two places too
                return True
        return False

    def _has_town(self, text: str) -> bool:
        return any(not c.demonym and c.entry.population >= 1_000 for c in self.gaz.candidates(text))

    def _has_name(self, text: str) -> bool:
        return any(not c.demonym for c in self.gaz.candidates(text))

    def _capitalised(self, tok: Token) -> bool:
        t = tok.text
        return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)

    @staticmethod
    def _runs(doc: Doc) -> _Runs:
        """Per token, computed once per document: its text, whether it is capitalised, and whether a name can
        run through it (capitalised words, connectors such as "of" and "de", name punctuation, "the" of
        "Republic of the Congo")."""
        texts: list[str] = []
        cap: list[bool] = []
        inner_ok: list[bool] = []
        prev_lower = ""
        for t in doc:
            text, lower = t.text, t.lower_
            c = bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)
            texts.append(text)
            cap.append(c)
            inner_ok.append(c or lower in CONNECTORS or text in ("'", "’", "-", ".")
                            or (lower == "the" and prev_lower == "of"))
            prev_lower = lower
        return _Runs(texts, cap, inner_ok)

    def _gazetteer_matches(self, doc: Doc, taken: list[bool], blocked: list[bool], in_org: list[bool],
                           runs: _Runs, *, demonyms: bool,
                           min_tokens: int = 1) -> Iterable[tuple[Span, str, str]]:
        n = len(doc)
        i = 0
        max_tok = self.gaz.max_tokens + 2  # tokenisation splits "U.S.-based" and "Dar'a" further
        cap, inner_ok = runs.cap, runs.inner_ok
        while i < n:
            if taken[i] or not cap[i]:
                i += 1
                continue
            run = i
            while run < min(n, i + max_tok) and inner_ok[run] and not taken[run]:
                run += 1
            match = None
            for j in range(run, i + min_tokens - 1, -1):
                if cap[j - 1] and self.gaz.has_key(fold(doc[i:j].text)):
                    match = doc[i:j]
                    break
            if match is None or (match.end < run and all(_compass_only(t.text) for t in match)):
                i += 1  # "South West England": the compass words of a longer name, not Cameroon's region
                continue
            match = self._without_article(self._abbreviation_whole(match))
            kind = self._accept(match, blocked, in_org, strict=min_tokens > 1)
            if kind == "demonym" and not demonyms:
                kind = None
            if kind is not None:
                yield match, kind, "gazetteer"
                for k in range(match.start, match.end):
                    taken[k] = True
                i = match.end
            else:
                i += 1

    def _abbreviation_whole(self, span: Span) -> Span:
        """"Alta" with the dot the tokenizer split off ("Wainwright, Alta., by"), where only the dotted
        form names a place (the gazetteer reads "Mass." as Massachusetts, not "Mass")."""
        written = _with_dot(span)
        if written == span.text or not is_abbreviation(written):
            return span
        extra = set(self.gaz.candidates(written)) - set(self.gaz.candidates(span.text))
        return span.doc[span.start:span.end + 1] if extra else span

    def _with_compass_name(self, span: Span | None, ent: Span) -> Span | None:
        """The compass words trim_name dropped, back where they make a name of their own: "east Africa"
        is East Africa, "north west London" is London."""
        if span is None:
            return span
        doc = ent.doc
        start = span.start
        while start > ent.start and doc[start - 1].is_lower and is_compass_word(doc[start - 1].text):
            start -= 1
            if self._has_name(doc[start:span.end].text):
                return doc[start:span.end]
        return span

    def _without_place_noun(self, span: Span) -> Span:
        """"City of Montreal" -> "Montreal", where the gazetteer knows the rest and not the whole (the
        City of London is a place of its own)."""
        if len(span) < 3 or span[0].lower_ not in PLACE_NOUNS or span[1].lower_ != "of":
            return span
        rest = span[2:]
        return rest if self._has_name(rest.text) and not self._has_name(span.text) else span

    def _without_article(self, span: Span) -> Span:
        """A capitalised leading "The" is the sentence's, not the name's ("The Philippines reported"),
        unless the place's own name has it ("The Hague")."""
        if len(span) < 2 or span[0].lower_ != "the":
            return span
        if any(fold(c.entry.name).startswith("the ") for c in self.gaz.candidates(span.text) if not c.alternate):
            return span
        rest = span[1:]
        return rest if self.gaz.has_key(fold(rest.text)) else span

    def _accept(self, span: Span, blocked: list[bool], in_org: list[bool], *, strict: bool = False) -> str | None:
        """Whether a gazetteer hit the NER did not label is a toponym; returns its kind or None."""
        if any(blocked[k] and not _outgrown(span, k) for k in range(span.start, span.end)):
            return None
        text = span.text
        key = fold(text)
        if key in self.stop or self._not_a_place_here(span) or doc_title(span[0]):
            return None  # "Queen Elizabeth University Hospital": a title makes it a person's name
        kind = self._kind(span)
        if kind != "name":
            return kind
        if strict and self._has_town(text) and any(
                span[k].ent_type_ in PLACE_LABELS and _outgrown(span, span.start + k) for k in range(len(span))):
            return "name"  # "Fort St. John", which the model cut into a place "Fort St." and a person "John"
        if strict or any(in_org[k] for k in range(span.start, span.end)):
            # Inside an organisation's name, or overriding the NER: only unmistakable places, or a town
            # that names a local court, police force or council.
            nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
            if (not strict and nxt in INSTITUTION_WORDS and span.start == self._org_start(span)
                    and key not in INSTITUTION_KINDS and not (text.isupper() and len(text) <= 3) and any(
                    not c.alternate and not c.demonym and (c.entry.feature in ("admin1", "admin2")
                                                           or c.entry.population >= 1_000)
                    for c in self.gaz.candidates(text))):
                return "name"
            return "name" if self._org_is_place(span) else None
        first = span[0]
        if len(span) == 1 and first.is_upper and len(text.replace(".", "")) <= 3:
            # Short capitals are abbreviations: accept only those that abbreviate a country or state
            # ("NSW", "KY"), not a word-name that merely folds to them ("EST" is no "Est" region).
            strong = [c for c in self.gaz.candidates(text) if c.entry.feature in ("country", "admin1")
                      and (c.alternate or c.entry.name.isupper())]
            return "name" if strong else None
        cands = self.gaz.candidates(text)
        names = [c for c in cands if not c.demonym]
        if not names:
            return "demonym" if cands else None
        if len(text) <= 4 and not text.isupper() and all(c.alternate for c in names):
            return None  # "Act" is no "ACT"; "Barrie, Ont." comes in through _division_after_town
        sent_start = _opens(first)
        if is_dateline(span):
            return "name"
        if len(span) == 1 and (first.is_stop or first.pos_ in ("VERB", "AUX", "ADV", "ADJ", "PRON", "DET")):
            return None
        prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        locative = prev in LOCATIVE_PREPS
        best = max(names, key=lambda c: self._prior(c))
        e = best.entry
        if e.feature in ("country", "continent", "region", "admin1"):
            return "name" if not (sent_start and len(span) == 1 and first.lower_ in self.stop) else None
        own = not best.alternate
        before = span.doc[span.start - 1] if span.start else None
        if (before is not None and not _opens(before) and before.tag_ == "NNP" and self._capitalised(before)
                and not self._place_word(before)):
            return None  # "Fire Marshal Doug Logan": the end of a longer name
        if e.population >= 100_000 and own and not sent_start:
            return "name"
        # Object of a verb with no entity label: "retook Palmyra", "hit Khan Younis" (the model's blind
        # spot; a sizeable town's other spellings count: Khan Younis for Khān Yūnis).
        root = span.root
        if (max(c.entry.population for c in names) >= 20_000 and not sent_start and len(span) <= 3
                and all(t.ent_type_ in ("", "PERSON") for t in span) and root.dep_ in ("dobj", "pobj")):
            return "name"
        if (locative or nxt in PLACE_BODIES) and e.population >= 1_000:
            return "name"  # "in Innisfail"; "Winnipeg police said", "Glasgow Police do not suspect"
        if e.population >= 1_000 and self._names_site(span):
            return "name"
        if self._comma_pair(span) is not None:
            return "name"
        return None

    @staticmethod
    def _names_site(span: Span) -> bool:
        """A name that modifies a lower-case site noun: "the Natanz enrichment site", "the Ras Tanura
        refinery" (up to two words between, all lower-case)."""
        doc = span.doc
        for tok in doc[span.end:span.end + 3]:
            if not tok.is_lower:
                return False
            if tok.lower_ in SITE_NOUNS:
                return True
        return False

    def _comma_pair(self, span: Span, *, allow_in: bool = False) -> list[Candidate] | None:
        """Candidates of Y in "X, Y" (or, with allow_in, "X in Y", "X located in Y") when Y names a
        country or first-level division."""
        doc = span.doc
        seps = (",", "in") if allow_in else (",",)
        start = span.end + 1
        if allow_in and doc[span.end:span.end + 2].text.lower() == "located in":
            start += 1
        if start < len(doc) and doc[start - 1].text in seps:
            for width in (3, 2, 1):
                if start + width > len(doc):
                    continue
                y = doc[start:start + width]
                if not self._capitalised(y[0]):
                    continue
                after = start + width
                if (after < len(doc) and self._capitalised(doc[after]) and not doc[after].is_stop
                        and not doc[after].is_sent_start):
                    continue  # Y goes on ("South West England"): its first words are not a place
                cands = [c for c in self.gaz.candidates(_with_dot(y))
                         if c.entry.feature in ("country", "admin1") and not c.demonym]
                if cands:
                    return cands
        return None

    # ------------------------------------------------------------ resolution

    def _prior(self, c: Candidate) -> float:
        e = c.entry
        lift = FEATURE_PRIOR[e.feature]
        if e.feature == "admin1":
            # States and provinces are named far more than their people alone suggest, but a small one
            # less so: Jamaica's Manchester parish (62,000) must not outrank the English city.
            lift *= min(1.0, max(0.0, (math.log10(e.population + 10) - 4.0) / 2.0))
        score = math.log10(e.population + 10) + lift
        if c.alternate and not c.demonym:
            # Alternate names of big cities are mostly exonyms in use ("Geneva" for Genève); those of
            # small places are mostly obscure spellings that collide with other places' names.
            score -= 0.5 if e.population >= 100_000 else 1.5
        return score

    def _resolve(self, doc: Doc, spans: list[tuple[Span, str, str]], *, rounds: int = CONTEXT_ROUNDS,
                 focus_country: str | None) -> list[Toponym]:
        cands = [self._candidates(s.text, kind) for s, kind, _ in spans]
        # All mentions of one name form a group: they share their candidates, the document context
        # (which never counts a name's own mentions) and any "X, Y" evidence one of them carries
        # (one sense per discourse: "Santa Ana, California" settles the later bare "Santa Ana"s).
        groups: dict[tuple, list[Candidate]] = {}
        pair_bonus: dict[tuple, dict[int, float]] = {}
        own_pair: dict[int, dict[int, float]] = {}  # a mention's own "X, Y" outranks its namesakes'
        keys: list[tuple] = []
        contradicted: set[tuple] = set()
        unheld: set[int] = set()
        for n, ((span, kind, _), cs) in enumerate(zip(spans, cands, strict=True)):
            key = (kind, fold(span.text))
            keys.append(key)
            if not cs:
                continue
            groups.setdefault(key, cs)
            # Only towns are contained: "Russia in Syria" is an actor somewhere, "Russia, China" a list.
            town = all(c.entry.feature in ("city", "admin2") for c in cs)
            pair = self._comma_pair(span, allow_in=town)
            held = pair is not None and self._contained(span, pair)
            if pair and not held and _states_of_one_country(cs, pair):
                pair = None  # "Virginia, Washington, West Virginia and Wyoming": a list of states, no address
            if not pair and kind == "name" and is_dateline(span):
                # A dateline with no state or country ("WASHINGTON —", "MOSCOW (Reuters)") names a city
                # known well enough to stand alone: the best known of the name, whatever the story's
                # other places are (a British spy story datelined Washington is still about DC).
                towns = [c for c in cs if c.entry.feature == "city"]
                if towns:
                    known = max(towns, key=self._prior).entry.id
                    marks = pair_bonus.setdefault(key, {})
                    marks[known] = max(marks.get(known, 0.0), DATELINE_BONUS)
            if pair:
                best = pair_bonus.setdefault(key, {})
                # a country after a comma is often the next item of a list ("Niger, Nigeria and Togo")
                own_pair[n] = {c.entry.id: self._pair_bonus(c.entry, pair, own=True, address=held) for c in cs}
                for c in cs:
                    best[c.entry.id] = max(best.get(c.entry.id, 0.0), self._pair_bonus(c.entry, pair))
                contained = held and (doc[span.end].text != "," or all(p.entry.feature == "admin1" for p in pair))
                divisions = {(p.entry.cc, p.entry.name) for p in pair if p.entry.feature == "admin1"}
                if town and contained and (
                        not any(c.entry.cc in {p.entry.cc for p in pair} for c in cs)
                        or (len(divisions) == len(pair) and not any((c.entry.cc, c.entry.admin1) in divisions
                                                                    for c in cs))):
                    # "the town of Kani in Sagaing Region" and no Kani in Myanmar, "Holliday, Missouri"
                    # and only a Holliday in Texas: the gazetteer lacks it, and a namesake elsewhere would
                    # be worse than the division's own point.
                    contradicted.add(key)
            elif town and kind == "name":
                area = self._comma_area(span)
                near = {c.entry.id for c in cs for a in area
                        if _within(c.entry, a.entry, AREA_KM if a.entry.feature == "admin2" else REGION_KM)}
                if near:
                    own_pair[n] = {i: OWN_PAIR_ADMIN_BONUS for i in near}
                    best = pair_bonus.setdefault(key, {})
                    for i in near:
                        best[i] = max(best.get(i, 0.0), 3.0)
                elif area and self._contained(span, area):
                    # "Croft, Yorkshire" and no Croft near Yorkshire: the county or region's own point
                    # (the stand-in rule) is better than a namesake elsewhere, for this mention.
                    unheld.add(n)
        container = self._container_bonus(doc, spans, cands)
        focus = self.gaz.country(focus_country) if focus_country else None
        focus_cc = focus.cc if focus is not None else None

        def group_score(key: tuple, c: Candidate) -> float:
            return self._prior(c) + pair_bonus.get(key, {}).get(c.entry.id, 0.0)

        # A small namesake of a far bigger place ("Paris", Texas) needs local evidence (its division,
        # a neighbour) to win; that the article is about its country is not enough on its own.
        caps: dict[tuple, float] = {}
        tiny: set[tuple] = set()
        for k, group in groups.items():
            biggest = max(c.entry.population for c in group)
            metropolis = max((c.entry.population for c in group if c.entry.feature == "city"), default=0)
            for c in group:
                if c.entry.feature in ("city", "admin2") and biggest >= NAMESAKE_RATIO * max(1, c.entry.population):
                    caps[(k, c.entry.id)] = NAMESAKE_NATIONAL_CAP
                    if metropolis >= METROPOLIS and metropolis >= TINY_RATIO * max(1, c.entry.population):
                        tiny.add((k, c.entry.id))
        # Rounds: first every name votes with its context-free belief, then with its belief given the
        # context so far, so a settled name ("Cairns") can pull an unsettled one along. Each round adds
        # the mean of all earlier rounds' context, not the last one alone: two names that each lean
        # on the other ("Edmonton" and "Enfield") would otherwise swap readings every round.
        ctx = DocumentContext.build(groups, group_score, focus_cc, self.gaz.neighbours, self.gaz.division_size)
        past: dict[tuple, list[float]] = defaultdict(list)
        for _ in range(rounds - 1):
            for k, group in groups.items():
                for c in group:
                    past[(k, c.entry.id)].append(ctx.bonus(k, c.entry, national_cap=caps.get((k, c.entry.id)),
                                                          tiny=(k, c.entry.id) in tiny))

            def believed(k: tuple, c: Candidate) -> float:
                seen = past[(k, c.entry.id)]
                return group_score(k, c) + sum(seen) / len(seen)

            ctx = DocumentContext.build(groups, believed, focus_cc, self.gaz.neighbours,
                                        self.gaz.division_size)
        scored: list[list[tuple[float, Candidate]]] = []
        for i, ((span, _, _), cs, key) in enumerate(zip(spans, cands, keys, strict=True)):
            if not cs or key in contradicted or i in unheld:
                scored.append([])
                continue
            bonus = own_pair.get(i, pair_bonus.get(key, {}))
            held = container.get(i, {})
            scored.append([(self._score(c, cs, span) + bonus.get(c.entry.id, 0.0) + held.get(c.entry.id, 0.0)
                            + ctx.bonus(key, c.entry, national_cap=caps.get((key, c.entry.id)),
                                        tiny=(key, c.entry.id) in tiny), c) for c in cs])
        list_bonus = _list_bonus(doc, spans, [max(s, key=lambda x: x[0])[1] if s else None for s in scored])
        for i in container:  # "Yonkers, New York" is a town and its state, not a list of two towns
            list_bonus.pop(i, None)
            list_bonus.pop(i - 1, None)
        out: list[Toponym] = []
        chosen: list[Entry | None] = []
        for i, ((span, kind, source), cs) in enumerate(zip(spans, cands, strict=True)):
            start, end = span.start_char, span.end_char
            if not scored[i]:
                out.append(Toponym(Place(text=span.text, char_start=start, char_end=end), kind, source, 0))
                chosen.append(None)
                continue
            like = list_bonus.get(i)
            best_score, best = max(((s + (LIST_BONUS if like and _same_kind(c.entry, like) else 0.0), c)
                                    for s, c in scored[i]), key=lambda x: x[0])
            out.append(Toponym(_place_from(best.entry, span.text, start, end, best_score), kind, source,
                               len(cs)))
            chosen.append(best.entry)
        return _place_local_names(_unsupported_namesakes(out, chosen, cands), doc)

    def _contained(self, span: Span, pair: list[Candidate]) -> bool:
        """Whether the Y of span's "X in Y" or "X, Y" holds X: a comma also separates list items
        ("Beijing, Russia and India"), so there only with no list going on around the pair."""
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].text != ",":
            return span.end < len(doc) and doc[span.end].lower_ in ("in", "located")
        y_end = name_end(doc, span.end + 1)
        goes_on = y_end + 1 < len(doc) and (
            doc[y_end].lower_ in ("and", "or")
            or (doc[y_end].text == "," and doc[y_end + 1].lower_ in ("and", "or"))
            or (doc[y_end].text == "," and doc[y_end + 1].text[:1].isupper()
                and not self._country_of(doc[y_end + 1:name_end(doc, y_end + 1)], pair)))
        # a list running into X: "Miami, West Palm Beach, New York, and Detroit"
        return not (goes_on or (span.start >= 2 and doc[span.start - 1].text == ","
                                and self._capitalised(doc[span.start - 2])))

    def _comma_area(self, span: Span) -> list[Candidate]:
        """Candidates of Y in "X, Y" or "X in Y" when Y is a county or a region within one country:
        "Croft, Yorkshire", "Rockingham, Northamptonshire"."""
        doc = span.doc
        if span.end + 1 >= len(doc) or doc[span.end].text not in (",", "in"):
            return []
        end = span.end + 1
        while end < len(doc) and end - span.end <= 3 and self._capitalised(doc[end]):
            end += 1
        y = doc[span.end + 1:end]
        if not len(y):
            return []
        cands = self.gaz.candidates(y.text)
        if any(c.entry.feature == "city" and c.entry.population >= LONELY_POP for c in cands):
            return []  # "After Paris, London is ...": a city's name is no county here
        # By its own name: "Allen" alone is a person more often than Allen County.
        return [c for c in cands if c.entry.feature in ("admin2", "region") and c.entry.cc and not c.demonym
                and fold(c.entry.name) == fold(y.text)]

    def _country_of(self, span: Span, pair: list[Candidate]) -> bool:
        """Whether span names the country of the divisions in pair: "Stroud, Ontario, Canada" is one
        address, not a list."""
        ccs = {p.entry.cc for p in pair}
        return any(c.entry.feature == "country" and c.entry.cc in ccs for c in self.gaz.candidates(span.text))

    def _candidates(self, text: str, kind: str) -> list[Candidate]:
        """Gazetteer candidates of a mention; names the gazetteer lacks back off to the place they are
        part of: "Southern California" -> California, "Nyanza Province" -> Nyanza (a division),
        "Salinas Valley" -> Salinas. Better the containing place than no point at all."""
        cs = [c for c in self.gaz.candidates(text) if c.demonym == (kind == "demonym")]
        rest = _after_compass(text)
        if not cs and kind == "demonym" and rest:
            return self._candidates(rest, kind)  # "Northern Indian" -> India
        if not cs and kind == "demonym":  # "the Saudi military": a name used as its own adjective
            return [c for c in self.gaz.candidates(text) if c.entry.feature in ("country", "region", "continent")]
        if cs or kind != "name":
            return cs
        words = text.split()
        if len(words) < 2:
            return []
        if rest:
            return [c for c in self.gaz.candidates(rest) if not c.demonym]
        tail = fold(words[-1])
        if tail in GENERIC_TAILS:
            cs = [c for c in self.gaz.candidates(" ".join(words[:-1])) if not c.demonym]
            if tail in ADMIN_CUES:
                admin = [c for c in cs if c.entry.feature in ("admin1", "admin2")]
                return admin or cs
            if tail not in NATURAL_TAILS:
                return cs
            # "Salinas Valley" -> Salinas, but not a hamlet that merely shares the name of a river or range
            return [c for c in cs if c.entry.feature != "city" or c.entry.population >= NATURAL_BACKOFF_POP]
        return []

    def _container_bonus(self, doc: Doc, spans: list[tuple[Span, str, str]],
                         cands: list[list[Candidate]]) -> dict[int, dict[int, float]]:
        """Y of "X, Y" is the division holding X where X has a town in it: "Bronx, New York" names the
        state, though a bare "New York" is the city. Per mention, not per name. Not where X is itself a
        state of Y's country and a list goes on ("Virginia, Washington, West Virginia and Wyoming")."""
        out: dict[int, dict[int, float]] = {}
        for i in range(1, len(spans)):
            prev, cur = spans[i - 1][0], spans[i][0]
            if prev.end + 1 != cur.start or doc[prev.end].text != "," or not cands[i - 1]:
                continue
            if _states_of_one_country(cands[i - 1], cands[i]) and not self._contained(prev, cands[i]):
                continue
            holders = {(c.entry.cc, c.entry.admin1) for c in cands[i - 1]
                       if c.entry.feature in ("city", "admin2") and c.entry.admin1}
            for c in cands[i]:
                if c.entry.feature == "admin1" and (c.entry.cc, c.entry.name) in holders:
                    out.setdefault(i, {})[c.entry.id] = CONTAINER_BONUS
        return out

    @staticmethod
    def _pair_bonus(e: Entry, pair: list[Candidate], *, own: bool = False, address: bool = False) -> float:
        """Credit from "X, Y" for candidate e of X: its country, and more its division. The mention that
        carries the pair (own) takes its division or country as settled, whatever the article's other
        towns say ("Richmond, Virginia" in a Kentucky story; "Trinidad, Bolivia", where no list goes on, is
        not the island); the name's other mentions only lean its way."""
        s = 0.0
        if e.cc in {p.entry.cc for p in pair}:
            s += 3.0
        if e.admin1 in {p.entry.name for p in pair if p.entry.feature == "admin1"} or (
                own and address and e.cc in {p.entry.cc for p in pair if p.entry.feature == "country"}):
            s += OWN_PAIR_ADMIN_BONUS if own else 3.0
        return s

    def _city_stands_for(self, city: Entry, division: Entry) -> bool:
        """Whether a city is what its same-named division's name means in news: a good part of it
        (1/CITY_SHARE of its people) or its country's capital."""
        return city.population * CITY_SHARE >= division.population or self.gaz.is_capital(city)

    def _score(self, c: Candidate, cs: list[Candidate], span: Span) -> float:
        """Context-free score of one candidate for one mention: prior plus the mention's own cue words."""
        e = c.entry
        doc = span.doc
        s = self._prior(c)
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        prev2 = doc[max(0, span.start - 2):span.start].text.lower()
        if e.feature in ("admin1", "admin2") and (
                (nxt in ADMIN_CUES and not (e.feature == "admin2" and nxt in ("region", "regions")))
                or any(prev2.endswith(f"{cue} of") for cue in DIVISION_OF)):
            # "Latakia province", "the state of Washington"; but "the Houston region" is the city's
            # surroundings, not Houston County (a region is a first-level division where it is one)
            s += 5.0
        if nxt in STATE_CUES and e.feature == "admin1":
            s += 5.0  # "New York Gov. Andrew Cuomo": a governor or legislature belongs to the state
        key = fold(span.text)
        if e.feature == "city":
            # A name that is both a division and a city inside it ("Geneva": canton and city) names one
            # spot either way: the city reading gets the weight of both.
            # Only when the city bears the division's own name: "Minnesota" must not lend the state's
            # weight to Minneota, a town inside it that merely lists the state's name as an alternate.
            divisions = [self._prior(o) for o in cs if o.entry.feature == "admin1" and o.entry.cc == e.cc
                         and o.entry.name == e.admin1 and fold(o.entry.name) == fold(e.name)
                         and self._city_stands_for(e, o.entry)]
            if divisions:
                s = math.log10(10 ** s + 10 ** max(divisions))
        if c.alternate and not c.demonym and any(not o.alternate for o in cs):
            # Some place bears this name as its own: one that merely lists it among its alternates
            # ("Venice" for Dayton, "West Coast" for the Gambia's Western division) needs to be far
            # bigger to win. Exonyms still do: Köln for "Cologne" outweighs the Italian village.
            s -= 1.0
        if c.alternate and e.feature == "city" and fold(e.name) == key + " city":
            s += 1.5  # "New York" for "New York City" is the city's own name, not a stray alternate
        if e.feature == "city" and (nxt in CITY_CUES or prev2.endswith(("city of", "town of", "village of"))):
            s += 3.0
        # A city and the division named after it: news means the city unless told otherwise, when the
        # city is a good part of the division or its country's capital ("New York", "Aleppo",
        # "Washington"); a small capital of a big province names the province ("Quebec").
        before = doc[span.start - 1] if span.start else None
        if (e.feature in ("admin1", "admin2") and before is not None and before.is_lower
                and (is_compass_word(before.text) or before.text in ("upstate", "downstate"))):
            return s  # "central Washington", "eastern New York": a part of the state, not of the city
        if e.feature in ("admin1", "admin2") and nxt not in ADMIN_CUES:
            names = {key, fold(e.name)}
            # "New York" also reaches "New York City" (an alternate name that extends the mention).
            if any(o.entry.feature == "city" and o.entry.cc == e.cc
                   and (fold(o.entry.name) in names if not o.alternate else fold(o.entry.name).startswith(key))
                   and self._city_stands_for(o.entry, e) for o in cs):
                s -= 4.0
        return s
