"""What the words around a name say about it, before any gazetteer is asked: titles and personal names
("President Buhari", "Georgia Stevens"), the article's acronyms ("BA" for British Airways), datelines
("BEIRUT —") and where a capitalised name ends. Pure functions over a parsed document.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


_LOWER_COMPASS = re.compile(r"^(north|south|east|west|central|mid)(ern)?$|^(north|south)-?(east|west)(ern)?$")


def is_compass_word(text: str) -> bool:
    """"north", "eastern", "south-west": a word that says which part of a place."""
    return bool(_LOWER_COMPASS.match(text.lower()))


def trim_name(span: Span) -> Span | None:
    """Drop a leading "the", leading lower-case compass words ("north west London" -> "London": where in
    it is the event location's business) and trailing lower-case words ("Latakia province" -> "Latakia")."""
    start, end = span.start, span.end
    doc = span.doc
    while start + 1 < end and (doc[start].lower_ in ("the", "'s", "’s")
                               or (doc[start].is_lower and is_compass_word(doc[start].text))):
        start += 1
    while end > start and (doc[end - 1].is_lower or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1  # a headline's name may take the blank line after it along
    if end <= start:
        return None
    return doc[start:end]


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "president", "minister", "general", "gen", "pope",
                     "king", "queen", "prince", "princess", "sheikh", "imam", "cardinal", "bishop"})


def doc_title(tok: Token) -> bool:
    """Preceded by a title ("Mr. Palmer"), so a person after all."""
    prev = tok.doc[tok.i - 1].lower_.rstrip(".") if tok.i > 0 else ""
    return prev in _TITLES


def _full_names(doc: Doc) -> list[Span]:
    """The model's multi-word PERSON entities that end in a capitalised word: "Georgia Stevens", not the
    stray "Cornwall Fire and" of "Cornwall Fire and Rescue Service"; with a family name the model left
    out."""
    names = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        # the model may stop a given-name pair short of its family name ("[Maria Corina] Machado"): a
        # capitalised proper noun straight after, in no entity of its own, is still the name
        if (len(ent) >= 2 and all(t.is_title and t.is_alpha for t in ent) and end < len(doc)
                and doc[end].ent_iob_ == "O" and doc[end].pos_ == "PROPN" and doc[end].is_title
                and doc[end].is_alpha and doc[end - 1].whitespace_):
            end += 1
        if end - ent.start >= 2 and doc[end - 1].text[:1].isupper():
            names.append(doc[ent.start:end])
    return names


def given_names(doc: Doc) -> frozenset[str]:
    """First words of the article's multi-word personal names ("Georgia" of "Georgia Stevens")."""
    names = set()
    for ent in _full_names(doc):
        first = ent[0]
        if first.is_title and first.is_alpha and not doc_title(first) and first.lower_ not in _TITLES:
            names.add(first.text)
    return frozenset(names)


def listed_given_names(doc: Doc) -> frozenset[int]:
    """Token positions of given names listed before a full name they share a family name with: Helen,
    Clarence and Irene of "the deaths of Helen, Clarence, Irene and Randy Kunz"."""
    out: set[int] = set()
    for ent in _full_names(doc):
        listed: list[int] = []
        k = ent.start - 2
        if k < 0 or doc[k + 1].lower_ != "and":
            continue
        while k >= 0 and doc[k].is_title and doc[k].is_alpha:
            listed.append(k)
            if k < 2 or doc[k - 1].text != ",":
                break
            k -= 2
        # One name and "and" is as likely two places ("Devon and Cornwall police") as two people.
        if len(listed) >= 2:
            out.update(listed)
    return frozenset(out)


def name_end(doc: Doc, start: int) -> int:
    """End of the capitalised name that starts at start ("Ontario", "New South Wales")."""
    end = start
    while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text == "."):
        end += 1
    return end


ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "de"})


def acronyms(doc: Doc, is_place: Callable[[str], bool]) -> frozenset[str]:
    """Initials of the article's multi-word names that are not places ("British Airways" -> "BA",
    "Ministry of Defence" -> "MD" and "MOD"; not "European Union"), computed once per document."""
    cached = doc.user_data.get("wirecoder_acronyms")
    if cached is None:
        found = set()
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS or len(ent) < 2 or is_place((trim_name(ent) or ent).text):
                continue
            words = [t.text for t in ent if t.is_alpha and t.lower_ not in ("the",)]
            initials = "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIP).upper()
            if len(initials) >= 2:
                found.add(initials)
                found.add("".join(w[0] for w in words).upper())  # "MOD" keeps the "of"
        cached = doc.user_data["wirecoder_acronyms"] = frozenset(found)
    return cached


# Verbs whose subject is located, not acting ("Aleppo lies", "Homs is"): their subjects stay places.
STATIVE_VERBS = frozenset({"be", "lie", "border", "sit", "remain", "stand", "become", "include", "host",
                           "have", "see", "suffer", "experience", "witness", "face", "receive"})

DATELINE_MARKS = frozenset({"—", "–", "-", "--", ",", "("})


def is_dateline(span: Span) -> bool:
    """A news dateline: the place in capitals that opens a story or paragraph ("BEIRUT —",
    "RUSSELLVILLE, Ark. (AP)")."""
    doc = span.doc
    if not span.text.isupper() or len(span.text) < 3 or span.end >= len(doc):
        return False
    before = doc[span.start - 1].text if span.start else "\n"
    opens = span.start == 0 or "\n" in before or before in (".", "(", ")") or doc[span.start].is_sent_start
    nxt = doc[span.end]
    # "WASHINGTON Christopher Steele, who ...": some sites drop the dash after the story's first word
    unmarked = span.start == 0 and nxt.is_title and len(nxt.text) > 1
    return opens and (nxt.text.strip() in DATELINE_MARKS or unmarked)


def personal_name_words(doc: Doc) -> frozenset[str]:
    """First and last words of the article's multi-word personal names ("Georgia" and "Cairns" of
    "Georgia Cairns"): the article uses them for a person, so they alone do not make a place."""
    return frozenset(t.text for ent in _full_names(doc) for t in (ent[0], ent[-1]))


def titled_names(doc: Doc) -> frozenset[str]:
    """Names the article writes after a title ("President Buhari", "Pope Tawadros")."""
    return frozenset(t.text for t in doc if t.is_title and t.i and doc_title(t))


def lone_person_names(doc: Doc, titled: frozenset[str]) -> frozenset[str]:
    """One-word names the article uses for a person: labelled so, or after a title (titled_names)."""
    return frozenset({ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) == 1}) | titled


KIN_NOUNS = frozenset({
    "wife", "husband", "son", "sons", "daughter", "daughters", "mother", "father", "brother", "brothers",
    "sister", "sisters", "child", "children", "grandson", "granddaughter", "grandchildren", "widow",
    "widower", "partner", "fiancee", "fiancée", "fiance", "fiancé", "girlfriend", "boyfriend", "niece",
    "nephew", "cousin", "stepson", "stepdaughter", "twins", "baby",
})


def kin_named(span: Span) -> bool:
    """Named as somebody's relative: "his wife, Tonya", "daughters, Malia and Sasha", "son Leo"."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and span.start - k <= 8:
        tok = doc[k]
        if tok.lower_ in KIN_NOUNS:
            return True
        if not (tok.text == "," or tok.lower_ == "and" or (tok.text[:1].isupper() and tok.is_alpha)):
            return False
        k -= 1
    return False


SPEECH_VERBS = frozenset({"say", "tell", "add", "explain", "recall", "write", "insist", "claim", "recount", "tweet"})


def speaks(span: Span) -> bool:
    """The subject of a verb of saying ("Noma said", "said Noma"): a person, outlet or government."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS


DISEASE_HEADS = frozenset({"virus", "fever", "disease", "flu", "strain", "ebolavirus", "syndrome", "vaccine",
                           "hemorrhagic", "haemorrhagic", "encephalitis"})


def disease_names(doc: Doc) -> frozenset[str]:
    """Names the article uses for a disease or its agent ("Marburg" of "Marburg hemorrhagic fever",
    "West Nile" and "Nile" of "West Nile virus"), computed once per document."""
    cached = doc.user_data.get("wirecoder_diseases")
    if cached is None:
        found = set()
        for tok in doc:
            if tok.lower_ not in DISEASE_HEADS or tok.i == 0 or not doc[tok.i - 1].text[:1].isupper():
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "season":
                continue  # "the United States flu season": the country's season, no disease's name
            start = tok.i - 1
            while start > 0 and tok.i - start < 3 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
                start -= 1
            # Every tail of the name too: "Nile" alone is still the virus of "West Nile virus".
            found.update(doc[k:tok.i].text for k in range(start, tok.i))
        cached = doc.user_data["wirecoder_diseases"] = frozenset(found)
    return cached


_PERSON_TITLES = _TITLES | frozenset({
    "miss", "marshal", "sheriff", "judge", "senator", "sen", "rep", "chief", "sgt", "capt", "col", "lt",
    "prof", "rev", "mayor", "governor", "gov", "officer",
})
# Last words that make a name a place or building whatever the model called the whole ("Trump Tower").
_PLACE_KIND_WORDS = frozenset({
    "street", "avenue", "road", "lane", "square", "park", "bridge", "tower", "canal", "hospital", "airport",
    "station", "stadium", "camp", "base", "prison", "market", "mosque", "church", "beach", "river", "lake",
})
_CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
})


def unlike_place_name(span: Span, people: frozenset[str]) -> bool:
    """A name no gazetteer knows that does not read as a place either: a person's ("Ms Raggi", "Helen
    Kunz" where the article has "Kunz"), a date ("Holy Saturday"), a code ("H1N1", "F.B.I."), a
    disease or its agent ("Meningitis", "Ebolavirus") or several names run together across a comma."""
    words = [t for t in span if not t.is_punct]
    if not words or any(t.text == "," for t in span):
        return True
    if words[-1].text in people and words[-1].lower_ not in _PLACE_KIND_WORDS:
        return True  # "Helen Kunz" where the article writes "Kunz said"; "Marigny Canal" is no person
    for t in words:
        low = t.lower_.rstrip(".")
        if low in _PERSON_TITLES or low in _CALENDAR:
            return True
        has_digit = any(c.isdigit() for c in t.text)
        if (has_digit and any(c.isalpha() for c in t.text)) or any(c in "*+@#/" for c in t.text):
            return True
    if len(words) == 1:
        text = span.text
        letters = text.replace(".", "")
        if letters.isupper() and len(letters) <= 5:
            return True
        if text.lower().endswith(("virus", "itis", "osis", "aemia", "emia")):
            return True  # "Ebolavirus", "Meningitis", "Tuberculosis": diseases, not places
    return False


BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "crossing"})


def across_border(tok: Token) -> bool:
    """Whether tok is the neighbour named across a border ("toward the border with Niger", "on its frontier
    with Chad"), also where the parser hangs "with Mali" on the verb beside "towards the border"."""
    prep = tok.head
    holder = prep.head
    return (tok.dep_ == "pobj" and prep.lower_ == "with"
            and (holder.lemma_.lower() in BORDER_NOUNS
                 # "its main border post with Mozambique"
                 or any(c.dep_ == "compound" and c.lemma_.lower() in BORDER_NOUNS for c in holder.children)
                 or (prep.i > 0 and tok.doc[prep.i - 1].lemma_.lower() in BORDER_NOUNS)))


SCENE_PREPS = frozenset({"in", "inside", "across", "throughout"})


def first_conjunct(tok: Token) -> Token:
    """The first member of the list tok belongs to ("Turkey and Russia", "in Aitaroun and Bint Jbeil"), or
    tok itself."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def object_of(tok: Token, preps: frozenset[str]) -> bool:
    """Whether tok, or the first member of its list, is the object of one of the prepositions preps."""
    first = first_conjunct(tok)
    return first.dep_ == "pobj" and first.head.lower_ in preps


def sets_scene(span: Span) -> bool:
    """Whether a place's name sets the scene rather than naming an actor: the object of "in" ("In Somalia,
    federal troops clashed..."), also as a later conjunct ("In Somalia and Kenya" sets both). A country
    that speaks or acts ("Israel struck...") sets none."""
    return object_of(span.root, SCENE_PREPS)
