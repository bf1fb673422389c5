"""Broken wires under the probe: hangs, resets, garbage, HTTP/1.0, limits and mixed sources.

As in ``test_refresh_probe_hostile``, each case is a second refresh of sources with
validators run with the probe and without it (:mod:`tests.support.probe_twin`), and both
must leave the same results, source records and articles. The server misbehaves below
HTTP here: raw bytes on the socket, a reset, a silence, a connection closed early.
"""

from __future__ import annotations

import socket
import sqlite3
import struct
import time
from collections.abc import Callable
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from suxun_tui.config import SourceSpec
from suxun_tui.store import DB_NAME
from tests.support.feeds import items, rss
from tests.support.probe_twin import SETTINGS, Change, both
from tests.support.server import LoopbackServer

FEED = rss("Feed", items(3, "A"))
CHANGED = rss("Feed", items(5, "A"))
Handler = Callable[[BaseHTTPRequestHandler], None]


def _feed_and_other(server: LoopbackServer, folder: Path) -> list[SourceSpec]:
    return [
        SourceSpec("Feed", server.add("/feed.xml", FEED, etag=True)),
        SourceSpec("Other", server.add("/other.xml", rss("Other", items(2, "O")), etag=True)),
    ]


def _handled(handler: Handler) -> Change:
    def change(server: LoopbackServer, db: Path) -> None:
        server.routes["/feed.xml"].handler = handler

    return change


def _raw(data: bytes, *, reset: bool = False) -> Handler:
    """Writes ``data`` as it is on the socket, then closes it (with an RST if ``reset``)."""

    def handler(req: BaseHTTPRequestHandler) -> None:
        req.close_connection = True
        req.wfile.write(data)
        req.wfile.flush()
        if reset:
            req.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            req.connection.close()

    return handler


def test_a_hung_server_times_out_naming_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(server: LoopbackServer, db: Path) -> None:
        server.routes["/feed.xml"].delay = 3.0  # past the probe's patience and the timeout

    settings = replace(SETTINGS, timeout=1)
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change, settings)
    assert probed.comparable() == fetched.comparable()
    said = probed.said("Feed")
    assert not said.ok and f"{probed.base}/feed.xml: timed out after 1 s" in str(said.error)
    assert probed.said("Other").not_modified
    # The documented cost of the probe: one more ask (within min(timeout, 5 s)), no more.
    assert (probed.hits["/feed.xml"], fetched.hits["/feed.xml"]) == (2, 1)


def test_a_host_that_stopped_answering_costs_the_probe_one_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def build(server: LoopbackServer, folder: Path) -> list[SourceSpec]:
        return [
            SourceSpec(f"H{i}", server.add(f"/h{i}.xml", rss("H", items(2, f"H{i}x")), etag=True))
            for i in range(6)
        ]

    def change(server: LoopbackServer, db: Path) -> None:
        for route in server.routes.values():
            route.delay = 5.0

    settings = replace(SETTINGS, timeout=1, per_host=2)
    probed, fetched = both(tmp_path, monkeypatch, build, change, settings)
    assert probed.comparable() == fetched.comparable()
    assert fetched.hits.total() == 6
    # "A server that stops answering costs at most PATIENCE seconds more": one round of
    # per_host asks, the host's other sources left to the fetcher.
    assert probed.hits.total() <= 6 + settings.per_host


def test_an_error_head_whose_body_never_comes_is_that_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stalled(req: BaseHTTPRequestHandler) -> None:
        req.close_connection = True
        req.wfile.write(
            b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120\r\nContent-Length: 100\r\n\r\n"
        )
        req.wfile.flush()
        time.sleep(3)  # the body never comes within the timeout

    settings = replace(SETTINGS, timeout=1)
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, _handled(stalled), settings)
    assert "HTTP 429" in str(probed.said("Feed").error)
    assert probed.comparable() == fetched.comparable()


@pytest.mark.parametrize("reset", [False, True])
def test_a_connection_lost_mid_body_fails_the_source(
    reset: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = CHANGED.encode()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: %d\r\n\r\n"
    change = _handled(_raw(head % len(body) + body[: len(body) // 2], reset=reset))
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    said = probed.said("Feed")
    assert not said.ok and str(said.error).startswith(f"{probed.base}/feed.xml: ")
    with sqlite3.connect(tmp_path / "probe" / DB_NAME) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5  # nothing lost


@pytest.mark.parametrize(
    "answer",
    [
        b"SPAM SPAM SPAM\r\n\r\n",
        b"HTTP/1.1 2000 OK\r\n\r\n",
        b"HTTP/1.1 304\r\n\r\n",
        b'HTTP/1.1 304 Not Modified\r\nETag: "\xff\xfe"\r\nLast-Modified: \x01\r\n\r\n',
        b"HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n<rss></rss>",
        b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        b"\x00\x01\x02\xff" * 64,
        b"HTTP/1.1 \xb200 OK\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: \xc2\xb2\r\n\r\n"
        b"5\r\n<rss>\r\n0\r\n\r\n",
        b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        b'HTTP/1.1 304 Not Modified\r\nETag: "hinted"\r\n\r\n',
    ],
    ids=[
        "no-status",
        "long-status",
        "no-phrase",
        "bad-validators",
        "bad-length",
        "no-colon",
        "bin",
        "latin-digit-status",
        "utf8-digit-length",
        "early-hints",
    ],
)
def test_a_garbage_answer_ends_as_without_the_probe(
    answer: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, _handled(_raw(answer)))
    assert probed.comparable() == fetched.comparable()
    assert probed.said("Other").not_modified


def test_an_answer_that_is_not_http_is_not_called_an_invalid_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = _handled(_raw(b"SPAM SPAM SPAM\r\n\r\n"))
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    for run in (probed, fetched):
        error = str(run.said("Feed").error)
        assert error.startswith(f"{run.base}/feed.xml: ") and "invalid URL" not in error


def test_a_304_with_a_stray_body_does_not_spoil_the_next_answer_on_its_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def build(server: LoopbackServer, folder: Path) -> list[SourceSpec]:
        return [
            SourceSpec(
                f"F{i}", server.add(f"/f{i}.xml", rss(f"F{i}", items(2, f"F{i}x")), etag=True)
            )
            for i in range(4)
        ]

    def stray(req: BaseHTTPRequestHandler) -> None:  # the connection stays open after it
        req.wfile.write(b'HTTP/1.1 304 Not Modified\r\nETag: "s"\r\nContent-Length: 5\r\n\r\nhello')

    def change(server: LoopbackServer, db: Path) -> None:
        server.routes["/f0.xml"].handler = stray

    settings = replace(SETTINGS, per_host=1, concurrency=1)  # one connection, reused
    probed, fetched = both(tmp_path, monkeypatch, build, change, settings)
    assert probed.comparable() == fetched.comparable()
    assert all(r.ok and r.not_modified for r in probed.report.results)


@pytest.mark.parametrize("status", [200, 304])
def test_http_1_0_without_keep_alive(
    status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if status == 200:
        answer = b"HTTP/1.0 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n" + CHANGED.encode()
    else:
        answer = b'HTTP/1.0 304 Not Modified\r\nETag: "one-zero"\r\n\r\n'
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, _handled(_raw(answer)))
    assert probed.comparable() == fetched.comparable()
    said = probed.said("Feed")
    assert said.ok and (said.new == 2 if status == 200 else said.not_modified)
    assert probed.taken.get(f"{probed.base}/feed.xml") == status


@pytest.mark.parametrize(("hosts", "per_host", "peak"), [(1, 2, 2), (2, 2, 3)])
def test_many_sources_on_one_host_keep_the_per_host_limit(
    hosts: int, per_host: int, peak: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def build(server: LoopbackServer, folder: Path) -> list[SourceSpec]:
        specs = []
        for i in range(10):
            url = server.add(f"/f{i}.xml", rss(f"F{i}", items(2, f"F{i}x")), etag=True)
            if hosts == 2 and i % 2:
                url = url.replace("127.0.0.1", "localhost")
            specs.append(SourceSpec(f"F{i}", url))
        return specs

    def change(server: LoopbackServer, db: Path) -> None:
        for i, route in enumerate(server.routes.values()):
            route.delay = 0.15
            if i % 3 == 0:  # some changed: the fetcher's part runs too
                route.body = rss(f"F{i}", items(4, f"F{i}x")).encode()

    settings = replace(SETTINGS, per_host=per_host, concurrency=3)
    probed, fetched = both(tmp_path, monkeypatch, build, change, settings)
    assert probed.comparable() == fetched.comparable()
    assert 1 <= probed.max_active <= peak and fetched.max_active <= peak
    assert sum(1 for r in probed.report.results if r.not_modified) == 6


def test_a_local_file_source_is_never_asked_by_the_probe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def build(server: LoopbackServer, folder: Path) -> list[SourceSpec]:
        local = folder / "local.xml"
        local.write_text(rss("Local", items(2, "L")), encoding="utf-8")
        return [*_feed_and_other(server, folder), SourceSpec("Local", local.as_uri())]

    def change(server: LoopbackServer, db: Path) -> None:
        (db.parent / "local.xml").write_text(rss("Local", items(4, "L")), encoding="utf-8")

    probed, fetched = both(tmp_path, monkeypatch, build, change)
    assert probed.comparable() == fetched.comparable()
    assert not [url for url in probed.asked if not url.startswith("http")]
    assert probed.said("Local").ok and probed.said("Local").new == 2


def test_an_unreachable_https_source_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    closed = sock.getsockname()[1]
    sock.close()

    def change(server: LoopbackServer, db: Path) -> None:
        # The feed moved to https earlier (a stored permanent move); that port is closed now.
        with sqlite3.connect(db) as conn:
            moved = f"https://127.0.0.1:{closed}/feed.xml"
            conn.execute("UPDATE sources SET url = ? WHERE name = 'Feed'", (moved,))
        conn.close()

    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    assert f"https://127.0.0.1:{closed}/feed.xml" in probed.asked
    said = probed.said("Feed")
    assert not said.ok and "connection refused" in str(said.error)
    assert probed.said("Other").not_modified
