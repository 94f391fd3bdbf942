"""Mentions of two (or three, four) parties at once: "both countries", "the two governments", "the two
sides", "the three juntas".

Such a phrase stands for a pair the article named together: in an apposition ("Both countries bordering
the conflict, Egypt and Chad, have called…") or, failing one, in the nearest earlier sentence that names two
as acting together or as the two between whom something is ("Colombia and Venezuela agreed… The two leaders
signed…"). Only a pair named as such is taken; two states merely mentioned near each other are not assumed
to be the pair.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Plural nouns for two states, and for their governments or leaders (whose sector is GOV).
STATE_NOUNS = frozenset({"country", "nation", "state"})
STATE_PAIR_NOUNS = STATE_NOUNS | {"neighbour", "neighbor"}
GOVERNMENT_PAIR_NOUNS = frozenset({"government", "leader", "president", "capital", "administration", "junta",
                                   "regime"})
# The words that count the parties: "both" and "two" a pair, "three" and "four" more.
COUNT_WORDS = {"two": 2, "three": 3, "four": 4}
# Nouns for two sides of anything (states, armies, armed groups, persons), or two in one role towards each
# other or a third: "the two mediators", "the two allies".
SIDE_PAIR_NOUNS = frozenset({"side", "mediator", "ally", "rival", "partner", "adversary", "foe", "enemy"})
# How far back a pair named before is looked for, in sentences.
LOOKBACK_SENTENCES = 6
_NAME_TYPES = frozenset({"GPE", "NORP"})


def pair_kind(span: Span) -> str | None:
    """ "state", "government" or "side" for a phrase naming two (three, four) of them, else None."""
    root = span.root
    if root.tag_ != "NNS":
        return None
    lemma = root.lemma_.lower()
    if lemma in STATE_PAIR_NOUNS:
        kind = "state"
    elif lemma in GOVERNMENT_PAIR_NOUNS:
        kind = "government"
    elif lemma in SIDE_PAIR_NOUNS:
        kind = "side"
    else:
        return None
    # a named owner or a nationality makes it some other pair: "the two Korean states", "Sudan's two sides"
    owned = any(c.dep_ in ("poss", "compound", "amod", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
                for c in root.children)
    return kind if pair_size(span) and not owned else None


def pair_size(span: Span) -> int | None:
    """How many parties a "both"/"the two"/"the three" phrase counts, or None."""
    for c in span.root.children:
        if c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both":
            return 2
        if c.dep_ == "nummod" and c.lower_ in COUNT_WORDS:
            return COUNT_WORDS[c.lower_]
    return None


def pair_members(span: Span, apposition: Span | None) -> list[Token] | None:
    """The name tokens the pair phrase stands for, or None when the article named no such pair."""
    kind = pair_kind(span)
    if kind is None:
        return None
    size = pair_size(span) or 2
    if apposition is not None:
        return _pair_at(apposition.root, size)
    doc = span.doc
    root = span.root
    # an apposition the parser hung elsewhere in the phrase: "Both countries bordering the conflict, Egypt
    # and Chad, have called…" (the names read as more of what they border)
    set_off = next((t for t in root.subtree if t.i > root.i and t.text == ","), None)
    if set_off is not None:
        found = [p for t in root.subtree if t.i > set_off.i and (p := _pair_at(t, size)) is not None]
        if found:
            return found[0]
    # (not the sentence's own, which is as often the pair who speak of the two: "the United States and
    # Britain said both sides should return to the dialogue")
    sent = root.sent
    sentences = [s for s in doc.sents if s.end <= sent.start][-LOOKBACK_SENTENCES:]
    for s in sentences[::-1]:
        pairs = [p for t in s if (p := _pair_at(t, size)) is not None and _acting_pair(p[0])]
        if pairs:
            return pairs[-1]
    return None


def _acting_pair(first: Token) -> bool:
    """Whether a pair is named as the two who act ("Colombia and Venezuela agreed") or between whom something
    is ("talks between Belgrade and Pristina"); a pair someone acts on ("asked Brazil and the United States
    to follow the situation") is more often a third party to the two the article goes on about."""
    # ("The military governments of Niger, Mali and Burkina Faso announced…": the subject's own "of" list)
    return first.dep_ in ("nsubj", "nsubjpass") or (first.dep_ == "pobj" and (
        first.head.lower_ == "between"
        or (first.head.lower_ == "of" and first.head.head.dep_ in ("nsubj", "nsubjpass"))))


def _pair_at(tok: Token, size: int = 2) -> list[Token] | None:
    """tok and its conjuncts, where there are size of them and all are names ("Egypt and Chad", "Indian and
    Chinese", "Niger, Mali and Burkina Faso"); a list of another length is not the one counted."""
    if not _name(tok) or (tok.dep_ == "conj" and _name(tok.head)):
        return None
    later = [c for c in tok.conjuncts if c.i > tok.i]
    if len(later) != size - 1 or not all(_name(c) for c in later):
        return None
    return [tok, *later]


def _name(tok: Token) -> bool:
    """A proper name, or a nationality ("Indian"); the small model tags a state named first in a pair as an
    organisation, a person or nothing as often as not ("Armenia and Azerbaijan"), so the caller checks what
    each resolves to."""
    return tok.pos_ == "PROPN" or (tok.ent_type_ in _NAME_TYPES and tok.pos_ in ("ADJ", "NOUN"))
