"""Both HTTP backends follow the same rules; libcurl's is the default when installed."""

from __future__ import annotations

import asyncio
import gzip
import importlib.util
import subprocess
import sys

import pytest

from suxun_tui.config import Settings
from suxun_tui.net.client import Fetcher, FetchError, FetchResult
from suxun_tui.net.httpx_backend import HttpxBackend
from tests.support.server import LoopbackServer

NO_PYCURL = importlib.util.find_spec("pycurl") is None
BACKENDS = [pytest.param("curl", marks=pytest.mark.skipif(NO_PYCURL, reason="no pycurl")), "httpx"]
BODY = "<rss><channel><title>新闻</title></channel></rss>".encode()


def fetch_twice(backend: str, url: str) -> tuple[FetchResult, FetchResult]:
    async def run() -> tuple[FetchResult, FetchResult]:
        async with Fetcher(Settings(retries=0), backend=backend) as fetcher:
            first = await fetcher.get(url)
            second = await fetcher.get(url, etag=first.headers.get("etag"))
            return first, second

    return asyncio.run(run())


@pytest.mark.parametrize("backend", BACKENDS)
def test_gzip_body_and_conditional_get(backend: str) -> None:
    with LoopbackServer() as server:
        url = server.add(
            "/f.xml",
            gzip.compress(BODY),
            etag=True,
            headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"},
        )
        first, second = fetch_twice(backend, url)
        sent = server.requests[0][1]
    assert (first.status, first.content, first.content_type) == (200, BODY, "application/rss+xml")
    assert first.headers["etag"].startswith('"') and "content-encoding" in first.headers
    assert second.not_modified and second.content == b""
    assert sent["accept-encoding"] == "gzip, deflate, br"
    assert sent["user-agent"] == Settings().user_agent


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_header_with_a_line_break_is_never_sent(backend: str) -> None:
    with LoopbackServer() as server:
        url = server.add("/api", "{}")

        async def call() -> None:
            async with Fetcher(Settings(retries=0), backend=backend) as fetcher:
                await fetcher.send("GET", url, headers={"X-Token": "a\r\nX-Injected: 1"})

        with pytest.raises(FetchError, match="control characters"):
            asyncio.run(call())
        assert server.hits["/api"] == 0


def test_curl_is_the_default_when_installed() -> None:
    pytest.importorskip("pycurl")
    from suxun_tui.net.curl import CurlBackend

    assert isinstance(Fetcher(Settings()).backend, CurlBackend)


def test_httpx_carries_the_fetch_without_pycurl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pycurl", None)  # import pycurl now fails
    monkeypatch.delitem(sys.modules, "suxun_tui.net.curl", raising=False)
    monkeypatch.delenv("SUXUN_TUI_HTTP", raising=False)
    assert isinstance(Fetcher(Settings()).backend, HttpxBackend)
    with LoopbackServer() as server:
        url = server.add("/f.xml", BODY)
        first, _ = fetch_twice("", url)
    assert first.content == BODY


def test_importing_the_client_loads_no_http_library() -> None:
    code = (
        "import sys, suxun_tui.net.client\n"
        "loaded = [m for m in ('httpx', 'httpcore', 'pycurl') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_curl_reads_the_last_head_as_httpx_reads_headers() -> None:
    pytest.importorskip("pycurl")
    from suxun_tui.net.curl import read_head

    lines = [
        b"HTTP/1.1 100 Continue\r\n",
        b"\r\n",
        b"HTTP/1.1 404\r\n",
        b"Set-Thing: a\r\n",
        b"set-thing: b\r\n",
        b"X-Folded: one\r\n",
        b"\ttwo\r\n",
        b'ETag: "caf\xe9"\r\n',
        b"Location: /\xe6\x96\xb0\r\n",
        b"\r\n",
    ]
    head = read_head(lines)
    assert (head.status, head.reason) == (404, "Not Found")
    assert head.headers["set-thing"] == "a, b"
    assert head.headers["x-folded"] == "one two"
    assert head.headers["etag"] == '"café"'  # not UTF-8: read as Latin-1
    assert head.headers["location"] == "/新"
