"""Actor resolution: a mention ("Syrian government forces", "President Assad", "the group") to an ActorRef.

How a mention is read: the text is tokenised and scanned for the longest known names (people,
bodies, groups, countries, capitals and seats of power, provinces and cities, user dictionary entries)
and generic agent nouns ("troops", "defence secretary"). A named person or organisation decides the
actor; otherwise a country (named, adjectival, metonymic, or a region's) supplies the country and the
agent noun the sectors. A bare agent noun takes the article's focus country, never a guessed one.
People's sectors follow their tenures on the event date, so "President Assad" is SYR GOV before
2024-12-08 and ELI after. A one-word name after a different given name is not that person ("Francia
Marquez" is not Ivan Marquez), and a phrase headed by a thing ("Russian gas", "a court ruling") names
no actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from wirecoder.coding import coref
from wirecoder.coding.actor_match import Match
from wirecoder.coding.actor_phrases import (
    EVENT_HEADS,
    PLACE_KINDS,
    THING_HEADS,
    drop_nationalities_naming_no_party,
    drop_weak_head,
    event_headed,
    place_headed,
    thing_headed,
)
from wirecoder.coding.actor_tenure import eliify, person_country, person_status, pick_by_date
from wirecoder.coding.derived import ARMED_SECTORS, NONSTATE_ARMED
from wirecoder.coding.modality import DEFAULT_SPEECH_VERBS as SAYING_VERBS
from wirecoder.coding.place_text import doc_title
from wirecoder.coding.triggers import object_before
from wirecoder.resources.actor_kb import ActorKB, Agent, Alias, Entry, Token, load_kb, tokenize
from wirecoder.resources.petrarch_dict import (
    DictionaryKB,
    alternatives,
    code_sectors,
    is_prefix_code,
    load_dictionaries,
    mix_codes,
    prefix_codes,
)
from wirecoder.schema import ActorRef

# Words that make an office-holder a former one (PLOVER ELI).
_FORMER = frozenset({"former", "ex", "retired", "exiled", "ousted", "deposed", "erstwhile", "onetime"})
# Regional or vague modifiers: the actor is explicitly not of the focus country, and no country is named.
_NO_COUNTRY = frozenset({
    "western", "foreign", "international", "arab", "gulf", "regional", "world", "global", "multinational",
    "allied", "coalition", "overseas", "outside", "african", "asian", "european", "latin", "nordic",
    "balkan", "middle", "eastern", "southern", "northern", "northeastern", "mideast", "sunni", "shiite",
})
# "Iran-backed militias": the named country sponsors the actor but is not its country.
_SPONSOR_SUFFIX = frozenset({"backed", "sponsored", "funded", "supported", "allied", "aligned", "armed",
                             "trained", "friendly", "leaning", "influenced", "linked", "affiliated", "speaking"})
_PRO_ANTI = frozenset({"pro", "anti"})
_ARMED = frozenset({"MIL", "REB", "PRM", "UAF", "COP"})
_NONSTATE_SECTORLESS = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "MNC"})
# Kinds of named entries that decide the actor themselves (a body, group or breakaway authority).
_ORG_KINDS = ("igo", "group", "org", "territory")
# Words of _NO_COUNTRY that, inside a known title, name a home office ("the foreign minister", "the
# regional government", "the ruling coalition"), so the title keeps the focus country.
_HOME_OFFICE_WORDS = frozenset({"foreign", "regional", "coalition"})
# Dependency roles in which a town or province names where something happens, not who acts.
_RULERS = frozenset({"government", "regime", "authorities", "authority", "administration", "leadership",
                     "junta", "rulers", "ruler"})
# Prepositions that put the place after them where something is: "a monastery in Banjska".
_PLACE_PREPS = frozenset({"in", "near", "at", "of", "outside", "around", "inside", "across", "from", "towards", "toward",
                          "into"})
_PLACE_DEPS = frozenset({"compound", "dobj", "npadvmod", "nmod", "poss", "amod"})
# Courtesy titles and ranks written before a name: never a given name.
_HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mister", "madam", "madame", "dr", "sir", "dame", "lord", "lady", "gen", "col",
    "lt", "maj", "capt", "sgt", "adm", "rev", "sen", "rep", "gov", "pres", "amb", "hon", "he", "comrade",
    "marshal", "field", "herr", "monsieur", "senor", "hojatoleslam", "mullah", "mawlana", "maulana", "haji",
    "hajji", "imam", "prof", "professor", "judge", "justice", "chief", "the", "former", "late", "then",
    "acting", "interim", "outgoing", "incoming", "jailed", "imprisoned", "exiled", "ousted", "deposed",
    "embattled", "detained", "veteran", "hardline", "populist", "leftist", "conservative", "liberal",
    "socialist", "new", "newly", "elected", "current", "sitting", "disgraced", "powerful", "longtime",
    "retired", "slain", "assassinated", "murdered", "killed", "deceased", "dead", "top", "senior", "young",
    "elder", "ex", "self", "proclaimed", "supreme", "grand", "his", "her", "their", "our", "its", "said",
    "says", "told", "when", "while", "as", "also", "both", "only", "even", "this", "that", "de", "facto",
    "brig", "cmdr", "pvt", "cpl", "insp", "supt", "det", "atty", "engr", "sheikha", "begum", "shri", "sri",
    "smt", "datuk", "dato", "tun", "tan", "bapak", "pak", "ibu", "alhaji", "mallam", "ustaz", "sayyed",
    "sayed", "sayyid", "monsignor", "reverend", "father", "mme", "frau", "signor", "dona", "senora",
    "senhor", "taoiseach", "tanaiste", "vice", "deputy", "ambassador", "envoy", "cardinal",
    "patriarch", "metropolitan", "rabbi", "bishop", "archbishop", "pastor", "nana",
})
# Short forms of given names: "Bill Clinton" is William, "Mike Pence" Michael.
_NICKNAMES: dict[str, frozenset[str]] = {
    "bill": frozenset({"william"}), "will": frozenset({"william"}), "bob": frozenset({"robert"}),
    "rob": frozenset({"robert"}), "mike": frozenset({"michael"}), "jim": frozenset({"james"}),
    "jimmy": frozenset({"james"}), "joe": frozenset({"joseph"}), "tony": frozenset({"anthony", "antony"}),
    "dick": frozenset({"richard"}), "rick": frozenset({"richard"}), "ted": frozenset({"edward"}),
    "chuck": frozenset({"charles"}), "charlie": frozenset({"charles"}), "ash": frozenset({"ashton"}),
    "alex": frozenset({"alexander", "alexandre", "alexandr"}), "sasha": frozenset({"alexander"}),
    "dan": frozenset({"daniel"}), "tom": frozenset({"thomas"}), "nick": frozenset({"nicholas", "nicolas"}),
    "ben": frozenset({"benjamin"}), "bibi": frozenset({"benjamin"}), "liz": frozenset({"elizabeth"}),
    "kate": frozenset({"katherine", "catherine"}), "pete": frozenset({"peter"}), "steve": frozenset({"stephen"}),
    "jack": frozenset({"john"}), "johnny": frozenset({"john"}), "hank": frozenset({"henry"}),
    "andy": frozenset({"andrew"}), "sam": frozenset({"samuel", "samantha"}), "jeff": frozenset({"jeffrey"}),
    "matt": frozenset({"matthew"}), "greg": frozenset({"gregory"}), "ron": frozenset({"ronald"}),
    "don": frozenset({"donald"}), "ed": frozenset({"edward"}), "fred": frozenset({"frederick"}),
}


@dataclass
class ArticleActorState:
    """Per-article memory for coreference (he, the group, the diplomat) and the focus country."""

    focus_country: str | None = None
    published: date | None = None
    recent: list[ActorRef] = field(default_factory=list)
    seen: list[coref.Seen] = field(default_factory=list)


@dataclass(frozen=True)
class Resolution:
    """What the resolver concluded and why: the ref, how it was reached, and a CAMEO-style code."""

    ref: ActorRef
    kind: str  # person | org | country | agent | dict | coref
    code: str | None = None
    head: Agent | None = None
    plural: bool = False


class ActorResolver:
    """Resolves a mention to country + sectors + name (+ Wikidata id), offline and in microseconds."""

    def __init__(self, kb: ActorKB, overlay: ActorKB | None = None) -> None:
        self.kb = kb
        self.overlay = overlay
        self._layers: tuple[ActorKB, ...] = (overlay, kb) if overlay is not None else (kb,)
        self._max_len = max(layer.max_len for layer in self._layers)
        self._cached = lru_cache(maxsize=65536)(self._resolve_uncached)
        self._words_of: dict[str, set[str]] = {}  # person entry key -> every word of its names
        self._squeezed: dict[tuple[str, ...], list[Alias]] | None = None  # person names, doubled letters once
        self._namesakes: dict[tuple[tuple[str, ...], str], list[Entry]] = {}  # (party name words, country)

    @classmethod
    def load(cls, actor_dicts: Iterable[Path] = ()) -> ActorResolver:
        """The shipped KB (read once per process) plus any PETRARCH/TABARI dictionaries given."""
        paths = tuple(sorted(str(Path(p).resolve()) for p in actor_dicts))
        return _load_resolver(paths)

    # ---- public API -------------------------------------------------------------------------
    def resolve(self, text: str, *, context: str | None = None, on: date | None = None) -> ActorRef | None:
        res = self.resolve_full(text, context=context, on=on)
        return res.ref if res else None

    def resolve_full(self, text: str, *, context: str | None = None, on: date | None = None) -> Resolution | None:
        res = self._cached(text, context, on)
        if res is None:
            return None
        # Hand out a fresh ref each time: callers may mutate theirs.
        return replace(res, ref=replace(res.ref, sectors=list(res.ref.sectors)))

    def resolve_code(self, text: str, *, context: str | None = None, on: date | None = None) -> str | None:
        """CAMEO-style code: a dictionary's raw code when one matched, else country + sectors."""
        res = self.resolve_full(text, context=context, on=on)
        return res.code if res else None

    def resolve_mention(self, span, state: ArticleActorState, *, on: date | None = None,
                        context: str | None = None, speaker: ActorRef | None = None,
                        avoid: Sequence[ActorRef] = ()) -> ActorRef | None:
        """Resolve a spaCy Span inside an article, using and updating the coreference state. context is
        the country an actor with none of its own belongs to (default: the article's focus country)."""
        text = span.text
        on = on or state.published
        said = _with_determiner(span)  # "the group": argument spans leave the article out
        root = getattr(span, "root", None)
        speaking = root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in SAYING_VERBS
        start = getattr(span, "start_char", None)
        if coref.is_pronoun(text) and _unknown_speaker(span, state):
            return None  # "the Law Society of Kenya said it would sue": it is the speaker we cannot code
        if text.lower() == "it" and root is not None and root.dep_ == "dobj" and self._thing_before(root, on):
            return None  # "said he would not sign the bill and withdrew it": the bill
        if coref.is_anaphor(said):
            # (a pronoun may point at something no actor is, "withdrew from them": only a noun avoids; an
            # object points back only, a subject may point ahead to its speaker: "They had withdrawn, the
            # rebels said")
            # (not from a clause that only times the main one: "soldiers looted shops as they retreated,
            # according to a civil society group" are the soldiers)
            subject = root is not None and root.dep_ in ("nsubj", "nsubjpass")
            ahead = subject and root.head.dep_ not in ("advcl", "relcl")
            leading = root is not None and root.dep_ == "nsubj" and root.i == root.sent.start
            # ("him" or "her" as an object is never its own clause's actor: "Stalin wrote to Modi, urging him";
            # nor a subject what its clause acts on, where the caller names that)
            bound = not coref.is_pronoun(text) or text.lower() in coref.OBJECT_PERSON_PRONOUNS or subject
            ante = (_same_pronoun_before(span, state) if subject and root.head.dep_ == "relcl"
                    and coref.is_pronoun(text) else None) or \
                coref.antecedent_seen(said, state.seen, avoid=avoid if bound else (),
                                      before=None if ahead else start, speaking=speaking, leading=leading)
            if ante is not None and ante.ref is not None:
                ref = replace(ante.ref, text=text, sectors=list(ante.ref.sectors))
                state.seen.append(replace(ante, ref=ref, char_start=start, spoke=speaking))
                state.recent.append(ref)
                return ref
            if coref.is_pronoun(text):
                return None
            # "the president" with nobody earlier to point at: read it as a generic mention.
        full = _with_full_name(span, state)
        res = self.resolve_full(full or text, context=context or state.focus_country, on=on)
        if res is not None and full is not None:
            res = replace(res, ref=replace(res.ref, text=text))
        if res is not None and res.kind == "agent" and (
                owner := self._pronoun_owner(span, state, on, speaker) or _noun_owner(span, state, avoid)) is not None:
            res = _owned_by(res, owner)
        elif res is not None and (titled := self._titled_before(span, res, state, on)) is not None:
            res = titled
        elif res is not None and res.kind == "agent" and (lord := self._loyal_to(span, on, context)) is not None:
            res = _owned_by(res, lord)
        if (res is not None and res.kind == "agent" and res.head is not None and res.head.phrase in FORCE_ROLES
                and root is not None and all(c.dep_ in ("det", "nummod", "quantmod", "amod") and c.ent_type_ != "NORP"
                                             for c in root.children)
                and (force := _last_force(state)) is not None and force.sectors != res.ref.sectors):
            # "officers" after the police took the stage are police officers, as "the officers" of an army
            # story are soldiers: a bare role noun takes the force the article was last about
            res = replace(res, ref=replace(res.ref, sectors=list(force.sectors),
                                           country=res.ref.country or force.country))
        if res is not None and self._bare_place(res) and root is not None and (
                root.dep_ in _PLACE_DEPS or (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS - {"of"})):
            # "the Qamishli fighting", "will leave Geneva", "a ship near Hodeidah": a town as modifier,
            # object or locative is where something happens, not who does it (as subject it may stand
            # for its people).
            res = None
        if res is None and (earlier := _named_as_modifier(span, state)) is not None:
            # the name is the body's own, "it" to the article as an organisation is
            state.seen.append(replace(earlier, ref=replace(earlier.ref, text=text), kind="org", plural=False,
                                      char_start=start))
            state.recent.append(earlier.ref)
            return replace(earlier.ref, text=text)
        labels = {e.label_ for e in getattr(span, "ents", ())}
        is_person = bool(res and res.kind == "person") or (
            res is None and "PERSON" in labels) or bool(
            res and res.head is not None and res.head.kind in ("person", "role") and not res.plural
            and res.kind != "org")
        kind = "person" if is_person else (res.kind if res else "unknown")
        if res is not None and res.kind == "org" and res.head is not None and res.head.kind in ("person", "role"):
            kind = "person"  # "the head of the Levant Front": a person of that group
            # the body is named too: "The EU's foreign policy chief said the bloc condemned…"
            state.seen.append(coref.Seen(ref=res.ref, kind="org"))
        state.seen.append(coref.Seen(
            ref=res.ref if res else None, kind=kind, head=res.head.phrase if res and res.head else None,
            plural=bool(res and res.plural), named=bool(res and res.kind == "person"),
            char_start=start, word=root.lower_ if root is not None and root.pos_ == "NOUN" else None,
            spoke=speaking, indefinite=root is not None and _indefinite(span),
        ))
        if res is not None:
            state.recent.append(res.ref)
            return res.ref
        return None

    def _thing_before(self, pronoun, on: date | None) -> bool:
        """Whether the object "it" stands for the last thing its sentence acted on before it: a singular
        common noun that names no party ("the bill"; not a name, nor "the group")."""
        thing = object_before(pronoun)
        return thing is not None and thing.tag_ == "NN" and self.resolve(thing.text, on=on) is None

    def _loyal_to(self, span, on: date | None, context: str | None) -> coref.Seen | None:
        """Whom forces are loyal or allied to: "forces loyal to the Jubaland regional administration" are
        Jubaland's, "fighters allied to Khalifa Haftar" Haftar's."""
        root = getattr(span, "root", None)
        if root is None:
            return None
        for adj in root.children:
            if adj.dep_ not in ("amod", "acl") or adj.lower_ not in LOYALTY_WORDS:
                continue
            to = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            lord = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if lord is None:
                continue
            words = lord.subtree
            found = self.resolve_full(" ".join(t.text for t in words), context=context, on=on)
            if found is not None and (found.ref.country or found.ref.sectors):
                return coref.Seen(ref=found.ref, kind=found.kind)
        return None

    def _titled_before(self, span, res: Resolution, state: ArticleActorState, on: date | None) -> Resolution | None:
        """A person no dictionary knows, named after a title with no country of its own ("ambassador Sylvain
        Itte"), is the one the article gave that title before ("France's ambassador"), as "the ambassador"
        would be; not the article's country, which is only the guess for somebody nothing places."""
        head = res.head
        if res.kind != "agent" or head is None or head.kind != "person" or res.plural:
            return None
        title = head.phrase.split()[-1]
        words = list(span)
        at = next((k for k, t in enumerate(words) if t.lower_ == title), None)
        if at is None or at + 1 >= len(words) or not all(t.pos_ == "PROPN" for t in words[at + 1:]):
            return None
        own = self.resolve_full(span.text, on=on)
        if own is None or own.ref.country:
            return None
        ante = coref.antecedent_seen(f"the {title}", state.seen, before=getattr(span, "start_char", None))
        if ante is None or ante.ref is None or not ante.ref.country:
            return None
        ref = replace(res.ref, country=ante.ref.country)
        return replace(res, ref=ref, code=_code(ref))

    def _pronoun_owner(self, span, state: ArticleActorState, on: date | None,
                       speaker: ActorRef | None) -> coref.Seen | None:
        """The body or country an "its"/"their" on a generic agent noun points back to: the speaker's when
        someone speaks ("Ukraine's air force said Russia fired 40 drones and its units shot down 30"),
        else the subject of the sentence named before the noun ("The ELN did not claim the attack but its
        commanders have threatened…"). Farther back the pronoun is too loosely tied to trust for an actor."""
        root = getattr(span, "root", None)
        if root is None or not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in root.children):
            return None
        if speaker is not None:
            if not speaker.country and not speaker.sectors:
                return None
            # an armed group's possessive makes its people the group itself; a state's leaves them of its
            # country with the sectors their noun says
            return coref.Seen(ref=speaker, kind="org" if set(speaker.sectors) & NONSTATE_ARMED else "country")
        verb = root.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        # not the subject of the noun's own clause: in "rebels attacked its positions" "its" is someone else's
        for subj in reversed([t for t in span.sent if t.i < span.start and t.dep_ in ("nsubj", "nsubjpass")
                              and t.pos_ in ("PROPN", "NOUN") and t.head.i != verb.i]):
            res = self.resolve_full(span.doc[subj.left_edge.i:subj.i + 1].text, on=on)
            if res is not None and res.kind in ("org", "dict", "country"):
                return coref.Seen(ref=res.ref, kind=res.kind)
        return None

    def _bare_place(self, res: Resolution) -> bool:
        """A resolution that is only a town or province's country, with no agent or sector."""
        if res.kind != "country" or res.ref.sectors or res.head is not None:
            return False
        return res.ref.name in self.kb.place_names

    # ---- resolution -------------------------------------------------------------------------
    def _resolve_uncached(self, text: str, context: str | None, on: date | None) -> Resolution | None:
        followers = self._followers(text, context, on)
        if followers is not None:
            return followers
        # A possessive 's is dropped ("Russia's defence ministry" reads as "Russia defence ministry"), but
        # where it stood is kept: a person before it owns the actor rather than being it.
        toks: list[Token] = []
        poss: set[int] = set()  # indexes of tokens followed by 's
        for t in tokenize(text):
            if t.norm != "'s":
                toks.append(t)
            elif toks:
                poss.add(len(toks) - 1)
        if not toks or coref.is_pronoun(text):
            return None
        matches = self._scan(toks, on)
        # A dictionary's [NGO~] entry ("MSF") goes before the code of the actor the rest names.
        prefix = next((m for m in matches if m.alias is not None and m.alias.entry.kind == "dict"
                       and is_prefix_code(m.alias.entry.code)), None)
        if prefix is not None:
            return self._prefixed(text, prefix, [m for m in matches if m is not prefix], toks, context, on)
        return self._resolve_matches(text, toks, matches, context, on, frozenset(poss))

    def _followers(self, text: str, context: str | None, on: date | None) -> Resolution | None:
        """"Supporters of jailed former prime minister Imran Khan", "Khan supporters": the leader's followers,
        civilians of the leader's country (and of the opposition where the leader leads it), not the
        leader."""
        m = _FOLLOWERS_OF.match(text) or _LEADERS_FOLLOWERS.match(text) or _RULERS_FOLLOWERS.match(text)
        if m is None:
            return None
        leader = self._cached(m.group("leader"), context, on)
        if leader is not None and leader.kind != "person" and "GOV" in leader.ref.sectors:
            # "government supporters", "supporters of the regime": civilians on the rulers' side
            return Resolution(ActorRef(text=text, name="supporters of the government", country=leader.ref.country,
                                       sectors=["CVL"]), "agent", f"{leader.ref.country or ''}CVL", None, True)
        if leader is None or leader.kind != "person" or leader.ref.country is None:
            return None
        sectors = ["CVL"] + (["OPP"] if "OPP" in leader.ref.sectors else [])
        name = f"supporters of {leader.ref.name}"
        return Resolution(ActorRef(text=text, name=name, country=leader.ref.country, sectors=sectors), "agent",
                          f"{leader.ref.country}{''.join(sectors)}", None, True)

    def _prefixed(self, text: str, prefix: Match, rest: list[Match], toks: list[Token],
                  context: str | None, on: date | None) -> Resolution:
        assert prefix.alias is not None and prefix.alias.entry.code is not None
        inner = self._resolve_matches(text, toks, rest, context, on) if rest else None
        code = prefix_codes(prefix.alias.entry.code, inner.code if inner else None)
        ent = prefix.alias.entry
        ref = ActorRef(text=text, name=ent.name, country=code[:3], sectors=code_sectors(alternatives(code)[0]))
        return Resolution(ref, "dict", code, inner.head if inner else None, inner.plural if inner else False)

    def _resolve_matches(self, text: str, toks: list[Token], matches: list[Match], context: str | None,
                         on: date | None, poss: frozenset[int] = frozenset()) -> Resolution | None:
        matches = self._demote_generic_names(toks, matches, context)
        matches = drop_weak_head(toks, drop_nationalities_naming_no_party(toks, matches))
        if not matches or thing_headed(toks, matches) or place_headed(toks, matches) or event_headed(toks, matches):
            return None
        norms = {t.norm for t in toks}
        former = bool(norms & _FORMER)
        # "Plaza Murillo", "Bank Sepah": a name a square or a bank bears is no person or force
        matches = [m for m in matches if not _named_after(toks, m, matches)]
        if not matches:
            return None
        named = [m for m in matches if m.alias is not None]
        agents = [m for m in matches if m.agent is not None]
        if agents and not named and all(m.anti or m.pro for m in agents) and agents[-1].end < len(toks):
            return None  # "anti-terrorist operations": the side taken against is no actor ("anti-riot police" are)
        head = agents[-1].agent if agents else None
        plural = bool(head and head.plural)

        people = [m for m in named if m.alias.entry.kind == "person"]
        # "anti-Assad rebels", "pro-Putin bloggers": the person names a side, not the actor.
        sided = [m for m in people if m.pro or m.sponsor]
        strangers = [m for m in people if m not in sided and (
            self._other_given_name(toks, m, matches) or self._name_goes_on(toks, m, matches))]
        # An unknown person's title still says who they are; without a focus country, the known
        # namesake's country is the best guess at theirs ("President Abdi Xamar").
        stranger_country = next((person_country(m.alias.entry, on) for m in strangers), None)
        # Opponents of a leader are most often at home: "anti-Assad rebels" are Syrian.
        side_country = next((person_country(m.alias.entry, on) for m in sided if m.anti), None)
        backers = {person_country(m.alias.entry, on) for m in sided if not m.anti}
        if sided:
            people = [m for m in people if m not in sided]
            named = [m for m in named if m not in sided]
            matches = [m for m in matches if m not in sided]
            if not matches:
                return None
        if strangers:
            # "Francia Marquez" is not Ivan Marquez: a different given name before a bare surname.
            people = [m for m in people if m not in strangers]
            named = [m for m in named if m not in strangers]
            if not people and len(matches) == len(strangers):
                # the article's country before the namesake's: "the Hafiz Gul Bahadur group" in a Pakistani
                # story is no Turk for Abdullah Gul
                ent = strangers[0].alias.entry
                ref = ActorRef(text=text, name=None, country=context or person_country(ent, on), sectors=[])
                return Resolution(ref, "person", _code(ref), head, plural)
        pm = _head_person(people, agents, toks, text) if people else None
        if pm is not None and pm.end - 1 in poss and pm.end < len(toks):
            # "Netanyahu's Likud party", "Putin's spokesman": the head after the possessive is the actor.
            later = [m for m in matches if m.start >= pm.end]
            if not any(m.alias is not None and m.alias.entry.kind in _ORG_KINDS for m in later):
                return self._owned(text, toks, pm, later, on, former, plural)
            named = [m for m in named if m.start >= pm.end]
            pm = None
        if pm is not None:
            assert pm.alias is not None
            explicit = next((m for m in named if m.alias.entry.kind == "country" and not m.pro and not m.sponsor), None)
            p_country = person_status(pm.alias.entry, on)[0] or pm.alias.entry.country
            if not (explicit is not None and pm.end - pm.start == 1 and explicit.alias.entry.country != p_country):
                ref = self._person_ref(text, pm.alias.entry, on, former)
                return Resolution(ref, "person", _code(ref), head, plural)
            # "Pakistan President Mohammad Zia-Ul-Haq": a one-word name shared with another country's
            # politician; the stated country and title are the better evidence.
            named = [m for m in named if m is not pm]

        orgs = [m for m in named if m.alias.entry.kind in _ORG_KINDS
                or (m.alias.entry.kind == "dict" and m.alias.entry.country is not None
                    and _dict_sectors(m.alias.entry, on))]
        orgs = [m for m in orgs if not m.sponsor and not m.pro]
        unknown = [m for m in orgs if self._longer_unknown_name(toks, m, matches)]
        if unknown and len(unknown) == len(orgs):
            # "Iran's Supreme National Security Council": a body of its own, of the country named with it
            # (else of the article's country), of the same kind as the body whose name ends it
            home = next((m.alias.entry.country for m in named
                         if m.alias.entry.kind in PLACE_KINDS and not m.pro and not m.sponsor), None)
            body = unknown[-1].alias.entry
            ref = ActorRef(text=text, name=None, country=home or context,
                           sectors=[x for x in body.sectors if x in ("GOV", "MIL", "JUD", "LEG")] or ["GOV"])
            return Resolution(ref, "agent", _code(ref), None, False)
        if orgs:
            best = max(orgs, key=lambda m: (m.end - m.start, -m.start))
            return self._org_res(text, best.alias.entry, agents, on, former, head, plural)

        places = [m for m in named if m.alias.entry.kind in (*PLACE_KINDS, "dict") and not m.sponsor]
        country_m = next((m for m in places if not m.pro), None)
        pro_m = next((m for m in places if m.pro), None)
        sectors = _agent_sectors(agents, toks)
        if pro_m is not None and pro_m.alias.role == "seat" and (not sectors or set(sectors) & _ARMED):
            # "pro-Damascus militiamen": irregulars on the government's side.
            ent = pro_m.alias.entry
            ref = ActorRef(text=text, name=ent.name, country=ent.country, sectors=["PRM"],
                           wikidata=ent.wikidata, wikipedia=ent.wikipedia)
            return Resolution(ref, "country", _code(ref), head, plural)
        if _pro_government(toks, matches) and (not sectors or set(sectors) & _ARMED):
            sectors = ["PRM"]
        elif (_anti_government(matches) or side_country) and set(sectors) & _ARMED:
            sectors = ["REB"]  # "anti-junta fighters", "anti-government militias": insurgents
        if former:
            sectors = eliify(sectors)

        placed = (country_m is not None and country_m.alias.entry.kind in PLACE_KINDS
                  and country_m.start > 0 and toks[country_m.start - 1].norm in _PLACE_PREPS)
        if placed and not agents:
            # "a monastery in Banjska", "a gunfight near the village of Banjska": the place only says where
            # the thing the phrase names is; that thing is no actor
            return None
        if (placed and country_m.alias.role == "seat" and toks[country_m.start - 1].norm != "of"
                and not (head is not None and head.phrase in _RULERS)):
            # "talks with the rebels in Havana", "diplomats in Moscow": a capital hosts foreigners; it
            # says where they are, not whose they are ("the government in Kabul" is still Kabul's)
            country_m = None
        if country_m is not None:
            ent = country_m.alias.entry
            role = country_m.alias.role
            if ent.kind == "dict":
                code = _dict_code(ent, on)
                if code is None and not sectors:
                    return None  # a dictionary name deliberately uncoded on this date
                if (head is None or head.kind != "role") and sectors != ["PRM"]:
                    sectors = _mixed_sectors(agents, former)
                base_secs = _dict_sectors(ent, on)
                secs = list(dict.fromkeys([*base_secs, *sectors]))
                ref = ActorRef(text=text, name=ent.name, country=code[:3] if code else None, sectors=secs)
                full = mix_codes(code, sectors) if code else "".join(sectors)
                return Resolution(ref, "dict", full or None, head, plural)
            if (ent.kind == "region" and ent.name in self.kb.place_names and not sectors and not agents
                    and any(t.orig[:1].isalpha() for t in toks[country_m.end:])):
                # "the Geneva talks", "Aleppo's old city": a place modifying something that is not an
                # agent names no actor. Alone it may stand for its people ("Gaza fired rockets").
                return None
            if (not sectors and not agents and role == "seat" and country_m.end < len(toks)
                    and toks[-1].norm in FACILITY_HEADS):
                return None  # "Port Sudan's airport", "the Kabul airport": a place in the capital, no actor
            if not sectors and role == "seat":
                sectors = ["GOV"]
            elif not sectors and not agents and role in ("demonym_pl",):
                sectors = ["CVL"]
            if placed and agents and head is not None and ent.kind == "region" and ent.name in self.kb.place_names:
                # "the jihadists in Menaka": the town says whose country they are of, not who they are
                ref = ActorRef(text=text, name=head.phrase, country=ent.country, sectors=sectors)
                return Resolution(ref, "agent", _code(ref), head, plural)
            ref = ActorRef(text=text, name=ent.name, country=ent.country, sectors=sectors,
                           wikidata=ent.wikidata, wikipedia=ent.wikipedia)
            return Resolution(ref, "country", _code(ref), head, plural)

        if not agents:
            return None
        # "Iran-backed militias", "pro-Russian rebels": the named country is not the actor's, but the
        # article's focus country still is when it is a different one.
        foreign = {m.alias.entry.country for m in named if m.sponsor or m.pro} | backers
        blocked = bool((_loose_norms(toks, matches) - _sides(toks)) & _NO_COUNTRY) or (bool(foreign) and context in foreign)
        country = None if blocked else (context or stranger_country or side_country)
        if not sectors and country is None:
            return None
        if not sectors and not (head and head.kind in ("person", "role")):
            return None  # "the group", "a building": names no actor on its own
        ref = ActorRef(text=text, name=head.phrase if head else None, country=country, sectors=sectors)
        if country is not None and country in self.kb.countries:
            pass  # country from the article's focus: no Wikidata id, the mention is generic
        return Resolution(ref, "agent", _code(ref), head, plural)

    def _owned(self, text: str, toks: list[Token], pm: Match, later: list[Match], on: date | None,
               former: bool, plural: bool) -> Resolution | None:
        """A person's possession: "Putin's spokesman" is a Russian official, "Netanyahu's party" Israel's
        PTY, "Putin's war" no actor; with nothing known after the possessive the person stays the actor."""
        assert pm.alias is not None
        ent = pm.alias.entry
        agents = [m for m in later if m.agent is not None]
        last = toks[-1]
        if agents:
            head = agents[-1].agent
            sectors = _agent_sectors(agents, toks)
            sectors = eliify(sectors) if former else sectors
            ref = ActorRef(text=text, name=head.phrase if head else None, country=person_country(ent, on),
                           sectors=sectors)
            return Resolution(ref, "agent", _code(ref), head, bool(head and head.plural))
        if last.orig[:1].islower() and (last.norm in THING_HEADS or last.norm in EVENT_HEADS):
            return None
        ref = self._person_ref(text, ent, on, former)
        return Resolution(ref, "person", _code(ref), None, plural)

    @staticmethod
    def _longer_unknown_name(toks: list[Token], m: Match, matches: list[Match]) -> bool:
        """True when a body's name is the end of a longer one we do not know: "the National Defence and
        Security Council" and "Iran's Supreme National Security Council" are not the UN Security Council."""
        assert m.alias is not None
        if not set(m.alias.entry.sectors) & {"GOV", "LEG", "JUD"}:
            return False  # "Dissident FARC rebels": an armed group's name is not a council's tail
        j = m.start - 1
        if j >= 1 and toks[j].norm in ("and", "of", "for"):
            j -= 1
        if j < 0 or any(o.start <= j < o.end and o.alias is not None for o in matches):
            return False
        t = toks[j]
        return (t.orig[:1].isupper() and t.orig.isalpha() and len(t.norm) > 1
                and t.norm not in ("the", "a", "an") and t.norm not in _HONORIFICS)

    def _name_goes_on(self, toks: list[Token], m: Match, matches: list[Match]) -> bool:
        """True when a known name is followed by another capitalised word we do not know and the name as
        written does not start with the person's own given name: "Mohamed Abdullahi Xamar" is not
        Abdirahman Mohamed Abdullahi, while "Gustavo Petro Urrego" is still Petro."""
        assert m.alias is not None
        j = m.end
        if j >= len(toks):
            return False
        # (another person's one-word name after it makes a longer name too: "Abdi Hassan" is neither Muse
        # Bihi Abdi nor any Hassan)
        other = next((o for o in matches if o.start <= j < o.end), None)
        if other is not None and not (other.alias is not None and other.alias.entry.kind == "person"
                                      and other.end - other.start == 1):
            return False
        nxt = toks[j]
        if not (nxt.orig[:1].isupper() and nxt.orig.isalpha() and len(nxt.norm) > 1) or (
                nxt.norm in _LOWER_PARTICLES or nxt.norm in _HONORIFICS or nxt.norm in _SUFFIX_WORDS):
            return False
        first = next((t.norm for t in tokenize(m.alias.entry.name)
                      if t.norm not in _LOWER_PARTICLES and t.norm not in _HONORIFICS), None)
        if first is None:
            return False
        # The given names as written: capitalised words just before the match and the match's own words
        # but its last (the family name).
        written = [t.norm for t in toks[m.start:m.end - 1]]
        k = m.start - 1
        while k >= 0 and toks[k].orig[:1].isupper() and not any(o.start <= k < o.end for o in matches):
            written.append(toks[k].norm)
            k -= 1
        return not any(_same_spelling(w, first) for w in written)

    def _demote_generic_names(self, toks: list[Token], matches: list[Match],
                              context: str | None) -> list[Match]:
        """A body's name that is also a common noun ("Congress", "the Senate", "Home Office") is that
        country's body only when no other country is meant: "Brazil's Congress" is Brazil's legislature."""
        explicit = {m.alias.entry.country for m in matches if m.alias is not None
                    and m.alias.entry.kind in PLACE_KINDS and not m.pro and not m.sponsor}
        out = []
        for m in matches:
            alias = m.alias
            if alias is not None and alias.entry.kind in _ORG_KINDS and not alias.case_sensitive:
                key = tuple(t.norm for t in toks[m.start:m.end])
                key = key[1:] if len(key) > 1 and key[0] in ("the", "a", "an") else key
                agent = self._lookup_agent(key)
                other = (explicit - {alias.entry.country}) if explicit else (
                    {context} - {alias.entry.country, None})
                if agent is not None and other:
                    m = Match(m.start, m.end, agent=agent)
                elif (not explicit and context and context != alias.entry.country and "PTY" in alias.entry.sectors
                        and (home := self._national_namesake(key, context)) is not None):
                    # "the main opposition Democratic Party" in a Korean story is the Democratic Party of
                    # Korea, not the American one that has the bare name
                    m = replace(m, alias=replace(alias, entry=home))
                elif "PTY" in alias.entry.sectors and len(explicit) == 1 and alias.entry.country not in explicit:
                    # "the Democratic Party of Ivory Coast": a party of the country named with it, that
                    # country's namesake where the KB has one, else a party of that country
                    home = self._national_namesake(key, next(iter(explicit)))
                    party = self._lookup_agent(("party",))
                    if home is not None:
                        m = replace(m, alias=replace(alias, entry=home))
                    elif party is not None:
                        m = Match(m.start, m.end, agent=party)
            out.append(m)
        return out

    def _national_namesake(self, key: tuple[str, ...], country: str) -> Entry | None:
        """The one party of country whose name opens with the words of key ("democratic party" -> the
        Democratic Party of Korea), or None where there is none or more than one."""
        found = self._namesakes.get((key, country))
        if found is None:
            found = [e for layer in self._layers for e in layer.entries
                     if e.country == country and "PTY" in e.sectors
                     and tuple(t.norm for t in tokenize(e.name))[:len(key)] == key]
            self._namesakes[(key, country)] = found
        return found[0] if len(found) == 1 else None

    def _other_given_name(self, toks: list[Token], m: Match, matches: list[Match]) -> bool:
        """True when a one-word name ("Marquez", "Erdogan") follows a given name that is not the person's own."""
        assert m.alias is not None
        if m.end - m.start != 1:
            return False
        # The capitalised words just before the name, back to the first title, country or other name;
        # middle names are allowed ("Barack Hussein Obama"), so one word fitting the person is enough.
        given: list[str] = []
        j = m.start - 1
        # (another person's one-word name before it is a given name here: "Abdi Hassan")
        while j >= 0 and not any(o.start <= j < o.end and not (
                o.alias is not None and o.alias.entry.kind == "person" and o.end - o.start == 1) for o in matches):
            tok = toks[j]
            if tok.norm in _LOWER_PARTICLES or tok.norm in _HONORIFICS:
                j -= 1
                continue
            if not (tok.orig[:1].isupper() and tok.orig.isalpha()):
                break
            if len(tok.norm) > 2:
                given.append(tok.norm)
            j -= 1
        if not given:
            return False
        words = self._name_words(m.alias.entry)
        return not any(_same_given(g, w) for g in given for w in words)

    def _name_words(self, ent: Entry) -> set[str]:
        """Every word of a person's names and aliases (indexed on first use)."""
        if not self._words_of:
            for layer in self._layers:
                for key, aliases in layer.names.items():
                    words = {w for w in key if self._is_name_word(w)}
                    for a in aliases:
                        if a.entry.kind == "person":
                            self._words_of.setdefault(a.entry.key, set()).update(words)
        return self._words_of.get(ent.key, set()) | {t.norm for t in tokenize(ent.name) if self._is_name_word(t.norm)}

    def _is_name_word(self, word: str) -> bool:
        # Particles and titles inside aliases ("al", "President Assad") say nothing about a given name.
        return len(word) > 2 and word not in _LOWER_PARTICLES and word not in _HONORIFICS and (
            self._lookup_agent((word,)) is None)

    def _scan(self, toks: list[Token], on: date | None = None) -> list[Match]:
        """Longest names and agents first, then shorter ones in the gaps, returned left to right."""
        norms = [t.norm for t in toks]
        n = len(toks)
        cands: list[Match] = []
        for i in range(n):
            hit: Match | None = None
            for length in range(min(self._max_len, n - i), 0, -1):
                key = tuple(norms[i:i + length])
                alias = self._lookup_name(key, toks[i:i + length], on)
                if alias is not None:
                    hit = Match(i, i + length, alias=alias)
                    break
                agent = self._lookup_agent(key)
                if agent is not None:
                    hit = Match(i, i + length, agent=agent)
                    break
                alias = self._lookup_variant(key, toks[i:i + length], on)
                if alias is not None:
                    hit = Match(i, i + length, alias=alias)
                    break
            if self.overlay is not None:
                stem = self._lookup_stem(norms, toks, i)
                if stem is not None and (hit is None or stem.end > hit.end):
                    hit = stem
            if hit is not None:
                cands.append(hit)
        cands += self._gapped(norms)
        # "the UN refugee agency": the three-word name beats "the UN" that starts one word earlier.
        taken = [False] * n
        out: list[Match] = []
        for m in sorted(cands, key=lambda m: (-(m.end - m.start), m.start)):
            if any(taken[m.start:m.end]):
                continue
            for j in range(m.start, m.end):
                taken[j] = True
            pro = m.start > 0 and norms[m.start - 1] in _PRO_ANTI
            anti = pro and norms[m.start - 1] == "anti"
            sponsor = m.end < n and norms[m.end] in _SPONSOR_SUFFIX
            parts = self._side_and_agent(m, toks, on) if pro else None
            if parts is not None:
                # "pro-Islamic State militants": militants on that group's side, not the group itself
                side, agent = parts
                out += [replace(side, pro=True, anti=anti), agent]
                continue
            out.append(replace(m, pro=pro, anti=anti, sponsor=sponsor))
        return sorted(out, key=lambda m: m.start)

    def _side_and_agent(self, m: Match, toks: list[Token], on: date | None) -> tuple[Match, Match] | None:
        """A name after "pro-" or "anti-" that swallowed the agent word ending it ("Islamic State
        militants" is also the group's name): the name without that word, and the agent."""
        if m.alias is None:
            return None
        norms = [t.norm for t in toks]
        for k in range(m.end - 1, m.start, -1):
            agent = self._lookup_agent(tuple(norms[k:m.end]))
            alias = self._lookup_name(tuple(norms[m.start:k]), toks[m.start:k], on) if agent else None
            if alias is not None:
                return Match(m.start, k, alias=alias), Match(k, m.end, agent=agent)
        return None

    def _gapped(self, norms: list[str]) -> list[Match]:
        """Dictionary names whose words were joined by spaces may have other words between them
        inside the mention ("ITHILEN TELEVISION" in "Ithilen state-run television"), as in TABARI."""
        out: list[Match] = []
        for layer in self._layers:
            if not isinstance(layer, DictionaryKB):
                continue
            for i, w in enumerate(norms):
                for words, glued, alias in layer.gapped.get(w, ()):
                    end = _match_gapped(norms, i, words, glued)
                    if end is not None and end - i > len(words):
                        out.append(Match(i, end, alias=alias))
        return out

    def _lookup_name(self, key: tuple[str, ...], toks: list[Token], on: date | None) -> Alias | None:
        for layer in self._layers:
            ok = [a for a in layer.names.get(key, ()) if _case_ok(a, toks)]
            if not ok:
                continue
            # "JEM" (Sudan's rebels) and "JeM" (Jaish-e-Mohammed) fold alike: an acronym written exactly
            # as an entry spells it beats an entry that matched case-blind.
            ok = [a for a in ok if a.case_sensitive] or ok
            first = ok[0]
            # Several entries share the form ("Taliban" the insurgency and the government; two Aouns):
            # keep to the first entry's kind and let the event date choose among them.
            same = [a for a in ok if a.entry.kind == first.entry.kind]
            return pick_by_date(same, on) if len(same) > 1 else first
        return None

    def _lookup_variant(self, key: tuple[str, ...], toks: list[Token], on: date | None) -> Alias | None:
        """A person's name written with a letter doubled or not ("Farmajo" for Farmaajo). Only full names
        of two words or more, or one long word, so short words cannot turn into someone's name."""
        if (len(key) < 2 and len(key[0]) < 6) or not toks[0].orig[:1].isupper():
            return None
        if self._squeezed is None:
            self._squeezed = {}
            for layer in self._layers:
                for names_key, aliases in layer.names.items():
                    people = [a for a in aliases if a.entry.kind == "person"]
                    if people:
                        self._squeezed.setdefault(tuple(_squeeze(w) for w in names_key), []).extend(people)
        ok = [a for a in self._squeezed.get(tuple(_squeeze(w) for w in key), ()) if _case_ok(a, toks)]
        if not ok:
            return None
        return pick_by_date(ok, on) if len(ok) > 1 else ok[0]

    def _lookup_agent(self, key: tuple[str, ...]) -> Agent | None:
        for layer in self._layers:
            agent = layer.agents.get(key)
            if agent is not None:
                return agent
        return None

    def _lookup_stem(self, norms: list[str], toks: list[Token], i: int) -> Match | None:
        assert self.overlay is not None
        best: Match | None = None
        for length in range(1, min(self._max_len, len(norms) - i) + 1):
            for stem, alias in self.overlay.stems.get(tuple(norms[i:i + length - 1]), ()):
                if norms[i + length - 1].startswith(stem):
                    best = Match(i, i + length, alias=alias)
        return best

    def _person_ref(self, text: str, ent: Entry, on: date | None, former: bool) -> ActorRef:
        country, sectors = person_status(ent, on)
        if former and sectors and "ELI" not in sectors:
            sectors = ["ELI"]
        return ActorRef(text=text, name=ent.name, country=country, sectors=sectors,
                        wikidata=ent.wikidata, wikipedia=ent.wikipedia)

    def _org_res(self, text: str, ent: Entry, agents: list[Match], on: date | None, former: bool,
                 head: Agent | None, plural: bool) -> Resolution:
        if ent.kind == "dict":
            # "former security officials in White House": the agents' codes join the entry's
            code = mix_codes(_dict_code(ent, on) or "", _mixed_sectors(agents, former))
            ref = ActorRef(text=text, name=ent.name, country=code[:3] or None,
                           sectors=code_sectors(alternatives(code)[0]) if code else [])
            return Resolution(ref, "dict", code or None, head, plural)
        sectors = list(ent.sectors)
        agent_secs = [s for s in _agent_sectors(agents, []) if s]
        # "UN peacekeepers", "EU foreign ministers": the body gives the country, the noun the sector.
        if ent.country in _NONSTATE_SECTORLESS and agent_secs and ent.kind == "igo":
            sectors = agent_secs
        elif ent.kind == "igo" and not sectors and head is not None and head.kind in ("person", "role"):
            sectors = ["GOV"]  # "the EU's foreign policy chief", "the head of UNHCR": the body's officials
        if former and agent_secs:
            sectors = ["ELI"]
        active = (ent.since is None or on is None or on >= ent.since) and (
            ent.until is None or on is None or on < ent.until)
        name = ent.name if active else ent.name
        ref = ActorRef(text=text, name=name, country=ent.country, sectors=sectors,
                       wikidata=ent.wikidata, wikipedia=ent.wikipedia)
        return Resolution(ref, "org", _code(ref), head, plural)


def _same_pronoun_before(span, state: ArticleActorState) -> coref.Seen | None:
    """Whom a pronoun subject of a relative clause stands for: the same pronoun earlier in its sentence, or
    the sentence's speaker it fits: in "the military said it had detained 240 militants, including the
    director, whom it accused of..." the second "it" is the military, not the militants named between."""
    sent = span.root.sent
    word = span.text.lower()
    earlier = [x for x in reversed(state.seen)
               if x.ref is not None and x.char_start is not None and sent.start_char <= x.char_start < span.start_char
               and (x.ref.text.lower() == word or x.spoke)]
    found = coref.pronoun_antecedent(word, earlier)
    if found is None and word not in coref.PERSON_PRONOUNS:
        # ("the army said it had arrested...": a force that speaks is an "it" as much as a body is)
        found = next((x for x in earlier if x.spoke and x.kind != "person"), None)
    return found


_FOLLOWER_NOUNS = r"(?:supporters|followers|loyalists|partisans)"
_FOLLOWERS_OF = re.compile(rf"^(?:.*\b)?{_FOLLOWER_NOUNS} of (?P<leader>.+)$", re.IGNORECASE)
_LEADERS_FOLLOWERS = re.compile(r"^(?:(?i:the|(?:tens of )?thousands of|hundreds of|dozens of|scores of|some|many|"
                                r"several|[\d,]+) )?(?P<leader>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                                rf" {_FOLLOWER_NOUNS}$")

_RULERS_FOLLOWERS = re.compile(r"^(?:(?i:the|(?:tens of )?thousands of|hundreds of|dozens of|scores of|some|many|"
                               rf"several|[\d,]+) )?(?P<leader>government|regime|junta) {_FOLLOWER_NOUNS}$",
                               re.IGNORECASE)


def _named_as_modifier(span, state: ArticleActorState) -> coref.Seen | None:
    """An earlier body a name no dictionary knows stands for: the one the article first named with that name
    before its kind ("Members of the Gran Grif gang killed..."; later "Gran Grif ... has often attacked").
    Only names written in capitals, and not a person's (whose surname would match "the Biden administration")."""
    words = [t for t in span if not (t.is_punct or t.lower_ in ("the", "a", "an"))]
    if not words or not all(t.is_title or t.is_upper for t in words):
        return None
    name = " ".join(t.text for t in words)
    before = re.compile(rf"(?<![\w-]){re.escape(name)}\s+[a-z]")
    for seen in reversed(state.seen):
        ref = seen.ref
        if ref is not None and ref.text and (ref.country or ref.sectors) and seen.kind != "person" \
                and ref.text != span.text and before.search(ref.text):
            return seen
    return None


def _with_full_name(span, state: ArticleActorState) -> str | None:
    """The mention with a surname written out as the full name the article gave earlier: "Morales
    supporters" after "supporters of former president Evo Morales" are Evo Morales's, whichever Morales the
    KB knows by the surname alone. None where no word of the mention is such a surname, or where two
    people named earlier share it."""
    words = [t for t in span if t.is_title and t.is_alpha]  # the tagger may call a surname a noun
    if not words:
        return None
    names: dict[str, set[str]] = {}
    for seen in state.seen:
        # people only ("Forces", "Pakistan", "States" close organisations' and countries' names)
        if seen.ref is None or not seen.ref.name or not (seen.named or seen.ref.name.startswith("supporters of ")):
            continue  # (nor "a U.S. official", whose name is the country's)
        run: list[str] = []
        for w in seen.ref.name.split() + [""]:  # every run of capitalised words of two or more in the name
            if w[:1].isupper():
                run.append(w)
                continue
            if len(run) >= 2:
                names.setdefault(run[-1], set()).add(" ".join(run))
            run = []
    doc = getattr(span, "doc", None)
    # and the full names the text itself gave earlier, resolved or not ("blockades set up by supporters
    # of former president Evo Morales" is no argument of any event)
    # (a name whose family name comes first, "Lai Ching-te", is keyed by that too, for when no surname
    # matches: "Lai, whom Beijing calls a separatist")
    family_first: dict[str, set[str]] = {}
    for ent in doc.ents if doc is not None else ():
        if ent.label_ == "PERSON" and ent.end <= span.start and len(ent) >= 2 \
                and all((t.is_title and t.is_alpha) or _inside_hyphened(t) for t in ent):
            if ent[-1].is_title:
                names.setdefault(ent[-1].text, set()).add(ent.text)
            family_first.setdefault(ent[0].text, set()).add(ent.text)
    text = span.text
    for t in words:
        full = names.get(t.text) or family_first.get(t.text)
        if full is None or len(full) != 1:
            continue
        (name,) = full
        given = name.rsplit(" ", 1)[0]
        if span.doc[max(span.start, t.i - len(given.split())):t.i].text == given:
            continue  # the full name is already written
        if not _bare_surname(t):
            continue  # "President Hassan Sheikh Mohamud" is no Abdi Hassan the story named before
        start = t.idx - span.start_char
        return text[:start] + name + text[start + len(t.text):]
    return None


def _inside_hyphened(tok) -> bool:
    """A hyphen inside a name, or the lower-case word it joins on ("Ching-te")."""
    doc = tok.doc
    if tok.text == "-":
        return not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_
    return tok.is_alpha and tok.is_lower and tok.i > 0 and doc[tok.i - 1].text == "-" \
        and not doc[tok.i - 1].whitespace_


def _bare_surname(tok) -> bool:
    """Whether a capitalised word stands alone as a name, or after a title only ("Morales supporters",
    "President Morales"): not a word inside a longer name ("Hassan Sheikh Mohamud")."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if nxt is not None and nxt.is_title and nxt.is_alpha:
        return False
    # a capital only because it opens the sentence ("The Morales government") does not lengthen the name
    return (prev is None or not (prev.is_title and prev.is_alpha) or doc_title(tok)
            or (prev.is_sent_start and prev.pos_ != "PROPN"))


def _indefinite(span) -> bool:
    """Whether a mention opens with "a" or "an", in the span or just before it ("a man", "an official")."""
    first = span.doc[span.start - 1] if span.start > 0 and span.doc[span.start - 1].dep_ == "det" else span[0]
    return first.lower_ in ("a", "an") and first.head.i == span.root.i


def _with_determiner(span) -> str:
    """A mention's text with the definite determiner its phrase opens with, where the span leaves it out."""
    text = getattr(span, "text", str(span))
    root = getattr(span, "root", None)
    if root is None or span.start == 0:
        return text
    det = span.doc[span.start - 1]
    if det.dep_ == "det" and det.head.i == root.i and det.lower_ in ("the", "this", "that", "these", "those"):
        return f"{det.text} {text}"
    return text


def _match_gapped(norms: list[str], i: int, words: tuple[str, ...], glued: tuple[bool, ...]) -> int | None:
    """End (exclusive) of the nearest match of ``words`` starting at ``i``, or None."""
    pos = i + 1
    for w, g in zip(words[1:], glued[1:], strict=True):
        cands = [pos] if g else range(pos, len(norms))
        nxt = next((k for k in cands if k < len(norms) and norms[k] == w), None)
        if nxt is None:
            return None
        pos = nxt + 1
    return pos


def _skeleton(word: str) -> str:
    """First letter plus the consonants: Muhammad and Mohamed, Sergei and Sergey read alike."""
    word = word[1:] if len(word) > 3 and word[0] in "yi" and word[1] in "aeiou" else word  # Yevgeny, Evgeny
    return word[:1] + "".join(c for c in word[1:] if c not in "aeiouy")


def _same_given(a: str, b: str) -> bool:
    if a == b or b in _NICKNAMES.get(a, ()) or a in _NICKNAMES.get(b, ()):
        return True
    sa, sb = _skeleton(a), _skeleton(b)
    k = min(3, len(sa), len(sb))
    return k > 0 and sa[:k] == sb[:k]


def _squeeze(word: str) -> str:
    """Doubled letters written once: Farmaajo and Farmajo, Abdullahi and Abdulahi read alike."""
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


def _same_spelling(a: str, b: str) -> bool:
    """Stricter than _same_given: the same name up to short forms and doubled or dropped vowels."""
    if a == b or b in _NICKNAMES.get(a, ()) or a in _NICKNAMES.get(b, ()):
        return True
    return _squeeze(_skeleton(a)) == _squeeze(_skeleton(b))


def _case_ok(alias: Alias, toks: list[Token]) -> bool:
    if alias.case_sensitive and not all(t.orig.replace(".", "").isupper() for t in toks):
        return False
    if alias.capitalised:
        # The first word that is not a particle must be capitalised ("al-Assad", "Lai Ching-te").
        head = next((t for t in toks if t.norm not in _LOWER_PARTICLES), toks[0])
        if not head.orig[:1].isupper():
            return False
    return True


# Words that may end a person's name without making it someone else's ("Donald Trump Jr").
_SUFFIX_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv"})

_LOWER_PARTICLES = frozenset({"al", "el", "de", "da", "van", "von", "der", "bin", "ibn", "le", "la", "di",
                              "du", "dos", "das", "del", "y", "ben", "ould"})


def _head_person(people: list[Match], agents: list[Match], toks: list[Token], text: str) -> Match:
    """The person a mention is about: "Putin spokesman Dmitry Peskov" is Peskov, while
    "Ben Rhodes, adviser to President Obama" is Rhodes (a comma closes the first name's phrase)."""
    first = people[0]
    if len(people) == 1 or first.end >= len(toks):
        return first
    nxt = next((a for a in agents if a.start == first.end), None)
    gap = text[toks[first.end - 1].end: toks[first.end].start]
    if nxt is not None and nxt.agent is not None and nxt.agent.kind in ("person", "role") and "," not in gap:
        return next((p for p in people if p.start > nxt.start), first)
    return first


def _agent_sectors(agents: list[Match], toks: list[Token]) -> list[str]:
    """Sectors from the agent nouns: the head noun's, unless it is a role taking its institution's."""
    if not agents:
        return []
    head = agents[-1].agent
    assert head is not None
    # "anti-government fighters": what the actor opposes is not its institution.
    mods = [m.agent for m in agents[:-1] if m.agent is not None and not m.pro]
    if head.kind == "role" and mods:
        inst = [s for a in mods for s in a.sectors]
        if inst:
            return list(dict.fromkeys(inst))
    secs = list(head.sectors)
    for a in mods:
        if "OPP" in a.sectors and "OPP" not in secs:
            secs.append("OPP")
    return secs


def _pro_government(toks: list[Token], matches: list[Match]) -> bool:
    return any(m.pro and not m.anti and m.agent is not None and "GOV" in m.agent.sectors for m in matches)


def _anti_government(matches: list[Match]) -> bool:
    return any(m.anti and m.agent is not None and "GOV" in m.agent.sectors for m in matches)


def _sides(toks: list[Token]) -> set[str]:
    """Words after "pro"/"anti": the side an actor takes ("the pro-Western opposition" is Georgia's own),
    not where it is from."""
    return {t.norm for prev, t in zip(toks, toks[1:], strict=False) if prev.norm in _PRO_ANTI}


def _loose_norms(toks: list[Token], matches: list[Match]) -> set[str]:
    """Words that stand outside every known name and title, plus the title words that do not name a home
    office: "Western" in "Western diplomats" counts, "foreign" in "the foreign minister" does not."""
    inside: set[int] = set()
    for m in matches:
        if m.alias is not None or m.agent is not None:
            inside.update(range(m.start, m.end))
    return {t.norm for i, t in enumerate(toks)
            if i not in inside or (t.norm not in _HOME_OFFICE_WORDS and any(
                m.agent is not None and m.start <= i < m.end for m in matches))}


def _code(ref: ActorRef) -> str | None:
    if ref.country is None and not ref.sectors:
        return None
    return (ref.country or "---") + "".join(ref.sectors)


def _dict_code(ent: Entry, on: date | None) -> str | None:
    if ent.dated_codes and on is not None:
        for code, start, end in ent.dated_codes:
            if (start is None or start <= on) and (end is None or on <= end):
                return code or None  # a dated "---": uncoded in that period
    return ent.code


def _dict_sectors(ent: Entry, on: date | None) -> list[str]:
    code = _dict_code(ent, on) or ""
    return code_sectors(alternatives(code)[0]) if code else []


def _mixed_sectors(agents: list[Match], former: bool) -> list[str]:
    """Every agent's sectors in the order they stand, as PETRARCH mixes a dictionary actor's agents
    ("Danish Islamist media" -> MUS MED); a former office-holder is ELI."""
    secs = list(dict.fromkeys(s for m in agents if m.agent is not None for s in m.agent.sectors))
    return eliify(secs) if former else secs


@lru_cache(maxsize=8)
def _load_resolver(paths: tuple[str, ...]) -> ActorResolver:
    overlay = load_dictionaries([Path(p) for p in paths]) if paths else None
    return ActorResolver(load_kb(), overlay)


_REPORTING_VERBS = frozenset({"say", "announce", "tell", "add", "claim", "state", "insist", "warn", "vow", "pledge"})


def _unknown_speaker(span, state: ArticleActorState) -> bool:
    """Whether "it" or "they", the subject of what someone says, stands for a speaker not a person that no
    actor resolved: it points there, not back past it to an earlier actor."""
    root = getattr(span, "root", None)
    if root is None or root.lower_ not in ("it", "they") or root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _REPORTING_VERBS:
        return False
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < root.i and c.pos_ != "PRON"), None)
    if speaker is None:
        return False
    seen = next((x for x in reversed(state.seen) if x.char_start is not None
                 and speaker.left_edge.idx <= x.char_start <= speaker.idx), None)
    return seen is not None and seen.ref is None and seen.kind != "person"


# Facilities a capital's name may modify without standing for its government.
FACILITY_HEADS = frozenset({"airport", "airports", "port", "harbour", "harbor", "terminal", "station", "hospital",
                            "stadium", "bridge", "hotel", "metro", "road", "highway", "refinery", "depot", "mosque",
                            "church", "square", "street", "streets"})
# Role nouns that serve in an army or a police force alike: bare, they are of whichever the article is about.
FORCE_ROLES = frozenset({"officer", "unit"})
_FORCES = ({"COP"}, {"MIL"})


def _last_force(state: ArticleActorState) -> ActorRef | None:
    """The police or army the article named last (within coreference reach), as an ActorRef with just that
    sector; None when the last armed body named is neither or both."""
    for seen in reversed(state.seen[-coref.WINDOW:]):
        if seen.ref is None:
            continue
        sectors = set(seen.ref.sectors)
        hits = [f for f in _FORCES if f <= sectors]
        if len(hits) == 1:
            return ActorRef(text=seen.ref.text, name=None, country=seen.ref.country, sectors=sorted(hits[0]))
        if sectors & ARMED_SECTORS or len(hits) > 1:
            return None
    return None


def _noun_owner(span, state: ArticleActorState, avoid: Sequence[ActorRef]) -> coref.Seen | None:
    """The body an anaphoric possessor on a generic agent noun points back to: "the militia's forces" after
    "Fano fighters" are Fano's, as "chiefs of the bloc" after ECOWAS are the bloc's. A named possessor
    ("Hamas's forces") the mention's own text resolves."""
    root = getattr(span, "root", None)
    if root is None:
        return None
    owner = next((c for c in root.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    if owner is None:
        # or written with "of": "Military chiefs of the bloc met in Accra"
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None) if of else None
    if owner is None:
        return None
    said = " ".join(t.text for t in owner.subtree if t.dep_ != "case")
    if not coref.is_anaphor(said):
        return None
    ante = coref.antecedent_seen(said, state.seen, avoid=avoid)
    return ante if ante is not None and ante.ref is not None else None


# Words by which forces belong to whom they serve: "forces loyal to", "fighters allied to".
LOYALTY_WORDS = frozenset({"loyal", "allied", "affiliated", "aligned", "answerable"})
# The sectors of an organisation's own people: "Hezbollah said its fighters had targeted a base" is
# Hezbollah acting.
_MEMBER_SECTORS = ARMED_SECTORS | {"GOV"}


def _owned_by(res: Resolution, owner: coref.Seen) -> Resolution:
    """A generic agent noun under an owner's possessive pronoun: an organisation's fighters, commanders or
    spokesman are the organisation; a country's troops or ministry are of that country, with the noun's
    sectors; anyone else an organisation has ("their families") keeps only its country."""
    assert owner.ref is not None
    if owner.kind != "country" and (set(res.ref.sectors) & _MEMBER_SECTORS
                                    or (res.head is not None and res.head.kind in ("person", "role"))):
        ref = replace(owner.ref, text=res.ref.text, sectors=list(owner.ref.sectors))
        return Resolution(ref, owner.kind, _code(ref), res.head, res.plural)
    if owner.ref.country and owner.ref.country != res.ref.country:
        ref = replace(res.ref, country=owner.ref.country)
        return replace(res, ref=ref, code=_code(ref))
    return res


# Capitalised words before a name that make it the name of a place or a body: "Plaza Murillo", "Bank Sepah".
_NAMED_AFTER_WORDS = frozenset({"plaza", "square", "avenue", "street", "boulevard", "bridge", "airport", "stadium",
                                "park", "bank", "university", "hospital", "school", "port", "fort", "camp",
                                "station", "hall", "tower", "palace", "mosque", "church", "college", "institute",
                                "foundation", "prison", "base", "highway", "road"})


def _named_after(toks: list[Token], m: Match, matches: list[Match]) -> bool:
    j = m.start - 1
    if m.alias is None or j < 0 or any(o.start <= j < o.end and o.alias is not None for o in matches):
        return False
    return toks[j].orig[:1].isupper() and toks[j].norm in _NAMED_AFTER_WORDS
