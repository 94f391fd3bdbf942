"""Exact and near-duplicate detection of articles (MinHash + LSH banding), streaming and across runs.

An article is an exact copy when its content hash (Article.id) was seen; a near copy when its MinHash
signature shares an LSH band with a stored article and the estimated Jaccard similarity of their word
5-gram shingles is at least `threshold`. The index is pluggable: `MemoryIndex` for one process
(`wirecoder extract`), the store for runs that must remember earlier runs' articles.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from .schema import Article

NUM_PERM = 128
BANDS = 16  # 16 bands x 8 rows: pairs above ~0.75 Jaccard almost always share a band
ROWS = NUM_PERM // BANDS
SHINGLE = 5
DEFAULT_THRESHOLD = 0.7
_TOKEN = re.compile(r"\w+")
# Fixed seeds: signatures stored by one run must compare with those computed by the next.
_rng = np.random.default_rng(20160421)
_A = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
del _rng


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    toks = _TOKEN.findall(text.lower())
    if len(toks) < k:
        return {" ".join(toks).encode()} if toks else set()
    return {" ".join(toks[i:i + k]).encode() for i in range(len(toks) - k + 1)}


def minhash(text: str) -> np.ndarray:
    """NUM_PERM uint32 minima of multiply-shift hashes of the text's shingles."""
    sh = shingles(text)
    if not sh:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    base = np.fromiter((int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "little") for s in sh),
                       dtype=np.uint64, count=len(sh))
    # (a*x + b) mod 2^64, top 32 bits: a universal family; uint64 wrap-around is the intended mod.
    with np.errstate(over="ignore"):
        hashed = (base[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return hashed.min(axis=0).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[str]:
    return [f"{b}:{hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
            for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def sig_to_hex(sig: np.ndarray) -> str:
    return sig.astype("<u4").tobytes().hex()


def sig_from_hex(s: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(s), dtype="<u4").astype(np.uint32)


@dataclass
class Signature:
    article_id: str
    sig: np.ndarray
    bands: list[str]

    @classmethod
    def of(cls, article: Article) -> Signature:
        sig = minhash(article.text)
        return cls(article.id, sig, band_keys(sig))


class DedupIndex(Protocol):
    """What the deduplicator needs from wherever earlier articles are remembered."""

    def has_article(self, article_id: str) -> bool: ...

    def band_candidates(self, bands: list[str]) -> list[tuple[str, str]]:
        """(article_id, signature hex) of stored canonical articles sharing any of `bands`."""
        ...


@dataclass
class MemoryIndex:
    ids: set[str] = field(default_factory=set)
    bands: dict[str, set[str]] = field(default_factory=dict)
    sigs: dict[str, str] = field(default_factory=dict)

    def has_article(self, article_id: str) -> bool:
        return article_id in self.ids

    def band_candidates(self, bands: list[str]) -> list[tuple[str, str]]:
        found = set().union(*(self.bands.get(b, set()) for b in bands))
        return [(a, self.sigs[a]) for a in sorted(found)]

    def add(self, s: Signature) -> None:
        self.ids.add(s.article_id)
        self.sigs[s.article_id] = sig_to_hex(s.sig)
        for b in s.bands:
            self.bands.setdefault(b, set()).add(s.article_id)


@dataclass
class Verdict:
    signature: Signature
    canonical_id: str | None = None  # None: a new story; else the stored/pending article it copies
    exact: bool = False
    similarity: float = 1.0

    @property
    def is_copy(self) -> bool:
        return self.canonical_id is not None


class Deduplicator:
    """Checks articles against a persistent index plus the not-yet-stored articles of this batch."""

    def __init__(self, index: DedupIndex, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.index = index
        self.threshold = threshold
        self.pending = MemoryIndex()

    def check(self, article: Article) -> Verdict:
        s = Signature.of(article)
        if self.pending.has_article(article.id) or self.index.has_article(article.id):
            return Verdict(s, article.id, exact=True)
        best: tuple[float, str] | None = None
        for source in (self.pending, self.index):
            for cand_id, cand_hex in source.band_candidates(s.bands):
                sim = similarity(s.sig, sig_from_hex(cand_hex))
                if sim >= self.threshold and (best is None or sim > best[0]):
                    best = (sim, cand_id)
        if best is not None:
            return Verdict(s, best[1], similarity=best[0])
        return Verdict(s)

    def add(self, verdict: Verdict) -> None:
        """Remember a new canonical article until the store has it (then call `flush`)."""
        if not verdict.is_copy:
            self.pending.add(verdict.signature)

    def flush(self) -> None:
        self.pending = MemoryIndex()

    def check_all(self, articles: Iterable[Article]) -> list[Verdict]:
        """Check and remember a batch; asks the index twice per batch instead of twice per article."""
        articles = list(articles)
        sigs = [Signature.of(a) for a in articles]
        known = {a.id for a in articles if self.index.has_article(a.id)} if len(articles) < 2 else \
            self._known([a.id for a in articles])
        all_bands = sorted({b for s in sigs for b in s.bands})
        stored = [(cid, sig_from_hex(h)) for cid, h in self.index.band_candidates(all_bands)] if all_bands else []
        out = []
        for a, s in zip(articles, sigs, strict=True):
            if a.id in known or self.pending.has_article(a.id):
                v = Verdict(s, a.id, exact=True)
            else:
                best: tuple[float, str] | None = None
                pending = [(cid, sig_from_hex(h)) for cid, h in self.pending.band_candidates(s.bands)]
                for cand_id, cand_sig in pending + stored:
                    sim = similarity(s.sig, cand_sig)
                    if sim >= self.threshold and (best is None or sim > best[0]):
                        best = (sim, cand_id)
                v = Verdict(s, best[1], similarity=best[0]) if best else Verdict(s)
            self.add(v)
            out.append(v)
        return out

    def _known(self, ids: list[str]) -> set[str]:
        many = getattr(self.index, "existing_articles", None)
        return set(many(ids)) if many else {i for i in ids if self.index.has_article(i)}
