"""REST API over a database built by the real pipeline from a few articles written here.

Expected answers come from the store's own queries (`wirecoder events`' code path) or are recomputed
in plain Python from the stored event records, never typed in by hand.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from pg_fixture import pg_server, pg_url  # noqa: F401 - fixtures
from wirecoder.api.app import create_app
from wirecoder.cli import app as cli_app
from wirecoder.runner import run_ingest
from wirecoder.schema import HIDDEN_MODALITIES
from wirecoder.store import EventQuery, StoreError, open_store

# Our own short wire stories; the fourth is a syndicated copy of the first (same text, other outlet).
SHELLING = ("Government troops shelled rebel positions near Aleppo on Monday, killing six fighters, a monitoring "
            "group said. The opposition coalition condemned the shelling.")
ARTICLES = [
    {"id": "t1", "title": "Shelling near Aleppo", "text": SHELLING, "published": "2023-05-10",
     "source": "Test Wire", "url": "https://example.org/t1"},
    {"id": "t2", "title": "Nairobi protest", "published": "2023-06-02", "source": "East Desk",
     "url": "https://example.org/t2",
     "text": "Police fired tear gas at protesters in Nairobi on Tuesday. Kenya and Tanzania signed a trade "
             "agreement in Dodoma on Wednesday."},
    {"id": "t3", "title": "Denial", "published": "2023-06-20", "source": "Lagos Ledger",
     "url": "https://example.org/t3",
     "text": "The Nigerian army did not attack the village of Gwoza on Friday, the defence ministry said. "
             "Rebels could attack the town of Maiduguri next week, officials warned."},
    {"id": "t4", "title": "Shelling near Aleppo (syndicated)", "text": SHELLING, "published": "2023-05-10",
     "source": "Copy Herald", "url": "https://example.org/copy"},
]

# Filter cases checked against Store.query_events (API name -> value).
FILTER_CASES: list[dict[str, str]] = [
    {"type": "ASSAULT"}, {"type": "assault,accuse"}, {"actor": "kenya"}, {"actor": "SYR"}, {"country": "SYR"},
    {"country": "ken"}, {"since": "2023-05-20"}, {"until": "2023-05-20"}, {"near": "36.2,37.16,60"},
    {"type": "ASSAULT", "since": "2023-05-01", "until": "2023-06-30", "include_hidden": "true"},
    {"q": "ATTACK", "include_hidden": "true"}, {"q": "tear gas", "country": "KEN"},
]


@dataclass
class Built:
    url: str
    events: list[dict[str, Any]]  # every stored event, hidden ones included, in the store's order
    by_case: list[list[str]]  # ids Store.query_events returns for each FILTER_CASES entry

    @property
    def visible(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e["modality"] not in HIDDEN_MODALITIES]


def _store_query(case: dict[str, str]) -> EventQuery:
    q = EventQuery.from_cli(actor=case.get("actor"), type=case.get("type"), country=case.get("country"),
                            near=case.get("near"), since=case.get("since"), until=case.get("until"),
                            limit=None, include_hidden=case.get("include_hidden") == "true")
    q.text = case.get("q")  # sentence search: an API parameter that the CLI does not offer
    return q


def build_db(root: Path, url: str | None = None) -> Built:
    """Ingest ARTICLES with the real pipeline; read what the store holds before any app opens it."""
    src = root / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    url = url or f"duckdb:///{root / 'events.duckdb'}"
    summary = run_ingest([str(src)], db_url=url, progress=False)
    assert summary.failed == 0 and summary.duplicates == 1, summary.as_dict()
    with open_store(url) as store:
        events = store.query_events(EventQuery(limit=None, include_hidden=True))
        by_case = [[e["id"] for e in store.query_events(_store_query(c))] for c in FILTER_CASES]
    return Built(url, events, by_case)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    b = build_db(tmp_path_factory.mktemp("api"))
    # The premises the tests below rely on: hidden events exist, and so do located and dyadic ones.
    assert any(e["modality"] in HIDDEN_MODALITIES for e in b.events), "no negated/hypothetical event coded"
    assert any(e["location"] for e in b.visible) and any(e["actor"] and e["recipient"] for e in b.visible)
    return b


@pytest.fixture(scope="module")
def client(built: Built) -> Iterator[TestClient]:
    with TestClient(create_app(built.url)) as c:
        yield c


def ids(events: list[dict[str, Any]]) -> list[str]:
    return [e["id"] for e in events]


def label(a: dict[str, Any]) -> str:
    return a["name"] or a["text"]


# -- events ---------------------------------------------------------------------------------------
def test_default_excludes_hidden_modalities_and_the_flag_includes_them(client, built):
    page = client.get("/api/events", params={"limit": 1000}).json()
    assert ids(page["events"]) == ids(built.visible)
    assert page["total"] == len(built.visible) < len(built.events)
    assert not {e["modality"] for e in page["events"]} & HIDDEN_MODALITIES
    everything = client.get("/api/events", params={"limit": 1000, "include_hidden": "true"}).json()
    assert ids(everything["events"]) == ids(built.events)
    assert everything["events"] == built.events  # records exactly as the store (and Event.to_dict) gives them


@pytest.mark.parametrize("case", range(len(FILTER_CASES)))
def test_filters_agree_with_the_events_command(client, built, case):
    params = {**FILTER_CASES[case], "limit": 1000}
    page = client.get("/api/events", params=params).json()
    assert ids(page["events"]) == built.by_case[case]
    assert page["total"] == len(built.by_case[case])


def test_filters_select_what_they_name(client, built):
    assaults = client.get("/api/events", params={"type": "ASSAULT"}).json()["events"]
    assert assaults and {e["event_type"] for e in assaults} == {"ASSAULT"}
    days = sorted(e["date"] for e in built.visible if e["date"])
    mid = days[len(days) // 2]
    later = client.get("/api/events", params={"since": mid}).json()["events"]
    assert later and all(e["date"] >= mid for e in later)
    assert ids(later) == [e["id"] for e in built.visible if e["date"] and e["date"] >= mid]


def test_sentence_search(client, built):
    word = "shelled"
    got = client.get("/api/events", params={"q": word.upper()}).json()["events"]
    assert ids(got) == [e["id"] for e in built.visible if word in e["sentence"].lower()]
    assert got
    assert client.get("/api/events", params={"q": "no such words anywhere"}).json()["total"] == 0


def test_paging_with_offset(client, built):
    seen: list[str] = []
    for offset in range(0, len(built.visible) + 2, 2):
        page = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        assert page["total"] == len(built.visible) and page["offset"] == offset
        seen += ids(page["events"])
    assert seen == ids(built.visible)


def test_one_event_with_all_its_sources(client, built):
    ev = next(e for e in built.visible if "shelled" in e["sentence"])
    body = client.get(f"/api/events/{ev['id']}").json()
    assert body["event"] == ev
    assert body["article"]["title"] == "Shelling near Aleppo"
    urls = sorted(s["url"] for s in body["sources"])
    assert urls == ["https://example.org/copy", "https://example.org/t1"]  # the syndicated copy is a source
    hidden = next(e for e in built.events if e["modality"] in HIDDEN_MODALITIES)
    assert client.get(f"/api/events/{hidden['id']}").json()["event"]["modality"] == hidden["modality"]


def test_unknown_event_is_404(client):
    r = client.get("/api/events/enosuchevent")
    assert r.status_code == 404 and "enosuchevent" in r.json()["detail"]


def test_geojson_has_exactly_the_located_events(client, built):
    r = client.get("/api/events.geojson")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    located = [e for e in built.visible if e["location"] and e["location"]["lat"] is not None]
    assert [f["id"] for f in fc["features"]] == ids(located)
    for f, e in zip(fc["features"], located, strict=True):
        assert f["geometry"]["coordinates"] == [e["location"]["lon"], e["location"]["lat"]]
    limited = client.get("/api/events.geojson", params={"limit": 1}).json()
    assert len(limited["features"]) == 1  # the limit counts mappable events only


# -- places, aggregates ---------------------------------------------------------------------------
def test_places(client, built):
    places = client.get("/api/places").json()
    assert places and all({"article_id", "text", "char_start", "lat", "country"} <= p.keys() for p in places)
    country = next(p["country"] for p in places if p["country"])
    sub = client.get("/api/places", params={"country": country.lower()}).json()
    assert sub and {p["country"] for p in sub} == {country}
    text = places[0]["text"]
    assert all(text.lower() in p["text"].lower()
               for p in client.get("/api/places", params={"text": text}).json())


def test_actor_counts_match_the_records(client, built):
    per_actor: dict[tuple, set[str]] = defaultdict(set)
    per_country: dict[str, set[str]] = defaultdict(set)
    per_sector: dict[str, set[str]] = defaultdict(set)
    for e in built.visible:
        for a in e["actor"] + e["recipient"]:
            per_actor[(label(a), a["country"])].add(e["id"])
            if a["country"]:
                per_country[a["country"]].add(e["id"])
            for s in a["sectors"]:
                per_sector[s].add(e["id"])
    got = client.get("/api/actors", params={"limit": 500}).json()
    assert {(r["name"], r["country"]): r["events"] for r in got} == {k: len(v) for k, v in per_actor.items()}
    assert [r["events"] for r in got] == sorted((r["events"] for r in got), reverse=True)
    got = client.get("/api/actors", params={"group_by": "country", "limit": 500}).json()
    assert {r["country"]: r["events"] for r in got} == {k: len(v) for k, v in per_country.items()}
    got = client.get("/api/actors", params={"group_by": "sector", "limit": 500}).json()
    assert {r["sector"]: r["events"] for r in got} == {k: len(v) for k, v in per_sector.items()}
    initiators = client.get("/api/actors", params={"role": "actor", "limit": 500}).json()
    expected = Counter((label(a), a["country"]) for e in built.visible for a in {label(x): x for x in e["actor"]}.values())
    assert {(r["name"], r["country"]): r["events"] for r in initiators} == dict(expected)


def test_timeline_counts_per_day_and_type(client, built):
    tl = client.get("/api/timeline").json()
    expected: dict[str, Counter] = defaultdict(Counter)
    for e in built.visible:
        if e["date"]:
            expected[e["date"]][e["event_type"]] += 1
    assert {d["date"]: d["by_type"] for d in tl["days"]} == {k: dict(v) for k, v in expected.items()}
    assert [d["date"] for d in tl["days"]] == sorted(expected)
    assert all(sum(d["by_quad_class"].values()) == d["total"] for d in tl["days"])
    assert tl["undated"] == sum(1 for e in built.visible if not e["date"])


def test_network_edges_match_the_records(client, built):
    expected: dict[tuple, Counter] = defaultdict(Counter)
    for e in built.visible:
        for pair in {((label(a), a["country"]), (label(r), r["country"])) for a in e["actor"] for r in e["recipient"]}:
            if pair[0] != pair[1]:
                expected[pair][e["event_type"]] += 1
    net = client.get("/api/network", params={"limit": 500}).json()
    got = {((x["source"], x["source_country"]), (x["target"], x["target_country"])): x["types"] for x in net["edges"]}
    assert got == {k: dict(v) for k, v in expected.items()}
    assert all(x["count"] == sum(x["types"].values()) for x in net["edges"])
    names = {(n["name"], n["country"]) for n in net["nodes"]}
    assert names == {end for pair in expected for end in pair}
    assert len(client.get("/api/network", params={"limit": 1}).json()["edges"]) == 1


def test_stats(client, built):
    s = client.get("/api/stats").json()
    assert s["counts"]["articles"] == 3 and s["counts"]["article_sources"] == 4
    assert s["events_visible"] == len(built.visible)
    assert s["events_hidden"] == len(built.events) - len(built.visible) > 0
    assert s["by_type"] == dict(Counter(e["event_type"] for e in built.visible))
    assert s["first_date"] == min(e["date"] for e in built.visible if e["date"])


# -- errors, docs, basemap, UI files --------------------------------------------------------------
@pytest.mark.parametrize("path,params,field", [
    ("/api/events", {"type": "BOMBARD"}, "type"),
    ("/api/events", {"since": "2023-02-30"}, "since"),
    ("/api/events", {"until": "yesterday"}, "until"),
    ("/api/events", {"since": "2023-06-01", "until": "2023-05-01"}, "until"),
    ("/api/events", {"near": "36.2,37.1"}, "near"),
    ("/api/events", {"near": "95,37.1,10"}, "near"),
    ("/api/events", {"country": "Syria"}, "country"),
    ("/api/events", {"limit": "0"}, "limit"),
    ("/api/events", {"limit": "100000"}, "limit"),
    ("/api/events", {"offset": "-1"}, "offset"),
    ("/api/actors", {"group_by": "colour"}, "group_by"),
    ("/api/timeline", {"include_hidden": "perhaps"}, "include_hidden"),
])
def test_bad_parameters_give_422_naming_the_parameter(client, path, params, field):
    r = client.get(path, params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["message"].startswith(f"{field}:")
    assert any(d["loc"][-1] == field for d in body["detail"])


def test_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/events.geojson", "/api/places", "/api/actors",
                 "/api/timeline", "/api/network", "/api/stats", "/api/basemap.geojson"):
        assert "get" in spec["paths"][path], path
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "country", "near", "since", "until", "limit", "offset", "include_hidden", "q"} <= names
    assert "EventOut" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 200


def test_basemap_is_offline_outlines_and_cacheable(client):
    r = client.get("/api/basemap.geojson")
    assert r.status_code == 200 and "max-age" in r.headers["cache-control"]
    fc = r.json()
    isos = {f["properties"]["iso3"] for f in fc["features"]}
    assert len(fc["features"]) > 150 and {"SYR", "KEN", "NGA", "BRA"} <= isos
    assert client.get("/api/basemap.geojson", headers={"If-None-Match": r.headers["etag"]}).status_code == 304


def test_page_and_vendored_assets_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "static/app.js" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # nothing loaded from elsewhere
    for asset in ("app.js", "app.css", "vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
                  "vendor/leaflet/LICENSE"):
        assert client.get(f"/static/{asset}").status_code == 200, asset


def test_the_server_cannot_write(client):
    with client.app.state.stores.store() as store, pytest.raises(Exception, match="read-only|read only"):
        store.db.execute("DELETE FROM events")


def test_missing_database_fails_at_start_with_the_fix(tmp_path):
    with pytest.raises(StoreError, match="wirecoder ingest"):
        create_app(f"duckdb:///{tmp_path / 'none.duckdb'}")
    res = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1 and "wirecoder ingest" in res.output


def test_ingest_while_serving_a_duckdb_file_says_how_to_proceed(tmp_path):
    """`wirecoder serve` holds its DuckDB file read-only; an ingest into it must say so, not fail obscurely."""
    db = tmp_path / "served.duckdb"
    open_store(f"duckdb:///{db}").close()
    story = tmp_path / "story.txt"
    story.write_text(SHELLING, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from wirecoder.cli import app; app()", "serve", "--db",
                               str(db), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:  # until the server answers: then it holds the file
            assert server.poll() is None, server.stderr.read().decode()
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "wirecoder serve did not start"
            time.sleep(0.2)
        res = CliRunner().invoke(cli_app, ["ingest", str(story), "--db", str(db)])
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = " ".join(res.output.split())  # rich wraps long lines
    assert res.exit_code == 1
    for phrase in ("locked by another process", f"PID {server.pid}", "wirecoder serve", "Stop the server",
                   "--db", "PostgreSQL"):
        assert phrase in output, output


# -- a real server: concurrent requests from many threads -----------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db_url: str) -> Iterator[str]:
    """uvicorn serving create_app(db_url) on a free loopback port, in a thread; yields the base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_concurrent_requests_on_a_real_server(built):
    paths = ["/api/events?include_hidden=true&limit=1000", "/api/timeline", "/api/network", "/api/actors",
             "/api/stats", "/api/events.geojson"] * 6
    with running_server(built.url) as base, httpx.Client(base_url=base) as http:
        serial = {p: http.get(p).json() for p in set(paths)}
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda p: (p, http.get(p)), paths))
    assert all(r.status_code == 200 for _, r in results)
    assert all(r.json() == serial[p] for p, r in results)
    assert ids(serial[paths[0]]["events"]) == ids(built.events)


# -- PostgreSQL gives the same answers ------------------------------------------------------------
@pytest.mark.postgres
def test_same_answers_on_postgres(built, tmp_path, pg_url):  # noqa: F811 - fixture
    pg = build_db(tmp_path, pg_url)
    assert ids(pg.events) == ids(built.events)
    with TestClient(create_app(built.url)) as duck, TestClient(create_app(pg_url)) as post:
        for path in ("/api/events?limit=1000", "/api/timeline", "/api/network?limit=500",
                     "/api/actors?limit=500", "/api/actors?group_by=sector", "/api/actors?group_by=country",
                     "/api/events?q=shelled&country=SYR", "/api/events.geojson", "/api/places?limit=5000"):
            assert post.get(path).json() == duck.get(path).json(), path
        stats = post.get("/api/stats").json()
        assert stats["events_hidden"] == duck.get("/api/stats").json()["events_hidden"]
