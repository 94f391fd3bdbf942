"""Sentence-level PLOVER type classifier: the learned half of the coder.

A multinomial logistic regression over features of the parsed sentence that the spaCy pass already
computed: lemmas and lemma bigrams with named entities abstracted to their labels (so it learns "ENT:NORP
warplanes pound", not names), and verb lemmas with their objects, particles, negation and auxiliaries.
It costs microseconds per sentence on top of parsing. (Pooled doc.tensor vectors were tried as extra
features and lowered cross-validated accuracy from 0.74 to 0.58, so they are not used.)
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


@dataclass
class SentenceClassifier:
    labels: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, n_labels)
    bias: np.ndarray  # (n_labels,)
    version: str = ""

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SentenceClassifier | None:
        return _load(str(path))

    def logits(self, features: list[str]) -> np.ndarray:
        idx = [self.vocab[f] for f in set(features) if f in self.vocab]
        z = self.bias.astype(np.float32).copy()
        if idx:
            z += self.weights[idx].astype(np.float32).sum(axis=0)
        return z

    def predict(self, sent: Span) -> dict[str, float]:
        z = self.logits(sentence_features(sent))
        p = np.exp(z - z.max())
        p /= p.sum()
        return {lab: float(v) for lab, v in zip(self.labels, p, strict=True)}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        feats = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            path, labels=json.dumps(self.labels), features=json.dumps(feats),
            weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32), version=self.version,
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
        weights=z["weights"], bias=z["bias"], version=str(z["version"]),
    )
