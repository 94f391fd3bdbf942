"""The ground that toponym recognition and resolution share: the words of place ("province", "city of",
"in"), the mention a place name becomes (Toponym), and what a name can mean (PlaceNames): its gazetteer
candidates with their context-free prior, names the gazetteer lacks backed off to the place they are part
of, and the country or state of an "X, Y" pair.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from spacy.tokens import Span, Token

from wirecoder.resources.gazetteer import Candidate, Entry, Gazetteer
from wirecoder.resources.gazetteer_names import fold, is_latin, spelling_skeleton, strip_article
from wirecoder.schema import Place

ADMIN_CUES = frozenset({"province", "governorate", "state", "region", "county", "district", "prefecture",
                        "oblast", "department", "territory",
                        # "Belgorod and Kursk regions"
                        "provinces", "states", "governorates", "regions", "counties", "districts", "prefectures",
                        "oblasts", "departments", "territories"})
# Division words that name a province-sized division, never a part of a town ("district", "county" may).
PROVINCE_WORDS = frozenset({"province", "state", "governorate", "region", "department", "oblast", "prefecture"})
# Words that call the name after them a town: "the town of Adan Yabaal", "the city of Arauca".
TOWN_OF = ("town of", "village of", "city of")
# "the state of X" (not "the territory of": "the border territory of Georgia" is the country's land)
DIVISION_OF = ("state", "province", "county", "governorate", "prefecture", "oblast", "district")
STATE_CUES = frozenset({"gov", "gov.", "governor", "legislature", "statehouse", "lt."})
CITY_CUES = frozenset({"city", "town", "village", "capital", "suburb", "port"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across", "around",
                            "towards", "toward", "through", "via", "between", "of", "inside"})
# Prepositions that put a name on the map even where the article also names a disease after it.
WHERE_PREPS = frozenset({"in", "at", "near", "from", "to", "outside", "into", "around", "across", "toward", "towards"})
CONNECTORS = frozenset({"of", "de", "del", "da", "do", "du", "la", "le", "al", "el", "and", "-", "'s",
                        "upon", "on", "sur", "am", "an", "der", "di", "dos", "das", "des", "les", "en", "au", "aux",
                        "sous"})
# Words ending the name of a feature at sea ("Second Thomas Shoal", "Mischief Reef"), which the gazetteer
# lacks and the model often calls an organisation.
SEA_FEATURE_WORDS = frozenset({"shoal", "shoals", "reef", "reefs", "atoll", "cay", "cays"})
# Trailing words naming the kind of place; a name unknown with one is looked up without it.
NATURAL_TAILS = frozenset({"valley", "mountains", "mountain", "island", "islands", "peninsula", "delta", "basin",
                           "coast", "river", "plateau", "highlands"})
GENERIC_TAILS = ADMIN_CUES | NATURAL_TAILS | {"city", "township"}
REGION_WORD = re.compile(r"^(north|south|east|west|central|upper|lower|greater)(ern)?$|^(north|south)(east|west)(ern)?$")
FEATURE_PRIOR = {"country": 4.0, "continent": 3.5, "region": 3.0, "admin1": 2.0, "admin2": 0.3, "city": 0.0,
                 "airport": 0.0, "landmark": 0.0}
# A name the gazetteer lacks is looked up as a near spelling only from this many letters: shorter names
# one letter apart are mostly different words ("Bama", "Bamo").
NEAR_SPELLING_MIN = 6
NEAR_SPELLING_LONG = 9  # from this many letters two edits are a spelling, not another name
NATURAL_BACKOFF_POP = 10_000  # a town a valley, range or river is named after is a sizeable one
TOWN_POP = 1_000  # a town at all: what a preposition of place or a verb of war asks of a name
TOWN_TAKEN_POP = 20_000  # a town of some size: what a name needs where only the model's parse says place


@dataclass
class Toponym:
    """A place mention with how it is used: literal place, metonym-free adjective form, or embedded."""

    place: Place
    kind: str  # "name" (a place name) | "demonym" (an adjective/people form such as "Syrian")
    source: str  # "ner" | "gazetteer"
    candidates: int = 0


def place_from(entry: Entry, text: str, start: int, end: int, score: float) -> Place:
    return Place(
        text=text, name=entry.name, geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon,
        country=entry.country, admin1=entry.admin1 if entry.feature != "admin1" else entry.name,
        precision=entry.precision, char_start=start, char_end=end, feature=entry.feature,
        score=round(score, 3),
    )


def compass_only(word: str) -> bool:
    key = fold(word)
    return bool(REGION_WORD.match(key)) or key == "far"


def after_compass(text: str) -> str | None:
    """The name after its leading compass or size words ("Southern California" -> "California", "South
    West England" and "Far North Queensland" -> England, Queensland), or None ("Far East" is no East)."""
    words = text.split()
    n = 0
    while n < len(words) - 1 and compass_only(words[n]):
        n += 1
    if n == 0 or (len(words) - n == 1 and REGION_WORD.match(fold(words[-1]))):
        return None
    return " ".join(words[n:])


def with_dot(span: Span) -> str:
    """span's text with the dot the tokenizer split off it ("Alta" of "Wainwright, Alta., by")."""
    doc = span.doc
    attached = span.end < len(doc) and doc[span.end].text == "." and not span[-1].whitespace_
    return span.text + "." if attached else span.text


ROMANISATION_RATIO = 75.0  # rapidfuzz ratio of two names, articles aside, from which one spells the other


def romanises(name: str, own: str) -> bool:
    """Whether name spells a place's own name another way ("Raqqa" for Ar Raqqah, "Sloviansk" for
    Slov'yans'k, "Hodeidah" for Al Hudaydah: alike, or the same spelling skeleton), rather than being a
    second name of it ("Motown" for Detroit)."""
    a, b = fold(name), fold(own)
    return (fuzz.ratio(strip_article(a), strip_article(b)) >= ROMANISATION_RATIO
            or spelling_skeleton(a) == spelling_skeleton(b))


def respelling_of(text: str, c: Candidate, cs: Sequence[Candidate]) -> bool:
    """Whether text names c as another spelling of c's own name (romanises) where no place of cs, text's
    candidates, bears text as its own name ("Sloviansk" for Slov'yans'k, "Raqqa" for Ar Raqqah)."""
    return c.alternate and not c.demonym and all(o.alternate for o in cs) and romanises(text, c.entry.name)


def capitalised(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


# "X police", "X Mayor ...": bodies that serve a place, so the known name before them is one.
PLACE_BODIES = frozenset({"police", "mayor", "council", "councillors", "sheriff", "residents", "resident",
                          "pd", "rcmp", "opp"})  # a local police force by its initials: "Slidell PD", "Brant OPP"
# Sites a lower-case phrase after a town puts there: "the Natanz enrichment site", "the Ras Tanura refinery".
SITE_NOUNS = frozenset({"site", "plant", "facility", "base", "refinery", "camp", "port", "crossing", "dam",
                        "mine", "reactor", "terminal", "checkpoint", "airbase", "airfield", "hospital",
                        "laboratory", "lab", "prison", "jail", "field", "station", "temple", "shrine", "monastery",
                        "sites", "plants", "facilities", "bases", "camps", "mines", "fields"})
# Public places a town's possessive locates rather than owns: "Niamey's main stadium", "Kyiv's central square".
VENUE_NOUNS = frozenset({"stadium", "square", "market", "airport", "university", "mosque", "church", "cathedral",
                         "street", "avenue", "boulevard", "bridge", "highway", "road", "harbour", "harbor",
                         "park", "hotel", "neighbourhood", "neighborhood", "district", "districts", "quarter"})
# Words after a town that make the town's name part of a local institution's ("Bantam Superior Court",
# "New Milford Police Department", "Metcalfe County Fire and EMS"): the town is still a place.
INSTITUTION_WORDS = PLACE_BODIES | frozenset({"court", "superior", "crown", "magistrates", "detention", "jail",
                                              "prison", "fire", "ems", "borough"})
# Words that say which kind of court or force, not where: "Supreme Court", "Federal Police".
INSTITUTION_KINDS = frozenset({"supreme", "high", "federal", "constitutional", "appeals", "appeal", "national",
                               "central", "state", "military", "criminal", "civil", "family", "juvenile",
                               "municipal", "international", "royal", "metropolitan", "regional", "special"})

# "the Abbassiya district": a lower-case division word after a name (not "state": "the Republican state senator").
NAME_DIVISION_CUES = frozenset({"district", "county", "province", "governorate", "prefecture", "oblast", "neighbourhood",
                                "neighborhood", "suburb"})
# Words between a name and "camp" that say whose camp it is: "the Zamzam displacement camp".
CAMP_KINDS = frozenset({"displacement", "refugee", "refugees", "displaced", "idp", "transit"})
# "the <noun> of X": X is a place.
PLACE_NOUNS = frozenset({"town", "towns", "village", "villages", "city", "cities", "district", "districts",
                         "province", "provinces", "community", "communities", "municipality", "county",
                         "region", "hamlet", "suburb", "neighbourhood", "neighborhood", "island", "islands",
                         "port", "governorate", "prefecture", "township", "settlement", "commune"})

# Nouns a town's name can modify and still be where things are: "in the Glasgow area".
# Nouns whose "of" names a place: "residents of Sinjar", "the outskirts of Bucha", "the mayor of Kharkiv".
OF_PLACE_NOUNS = frozenset({"residents", "inhabitants", "people", "mayor", "governor", "outskirts", "suburbs",
                            "streets", "centre", "center"})
AREA_NOUNS = PLACE_NOUNS | frozenset({"area", "areas", "region", "outskirts", "suburbs", "countryside"})
# Words after "X, a suburb" that keep it a place: "of", "in", "east of", "located", "near".
APPOSITION_LINKS = frozenset({"of", "in", "near", "outside", "located", "on", "north", "south", "east", "west",
                              "northeast", "northwest", "southeast", "southwest", "about", "some", "just"})
POSSESSIVES = frozenset({"'s", "’s"})


class PlaceNames:
    """What a place name can mean, by the gazetteer: shared by recognition (is this a place?) and
    resolution (which place?)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._by_initial: dict[str, list[str]] | None = None

    def near_spellings(self, text: str) -> list[Candidate]:
        """Places whose name is spelt nearly as text, for a name the gazetteer lacks even under another
        romanisation (resolvable): transliterations disagree on vowels and doubled letters beyond the
        Arabic-script countries too ("Bariyarpur" for Bariarpur), and typing slips ("Mauritious"). One
        letter changed, added or dropped (two from NEAR_SPELLING_LONG letters), the first letter the same;
        the nearest spellings only, as alternates. The caller decides which of them the article can mean."""
        key = fold(text)
        if len(key) < NEAR_SPELLING_MIN or not is_latin(key):
            return []
        if self._by_initial is None:
            by_initial: dict[str, list[str]] = defaultdict(list)
            for k in self.gaz.name_keys():
                if len(k) >= NEAR_SPELLING_MIN - 2:
                    by_initial[k[0]].append(k)
            self._by_initial = dict(by_initial)
        edits = 1 if len(key) < NEAR_SPELLING_LONG else 2
        hits = process.extract(key, self._by_initial.get(key[0], ()), scorer=Levenshtein.distance,
                               score_cutoff=edits, limit=20)
        if not hits:
            return []
        nearest = min(d for _, d, _ in hits)
        out: dict[int, Candidate] = {}
        for k, d, _ in hits:
            if d == nearest:
                for c in self.gaz.candidates(k):
                    if not c.demonym:
                        out.setdefault(c.entry.id, replace(c, alternate=True))
        return list(out.values())

    def resolvable(self, text: str, kind: str) -> list[Candidate]:
        """The candidates of a mention, or for a name the gazetteer lacks under the spelling written and
        any back-off, the places spelt as another romanisation of it ("Deir Ezzor": Gazetteer.respelt).
        For places already recognised: a respelling alone never makes a word a place."""
        found = self.candidates(text, kind)
        if found or kind != "name":
            return found
        return list(self.gaz.respelt(text))

    def candidates(self, text: str, kind: str) -> list[Candidate]:
        """Gazetteer candidates of a mention; names the gazetteer lacks back off to the place they are
        part of: "Southern California" -> California, "Nyanza Province" -> Nyanza (a division),
        "Salinas Valley" -> Salinas. Better the containing place than no point at all."""
        cs = [c for c in self.gaz.candidates(text) if c.demonym == (kind == "demonym")]
        rest = after_compass(text)
        if not cs and kind == "demonym" and rest:
            return self.candidates(rest, kind)  # "Northern Indian" -> India
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

    def prior(self, c: Candidate) -> float:
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

    def comma_pair(self, span: Span, *, allow_in: bool = False) -> list[Candidate] | None:
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
                if not capitalised(y[0]):
                    continue
                after = start + width
                if (after < len(doc) and capitalised(doc[after]) and not doc[after].is_stop
                        and not doc[after].is_sent_start):
                    continue  # Y goes on ("South West England"): its first words are not a place
                if after < len(doc) and doc[after].text in POSSESSIVES and doc[start - 1].text == ",":
                    # "in Rafah, Gaza's health ministry said": Y opens the speaker, no address (but "Kuriga
                    # in Nigeria's Kaduna state" lies in Nigeria)
                    continue
                cands = [c for c in self.gaz.candidates(with_dot(y))
                         if c.entry.feature in ("country", "admin1") and not c.demonym]
                if cands:
                    return cands
        return None

    def called_in(self, span: Span) -> frozenset[str]:
        """The countries the words before a name put it in by their adjective form: "the northern Israeli
        town of Kiryat Shmona", "the Syrian coastal city of Tartus", "the South Sudanese town of Bor". Not
        "the Russian-held town of Oleshky", which says who holds the town, not where it lies."""
        doc = span.doc
        owner = self._possessing_country(span)
        if owner:
            return owner
        i = span.start - 2
        if i < 0 or doc[i + 1].lower_ != "of" or doc[i].lower_ not in PLACE_NOUNS:
            return frozenset()
        for k in range(i - 1, max(-1, i - 4), -1):  # up to two words between ("coastal", "border")
            if not doc[k].is_alpha or (k > 0 and doc[k - 1].text == "-"):
                return frozenset()  # "the Israeli-Lebanese border town of Metula" names two countries
            for width in (2, 1):
                words = doc[max(0, k - width + 1):k + 1]
                if len(words) == width and capitalised(words[0]):
                    ccs = frozenset(c.entry.cc for c in self.gaz.candidates(words.text)
                                    if c.demonym and c.entry.feature == "country" and c.entry.cc)
                    if ccs:
                        return ccs
            if not (doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN")):
                return frozenset()  # only words that describe the town between: not "Syrians fled the town of"
        return frozenset()

    def _possessing_country(self, span: Span) -> frozenset[str]:
        """The country a possessive before a name puts it in, where the name heads what is possessed: "India's
        Punjab state", "Russia's Bryansk region" (not "Israel's Gaza offensive", which is Israel's offensive)."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text not in POSSESSIVES:
            return frozenset()
        owner = doc[span.start - 2]
        head = span.root if span.root.dep_ != "compound" else span.root.head
        if owner.head.i != head.i or not (head.i in range(span.start, span.end) or head.lower_ in ADMIN_CUES):
            return frozenset()
        words = doc[owner.left_edge.i:owner.i + 1]  # "South Sudan's Upper Nile state", not "Sudan's"
        if words[0].pos_ == "DET":
            words = words[1:]
        ccs = frozenset(c.entry.cc for c in self.gaz.candidates(words.text)
                        if c.entry.feature == "country" and not c.demonym and not c.alternate and c.entry.cc)
        # only where the name has a place there: the possessive may own something else ("Kenya's Ruto")
        return ccs if any(c.entry.cc in ccs for c in self.gaz.candidates(span.text)) else frozenset()

    def has_town(self, text: str) -> bool:
        return any(not c.demonym and c.entry.population >= TOWN_POP for c in self.gaz.candidates(text))

    def has_name(self, text: str) -> bool:
        return any(not c.demonym for c in self.gaz.candidates(text))
