"""Store: round trip, idempotence, filters and exports, on DuckDB and on a real PostgreSQL server."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date

import pytest

from pg_fixture import pg_server, pg_url  # noqa: F401 - fixtures
from wirecoder.dedup import Signature
from wirecoder.schema import ActorRef, Article, CodedArticle, Event, Place, SkippedInput
from wirecoder.store import EventQuery, StoreError, open_store, write_events


def _article(text: str, key: str) -> Article:
    return Article(id=Article.make_id(text), text=text, title="T", published=date(2016, 4, 21),
                   url=f"https://news.example/{key}", source="Example News", key=key)


def _coded(text: str, key: str) -> CodedArticle:
    a = _article(text, key)
    homs = Place(text="Homs", name="Homs", geonameid=169577, lat=34.727, lon=36.723, country="SYR",
                 admin1="Homs", precision="city", char_start=10, char_end=14)
    paris = Place(text="Paris", name="Paris", geonameid=2988507, lat=48.85, lon=2.35, country="FRA",
                  precision="city", char_start=0, char_end=5)
    ev1 = Event(article_id=a.id, sentence=text.split(". ")[0] + ".", char_start=0, char_end=20, event_type="ASSAULT",
                mode=["aerial"], context=["military"],
                actor=[ActorRef(text="Russian warplanes", name="Russia", country="RUS", sectors=["MIL"],
                                wikidata="Q159")],
                recipient=[ActorRef(text="rebels", name="rebels", country="SYR", sectors=["REB"])],
                location=homs, date="2016-04-21", date_precision="day",
                attribution=ActorRef(text="a US official", country="USA", sectors=["GOV"]),
                modality="reported", confidence=0.871, url=a.url, source=a.source, trigger="bombed",
                quad_class=4, cameo_root="19", plover_score=-9.5,
                acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"})
    ev2 = Event(article_id=a.id, sentence="France may impose sanctions.", char_start=21, char_end=49,
                event_type="SANCTION", actor=[ActorRef(text="France", name="France", country="FRA", sectors=[])],
                location=paris, modality="hypothetical", date="2016-04-10", date_precision="day", trigger="impose")
    ev3 = Event(article_id=a.id, sentence="Protesters marched in Paris.", char_start=50, char_end=78,
                event_type="PROTEST", actor=[ActorRef(text="Protesters", sectors=["CVL"])], location=paris,
                date="2015-01-02", date_precision="day", trigger="marched")
    return CodedArticle(article=a, events=[ev1, ev2, ev3], places=[homs, paris])


TEXT = ("Russian warplanes bombed rebel-held areas of Homs on Thursday. France may impose sanctions. "
        "Protesters marched in Paris.")


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    if request.param == "duckdb":
        s = open_store(f"duckdb:///{tmp_path / 'w.duckdb'}")
    else:
        s = open_store(request.getfixturevalue("pg_url"))
    yield s
    s.close()


def test_round_trip_matches_event_to_dict(store):
    coded = _coded(TEXT, "k1")
    store.save_coded(coded, signature=Signature.of(coded.article))
    got = {e["id"]: e for e in store.query_events(include_hidden=True)}
    assert got == {e.id: e.to_dict() for e in coded.events}


def test_saving_twice_changes_nothing(store):
    coded = _coded(TEXT, "k1")
    store.save_coded(coded)
    before = (store.counts(), store.query_events(include_hidden=True))
    store.save_coded(_coded(TEXT, "k1"))
    assert (store.counts(), store.query_events(include_hidden=True)) == before
    assert store.counts()["events"] == 3 and store.counts()["actors"] == 4


def test_hidden_modalities_excluded_by_default(store):
    store.save_coded(_coded(TEXT, "k1"))
    assert {e["event_type"] for e in store.query_events()} == {"ASSAULT", "PROTEST"}
    assert "SANCTION" in {e["event_type"] for e in store.query_events(include_hidden=True)}


def _unlocated(text: str, key: str) -> CodedArticle:
    """An article with one undated event and no place: what located=True and date filters leave out."""
    a = _article(text, key)
    ev = Event(article_id=a.id, sentence=text, char_start=0, char_end=len(text), event_type="COERCE",
               actor=[ActorRef(text="Police", sectors=["COP"])], url=a.url, source=a.source, trigger="detained")
    return CodedArticle(article=a, events=[ev], places=[])


def test_filters(store):
    store.save_coded(_coded(TEXT, "k1"))
    store.save_coded(_unlocated("Police detained dozens of students.", "k2"))
    q = lambda **kw: {e["event_type"] for e in store.query_events(EventQuery(include_hidden=True, **kw))}  # noqa: E731
    assert q(event_type="protest") == {"PROTEST"}
    assert q(actor="russia") == {"ASSAULT"}
    assert q(actor="FRA") == {"SANCTION"}
    assert q(country="SYR") == {"ASSAULT"}
    assert q(near=(34.7, 36.7, 25.0)) == {"ASSAULT"}
    assert q(near=(48.8, 2.3, 50.0)) == {"SANCTION", "PROTEST"}
    assert q(since="2016-01-01") == {"ASSAULT", "SANCTION"}
    assert q(until="2016-04-15") == {"SANCTION", "PROTEST"}
    assert len(store.query_events(EventQuery(include_hidden=True, limit=1))) == 1
    assert q(text="MARCHED") == {"PROTEST"}
    assert q(located=True) == {"ASSAULT", "SANCTION", "PROTEST"}
    assert q() == q(event_type=" , ") == {"ASSAULT", "SANCTION", "PROTEST", "COERCE"}  # only commas: no type


def test_paging_counts_and_single_events(store):
    coded = _coded(TEXT, "k1")
    store.save_coded(coded)
    every = store.query_events(include_hidden=True, limit=None)
    assert [e["date"] for e in every] == sorted((e["date"] for e in every), reverse=True)
    pages = [store.query_events(EventQuery(include_hidden=True, limit=2, offset=o)) for o in (0, 2, 4)]
    assert [e["id"] for page in pages for e in page] == [e["id"] for e in every]
    assert [len(p) for p in pages] == [2, 1, 0]
    # Counts ignore limit and offset but not the filters.
    assert store.count_events(EventQuery(include_hidden=True, limit=1, offset=2)) == 3
    assert store.count_events() == 2 and store.count_events(text="marched", include_hidden=True) == 1
    hidden = next(e for e in coded.events if e.modality == "hypothetical")
    assert store.event(hidden.id) == hidden.to_dict()  # by id, whatever its modality
    assert store.event("enosuchevent") is None


def test_event_where_is_the_query_of_query_events(store):
    """Aggregates built on event_where count exactly the events query_events returns."""
    store.save_coded(_coded(TEXT, "k1"))
    for q in (EventQuery(), EventQuery(include_hidden=True), EventQuery(actor="fra", include_hidden=True),
              EventQuery(near=(48.8, 2.3, 50.0)), EventQuery(text="bombed", since="2016-01-01")):
        where, params = store.event_where(q)
        ids = {r[0] for r in store.db.execute(f"SELECT e.id FROM events e WHERE {where}", params)}
        assert ids == {e["id"] for e in store.query_events(q)}


HOLD = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read")
print("holding", flush=True)
sys.stdin.read()  # until the test closes our stdin
"""


@pytest.mark.parametrize("mode,says", [
    ("read", ["locked by another process", "read-only", "wirecoder serve", "Stop the server", "--db", "PostgreSQL"]),
    ("write", ["locked by another process", "writing to it", "wirecoder ingest", "--db"]),
])
def test_a_locked_duckdb_file_says_who_holds_it_and_what_to_do(tmp_path, mode, says):
    path = tmp_path / "w.duckdb"
    open_store(f"duckdb:///{path}").close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreError) as exc:
            open_store(f"duckdb:///{path}")
        message = str(exc.value)
        assert all(s in message for s in says), message
        assert f"PID {holder.pid}" in message
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    open_store(f"duckdb:///{path}").close()  # free again once the holder has gone


def test_places_and_documents(store):
    coded = _coded(TEXT, "k1")
    store.save_coded(coded)
    places = store.query_places(country="fra")
    assert [p["name"] for p in places] == ["Paris"] and places[0]["article_id"] == coded.article.id
    store.record_skip(SkippedInput("bad.bin", "not text: looks like PNG image"))
    assert store.document_statuses(["k1", "bad.bin", "nope"]) == {"k1": "done", "bad.bin": "skipped"}
    assert store.documents("skipped")[0]["reason"] == "not text: looks like PNG image"


def test_band_candidates_find_stored_article(store):
    coded = _coded(TEXT, "k1")
    sig = Signature.of(coded.article)
    store.save_coded(coded, signature=sig)
    assert store.has_article(coded.article.id)
    assert [c[0] for c in store.band_candidates(sig.bands)] == [coded.article.id]


def test_cli_filter_validation():
    with pytest.raises(ValueError, match="--near"):
        EventQuery.from_cli(near="34,36")
    with pytest.raises(ValueError, match="--since"):
        EventQuery.from_cli(since="yesterday")
    with pytest.raises(ValueError, match="unknown PLOVER type"):
        EventQuery.from_cli(type="FIGHT")
    assert EventQuery.from_cli(near="34.7,36.7,10").near == (34.7, 36.7, 10.0)


def test_exports(tmp_path, store):
    store.save_coded(_coded(TEXT, "k1"))
    events = store.query_events()
    write_events(events, "jsonl", tmp_path / "e.jsonl")
    assert [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()] == events
    write_events(events, "csv", tmp_path / "e.csv")
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert {r["event_type"] for r in rows} == {"ASSAULT", "PROTEST"} and rows[0]["sentence"]
    write_events(events, "geojson", tmp_path / "e.geojson")
    gj = json.loads((tmp_path / "e.geojson").read_text())
    assert gj["type"] == "FeatureCollection"
    assert sorted(f["geometry"]["coordinates"][0] for f in gj["features"]) == [2.35, 36.723]
    write_events(events, "parquet", tmp_path / "e.parquet")
    import duckdb

    back = duckdb.connect().execute(f"SELECT event_type, lat, record FROM '{tmp_path / 'e.parquet'}' "
                                    "ORDER BY event_type").fetchall()
    assert [r[0] for r in back] == ["ASSAULT", "PROTEST"] and back[0][1] == pytest.approx(34.727)
    assert json.loads(back[0][2]) == [e for e in events if e["event_type"] == "ASSAULT"][0]
    write_events(events, "table", tmp_path / "e.txt")
    assert "ASSAULT" in (tmp_path / "e.txt").read_text()
    with pytest.raises(ValueError, match="-o"):
        write_events(events, "parquet", None)
