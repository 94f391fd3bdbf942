"""Parser misreadings that the coder repairs: the small English model sometimes reads a sentence's main
verb as a participle describing its subject."""

from __future__ import annotations

from spacy.tokens import Token


def misread_main_verb(verb: Token) -> bool:
    """Whether the parser took a sentence's main verb for a participle on its subject: in "A drone strike
    killed at least 20 civilians" the small model reads "killed" as describing the strike ("a strike [that
    was] killed"), yet a passive participle takes no direct object, and the noun heads the sentence or what
    a speaker said."""
    if not (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")
            and verb.head.dep_ in ("ROOT", "dep", "ccomp", "nsubj")):
        return False
    # (nor does one take the "on" or "for" of an appeal: "The presidency called on the United States to
    # intervene" is no presidency that was called on)
    return any(c.dep_ == "dobj" for c in verb.children) or (
        verb.lemma_.lower() in APPEAL_VERBS and any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon", "for")
            and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
            for c in verb.children))


# Verbs whose "on"/"for" names whom or what they appeal to: "called on", "appealed for".
APPEAL_VERBS = frozenset({"call", "appeal"})


def misread_participle(verb: Token) -> Token | None:
    """The real main verb where the parser took a participle on the subject for the main verb: in
    "Protesters detained on Monday were released on Wednesday" the small model makes "detained" the
    protesters' verb and hangs "were released" on it as a subjectless clause. A past form with no object,
    right after its subject, whose passive clause has no subject of its own, describes that subject."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.right_edge.i + 1 != verb.i:
        return None
    return next((c for c in verb.children
                 if c.dep_ in ("ccomp", "conj") and c.i > verb.i and c.tag_ == "VBN"
                 and any(g.dep_ == "auxpass" for g in c.children)
                 and not any(g.dep_ in ("nsubj", "nsubjpass", "cc") for g in c.children)
                 and not any(g.dep_ == "cc" and verb.i < g.i < c.i for g in verb.children)), None)
