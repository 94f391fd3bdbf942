"""The Store: schema, resumable-run bookkeeping, idempotent saves and event/place queries."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ..dedup import Signature, sig_to_hex
from ..schema import HIDDEN_MODALITIES, PLOVER_TYPES, Article, CodedArticle, Event, Place, SkippedInput
from .backends import Backend
from .schema_sql import DDL, SCHEMA_VERSION

DONE, SKIPPED, FAILED = "done", "skipped", "failed"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _json(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False, sort_keys=True)


def _unjson(s: str | None) -> Any:
    return None if s is None else json.loads(s)


@dataclass
class CopyRecord:
    """An input whose article is a copy (exact or near) of canonical article `canonical_id`."""

    canonical_id: str
    article: Article
    similarity: float = 1.0


@dataclass
class DocStatus:
    key: str
    status: str  # done | skipped | failed
    reason: str | None = None
    stage: str | None = None
    article_id: str | None = None

    @classmethod
    def from_skip(cls, s: SkippedInput, status: str = SKIPPED) -> DocStatus:
        return cls(s.key, status, s.reason, s.stage)


@dataclass
class StoreBatch:
    coded: list[tuple[CodedArticle, Signature | None]] = field(default_factory=list)
    copies: list[CopyRecord] = field(default_factory=list)
    statuses: list[DocStatus] = field(default_factory=list)


@dataclass
class EventQuery:
    actor: str | None = None  # name/text substring or country code of an actor or recipient
    event_type: str | None = None  # PLOVER type, or several separated by commas
    country: str | None = None  # event location country; actor countries for events with no location
    near: tuple[float, float, float] | None = None  # lat, lon, km
    since: str | None = None  # event date >= YYYY-MM-DD
    until: str | None = None  # event date <= YYYY-MM-DD
    limit: int | None = 100  # None: no limit
    include_hidden: bool = False  # include negated and hypothetical events
    article_id: str | None = None
    text: str | None = None  # case-insensitive substring of the evidence sentence
    located: bool = False  # only events with coordinates (what a map can show)
    offset: int = 0  # skip this many matching events (paging); count_events ignores limit and offset

    @classmethod
    def from_cli(cls, *, actor: str | None = None, type: str | None = None, country: str | None = None,
                 near: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int | None = 100, include_hidden: bool = False) -> EventQuery:
        """Build from CLI strings; raises ValueError naming the option and the expected form."""
        near_t = None
        if near:
            try:
                lat, lon, km = (float(x) for x in near.split(","))
            except ValueError:
                raise ValueError(f"--near {near!r}: expected LAT,LON,KM, e.g. 36.2,37.1,50") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
                raise ValueError(f"--near {near!r}: latitude -90..90, longitude -180..180, km > 0")
            near_t = (lat, lon, km)
        for opt, val in (("--since", since), ("--until", until)):
            if val is not None:
                try:
                    date.fromisoformat(val)
                except ValueError:
                    raise ValueError(f"{opt} {val!r}: expected YYYY-MM-DD") from None
        if type:
            bad = [t for t in type.upper().split(",") if t.strip() and t.strip() not in PLOVER_TYPES]
            if bad:
                raise ValueError(f"--type {type!r}: unknown PLOVER type(s) {', '.join(bad)}; "
                                 f"choose from {' '.join(PLOVER_TYPES)}")
        return cls(actor=actor, event_type=type, country=country, near=near_t, since=since, until=until,
                   limit=limit, include_hidden=include_hidden)


_HAVERSINE = ("2 * 6371.0 * asin(sqrt(power(sin(radians(e.lat - ?) / 2), 2) + cos(radians(?)) * "
              "cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2)))")


class Store:
    def __init__(self, backend: Backend, url: str) -> None:
        self.db = backend
        self.url = url

    # -- lifecycle ----------------------------------------------------------------------------
    def init_schema(self) -> None:
        with self.db.transaction():
            for stmt in DDL:
                self.db.execute(stmt)
            self.db.execute("INSERT INTO wirecoder_meta VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                            ["schema_version", str(SCHEMA_VERSION)])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- run bookkeeping ----------------------------------------------------------------------
    def document_statuses(self, keys: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            chunk = list(keys[i:i + 500])
            marks = ",".join("?" * len(chunk))
            for key, status in self.db.execute(f"SELECT key, status FROM documents WHERE key IN ({marks})", chunk):
                out[key] = status
        return out

    def document_status(self, key: str) -> str | None:
        return self.document_statuses([key]).get(key)

    def documents(self, status: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT key, status, reason, stage, article_id FROM documents"
        rows = self.db.execute(sql + (" WHERE status = ?" if status else "") + " ORDER BY key",
                               [status] if status else [])
        return [dict(zip(("key", "status", "reason", "stage", "article_id"), r, strict=True)) for r in rows]

    def record_skip(self, skip: SkippedInput, *, status: str = SKIPPED) -> None:
        self.save_batch(StoreBatch(statuses=[DocStatus.from_skip(skip, status)]))

    def counts(self) -> dict[str, int]:
        out = {t: self.db.execute(f"SELECT count(*) FROM {t}")[0][0]
               for t in ("articles", "article_sources", "events", "actors", "mentions", "places")}
        for status, n in self.db.execute("SELECT status, count(*) FROM documents GROUP BY status"):
            out[f"documents_{status}"] = n
        return out

    # -- dedup index (wirecoder.dedup.DedupIndex) ---------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]))

    def existing_articles(self, ids: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = list(ids[i:i + 500])
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return out

    def band_candidates(self, bands: list[str]) -> list[tuple[str, str]]:
        marks = ",".join("?" * len(bands))
        return [(r[0], r[1]) for r in self.db.execute(
            f"SELECT DISTINCT a.id, a.signature FROM lsh_bands b JOIN articles a ON a.id = b.article_id "
            f"WHERE b.band IN ({marks}) AND a.signature IS NOT NULL ORDER BY a.id", bands)]

    # -- saving -------------------------------------------------------------------------------
    def save_coded(self, coded: CodedArticle, *, signature: Signature | None = None) -> None:
        """Store one coded article (and its input's done status) in one transaction; repeatable."""
        status = DocStatus(coded.article.key or coded.article.id, DONE, article_id=coded.article.id)
        self.save_batch(StoreBatch(coded=[(coded, signature)], statuses=[status]))

    def save_batch(self, batch: StoreBatch) -> None:
        """Everything of one batch in one transaction: a crash leaves the batch wholly stored or absent."""
        rows: dict[str, list[tuple]] = defaultdict(list)
        now = _now()
        for coded, sig in batch.coded:
            a = coded.article
            rows["articles"].append((a.id, a.key, a.url, a.title, a.published, a.source, a.lang, a.text,
                                     len(coded.events), sig_to_hex(sig.sig) if sig else None, now))
            rows["article_sources"].append((a.id, a.key or a.id, a.id, a.url, a.source, a.title, a.published, 1.0))
            if sig:
                rows["lsh_bands"].extend((b, a.id) for b in sig.bands)
            for ev in coded.events:
                self._event_rows(ev, rows)
            for i, p in enumerate(coded.places):
                rows["places"].append((a.id, i, p.text, p.char_start, p.char_end, p.name, p.geonameid, p.lat,
                                       p.lon, p.country, p.admin1, p.precision, p.feature, p.score))
        for c in batch.copies:
            a = c.article
            rows["article_sources"].append((c.canonical_id, a.key or a.id, a.id, a.url, a.source, a.title,
                                            a.published, round(c.similarity, 4)))
        sql = {
            "articles": "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
            "article_sources": "INSERT INTO article_sources VALUES (?,?,?,?,?,?,?,?) "
                               "ON CONFLICT (article_id, key) DO NOTHING",
            "lsh_bands": "INSERT INTO lsh_bands VALUES (?,?) ON CONFLICT (band, article_id) DO NOTHING",
            "events": f"INSERT INTO events VALUES ({','.join('?' * 26)}) ON CONFLICT (id) DO NOTHING",
            "actors": "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (event_id, role, idx) DO NOTHING",
            "mentions": "INSERT INTO mentions VALUES (?,?,?,?,?) "
                        "ON CONFLICT (event_id, article_id, char_start) DO NOTHING",
            "places": f"INSERT INTO places VALUES ({','.join('?' * 14)}) ON CONFLICT (article_id, idx) DO NOTHING",
        }
        pk_len = {"articles": 1, "article_sources": 2, "lsh_bands": 2, "events": 1, "actors": 3, "mentions": 3,
                  "places": 2}
        statuses = {s.key: s for s in batch.statuses}  # last word per key wins within a batch
        with self.db.transaction():
            for table, stmt in sql.items():
                # DuckDB refuses two conflicting rows in one statement batch; keep the first of each key.
                seen: dict[tuple, tuple] = {}
                for r in rows[table]:
                    seen.setdefault(r[:pk_len[table]], r)
                self.db.executemany(stmt, list(seen.values()))
            self.db.executemany(
                "INSERT INTO documents VALUES (?,?,?,?,?,?) ON CONFLICT (key) DO UPDATE SET "
                "status = excluded.status, reason = excluded.reason, stage = excluded.stage, "
                "article_id = excluded.article_id, updated_at = excluded.updated_at",
                [(s.key, s.status, s.reason, s.stage, s.article_id, now) for s in statuses.values()],
            )

    @staticmethod
    def _event_rows(ev: Event, rows: dict[str, list[tuple]]) -> None:
        d = ev.to_dict()
        loc = d["location"]
        rows["events"].append((
            d["id"], d["article_id"], d["url"], d["source"], d["sentence"], d["char_start"], d["char_end"],
            d["event_type"], _json(d["mode"]), _json(d["context"]), d["quad_class"], d["cameo_root"],
            d["plover_score"], _json(d["acled"]), _json(loc), loc and loc.get("country"), loc and loc.get("lat"),
            loc and loc.get("lon"), loc and loc.get("geonameid"), d["date"], d["date_precision"],
            d["date_text"], _json(d["attribution"]), d["modality"], d["confidence"], d["trigger"],
        ))
        for role in ("actor", "recipient"):
            for i, a in enumerate(d[role]):
                rows["actors"].append((d["id"], role, i, a["text"], a["name"], a["country"], _json(a["sectors"]),
                                       a["wikidata"]))
        rows["mentions"].append((d["id"], d["article_id"], d["sentence"], d["char_start"], d["char_end"]))

    # -- queries ------------------------------------------------------------------------------
    _EVENT_COLS = ("id, article_id, url, source, sentence, char_start, char_end, event_type, mode, context, "
                   "quad_class, cameo_root, plover_score, acled, location, date, date_precision, date_text, "
                   "attribution, modality, confidence, trigger")

    @staticmethod
    def event_where(q: EventQuery) -> tuple[str, list[Any]]:
        """SQL condition on `events e` that selects q's events (limit and offset aside), and its parameters.

        The one definition of the event filters: `wirecoder events`, the REST API's pages and its
        aggregates (timeline, network, actor counts) all select through it, so they see the same events.
        """
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if not q.include_hidden:
            where.append(f"e.modality NOT IN ({','.join('?' * len(HIDDEN_MODALITIES))})")
            params += sorted(HIDDEN_MODALITIES)
        types = [t.strip().upper() for t in (q.event_type or "").split(",") if t.strip()]
        if types:  # "IN ()" is a syntax error; a list of only commas names no type
            where.append(f"e.event_type IN ({','.join('?' * len(types))})")
            params += types
        if q.actor:
            where.append("EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id AND "
                         "(lower(a.name) LIKE ? OR lower(a.text) LIKE ? OR a.country = ?))")
            pat = f"%{q.actor.lower()}%"
            params += [pat, pat, q.actor.upper()]
        if q.country:
            where.append("(e.loc_country = ? OR (e.loc_country IS NULL AND EXISTS (SELECT 1 FROM actors a "
                         "WHERE a.event_id = e.id AND a.country = ?)))")
            params += [q.country.upper(), q.country.upper()]
        if q.near:
            lat, lon, km = q.near
            where.append(f"e.lat IS NOT NULL AND e.lon IS NOT NULL AND {_HAVERSINE} <= ?")
            params += [lat, lat, lon, km]
        if q.since:
            where.append("e.date >= ?")
            params.append(q.since)
        if q.until:
            where.append("e.date <= ?")
            params.append(q.until)
        if q.text:
            where.append("lower(e.sentence) LIKE ?")
            params.append(f"%{q.text.lower()}%")
        if q.article_id:
            where.append("e.article_id = ?")
            params.append(q.article_id)
        if q.located:
            where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
        return " AND ".join(where), params

    def query_events(self, q: EventQuery | None = None, **kw: Any) -> list[dict[str, Any]]:
        """Events as dicts shaped exactly like Event.to_dict(), newest first (ties by id, so pages are stable)."""
        q = q or EventQuery(**kw)
        where, params = self.event_where(q)
        sql = f"SELECT {self._EVENT_COLS} FROM events e WHERE {where} ORDER BY e.date DESC NULLS LAST, e.id"
        if q.limit is not None:
            sql += f" LIMIT {int(q.limit)}"
        if q.offset:
            sql += f" OFFSET {int(q.offset)}"
        return self._events(sql, params)

    def count_events(self, q: EventQuery | None = None, **kw: Any) -> int:
        """How many events q selects, whatever its limit and offset (the total behind a page)."""
        where, params = self.event_where(q or EventQuery(**kw))
        return int(self.db.execute(f"SELECT count(*) FROM events e WHERE {where}", params)[0][0])

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event by id, whatever its modality; None when there is none."""
        found = self._events(f"SELECT {self._EVENT_COLS} FROM events e WHERE e.id = ?", [event_id])
        return found[0] if found else None

    def _events(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        rows = self.db.execute(sql, params)
        actors = self._actors_of([r[0] for r in rows])
        return [self._event_dict(r, actors) for r in rows]

    def _actors_of(self, event_ids: list[str]) -> dict[tuple[str, str], list[dict[str, Any]]]:
        out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for eid, role, _idx, text, name, country, sectors, wikidata in self.db.execute(
                    f"SELECT event_id, role, idx, text, name, country, sectors, wikidata FROM actors "
                    f"WHERE event_id IN ({marks}) ORDER BY event_id, role, idx", chunk):
                out[(eid, role)].append({"text": text, "name": name, "country": country,
                                         "sectors": _unjson(sectors) or [], "wikidata": wikidata})
        return out

    @staticmethod
    def _event_dict(r: tuple, actors: dict[tuple[str, str], list[dict[str, Any]]]) -> dict[str, Any]:
        (eid, article_id, url, source, sentence, cs, ce, etype, mode, context, quad, cameo, score, acled,
         location, date, date_precision, date_text, attribution, modality, confidence, trigger) = r
        return {
            "id": eid, "article_id": article_id, "url": url, "source": source, "sentence": sentence,
            "char_start": cs, "char_end": ce, "event_type": etype, "mode": _unjson(mode) or [],
            "context": _unjson(context) or [], "quad_class": quad, "cameo_root": cameo, "plover_score": score,
            "acled": _unjson(acled), "actor": actors.get((eid, "actor"), []),
            "recipient": actors.get((eid, "recipient"), []), "location": _unjson(location), "date": date,
            "date_precision": date_precision, "date_text": date_text, "attribution": _unjson(attribution),
            "modality": modality, "confidence": confidence, "trigger": trigger,
        }

    def event_sources(self, event_id: str) -> list[dict[str, Any]]:
        """Every input that carried the event's story: its own article and the copies of it."""
        rows = self.db.execute(
            "SELECT s.key, s.copy_id, s.url, s.source, s.title, s.similarity FROM events e "
            "JOIN article_sources s ON s.article_id = e.article_id WHERE e.id = ? ORDER BY s.key", [event_id])
        return [dict(zip(("key", "article_id", "url", "source", "title", "similarity"), r, strict=True))
                for r in rows]

    def query_places(self, *, article_id: str | None = None, country: str | None = None,
                     text: str | None = None, limit: int | None = 1000) -> list[dict[str, Any]]:
        where, params = ["1 = 1"], []
        if article_id:
            where.append("article_id = ?")
            params.append(article_id)
        if country:
            where.append("country = ?")
            params.append(country.upper())
        if text:
            where.append("lower(text) LIKE ?")
            params.append(f"%{text.lower()}%")
        sql = (f"SELECT article_id, text, char_start, char_end, name, geonameid, lat, lon, country, admin1, "
               f"precision FROM places WHERE {' AND '.join(where)} ORDER BY article_id, idx")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        keys = ("article_id", *Place(text="").to_mention().keys())
        return [dict(zip(keys, r, strict=True)) for r in self.db.execute(sql, params)]

    def articles(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, key, url, title, published, source, lang, n_events FROM articles"
        params: list[Any] = []
        if ids is not None:
            ids = list(ids)
            sql += f" WHERE id IN ({','.join('?' * len(ids))})" if ids else " WHERE 1 = 0"
            params = ids
        rows = self.db.execute(sql + " ORDER BY id", params)
        return [dict(zip(("id", "key", "url", "title", "published", "source", "lang", "n_events"), r, strict=True))
                for r in rows]
