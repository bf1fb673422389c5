"""Hostile answers to the probe's conditional GET end as they end without the probe.

Each case is a second refresh of sources that have validators (so the probe asks them),
run once with the probe and once without (:mod:`tests.support.probe_twin`): the results,
the stored source records and the stored articles must be the same, and each case also
checks the rule itself (a permanent move's notice, the cap's message, the server's wait).
"""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from suxun_tui.config import SourceSpec
from suxun_tui.text.timefmt import now_utc, to_stored
from tests.support.feeds import items, rss
from tests.support.probe_twin import SETTINGS, Change, both
from tests.support.server import LoopbackServer

FEED = rss("Feed", items(3, "A"))
CHANGED = rss("Feed", items(5, "A"))


def _feed_and_other(server: LoopbackServer, folder: Path) -> list[SourceSpec]:
    return [
        SourceSpec("Feed", server.add("/feed.xml", FEED, etag=True)),
        SourceSpec("Other", server.add("/other.xml", rss("Other", items(2, "O")), etag=True)),
    ]


def _answer(status: int, headers: dict[str, str], body: bytes = b"") -> Change:
    def change(server: LoopbackServer, db: Path) -> None:
        route = server.routes["/feed.xml"]
        route.status, route.headers, route.body, route.etag = status, headers, body, False

    return change


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_followed_with_the_fetchers_notices(
    status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(server: LoopbackServer, db: Path) -> None:
        server.add("/new.xml", CHANGED, etag=True)
        _answer(status, {"Location": server.url("/new.xml")})(server, db)

    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    name, ok, new, *_, notice = probed.result("Feed")
    assert ok and new == 2
    [(_, stored_url, *_)] = [row for row in probed.sources if row[0] == "Feed"]
    if status in (301, 308):
        assert "moved permanently to BASE/new.xml" in str(notice)
        assert stored_url == "BASE/new.xml"
    else:
        assert notice is None and stored_url == "BASE/feed.xml"


@pytest.mark.parametrize(
    "location",
    ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "/new\u202e.xml", "http://[::1/feed"],
    ids=["file", "ftp", "bidi", "bad-host"],
)
def test_a_redirect_to_a_refused_or_odd_url_ends_as_without_the_probe(
    location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def moved(req: BaseHTTPRequestHandler) -> None:  # the Location's bytes as UTF-8
        req.close_connection = True
        req.wfile.write(
            b"HTTP/1.1 301 Moved Permanently\r\nContent-Length: 0\r\nLocation: "
            + location.encode()
            + b"\r\n\r\n"
        )

    def change(server: LoopbackServer, db: Path) -> None:
        server.add("/new%E2%80%AE.xml", CHANGED, etag=True)
        server.routes["/feed.xml"].handler = moved

    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    said = probed.said("Feed")
    [stored] = [row[1] for row in probed.sources if row[0] == "Feed"]
    if location.startswith("/"):  # stored in the one form it is requested in
        assert said.ok and "/new%E2%80%AE.xml" in str(said.notice)
        assert stored == "BASE/new%EN%N%AE.xml"
    else:
        assert not said.ok and "redirected to" in str(said.error)
        assert stored == "BASE/feed.xml"


def test_a_source_the_server_asked_to_wait_for_is_not_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(server: LoopbackServer, db: Path) -> None:
        later = to_stored(now_utc() + timedelta(hours=1))
        with sqlite3.connect(db) as conn:  # as a 429's Retry-After leaves it
            conn.execute("UPDATE sources SET not_before = ? WHERE name = 'Feed'", (later,))
        conn.close()
        server.routes["/feed.xml"].body = CHANGED.encode()

    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    assert probed.hits["/feed.xml"] == fetched.hits["/feed.xml"] == 0
    assert "server asked to wait" in str(probed.said("Feed").notice)


def test_a_429_with_retry_after_fails_the_source_and_keeps_the_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = _answer(429, {"Retry-After": "120"}, b"slow down")
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    said = probed.said("Feed")
    assert not said.ok and "HTTP 429" in str(said.error)
    assert f"{probed.base}/feed.xml" in str(said.error)
    [row] = [row for row in probed.sources if row[0] == "Feed"]
    assert row[8] is True or row[8] == 1  # not_before: the server's wait is kept


def test_a_429_is_asked_as_often_as_without_the_probe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = _answer(429, {"Retry-After": "120"}, b"slow down")
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert fetched.hits["/feed.xml"] == 1
    assert probed.hits["/feed.xml"] == fetched.hits["/feed.xml"]


@pytest.mark.parametrize(
    ("script", "asks"),
    [
        ([(404, {}, b"gone")], 1),
        ([(410, {}, b"gone")], 1),
        ([(500, {}, b"oops"), (502, {}, b"")], 3),  # then the feed, on the last retry
        ([(503, {"Retry-After": "3600"}, b"")], 1),  # a wait past the cap: no retry
        ([(429, {"Retry-After": "Tue, 01 Dec 2099 00:00:00 GMT"}, b"")], 1),
        ([(401, {"WWW-Authenticate": "Basic"}, b"")], 1),
    ],
    ids=["404", "410", "500-502-200", "503-long-wait", "429-date", "401"],
)
def test_an_error_status_is_asked_as_often_as_without_the_probe(
    script: list[tuple[int, dict[str, str], bytes]],
    asks: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def change(server: LoopbackServer, db: Path) -> None:
        route = server.routes["/feed.xml"]
        route.body, route.script = CHANGED.encode(), list(script)

    settings = replace(SETTINGS, retries=2)
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change, settings)
    assert probed.comparable() == fetched.comparable()
    assert probed.hits["/feed.xml"] == fetched.hits["/feed.xml"] == asks
    said = probed.said("Feed")
    assert said.ok == (asks == 3)
    if not said.ok:
        assert f"{probed.base}/feed.xml: HTTP {script[0][0]}" in str(said.error)


def test_a_503_with_retry_after_is_retried_after_the_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(server: LoopbackServer, db: Path) -> None:
        route = server.routes["/feed.xml"]
        route.body = CHANGED.encode()
        route.script = [(503, {"Retry-After": "1"}, b"busy"), (503, {"Retry-After": "1"}, b"")]

    settings = replace(SETTINGS, retries=2)
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change, settings)
    assert probed.comparable() == fetched.comparable()
    assert probed.result("Feed")[1:3] == (True, 2)
    assert fetched.hits["/feed.xml"] == 3


@pytest.mark.parametrize("declared", [True, False])
def test_a_body_over_max_bytes_fails_with_the_caps_message(
    declared: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = rss("Feed", items(60, "A")).encode()

    def change(server: LoopbackServer, db: Path) -> None:
        if declared:
            _answer(200, {"Content-Type": "application/rss+xml"}, big)(server, db)
        else:  # the size is learnt only while reading: a chunked body
            server.routes["/feed.xml"].handler = _raw_chunked(big)

    settings = replace(SETTINGS, max_bytes=4_000)
    probed, fetched = both(tmp_path, monkeypatch, _small_feed_and_other, change, settings)
    assert probed.comparable() == fetched.comparable()
    _, ok, *_, error, _ = probed.result("Feed")
    assert not ok and "max_bytes" in str(error) and "BASE/feed.xml" in str(error)


def _small_feed_and_other(server: LoopbackServer, folder: Path) -> list[SourceSpec]:
    return [
        SourceSpec("Feed", server.add("/feed.xml", rss("F", items(1, "A")), etag=True)),
        SourceSpec("Other", server.add("/other.xml", rss("O", items(1, "O")), etag=True)),
    ]


def _chunked(body: bytes) -> bytes:
    return (
        b"".join(
            b"%x\r\n%s\r\n" % (len(body[i : i + 1000]), body[i : i + 1000])
            for i in range(0, len(body), 1000)
        )
        + b"0\r\n\r\n"
    )


def _raw_chunked(body: bytes) -> Callable[[BaseHTTPRequestHandler], None]:
    def handler(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Transfer-Encoding", "chunked")
        req.end_headers()
        req.wfile.write(_chunked(body))

    return handler


def test_a_gzip_bomb_is_refused_after_decompression(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = gzip.compress(b"<rss>" + b" " * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 200_000
    change = _answer(200, {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}, bomb)
    settings = replace(SETTINGS, max_bytes=1024 * 1024)
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change, settings)
    assert probed.comparable() == fetched.comparable()
    _, ok, *_, error, _ = probed.result("Feed")
    assert not ok and "after decompression" in str(error)


@pytest.mark.parametrize(
    ("encoding", "body", "said"),
    [
        ("gzip", CHANGED.encode(), "broken compressed body"),
        ("br", CHANGED.encode(), "broken compressed body"),
        ("zstd", CHANGED.encode(), "unknown content encoding"),
        ("gzip, br", CHANGED.encode(), "stacked content encodings"),
    ],
)
def test_a_wrong_content_encoding_fails_with_the_fetchers_message(
    encoding: str, body: bytes, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = _answer(200, {"Content-Encoding": encoding}, body)
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    _, ok, *_, error, _ = probed.result("Feed")
    assert not ok and said in str(error)


def test_an_empty_body_with_an_unknown_encoding_fails_as_without_the_probe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = _answer(200, {"Content-Encoding": "zstd"}, b"")
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert "unknown content encoding" in str(fetched.result("Feed")[6])
    assert probed.comparable() == fetched.comparable()


def test_a_304_with_a_new_etag_stores_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def change(server: LoopbackServer, db: Path) -> None:
        def handler(req: BaseHTTPRequestHandler) -> None:
            req.send_response(304)
            req.send_header("ETag", '"renewed"')
            req.send_header("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
            req.end_headers()

        server.routes["/feed.xml"].handler = handler

    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    assert probed.taken == {probed.base + "/feed.xml": 304, probed.base + "/other.xml": 304}
    [row] = [row for row in probed.sources if row[0] == "Feed"]
    assert row[3] == '"renewed"' and row[4] == "Tue, N Dec N N:N:N GMT"


def test_a_304_without_validators_keeps_what_the_fetcher_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(server: LoopbackServer, db: Path) -> None:
        def handler(req: BaseHTTPRequestHandler) -> None:
            req.send_response(304)
            req.end_headers()

        server.routes["/feed.xml"].handler = handler

    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    assert probed.result("Feed")[5] is True


def test_a_200_in_another_charset_is_read_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chinese = [dict(item, title=f"新闻 {i}") for i, item in enumerate(items(4, "A"))]
    text = rss("Feed", chinese).replace('encoding="utf-8"', 'encoding="gb18030"')
    change = _answer(
        200, {"Content-Type": "application/rss+xml; charset=gb18030"}, text.encode("gb18030")
    )
    probed, fetched = both(tmp_path, monkeypatch, _feed_and_other, change)
    assert probed.comparable() == fetched.comparable()
    assert probed.taken.get(probed.base + "/feed.xml") == 200  # parsed from the probe's body
    titles = {row[2] for row in probed.articles if row[0] == "Feed"}
    assert {"新闻 N"} <= titles
