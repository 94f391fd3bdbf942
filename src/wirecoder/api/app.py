"""The REST API (OpenAPI at /openapi.json, docs at /docs) and the web UI at /, served by one FastAPI app.

Read-only: the app never writes to the database. Every view takes the same event filters as
`wirecoder events`, so the map, timeline, network and actor tables always describe one set of events.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..schema import HIDDEN_MODALITIES, MODALITIES, PLOVER_TYPES
from ..store import EventQuery, StoreError
from ..store.export import geojson
from . import models
from .basemap import country_outlines_json
from .filters import FilterError, parse_near, parse_types
from .readstore import ReadStore, StoreProvider

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

# DESIGN.md's QuadClass of each PLOVER type (the type list is ordered by QuadClass).
QUAD_CLASS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


def _invalid(field: str, message: str, value: Any = None) -> RequestValidationError:
    """A 422 like FastAPI's own validation errors, for checks that its types cannot express."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", field), "msg": message,
                                    "input": value}])


def get_store(request: Request) -> Iterator[ReadStore]:
    with request.app.state.stores.store() as store:
        yield store


def event_filter(
    actor: Annotated[str | None, Query(max_length=200, description=(
        "Actor or recipient: substring of its name or text, or its country code (e.g. RUS)."))] = None,
    type: Annotated[str | None, Query(max_length=300, description=(
        "PLOVER event type(s), comma-separated, e.g. ASSAULT,COERCE."))] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description=(
        "ISO alpha-3 of the event's location (or of its actors when it has no location)."))] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: events within KM km of the point.",
                                      examples=["36.2,37.1,50"])] = None,
    since: Annotated[date | None, Query(description="Event date on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Event date on or before (YYYY-MM-DD).")] = None,
    q: Annotated[str | None, Query(max_length=200, description=(
        "Case-insensitive substring of the evidence sentence."))] = None,
    include_hidden: Annotated[bool, Query(description=(
        f"Also include {' and '.join(sorted(HIDDEN_MODALITIES))} events (excluded by default)."))] = False,
) -> EventQuery:
    try:
        types = parse_types(type)
        near_t = parse_near(near)
    except FilterError as exc:
        raise _invalid(exc.field, str(exc), type if exc.field == "type" else near) from None
    if since and until and since > until:
        raise _invalid("until", f"until {until} is before since {since}; swap them", str(until))
    # No limit here: each endpoint sets its own page size.
    return EventQuery(actor=actor or None, event_type=",".join(types) or None, country=country, near=near_t,
                      since=since and since.isoformat(), until=until and until.isoformat(), text=q or None,
                      include_hidden=include_hidden, limit=None)


StoreDep = Annotated[ReadStore, Depends(get_store)]
FilterDep = Annotated[EventQuery, Depends(event_filter)]


def _register_api(app: FastAPI) -> None:
    @app.get("/api/events", response_model=models.EventPage, tags=["events"],
             summary="Events matching the filters, newest first")
    def list_events(store: StoreDep, f: FilterDep,
                    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> dict[str, Any]:
        return {"total": store.count_events(f), "offset": offset, "limit": limit,
                "events": store.query_events(replace(f, limit=limit, offset=offset))}

    @app.get("/api/events.geojson", tags=["events"], response_class=JSONResponse,
             summary="Located events as a GeoJSON FeatureCollection (events without coordinates are left out)",
             responses={200: {"content": {"application/geo+json": {}}}})
    def events_geojson(store: StoreDep, f: FilterDep,
                       limit: Annotated[int, Query(ge=1, le=10_000)] = 2000) -> JSONResponse:
        fc = geojson(store.query_events(replace(f, located=True, limit=limit)))
        return JSONResponse(jsonable_encoder(fc), media_type="application/geo+json")

    @app.get("/api/events/{event_id}", response_model=models.EventDetail, tags=["events"],
             summary="One event with its article and every source that carried the story",
             responses={404: {"description": "No event with this id"}})
    def get_event(store: StoreDep, event_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        ev = store.event(event_id)
        if ev is None:
            raise HTTPException(404, f"no event with id {event_id!r}; ids come from /api/events")
        articles = store.articles([ev["article_id"]])
        return {"event": ev, "article": articles[0] if articles else None,
                "sources": store.event_sources(event_id)}

    @app.get("/api/places", response_model=list[models.PlaceOut], tags=["places"],
             summary="Toponym mentions found in the articles, with their resolution")
    def list_places(store: StoreDep,
                    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None,
                    text: Annotated[str | None, Query(max_length=200, description="Substring of the mention.")] = None,
                    article_id: Annotated[str | None, Query(max_length=64)] = None,
                    limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> list[dict[str, Any]]:
        return store.query_places(article_id=article_id, country=country, text=text, limit=limit)

    @app.get("/api/actors", response_model=list[models.ActorCount], response_model_exclude_unset=True,
             tags=["aggregates"],
             summary="Most frequent actors, actor countries or actor sectors among the matching events")
    def top_actors(store: StoreDep, f: FilterDep,
                   group_by: Annotated[Literal["actor", "country", "sector"], Query()] = "actor",
                   role: Annotated[Literal["actor", "recipient", "any"], Query(
                       description="Count initiators, targets or both.")] = "any",
                   limit: Annotated[int, Query(ge=1, le=500)] = 25) -> list[dict[str, Any]]:
        return store.top_actors(f, by=group_by, role=None if role == "any" else role, limit=limit)

    @app.get("/api/timeline", response_model=models.Timeline, tags=["aggregates"],
             summary="Matching events per day, by PLOVER type and QuadClass")
    def timeline(store: StoreDep, f: FilterDep) -> dict[str, Any]:
        return store.timeline(f)

    @app.get("/api/network", response_model=models.Network, tags=["aggregates"],
             summary="Actor -> recipient edges with event counts and types, strongest first")
    def network(store: StoreDep, f: FilterDep, limit: Annotated[int, Query(ge=1, le=500)] = 40) -> dict[str, Any]:
        return store.network(f, limit=limit)

    @app.get("/api/stats", response_model=models.Stats, tags=["aggregates"],
             summary="Database totals: tables, events by type, QuadClass and modality")
    def stats(store: StoreDep) -> dict[str, Any]:
        return store.stats()

    @app.get("/api/vocabulary", tags=["reference"], summary="PLOVER types with their QuadClass; modalities")
    def vocabulary() -> dict[str, Any]:
        return {"types": [{"type": t, "quad_class": QUAD_CLASS[t]} for t in PLOVER_TYPES],
                "modalities": list(MODALITIES), "hidden_modalities": sorted(HIDDEN_MODALITIES)}

    @app.get("/api/basemap.geojson", tags=["reference"], response_class=Response,
             summary="Country outlines (from the countryinfo package) for the offline map",
             responses={200: {"content": {"application/geo+json": {}}}, 304: {"description": "Not modified"}})
    def basemap(request: Request) -> Response:
        body, etag = country_outlines_json()
        headers = {"ETag": etag, "Cache-Control": "public, max-age=86400"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/geo+json", headers=headers)


def _register_ui(app: FastAPI) -> None:
    if not (STATIC_DIR / "index.html").is_file():
        raise StoreError(f"web UI files missing from {STATIC_DIR}; reinstall wirecoder")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")


def create_app(db_url: str | None = None) -> FastAPI:
    """The API and web UI over the database at `db_url` (see store.resolve_url); opened read-only now,
    so a missing or locked database fails here with a StoreError that says what to do."""
    provider = StoreProvider(db_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        provider.close()

    app = FastAPI(
        title="wirecoder", version=__version__, lifespan=lifespan,
        description="Geocoded, source-attributed PLOVER events coded from news articles. Negated and "
                    "hypothetical events are stored but only returned with include_hidden=true.",
    )
    app.state.stores = provider

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = jsonable_encoder(exc.errors())
        message = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', [])[1:]) or 'request'}: {e.get('msg')}"
                            for e in errors)
        return JSONResponse({"detail": errors, "message": message}, status_code=422)

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    _register_api(app)
    _register_ui(app)
    return app
