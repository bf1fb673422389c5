"""The httpx backend: used when pycurl is not installed (or ``SUXUN_TUI_HTTP=httpx``).

One ``httpx.AsyncClient`` with keep-alive and the lazy TLS transport
(:mod:`suxun_tui.net.transport`); the body is read raw and decoded by the caller's
bounded decoder, never by httpx (which would inflate a whole chunk at once).
"""

from __future__ import annotations

import socket
import ssl
from urllib.parse import urlsplit

import httpx

from suxun_tui.config import Settings
from suxun_tui.net.decoding import BoundedDecoder
from suxun_tui.net.exchange import BodyChoice, FetchError, Head
from suxun_tui.net.transport import client_transports


class HttpxBackend:
    """Exchanges over one pooled ``httpx.AsyncClient``."""

    def __init__(self, settings: Settings, max_connections: int, keepalive: int) -> None:
        self.settings = settings
        limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=keepalive)
        transport, mounts = client_transports(limits)
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
            limits=limits,
            transport=transport,
            mounts=mounts,
            follow_redirects=False,  # the caller's headers name and so replace httpx's own
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def exchange(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        choose_body: BodyChoice,
    ) -> tuple[Head, BoundedDecoder | None]:
        response = await self._send(method, url, headers, content)
        try:
            head = Head(
                response.status_code,
                response.reason_phrase or "",
                {k.lower(): v for k, v in response.headers.items()},
            )
            decoder = choose_body(head)
            if decoder is not None:
                async for raw in response.aiter_raw():
                    decoder.feed(raw)
            return head, decoder
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out while reading the response") from exc
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise FetchError(f"{url}: the response was cut off ({exc})") from exc
        finally:
            await response.aclose()

    async def _send(
        self, method: str, url: str, headers: dict[str, str], content: bytes | None
    ) -> httpx.Response:
        try:
            request = self.client.build_request(method, url, headers=headers, content=content)
            return await self.client.send(request, stream=True)
        except httpx.ConnectTimeout as exc:
            raise FetchError(
                f"{url}: could not connect within {self.settings.connect_timeout:g} s"
            ) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out waiting for the server") from exc
        except httpx.ConnectError as exc:
            raise FetchError(_connect_message(url, exc)) from exc
        except httpx.RemoteProtocolError as exc:
            raise FetchError(f"{url}: the server broke the connection ({exc})") from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise FetchError(f"{url}: invalid URL ({exc})", status=0) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: network error ({exc})") from exc


def _connect_message(url: str, exc: httpx.ConnectError) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            host = urlsplit(url).hostname
            return f"{url}: the host name {host} does not resolve; check the URL or your network"
        if isinstance(cause, ssl.SSLError):
            return f"{url}: TLS error ({cause})"
        if isinstance(cause, ConnectionRefusedError):
            return f"{url}: connection refused; the server is down or the port is wrong"
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "Name or service not known" in text or "nodename nor servname" in text:
        return f"{url}: the host name does not resolve; check the URL or your network"
    if "refused" in text.lower():
        return f"{url}: connection refused; the server is down or the port is wrong"
    return f"{url}: could not connect ({text or type(exc).__name__})"
