"""HTTP transports that build the TLS context only when an https URL is fetched.

httpx builds a verifying SSL context (loading every CA certificate) when a client is made,
20–80 ms, even for a refresh or sync that only talks to plain http: loopback servers, a
LAN Miniflux, local mirrors. Plain http gets a transport whose context is never used; https
gets one made on its first request. With proxies in the environment the default transports
are kept, so that proxy settings apply exactly as httpx applies them.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Callable

import httpx


class LazyTransport(httpx.AsyncBaseTransport):
    """A transport made by ``factory`` on the first request that needs it."""

    def __init__(self, factory: Callable[[], httpx.AsyncBaseTransport]) -> None:
        self._factory = factory
        self._transport: httpx.AsyncBaseTransport | None = None

    @property
    def started(self) -> bool:
        return self._transport is not None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._transport is None:
            self._transport = self._factory()
        return await self._transport.handle_async_request(request)

    async def aclose(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()


def client_transports(
    limits: httpx.Limits,
) -> tuple[httpx.AsyncBaseTransport | None, dict[str, httpx.AsyncBaseTransport]]:
    """``(transport, mounts)`` for :class:`httpx.AsyncClient`; ``(None, {})`` (httpx's own
    defaults) when the environment names a proxy."""
    if any(key in urllib.request.getproxies() for key in ("http", "https", "all")):
        return None, {}
    # Only http:// URLs reach this transport, so its (unloaded) context is never used.
    plain = httpx.AsyncHTTPTransport(verify=False, limits=limits)
    secure = LazyTransport(lambda: httpx.AsyncHTTPTransport(limits=limits))
    return plain, {"https://": secure}
