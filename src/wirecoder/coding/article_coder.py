"""Code one parsed article into events: triggers -> arguments -> actors, place, date, modality, views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pycountry
from spacy.tokens import Doc, Span, Token

from wirecoder.coding import event_location
from wirecoder.coding.actors import ActorResolver, ArticleActorState
from wirecoder.coding.arguments import (
    DESTINATION_PREPS,
    GOING_PREPS,
    MOVED_FORCES,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    RULER_NOUNS,
    SENDING_VERBS,
    Arguments,
    claimed_deed_doer,
    clause_subject,
    document_issuer,
    first_entity,
    main_verb_under_participle,
    mention_span,
    mention_spans,
    noun_arguments,
    of_conjuncts,
    parties_between,
    relcl_antecedent,
    verb_arguments,
)
from wirecoder.coding.classifier import SentenceClassifier
from wirecoder.coding.clause_forms import to_infinitive
from wirecoder.coding.dateline_subject import dateline_word, spaced_dash, story_subject
from wirecoder.coding.dates import ResolvedDate, resolve_event_date
from wirecoder.coding.derived import ARMED_SECTORS, NONSTATE_ARMED, STATE_SECTORS, derive
from wirecoder.coding.lexicon import Lexicon, Trigger, load_lexicon
from wirecoder.coding.misparse import (
    misread_main_verb,
    relative_read_as_object,
    verb_read_as_object_participle,
)
from wirecoder.coding.modality import (
    CAUSATIVE_VERBS,
    CONTRAST_MARKS,
    DEFAULT_SPEECH_VERBS,
    SEQUENCE_MARKS,
    SPEAKER_DIRECTIVES,
    ModalityResult,
    analyse,
    answers_a_claim,
    denies_a_claim,
    misattached_conj,
    undertaking_purposed,
)
from wirecoder.coding.pair_mentions import STATE_NOUNS, pair_kind, pair_members
from wirecoder.coding.place_names import AREA_NOUNS, PLACE_NOUNS, PROVINCE_WORDS
from wirecoder.coding.place_text import object_of, sets_scene
from wirecoder.coding.places import PlaceFinder
from wirecoder.coding.plover_rules import AGREE_GOVERNED_THREATS, OBLIGATION_CUES, same_actor, single_category
from wirecoder.coding.triggers import (
    NAMING_VERBS,
    OCCURRENCE_VERBS,
    PSEUDO_TYPES,
    TriggerMatch,
    find_triggers,
    instrument_modes,
    match_noun,
)
from wirecoder.coding.triggers import (
    _lemma as _noun_lemma,
)
from wirecoder.resources.actor_kb import NON_STATE_CODES, person_nouns
from wirecoder.schema import HIDDEN_MODALITIES, ActorRef, Article, CodedArticle, Event, Place

# Acts done on the ground, most often where the events around them in the sentence were ("arrested 15
# people after protesters attacked a hotel in Rotherham").
SCENE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT"})
# Bare nouns for armed forces that a military or government speaker means as its own.
OWN_FORCES = frozenset({"troop", "soldier", "force", "forces", "troops", "soldiers", "unit", "units"})
# What the sent may be sent to do that makes sending aid: "sent a team to help with the rescue".
HELPING_VERBS = frozenset({"help", "assist", "aid", "rescue", "support", "deliver", "distribute", "evacuate", "treat",
                           "feed", "rebuild", "search"})
# Verbal events that own the clause below them: "agreed to withdraw" is one AGREE.
VERBAL_GOVERNOR_TYPES = frozenset({
    "AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE",
})
FIRST_PERSON = frozenset({"we", "i"})
CONDITIONAL_THREAT_TRIGGER = Trigger(
    phrase="will", words=("will",), pos="V", event_type="THREATEN", modes=(), contexts=(), obj=frozenset(),
    weight=0.55, frame="", note="first-person conditional promise of action", line=0)
OBLIGATION_TRIGGER = Trigger(phrase="must", words=("must",), pos="V", event_type="REQUEST", modes=(), contexts=(),
                             obj=frozenset(), weight=0.6, frame="", note="obligation under a reporting verb", line=0)
UNDERTAKING_TRIGGER = Trigger(phrase="operation", words=("operation",), pos="N", event_type="ASSAULT", modes=(),
                              contexts=("military",), obj=frozenset(), weight=0.6, frame="",
                              note="an armed operation launched to take or clear somewhere", line=0)
# Event nouns that may stand alone when a clause reports them happening ("fighting erupted").
OCCURRENCE_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "CONSULT", "SANCTION"})
# Arcs through which a governing verbal event owns the content below it.
CONTENT_ARCS = frozenset({"xcomp", "ccomp", "pcomp", "dobj", "prep", "pobj", "acomp", "acl", "attr",
                          "conj", "nsubjpass", "oprd", "advcl"})
# Nouns whose relative clauses are background ("a war that has killed 250,000 people").
BACKGROUND_NOUNS = frozenset({"war", "conflict", "crisis", "violence", "insurgency", "uprising", "fighting",
                              "revolution", "campaign", "dispute", "unrest", "standoff",
                              # "a ceasefire deal that halted 15 months of war": what the deal did
                              "deal", "agreement", "accord", "truce", "ceasefire", "pact", "treaty"})
BACKGROUND_MARKS = frozenset({"after", "before", "since", "because", "following", "as", "when", "while", "amid",
                              "despite", "although", "though"})
# Those whose arrival somewhere is flight or travel, not a visit: civilians, refugees, the displaced.
UPROOTED_SECTORS = frozenset({"CVL", "REF", "IDP"})
JOURNEY_LEMMAS = frozenset({"travel", "visit", "go", "come", "fly", "arrive", "return", "head", "tour", "leave",
                            "depart", "quit", "walk"})
# Verbs whose bare participle says how somebody is, not what somebody did to them ("armed men")
STATE_PARTICIPLES = frozenset({"arm"})
# Codes of bodies that are no state: a UN agency with no sector of its own is no warring side.
AGENCY_CODES = NON_STATE_CODES - {"KOS"}
SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "i", "he", "she"})
# Things, not parties, that may "threaten" something: what they put at risk is nobody's threat.
RISKING_NOUNS = frozenset({"escalation", "crisis", "move", "decision", "conflict", "violence", "situation",
                           "tension", "tensions", "plan", "policy", "law", "bill", "dispute", "standoff"})
# What an armed group calls itself when its own spokesman is reported: "the group", "the movement".
GROUP_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization", "faction", "rebels",
                         "insurgents", "militants"})
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})
DEPARTURE_LEMMAS = frozenset({"leave", "quit", "depart", "withdraw", "exit"})
BLOCKING_MODES = {("PROTEST", "COERCE"): ("restrict",), ("COERCE", "PROTEST"): ("obstruct",)}
# Support verbs whose subject undergoes the event their object names ("faced sanctions", "will face trial").
UNDERGOING_VERBS = frozenset({"face", "undergo", "suffer"})
# Machines a clause may be about, which say, deny or ask nothing.
MACHINES = frozenset({"helicopter", "aircraft", "plane", "jet", "warplane", "drone", "ship", "vessel", "warship",
                      "tank", "missile", "rocket", "bomber", "satellite", "vehicle", "truck"})
# Entity labels of names that are parties, whatever common noun ends them ("Rapid Support Forces").
PARTY_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})
SPEAKER_POSSESSIVES = frozenset({"its", "their", "our", "my", "his", "her"})
# Things and forces of nature that kill without anyone attacking: their deaths are no ASSAULT.
MISHAPS = frozenset({"collapse", "canopy", "roof", "building", "bridge", "dam", "wall", "ceiling", "structure", "flood",
                     "floodwater", "earthquake", "quake", "storm", "cyclone", "hurricane", "typhoon", "landslide",
                     "mudslide", "avalanche", "blaze", "wildfire", "heatwave", "drought", "crash", "accident",
                     "collision", "stampede", "disease", "outbreak", "epidemic", "lightning", "tornado", "tsunami", "flooding",
                     "rain", "rainfall", "downpour", "eruption", "blizzard", "snowstorm",
                     # what explodes by accident ("a fuel depot exploded"; not a car, a bomb's carrier)
                     "depot", "boiler", "pipeline", "warehouse", "factory", "plant", "cylinder"})
HISTORICAL_DAYS = 365
MAX_SENT_CHARS = 1200
CLASSIFIER_WEIGHT = 0.35


@dataclass
class _Candidate:
    match: TriggerMatch
    anchor: Token
    args: Arguments
    modality: ModalityResult
    type_override: str | None = None


class ArticleCoder:
    def __init__(self, places: PlaceFinder, actors: ActorResolver, lexicon: Lexicon | None = None,
                 classifier: SentenceClassifier | None = None) -> None:
        self.places = places
        self.actors = actors
        self.lexicon = lexicon or load_lexicon()
        self.classifier = classifier if classifier is not None else SentenceClassifier.load()
        # (not a verb that says something only of a statement it takes: "released a statement" speaks,
        # "soldiers were released" do not)
        self.speech_verbs = frozenset(
            {t.words[0] for ts in self.lexicon.verb_triggers.values() for t in ts
             if t.event_type == "SPEECH" and len(t.words) == 1 and not t.obj}
        ) | DEFAULT_SPEECH_VERBS

    # -- article ---------------------------------------------------------------------------------
    def code(self, article: Article, doc: Doc, headline: Doc | None = None) -> CodedArticle:
        """Events of one article; headline: its title, parsed, where the text comes without it (it tells
        which country the story is about)."""
        places, focus = self.places.find_with_focus(doc, headline)
        # "the Georgian capital" and "across the country" are scenes too, though no toponyms
        scenes = sorted(places + self.places.capital_phrases(doc, places, focus) + self.places.country_phrases(doc, focus),
                        key=lambda p: p.char_start or 0)
        state = ArticleActorState(focus_country=focus, published=article.published)
        events: list[Event] = []
        scene: Event | None = None  # the last event of the paragraph that happened at a named place
        interceptions: set[int] = set()  # id() of the MOBILIZE events that stop the other side's weapons
        for sent in _whole_sentences(doc):
            if len(sent.text) > MAX_SENT_CHARS or not any(t.pos_ in ("VERB", "AUX", "NOUN") for t in sent):
                continue
            coded = self._code_sentence(sent, article, scenes, state, interceptions)
            scene = _carry_scene(scene, coded, sent, scenes)
            events.extend(coded)
        events = _drop_mobilize_before_assault(_merge_article_events(events), interceptions)
        return CodedArticle(article=article, events=events, places=places)

    # -- sentence --------------------------------------------------------------------------------
    def _code_sentence(self, sent: Span, article: Article, places: list[Place],
                       state: ArticleActorState, interceptions: set[int]) -> list[Event]:
        matches = find_triggers(sent, self.lexicon)
        blocked = _blocked_tokens(matches)
        # nouns that name an event or a weapon: never a recipient ("imposed sanctions", "fired rockets at");
        # not in a body's name ("blamed the Rapid Support Forces for the attacks"), nor people the lexicon
        # files as a weapon too ("soldiers killed 19 gunmen": the gunmen were killed)
        event_nouns = frozenset(t.i for t in sent
                                if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in PARTY_LABELS
                                and self._event_noun(t) and not self._armed_people(t))
        cands: list[_Candidate] = []
        assaults = {x.token.i for x in matches if x.kind == "verb" and x.event_type == "ASSAULT"}
        for m in matches:
            if m.event_type in PSEUDO_TYPES or m.token.i in blocked or _descriptive(m) or _attacking(m, assaults):
                continue
            cand = self._candidate(m, sent, event_nouns)
            if cand is not None:
                cands.append(cand)
        cands.extend(self._obligations(sent, cands, event_nouns))
        # (first: the operation under way outranks its purpose when both tell the same attack)
        cands[:0] = self._undertakings(sent, cands, event_nouns)
        cands.extend(self._conditional_threats(sent, cands, event_nouns))
        cands = _drop_nested(_suppress_owned(cands))
        probs = self.classifier.predict(sent) if (self.classifier is not None and cands) else {}
        out: list[Event] = []
        seen: set[tuple] = set()
        local = _sentence_country(sent, places) if cands else None
        for c in cands:
            ev = self._event(c, sent, article, places, state, probs, local)
            if ev is None:
                continue
            key = (ev.event_type, tuple(a.name or a.text for a in ev.actor),
                   tuple(r.name or r.text for r in ev.recipient),
                   ev.location.geonameid if ev.location else None, ev.location.name if ev.location else None,
                   # measures are told apart by what they do: an internet shutdown and road blocks are two (as
                   # are halting attacks and pulling fighters back)
                   tuple(ev.mode) if ev.event_type in ("COERCE", "SANCTION", "RETREAT") else ())
            if key in seen:
                continue
            seen.add(key)
            if ev.event_type == "MOBILIZE" and c.match.token.lemma_.lower() in INTERCEPTING_VERBS:
                interceptions.add(id(ev))
            out.append(ev)
        if not out:
            self._note_speakers(sent, state, article.published)
        _share_precise_locations(out)
        return out

    def _note_speakers(self, sent: Span, state: ArticleActorState, on: date | None) -> None:
        """Who speaks in a sentence that tells of no event, for the pronouns after it: "General Zuniga said
        the military wanted to restructure democracy. He was arrested hours later." """
        for tok in sent:
            if tok.lemma_.lower() in self.speech_verbs and tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "parataxis"):
                subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)
                if subject is not None:
                    self.actors.resolve_mention(mention_span(subject), state, on=on)

    def _candidate(self, m: TriggerMatch, sent: Span, event_nouns: frozenset[int]) -> _Candidate | None:
        if m.kind == "verb":
            anchor = m.token
            if m.event_type in ("SUPPORT", "AID") and any(
                    c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in anchor.children):
                return None  # "defending themselves": self-defence, not support for someone
            args = verb_arguments(m, anchor, event_nouns)
            mod = analyse(anchor, sent, self.speech_verbs)
            return _Candidate(m, anchor, args, mod)
        if m.anchor is not None and m.anchor.i != m.token.i:  # support-verb construction
            anchor = m.anchor
            args = verb_arguments(m, anchor, event_nouns)
            if anchor.lemma_.lower() in UNDERGOING_VERBS and not any(c.dep_ == "auxpass" for c in anchor.children):
                # "the two men would face trial", "Iran faces new sanctions": the subject undergoes the act
                args.actors, args.recipients = [], args.actors
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
        if (n.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in OCCURRENCE_VERBS
                and m.event_type in OCCURRENCE_TYPES and not any(c.dep_ == "xcomp" for c in head.children)):
            if not args.actors:
                # "Fighting broke out between M23 rebels and Wazalendo militias": the parser hangs the
                # parties on the verb of occurring
                args.actors = mention_spans(parties_between(head))
            if not args.actors and _timing_back_reference(n, head):
                return None  # "revenues have fallen since the attacks began": the attacks told of before
            mod = analyse(head, sent, self.speech_verbs, extra=(n,))
            return _Candidate(m, head, args, mod)
        if not args.actors or m.trigger.weight < 0.5:
            return None
        if m.event_type in WANTED_TYPES and n.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB":
            return None  # "chanted for his resignation", "pressed for the hostages' release": wanted, not done
        mod = analyse(n, sent, self.speech_verbs)
        if mod.modality == "asserted" and head.pos_ in ("VERB", "AUX"):
            # The noun sits inside another clause; that clause's modality applies to it.
            mod = analyse(head, sent, self.speech_verbs)
        return _Candidate(m, n, args, mod)

    def _obligations(self, sent: Span, cands: list[_Candidate], event_nouns: frozenset[int]) -> list[_Candidate]:
        """'X said Y must …' with no event word in the clause is still a demand: REQUEST by the speaker."""
        anchored = {c.anchor.i for c in cands}
        out = []
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.i in anchored:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_CUES for c in tok.children):
                continue
            mod = analyse(tok, sent, self.speech_verbs)
            if mod.speaker is None:
                continue
            m = TriggerMatch(tok, OBLIGATION_TRIGGER, "verb", (tok,), None, tok)
            out.append(_Candidate(m, tok, verb_arguments(m, tok, event_nouns), mod))
        return out

    def _undertakings(self, sent: Span, cands: list[_Candidate], event_nouns: frozenset[int]) -> list[_Candidate]:
        """"The army launched an operation to retake the town": the taking is yet to come, but the operation
        launched is an armed one under way, an ASSAULT by who launched it on whom it is to strike."""
        out = []
        for c in cands:
            seizing = c.match.event_type == "COERCE" and "seize" in c.match.trigger.modes
            if not (c.match.event_type == "ASSAULT" or seizing):
                continue
            if (noun := undertaking_purposed(c.anchor)) is None:
                continue
            launch = noun.head
            m = TriggerMatch(noun, UNDERTAKING_TRIGGER, "noun", (noun,), None, launch)
            args = verb_arguments(m, launch, event_nouns)
            args.recipients = args.recipients or c.args.recipients
            out.append(_Candidate(m, launch, args, analyse(launch, sent, self.speech_verbs, extra=(noun,))))
        return out

    def _conditional_threats(self, sent: Span, cands: list[_Candidate],
                             event_nouns: frozenset[int]) -> list[_Candidate]:
        """'If the regime insists…, we will continue our revolution,' X said: a speaker's conditional promise
        of continued or new action against someone is a THREATEN (manual 3.11)."""
        if any(c.match.event_type in ("THREATEN", "ASSAULT", "COERCE", "SANCTION", "PROTEST") for c in cands):
            return []
        out = []
        for tok in sent:
            if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would", "shall")
                                             for c in tok.children):
                continue
            cond = [c for c in tok.children if c.dep_ == "advcl"
                    and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)]
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if not cond or subj is None or subj.lower_ not in FIRST_PERSON:
                continue
            mod = analyse(tok, sent, self.speech_verbs)
            m = TriggerMatch(tok, CONDITIONAL_THREAT_TRIGGER, "verb", (tok,), None, tok)
            out.append(_Candidate(m, tok, verb_arguments(m, tok, event_nouns),
                                  ModalityResult("asserted", mod.speaker, mod.speech_verb, "if")))
        return out

    def _resolve(self, spans: list[Span], args: Arguments, state: ArticleActorState,
                 on: date | None, speaker: ActorRef | None = None, local: str | None = None,
                 said_by: ActorRef | None = None, avoid: Sequence[ActorRef] = ()) -> list[ActorRef]:
        """Resolve argument spans; speaker is who says so for the actors' own-side rules, said_by (for
        recipients) only whose "its"/"their" a generic noun is; avoid (for recipients) the actors, whom
        an anaphor on the other side of the clause does not point back to."""
        out: list[ActorRef] = []
        for k, sp in enumerate(spans):
            if any(c.dep_ == "det" and c.tag_ == "WDT" for c in sp.root.children):
                continue  # "did not say which country had carried out the strikes": nobody the text names
            if (pair := self._pair(sp, args, state, on, local)) is not None:
                out.extend(pair)  # "both countries", "the two leaders": the parties the article named
                continue
            ref = self.actors.resolve_mention(sp, state, on=on, context=local, speaker=speaker or said_by,
                                              avoid=avoid)
            if ref is not None and ref.country and not ref.sectors and k + 1 < len(spans) \
                    and sp.root.head.i == spans[k + 1].root.i and sp.root.i != spans[k + 1].root.i:
                # "French" of "French and Malian troops": the shared head noun says what they are
                shared = self.actors.resolve_mention(spans[k + 1], ArticleActorState(), on=on, context=local)
                if shared is not None and shared.sectors:
                    ref = replace(ref, text=f"{sp.text} {spans[k + 1].root.text}", sectors=list(shared.sectors))
            if (ref is not None and k > 0 and sp.root.dep_ == "conj" and sp.root.head.i == spans[0].root.i
                    and ref.name and ref.name[:1].islower()
                    and not any(c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
                                for c in sp.root.children)
                    and (lend := self._lent_country(spans[0].root, on)) is not None):
                # "expelled French troops and diplomats", "Myanmar soldiers and border guards": the first noun's
                # country word covers the second (not one with a country word of its own)
                ref = replace(ref, country=lend)
            if ref is not None and ref.country and not ref.sectors and (of_head := _of_list_head(sp.root)) is not None:
                # "Azerbaijan" of "the leaders of Armenia and Azerbaijan": what the leaders are
                doc = sp.doc
                shared = self.actors.resolve_mention(doc[of_head.left_edge.i:of_head.i + 1], ArticleActorState(),
                                                     on=on, context=local)
                if shared is not None and shared.sectors:
                    ref = replace(ref, sectors=list(shared.sectors))
            if (ref is not None and ref.country is None and ref.sectors and speaker is not None
                    and speaker.country and any(t.dep_ == "poss" and t.lower_ in SPEAKER_POSSESSIVES for t in sp)):
                # "Bosnian Serbs said their forces had withdrawn": the speaker's own forces
                ref = ActorRef(text=ref.text, name=ref.name, country=speaker.country, sectors=ref.sectors)
            if (ref is not None and speaker is not None and speaker.country and set(speaker.sectors) & {"MIL", "GOV"}
                    and sp.root.lemma_.lower() in OWN_FORCES
                    and all(c.dep_ in ("det", "nummod", "quantmod") or c.lower_ in SPEAKER_POSSESSIVES
                            or (c.dep_ == "compound" and not c.ent_type_)  # "air defence units"
                            for c in sp.root.children)):
                # "The Israeli military said troops had arrested 20 suspects", "Burundi's army spokesman said
                # his troops had only fought M23 rebels": an army's or a government's bare or own "troops" are
                # its own, not the country the story is set in
                ref = ActorRef(text=ref.text, name=ref.name, country=speaker.country, sectors=ref.sectors)
            ap = args.appositions.get(sp.root.i)
            # "Khan's party, Pakistan Tehreek-e-Insaf": the apposition's proper name beats a common noun
            generic = ref is None or not ref.name or ref.name[:1].islower()
            # (not one that says what a place is: "the mayor of Chilpancingo, the capital of Guerrero")
            if ap is not None and ap.root.lemma_.lower() in AREA_NOUNS | {"capital"}:
                ap = None
            if ap is not None and (ref is None or ref.country is None or generic):
                ref2 = self.actors.resolve_mention(ap, state, on=on, context=local)
                named = ref2 is not None and bool(ref2.name) and ref2.name[:1].isupper()
                if ref2 is not None and (ref is None or ref.country is None or named):
                    name = ref2.name if ref is None or (generic and ref2.name) else ref.name
                    ref = ActorRef(text=sp.text, name=name,
                                   country=ref2.country or (ref.country if ref else None),
                                   sectors=ref2.sectors or (ref.sectors if ref else []),
                                   wikidata=ref.wikidata if ref and ref.wikidata else ref2.wikidata)
            if ref is None or not (ref.country or ref.sectors):
                # "concerned about reports that Russia is moving…": the named actor inside the phrase
                inner = first_entity(sp.root)
                # "blocked a highway intersection in Belgrade": a place after a preposition is where
                # nor a backer glued to a participle: "the Iran-aligned group" is not Iran
                # (nor the name of "the village of Djibo", which is no Salou Djibo)
                if inner is not None and inner.i != sp.root.i and not (
                        inner.dep_ == "pobj" and inner.head.lower_ in event_location.LOCATIVE_PREPS - {"of"}) \
                        and not (inner.dep_ == "pobj" and inner.head.lower_ == "of"
                                 and inner.head.head.lemma_.lower() in PLACE_NOUNS) \
                        and not event_location.hyphened_qualifier(mention_span(inner)):
                    ref = self.actors.resolve_mention(mention_span(inner), state, on=on, context=local) or ref
            if ref is not None and ref.name and ref.name[:1].islower() and ref.country and _of_many_states(sp.root):
                # "Governments across Latin America condemned the attempt", "expelled diplomats from seven
                # countries": many states, none of them the story's own
                ref = replace(ref, country=None)
            if ref is not None and (ref.country or ref.sectors):
                out.append(ref)
        return out

    def _pair(self, sp: Span, args: Arguments, state: ArticleActorState, on: date | None,
              local: str | None) -> list[ActorRef] | None:
        """The parties a "both countries", "the two sides" or "the three juntas" phrase stands for, each under
        the phrase's own words; None unless all resolve (distinct states for countries and governments)."""
        members = pair_members(sp, args.appositions.get(sp.root.i))
        if members is None:
            return None
        kind = pair_kind(sp)
        refs = [self.actors.resolve_mention(mention_span(t), state, on=on, context=local) for t in members]
        if any(r is None or not (r.country or r.sectors) for r in refs):
            return None
        if kind != "side" and not (all(_is_state(r.country) for r in refs)
                                   and len({r.country for r in refs}) == len(refs)):
            return None
        if kind == "side" and len({(r.name, r.country) for r in refs}) < len(refs):
            return None
        return [replace(r, text=sp.text, sectors=["GOV"] if kind == "government" else list(r.sectors))
                for r in refs]

    def _event(self, c: _Candidate, sent: Span, article: Article, places: list[Place],
               state: ArticleActorState, probs: dict[str, float], local: str | None) -> Event | None:
        """One event of a sentence; local is the sentence's country (_sentence_country) for actors that
        carry none of their own."""
        m = c.match
        trig = m.trigger
        event_type = c.type_override or trig.event_type
        if event_type == "ASSAULT" and any(sp.root.lemma_.lower() in MISHAPS for sp in c.args.actors):
            return None  # "after a railway station canopy collapsed, killing 15 people": no attack
        if event_type in ("COERCE", "SANCTION") and _by_mishap(c):
            return None  # "floodwaters submerged the city, forcing 400,000 from their homes": nobody coerced
        if event_type == "ASSAULT" and not c.args.actors and _after_mishap(c.anchor):
            return None  # "three months after the collapse of a canopy killed 15 people"
        if event_type == "ASSAULT" and not c.args.actors and any(
                x.dep_ == "advcl" and any(g.dep_ in ("mark", "advmod") and g.lower_ in ("when", "after", "as")
                                          for g in x.children)
                and any(g.dep_ == "nsubj" and g.lemma_.lower() in MISHAPS for g in x.children)
                for x in c.anchor.children):
            return None  # "170 people were killed when a fuel depot exploded": by the accident
        if event_type == "CONSULT" and c.args.actors and all(self._weapon(sp.root) for sp in c.args.actors):
            return None  # "the missile flew for 86 minutes": no journey
        if event_type == "THREATEN" and m.kind == "verb" and trig.words[0] == "threaten" and any(
                x.dep_ == "nsubj" and (self._event_noun(x) or x.lemma_.lower() in RISKING_NOUNS)
                for x in c.anchor.children):
            return None  # "the escalation threatened to undermine the ceasefire": a risk, nobody's threat
        kids = list(c.anchor.children)
        if event_type == "CONSULT" and c.anchor.lemma_.lower() in JOURNEY_LEMMAS and (
                any(x.lower_ in ("back", "home") and x.dep_ in ("advmod", "prt", "npadvmod") for x in kids)
                or (any(x.dep_ == "auxpass" for x in kids)
                    and not any(x.dep_ == "nsubjpass" and x.lemma_.lower() in MOVED_FORCES for x in kids))):
            # "the envoy flew back to Washington": going home visits nobody; "the released servicemen were
            # flown to Moscow": those carried somewhere visit nobody either (troops flown in are deployed)
            return None
        if event_type == "RETREAT" and m.kind == "noun" and c.anchor.i != m.token.i \
                and c.anchor.lemma_.lower() in self.speech_verbs:
            event_type = "CONCEDE"  # PLOVER: a declared (not yet carried out) withdrawal or ceasefire
        modality = c.modality.modality
        clause_toks = list(c.anchor.subtree)
        c_start = clause_toks[0].idx - sent.start_char
        c_end = clause_toks[-1].idx + len(clause_toks[-1]) - sent.start_char
        # Both scopes without the dates of other clauses: in "urged both sides to return to talks next
        # month", next month dates the talks, not the urging.
        scope = _date_scope(sent, c.anchor)
        # (a phrase the parser hung on a reported verb before its subject is the report's: "said on Monday
        # it would boycott the new parliament" said so last Monday)
        subj = next((x for x in kids if x.dep_ in ("nsubj", "nsubjpass")), None)
        said_before = subj.idx - sent.start_char - c_start if c.anchor.dep_ == "ccomp" and subj is not None else 0
        dated = resolve_event_date(scope[c_start:c_end], scope, article.published, future=modality == "future",
                                   past_before=said_before)
        if (when := _when_of(c.anchor)) is not None and not dated.explicit:
            # "violence since September, when fighting broke out": the time the clause hangs on is its own
            dated = resolve_event_date(when, when, article.published, future=modality == "future")
        on = dated.date or article.published
        speaker = None
        co_speakers: list[ActorRef] = []
        if c.modality.speaker is not None:
            tok = c.modality.speaker
            sp = mention_span(tok)
            ap = next((x for x in tok.children if x.dep_ == "appos"), None)
            found = self._resolve([sp], Arguments(appositions={tok.i: mention_span(ap)} if ap is not None else {}),
                                  state, on)
            # the words the article attributes to, whoever they resolve to: "a source close to the High
            # Negotiations Committee" is not the committee speaking (plover_rules._anonymous)
            said_by = _speaker_words(tok)
            speaker = replace(found[0], text=said_by) if found else ActorRef(text=said_by)
            # "Armenia and Azerbaijan said they had agreed": "they" are every speaker (as are both of "the
            # two governments said")
            co_speakers = found[1:] + self._resolve([mention_span(x) for x in (*(x for x in tok.conjuncts if x.i > tok.i),
                                                                    *of_conjuncts(tok))], Arguments(), state, on)
            if c.modality.speech_verb is not None and (addressee := _addressee(c.modality.speech_verb)) is not None:
                # "Stalin wrote to Prime Minister Narendra Modi, urging him to...": whom the speaker addressed
                # is someone the article has now named, for the pronouns after
                self._resolve([mention_span(addressee)], Arguments(), state, on)
        actor_spans = [self._weapon_user(sp) for sp in c.args.actors]
        # a weapon with no user named and no country of its own ("A drone struck the oil field") says nothing
        # of who attacked: not the article's country, which is more often the target's
        actor_spans = [sp for sp in actor_spans if not self._thing_as_weapon(sp.root) or (
            (ref := self.actors.resolve(sp.text, on=on)) is not None and ref.country)]
        if trig.frame == "swap":
            # "residents have fled Djibo": the town fled is no actor (nor the person the name also is), nor
            # is a place named by its kind ("fled the country", "fled their homes")
            # (nor a place with more words the parser hung on it: "fled Nagorno-Karabakh for Armenia")
            actor_spans = [sp for sp in actor_spans if not _names_place(sp, places)
                           and not any(p.lat is not None and p.char_start is not None
                                       and p.char_start <= sp.root.idx < p.char_end for p in places)
                           and sp.root.lower_ not in AREA_NOUNS | FLED_PLACES]
        # (not in a condition the speaker sets on another: "would fight the force if it attacked")
        # (a source cited "according to" says nothing of itself: "looted shops as they retreated, according to
        # a civil society group")
        if speaker is not None and (speaker.country or speaker.sectors) and len(actor_spans) == 1 \
                and c.modality.speech_verb is not None \
                and actor_spans[0].root.lower_ in SPEAKER_PRONOUNS and not _in_condition(c.anchor) \
                and not (actor_spans[0].root.lower_ in ("he", "she") and not _person_speaker(c.modality.speaker)):
            # "The United States said it was concerned", "…we will continue," he said: the speaker's own side
            actors = [ActorRef(text=actor_spans[0].text, name=speaker.name, country=speaker.country,
                               sectors=list(speaker.sectors), wikidata=speaker.wikidata)]
            if actor_spans[0].root.lower_ == "they":
                actors += co_speakers
        elif (speaker is not None and (speaker.country or speaker.sectors) and actor_spans
              and self.lexicon.types[event_type].quad_class in (1, 3)
              and all(self._weapon(sp.root) or sp.root.lemma_.lower() in MACHINES for sp in actor_spans)
              and not any((r := self.actors.resolve(sp.text, on=on)) is not None and r.country
                          and r.country != speaker.country for sp in actor_spans)):
            # "The junta said the helicopter had crashed and denied it had been hit": a machine denies nothing;
            # the parser gave the speaker's denial the subject of the clause it hangs on (another country's
            # vessel is its crew: "the Philippine ship collided with its vessel after ignoring warnings")
            actors = [replace(speaker)]
        else:
            # (a pronoun for the doer is none of those its own clause acts on: "a cyberattack that it blamed
            # on Tehran" is not Tehran's blame)
            acted_on = [r for sp in (*c.args.recipients, *c.args.indirect)
                        if (r := self.actors.resolve(sp.text, on=on, context=local))
                        is not None and r.name] if any(sp.text.lower() in SUBJECT_PRONOUNS for sp in actor_spans) else []
            actors = self._resolve(actor_spans, c.args, state, on, speaker, local, avoid=acted_on)
            if speaker is not None and len(actor_spans) == 1 and _speakers_group(actor_spans[0], speaker) \
                    and not any(set(a.sectors) & NONSTATE_ARMED for a in actors):
                # "Houthi military spokesman Yahya Saree said the group had fired two missiles": the group is
                # the speaker's, not the television station the article cited before
                actors = [replace(speaker, text=actor_spans[0].text)]
        def resolve_recipients(spans: list[Span]) -> list[ActorRef]:
            return self._resolve(spans, c.args, state, on, local=local, said_by=speaker, avoid=actors)

        def targets(spans: list[Span]) -> list[Span]:
            # the town a march goes to is where it went, not whom it is against: "marched to Novi Sad" (nor is
            # a province troops are sent to: "sent 600 more troops to Sinaloa"; a country may be the party)
            return [sp for sp in spans if not (
                event_type in ("PROTEST", "MOBILIZE") and sp.root.dep_ == "pobj"
                and sp.root.head.lower_ in DESTINATION_PREPS and _names_place(sp, places)
                and (event_type == "PROTEST" or not _names_country(sp, places)))]

        recipient_spans = targets(c.args.recipients)
        recipients = resolve_recipients(recipient_spans)
        if len(actors) > 1 and any(sp.text.lower() in RECIPROCALS for sp in recipient_spans):
            # "Both countries have accused each other": each actor is the other's recipient
            recipients = [replace(a, sectors=list(a.sectors)) for a in actors]
        if not recipients and c.args.indirect:
            recipient_spans = targets(c.args.indirect)
            recipients = resolve_recipients(recipient_spans)
        if (event_type == "ACCUSE" and trig.pos == "A" and trig.frame == "swap" and not actors
                and speaker is not None and (speaker.country or speaker.sectors)
                and c.modality.speaker is not None and c.modality.speaker.lower_ not in SPEAKER_PRONOUNS):
            actors = [replace(speaker)]  # "Katz said Beirut was responsible for any fire": Katz accuses Beirut
        # "detonated car bombs at the base before storming it": a pronoun the actor is the target of is the
        # last thing named, not the actor itself
        recipients = [r for r in recipients if not (r.text.lower() in OBJECT_PRONOUNS
                                                    and any(r.name and r.name == a.name for a in actors))]
        trig_modes: tuple[str, ...] | None = None  # modes for a type a rule below changes the trigger's to
        if event_type == "ASSAULT" and _cyber(c.args.actors, recipient_spans):
            # "Cyber attackers targeted the data systems of Albania's parliament": a cyber operation
            event_type, trig_modes = "COERCE", ("cyber",)
        if (trig.frame == "swap" and event_type == "SANCTION" and not actors and recipients
                and all(set(r.sectors) & ARMED_SECTORS for r in recipients)):
            # "the attackers fled into nearby forests": armed men fleeing retreat; nobody expels them
            event_type, trig_modes, actors, recipients = "RETREAT", ("withdraw",), recipients, []
        if trig.frame == "swap" and not actors:
            # (not the town they fled from: "fled from Goma to Gisenyi", "Chiure, from which 60,000 have fled")
            causers = [sp for sp in _causers(c.anchor) if not (sp.root.dep_ != "nsubj" and _names_place(sp, places))]
            # PLOVER: the cause of flight is the actor even when it is no organisation ("fighting in El Fasher")
            actors = self._resolve(causers, c.args, state, on, local=local) or [
                ActorRef(text=sp.text) for sp in causers]
        if (event_type == "RETREAT" and "ceasefire" in trig.modes and actors
                and not any(set(a.sectors) & (ARMED_SECTORS | STATE_SECTORS)
                            or (a.country and not a.sectors and a.country not in AGENCY_CODES) for a in actors)):
            # "aid groups suspended operations in Masisi", "the World Food Programme suspended its
            # operations": no side holds its fire
            return None
        if event_type == "AID" and c.match.token.lemma_.lower() == "help" and not recipients:
            return None  # "he had helped bury 26 bodies": helping with a task aids nobody the text names
        if (event_type == "SUPPORT" and c.match.token.lemma_.lower() == "defend" and not recipients
                and not any(x.dep_ == "dobj" for x in c.anchor.children)):
            return None  # "troops on the border to defend against militias" guard; they back nobody
        if (event_type == "AID" and c.match.token.lemma_.lower() == "shelter"
                and not any(x.dep_ == "dobj" for x in c.anchor.children)):
            return None  # "people sheltering there" took shelter; sheltering refugees aids them
        if (event_type == "AID" and c.match.token.lemma_.lower() == "free" and actors
                and all(set(a.sectors) & (NONSTATE_ARMED | {"CRM"}) and not set(a.sectors) & STATE_SECTORS
                        for a in actors)):
            # "Hamas freed three Israeli women": captors letting captives go release them; police freeing
            # trafficking victims aid them
            event_type, trig_modes = "RETREAT", ("release",)
        if (event_type == "COERCE" and "arrest" in trig.modes and actors
                and all(a.sectors and set(a.sectors) <= OUTLAW_SECTORS for a in actors)):
            # "gunmen rounded up the pupils", "the gang seized two aid workers": no authority arrests them;
            # they are kidnapped
            event_type, trig_modes = "ASSAULT", ("abduct",)
        if event_type in ("AID", "MOBILIZE") and c.match.token.lemma_.lower() in SENDING_VERBS:
            event_type, trig_modes = self._sent_for(c.anchor, event_type, trig_modes, tuple(trig.modes))
            if event_type == "MOBILIZE" and event_type != trig.event_type:
                # the warships and jets sent to encircle the island are the sender's own, no recipients
                recipient_spans = [sp for sp in recipient_spans if sp.root.lemma_.lower() not in MOVED_FORCES]
                recipients = resolve_recipients(recipient_spans)
        where = c.anchor  # the token whose clause says where the event happened
        if c.modality.cue in OBLIGATION_CUES and speaker is not None and speaker.country \
                and not (actors and same_actor(speaker, actors[0])):
            # "The Red Cross said the forces must ensure security": the speaker asks the clause's subject,
            # and the request is the statement itself, made where the speaker's clause says
            event_type, modality = "REQUEST", "asserted"
            actors, recipients = [speaker], actors
            where = c.modality.speech_verb or c.anchor
        else:
            event_type, modality = single_category(
                event_type, modality, c.modality.cue, actors, speaker, trigger_modes=c.match.trigger.modes,
                trigger_lemma=c.match.token.lemma_.lower(), actor_texts=[sp.text for sp in c.args.actors])
        if (event_type == "REQUEST" and c.match.token.lemma_.lower() == "order" and recipients and actors
                and any(x.dep_ == "xcomp" and x.lemma_.lower() in DEPARTURE_LEMMAS for x in c.anchor.children)
                and all(r.country and r.country != actors[0].country for r in recipients)):
            # "the junta ordered French troops to leave the country": ordering a foreign presence out expels it
            event_type, trig_modes = "SANCTION", ("expel",)
        elif (event_type == "COERCE" and c.match.token.lemma_.lower() == "force"
              and any(x.dep_ == "xcomp" and x.lemma_.lower() in DEPARTURE_LEMMAS for x in c.anchor.children)
              and (made := next((x for x in c.anchor.children if x.dep_ == "dobj"), None)) is not None):
            # "stormed the hospital and forced patients and staff to leave": driven out, as those forced to flee
            event_type, trig_modes = "SANCTION", ("expel",)
            recipients = recipients or resolve_recipients(mention_spans([made, *made.conjuncts]))
        elif (event_type == "REQUEST" and c.match.token.lemma_.lower() == "order" and actors
              and (forces := _forces_ordered_out(c.anchor))
              and (all(r.country in (None, actors[0].country) for r in recipients)
                   # (troops no word gives to anyone else are the orderer's, whatever the sentence's country)
                   or not any(any(g.dep_ in ("amod", "compound", "poss") and g.text[:1].isupper() for g in x.children)
                              for x in forces))):
            # "Maduro ordered troops to the border", "Ruto ordered the army deployed": a deployment of one's
            # own forces
            event_type, trig_modes, recipients = "MOBILIZE", ("troops",), []
        if (c.match.token.lemma_.lower() in ("arrive", "march") and c.match.kind == "verb" and (
                (event_type == "CONSULT" and (not any(
                    x.dep_ == "prep" and x.lower_ in ("in", "at", "to") and any(
                        g.dep_ == "pobj" and g.lemma_.lower() not in CONVEYANCES for g in x.children)
                    for x in c.anchor.children)
                    # ("buses carrying them arrived in Beitunia": vehicles visit nobody)
                    or any(x.dep_ == "nsubj" and x.lemma_.lower() in CONVEYANCES for x in c.anchor.children)))
                or (event_type == "PROTEST" and any(x.dep_ == "dobj" for x in c.anchor.children)))):
            # "the attackers, who arrived on motorcycles" (or "in pickup trucks"): an arrival at no place visits
            # nobody; "marched them into the forest" drives captives, no protest
            return None
        if event_type == "CONSULT" and not recipients and (
                (c.match.token.lemma_.lower() in ("gather", "assemble") and all(set(a.sectors) <= {"CVL"} for a in actors))
                or (c.match.token.lemma_.lower() == "arrive" and actors
                    and all(set(a.sectors) and set(a.sectors) <= UPROOTED_SECTORS for a in actors))):
            # "crowds gathered in Tel Aviv to watch the handover", "6,500 people had arrived in Mueda": no
            # meeting or visit of anyone
            return None
        if modality == "reported" and speaker is not None and actors and same_actor(speaker, actors[0]) \
                and self.lexicon.types[event_type].quad_class in (1, 3):
            modality = "asserted"  # the statement is itself the verbal act
        if _historical(dated, article.published) and modality not in ("negated", "hypothetical"):
            modality = "historical"
        mode = list(trig.modes)
        if event_type == "ASSAULT":
            mode = list(dict.fromkeys([*mode, *instrument_modes(c.anchor, self.lexicon),
                                       *self._subject_act_modes(c.anchor)]))
        if (event_type == "ASSAULT" and "aerial" in mode and m.kind == "verb" and m.token.lemma_.lower() == "bomb"
                and actors and all(a.sectors and not set(a.sectors) & STATE_SECTORS for a in actors)):
            # "the rebels bombed the pipeline": the verb's air raid is the states'; groups without aircraft
            # bomb with explosives
            mode = list(dict.fromkeys("explosives" if x == "aerial" else x for x in mode))
        if event_type != trig.event_type:
            # blocking roads is obstruction by protesters and restriction by a state (plover_rules)
            mode = list(trig_modes or BLOCKING_MODES.get((trig.event_type, event_type), ()))
        lemmas = {t.lemma_.lower() for t in sent}
        context = self._contexts(trig, lemmas, sent.text.lower())
        views = derive(self.lexicon, event_type, mode, context, actors, recipients, lemmas)
        # an act aimed at a capital or country from afar ("accused Baku of an attack", "cut ties with Iran")
        # did not happen there; a meeting or a journey there ("is due to travel to Benghazi") may
        from_afar = (event_type not in SCENE_TYPES and event_type != "CONSULT"
                     and where.lemma_.lower() not in JOURNEY_LEMMAS)
        # a resignation is decided, not done on the ground: "resigned after supporters attacked students in
        # Novi Sad" did not resign there
        # (nor is a state of emergency declared where the unrest it answers broke out: "declared a state of
        # emergency after riots broke out in six prisons and a gang leader escaped in Guayaquil")
        apart = event_type not in SCENE_TYPES or (event_type == "RETREAT" and "resign" in mode) or (
            event_type == "COERCE" and "martial-law" in mode)
        speech = c.modality.speech_verb
        # a feeling or a verbal act the speaker states of itself is done by the statement, where it is made
        # ("said it was alarmed by...", "told reporters in Tbilisi that she would not step down")
        stated = speech is not None and event_location.stated_of_itself(where, speech) and (
            event_location.is_feeling(where) or event_type in STATED_TYPES)
        loc = event_location.pick_event_location(sent, where, places, speech_verb=speech,
                                                 addressed=recipient_spans if from_afar else (),
                                                 apart_from_scene=apart, stated=stated)
        loc_span = event_location.span_of(sent, loc) if loc is not None else None
        voiced = speech if stated else where
        if loc_span is not None and (
                not _plausible_location(loc_span, voiced, self.lexicon.types[event_type].quad_class)
                # "SEOUL - North Korea fired a missile into the sea": filed there, not fired there
                or _foreign_dateline(loc, loc_span, actors, recipients)
                or (event_type == "ASSAULT" and _target_abroad(loc, loc_span, recipients))
                # "blame the unrest on foreign enemies, including the United States"
                or (from_afar and _among_addressed(loc, loc_span, recipient_spans))):
            loc = None
        confidence = _confidence(trig.weight, actors, recipients, loc, m, modality, probs.get(event_type),
                                 _clause_rank(c.anchor))
        return Event(
            article_id=article.id, sentence=sent.text, char_start=sent.start_char, char_end=sent.end_char,
            # contexts leave as identifiers ("human_rights"), the form PLOVER's JSON and CAMEO2PLOVER use
            event_type=event_type, mode=mode, context=[x.replace(" ", "_") for x in context], actor=actors,
            recipient=recipients,
            location=loc, date=dated.date.isoformat() if dated.date else None,
            date_precision=dated.precision if dated.date else None, date_text=dated.text,
            attribution=speaker, modality=modality, confidence=confidence, url=article.url,
            source=article.source, trigger=" ".join(t.text for t in sorted(m.tokens, key=lambda t: t.i)),
            quad_class=views.quad_class, cameo_root=views.cameo_root, plover_score=views.plover_score,
            acled=views.acled,
        )

    def _lent_country(self, noun: Token, on: date | None) -> str | None:
        """The country a capitalised modifier of noun names ("French" of "French troops"), or None."""
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.text[:1].isupper() and c.i < noun.i:
                found = self.actors.resolve_full(c.text, on=on)
                if found is not None and found.kind == "country" and found.ref.country:
                    return found.ref.country
        return None

    def _sent_for(self, anchor: Token, event_type: str, modes: tuple[str, ...] | None,
                  row_modes: tuple[str, ...]) -> tuple[str, tuple[str, ...] | None]:
        """What sending is, by what the sent are to do ("sent jets to strike targets" deploys them for the
        sender's own attack; "sent an aircraft and engineers to help with the rescue" is aid, though troops
        or police sent to help are still deployed), where the sentence says; else the type the sent objects
        gave."""
        use = next((x for x in anchor.children if x.dep_ in ("advcl", "xcomp") and x.pos_ == "VERB"
                    and to_infinitive(x)), None)
        if use is None:
            return event_type, modes
        lemma = use.lemma_.lower()
        if event_type == "AID" and any(t.event_type in ("ASSAULT", "MOBILIZE")
                                       for t in self.lexicon.verb_triggers.get(lemma, ())):
            sent = [x for x in anchor.children if x.dep_ == "dobj"]
            people = any(x.lemma_.lower() in MOVED_FORCES for x in sent)
            return "MOBILIZE", ("troops",) if people else ("weapons",)
        if event_type == "MOBILIZE" and row_modes == ("weapons",) and lemma in HELPING_VERBS:
            return "AID", ()
        return event_type, modes

    def _subject_act_modes(self, anchor: Token) -> tuple[str, ...]:
        """The modes of an attack named as the subject of the verb that tells what it did: "An air strike
        killed 12 people" was aerial, as "a drone strike" was by drone."""
        subj = clause_subject(anchor)[0]
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            return ()
        words = {_noun_lemma(c) for c in subj.children}
        rows = [t for t in self.lexicon.noun_triggers.get(_noun_lemma(subj), ())
                if t.event_type == "ASSAULT" and all(w in words for w in t.words[:-1])]
        longest = max((len(t.words) for t in rows), default=0)
        return tuple(dict.fromkeys(m for t in rows if len(t.words) == longest for m in t.modes))

    def _weapon_user(self, sp: Span) -> Span:
        """Who used a weapon named as the doer: "A missile fired by Yemen's Houthis struck near the airport"
        is the Houthis' attack, "its drones struck" its owner's; the weapon itself where no user is named."""
        if not self._thing_as_weapon(sp.root):
            return sp
        agent = next((p for v in sp.root.children if v.dep_ == "acl" for a in v.children if a.dep_ == "agent"
                      for p in a.children if p.dep_ == "pobj"), None)
        # (or whose it is: "the RSF said its drones had struck the palace", "Hezbollah's rockets hit Haifa")
        owner = agent or next((c for c in sp.root.children if c.dep_ == "poss"), None)
        return mention_span(owner) if owner is not None else sp

    def _event_noun(self, tok: Token) -> bool:
        """Whether a noun names an event or a weapon by itself ("sanctions", "rockets", "rounds"), or with
        the words its rows need ("a military convoy" is no "aid convoy", "government forces" no
        "peacekeeping force": those stay parties)."""
        rows = self.lexicon.noun_triggers.get(_noun_lemma(tok), ())
        if any(len(t.words) == 1 for t in rows):
            return True
        return bool(rows) and match_noun(tok, self.lexicon) is not None

    def _thing_as_weapon(self, tok: Token) -> bool:
        """A weapon that is a thing, not a person the lexicon also files as one ("gunmen", "a suicide
        bomber", "federal agents" act themselves), nor a crewed aircraft ("the jets bombed the village" is
        the air force, most often the story's own country's)."""
        rows = self.lexicon.noun_triggers.get(_noun_lemma(tok), ())
        return (any(t.frame == "instrument" for t in rows) and _noun_lemma(tok) not in person_nouns()
                and not any("aerial" in t.modes for t in rows if t.frame == "instrument"))

    def _armed_people(self, tok: Token) -> bool:
        """People the lexicon files only as a weapon ("gunmen", "snipers"): parties like any people."""
        rows = self.lexicon.noun_triggers.get(_noun_lemma(tok), ())
        return bool(rows) and all(t.frame == "instrument" for t in rows) and _noun_lemma(tok) in person_nouns()

    def _weapon(self, tok: Token) -> bool:
        return any(t.frame == "instrument" for t in self.lexicon.noun_triggers.get(_noun_lemma(tok), ()))

    def _contexts(self, trig: Trigger, lemmas: set[str], sent_lower: str) -> list[str]:
        ctx = list(trig.contexts)
        for name, cues in self.lexicon.context_cues.items():
            if name in ctx:
                continue
            if any((c in lemmas) if " " not in c else (c in sent_lower) for c in cues):
                ctx.append(name)
        return ctx[:3]


# Pronouns that may stand for the doer of an act.
SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she"})
# Areas wider than a state a plural may be spread over (event_location.SPREAD_PREPS): "governments across
# the region" ("protesters across the country" are still the story's own).
WIDE_AREAS = frozenset({"region", "continent", "world", "globe"})
# Objects that make the actors their own recipients.
RECIPROCALS = frozenset({"each other", "one another"})


def _carry_scene(scene: Event | None, coded: list[Event], sent: Span, places: list[Place]) -> Event | None:
    """A deed told in a sentence that names no place happened where the paragraph's last deed did: "In
    Tripoli, hundreds protested ... Troops fired into the air to disperse the crowd." Only deeds (material
    cooperation or conflict) carry and take a place, and only within a paragraph: a statement happens
    where its speaker is, and a new paragraph is often a new scene. Returns the scene for the next sentence."""
    deeds = [ev for ev in coded if ev.quad_class in (2, 4)]
    division = _the_division_again(sent, places)
    if division is not None and not any(sent.start_char <= (p.char_start or -1) < sent.end_char for p in places):
        # "more than 20 leaders have been killed in the province this year": the province the story last
        # named, not the town of the paragraph's last deed
        for ev in deeds:
            if ev.location is None:
                ev.location = division
        return scene
    if coded and any(sent.start_char <= (p.char_start or -1) < sent.end_char for p in places):
        # a sentence naming places sets the scene, or leaves none where its deeds happened elsewhere; one
        # that tells of no event leaves it ("The city near the border with Turkey is held by the YPG")
        # (only a deed that happened: "until Israel ended its offensive in Gaza" sets no scene)
        scene = next((ev for ev in reversed(deeds) if ev.location is not None
                      and ev.modality in ("asserted", "reported")), None)
    elif scene is not None and (_same_paragraph(scene, sent) or (
            _the_town_again(sent) and (scene.location.precision or "") in ("city", "point"))):
        for ev in deeds:
            if ev.location is None:
                ev.location = scene.location
    else:
        scene = None
    return scene


TOWN_NOUNS = frozenset({"town", "city", "village"})


def _the_town_again(sent: Span) -> bool:
    """Whether a sentence places its deed in "the town" (or city, or village) without naming it: the one the
    story last told a deed in, even in a new paragraph ("A second blast hit a hospital in the town hours
    later"). Not "the town of X", which names another."""
    return any(t.lower_ in TOWN_NOUNS and t.dep_ == "pobj" and any(c.lower_ == "the" for c in t.children)
               and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) for t in sent)


def _the_division_again(sent: Span, places: list[Place]) -> Place | None:
    """The first-level division the story last named before sent, when sent places its deed "in the
    province" (or state, or region) without naming it; else None."""
    if not any(t.lower_ in PROVINCE_WORDS and t.dep_ == "pobj" and t.head.lower_ == "in"
               and any(c.lower_ == "the" for c in t.children) and not any(c.dep_ in ("prep", "amod", "compound")
                                                                       for c in t.children) for t in sent):
        return None
    return next((p for p in reversed(places) if p.precision == "admin1" and p.lat is not None
                 and p.char_start is not None and p.char_start < sent.start_char), None)


FLED_PLACES = frozenset({"country", "home", "homes", "house", "houses", "capital", "state", "camp", "camps", "border",
                         "frontier"})


def _names_country(span: Span, places: list[Place]) -> bool:
    return any(p.precision == "country" and p.char_start == span.start_char and p.char_end == span.end_char
               for p in places)


def _names_place(span: Span, places: list[Place]) -> bool:
    """Whether span is exactly a toponym the place finder placed."""
    return any(p.lat is not None and p.char_start == span.start_char and p.char_end == span.end_char for p in places)


def _same_paragraph(ev: Event, sent: Span) -> bool:
    """Whether no line break stands between an earlier event's sentence (less its trailing whitespace,
    which holds the break that ends its paragraph) and sent."""
    return "\n" not in sent.doc.text[ev.char_start + len(ev.sentence.rstrip()):sent.start_char]


def _of_list_head(tok: Token) -> Token | None:
    """The plural noun whose "of", "from" or "in" list tok is a later member of (of_conjuncts), or None."""
    first = event_location.first_conjunct(tok)
    if first.i == tok.i or first.dep_ != "pobj" or first.head.lower_ not in ("of", "from", "in"):
        return None
    head = first.head.head
    return head if any(c.i == tok.i for c in of_conjuncts(head)) else None


def _sentence_country(sent: Span, places: list[Place]) -> str | None:
    """The one country of the towns and divisions a sentence names ("Police in Lagos arrested 40
    protesters": Nigerian protesters), for actors that carry none of their own; None when the sentence
    names none or several. Country names are left out: they are often actors themselves; so are places
    someone came from (_origin), and the wire dateline, where the reporter files from ("BANGKOK - The Arakan
    Army said… after weeks of fighting with the military" is no Thai military)."""
    found = {p.country for p in places
             if p.country and p.char_start is not None and sent.start_char <= p.char_start < sent.end_char
             and (span := sent.doc.char_span(p.char_start, p.char_end)) is not None
             and (p.precision not in ("country", "region") or (p.precision == "country" and sets_scene(span)))
             and not event_location.in_dateline(span) and not _origin(span) and not _where_said(span)
             and not _destination(span)}
    return found.pop() if len(found) == 1 else None


def _destination(span: Span) -> bool:
    """Whether a place is where someone goes or is sent ("deploying police officers to Haiti"): it says
    nothing of whose the sentence's actors are."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ in GOING_PREPS


def _where_said(span: Span) -> bool:
    """Whether a place is where someone spoke ("told reporters in Kigali", "said in Geneva", "In Geneva, the
    UN rights chief called on the government to..."): the speaker's whereabouts say nothing of whose the
    fighters in the quote are, nor whose the government called on is."""
    prep = span.root.head
    return (span.root.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("in", "at")
            and prep.head.lemma_.lower() in DEFAULT_SPEECH_VERBS | SPEAKER_DIRECTIVES)


def _origin(span: Span) -> bool:
    """Whether a place is where someone came from ("39 people who had set off from the Libyan port of
    Tobruk"): it says nothing of whose the sentence's other actors are."""
    first = event_location.first_conjunct(span.root)
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() in AREA_NOUNS | {"port"}:
        first = first.head.head  # "from the Libyan port of Tobruk"
    return object_of(first, frozenset({"from"}))


def _date_scope(sent: Span, anchor: Token) -> str:
    """The sentence text, with date expressions that belong to another clause blanked out: in "The envoy
    will on Friday assess whether talks can go on with negotiators refusing to attend", Friday is the
    assessment's date, not the refusal's."""
    text = sent.text
    # The anchor's own clause, the verbs it is chained to ("began fighting on Monday"), and a reporting
    # verb above it ("said on Thursday that…") may date the event; another clause's date may not.
    anchor_line = {anchor.i}
    cur = anchor
    while cur.head.i != cur.i and cur.dep_ in ("xcomp", "conj", "ccomp", "nsubj", "nsubjpass", "dobj", "advcl"):
        if main_verb_under_participle(cur):
            break  # "troops deployed in the province since 2021 helped...": the participle's date is not its
        cur = cur.head
        if cur.dep_ == "ccomp" or cur.head.i == cur.i or cur.pos_ not in ("VERB", "AUX") \
                or cur.lemma_.lower() in DEFAULT_SPEECH_VERBS:
            anchor_line.add(cur.i)
    if anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in DEFAULT_SPEECH_VERBS:
        anchor_line.add(anchor.head.i)
    if anchor.dep_ == "advcl" and anchor.tag_ == "VBG" and not any(c.dep_ == "mark" for c in anchor.children):
        anchor_line.add(anchor.head.i)  # "stormed a prison on Friday, freeing hundreds of inmates": then too
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        head = ent.root
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i not in anchor_line or _dates_a_thing(ent, anchor):
            a, b = ent.start_char - sent.start_char, ent.end_char - sent.start_char
            text = text[:a] + " " * (b - a) + text[b:]
    return text


# Words by which the doers or the target of an attack say it was made over networks.
CYBER_DOERS = frozenset({"cyber", "hacker", "cyberattacker", "cybercriminal"})
CYBER_TARGETS = frozenset({"system", "server", "website", "network", "database", "computer", "email"})


def _cyber(actors: list[Span], targets: list[Span]) -> bool:
    """Whether an attack was a cyber operation by its doers' words ("cyber attackers", "hackers") or its
    target's ("the data systems of parliament", "government websites")."""
    return (any(t.lemma_.lower() in CYBER_DOERS for sp in actors for t in sp)
            or any(sp.root.lemma_.lower() in CYBER_TARGETS for sp in targets))


def _of_many_states(root: Token) -> bool:
    """Whether a generic plural is spread over many states: "governments across Latin America", "leaders
    across the region", "expelled diplomats from seven Latin American countries" (the parser may hang the
    "from" on the verb)."""
    def spread(prep: Token) -> bool:
        return prep.dep_ == "prep" and any(g.dep_ == "pobj" and (
            (prep.lower_ in event_location.SPREAD_PREPS and (g.ent_type_ == "LOC" or g.lemma_.lower() in WIDE_AREAS))
            or (prep.lower_ == "from" and g.tag_ == "NNS" and g.lemma_.lower() in STATE_NOUNS)) for g in prep.children)
    holders = [root, root.head] if root.dep_ == "dobj" else [root]
    return any(spread(c) for h in holders for c in h.children if h.i == root.i or c.lower_ == "from")


def _by_mishap(c: _Candidate) -> bool:
    """Whether an act is done by a force of nature or an accident (MISHAPS): its actor, the cause of a
    flight ("the earthquake forced thousands to flee"), or the subject of the clause a participle hangs on
    ("floodwaters submerged the city, forcing 400,000 from their homes")."""
    heads = [sp.root for sp in (*c.args.actors, *_causers(c.anchor))]
    if c.anchor.dep_ == "advcl" and c.anchor.tag_ == "VBG":
        heads += [x for x in c.anchor.head.children if x.dep_ == "nsubj"]
    return any(h.lemma_.lower() in MISHAPS for h in heads)


def _after_mishap(verb: Token) -> bool:
    """Whether a verb with no subject of its own comes right after a phrase on an accident the parser hung
    elsewhere: "three months after the collapse of a railway station canopy killed 15 people"."""
    if verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    before = verb.doc[verb.i - 1]
    return before.pos_ == "NOUN" and any(t.lemma_.lower() in MISHAPS for t in (before, *before.ancestors)
                                         if t.pos_ == "NOUN" and t.i < verb.i)


def _addressee(speech_verb: Token) -> Token | None:
    """Whom a verb of saying addresses by name: "wrote to Prime Minister Narendra Modi", "told Reuters"."""
    for c in speech_verb.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            found = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if found is not None:
                return found
        if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" and speech_verb.lemma_.lower() == "tell":
            return c
    return None


def _when_of(anchor: Token) -> str | None:
    """The time expression a "when" clause is a relative clause of ("since September, when fighting broke
    out"), or None."""
    head = anchor.head
    if anchor.dep_ != "relcl" or head.ent_type_ not in ("DATE", "TIME") or not any(
            c.lower_ == "when" and c.dep_ == "advmod" for c in anchor.children):
        return None
    ent = next((e for e in anchor.doc.ents if e.start <= head.i < e.end), None)
    text = ent.text if ent is not None else head.text
    # with its preposition, which makes a bare month a date ("since September")
    return f"{head.head.text} {text}" if head.dep_ == "pobj" and head.head.dep_ == "prep" else text


def _dates_a_thing(ent: Span, anchor: Token) -> bool:
    """Whether a date expression belongs to something other than the anchor's act: a possessive on
    something other than the anchor or its subject ("reject the results of last month's election"), a time
    ahead that a done act does not hang on ("has proposed a referendum after elections next year"), a
    parenthetical on a noun ("The ruling party, in power since independence in 1975, rejected..."), or the
    past event an anniversary marks."""
    root = ent.root
    if root.dep_ == "poss" and root.head.i != anchor.i and root.head.dep_ not in ("nsubj", "nsubjpass"):
        return True
    hung_on = root.head.head if root.head.dep_ == "prep" else root.head
    if _done(anchor) and any(t.lower_ in AHEAD_WORDS for t in ent) and hung_on.i != anchor.i:
        return True
    tok = root
    while tok.head.i != tok.i and tok.i != anchor.i and tok.pos_ not in ("VERB", "AUX"):
        if (tok.dep_ == "prep" and tok.is_lower and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != anchor.i
                and any(t.text == "," for t in tok.doc[tok.head.i + 1:tok.i])):
            return True
        if tok.lemma_.lower() == "anniversary":
            return True  # "demonstrating on the anniversary of his seizure of broad powers in 2021"
        tok = tok.head
    return False


AHEAD_WORDS = frozenset({"next", "tomorrow", "coming", "upcoming"})


def _done(verb: Token) -> bool:
    """Whether a verb tells of something already done: a past tense, or a perfect ("has proposed")."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux"
                                                             for c in verb.children))


def _whole_sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, with one it opened on a comma or semicolon joined to the one before: "... in
    Zulia on Thursday | , the opposition said, as protests continued" is one sentence, its speaker's report."""
    out: list[Span] = []
    for sent in doc.sents:
        if out and sent[0].text in (",", ";") and "\n" not in doc[sent.start - 1].whitespace_:
            out[-1] = doc[out[-1].start:sent.end]
        else:
            out.append(sent)
    return out


def _timing_back_reference(noun: Token, verb: Token) -> bool:
    """Whether an occurrence is named only to time another clause by events already told: "since the attacks
    began" (the definite article points back; "since clashes erupted on Monday" tells of new ones)."""
    return (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)
            and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children))


# What people arrive in, which is no place they visit.
CONVEYANCES = frozenset({"truck", "pickup", "car", "vehicle", "motorcycle", "motorbike", "bus", "boat", "canoe",
                         "convoy", "helicopter", "plane", "jeep", "van", "bicycle", "horse", "camel"})
# Armed men of no known side, and criminals: what they "detain" they kidnap.
OUTLAW_SECTORS = frozenset({"UAF", "CRM"})
# Verbal acts a speaker does by saying them of itself: "said it condemned...", "said she would not step down".
STATED_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})
DEPLOY_LEMMAS = frozenset({"deploy", "mobilize", "mobilise", "move"})


def _forces_ordered_out(order: Token) -> list[Token]:
    """The forces an order sends somewhere: its object, with a "to" phrase or a deploying participle
    ("ordered troops to the border", "ordered troops deployed to the border"), or the subject or object of a
    deploying verb under it ("ordered the army deployed", "ordered the army to deploy")."""
    forces = [x for x in order.children if x.dep_ == "dobj" and x.lemma_.lower() in MOVED_FORCES]
    if forces and (any(x.dep_ == "prep" and x.lower_ in ("to", "into") for x in order.children) or any(
            g.dep_ == "acl" and g.lemma_.lower() in DEPLOY_LEMMAS for f in forces for g in f.children)):
        return forces
    for x in order.children:
        if x.dep_ in ("ccomp", "xcomp", "oprd") and x.lemma_.lower() in DEPLOY_LEMMAS:
            moved = [g for g in x.children if g.dep_ in ("nsubj", "nsubjpass") and g.lemma_.lower() in MOVED_FORCES]
            if moved or forces:
                return moved or forces
    return []


# Outcomes a verb's "for" phrase asks for ("chanted for his resignation"), which a free-standing noun then
# names without their having happened (a noun's "for" may date them: "the deadline for their withdrawal").
WANTED_TYPES = frozenset({"RETREAT", "CONCEDE", "AGREE"})


def _plausible_location(span: Span, anchor: Token, quad_class: int) -> bool:
    """Whether the place mention span can be the scene: a verbal act happens where its own clause says, or
    where the place its clause hangs on by "where" is ("met Arab ministers in Amman, where they pressed him
    to back a ceasefire")."""
    if quad_class in (1, 3) and not (anchor.left_edge.i <= span.root.i <= anchor.right_edge.i):
        # the parser may hang the clause on a nearer word ("in Amman on Saturday, where…"): the last place
        # named before it
        clause = event_location.own_relative_clause(anchor)
        return clause is not None and any(c.lower_ == "where" for c in clause.children) \
            and span.end <= clause.left_edge.i and not any(
                t.ent_type_ in ("GPE", "LOC", "FAC") for t in span.doc[span.end:clause.left_edge.i])
    return True


def _speaker_words(tok: Token) -> str:
    """The phrase a speaker is named by, with what qualifies it ("a source close to the committee") but
    without a coordinated second speaker, an apposition or a relative clause."""
    doc = tok.doc
    kept = [c for c in tok.children if c.dep_ not in ("conj", "cc", "punct", "appos", "relcl", "acl")]
    right = max([tok.i] + [c.right_edge.i for c in kept if c.i > tok.i])
    # (nor one hung on a name inside the phrase: "The African Union mission in Somalia, which is due to be
    # replaced, said")
    right = next((k - 1 for k in range(tok.i + 1, right + 1) if doc[k].text == "," and any(
        t.dep_ in ("relcl", "appos") and t.left_edge.i == k + 1 for t in doc[k + 1:right + 1])), right)
    left = min([tok.i] + [c.left_edge.i for c in kept if c.i < tok.i])
    for k in range(left, tok.i):
        if spaced_dash(doc[k]):
            # nor the wire dateline the parser hangs on it, however deep: "BANGKOK, April 11 - Ethnic Karen
            # rebels said", "DUBAI, Feb 12 - Yemen's Houthi movement said"
            left = k + 1
    return doc[left:right + 1].text


def _in_condition(anchor: Token) -> bool:
    """Whether the anchor's clause is the condition of another ("if it attacked", "unless they withdraw")."""
    return anchor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anchor.children)


def _foreign_dateline(loc: Place, span: Span, actors: list[ActorRef], recipients: list[ActorRef]) -> bool:
    """Whether the place (mentioned at span) is only the story's dateline, in a country none of the event's
    parties belongs to, where every actor has one (every recipient, where the event names no actor: "DUBAI -
    ... a man who had been convicted of spying"): the dateline says where the story was filed, which is the
    scene only for events at home."""
    if loc.country is None or not event_location.in_dateline(span):
        return False
    parties = actors or recipients
    if not parties or not all(_is_state(a.country) for a in parties):
        return False  # the European Union (EUR), the UN, NATO (IGO): at home wherever they file from
    return loc.country not in {a.country for a in actors + recipients if a.country}


def _target_abroad(loc: Place, span: Span, recipients: list[ActorRef]) -> bool:
    """Whether the place is only the story's dateline while every target of an attack belongs to another
    state: an attack happens where its target is ("BANGKOK - Thai jets struck Cambodian military positions"
    struck nothing in Bangkok)."""
    if loc.country is None or not event_location.in_dateline(span):
        return False
    return bool(recipients) and all(_is_state(r.country) and r.country != loc.country for r in recipients)


def _is_state(code: str | None) -> bool:
    """Whether an actor's country code is a state's ISO code, not a region or body (CAMEO's EUR, IGO, UNO)."""
    return code is not None and pycountry.countries.get(alpha_3=code) is not None


def _among_addressed(loc: Place, span: Span, addressed: list[Span]) -> bool:
    """Whether a country (mentioned at span) is one of the parties an act from afar is aimed at, named inside
    their phrase but not as where they are: "blame the unrest on foreign enemies, including the United
    States" (but "cut food supplies to the biggest refugee camp in Thailand" happened there). Rulers' "in"
    says whose they are, not where: "called on the juntas in Burkina Faso, Mali and Niger"."""
    first = event_location.first_conjunct(span.root)
    if loc.precision != "country" or (
            first.dep_ == "pobj" and first.head.lower_ in event_location.LOCATIVE_PREPS
            and first.head.head.lemma_.lower() not in RULER_NOUNS):
        return False
    return any(sp.root.left_edge.i <= span.root.i <= sp.root.right_edge.i for sp in addressed)


def _period_end(d: ResolvedDate) -> date | None:
    if d.date is None:
        return None
    if d.precision == "year":
        return date(d.date.year, 12, 31)
    if d.precision == "month":
        return (d.date.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if d.precision == "week":
        return d.date + timedelta(days=6)
    return d.date


def _historical(d: ResolvedDate, published: date | None) -> bool:
    end = _period_end(d)
    return bool(d.explicit and end and published and (published - end).days > HISTORICAL_DAYS)


def _attacking(m: TriggerMatch, assaults: set[int]) -> bool:
    """A protest noun as the subject of an attack is the attack itself: "Israeli jets struck Tyre. The strikes
    hit a building": military strikes, no walkout."""
    tok = m.token
    return (m.kind == "noun" and m.event_type == "PROTEST" and tok.dep_ == "nsubj"
            and tok.head.i in assaults)


def _person_speaker(tok: Token | None) -> bool:
    """Whether a speaker is somebody "he" or "she" can stand for: a named person or a noun for one ("The
    interior ministry said he had been detained" is not the ministry)."""
    return tok is not None and (tok.ent_type_ == "PERSON" or tok.lemma_.lower() in person_nouns()
                                or tok.lower_ in ("he", "she", "i"))


def _speakers_group(span: Span, speaker: ActorRef) -> bool:
    """"The group" in what an armed group's spokesman says is that group: "Houthi military spokesman Yahya
    Saree said the group had fired two missiles", not the television station the article cited before."""
    root = span.root
    return (root.lower_ in GROUP_NOUNS and len([t for t in span if t.dep_ != "det"]) == 1
            and any(c.dep_ == "det" and c.lower_ == "the" for c in root.children)
            and bool(set(speaker.sectors) & NONSTATE_ARMED))


def _descriptive(m: TriggerMatch) -> bool:
    """Triggers that describe a noun rather than report an act: "States opposed to Assad", "pro-government
    militiamen", or a relative clause on a background noun ("a war that has killed thousands"); also a
    gerund listed among nouns ("charges including corruption and aiding a terrorist group") and an
    attempt that asks nobody ("sought to mediate")."""
    tok = m.token
    # (a participle on the story's subject after a dateline may be the verb the parser misread, unless its
    # "by" phrase makes it a passive: "MOGADISHU - Somali forces backed by clan militias recaptured…")
    # (nor can one glued to its agent by a hyphen: "Rwanda-backed M23 rebels said...")
    hyphened = tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_ \
        and not tok.doc[tok.i - 2].whitespace_
    if m.kind == "verb" and tok.lemma_.lower() in NAMING_VERBS and (
            any(c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME") for c in tok.children)  # not "called Thursday on"
            or (tok.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in tok.children)
                and any(c.dep_ == "dobj" and c.lower_ not in RELATIVE_PRONOUNS for c in tok.children))):
        # "the security forces, called the Asayish", "a state they call Ambazonia", "a practice the
        # negotiator called the main obstacle" (the noun the relative clause hangs on is its first object,
        # the name its second): naming, not a phone call
        return True
    if document_issuer(tok) is not None:
        return False  # "issued a joint statement urging Caracas to publish the counts": the statement's act
    if m.kind == "verb" and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") \
            and (story_subject(tok.head) is None or any(c.dep_ == "agent" for c in tok.children) or hyphened) \
            and not misread_main_verb(tok) and verb_read_as_object_participle(tok) is None \
            and relative_read_as_object(tok) is None:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False
        if tok.tag_ in ("VBN", "JJ"):
            # a participle used as an adjective: "States opposed to Assad" (not one set off by a comma that
            # names who did it: "The ceasefire, mediated by Qatar, Egypt and the United States, took effect")
            return not (tok.doc[tok.i - 1].text == "," and any(c.dep_ == "agent" for c in tok.children))
        # "aid to refugees fleeing the war" describes the refugees; "with negotiators refusing to attend"
        # (an absolute "with" clause) or a subject ("protesters marching on parliament") reports an act
        noun = tok.head
        return noun.dep_ in ("dobj", "pobj", "dative") and not (noun.dep_ == "pobj" and noun.head.lower_ == "with")
    rel = tok  # (and what is coordinated with it: "a war that has killed thousands and uprooted millions")
    while rel.dep_ == "conj" and rel.head.pos_ in ("VERB", "AUX"):
        rel = rel.head
    if rel.dep_ == "relcl" and rel.head.lemma_.lower() in BACKGROUND_NOUNS:
        return True
    party = rel.head
    if (rel.dep_ == "relcl" and party.dep_ == "pobj" and party.head.lower_ in ("with", "against", "between")
            and party.head.head.lemma_.lower() in BACKGROUND_NOUNS
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in rel.children)):
        return True  # "a war with the army that has killed tens of thousands": the war killed, as background
    if m.kind == "verb" and tok.tag_ == "VBG" and tok.dep_ == "conj" and tok.head.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in tok.children):
        # no gerund goes with a finite verb: in "detained the mayor on charges including corruption and
        # aiding a terrorist group" it goes with the noun before it, one of the charges
        return True
    if m.kind == "verb" and m.event_type == "REQUEST" and tok.lemma_.lower() == "seek" \
            and any(c.dep_ == "xcomp" for c in tok.children) and not any(c.dep_ == "dobj" for c in tok.children):
        return True  # "has sought to mediate in the crisis": an attempt of one's own, asking nobody
    use = tok.head
    if (m.kind == "verb" and tok.dep_ in ("xcomp", "advcl") and use.lemma_.lower() == "use" and use.tag_ == "VBN"
            and use.dep_ == "acl" and not any(c.dep_ in ("aux", "auxpass") for c in use.children)):
        return True  # "a law used to silence dissent": what a thing serves for, not an act
    if m.kind == "verb" and tok.lemma_.lower() in STATE_PARTICIPLES and tok.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "agent", "dobj") for c in tok.children):
        return True  # "600 people, some of them armed": a state, not somebody arming them
    return False


def _causers(anchor: Token) -> list[Span]:
    """Who made people flee: the subject of a causative governor, or what they fled from."""
    head = anchor.head
    # ("forcing more people to flee" with the infinitive hung on the people)
    complement = anchor.dep_ == "xcomp" or (anchor.dep_ == "relcl" and head.dep_ == "dobj")
    if complement and anchor.dep_ == "relcl":
        head = head.head
    if complement and head.lemma_.lower() in CAUSATIVE_VERBS:
        # up the clauses that share their subject: "Gunmen stormed the town and set fire to homes, forcing
        # residents to flee"
        subj, gov = None, head
        for _ in range(3):
            # (not a dateline the parser took for a second subject: "PORT-AU-PRINCE, March 31 - Armed gangs")
            subj = next((c for c in gov.children if c.dep_ == "nsubj" and not dateline_word(c)), None)
            if subj is not None or gov.dep_ not in ("advcl", "conj", "xcomp"):
                break
            gov = gov.head
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
            # "the attack, which forced 6,000 residents to flee": the attack did, or whoever claimed it
            subj = claimed_deed_doer(subj.head.head)
        if subj is not None:
            return [mention_span(subj)]
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ in ("from",):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return [mention_span(relcl_antecedent(pobj))]
    return []


def _blocked_tokens(matches: list[TriggerMatch]) -> set[int]:
    """Tokens a NONE row rules out: the phrase itself and, where it names an object, that object's phrase
    ("did not immediately respond to a request for comment" blocks "request" too)."""
    out: set[int] = set()
    for m in matches:
        if m.event_type == "NONE":
            out.update(t.i for t in m.tokens)
            if m.obj is not None:
                out.update(t.i for t in m.obj.subtree)
    return out


def _suppress_owned(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop events that are only the content of a governing event ("threatened to attack" is one THREATEN,
    "accused rebels of shelling" one ACCUSE, "forced thousands to flee" one SANCTION)."""
    governors = [c for c in cands
                 if ((c.match.kind == "verb" and c.match.trigger.frame == "clause")
                     or c.match.event_type in VERBAL_GOVERNOR_TYPES) and not answers_a_claim(c.anchor)]
    if not governors:
        return cands
    owned: set[int] = set()
    for c in cands:
        if denies_a_claim(c.anchor):
            continue  # "accused X of Y, a charge Z has denied" hung under the accusation: Z's own answer
        for g in governors:
            if g.anchor.i == c.anchor.i or g is c:
                continue
            # a verbal noun governs its own complement ("its demand that Israel ease restrictions")
            node = g.anchor if g.match.kind == "verb" else g.match.token
            if _in_complement(c.anchor, node) or (node.i != g.anchor.i and _in_complement(c.anchor, g.anchor)
                                                   and c.anchor.i > node.i):
                if g.match.trigger.frame == "clause" and g.match.event_type not in VERBAL_GOVERNOR_TYPES:
                    owned.add(id(g))  # a causative ("forced X to flee"): the caused act is the event
                else:
                    owned.add(id(c))
                    if (g.match.event_type == "AGREE" and c.match.event_type in AGREE_GOVERNED_THREATS
                            and _governed_by(c.anchor, g.anchor) and c.anchor.dep_ in ("xcomp", "ccomp", "advcl")):
                        # "vowed to fight", "vowed to keep fighting", "is prepared to impose martial law"
                        g.type_override = "THREATEN"
                break
    return [c for c in cands if id(c) not in owned]


# Verbs of going on with an act, which pass the act they govern up: "vowed to keep fighting".
ASPECTUAL_VERBS = frozenset({"keep", "continue", "resume", "carry", "go", "start", "begin"})


def _governed_by(act: Token, governor: Token) -> bool:
    """Whether governor is the act's head, or the head of an aspectual verb that is ("vowed to keep
    fighting")."""
    head = act.head
    if head.i != governor.i and head.lemma_.lower() in ASPECTUAL_VERBS and head.dep_ in ("xcomp", "ccomp"):
        head = head.head
    return head.i == governor.i


def _drop_nested(cands: list[_Candidate]) -> list[_Candidate]:
    """"The arrival of Russian reinforcements": one MOBILIZE, not a second for the noun inside its actor."""
    spans = [(c, {t.i for sp in c.args.actors + c.args.recipients for t in sp}
              | ({c.args.through} if c.args.through is not None else set())) for c in cands]
    return [c for c in cands
            if not any(o is not c and o.match.event_type == c.match.event_type and c.match.token.i in toks
                       for o, toks in spans)]


def _in_complement(tok: Token, gov: Token) -> bool:
    cur = tok
    for _ in range(10):
        if cur.head.i == cur.i:
            return False
        if misattached_conj(cur):
            return False  # the parser hung a second act inside the first's complement
        if cur.head.i == gov.i:
            if cur.dep_ == "conj" and cur.pos_ == "VERB" and gov.pos_ == "VERB":
                return False
            if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS | CONTRAST_MARKS
                                           for c in cur.children):
                # "called for a strike after police killed 18 people", "accused Manila of ramming a vessel,
                # while Manila said the coast guard had seized rifles": the other clause's act is its own
                return False
            return cur.dep_ in CONTENT_ARCS
        cur = cur.head
    return False


def _clause_rank(anchor: Token) -> float:
    """Main-clause events lead a news sentence; subordinate and descriptive clauses report background."""
    tok, depth = anchor, 0
    while tok.head.i != tok.i and depth < 6:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in tok.children):
            return -0.12  # "…after a coup toppled the government": the main clause carries the news
        if tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_MARKS:
            return -0.12
        if tok.dep_ in ("relcl", "acl", "advcl", "pcomp", "amod"):
            return -0.08
        if tok.dep_ not in ("conj", "xcomp", "ccomp", "dobj", "nsubj", "nsubjpass"):
            return 0.0
        tok, depth = tok.head, depth + 1
    return 0.04


def _confidence(weight: float, actors: list[ActorRef], recipients: list[ActorRef], loc: Place | None,
                m: TriggerMatch, modality: str, p_type: float | None, rank: float = 0.0) -> float:
    c = 0.30 + 0.30 * weight + rank
    if actors:
        c += 0.12 if any(a.country for a in actors) else 0.06
    if recipients:
        c += 0.04
    if loc is not None:
        c += 0.02
    if m.kind == "noun" and (m.anchor is None or m.anchor.i == m.token.i):
        c -= 0.08
    if modality in ("hypothetical", "negated"):
        c -= 0.1
    if p_type is not None:
        c += CLASSIFIER_WEIGHT * (p_type - 0.2)
    return max(0.05, min(0.97, c))


_PRECISION_RANK = {"point": 0, "city": 1, "admin1": 2, "region": 3, "country": 4, None: 5}


def _share_precise_locations(events: list[Event]) -> None:
    """"Kurds fought government forces, routing militiamen in Qamishli": one fight, told twice in a sentence;
    the coarser mention takes the more precise place."""
    for a in events:
        for b in events:
            if a is b or a.event_type != b.event_type or b.location is None:
                continue
            if not {x.name for x in a.actor if x.name} & {x.name for x in b.actor if x.name}:
                continue
            pa = _PRECISION_RANK.get(a.location.precision if a.location else None, 5)
            if _PRECISION_RANK.get(b.location.precision, 5) < pa and _within_area(b.location, a.location):
                a.location = b.location


def _within_area(place: Place, area: Place | None) -> bool:
    """Whether a place may refine an event's division: it lies inside it ("set fire to the Nairobi county
    offices and clashed with police in Mombasa" are two scenes). A country says too little to keep apart (it is
    as often the party an act from afar is aimed at), so any place refines it."""
    if area is None or area.precision not in ("admin1", "city", "point"):
        return True
    return place.country == area.country and place.admin1 == area.admin1


# Verbs of a MOBILIZE that stops the other side's missiles or drones ("destroyed 27 drones over Kursk").
INTERCEPTING_VERBS = frozenset({"intercept", "destroy", "down", "shoot"})


def _drop_mobilize_before_assault(events: list[Event], interceptions: set[int] = frozenset()) -> list[Event]:
    """PLOVER: no separate MOBILIZE when the same actor's ASSAULT is reported in the story (not one told as
    background: "Uganda deployed 1,000 more troops to Bunia" stands beside "Ugandan soldiers have been
    fighting the ADF since 2021"). An interception (id() in interceptions) readies nothing for the
    actor's own attack: it stands."""
    assaults = [e for e in events if e.event_type == "ASSAULT" and e.modality not in HIDDEN_MODALITIES
                and e.modality != "historical"]
    if not assaults:
        return events

    def readies_an_assault(e: Event) -> bool:
        # (a move to a country no such attack is told in is one of its own: "has sent thousands of troops to
        # Russia" beside "fired a ballistic missile into the sea")
        where = e.location.country if e.location is not None else None
        attackers = [a for x in assaults if where is None or (x.location is not None and x.location.country == where)
                     for a in x.actor]
        return bool(e.actor) and all(any(same_actor(a, b) for b in attackers) for a in e.actor)

    return [e for e in events
            if not (e.event_type == "MOBILIZE" and id(e) not in interceptions and readies_an_assault(e))]


def _merge_article_events(events: list[Event]) -> list[Event]:
    """An undated mention of an event takes the date of a dated mention of the same event in the article
    (same type and place): "Kurds routed militiamen in Qamishli ... The Qamishli fighting erupted on Wednesday"."""
    dated = {}
    for e in events:
        # (not from an act long past, "who seized power in August 2021", nor a period's start: internet cut
        # in the capital is no arrest made there "since Sunday")
        if e.date_text and e.location is not None and e.location.geonameid is not None \
                and e.modality != "historical" and f"since {e.date_text}".lower() not in e.sentence.lower():
            dated.setdefault((e.event_type, e.location.geonameid), e)
    for e in events:
        if e.date_text is None and e.location is not None:
            src = dated.get((e.event_type, e.location.geonameid))
            if src is not None:
                e.date, e.date_precision, e.date_text = src.date, src.date_precision, src.date_text
    return events
