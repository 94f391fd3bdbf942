"""RSS/Atom feeds: each entry becomes one document, from its embedded content or its linked page."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from ..schema import RawDocument, SkippedInput
from .http import Fetcher

# Entries whose embedded content is this short are teasers; the article is on the linked page.
MIN_EMBEDDED_CHARS = 400


def _iso(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%d", struct)
    except (TypeError, ValueError):
        return None


def iter_feed(text: str, *, feed_key: str, fetcher: Fetcher | None) -> Iterator[RawDocument | SkippedInput]:
    """Documents of one feed. With a fetcher, entries with only a teaser are read from their link."""
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        yield SkippedInput(feed_key, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        return
    site = parsed.feed.get("title") or None
    to_fetch: dict[str, RawDocument] = {}
    for i, entry in enumerate(parsed.entries):
        link = entry.get("link")
        key = link or f"{feed_key}#{entry.get('id') or i}"
        content = ""
        if entry.get("content"):
            content = entry["content"][0].get("value", "")
        content = content or entry.get("summary", "")
        doc = RawDocument(
            key=key, html=content or None, url=link, title=entry.get("title") or None,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            source=site, meta={"feed": feed_key},
        )
        if fetcher is not None and link and len(content) < MIN_EMBEDDED_CHARS:
            to_fetch[link] = doc
        elif content:
            yield doc
        else:
            yield SkippedInput(key, "feed entry has no content and its link is not fetched "
                                    "(pass a feed URL, or --follow-links, to read linked pages)")
    if fetcher is None:
        return
    for url, result in fetcher.fetch_many(to_fetch):
        doc = to_fetch[url]
        if isinstance(result, SkippedInput):
            yield result
            continue
        doc.html, doc.url, doc.fetched_at = result.text, result.url, result.fetched_at
        yield doc
