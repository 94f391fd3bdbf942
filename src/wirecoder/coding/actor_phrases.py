"""What the shape of an actor phrase says: a phrase headed by a thing, a piece of land or an event
names no actor, and a weak generic noun before an ordinary word is only a modifier."""

from __future__ import annotations

from wirecoder.coding.actor_match import Match
from wirecoder.resources.actor_kb import Token

# Places that only lend a country: countries (with capitals and seats) and sub-national regions and cities.
PLACE_KINDS = ("country", "region")
# Generic nouns that are more often something else ("the state of the economy", "the power grid", "the
# unit price"): as the head of a mention they name an actor only when nothing but a preposition or a
# name follows them.
_WEAK_HEADS = frozenset({"state", "power", "force", "unit", "party", "country", "division", "authority",
                         "council", "union", "press", "executive", "administration", "nations", "states",
                         "major power", "world power", "family", "crowd", "court", "national", "tourist",
                         "observer"})
# Weak heads whose bare, undetermined form is an abstract noun, never a body.
_ABSTRACT_SENSES = frozenset({"power", "force", "authority"})
# Head nouns that make a phrase a thing, an event or a place rather than an actor ("Russian gas", "the
# Gaza war", "a government report", "the Iran nuclear deal"): a country or a generic noun before them is
# only a modifier. Named people and bodies are not affected ("Hamas rockets" stays Hamas).
THING_HEADS = frozenset({
    "gas", "oil", "crude", "goods", "exports", "imports", "trade", "airspace", "economy", "currency", "rupee",
    "dollar", "dollars", "euro", "euros", "shilling", "ruble", "rouble", "yuan", "yen", "pound", "peso",
    "lira", "rial", "naira", "rand", "sanctions", "election", "elections", "vote", "referendum", "war",
    "conflict", "crisis", "cuisine", "food", "wine", "football", "market", "markets", "stocks", "shares",
    "bonds", "prices", "inflation", "debt", "budget", "law", "laws", "constitution", "flag", "anthem", "deal",
    "agreement", "agreements", "accord", "accords", "protocol", "protocols", "treaty", "convention",
    "conventions", "talks", "summit", "visit", "plan", "proposal", "policy", "report", "statement",
    "decision", "ruling", "verdict", "investigation", "probe", "parade", "tape", "boots", "uniform",
    "uniforms", "weather", "climate", "history", "culture", "language", "choice", "meeting", "documents",
    "document", "files", "case", "cases", "trial", "hearing", "demands", "demand", "response", "reaction",
    "role", "presence", "involvement", "funding", "spending", "salaries", "pensions", "tax", "taxes",
    "tariffs", "program", "programme", "future", "past", "interests", "influence", "control", "rule",
})
# Head nouns that denote land ("the Aleppo countryside", "the outskirts of Mogadishu", "Kurdish-held
# territory"): the phrase is a place, not an actor, unless the word is part of a known name ("Southern
# Transitional Council", "Border Guard Police").
_LAND_HEADS = frozenset({
    "countryside", "outskirts", "suburbs", "suburb", "environs", "vicinity", "hinterland", "heartland",
    "region", "regions", "area", "areas", "province", "provinces", "governorate", "district", "districts",
    "county", "border", "borders", "borderland", "borderlands", "frontier", "frontiers", "territory",
    "territories", "zone", "zones", "enclave", "corridor", "coast", "coastline", "valley", "village",
    "villages", "town", "towns", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods",
})
# Compass nouns are land only in "north of Baghdad": "the North" alone may be a state (Korea).
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# Adjectives that make a country or province a part of its land ("southern Lebanon", "rural Damascus").
_DIRECTIONAL = frozenset({"northern", "southern", "eastern", "western", "northeastern", "northwestern",
                          "southeastern", "southwestern", "central", "rural", "coastal"})
# Event and attack nouns: "the drone strike", "an air raid", "the shelling" name no actor by themselves;
# a named modifier still says who did it ("Russian shelling", "a Hamas attack").
EVENT_HEADS = frozenset({
    "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "shelling", "bombing", "bombings",
    "bombardment", "bombardments", "attack", "attacks", "bomb", "bombs", "blast", "blasts", "explosion",
    "explosions", "barrage", "offensive", "ambush", "assault", "incursion", "invasion", "clashes", "fighting",
    "gunfire", "crackdown", "shootout", "massacre", "killing", "killings",
})
# Thing heads that are capitalised in the names of treaties, wars and meetings ("the Paris Agreement",
# "the Korean War", "the Geneva Conventions").
_TREATY_HEADS = frozenset({"agreement", "agreements", "accord", "accords", "protocol", "protocols", "treaty",
                           "convention", "conventions", "deal", "talks", "summit", "war", "conflict", "crisis"})
# Words that open a modifier after a head noun ("police in Lagos", "forces loyal to ..."), not a new head.
_ATTACHING = frozenset({
    "in", "at", "on", "from", "near", "with", "across", "around", "inside", "outside", "along", "during",
    "after", "before", "for", "to", "by", "under", "over", "against", "into", "between", "among", "via",
    "behind", "beyond", "within", "without", "throughout", "loyal", "and", "or", "who", "which", "that",
})


def thing_headed(toks: list[Token], matches: list[Match]) -> bool:
    """True when the phrase ends in a thing noun after a place or generic noun ("Russian gas", "a court
    ruling"), with no named person or body in it."""
    last = toks[-1]
    if not matches or last.norm not in THING_HEADS:
        return False
    if not last.orig[:1].islower() and last.norm not in _TREATY_HEADS:
        return False  # a capitalised word may be part of a name we do not know
    if any(m.start <= len(toks) - 1 < m.end for m in matches):
        return False
    named = [m.alias.entry.kind for m in matches if m.alias is not None]
    return all(k in PLACE_KINDS for k in named)


def _head_index(toks: list[Token]) -> int:
    """The phrase's head word: the last word before a modifier opens ("the outskirts of Mogadishu",
    "police in Lagos"); the last word when none does."""
    for k in range(1, len(toks)):
        if toks[k].norm in _ATTACHING or toks[k].norm == "of":
            return k - 1
    return len(toks) - 1


def _covered(i: int, matches: list[Match], *, named_only: bool = True) -> bool:
    return any(m.start <= i < m.end and (m.alias is not None or not named_only) for m in matches)


def place_headed(toks: list[Token], matches: list[Match]) -> bool:
    """True when the phrase is a piece of land: a land noun at the head ("the Aleppo countryside", "the
    outskirts of Mogadishu", "north of Baghdad"), or a country or province with a directional adjective
    and no agent noun ("southern Lebanon", "rural Damascus"). Known names with such words are kept."""
    h = _head_index(toks)
    word = toks[h].norm
    if not _covered(h, matches):
        land = word in _LAND_HEADS or (word in _COMPASS and h + 1 < len(toks) and toks[h + 1].norm == "of")
        if not land:
            return False
        # Groups call their branches provinces ("Islamic State's Sahel province"), and a capitalised
        # land word after a body's name may be part of a name we do not know.
        bodies = [m for m in matches if m.alias is not None and m.alias.entry.kind not in PLACE_KINDS
                  and m.start < h]
        return not bodies or (toks[h].orig[:1].islower() and word not in ("province", "provinces"))
    head_m = next(m for m in matches if m.start <= h < m.end)
    assert head_m.alias is not None
    if head_m.alias.entry.kind not in PLACE_KINDS or head_m.alias.role not in ("name", "seat"):
        return False
    if any(m.agent is not None or (m.alias is not None and m.alias.entry.kind not in PLACE_KINDS)
           for m in matches if m.start <= h):
        return False
    before = head_m.start > 0 and toks[head_m.start - 1].norm in _DIRECTIONAL
    inside = head_m.alias.entry.kind == "region" and head_m.end - head_m.start > 1 and (
        toks[head_m.start].norm in _DIRECTIONAL)
    return before or inside


def event_headed(toks: list[Token], matches: list[Match]) -> bool:
    """True when an event or attack noun heads the phrase and nothing named stands before it ("the drone
    strike", "an air raid", "the shelling of Kharkiv"); "Russian shelling" and "a Hamas attack" keep the
    named actor, and "shelling by Russian forces" the one after "by"."""
    h = _head_index(toks)
    if toks[h].norm not in EVENT_HEADS or _covered(h, matches):
        return False
    if any(t.norm == "by" for t in toks[h + 1:]):
        return False
    return not any(m.alias is not None and m.start <= h for m in matches)


def drop_weak_head(toks: list[Token], matches: list[Match]) -> list[Match]:
    """"The power grid", "a state of emergency": a weak generic noun followed by an ordinary word (or by
    "of" and ordinary words) modifies that word and names no actor."""
    if not matches or any(m.alias is not None for m in matches):
        return matches
    if len(toks) == 1 and toks[0].norm in _ABSTRACT_SENSES and toks[0].orig.islower():
        return []  # "seized power", "used force": the bare word is the abstract noun
    # (so is the bare word after "of": "the excessive use of force", "a show of force")
    matches = [m for m in matches if not (
        m.end - m.start == 1 and toks[m.start].norm in _ABSTRACT_SENSES and toks[m.start].orig.islower()
        and m.start > 0 and toks[m.start - 1].norm == "of")]
    if not matches:
        return matches
    last = matches[-1]
    if last.agent is None or last.agent.phrase not in _WEAK_HEADS or last.end >= len(toks):
        return matches
    rest = toks[last.end:]
    first = rest[0]
    if first.norm == "of":
        tail = rest[1:]
        if tail and all(t.orig[:1].islower() or t.orig[:1].isdigit() for t in tail):
            return matches[:-1]
        return matches
    if first.norm in _ATTACHING or first.orig[:1].isupper() or first.norm.endswith(("ed", "ing")):
        return matches
    return matches[:-1]


# Words after a nationality that make it a ship's or plane's registry, not its owner or crew.
REGISTRY_WORDS = frozenset({"flagged", "registered"})


# Words that make "American" a part of the continent's, not the United States': "Latin American",
# "South American".
_CONTINENT_PARTS = frozenset({"latin", "south", "north", "central", "pan"})


def drop_nationalities_naming_no_party(toks: list[Token], matches: list[Match]) -> list[Match]:
    """"A Liberian-flagged tanker": a flag of convenience names no party to the event; nor does "American"
    in "several Latin American governments" name the United States."""
    return [m for m in matches if not (m.end < len(toks) and toks[m.end].norm in REGISTRY_WORDS)
            and not (m.start > 0 and toks[m.start].norm == "american" and m.end - m.start == 1
                     and toks[m.start - 1].norm in _CONTINENT_PARTS)]
