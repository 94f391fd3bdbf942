"""Extract: RawDocument -> Article (clean text, title, publication date, outlet, language) or a skip."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..schema import Article, RawDocument, SkippedInput
from .boilerplate import clean_text
from .dates import parse_published
from .html import extract_html
from .lang import detect_language

__all__ = ["ExtractOptions", "extract", "clean_text", "detect_language", "parse_published"]

DEFAULT_MAX_CHARS = 300_000  # ~50k words: far beyond any news story; bigger inputs are dumps, not articles


@dataclass(frozen=True)
class ExtractOptions:
    max_chars: int = DEFAULT_MAX_CHARS
    languages: frozenset[str] = frozenset({"en"})  # languages we code; others are skipped with a reason
    min_lang_prob: float = 0.9  # only skip when the detector is this sure the text is another language
    min_words: int = 3


def extract(raw: RawDocument, options: ExtractOptions | None = None) -> Article | SkippedInput:
    options = options or ExtractOptions()
    try:
        return _extract(raw, options)
    except Exception as exc:  # noqa: BLE001 - one broken page must not end a run of thousands
        return SkippedInput(raw.key, f"extraction failed: {type(exc).__name__}: {exc}", stage="extract")


def _extract(raw: RawDocument, options: ExtractOptions) -> Article | SkippedInput:
    source_text = raw.text if raw.text is not None else raw.html or ""
    if len(source_text) > options.max_chars * 20:
        return SkippedInput(raw.key, f"input is {len(source_text):,} characters, far over the article cap", "extract")
    title, published, site = raw.title, raw.published, raw.source
    if raw.text is None and raw.html:
        page = extract_html(raw.html, url=raw.url)
        title, published, site = title or page.title, published or page.date, site or page.sitename
        cleaned = clean_text(page.text, title=title, source=site, line_units=True)
    else:
        cleaned = clean_text(source_text, title=title, source=site)
    text = cleaned.text.strip()
    if len(text.split()) < options.min_words:
        return SkippedInput(raw.key, "no article text left after removing page furniture", "extract")
    if len(text) > options.max_chars:
        return SkippedInput(raw.key, f"article text is {len(text):,} characters, over the {options.max_chars:,} "
                                     "cap (not a news article?)", "extract")
    lang, prob = detect_language(text)
    if lang not in options.languages and prob >= options.min_lang_prob:
        return SkippedInput(raw.key, f"language is {lang!r} (p={prob:.2f}); wirecoder codes "
                                     f"{'/'.join(sorted(options.languages))} only", "extract")
    if lang not in options.languages:
        lang = "en"  # the detector is unsure: treat as English rather than drop a possibly good article
    site = site or cleaned.site or _host(raw.url)
    return Article(
        id=Article.make_id(text), text=text, title=title or cleaned.title,
        published=parse_published(published or cleaned.date_text), url=raw.url, source=site,
        lang=lang, key=raw.key, meta={k: v for k, v in raw.meta.items() if k in ("path", "warc", "feed")},
    )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
