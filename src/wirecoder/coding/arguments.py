"""Who did it and to whom: actor and recipient phrases of an event clause from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from wirecoder.coding.actor_phrases import REGISTRY_WORDS
from wirecoder.coding.clause_forms import to_infinitive
from wirecoder.coding.dateline_subject import DASHES, story_subject, undateline
from wirecoder.coding.misparse import (
    captives_of,
    captives_read_as_subject,
    claim_read_as_apposition,
    misread_main_verb,
    misread_participle,
    object_read_as_participle_subject,
    object_taken_by_speaker,
    relative_read_as_object,
    verb_read_as_object_participle,
)
from wirecoder.coding.modality import (
    DEFAULT_SPEECH_VERBS,
    conj_partner,
    misattached_conj,
    speaks_after,
    subject_it_lost,
    verb_it_opens,
)
from wirecoder.coding.pair_mentions import STATE_PAIR_NOUNS
from wirecoder.coding.place_text import across_border
from wirecoder.coding.triggers import INSTRUMENT_VERBS, TriggerMatch

SUBJ = ("nsubj", "csubj")
# Prepositions whose object is the target of the act ("fired on", "sanctions against", "talks with"). Not
# "over": what an act is over is where it happened or what it is about ("shot down 49 drones over Crimea",
# "sanctions on Russia over Crimea").
TARGET_PREPS = frozenset({"against", "on", "at", "with", "to", "toward", "towards", "upon", "about", "of"})
# Prepositions of a destination: where the people a flight or a welcome swaps in go, not who acts
# ("residents fled toward the Dominican border", "welcomed the minister to Beijing"), and where a withdrawal
# goes, not whom it leaves.
DESTINATION_PREPS = frozenset({"to", "toward", "towards"})
# ... and where a journey or a move into a place goes ("moving materiel into Syria").
GOING_PREPS = DESTINATION_PREPS | {"into"}
# Cooperative acts whose "at" is where they were done, never a party they aim at (unlike "fired at").
VENUE_AT_TYPES = frozenset({"SUPPORT", "AGREE", "CONSULT", "COOPERATE", "AID", "CONCEDE"})
# Prepositions that give a meeting's subject, not its other party.
TOPIC_PREPS = frozenset({"on", "about", "over", "of"})
# Nouns whose "for" names the one they are against: "an arrest warrant for Madobe".
WARRANT_NOUNS = frozenset({"warrant", "warrants", "summons", "subpoena"})
# Verbs whose object is the subject matter, not a party: "discussed the reconstruction of Syria".
TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "review"})
# Prepositional objects of an event noun that name its doer ("arrival of troops", "attacks by the army").
NOUN_AGENT_PREPS = frozenset({"by"})
NOUN_OF_AGENT_TYPES = frozenset({"MOBILIZE", "RETREAT", "PROTEST", "CONCEDE", "AID"})
# Event nouns whose possessor undergoes the act unless an "of" phrase names who does: "Maduro's arrest",
# "the journalist's release" (but "Hamas's release of hostages").
PATIENT_POSSESSOR_NOUNS = frozenset({"arrest", "detention", "capture", "release", "killing", "assassination",
                                     "execution", "abduction", "kidnapping", "murder", "deportation",
                                     "extradition", "expulsion", "ouster", "removal", "imprisonment", "trial"})
# Verbs whose object is whom the subject reaches out to, so an infinitive after it is the subject's purpose:
# "the minister called his counterpart to express support", "summoned the envoy to protest".
PURPOSE_OBJECT_VERBS = frozenset({"call", "phone", "telephone", "ring", "meet", "visit", "host", "receive",
                                  "summon", "contact"})
# Dependents dropped from a mention: clauses and trailing material that are not part of the name.
_CUT = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "parataxis", "prep", "ccomp", "mark",
                  "advmod"})
_KEEP_PREP = frozenset({"of", "for"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
REFLEXIVES = frozenset({"themselves", "itself", "himself", "herself", "ourselves", "myself", "yourselves"})


@dataclass
class Arguments:
    actors: list[Span] = field(default_factory=list)
    recipients: list[Span] = field(default_factory=list)
    # Appositions and titles that may explain an actor ("Abdullah Othman, head of the Levant Front")
    appositions: dict[int, Span] = field(default_factory=dict)
    # The party a prepositional phrase names, for when the object is a thing that names none ("suspended
    # some aid programmes to Niger")
    indirect: list[Span] = field(default_factory=list)
    # An event noun the actors were read through ("Clashes between two armed groups killed 27"): the same
    # event as the verb, not one of its own
    through: int | None = None


# Where something is said or shown, not to whom: "criticised the decision on social media", "on state
# television".
CHANNEL_NOUNS = frozenset({"media", "medium", "television", "tv", "radio", "website", "internet", "twitter", "facebook",
                           "telegram", "instagram", "youtube", "channel", "platform", "air", "broadcast", "podcast"})


# Verbs whose object's "of" phrase is the charge: "accused soldiers of looting".
CHARGE_VERBS = frozenset({"accuse", "suspect", "charge", "convict", "acquit"})


def _charge_read_as_modifier(prep: Token) -> bool:
    """"accused soldiers of mistreating residents", with the gerund read as an adjective on "residents": the
    "of" phrase is the charge, not part of the object."""
    obj = prep.head
    first = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
    return (prep.lower_ == "of" and obj.dep_ == "dobj" and obj.head.lemma_.lower() in CHARGE_VERBS
            and first is not None and first.dep_ in ("amod", "compound") and first.lower_.endswith("ing"))


def _object_left_unsaid(verb: Token) -> Token | None:
    """The noun a relative clause without its pronoun acts on: "a British diplomat it accused of spying" (not
    a place or a time it says something happened at: "Luxembourg, where the ministers met")."""
    noun = verb.head
    if (verb.dep_ != "relcl" or noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("GPE", "LOC", "FAC")
            or _circumstance(noun)
            or not any(x.dep_ == "nsubj" and x.lower_ not in RELATIVE_PRONOUNS for x in verb.children)
            or any(x.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") or x.lower_ in ("where", "when", "why")
                   for x in verb.children)):
        return None
    return noun


def mention_span(head: Token) -> Span:
    """The noun phrase headed by `head`, without relative clauses, appositions or conjuncts."""
    doc = head.doc
    keep = {head.i}
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            keep_prep = (c.dep_ == "prep" and c.i > head.i and (
                # (not "of spying" after "accused the detainees": a gerund is what they are accused of)
                (c.lower_ in _KEEP_PREP and any(g.dep_ == "pobj" and g.tag_ != "VBG" for g in c.children)
                 and not _charge_read_as_modifier(c))
                # "security forces in Guinea", "rebels from Chad": the place says whose they are
                or (c.lower_ in ("in", "from") and t.i == head.i
                    and any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP") for g in c.children))))
            # a name right after a title inside the phrase is the titled person's: "supporters of former
            # president Evo Morales" (the parser makes the name the title's apposition)
            keep_name = c.dep_ == "appos" and t.i != head.i and c.left_edge.i == t.i + 1
            if c.dep_ in _CUT and not keep_prep and not keep_name:
                continue
            if c.dep_ == "punct" or c.i in keep:
                continue
            keep.add(c.i)
            stack.append(c)
    # After its head the phrase runs as far as its kept words do without a break: "thousands of protesters
    # outside parliament in Tbilisi" keeps "in Tbilisi" but not the words cut between ("outside
    # parliament"); punctuation inside a name bridges. Before the head, coordinated modifiers the parse
    # cuts stay ("Thai and Cambodian troops", "the National Defence and Security Council").
    lo, hi = min(keep), head.i
    while hi + 1 in keep or (hi + 2 in keep and doc[hi + 1].is_punct and doc[hi + 1].text != ","):
        hi += 1
    # A wire dateline parsed into the subject ("YANGON (Reuters) - Myanmar aircraft…") is not part of it.
    for i in range(lo, head.i):
        if doc[i].text in DASHES and doc[i].whitespace_ and i + 1 <= head.i:
            lo = i + 1
    # "rallied outside parliament": a preposition the parser read as an adjective on a bare noun is no part
    # of it (no foreign parliament; "outside powers" keeps its word)
    if lo + 1 == head.i and doc[lo].lower_ in ("outside", "inside") and doc[lo].dep_ == "amod" and head.tag_ == "NN":
        lo += 1
    # keep spans contiguous and trim determiners-only edges
    while lo < hi and doc[lo].dep_ in ("det", "cc", "punct") and doc[lo].lower_ in ("the", "a", "an", ",", "and"):
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo: hi + 1]


# Nouns for those who rule a country, whose "in" names whose they are: "the juntas in Mali and Niger".
RULER_NOUNS = frozenset({"junta", "government", "regime", "authority", "ruler", "leader", "leadership"})


def of_conjuncts(head: Token) -> list[Token]:
    """The further countries of a plural noun's "of" (or "from") list: "Azerbaijan" of "the leaders of Armenia
    and Azerbaijan", "Mali" and "Burkina Faso" of "the military governments of Niger, Mali and Burkina Faso";
    for rulers also their "in" list ("the juntas in Burkina Faso, Mali and Niger"). Each is a party as much as
    the first, which the head's own phrase keeps."""
    if head.tag_ not in ("NNS", "NNPS"):
        return []
    preps = ("of", "from", "in") if head.lemma_.lower() in RULER_NOUNS else ("of", "from")
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in preps:  # "defence officials from Cambodia and Thailand"
            first = next((g for g in p.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP")), None)
            if first is not None:
                # (the small model may tag the later names as people: "of Niger, Mali and Burkina Faso")
                return [c for c in first.conjuncts if c.i > first.i and c.pos_ == "PROPN"]
    return []


def mention_spans(heads: list[Token]) -> list[Span]:
    """The noun phrases headed by heads, with a phrase whose nationalities are coordinated read as one
    phrase per nationality: "French and Malian troops" is "French" (a modifier whose head is the next
    phrase's: ArticleCoder gives it that phrase's sectors) and "Malian troops"; "the leaders of Armenia
    and Azerbaijan" is "leaders of Armenia" and "Azerbaijan" (of_conjuncts: ArticleCoder gives it the
    head noun's sectors)."""
    out: list[Span] = []
    for h in heads:
        full = mention_span(h)
        for m in h.children:
            # (the model may fold the first nationality into a dateline's date: "April 29 - Indian and
            # Pakistani soldiers")
            if m.dep_ not in ("amod", "nmod", "compound") or not full.start <= m.i < h.i or (
                    m.ent_type_ not in ("NORP", "GPE")
                    and not any(c.ent_type_ in ("NORP", "GPE") for c in m.conjuncts)):
                continue
            others = [c for c in m.conjuncts if m.i < c.i < h.i and c.ent_type_ in ("NORP", "GPE")]
            if others:
                out.append(h.doc[full.start:m.i + 1])
                out.extend(h.doc[c.i:h.i + 1] for c in others)
                break
        else:
            out.append(full)
        out.extend(mention_span(c) for c in of_conjuncts(h))
    return out


def _expand_conj(tok: Token) -> list[Token]:
    out = [tok, *[c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON")
                  and verb_it_opens(c) is None]]
    doc = tok.doc
    after = out[-1].right_edge.i + 1
    if len(out) > 1 and after < len(doc) and doc[after].lemma_.lower() in DEFAULT_SPEECH_VERBS \
            and not any(c.dep_ == "nsubj" for c in doc[after].children):
        # "abducted 287 pupils and teachers, residents and local officials said": those who say so, hung on
        # the list by the parser, are not in it
        comma = max((t.i for t in doc[tok.i:out[-1].i] if t.text == ","), default=None)
        if comma is not None:
            out = [c for c in out if c.i < comma] or out[:1]
    return out


# What a mobilisation moves: its own forces, never its recipient.
MOVED_FORCES = frozenset({"troop", "soldier", "fighter", "combatant", "force", "reinforcement", "unit", "battalion",
                          "brigade", "division",
                          "military", "army", "navy", "fleet", "warplane",
                          "contingent", "marine", "paratrooper", "police", "policeman", "officer", "gendarme", "guard",
                          "militia", "militiaman", "mercenary", "jet", "warship", "ship", "tank", "missile",
                          "aircraft", "drone", "bomber", "helicopter", "vessel", "artillery", "weapon"})
# Verbs that give their object time or leave to do what their "to" clause says.
TIME_GIVING_VERBS = frozenset({"give", "grant"})
# Nouns for an undertaking, whose infinitive says what it is for: "a rally to protest", "a plan to attack".
PURPOSE_NOUNS = frozenset({"rally", "march", "protest", "demonstration", "gathering", "meeting", "plan", "bid",
                           "effort", "attempt", "move", "push", "campaign", "drive", "operation", "mission",
                           "trip", "visit", "strike", "sit-in", "vigil", "convoy", "offensive"})
# Verbs whose patient goes somewhere to act: the one sent does what the "to" clause says.
SENDING_VERBS = frozenset({"deploy", "redeploy", "send", "dispatch", "mobilize", "mobilise", "airlift", "rush",
                           "fly", "station", "position", "assign", "order"})


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _sent_to_do(verb: Token) -> bool:
    """Whether verb says what those a passive verb of sending sent were to do: "troops were sent to
    protect them" (the parser's xcomp), "officers had been deployed to rescue the victims" (its advcl)."""
    head = verb.head
    return (head.lemma_.lower() in SENDING_VERBS and _passive(head) and head.i != verb.i
            and (verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and to_infinitive(verb))))


def relcl_antecedent(tok: Token) -> Token:
    """'militiamen who had been holed up': the relative pronoun stands for the noun it modifies."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        return tok.head.head
    # "the district of Chiure, from which 60,000 people have fled": the pronoun a preposition takes
    if tok.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "pobj" and tok.head.head.dep_ == "relcl":
        return tok.head.head.head
    # "the rebels, who Congo says are backed by Rwanda": the pronoun's clause hangs on a reporting verb
    # that is itself the relative clause
    head = tok.head
    if tok.lower_ in RELATIVE_PRONOUNS and head.dep_ == "ccomp" and head.head.dep_ == "relcl" and tok.i < head.head.i:
        return head.head.head
    return tok


def _circumstance(tok: Token) -> bool:
    """A prepositional object that tells when or through what, never whom: "on Monday", "on social media"."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in CHANNEL_NOUNS


def _deed_owner(noun: Token) -> Token | None:
    """Whose act or state a noun is, by its possessive name or noun: "Pashinyan's resignation" (not a pronoun,
    which the article's mentions cannot yet tell apart by person: "called for her arrest")."""
    return next((g for g in noun.children if g.dep_ == "poss" and g.pos_ in ("PROPN", "NOUN")), None)


# Verbs whose object, when it is a weapon or a craft, is what was hit, not what was used.
CRAFT_TARGETING_VERBS = frozenset({"down", "shoot", "destroy", "hit", "strike", "sink", "damage", "capture", "seize"})
_FORCE_WORDS = frozenset({"army", "military", "navy", "police", "coalition", "government", "rebel", "militia"})


def _craft_owner(noun: Token) -> Token | None:
    """Whose a craft or weapon is, by a possessive, a nationality or a force named on it: "Ukraine's patrol
    boat", "a Russian warplane", "an army helicopter"."""
    return next((g for g in noun.children if (g.dep_ == "poss" and g.pos_ in ("PROPN", "NOUN"))
                 or (g.dep_ == "amod" and g.ent_type_ == "NORP")
                 or (g.dep_ == "compound" and (g.ent_type_ in ("GPE", "NORP", "ORG")
                                               or g.lemma_.lower() in _FORCE_WORDS))), None)


def main_verb_under_participle(verb: Token) -> bool:
    """Whether the parser read the participle describing the subject as the main verb (a past tense where
    the two forms are one) and the real main verb as its adverbial clause: "jihadists linked to al Qaeda
    attacked a school", "troops deployed in the province drove the fighters out"."""
    head = verb.head
    return (verb.dep_ in ("advcl", "dep") and verb.tag_ == "VBD" and head.i < verb.i
            and (head.tag_ == "VBN" or (head.tag_ == "VBD" and not any(c.dep_ == "dobj" for c in head.children)))
            and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
            and not any(c.dep_ == "mark" for c in verb.children))


def claimed_deed_doer(tok: Token) -> Token:
    """Who claimed the deed a noun names, for a relative clause on it: in "The gang claimed responsibility
    for the attack, which killed 70 people" the gang killed them. Any other token is returned as it is."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for" or tok.pos_ != "NOUN":
        return tok
    owner = prep.head
    claim = owner.head if owner.lemma_.lower() in CLAIMED_NOUNS and owner.dep_ == "dobj" else owner
    if claim.lemma_.lower() not in CLAIMING_VERBS or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_NOUNS for c in claim.children):
        return tok
    return next((c for c in claim.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), tok)


# Verbs and their objects by which a party claims a deed: "claimed responsibility for the attack".
CLAIMING_VERBS = frozenset({"claim", "take", "accept", "admit"})
CLAIMED_NOUNS = frozenset({"responsibility", "credit"})
# Where a person lives, whose owner an act on it is aimed at: "stormed her residence".
DWELLING_NOUNS = frozenset({"residence", "home", "house", "villa", "mansion", "palace"})
# Things a party says or decides, whose maker an act against them is aimed at.
STATEMENT_NOUNS = frozenset({"speech", "remark", "comment", "statement", "address", "decision", "announcement",
                             "proposal", "plan", "move", "declaration"})
# Documents whose "-ing" participle says what they do: "a joint statement urging...", "a letter calling for...".
DOCUMENT_NOUNS = frozenset({"statement", "letter", "resolution", "communique", "declaration", "appeal", "petition",
                            "motion", "note", "message", "decree"})


def document_issuer(verb: Token) -> Token | None:
    """The verb whose object is a document the participle verb tells the content of ("issued a statement
    urging..."): the document's act is its issuers'."""
    doc_noun = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and doc_noun.lemma_.lower() in DOCUMENT_NOUNS \
            and doc_noun.dep_ == "dobj" and doc_noun.head.pos_ in ("VERB", "AUX"):
        return doc_noun.head
    return None


# Participles that say whose a thing is: "targets belonging to militants", "bases used by the group".
OWNING_PARTICIPLES = frozenset({"belong", "use", "run", "operate", "hold", "control", "occupy"})


def clause_subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """Head of the (logical) subject of `verb` and whether it is a passive patient instead."""
    if misread_participle(verb) is not None:
        # "Protesters detained on Monday were released": the protesters were detained, by someone unsaid
        return next(c for c in verb.children if c.dep_ == "nsubj"), True
    if verb.dep_ in ("ccomp", "conj") and (real := misread_participle(verb.head)) is not None and real.i == verb.i:
        return next(c for c in verb.head.children if c.dep_ == "nsubj"), True
    # "Kenyan police leading a U.N.-backed mission have been deployed": the parser may read a subject with a
    # participle after it as a clause, the subject being the participle's own
    # (or as a participle on the object of that participle: "Kenyan police leading a mission clashed with gangs")
    if (leader := verb_read_as_object_participle(verb)) is not None:
        return leader, False
    if (blamer := relative_read_as_object(verb)) is not None:
        return blamer, False  # ", a killing the opposition blamed on the security forces"
    if (captives := captives_read_as_subject(verb)) is not None:
        return captives, True  # "handed over three women held hostage": the women were held
    clausal = next((c for c in verb.children if c.dep_ in ("csubj", "csubjpass") and c.tag_ == "VBG"), None)
    own = next((g for g in clausal.children if g.dep_ == "nsubj" and g.i < clausal.i), None) if clausal else None
    if own is not None and own.pos_ in ("NOUN", "PROPN"):
        return own, clausal.dep_ == "csubjpass"
    subjects = [c for c in verb.children if c.dep_ in SUBJ and not _apposition_read_as_subject(verb, c)] or [
        # "it had targeted members of the group": the parser may hang the subject on the auxiliary
        g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ in SUBJ]
    if subjects:
        # The parser gives a wire dateline ("YANGON (Reuters) - Myanmar aircraft bombed…") its own
        # subject arc; the subject nearest the verb is the real one. A passive auxiliary with a by-agent
        # makes it the patient, whatever arc the parser gave it.
        passive = _passive(verb) and _agent(verb) is not None
        last = subjects[-1]
        if (len(subjects) > 1 and last.pos_ == "PROPN" and last.i == subjects[-2].right_edge.i + 1
                and verb.doc[last.i - 1].pos_ == "NOUN"):
            # "Youths in the state capital Jos blocked roads": a name the parser split off the subject
            # before it is no second subject
            last = subjects[-2]
        return undateline(claimed_deed_doer(relcl_antecedent(last))), passive
    if (answerer := claim_read_as_apposition(verb)) is not None:
        return answerer, False  # "..., a charge Abu Dhabi has denied", the charge hung on the noun before
    # "since Azerbaijan retook the region": the parser may hang the subject on the clause's "since"
    marked = next((g for c in verb.children if c.dep_ == "mark" for g in c.children if g.dep_ in ("pobj", "nsubj")),
                  None)
    if marked is not None and marked.pos_ in ("PROPN", "NOUN") and not subjects:
        return marked, False
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if patients:
        # as for subjects: "TRIPOLI, Lebanon - Two people were killed" gives the dateline an arc too
        return undateline(relcl_antecedent(patients[-1])), True
    if depth > 3:
        return None, False
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in PURPOSE_NOUNS and to_infinitive(verb):
        # "converged for a rally in Lagos to protest…", "has a plan to attack": an infinitive on a noun
        # for an undertaking is the purpose of whoever the noun's own clause is about ("forced people to
        # flee", "the first country to recognise" keep their noun)
        gov = verb.head
        while gov.head.i != gov.i and gov.pos_ not in ("VERB", "AUX"):
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX"):
            return clause_subject(gov, depth + 1)
    if verb.dep_ == "relcl":
        # ("the first deputy president to be impeached": a passive infinitive's noun undergoes it)
        return verb.head, to_infinitive(verb) and _passive(verb)
    if (issuer := document_issuer(verb)) is not None:
        return clause_subject(issuer, depth + 1)  # "issued a joint statement urging Caracas to...": the issuers
    if verb.dep_ == "acl" and (story := story_subject(verb.head)) is not None:
        return story, False  # "OUAGADOUGOU (AFP) - Jihadist fighters killed…": the story's subject
    if misread_main_verb(verb):
        return verb.head, False  # "A drone strike killed 20 civilians": the strike killed
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head, True  # "the attack carried out by militants" -> head is the patient
    if verb.dep_ == "acl":
        return verb.head, False
    if _sent_to_do(verb):
        # "officers had been deployed to rescue the victims": those sent do what they were sent for
        subj, _ = clause_subject(verb.head, depth + 1)
        return subj, _passive(verb)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.i != verb.i:
        # "Endorsed by the Council, the talks marked...": the main clause's subject is the patient
        subj, _ = clause_subject(verb.head, depth + 1)
        return subj, True
    if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() == "come"
            and any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.head.children)):
        # "a U.N. helicopter came under fire, killing a crew member": whoever came under fire did not kill
        return None, False
    if main_verb_under_participle(verb):
        subj = next((c for c in verb.head.children if c.dep_ in SUBJ), None)
        if subj is not None:
            return subj, False
    if verb.dep_ == "advcl" and verb.tag_ == "VBD":
        # a finite verb of an adverbial clause has a subject of its own, even where the parser missed it
        # ("arrested 12 militants a day after an attack near Hawija killed four soldiers"); only a
        # participle shares the main clause's ("…, killing five")
        return None, False
    if misattached_conj(verb):
        # "urged both sides to show restraint and offered to mediate": the finite verb it goes with
        return clause_subject(conj_partner(verb), depth + 1)
    if verb.dep_ == "advcl" and verb.head.lemma_.lower() in TIME_GIVING_VERBS and to_infinitive(verb):
        # "had given the coup leaders until Sunday to step down": those given the time are to act
        obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            return obj, False
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and (said := next(
            (c for c in verb.head.children if c.dep_ == "parataxis" and c.i < verb.i
             and c.lemma_.lower() in DEFAULT_SPEECH_VERBS), None)) is not None:
        # "The freed Americans landed in Texas, Marco Rubio said, thanking Nayib Bukele": the speaker thanks
        subj = next((c for c in said.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj, False
    if (lost := subject_it_lost(verb)) is not None:
        return lost, False
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and verb.head.i != verb.i:
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INSTRUMENT_VERBS:
            # "police used tear gas to disperse the crowd": the user acts, not the thing used
            subj, passive = clause_subject(verb.head, depth + 1)
            return subj, passive or _passive(verb)
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in PURPOSE_OBJECT_VERBS:
            # object control: "urged the government to stop" -> the object is the subject
            obj = next((c for c in verb.head.children if c.dep_ in ("dobj",)), None)
            if obj is not None:
                return obj, False
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            obj = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
            if verb.head.lower_ == "from" and obj is not None:
                return obj, False  # "prevented protesters from marching": the protesters would have marched
            # "a man convicted of killing two militiamen", "was arrested for protesting": the one who
            # undergoes a passive did what its gerund says (and undergoes a passive gerund: "was forced to
            # record videos before being released")
            return clause_subject(verb.head.head, depth + 1)[0], _passive(verb)
        subj, passive = clause_subject(verb.head, depth + 1)
        if verb.dep_ == "xcomp":
            # "the minister is expected to visit Kyiv", "troops were ordered to fire": whoever undergoes
            # the governing passive does the infinitive's act, unless that has its own passive ("the
            # prisoners were due to be released")
            passive = _passive(verb)
        elif _passive(verb):
            passive = True
        elif verb.dep_ == "conj" and verb.tag_ == "VBD":
            # "they were deeply concerned and called for restraint": a past-tense conjunct is active,
            # whatever voice the first verb had
            passive = False
        return subj, passive
    return None, False


def _apposition_read_as_subject(verb: Token, subj: Token) -> bool:
    """ "Pakistan closed the crossing, the main trade route between the two countries, and summoned the
    envoy": the parser makes the object's apposition the second verb's subject and hangs the "and" on it.
    Such a subject is set off by a comma right after the first verb's object, and the second verb shares
    the first one's subject."""
    if verb.dep_ != "conj" or subj.i > verb.i or not any(c.dep_ == "cc" for c in subj.children):
        return False
    comma = subj.left_edge.i - 1
    doc = verb.doc
    if comma < 1 or doc[comma].text != ",":
        return False
    before = doc[comma - 1]
    objects = [c for c in verb.head.children if c.dep_ == "dobj"]
    return any(o.left_edge.i <= before.i <= o.right_edge.i for o in objects)


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            # a neighbour across a border is no party ("withdrew towards the border with Mali")
            out.extend(g for g in c.children if g.dep_ == "pobj" and not across_border(g))
    return out


# Participles of carrying that describe a vehicle: where it goes is no party to what happens to it.
CARRYING_PARTICIPLES = frozenset({"carry", "transport", "bring", "deliver", "head", "bind", "travel", "ferry",
                                  "take"})


def _carrying_participle(tok: Token) -> bool:
    """A participle of carrying describing a noun: "carrying food" of "a convoy carrying food to El Fasher"
    (not "run by Serbia" of "offices run by Serbia", which names their owner)."""
    return (tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN") and tok.lemma_.lower() in CARRYING_PARTICIPLES
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children))


def first_entity(head: Token) -> Token | None:
    """The first named actor inside a phrase that itself names none ("reports that Russia is moving..."),
    outside its relative clauses, appositions (a mention of their own) and participles of carrying ("the two
    rivals, which have backed opposing sides in Yemen", not Yemen; "a convoy carrying food to El Fasher",
    not El Fasher), and outside the event's own verb where the parser hung it on the phrase ("A drone
    strike killed 30 people in Ethiopia's Amhara region": no Ethiopian strike); never a neighbour across a
    border that only says where."""
    inside = [t for t in head.subtree
              if not any((a.dep_ in ("relcl", "appos") or _carrying_participle(a) or misread_main_verb(a))
                         and head in a.ancestors for a in (t, *t.ancestors))]
    for t in inside:
        if _registry_flag(t):
            continue
        ent = next((e for e in t.doc.ents if e.start == t.i), None) if t.ent_iob_ == "B" else None
        if ent is not None and across_border(ent.root) and ent.root.head.head.dep_ == "pobj":
            # "captured the town of Laukkai on the border with China": the neighbour where the border only
            # says where is no party (one whose border is closed is: "closed its border with Benin")
            continue
        if t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") and t.ent_iob_ == "B":
            # the entity's head, not its first word ("the United States" is headed by "States")
            return ent.root if ent is not None else t
    return None


# Verbs of an attack whose subject did what a passive "when" clause hangs on it: "were wounded when an
# Israeli tank fired at a watchtower".
WHEN_DEED_VERBS = frozenset({"fire", "shell", "strike", "hit", "attack", "bomb", "shoot", "open", "ram", "target",
                             "raid", "storm", "ambush", "launch"})


def _doers_of_the_deed_in(verb: Token, event_nouns: frozenset[int]) -> list[Token]:
    """Who did it, for a passive with no agent, from the deed it happened in: "were killed in clashes with
    the rebels", "were wounded in an attack by militants", "were wounded when an Israeli tank fired at a
    watchtower"."""
    # (the parser may hang the "when" clause on the day before it: "were wounded on Friday when a tank fired")
    days = [g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    for c in [*verb.children, *(r for d in days for r in d.children if r.dep_ == "relcl")]:
        if (c.dep_ in ("advcl", "relcl") and c.lemma_.lower() in WHEN_DEED_VERBS
                and any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in c.children)):
            doer = next((g for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN")), None)
            if doer is not None:
                return _expand_conj(doer)
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ != "in":
            continue
        for deed in p.children:
            if deed.dep_ == "pobj" and deed.i in event_nouns:
                doers = _prep_objects(deed, frozenset({"by", "with"}))
                if doers:
                    return _expand_conj(doers[0])
    return []


def _registry_flag(tok: Token) -> bool:
    """"a Liberian-flagged tanker": the nationality of a flag, no party to the event."""
    nxt = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 3]]
    return bool(nxt) and (nxt[0] in REGISTRY_WORDS or (nxt[0] == "-" and nxt[1:] and nxt[1] in REGISTRY_WORDS))


def _counts_events(tok: Token, event_nouns: frozenset[int]) -> bool:
    """"a new round of sanctions", "a wave of air strikes": a measure of events, no recipient."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and g.i in event_nouns
                                                           for g in p.children) for p in tok.children)


def _is_event_noun(tok: Token, match: TriggerMatch) -> bool:
    """A word of the trigger phrase itself ("open fire"); an object that merely satisfied the trigger's
    object constraint ("captured soldiers") is still a recipient unless it names an event or a weapon."""
    return tok.i in {t.i for t in match.tokens}


def verb_arguments(match: TriggerMatch, anchor: Token, event_nouns: frozenset[int] = frozenset()) -> Arguments:
    args = Arguments()
    moving = match.event_type == "MOBILIZE" or (match.event_type == "RETREAT" and "withdraw" in match.trigger.modes)
    subj, passive = clause_subject(anchor)
    if (match.event_type == "ASSAULT" and not any(c.dep_ in SUBJ for c in anchor.children)
            and (between := _prep_objects(anchor, frozenset({"between"})))):
        # "told Reuters, as fighting between the army and Fano militiamen intensified": those it was between
        # fought, not the subject the participle would otherwise borrow
        subj, passive = between[0], False
    if passive and match.trigger.pos == "A":
        passive = False  # "we have been concerned": a stative participle's subject is its experiencer
    agent = _agent(anchor)
    actor_heads: list[Token] = []
    recip_heads: list[Token] = []
    if passive:
        if agent is not None:
            actor_heads = _expand_conj(agent)
        else:
            actor_heads = _doers_of_the_deed_in(anchor, event_nouns)
        # "rockets were fired at the base": the weapon is no recipient
        if (match.event_type == "MOBILIZE" and agent is None and subj is not None
                and subj.lemma_.lower() in MOVED_FORCES):
            actor_heads = _expand_conj(subj)  # "11,000 North Korean soldiers have been sent to Kursk": theirs
        elif subj is not None and not _is_event_noun(subj, match) and subj.i not in event_nouns:
            recip_heads = _expand_conj(subj)
    else:
        if subj is not None:
            first = subj
            if anchor.dep_ == "relcl" and anchor.head.i == subj.i:
                # "Qatar and Egypt, which mediated the agreement": the clause hangs on the last name only
                while first.dep_ == "conj" and first.head.i < first.i:
                    first = first.head
            # "A drone strike killed…, residents said": the speakers the parser coordinates with a misread
            # verb's noun are no doers
            actor_heads = [first] if misread_main_verb(anchor) else _expand_conj(first)
            if first.i in event_nouns and (sides := parties_between(first)):
                # "Clashes between two armed groups killed 27 people": the sides of the clashes did
                actor_heads, args.through = sides, first.i
        if (actor_heads and match.event_type in ("ASSAULT", "COERCE") and anchor.dep_ in ("ccomp", "xcomp")
                and anchor.head.lemma_.lower() in ("help", "assist")
                and subj is not None and subj.head.i == anchor.i):
            # "Rwandan troops helped Mozambican forces push the attackers out": the helpers fought too (a
            # mediator that helps the sides agree is no party to the agreement)
            helper, helped = clause_subject(anchor.head)
            if helper is not None and not helped and helper.pos_ in ("NOUN", "PROPN"):
                have = {a.i for a in actor_heads}
                actor_heads = actor_heads + [h for h in _expand_conj(helper) if h.i not in have]
        # the forces a deployment or a withdrawal moves are the actor's own, never its recipient: "sent 5,000
        # troops to the region", "withdrew its troops from Mali", "about 90 navy and coast guard ships"
        # (nor is whoever is sent anywhere: "sent its foreign minister to Niamey" visits Niger)
        # (nor whoever is called home: "recalled its ambassador from Phnom Penh" is aimed at Cambodia)
        sent = match.obj is not None and anchor.lemma_.lower() in ("send", "dispatch", "recall")
        for c in anchor.children:
            # (the forces may head a measure of them: "sent thousands of troops")
            if (sent and c.left_edge.i <= match.obj.i <= c.right_edge.i) or (moving and (
                    (match.event_type == "MOBILIZE" and match.obj is not None and c.i == match.obj.i)
                    or any(t.lemma_.lower() in MOVED_FORCES for t in (c, *c.conjuncts))
                    # "has troops in South Kivu and would not withdraw them": what one withdraws is one's own
                    or (c.dep_ == "dobj" and c.tag_ == "PRP"))):
                continue
            home_owner = next((g for g in c.children if g.dep_ == "poss"), None) \
                if c.dep_ == "dobj" and c.lemma_.lower() in DWELLING_NOUNS else None
            if home_owner is not None:
                # "stormed her official residence": whose home it is (not an "official")
                recip_heads.extend(_expand_conj(home_owner))
                break
            if (c.dep_ in ("dobj", "dative") and not _is_event_noun(c, match) and c.i not in event_nouns
                    and not _counts_events(c, event_nouns)
                    and not (match.event_type == "CONSULT" and anchor.lemma_.lower() in TOPIC_VERBS)):
                # (a relative pronoun is the noun the clause hangs on: "Ivory Coast, which he accused of
                # harbouring them")
                if c.lower_ in RELATIVE_PRONOUNS and anchor.dep_ == "relcl":
                    if any(g.dep_ == "dobj" and g.i > c.i for g in anchor.children):
                        continue  # "findings that soldiers had executed 223 villagers": a "that" of content
                    c = anchor.head
                    # "gave a National Day speech that Beijing condemned": whoever made the statement
                    maker = next((g for g in c.head.children if g.dep_ == "nsubj"), None) \
                        if c.lemma_.lower() in STATEMENT_NOUNS and c.dep_ == "dobj" else None
                    if maker is not None and maker.pos_ in ("NOUN", "PROPN"):
                        c = maker
                elif match.obj is not None and match.obj.dep_ == "nmod" and match.obj.head.i == c.i:
                    c = match.obj  # "blocked the avenue outside parliament": the avenue, read as a modifier
                recip_heads.extend(_expand_conj(c))
                break
            # the one whose act the verb answers: "condemned China's maneuvers", "demanded Pashinyan's
            # resignation" (not the event's own noun: "launched its offensive")
            owner = _deed_owner(c)
            if c.dep_ == "dobj" and owner is not None and c.i != match.token.i \
                    and (_is_event_noun(c, match) or c.i in event_nouns):
                recip_heads.extend(_expand_conj(owner))
                break
        if not recip_heads and match.kind == "verb" and (unsaid := _object_left_unsaid(anchor)) is not None \
                and unsaid.i not in event_nouns:
            recip_heads = [unsaid]  # "a British diplomat it accused of spying"
        if not recip_heads and (undergoer := object_read_as_participle_subject(anchor)
                                or object_taken_by_speaker(anchor)
                                or (captives[0] if (captives := captives_of(anchor)) else None)) is not None \
                and undergoer.i not in event_nouns:
            # "killed at least eight people sheltering there", "killing 40 people, a spokesman ... said", "handed
            # over three women held hostage"
            recip_heads = _expand_conj(undergoer)
        if not recip_heads and match.event_type == "ASSAULT" and anchor.lemma_.lower() in CRAFT_TARGETING_VERBS:
            # "shot down a Russian warplane", "downed an army helicopter", "sank Ukraine's patrol boat": whose
            # craft it was (a weapon the lexicon knows is otherwise no recipient)
            craft = next((c for c in anchor.children if c.dep_ == "dobj" and c.i in event_nouns), None)
            owner = _craft_owner(craft) if craft is not None else None
            if owner is not None:
                recip_heads.append(owner)
        if not recip_heads:
            # the same through a phrase's own preposition: "called for Machado's arrest"
            deeds = [g for p in match.tokens[1:] if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            owners = [o for d in deeds if (d.i in event_nouns or _is_event_noun(d, match)) and d.i != match.token.i
                      and (o := _deed_owner(d)) is not None]
            if owners:
                recip_heads.extend(_expand_conj(owners[0]))
    holders = [anchor]
    if match.obj is not None:
        holders.append(match.obj)
    if match.kind == "noun":
        holders.append(match.token)
    # talks "on their response to Pyongyang's deployment" are about it, not with it
    targets = TARGET_PREPS - TOPIC_PREPS if match.event_type == "CONSULT" else TARGET_PREPS
    if match.event_type in VENUE_AT_TYPES:
        targets = targets - {"at"}  # "signed an agreement at the White House": where, not with whom
    if match.event_type in ("SUPPORT", "AID"):
        targets = targets - {"against"}  # "troops are in Congo to defend against Hutu militias": the foe
    if match.trigger.frame == "swap" or (match.event_type == "RETREAT" and "withdraw" in match.trigger.modes):
        targets = targets - DESTINATION_PREPS  # "withdrew its troops from Sake toward Goma": not from Goma
    if not recip_heads and match.event_type == "CONSULT":
        # "mediated between Israel and Hamas with Egypt": the parties are between, the co-mediators with
        between = _prep_objects(anchor, frozenset({"between"}))
        if between:
            recip_heads = _expand_conj(between[0])
    if not recip_heads:
        for h in holders:
            if moving and h.i != anchor.i and h.lemma_.lower() in MOVED_FORCES:
                continue  # "mercenaries of the Africa Corps have been deployed": whose forces, not a target
            # (a warrant is "for" whom it names: "issued an arrest warrant for Madobe")
            preps = targets | {"for"} if h.lemma_.lower() in WARRANT_NOUNS else targets
            found = _prep_objects(h, preps - {"of"} if h.i == anchor.i else preps)
            # "imposed on Monday a new round of sanctions on Belarus": a date is no recipient
            # (nor are the forces a deployment or a withdrawal moves: "ordered the deployment of the military",
            # "completed the withdrawal of troops")
            found = [f for f in found if (f.i not in event_nouns or f.i == match.token.i) and not _circumstance(f)
                     and not (moving and f.lemma_.lower() in MOVED_FORCES)]
            if found:
                recip_heads = _expand_conj(found[0])
                break
    # a party named after the object, for when the object turns out to be a thing that names none:
    # "suspended some aid programmes to Niger", "blame the unrest on foreign enemies"
    indirect: list[Token] = []
    # a withdrawal is from somebody: "withdrew its troops from Mali"
    # (and a seizure from somebody: "recaptured the town from al Shabaab")
    indirect_preps = targets - {"of"} | ({"from"} if match.event_type == "RETREAT"
                                         or (match.event_type == "COERCE" and "seize" in match.trigger.modes)
                                         or anchor.lemma_.lower() == "recall" else set())
    for h in [anchor, *(c for c in anchor.children if c.dep_ == "dobj")]:
        found = [f for f in _prep_objects(h, indirect_preps) if f.i not in event_nouns and not _circumstance(f)]
        if found:
            indirect = _expand_conj(found[0])
            break
    if not indirect:
        # "struck 32 targets belonging to Kurdish militants", "raided bases used by the group": whose the
        # thing acted on is
        owners = [g for c in anchor.children if c.dep_ == "dobj" for v in c.children
                  if v.dep_ == "acl" and v.lemma_.lower() in OWNING_PARTICIPLES
                  for p in v.children if (p.dep_ == "prep" and p.lower_ == "to") or p.dep_ == "agent"
                  for g in p.children if g.dep_ == "pobj"]
        if owners:
            indirect = _expand_conj(owners[0])
    if not recip_heads and match.event_type == "REQUEST":
        # "called for Hasina to resign", "demanded that Iran release the ship": who is to act is whom the
        # request is made of
        for c in anchor.children:
            if c.dep_ in ("advcl", "ccomp") and any(g.dep_ == "mark" and g.lower_ in ("for", "that")
                                                    for g in c.children):
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                    recip_heads = _expand_conj(subj)
                    break
    if not recip_heads and match.event_type == "ASSAULT" and match.kind == "noun" \
            and anchor.lemma_.lower() in INSTRUMENT_VERBS:
        # "used pepper spray to push demonstrators away": whom the weapon was used on is its purpose's object
        purpose = next((c for c in anchor.children if c.dep_ in ("xcomp", "advcl") and to_infinitive(c)), None)
        obj = next((g for g in purpose.children if g.dep_ == "dobj"), None) if purpose is not None else None
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            recip_heads = _expand_conj(obj)
    if not recip_heads and match.event_type == "CONSULT":
        parties = _prep_objects(anchor, frozenset({"between"}))  # "mediated between Riyadh and the Houthis"
        if parties:
            recip_heads = _expand_conj(parties[0])
    frame = match.trigger.frame
    if match.trigger.pos == "A" and anchor.pos_ == "VERB" and not passive and recip_heads \
            and any(c.dep_ == "dobj" for c in anchor.children):
        frame = "swap"  # "Kurdish power has alarmed Turkey": the object is the one who disapproves
    if frame == "swap" and match.event_type == "CONSULT" and not recip_heads and any(
            c.dep_ == "dobj" and (_is_event_noun(c, match) or c.i in event_nouns) for c in anchor.children):
        frame = ""  # "Rubio hosted the signing": the host of an event acts; no guest is swapped in
    if frame == "swap":
        actor_heads, recip_heads = recip_heads, actor_heads
    elif frame == "mutual" and not passive and match.event_type == "ASSAULT":
        # Two-sided fighting has every side as actor: "Kurds clashed with government forces", "fought one
        # of their most serious battles with government forces" (the partner may hang off the cognate object)
        partner_preps = frozenset({"with", "between", "against"})
        partners = _prep_objects(anchor, partner_preps)
        for c in anchor.children:
            if not partners and c.dep_ == "dobj" and c.i in event_nouns:
                partners = _prep_objects(c, partner_preps)
        if partners:
            have = {a.i for a in actor_heads}
            actor_heads = actor_heads + [h for p in partners for h in _expand_conj(p) if h.i not in have]
            recip_heads = []
    recip_heads = [h for h in recip_heads if h.lower_ not in REFLEXIVES]
    actor_heads = [x for h in actor_heads for x in _included(h)]
    recip_heads = [x for h in recip_heads for x in _included(h)]
    args.actors = mention_spans(actor_heads)
    args.recipients = mention_spans([h for h in recip_heads if h.i not in {a.i for a in actor_heads}])
    if frame != "swap":
        args.indirect = mention_spans([h for h in indirect if h.i not in {a.i for a in actor_heads}])
    for h in actor_heads + recip_heads:
        # (not the speaker of a closing "said" hung on the object: "killing 40 people, a spokesman ... said")
        ap = next((c for c in h.children if c.dep_ == "appos" and not speaks_after(c)), None)
        if ap is None and h.dep_ == "conj":
            # "The African Union and the West African bloc ECOWAS": the parser hangs the name right after the
            # second conjunct on the first
            ap = next((c for c in h.head.children if c.dep_ == "appos" and c.left_edge.i == h.right_edge.i + 1),
                      None)
        if ap is not None:
            args.appositions[h.i] = mention_span(ap)
    return args


# Plural nouns for states that an "including" list names: "Governments across the region, including Brazil,
# Chile and Colombia, condemned the attempt" were those three.
STATE_GROUP_NOUNS = STATE_PAIR_NOUNS | {"government", "ally", "power", "member", "capital"}


def _included(head: Token) -> list[Token]:
    """The members an "including" phrase names for a plural noun of states, else the noun itself."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in STATE_GROUP_NOUNS:
        return [head]
    inc = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "including"), None)
    named = next((g for g in inc.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None) if inc is not None else None
    return _expand_conj(named) if named is not None else [head]


def parties_between(tok: Token) -> list[Token]:
    """The heads of "between X and Y" (or "among ...") on tok: the sides of a fight or of talks."""
    between = _prep_objects(tok, frozenset({"between", "among"}))
    return _expand_conj(between[0]) if between else []


def noun_arguments(match: TriggerMatch) -> Arguments:
    """Arguments of an event noun standing on its own ("Russian air strikes on Homs", "the arrival of troops")."""
    n = match.token
    args = Arguments()
    actor_heads: list[Token] = []
    patient_heads: list[Token] = []
    patient_possessor = n.lemma_.lower() in PATIENT_POSSESSOR_NOUNS and not _prep_objects(n, frozenset({"of"}))
    for c in n.children:
        if c.dep_ == "poss":
            (patient_heads if patient_possessor else actor_heads).append(c)
        elif c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"):
            if c.i not in {t.i for t in match.tokens}:
                actor_heads.append(c)
    actor_heads.extend(_prep_objects(n, NOUN_AGENT_PREPS))
    if not actor_heads and match.event_type in NOUN_OF_AGENT_TYPES and n.lemma_.lower() not in PATIENT_POSSESSOR_NOUNS:
        # (not "the release of 22 fishermen", who are released: the noun's "of" is whom it befalls)
        actor_heads.extend(_prep_objects(n, frozenset({"of"})))
    actor_heads.extend(parties_between(n))
    # "fighting between X and Y" / "clashes with Y": a governing subject is also a party
    used = {h.i for h in actor_heads}
    recip_heads = patient_heads or [h for h in _prep_objects(n, TARGET_PREPS - {"into"}) if h.i not in used and not (
        match.event_type == "MOBILIZE" and h.lemma_.lower() in MOVED_FORCES)]  # "deployment of troops to Russia"
    args.actors = mention_spans(actor_heads)
    args.recipients = mention_spans(_expand_conj(recip_heads[0])) if recip_heads else []
    return args
