"""Sentence-level PLOVER type classifier: the learned half of the coder.

A multinomial logistic regression over features of the parsed sentence that the spaCy pass already
computed: lemmas and lemma bigrams with named entities abstracted to their labels (so it learns "ENT:NORP
warplanes pound", not names), verb lemmas with negation/auxiliary marks, and the mean and max of the
model's contextual token vectors (doc.tensor). It costs microseconds per sentence on top of parsing.
Trained by training/train_classifier.py from our own corpus (training/data/sentences.tsv).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span

MODEL_PATH = Path(__file__).resolve().parents[1] / "resources" / "data" / "models" / "sentence_type.npz"
_ENT_ABSTRACT = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "DATE", "CARDINAL", "TIME", "MONEY",
                           "QUANTITY", "ORDINAL", "PERCENT", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})


def sentence_features(sent: Span) -> list[str]:
    """Sparse string features of one parsed sentence."""
    norm: list[str] = []
    for t in sent:
        if t.is_punct or t.is_space:
            continue
        if t.ent_type_ in _ENT_ABSTRACT:
            lab = "ENT:" + t.ent_type_
            if norm and norm[-1] == lab:
                continue
            norm.append(lab)
        elif t.like_num:
            norm.append("NUM")
        else:
            norm.append(t.lemma_.lower())
    feats = [f"u:{w}" for w in norm]
    feats.extend(f"b:{a}_{b}" for a, b in zip(norm, norm[1:], strict=False))
    for t in sent:
        if t.pos_ == "VERB":
            lem = t.lemma_.lower()
            feats.append(f"v:{lem}")
            for c in t.children:
                if c.dep_ == "neg":
                    feats.append(f"neg:{lem}")
                elif c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "could", "may", "might"):
                    feats.append(f"aux:{c.lower_}")
                elif c.dep_ == "dobj":
                    feats.append(f"vo:{lem}_{c.lemma_.lower()}")
                elif c.dep_ == "prt":
                    feats.append(f"vp:{lem}_{c.lower_}")
            if t.dep_ == "ROOT":
                feats.append(f"root:{lem}")
    return feats


def dense_features(sent: Span) -> np.ndarray:
    doc = sent.doc
    if doc.tensor is None or doc.tensor.size == 0:
        return np.zeros(0, dtype=np.float32)
    rows = doc.tensor[sent.start:sent.end]
    return np.concatenate([rows.mean(axis=0), rows.max(axis=0)]).astype(np.float32)


@dataclass
class SentenceClassifier:
    labels: list[str]
    vocab: dict[str, int]
    w_sparse: np.ndarray  # (n_features, n_labels)
    w_dense: np.ndarray  # (n_dense, n_labels)
    bias: np.ndarray  # (n_labels,)
    dense_mean: np.ndarray
    dense_std: np.ndarray
    version: str = ""

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SentenceClassifier | None:
        return _load(str(path))

    def logits(self, sparse: list[str], dense: np.ndarray) -> np.ndarray:
        idx = [self.vocab[f] for f in set(sparse) if f in self.vocab]
        z = self.bias.astype(np.float32).copy()
        if idx:
            z += self.w_sparse[idx].astype(np.float32).sum(axis=0)
        if dense.size and self.w_dense.size:
            z += ((dense - self.dense_mean) / self.dense_std) @ self.w_dense.astype(np.float32)
        return z

    def predict(self, sent: Span) -> dict[str, float]:
        z = self.logits(sentence_features(sent), dense_features(sent))
        p = np.exp(z - z.max())
        p /= p.sum()
        return {lab: float(v) for lab, v in zip(self.labels, p, strict=True)}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        feats = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            path, labels=json.dumps(self.labels), features=json.dumps(feats),
            w_sparse=self.w_sparse.astype(np.float16), w_dense=self.w_dense.astype(np.float16),
            bias=self.bias.astype(np.float32), dense_mean=self.dense_mean, dense_std=self.dense_std,
            version=self.version,
        )


@lru_cache(maxsize=2)
def _load(path: str) -> SentenceClassifier | None:
    p = Path(path)
    if not p.exists():
        return None
    z = np.load(p, allow_pickle=False)
    feats = json.loads(str(z["features"]))
    return SentenceClassifier(
        labels=json.loads(str(z["labels"])), vocab={f: i for i, f in enumerate(feats)},
        w_sparse=z["w_sparse"], w_dense=z["w_dense"], bias=z["bias"], dense_mean=z["dense_mean"],
        dense_std=z["dense_std"], version=str(z["version"]),
    )
