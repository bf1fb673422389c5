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
from suxun_tui.text.i18n import N_


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
            raise FetchError(
                N_("{url}: timed out while reading the response").format(url=url)
            ) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise FetchError(
                _said(N_("{url}: the response was cut off ({reason})"), url, exc)
            ) from exc
        finally:
            await response.aclose()

    async def _send(
        self, method: str, url: str, headers: dict[str, str], content: bytes | None
    ) -> httpx.Response:
        try:
            request = self.client.build_request(method, url, headers=headers, content=content)
            return await self.client.send(request, stream=True)
        except httpx.ConnectTimeout as exc:
            message = N_("{url}: could not connect within {seconds:g} s")
            raise FetchError(
                message.format(url=url, seconds=self.settings.connect_timeout)
            ) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(N_("{url}: timed out waiting for the server").format(url=url)) from exc
        except httpx.ConnectError as exc:
            raise FetchError(_connect_message(url, exc)) from exc
        except httpx.RemoteProtocolError as exc:
            message = N_("{url}: the server broke the connection ({reason})")
            raise FetchError(_said(message, url, exc)) from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise FetchError(
                _said(N_("{url}: invalid URL ({reason})"), url, exc), status=0
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(_said(N_("{url}: network error ({reason})"), url, exc)) from exc


def _connect_message(url: str, exc: httpx.ConnectError) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            host = urlsplit(url).hostname
            message = N_(
                "{url}: the host name {host} does not resolve; check the URL or your network"
            )
            return message.format(url=url, host=host)
        if isinstance(cause, ssl.SSLError):
            return _said(N_("{url}: TLS error ({reason})"), url, cause)
        if isinstance(cause, ConnectionRefusedError):
            return _said(REFUSED, url)
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "Name or service not known" in text or "nodename nor servname" in text:
        return _said(
            N_("{url}: the host name does not resolve; check the URL or your network"), url
        )
    if "refused" in text.lower():
        return _said(REFUSED, url)
    return _said(N_("{url}: could not connect ({reason})"), url, text or type(exc).__name__)


REFUSED = N_("{url}: connection refused; the server is down or the port is wrong")


def _said(template: str, url: str, reason: object = "") -> str:
    """A failure's English message (translated where it is shown, not here)."""
    return template.format(url=url, reason=reason)
