"""Throughput of the full wirecoder pipeline against the bare spaCy pipeline on the same texts.

    python bench/throughput.py [--corpus PATH] [--n 200]

Prints tokens/s and articles/s for both, their ratio (full / bare; 1.0 means coding is free), and the
process's peak RSS. Both passes run in this one process, after a warm-up, on identical texts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

from wirecoder.nlp.pipeline import load_nlp
from wirecoder.pipeline import Pipeline, Resources
from wirecoder.schema import Article

REPO = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("WIRECODER_SHARED", REPO.parent / "shared")) / "data/geoparsing/geovirus_unified.jsonl"


def load_texts(path: Path, n: int) -> list[str]:
    if not path.exists():
        sys.exit(f"{path} not found: pass --corpus with a JSONL file of {{'text': ...}} records")
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    texts = load_texts(args.corpus, args.n)
    t0 = time.perf_counter()
    pipeline = Pipeline(Resources.load(), batch_size=args.batch_size)
    load_s = time.perf_counter() - t0
    nlp = load_nlp()
    articles = [Article(id=f"b{i}", text=t) for i, t in enumerate(texts)]
    pipeline.code_articles(articles[:5])  # warm-up: lazy tables, first-call allocations

    t0 = time.perf_counter()
    n_tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=args.batch_size))
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    coded = pipeline.code_articles(articles)
    full = time.perf_counter() - t0
    n_events = sum(len(c.events) for c in coded)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"texts: {len(texts)}  tokens: {n_tokens}  events: {n_events}  resource load: {load_s:.1f}s")
    print(f"bare spaCy : {n_tokens / bare:8.0f} tokens/s  {len(texts) / bare:6.1f} articles/s  ({bare:.2f}s)")
    print(f"wirecoder  : {n_tokens / full:8.0f} tokens/s  {len(texts) / full:6.1f} articles/s  ({full:.2f}s)")
    print(f"ratio (full speed / bare speed): {bare / full:.2f}")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
