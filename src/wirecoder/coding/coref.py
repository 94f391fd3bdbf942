"""In-article coreference for actors: pronouns ("he", "they") and short definite mentions ("the group").

Deliberately simple and conservative: an anaphor links to the most recent compatible mention, and to
nothing when the most recent candidate is a person we could not resolve (better no actor than the
wrong one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from wirecoder.schema import ActorRef

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
OBJECT_PERSON_PRONOUNS = frozenset({"him", "her"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# "the group", "the militia": nouns that re-mention an organisation rather than introduce a new one.
ORG_NOUNS = frozenset({
    "group", "militia", "organisation", "organization", "movement", "faction", "party", "alliance",
    "coalition", "rebels", "insurgents", "militants", "jihadists", "militias", "outfit", "network",
    "body", "agency", "bloc", "union", "council", "committee", "company", "firm", "charity", "monitor",
    "court", "tribunal", "junta", "gang",
})
# Organisation nouns that say what kind of body they re-mention, by the sectors it must have.
_ARMED = frozenset({"REB", "MLA", "INS", "TER", "UAF", "PRM"})
KIND_SECTORS = {
    "militia": _ARMED, "militias": _ARMED, "rebels": _ARMED, "insurgents": _ARMED, "militants": _ARMED,
    "jihadists": _ARMED, "outfit": _ARMED, "company": frozenset({"BUS"}), "firm": frozenset({"BUS"}),
    "charity": frozenset({"NGO"}), "party": frozenset({"PTY"}), "court": frozenset({"JUD"}),
    "tribunal": frozenset({"JUD"}), "gang": _ARMED | {"CRM"},
}
# Nouns for a band that re-mention armed men told of only by a common noun ("gunmen", "militants").
BAND_NOUNS = frozenset({"group", "gang"})
_ARMED_BANDS = _ARMED | {"CRM"}
# Words that say only what kind of group it is, so "the rebel group" re-mentions one as "the group" does.
GROUP_KINDS = frozenset({"rebel", "armed", "militant", "insurgent", "jihadist", "islamist", "paramilitary",
                         "separatist", "terrorist", "extremist", "guerrilla", "opposition", "gang"})
PERSON_NOUNS = frozenset({
    "diplomat", "official", "minister", "president", "leader", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "commander", "general", "premier", "chancellor", "king", "prince", "emir", "sheikh",
    "secretary", "ambassador", "mediator", "negotiator", "senator", "lawmaker", "source", "analyst",
    "cleric", "aide", "adviser", "advisor", "chief", "head", "prosecutor", "judge", "governor", "mayor",
    "witness", "colonel", "officer", "activist", "politician", "dictator", "strongman", "monarch",
})
_DET = re.compile(r"^(?:the|this|that|these|those)\s+", re.IGNORECASE)
_SKIP = re.compile(r"\b(?:former|ex|retired|new|other|same)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Seen:
    """One resolved (or unresolvable) mention earlier in the article."""

    ref: ActorRef | None
    kind: str  # person | org | country | agent | dict | unknown
    head: str | None = None  # agent noun phrase that headed the mention ("diplomat")
    plural: bool = False
    named: bool = False  # a person the KB knows by name ("former president Evo Morales"), not a role
    char_start: int | None = None  # where the mention stands in the article, where known
    word: str | None = None  # the mention's own head noun, lower-cased ("network" of "a medical network")
    spoke: bool = False  # the mention is the subject of a verb of saying ("the Israeli military said")
    indefinite: bool = False  # the mention opens with "a"/"an" ("a man", "an official"): told of, not named


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def is_anaphor(text: str) -> bool:
    """A pronoun, or "the/this + one bare noun" that re-mentions someone ("the diplomat", "the group")."""
    words = _words(text)
    if len(words) == 1 and words[0] in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
        return True
    if not _DET.match(text.strip()) or _SKIP.search(text):
        return False
    rest = _words(_DET.sub("", text.strip()))
    if len(rest) == 2 and rest[0] in GROUP_KINDS and rest[1] in ORG_NOUNS:
        return True  # "the rebel group", "the armed group"
    return len(rest) == 1 and (rest[0] in ORG_NOUNS or rest[0] in PERSON_NOUNS)


def is_pronoun(text: str) -> bool:
    words = _words(text)
    return len(words) == 1 and words[0] in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS


# Nouns for a state's rulers of a kind, by the sectors the mention they re-mention must have: "the junta"
# after "Mali's military government" is that government, whatever country the sentence goes on to name.
RULER_SECTORS = {"junta": frozenset({"GOV", "MIL"})}


def _compatible(noun: str, seen: Seen) -> bool:
    if seen.head is not None and (seen.head == noun or seen.head.split()[-1] == noun):
        return True
    if noun in RULER_SECTORS:
        return seen.ref is not None and seen.ref.country is not None and RULER_SECTORS[noun] <= set(seen.ref.sectors)
    if noun in PERSON_NOUNS:
        return seen.kind == "person" and noun in {"official", "leader", "source", "head", "chief"}
    if noun in BAND_NOUNS and seen.kind == "agent" and seen.plural and seen.ref is not None \
            and set(seen.ref.sectors) & _ARMED_BANDS:
        return True  # "soldiers killed 19 cartel gunmen ... arrested the group's alleged leader"
    # An organisation noun: a named body or group (not a country, not a person, not a generic "a medical
    # charity", which the same noun re-mentions above), of the kind the noun says where it says one ("the
    # militants" are no UN mission, "the company" no army).
    needed = KIND_SECTORS.get(noun)
    return seen.kind in ("org", "dict") and (
        needed is None or (seen.ref is not None and bool(needed & set(seen.ref.sectors))))


# How many earlier mentions an anaphor looks back over.
WINDOW = 12


def antecedent(text: str, history: list[Seen], *, window: int = WINDOW) -> ActorRef | None:
    """The ActorRef an anaphor points back to, or None when no compatible mention is near."""
    seen = antecedent_seen(text, history, window=window)
    return seen.ref if seen else None


def antecedent_seen(text: str, history: list[Seen], *, window: int = WINDOW,
                    avoid: Sequence[ActorRef] = (), before: int | None = None, speaking: bool = False,
                    leading: bool = False) -> Seen | None:
    """The earlier mention an anaphor points back to (None: none compatible, or an unresolved person).
    avoid: the other side of the anaphor's own clause, which a noun anaphor cannot be ("Puntland forces
    launched an offensive against the group": the group is not Puntland's forces). before: where the
    anaphor stands, for one that cannot point forward ("fired tear gas to disperse them, witnesses said":
    them are not the witnesses). speaking: the anaphor is itself the subject of a verb of saying, which goes
    on with the last speaker of its kind ("The Israeli military said its jets hit Hezbollah depots. It said
    …": the military, not Hezbollah). leading: the anaphor is the subject its sentence opens with."""
    words = _words(text)
    recent = [s for s in history[-window:][::-1]
              if not (s.ref is not None and any(s.ref.name and s.ref.name == a.name for a in avoid))
              and not (before is not None and s.char_start is not None and s.char_start > before)]
    if speaking and len(words) == 1:
        said = [s for s in recent if s.spoke]
        found = pronoun_antecedent(words[0], said)
        if found is not None and found.ref is not None:
            return found
    if leading and len(words) == 1 and words[0] in PERSON_PRONOUNS:
        # "Yerlikaya said the two attackers, a man and a woman, had been killed. He blamed the PKK": a sentence
        # opening on "he" goes on with the last person who spoke, not with someone the speaker only told of
        # as "a man"
        spoke = next((k for k, s in enumerate(recent) if s.spoke and s.kind == "person" and s.ref is not None), None)
        if spoke is not None and all(s.indefinite for s in recent[:spoke] if s.kind == "person"):
            return recent[spoke]
    return pronoun_antecedent(words[0], recent) if len(words) == 1 and is_pronoun(text) else _noun_antecedent(
        text, recent)


def pronoun_antecedent(word: str, recent: list[Seen]) -> Seen | None:
    if word in PERSON_PRONOUNS:
        for s in recent:
            if s.kind == "person" and not s.plural:
                return s if s.ref is not None else None  # None when that person was not resolvable: stop, do not guess further back
        return None
    if word in THING_PRONOUNS:
        for s in recent:
            if s.kind in ("org", "country", "dict") and s.ref is not None:
                return s
        return None
    if word in PLURAL_PRONOUNS:
        for s in recent:
            if s.ref is not None and (s.plural or s.kind in ("org", "dict")):
                return s
    return None


def _noun_antecedent(text: str, recent: list[Seen]) -> Seen | None:
    noun = _words(_DET.sub("", text.strip()))[-1]
    described = next((s for s in recent if s.word == noun and s.ref is not None
                      and s.kind not in ("org", "dict", "country")), None)
    if described is not None:
        # a body the article only described by that noun is the one re-mentioned: "according to a volunteer
        # medical network ... the network said" is no armed group named in between (a named body, "Human
        # Rights Watch, a rights group", is left to the nearest rule: "Al-Shabaab claimed it. The group…";
        # so is a description nothing resolved, which may be a name's own: "the West African bloc ECOWAS")
        return described
    for s in recent:
        if s.ref is not None and _compatible(noun, s):
            return s
    return None
