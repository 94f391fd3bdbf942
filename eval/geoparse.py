"""Geoparsing evaluation on the development corpora: a thin wrapper over wirecoder.evaluation.geoparse.

    python eval/geoparse.py [--corpus NAME] [--limit N] [--errors N]

Same figures as `wirecoder eval geo FILE...`; --errors also lists the most frequent mistakes.
Adjective forms ("Russian") are scored only on GeoWebNews and TR-News, whose annotators tagged them as
toponyms (an annotation convention of those corpora, see DEMONYM_CORPORA); the product itself returns
them only when asked (PlaceFinder.find(demonyms=True)).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from wirecoder.evaluation.geoparse import default_corpora, evaluate_corpus, shared_dir


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", help="geovirus | trnews | gwn (default: all)")
    ap.add_argument("--limit", type=int, help="first N documents only")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors of each kind")
    args = ap.parse_args(argv)
    paths = default_corpora()
    if not paths:
        print(f"no corpora under {shared_dir() / 'data' / 'geoparsing'}; set WIRECODER_SHARED", file=sys.stderr)
        return 2
    if args.corpus:
        if args.corpus not in paths:
            print(f"unknown corpus {args.corpus!r}; choose from {', '.join(paths)}", file=sys.stderr)
            return 2
        paths = {args.corpus: paths[args.corpus]}
    for name, path in paths.items():
        errs: list | None = [] if args.errors else None
        res = evaluate_corpus(path, limit=args.limit, errors=errs)
        print(name, json.dumps(res))
        if errs:
            for kind in ("FP", "FN", "FAR"):
                common = Counter(e[1] for e in errs if e[0] == kind).most_common(args.errors)
                print(f"  {kind}: " + "; ".join(f"{t} x{n}" for t, n in common))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
