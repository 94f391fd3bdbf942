"""PLOVER's single-category rules for intentions and refusals (manual 2.3 and 3.1).

An actor's future or conditional act is not that act with a "future" flag: the coder returns the one PLOVER
category that fits — future cooperation is AGREE, stated future force is THREATEN, preparing an attack is
MOBILIZE, an announced withdrawal is CONCEDE, and a refusal of a cooperative act is REJECT.
"""

from __future__ import annotations

from collections.abc import Sequence

from wirecoder.coding.derived import ARMED_SECTORS, NONSTATE_ARMED, STATE_SECTORS
from wirecoder.schema import ActorRef

FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"})
# One commander arriving somewhere visits: "the army chief arrived in Goma".
COMMAND_ROLES = frozenset({"chief", "commander", "general", "colonel", "officer", "head", "envoy", "spokesman",
                           "minister", "leader", "admiral", "marshal"})
CROWD_SECTORS = frozenset({"OPP", "LAB", "EDU"})
# Those whose gathering is a protest by name.
PROTESTER_NAMES = frozenset({"protester", "demonstrator", "marcher", "protesters", "demonstrators"})
NONSTATE_SECTORS = frozenset({"REB", "OPP", "CVL", "LAB", "UAF", "PTY", "EDU", "REL"})
BLOCKING_LEMMAS = frozenset({"block", "blockade", "barricade", "obstruct", "close", "shut", "occupy", "seal"})
# Material conflict that an actor says it will or would do is a threat (PLOVER: THREATEN, not ASSAULT+future).
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
# A cooperative act the actor will not / does not do is a refusal (PLOVER: REJECT).
REFUSABLE_TYPES = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# Negations that say the act did not come about, not that the actor chose against it: "said it had been
# unable to deliver food", "failed to reach a deal" are no refusals; "denied that" disputes a report.
UNWILLED_NEGATIONS = frozenset({"deny", "fail", "unable"})
PREPARE_CUES = frozenset({"prepare", "gear", "poise", "mass"})
INTENT_CUES = frozenset({"plan", "intend", "prepare", "aim", "set", "go", "mean", "consider", "vow", "threaten",
                         "decide", "pledge", "promise", "want", "seek", "propose", "if", "unless"})
OBLIGATION_CUES = frozenset({"must", "should", "ought"})
# Head words of an unnamed informant near an actor: "a source close to the negotiators".
ANONYMOUS_HEADS = frozenset({"source", "sources", "person", "people", "insider", "insiders"})
# An AGREE verb governing one of these ("vowed to fight", "is prepared to impose martial law") is a THREATEN.
AGREE_GOVERNED_THREATS = THREAT_TYPES


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.name and b.name and a.name == b.name:
        return True
    return bool(a.country and a.country == b.country and set(a.sectors) & set(b.sectors))


# The forces a government commands: its word on what they will do commits them ("Petro warned that the army
# would respond", "the minister said police would arrest anyone who marched").
COMMANDED_SECTORS = frozenset({"MIL", "COP"})


def speaks_for(speaker: ActorRef, actor: ActorRef) -> bool:
    """Whether the speaker's word commits the actor: the same actor, or a government (or a country speaking
    as one) on its own country's army or police."""
    if same_actor(speaker, actor):
        return True
    return bool(speaker.country and speaker.country == actor.country
                and (not speaker.sectors or "GOV" in speaker.sectors)
                and set(actor.sectors) & COMMANDED_SECTORS)


def single_category(event_type: str, modality: str, cue: str | None, actors: Sequence[ActorRef],
                    speaker: ActorRef | None, *, trigger_modes: Sequence[str], trigger_lemma: str,
                    actor_texts: Sequence[str]) -> tuple[str, str]:
    """The PLOVER type and modality for an event whose trigger said `event_type` under `modality`."""
    # The actor's own commitment: said by the actor, or an intention verb governing the act ("plans to")
    own = bool(actors) and ((speaker is not None and speaks_for(speaker, actors[0]) and not _anonymous(speaker))
                            or (speaker is None and cue in INTENT_CUES))
    if (event_type == "CONSULT" and trigger_lemma == "arrive" and actors
            and all(set(a.sectors) & ARMED_SECTORS and "GOV" not in a.sectors for a in actors)
            and not any((t.lower().split() or [""])[-1] in COMMAND_ROLES for t in actor_texts)):
        event_type = "MOBILIZE"  # troops or gunmen arriving are deployed; a minister or a general visits
    if (event_type == "PROTEST" and "strike" in trigger_modes and actors
            and all(set(a.sectors) & (ARMED_SECTORS | {"GOV"}) or (a.country and not a.sectors) for a in actors)):
        event_type = "ASSAULT"  # "Israel carried out strikes across southern Lebanon": no walkout
    if (event_type == "PROTEST" and trigger_lemma == "march" and actors
            and all(set(a.sectors) & ARMED_SECTORS for a in actors)):
        event_type = "MOBILIZE"  # rebels or troops marching into a town advance; crowds marching protest
    if (event_type == "CONSULT" and trigger_lemma in ("gather", "assemble") and actors
            and all((set(a.sectors) and set(a.sectors) <= CROWD_SECTORS) or (a.name or "").startswith("supporters of ")
                    or a.name in PROTESTER_NAMES for a in actors)):
        # opposition supporters, a leader's supporters or strikers gathering: a demonstration, not a meeting
        event_type = "PROTEST"
    if (event_type == "CONSULT" and trigger_lemma in ("gather", "assemble", "mass") and actors
            and all(set(a.sectors) & ARMED_SECTORS and "GOV" not in a.sectors for a in actors)):
        event_type = "MOBILIZE"  # soldiers or fighters gathering in a square or on a border deploy
    if event_type == "MOBILIZE" and any("peacekeep" in t.lower() for t in actor_texts):
        event_type = "AID"  # PLOVER: sending peacekeepers is military aid to the host
    if modality == "future" and cue in ("if", "unless") and own and event_type in ("RETREAT", "CONCEDE"):
        return "THREATEN", "asserted"  # "will withdraw its force unless…": a conditional threat
    if modality == "future" and event_type in FUTURE_TO_AGREE:
        return "AGREE", modality
    if modality == "future" and event_type == "RETREAT" and "withdraw" in trigger_modes and actors:
        return "CONCEDE", "asserted"  # an announced withdrawal (manual 3.4)
    if (event_type == "COERCE" and actors and trigger_lemma in BLOCKING_LEMMAS
            and all(set(a.sectors) and set(a.sectors) <= NONSTATE_SECTORS for a in actors)
            # (armed men who occupy a town seize it: "the town, which insurgents briefly occupied")
            and not ("seize" in trigger_modes and all(set(a.sectors) & NONSTATE_ARMED for a in actors))):
        return "PROTEST", modality  # rebels or protesters blocking roads obstruct; states coerce
    if (event_type == "PROTEST" and "obstruct" in trigger_modes and actors
            and all(set(a.sectors) & STATE_SECTORS for a in actors)):
        return "COERCE", modality  # "authorities blocked roads with shipping containers"
    if modality == "hypothetical" and event_type in FUTURE_TO_AGREE and own and speaker is not None \
            and cue not in OBLIGATION_CUES:
        return "AGREE", "asserted"  # "they would meet the mediator if…": a conditional offer
    if modality in ("future", "hypothetical") and event_type == "ASSAULT" and cue in PREPARE_CUES and actors:
        return "MOBILIZE", "asserted" if speaker is None else "reported"
    if modality in ("future", "hypothetical") and event_type in THREAT_TYPES and own:
        return "THREATEN", "asserted"
    if modality == "negated" and event_type in REFUSABLE_TYPES and own and cue not in UNWILLED_NEGATIONS:
        return "REJECT", "asserted"
    return event_type, modality


def _anonymous(speaker: ActorRef) -> bool:
    """"A source close to the negotiators": someone near an actor, whose word is no commitment of the actor's
    own (a walkout it reports is not a threat the actor makes)."""
    words = speaker.text.lower().split()
    return any(w in ANONYMOUS_HEADS for w in words[:3])
