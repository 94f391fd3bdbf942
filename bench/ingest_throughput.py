"""Ingest throughput: N generated news pages -> extract -> dedup -> code -> DuckDB; articles/s and peak RSS.

    python bench/ingest_throughput.py [--n 1000] [--workers 1] [--stub] [--format html|warc]

--stub codes with the pattern StubPipeline (measures ingestion, extraction, dedup and storage alone);
without it the real spaCy pipeline codes every article.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecoder.ingest.synthetic import html_page, make_story, stub_pipeline_factory
from wirecoder.runner import run_ingest
from wirecoder.store import open_store


def write_inputs(root: Path, n: int, fmt: str) -> str:
    if fmt == "html":
        folder = root / "pages"
        folder.mkdir()
        for i in range(n):
            (folder / f"p{i:05d}.html").write_text(html_page(make_story(i, seed=7), url=f"https://n.example/{i}"))
        return str(folder)
    path = root / "pages.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(n):
            body = html_page(make_story(i, seed=7)).encode()
            hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://n.example/{i}", "response", payload=io.BytesIO(body),
                                                http_headers=hdr))
    return str(path)


def peak_rss_mb() -> tuple[float, float]:
    """(this process, largest finished child) peak resident set size in MB (Linux reports KiB)."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--stub", action="store_true", help="pattern coder instead of the spaCy pipeline")
    ap.add_argument("--format", choices=("html", "warc"), default="html")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src = write_inputs(root, args.n, args.format)
        db = f"duckdb:///{root / 'bench.duckdb'}"
        factory = functools.partial(stub_pipeline_factory, 0.0) if args.stub else None
        t0 = time.perf_counter()
        s = run_ingest([src], db_url=db, workers=args.workers, batch_size=args.batch_size,
                       pipeline_factory=factory, progress=False)
        dt = time.perf_counter() - t0
        with open_store(db) as store:
            counts = store.counts()
    rss_self, rss_child = peak_rss_mb()
    result = {
        "n_inputs": args.n, "format": args.format, "workers": args.workers, "coder": "stub" if args.stub else "spacy",
        "processed": s.processed, "skipped": s.skipped, "failed": s.failed, "events": counts["events"],
        "seconds": round(dt, 2), "articles_per_s": round(s.processed / dt, 1),
        "peak_rss_mb_main": round(rss_self, 1), "peak_rss_mb_worker": round(rss_child, 1),
    }
    print(json.dumps(result))
    return 0 if s.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
