"""Find event triggers in a parsed sentence: verbs, phrasal verbs, support-verb + event-noun, event nouns.

The vocabulary lives in the lexicon data (resources/data/coding/triggers.tsv); this module only knows how
a lexicon phrase is realised in a dependency parse.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.coding.clause_forms import to_infinitive
from wirecoder.coding.dateline_subject import DASHES
from wirecoder.coding.lexicon import Lexicon, Trigger
from wirecoder.coding.misparse import captives_of, misread_main_verb, modifier_read_as_verb
from wirecoder.coding.place_text import first_conjunct

# Dependents that can carry a phrasal verb's fixed part ("call off", "open fire", "take to the streets").
_PHRASE_DEPS = frozenset({"prt", "dobj", "prep", "pobj", "acomp", "advmod", "attr", "oprd", "dative", "compound",
                          "xcomp"})
_NOUN_MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Verbs whose object is an attack of the other side's, not a cognate of their own: "repelled an attack".
REPELLING = frozenset({"repel", "repulse", "fend", "beat", "thwart", "foil"})
# Nouns naming what an act answers: "fired rockets in response to a drone strike".
CAUSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge", "retribution"})
# Prepositions whose object an act is aimed at or goes to, as a direct object is.
AIMED_PREPS = frozenset({"at", "on", "upon", "against", "into", "onto", "to", "toward", "towards", "over", "with"})
# "in protest", "in solidarity": the reason for an act, never its object
REASON_NOUNS = CAUSE_NOUNS | {"protest", "solidarity"}
# Verbs whose object is the means of the act in their "to" clause: "used drones to attack the town".
INSTRUMENT_VERBS = frozenset({"use", "employ", "deploy"})
# Nouns for a band a participle before them says the kind of: "a hacking group", "a kidnapping ring".
BAND_HEADS = frozenset({"group", "gang", "ring", "network", "cell", "unit", "squad", "team", "syndicate", "crew"})
# Things a bare participle before them only describes: "burning tyres", "exploding shells".
BURNING_THINGS = frozenset({"tyre", "tire", "barricade", "car", "vehicle", "debris", "building", "house", "rubbish",
                            "tree", "log", "branch", "oil", "wreckage", "shell", "fuel"})
# Verbs that name what their object is: "called the decision a coup attempt", "branded the vote a fraud",
# "a state they call Ambazonia".
NAMING_VERBS = frozenset({"call", "name", "dub", "label", "term", "brand", "nickname", "designate", "describe",
                          "characterise", "characterize"})
# Prepositions that put someone into a state a support verb's noun names: "placed under house arrest".
CONDITION_PREPS = frozenset({"under", "into"})
PSEUDO_TYPES = frozenset({"LIGHT", "SPEECH", "NONE"})
_WHERE_TO = frozenset({"to", "in", "into", "at", "near", "from", "toward", "towards", "across", "around"})
# Nouns for an undertaking that an event noun before them names: "launched a mediation effort"
# ("gave the coup leaders a week" names no coup).
EFFORT_NOUNS = frozenset({"effort", "bid", "attempt", "campaign", "operation", "mission", "initiative", "plan",
                          "process", "push", "drive", "programme", "program", "round", "exercise", "drill",
                          "offensive", "scheme", "proposal", "package", "deal", "agreement", "order"})
# Modes of acts that stop or keep out what their object names: the visits "restricted", the talks
# "cancelled", the aid "halted" do not take place, so the object noun is no event of its own.
PREVENTING_MODES = frozenset({"restrict", "censor", "withhold", "discontinue", "withdraw", "meet"})
PARTITIVES = frozenset({"member", "unit", "hundred", "thousand", "dozen", "score", "contingent", "group", "batch",
                        "column", "battalion", "company", "detachment", "element", "number", "wave", "round",
                        "series", "spate", "string", "package", "set", "volley", "salvo", "barrage", "day", "week", "month",
                        "hour", "year", "night", "ton", "tonne", "worth", "shipment", "consignment", "load",
                        "truckload", "amount", "quantity", "million", "billion", "crate", "lot", "supply"})
# Event nouns that a verb of saying can carry: "voiced concern", "issued a warning", "repeated its demand".
VERBAL_NOUN_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "AGREE", "SUPPORT", "CONCEDE",
                               "RETREAT"})
# Verbs of saying whose object is the act itself, of any type: "announced sanctions on Russia", "unveiled an
# aid package" (where "said" or "claimed" with an attack is no attack of the speaker's).
ANNOUNCING_VERBS = frozenset({"announce", "unveil"})
OCCURRENCE_VERBS = frozenset({
    "erupt", "break", "begin", "start", "resume", "continue", "end", "take", "occur", "happen", "rage",
    "intensify", "escalate", "kill", "leave", "hit", "follow", "spread", "flare", "persist", "last", "target",
    "injure", "wound", "destroy", "damage", "claim",
})


@dataclass
class TriggerMatch:
    token: Token  # the trigger's head token (verb or noun)
    trigger: Trigger
    kind: str  # "verb" | "noun"
    tokens: tuple[Token, ...]  # every token of the matched phrase (evidence)
    obj: Token | None = None  # object matched by an `obj` constraint
    anchor: Token | None = None  # token whose clause carries the event's arguments (support verb or itself)

    @property
    def event_type(self) -> str:
        return self.trigger.event_type


def _lemma(tok: Token) -> str:
    lem = tok.lemma_.lower()
    # spaCy's small model leaves some plural event nouns unlemmatised ("talks", "clashes" are fine; "airstrikes" not),
    # and takes a plural opening a wire story for a name ("CAIRO, May 6 - Drones struck…")
    opening = tok.tag_ == "NNP" and tok.i > 0 and tok.doc[tok.i - 1].text in DASHES and tok.text.istitle()
    if (tok.pos_ in ("NOUN", "PROPN") and (tok.tag_ in ("NNS", "NNPS") or opening) and lem == tok.lower_
            and lem.endswith("s")):
        lem = lem[:-1]
    return lem


def _near_lemmas(tok: Token) -> dict[str, Token]:
    """Lemmas of dependents that can hold a phrase's fixed words, two levels deep."""
    out: dict[str, Token] = {}
    for c in tok.children:
        if c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) and all(
                g.ent_type_ in ("DATE", "TIME") and not any(p.dep_ == "prep" and p.lower_ == "of" for p in g.children)
                for g in c.children if g.dep_ == "pobj"):
            continue  # "whom he called on Monday": a date, not the "on" of "call on" ("for a week of strikes" is)
        if c.dep_ == "advcl":
            # "called for the charges to be dropped": the parser makes "for" the mark of the clause
            mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"), None)
            if mark is not None:
                out.setdefault("for", mark)
        # (a "to" clause the parser made adverbial is the complement it read elsewhere as xcomp: "gave the
        # ambassador 72 hours to leave")
        if c.dep_ in _PHRASE_DEPS or (c.dep_ == "advcl" and to_infinitive(c)):
            out.setdefault(_lemma(c), c)
            for g in c.children:
                # not the end of a hyphened modifier: "held live-fire drills" holds no fire
                glued = g.i > 0 and g.doc[g.i - 1].text == "-" and not g.doc[g.i - 1].whitespace_
                if g.dep_ in ("pobj", "dobj", "compound", "det", "prt", "amod") and not glued:
                    out.setdefault(_lemma(g), g)
    return out


TIMING_PREPS = frozenset({"after", "before", "since", "until", "during", "amid", "following"})


def object_before(pronoun: Token) -> Token | None:
    """The last direct object, a common noun or a name, in the pronoun's sentence before it: what an object
    "it" most often stands for ("would not sign the bill and withdrew it")."""
    return next((t for t in reversed(pronoun.sent[:pronoun.i - pronoun.sent.start])
                 if t.dep_ == "dobj" and t.tag_ in ("NN", "NNP")), None)


def _named_person(tok: Token) -> bool:
    """A person's name as the object (or passive subject): one the model tagged, or an untagged name there."""
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ in ("dobj", "nsubjpass"))


def _object_heads(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative")]
    if (captives := captives_of(verb)) is not None:
        objs.extend(captives)  # "handed over three women held hostage": the women, and the state they were in
    if verb.dep_ == "amod" and any(c.dep_ == "nsubj" for c in verb.children):
        objs.append(verb.head)  # "Poland scrambled fighter jets" parsed as Poland's "scrambled jets"
    # "fired rockets at", "imposed sanctions on": the object may sit under a preposition too
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ not in TIMING_PREPS:
            # "suspended a ceasefire in March": a date is no object, whatever word it shares; nor is the
            # reason given ("suspended security coordination in protest": no protest suspended), nor what it
            # came after ("withdrew from the town after negotiations" left no talks)
            objs.extend(g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
                        and not (c.lower_ == "in" and _lemma(g) in REASON_NOUNS))
    more = []
    for o in objs:
        more.extend(o.conjuncts)
        if o.lower_ == "it" and o.dep_ == "dobj" and (thing := object_before(o)) is not None and thing.tag_ == "NN":
            more.append(thing)  # "would not sign the bill and withdrew it": the thing the sentence named before
        # "blocked the main avenue outside parliament", parsed as an avenue modifying the parliament
        more.extend(c for c in o.children if c.dep_ == "nmod" and c.i < o.i and c.pos_ in ("NOUN", "PROPN"))
        # "suspended French broadcasters RFI and France 24": the kind of thing a name is, before it
        if o.pos_ == "PROPN":
            more.extend(c for c in o.children if c.dep_ == "compound" and c.i < o.i and c.pos_ == "NOUN")
        if _lemma(o) in PARTITIVES or o.like_num or o.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL"):
            # "provided 25,000 tons of food aid", "delivered $50,000 worth of goods"
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    more.extend(g for g in p.children if g.dep_ == "pobj")
    return objs + more


def _has_complement(tok: Token) -> bool:
    """Whether an adjective says what one is ready or open for: a clause or a "to"/"for" phrase."""
    return any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("to", "for"))
               for c in tok.children)


def match_verb(tok: Token, lexicon: Lexicon) -> TriggerMatch | None:
    table = lexicon.adj_triggers if tok.pos_ == "ADJ" else lexicon.verb_triggers
    cands = table.get(_lemma(tok)) or (lexicon.adj_triggers.get(tok.lower_) if tok.pos_ != "ADJ" else None)
    if not cands:
        return None
    near = None
    objs = None
    best: TriggerMatch | None = None
    best_key: tuple[int, int, float] = (-1, -1, -1.0)
    for trig in cands:
        if trig.pos == "A" and trig.frame == "clause" and not _has_complement(tok):
            continue  # "open to talks", "ready to negotiate" agree; "businesses stayed open" does not
        extra = trig.words[1:]
        used: list[Token] = []
        if extra:
            near = near if near is not None else _near_lemmas(tok)
            if not all(w in near for w in extra):
                continue
            used = [near[w] for w in extra]
            if any(u.dep_ == "prep" and u.lower_ in PARTICLE_PREPS and any(g.dep_ == "pobj" for g in u.children)
                   and any(c.dep_ == "dobj" for c in tok.children) for u in used):
                continue  # "called a general strike in protest": a preposition with its own object, no "call in"
        obj_tok = None
        if trig.obj:
            objs = objs if objs is not None else _object_heads(tok)
            # a NONE row's object is the verb's own ("deploy capital" is money; "deployed the military to the
            # capital" still deploys)
            candidates = [o for o in objs if not (o.dep_ == "pobj" and o.head.lower_ in _WHERE_TO)] \
                if trig.event_type == "NONE" else objs
            obj_tok = next((o for o in candidates if _lemma(o) in trig.obj or (
                "@person" in trig.obj and _named_person(o)) or (
                _lemma(o) in GENERIC_UNITS and any(c.dep_ in ("compound", "amod") and _lemma(c) in trig.obj
                                                   for c in o.children))), None)
            if obj_tok is None:
                continue
        # an object the act is aimed at (the verb's own, one after an aimed preposition or after the
        # trigger's own: "called for a ceasefire") says more than a circumstance's: "suspended the strike
        # after talks" suspended no talks
        circumstance = obj_tok is not None and obj_tok.dep_ == "pobj" and obj_tok.head.lower_ not in AIMED_PREPS \
            and obj_tok.head not in used
        obj_rank = 0 if obj_tok is None else 1 if circumstance else 2
        key = (len(extra), obj_rank, trig.weight)
        if key > best_key:
            best_key = key
            best = TriggerMatch(tok, trig, "verb", (tok, *used), obj_tok, tok)
    return best


# Particles of phrasal verbs that are also prepositions ("call in the army", "called a strike in protest").
PARTICLE_PREPS = frozenset({"in", "off", "up", "down", "back"})
# Words for a body of men that say nothing of its kind without their modifier: "police units", "army units".
GENERIC_UNITS = frozenset({"unit", "personnel", "contingent", "detachment", "element"})


def _noun_complements(tok: Token) -> dict[str, Token]:
    """'state of emergency', 'imposition of sanctions': lemmas of the noun's prepositional objects."""
    out: dict[str, Token] = {}
    for c in tok.children:
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.setdefault(_lemma(g), g)
                    if _lemma(g) in PARTITIVES:
                        # "the arrival of members of Iran's army", "deployment of hundreds of troops"
                        for p in g.children:
                            if p.dep_ == "prep" and p.lower_ == "of":
                                for q in p.children:
                                    if q.dep_ == "pobj":
                                        out.setdefault(_lemma(q), q)
        elif c.dep_ in ("compound", "amod"):
            out.setdefault(_lemma(c), c)
    return out


def match_noun(tok: Token, lexicon: Lexicon) -> TriggerMatch | None:
    if tok.pos_ == "PROPN" and tok.ent_type_ not in ("", "EVENT"):
        return None  # "Islamic State", "Security Council": names, not events
    cands = lexicon.noun_triggers.get(_lemma(tok))
    if not cands:
        return None
    mods = None
    comps = None
    best: TriggerMatch | None = None
    best_key: tuple[int, float] = (-1, -1.0)
    for trig in cands:
        extra = trig.words[:-1]
        used: list[Token] = []
        if extra:
            if mods is None:
                mods = {}
                for c in tok.children:
                    if c.dep_ in _NOUN_MOD_DEPS:
                        mods.setdefault(_lemma(c), c)
                # "air-strike" tokenises as air - strike
                if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
                    mods.setdefault(_lemma(tok.doc[tok.i - 2]), tok.doc[tok.i - 2])
            if not all(w in mods for w in extra):
                continue
            used = [mods[w] for w in extra]
        obj_tok = None
        if trig.obj:
            comps = comps if comps is not None else _noun_complements(tok)
            obj_tok = next((t for lem, t in comps.items() if lem in trig.obj), None)
            if obj_tok is None:
                continue
        key = (len(extra) + (1 if trig.obj else 0), trig.weight)
        if key > best_key:
            best_key = key
            best = TriggerMatch(tok, trig, "noun", (*used, tok), obj_tok, tok)
    return best


def find_triggers(sent: Span, lexicon: Lexicon) -> list[TriggerMatch]:
    """Every trigger in the sentence, with support-verb constructions folded onto their verb."""
    verbs: list[TriggerMatch] = []
    nouns: list[TriggerMatch] = []
    for tok in sent:
        # "Aid groups say": a sentence's first word, capitalised, is tagged a verb though it modifies a noun;
        # "the army and allied armed groups": a verb coordinated with a noun is a modifier too
        # (and "the northern occupied West Bank" is no occupation, whatever arcs the parser gave "occupied")
        mistagged = tok.pos_ == "VERB" and (tok.dep_ == "compound" or (
            tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN")) or modifier_read_as_verb(tok))
        if tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.tag_ == "VBG" and (
                _lemma(tok.head) in BAND_HEADS or (_lemma(tok.head) in BURNING_THINGS and not list(tok.children))):
            # "an Iran-based hacking group", "a kidnapping gang": what kind of band, no act; "blocked the
            # highway with burning tyres": what state a thing is in
            continue
        if any(t.dep_ == "oprd" and _lemma(t.head) in NAMING_VERBS for t in (tok, *tok.ancestors)):
            # "called the decision a coup attempt", "called the closures a violent act aimed at expelling
            # Serbs": what the speaker calls it, no act of its own
            continue
        if (tok.pos_ in ("VERB", "AUX") and not mistagged) or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT")):
            m = match_verb(tok, lexicon)
            if m:
                verbs.append(m)
        elif tok.pos_ in ("NOUN", "PROPN") or mistagged:
            m = match_noun(tok, lexicon)
            if m:
                nouns.append(m)
    by_verb = {m.token.i: m for m in verbs}
    noun_heads = {m.token.i for m in nouns}
    # (a support verb's object is the event itself: "committed a massacre", "ordered an attack")
    # (not where the verb says what its object is: "called the protests treasonous")
    in_phrases = {t.i for m in verbs for t in m.tokens[1:]} | (
        {m.obj.i for m in verbs if m.obj is not None and (m.event_type != "LIGHT" or _predicates(m.token))})
    out: list[TriggerMatch] = []
    for n in nouns:
        if n.token.i in in_phrases or n.trigger.frame == "instrument":
            continue
        head = n.token.head
        if (n.token.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in PARTITIVES
                and head.head.dep_ in ("dobj", "nsubjpass") and head.head.head.i in by_verb):
            # "imposed a new round of sanctions", "launched a wave of air strikes"
            head = head.head.head
            gov = by_verb[head.i]
            if gov.event_type == "LIGHT":
                n.anchor = head
                gov.anchor = None
                out.append(n)
                continue
        if n.token.dep_ == "compound":
            if (head.dep_ in ("dobj", "nsubjpass") and head.i not in noun_heads and by_verb.get(head.head.i)
                    and _lemma(head) in EFFORT_NOUNS):
                # "launched a mediation effort": the event noun modifies the support verb's object
                head = head.head
            else:
                continue  # "riot police", "aid workers", "peace envoy": a modifier, not an event
        if (n.token.dep_ == "pobj" and head.lower_ in CONDITION_PREPS and head.head.i in by_verb
                and by_verb[head.head.i].event_type == "LIGHT"):
            head = head.head  # "placed Machar under house arrest", "put the city under curfew"
        gov = by_verb.get(head.i)
        if gov is not None and n.token.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "compound"):
            if gov.event_type == "LIGHT" or (gov.event_type == "SPEECH" and n.token.dep_ == "dobj" and (
                    n.event_type in VERBAL_NOUN_TYPES or _lemma(head) in ANNOUNCING_VERBS)):
                # "held talks", "carried out air strikes", "reiterated its demand": the noun names the
                # event, the verb carries its arguments.
                n.anchor = head
                gov.anchor = None  # consumed
            elif gov.event_type == n.event_type and n.token.dep_ != "pobj" and _lemma(head) not in REPELLING:
                continue  # "fought battles": a cognate object repeats its verb's event ("repelled an
                # attack" does not: the attack is the other side's)
            elif n.token.dep_ == "dobj" and set(gov.trigger.modes) & PREVENTING_MODES:
                continue  # "restricted visits by Cambodian traders"
        if _cognate_of_verb(n, by_verb):
            continue  # "fought one of their most serious battles"
        out.append(n)
    out.extend(v for v in verbs if v.anchor is not None and v.trigger.frame != "instrument")
    out.sort(key=lambda m: m.token.i)
    return out


def _predicates(verb: Token) -> bool:
    """Whether a verb says what its object is or becomes ("called the protests treasonous", "made the
    talks impossible") rather than carrying out the act the object names."""
    return any(c.dep_ == "oprd" or (c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN"))
               for c in verb.children)


def _cognate_of_verb(n: TriggerMatch, by_verb: dict[int, TriggerMatch]) -> bool:
    tok, path = n.token, []
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        path.append(tok.dep_)
        tok = tok.head
        gov = by_verb.get(tok.i)
        if gov is not None:
            return (gov.event_type == n.event_type and "dobj" in path and "nsubj" not in path
                    and _lemma(gov.token) not in REPELLING)
    return False


# Weapon words that name the people who bear them: their weapon is the act's only when they do it.
ARMED_PERSONS = frozenset({"gunman", "sniper", "bomber"})


def instrument_modes(anchor: Token, lexicon: Lexicon) -> tuple[str, ...]:
    """Modes added by weapon nouns in an ASSAULT clause ("shelled the town with artillery" -> heavy-weapons)."""
    modes: list[str] = []
    tokens = _own_clause(anchor)
    if misread_main_verb(anchor):  # "A drone strike killed…": the subject the parser hung the verb on
        tokens += [t for t in anchor.head.subtree if t.i < anchor.i]
    if anchor.dep_ in ("xcomp", "advcl") and anchor.head.lemma_.lower() in INSTRUMENT_VERBS:
        # "used drones to attack the town": the means is the object of "use"
        tokens += [t for c in anchor.head.children if c.dep_ == "dobj" for t in c.subtree]
    for t in tokens:
        rows = lexicon.noun_triggers.get(_lemma(t), ())
        if not any(trig.frame == "instrument" for trig in rows):
            continue
        if _lemma(t) in ARMED_PERSONS and not _doer(t):
            continue  # "struck a cell of gunmen": whom an act is aimed at lends it no weapon
        before = t.doc[t.left_edge.i:t.i].text.lower()  # "rocket-propelled" is three tokens
        fits = [trig for trig in rows if all(any(_lemma(c) == w for c in t.children) or ("-" in w and w in before)
                                             for w in trig.words[:-1])]
        # the most specific row a weapon word fits says what it is: "a suicide bomber" is a suicide attack
        # by a person, not an aircraft ("bomber" alone)
        longest = max((len(trig.words) for trig in fits), default=0)
        for trig in fits:
            if len(trig.words) == longest:
                modes.extend(m for m in trig.modes if m not in modes)
    return tuple(modes)


def _doer(tok: Token) -> bool:
    """Whether a noun (or the first of its conjuncts) is a subject, the "by" of a passive or the modifier of
    another noun ("sniper fire")."""
    tok = first_conjunct(tok)
    return tok.dep_ in ("nsubj", "nsubjpass", "compound") or (tok.dep_ == "pobj" and tok.head.lower_ == "by")


def _own_clause(anchor: Token) -> list[Token]:
    """The anchor's subtree without the acts it answers ("in response to a drone strike") or clauses with
    subjects of their own ("after militants attacked with drones", "troops fought militiamen, and drone
    strikes hit a market"): their weapons are not the anchor's."""
    out: list[Token] = []
    todo = [anchor]
    while todo:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ == "pobj" and c.lemma_.lower() in CAUSE_NOUNS:
                continue
            if c.dep_ in ("relcl", "advcl", "ccomp", "conj") and any(g.dep_ in ("nsubj", "nsubjpass")
                                                                      for g in c.children):
                continue
            todo.append(c)
    return sorted(out, key=lambda t: t.i)
