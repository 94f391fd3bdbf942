"""Score the PETRARCH verb coder on PETRARCH2's regression suite, coded with the suite's own dictionaries.

Figures (``run_petrarch_eval``):
  * recall: share of gold (source, target, CAMEO root) triples that the coder emits for the record's
    sentence. Codes compare as PETRARCH writes them: country + agent codes concatenated (``ARNGOV``),
    ``---`` for an actor without a country. Gold rows with no event code are not triples: they mark
    records that must yield nothing, and count with the ``noevents`` records.
  * precision: share of emitted triples that are gold triples of that record (records expected to
    yield nothing count every emitted triple as wrong).
  * no-event errors: records expected to yield no events that yielded some, counted over all of them
    and over those the suite flags ``noevents`` (the rest only have an empty gold row; two of those,
    ERROR-02/03, repeat DEMO-00's text, which the suite codes as an event, so they cannot both hold).
Actors are resolved with the suite's actor and agent dictionaries only (no built-in knowledge base),
as PETRARCH2 does in its own tests.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from wirecoder.coding.actors import ActorResolver
from wirecoder.coding.petrarch_coder import PetrarchVerbCoder
from wirecoder.resources.petrarch_dict import load_dictionaries
from wirecoder.resources.petrarch_verbs import load_discards, load_verb_dictionary

ACTORS = "PETR.Validate.actors.txt"
AGENTS = "PETR.Validate.agents.txt"
VERBS = "PETR.Validate.verbs.txt"
DISCARDS = "PETR.Validate.discards.txt"


def _date(text: str | None) -> date | None:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if text else None
    except (ValueError, TypeError):
        return None


def load_gold(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found; pass the PETRARCH2 unit-test gold JSONL "
                                "(../shared/data/petrarch2_unittest/petr_unittest_gold.jsonl)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_coder(dict_dir: Path) -> PetrarchVerbCoder:
    actor_paths = [dict_dir / ACTORS, dict_dir / AGENTS]
    for p in [*actor_paths, dict_dir / VERBS]:
        if not p.is_file():
            raise FileNotFoundError(f"{p} not found; pass the folder holding the PETRARCH validation dictionaries")
    resolver = ActorResolver(load_dictionaries(actor_paths))
    discards = load_discards(dict_dir / DISCARDS) if (dict_dir / DISCARDS).is_file() else []
    return PetrarchVerbCoder(resolver, load_verb_dictionary(dict_dir / VERBS), discards=discards)


def _norm(code: str | None) -> str | None:
    return code.upper() if code else None


def run_petrarch_eval(gold_path: Path | str, dict_dir: Path | str, *, limit: int = 0) -> dict[str, Any]:
    """Code every record of the suite and compare with its gold triples; returns the figures and misses."""
    from wirecoder.nlp.pipeline import load_nlp

    rows = load_gold(Path(gold_path))
    if limit:
        rows = rows[:limit]
    coder = build_coder(Path(dict_dir))
    nlp = load_nlp()
    found = total = emitted = correct = 0
    noevent_records = noevent_errors = 0
    marked_records = marked_errors = 0  # records with the suite's own "noevents" flag
    noevent_error_ids: list[str] = []
    misses: list[dict[str, Any]] = []
    extras: list[dict[str, Any]] = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        events = coder.code_doc(doc, _date(row.get("date")))
        got = {(_norm(e.source_code), _norm(e.target_code), e.cameo_root) for e in events}
        gold = {(_norm(g.get("source")), _norm(g.get("target")), str(g["event"])[:2])
                for g in row["gold_events"] if g.get("event")}
        expect_none = bool(row.get("noevents")) or not gold
        if expect_none:
            noevent_records += 1
            noevent_errors += bool(got)
            if got:
                noevent_error_ids.append(row["id"])
        if row.get("noevents"):
            marked_records += 1
            marked_errors += bool(got)
        total += len(gold)
        found += len(gold & got)
        emitted += len(got)
        correct += len(got & gold)
        if gold - got:
            misses.append({"id": row["id"], "missing": sorted(map(str, gold - got)), "got": sorted(map(str, got))})
        if got - gold:
            extras.append({"id": row["id"], "extra": sorted(map(str, got - gold))})
    return {
        "records": len(rows),
        "gold_triples": total,
        "found": found,
        "recall": found / total if total else 0.0,
        "emitted": emitted,
        "correct": correct,
        "precision": correct / emitted if emitted else 0.0,
        "noevent_records": noevent_records,
        "noevent_errors": noevent_errors,
        "noevent_error_ids": noevent_error_ids,
        "marked_noevent_records": marked_records,
        "marked_noevent_errors": marked_errors,
        "misses": misses,
        "extras": extras,
    }
