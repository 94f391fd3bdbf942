"""Which toponym in a sentence is where the event happened.

A sentence often names several places: the speaker's city ("said in Geneva"), actors named by their
capital ("Moscow said", "Washington imposed"), and the scene of the event ("shelled Aleppo", "in Homs").
We prefer places attached to the event trigger's clause, through a locative preposition or as its
object, and never a place that stands for an actor. Relative phrases refine the point: "20 km north of
Aleppo" becomes an offset point, "northern Syria" a region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from wirecoder.coding.arguments import GOING_PREPS, MOVED_FORCES, SENDING_VERBS, TOPIC_VERBS
from wirecoder.coding.clause_forms import to_infinitive
from wirecoder.coding.dateline_subject import undateline
from wirecoder.coding.modality import (
    ASIDE_MARKS,
    CLAIM_NOUNS,
    DEFAULT_SPEECH_VERBS,
    SEQUENCE_MARKS,
    misattached_conj,
    verb_it_opens,
)
from wirecoder.coding.pair_mentions import GOVERNMENT_PAIR_NOUNS, STATE_NOUNS, pair_members
from wirecoder.coding.place_names import AREA_NOUNS, OF_PLACE_NOUNS, SITE_NOUNS, VENUE_NOUNS
from wirecoder.coding.place_recognition import JOURNEY_VERBS
from wirecoder.coding.place_standins import relative_link
from wirecoder.coding.place_text import (
    STATIVE_VERBS,
    across_border,
    first_conjunct,
    is_compass_word,
    is_dateline,
    object_of,
)
from wirecoder.coding.triggers import CAUSE_NOUNS
from wirecoder.resources.actor_kb import person_nouns
from wirecoder.resources.sphere import BEARINGS, UNITS_KM, offset_point
from wirecoder.schema import Place

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "inside", "into", "on",
                            "throughout", "through", "within", "along", "towards", "toward", "over",
                            "between", "from", "onto", "off", "of"})
ACTOR_NOUNS = frozenset({"government", "ministry", "minister", "president", "army", "military", "forces",
                         "force", "police", "leader", "leadership", "regime", "administration", "embassy",
                         "ambassador", "envoy", "official", "officials", "parliament", "spokesman",
                         "spokeswoman", "delegation", "navy", "troops", "decision", "authorities", "secretary",
                         "chancellor", "premier", "commander", "chief", "diplomat", "diplomats"})
# Nouns whose "with" names the other party: "a pact with Pyongyang", "talks with Moscow".
PARTNER_NOUNS = frozenset({"pact", "tie", "ties", "relation", "relations", "talk", "talks", "agreement", "deal",
                           "treaty", "accord", "negotiation", "negotiations", "dialogue", "cooperation", "contact",
                           "contacts", "truce", "ceasefire", "alliance", "partnership", "dispute", "standoff",
                           # the other side of a fight: "fought a 14-month war with Israel"
                           "war", "conflict", "fighting", "clash", "clashes", "battle", "hostilities"})
MEMBERSHIP_VERBS = frozenset({"join", "rejoin"})
# Verbs of saying whose object is always a party: "accused the Philippines", "urged Pristina", "thanked Qatar".
PARTY_OBJECT_VERBS = frozenset({"accuse", "blame", "condemn", "urge", "warn", "summon", "criticise", "criticize",
                                "thank", "praise", "congratulate", "denounce", "rebuke", "reprimand", "implore"})
# Verbs whose "between" names the parties: "mediated between Riyadh and the Houthis".
MEDIATING = frozenset({"mediate", "broker", "arbitrate", "negotiate", "shuttle", "intercede", "facilitate"})
# Words for a kind of place that follow its name: "Sagaing region", "Latakia province"
PLACE_KIND_NOUNS = frozenset({"region", "province", "state", "district", "county", "governorate", "department",
                              "oblast", "prefecture", "municipality", "territory", "city", "town", "village",
                              "area", "camp", "strait", "valley", "river", "island", "islands", "lake", "bay",
                              "peninsula", "coast", "desert", "neighbourhood", "neighborhood", "suburb",
                              "crossing", "township"})
_REGION_ADJ = re.compile(r"^(north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(ern)?$")
DATELINE_PENALTY = 2.0  # a dateline loses to any place the event's own words attach to it
# How far a "northern X" region sits from X's point, by the precision of X.
_REGION_SHIFT_KM = {"country": 250.0, "region": 300.0, "admin1": 60.0, "city": 5.0, "point": 1.0}


def is_actor_metonym(span: Span) -> bool:
    """True when a place name stands for an actor: "Moscow said", "Washington imposed", "Russia's army"."""
    root = span.root
    head = root.head
    before = span.doc[span.start - 1] if span.start > 0 else None
    if root.dep_ == "nsubj" and before is not None and before.lower_ in _TOWN_KINDS:
        return False  # "Youths in the state capital Jos blocked roads": the town named, split off the subject
    if root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and (
            head.lemma_ not in STATIVE_VERBS
            # "Venezuela was ready to accept deportation flights": willing, able or set to act ("Rwanda is to
            # withdraw its troops")
            or any(c.dep_ == "acomp" and any(x.dep_ == "xcomp" for x in c.children) for c in head.children)
            or any(c.dep_ == "xcomp" and to_infinitive(c) for c in head.children)):
        # not a dateline the parser makes the subject: "ANKARA, Dec 12 - Ethiopia and Somalia agreed"
        return not is_dateline(span)
    first = first_conjunct(root)
    if first.dep_ == "appos" and first.head.dep_ == "nsubj" and undateline(first.head).i == first.i:
        return True  # "KUALA LUMPUR, July 28 - Thailand and Cambodia agreed": the subject hung on the dateline
    if root.dep_ == "pobj" and head.dep_ == "agent":  # "... was imposed by Washington"
        return True
    if root.dep_ == "appos" and head.dep_ == "nsubj" and head.lemma_.lower() in CLAIM_NOUNS:
        return True  # "a charge Phnom Penh denied", parsed as the charge's apposition: the denier
    if root.dep_ == "nsubj" and any(c.dep_ == "compound" and c.lemma_.lower() in CLAIM_NOUNS for c in root.children):
        return True  # "a charge Kigali denies", parsed with the charge as the name's compound
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "NOUN":
        return True  # "the confiscation of its oil by the United States": who did the act a noun names
    if root.dep_ in ("poss", "compound", "nmod", "amod") and head.lemma_.lower() in ACTOR_NOUNS:
        return True
    if root.dep_ == "pobj" and head.lower_ in ("alongside", "beside"):
        return True  # "mediated the agreement alongside the United States": a partner in the act
    if verb_it_opens(root) is not None:
        return True  # "summoned Iran's ambassador and the European Union said": the next verb's subject
    if root.dep_ == "dobj" and head.lemma_.lower() in MEMBERSHIP_VERBS:
        return True  # "talks on joining the European Union": a body to belong to, not a scene
    # Coordinated names, however many, share the first one's part: "Turkey and Russia said", "Lithuania,
    # Latvia and Estonia imposed", "mediated between Riyadh and the Houthis".
    first = first_conjunct(root)
    if first is not root and first.dep_ == "nsubj" and first.head.pos_ in ("VERB", "AUX") \
            and first.head.lemma_ not in STATIVE_VERBS:
        return True
    if first.dep_ == "dobj" and first.head.lemma_.lower() in PARTY_OBJECT_VERBS:
        return True  # "China accused the Philippines of ramming a vessel": the accused, not a scene
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() in ACTOR_NOUNS:
        return True  # "the leaders of Armenia and Azerbaijan signed", "the government of Sudan said"
    if first.dep_ == "pobj" and first.head.lower_ in ("with", "between") \
            and first.head.head.lemma_.lower() in PARTNER_NOUNS | MEDIATING:
        return True  # "suspended a pact with Pyongyang", "cut ties with Tehran": a party
    return False


def span_of(sent: Span, place: Place) -> Span | None:
    """The tokens of a place mention inside sent, or None when it has no offsets."""
    if place.char_start is None or place.char_end is None:
        return None
    return sent.doc.char_span(place.char_start, place.char_end, alignment_mode="expand")


def _clause_head(tok: Token) -> Token:
    """The verb whose clause a token belongs to."""
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok


def _mention_clause(span: Span) -> Token:
    """The verb whose clause a place mention belongs to, from above the mention's own words: the tagger
    takes names ending in -ing for verbs ("in Sagaing region")."""
    tok = span.root
    while tok.head.i != tok.i and span.start <= tok.i < span.end:
        tok = tok.head
    return _clause_head(tok)


def _phrase_root(span: Span, *, possessor: bool = False) -> Token:
    """The head of the phrase a mention names: "in Sagaing region", "into China's Yunnan province" have the
    name and its kind (and, with possessor, its country's possessive) as the preposition's object together."""
    root = span.root
    if possessor and root.dep_ == "poss" and root.head.pos_ in ("NOUN", "PROPN"):
        root = root.head
    return root.head if root.dep_ == "compound" and root.head.lower_ in PLACE_KIND_NOUNS else root


def _attachment(span: Span, trigger: Token) -> float:
    """How strongly a place mention attaches to the trigger's clause."""
    root = _phrase_root(span)
    score = 0.0
    if trigger in root.ancestors or root.head == trigger:
        score += 3.0
    if _mention_clause(span) == _clause_head(trigger):
        score += 1.5
    first = first_conjunct(root)  # "in Aitaroun and Bint Jbeil": the second is the preposition's object as much
    if first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPS:
        score += 1.5
    if first.dep_ in ("dobj", "nsubjpass"):  # "shelled Aleppo", "Homs was bombed"
        score += 1.0
    return score


def in_dateline(span: Span) -> bool:
    """The dateline's place, or the state or country it carries ("KISUMU, Kenya -": both)."""
    if is_dateline(span):
        return True
    doc = span.doc
    k = span.start - 1
    if k < 1 or doc[k].text != ",":
        return False
    start = k
    while start > 0 and doc[start - 1].text.isupper() and doc[start - 1].is_alpha:
        start -= 1
    return start < k and is_dateline(doc[start:k])


# "west of the port of Hodeidah"; also the nouns a town's name follows as its apposition: "the state capital Jos"
_TOWN_KINDS = frozenset({"port", "city", "town", "village", "capital"})
NAUTICAL_MILE_KM = 1.852


def refine_relative(span: Span, place: Place) -> Place:
    """Apply "20 km north of X" (offset point) and "northern X" (region) to a resolved place."""
    if place.lat is None or place.lon is None:
        return place
    doc = span.doc
    i = span.start
    # "<num> <unit> <direction> of [the port of] X"
    j = i - 3 if i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _TOWN_KINDS \
        and doc[i - 3].lower_ == "the" else i
    # the bearing, one token or three ("south-east" may be split at its hyphen)
    bearing, b = (doc[j - 2].lower_, j - 2) if j >= 2 else ("", j)
    if j >= 4 and doc[j - 3].text == "-" and f"{doc[j - 4].lower_}-{bearing}" in BEARINGS:
        bearing, b = f"{doc[j - 4].lower_}-{bearing}", j - 4
    unit = b - 1
    if unit >= 1 and doc[unit].text == ")":
        # "40 km (25 miles) west of": the conversion in brackets after the distance
        opening = next((k for k in range(unit - 1, max(-1, unit - 6), -1) if doc[k].text == "("), None)
        unit = opening - 1 if opening is not None else unit
    nautical = unit >= 2 and doc[unit - 1].lower_ == "nautical" and doc[unit].lower_ in ("miles", "mile")
    num = unit - 2 if nautical else unit - 1
    if num >= 0 and doc[j - 1].lower_ == "of" and bearing in BEARINGS \
            and doc[unit].lower_ in UNITS_KM and doc[num].like_num:
        try:
            value = float(doc[num].text.replace(",", ""))
        except ValueError:
            value = None
        if value is not None:
            km = value * (NAUTICAL_MILE_KM if nautical else UNITS_KM[doc[unit].lower_])
            lat, lon = offset_point(place.lat, place.lon, km, BEARINGS[bearing])
            return replace(place, text=doc[num:span.end].text, char_start=doc[num].idx,
                           lat=lat, lon=lon, precision="point", name=f"{doc[num:j].text} {place.name}")
    # "the north of Kosovo", "the Serb-majority north of Kosovo": a part, as "northern Kosovo" is
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].pos_ == "NOUN" and _REGION_ADJ.match(doc[i - 2].lower_) \
            and any(c.lower_ == "the" for c in doc[i - 2].children):
        return _region_part(place, doc[i - 2:span.end], doc[i - 2].lower_)
    # "northern Syria", "north-eastern Nigeria"
    if i >= 1 and (m := _REGION_ADJ.match(doc[i - 1].lower_)):
        return _region_part(place, doc[i - 1:span.end], m.group(1))
    return place


def _region_part(place: Place, words: Span, compass: str) -> Place:
    """The part of place that words name by a compass word ("northern Syria", "the north of Kosovo"): a
    region shifted from its point towards that side by how large such a place is."""
    base = compass.replace("-", "")
    shift = _REGION_SHIFT_KM.get(place.precision or "city", 5.0)
    lat, lon = (place.lat, place.lon) if base == "central" else offset_point(
        place.lat, place.lon, shift, BEARINGS.get(base, 0.0))
    return replace(place, text=words.text, char_start=words[0].idx, lat=lat, lon=lon, precision="region",
                   name=f"{words[0].text} {place.name}")


def pick_event_location(sent: Span, trigger: Token, places: list[Place], *,
                        speech_verb: Token | None = None, addressed: Sequence[Span] = (),
                        apart_from_scene: bool = False, stated: bool = False) -> Place | None:
    """The place where the event evoked by trigger happened, among the mentions inside sent.

    Places that stand for actors are skipped, and so are those that are themselves one of addressed, the
    parties a verbal event is aimed at ("accused Baku of an attack" happened wherever the accuser spoke,
    not in Baku; "summoned China's ambassador in Manila" did happen in Manila). A place attached to the
    speech verb ("said in Geneva") is the location only when the event is the statement itself (trigger is
    the speech verb, or stated: a verbal act the speaker states of itself). An act decided or said apart
    from the scene (apart_from_scene: a suspension, an accusation) takes no place from a clause that tells
    of another event (_in_other_clause); an arrest or a retreat after an attack most often happens where
    the attack did, so those keep it. Returns None when
    the sentence names no fitting place.
    """
    scored: list[tuple[float, Place, Span]] = []
    event_is_statement = speech_verb is not None and (trigger.i == speech_verb.i or stated)
    offsite = not apart_from_scene and _offsite(sent)  # a deed, told away from the dateline
    for place in places:
        if place.char_start is None or not (sent.start_char <= place.char_start < sent.end_char):
            continue
        span = span_of(sent, place)
        if span is None or _set_aside(span, trigger, apart_from_scene, addressed):
            continue
        if (_in_source(span) or _describes_subject(span, trigger) or _destination_below(span, trigger)
                or _origin_of_others(span, trigger) or _named_as_doer(span) or _in_sequenced_deed(span, trigger)
                or _in_comment_on_act(span)):
            # "according to two diplomats in Asmara", "The United States, a treaty ally of the Philippines,
            # condemned…", "barred ... from deploying police to Haiti", "arrivals from Libya", "a deal
            # brokered by Qatar, Egypt and the United States": where the source is, what the actor is, where
            # a governed act would go, where others came from or who did something, not where the event
            # happened
            continue
        if speech_verb is not None and not event_is_statement:
            on_speech = span.root.head == speech_verb or (
                speech_verb in span.root.ancestors and trigger not in span.root.ancestors
                and (_mention_clause(span) == speech_verb or _on_speaker(span, speech_verb)))
            # (a wire dateline the parser hangs on the speech verb is still the story's filing place, a
            # candidate like any dateline: "BISSAU - Army officers said they had taken control of the country")
            # (a witness speaking "from" a place has left the scene: "two residents told Reuters by phone from
            # the nearby town of Segou")
            witness_there = _witnessed(speech_verb) and not _spoken_from(span)
            if on_speech and not _fronted_scene(sent, span, trigger, speech_verb) and not witness_there \
                    and not in_dateline(span):
                continue
        score = _attachment(span, trigger)
        if _flight_destination(span, trigger):
            # "residents of southern Lebanon fled north towards Sidon": fled from there, to Sidon
            score -= DESTINATION_PENALTY
        if _in_coordinated_verb(span, trigger):
            # "set fire to the Nairobi county offices and clashed with police in Mombasa": the second verb's
            # place is the first's only when the first names none
            score -= COORDINATED_PENALTY
        # nearer mentions win ties; a list's members stand where its first does ("struck Kharkiv and Kyiv")
        score -= abs(first_conjunct(span.root).i - trigger.i) / 50.0
        if in_dateline(span):
            if offsite:
                continue
            # where the story was filed: the scene only when the sentence names no other place
            # ("BEIRUT (Reuters) - ... shelled towns in Idlib province" happened in Idlib)
            score -= DATELINE_PENALTY
        if place.precision in ("city", "point"):
            score += 0.3
        elif place.precision == "admin1":
            score += 0.15
        if place.lat is None:
            score -= 2.0
        scored.append((score, place, span))
    described = {id(y) for _, y, ys in scored for _, x, xs in scored
                 if x is not y and (_locates(sent.doc, x, y) or _in_apposition_to(ys, xs))}
    scored = [x for x in scored if id(x[1]) not in described]
    if not scored:
        return None
    best = max(scored, key=lambda x: x[0])
    # "In the occupied West Bank, troops raided Jenin": both attach to the event; the town the event's
    # verb acts on directly, inside the division, is the more precise answer to where it happened (not
    # one further down: "killed 30 across the Gaza Strip, including 12 in a house in Jabalia").
    inner = [x for x in scored if x[0] >= best[0] - CONTAINED_MARGIN and _on_trigger(x[2], trigger)
             and _inside(x[1], best[1])]
    refined = refine_relative(best[2], best[1])
    if not inner and best[1].precision == "country" and refined is best[1]:
        # a country says least: "A Myanmar military air strike killed 12 people in a village in Rakhine
        # state" happened in Rakhine, which the event's own words reach (not a dateline, and not where the
        # country's own mention already says which part: "in northern Syria")
        inner = [x for x in scored if x[1] is not best[1] and x[1].country == best[1].country
                 and x[1].precision != "country" and x[1].lat is not None and not in_dateline(x[2])
                 and trigger in x[2].root.ancestors]
    if inner:
        best = max(inner, key=lambda x: x[0])
        refined = refine_relative(best[2], best[1])
    return refined


# Speakers who tell what they saw where they are: "In El Obeid, residents said shelling had killed six".
WITNESS_NOUNS = frozenset({"resident", "witness", "eyewitness", "local", "villager", "inhabitant", "survivor",
                           "medic", "doctor"})


def _origin_of_others(span: Span, trigger: Token) -> bool:
    """Whether a mention is where people or things a noun names came from ("deployed patrol vessels after a
    rise in arrivals from Libya"): their origin, not the scene (not the trigger noun's own: "rocket fire from
    Gaza")."""
    prep = span.root.head
    noun = prep.head
    # (not those the trigger itself acts on or with: "evacuated 40 families from Bunia" did so in Bunia)
    return (span.root.dep_ == "pobj" and prep.lower_ == "from" and noun.pos_ == "NOUN"
            and noun.i != trigger.i and noun.head.i != trigger.i)


def _destination_below(span: Span, trigger: Token) -> bool:
    """Whether a mention is where an act the trigger's own clause governs, or a verb coordinated with it,
    would go or took someone: "barred the government from deploying police to Haiti" was not barred in Haiti,
    "was arrested and driven back to Kampala" not arrested there (an act a noun tells of is the topic, which
    may be the place: "concerned about reports that Russia is moving materiel into Syria")."""
    first = first_conjunct(span.root)
    prep = first.head
    mover = prep.head.head if prep.head.dep_ == "advmod" else prep.head  # "driven back to Kampala"
    if not (first.dep_ == "pobj" and prep.lower_ in GOING_PREPS
            and mover.pos_ == "VERB" and mover.i != trigger.i and trigger in mover.ancestors):
        return False
    tok = mover.head
    while tok.i != trigger.i:
        if tok.pos_ in ("NOUN", "PROPN"):
            return False
        tok = tok.head
    return True


COORDINATED_PENALTY = 1.0
DESTINATION_PENALTY = 2.0
FLIGHT_DESTINATION_PREPS = frozenset({"to", "into", "towards", "toward"})


def _flight_destination(span: Span, trigger: Token) -> bool:
    """Whether a mention is where those the trigger tells of fleeing went ("fled north towards Sidon")."""
    first = first_conjunct(_phrase_root(span, possessor=True))
    return (trigger.lemma_.lower() in FLIGHT_VERBS and first.dep_ == "pobj"
            and first.head.lower_ in FLIGHT_DESTINATION_PREPS and first.head.head.i == trigger.i)


def _in_coordinated_verb(span: Span, trigger: Token) -> bool:
    """Whether a mention is in the clause of a verb coordinated with the trigger ("set fire to X and clashed
    with police in Mombasa")."""
    tok = span.root
    while tok.head.i != tok.i and tok.head.i != trigger.i:
        tok = tok.head
    return tok.head.i == trigger.i and tok.i != trigger.i and tok.dep_ == "conj" and tok.pos_ == "VERB"


def _describes_subject(span: Span, trigger: Token) -> bool:
    """Whether a mention is inside an apposition or an "including" list on the subject of the trigger's
    clause ("Governments across the region, including Brazil, condemned…": the actors, not the scene)."""
    # (an apposition on a wire dateline the parser made the subject is the story's subject itself: "BANGKOK
    # (Wire) - A military air strike on a monastery in Sagaing region killed...")
    if any((a.dep_ == "appos" or (a.dep_ == "prep" and (a.lower_ == "including" or a.lower_ in SPREAD_PREPS)))
           and a.head.dep_ in ("nsubj", "nsubjpass") and a.head.head.i == trigger.i
           and not (a.dep_ == "appos" and undateline(a.head).i != a.head.i)
           and (a.lower_ not in SPREAD_PREPS or a.head.lemma_.lower() in STATE_BODY_NOUNS)
           for a in span.root.ancestors):
        return True
    # "Both countries bordering the conflict, Egypt and Chad, have called…": the two the subject stands for
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    members = pair_members(subject.doc[subject.i:subject.i + 1], None)
    return members is not None and any(m.i == span.root.i for m in members) and subject in span.root.ancestors


def _in_sequenced_deed(span: Span, trigger: Token) -> bool:
    """Whether a mention is in a deed the event is timed by ("fighting broke out after the arrest of its
    co-founder in the United States"): that deed's scene, not the event's. (Not where the event's verb has
    no subject of its own: "hours after an attack near Ankara killed five people" is the parser's reading of
    the attack as what comes after.)"""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return False
    tok = span.root
    while tok.head.i != tok.i and tok.head.i != trigger.i:
        tok = tok.head
    deed = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return (tok.head.i == trigger.i and tok.dep_ == "prep" and tok.lower_ in ("after", "before", "until")
            and tok.i != span.root.head.i and deed is not None and deed.ent_type_ not in ("DATE", "TIME")
            and deed.pos_ == "NOUN")


def _in_comment_on_act(span: Span) -> bool:
    """Whether a mention is in a relative clause that comments on the act as a whole: "shut down five
    offices, in a move that drew protests from Belgrade" did not happen in Belgrade."""
    return any(a.dep_ == "relcl" and a.head.lemma_.lower() in COMMENT_NOUNS for a in span.root.ancestors)


# Nouns by which an article sums up an act to comment on it: "in a move that drew protests".
COMMENT_NOUNS = frozenset({"move", "step", "decision", "action", "development", "escalation"})


def _named_as_doer(span: Span) -> bool:
    """Whether a country or town is (one of) the doers of a passive: "a deal brokered by Qatar and Egypt"."""
    first = first_conjunct(span.root)
    return first.dep_ == "pobj" and first.head.dep_ == "agent" and span.root.ent_type_ != "FAC"


# Prepositions that spread a plural over an area: "governments across the region".
SPREAD_PREPS = frozenset({"across", "throughout"})
# Those who act for states, whose "across the region" says where they govern, not where they acted.
STATE_BODY_NOUNS = STATE_NOUNS | GOVERNMENT_PAIR_NOUNS | {"minister", "parliament"}


def _in_source(span: Span) -> bool:
    """Whether a mention is inside an "according to" phrase: the source's whereabouts."""
    return any(a.lower_ == "according" or (a.lower_ == "to" and a.head.lower_ == "according")
               for a in span.root.ancestors)


def _on_speaker(span: Span, speech_verb: Token) -> bool:
    """Whether a mention is in what describes the speaker ("The Houthis, who control most of northern Yemen,
    say..."): where the speaker is or rules, no scene of what it reports."""
    return any(a.dep_ == "nsubj" and a.head.i == speech_verb.i for a in (span.root, *span.root.ancestors))


def _spoken_from(span: Span) -> bool:
    """Whether a mention is the object of "from", itself or as the name of "the town of ..." there."""
    return object_of(_area_named(_phrase_root(span)), frozenset({"from"}))


def _area_named(tok: Token) -> Token:
    """The area noun a name is "of" ("the nearby town of Segou", "the Russian regions of Kursk"), else tok."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in AREA_NOUNS:
        tok = tok.head.head
    return tok


def _witnessed(speech_verb: Token) -> bool:
    """Whether the speaker is a witness on the spot, whose own place (on the speech verb: "In X, residents
    said", "residents of X said") is where what they report happened, unless the report names another."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in WITNESS_NOUNS for c in speech_verb.children)


# Common nouns for places far from towns: a sentence naming one tells of a deed away from the dateline.
OFFSITE_NOUNS = frozenset({"border", "frontier", "boundary", "front", "frontline", "sea", "coast", "waters"})


def _offsite(sent: Span) -> bool:
    """Whether the sentence tells of a border, a front, the sea or a compass part of the land ("in the
    northwest") without naming a place there: a deed it tells of is then not at the wire dateline, which
    says where the story was filed ("BANGKOK - Thai and Cambodian troops exchanged fire along their disputed
    border"; "SEOUL - the military fired warning shots after soldiers crossed the border")."""
    return any(t.pos_ == "NOUN" and t.dep_ in ("pobj", "dobj") and (
        t.lemma_.lower() in OFFSITE_NOUNS or (is_compass_word(t.text) and any(c.lower_ == "the" for c in t.children)))
        for t in sent)


def _set_aside(span: Span, trigger: Token, apart_from_scene: bool, addressed: Sequence[Span]) -> bool:
    """Whether a place mention is no candidate scene at all: it stands for a party, names a party's origin,
    backer or neighbour, or belongs to another act than the trigger's (see each test)."""
    return (is_actor_metonym(span) or _portfolio(span) or _in_organisation_name(span) or _opens_party_name(span)
            or _possessor_party(span) or hyphened_qualifier(span)
            or (apart_from_scene and (_in_other_clause(span, trigger) or _aimed_against(span)
                                      or _ground_given(span, trigger)
                                      # (people fleeing "from" a place were driven out there)
                                      or (_withdrawn_from(span) and trigger.lemma_.lower() not in FLIGHT_VERBS)))
            or _in_other_doers_clause(span, trigger) or _partner_in_other_act(span, trigger)
            or _in_cause(span, trigger) or _in_other_report(span, trigger)
            or _across_border(span) or _origin_of_party(span, trigger) or _sent_from(span, trigger)
            or _road_destination(span) or _where_taken(span, trigger) or _beyond_own_relative_clause(span, trigger)
            or _topic_of_talks(span, trigger) or _refuge_of_others(span, trigger) or _base_of_party(span)
            or _journey_start(span) or _in_others_relative_clause(span, trigger)
            or any(span.root.i == a.root.i for a in addressed))


# Verbs of flight whose destination is where the fleeing went, not where what drove them happened.
FLIGHT_VERBS = frozenset({"flee", "seek", "take", "escape", "cross", "run"})
REFUGE_NOUNS = frozenset({"refuge", "shelter", "safety", "sanctuary", "asylum"})


def _refuge_of_others(span: Span, trigger: Token) -> bool:
    """Whether a mention is where people fled to, told by a verb of flight other than the trigger: "stepped
    up attacks, forcing thousands to seek refuge in neighbouring Chad" did not attack in Chad."""
    first = first_conjunct(_phrase_root(span, possessor=True))
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in ("to", "into", "towards", "toward", "in", "across"):
        return False
    verb = prep.head
    if verb.lemma_.lower() in REFUGE_NOUNS:
        verb = verb.head
    if verb.lemma_.lower() not in FLIGHT_VERBS or verb.i == trigger.i:
        return False
    return prep.lower_ != "in" or prep.head.lemma_.lower() in REFUGE_NOUNS or any(
        c.lemma_.lower() in REFUGE_NOUNS for c in verb.children)


def _aimed_against(span: Span) -> bool:
    """Whether a mention is what an act is against ("sanctions against Russia"): for an act decided apart
    from any scene, the party it aims at, not where it happened."""
    return object_of(span.root, frozenset({"against"}))


def _in_others_relative_clause(span: Span, trigger: Token) -> bool:
    """Whether a mention lies in a relative clause with a doer of its own that tells of another act: in
    "released 10 Americans in exchange for migrants whom the United States had deported to a prison in El
    Salvador" the release was not in El Salvador (not a clause whose subject is the relative pronoun,
    "protesters who marched through Belgrade", nor a pronoun, most often the main clause's own doer: "released
    28 soldiers they had held for two days in Cauca")."""
    tok = span.root
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl" and trigger not in tok.subtree and tok.i != trigger.i and any(
                c.dep_ == "nsubj" and c.pos_ != "PRON" and c.lower_ not in ("who", "which", "that")
                for c in tok.children):
            return True
        if tok.i == trigger.i:
            return False
        tok = tok.head
    return False


def _journey_start(span: Span) -> bool:
    """Whether a mention is where a journey to somewhere else set out from: "marched for two days from
    Belgrade to Novi Sad" was a march that ended, and was met, in Novi Sad."""
    first = first_conjunct(span.root)
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ != "from":
        return False
    # the destination hangs on the verb or on what "from" hangs on ("marched for two days from Belgrade")
    holders = [prep.head]
    if prep.head.pos_ not in ("VERB", "AUX") and prep.head.dep_ == "pobj":
        holders.append(prep.head.head.head)
    verb = holders[-1]
    return verb.lemma_.lower() in TRAVEL_VERBS and any(
        c.dep_ == "prep" and c.lower_ in GOING_PREPS and any(g.dep_ == "pobj" for g in c.children)
        for h in holders for c in h.children)


# Verbs of going somewhere oneself (not of taking others away: "evacuated aid workers from Nasir to Juba"
# happened at Nasir, "withdrew its troops from Sake" at Sake).
TRAVEL_VERBS = frozenset({"march", "walk", "trek", "parade", "drive", "ride", "travel", "fly", "sail", "journey",
                          "head", "go", "come", "return", "arrive"})


def _withdrawn_from(span: Span) -> bool:
    """Whether a mention is where an act decided apart from any scene takes someone or something from:
    "recalled its ambassador from Phnom Penh" was decided at home."""
    return object_of(span.root, frozenset({"from"}))


# Verbs whose "for" or "of" gives what the party is held to account for (not "called for a ceasefire").
GROUND_VERBS = frozenset({"accuse", "blame", "condemn", "criticise", "criticize", "denounce", "fault", "sanction",
                          "charge", "suspect", "hold", "punish", "praise", "thank", "commend", "suspend", "sentence",
                          "convict", "jail", "imprison", "acquit"})


def _ground_given(span: Span, trigger: Token) -> bool:
    """Whether a mention is in what an act decided apart from any scene, or a verb coordinated with it or
    adding to it, gives as its ground: "blamed Pakistan for the attack near Pahalgam" (and "suspended a
    treaty" after it), "accused Rwanda of backing rebels in Goma", "issued arrest warrants, accusing them
    of persecuting women in Afghanistan"."""
    near = (trigger, *trigger.conjuncts, *(c for c in trigger.children if c.dep_ == "advcl"))  # ", accusing them of"
    verbs = {t.i for t in near if t.lemma_.lower() in GROUND_VERBS}
    # (or what a feeling is about: "alarmed by reports that fighters executed civilians west of El Fasher")
    feeling = is_feeling(trigger)
    return any((t.dep_ == "prep" and t.lower_ in ("for", "of") and t.head.i in verbs) or (
        feeling and t.dep_ in ("prep", "agent") and t.lower_ in ("by", "over", "about", "at") and t.head.i == trigger.i)
        for t in span.root.ancestors)


def stated_of_itself(trigger: Token, speech_verb: Token) -> bool:
    """Whether the event's clause is what the speaker says of itself, by a pronoun ("said it was alarmed by
    reports...", "'We have been concerned about...,' Rhodes said at a briefing in Riyadh", "told reporters in
    Tbilisi that she would not step down")."""
    clause = trigger.head if trigger.dep_ == "acomp" else trigger  # "we are concerned" or "it was alarmed"
    return (clause.head.i == speech_verb.i and clause.dep_ in ("ccomp", "parataxis")
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" for c in clause.children))


def is_feeling(trigger: Token) -> bool:
    """Whether the trigger says how its party feels ("alarmed", "concerned", "outrage")."""
    return trigger.lemma_.lower() in FEELING_WORDS or trigger.lower_ in FEELING_WORDS


# Words for how a party feels about what happened, said wherever the party speaks.
FEELING_WORDS = frozenset({"concerned", "worried", "alarmed", "dismayed", "disappointed", "outraged", "angry",
                           "furious", "concern", "alarm", "outrage", "anger", "dismay", "displeasure", "worry"})


def _base_of_party(span: Span) -> bool:
    """Whether a mention is where a party other than a subject is based ("arrested army officers and people
    based in neighbouring Ivory Coast"): its home, not where the act was. The subject's own base is where it
    acts from ("The Palestinian Authority, based in Ramallah, suspended...")."""
    based = next((a for a in list(span.root.ancestors)[:4]
                  if a.dep_ == "acl" and a.lemma_.lower() in ("base", "headquarter", "station", "headquartered")), None)
    return based is not None and first_conjunct(based.head).dep_ not in ("nsubj", "nsubjpass")


# Nouns of talking whose "on", "about" or "over" phrase is the subject matter: "talks on extending the Gaza
# ceasefire" were not held in Gaza.
TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "meeting", "discussion", "discussions",
                        "conference", "summit", "dialogue", "consultation", "consultations"})


def _topic_of_talks(span: Span, trigger: Token) -> bool:
    """Whether a mention is what talks are about: in an "on"/"about"/"over" phrase of a talk noun that is the
    trigger or its object ("held talks on the Gaza ceasefire"), or the object of discussing ("discussed the
    reconstruction of Syria")."""
    path = [span.root, *span.root.ancestors]
    if trigger.lemma_.lower() in TOPIC_VERBS and any(a.dep_ == "dobj" and a.head.i == trigger.i for a in path) \
            and not any(a.dep_ == "prep" and a.lower_ == "with" for a in path):  # "security with his counterpart"
        return True
    for t in span.root.ancestors:
        talk = t.head
        if (t.dep_ == "prep" and t.lower_ in ("on", "about", "over")
                and (talk.lemma_.lower() in TALK_NOUNS or talk.lower_ in TALK_NOUNS)
                and (talk.i == trigger.i or talk.head.i == trigger.i)):
            return True
    return False


# Verbs that carry people away from where something happened: "evacuated the wounded to a hospital in Bouar".
CARRYING_VERBS = frozenset({"evacuate", "airlift", "rush", "take", "carry", "transfer", "transport", "ferry",
                            "relocate"})


def _where_taken(span: Span, trigger: Token) -> bool:
    """Whether a mention is where people were carried to, away from the scene ("peacekeepers evacuated
    wounded civilians to a hospital in Bouar, 150 km to the south"; "the wounded were taken to Goma")."""
    tok = span.root
    while tok.head.i != tok.i and tok.i != trigger.i:
        if tok.dep_ == "prep" and tok.lower_ in ("to", "toward", "towards") \
                and tok.head.lemma_.lower() in CARRYING_VERBS:
            return True
        tok = tok.head
    return False


def own_relative_clause(tok: Token) -> Token | None:
    """The head verb of the relative clause tok tells its act in, or None."""
    return next((t for t in (tok, *tok.ancestors) if t.dep_ == "relcl"), None)


def _beyond_own_relative_clause(span: Span, trigger: Token) -> bool:
    """Whether the trigger tells of its act in a relative clause set off by commas, which adds background,
    and the mention lies outside that clause and the noun it describes: in "The junta, which seized power in
    2022, has turned to Russia" the seizure was not in Russia; in "Goma, which the rebels seized in
    January" it was in Goma. A clause that picks out whom the sentence is about ("linked up with troops who
    had been besieged for months") often tells of the same scene, and one on a place ("Jowhar, where the
    militants have stepped up attacks") points at it."""
    clause = own_relative_clause(trigger)
    if clause is None or any(c.lower_ in ("where", "when") for c in clause.children):
        return False
    doc = span.doc
    set_off = clause.left_edge.i > 0 and doc[clause.left_edge.i - 1].text == ","
    return set_off and span.root not in clause.head.subtree


def _portfolio(span: Span) -> bool:
    """Whether a mention is what an office is for ("the United Nations envoy for Sudan", "the minister
    for Africa"): the office holder's remit, not where the holder acts."""
    root = first_conjunct(span.root)
    return (root.dep_ == "pobj" and root.head.lower_ == "for"
            and root.head.head.lemma_.lower() in ACTOR_NOUNS | {"envoy", "representative", "coordinator"})


def _across_border(span: Span) -> bool:
    """Whether a mention is the neighbour across a border ("pursued the attackers toward the border with
    Niger", "on its frontier with Chad and Sudan"): the border is the scene, on this side as much as that,
    and the neighbour's middle is far from it."""
    return across_border(first_conjunct(span.root))


# Verbs that move people or things out of a place: what they take "from X" was in X ("evacuated residents
# from Sake", "freed hostages from the compound").
MOVING_OUT = JOURNEY_VERBS | frozenset({"withdraw", "pull", "free", "release", "rescue", "expel", "leave", "remove",
                                        "oust", "extract", "drive", "push", "repatriate", "recall"})


@cache
def _party_nouns() -> frozenset[str]:
    return person_nouns() | MOVED_FORCES  # built once, not for every place mention


# Nouns whose "of" says whose nationals people are: "citizens of the United States".
NATIONALITY_NOUNS = frozenset({"citizen", "national", "passport", "subject"})


def _origin_of_party(span: Span, trigger: Token) -> bool:
    """Whether a mention tells where a party comes from ("wounding two peacekeepers from South Africa",
    "troops from Chad", "drones from Iran", "citizens of Colombia"), not where the event was. On the trigger
    itself "from" is the origin only after people a verb acts on ("killed three soldiers from Chad"): a launch
    or a shot "from" a place was made there ("fired rockets from Lebanon")."""
    root = _area_named(first_conjunct(span.root))  # "from the Russian regions of Kursk, Oryol and Bryansk"
    prep = root.head
    holder = prep.head
    if root.dep_ == "pobj" and prep.lower_ == "of" and holder.lemma_.lower() in NATIONALITY_NOUNS:
        return True  # "125 mercenaries, including citizens of the United States and Colombia"
    if (root.dep_ != "pobj" or prep.lower_ != "from"
            or {trigger.lemma_.lower(), holder.lemma_.lower()} & MOVING_OUT):
        return False
    if holder.pos_ == "VERB" and holder.dep_ == "acl" and holder.i != trigger.i:
        return True  # "shot down 79 drones launched from Kursk": where the thing shot down came from
    if holder.pos_ in ("VERB", "AUX"):
        obj = next((c for c in holder.children if c.dep_ == "dobj" and c.right_edge.i == prep.i - 1), None)
        return obj is not None and obj.lemma_.lower() in person_nouns()
    # on a noun, "from" says where the noun came from when the noun is a party or some things or people
    # ("engineers from Pakistan"): not on an act ("died in the withdrawal from Kabul"), nor where it opens a
    # span ("conflicts from Yemen to Syria")
    return (holder.pos_ in ("NOUN", "PROPN") and (holder.lemma_.lower() in _party_nouns() or holder.tag_ == "NNS")
            and not any(c.dep_ == "prep" and c.lower_ == "to" for c in holder.children))


def _possessor_party(span: Span) -> bool:
    """Whether a possessive place is a party ("Russia's intervention", "Yemen's Houthi group"), not a place
    whose part or venue it names ("Aleppo's eastern districts", "the Libyan capital's southern suburbs",
    "Niamey's main stadium" are there): another place of the sentence is then the scene."""
    places = AREA_NOUNS | OF_PLACE_NOUNS | SITE_NOUNS | VENUE_NOUNS
    head = span.root.head
    return span.root.dep_ == "poss" and head.lower_ not in places and head.lemma_.lower() not in places


def hyphened_qualifier(span: Span) -> bool:
    """Whether a mention is glued to a participle that qualifies a noun ("the U.S.-led coalition", "an
    Iran-backed militia", "the London-based monitor"): who leads, backs or houses a party, not a scene."""
    root = span.root
    doc = span.doc
    head = root.head
    # the parser may make the name the participle's adjective ("Turkish-backed factions")
    participle = head.tag_ == "VBN" or (root.dep_ == "amod" and head.lower_.endswith("ed"))
    return (root.dep_ in ("npadvmod", "amod") and participle and head.i == span.end + 1 and span.end < len(doc)
            and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_)


def _sent_from(span: Span, trigger: Token) -> bool:
    """Whether a mention is where forces are sent from ("were sent from their base in Mocimboa da Praia to
    reinforce the town"): a deployment happens where it goes."""
    tok = span.root
    while tok.head.i != tok.i and not (tok.dep_ == "prep" and tok.lower_ == "from"):
        tok = tok.head
    sender = tok.head
    return (tok.dep_ == "prep" and tok.lower_ == "from" and sender.lemma_.lower() in SENDING_VERBS
            and (sender.i == trigger.i or sender in trigger.ancestors))


ROAD_NOUNS = frozenset({"highway", "road", "motorway", "expressway", "route", "railway", "railroad", "pipeline"})


def _road_destination(span: Span) -> bool:
    """Whether a mention is where a road leads ("blocked the main highway to Karachi"): the road is the
    scene, and its end may lie hundreds of kilometres away."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _TOWN_KINDS:
        root = root.head.head  # "a pipeline to the Beninese port of Seme"
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("to", "toward", "towards"):
        return False
    if prep.head.lemma_.lower() in ROAD_NOUNS:
        return True
    # the parser may hang the "to" on the verb: "blocked [the main highway] [to Karachi]"
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ROAD_NOUNS and c.right_edge.i == prep.i - 1
               for c in prep.head.children)


def _fronted_scene(sent: Span, span: Span, trigger: Token, speech_verb: Token) -> bool:
    """Whether a mention the parser hangs on the speech verb opens the sentence ahead of what is reported,
    with the speech verb after both: in "In Odesa, a drone attack wounded a guard, officials said" the
    officials told of Odesa, wherever they were."""
    opener = span.root.head if span.root.dep_ == "pobj" else span.root
    while opener.i != sent.start and opener.dep_ == "prep" and opener.head.dep_ == "pobj" and opener.head.head.i < opener.i:
        opener = opener.head.head  # "In the southern city of Mykolaiv, ...": the phrase's own "In"
    return (opener.i == sent.start and opener.lower_ in LOCATIVE_PREPS
            and span.end <= trigger.i < speech_verb.i)


PURPOSE_PARTICIPLES = frozenset({"aim", "design", "intend", "mean"})  # "a deal aimed at ending the war"


def _in_other_clause(span: Span, trigger: Token) -> bool:
    """Whether a mention sits in a clause under the trigger that tells of another event: one before, after
    or causing it, or any finite adverbial clause ("suspended a ceasefire after it attacked a community in
    Toribio" was not suspended there; the parser may hang the "after" on the subject), its purpose
    ("summoned Afghanistan's envoy to protest an attack in Bajaur" was no summons in Bajaur), a verb coordinated
    with the trigger ("accused Belgrade of backing the attackers and called on the EU to impose sanctions on
    Serbia" was no accusation in Serbia), a clause the trigger says or denies, a participle giving a purpose
    ("an accord aimed at ending fighting in Darfur"), or a relative clause, which describes a party or thing
    rather than the act."""
    tok = span.root
    while tok.head.i != tok.i and tok.i != trigger.i:
        if tok.head.i == trigger.i and ((tok.dep_ == "advcl" and (any(
                c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in tok.children) or tok.tag_ == "VBD"))
                or (tok.dep_ in ("advcl", "xcomp") and to_infinitive(tok))
                or (tok.dep_ == "conj" and tok.pos_ == "VERB")
                # what a denial, a warning or a claim says happened ("denied that it had attacked a tanker
                # in the Gulf of Oman") is another event
                or (tok.dep_ == "ccomp" and tok.pos_ in ("VERB", "AUX"))):
            return True
        if tok.dep_ in ("acl", "advcl") and tok.lemma_.lower() in PURPOSE_PARTICIPLES and tok.tag_ == "VBN":
            return True  # "signed a peace agreement aimed at ending fighting in eastern Congo": its purpose
        if tok.dep_ == "relcl":
            # "Angola, which has mediated between Congo and Rwanda, called…", "accuses Kabul of sheltering
            # the TTP, which has stepped up attacks in Khyber Pakhtunkhwa": about a party, not the act
            return True
        tok = tok.head
    return False


def _in_other_doers_clause(span: Span, trigger: Token) -> bool:
    """Whether a mention is in a clause coordinated under the trigger's with a doer of its own: in "police
    retreated from the town, and residents fled toward Hinche" the retreat was not toward Hinche; or in a
    clause of a later time under it (OTHER_TIME_MARKS), or a phrase of one ("fired a missile days before
    the U.S. presidential election"), or a clause set against it ("Rwanda is to withdraw its troops, while
    Kinshasa is to stop supporting the FDLR": modality.ASIDE_MARKS); or in a verb the parser hung on it that
    goes with another (modality.misattached_conj: "said the vote had been falsified and called on Georgians
    to rally on Rustaveli Avenue"). Not a passive one, whose place news shares out: "two men were killed and a woman was
    wounded in a shooting at a gas station"."""
    tok = span.root
    while tok.head.i != tok.i and tok.i != trigger.i:
        if tok.dep_ == "prep" and tok.lower_ in OTHER_TIME_MARKS and trigger in tok.ancestors:
            return True
        if tok.head.i == trigger.i and (misattached_conj(tok) or (
                tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in tok.children)
                and (tok.dep_ == "conj" or (tok.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS | ASIDE_MARKS for c in tok.children))))):
            return True
        tok = tok.head
    return False


def _partner_in_other_act(span: Span, trigger: Token) -> bool:
    """Whether a mention is the party another verb is done with or against: "arrested dozens of people
    accused of collaborating with Israel" arrested nobody in Israel."""
    first = first_conjunct(span.root)
    verb = first.head.head
    return (first.dep_ == "pobj" and first.head.lower_ in ("with", "against") and verb.pos_ == "VERB"
            and verb.i != trigger.i and trigger in verb.ancestors)


# Conjunctions of a clause that tells of a later time, and so of another scene: "fired a missile toward the
# sea hours before polls opened in the U.S. election". Not "after": arrests after an attack are most often
# made where it was.
OTHER_TIME_MARKS = frozenset({"before", "until", "till"})


def _in_other_report(span: Span, trigger: Token) -> bool:
    """Whether a mention is in what another verb of saying under the trigger reports: in "said the strikes
    killed eight people and warned that Pakistan would face consequences" the parser hangs "warned" on
    "killed", but the warning's words say nothing of where the killing was."""
    tok = span.root
    if trigger not in tok.ancestors:
        return False
    while tok.head.i != trigger.i:
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in DEFAULT_SPEECH_VERBS:
            return True
        tok = tok.head
    return False


REASON_VERBS = frozenset({"cite"})  # "citing security concerns": the participle that gives a reason
# Nouns that give a reason whatever the parse makes of them: "in what it says is solidarity with Gaza".
CAUSE_WORDS = frozenset({"solidarity"})


def _in_cause(span: Span, trigger: Token) -> bool:
    """Whether a mention tells where the act answered was, or is in the reason given for it: "fired
    rockets in response to a strike that killed two fighters near Tyre", "struck Gaza in retaliation for an
    attack on Sderot", "suspended its partnership with Georgia, citing the decision to halt EU accession",
    "marched in protest at the killings in Homs", "the latest in months of protests over a station's collapse
    in Novi Sad"."""
    tok = span.root
    while tok.head.i != tok.i and tok.i != trigger.i:
        if ((tok.dep_ == "pobj" and tok.lemma_.lower() in CAUSE_NOUNS)
                or _grievance(tok, span)
                or (tok.dep_ == "advcl" and tok.lemma_.lower() in REASON_VERBS)
                or tok.lemma_.lower() in CAUSE_WORDS
                or (tok.lemma_.lower() == "protest" and tok.dep_ == "pobj" and tok.head.lower_ == "in")
                or _said_to_answer(tok, trigger)):
            return True
        tok = tok.head
    return False


def _said_to_answer(verb: Token, trigger: Token) -> bool:
    """Whether verb is a "be" the trigger is the subject of, whose "in" gives a reason: in "their attacks on
    shipping are in solidarity with Palestinians in Gaza" the parser hangs every phrase on "are", and all of
    them tell the reason."""
    return (verb.lemma_.lower() == "be" and trigger.head.i == verb.i and trigger.dep_ == "nsubj"
            and any(c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in CAUSE_NOUNS | CAUSE_WORDS | {"protest"} for g in c.children)
                for c in verb.children))


def _grievance(tok: Token, span: Span) -> bool:
    """Whether tok is the "over" or "about" of a noun and the mention lies inside what that phrase is about:
    "protests over a deadly collapse in Novi Sad", "anger about the killings in Homs". A place that is
    itself the phrase's object may be the scene ("drones over Crimea")."""
    return (tok.dep_ == "prep" and tok.lower_ in ("over", "about") and tok.head.pos_ == "NOUN"
            and span.root.head.i != tok.i and first_conjunct(span.root).head.i != tok.i)


def _in_organisation_name(span: Span) -> bool:
    """A place closing an organisation's name ("the Media Institute of Southern Africa condemned") names the
    organisation's reach, not a scene; one opening it ("held at Harare Central police station") does."""
    doc = span.doc
    k = span.start - 1
    if (k >= 0 and doc[span.start].ent_iob_ == "I" and doc[span.start].ent_type_ == "ORG"
            and doc[k].ent_type_ == "ORG" and doc[k].pos_ != "DET"):
        return True
    # the model may end the name before its "of": "[The Law Society] of Kenya condemned"
    return (k >= 1 and doc[k].lower_ == "of" and span.root.head.i == k and doc[k - 1].ent_type_ == "ORG"
            and doc[k - 1].is_title and doc[k].ent_iob_ != "I")


# A building an organisation's name goes before: "set fire to the Bangladesh Television building".
BUILDING_NOUNS = frozenset({"building", "buildings", "headquarters", "office", "offices", "compound", "premises"})


def _opens_party_name(span: Span) -> bool:
    """Whether a place opens the name of an organisation that is a party rather than a venue: in "targeted
    fighters of the Kurdistan Workers Party" Kurdistan is no scene; in "held at Harare Central police
    station" or "a blast at Kabul University" the name is where it happened."""
    doc = span.doc
    ent = next((e for e in doc.ents if e.label_ == "ORG" and e.start <= span.start and span.end < e.end), None)
    # not a list the model calls one name ("the villages of Haris and Tallousa"), nor a dateline
    if ent is None or doc[span.end].pos_ in ("CCONJ", "PUNCT") or in_dateline(span):
        return False
    root = ent.root
    while root.dep_ in ("compound", "amod") and root.head.i != root.i:  # the model may end the name early: "Harare Central"
        root = root.head
    return root.lower_ not in VENUE_NOUNS | SITE_NOUNS | BUILDING_NOUNS and not (
        root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS - {"of"})



def _locates(doc: Doc, place: Place, other: Place) -> bool:
    """Whether other only says where place lies: "in Kostiantynivka, about 25 kilometers south of Kramatorsk"
    (or "in Pauktaw township, about 25 km east of Sittwe") happened in Kostiantynivka, not 25 km south of
    Kramatorsk."""
    if place.char_end is None or other.char_start is None or other.char_start <= place.char_end:
        return False
    link = doc.text[place.char_end:other.char_start].strip().lower()
    kind, _, rest = link.partition(",")
    if kind.strip() in PLACE_KIND_NOUNS:
        link = "," + rest  # "in Pauktaw township, about 25 km east of Sittwe"
    # (or, with no bearing, that it lies near: "a mosque in Muridke near Lahore")
    return relative_link(link) is not None or link.lstrip(", ") in NEAR_LINKS


NEAR_LINKS = frozenset({"near", "close to", "just outside", "outside", "on the outskirts of", "not far from"})


# Nouns by which an apposition tells what a place is: "El Fasher, the army's last stronghold in Darfur".
DESCRIBING_NOUNS = PLACE_KIND_NOUNS | AREA_NOUNS | frozenset({"capital", "stronghold", "hub", "seat", "heartland",
                                                              "home", "bastion"})


def _in_apposition_to(span: Span, other: Span) -> bool:
    """Whether a mention is inside an apposition that tells what another place mention is: in "besieged El
    Fasher, the army's last stronghold in the Darfur region" Darfur only says where El Fasher lies. Not a
    dateline's: the parser hangs whole stories on those."""
    if in_dateline(other):
        return False
    tok = span.root
    while tok.head.i != tok.i:
        if tok.dep_ == "appos" and tok.head.i == other.root.i:
            return tok.lemma_.lower() in DESCRIBING_NOUNS
        tok = tok.head
    return False


CONTAINED_MARGIN = 1.0  # how much less attached a place inside the best one may be and still be preferred


def _on_trigger(span: Span, trigger: Token) -> bool:
    """Whether a mention hangs on the trigger itself: its object, or a preposition's object on it."""
    root = span.root
    return root.head == trigger or (root.dep_ == "pobj" and root.head.head == trigger)


def _inside(place: Place, area: Place) -> bool:
    """Whether place is a town or point inside area: a country, or a division or region of the name of
    the town's first-level division."""
    if place.precision not in ("city", "point") or place.country is None or place.country != area.country:
        return False
    if area.precision == "country":
        return True
    return area.precision in ("admin1", "region") and place.admin1 is not None and place.admin1 in (
        area.admin1, area.name)
