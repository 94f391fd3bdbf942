"""Read-only access to a wirecoder database for the web server, safe across request threads.

DuckDB: one read-only connection per app and a fresh cursor per request (DuckDB connections must not
be used from several threads at once; cursors are its per-thread handles). Read-only also means the
server can never change the data it shows. PostgreSQL: one connection per request.
"""

from __future__ import annotations

import json
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..schema import HIDDEN_MODALITIES
from ..store import EventQuery, Store, StoreError, resolve_url
from ..store.backends import DuckDBBackend, connect


class _CursorBackend(DuckDBBackend):
    """DuckDBBackend over one cursor of a shared read-only connection."""

    def __init__(self, cursor: Any, path: str) -> None:  # no connect: the cursor is the connection
        self.con = cursor
        self.path = path


class ReadStore(Store):
    """Store plus the aggregate queries behind the API's views, over the events Store.event_where selects."""

    def timeline(self, f: EventQuery) -> dict[str, Any]:
        where, params = self.event_where(f)
        days: dict[str, dict[str, Any]] = {}
        for day, etype, quad, n in self.db.execute(
                f"SELECT e.date, e.event_type, e.quad_class, count(*) FROM events e "
                f"WHERE {where} AND e.date IS NOT NULL GROUP BY e.date, e.event_type, e.quad_class "
                f"ORDER BY e.date", params):
            d = days.setdefault(day, {"date": day, "total": 0, "by_type": Counter(), "by_quad_class": Counter()})
            d["total"] += n
            d["by_type"][etype] += n
            d["by_quad_class"][str(quad) if quad is not None else "none"] += n
        undated = self.db.execute(f"SELECT count(*) FROM events e WHERE {where} AND e.date IS NULL", params)
        out = [{**d, "by_type": dict(d["by_type"]), "by_quad_class": dict(d["by_quad_class"])}
               for d in days.values()]
        return {"days": out, "undated": int(undated[0][0])}

    def network(self, f: EventQuery, *, limit: int) -> dict[str, Any]:
        """Directed actor -> recipient edges with event counts per PLOVER type, strongest first."""
        where, params = self.event_where(f)
        edges: dict[tuple, dict[str, Any]] = {}
        for src_name, sc, dst_name, dc, etype, quad, n in self.db.execute(
                f"SELECT coalesce(x.name, x.text), x.country, coalesce(y.name, y.text), y.country, e.event_type, "
                f"e.quad_class, count(DISTINCT e.id) FROM events e "
                f"JOIN actors x ON x.event_id = e.id AND x.role = 'actor' "
                f"JOIN actors y ON y.event_id = e.id AND y.role = 'recipient' "
                f"WHERE {where} GROUP BY coalesce(x.name, x.text), x.country, coalesce(y.name, y.text), "
                f"y.country, e.event_type, e.quad_class", params):
            src, dst = (src_name or "?", sc), (dst_name or "?", dc)
            if src == dst:  # an actor acting on itself tells the network nothing
                continue
            e = edges.setdefault((src, dst), {
                "source": src[0], "source_country": src[1], "target": dst[0], "target_country": dst[1],
                "count": 0, "types": Counter(), "quad_classes": Counter()})
            # Each event has one type and one QuadClass, so per-type distinct counts add up exactly.
            e["count"] += n
            e["types"][etype] += n
            e["quad_classes"][str(quad)] += n
        top = sorted(edges.values(), key=lambda e: (-e["count"], e["source"], e["target"]))[:limit]
        nodes: dict[tuple, dict[str, Any]] = {}
        for e in top:
            for name, country in ((e["source"], e["source_country"]), (e["target"], e["target_country"])):
                node = nodes.setdefault((name, country), {"name": name, "country": country, "events": 0})
                node["events"] += e["count"]
        return {
            "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["name"])),
            "edges": [{**e, "types": dict(e["types"].most_common()), "quad_classes": dict(e["quad_classes"])}
                      for e in top],
        }

    def top_actors(self, f: EventQuery, *, by: str, role: str | None, limit: int) -> list[dict[str, Any]]:
        """Most frequent actors (by name), actor countries or actor sectors, counted in distinct events."""
        where, params = self.event_where(f)
        role_sql = ""
        if role:
            role_sql = " AND x.role = ?"
            params = [*params, role]
        base = f"FROM actors x JOIN events e ON e.id = x.event_id WHERE {where}{role_sql}"
        if by == "country":
            rows = self.db.execute(
                f"SELECT x.country, count(DISTINCT x.event_id) AS n {base} AND x.country IS NOT NULL "
                f"GROUP BY x.country ORDER BY n DESC, x.country LIMIT {int(limit)}", params)
            return [{"country": c, "events": int(n)} for c, n in rows]
        if by == "sector":
            # Sectors are a JSON list per actor: count each event once per sector in Python.
            per_sector: dict[str, set[str]] = defaultdict(set)
            for eid, sectors in self.db.execute(f"SELECT DISTINCT x.event_id, x.sectors {base}", params):
                for s in self._sector_list(sectors):
                    per_sector[s].add(eid)
            ranked = sorted(per_sector.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
            return [{"sector": s, "events": len(ids)} for s, ids in ranked]
        # Country breaks ties between same-named actors, so the order is the same on every request.
        rows = self.db.execute(
            f"SELECT coalesce(x.name, x.text) AS label, x.country, count(DISTINCT x.event_id) AS n, "
            f"max(x.sectors), max(x.wikidata) {base} GROUP BY coalesce(x.name, x.text), x.country "
            f"ORDER BY n DESC, label, x.country LIMIT {int(limit)}", params)
        return [{"name": label, "country": c, "events": int(n), "sectors": self._sector_list(sec),
                 "wikidata": wd} for label, c, n, sec, wd in rows]

    @staticmethod
    def _sector_list(raw: str | None) -> list[str]:
        return list(json.loads(raw)) if raw else []

    def stats(self) -> dict[str, Any]:
        counts = self.counts()
        by_modality = dict(self.db.execute(
            "SELECT coalesce(modality, 'unknown'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"))
        visible, params = self.event_where(EventQuery())  # what the API and `wirecoder events` show by default
        by_type = dict(self.db.execute(
            f"SELECT e.event_type, count(*) FROM events e WHERE {visible} GROUP BY 1 ORDER BY 2 DESC", params))
        by_quad = {str(q): n for q, n in self.db.execute(
            f"SELECT e.quad_class, count(*) FROM events e WHERE {visible} GROUP BY 1 ORDER BY 1", params)}
        first, last, located = self.db.execute(
            f"SELECT min(e.date), max(e.date), count(e.lat) FROM events e WHERE {visible}", params)[0]
        return {
            "counts": counts,
            "events_visible": sum(by_type.values()),
            "events_hidden": sum(n for m, n in by_modality.items() if m in HIDDEN_MODALITIES),
            "events_located": int(located),
            "first_date": first, "last_date": last,
            "by_type": by_type, "by_quad_class": by_quad, "by_modality": by_modality,
        }


class StoreProvider:
    """Hands each request its own ReadStore over one database; close() when the app stops."""

    def __init__(self, db_url: str | None) -> None:
        self.url = resolve_url(db_url)
        self._lock = threading.Lock()
        self._root: Any = None
        self._path: str | None = None
        if self.url.startswith("duckdb://"):
            self._open_duckdb()
        else:
            connect(self.url).close()  # fail at start, not on the first request, when unreachable

    def _open_duckdb(self) -> None:
        import duckdb

        path = self.url[len("duckdb://"):]
        path = path[1:] if path.startswith("/") else path
        if not Path(path).is_file():
            raise StoreError(f"no wirecoder database at {path!r}: run `wirecoder ingest FILES --db {self.url}` "
                             "(or `wirecoder demo`) first, or pass the database with --db")
        try:
            self._root = duckdb.connect(path, read_only=True)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open DuckDB database {path!r} read-only: {exc}. If `wirecoder ingest` is "
                             "writing to it, wait for it to finish; then start the server again") from exc
        self._path = path
        tables = {r[0] for r in self._root.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "events" not in tables:
            self._root.close()
            raise StoreError(f"{path!r} is not a wirecoder database (no events table); pass the file that "
                             "`wirecoder ingest` wrote with --db")

    @contextmanager
    def store(self) -> Iterator[ReadStore]:
        if self._root is not None:
            with self._lock:
                cursor = self._root.cursor()
            backend = _CursorBackend(cursor, self._path or "")
        else:
            backend = connect(self.url)
        try:
            yield ReadStore(backend, self.url)
        finally:
            backend.close()

    def close(self) -> None:
        if self._root is not None:
            self._root.close()
            self._root = None
