"""Score actor coding on PETRARCH2's regression suite (../shared/data/petrarch2_unittest).

Two figures:
  * actor-code coverage (always): for each sentence, the noun phrases and entities spaCy finds are
    resolved with the suite's own actor/agent dictionaries; a gold source/target code counts as covered
    when some phrase of that sentence resolves to exactly that code.
  * triples (when the event coder exists): share of gold (source, target, CAMEO root) triples that
    ``wirecoder.pipeline.code_text`` produces. Imported lazily; skipped with a note when absent.

Usage: python eval/petrarch.py [--shared PATH] [--limit N] [--show-misses N]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from datetime import date
from pathlib import Path

from wirecoder.coding.actors import ActorResolver

REPO = Path(__file__).resolve().parents[1]


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("WIRECODER_SHARED") or REPO / "../shared").resolve()


def load_gold(root: Path) -> list[dict]:
    path = root / "data/petrarch2_unittest/petr_unittest_gold.jsonl"
    if not path.is_file():
        raise SystemExit(f"{path} not found; pass --shared DIR or set WIRECODER_SHARED")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dictionaries(root: Path) -> list[Path]:
    d = root / "data/petrarch2_unittest/dictionaries"
    return [d / "PETR.Validate.actors.txt", d / "PETR.Validate.agents.txt"]


def parse_date(text: str) -> date | None:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except (ValueError, TypeError):
        return None


def candidate_spans(doc) -> list:
    """Noun chunks, entities, and each chunk's tokens from its first proper noun onwards."""
    spans = list(doc.noun_chunks) + list(doc.ents)
    for chunk in doc.noun_chunks:
        root = chunk.root  # "soldiers from Gondor": the chunk with its prepositional modifiers
        spans.append(doc[chunk.start: root.right_edge.i + 1])
        for i, tok in enumerate(chunk):
            if tok.pos_ == "PROPN" and i > 0:
                spans.append(chunk[i:])
                break
    return spans


def code_of(ref) -> str | None:
    if ref is None or ref.country is None:
        return None
    return ref.country + "".join(ref.sectors)


def actor_coverage(rows: list[dict], resolver: ActorResolver, nlp, show: int) -> tuple[int, int]:
    hit = total = 0
    misses: list[str] = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        on = parse_date(row.get("date", ""))
        codes = {resolver.resolve_code(s.text, on=on) for s in candidate_spans(doc)}
        gold = {c for ev in row["gold_events"] for c in (ev.get("source"), ev.get("target")) if c}
        for g in sorted(gold):
            total += 1
            if g in codes:
                hit += 1
            elif len(misses) < show:
                misses.append(f"  {row['id']}: want {g}, got {sorted(c for c in codes if c)} | {row['text'][:90]}")
    if misses:
        print("misses:\n" + "\n".join(misses))
    return hit, total


def triple_score(rows: list[dict], dict_paths: list[Path]) -> tuple[int, int] | None:
    try:
        from wirecoder.pipeline import code_text  # provided by the event coder; optional here
    except ImportError as exc:
        print(f"triples: skipped (wirecoder.pipeline.code_text not available: {exc})")
        return None
    def too_slow(signum, frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, too_slow)
    hit = total = slow = 0
    for row in rows:
        published = parse_date(row.get("date", ""))
        signal.alarm(10)  # one pathological sentence must not stall the whole score
        try:
            try:
                events = code_text(row["text"], published, actor_dicts=dict_paths)
            except TypeError:
                events = code_text(row["text"], published)
        except TimeoutError:
            events, slow = [], slow + 1
        finally:
            signal.alarm(0)
        got = {
            (code_of(a), code_of(r), (ev.cameo_root or "")[:2])
            for ev in events for a in (ev.actor or [None]) for r in (ev.recipient or [None])
        }
        for g in row["gold_events"]:
            total += 1
            hit += (g.get("source"), g.get("target"), str(g.get("event", ""))[:2]) in got
    if slow:
        print(f"triples: {slow} sentence(s) took over 10 s in code_text and were scored as empty")
    return hit, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="path of the shared development data (default ../shared)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--show-misses", type=int, default=0, help="print up to N uncovered gold codes")
    ap.add_argument("--no-triples", action="store_true", help="skip the event-coder triple score")
    args = ap.parse_args(argv)
    root = shared_dir(args.shared)
    rows = load_gold(root)
    if args.limit:
        rows = rows[: args.limit]
    paths = dictionaries(root)
    resolver = ActorResolver.load(paths)
    from wirecoder.nlp.pipeline import load_nlp

    hit, total = actor_coverage(rows, resolver, load_nlp(), args.show_misses)
    print(f"sentences: {len(rows)}  gold actor codes: {total}")
    print(f"actor-code coverage: {hit}/{total} = {hit / max(total, 1):.1%}")
    triples = None if args.no_triples else triple_score(rows, paths)
    if triples is not None:
        h, t = triples
        print(f"(source, target, CAMEO root) triples: {h}/{t} = {h / max(t, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
