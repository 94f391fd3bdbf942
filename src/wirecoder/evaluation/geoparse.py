"""Geoparsing evaluation on GeoVirus / TR-News / GeoWebNews-style corpora (Gritta et al. 2018 metrics).

A corpus is JSONL: {doc_id, text, toponyms: [{start, end, name, lat, lon, ...}]}. A predicted toponym
matches a gold one when the surface strings are equal (case-insensitive) and the mention midpoints lie
within 10 characters. Reported: recognition P/R/F1 and, over matched toponyms, Acc@161, mean and median
error in km and the AUC of ln(1+km)/ln(20039) (lower is better). A matched prediction without
coordinates counts as the largest possible error (20039 km).
"""

from __future__ import annotations

import json
import math
import os
import statistics
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from wirecoder.resources.sphere import haversine_km

MAX_KM = 20039.0
# Annotation conventions: GeoWebNews and TR-News tag adjective forms ("Russian") as toponyms,
# GeoVirus (and, by default, any other corpus) tags only place names.
DEMONYM_CORPORA = frozenset({"gwn", "trnews"})


class GeoEvalError(ValueError):
    pass


def shared_dir() -> Path:
    """The development data folder: $WIRECODER_SHARED, else ../shared beside the repository."""
    env = os.environ.get("WIRECODER_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / ".." / "shared"


def corpus_name(path: Path) -> str:
    """"gwn" for gwn_unified.jsonl: the part of the file name before the first underscore."""
    return path.name.split("_")[0].split(".")[0]


def default_corpora() -> dict[str, Path]:
    base = shared_dir() / "data" / "geoparsing"
    return {corpus_name(p): p for p in sorted(base.glob("*_unified.jsonl"))}


def gold_toponyms(doc: dict) -> list[dict]:
    """Gold mentions with coordinates (GeoWebNews also marks non-toponyms, which carry none)."""
    return [t for t in doc["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]


def match(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (prediction, gold): same text (case-insensitive), midpoints at most 10 characters apart."""
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


def error_km(p: dict, g: dict) -> float:
    if p.get("lat") is None or p.get("lon") is None:
        return MAX_KM
    return haversine_km(p["lat"], p["lon"], g["lat"], g["lon"])


def score(n_pred: int, n_gold: int, pairs: list[tuple[dict, dict]]) -> dict:
    errs = [error_km(p, g) for p, g in pairs]
    tp = len(pairs)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    auc = statistics.mean(math.log(1 + e) / math.log(MAX_KM) for e in errs) if errs else None
    return {
        "gold": n_gold, "predicted": n_pred, "matched": tp,
        "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
        "acc161": _acc(errs),
        "mean_km": round(statistics.mean(errs), 1) if errs else None,
        "median_km": round(statistics.median(errs), 1) if errs else None,
        "auc": round(auc, 4) if auc is not None else None,
        # Diagnostic: countries, continents and regions have no agreed point (GeoVirus places the
        # United States at 40N 100W, GeoNames at 39.8N 98.5W, GWN's annotators elsewhere again), so
        # Acc@161 on the other toponyms shows how well places themselves are chosen.
        "acc161_places": _acc([e for (p, _), e in zip(pairs, errs, strict=True)
                               if p.get("feature") not in AREA_FEATURES]),
    }


AREA_FEATURES = frozenset({"country", "continent", "region"})


def _acc(errs: list[float]) -> float | None:
    return round(sum(e < 161 for e in errs) / len(errs), 4) if errs else None


def read_corpus(path: Path, limit: int | None = None) -> list[dict]:
    docs: list[dict] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GeoEvalError(f"{path}:{n}: not valid JSON ({exc}); expected one document per line") from exc
            if "text" not in doc or "toponyms" not in doc:
                raise GeoEvalError(f"{path}:{n}: a document needs 'text' and 'toponyms' "
                                   "({doc_id, text, toponyms: [{start, end, name, lat, lon}]})")
            docs.append(doc)
            if limit and len(docs) >= limit:
                break
    return docs


def evaluate_corpus(path: Path, *, limit: int | None = None, demonyms: bool | None = None,
                    errors: list[tuple[str, str]] | None = None) -> dict:
    """Figures for one corpus file. errors, when given, collects ("FP"|"FN"|"FAR", description)."""
    from wirecoder.coding.places import PlaceFinder
    from wirecoder.nlp.pipeline import load_nlp

    t0 = time.time()
    name = corpus_name(path)
    use_demonyms = name in DEMONYM_CORPORA if demonyms is None else demonyms
    finder = PlaceFinder.load()
    nlp = load_nlp()
    docs = read_corpus(path, limit)
    n_pred = n_gold = 0
    all_pairs: list[tuple[dict, dict]] = []
    for doc, parsed in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        pred = [{"text": p.text, "start": p.char_start, "end": p.char_end, "lat": p.lat, "lon": p.lon,
                 "name": p.name, "country": p.country, "feature": p.feature}
                for p in finder.find(parsed, demonyms=use_demonyms)]
        gold = gold_toponyms(doc)
        pairs = match(pred, gold)
        n_pred += len(pred)
        n_gold += len(gold)
        all_pairs.extend(pairs)
        if errors is not None:
            _collect_errors(pred, gold, pairs, errors)
    out = {"docs": len(docs), **score(n_pred, n_gold, all_pairs), "demonyms": use_demonyms,
           "seconds": round(time.time() - t0, 1)}
    return out


def _collect_errors(pred: list[dict], gold: list[dict], pairs: list[tuple[dict, dict]],
                    errors: list[tuple[str, str]]) -> None:
    matched_p = {id(p) for p, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    errors.extend(("FP", p["text"]) for p in pred if id(p) not in matched_p)
    errors.extend(("FN", g["name"]) for g in gold if id(g) not in matched_g)
    for p, g in pairs:
        km = error_km(p, g)
        if km >= 161:
            errors.append(("FAR", f"{p['text']} -> {p['name']} ({p['country']}) {km:.0f} km"))


def run_geoparse_eval(paths: Iterable[Path] | Mapping[str, Path] | None = None, *,
                      limit: int | None = None) -> dict:
    """Figures per corpus name. paths: corpus files (named by their prefix, "gwn_unified.jsonl" ->
    "gwn"), a {name: path} mapping, or None for the development corpora under shared/data/geoparsing."""
    if paths is None:
        corpora = default_corpora()
        if not corpora:
            raise GeoEvalError(f"no *_unified.jsonl corpora under {shared_dir() / 'data' / 'geoparsing'}; "
                               "pass corpus files or set WIRECODER_SHARED")
    elif isinstance(paths, Mapping):
        corpora = {str(k): Path(v) for k, v in paths.items()}
    else:
        corpora = {corpus_name(Path(p)): Path(p) for p in paths}
    for name, path in corpora.items():
        if not path.is_file():
            raise GeoEvalError(f"corpus {name!r}: {path} is not a file; pass *_unified.jsonl corpus files")
    return {name: evaluate_corpus(path, limit=limit) for name, path in corpora.items()}


def print_geoparse_report(results: Mapping[str, dict]) -> None:
    """One table row per corpus."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Geoparsing (Gritta et al. 2018 metrics)")
    cols = {"docs": "docs", "gold": "gold", "precision": "P", "recall": "R", "f1": "F1", "acc161": "Acc@161",
            "acc161_places": "Acc places",
            "mean_km": "mean km", "median_km": "median km", "auc": "AUC", "seconds": "s"}
    table.add_column("corpus", no_wrap=True)
    for header in cols.values():
        table.add_column(header, justify="right", no_wrap=True)
    for name, res in results.items():
        table.add_row(name, *("" if res.get(c) is None else str(res[c]) for c in cols))
    Console(width=max(140, Console().width)).print(table)
