"""Knobs for reading inputs; one frozen dataclass so worker processes and the CLI share the same values."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # one news page is rarely over 2 MB of HTML; 10 MB leaves room
USER_AGENT = "wirecoder/0.1 (+https://github.com/wirecoder; polite news event coder)"


@dataclass(frozen=True)
class IngestOptions:
    allow_private: bool = False  # fetch from private, loopback and link-local addresses
    max_bytes: int = DEFAULT_MAX_BYTES  # per file, per HTTP body and per WARC record
    concurrency: int = 8  # simultaneous HTTP requests over all hosts
    per_host_delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds per HTTP request
    retries: int = 3  # extra attempts on timeouts, 429 and 5xx
    backoff: float = 1.0  # first retry waits this long, then doubles
    respect_robots: bool = True
    user_agent: str = USER_AGENT
    follow_feed_links: bool | None = None  # None: follow links only for feeds fetched over HTTP
