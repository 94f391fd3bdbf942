"""JSON in and out for `wirecoder actor`: a query's date, one query per batch line, and the answer object."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from wirecoder.coding.actors import ActorResolver
from wirecoder.schema import ActorRef


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


def resolve_batch_line(resolver: ActorResolver, obj: dict[str, Any]) -> dict[str, Any]:
    """One `wirecoder actor -` query {"text","context","date"} -> one answer object."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"batch query {obj!r} has no 'text'; send {{\"text\": \"...\"}}")
    on = parse_on(obj.get("date"))
    ctx = obj.get("context")
    ref = resolver.resolve(text, context=ctx.upper() if isinstance(ctx, str) and ctx else None, on=on)
    return ref_to_json(ref, text)


def actor_json(text: str, *, context: str | None = None, date_text: str | None = None,
               actor_dicts: Iterable[Path] = ()) -> dict[str, Any]:
    """`wirecoder actor "TEXT" [--context C] [--date D]`: the resolved actor as a JSON-able dict."""
    resolver = ActorResolver.load(actor_dicts)
    return resolve_batch_line(resolver, {"text": text, "context": context, "date": date_text})


def batch_query(line: str) -> dict[str, Any]:
    """One `wirecoder actor -` input line as a query. A JSON object is the query itself; anything else
    (plain text, a JSON string, a bare number) is the actor text, so a list of names can be piped in."""
    text = line.strip()
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        return {"text": text}
    if isinstance(obj, dict):
        return obj
    return {"text": obj if isinstance(obj, str) else text}


def actor_batch(lines: Iterable[str], *, actor_dicts: Iterable[Path] = ()) -> Iterator[str]:
    """`wirecoder actor -`: one query per input line -> one JSON answer per output line.

    A query that cannot be answered (a JSON object without "text", a bad date) yields
    {"text": ..., "error": "..."} so one mistake does not stop a long batch.
    """
    resolver = ActorResolver.load(actor_dicts)
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        query = batch_query(line)
        try:
            out = resolve_batch_line(resolver, query)
        except ValueError as exc:
            text = query.get("text")
            out = {"text": text if isinstance(text, str) else None, "error": f"input line {lineno}: {exc}"}
        yield json.dumps(out, ensure_ascii=False)
