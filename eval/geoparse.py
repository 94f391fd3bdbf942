"""Geoparsing evaluation on the GeoVirus / TR-News / GeoWebNews corpora (Gritta et al. 2018 metrics).

A predicted toponym matches a gold one when the surface strings are equal (case-insensitive) and the
mention midpoints are within 10 characters. Reported: recognition P/R/F1 and, over matched toponyms,
Acc@161, mean and median error in km, and the AUC of ln(1+km)/ln(20039) (lower is better).
Matched predictions without coordinates count as the maximum error (20039 km).

    python eval/geoparse.py [--corpus NAME] [--limit N] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

MAX_KM = 20039.0
# Annotation conventions measured on the dev data: GeoWebNews and TR-News tag adjective forms
# ("Russian") as toponyms, GeoVirus tags only place names.
DEMONYM_CORPORA = {"gwn", "trnews"}


def shared_dir() -> Path:
    env = os.environ.get("WIRECODER_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


def corpus_paths() -> dict[str, Path]:
    base = shared_dir() / "data" / "geoparsing"
    return {p.name.split("_")[0]: p for p in sorted(base.glob("*_unified.jsonl"))}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def gold_toponyms(doc: dict) -> list[dict]:
    """Gold mentions with coordinates (GeoWebNews also marks non-toponyms, which carry none)."""
    return [t for t in doc["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]


def match(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    pairs: list[tuple[dict, dict]] = []
    used: set[int] = set()
    for g in gold:
        gm = (g["start"] + g["end"]) / 2
        best, best_d = None, 11.0
        for k, p in enumerate(pred):
            if k in used or p["text"].lower() != g["name"].lower():
                continue
            d = abs((p["start"] + p["end"]) / 2 - gm)
            if d <= 10 and d < best_d:
                best, best_d = k, d
        if best is not None:
            used.add(best)
            pairs.append((pred[best], g))
    return pairs


def score(n_pred: int, n_gold: int, pairs: list[tuple[dict, dict]]) -> dict:
    errs = []
    for p, g in pairs:
        if p.get("lat") is None:
            errs.append(MAX_KM)
        else:
            errs.append(haversine_km(p["lat"], p["lon"], g["lat"], g["lon"]))
    tp = len(pairs)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    auc = statistics.mean(math.log(1 + e) / math.log(MAX_KM) for e in errs) if errs else None
    return {
        "docs": None, "gold": n_gold, "predicted": n_pred, "matched": tp,
        "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
        "acc161": round(sum(e < 161 for e in errs) / len(errs), 4) if errs else None,
        "mean_km": round(statistics.mean(errs), 1) if errs else None,
        "median_km": round(statistics.median(errs), 1) if errs else None,
        "auc": round(auc, 4) if auc is not None else None,
    }


def evaluate_corpus(path: Path, *, limit: int | None = None, demonyms: bool | None = None,
                    errors: list | None = None) -> dict:
    from wirecoder.coding.places import PlaceFinder
    from wirecoder.nlp.pipeline import load_nlp

    name = path.name.split("_")[0]
    use_demonyms = name in DEMONYM_CORPORA if demonyms is None else demonyms
    finder = PlaceFinder.load()
    nlp = load_nlp()
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = docs[:limit] if limit else docs
    n_pred = n_gold = 0
    all_pairs: list[tuple[dict, dict]] = []
    for doc, parsed in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        places = finder.find(parsed, demonyms=use_demonyms)
        pred = [{"text": p.text, "start": p.char_start, "end": p.char_end, "lat": p.lat, "lon": p.lon,
                 "name": p.name, "country": p.country} for p in places]
        gold = gold_toponyms(doc)
        pairs = match(pred, gold)
        n_pred += len(pred)
        n_gold += len(gold)
        all_pairs.extend(pairs)
        if errors is not None:
            matched_p = {id(p) for p, _ in pairs}
            matched_g = {id(g) for _, g in pairs}
            errors.extend(("FP", p["text"]) for p in pred if id(p) not in matched_p)
            errors.extend(("FN", g["name"]) for g in gold if id(g) not in matched_g)
            for p, g in pairs:
                km = MAX_KM if p["lat"] is None else haversine_km(p["lat"], p["lon"], g["lat"], g["lon"])
                if km >= 161:
                    errors.append(("FAR", f"{p['text']} -> {p['name']} ({p['country']}) {km:.0f} km"))
    out = score(n_pred, n_gold, all_pairs)
    out["docs"] = len(docs)
    out["demonyms"] = use_demonyms
    return out


def run_geoparse_eval(paths: dict[str, Path] | None = None, *, limit: int | None = None) -> dict:
    """Figures per corpus name; paths defaults to the dev corpora under shared/data/geoparsing."""
    paths = paths if paths is not None else corpus_paths()
    return {name: evaluate_corpus(path, limit=limit) for name, path in paths.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", help="geovirus | trnews | gwn (default: all)")
    ap.add_argument("--limit", type=int, help="first N documents only")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors of each kind")
    args = ap.parse_args(argv)
    paths = corpus_paths()
    if not paths:
        print(f"no corpora under {shared_dir() / 'data' / 'geoparsing'}; set WIRECODER_SHARED", file=sys.stderr)
        return 2
    if args.corpus:
        if args.corpus not in paths:
            print(f"unknown corpus {args.corpus!r}; choose from {', '.join(paths)}", file=sys.stderr)
            return 2
        paths = {args.corpus: paths[args.corpus]}
    for name, path in paths.items():
        t = time.time()
        errs: list = [] if args.errors else None
        res = evaluate_corpus(path, limit=args.limit, errors=errs)
        res["seconds"] = round(time.time() - t, 1)
        print(name, json.dumps(res))
        if errs:
            for kind in ("FP", "FN", "FAR"):
                common = Counter(e[1] for e in errs if e[0] == kind).most_common(args.errors)
                print(f"  {kind}: " + "; ".join(f"{t} x{n}" for t, n in common))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
