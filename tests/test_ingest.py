"""Ingest: files, folders, JSONL, feeds, WARC, URL lists, and the polite HTTP client."""

from __future__ import annotations

import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecoder.ingest import IngestOptions, iter_raw
from wirecoder.ingest.decode import DecodeError, decode_bytes
from wirecoder.ingest.http import Fetcher, FetchResult, _HostGate, check_public
from wirecoder.ingest.synthetic import html_page, make_story
from wirecoder.schema import RawDocument, SkippedInput


def _split(items):
    docs = [i for i in items if isinstance(i, RawDocument)]
    skips = [i for i in items if isinstance(i, SkippedInput)]
    return docs, skips


def test_decode_bytes_handles_junk():
    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(b"  \n")
    with pytest.raises(DecodeError, match="PDF"):
        decode_bytes(b"%PDF-1.4 ...")
    with pytest.raises(DecodeError, match="NUL"):
        decode_bytes(b"abc\x00\x00def" * 10)
    text, enc = decode_bytes("Les manifestants ont défilé à Besançon pendant la grève générale.".encode("latin-1"))
    assert "défilé à Besançon" in text and enc != "utf-8"
    assert decode_bytes("naïve café".encode())[0] == "naïve café"


def test_folder_recursive_with_bad_files(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.html").write_text(html_page(make_story(1)))
    (tmp_path / "sub" / "b.txt").write_text("Police arrested five students in Lima on Monday.")
    (tmp_path / "sub" / "deeper" / "c.htm").write_text(html_page(make_story(2)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    (tmp_path / ".hidden.html").write_text("<p>not an input</p>")
    (tmp_path / "README.md").write_text("notes")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04rest")
    docs, skips = _split(list(iter_raw([str(tmp_path)])))
    assert sorted(Path(d.key).name for d in docs) == ["a.html", "b.txt", "c.htm"]
    assert {Path(s.key).name: s.reason for s in skips} == {
        "empty.txt": "empty file", "photo.jpg": "not text: looks like JPEG image",
        "notes.docx": "not text: looks like ZIP archive (or .docx/.xlsx)"}
    assert next(d for d in docs if d.key.endswith("b.txt")).text is not None
    assert next(d for d in docs if d.key.endswith("a.html")).html is not None


def test_missing_input_and_size_cap(tmp_path):
    big = tmp_path / "big.html"
    big.write_text("<p>" + "x" * 5000 + "</p>")
    items = list(iter_raw([str(tmp_path / "nope"), str(big)], options=IngestOptions(max_bytes=1000)))
    assert [type(i) for i in items] == [SkippedInput, SkippedInput]
    assert "no such file" in items[0].reason and "--max-bytes" in items[1].reason


def test_jsonl(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "x1", "text": "Troops shelled the town.", "published": "2020-01-02", "source": "S"}\n'
                 '\n{"html": "<p>Rebels attacked a convoy.</p>", "url": "https://n.example/2"}\n'
                 'not json\n[1, 2]\n{"title": "no body"}\n')
    docs, skips = _split(list(iter_raw([str(p)])))
    assert [(d.key.split("#")[1], d.text, d.html is not None, d.published) for d in docs] == [
        ("x1", "Troops shelled the town.", False, "2020-01-02"), ("L3", None, True, None)]
    assert [s.key.split("#")[1] for s in skips] == ["L4", "L5", "L6"]
    assert "neither" in skips[2].reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Feed</title><link>https://wire.example</link>
<item><title>Clashes in Lagos</title><link>https://wire.example/1</link>
<pubDate>Tue, 21 Apr 2016 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Police arrested 40 protesters in Lagos on Tuesday after clashes near parliament.&lt;/p&gt;</description></item>
<item><title>Teaser only</title><link>https://wire.example/2</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Talks in Cairo</title><link href="https://atom.example/a"/><id>urn:1</id>
<updated>2019-05-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;The foreign ministers of Egypt and Sudan met in Cairo on Monday.&lt;/p&gt;</content></entry>
</feed>"""


def test_feed_files(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS)
    (tmp_path / "news.atom").write_text(ATOM)
    docs, skips = _split(list(iter_raw([str(tmp_path / "wire.rss"), str(tmp_path / "news.atom")])))
    assert [(d.key, d.title, d.published, d.source) for d in docs] == [
        ("https://wire.example/1", "Clashes in Lagos", "2016-04-21", "Wire Feed"),
        ("https://atom.example/a", "Talks in Cairo", "2019-05-01", "Atom News")]
    assert "arrested 40 protesters" in docs[0].html
    assert [s.key for s in skips] == ["https://wire.example/2"]


def write_warc(path: Path, n: int, *, extra: bool = True) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for i in range(n):
            body = html_page(make_story(i), url=f"https://site{i % 7}.example/story/{i}").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://site{i % 7}.example/story/{i}", "response",
                                                payload=io.BytesIO(body), http_headers=headers))
        if extra:
            img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record("https://site0.example/logo.png", "response",
                                                payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
            gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record("https://site0.example/gone", "response",
                                                payload=io.BytesIO(b"<p>missing</p>"), http_headers=gone))


@pytest.mark.parametrize("name", ["pages.warc.gz", "pages.warc"])
def test_warc(tmp_path, name):
    write_warc(tmp_path / name, 30)
    docs, skips = _split(list(iter_raw([str(tmp_path / name)])))
    assert len(docs) == 30 and len({d.key for d in docs}) == 30
    assert docs[5].url == "https://site5.example/story/5" and "<article>" in docs[5].html
    assert sorted(s.reason.split(" is ")[-1].split(" has ")[-1] for s in skips) == [
        "HTTP status 404", "image/png, not a web page"]


def test_corrupt_warc(tmp_path):
    p = tmp_path / "bad.warc.gz"
    p.write_bytes(gzip.compress(b"garbage garbage\n"))
    _, skips = _split(list(iter_raw([str(p)])))
    assert skips and "WARC" in skips[0].reason


# -- HTTP ------------------------------------------------------------------------------------------
class _Handler(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *a):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802 - http.server API
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/robots.txt":
            return self._send(200, "text/plain", b"User-agent: *\nDisallow: /private\n")
        if self.path.startswith("/story/"):
            i = int(self.path.rsplit("/", 1)[1])
            return self._send(200, "text/html; charset=utf-8", html_page(make_story(i)).encode())
        if self.path == "/flaky" and self.hits[self.path] < 3:
            return self._send(503, "text/plain", b"busy")
        if self.path == "/flaky":
            return self._send(200, "text/html", html_page(make_story(99)).encode())
        if self.path == "/image":
            return self._send(200, "image/png", b"\x89PNG")
        if self.path == "/huge":
            return self._send(200, "text/html", b"<p>" + b"a" * 50_000 + b"</p>")
        if self.path == "/redirect-out":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data")
            self.end_headers()
            return None
        if self.path == "/feed":
            return self._send(200, "application/rss+xml",
                              RSS.replace("https://wire.example", f"http://127.0.0.1:{self.server.server_port}/story")
                              .encode())
        return self._send(404, "text/plain", b"no")

    def _send(self, code, ctype, body):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def server() -> Iterator[str]:
    _Handler.hits = {}
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


LOCAL = IngestOptions(allow_private=True, per_host_delay=0.0, backoff=0.01, max_bytes=20_000, timeout=5)


def test_private_addresses_refused(server):
    items = list(iter_raw([server + "/story/1"]))
    assert isinstance(items[0], SkippedInput) and "--allow-private" in items[0].reason
    assert _Handler.hits == {}
    for url in ("http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/", "ftp://example.com/x"):
        with pytest.raises(Exception, match="non-public|scheme"):
            check_public(url)
    with pytest.raises(Exception, match="non-public"):
        check_public("http://internal.example/", resolver=lambda host: ["192.168.0.7"])


def test_url_list_fetch_politely(server, tmp_path):
    lst = tmp_path / "urls.txt"
    lst.write_text("# pages\n" + "\n".join(f"{server}/{p}" for p in
                   ["story/1", "story/2", "private/x", "flaky", "image", "huge", "missing"]) + "\n")
    docs, skips = _split(list(iter_raw([str(lst)], options=LOCAL)))
    assert sorted(d.key.rsplit("/", 1)[1] for d in docs) == ["1", "2", "flaky"]
    reasons = {s.key.rsplit("/", 1)[1]: s.reason for s in skips}
    assert reasons["x"] == "disallowed by robots.txt"
    assert "content type 'image/png'" in reasons["image"]
    assert "cap" in reasons["huge"] and reasons["missing"] == "HTTP 404"
    assert _Handler.hits["/flaky"] == 3 and _Handler.hits["/robots.txt"] == 1
    assert "/private/x" not in _Handler.hits
    # urls:FILE names a list explicitly, whatever its suffix
    lst2 = tmp_path / "list.dat"
    lst2.write_text(f"{server}/story/3\n")
    docs2, _ = _split(list(iter_raw([f"urls:{lst2}"], options=LOCAL)))
    assert [d.key for d in docs2] == [f"{server}/story/3"]


def test_redirect_to_private_refused(server):
    # "localhost" is made to look public to the guard (fake resolver) so that the first hop is fetched;
    # its redirect to the link-local metadata address must then be refused before any request.
    port = server.rsplit(":", 1)[1]
    opts = IngestOptions(per_host_delay=0.0, retries=0, respect_robots=False)
    fetcher = Fetcher(opts, resolver=lambda host: ["93.184.216.34"])
    res = fetcher.fetch(f"http://localhost:{port}/redirect-out")
    assert isinstance(res, SkippedInput) and "169.254.169.254" in res.reason
    assert _Handler.hits == {"/redirect-out": 1}
    ok = fetcher.fetch(f"http://localhost:{port}/story/4")
    assert isinstance(ok, FetchResult) and "<article>" in ok.text


def test_feed_url_follows_links(server):
    docs, skips = _split(list(iter_raw([server + "/feed"], options=LOCAL)))
    # the first entry has embedded content; the teaser's link (/story/2) is fetched
    assert sorted(d.key.rsplit("/", 1)[1] for d in docs) == ["1", "2"] and not skips
    fetched = next(d for d in docs if d.key.endswith("/2"))
    assert "<article>" in fetched.html and fetched.title == "Teaser only" and fetched.source == "Wire Feed"


def test_per_host_gate_spaces_requests():
    slept: list[float] = []
    gate = _HostGate(0.5, clock=lambda: 100.0, sleep=slept.append)  # frozen clock: every call queues
    for _ in range(3):
        gate.wait_turn()
    assert slept == [0.5, 1.0]


def test_fetch_many_gets_all(server):
    f = Fetcher(IngestOptions(allow_private=True, per_host_delay=0.0, respect_robots=False, concurrency=3))
    results = dict(f.fetch_many([f"{server}/story/{i}" for i in range(7)]))
    assert len(results) == 7 and all(isinstance(r, FetchResult) for r in results.values())
