"""Language identification with py3langid (a small model shipped inside the PyPI package; offline)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_CHARS = 40  # below this, identification is a guess; such snippets are assumed to be English


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability); texts too short to judge come back as ("en", 0.0)."""
    sample = text[:4000]
    if len(sample.strip()) < MIN_CHARS:
        return "en", 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
