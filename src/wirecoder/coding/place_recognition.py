"""Toponym recognition: which words of an article name places.

It takes spaCy's GPE/LOC/FAC entities, adds capitalised word sequences that the gazetteer knows (the small
model misses many places), and optionally adjective forms ("Syrian") that name a country. It overrules the
model's PERSON/ORG labels where the text says place: the same name used as a place elsewhere in the
article, a list with a place, "the village of X", "Town, Prov.", a dateline; and it drops names the
article gives a person or uses as an organisation's acronym.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from wirecoder.coding.place_names import (
    ADMIN_CUES,
    APPOSITION_LINKS,
    AREA_NOUNS,
    CAMP_KINDS,
    CONNECTORS,
    INSTITUTION_KINDS,
    INSTITUTION_WORDS,
    LOCATIVE_PREPS,
    NAME_DIVISION_CUES,
    OF_PLACE_NOUNS,
    PLACE_BODIES,
    PLACE_NOUNS,
    POSSESSIVES,
    REGION_WORD,
    SEA_FEATURE_WORDS,
    SITE_NOUNS,
    TOWN_POP,
    TOWN_TAKEN_POP,
    WHERE_PREPS,
    PlaceNames,
    after_compass,
    capitalised,
    compass_only,
    respelling_of,
    with_dot,
)
from wirecoder.coding.place_text import (
    DISEASE_HEADS,
    PLACE_LABELS,
    SPEECH_VERBS,
    STATIVE_VERBS,
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
from wirecoder.resources.actor_kb import organisation_names, person_nouns
from wirecoder.resources.gazetteer import Candidate
from wirecoder.resources.gazetteer_names import fold, is_abbreviation

# Verbs of going somewhere, after which "to X" is a destination, not an addressee.
JOURNEY_VERBS = frozenset({"go", "come", "travel", "drive", "fly", "move", "return", "head", "flee", "walk", "sail",
                           "ride", "commute", "relocate", "migrate", "evacuate", "deport", "transfer", "airlift",
                           "march", "retreat", "escape", "journey", "trek", "bus", "ship", "deploy", "redeploy", "dispatch"})
# Verbs of war (and flight) whose object is a place nearly always, so that it says place as a preposition
# of place does ("shelled Gwoza", "retook Vuhledar", "fled Tal Afar"): a known town of any size there is a
# place, as after "in".
PLACE_OBJECT_VERBS = frozenset({"shell", "bombard", "bomb", "besiege", "encircle", "overrun", "retake", "recapture",
                                "capture", "seize", "storm", "liberate", "occupy", "annex", "raze", "raid", "blockade",
                                "strike", "flee", "retook"})  # the small model's lemmatiser leaves "retook" as it is
# Verbs of war whose passive subject is a place: not those that also befall people ("was captured",
# "was seized", "was liberated", "was struck by a car").
PASSIVE_PLACE_VERBS = PLACE_OBJECT_VERBS - {"capture", "seize", "liberate", "strike", "flee"}
# Verbs whose object is a place when a weapon is their subject ("Air strikes hit Gwoza", "Rockets pounded
# Sderot"); with a person as subject they are words of politics ("the senator hit Smith over the bill").
HIT_VERBS = frozenset({"hit", "pound", "target", "rock", "slam", "pummel"})
WEAPON_NOUNS = frozenset({"strike", "airstrike", "missile", "rocket", "shell", "drone", "bomb", "mortar", "artillery",
                          "shelling", "bombardment", "jet", "warplane", "explosion", "blast", "barrage"})
# Nouns of attack whose "on" names the place attacked: "an attack on Tal Tamr", "strikes on Kharkiv".
ATTACK_NOUNS = frozenset({"attack", "assault", "offensive", "strike", "airstrike", "raid", "bombardment", "shelling",
                          "advance", "push", "siege", "bombing"})
# Lower-case words inside transliterated names: Arabic articles assimilated to the next consonant
# ("Deir ez-Zor", "Jisr ash-Shughur", "Ma'arrat an-Nu'man") and the Persian linking vowel ("Mazar-i-Sharif").
# Lower-case words inside one place name between capitalised ones: "Ceamurlia de Jos", "Mocimboa da Praia",
# "Foz do Iguacu", "Dar el Salam".
INNER_CONNECTORS = frozenset({"de", "del", "da", "do", "dos", "das", "di", "du", "des", "al", "el"})
NAME_PARTICLES = frozenset({"ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "er", "es", "esh", "et",
                            "ez", "en", "ul", "i", "e"})
# Labels the small model gives names it does not know, towns among them ("shelled Kramatorsk", "retook Sinjar").
def _name_goes_on(span: Span) -> bool:
    """Whether a name the model reads as one place runs on through a connector after the span: "San Juan"
    of "San Juan de Lurigancho" is no San Juan of its own."""
    doc = span.doc
    k = span.end
    return (k + 1 < len(doc) and doc[k].lower_ in INNER_CONNECTORS and capitalised(doc[k + 1])
            and doc[k].ent_iob_ == "I" and doc[k + 1].ent_iob_ == "I" and doc[k].ent_type_ in PLACE_LABELS)


def _persons_name(span: Span) -> bool:
    """Whether the words are part of a longer person's name the text gives: "Trump" of "Donald Trump"."""
    words = span.text.split()
    return any(ent.label_ == "PERSON" and len(ent) > len(span) and all(w in ent.text.split() for w in words)
               for ent in span.doc.ents)


TITLE_LABELS = ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "ORG")
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"})
# Title words of newspapers that carry a city's name ("Washington Post", "Toronto Star").
NEWSPAPER_WORDS = frozenset({"Times", "Post", "Herald", "Tribune", "Journal", "Gazette", "Chronicle",
                             "Telegraph", "Star", "Sun", "Globe", "Examiner", "Courier", "Observer",
                             "Inquirer", "Daily", "Dispatch", "Star-Advertiser", "Post-Gazette"})


@dataclass(frozen=True)
class _Runs:
    """Per-token facts the recognition passes share (ToponymRecogniser._runs)."""

    texts: list[str]
    cap: list[bool]
    inner_ok: list[bool]


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    path = resources.files("wirecoder.resources") / "data" / "places" / "stopwords.txt"
    words = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in words if w.strip() and not w.startswith("#"))


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


def _opens(tok: Token) -> bool:
    """Whether tok starts a sentence or a quotation, where any word is capitalised."""
    return tok.is_sent_start or (tok.i > 0 and tok.nbor(-1).is_punct and tok.nbor(-1).text in "\"“‘'(")


def _alone(tok: Token) -> bool:
    """Whether tok is a whole entity or in none (not a word of a longer name)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.ent_iob_ != "I" and (nxt is None or nxt.ent_iob_ != "I")


COURT_QUALIFIERS = frozenset({"crown", "superior", "magistrates"})  # institution words only before "Court"
# Prepositions after which a lone name the model calls an organisation is where something happened.
ORG_PLACE_PREPS = frozenset({"near", "outside", "around"})
ORG_NAME_REACH = 6  # words before a place that an organisation's name ending in it may span
BIG_CITY_POP = 100_000  # a city whose name is a place wherever the model put it, unless it speaks


def _taken_by_force(span: Span) -> bool:
    """Whether a name is the object of a verb of war (PLACE_OBJECT_VERBS: "shelled Gwoza"), by the parse or,
    where the small model mistook the verb for a noun ("The army retook Tal Afar"), by the word right before
    it; or the object of "on" after a noun of attack (ATTACK_NOUNS: "an attack on Tal Tamr")."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "on":
        return head.head.pos_ == "NOUN" and head.head.lemma_ in ATTACK_NOUNS
    if (root.dep_ == "dobj" or _parsed_as_adverb(root)) and head.pos_ == "VERB" and head.lemma_ in PLACE_OBJECT_VERBS:
        return True
    if root.dep_ == "dobj" and head.lemma_ in HIT_VERBS and any(
            c.dep_ == "nsubj" and _weapon(c) for c in head.children):
        return True
    return _passive_of_war(root) or _after_war_verb(span)


def _weapon(tok: Token) -> bool:
    """A weapon noun, singular or plural (a sentence's first word may be tagged a name: "Rockets")."""
    word = tok.lower_
    return word in WEAPON_NOUNS or (word.endswith("s") and word[:-1] in WEAPON_NOUNS)


def _passive_of_war(root: Token) -> bool:
    """Whether a name is the subject of a verb of war in the passive: "Bakhmut was shelled overnight"."""
    return root.dep_ == "nsubjpass" and root.head.lemma_ in PASSIVE_PLACE_VERBS


def _after_war_verb(span: Span) -> bool:
    """Whether the word right before a name is a verb of war, whatever the tagger made of it, and the name
    is what it acts on, not a modifier of the noun after it ("struck Hamas fighters")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    determined = span.start > 1 and doc[span.start - 2].lower_ in ("a", "an", "the")  # "the raid Monday"
    after = doc[span.end] if span.end < len(doc) else None
    modifier = span.root.dep_ in ("compound", "amod", "nmod", "poss") or (
        after is not None and after.is_lower and after.pos_ == "NOUN")
    return before is not None and before.lower_ in WAR_VERB_FORMS and not determined and not modifier


_IRREGULAR_FORMS = {"overrun": {"overran", "overrunning"}, "retake": {"retook", "retaken"}, "strike": {"struck"},
                    "flee": {"fled"}}


def _verb_forms(lemma: str) -> set[str]:
    """The forms of an English verb ("shell": shells, shelled, shelling; "occupy": occupies, occupied)."""
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    if lemma in _IRREGULAR_FORMS:
        past = _IRREGULAR_FORMS[lemma]
    else:
        past = {lemma[:-1] + "ied" if lemma.endswith("y") else stem + "ed"}
    third = lemma[:-1] + "ies" if lemma.endswith("y") else lemma + ("es" if lemma.endswith("x") else "s")
    return {lemma, third, stem + "ing", *past}


# Every form of the verbs of war, for when the tagger has taken one for a noun ("retook", "shelled").
# ("retook" is in PLACE_OBJECT_VERBS as the small model's lemma of itself, not a verb to inflect.)
WAR_VERB_FORMS = frozenset(set().union(*(_verb_forms(v) for v in PLACE_OBJECT_VERBS - {"retook"})))


def _town_size(span: Span) -> int:
    """How big a known town must be for a mislabelled name with this head to be a place."""
    return TOWN_POP if _taken_by_force(span) else TOWN_TAKEN_POP


def _taken_or_reached(root: Token) -> bool:
    """Whether a name's head is a verb's object (or parsed as its adverb: _parsed_as_adverb) or the object
    of a preposition of place."""
    return (root.dep_ == "dobj" or (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS)
            or _parsed_as_adverb(root))


def _placed_by_own_words(span: Span) -> bool:
    """Whether the words around a name (not the model's label) make it a place: a verb of war acting on it
    or a preposition of place before it ("shelled Kostiantynivka", "fighting in Rastan")."""
    return _taken_by_force(span) or (span.root.dep_ == "pobj" and span.root.head.lower_ in WHERE_PREPS)


def _parsed_as_adverb(tok: Token) -> bool:
    """A name the parser hung on the verb before it as an adverb: its guess at a word it has never seen
    ("shelled Toretsk on Monday", "retook Severodonetsk"). Only capitalised words reach this test (the
    gazetteer pass and the entities), and English adverbs are written in lower case inside a sentence."""
    return tok.dep_ == "advmod" and tok.pos_ in ("ADV", "PROPN") and tok.head.pos_ == "VERB" and tok.head.i < tok.i


def _attribution(noun: Token) -> bool:
    """Whether a noun the parser hung on a name as its apposition is in truth the subject of the sentence's
    verb of saying, which follows it with no comma: "fighting near Mocimboa da Praia, a Rwandan army
    spokesman said" (a person in apposition closes with a comma: "Houston, a U.S. official, said")."""
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lemma_ in SPEECH_VERBS and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)


def _listed_with_person(ent: Span) -> bool:
    """Joined by "and" or a comma to a person's name: "Brent and Lynnette Hain", "Sidon, Bassil and Aoun"."""
    doc = ent.doc
    after = ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("and", ",") and doc[ent.end + 1].ent_type_ == "PERSON"
    before = ent.start >= 2 and doc[ent.start - 1].lower_ in ("and", ",") and doc[ent.start - 2].ent_type_ == "PERSON"
    return after or before


def _short_alternate(text: str, names: Sequence[Candidate]) -> bool:
    """Four letters or fewer that only an alternate name reaches: mostly a word, not a place ("Act")."""
    return len(text) <= 4 and all(c.alternate for c in names)


def _claim(span: Span, taken: list[bool], source: str) -> tuple[Span, str, str]:
    """span as a place name from source, its tokens no longer open to other readings."""
    for i in range(span.start, span.end):
        taken[i] = True
    return span, "name", source


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


class ToponymRecogniser:
    """Finds the toponym mentions of a parsed article: (span, kind, source) in text order."""

    def __init__(self, names: PlaceNames) -> None:
        self.names = names
        self.gaz = names.gaz
        self.stop = _stopwords()
        self.organisations = organisation_names()
        self.person_nouns = person_nouns()

    def recognise(self, doc: Doc, *, demonyms: bool) -> list[tuple[Span, str, str]]:
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
        freed: list[Span] = []  # entities of other labels that are towns taken or reached after all
        for ent in doc.ents:
            if ent.label_ in BLOCKING_LABELS:
                if ent.label_ == "PERSON" and self._person_is_place(ent, person_words):
                    freed.append(ent)
                    continue
                if ent.label_ in TITLE_LABELS and self._title_is_place(ent, person_words):
                    freed.append(ent)
                    continue
                if self._names_division(ent) or (self._names_site(ent) and self.names.has_town(ent.text)):
                    continue
                if ent.label_ != "PERSON" and self._list_of_places(ent):
                    continue  # "struck Kharkiv and Kyiv", which the model calls a work of art
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
            if span is None or any(taken[i] for i in range(span.start, span.end)) or self._route(span):
                continue  # a route's two ends are found on their own by the gazetteer pass
            span = self._without_place_noun(span)
            if not any(c.isupper() for c in span.text):
                continue
            kind = self._kind(span)
            if kind is None or (kind == "demonym" and not demonyms):
                continue
            # (a feature at sea the model calls an organisation is one all the same: "Scarborough Shoal" is no
            # English town's shoal)
            at_sea = span[-1].lower_ in SEA_FEATURE_WORDS and span[-1].text[:1].isupper()
            if ent.label_ == "ORG" and not self._org_is_place(span) and not at_sea:
                continue
            if len(span) == 1 and fold(span.text) in self.stop and not span.text.isupper():
                continue  # "the Centre" (India's government), "Christian", "the West"
            if ent.label_ == "NORP" and kind == "name" and not self.names.has_name(span.text):
                continue
            if self._not_a_place_here(span) or any(blocked[i] for i in range(span.start, span.end)):
                continue
            if span.text in people and self._person_here(span):
                continue  # "Guhdar said": a name the article also gives a person
            if (kind == "name" and not at_sea and not self.names.candidates(span.text, kind)
                    and unlike_place_name(span, people)):
                continue  # "Ms Raggi", "H1N1": only the model's label says place
            found.append((span, kind, "ner"))
            for i in range(span.start, span.end):
                taken[i] = True
        found.extend(self._freed_names(freed, taken, blocked, people))
        found.extend(self._cued_names(doc, taken, runs))  # before single words claim a piece of "Ceamurlia de Jos"
        found.extend(self._gazetteer_matches(doc, taken, blocked, in_org, runs, demonyms=demonyms))
        found.extend(self._same_name_again(doc, found, taken, person_words, runs))
        found.extend(self._division_after_town(doc, found, taken))
        found.extend(self._list_mates(doc, found, taken, person_words))
        found.sort(key=lambda x: x[0].start)
        return [(self._with_abbreviation_dot(span), kind, source) for span, kind, source in found]

    def _freed_names(self, freed: list[Span], taken: list[bool], blocked: list[bool],
                     people: frozenset[str]) -> list[tuple[Span, str, str]]:
        """The entities _person_is_place and _title_is_place found to be towns taken or reached, whole,
        where the single words the gazetteer pass would take are less than the name: "al-Bab" (its
        article is lower case), "Jisr al-Shughur" (known only through another romanisation), "Azaz" (four
        letters, known as an alternate name)."""
        out: list[tuple[Span, str, str]] = []
        for ent in freed:
            span = trim_name(ent)
            if (span is None or not self._beyond_gazetteer_pass(span) or not self._town_taken(ent)
                    or any(taken[i] or blocked[i] for i in range(span.start, span.end))
                    or (span.text in people and self._person_here(span))
                    or self._kind(span) != "name" or self._not_a_place_here(span)):
                continue
            out.append(_claim(span, taken, "ner"))
        return out

    def _beyond_gazetteer_pass(self, span: Span) -> bool:
        """Whether the gazetteer pass (_gazetteer_matches, _accept) cannot take span whole: it starts
        lower case, the gazetteer knows it only under another romanisation, or it is a short alternate
        name, which _accept refuses ("Act" is no "ACT")."""
        if span[0].is_lower:
            return True
        names = [c for c in self.gaz.candidates(span.text) if not c.demonym]
        return not names or _short_alternate(span.text, names)

    def _with_abbreviation_dot(self, span: Span) -> Span:
        """"Sask." whole: the tokenizer splits the abbreviation's dot off at a sentence end."""
        doc = span.doc
        if (len(span) != 1 or len(span.text) > 5 or not span.text.istitle() or span.end >= len(doc)
                or doc[span.end].text != "." or span[-1].whitespace_):
            return span
        # "Melville, Sask. believes", "Barrie, Ont., said": the sentence goes on after the dot, so the
        # dot is the abbreviation's; before a capital ("... in Niger. There") it ends the sentence.
        after = next((t for t in doc[span.end + 1:] if not t.is_space), None)  # past a paragraph break
        goes_on = after is not None and not after.text[:1].isupper() and not doc[span.end:after.i].text.count("\n")
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
                    while 0 <= hi < len(doc) and capitalised(doc[hi]) and not taken[hi] and abs(hi - sep) <= 3:
                        hi += step
                    start, end = (hi + 1, lo + 1) if step < 0 else (lo, hi)
                    if end <= start:
                        continue
                    span = doc[start:end]
                    # Stopped by another name or a taken word: part of a longer name ("San Fernando Valley").
                    longer = 0 <= hi < len(doc) and (taken[hi] or capitalised(doc[hi]))
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
                    capitalised(doc[end]) or (end > start and doc[end].lower_ in INNER_CONNECTORS
                                                     and end + 1 < len(doc) and capitalised(doc[end + 1]))
                    # "the town of Bir-Ali": a hyphen inside the name, between capitals
                    or (end > start and doc[end].text == "-" and not doc[end - 1].whitespace_
                        and not doc[end].whitespace_ and end + 1 < len(doc) and capitalised(doc[end + 1]))):
                end += 1
            # not "the neighbourhood of Saturday's", nor "the main city of Indian-administered Kashmir"
            hyphened = (end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_
                        and doc[end + 1].is_lower)
            if (end > start and not doc[start].is_stop and doc[start].ent_type_ not in ("DATE", "TIME")
                    and not hyphened):
                more.append(_claim(doc[start:end], taken, "cue"))
            return end

        for i in range(2, len(doc)):
            if taken[i] or not runs.cap[i] or runs.texts[i - 1].lower() != "of":
                continue
            cue = doc[i - 2]
            if cue.lower_ in PLACE_NOUNS and (
                    cue.is_lower or self.names.has_name(doc[i:name_end(doc, i)].text)):  # "the City of Montreal"
                end = take(i)
                # a list goes on: "the villages of Ceamurlia de Jos, Maliuc and Caraorman"
                while end < len(doc) and doc[end].lower_ in (",", "and"):
                    nxt = end + 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "and" else end + 1
                    if nxt >= len(doc) or taken[nxt] or not capitalised(doc[nxt]):
                        break
                    end = take(nxt)
        # "the city's Abbassiya district", "Maoxian county in Sichuan": a lower-case division word after a
        # name makes it a division's name, whatever the model thought of it ("Haram" a date).
        for i, text in enumerate(runs.texts):
            if i >= 2 and text == "camp" and doc[i].is_lower and runs.texts[i - 1] in CAMP_KINDS:
                i -= 1  # "the Zamzam displacement camp", "the Kakuma refugee camp"
            elif i == 0 or text not in (*NAME_DIVISION_CUES, "camp") or not doc[i].is_lower:
                continue
            if taken[i - 1] or not runs.cap[i - 1]:
                continue
            start = i - 1
            while start > 0 and i - start < 3 and not taken[start - 1] and runs.cap[start - 1]:
                start -= 1
            span = doc[start:i]
            if (start > 0 and runs.cap[start - 1]) or span[0].is_stop or doc_title(span[0]) \
                    or (_opens(span[0]) and span[0].pos_ != "PROPN") \
                    or any(t.ent_type_ == "NORP" for t in span) or self.gaz.is_demonym(span.text) \
                    or (text == "camp" and (any(t.ent_type_ == "ORG" for t in span) or _persons_name(span))):
                # a longer name, "Instead county police", "the Republican county chair", "the Kurdish
                # region"; a party's or a person's camp ("the Trump camp", after Donald Trump) is no place
                continue
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
                if not capitalised(part[0]) or not (capitalised(part[-1]) or part[-1].text == "."):
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
        # A name the gazetteer lacks counts once the article's own words call it a place ("the town of
        # Harardhere" ... "Osweyne, about 60 km west of Harardhere").
        names = {s.text for s, kind, source in found
                 if kind == "name" and ((self.names.has_name(s.text) and (source == "ner" or _placed_by_own_words(s))
                                         and not any(c.entry.feature == "landmark" for c in self.gaz.candidates(s.text)))
                                        or (source == "cue" and not self.names.has_name(s.text)))} - person_words
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
        after = span.end < len(doc) and capitalised(doc[span.end])
        prev = doc[span.start - 1] if span.start else None
        before = prev is not None and capitalised(prev) and not (prev.is_sent_start and prev.is_stop)
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
        if REGION_WORD.match(prev.replace("-", "")) or self.names.comma_pair(doc[tok.i:tok.i + 1]):
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
        pair = self.names.comma_pair(span, allow_in=allow_in)
        return pair is not None and any(c.entry.cc == p.entry.cc for c in names for p in pair)

    def _place_word(self, tok: Token) -> bool:
        return (capitalised(tok) and tok.ent_type_ != "PERSON"
                and any(not c.demonym for c in self.gaz.candidates(tok.text)))

    def _names_division(self, ent: Span) -> bool:
        """An entity the model labelled otherwise that a division word after it makes a division: "in
        Gezira state", "Russia's Kursk region" (a person, product or organisation, in its eyes), or the
        region of a sizeable town under a spelling the gazetteer gives only the town ("the southern Odesa
        region", a language in its eyes)."""
        doc = ent.doc
        if ent.end >= len(doc) or doc[ent.end].lower_ not in ADMIN_CUES or len(ent) > 3 or doc_title(ent[0]):
            return False
        return any(c.entry.feature in ("admin1", "admin2")
                   or (c.entry.feature == "city" and not c.alternate and c.entry.population >= TOWN_TAKEN_POP)
                   for c in self.names.candidates(ent.text, "name"))

    def _force_of(self, ent: Span) -> bool:
        """A person or organisation entity that is a place's police force or council: "New Brunswick
        RCMP", "Brant OPP" (the place a country, a division or a town of some size)."""
        if len(ent) < 2 or len(ent) > 4 or ent[-1].lower_ not in PLACE_BODIES or ent.label_ not in ("PERSON", "ORG"):
            return False
        return any(not c.demonym and (c.entry.feature in ("country", "admin1", "admin2") or c.entry.population >= TOWN_POP)
                   and not c.alternate for c in self.gaz.candidates(ent[:-1].text))

    def _person_is_place(self, ent: Span, person_words: frozenset[str]) -> bool:
        """A PERSON entity that is a place after all: a sizeable town taken or reached ("retook Palmyra",
        "fled to Homs", "In Klamath Falls, Oregon"; any town a verb of war acts on: _town_size), the very name
        of a country or first-level division ("Tamil Nadu said"), or a big city's name that neither speaks
        nor stands in a list of people ("Residents said Peshawar was calm"), which the article never uses
        in a personal name."""
        first, root = ent[0], ent.root
        if doc_title(first) or sum(not t.is_punct for t in ent) > 3 or ent.text in person_words:
            return False
        # "Rakhine State" too, through its head; "Bentiu" of the model's "Bentiu on" (a word too many)
        names = self.names.resolvable((trim_name(ent) or ent).text, "name")
        if any(c.entry.feature in ("country", "admin1", "region") and not c.alternate for c in names):
            return True  # "Tamil Nadu said", "regions like Java"
        if not speaks(ent) and not _listed_with_person(ent) and any(
                c.entry.feature == "city" and c.entry.population >= BIG_CITY_POP for c in names):
            return True  # "Arbil" (Erbil's other name) too: the gazetteer pass weighs it as an unlabelled word
        # "advanced on Bukavu in South Kivu": a town in its own province
        placed = _taken_or_reached(root) or _after_war_verb(ent) or _passive_of_war(root)
        if first.i == 0 or (not placed and self.names.comma_pair(ent) is None
                            and not self._held_by_pair(ent, names, allow_in=True)):
            return False
        return any(c.entry.population >= _town_size(ent) for c in names)

    def _town_taken(self, ent: Span) -> bool:
        """The object of a verb or of a preposition of place, named as a town of some size (under any
        romanisation): "shelled Jisr al-Shughur", "retook al-Bab"."""
        return (ent.start > 0 and (_taken_or_reached(ent.root) or _taken_by_force(ent)) and any(
            c.entry.population >= _town_size(ent) for c in self.names.resolvable(ent.text, "name")))

    def _list_of_places(self, ent: Span) -> bool:
        """An unquoted entity that is two or more well-known places joined by "and" or commas ("Kharkiv and
        Kyiv", "Odesa, Mykolaiv and Kherson"): the model reads such a pair as one title or body."""
        doc = ent.doc
        if (ent.start > 0 and doc[ent.start - 1].is_quote) or (ent.end < len(doc) and doc[ent.end].is_quote):
            return False
        parts: list[list[Token]] = [[]]
        for t in ent:
            if t.lower_ == "and" or t.text == ",":
                parts.append([])
            else:
                parts[-1].append(t)
        if len(parts) < 2 or any(not part for part in parts) or not any(t.lower_ == "and" for t in ent):
            return False
        return all(self._well_known_place(doc[part[0].i:part[-1].i + 1].text) for part in parts)

    def _well_known_place(self, text: str) -> bool:
        return any(c.entry.feature in ("country", "admin1") or c.entry.population >= 100_000
                   or self.gaz.is_capital(c.entry) for c in self.gaz.candidates(text) if not c.demonym)

    def _title_is_place(self, ent: Span, person_words: frozenset[str]) -> bool:
        """A name the model took for a title, a product, an event or (as a verb's object) an organisation,
        unquoted, that is a sizeable town taken or reached, as for a person's name (_person_is_place): the
        small model gives these labels to town names it has never seen ("shelled Kramatorsk", "entered
        Daraa", "retook Sinjar"); a real title stands in quotes."""
        doc = ent.doc
        quoted = (ent.start > 0 and doc[ent.start - 1].is_quote) or (ent.end < len(doc) and doc[ent.end].is_quote)
        acted_on = (ent.root.dep_ == "dobj" and ent.root.head.pos_ == "VERB") or _taken_by_force(ent)
        if ent.label_ == "ORG" and not (acted_on and ent[0].lower_ != "the" and not ent.text.isupper()):
            return False  # "on behalf of the Kremlin", "quoted by IRNA": the body, not a town
        return not quoted and self._person_is_place(ent, person_words)

    def _placed_by_preposition(self, ent: Span, people: frozenset[str]) -> bool:
        """An entity the model labelled otherwise that a preposition puts on the map, whole: "officials
        in Dogubayazit", "from Kisumu", "located in Winnipeg", "in the Glasgow area", or the "of" of a noun
        that names a place by it (OF_PLACE_NOUNS: "residents of Sinjar"); a town of some size, never a name
        the article gives a person, and for people never after "to"."""
        span = trim_name(ent)
        if span is None or len(span) > 3 or span.start == 0 or span.text in people:
            return False
        doc = ent.doc
        prev = self._word_before(span)
        of_place = span.start > 1 and doc[span.start - 1].lower_ == "of" and (
            doc[span.start - 2].lower_ in OF_PLACE_NOUNS)
        if (prev not in WHERE_PREPS and not of_place) or (
                prev == "to" and ent.label_ == "PERSON" and not self._journey(span)):
            return False
        root = span.root
        if not (root.dep_ == "pobj" or (root.dep_ == "compound" and root.head.dep_ == "pobj"
                                        and root.head.lower_ in AREA_NOUNS)):
            return False  # "at Church locations": a modifier of the object, not the object
        nxt = doc[span.end:span.end + 2]
        if nxt and (nxt[0].lower_ in POSSESSIVES or (
                len(nxt) == 2 and nxt[0].lower_ in CONNECTORS and capitalised(nxt[1])
                and nxt[1].ent_type_ not in ("DATE", "TIME"))):
            return False  # "from McDonald's", "Médecins sans Frontières": a longer name goes on (not "on Monday")
        return any(not c.demonym and (
            c.entry.population >= TOWN_TAKEN_POP if c.alternate  # another spelling of a real town: Dogubayazit
            else c.entry.feature in ("country", "admin1", "admin2") or c.entry.population >= TOWN_POP)
            for c in self.gaz.candidates(span.text))

    def _route(self, span: Span) -> bool:
        """An entity the model made of two places and the "to" or "and" between them ("evacuated aid workers
        from Nasir to Malakal", "the towns of Paletwa and Pauktaw"), which no place bears as its name
        ("Trinidad and Tobago" does)."""
        cut = [t for t in span[1:-1] if t.lower_ in ("to", "and") and t.is_lower]
        return bool(cut) and not self.names.candidates(span.text, "name") and bool(
            self.names.candidates(span.doc[cut[0].i + 1:span.end].text, "name"))

    @staticmethod
    def _journey(span: Span) -> bool:
        """Whether "to" before span ends a journey ("driving to Castlegar", "flew to Homs"): then the
        name is where somebody went, not whom they spoke or wrote to."""
        prep = span.doc[span.start - 1]
        return prep.dep_ == "prep" and prep.head.pos_ == "VERB" and prep.head.lemma_ in JOURNEY_VERBS

    def _kind(self, span: Span) -> str | None:
        """"demonym" for adjective forms ("Syrian"), None for people plurals ("Syrians"), else "name"."""
        text = span.text
        rest = after_compass(text)
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
        # "detained near Leposavic": a small town's whole name, which the model took for an organisation,
        # after a preposition that says where
        whole = (before in ORG_PLACE_PREPS and span.doc[span.start].ent_iob_ == "B"
                 and (span.end == len(span.doc) or span.doc[span.end].ent_iob_ != "I"))
        return any(c.entry.feature in ("country", "admin1", "region", "continent")
                   or (c.entry.population >= 50_000 and not c.alternate
                       and (c.entry.feature != "landmark" or located))
                   or (whole and c.entry.feature == "city" and c.entry.population >= TOWN_POP) for c in cands)

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
        if kin_named(span) or self._in_hyphenated_name(span) or self._described_as_person(span):
            return True
        if self._ends_personal_name(span) or self._person_named(span):
            return True
        if span.end < len(doc) and doc[span.end].text in NEWSPAPER_WORDS:
            return True  # "the New York Times", "Bucharest Daily News": a masthead, not the city
        if self._closes_organisation_name(span):
            return True
        if span.end < len(doc) and doc[span.end].like_num and kb_fold(doc[span.start:span.end + 1].text) in self.organisations:
            return True  # "France 24", a broadcaster the actor KB knows: no country with a number after it
        org = kb_fold(span.text) in self.organisations and (
            prev not in WHERE_PREPS or doc[span.start - 2:span.start].text.lower() == "according to")
        if org or (len(span) == 1 and speaks(span) and not is_dateline(span)):
            # "Xinhua reported", "NATO said", "said Noma": an organisation or a person, unless a country,
            # a division, a landmark or a big town of that name ("in Al-Mayadeen" stays the Syrian town);
            # an organisation the actor KB knows is no town that merely lists its name ("Hamas" for Hamm).
            names = [c.entry for c in self.gaz.candidates(span.text)
                     if not c.demonym and not (org and c.alternate and c.entry.feature in ("city", "admin2"))]
            if (names or org) and not any(e.feature in ("country", "admin1", "region", "continent", "landmark")
                                 or e.population >= 100_000 or self.gaz.is_capital(e) for e in names):
                return True
        if self._postal_code_alone(span) or len(fold(span.text)) <= 1:
            return True  # "MD" outside an address; a grade of "D."
        if span.start and doc[span.start - 1].text in ("Operation", "Op."):
            return True  # "Operation Falcon", "Operation Lafiya Dole": a military or police operation
        if _saints_dedication(span):
            return True
        return len(span) == 1 and len(span.text) <= 5 and span.text.upper() in acronyms(doc, self.names.has_name)

    def _ends_personal_name(self, span: Span) -> bool:
        """A name the gazetteer lacks right after a person's name, the model having split them: 'Ismael "El
        Mayo" Zambada' (the surname after a nickname's closing quote is no town)."""
        doc = span.doc
        k = span.start - 1
        while k >= 0 and doc[k].is_quote:
            k -= 1
        return k >= 0 and doc[k].ent_type_ == "PERSON" and not self.gaz.candidates(span.text)

    def _closes_organisation_name(self, span: Span) -> bool:
        """The last words of an organisation's name the actor KB knows, which the model split off as a
        place: "Tehreek-e-Taliban Pakistan", "the Bank of England". (A place opening a name, "Syrian
        Democratic Forces", is one the geoparsing corpora count: it says whose the body is.)"""
        doc = span.doc
        first = max(span.sent.start, span.start - ORG_NAME_REACH)
        return any(kb_fold(doc[k:span.end].text) in self.organisations for k in range(first, span.start)
                   if any(t.is_alpha and t.pos_ != "DET" for t in doc[k:span.start]))  # not "the European Union"

    def _person_named(self, span: Span) -> bool:
        """A name the gazetteer lacks in apposition to a noun for a person: "The U.S. ambassador to the
        Philippines, MaryKay Carlson, condemned..." names the ambassador."""
        root = span.root
        return (root.dep_ == "appos" and root.head.is_lower and root.head.lower_ in self.person_nouns
                and not self.gaz.candidates(span.text))

    def _described_as_person(self, span: Span) -> bool:
        """A town's name in apposition to a noun for a person: "Houston, a U.S. official, said" (a country
        or state so described is a metaphor: "Jordan, a key partner")."""
        doc = span.doc
        if doc[span.end:span.end + 2].text.lower() not in (", a", ", an", ", the"):
            return False  # "Churchill, Man.", "AUSTIN, Texas A white nationalist leader": the parse strays
        if not any(t.dep_ == "appos" and t.is_lower and t.lower_ in self.person_nouns and t.i <= span.end + 6
                   and not _attribution(t) for t in span.root.children):
            return False
        return not any(c.entry.feature in ("country", "admin1", "region", "continent")
                       for c in self.gaz.candidates(span.text))

    def _postal_code_alone(self, span: Span) -> bool:
        """A US state's two-letter postal code outside an address ("Louisville, KY") or a dateline: news
        prose writes the state's name or its dotted abbreviation, and the two capitals are mostly something
        else ("Metix MD", "7 a.m. CT", "everything is OK", "Cimpress NV", "voter ID")."""
        text = span.text
        if len(span) != 1 or len(text) != 2 or not text.isupper() or is_dateline(span):
            return False
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].text == "," and capitalised(doc[span.start - 2]):
            return False
        names = [c for c in self.gaz.candidates(text) if not c.demonym]
        return bool(names) and all(c.entry.cc == "US" and c.entry.feature == "admin1" for c in names)

    def _in_hyphenated_name(self, span: Span) -> bool:
        """Half of a hyphenated name whose other half is no place: "Ann-Christin", "Mahidol-Oxford",
        "Vest-Agder"; "the Syria-Turkey border" and "Turkish-Russian relations" join two and keep both."""
        doc = span.doc
        for dash, other in ((span.end, span.end + 1), (span.start - 1, span.start - 2)):
            if (0 <= other < len(doc) and 0 <= dash < len(doc) and doc[dash].text in ("-", "–")
                    and not doc[dash].whitespace_ and capitalised(doc[other])
                    and (dash < other or not doc[other].whitespace_)
                    and not self.gaz.candidates(doc[other].text)):  # "Syrian-Turkish" joins two places too
                return True
        return False

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
            inner_ok.append(c or lower in CONNECTORS or lower in NAME_PARTICLES or text in ("'", "’", "-", ".")
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
            if match is None or (match.end < run and all(compass_only(t.text) for t in match)):
                i += 1  # "South West England": the compass words of a longer name, not Cameroon's region
                continue
            if _name_goes_on(match):
                i = match.end  # "San Juan" of "San Juan de Lurigancho", a Lima district the gazetteer lacks
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
        written = with_dot(span)
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
            if self.names.has_name(doc[start:span.end].text):
                return doc[start:span.end]
        return span

    def _without_place_noun(self, span: Span) -> Span:
        """"City of Montreal" -> "Montreal", where the gazetteer knows the rest and not the whole (the
        City of London is a place of its own)."""
        if len(span) < 3 or span[0].lower_ not in PLACE_NOUNS or span[1].lower_ != "of":
            return span
        rest = span[2:]
        return rest if self.names.has_name(rest.text) and not self.names.has_name(span.text) else span

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
        if strict and self.names.has_town(text) and any(
                span[k].ent_type_ in PLACE_LABELS and _outgrown(span, span.start + k) for k in range(len(span))):
            return "name"  # "Fort St. John", which the model cut into a place "Fort St." and a person "John"
        if strict or any(in_org[k] for k in range(span.start, span.end)):
            # Inside an organisation's name, or overriding the NER: only unmistakable places, or a town
            # that names a local court, police force or council.
            nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
            if nxt in COURT_QUALIFIERS and span.doc[span.end + 1:span.end + 2].text.lower() not in ("court", "courts"):
                nxt = ""  # "Ford Crown Victoria" is a car; "Leeds Crown Court" a court
            if (not strict and nxt in INSTITUTION_WORDS and span.start == self._org_start(span)
                    and key not in INSTITUTION_KINDS and not (text.isupper() and len(text) <= 3) and any(
                    not c.alternate and not c.demonym and (c.entry.feature in ("admin1", "admin2")
                                                           or c.entry.population >= TOWN_POP)
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
        nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if not text.isupper() and _short_alternate(text, names) and not (
                nxt in ADMIN_CUES and any(c.entry.feature == "admin1" for c in names)):
            # "Act" is no "ACT"; "Barrie, Ont." comes in through _division_after_town; "Chin state" is one
            return None
        sent_start = _opens(first)
        if is_dateline(span):
            return "name"
        # The tagger guesses at a name it does not know opening a sentence ("Kyiv" an adjective, "Bakhmut"
        # an adverb); as the sentence's subject it is a noun whatever the guess.
        subject = sent_start and len(span) == 1 and first.dep_ in ("nsubj", "nsubjpass") and not first.is_stop
        if len(span) == 1 and (first.is_stop or first.pos_ in ("VERB", "AUX", "PRON", "DET")
                               or (first.pos_ == "ADJ" and not subject)
                               or (first.pos_ == "ADV" and not _parsed_as_adverb(first) and not subject)):
            return None
        prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        locative = prev in LOCATIVE_PREPS
        best = max(names, key=lambda c: self.names.prior(c))
        divisions = [c for c in names if c.entry.feature in ("admin1", "admin2")]
        if nxt in ADMIN_CUES and divisions and best.entry.feature == "city":
            best = max(divisions, key=lambda c: self.names.prior(c))  # "in neighbouring Chin state"
        e = best.entry
        if (e.feature == "admin1" and best.alternate and nxt not in ADMIN_CUES
                and span.root.dep_ == "nsubj" and span.root.head.lemma_ not in STATIVE_VERBS
                and any(not c.alternate and c.entry.feature == "city" for c in names)):
            return None  # "Kharkiv said": a city that speaks, not the division news names after it
        if e.feature in ("country", "continent", "region", "admin1"):
            return "name" if not (sent_start and len(span) == 1 and first.lower_ in self.stop) else None
        own = not best.alternate
        before = span.doc[span.start - 1] if span.start else None
        if (before is not None and not _opens(before) and before.tag_ == "NNP" and capitalised(before)
                and not self._place_word(before)):
            return None  # "Fire Marshal Doug Logan": the end of a longer name
        doc = span.doc
        alone = not any(0 <= k < len(doc) and capitalised(doc[k]) for k in (span.start - 1, span.end))
        acting = span.root.dep_ == "nsubj" and span.root.head.lemma_ not in STATIVE_VERBS
        if e.population >= BIG_CITY_POP and (own or (alone and respelling_of(text, best, names))) and (
                not sent_start or ((first.pos_ == "PROPN" or subject) and not acting)):
            # a big place under its own name, or under another spelling of it that no place bears as its
            # own, written alone ("Raqqa" for Ar Raqqah; not "Karim Douma", "the Douma Road"); opening a
            # sentence only as a proper noun that does not act ("Kharkiv was calm"; not "Houston said",
            # "Douma works as a domestic worker")
            return "name"
        # Object of a verb with no entity label: "retook Palmyra", "hit Khan Younis" (the model's blind
        # spot; a sizeable town's other spellings count: Khan Younis for Khān Yūnis).
        root = span.root
        if (max(c.entry.population for c in names) >= TOWN_TAKEN_POP and not sent_start and len(span) <= 3
                and all(t.ent_type_ in ("", "PERSON", *TITLE_LABELS) for t in span)
                and (root.dep_ in ("dobj", "pobj") or _parsed_as_adverb(root))):
            return "name"
        if (locative or nxt in PLACE_BODIES or _taken_by_force(span)) and e.population >= TOWN_POP:
            return "name"  # "in Innisfail"; "Winnipeg police said", "Glasgow Police do not suspect"; "shelled Gwoza"
        if e.population >= TOWN_POP and self._names_site(span):
            return "name"
        if self.names.comma_pair(span) is not None:
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
