"""Ingest: turn every kind of input into a stream of RawDocument (or SkippedInput with the reason).

Inputs, each given as one string:
  FILE.txt / FILE.html        one article (markup decides HTML vs plain text)
  FOLDER                      every non-hidden file under it, recursively, in sorted order
  FILE.jsonl                  one article per line {"id","text" or "html","title","url","published","source"}
  FILE.rss / .atom / .xml     an RSS/Atom feed (entries' embedded content; links fetched with follow_feed_links)
  FILE.warc / FILE.warc.gz    HTML response records of a WARC archive (Common Crawl News layout)
  urls:FILE or a .txt of URLs a URL list: one http(s) URL per line, '#' comments; fetched politely
  http(s)://...               one page, or a feed whose linked pages are fetched
Streams: nothing is read before it is needed, so memory stays flat on big folders and archives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from ..schema import RawDocument, SkippedInput
from .decode import DecodeError, decode_bytes
from .feeds import iter_feed
from .files import (
    FEED_SUFFIXES,
    JSONL_SUFFIXES,
    KNOWN_SUFFIXES,
    WARC_SUFFIXES,
    decode_file,
    is_url_list,
    iter_jsonl,
    looks_like_feed,
    looks_like_html,
    raw_from_text_file,
    read_capped,
    suffix_of,
    url_lines,
    walk_folder,
)
from .http import Fetcher, FetchResult
from .options import IngestOptions
from .warc import iter_warc

__all__ = ["IngestOptions", "iter_raw", "count_items", "Fetcher"]


class _Context:
    """Per-call state: the one lazily created HTTP client, closed when the stream ends."""

    def __init__(self, options: IngestOptions, stack: ExitStack, fetcher: Fetcher | None = None) -> None:
        self.options = options
        self._stack = stack
        self._fetcher = fetcher

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = self._stack.enter_context(Fetcher(self.options))
        return self._fetcher


def iter_raw(inputs: Iterable[str], *, options: IngestOptions | None = None,
             fetcher: Fetcher | None = None) -> Iterator[RawDocument | SkippedInput]:
    options = options or IngestOptions()
    with ExitStack() as stack:
        ctx = _Context(options, stack, fetcher)
        for spec in inputs:
            yield from _iter_input(spec, ctx)


def _iter_input(spec: str, ctx: _Context) -> Iterator[RawDocument | SkippedInput]:
    if spec.startswith(("http://", "https://")):
        yield from _iter_url(spec, ctx)
        return
    if spec.startswith("urls:"):
        path = Path(spec[5:])
        text = decode_file(path, ctx.options) if path.is_file() else SkippedInput(spec, "no such URL list file")
        if isinstance(text, SkippedInput):
            yield text
        else:
            yield from _iter_urls(url_lines(text), ctx)
        return
    path = Path(spec)
    if path.is_dir():
        for p in walk_folder(path):
            yield from _iter_file(p.resolve(), ctx)
    elif path.is_file():
        yield from _iter_file(path.resolve(), ctx)
    else:
        yield SkippedInput(spec, "no such file or folder (or an unsupported input form; see `wirecoder ingest --help`)")


def _iter_file(path: Path, ctx: _Context) -> Iterator[RawDocument | SkippedInput]:
    suffix = suffix_of(path)
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(path, ctx.options)
        return
    if suffix in WARC_SUFFIXES:
        yield from iter_warc(path, ctx.options)
        return
    data = read_capped(path, ctx.options)
    if isinstance(data, SkippedInput):
        yield data
        return
    if suffix == ".gz" or data[:2] == b"\x1f\x8b":
        yield SkippedInput(str(path), "gzip file that is not a .warc.gz; unpack it first")
        return
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield SkippedInput(str(path), str(exc))
        return
    if suffix not in KNOWN_SUFFIXES and not looks_like_feed(text) and not looks_like_html(text):
        yield SkippedInput(str(path), f"unsupported file type {suffix!r}; inputs are .txt, .html, .jsonl, "
                                      ".rss/.atom/.xml, .warc(.gz) or URL lists")
        return
    if suffix in FEED_SUFFIXES or (suffix not in (".html", ".htm", ".txt") and looks_like_feed(text)):
        follow = ctx.options.follow_feed_links
        yield from iter_feed(text, feed_key=str(path), fetcher=ctx.fetcher if follow else None)
        return
    if suffix == ".txt" and is_url_list(text):
        yield from _iter_urls(url_lines(text), ctx)
        return
    doc = raw_from_text_file(path, text)
    doc.meta["encoding"] = encoding
    yield doc


def _iter_urls(urls: list[str], ctx: _Context) -> Iterator[RawDocument | SkippedInput]:
    for url, result in ctx.fetcher.fetch_many(urls):
        yield from _from_fetch(url, result, ctx)


def _iter_url(url: str, ctx: _Context) -> Iterator[RawDocument | SkippedInput]:
    yield from _from_fetch(url, ctx.fetcher.fetch(url), ctx)


def _from_fetch(url: str, result: FetchResult | SkippedInput, ctx: _Context) -> Iterator[RawDocument | SkippedInput]:
    if isinstance(result, SkippedInput):
        yield result
        return
    if "xml" in result.content_type or looks_like_feed(result.text):
        follow = ctx.options.follow_feed_links
        yield from iter_feed(result.text, feed_key=url, fetcher=ctx.fetcher if follow is not False else None)
        return
    is_text = result.content_type == "text/plain"
    yield RawDocument(key=url, html=None if is_text else result.text, text=result.text if is_text else None,
                      url=result.url, fetched_at=result.fetched_at, meta={"status": result.status})


def count_items(inputs: Iterable[str]) -> int | None:
    """Cheap count of documents for the progress bar's ETA; None when an input can't be counted cheaply."""
    total = 0
    for spec in inputs:
        path = Path(spec)
        if spec.startswith(("http://", "https://", "urls:")) or not path.exists():
            return None
        files = list(walk_folder(path)) if path.is_dir() else [path]
        for p in files:
            suffix = suffix_of(p)
            if suffix in WARC_SUFFIXES or suffix in FEED_SUFFIXES:
                return None
            if suffix in JSONL_SUFFIXES:
                try:
                    with p.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total

