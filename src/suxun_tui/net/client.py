"""One HTTP client for everything the reader fetches: polite, bounded and explainable.

It owns the per-host connection limit, a total deadline per attempt, retries with
exponential backoff and jitter, Retry-After, conditional GET, a size cap that also holds
after decompression, and redirects (so a permanent move can update the stored URL).
Every failure becomes a :class:`FetchError` whose message a user can act on.

The wire is a backend's (:mod:`suxun_tui.net.exchange`): libcurl's multi interface when
pycurl is installed — a tenth of httpx's CPU per request, see :mod:`suxun_tui.net.curl` —
else httpx. ``SUXUN_TUI_HTTP=httpx`` chooses httpx. Importing this module loads neither.
"""

from __future__ import annotations

import asyncio
import os
import random
from collections import defaultdict
from pathlib import Path
from types import TracebackType
from urllib.parse import urljoin, urlsplit

from suxun_tui.config import Settings
from suxun_tui.net.decoding import BodyTooLarge, BoundedDecoder, BrokenEncoding
from suxun_tui.net.exchange import Backend, Head
from suxun_tui.net.exchange import FetchError as FetchError  # where callers look for it
from suxun_tui.net.local import LocalFileError, read_local_file, refusal
from suxun_tui.net.local import local_path as local_path  # the rule, where callers look for it
from suxun_tui.net.urls import request_url
from suxun_tui.net.wire import FetchResult as FetchResult  # where callers look for it
from suxun_tui.net.wire import (
    conditional_headers,
    default_headers,
    received_headers,
    request_headers,
    status_error,
)
from suxun_tui.text.i18n import N_

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_RETRY_AFTER = 120.0


def open_backend(settings: Settings, max_connections: int, keepalive: int, name: str) -> Backend:
    """The backend called ``name`` ("curl", "httpx"), or the best installed one for ""."""
    if name in ("", "curl"):
        try:
            from suxun_tui.net.curl import CurlBackend
        except ImportError:
            if name == "curl":
                raise
        else:
            return CurlBackend(settings, max_connections, keepalive)
    from suxun_tui.net.httpx_backend import HttpxBackend

    return HttpxBackend(settings, max_connections, keepalive)


class Fetcher:
    """An async HTTP(S) and file fetcher; use as ``async with Fetcher(settings) as f``."""

    def __init__(
        self,
        settings: Settings,
        *,
        max_connections: int | None = None,
        backend: str | None = None,
    ) -> None:
        self.settings = settings
        self.backend = open_backend(
            settings,
            max_connections or max(settings.concurrency, settings.per_host),
            max_connections or max(settings.concurrency, 8),
            backend if backend is not None else os.environ.get("SUXUN_TUI_HTTP", ""),
        )
        self.headers = default_headers(settings)
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
        await self.backend.aclose()

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow_local: bool = False,
        failed: FetchError | None = None,
    ) -> FetchResult:
        """Fetch ``url`` with retries; raises :class:`FetchError` with a clear message.

        Local files are read only with ``allow_local``: for sources the user configured as
        local, and links found in them. A link in a web feed or page must never make the
        reader read the user's files. ``failed``: the error the first attempt already
        received (the probe's, :mod:`~suxun_tui.net.probe`); the retries go on from it, as
        if this call had made that attempt.
        """
        path = local_path(url)
        if path is not None:
            if not allow_local:
                raise FetchError(refusal(url), status=0)
            return await asyncio.to_thread(self._read_file, path, url)
        return await self._with_retries(
            url, conditional_headers(etag, last_modified), failed=failed
        )

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
        self,
        url: str,
        headers: dict[str, str],
        method: str = "GET",
        content: bytes | None = None,
        failed: FetchError | None = None,
    ) -> FetchResult:
        headers = request_headers(self.headers, url, headers)
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            try:
                if attempt == 0 and failed is not None:
                    raise failed  # the first attempt, made before this call
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
            raise FetchError(_invalid(url, exc), status=0) from exc
        async with self._host_slots[host]:
            try:
                async with asyncio.timeout(self.settings.timeout):
                    for _hop in range(self.settings.max_redirects + 1):
                        head, decoder = await self._exchange(url, current, headers, method, content)
                        if head.status in _REDIRECTS:
                            location = head.headers.get("location")
                            if not location:
                                raise FetchError(
                                    N_("{url}: redirect without a Location header").format(
                                        url=current
                                    )
                                )
                            permanent = permanent and head.status in (301, 308)
                            if method != "GET":
                                raise FetchError(
                                    N_("{url}: the server redirects this call").format(url=current)
                                )
                            current = _redirect_target(url, current, location)
                            continue
                        return self._finish(url, current, permanent, head, decoder)
                    raise FetchError(
                        N_(
                            "{url}: too many redirects (more than {count}); the site may be"
                            " redirecting in a loop"
                        ).format(url=url, count=self.settings.max_redirects)
                    )
            except TimeoutError as exc:
                raise FetchError(
                    N_(
                        "{url}: timed out after {seconds:g} s; the server is slow or not"
                        " answering (raise 'timeout' in [settings] if it is just slow)"
                    ).format(url=url, seconds=self.settings.timeout)
                ) from exc

    async def _exchange(
        self, url: str, current: str, headers: dict[str, str], method: str, content: bytes | None
    ) -> tuple[Head, BoundedDecoder | None]:
        try:
            target = request_url(current)
        except ValueError as exc:
            raise FetchError(_invalid(current, exc), status=0) from exc
        if not target.startswith(("http://", "https://")):
            raise FetchError(_invalid(current, N_("only http and https")), status=0)

        def choose_body(head: Head) -> BoundedDecoder | None:
            if head.status in _REDIRECTS or head.status == 304 or head.status >= 400:
                return None
            declared = head.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.settings.max_bytes:
                raise FetchError(
                    N_("{url}: response of {size} is over the {limit} limit ('max_bytes')").format(
                        url=url, size=_mb(int(declared)), limit=_mb(self.settings.max_bytes)
                    ),
                    status=0,
                )
            return BoundedDecoder(head.headers.get("content-encoding"), self.settings.max_bytes)

        try:
            return await self.backend.exchange(method, target, headers, content, choose_body)
        except BodyTooLarge as exc:
            raise FetchError(
                N_(
                    "{url}: response is over the {limit} limit ('max_bytes') after decompression"
                ).format(url=url, limit=_mb(self.settings.max_bytes)),
                status=0,
            ) from exc
        except BrokenEncoding as exc:
            raise FetchError(
                N_("{url}: the server sent a broken compressed body ({error})").format(
                    url=url, error=exc
                ),
                status=0,
            ) from exc

    def _finish(
        self, url: str, final: str, permanent: bool, head: Head, decoder: BoundedDecoder | None
    ) -> FetchResult:
        status = head.status
        hdrs = received_headers(head.headers)
        if status == 304:
            return FetchResult(url=final, status=304, headers=hdrs)
        if status >= 400:
            raise status_error(url, head, hdrs)
        moved = final if permanent and final != url else None
        body = decoder.body if decoder is not None else b""
        return FetchResult(final, status, body, hdrs.get("content-type"), hdrs, moved)


def _invalid(url: str, reason: object) -> str:
    return N_("{url}: invalid URL ({reason})").format(url=url, reason=reason)


def _redirect_target(url: str, current: str, location: str) -> str:
    """Where a redirect leads, in the one form that is stored and requested.

    ``Location`` is a stranger's text: U+202E, C1 controls or spaces in it must not reach
    ``sources.url`` raw, so the target is normalized the way it is requested (non-ASCII
    and controls percent-encoded, :func:`~suxun_tui.net.urls.request_url`) and anything
    but http(s) is refused.
    """
    try:
        target = request_url(urljoin(current, location.strip()))
        parts = urlsplit(target)
    except ValueError as exc:
        raise FetchError(
            N_("{url}: redirected to an invalid URL ({reason})").format(url=url, reason=exc),
            status=0,
        ) from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(
            N_("{url}: redirected to unsupported URL {location}").format(
                url=url, location=location
            ),
            status=0,
        )
    return target


def _mb(size: int) -> str:
    if size >= 1024 * 1024:
        return N_("{size:.0f} MB").format(size=size / 1024 / 1024)
    return N_("{size} bytes").format(size=size)
