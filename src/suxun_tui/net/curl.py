"""The libcurl backend: pycurl's multi interface driven by the asyncio event loop.

Measured against the loopback server of ``benchmarks/refresh.py`` (200 feeds of 65 KB,
2 cores): 0.4–0.6 ms of CPU per full GET and 0.3 ms per 304, against 3.4–4 ms and
3.5 ms on httpx (2.2–3 and 2 ms on bare httpcore), and 25 ms to import against 200 ms.
libcurl runs the sockets, parsing and keep-alive in C; Python sees one callback per
header line and per 64 KB of body.

What stays with the caller (:class:`~suxun_tui.net.client.Fetcher`): redirects (libcurl
never follows one), decompression (libcurl hands over the raw bytes, the bounded decoder
inflates them), deadlines, retries and messages. Only http and https are spoken, so a
``file://`` or ``gopher://`` URL can never slip past the local-file rule. libcurl builds
a TLS context only when it opens an https connection, and loads CA certificates then
(``SSL_CERT_FILE``/``SSL_CERT_DIR`` when set, else certifi's bundle, as httpx does).
"""

from __future__ import annotations

import contextlib
import errno
from urllib.parse import urlsplit

import pycurl

from suxun_tui.config import Settings
from suxun_tui.net.decoding import BoundedDecoder
from suxun_tui.net.exchange import BodyChoice, FetchError, Head
from suxun_tui.net.wire import ca_locations, read_head
from suxun_tui.text.i18n import N_

_BUFFER = 64 * 1024
_IDLE_HANDLES = 64
_TLS_ERRORS = frozenset({35, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98})


class _Transfer:
    """One exchange's head and body as libcurl's callbacks deliver them.

    Header lines are only collected while they arrive and read once: when the body starts
    or the transfer ends, or as soon as an error's head is complete.
    """

    def __init__(self, choose_body: BodyChoice) -> None:
        self.choose_body = choose_body
        self.lines: list[bytes] = []
        self.decided = False
        self.head: Head | None = None
        self.decoder: BoundedDecoder | None = None
        self.failure: BaseException | None = None  # raised by the caller's choice or decoder
        self.dropped = False  # the body was not wanted: the transfer was stopped on purpose

    def decide(self) -> None:
        self.decided = True
        self.head = read_head(self.lines)
        self.decoder = self.choose_body(self.head)

    def on_header(self, line: bytes) -> int | None:
        """libcurl's header callback: the line kept; at the end of an error's head (status
        400 or more) the head is read at once, so an error whose body is slow or never
        comes is that error, not a timeout — and its body, when not wanted, is not waited
        for (0 stops the transfer)."""
        self.lines.append(line)
        if line not in (b"\r\n", b"\n") or self.decided:
            return None
        status = next((ln for ln in reversed(self.lines) if ln.startswith(b"HTTP/")), b"")
        parts = status.split(None, 2)
        if len(parts) < 2 or parts[1][:1] not in (b"4", b"5"):
            return None
        try:
            self.decide()
        except BaseException as exc:  # libcurl's callback must not raise; kept for the caller
            self.failure = exc
            return 0
        if self.decoder is None:
            self.dropped = True
            return 0
        return None

    def on_body(self, data: bytes) -> int | None:
        try:
            if not self.decided:
                self.decide()
            if self.decoder is None:
                self.dropped = True
                return 0  # stop: libcurl ends the transfer (and drops the connection)
            self.decoder.feed(data)
        except BaseException as exc:  # libcurl's callback must not raise; kept for the caller
            self.failure = exc
            return 0
        return None


class CurlBackend:
    """Exchanges over one ``pycurl.AsyncCurlMulti``, easy handles reused."""

    def __init__(self, settings: Settings, max_connections: int, keepalive: int) -> None:
        self.settings = settings
        self.multi = pycurl.AsyncCurlMulti()
        self.multi.setopt(pycurl.M_MAX_TOTAL_CONNECTIONS, max_connections)
        self.multi.setopt(pycurl.M_MAXCONNECTS, keepalive)
        self._idle: list[pycurl.Curl] = []

    async def aclose(self) -> None:
        await self.multi.aclose()
        for curl in self._idle:
            curl.close()
        self._idle.clear()

    async def exchange(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        choose_body: BodyChoice,
    ) -> tuple[Head, BoundedDecoder | None]:
        curl = self._idle.pop() if self._idle else pycurl.Curl()
        transfer = _Transfer(choose_body)
        reusable = False
        try:
            self._configure(curl, method, url, headers, content, transfer)
            try:
                await self.multi.perform(curl)
            except pycurl.error as exc:
                if transfer.failure is not None:
                    raise transfer.failure from None
                if not transfer.dropped:
                    raise self._error(url, curl, exc) from None
            reusable = True
            if not transfer.decided:  # no body at all: a 304, a redirect, an empty answer
                transfer.decide()
            assert transfer.head is not None
            return transfer.head, transfer.decoder
        finally:
            self._release(curl, reusable)

    def _release(self, curl: pycurl.Curl, reusable: bool) -> None:
        if not reusable:
            # Cancelled (the deadline) or failed: make sure the multi lets go of it now,
            # not on a later loop tick, before it can be used again.
            with contextlib.suppress(RuntimeError, pycurl.error):
                self.multi.remove_handle(curl)
        curl.reset()
        if len(self._idle) < _IDLE_HANDLES:
            self._idle.append(curl)
        else:
            curl.close()

    def _configure(
        self,
        curl: pycurl.Curl,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        transfer: _Transfer,
    ) -> None:
        settings = self.settings
        curl.setopt(pycurl.URL, url)
        curl.setopt(pycurl.PROTOCOLS, pycurl.PROTO_HTTP | pycurl.PROTO_HTTPS)
        curl.setopt(pycurl.HTTP_VERSION, pycurl.CURL_HTTP_VERSION_1_1)
        curl.setopt(pycurl.NOSIGNAL, 1)
        curl.setopt(pycurl.CONNECTTIMEOUT_MS, int(settings.connect_timeout * 1000))
        # The caller's deadline ends an attempt; this only backs it up.
        curl.setopt(pycurl.TIMEOUT_MS, int(settings.timeout * 1000) + 1000)
        curl.setopt(pycurl.HTTP_CONTENT_DECODING, 0)  # raw bytes: the bounded decoder inflates
        curl.setopt(pycurl.BUFFERSIZE, _BUFFER)
        curl.setopt(pycurl.HEADERFUNCTION, transfer.on_header)
        curl.setopt(pycurl.WRITEFUNCTION, transfer.on_body)
        lines = [f"{name}: {value}" for name, value in headers.items()]
        lower = {name.lower() for name in headers}
        if method == "GET" and content is None:
            curl.setopt(pycurl.HTTPGET, 1)
        elif method == "HEAD":
            curl.setopt(pycurl.NOBODY, 1)
        else:
            body = content or b""
            curl.setopt(pycurl.POSTFIELDSIZE, len(body))
            curl.setopt(pycurl.COPYPOSTFIELDS, body)
            if method != "POST":
                curl.setopt(pycurl.CUSTOMREQUEST, method)
            lines.append("Expect:")  # no 100-continue round trip
            if "content-type" not in lower:
                lines.append("Content-Type:")  # libcurl would claim a form
        curl.setopt(pycurl.HTTPHEADER, lines)
        if url[:6].lower() == "https:":
            trust_store(curl)

    def _error(self, url: str, curl: pycurl.Curl, exc: pycurl.error) -> FetchError:
        code = exc.args[0] if exc.args else -1
        detail = str(exc.args[1]) if len(exc.args) > 1 else str(exc)
        if code == pycurl.E_UNSUPPORTED_PROTOCOL and "HTTP/" in detail:
            # libcurl's words for an answer without a status line (HTTP/0.9) or with a
            # version it does not know: the server's fault, not the URL's
            return FetchError(
                N_("{url}: the answer is not HTTP ({reason})").format(url=url, reason=detail)
            )
        if code in (pycurl.E_URL_MALFORMAT, pycurl.E_UNSUPPORTED_PROTOCOL):
            return FetchError(
                N_("{url}: invalid URL ({reason})").format(url=url, reason=detail), status=0
            )
        return FetchError(self._message(url, curl, exc))

    def _message(self, url: str, curl: pycurl.Curl, exc: pycurl.error) -> str:
        code = exc.args[0] if exc.args else -1
        detail = str(exc.args[1]) if len(exc.args) > 1 else str(exc)
        message = N_("{url}: network error ({reason})")
        if code == pycurl.E_COULDNT_RESOLVE_HOST:
            message = N_(
                "{url}: the host name {host} does not resolve; check the URL or your network"
            )
        elif code == pycurl.E_COULDNT_CONNECT:
            message = N_("{url}: could not connect ({reason})")
            if curl.getinfo(pycurl.OS_ERRNO) == errno.ECONNREFUSED:
                message = N_("{url}: connection refused; the server is down or the port is wrong")
        elif code == pycurl.E_OPERATION_TIMEDOUT:
            message = N_("{url}: timed out waiting for the server")
            if curl.getinfo(pycurl.CONNECT_TIME) == 0:
                message = N_("{url}: could not connect within {seconds:g} s")
        elif code in (pycurl.E_PARTIAL_FILE, pycurl.E_RECV_ERROR):
            message = N_("{url}: the response was cut off ({reason})")
        elif code in (pycurl.E_GOT_NOTHING, pycurl.E_SEND_ERROR, 8):  # 8: weird server reply
            message = N_("{url}: the server broke the connection ({reason})")
        elif code in _TLS_ERRORS:
            message = N_("{url}: TLS error ({reason})")
        return message.format(
            url=url, reason=detail, host=_host(url), seconds=self.settings.connect_timeout
        )


def trust_store(curl: pycurl.Curl) -> None:
    """The CA certificates httpx would trust: the environment's, else certifi's."""
    cafile, capath = ca_locations()
    if cafile:
        curl.setopt(pycurl.CAINFO, cafile)
    if capath:
        curl.setopt(pycurl.CAPATH, capath)


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url
