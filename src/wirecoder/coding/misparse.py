"""Parser misreadings that the coder repairs. The small English model sometimes reads a sentence's main
verb as a participle describing a noun (or a participle modifying a noun as a finite verb), a trailing "a
charge X denies" as an apposition, a subject or an object as belonging to the wrong participle, and "women
held hostage" as a clause; each function here tells one such reading apart and returns what the sentence
really says."""

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
    # intervene" is no presidency that was called on; nor is a noun a subject beside the one a closing verb
    # of saying has after it: "Lebanese troops deployed in several villages ..., the army said")
    governor = verb.head.head
    if (verb.head.dep_ in ("nsubj", "ccomp") and verb.doc[verb.i - 1].text != ","
            and any(c.dep_ == "nsubj" and c.i > verb.i for c in governor.children)):
        return True
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


# Nouns for what was alleged, which a party then denies or rejects: "..., a charge Kigali denies".
CLAIM_NOUNS = frozenset({"charge", "claim", "allegation", "accusation", "assertion"})


def claim_read_as_apposition(verb: Token) -> Token | None:
    """Who answers a claim, where the parser hung the claim and its answerer on the object before the verb:
    in "accused the UAE of arming the RSF, a charge Abu Dhabi has denied" the small model makes "a charge
    Abu Dhabi" an apposition of the RSF and leaves "denied" without a subject. The last name between the
    claim noun and the verb answers it."""
    comma = next((t.i for t in reversed(verb.doc[verb.sent.start:verb.i]) if t.text == ","), None)
    if comma is None or verb.i - comma < 3:
        return None
    words = verb.doc[comma + 1:verb.i]
    if words[0].lower_ not in ("a", "an", "the") or words[1].lemma_.lower() not in CLAIM_NOUNS:
        return None
    return next((t for t in reversed(words[2:]) if t.pos_ in ("PROPN", "NOUN", "PRON")), None)


# Participles that, before a plural noun, say what kind of force or group it is.
KIND_PARTICIPLES = frozenset({"allied", "armed", "affiliated", "aligned", "associated", "linked"})


def modifier_read_as_verb(verb: Token) -> bool:
    """Whether the parser took a participle modifying the noun after it for a finite verb: in "a camp in
    the northern occupied West Bank" the small model makes "occupied" a verb with the West Bank its object.
    A finite verb has no article before it: one reached from the verb over adjectives alone heads a noun
    phrase the verb sits in."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                              for c in verb.children):
        return False
    # (so is one of the participles that name a kind of force, between "and" and its plural noun: "clashed
    # with Congolese troops and allied militias")
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (verb.lower_ in KIND_PARTICIPLES and verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("and", "or", ",")
            and nxt is not None and nxt.dep_ == "dobj" and nxt.head.i == verb.i and nxt.tag_ == "NNS"):
        return True
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].tag_ in ("JJ", "JJR", "JJS", "RB"):
        i -= 1
    return i < verb.i - 1 and i >= verb.sent.start and verb.doc[i].lower_ in ("the", "a", "an")


def verb_read_as_object_participle(verb: Token) -> Token | None:
    """The subject of a main verb the parser took for a participle on the object of a participle: in "Kenyan
    police leading a security mission clashed with gangs" the small model makes "leading" the clause's verb
    and "clashed" describe the mission. A participle with a subject but no auxiliary is no finite verb, so
    the clause's verb is the past form after it, and the participle's subject is that verb's."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "agent" for c in verb.children):
        return None
    lead = verb.head.head
    if verb.head.dep_ != "dobj" or lead.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in lead.children):
        return None
    return next((c for c in lead.children if c.dep_ == "nsubj" and c.i < lead.i), None)


def object_read_as_participle_subject(verb: Token) -> Token | None:
    """The object of a verb the parser made the subject of a participle after it: in "killed at least eight
    people sheltering there" the small model reads "people sheltering there" as a clause of its own on
    "killed", which is left without an object. A noun right after a verb that has no object, followed by
    its "-ing" participle, is that verb's object."""
    if any(c.dep_ in ("dobj", "attr", "oprd") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i:
            subject = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
            if (subject is not None and subject.left_edge.i == verb.i + 1 and subject.right_edge.i == c.i - 1
                    and subject.pos_ in ("NOUN", "PROPN")):
                return subject
    return None


def object_read_as_speaker(verb: Token) -> tuple[Token, Token] | None:
    """(object, speaker) where the parser made the last object before a closing verb of saying that verb's
    subject, and the real speaker the object's apposition: in "..., killing at least 40 people, a spokesman
    for the Arakan Army said" the people are killed and the spokesman speaks. The object follows a verb that
    has none of its own; the apposition runs up to the verb of saying."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0:
        return None
    speaker = next((c for c in subject.children if c.dep_ == "appos" and c.right_edge.i + 1 == verb.i), None)
    before = verb.doc[subject.left_edge.i - 1]
    if speaker is None or before.pos_ != "VERB" or any(c.dep_ in ("dobj", "attr") for c in before.children):
        return None
    return subject, speaker


def object_taken_by_speaker(verb: Token) -> Token | None:
    """The object object_read_as_speaker finds for the verb right before it, or None."""
    nxt = verb.right_edge.i + 1
    if nxt >= len(verb.doc):
        return None
    noun = verb.doc[nxt]  # up from the word after the verb to the subject whose phrase starts there
    while noun.dep_ != "nsubj" and noun.head.i != noun.i and noun.head.left_edge.i == nxt:
        noun = noun.head
    found = object_read_as_speaker(noun.head) if noun.dep_ == "nsubj" and noun.left_edge.i == nxt else None
    return found[0] if found is not None and found[0].i == noun.i else None


# Bare nouns of captivity a verb takes to say in what state it keeps someone: "held hostage", "kept captive".
CAPTIVITY_NOUNS = frozenset({"hostage", "captive", "prisoner"})


def captives_read_as_subject(verb: Token) -> Token | None:
    """The people a verb acts on, where the parser made them the subject of a clause of captivity after it:
    in "Hamas handed over three Israeli women held hostage in Gaza" the small model reads "women held
    hostage" as a clause ("the women held a hostage"), leaving "handed over" without an object. A bare
    captivity noun (no article) says the clause is a participle on the people."""
    if verb.dep_ not in ("ccomp", "conj") or verb.tag_ not in ("VBN", "VBD"):
        return None
    state = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if (state is None or state.lemma_.lower() not in CAPTIVITY_NOUNS or state.tag_ != "NN" or list(state.children)
            or subject is None or subject.right_edge.i + 1 != verb.i):
        return None
    governor = verb.head
    # the people follow the governing verb (and its particle) straight away: "handed over three women"
    particle = max((c.i for c in governor.children if c.dep_ == "prt"), default=governor.i)
    if subject.left_edge.i != particle + 1 or any(c.dep_ == "dobj" for c in governor.children):
        return None
    return subject


def captives_of(verb: Token) -> tuple[Token, Token] | None:
    """(the people, the captivity noun) of a clause of captivity misread under verb (captives_read_as_subject)."""
    for c in verb.children:
        if (captives := captives_read_as_subject(c)) is not None:
            return captives, next(g for g in c.children if g.dep_ == "dobj")
    return None


def relative_read_as_object(verb: Token) -> Token | None:
    """The subject of a relative clause the parser hung on an "-ing" noun as its object: in ", a killing the
    opposition blamed on the security forces" the small model reads "killing" as a verb with "the opposition"
    its object and "blamed" a participle on them. A gerund behind an article is a noun, so the noun after it
    is the subject of the past-tense verb that follows."""
    noun = verb.head
    gerund = noun.head
    if (verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or noun.dep_ != "dobj" or gerund.tag_ != "VBG"
            or any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") and c.i < gerund.i for c in gerund.children):
        return None
    return noun if noun.right_edge.i + 1 == verb.i or noun.i + 1 == verb.i else None
