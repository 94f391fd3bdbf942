"""Train the sentence-level PLOVER type classifier from our own corpus.

    python training/train_classifier.py [--corpus training/data/sentences.tsv] [--folds 5] [--seed 13]

Parses the corpus with the same spaCy pipeline the coder uses, reports k-fold cross-validated accuracy and
macro-F1, then fits on everything and writes src/wirecoder/resources/data/models/sentence_type.npz.
Deterministic for a given corpus, seed and spaCy model.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from wirecoder.coding.classifier import MODEL_PATH, SentenceClassifier, sentence_features
from wirecoder.nlp.pipeline import load_nlp

REPO = Path(__file__).resolve().parents[1]
MIN_COUNT = 2


def read_corpus(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts.append(row["sentence"])
            labels.append(row["event_type"])
    return texts, labels


def featurise(texts: list[str]) -> list[list[str]]:
    # one training item = one sentence, even if the parser splits it
    return [sentence_features(doc[:]) for doc in load_nlp().pipe(texts, batch_size=64)]


def fit(sparse: list[list[str]], y: np.ndarray, labels: list[str], *, epochs: int = 20,
        l2: float = 3e-5, lr: float = 0.05, seed: int = 13) -> SentenceClassifier:
    counts = Counter(f for feats in sparse for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    rows = [np.array(sorted({vocab[f] for f in feats if f in vocab}), dtype=np.int64) for feats in sparse]
    n, k, nf = len(rows), len(labels), len(vocab)
    rng = np.random.default_rng(seed)
    params = {"ws": np.zeros((nf, k)), "b": np.zeros(k)}
    m = {key: np.zeros_like(v) for key, v in params.items()}
    v2 = {key: np.zeros_like(v) for key, v in params.items()}
    step = 0
    batch = 32
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            z = np.tile(params["b"], (len(idx), 1))
            for j, i in enumerate(idx):
                if rows[i].size:
                    z[j] += params["ws"][rows[i]].sum(axis=0)
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(idx)), y[idx]] -= 1.0
            p /= len(idx)
            grads = {"ws": l2 * params["ws"], "b": p.sum(axis=0)}
            for j, i in enumerate(idx):
                if rows[i].size:
                    np.add.at(grads["ws"], rows[i], p[j])
            step += 1
            for key in params:  # Adam
                m[key] = 0.9 * m[key] + 0.1 * grads[key]
                v2[key] = 0.999 * v2[key] + 0.001 * grads[key] ** 2
                mh = m[key] / (1 - 0.9 ** step)
                vh = v2[key] / (1 - 0.999 ** step)
                params[key] -= lr * mh / (np.sqrt(vh) + 1e-8)
    return SentenceClassifier(labels=labels, vocab=vocab, weights=params["ws"], bias=params["b"])


def predict(model: SentenceClassifier, features: list[str]) -> int:
    return int(np.argmax(model.logits(features)))


def macro_f1(gold: list[int], pred: list[int], k: int) -> float:
    f1s = []
    for c in range(k):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        if tp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "training/data/sentences.tsv")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--output", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} not found: run training/build_corpus.py first")
    texts, names = read_corpus(args.corpus)
    labels = sorted(set(names))
    y = np.array([labels.index(t) for t in names])
    print(f"{len(texts)} sentences, {len(labels)} labels; parsing…", flush=True)
    sparse = featurise(texts)
    if args.folds > 1:
        fold = np.random.default_rng(args.seed).permutation(len(texts)) % args.folds
        gold, pred = [], []
        for f in range(args.folds):
            tr, te = np.where(fold != f)[0], np.where(fold == f)[0]
            model = fit([sparse[i] for i in tr], y[tr], labels, epochs=args.epochs, seed=args.seed)
            gold.extend(int(y[i]) for i in te)
            pred.extend(predict(model, sparse[i]) for i in te)
        acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
        print(f"{args.folds}-fold CV: accuracy {acc:.3f}  macro-F1 {macro_f1(gold, pred, len(labels)):.3f}")
    model = fit(sparse, y, labels, epochs=args.epochs, seed=args.seed)
    model.version = hashlib.sha1(args.corpus.read_bytes()).hexdigest()[:12]
    model.save(args.output)
    size = args.output.stat().st_size / 1e6
    print(f"wrote {args.output} ({size:.2f} MB, {len(model.vocab)} sparse features, corpus {model.version})")


if __name__ == "__main__":
    main()
