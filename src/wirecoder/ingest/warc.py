"""WARC / WARC.gz archives (Common Crawl News layout): one document per HTML response record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..schema import RawDocument, SkippedInput
from .decode import DecodeError, decode_bytes
from .options import IngestOptions

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v:
            return v.strip("\"' ")
    return None


def iter_warc(path: Path, options: IngestOptions) -> Iterator[RawDocument | SkippedInput]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield SkippedInput(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource", "conversion"):
                    continue  # request, warcinfo and metadata records carry no article
                doc = _record_to_doc(path, record, options)
                if doc is not None:
                    yield doc
        except ArchiveLoadFailed as exc:
            yield SkippedInput(str(path), f"not a readable WARC archive: {exc}")


def _record_to_doc(path: Path, record, options: IngestOptions) -> RawDocument | SkippedInput | None:
    headers = record.rec_headers
    rec_id = headers.get_header("WARC-Record-ID") or ""
    key = f"{path}#{rec_id.strip('<>')}"
    url = headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        ctype = record.http_headers.get_header("Content-Type") or ""
        if status != "200":
            return SkippedInput(key, f"WARC response for {url} has HTTP status {status}")
    else:
        ctype = headers.get_header("Content-Type") or ""
    is_text = record.rec_type == "conversion" or ctype.lower().startswith("text/plain")
    if not is_text and not ctype.lower().startswith(_HTML_TYPES):
        return SkippedInput(key, f"WARC record for {url} is {ctype.split(';')[0] or 'untyped'}, not a web page")
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        return SkippedInput(key, f"WARC record for {url} is over the {options.max_bytes / 1e6:.1f} MB cap; "
                                 "raise --max-bytes to read it")
    try:
        text, _ = decode_bytes(body, declared=_charset(ctype))
    except DecodeError as exc:
        return SkippedInput(key, f"WARC record for {url}: {exc}")
    return RawDocument(
        key=key, html=None if is_text else text, text=text if is_text else None, url=url,
        fetched_at=headers.get_header("WARC-Date"), meta={"warc": str(path), "record_id": rec_id},
    )
