"""Modality of an event clause and the speaker it is attributed to.

Works on the dependency parse around the event's anchor token (the trigger verb, the support verb of a
nominal trigger, or the nominal itself): auxiliaries and negation on the anchor, the verbs governing it
("plans to", "denied", "said that"), conditional markers, and "according to" phrases.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.coding.clause_forms import to_infinitive
from wirecoder.coding.dateline_subject import undateline
from wirecoder.coding.misparse import (
    CLAIM_NOUNS,
    claim_read_as_apposition,
    misread_main_verb,
    object_read_as_speaker,
)

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "'d", "can", "ought"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Verbs that, governing an event clause, make it an intention or plan rather than an act.
FUTURE_GOVERNORS = frozenset({
    "plan", "intend", "prepare", "expect", "schedule", "set", "due", "mean", "go", "poise", "gear",
})
HYPOTHETICAL_GOVERNORS = frozenset({
    "want", "hope", "seek", "try", "consider", "aim", "contemplate", "weigh", "wish", "propose", "suggest", "fear",
    "risk", "attempt", "hesitate", "discuss", "debate", "push", "ask", "study", "explore", "doubt",
    "predict", "speculate", "imagine", "afford", "need", "believe", "think", "suspect",
    "give",  # "gave the junta until Sunday to step down": an ultimatum, not a resignation
})
NEGATING_GOVERNORS = frozenset({"deny", "fail", "refrain", "stop", "cease", "avoid", "decline", "dismiss", "rule",
                                "unable"})
# What is banned or prevented does not happen, when it is the object or the "from" clause ("banned carriers from
# flying to Haiti", "banned protests"), not a participle adding what the doers did ("blocked roads, demanding").
PREVENTING_GOVERNORS = frozenset({"ban", "bar", "prevent", "prohibit", "forbid", "block", "deter", "preclude"})
REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly"})
DEFAULT_SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "state", "add", "report", "claim", "confirm", "note", "insist", "write",
    "tweet", "declare", "allege", "assert", "explain", "quote", "reiterate", "stress", "argue", "maintain",
    "acknowledge", "disclose", "reveal", "indicate", "estimate", "warn", "conclude", "recommend", "find",
})
# Nouns for something said, whose "that" clause is what was said.
STATEMENT_NOUNS = frozenset({"statement", "claim", "announcement", "communique", "message", "post", "video",
                             "report", "assertion", "declaration"})
# Links through which a governing clause's modality reaches down; relative clauses and participial
# modifiers describe their noun and keep their own.
TIME_PREPS = frozenset({"after", "before", "during", "since", "until", "amid", "despite", "following"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp", "acomp", "dobj", "prep", "pobj"})


@dataclass
class ModalityResult:
    modality: str  # asserted | reported | future | hypothetical | negated (historical is decided by dates)
    speaker: Token | None = None  # head token of who said so
    speech_verb: Token | None = None
    cue: str | None = None


def _aux_lemmas(tok: Token) -> set[str]:
    return {c.lower_ if c.lower_ in FUTURE_AUX else c.lemma_.lower() for c in tok.children
            if c.dep_ in ("aux", "auxpass")}


def answers_a_claim(verb: Token) -> bool:
    """"..., a charge Kabul denies": the claim a verb answers stands just before it, as its object or as (or
    inside) its subject, so a clause the parser hangs on the verb ("Pakistan has accused Afghanistan of ...")
    is the claim's, not the verb's content."""
    if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and verb.i - 4 < c.i < verb.i and (
            c.lemma_.lower() in CLAIM_NOUNS or any(g.dep_ in ("compound", "amod", "det")
                                                   and g.lemma_.lower() in CLAIM_NOUNS for g in c.children))
            for c in verb.children):
        return True
    return claim_read_as_apposition(verb) is not None


DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "dispute"})


def denies_a_claim(verb: Token) -> bool:
    """Whether a verb is the trailing denial of a charge: "..., a charge Kigali denies"."""
    return verb.lemma_.lower() in DENIAL_VERBS and answers_a_claim(verb)


def _denied_claim(gov: Token, below_dep: str) -> bool:
    """Whether gov is the trailing denial of a charge the parser made the sentence's head, the clause below
    it coming first."""
    return below_dep == "ccomp" and denies_a_claim(gov)


def _asks_about(clause: Token) -> bool:
    """Whether a clause is an indirect question: "why it had released them", "whether troops would stay",
    "which country had carried out the strikes"."""
    first = clause.left_edge
    return first.tag_ in ("WDT", "WP", "WP$", "WRB") or any(
        (c.dep_ == "advmod" and c.lower_ in ("why", "how", "when", "where"))
        or (c.dep_ == "mark" and c.lower_ in ("whether", "if")) for c in clause.children)


def _has_neg(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            return True
        if c.dep_ == "advmod" and c.lower_ in ("never",):
            return True
    return False


def _has_conditional_clause(local: tuple[Token, ...]) -> str | None:
    """'will withdraw unless…', 'will strike if…': a conditional clause attached to the event's clause."""
    for t in local:
        for c in t.children:
            if c.dep_ == "advcl":
                mark = next((g.lower_ for g in c.children if g.dep_ == "mark" and g.lower_ in CONDITIONAL_MARKS), None)
                if mark:
                    return mark
    return None


def _governors(anchor: Token, sent: Span, limit: int = 6) -> list[Token]:
    """The chain of tokens above anchor through clausal links, nearest first."""
    out = []
    tok = anchor
    # "A drone strike killed 20 civilians, residents said": the noun the parser hung the verb on stands
    # where the verb would, under the speech verb
    stand_in = anchor.head if misread_main_verb(anchor) else None
    if stand_in is not None:
        tok = stand_in
    for _ in range(limit):
        content = tok.dep_ == "acl" and tok.head.lemma_.lower() in STATEMENT_NOUNS and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)  # "claimed in a statement that it had…"
        content = content or (tok is stand_in and tok.dep_ in ("dep", "nsubj"))
        if tok.head.i == tok.i or (tok.dep_ not in COMPLEMENT_DEPS and not content) or tok.head.i < sent.start \
                or tok.head.i >= sent.end:
            break
        tok = tok.head
        out.append(tok)
    return out


def _subject_of(verb: Token) -> Token | None:
    # the subject nearest the verb: the parser gives a wire dateline ("DUBAI (Reuters) - Yemen's Houthi
    # movement said") a subject arc of its own
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if (misread := object_read_as_speaker(verb)) is not None:
        return misread[1]  # "killing 40 people, a spokesman for the Arakan Army said": the spokesman speaks
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        c = before[-1] if before else subjects[0]
        # "BANGKOK, Jan 6 - An alliance of armies said": the phrase after the dateline's dash speaks
        return verb.head if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl" else undateline(c)
    if (lost := subject_it_lost(verb)) is not None:
        return lost  # "summoned Iran's ambassador and the European Union said it would…"
    if (listed := _speakers_listed_before(verb)) is not None:
        return listed  # "…a finance bill that would raise taxes, witnesses and medics said"
    # "..., the diplomat said" with a passive report: "was quoted as saying"
    if verb.dep_ in ("xcomp", "advcl", "pcomp", "conj") and verb.head.i != verb.i:
        return _subject_of(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head.head)  # "X issued a statement saying …": X says it
    return None


def _passive_gerund(verb: Token) -> bool:
    """Whether a verb is a passive gerund ("being dragged"), whatever tag the tagger gave it."""
    return any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children)


def misattached_conj(verb: Token) -> bool:
    """A past tense the parser coordinated with an infinitive, a gerund or a modal's participle, which it
    cannot be, or with the present tense of an adverbial clause: in "accused Moscow of trying to choke off
    exports and urged allies to...", "urged" goes with "accused"; in "said she would not step down when her
    term ends and accused the government of...", "accused" goes with "said". Also a verb with an object of
    its own coordinated with a passive, and a speaker's directive (speakers_directive)."""
    if (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and verb.lemma_.lower() not in DITRANSITIVES
            and any(c.dep_ == "auxpass" for c in verb.head.children)
            and any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "for")
                                         and verb.lemma_.lower() in SPEAKER_DIRECTIVES) for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        # "said 1,200 people had been arrested and accused opposition leaders of inciting violence", "said the
        # vote had been falsified and called on supporters to rally": a verb with an object of its own shares
        # no passive
        return True
    if speakers_directive(verb):
        return True
    if (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VB"
            and any(c.tag_ == "MD" for c in verb.head.children) and any(c.dep_ == "dobj" for c in verb.children)
            and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)):
        # "said he would not give in to pressure and accused foreign services of...": no participle with an
        # object of its own under "would"; the tagger's participle is the past tense that goes with "said"
        return True
    if (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VBG"
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
            and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.head.children)):
        # "say Indian trawlers are destroying their livelihoods, and protested in Jaffna": no participle
        # shares a progressive's "are"; the tagger's participle is a past tense that goes with "say"
        return True
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and (
        verb.head.tag_ in ("VB", "VBG") or (verb.head.tag_ in ("VBZ", "VBP") and verb.head.dep_ == "advcl")
        # "warned against being dragged into a new war and ordered the army to...": a passive gerund
        or _passive_gerund(verb.head)
        # "said those responsible would be punished and called for calm": no past tense under "would"
        or (verb.head.tag_ == "VBN" and any(c.tag_ == "MD" for c in verb.head.children)))


# Verbs whose passive keeps an object ("were given food", "was denied entry").
DITRANSITIVES = frozenset({"give", "grant", "offer", "award", "hand", "deny", "send", "show", "tell", "promise",
                           "allow", "refuse", "pay", "charge", "fine", "sentence"})


def verb_it_opens(noun: Token) -> Token | None:
    """The verb a noun the parser coordinated with an object is really the subject of: in "Germany summoned
    Iran's ambassador and the European Union said it would…", "Union" hangs on "ambassador" and "said"
    on "summoned", with no subject of its own."""
    if noun.dep_ != "conj" or noun.head.dep_ not in ("dobj", "pobj"):
        return None
    nxt = noun.right_edge.i + 1
    if nxt >= len(noun.doc):
        return None
    verb = noun.doc[nxt]
    if (verb.dep_ == "conj" and verb.tag_ in FINITE_TAGS and verb.head.i < noun.i
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return verb
    return None


# Conjunctions the parser can read as prepositions, making the next clause's subject their object:
# "marched to mark three months since the collapse of a canopy killed 15 people".
CLAUSE_OPENERS = frozenset({"since", "after", "before", "until", "because"})


def _speakers_listed_before(verb: Token) -> Token | None:
    """The subject of a closing verb of saying the parser coordinated with the last object before it: in
    "…passed a bill that would raise taxes, witnesses and medics said" the witnesses speak, not the taxes."""
    doc = verb.doc
    comma = next((k for k in range(verb.i - 1, max(verb.sent.start, verb.i - 12) - 1, -1) if doc[k].text == ","), None)
    if comma is None or comma + 1 >= verb.i:
        return None
    # the words between the comma and the verb hang together on one word, which the parser hung before
    roots = [t for t in doc[comma + 1:verb.i] if not comma < t.head.i < verb.i]
    if len(roots) != 1:
        return None
    first = roots[0]
    ok = first.dep_ in ("conj", "appos") and first.pos_ in ("NOUN", "PROPN") and first.head.i < comma
    return first if ok else None


def speaks_after(noun: Token) -> bool:
    """Whether a noun the parser hung on an earlier phrase is the speaker of the verb of saying right after
    it (_speakers_listed_before): "killing at least 40 people, a spokesman for the Arakan Army said"."""
    nxt = noun.right_edge.i + 1
    if nxt >= len(noun.doc) or noun.doc[nxt].lemma_.lower() not in DEFAULT_SPEECH_VERBS:
        return False
    speaker = _speakers_listed_before(noun.doc[nxt])
    return speaker is not None and speaker.i == noun.i


def subject_it_lost(verb: Token) -> Token | None:
    """The subject the parser gave away to an object before a coordinated verb (verb_it_opens), or to a
    conjunction it read as a preposition (CLAUSE_OPENERS)."""
    if verb.dep_ != "conj":
        return None
    if verb.i > 0 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        last = verb.doc[verb.i - 1]
        for phrase in (last, *last.ancestors):
            if phrase.right_edge.i != verb.i - 1:
                break
            if (phrase.dep_ == "pobj" and phrase.head.lower_ in CLAUSE_OPENERS
                    and phrase.pos_ in ("NOUN", "PROPN")):
                return phrase
    for t in verb.doc[max(verb.sent.start, verb.i - 12):verb.i]:
        opened = verb_it_opens(t) if t.right_edge.i == verb.i - 1 else None
        if opened is not None and opened.i == verb.i:
            return t
    return None


# Directives, pledges and accusations a speaker makes in the same breath as a report: "A Taliban spokesman said Pakistani
# troops opened fire first and urged Islamabad to reopen the crossing".
SPEAKER_DIRECTIVES = frozenset({"urge", "appeal", "call", "order", "instruct", "pledge", "promise", "accuse", "blame",
                                "condemn", "denounce", "demand"})


def speakers_directive(verb: Token) -> bool:
    """Whether a past-tense directive or pledge the parser coordinated with the first verb of what a speaker
    said is the speaker's own: in "said the ELN had chosen war and ordered the armed forces to..." and
    "said foreign services were behind the protests and promised an early election" the speaker orders and
    promises. News puts a reported party's second act under its own "had" or subject. The parser may hang
    it on a clause of time inside what was said: "said 293 people had been detained since the protests
    began and accused demonstrators of attacking police"."""
    head = _said_clause(verb.head)
    return (verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.lemma_.lower() in SPEAKER_DIRECTIVES
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
            and head.dep_ == "ccomp" and head.head.lemma_.lower() in DEFAULT_SPEECH_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
            and any(c.dep_ == "nsubj" for c in head.head.children))


def _said_clause(verb: Token) -> Token:
    """The clause a verb belongs to, above the adverbial clauses of time it may head ("since the protests
    began" under "had been detained")."""
    while verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in verb.children):
        verb = verb.head
    return verb


def conj_partner(verb: Token) -> Token:
    """The finite verb a misattached past tense (misattached_conj) goes with: the speaker's verb for a
    speaker's directive (speakers_directive), else the nearest finite verb above it that heads no adverbial
    clause."""
    if speakers_directive(verb):
        return _said_clause(verb.head).head
    gov = verb.head
    # (a passive gerund the tagger made a past tense is no finite verb: "against being dragged")
    while gov.head.i != gov.i and (gov.tag_ not in FINITE_TAGS or gov.dep_ == "advcl"
                                   or _passive_gerund(gov)):
        gov = gov.head
    return gov


def according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            for c in list(to.children) + list(tok.children):
                if c.dep_ == "pobj":
                    return c
    return None


def aside_report(sent: Span, anchor: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The speech verb of a "…, X said, …" aside after the event that the parser hung on a later clause
    rather than on the event's own ("Warplanes struck villages on Monday, the health ministry said, hours
    before an envoy was due to arrive"), or on the event's verb itself before a clause coordinated with it
    ("Troops pushed into the district, residents said, and tanks were seen near Rafah"): it reports the
    event all the same."""
    for tok in sent:
        if (tok.i > anchor.i and tok.dep_ == "parataxis" and tok.lemma_.lower() in speech_verbs
                and (tok.left_edge.text == "," or tok.doc[max(0, tok.left_edge.i - 1)].text == ",")
                and any(c.dep_ == "nsubj" for c in tok.children)
                and (anchor not in tok.head.subtree or tok.head.i == anchor.i)):
            return tok
    return None


# Conjunctions of an adverbial clause that tells of another event before, after or causing the main one.
SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "because"})
# Conjunctions of an adverbial clause set against the main one.
CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
# Those whose clause a verb of saying does not report: what it tells is the writer's aside ("Britain announced
# similar measures, while the United States has already blacklisted the carrier"; not "although", which
# speakers use themselves: "did not block the package, diplomats said, although it had threatened to").
ASIDE_MARKS = frozenset({"while", "whereas"})


def closing_report(sent: Span, anchor: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The verb of saying a sentence closes on, after a comma and its speaker, whatever the parser made of
    the words before it ("In Mykolaiv, a drone hit an apartment block, killing two people, regional governor
    Vitaliy Kim said", with the drone read as an apposition to the city): it reports everything told before
    it, unless another verb of saying stands between. (Where the parser split the sentence at the comma and
    the coder joined it again, the closing part's root is the one that speaks; where it hung the verb of
    saying on a clause after it, "..., the union said, as blockades continued", or coordinated it with the
    main verb, "..., a teacher who escaped told Wire", that verb speaks.)"""
    root = next((t for t in reversed(sent) if t.head.i == t.i), sent.root)
    if root.lemma_.lower() not in speech_verbs:
        root = next((t for t in sent if t.dep_ in ("parataxis", "conj") and t.head.i == root.i
                     and t.lemma_.lower() in speech_verbs), root)
    if root.i < anchor.i or root.lemma_.lower() not in speech_verbs or _denied_claim(root, "ccomp"):
        return None  # (nor a charge denied after it: "accused Rwanda of backing the rebels, a charge Kigali denies")
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subject is None or subject.left_edge.i <= anchor.i or sent.doc[subject.left_edge.i - 1].text != ",":
        return None
    if any(t.lemma_.lower() in speech_verbs and t.pos_ == "VERB" for t in sent.doc[anchor.i + 1:subject.left_edge.i]):
        return None
    return root


# Verbs that make their object do what their infinitive says ("forced residents to flee").
CAUSATIVE_VERBS = frozenset({"force", "drive", "cause", "prompt", "push", "send", "compel", "make", "spark"})
# Verbs whose object does what the infinitive after it says ("forced residents to flee", "urged people to
# vote"), however the parser hangs the infinitive.
_OBJECT_CONTROL = CAUSATIVE_VERBS | frozenset({"lead", "order", "urge", "ask", "tell", "allow", "enable", "encourage",
                                               "persuade", "invite", "instruct", "call", "help", "get"})
_ORDINALS = frozenset({"first", "second", "third", "last", "only", "latest", "next"})


def _nobody_does(anchor: Token) -> bool:
    """A subject that "neither" or "no" denies: "Neither warring party was invited", "No country has
    recognised the vote"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(
        g.dep_ in ("det", "preconj") and g.lower_ in ("neither", "no") for g in c.children) for c in anchor.children)


def _none_of(anchor: Token) -> bool:
    """A gerund a noun denied by "no" governs: "had no intention of invading Eritrea", "no plans of
    attacking"."""
    prep = anchor.head
    return (anchor.dep_ == "pcomp" and prep.lower_ == "of"
            and any(c.dep_ == "det" and c.lower_ == "no" for c in prep.head.children))


def _used_for(anchor: Token) -> bool:
    """Whether an infinitive says what a thing is used or made for: "launchers used to fire at Israeli
    communities", with the participle on the noun (or, as the parser may have it, a bare participle right
    after it)."""
    part = anchor.head
    if anchor.dep_ not in ("xcomp", "advcl") or part.tag_ != "VBN" or part.lemma_.lower() not in USE_PARTICIPLES:
        return False
    if part.dep_ == "acl":
        return part.head.pos_ in ("NOUN", "PROPN")
    return (part.dep_ == "ccomp" and part.i > 0 and part.doc[part.i - 1].pos_ == "NOUN"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in part.children))


# Nouns for an armed undertaking whose purpose infinitive says what it is to win ("launched an operation to
# retake the town"), and the verbs that set one going.
UNDERTAKING_NOUNS = frozenset({"operation", "campaign", "mission", "drive", "push"})
LAUNCHING_VERBS = frozenset({"launch", "begin", "start", "mount", "conduct", "stage", "intensify", "step"})


def undertaking_purposed(verb: Token) -> Token | None:
    """The undertaking noun a to-infinitive gives the purpose of, whether the parser hangs it on the noun or
    on the verb that launches it ("launched an operation on Sunday to retake the town"), else None."""
    if not to_infinitive(verb):
        return None
    if verb.dep_ in ("acl", "relcl"):
        noun = verb.head
    elif verb.dep_ == "advcl":
        noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    else:
        return None
    if (noun is None or noun.lemma_.lower() not in UNDERTAKING_NOUNS or noun.dep_ != "dobj"
            or noun.head.lemma_.lower() not in LAUNCHING_VERBS):
        return None
    return noun


def _infinitive_on_noun(anchor: Token) -> bool:
    """An infinitive that says what a noun is for, which nobody has done yet: "ways to ease tensions", "a
    proposal to hold talks" (not one after an ordinal, which reports a deed: "the first country to
    recognise Palestine"), and one coordinated with it ("ability to seize power and carry out attacks")."""
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX"):
        anchor = anchor.head
    if _used_for(anchor):
        return True  # "launchers used to fire at Israeli communities": what the launchers are for
    if undertaking_purposed(anchor) is not None:
        return True  # "launched an operation on Sunday to retake the town", however the parser hangs it
    if anchor.dep_ not in ("relcl", "acl") or anchor.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in anchor.children):
        return False
    if anchor.head.dep_ == "dobj" and anchor.head.head.lemma_.lower() in _OBJECT_CONTROL:
        return False  # the parser's reading of "forcing more people to flee": the people's own act
    return not any(c.lower_ in _ORDINALS or c.tag_ == "JJS" for c in anchor.head.children)


# Participles that say what a thing is for: "launchers used to fire at", "drones designed to strike".
USE_PARTICIPLES = frozenset({"use", "design", "intend", "mean", "build", "make"})
# Nouns for a negotiation, whose "on"/"over"/"about" clause is what is negotiated, not done.
_TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "discussion", "discussions", "dialogue",
                         "meeting", "summit", "consultation", "consultations", "debate", "vote", "proposal", "plan"})


def _deadline_for(noun: Token) -> bool:
    """An act a deadline or a timetable is set for: "despite the deadline for their withdrawal" (not done)."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ in ("for", "of")
            and prep.head.lemma_.lower() in ("deadline", "timetable", "timeline", "date", "schedule"))


def _topic_of_talks(anchor: Token) -> bool:
    """A gerund that is what talks are about: "Talks on extending the Gaza ceasefire stalled"."""
    prep = anchor.head
    return (anchor.dep_ == "pcomp" and prep.lower_ in ("on", "over", "about", "for")
            and prep.head.lower_ in _TALK_NOUNS)


def analyse(anchor: Token, sent: Span, speech_verbs: frozenset[str] = DEFAULT_SPEECH_VERBS,
            extra: tuple[Token, ...] = ()) -> ModalityResult:
    """Modality of the event anchored at `anchor` (plus tokens in `extra`, e.g. the nominal of a
    support-verb construction) and its reporting speaker."""
    local = (anchor, *extra)
    negated = any(_has_neg(t) for t in local) or _none_of(anchor) or _nobody_does(anchor)
    aux = set().union(*(_aux_lemmas(t) for t in local))
    # Conjoined verbs share the first conjunct's auxiliaries: "will meet and sign" (not one the parser hung
    # on an infinitive, "said he would not run again and promised a dialogue", nor a past tense, which has
    # its own: "said Ankara was not involved and urged Damascus to...")
    if anchor.dep_ == "conj" and not aux and not misattached_conj(anchor) and anchor.tag_ != "VBD":
        aux = _aux_lemmas(anchor.head)
        negated = negated or _has_neg(anchor.head)
    mode: str | None = None
    cue = None
    if aux & HYPOTHETICAL_AUX:
        mode, cue = "hypothetical", sorted(aux & HYPOTHETICAL_AUX)[0]
    elif aux & FUTURE_AUX:
        mode, cue = "future", "will"
    cond = next((c.lower_ for t in local for c in t.children if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS),
                None)
    if mode is None and cond:
        mode, cue = "hypothetical", cond
    elif mode == "future" and _has_conditional_clause(local):
        cue = "unless" if _has_conditional_clause(local) == "unless" else "if"
    if mode is None and _infinitive_on_noun(anchor):
        mode, cue = "hypothetical", "to"
    elif mode is None and _topic_of_talks(anchor):
        mode, cue = "hypothetical", anchor.head.lower_
    elif mode is None and any(_deadline_for(t) for t in local):
        mode, cue = "hypothetical", "deadline"
    speaker = speech = None
    below = anchor
    # its governors up to the finite verb it goes with are not its own
    partner = conj_partner(anchor) if misattached_conj(anchor) else None
    astray = partner is not None
    crossed_adjunct = False
    for gov in _governors(anchor, sent):
        # a verb the clause is coordinated with is its sibling, not its governor: "fighters set fire to a
        # school and abducted two teachers" did abduct them ("set" governs only as "set to")
        sibling = below.dep_ == "conj" or astray
        at_partner = partner is not None and gov.i == partner.i
        if astray and at_partner:
            astray = False
        # an adjunct says when or while, not what was tried: "pushed toward Hama after capturing Aleppo",
        # "pushed south as jets pounded Idlib" are no attempts to capture or to pound (the governor's
        # auxiliaries still reach it: "would fight on until Israel ended its war")
        # (nor is a participle of what followed: "set fire to homes, forcing residents to flee" did force
        # them, whatever else "set" may govern)
        adjunct = (below.dep_ == "advcl" and (any(c.dep_ == "mark" for c in below.children) or (
            below.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in below.children)))) or (
            below.dep_ == "prep" and below.lower_ in TIME_PREPS)
        crossed_adjunct = crossed_adjunct or adjunct
        below_dep = below.dep_
        child, below = below, gov
        lemma = gov.lemma_.lower()
        gaux = _aux_lemmas(gov)
        if _denied_claim(gov, below_dep):
            # "Thailand accused Cambodian troops of violating the truce, a charge Phnom Penh denied": the
            # parser hangs the sentence on the denial of the charge, which leaves the accusation made
            continue
        # a verb of saying coordinated with the event does not report it: "declared a state of emergency
        # and imposed a curfew" imposed it
        # (nor does the verb of saying a misattached verb goes with, nor any word between them: "said it was
        # investigating reports that civilians were killed and called on all parties to...": the speaker calls)
        # (nor does one whose adverbial clause the event is: "Noboa declared an armed conflict after gunmen
        # stormed a television studio" - the storming is the article's, not Noboa's word)
        if (lemma in speech_verbs and speech is None and below_dep != "conj" and not at_partner and not astray
                and not (below_dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS | ASIDE_MARKS
                                                      for c in child.children))):
            if _has_neg(gov) and below_dep == "ccomp" and _asks_about(child):
                # "The militia did not say why it had released the hostages": what it left unexplained
                # happened, as the article tells it ("did not say whether" leaves it open)
                if any(c.lower_ in ("whether", "if") and c.dep_ == "mark" for c in child.children):
                    mode, cue = mode or "hypothetical", cue or "whether"
                break
            speech = gov
            speaker = _subject_of(gov)
            if _has_neg(gov):
                mode = mode or "negated"
            elif gaux & HYPOTHETICAL_AUX:
                mode, cue = mode or "hypothetical", cue or "may"  # "a move that may suggest…"
            continue
        if speech is not None or sibling:
            continue
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in gov.children):
            mode = mode or "hypothetical"
        if not adjunct and (lemma in NEGATING_GOVERNORS or (
                lemma in PREVENTING_GOVERNORS and below_dep in ("dobj", "prep") and (below_dep == "dobj" or any(
                    c.lower_ == "from" and c.dep_ == "prep" for c in gov.children)))):
            negated = True
            cue = lemma
        elif not adjunct and mode is None and (
                (lemma in FUTURE_GOVERNORS and (lemma != "go" or gov.tag_ == "VBG"))
                # "Rwanda is to withdraw its troops within 90 days": what a deal or a plan lays down
                or (lemma == "be" and below_dep == "xcomp" and to_infinitive(child))):
            mode, cue = "future", lemma  # "is going to strike", not "went on strike to demand action"
            if "have" in gaux and gov.tag_ == "VBN" and any(c.lower_ == "had" for c in gov.children):
                mode = "hypothetical"  # "the plotters had planned to attack the presidency": a plan foiled
        elif not adjunct and lemma in HYPOTHETICAL_GOVERNORS and mode is None:
            mode, cue = "hypothetical", lemma
        if gaux & HYPOTHETICAL_AUX and mode is None and gov.dep_ != "ROOT":
            mode, cue = "hypothetical", sorted(gaux & HYPOTHETICAL_AUX)[0]
        elif (gaux & FUTURE_AUX and mode is None and not adjunct and below_dep in ("advcl", "xcomp")
                and to_infinitive(child)):
            # the purpose of a journey yet to be made is yet to come too: "will travel to Port Sudan next
            # week to meet the army chief"
            mode, cue = "future", "will"
    if (mode == "hypothetical" and cue == "would" and not cond and "have" not in aux
            and speech is not None and speech.tag_ == "VBD" and not _has_conditional_clause(local)
            and not crossed_adjunct):
        # "said it would reinforce its troops": reported speech moves "will" back to "would" (not "would have
        # done", nor a "would" on a condition: "would strike if attacked" stays conditional; nor one on a
        # clause the event only times: "would go on until Israel ended its war")
        mode, cue = "future", "will"
    if negated:
        return ModalityResult("negated", speaker, speech, cue if cue in NEGATING_GOVERNORS else "not")
    if mode:
        # (a plan or a text cited "according to" a source is still the source's word)
        return ModalityResult(mode, speaker if speaker is not None else according_to(sent), speech, cue)
    if speaker is None:
        acc = according_to(sent)
        if acc is not None:
            return ModalityResult("reported", acc, None, "according to")
        aside = (aside_report(sent, anchor, speech_verbs) or closing_report(sent, anchor, speech_verbs)
                 if speech is None else None)
        if aside is not None:
            return ModalityResult("reported", _subject_of(aside), aside, aside.lemma_)
    if speech is not None:
        return ModalityResult("reported", speaker, speech, speech.lemma_)
    if any(t.lower_ in REPORT_ADVERBS for t in sent):
        return ModalityResult("reported", None, None, "reportedly")
    return ModalityResult("asserted")
