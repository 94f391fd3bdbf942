"""Shapes of a clause that several coding steps test for."""

from __future__ import annotations

from spacy.tokens import Token


def to_infinitive(verb: Token) -> bool:
    """A "to" clause: "sent to protect them", "a rally to protest", "gave them a week to leave"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
