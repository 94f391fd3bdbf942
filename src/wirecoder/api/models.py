"""Response models of the REST API: they document the JSON in the OpenAPI schema (/openapi.json).

The event fields are DESIGN.md's event record (schema.Event.to_dict()); see EVENT_JSON_SCHEMA there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field


class ActorOut(BaseModel):
    text: str = Field(description="The words of the article that name the actor.")
    name: str | None = Field(None, description="Resolved canonical name.")
    country: str | None = Field(None, description="ISO 3166 alpha-3 or a PLOVER non-state code (IGO, UNO, NGO ...).")
    sectors: list[str] = Field(default_factory=list, description="PLOVER sector codes (GOV, MIL, REB ...).")
    wikidata: str | None = None


class AttributionOut(BaseModel):
    text: str
    name: str | None = None
    country: str | None = None
    sectors: list[str] = Field(default_factory=list)


class LocationOut(BaseModel):
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: str | None = Field(None, description="point | city | admin1 | region | country")


class EventOut(BaseModel):
    id: str
    article_id: str
    url: str | None = None
    source: str | None = None
    sentence: str = Field(description="Verbatim evidence sentence from the article's clean text.")
    char_start: int
    char_end: int
    event_type: str = Field(description="One of the 16 PLOVER event types.")
    mode: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    quad_class: int | None = Field(None, description="1 verbal coop., 2 material coop., 3 verbal conflict, "
                                                     "4 material conflict.")
    cameo_root: str | None = None
    plover_score: float | None = None
    acled: dict[str, str] | None = None
    actor: list[ActorOut] = Field(default_factory=list)
    recipient: list[ActorOut] = Field(default_factory=list)
    location: LocationOut | None = None
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    attribution: AttributionOut | None = None
    modality: str = Field(description="asserted | reported | future | hypothetical | negated | historical")
    confidence: float
    trigger: str | None = Field(None, description="The words that evoked the event.")


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters (all pages).")
    offset: int
    limit: int
    events: list[EventOut]


class SourceOut(BaseModel):
    key: str = Field(description="The input item (path, URL, path#line ...) that carried the story.")
    article_id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    similarity: float | None = Field(None, description="1.0 for the coded article and exact copies.")


class ArticleOut(BaseModel):
    id: str
    key: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    lang: str | None = None
    n_events: int | None = None


class EventDetail(BaseModel):
    event: EventOut
    article: ArticleOut | None = None
    sources: list[SourceOut] = Field(description="Every input that carried the event's article: the article "
                                                 "itself and its exact or near copies (syndicated versions).")


class PlaceOut(BaseModel):
    article_id: str
    text: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: str | None = None


class ActorCount(BaseModel):
    name: str | None = Field(None, description="Actor name (group_by=actor).")
    country: str | None = Field(None, description="Actor country (group_by=actor or country).")
    sector: str | None = Field(None, description="PLOVER sector (group_by=sector).")
    sectors: list[str] | None = Field(None, description="The actor's sectors (group_by=actor).")
    wikidata: str | None = None
    events: int = Field(description="Distinct events in which it takes part.")


class TimelineDay(BaseModel):
    date: str
    total: int
    by_type: dict[str, int]
    by_quad_class: dict[str, int]


class Timeline(BaseModel):
    days: list[TimelineDay]
    undated: int = Field(description="Matching events with no resolved date.")


class NetworkNode(BaseModel):
    name: str
    country: str | None = None
    events: int


class NetworkEdge(BaseModel):
    source: str
    source_country: str | None = None
    target: str
    target_country: str | None = None
    count: int = Field(description="Distinct events with this actor and this recipient.")
    types: dict[str, int]
    quad_classes: dict[str, int]


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Stats(BaseModel):
    counts: dict[str, int]
    events_visible: int
    events_hidden: int = Field(description="Negated and hypothetical events (stored, shown only on request).")
    events_located: int
    first_date: str | None = None
    last_date: str | None = None
    by_type: dict[str, int]
    by_quad_class: dict[str, int]
    by_modality: dict[str, int]


GeoJSON = dict[str, Any]
