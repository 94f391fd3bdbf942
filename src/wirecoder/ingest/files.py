"""Local inputs: single .txt/.html files, folders of them (recursive), and JSONL of articles."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..schema import RawDocument, SkippedInput
from .decode import DecodeError, decode_bytes
from .options import IngestOptions

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
WARC_SUFFIXES = frozenset({".warc", ".warc.gz", ".arc", ".arc.gz"})
# Project paperwork that sits beside articles in a folder; never an input.
_DOC_FILES = re.compile(r"^(readme|license|licence|changelog|notice|authors)(\.\w+)?$", re.I)
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES | frozenset({".jsonl", ".ndjson", ""})
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|p|div|article)\b", re.I)
_FEED_SNIFF = re.compile(r"<\s*(rss|feed|rdf:RDF)\b", re.I)
_URL_LINE = re.compile(r"^https?://\S+$")


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return ".warc.gz"
    return path.suffix.lower()


def read_capped(path: Path, options: IngestOptions) -> bytes | SkippedInput:
    """File bytes, or a skip naming the problem (unreadable, empty or over the size cap)."""
    key = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            return SkippedInput(key, f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.1f} MB "
                                     "cap; raise --max-bytes to read it")
        return path.read_bytes()
    except OSError as exc:
        return SkippedInput(key, f"cannot read file: {exc.strerror or exc}")


def decode_file(path: Path, options: IngestOptions) -> str | SkippedInput:
    data = read_capped(path, options)
    if isinstance(data, SkippedInput):
        return data
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        return SkippedInput(str(path), str(exc))
    return text


def is_url_list(text: str) -> bool:
    """A .txt whose every non-blank, non-comment line is an http(s) URL is a list of pages to fetch."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return bool(lines) and all(_URL_LINE.match(ln) for ln in lines)


def url_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_SNIFF.search(text[:2000]))


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:4096].encode("utf-8", "ignore")))


def raw_from_text_file(path: Path, text: str) -> RawDocument:
    """One article per file; markup decides between HTML and plain text, not only the suffix."""
    key = str(path)
    if suffix_of(path) in HTML_SUFFIXES or looks_like_html(text):
        return RawDocument(key=key, html=text, meta={"path": key})
    return RawDocument(key=key, text=text, meta={"path": key})


def iter_jsonl(path: Path, options: IngestOptions) -> Iterator[RawDocument | SkippedInput]:
    """One article per line: {"id", "text" or "html", "title", "url", "published", "source"}."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield SkippedInput(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        for lineno, line in enumerate(fh, 1):
            key = f"{path}#L{lineno}"
            if not line.strip():
                continue
            if len(line) > options.max_bytes:
                yield SkippedInput(key, f"line is {len(line) / 1e6:.1f} MB, over the size cap; raise --max-bytes")
                continue
            try:
                rec = json.loads(decode_bytes(line)[0])
            except (DecodeError, json.JSONDecodeError) as exc:
                yield SkippedInput(key, f"not a JSON object: {exc}")
                continue
            if not isinstance(rec, dict):
                yield SkippedInput(key, "line is JSON but not an object; expected {\"text\" or \"html\", ...}")
                continue
            text, html = rec.get("text"), rec.get("html")
            if not isinstance(text, str) and not isinstance(html, str):
                yield SkippedInput(key, "record has neither a \"text\" nor an \"html\" string")
                continue
            if rec.get("id") is not None:
                key = f"{path}#{rec['id']}"
            published = rec.get("published")
            yield RawDocument(
                key=key,
                text=text if isinstance(text, str) else None,
                html=html if isinstance(html, str) and not isinstance(text, str) else None,
                url=_str_or_none(rec.get("url")),
                title=_str_or_none(rec.get("title")),
                published=None if published is None else str(published),
                source=_str_or_none(rec.get("source")),
                meta={"path": str(path), "line": lineno, "id": rec.get("id")},
            )


def _str_or_none(v: object) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


def walk_folder(root: Path) -> Iterator[Path]:
    """Every non-hidden file under `root`, in a stable order so a resumed run sees the same sequence."""
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or _DOC_FILES.match(p.name):
            continue
        if p.is_file():
            yield p
