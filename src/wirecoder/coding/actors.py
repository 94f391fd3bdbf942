"""Actor resolution: a mention ("Syrian government forces", "President Assad", "the group") to an ActorRef.

How a mention is read: the text is tokenised and scanned for the longest known names (people,
bodies, groups, countries, capitals and seats of power, user dictionary entries) and generic agent
nouns ("troops", "defence secretary"). A named person or organisation decides the actor; otherwise
a country (named, adjectival or metonymic) supplies the country and the agent noun the sectors. A
bare agent noun takes the article's focus country, never a guessed one. People's sectors follow
their tenures on the event date, so "President Assad" is SYR GOV before 2024-12-08 and ELI after.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from wirecoder.coding import coref
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
                             "trained", "friendly", "leaning", "influenced", "linked", "affiliated"})
_PRO_ANTI = frozenset({"pro", "anti"})
_ARMED = frozenset({"MIL", "REB", "PRM", "UAF", "COP"})
_OFFICE = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
_NONSTATE_SECTORLESS = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "MNC"})


@dataclass
class ArticleActorState:
    """Per-article memory for coreference (he, the group, the diplomat) and the focus country."""

    focus_country: str | None = None
    published: date | None = None
    recent: list[ActorRef] = field(default_factory=list)
    seen: list[coref.Seen] = field(default_factory=list)


@dataclass(frozen=True)
class _Match:
    start: int  # token indexes
    end: int
    alias: Alias | None = None
    agent: Agent | None = None
    pro: bool = False  # preceded by pro-/anti-
    sponsor: bool = False  # followed by -backed, -funded ...


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

    def resolve_mention(self, span, state: ArticleActorState, *, on: date | None = None) -> ActorRef | None:
        """Resolve a spaCy Span inside an article, using and updating the coreference state."""
        text = span.text
        on = on or state.published
        if coref.is_anaphor(text):
            ante = coref.antecedent_seen(text, state.seen)
            if ante is not None and ante.ref is not None:
                ref = replace(ante.ref, text=text, sectors=list(ante.ref.sectors))
                state.seen.append(replace(ante, ref=ref))
                state.recent.append(ref)
                return ref
            if coref.is_pronoun(text):
                return None
            # "the president" with nobody earlier to point at: read it as a generic mention.
        res = self.resolve_full(text, context=state.focus_country, on=on)
        labels = {e.label_ for e in getattr(span, "ents", ())}
        is_person = bool(res and res.kind == "person") or (
            res is None and "PERSON" in labels) or bool(
            res and res.head is not None and res.head.kind in ("person", "role") and not res.plural
            and res.kind != "org")
        kind = "person" if is_person else (res.kind if res else "unknown")
        if res is not None and res.kind == "org" and res.head is not None and res.head.kind in ("person", "role"):
            kind = "person"  # "the head of the Levant Front": a person of that group
        state.seen.append(coref.Seen(
            ref=res.ref if res else None, kind=kind, head=res.head.phrase if res and res.head else None,
            plural=bool(res and res.plural),
        ))
        if res is not None:
            state.recent.append(res.ref)
            return res.ref
        return None

    def resolve_batch_line(self, obj: dict[str, Any]) -> dict[str, Any]:
        """One `wirecoder actor -` query {"text","context","date"} -> one answer object."""
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"batch query {obj!r} has no 'text'; send {{\"text\": \"...\"}}")
        on = parse_on(obj.get("date"))
        ctx = obj.get("context")
        ref = self.resolve(text, context=ctx.upper() if isinstance(ctx, str) and ctx else None, on=on)
        return ref_to_json(ref, text)

    # ---- resolution -------------------------------------------------------------------------
    def _resolve_uncached(self, text: str, context: str | None, on: date | None) -> Resolution | None:
        # A possessive 's carries nothing here: "Russia's defence ministry" reads as "Russia defence ministry".
        toks = [t for t in tokenize(text) if t.norm != "'s"]
        if not toks or coref.is_pronoun(text):
            return None
        matches = self._scan(toks, on)
        # A dictionary's [NGO~] entry ("MSF") goes before the code of the actor the rest names.
        prefix = next((m for m in matches if m.alias is not None and m.alias.entry.kind == "dict"
                       and is_prefix_code(m.alias.entry.code)), None)
        if prefix is not None:
            return self._prefixed(text, prefix, [m for m in matches if m is not prefix], toks, context, on)
        return self._resolve_matches(text, toks, matches, context, on)

    def _prefixed(self, text: str, prefix: _Match, rest: list[_Match], toks: list[Token],
                  context: str | None, on: date | None) -> Resolution:
        assert prefix.alias is not None and prefix.alias.entry.code is not None
        inner = self._resolve_matches(text, toks, rest, context, on) if rest else None
        code = prefix_codes(prefix.alias.entry.code, inner.code if inner else None)
        ent = prefix.alias.entry
        ref = ActorRef(text=text, name=ent.name, country=code[:3], sectors=code_sectors(alternatives(code)[0]))
        return Resolution(ref, "dict", code, inner.head if inner else None, inner.plural if inner else False)

    def _resolve_matches(self, text: str, toks: list[Token], matches: list[_Match], context: str | None,
                         on: date | None) -> Resolution | None:
        if not matches:
            return None
        norms = {t.norm for t in toks}
        former = bool(norms & _FORMER)
        named = [m for m in matches if m.alias is not None]
        agents = [m for m in matches if m.agent is not None]
        head = agents[-1].agent if agents else None
        plural = bool(head and head.plural)

        people = [m for m in named if m.alias.entry.kind == "person"]
        if people:
            pm = _head_person(people, agents, toks, text)
            explicit = next((m for m in named if m.alias.entry.kind == "country" and not m.pro and not m.sponsor), None)
            p_country = person_status(pm.alias.entry, on)[0] or pm.alias.entry.country
            if not (explicit is not None and pm.end - pm.start == 1 and explicit.alias.entry.country != p_country):
                ref = self._person_ref(text, pm.alias.entry, on, former)
                return Resolution(ref, "person", _code(ref), head, plural)
            # "Pakistan President Mohammad Zia-Ul-Haq": a one-word name shared with another country's
            # politician; the stated country and title are the better evidence.
            named = [m for m in named if m is not pm]

        orgs = [m for m in named if m.alias.entry.kind in ("igo", "group", "org", "territory")
                or (m.alias.entry.kind == "dict" and m.alias.entry.country is not None
                    and _dict_sectors(m.alias.entry, on))]
        orgs = [m for m in orgs if not m.sponsor and not m.pro]
        if orgs:
            best = max(orgs, key=lambda m: (m.end - m.start, -m.start))
            return self._org_res(text, best.alias.entry, agents, on, former, head, plural)

        places = [m for m in named if m.alias.entry.kind in ("country", "dict") and not m.sponsor]
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
        if former:
            sectors = _eliify(sectors)

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
            if not sectors and role == "seat":
                sectors = ["GOV"]
            elif not sectors and not agents and role in ("demonym_pl",):
                sectors = ["CVL"]
            ref = ActorRef(text=text, name=ent.name, country=ent.country, sectors=sectors,
                           wikidata=ent.wikidata, wikipedia=ent.wikipedia)
            return Resolution(ref, "country", _code(ref), head, plural)

        if not agents:
            return None
        blocked = bool(norms & _NO_COUNTRY) or pro_m is not None or any(m.sponsor for m in named)
        country = None if blocked else context
        if not sectors and country is None:
            return None
        if not sectors and not (head and head.kind in ("person", "role")):
            return None  # "the group", "a building": names no actor on its own
        ref = ActorRef(text=text, name=head.phrase if head else None, country=country, sectors=sectors)
        if country is not None and country in self.kb.countries:
            pass  # country from the article's focus: no Wikidata id, the mention is generic
        return Resolution(ref, "agent", _code(ref), head, plural)

    def _scan(self, toks: list[Token], on: date | None = None) -> list[_Match]:
        """Longest names and agents first, then shorter ones in the gaps, returned left to right."""
        norms = [t.norm for t in toks]
        n = len(toks)
        cands: list[_Match] = []
        for i in range(n):
            hit: _Match | None = None
            for length in range(min(self._max_len, n - i), 0, -1):
                key = tuple(norms[i:i + length])
                alias = self._lookup_name(key, toks[i:i + length], on)
                if alias is not None:
                    hit = _Match(i, i + length, alias=alias)
                    break
                agent = self._lookup_agent(key)
                if agent is not None:
                    hit = _Match(i, i + length, agent=agent)
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
        out: list[_Match] = []
        for m in sorted(cands, key=lambda m: (-(m.end - m.start), m.start)):
            if any(taken[m.start:m.end]):
                continue
            for j in range(m.start, m.end):
                taken[j] = True
            pro = m.start > 0 and norms[m.start - 1] in _PRO_ANTI
            sponsor = m.end < n and norms[m.end] in _SPONSOR_SUFFIX
            out.append(replace(m, pro=pro, sponsor=sponsor))
        return sorted(out, key=lambda m: m.start)

    def _gapped(self, norms: list[str]) -> list[_Match]:
        """Dictionary names whose words were joined by spaces may have other words between them
        inside the mention ("ITHILEN TELEVISION" in "Ithilen state-run television"), as in TABARI."""
        out: list[_Match] = []
        for layer in self._layers:
            if not isinstance(layer, DictionaryKB):
                continue
            for i, w in enumerate(norms):
                for words, glued, alias in layer.gapped.get(w, ()):
                    end = _match_gapped(norms, i, words, glued)
                    if end is not None and end - i > len(words):
                        out.append(_Match(i, end, alias=alias))
        return out

    def _lookup_name(self, key: tuple[str, ...], toks: list[Token], on: date | None) -> Alias | None:
        for layer in self._layers:
            ok = [a for a in layer.names.get(key, ()) if _case_ok(a, toks)]
            if not ok:
                continue
            first = ok[0]
            # Several entries share the form ("Taliban" the insurgency and the government; two Aouns):
            # keep to the first entry's kind and let the event date choose among them.
            same = [a for a in ok if a.entry.kind == first.entry.kind]
            return _pick_by_date(same, on) if len(same) > 1 else first
        return None

    def _lookup_agent(self, key: tuple[str, ...]) -> Agent | None:
        for layer in self._layers:
            agent = layer.agents.get(key)
            if agent is not None:
                return agent
        return None

    def _lookup_stem(self, norms: list[str], toks: list[Token], i: int) -> _Match | None:
        assert self.overlay is not None
        best: _Match | None = None
        for length in range(1, min(self._max_len, len(norms) - i) + 1):
            for stem, alias in self.overlay.stems.get(tuple(norms[i:i + length - 1]), ()):
                if norms[i + length - 1].startswith(stem):
                    best = _Match(i, i + length, alias=alias)
        return best

    def _person_ref(self, text: str, ent: Entry, on: date | None, former: bool) -> ActorRef:
        country, sectors = person_status(ent, on)
        if former and sectors and "ELI" not in sectors:
            sectors = ["ELI"]
        return ActorRef(text=text, name=ent.name, country=country, sectors=sectors,
                        wikidata=ent.wikidata, wikipedia=ent.wikipedia)

    def _org_res(self, text: str, ent: Entry, agents: list[_Match], on: date | None, former: bool,
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
        if former and agent_secs:
            sectors = ["ELI"]
        active = (ent.since is None or on is None or on >= ent.since) and (
            ent.until is None or on is None or on < ent.until)
        name = ent.name if active else ent.name
        ref = ActorRef(text=text, name=name, country=ent.country, sectors=sectors,
                       wikidata=ent.wikidata, wikipedia=ent.wikipedia)
        return Resolution(ref, "org", _code(ref), head, plural)


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


def _case_ok(alias: Alias, toks: list[Token]) -> bool:
    if alias.case_sensitive and not all(t.orig.replace(".", "").isupper() for t in toks):
        return False
    if alias.capitalised:
        # The first word that is not a particle must be capitalised ("al-Assad", "Lai Ching-te").
        head = next((t for t in toks if t.norm not in _LOWER_PARTICLES), toks[0])
        if not head.orig[:1].isupper():
            return False
    return True


def _active_span(ent: Entry) -> tuple[date | None, date | None]:
    if ent.tenures:
        return ent.tenures[0].start, ent.tenures[-1].end
    return ent.since, ent.until


def _pick_by_date(cands: list[Alias], on: date | None) -> Alias:
    """Among entries sharing a name: the one active on the date, else the most recent one."""
    def latest(a: Alias) -> date:
        if a.entry.tenures:
            return max((t.start or date.min) for t in a.entry.tenures)
        return a.entry.since or date.min

    if on is not None:
        active = []
        for a in cands:
            if a.entry.tenures:
                if any(t.covers(on) for t in a.entry.tenures):
                    active.append(a)
            else:
                start, end = _active_span(a.entry)
                if (start is None or start <= on) and (end is None or on < end):
                    active.append(a)
        if active:
            return max(active, key=latest)
        started = [a for a in cands if (_active_span(a.entry)[0] or date.min) <= on]
        if started:
            return max(started, key=latest)
    return max(cands, key=latest)


_LOWER_PARTICLES = frozenset({"al", "el", "de", "da", "van", "von", "der", "bin", "ibn", "le", "la", "di",
                              "du", "dos", "das", "del", "y", "ben", "ould"})


def person_status(ent: Entry, on: date | None) -> tuple[str | None, list[str]]:
    """Country and sectors of a person on a date: the office held then; ELI after the last one."""
    tenures = ent.tenures
    if not tenures:
        return ent.country, list(ent.sectors)
    if on is None:
        # Undated: the person's most recent office.
        t = tenures[-1]
        return t.country, list(t.sectors)
    current = [t for t in tenures if t.covers(on)]
    if current:
        secs: list[str] = []
        for t in current:
            secs += [s for s in t.sectors if s not in secs]
        return current[-1].country, secs
    past = [t for t in tenures if t.end is not None and t.end <= on]
    if past:
        return past[-1].country, ["ELI"]
    return tenures[0].country, []


def _head_person(people: list[_Match], agents: list[_Match], toks: list[Token], text: str) -> _Match:
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


def _agent_sectors(agents: list[_Match], toks: list[Token]) -> list[str]:
    """Sectors from the agent nouns: the head noun's, unless it is a role taking its institution's."""
    if not agents:
        return []
    head = agents[-1].agent
    assert head is not None
    mods = [m.agent for m in agents[:-1] if m.agent is not None]
    if head.kind == "role" and mods:
        inst = [s for a in mods for s in a.sectors]
        if inst:
            return list(dict.fromkeys(inst))
    secs = list(head.sectors)
    for a in mods:
        if "OPP" in a.sectors and "OPP" not in secs:
            secs.append("OPP")
    return secs


def _pro_government(toks: list[Token], matches: list[_Match]) -> bool:
    return any(m.pro and m.agent is not None and "GOV" in m.agent.sectors for m in matches)


def _eliify(sectors: list[str]) -> list[str]:
    if set(sectors) & _OFFICE:
        return ["ELI"]
    return sectors


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


def _mixed_sectors(agents: list[_Match], former: bool) -> list[str]:
    """Every agent's sectors in the order they stand, as PETRARCH mixes a dictionary actor's agents
    ("Danish Islamist media" -> MUS MED); a former office-holder is ELI."""
    secs = list(dict.fromkeys(s for m in agents if m.agent is not None for s in m.agent.sectors))
    return _eliify(secs) if former else secs


@lru_cache(maxsize=8)
def _load_resolver(paths: tuple[str, ...]) -> ActorResolver:
    overlay = load_dictionaries([Path(p) for p in paths]) if paths else None
    return ActorResolver(load_kb(), overlay)


def parse_on(value: Any) -> date | None:
    """A query's date: ISO YYYY-MM-DD (or YYYY-MM, YYYY), or None."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ValueError(f"date {value!r} is not a date; write YYYY-MM-DD") from exc


def ref_to_json(ref: ActorRef | None, text: str) -> dict[str, Any]:
    """The CLI's answer object; an empty answer (country null, sectors []) when no actor is named."""
    if ref is None:
        return {"text": text, "name": None, "country": None, "sectors": [], "wikidata": None, "wikipedia": None}
    return {"text": ref.text, "name": ref.name, "country": ref.country, "sectors": list(ref.sectors),
            "wikidata": ref.wikidata, "wikipedia": ref.wikipedia}


def actor_json(text: str, *, context: str | None = None, date_text: str | None = None,
               actor_dicts: Iterable[Path] = ()) -> dict[str, Any]:
    """`wirecoder actor "TEXT" [--context C] [--date D]`: the resolved actor as a JSON-able dict."""
    resolver = ActorResolver.load(actor_dicts)
    return resolver.resolve_batch_line({"text": text, "context": context, "date": date_text})


def actor_batch(lines: Iterable[str], *, actor_dicts: Iterable[Path] = ()) -> Iterator[str]:
    """`wirecoder actor -`: one JSON query per input line -> one JSON answer per output line.

    A bad line yields {"text": ..., "error": "..."} so one mistake does not stop a long batch.
    """
    resolver = ActorResolver.load(actor_dicts)
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if isinstance(obj, str):
                obj = {"text": obj}
            if not isinstance(obj, dict):
                raise ValueError("expected a JSON object {\"text\", \"context\", \"date\"}")
            out = resolver.resolve_batch_line(obj)
        except (ValueError, json.JSONDecodeError) as exc:
            out = {"text": None, "error": f"input line {lineno}: {exc}"}
        yield json.dumps(out, ensure_ascii=False)
