"""Mentions of two parties at once: "both countries", "the two governments", "the two sides".

Such a phrase stands for a pair the article named together: in an apposition ("Both countries bordering
the conflict, Egypt and Chad, have called…") or, failing one, in the nearest earlier sentence that names two
as acting together or as the two between whom something is ("Colombia and Venezuela agreed… The two leaders
signed…"). Only a pair named as such is taken; two states merely mentioned near each other are not assumed
to be the pair.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Plural nouns for two states, and for their governments or leaders (whose sector is GOV).
STATE_PAIR_NOUNS = frozenset({"country", "nation", "state", "neighbour", "neighbor"})
GOVERNMENT_PAIR_NOUNS = frozenset({"government", "leader", "president", "capital", "administration"})
# Nouns for two sides of anything (states, armies, armed groups, persons), or two in one role towards each
# other or a third: "the two mediators", "the two allies".
SIDE_PAIR_NOUNS = frozenset({"side", "mediator", "ally", "rival", "partner", "adversary", "foe", "enemy"})
# How far back a pair named before is looked for, in sentences.
LOOKBACK_SENTENCES = 6
_NAME_TYPES = frozenset({"GPE", "NORP"})


def pair_kind(span: Span) -> str | None:
    """ "state", "government" or "side" for a phrase naming two of them, else None."""
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
    counted = any((c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both")
                  or (c.dep_ == "nummod" and c.lower_ == "two") for c in root.children)
    # a named owner or a nationality makes it some other pair: "the two Korean states", "Sudan's two sides"
    owned = any(c.dep_ in ("poss", "compound", "amod", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
                for c in root.children)
    return kind if counted and not owned else None


def pair_members(span: Span, apposition: Span | None) -> list[Token] | None:
    """The two name tokens the pair phrase stands for, or None when the article named no such pair."""
    kind = pair_kind(span)
    if kind is None:
        return None
    if apposition is not None:
        return _pair_at(apposition.root)
    doc = span.doc
    root = span.root
    # an apposition the parser hung elsewhere in the phrase: "Both countries bordering the conflict, Egypt
    # and Chad, have called…" (the names read as more of what they border)
    set_off = next((t for t in root.subtree if t.i > root.i and t.text == ","), None)
    if set_off is not None:
        found = [p for t in root.subtree if t.i > set_off.i and (p := _pair_at(t)) is not None]
        if found:
            return found[0]
    # (not the sentence's own, which is as often the pair who speak of the two: "the United States and
    # Britain said both sides should return to the dialogue")
    sent = root.sent
    sentences = [s for s in doc.sents if s.end <= sent.start][-LOOKBACK_SENTENCES:]
    for s in sentences[::-1]:
        pairs = [p for t in s if (p := _pair_at(t)) is not None and _acting_pair(p[0])]
        if pairs:
            return pairs[-1]
    return None


def _acting_pair(first: Token) -> bool:
    """Whether a pair is named as the two who act ("Colombia and Venezuela agreed") or between whom something
    is ("talks between Belgrade and Pristina"); a pair someone acts on ("asked Brazil and the United States
    to follow the situation") is more often a third party to the two the article goes on about."""
    return first.dep_ in ("nsubj", "nsubjpass") or (first.dep_ == "pobj" and first.head.lower_ == "between")


def _pair_at(tok: Token) -> list[Token] | None:
    """tok and its one conjunct, where both are names ("Egypt and Chad", "Indian and Chinese"); a list of
    three or more is no pair."""
    if not _name(tok) or (tok.dep_ == "conj" and _name(tok.head)):
        return None
    later = [c for c in tok.conjuncts if c.i > tok.i]
    if len(later) != 1 or not _name(later[0]):
        return None
    return [tok, later[0]]


def _name(tok: Token) -> bool:
    """A proper name, or a nationality ("Indian"); the small model tags a state named first in a pair as an
    organisation, a person or nothing as often as not ("Armenia and Azerbaijan"), so the caller checks what
    each resolves to."""
    return tok.pos_ == "PROPN" or (tok.ent_type_ in _NAME_TYPES and tok.pos_ in ("ADJ", "NOUN"))
