"""Runner: resumable after SIGKILL, idempotent, dedup-aware, parallel; DuckDB and PostgreSQL."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pg_fixture import pg_server, pg_url  # noqa: F401 - fixtures
from test_ingest import RSS, write_warc
from wirecoder.ingest.synthetic import StubPipeline, html_page, make_story, stub_pipeline_factory, text_page
from wirecoder.runner import PipelineLoadError, iter_articles, run_ingest
from wirecoder.schema import Article, SkippedInput
from wirecoder.store import open_store

N_PAGES = 110
LATIN1 = ("Police arrested twelve protesters in São Paulo on Tuesday after clashes near the praça, "
          "officials said. The café owners condemned the violence.\n")


def make_corpus(root: Path) -> Path:
    """110 distinct pages, three republished copies of page 0, and an empty, a binary and a Latin-1 file."""
    pages = root / "pages"
    (pages / "more").mkdir(parents=True)
    for i in range(N_PAGES):
        sub = pages / "more" if i % 2 else pages
        (sub / f"story{i:03d}.html").write_text(html_page(make_story(i), url=f"https://news.example/{i}"))
    (pages / "zz_copy_metro.html").write_text(html_page(make_story(0), site="Metro Wire", variant=3))
    (pages / "zz_copy_herald.txt").write_text(text_page(make_story(0), site="Coastal Herald", variant=5))
    near = html_page(make_story(0), site="Capital Times", variant=7).replace(
        "</article>", "<p>This story has been updated with a statement from the ministry.</p></article>")
    (pages / "zz_copy_capital.html").write_text(near)
    (pages / "empty.html").write_bytes(b"")
    (pages / "blob.html").write_bytes(b"\x00\x01\x02\x03" * 300)
    (pages / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    return pages


def expected_events(pages: Path) -> set[str]:
    """Event ids the stub coder gives each distinct article (computed without the runner or a store)."""
    arts = [a for a in iter_articles([str(pages)]) if isinstance(a, Article)]
    return {e.id for c in StubPipeline().code_articles(arts) for e in c.events}


CHILD = textwrap.dedent("""
    import functools, sys
    from wirecoder.ingest.synthetic import stub_pipeline_factory
    from wirecoder.runner import run_ingest
    run_ingest([sys.argv[1]], db_url=sys.argv[2], batch_size=8, progress=False,
               pipeline_factory=functools.partial(stub_pipeline_factory, 0.03),
               on_batch=lambda s: print(s.seen, flush=True))
    print("END", flush=True)
""")


def test_sigkill_midway_then_resume(tmp_path):
    pages = make_corpus(tmp_path)
    db = f"duckdb:///{tmp_path / 'run.duckdb'}"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(pages), db], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    progressed = 0
    for line in child.stdout:
        if line.strip() == "END":
            break
        progressed = int(line)
        if progressed >= 40:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    with open_store(db) as store:
        done_before = store.counts().get("documents_done", 0)
    assert 0 < done_before < N_PAGES

    summary = run_ingest([str(pages)], db_url=db, pipeline_factory=stub_pipeline_factory, progress=False)
    assert summary.already_done >= done_before
    with open_store(db) as store:
        counts = store.counts()
        docs = {Path(d["key"]).name: d for d in store.documents()}
        events = store.query_events(limit=None, include_hidden=True)
        latin = [a for a in store.articles() if a["key"].endswith("latin1.txt")]
    # every good page stored once; copies recorded as sources of page 0's article
    assert counts["articles"] == N_PAGES + 1
    assert counts["article_sources"] == N_PAGES + 1 + 3
    assert counts["documents_done"] == N_PAGES + 1 + 3 and counts["documents_skipped"] == 2
    assert docs["empty.html"]["reason"] == "empty file" and "NUL" in docs["blob.html"]["reason"]
    assert {docs[n]["article_id"] for n in ("zz_copy_metro.html", "zz_copy_herald.txt", "zz_copy_capital.html")} == {
        docs["story000.html"]["article_id"]}
    assert "near" in docs["zz_copy_capital.html"]["reason"]
    assert len(latin) == 1
    with open_store(db) as store:
        text = store.db.execute("SELECT text FROM articles WHERE id = ?", [latin[0]["id"]])[0][0]
    assert "São Paulo" in text and "café" in text
    # no duplicate or missing events: exactly the events of the distinct articles
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids)) and set(ids) == expected_events(pages)

    again = run_ingest([str(pages)], db_url=db, pipeline_factory=stub_pipeline_factory, progress=False)
    assert (again.processed, again.duplicates, again.skipped, again.failed) == (0, 0, 0, 0)
    with open_store(db) as store:
        assert store.counts() == counts


class _Flaky(StubPipeline):
    def code_articles(self, articles):
        if any("Lima" in a.text for a in articles):
            raise RuntimeError("parser crashed")
        return super().code_articles(articles)


def test_failures_isolated_and_retried(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Police arrested five students in Lima on Monday after a sit-in at the campus.")
    (folder / "b.txt").write_text("Troops shelled rebel positions near Aleppo overnight, a spokesman said.")
    db = f"duckdb:///{tmp_path / 'f.duckdb'}"
    s = run_ingest([str(folder)], db_url=db, pipeline_factory=_Flaky, progress=False)
    assert (s.processed, s.failed) == (1, 1) and "coding failed" in s.reasons
    s2 = run_ingest([str(folder)], db_url=db, pipeline_factory=StubPipeline, progress=False)
    assert (s2.processed, s2.failed, s2.already_done) == (0, 0, 2)
    s3 = run_ingest([str(folder)], db_url=db, pipeline_factory=StubPipeline, progress=False, retry_failed=True)
    assert (s3.processed, s3.already_done) == (1, 1)
    with open_store(db) as store:
        assert store.counts()["documents_done"] == 2 and store.counts()["events"] == 2


def test_pipeline_that_cannot_load_stops_the_run(tmp_path):
    (tmp_path / "a.txt").write_text("Police arrested five students in Lima on Monday after a sit-in.")

    def broken():
        raise ImportError("model missing")

    with pytest.raises(PipelineLoadError, match="model missing"):
        run_ingest([str(tmp_path / "a.txt")], db_url=f"duckdb:///{tmp_path / 'x.duckdb'}",
                   pipeline_factory=broken, progress=False)


def test_warc_of_1000_pages_with_workers_and_rss(tmp_path):
    write_warc(tmp_path / "cc-news.warc.gz", 1000, extra=False)
    (tmp_path / "wire.rss").write_text(RSS)
    db = f"duckdb:///{tmp_path / 'w.duckdb'}"
    s = run_ingest([str(tmp_path / "cc-news.warc.gz"), str(tmp_path / "wire.rss")], db_url=db, workers=2,
                   batch_size=64, pipeline_factory=stub_pipeline_factory, progress=False)
    assert (s.processed, s.skipped, s.failed) == (1001, 1, 0)
    with open_store(db) as store:
        counts = store.counts()
        assert counts["articles"] == 1001 and counts["events"] == s.events > 3000
        assert store.query_events(event_type="COERCE", actor="Police", limit=1)


def test_iter_articles_in_memory_dedup(tmp_path):
    (tmp_path / "a.html").write_text(html_page(make_story(8)))
    (tmp_path / "b.html").write_text(html_page(make_story(8), site="Metro Wire", variant=2))
    (tmp_path / "c.html").write_text(html_page(make_story(9)))
    items = list(iter_articles([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article", "SkippedInput", "Article"]
    assert isinstance(items[1], SkippedInput) and items[1].stage == "dedup" and items[0].id in items[1].reason


@pytest.mark.postgres
def test_resume_on_postgres(tmp_path, pg_url):  # noqa: F811 - fixture
    folder = tmp_path / "pg"
    folder.mkdir()
    for i in range(20):
        (folder / f"s{i}.html").write_text(html_page(make_story(i)))
    (folder / "copy.html").write_text(html_page(make_story(1), site="Metro Wire", variant=4))
    factory = functools.partial(stub_pipeline_factory, 0.0)
    first = run_ingest([str(folder / f"s{i}.html") for i in range(8)], db_url=pg_url, pipeline_factory=factory,
                       progress=False)
    assert first.processed == 8
    second = run_ingest([str(folder)], db_url=pg_url, pipeline_factory=factory, progress=False, batch_size=5)
    assert (second.processed, second.duplicates, second.already_done) == (12, 1, 8)
    with open_store(pg_url) as store:
        counts = store.counts()
        assert counts["articles"] == 20 and counts["article_sources"] == 21
        ids = [e["id"] for e in store.query_events(limit=None)]
        assert len(ids) == len(set(ids)) == counts["events"]
