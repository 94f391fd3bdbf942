"""A polite HTTP client: per-host rate limit, robots.txt, retries with backoff, timeouts, size and
content-type checks, and refusal of private/loopback/link-local addresses (SSRF guard) unless allowed."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..schema import SkippedInput
from .decode import DecodeError, decode_bytes
from .options import IngestOptions

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/rss+xml",
                  "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_REDIRECTS = 5


@dataclass
class FetchResult:
    url: str  # final URL after redirects
    text: str
    content_type: str
    status: int
    fetched_at: str
    headers: dict[str, str] = field(default_factory=dict)


class FetchRefused(Exception):
    """A request we will not make or whose answer we will not use; the message is the skip reason."""


Resolver = Callable[[str], list[str]]


def resolve_host(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})


def check_public(url: str, resolver: Resolver = resolve_host) -> None:
    """Raise FetchRefused when the URL's host is or resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"unsupported URL scheme {parts.scheme!r}; only http and https are fetched")
    host = parts.hostname
    if not host:
        raise FetchRefused("URL has no host")
    try:
        addrs = [host] if _is_ip(host) else resolver(host)
    except OSError as exc:
        raise FetchRefused(f"cannot resolve host {host!r}: {exc}") from exc
    for addr in addrs:
        ip = ipaddress.ip_address(addr.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchRefused(f"host {host!r} resolves to non-public address {addr}; "
                               "pass --allow-private to fetch from private networks")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class _HostGate:
    """Spaces requests to one host at least `delay` seconds apart, across threads."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self.lock = threading.Lock()
        self.next_at: float | None = None

    def wait_turn(self) -> None:
        with self.lock:
            now = self.clock()
            start = now if self.next_at is None else max(now, self.next_at)
            self.next_at = start + self.delay
        if start > now:
            self.sleep(start - now)


class Fetcher:
    """Fetch pages politely; thread-safe, so `fetch_many` runs several hosts at once."""

    def __init__(self, options: IngestOptions, *, client: httpx.Client | None = None,
                 resolver: Resolver = resolve_host, sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(options.timeout), follow_redirects=False,
            headers={"User-Agent": options.user_agent, "Accept": ", ".join(ACCEPTED_TYPES)},
        )
        self.resolver = resolver
        self.sleep = sleep
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robot_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public -------------------------------------------------------------------------------
    def fetch(self, url: str) -> FetchResult | SkippedInput:
        try:
            return self._fetch(url)
        except FetchRefused as exc:
            return SkippedInput(url, str(exc))

    def fetch_many(self, urls: Iterable[str]) -> Iterator[tuple[str, FetchResult | SkippedInput]]:
        """Fetch concurrently with at most `concurrency` requests in flight; yields as they finish."""
        with ThreadPoolExecutor(max_workers=max(1, self.options.concurrency)) as pool:
            pending: dict[Future, str] = {}
            for url in urls:
                pending[pool.submit(self.fetch, url)] = url
                if len(pending) >= 2 * self.options.concurrency:  # bounded: a long URL list streams
                    yield from self._drain(pending, FIRST_COMPLETED)
            while pending:
                yield from self._drain(pending, FIRST_COMPLETED)

    @staticmethod
    def _drain(pending: dict[Future, str], how: str) -> Iterator[tuple[str, FetchResult | SkippedInput]]:
        done, _ = wait(list(pending), return_when=how)
        for fut in done:
            url = pending.pop(fut)
            yield url, fut.result()

    # -- internals ----------------------------------------------------------------------------
    def _gate(self, host: str) -> _HostGate:
        with self._lock:
            return self._gates.setdefault(host, _HostGate(self.options.per_host_delay))

    def _allowed_by_robots(self, url: str) -> bool:
        if not self.options.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._robot_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt request per site, however many threads ask at once
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            rp = self._robots[origin]
        return rp is None or rp.can_fetch(self.options.user_agent, url)

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        rp = RobotFileParser()
        try:
            resp, body = self._request(origin + "/robots.txt", retries=1)
        except FetchRefused:
            return None  # unreachable robots.txt: the page fetch itself will report the real problem
        if resp.status_code in (401, 403):
            rp.disallow_all = True
        elif resp.status_code >= 400:
            rp.allow_all = True
        else:
            rp.parse(body.decode("utf-8", "replace").splitlines())
        return rp

    def _request(self, url: str, *, retries: int | None = None) -> tuple[httpx.Response, bytes]:
        """GET with redirects checked hop by hop, retries and the body read under the size cap."""
        attempts = 1 + (self.options.retries if retries is None else retries)
        delay = self.options.backoff
        last = ""
        for attempt in range(attempts):
            if attempt:
                self.sleep(delay)
                delay *= 2
            try:
                resp, body = self._get_following(url)
            except httpx.TimeoutException:
                last = f"timed out after {self.options.timeout:g}s"
                continue
            except httpx.TransportError as exc:
                last = f"connection failed: {exc}"
                continue
            if resp.status_code in _RETRY_STATUS and attempt + 1 < attempts:
                last = f"HTTP {resp.status_code}"
                retry_after = resp.headers.get("retry-after", "")
                if retry_after.isdigit():
                    delay = max(delay, min(float(retry_after), 60.0))
                continue
            return resp, body
        raise FetchRefused(f"gave up after {attempts} attempts: {last}")

    def _get_following(self, url: str) -> tuple[httpx.Response, bytes]:
        for _ in range(_MAX_REDIRECTS + 1):
            if not self.options.allow_private:
                check_public(url, self.resolver)
            self._gate(urlsplit(url).netloc).wait_turn()
            with self.client.stream("GET", url) as resp:
                if resp.is_redirect and "location" in resp.headers:
                    url = urljoin(url, resp.headers["location"])
                    continue
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.options.max_bytes:
                        raise FetchRefused(f"response is over the {self.options.max_bytes / 1e6:.1f} MB cap; "
                                           "raise --max-bytes to read it")
                return resp, bytes(body)
        raise FetchRefused(f"more than {_MAX_REDIRECTS} redirects")

    def _fetch(self, url: str) -> FetchResult:
        if not self.options.allow_private:
            check_public(url, self.resolver)
        if not self._allowed_by_robots(url):
            raise FetchRefused("disallowed by robots.txt")
        resp, body = self._request(url)
        if resp.status_code >= 400:
            raise FetchRefused(f"HTTP {resp.status_code}")
        ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype and not ctype.startswith(ACCEPTED_TYPES):
            raise FetchRefused(f"content type {ctype!r} is not a web page or feed")
        try:
            text, _ = decode_bytes(body, declared=resp.charset_encoding)
        except DecodeError as exc:
            raise FetchRefused(str(exc)) from exc
        return FetchResult(url=str(resp.url), text=text, content_type=ctype, status=resp.status_code,
                           fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                           headers=dict(resp.headers))
