"""Finding a named mention among the places a test sentence yields (shared by the place and airport tests)."""

from __future__ import annotations


def all_named(places, text: str) -> list:
    """Every place mention written text; fails the test, naming what was found, when there is none."""
    hits = [p for p in places if p.text == text]
    assert hits, f"{text!r} not found among {[p.text for p in places]}"
    return hits
