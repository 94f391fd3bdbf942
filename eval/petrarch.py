"""Score the PETRARCH verb coder on PETRARCH2's regression suite (../shared/data/petrarch2_unittest).

Prints the share of gold (source, target, CAMEO root) triples found, precision of the emitted triples,
and the records expected to yield no events that yielded some. See wirecoder.evaluation.petrarch.

Usage: python eval/petrarch.py [--shared PATH] [--limit N] [--show-misses N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from wirecoder.evaluation.petrarch import run_petrarch_eval

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="path of the shared development data (default ../shared or $WIRECODER_SHARED)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N records")
    ap.add_argument("--show-misses", type=int, default=0, help="print up to N records with missed/extra triples")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args(argv)
    root = Path(args.shared or os.environ.get("WIRECODER_SHARED") or REPO / "../shared").resolve()
    suite = root / "data/petrarch2_unittest"
    try:
        r = run_petrarch_eval(suite / "petr_unittest_gold.jsonl", suite / "dictionaries", limit=args.limit)
    except FileNotFoundError as exc:
        raise SystemExit(f"{exc}; pass --shared DIR or set WIRECODER_SHARED") from exc
    if args.json:
        print(json.dumps({k: v for k, v in r.items() if k not in ("misses", "extras")}))
        return 0
    for m in r["misses"][: args.show_misses]:
        print(f"  miss {m['id']}: want {' '.join(m['missing'])}  got {' '.join(m['got']) or '-'}")
    for x in r["extras"][: args.show_misses]:
        print(f"  extra {x['id']}: {' '.join(x['extra'])}")
    print(f"records: {r['records']}  gold triples: {r['gold_triples']}")
    print(f"triples found (source, target, CAMEO root): {r['found']}/{r['gold_triples']} = {r['recall']:.1%}")
    print(f"precision: {r['correct']}/{r['emitted']} = {r['precision']:.1%}")
    print(f"no-event records that produced events: {r['noevent_errors']}/{r['noevent_records']}"
          f" ({', '.join(r['noevent_error_ids']) or 'none'}); of those flagged noevents by the suite:"
          f" {r['marked_noevent_errors']}/{r['marked_noevent_records']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
