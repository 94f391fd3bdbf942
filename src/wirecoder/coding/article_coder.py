"""Code one parsed article into events: triggers -> arguments -> actors, place, date, modality, views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from wirecoder.coding import event_location
from wirecoder.coding.actors import ActorResolver, ArticleActorState
from wirecoder.coding.arguments import Arguments, mention_span, noun_arguments, verb_arguments
from wirecoder.coding.dates import resolve_event_date
from wirecoder.coding.derived import derive
from wirecoder.coding.lexicon import Lexicon, load_lexicon
from wirecoder.coding.modality import DEFAULT_SPEECH_VERBS, ModalityResult, analyse
from wirecoder.coding.places import PlaceFinder
from wirecoder.coding.triggers import OCCURRENCE_VERBS, PSEUDO_TYPES, TriggerMatch, find_triggers
from wirecoder.schema import ActorRef, Article, CodedArticle, Event, Place

VERBAL_GOVERNOR_TYPES = frozenset({
    "AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE", "CONSULT",
})
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# Arcs through which a governing verbal event owns the content below it ("agreed to withdraw").
CONTENT_ARCS = frozenset({"xcomp", "ccomp", "pcomp", "dobj", "prep", "pobj", "acomp", "acl", "relcl", "attr",
                          "advcl", "conj", "nsubjpass", "oprd"})
HISTORICAL_DAYS = 365
MAX_SENT_CHARS = 1200


@dataclass
class _Candidate:
    match: TriggerMatch
    anchor: Token
    args: Arguments
    modality: ModalityResult


class ArticleCoder:
    def __init__(self, places: PlaceFinder, actors: ActorResolver, lexicon: Lexicon | None = None) -> None:
        self.places = places
        self.actors = actors
        self.lexicon = lexicon or load_lexicon()
        self.speech_verbs = frozenset(
            {p.words[0] for ts in self.lexicon.verb_triggers.values() for p in ts if p.event_type == "SPEECH"}
        ) | DEFAULT_SPEECH_VERBS

    # -- article ---------------------------------------------------------------------------------
    def code(self, article: Article, doc: Doc) -> CodedArticle:
        focus = self.places.focus_country(doc)
        places = self.places.find(doc, focus_country=focus)
        state = ArticleActorState(focus_country=focus, published=article.published)
        events: list[Event] = []
        for sent in doc.sents:
            if len(sent.text) > MAX_SENT_CHARS or not any(t.pos_ in ("VERB", "AUX", "NOUN") for t in sent):
                continue
            events.extend(self._code_sentence(sent, article, places, state))
        events = _merge_article_events(events)
        return CodedArticle(article=article, events=events, places=places)

    # -- sentence --------------------------------------------------------------------------------
    def _code_sentence(self, sent: Span, article: Article, places: list[Place],
                       state: ArticleActorState) -> list[Event]:
        matches = find_triggers(sent, self.lexicon)
        blocked = _blocked_tokens(matches)
        cands: list[_Candidate] = []
        for m in matches:
            if m.event_type in PSEUDO_TYPES or m.token.i in blocked:
                continue
            cand = self._candidate(m, sent)
            if cand is not None:
                cands.append(cand)
        cands = _suppress_owned(cands)
        out: list[Event] = []
        seen: set[tuple] = set()
        for c in cands:
            ev = self._event(c, sent, article, places, state)
            if ev is None:
                continue
            key = (ev.event_type, tuple(a.name or a.text for a in ev.actor),
                   tuple(r.name or r.text for r in ev.recipient))
            if key in seen:
                continue
            seen.add(key)
            out.append(ev)
        return out

    def _candidate(self, m: TriggerMatch, sent: Span) -> _Candidate | None:
        if m.kind == "verb":
            anchor = m.token
            args = verb_arguments(m, anchor)
            mod = analyse(anchor, sent, self.speech_verbs)
            return _Candidate(m, anchor, args, mod)
        if m.anchor is not None and m.anchor is not m.token:  # support-verb construction
            anchor = m.anchor
            args = verb_arguments(m, anchor)
            own = noun_arguments(m)
            if not args.actors:
                args.actors = own.actors
            if not args.recipients:
                args.recipients = own.recipients
            mod = analyse(anchor, sent, self.speech_verbs, extra=(m.token,))
            return _Candidate(m, anchor, args, mod)
        # A free-standing event noun: an occurrence ("fighting erupted", "air strikes resumed") or
        # an act with its own doer ("Russian air strikes", "the arrival of troops").
        n = m.token
        args = noun_arguments(m)
        head = n.head
        if n.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in OCCURRENCE_VERBS:
            mod = analyse(head, sent, self.speech_verbs, extra=(n,))
            return _Candidate(m, head, args, mod)
        if not args.actors or m.trigger.weight < 0.5:
            return None
        mod = analyse(n, sent, self.speech_verbs)
        if mod.modality == "asserted":
            # The noun sits inside another clause; that clause's modality applies to it.
            mod = analyse(head if head.pos_ in ("VERB", "AUX") else n, sent, self.speech_verbs)
        return _Candidate(m, n, args, mod)

    def _resolve(self, spans: list[Span], args: Arguments, state: ArticleActorState,
                 on: date | None) -> list[ActorRef]:
        out: list[ActorRef] = []
        for sp in spans:
            ref = self.actors.resolve_mention(sp, state, on=on)
            ap = args.appositions.get(sp.root.i)
            if ap is not None and (ref is None or ref.country is None):
                ref2 = self.actors.resolve_mention(ap, state, on=on)
                if ref2 is not None:
                    ref = ActorRef(text=sp.text, name=(ref.name if ref and ref.name else ref2.name),
                                   country=ref2.country, sectors=ref2.sectors or (ref.sectors if ref else []),
                                   wikidata=ref2.wikidata if not (ref and ref.wikidata) else ref.wikidata)
            if ref is not None and (ref.country or ref.sectors or ref.name):
                out.append(ref)
        return out

    def _event(self, c: _Candidate, sent: Span, article: Article, places: list[Place],
               state: ArticleActorState) -> Event | None:
        m = c.match
        trig = m.trigger
        event_type = trig.event_type
        modality = c.modality.modality
        clause = c.anchor.subtree
        clause_toks = list(clause)
        c_start = clause_toks[0].idx - sent.start_char
        c_end = clause_toks[-1].idx + len(clause_toks[-1]) - sent.start_char
        dated = resolve_event_date(sent.text[c_start:c_end], sent.text, article.published,
                                   future=modality == "future")
        on = dated.date or article.published
        actors = self._resolve(c.args.actors, c.args, state, on)
        recipients = self._resolve(c.args.recipients, c.args, state, on)
        speaker = None
        if c.modality.speaker is not None:
            sp = mention_span(c.modality.speaker)
            speaker = self.actors.resolve_mention(sp, state, on=on) or ActorRef(text=sp.text)
        # PLOVER: future cooperation is an AGREE; a speaker's own future/conditional force is a THREATEN.
        if modality == "future" and event_type in FUTURE_TO_AGREE:
            event_type = "AGREE"
        elif (modality in ("future", "hypothetical") and event_type in THREAT_TYPES and speaker is not None
              and actors and _same_actor(speaker, actors[0])):
            event_type, modality = "THREATEN", "reported"
        if modality == "reported" and speaker is not None and actors and _same_actor(speaker, actors[0]) \
                and self.lexicon.types[event_type].quad_class in (1, 3):
            modality = "asserted"  # the statement is itself the verbal act
        if dated.date and article.published and dated.explicit and modality not in ("negated", "hypothetical"):
            if (article.published - dated.date).days > HISTORICAL_DAYS:
                modality = "historical"
        mode = [trig.mode] if trig.mode else []
        lemmas = {t.lemma_.lower() for t in sent}
        context = self._contexts(trig, lemmas)
        views = derive(self.lexicon, event_type, mode, context, actors, recipients, lemmas)
        loc = event_location.pick_event_location(sent, c.anchor, places, speech_verb=c.modality.speech_verb)
        confidence = _confidence(trig.weight, actors, recipients, loc, m, modality)
        return Event(
            article_id=article.id, sentence=sent.text, char_start=sent.start_char, char_end=sent.end_char,
            event_type=event_type, mode=mode, context=context, actor=actors, recipient=recipients,
            location=loc, date=dated.date.isoformat() if dated.date else None,
            date_precision=dated.precision if dated.date else None, date_text=dated.text,
            attribution=speaker, modality=modality, confidence=confidence, url=article.url,
            source=article.source, trigger=" ".join(t.text for t in sorted(m.tokens, key=lambda t: t.i)),
            quad_class=views.quad_class, cameo_root=views.cameo_root, plover_score=views.plover_score,
            acled=views.acled,
        )

    def _contexts(self, trig, lemmas: set[str]) -> list[str]:
        ctx = list(trig.context)
        for name, cues in self.lexicon.context_cues.items():
            if name not in ctx and lemmas & cues:
                ctx.append(name)
        return ctx[:3]


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.name and b.name and a.name == b.name:
        return True
    return bool(a.country and a.country == b.country and set(a.sectors) & set(b.sectors))


def _blocked_tokens(matches: list[TriggerMatch]) -> set[int]:
    """Tokens under a NONE trigger ("did not immediately respond to a request for comment")."""
    out: set[int] = set()
    for m in matches:
        if m.event_type == "NONE":
            out.update(t.i for t in m.token.subtree)
    return out


def _suppress_owned(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop events that are only the content of a governing verbal event ("threatened to attack" is one
    THREATEN, "accused rebels of shelling" one ACCUSE)."""
    verbal = [c for c in cands if c.match.event_type in VERBAL_GOVERNOR_TYPES and c.match.kind == "verb"]
    if not verbal:
        return cands
    keep = []
    for c in cands:
        owned = False
        for g in verbal:
            if g is c or g.anchor is c.anchor:
                continue
            if _in_complement(c.anchor, g.anchor):
                owned = True
                break
        if not owned:
            keep.append(c)
    return keep


def _in_complement(tok: Token, gov: Token) -> bool:
    cur = tok
    for _ in range(8):
        if cur.head is cur:
            return False
        if cur.head is gov:
            return cur.dep_ in CONTENT_ARCS
        cur = cur.head
    return False


def _confidence(weight: float, actors: list[ActorRef], recipients: list[ActorRef], loc: Place | None,
                m: TriggerMatch, modality: str) -> float:
    c = 0.35 + 0.35 * weight
    if actors:
        c += 0.15 if any(a.country for a in actors) else 0.08
    if recipients:
        c += 0.05
    if loc is not None:
        c += 0.03
    if m.kind == "noun" and m.anchor is m.token:
        c -= 0.1
    if modality in ("hypothetical", "negated"):
        c -= 0.1
    return max(0.05, min(0.97, c))


def _merge_article_events(events: list[Event]) -> list[Event]:
    """An undated mention of an event takes the date of a dated mention of the same event in the article
    (same type and place): "Kurds routed militiamen in Qamishli ... The Qamishli fighting erupted on Wednesday"."""
    dated = {}
    for e in events:
        if e.date_text and e.location is not None and e.location.geonameid is not None:
            dated.setdefault((e.event_type, e.location.geonameid), e)
    for e in events:
        if e.date_text is None and e.location is not None:
            src = dated.get((e.event_type, e.location.geonameid))
            if src is not None:
                e.date, e.date_precision, e.date_text = src.date, src.date_precision, src.date_text
    return events
