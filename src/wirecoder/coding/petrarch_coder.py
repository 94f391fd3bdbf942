"""PETRARCH-style coding: a CAMEO verb dictionary's verbs and patterns applied to a spaCy parse.

For each verb in a sentence that the dictionary knows (by surface form, as PETRARCH matches), the
verb's patterns are matched against the words around it; the most specific matching pattern gives the
CAMEO code (``---`` = deliberately not an event), otherwise the verb's own code. Roles come from the
parse: the clause subject is the source (inherited through xcomp/conj/acl chains), the first noun phrase
after the verb that names an actor is the target, a passive ``by`` phrase swaps them, and ``$``/``+``
in a pattern bind source/target explicitly. Coordinated actors give one event per pair; ``%`` patterns
code events between the members of a compound subject. No source or no target: no event, as in PETRARCH.
As in PETRARCH, a bare participle clause ("Rebuked by X, Y ...") codes nothing, and a verb takes no
target from an infinitive complement whose own verb the dictionary lacks ("proposed to take up Z with X").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from wirecoder.coding.actors import ActorResolver
from wirecoder.resources.petrarch_dict import alternatives
from wirecoder.resources.petrarch_verbs import Code, Element, Pattern, Verb, VerbDictionary
from wirecoder.schema import ActorRef, Event

# Dependents that start another clause: their noun phrases are not arguments of the verb above.
_CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj"})
# Prepositions that keep a modifier inside an actor mention ("soldiers from X", "ambassadors of X").
_MENTION_PREPS = frozenset({"of", "in", "from"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_COORD_WORDS = frozenset({"and", "or", "nor", "neither", "either", "both", "&"})
# "an anti-X parade": PETRARCH reads X as the actor; the prefix carries no actor of its own.
_PRO_ANTI = frozenset({"anti", "anti-", "pro", "pro-"})
# Clausal complements of a verb ("proposed to take up ...", "said it would ...").
_COMPLEMENTS = frozenset({"xcomp"})
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "its", "his", "her", "their"})


@dataclass(frozen=True)
class Actor:
    code: str
    text: str
    ref: ActorRef | None = None


@dataclass
class PetrarchEvent:
    source_code: str
    target_code: str
    cameo_code: str
    source_text: str
    target_text: str
    trigger: str  # the verb words as they stand in the sentence
    pattern: str | None  # the dictionary pattern that matched (None: the verb's own code)
    where: str  # file:line of that pattern or verb
    char_start: int = 0  # the sentence's offsets in its Doc's text
    char_end: int = 0
    source_ref: ActorRef | None = None
    target_ref: ActorRef | None = None

    @property
    def cameo_root(self) -> str:
        return self.cameo_code[:2]


@dataclass
class _Bindings:
    source: list[int] = field(default_factory=list)  # token index of each bound mention head
    target: list[int] = field(default_factory=list)
    compound_before: bool = False
    compound_after: bool = False
    target_before: bool = False  # '+' took the subject's place
    source_after: bool = False
    reach: int = 0  # matching-sequence position just past the pattern's last word after the verb


class PetrarchVerbCoder:
    """Codes sentences with a PETRARCH/TABARI verb dictionary and an actor resolver."""

    def __init__(self, resolver: ActorResolver, verbs: VerbDictionary, *,
                 discards: Sequence[tuple[str, ...]] = ()) -> None:
        self.resolver = resolver
        self.verbs = verbs
        self.discards = list(discards)

    # ---- public API -------------------------------------------------------------------------
    def code_sentence(self, sent, published: date | None = None) -> list[PetrarchEvent]:
        """All events of one sentence (a spaCy Span)."""
        ctx = _Sentence(sent, self, published)
        if self._discarded(ctx.words):
            return []
        events: list[PetrarchEvent] = []
        seen: set[tuple[str, str, str]] = set()
        for tok in sent:
            for ev in ctx.code_verb(tok):
                key = (ev.source_code, ev.target_code, ev.cameo_code)
                if key not in seen:
                    seen.add(key)
                    events.append(ev)
        return events

    def code_doc(self, doc, published: date | None = None) -> list[PetrarchEvent]:
        return [ev for sent in doc.sents for ev in self.code_sentence(sent, published)]

    def to_events(self, events: Iterable[PetrarchEvent], *, article_id: str, text: str,
                  published: date | None = None, url: str | None = None,
                  source: str | None = None) -> list[Event]:
        """Our Event records: PLOVER type/mode from the CAMEO code, quad class and score from the
        coding tables; codes PLOVER has no type for (CAMEO 01, malformed codes) make no Event."""
        from wirecoder.coding.lexicon import load_lexicon

        lex = load_lexicon()
        table = cameo_table()
        out: list[Event] = []
        for ev in events:
            mapped = plover_for(ev.cameo_code, table)
            if mapped is None:
                continue
            etype, mode = mapped
            modes = [mode] if mode else []
            out.append(Event(
                article_id=article_id, sentence=text[ev.char_start:ev.char_end], char_start=ev.char_start,
                char_end=ev.char_end, event_type=etype, mode=modes,
                actor=[_ref(ev.source_code, ev.source_text, ev.source_ref)],
                recipient=[_ref(ev.target_code, ev.target_text, ev.target_ref)],
                date=published.isoformat() if published else None,
                date_precision="day" if published else None,
                confidence=0.6, url=url, source=source, trigger=ev.trigger,
                quad_class=lex.quad_class(etype), cameo_root=ev.cameo_root,
                plover_score=lex.plover_score(etype, modes),
            ))
        return out

    # ---- internals --------------------------------------------------------------------------
    def _discarded(self, words: list[str]) -> bool:
        for phrase in self.discards:
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if tuple(words[i:i + n]) == phrase:
                    return True
        return False

    def actors_of(self, text: str, on: date | None) -> Actor | None:
        res = self.resolver.resolve_full(text, on=on)
        if res is None or not res.code:
            return None
        return Actor(res.code.upper(), text, res.ref)

    @staticmethod
    def expand(actor: Actor) -> list[Actor]:
        """A dictionary name coded [FRO/BIL/SAM] stands for each of its actors: one Actor per code."""
        return [replace(actor, code=c) for c in alternatives(actor.code)]


def _ref(code: str, text: str, ref: ActorRef | None) -> ActorRef:
    if ref is not None:
        return replace(ref, text=text, sectors=list(ref.sectors))
    country = code[:3] if len(code) >= 3 and code[:3] != "---" else None
    rest = code[3:]
    sectors = [rest[i:i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)]
    return ActorRef(text=text, country=country, sectors=sectors)


class _Sentence:
    """One sentence being coded: its matching words, mentions and the actor cache."""

    def __init__(self, sent, coder: PetrarchVerbCoder, published: date | None) -> None:
        self.sent = sent
        self.coder = coder
        self.on = published
        # Matching sequence: the sentence's words without punctuation, upper-cased.
        self.toks = [t for t in sent if not t.is_punct and not t.is_space]
        self.words = [t.text.upper() for t in self.toks]
        self.pos_of = {t.i: k for k, t in enumerate(self.toks)}
        self._actor_cache: dict[int, list[Actor]] = {}
        # Noun-phrase spans by start position (in the matching sequence): for $, +, % and ^.
        self.chunks: dict[int, list[tuple[int, int, object]]] = {}
        for head in sent:
            if head.pos_ in _NOMINAL and head.dep_ not in ("compound", "poss", "nmod", "amod"):
                for s, e in self._spans(head):
                    if (s, e, head) not in self.chunks.get(s, []):
                        self.chunks.setdefault(s, []).append((s, e, head))
        for spans in self.chunks.values():
            spans.sort(key=lambda c: c[1])  # shortest first

    def _spans(self, head) -> list[tuple[int, int]]:
        """Spans (in the matching sequence) that read as this noun phrase: the whole mention, the part
        up to its head, and each tail of that part ("their Ent populations", "Ent populations")."""
        toks = [t for t in _mention_tokens(head) if t.i in self.pos_of]
        if not toks:
            return []
        out = [(self.pos_of[toks[0].i], self.pos_of[toks[-1].i] + 1)]
        if head.i in self.pos_of:
            end = self.pos_of[head.i] + 1
            for t in toks:
                if t.i <= head.i:
                    out.append((self.pos_of[t.i], end))
        return out

    # ---- actors -----------------------------------------------------------------------------
    def mention_actors(self, head) -> list[Actor]:
        """Actors named by the noun phrase headed by ``head``: one per coordinated member."""
        if head.i in self._actor_cache:
            return self._actor_cache[head.i]
        region = _mention_tokens(head)
        segs = _segments(head, region)
        out = _distribute([self._resolve_segment(seg, len(segs) > 1) for seg in segs])
        actors: list[Actor] = []
        for a in out:
            for x in self.coder.expand(a):
                if x.code not in {y.code for y in actors}:
                    actors.append(x)
        self._actor_cache[head.i] = actors
        return actors

    def _resolve_segment(self, seg: list, member: bool = False) -> tuple[Actor | None, bool]:
        """One member's actor, and whether its country came from an of/in/from phrase.

        A phrase whose own words name nobody ("an attack in X", "the population of X") is not an actor
        mention: the noun phrases inside it are tried on their own, in order, as PETRARCH does. Its
        prepositional phrase counts only when the whole is a name ("Prince of Dol Amroth") or the head
        is an agent ("officials in X")."""
        ids = {t.i for t in seg}
        in_pp: set[int] = set()
        for t in seg:
            if t.dep_ == "prep":
                in_pp |= {x.i for x in t.subtree if x.i in ids}
        core = [t for t in seg if t.i not in in_pp]
        full = self.coder.actors_of(" ".join(t.text for t in seg), self.on)
        if not in_pp or not core:
            return full, False
        own = self.coder.actors_of(" ".join(t.text for t in core), self.on)
        if own is not None and not own.code.startswith("---"):
            if full is not None and full.code.startswith(own.code) and len(full.code) > len(own.code):
                return full, False  # "X Ministry of Y": a name that spans the preposition adds the sector
            return own, False  # "soldiers of X in Y": the phrase's own words decide
        if full is None:
            return own, False
        if own is not None:
            return full, True  # an agent placed by its phrase: "officials in X"
        inner = self.coder.actors_of(" ".join(t.text for t in seg if t.i in in_pp and t.dep_ != "prep"),
                                     self.on)
        if inner is not None and inner.code == full.code:
            # The phrase only repeats its object's actor. Alone it is no mention (the caller tries
            # the inner phrase); as one member of a coordination ("X's sheep and goats of Y") the
            # member stands for its inner phrase, as the whole phrase would.
            return (full, True) if member else (None, False)
        return full, True

    def actors_in(self, head) -> list[Actor]:
        """The actors of a noun phrase, or else of the first phrase inside it that names one, through
        any preposition ("resumption of ties between X and Y"), as PETRARCH takes a phrase's actors
        from its prepositional phrases when its own words name none."""
        actors = self.mention_actors(head)
        if actors:
            return actors
        region = sorted((t for t in _nominal_heads(head, set()) if t.i != head.i and t.pos_ in _NOMINAL
                         and t.dep_ not in ("compound", "poss", "nmod", "amod")), key=lambda t: t.i)
        for t in region:
            actors = self.mention_actors(t)
            if actors:
                return actors
        return []

    def first_actor_after(self, verb, exclude: set[int], reach: int = 0) -> tuple[list[Actor], int | None]:
        """The first noun phrase to the right of the verb, inside its clause, that names an actor.
        ``reach``: where the matched pattern ends; a complement it reached into lends its actors."""
        heads = []
        for child in verb.children:
            if child.i <= verb.i or child.i in exclude or child.dep_ in ("conj", "relcl", "parataxis",
                                                                          "agent", "punct", "cc"):
                continue
            if child.dep_ == "advcl" and not _infinitival(child):
                continue  # "after crowds burned ...": another event's participants
            if (child.dep_ in _COMPLEMENTS and not self._reached(child, verb, reach)
                    and not self._codes_something(child)):
                continue  # "proposed to take up X with Y": X, Y belong to an action we cannot code
            heads.extend(_nominal_heads(child, exclude))
        heads.sort(key=lambda h: (h.left_edge.i, -len(list(h.subtree))))
        for h in heads:
            actors = self.mention_actors(h)  # nested phrases come later in this same order
            if actors:
                return actors, h.i
        return [], None

    def _reached(self, clause, verb, reach: int) -> bool:
        """Whether the matched pattern ran into this clause ("vowed to wage war on X": ``* WAR``)."""
        start = self.pos_of.get(verb.i, reach)
        return any(start < self.pos_of.get(t.i, -1) < reach for t in clause.subtree)

    def _codes_something(self, clause) -> bool:
        """Whether a complement clause holds a verb the dictionary knows (its own event, which
        PETRARCH folds into the verb above); a clause with none lends the verb above no target."""
        for t in _clause_tokens(clause):
            if t.i in self.pos_of and (t.tag_.startswith("VB") or t.pos_ in ("VERB", "AUX")):
                if self._match_verb(t)[0] is not None:
                    return True
        return False

    # ---- verbs ------------------------------------------------------------------------------
    def code_verb(self, tok) -> list[PetrarchEvent]:
        if tok.i not in self.pos_of or not (tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")):
            return []
        if _bare_participle_clause(tok):
            return []
        verb, span = self._match_verb(tok)
        if verb is None:
            return []
        k0, k1 = span
        candidates = self._verbs_at(tok)
        patterns: list[Pattern] = []
        labels: list[str] = []
        for v in candidates:
            if v.block not in labels and (v.pre, v.post) == (verb.pre, verb.post):
                labels.append(v.block)
        for label in labels:
            patterns.extend(self.coder.verbs.patterns_of.get(label, ()))
        best: tuple[Pattern, _Bindings] | None = None
        for p in patterns:
            b = self._match_pattern(p, k0, k1)
            if b is not None and (best is None or p.weight > best[0].weight):
                best = (p, b)
        code: Code | None
        if best is not None and not best[0].code.defers:
            code, pattern, bind, where = best[0].code, best[0].text, best[1], best[0].where
        else:
            code = _default_code(candidates, verb, self.coder.verbs)
            pattern, bind, where = None, best[1] if best else _Bindings(), verb.where
        if code is None or code.is_null:
            return []
        return self._events(tok, code, bind, pattern, where, (k0, k1))

    def _verbs_at(self, tok) -> list[Verb]:
        return self.coder.verbs.verbs_for(tok.text)

    def _match_verb(self, tok) -> tuple[Verb | None, tuple[int, int]]:
        """The dictionary verb at this token whose glued words (WIRE_+TAP, BREAK_DOWN) stand around it;
        the longest such verb wins. Returns it and its span in the matching sequence."""
        k = self.pos_of[tok.i]
        best: Verb | None = None
        span = (k, k + 1)
        for v in self._verbs_at(tok):
            s, e = k - len(v.pre), k + 1 + len(v.post)
            if s < 0 or e > len(self.words):
                continue
            if tuple(self.words[s:k]) != v.pre or tuple(self.words[k + 1:e]) != v.post:
                continue
            if best is None or (e - s) > (span[1] - span[0]):
                best, span = v, (s, e)
        return best, span

    def _match_pattern(self, p: Pattern, k0: int, k1: int) -> _Bindings | None:
        b = _Bindings()
        # Before the verb: match right to left so the nearest words are preferred.
        if p.before:
            rev = list(reversed(p.before))
            glue_after = [p.verb_glued] + [p.before[len(p.before) - i].glued for i in range(1, len(rev))]
            if not self._match_back(rev, glue_after, 0, k0, b):
                return None
        if p.after and not self._match_fwd(list(p.after), 0, k1, b):
            return None
        return b

    def _match_fwd(self, els: list[Element], i: int, pos: int, b: _Bindings) -> bool:
        if i == len(els):
            b.reach = pos
            return True
        el = els[i]
        starts = [pos] if el.glued else range(pos, len(self.words))
        for s in starts:
            for end, head in self._element_at(el, s, forward=True):
                mark = _bind(b, el, head, after=True)
                if self._match_fwd(els, i + 1, end, b):
                    return True
                _unbind(b, mark)
        return False

    def _match_back(self, els: list[Element], glue_after: list[bool], i: int, end: int, b: _Bindings) -> bool:
        """Place els[i] so that it ends at ``end`` (glued) or anywhere before it."""
        if i == len(els):
            return True
        el = els[i]
        ends = [end] if glue_after[i] else range(end, 0, -1)
        for e in ends:
            for start, head in self._element_ending(el, e):
                mark = _bind(b, el, head, after=False)
                if self._match_back(els, glue_after, i + 1, start, b):
                    return True
                _unbind(b, mark)
        return False

    def _element_at(self, el: Element, s: int, forward: bool) -> Iterator[tuple[int, object]]:
        if el.kind == "word":
            for run in el.words:
                if tuple(self.words[s:s + len(run)]) == run:
                    yield s + len(run), None
        elif el.kind == "skip":
            for _cs, ce, head in self.chunks.get(s, ()):
                yield ce, head
        else:
            for _cs, ce, head in reversed(self.chunks.get(s, ())):
                actors = self.mention_actors(head)
                if actors and (el.kind != "compound" or len(actors) > 1):
                    yield ce, head

    def _element_ending(self, el: Element, e: int) -> Iterator[tuple[int, object]]:
        if el.kind == "word":
            for run in el.words:
                s = e - len(run)
                if s >= 0 and tuple(self.words[s:e]) == run:
                    yield s, None
            return
        for s in range(e - 1, -1, -1):
            for cs, ce, head in self.chunks.get(s, ()):
                if ce != e:
                    continue
                if el.kind == "skip":
                    yield cs, head
                else:
                    actors = self.mention_actors(head)
                    if actors and (el.kind != "compound" or len(actors) > 1):
                        yield cs, head

    # ---- roles ------------------------------------------------------------------------------
    def _events(self, verb, code: Code, b: _Bindings, pattern: str | None, where: str,
                span: tuple[int, int]) -> list[PetrarchEvent]:
        subj = _subject(verb)
        exclude: set[int] = set()
        passive_agent = _passive_agent(verb)
        sources: list[Actor] = []
        targets: list[Actor] = []
        if b.source:
            sources = self.actors_in(self.sent.doc[b.source[0]])
        if b.target:
            targets = self.actors_in(self.sent.doc[b.target[0]])
        if subj is not None:
            exclude |= {t.i for t in subj.subtree}
        if b.compound_before and subj is not None:
            members = self._subject_actors(verb, subj)
            return self._pairs(verb, members, code, pattern, where, span)
        if not sources:
            if b.target_before or (b.source_after and not b.target):
                # '+' stood where the subject is: the source is the subject of the clause above
                higher = _subject(_governor(verb)) if _governor(verb) is not None else None
                sources = self.actors_in(higher) if higher is not None else []
                if b.source_after and not b.target and subj is not None:
                    targets = self._subject_actors(verb, subj)
            elif passive_agent is not None:
                sources = self.actors_in(passive_agent)
                if not targets and subj is not None:
                    targets = self._subject_actors(verb, subj)
            elif subj is not None:
                sources = self._subject_actors(verb, subj)
        if not targets:
            if passive_agent is not None:
                exclude |= {t.i for t in passive_agent.subtree}
            targets, _ = self.first_actor_after(verb, exclude, b.reach)
        if not targets and len(sources) > 1 and code.reverse:
            # "X and Y renewed ties": a two-way code with no one else named is between the members
            return self._pairs(verb, sources, code, pattern, where, span)
        if not sources or not targets:
            return []
        trigger = " ".join(t.text for t in self.toks[span[0]:span[1]])
        out: list[PetrarchEvent] = []
        for s in sources:
            for t in targets:
                if s.code == t.code:
                    continue
                out.append(self._event(s, t, code.forward, trigger, pattern, where))
                if code.reverse:
                    out.append(self._event(t, s, code.reverse, trigger, pattern, where))
        return out

    def _subject_actors(self, verb, subj) -> list[Actor]:
        """The subject's actors; a pronoun subject ("Ethiopia said it would act") takes the nearest
        governing clause's subject, the only antecedent PETRARCH looks for."""
        # "Old foes X and Y": spaCy may give a clause two subjects; the first naming an actor counts
        for cand in [subj, *(c for c in subj.head.children if c.dep_ in ("nsubj", "nsubjpass")
                             and c.i != subj.i and subj.head.i != subj.i)]:
            actors = self.actors_in(cand)
            if actors:
                return actors
        if subj.lower_ not in _PRONOUNS:
            return []
        gov = _governor(verb)
        for _ in range(6):
            if gov is None:
                break
            higher = _subject(gov)
            if higher is not None and higher.i != subj.i:
                actors = self.actors_in(higher)
                if actors:
                    return actors
            gov = _governor(gov)
        return []

    def _pairs(self, verb, members: list[Actor], code: Code, pattern: str | None, where: str,
               span: tuple[int, int]) -> list[PetrarchEvent]:
        trigger = " ".join(t.text for t in self.toks[span[0]:span[1]])
        out: list[PetrarchEvent] = []
        for i, a in enumerate(members):
            for c in members[i + 1:]:
                out.append(self._event(a, c, code.forward, trigger, pattern, where))
                out.append(self._event(c, a, code.reverse or code.forward, trigger, pattern, where))
        return out

    def _event(self, s: Actor, t: Actor, code: str, trigger: str, pattern: str | None,
               where: str) -> PetrarchEvent:
        return PetrarchEvent(s.code, t.code, code, s.text, t.text, trigger, pattern, where,
                             self.sent.start_char, self.sent.end_char, s.ref, t.ref)


def _bind(b: _Bindings, el: Element, head, after: bool) -> tuple[str, bool] | None:
    if head is None or el.kind == "skip":
        return None
    if el.kind == "source":
        b.source.append(head.i)
        b.source_after = b.source_after or after
        return ("source", after)
    if el.kind == "target":
        b.target.append(head.i)
        b.target_before = b.target_before or not after
        return ("target", after)
    if el.kind == "compound":
        if after:
            b.target.append(head.i)
            b.compound_after = True
        else:
            b.compound_before = True
        return ("compound", after)
    return None


def _unbind(b: _Bindings, mark: tuple[str, bool] | None) -> None:
    if mark is None:
        return
    kind, after = mark
    if kind == "source":
        b.source.pop()
        b.source_after = after and bool(b.source) and b.source_after
    elif kind == "target":
        b.target.pop()
        b.target_before = (not after) and bool(b.target) and b.target_before
    elif kind == "compound":
        if after:
            b.target.pop()
            b.compound_after = False
        else:
            b.compound_before = False


def _default_code(candidates: list[Verb], verb: Verb, vd: VerbDictionary) -> Code | None:
    """The verb's own code, else its block's; a form listed in several blocks takes the first coded one."""
    same = [v for v in candidates if (v.pre, v.post) == (verb.pre, verb.post)]
    blocks = {b.label: b for b in vd.blocks}
    codes: list[Code] = []
    for v in same:
        if v.code is not None and not v.code.defers:
            codes.append(v.code)
            continue
        block = blocks.get(v.block)
        if block is not None and block.code is not None and not block.code.defers:
            codes.append(block.code)
    non_null = [c for c in codes if not c.is_null]
    return non_null[0] if non_null else (codes[0] if codes else None)


def _governor(verb):
    """The verb whose clause this one is part of (through xcomp, conj, ccomp, acl ...), or None."""
    head = verb.head
    while head.i != verb.i:
        if head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"):
            return head
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _subject(verb):
    """The verb's subject: its own, else one inherited through xcomp/conj/aux chains; for a participle
    modifying a noun (acl) or a relative clause with a pronoun subject, the noun."""
    cur = verb
    for _ in range(8):
        # spaCy sometimes hangs the subject on the auxiliary ("X was ... criticized")
        kids = [*cur.children, *(g for c in cur.children if c.dep_ in ("aux", "auxpass") for g in c.children)]
        for child in kids:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if child.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                    return cur.head
                return child
        # "Ethiopia act on ...": a noun the parser hung on a verb as a compound can only be its subject
        lone = next((c for c in cur.children if c.dep_ == "compound" and c.i < cur.i and c.pos_ in _NOMINAL), None)
        if lone is not None and cur.tag_.startswith("VB"):
            return lone
        if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in _NOMINAL:
            return cur.head
        if cur.dep_ == "xcomp":
            obj = next((c for c in cur.head.children if c.dep_ in ("dobj", "obj") and c.i < cur.i), None)
            if obj is not None:
                return obj
        if cur.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acomp", "pcomp", "prep", "aux", "auxpass") or (
                cur.dep_ not in ("ROOT",) and cur.pos_ not in ("VERB", "AUX")):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            continue
        return None
    return None


def _bare_participle_clause(verb) -> bool:
    """"Rebuked by X, Y ...": a past participle heading an adverbial clause with neither subject nor
    auxiliary. PETRARCH reads such a participle as a modifier (its passive test needs a form of
    "be", its verb test a "have"), so the clause codes no event of its own."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "csubj") for c in verb.children)


def _clause_tokens(clause) -> list:
    """The words of a complement clause, without the clauses nested in it other than its own
    complements and conjuncts ("to meet and praise X")."""
    out = []
    stack = [clause]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "advcl", "acl", "parataxis"))
    return out


def _infinitival(verb) -> bool:
    """A purpose clause ("to supply X"): its object is the verb's target in PETRARCH's reading."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _passive_agent(verb):
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _nominal_heads(tok, exclude: set[int]) -> list:
    """Noun-phrase heads in a dependent's subtree, not inside a nested clause or the excluded tokens."""
    out = []
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in exclude:
            continue
        if t.pos_ in _NOMINAL or t.pos_ == "ADJ" and t.dep_ in ("dobj", "pobj", "nsubj"):
            out.append(t)
        for c in t.children:
            if c.dep_ in ("relcl", "advcl", "parataxis") or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                continue
            stack.append(c)
    return out


def _mention_tokens(head) -> list:
    """The noun phrase headed by ``head``: its modifiers, of/in/from phrases and coordinated members,
    without relative clauses or other clauses and prepositional phrases."""
    out = []

    def walk(t, top: bool) -> None:
        out.append(t)
        for c in t.children:
            if c.dep_ in _CLAUSAL and not (c.dep_ == "conj" and c.pos_ in _NOMINAL | {"ADJ"}):
                continue
            if c.dep_ == "prep" and c.lower_ not in _MENTION_PREPS:
                continue
            if c.dep_ in ("punct",) and c.i > head.right_edge.i:
                continue
            walk(c, False)

    walk(head, True)
    return sorted(out, key=lambda t: t.i)


def _segments(head, region: list) -> list[list]:
    """Split a coordinated mention into its members at coordinators and commas that join noun phrases:
    "Lawmakers and officials in X and Y" -> [Lawmakers], [officials in X], [Y]; "the awful and evil
    minister" stays whole because its "and" joins adjectives."""
    segs: list[list] = [[]]
    for t in region:
        joins_nouns = t.head.pos_ in _NOMINAL and t.head.i != t.i
        if (t.lower_ in _COORD_WORDS or t.text == ",") and joins_nouns and t.dep_ in ("cc", "punct", "preconj"):
            if segs[-1]:
                segs.append([])
            continue
        if t.is_punct or t.lower_ in _PRO_ANTI:
            continue
        segs[-1].append(t)
    return [seg for seg in segs if seg]


def _distribute(segs: list[tuple[Actor | None, bool]]) -> list[Actor]:
    """Share country and sector between coordinated members as PETRARCH does:
    "ambassadors of A, B and C" -> A, B, C with the ambassadors' sector; "lawmakers and officials in
    A and B" -> both sectors in both countries; "Danish media and government" -> the country for both."""
    coded = [(a, via) for a, via in segs if a is not None]
    out: list[Actor] = []
    for idx, (a, _via) in enumerate(coded):
        country, sectors = a.code[:3], a.code[3:]
        if country == "---" and sectors:
            hosts = [b.code[:3] for j, (b, _) in enumerate(coded) if j != idx and b.code[:3] != "---"]
            if hosts:
                out.extend(replace(a, code=c + sectors) for c in dict.fromkeys(hosts))
                continue
        elif len(a.code) == 3 and idx > 0:
            donor = next((b for b, v in reversed(coded[:idx]) if v and len(b.code) > 3 and b.code[:3] != "---"),
                         None)
            if donor is not None:
                out.append(replace(a, code=a.code + donor.code[3:]))
                continue
        out.append(a)
    return out


# ---- CAMEO -> PLOVER table ------------------------------------------------------------------------
@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str | None, str | None]]:
    """cameo code prefix -> (PLOVER type or None when PLOVER has none, mode or None)."""
    path = Path(str(resources.files("wirecoder").joinpath("resources", "data", "coding", "cameo_to_plover.tsv")))
    out: dict[str, tuple[str | None, str | None]] = {}
    header = True
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header:
            header = False
            continue
        if len(cols) < 2 or not cols[0].isdigit():
            raise ValueError(f"{path}:{lineno}: expected 'cameo<TAB>event_type<TAB>mode<TAB>note'")
        etype = cols[1].strip()
        mode = cols[2].strip() if len(cols) > 2 else ""
        out[cols[0]] = (None if etype == "-" else etype, mode or None)
    return out


def plover_for(code: str, table: dict[str, tuple[str | None, str | None]] | None = None
               ) -> tuple[str, str | None] | None:
    """PLOVER (type, mode) for a CAMEO code by longest known prefix; None when PLOVER has no type."""
    table = table if table is not None else cameo_table()
    digits = re.match(r"\d+", code or "")
    if digits is None:
        return None
    d = digits.group(0)
    for n in range(min(len(d), 4), 1, -1):
        hit = table.get(d[:n])
        if hit is not None:
            return None if hit[0] is None else (hit[0], hit[1])
    return None
