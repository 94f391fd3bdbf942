"""Typed records passed between pipeline stages, and the event output schema.

Data flows one way: RawDocument -> Article -> (spaCy Doc) -> Event. Every stage takes and returns
these records; nothing downstream reaches back into an earlier stage's internals.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "reported", "future", "hypothetical", "negated", "historical")
# Excluded from default queries and exports; stored all the same.
HIDDEN_MODALITIES: frozenset[str] = frozenset({"negated", "hypothetical"})
PRECISIONS: tuple[str, ...] = ("point", "city", "admin1", "region", "country")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


def stable_hash(*parts: object, length: int = 16) -> str:
    """Short, deterministic hex digest of the given parts (used for every id we mint)."""
    h = hashlib.sha1()
    for p in parts:
        h.update(repr(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass
class RawDocument:
    """One input item as read from disk, a feed, a WARC record or a URL, before extraction."""

    key: str  # where it came from: path, path#line, url, or warc path#record-id; unique per input item
    html: str | None = None
    text: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as given by the input (ISO string), resolved during extraction
    source: str | None = None
    fetched_at: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    """Clean article text with its metadata; `id` is a content hash so re-ingesting changes nothing."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = "en"
    key: str | None = None  # RawDocument.key it came from
    meta: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def make_id(text: str) -> str:
        return "a" + stable_hash(" ".join(text.split()))


@dataclass
class SkippedInput:
    """An input item that produced no article, and why; reported to the user, never silently dropped."""

    key: str
    reason: str
    stage: str = "ingest"  # ingest | extract | nlp | code | store


@dataclass
class ActorRef:
    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166 alpha-3 or PLOVER non-state code (IGO UNO EUR NGO ...)
    sectors: list[str] = field(default_factory=list)
    wikidata: str | None = None
    wikipedia: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "name": self.name, "country": self.country,
            "sectors": list(self.sectors), "wikidata": self.wikidata,
        }


@dataclass
class Place:
    """A resolved toponym mention (also used as an event's location)."""

    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    precision: str | None = None  # one of PRECISIONS
    char_start: int | None = None  # offsets into Article.text
    char_end: int | None = None
    feature: str | None = None  # gazetteer feature class (city, admin1, country, region, ...)
    score: float | None = None

    def to_location(self) -> dict[str, Any]:
        return {
            "text": self.text, "name": self.name, "geonameid": self.geonameid,
            "lat": self.lat, "lon": self.lon, "country": self.country,
            "admin1": self.admin1, "precision": self.precision,
        }

    def to_mention(self) -> dict[str, Any]:
        return {
            "text": self.text, "char_start": self.char_start, "char_end": self.char_end,
            "name": self.name, "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
            "country": self.country, "admin1": self.admin1, "precision": self.precision,
        }


@dataclass
class Event:
    article_id: str
    sentence: str
    char_start: int
    char_end: int
    event_type: str
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    location: Place | None = None
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    attribution: ActorRef | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    url: str | None = None
    source: str | None = None
    trigger: str | None = None  # the words that evoked the event (evidence, not part of DESIGN's core)
    quad_class: int | None = None
    cameo_root: str | None = None
    plover_score: float | None = None
    acled: dict[str, str] | None = None

    @property
    def id(self) -> str:
        return "e" + stable_hash(
            self.article_id, self.char_start, self.char_end, self.event_type,
            tuple(a.name or a.text for a in self.actor), tuple(r.name or r.text for r in self.recipient),
            self.trigger,
        )

    def to_dict(self) -> dict[str, Any]:
        att = None
        if self.attribution is not None:
            a = self.attribution
            att = {"text": a.text, "name": a.name, "country": a.country, "sectors": list(a.sectors)}
        return {
            "id": self.id,
            "article_id": self.article_id,
            "url": self.url,
            "source": self.source,
            "sentence": self.sentence,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "event_type": self.event_type,
            "mode": list(self.mode),
            "context": list(self.context),
            "quad_class": self.quad_class,
            "cameo_root": self.cameo_root,
            "plover_score": self.plover_score,
            "acled": self.acled,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "location": self.location.to_location() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "attribution": att,
            "modality": self.modality,
            "confidence": round(float(self.confidence), 3),
            "trigger": self.trigger,
        }


@dataclass
class CodedArticle:
    """Everything the coder produced for one article: what the store persists."""

    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)


def to_jsonable(obj: Any) -> Any:
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    return obj


_ACTOR_SCHEMA = {
    "type": "object",
    "required": ["text", "name", "country", "sectors", "wikidata"],
    "properties": {
        "text": {"type": "string", "minLength": 1},
        "name": {"type": ["string", "null"]},
        "country": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
        "sectors": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{3}$"}},
        "wikidata": {"type": ["string", "null"], "pattern": "^Q[0-9]+$"},
    },
}

# JSON Schema of one exported event record (DESIGN.md); tests validate every emitted event against it.
EVENT_JSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "id", "article_id", "url", "source", "sentence", "char_start", "char_end", "event_type", "mode",
        "context", "quad_class", "cameo_root", "plover_score", "acled", "actor", "recipient", "location",
        "date", "date_precision", "attribution", "modality", "confidence",
    ],
    "properties": {
        "id": {"type": "string", "minLength": 8},
        "article_id": {"type": "string", "minLength": 1},
        "url": {"type": ["string", "null"]},
        "source": {"type": ["string", "null"]},
        "sentence": {"type": "string", "minLength": 1},
        "char_start": {"type": "integer", "minimum": 0},
        "char_end": {"type": "integer", "minimum": 1},
        "event_type": {"enum": list(PLOVER_TYPES)},
        "mode": {"type": "array", "items": {"type": "string"}},
        "context": {"type": "array", "items": {"type": "string"}},
        "quad_class": {"enum": [1, 2, 3, 4]},
        "cameo_root": {"type": "string", "pattern": "^[0-2][0-9]$"},
        "plover_score": {"type": "number", "minimum": -10, "maximum": 10},
        "acled": {
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["event_type", "sub_event_type"],
                    "properties": {"event_type": {"type": "string"}, "sub_event_type": {"type": "string"}},
                },
            ]
        },
        "actor": {"type": "array", "items": _ACTOR_SCHEMA},
        "recipient": {"type": "array", "items": _ACTOR_SCHEMA},
        "location": {
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["text", "name", "geonameid", "lat", "lon", "country", "admin1", "precision"],
                    "properties": {
                        "text": {"type": "string"},
                        "geonameid": {"type": ["integer", "null"]},
                        "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
                        "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
                        "country": {"type": ["string", "null"]},
                        "precision": {"enum": [*PRECISIONS, None]},
                    },
                },
            ]
        },
        "date": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "date_precision": {"enum": [*DATE_PRECISIONS, None]},
        "attribution": {
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["text", "name", "country", "sectors"],
                    "properties": {"text": {"type": "string"}, "sectors": {"type": "array"}},
                },
            ]
        },
        "modality": {"enum": list(MODALITIES)},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    },
}
