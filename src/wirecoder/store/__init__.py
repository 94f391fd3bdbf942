"""Store: DuckDB (embedded, default) or PostgreSQL (server), same schema and queries."""

from __future__ import annotations

from .backends import DEFAULT_DB, StoreError, connect, resolve_url
from .export import EXPORT_FORMATS, write_events
from .store import DONE, FAILED, SKIPPED, CopyRecord, DocStatus, EventQuery, Store, StoreBatch

__all__ = [
    "DEFAULT_DB", "DONE", "EXPORT_FORMATS", "FAILED", "SKIPPED", "CopyRecord", "DocStatus", "EventQuery",
    "Store", "StoreBatch", "StoreError", "open_store", "resolve_url", "write_events",
]


def open_store(url: str | None = None, *, init: bool = True) -> Store:
    """Open (and by default create the tables of) the database at `url`: duckdb:///path, a bare path,
    postgresql://..., or None for $WIRECODER_DB / ./wirecoder.duckdb."""
    resolved = resolve_url(url)
    store = Store(connect(resolved), resolved)
    if init:
        store.init_schema()
    return store
