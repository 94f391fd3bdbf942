"""What the words around a name say about it, before any gazetteer is asked: titles and personal names
("President Buhari", "Georgia Stevens"), the article's acronyms ("BA" for British Airways), datelines
("BEIRUT —") and where a capitalised name ends. Pure functions over a parsed document.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def trim_name(span: Span) -> Span | None:
    """Drop a leading "the" and trailing lower-case words ("Latakia province" -> "Latakia")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "'s", "’s") and start + 1 < end:
        start += 1
    while end > start and (doc[end - 1].is_lower or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "president", "minister", "general", "gen"})


def doc_title(tok: Token) -> bool:
    """Preceded by a title ("Mr. Palmer"), so a person after all."""
    prev = tok.doc[tok.i - 1].lower_.rstrip(".") if tok.i > 0 else ""
    return prev in _TITLES


def given_names(doc: Doc) -> frozenset[str]:
    """First words of the article's multi-word personal names ("Georgia" of "Georgia Stevens")."""
    names = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            first = ent[0]
            if first.is_title and first.is_alpha and not doc_title(first) and first.lower_ not in _TITLES:
                names.add(first.text)
    return frozenset(names)


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


DATELINE_MARKS = frozenset({"—", "–", "-", "--", ",", "("})


def is_dateline(span: Span) -> bool:
    """A news dateline: the place in capitals that opens a story or paragraph ("BEIRUT —",
    "RUSSELLVILLE, Ark. (AP)")."""
    doc = span.doc
    if not span.text.isupper() or len(span.text) < 3 or span.end >= len(doc):
        return False
    before = doc[span.start - 1].text if span.start else "\n"
    opens = span.start == 0 or "\n" in before or before in (".", "(", ")") or doc[span.start].is_sent_start
    return opens and doc[span.end].text.strip() in DATELINE_MARKS


def personal_name_words(doc: Doc) -> frozenset[str]:
    """First and last words of the article's multi-word personal names ("Georgia" and "Cairns" of
    "Georgia Cairns"): the article uses them for a person, so they alone do not make a place."""
    return frozenset(t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
                     for t in (ent[0], ent[-1]))


def lone_person_names(doc: Doc) -> frozenset[str]:
    """One-word names the article uses for a person: labelled so, or after a title ("President Buhari")."""
    names = {ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) == 1}
    names.update(t.text for t in doc if t.is_title and t.i and doc_title(t))
    return frozenset(names)
