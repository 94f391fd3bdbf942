"""Bytes -> text for every input kind: refuse empty and binary payloads, detect the charset of the rest."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# Magic numbers of formats people drop into news folders by accident; named so the skip reason helps.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "audio/video file"),
)


class DecodeError(ValueError):
    """The payload is not text we can read; the message says why."""


def sniff_binary(data: bytes) -> str | None:
    """Name of the binary format `data` looks like, or None when it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary data (NUL bytes)"
    # Many control characters other than tab/newline/formfeed mean this is not prose.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and controls / len(head) > 0.05:
        return "binary data (control characters)"
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode `data` to text; returns (text, encoding). Raises DecodeError naming the problem."""
    if not data.strip():
        raise DecodeError("empty file")
    kind = sniff_binary(data)
    if kind:
        raise DecodeError(f"not text: looks like {kind}")
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass  # servers and meta tags lie often enough; fall through to detection
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or not best.encoding:
        raise DecodeError("could not detect the text encoding (not UTF-8, no charset matched)")
    try:
        return data.decode(best.encoding, errors="replace"), best.encoding
    except LookupError as exc:  # pragma: no cover - charset_normalizer only names codecs Python has
        raise DecodeError(f"unknown encoding {best.encoding!r}") from exc
