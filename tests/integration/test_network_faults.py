"""Every kind of network failure ends with a clear message on that source only.

"Ends in time" is checked as work, not as a stopwatch: the silent listener saw one
connection and no retry, a drip was cut off after a few bytes, an oversized body was left
mostly unsent; pytest-timeout bounds any hang.
"""

from __future__ import annotations

import gzip
import socket
import threading
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

TIMEOUT = 2.0


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


@pytest.fixture
def silent() -> Iterator[tuple[int, list[socket.socket]]]:
    """A listener that accepts connections and never says a word: its port and connections."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                held.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], held
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    sock.close()


def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def run(tmp_path: Path, bad_url: str, server: LoopbackServer, **settings: object) -> str:
    """Refresh one bad source next to a good one; returns the bad one's error."""
    good = server.add("/good.xml", rss("Good", items(2)))
    base = Settings(timeout=TIMEOUT, connect_timeout=1.0, retries=0)
    config = Config(
        settings=replace(base, **settings),
        sources=(SourceSpec("Bad", bad_url), SourceSpec("Good", good)),
    )
    report = refresh_sources(config, tmp_path / DB_NAME)
    results = {r.name: r for r in report.results}
    assert results["Good"].ok and results["Good"].new == 2, "the other source must refresh normally"
    assert not results["Bad"].ok
    with Store(tmp_path / DB_NAME) as store:
        bad = next(s for s in store.sources() if s.name == "Bad")
        assert bad.last_error == results["Bad"].error
    assert results["Bad"].error
    return results["Bad"].error


def test_connection_refused(tmp_path: Path, server: LoopbackServer) -> None:
    error = run(tmp_path, f"http://127.0.0.1:{closed_port()}/feed", server)
    assert "connection refused" in error


def test_name_that_does_not_resolve(tmp_path: Path, server: LoopbackServer) -> None:
    error = run(tmp_path, "http://no-such-host.invalid/feed", server)
    assert "does not resolve" in error or "could not connect" in error


def test_server_that_never_answers(
    tmp_path: Path, server: LoopbackServer, silent: tuple[int, list[socket.socket]]
) -> None:
    port, connections = silent
    error = run(tmp_path, f"http://127.0.0.1:{port}/feed", server)
    assert "timed out" in error
    assert len(connections) == 1  # it waited on one connection, then gave up: no retry


def test_server_that_drips_a_byte_a_second(tmp_path: Path, server: LoopbackServer) -> None:
    body = rss("D", items(3)).encode()
    url = server.add("/drip.xml", body, drip=0.5)
    error = run(tmp_path, url, server)
    # Each byte comes well within the read timeout: only the deadline per attempt ends it.
    assert f"timed out after {TIMEOUT:g} s" in error
    # Cut off after a few of its bytes, not read to the end: 40 bytes would be 20 s of drip.
    assert server.sent["/drip.xml"] <= 40 < len(body), server.sent["/drip.xml"]


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_http_errors(tmp_path: Path, server: LoopbackServer, status: int) -> None:
    url = server.add(f"/s{status}", "nope", status=status)
    error = run(tmp_path, url, server)
    assert f"HTTP {status}" in error


def test_redirect_loop(tmp_path: Path, server: LoopbackServer) -> None:
    server.add("/loop-a", status=302, headers={"Location": "/loop-b"})
    url = server.add("/loop-b", status=302, headers={"Location": "/loop-a"})
    error = run(tmp_path, url, server)
    assert "too many redirects" in error


def run_measured(
    tmp_path: Path, url: str, server: LoopbackServer, **settings: object
) -> tuple[str, int]:
    """Like :func:`run`, also returning the peak of Python memory allocated meanwhile."""
    tracemalloc.start()
    try:
        error = run(tmp_path, url, server, **settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return error, peak


def test_gzip_bomb(tmp_path: Path, server: LoopbackServer) -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), 9)
    assert len(bomb) < 200_000
    url = server.add(
        "/bomb.xml", bomb, headers={"Content-Encoding": "gzip", "Content-Type": "application/xml"}
    )
    error, peak = run_measured(tmp_path, url, server, max_bytes=4 * 1024 * 1024)
    assert "limit" in error and "decompression" in error
    assert peak < 16 * 1024 * 1024, f"memory grew to {peak / 1e6:.0f} MB for a 4 MB cap"


def test_huge_response_declared(tmp_path: Path, server: LoopbackServer) -> None:
    written: list[int] = []  # megabytes the server got out before the client hung up
    done = threading.Event()

    def huge(req) -> None:  # type: ignore[no-untyped-def]
        req.send_response(200)
        req.send_header("Content-Length", str(200 * 1024 * 1024))
        req.end_headers()
        try:
            for _ in range(200):
                req.wfile.write(b"x" * 1024 * 1024)
                written.append(1)
        except OSError:
            pass
        finally:
            done.set()

    url = server.add("/huge", handler=huge)
    error = run(tmp_path, url, server)
    assert "over the" in error and "limit" in error
    assert done.wait(60)  # a guard: the handler ends once the client has hung up
    # Refused on the declared length: the body was not read (only socket buffers filled).
    assert len(written) < 16, f"{len(written)} MB of a 200 MB body was sent"  # cap: 20 MB


def test_huge_response_undeclared(tmp_path: Path, server: LoopbackServer) -> None:
    def endless(req) -> None:  # type: ignore[no-untyped-def]
        req.send_response(200)
        req.send_header("Connection", "close")
        req.end_headers()
        req.close_connection = True
        try:
            for _ in range(200):
                req.wfile.write(b"y" * 1024 * 1024)
        except OSError:
            pass

    url = server.add("/endless", handler=endless)
    error, peak = run_measured(tmp_path, url, server, max_bytes=8 * 1024 * 1024, timeout=10.0)
    assert "limit" in error
    assert peak < 32 * 1024 * 1024, f"memory grew to {peak / 1e6:.0f} MB for an 8 MB cap"


def test_truncated_body(tmp_path: Path, server: LoopbackServer) -> None:
    def truncated(req) -> None:  # type: ignore[no-untyped-def]
        req.send_response(200)
        req.send_header("Content-Length", "5000")
        req.end_headers()
        req.wfile.write(rss("T", items(1)).encode()[:200])
        req.wfile.flush()
        req.close_connection = True

    url = server.add("/truncated.xml", handler=truncated)
    error = run(tmp_path, url, server)
    assert "cut off" in error or "broke the connection" in error


def test_html_instead_of_a_feed_names_the_feed_to_use(
    tmp_path: Path, server: LoopbackServer
) -> None:
    page = (
        "<!doctype html><html><head><title>Site</title>"
        '<link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body><p>hi</p></body></html>'
    )
    url = server.add("/index.html", page, headers={"Content-Type": "text/html"})
    good = Settings(timeout=TIMEOUT, retries=0)
    config = Config(settings=good, sources=(SourceSpec("Site", url, kind="feed"),))
    report = refresh_sources(config, tmp_path / DB_NAME)
    error = report.failed[0].error or ""
    assert "web page, not a feed" in error and server.url("/atom.xml") in error


def test_binary_garbage(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.add(
        "/garbage", bytes(range(256)) * 100, headers={"Content-Type": "application/octet-stream"}
    )
    error = run(tmp_path, url, server)
    assert "not a feed" in error
