"""Views derived from PLOVER type + mode: QuadClass, CAMEO root, PLOVER score, and ACLED type/sub-type.

The numbers and the ACLED rules are data (resources/data/coding/*.tsv); this module evaluates them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wirecoder.coding.lexicon import ACLED_FACTS, Lexicon
from wirecoder.schema import ActorRef

ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS", "SPY", "COP", "PRM", "MLA", "TER"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
NONSTATE_ARMED = frozenset({"REB", "UAF", "INS", "PRM", "MLA", "TER"})
CIVILIAN_SECTORS = frozenset({
    "CVL", "REF", "MED", "EDU", "HLH", "JRN", "LAB", "REL", "AGR", "BUS", "NGO", "HRI", "IDP", "ELI",
})
PROTESTER_WORDS = ("protest", "demonstrat", "rally", "marcher", "striker", "activist")
MOB_WORDS = ("mob", "villager", "resident", "crowd", "youth", "vigilante")

# Lemma cues for ACLED's "strategic development" distinctions (sentence-level evidence).
CUE_LEMMAS: dict[str, frozenset[str]] = {
    "territory": frozenset({"capture", "seize", "take", "recapture", "retake", "overrun", "control", "liberate",
                            "regain", "fall", "advance", "enter", "storm"}),
    "weapons_seized": frozenset({"weapon", "arm", "ammunition", "cache", "explosive", "rifle", "munition"}),
    "base": frozenset({"base", "headquarters", "camp", "outpost", "checkpoint", "garrison"}),
    "defused": frozenset({"defuse", "dismantle", "intercept", "neutralize", "neutralise", "disarm", "detonate"}),
    "looting": frozenset({"loot", "plunder", "torch", "burn", "vandalize", "vandalise", "ransack", "raze",
                          "destroy", "demolish", "arson"}),
    "intervened": frozenset({"disperse", "arrest", "detain", "tear", "teargas", "baton", "cannon", "break",
                             "clear", "beat", "fire", "crackdown", "scatter"}),
}


@dataclass(frozen=True)
class DerivedViews:
    quad_class: int
    cameo_root: str
    plover_score: float
    acled: dict[str, str] | None


def _sectors(refs: Iterable[ActorRef]) -> set[str]:
    return {s for r in refs for s in r.sectors}


def _texts(refs: Iterable[ActorRef]) -> str:
    return " ".join((r.text or "").lower() for r in refs)


def condition_holds(cond: str, *, event_type: str, mode: list[str], context: list[str],
                    actor: list[ActorRef], recipient: list[ActorRef], lemmas: set[str]) -> bool:
    cond = cond.strip()
    if cond in ("", "-"):
        return True
    if cond.startswith("!"):
        return not condition_holds(cond[1:], event_type=event_type, mode=mode, context=context,
                                   actor=actor, recipient=recipient, lemmas=lemmas)
    if cond.startswith("context="):
        return cond.split("=", 1)[1] in context
    if cond.startswith("mode="):
        return cond.split("=", 1)[1] in mode
    a_sec, r_sec = _sectors(actor), _sectors(recipient)
    a_txt, r_txt = _texts(actor), _texts(recipient)
    a_armed = bool(a_sec & ARMED_SECTORS)
    r_armed = bool(r_sec & ARMED_SECTORS)
    if cond == "actor_armed":
        return a_armed
    if cond == "recipient_armed":
        return r_armed
    if cond == "both_armed":
        return (a_armed and r_armed) or (a_armed and len(actor) > 1 and not recipient)
    if cond == "actor_state":
        return bool(a_sec & STATE_SECTORS)
    if cond == "actor_nonstate_armed":
        return bool(a_sec & NONSTATE_ARMED)
    if cond == "recipient_civilian":
        return bool(r_sec & CIVILIAN_SECTORS) or (not r_armed and bool(recipient) and not r_sec & STATE_SECTORS)
    if cond == "recipient_protesters":
        return any(w in r_txt for w in PROTESTER_WORDS)
    if cond == "actor_protesters":
        return any(w in a_txt for w in PROTESTER_WORDS) or event_type == "PROTEST"
    if cond == "actor_mob":
        return any(w in a_txt for w in MOB_WORDS)
    if cond in CUE_LEMMAS:
        return bool(lemmas & CUE_LEMMAS[cond])
    return False


def derive(lexicon: Lexicon, event_type: str, mode: list[str], context: list[str], actor: list[ActorRef],
           recipient: list[ActorRef], lemmas: set[str]) -> DerivedViews:
    tinfo = lexicon.types[event_type]
    score, root = tinfo.plover_score, tinfo.cameo_root
    for m in mode:
        minfo = lexicon.modes.get((event_type, m))
        if minfo is not None:
            score = minfo.plover_score if minfo.plover_score is not None else score
            root = minfo.cameo_root or root
            break
    acled = None
    rules = lexicon.acled_rules.get(event_type, ())
    if rules:
        facts = {f for f in ACLED_FACTS if condition_holds(f, event_type=event_type, mode=mode, context=context,
                                                           actor=actor, recipient=recipient, lemmas=lemmas)}
        for rule in rules:
            if rule.mode and rule.mode not in mode:
                continue
            if rule.matches(facts, mode, context, lemmas):
                acled = {"event_type": rule.acled_event_type, "sub_event_type": rule.acled_sub_event_type}
                break
    return DerivedViews(int(tinfo.quad_class), str(root), float(score), acled)
