"""Parser misreadings that the coder repairs: the small English model sometimes reads a sentence's main
verb as a participle describing its subject."""

from __future__ import annotations

from spacy.tokens import Token


def misread_main_verb(verb: Token) -> bool:
    """Whether the parser took a sentence's main verb for a participle on its subject: in "A drone strike
    killed at least 20 civilians" the small model reads "killed" as describing the strike ("a strike [that
    was] killed"), yet a passive participle takes no direct object, and the noun heads the sentence or what
    a speaker said."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")
            and verb.head.dep_ in ("ROOT", "dep", "ccomp", "nsubj") and any(c.dep_ == "dobj" for c in verb.children))
