"""No TLS context is built for a client that only fetches plain http (httpx backend;
libcurl makes one per https connection only)."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import httpx
import pytest

from suxun_tui.config import Settings
from suxun_tui.net.client import Fetcher, FetchError
from suxun_tui.net.httpx_backend import HttpxBackend
from suxun_tui.net.transport import LazyTransport
from tests.support.server import LoopbackServer


def httpx_client(fetcher: Fetcher) -> httpx.AsyncClient:
    assert isinstance(fetcher.backend, HttpxBackend)
    return fetcher.backend.client


def secure_transport(fetcher: Fetcher) -> LazyTransport:
    [transport] = [t for p, t in httpx_client(fetcher)._mounts.items() if p.scheme == "https"]
    assert isinstance(transport, LazyTransport)
    return transport


def test_plain_http_never_builds_the_tls_transport(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)

    async def run() -> None:
        with LoopbackServer() as server:
            url = server.add("/feed", b"<rss/>", headers={"Content-Type": "application/rss+xml"})
            async with Fetcher(Settings(), backend="httpx") as fetcher:
                result = await fetcher.get(url)
                assert result.content == b"<rss/>"
                assert not secure_transport(fetcher).started
                # An https URL (nobody listens there) starts the verifying transport.
                with pytest.raises(FetchError):
                    await fetcher.get(f"https://127.0.0.1:{server.port}/feed")
                assert secure_transport(fetcher).started

    asyncio.run(run())


def test_a_proxy_in_the_environment_keeps_httpx_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")

    async def run() -> None:
        async with Fetcher(Settings(), backend="httpx") as fetcher:
            kinds = [type(t) for t in httpx_client(fetcher)._mounts.values()]
            assert LazyTransport not in kinds
            assert httpx.AsyncHTTPTransport in kinds

    asyncio.run(run())


def test_the_http_client_comes_without_httpx_command_line_tool() -> None:
    """httpx imports click, rich and pygments for its own CLI when click is installed."""
    code = (
        "import sys, suxun_tui.net.client\n"
        "assert sys.modules.get('httpx._main') is None, 'httpx._main imported'\n"
        "assert 'pygments' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
