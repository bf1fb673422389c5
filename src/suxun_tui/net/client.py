"""One HTTP client for everything the reader fetches: polite, bounded and explainable.

It owns connection reuse (keep-alive, gzip/deflate/brotli), the per-host connection
limit, timeouts (connect, read and a total deadline per attempt), retries with
exponential backoff and jitter, Retry-After, conditional GET, a size cap that also holds
after decompression, and redirects (so a permanent move can update the stored URL).
Every failure becomes a :class:`FetchError` whose message a user can act on.
"""

from __future__ import annotations

import asyncio
import random
import socket
import ssl
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from suxun_tui.config import Settings
from suxun_tui.net.decoding import BodyTooLarge, BoundedDecoder, BrokenEncoding
from suxun_tui.net.hints import retry_after, sendable_validator
from suxun_tui.net.local import LocalFileError, read_local_file, refusal
from suxun_tui.net.local import local_path as local_path  # the rule, where callers look for it
from suxun_tui.net.transport import client_transports
from suxun_tui.text.sanitize import clean_line

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_RETRY_AFTER = 120.0


class FetchError(Exception):
    """A fetch failed; ``str(error)`` is a message naming the URL and what went wrong."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(clean_line(message))
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchResult:
    """A completed fetch. ``status`` 304 means not modified (``content`` is empty)."""

    url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    permanent_url: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """An async HTTP(S) and file fetcher; use as ``async with Fetcher(settings) as f``."""

    def __init__(self, settings: Settings, *, max_connections: int | None = None) -> None:
        self.settings = settings
        limits = httpx.Limits(
            max_connections=max_connections or max(settings.concurrency, settings.per_host),
            max_keepalive_connections=max_connections or max(settings.concurrency, 8),
        )
        transport, mounts = client_transports(limits)
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
            limits=limits,
            transport=transport,
            mounts=mounts,
            follow_redirects=False,
            headers={
                "User-Agent": settings.user_agent,
                "Accept": "application/rss+xml, application/atom+xml, application/feed+json,"
                " application/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
                "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8",
                # Exactly the encodings suxun_tui.net.decoding can decode within the size cap.
                "Accept-Encoding": "gzip, deflate, br",
            },
        )
        self._host_slots: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.per_host)
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.client.aclose()

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow_local: bool = False,
    ) -> FetchResult:
        """Fetch ``url`` with retries; raises :class:`FetchError` with a clear message.

        Local files are read only with ``allow_local``: for sources the user configured as
        local, and links found in them. A link in a web feed or page must never make the
        reader read the user's files.
        """
        path = local_path(url)
        if path is not None:
            if not allow_local:
                raise FetchError(refusal(url), status=0)
            return await asyncio.to_thread(self._read_file, path, url)
        headers: dict[str, str] = {}
        # A validator stored before they were checked may hold what cannot be sent back.
        if etag := sendable_validator(etag):
            headers["If-None-Match"] = etag
        if last_modified := sendable_validator(last_modified):
            headers["If-Modified-Since"] = last_modified
        return await self._with_retries(url, headers)

    async def send(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
    ) -> FetchResult:
        """A call to a feed server's API (GET, POST, PUT with a JSON or form body).

        Same timeouts, retries, size cap and messages as :meth:`get`; the server's setting
        (a PUT of a state, an edit-tag) is idempotent, so a retry after a lost answer
        sets the same state again. An error status raises :class:`FetchError` with it.
        """
        return await self._with_retries(url, dict(headers or {}), method, content)

    async def _with_retries(
        self, url: str, headers: dict[str, str], method: str = "GET", content: bytes | None = None
    ) -> FetchResult:
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            try:
                return await self._get_once(url, headers, method, content)
            except FetchError as exc:
                retryable = exc.status is None or exc.status in _RETRY_STATUS
                if not retryable or attempt == attempts - 1:
                    raise
                delay = exc.retry_after
                if delay is None:
                    delay = min(0.5 * 2**attempt, 8.0) * (0.5 + random.random())
                if delay > _MAX_RETRY_AFTER:
                    raise
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    def _read_file(self, path: Path, url: str) -> FetchResult:
        """Read a regular file, never more than the size cap (devices and FIFOs refused)."""
        try:
            data = read_local_file(path, url, self.settings.max_bytes)
        except LocalFileError as exc:
            raise FetchError(str(exc)) from exc
        return FetchResult(url=url, status=200, content=data)

    async def _get_once(
        self, url: str, headers: dict[str, str], method: str, content: bytes | None
    ) -> FetchResult:
        current = url
        permanent = True
        try:
            host = urlsplit(url).hostname or ""
        except ValueError as exc:
            raise FetchError(f"{url}: invalid URL ({exc})", status=0) from exc
        async with self._host_slots[host]:
            try:
                async with asyncio.timeout(self.settings.timeout):
                    for _hop in range(self.settings.max_redirects + 1):
                        response = await self._request(current, headers, method, content)
                        if response is None:
                            continue
                        if response.status_code in _REDIRECTS:
                            location = response.headers.get("location")
                            await response.aclose()
                            if not location:
                                raise FetchError(f"{current}: redirect without a Location header")
                            permanent = permanent and response.status_code in (301, 308)
                            if method != "GET":
                                raise FetchError(f"{current}: the server redirects this call")
                            current = _redirect_target(url, current, location)
                            continue
                        return await self._finish(url, current, permanent, response)
                    raise FetchError(
                        f"{url}: too many redirects (more than {self.settings.max_redirects});"
                        " the site may be redirecting in a loop"
                    )
            except TimeoutError as exc:
                raise FetchError(
                    f"{url}: timed out after {self.settings.timeout:g} s; the server is slow or"
                    " not answering (raise 'timeout' in [settings] if it is just slow)"
                ) from exc

    async def _request(
        self, url: str, headers: dict[str, str], method: str = "GET", content: bytes | None = None
    ) -> httpx.Response | None:
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
        except UnicodeEncodeError as exc:  # httpx sends header values as ASCII
            raise FetchError(
                f"{url}: a request header is not plain ASCII (check user_agent, or an"
                " account's token or password)",
                status=0,
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: network error ({exc})") from exc

    async def _finish(
        self, url: str, final: str, permanent: bool, response: httpx.Response
    ) -> FetchResult:
        try:
            status = response.status_code
            hdrs = _received_headers(response.headers)
            if status == 304:
                return FetchResult(url=final, status=304, headers=hdrs)
            if status >= 400:
                reason = response.reason_phrase or ""
                raise FetchError(
                    f"{url}: HTTP {status} {reason}".rstrip() + _status_hint(status),
                    status=status,
                    retry_after=retry_after(hdrs.get("retry-after")),
                )
            declared = hdrs.get("content-length", "")
            if declared.isdigit() and int(declared) > self.settings.max_bytes:
                raise FetchError(
                    f"{url}: response of {_mb(int(declared))} is over the "
                    f"{_mb(self.settings.max_bytes)} limit ('max_bytes')",
                    status=0,
                )
            decoder = BoundedDecoder(hdrs.get("content-encoding"), self.settings.max_bytes)
            async for raw in response.aiter_raw():
                decoder.feed(raw)
        except BodyTooLarge as exc:
            raise FetchError(
                f"{url}: response is over the {_mb(self.settings.max_bytes)} limit"
                " ('max_bytes') after decompression",
                status=0,
            ) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out while reading the response") from exc
        except BrokenEncoding as exc:
            raise FetchError(
                f"{url}: the server sent a broken compressed body ({exc})", status=0
            ) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise FetchError(f"{url}: the response was cut off ({exc})") from exc
        finally:
            await response.aclose()
        moved = final if permanent and final != url else None
        return FetchResult(final, status, decoder.body, hdrs.get("content-type"), hdrs, moved)


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


def _status_hint(status: int) -> str:
    if status in (404, 410):
        return "; the address is gone — check the source's url"
    if status in (401, 403):
        return "; the site refuses access"
    if status == 429:
        return "; the site asks to be polled less often"
    return ""


def _received_headers(headers: httpx.Headers) -> dict[str, str]:
    """Response headers by lower-case name, validators kept only if they can be sent back."""
    received = {k.lower(): v for k, v in headers.items()}
    for name in ("etag", "last-modified"):
        value = sendable_validator(received.pop(name, None))
        if value is not None:
            received[name] = value
    return received


def _redirect_target(url: str, current: str, location: str) -> str:
    """Where a redirect leads, in the one form that is stored and requested.

    ``Location`` is a stranger's text: U+202E, C1 controls or spaces in it must not reach
    ``sources.url`` raw, so the target is normalized the way httpx requests it (non-ASCII
    and controls percent-encoded) and anything but http(s) is refused.
    """
    try:
        target = httpx.URL(urljoin(current, location.strip()))
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(f"{url}: redirected to an invalid URL ({exc})", status=0) from exc
    if target.scheme not in ("http", "https") or not target.host:
        raise FetchError(f"{url}: redirected to unsupported URL {location}", status=0)
    return str(target)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"
