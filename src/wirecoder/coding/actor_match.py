"""A known name or agent noun found in a mention's tokens: what the resolver and the phrase
predicates pass around."""

from __future__ import annotations

from dataclasses import dataclass

from wirecoder.resources.actor_kb import Agent, Alias


@dataclass(frozen=True)
class Match:
    start: int  # token indexes
    end: int
    alias: Alias | None = None
    agent: Agent | None = None
    pro: bool = False  # preceded by pro-/anti-
    anti: bool = False  # preceded by anti- (the actor opposes what follows)
    sponsor: bool = False  # followed by -backed, -funded ...
