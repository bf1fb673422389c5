"""Conditional GETs of many feeds at once, without an event loop.

Most refreshes (cron, every few minutes) find every feed unchanged. Through the full
fetcher each 304 costs an event loop, its tasks, futures and deadlines, and the refresh
must first import asyncio and start the database thread and the parse workers' server
(:mod:`~suxun_tui.refresh.engine`). :func:`conditional_gets` instead asks every source
that has validators, in one libcurl multi loop on the calling thread, with the same
request the fetcher would send (:mod:`~suxun_tui.net.wire`: headers, validators, the
URL's one requested form), at most ``concurrency`` at once and ``per_host`` per host.

Three answers are taken, as the fetcher's first attempt would end: a 304, a plain 200
whose body stays within ``max_bytes`` after decompression (the same bounded decoder; at
most :data:`KEPT_BYTES` of bodies held in all, so a server that ignores validators cannot
fill memory), and a status of 400 or more, as the fetcher's error with the server's
Retry-After (the fetcher's retries go on from it, so a 429 is not asked again before its
wait). Anything else — a redirect, a body over a cap or badly compressed, a network
failure, no answer within :data:`PATIENCE` seconds — is dropped and left to the
fetcher, which asks again with every rule (retries, Retry-After, redirects, size caps
and their messages). A server that stops answering so costs at most :data:`PATIENCE`
seconds more before the fetcher's own timeout and retries: once an ask of a host gets no
answer at all, that host's sources not yet asked are left to the fetcher. When many feeds turn out
changed (:data:`BUSY_AFTER`), the probe stops asking: the full refresh then parses each
body as it arrives instead of after the probe.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from suxun_tui.config import Settings
from suxun_tui.net.decoding import BodyTooLarge, BoundedDecoder, BrokenEncoding
from suxun_tui.net.exchange import FetchError, Head
from suxun_tui.net.urls import request_url
from suxun_tui.net.wire import (
    FetchResult,
    ca_locations,
    conditional_headers,
    default_headers,
    read_head,
    received_headers,
    request_headers,
    status_error,
)

if TYPE_CHECKING:
    import pycurl
else:
    pycurl: Any = None  # libcurl's C module, loaded by _libcurl() on the first probe

PATIENCE = 5.0  # seconds: an answer slower than this is asked for again by the fetcher
KEPT_BYTES = 32 * 1024 * 1024  # bodies held for the parsers, in all; past it, dropped
# A refresh where many feeds changed is the full engine's: it parses as bodies arrive.
# Once this many new bodies came and they are over a quarter of the answers, the probe
# asks no more; the sources not asked go to the fetcher (each is still asked once).
BUSY_AFTER = 16


class _Bodies:
    """What the bodies of one probe may hold: ``max_bytes`` each, :data:`KEPT_BYTES` in all."""

    __slots__ = ("budget", "kept")

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.kept = 0

    def decoder(self, head: Head) -> BoundedDecoder | None:
        """Where a 200's body goes (the fetcher's cap, declared and decoded); None: not kept."""
        if head.status != 200 or self.kept >= KEPT_BYTES:
            return None
        declared = head.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.budget:
            return None
        try:
            return BoundedDecoder(head.headers.get("content-encoding"), self.budget)
        except BrokenEncoding:
            return None


class _Ask:
    """One conditional GET in flight: its header lines as they arrive, then its body."""

    __slots__ = ("index", "host", "lines", "head", "decoder", "dropped", "bodies")

    def __init__(self, index: int, host: str, bodies: _Bodies) -> None:
        self.index = index
        self.host = host
        self.lines: list[bytes] = []
        self.head: Head | None = None
        self.decoder: BoundedDecoder | None = None
        self.dropped = False
        self.bodies = bodies

    def on_body(self, data: bytes) -> int | None:
        """libcurl's body callback: into the bounded decoder, or 0 to stop the transfer
        (it drops the connection): an error's body, which the fetcher does not read
        either, or an answer the fetcher should have instead."""
        try:
            if self.head is None:
                self.head = read_head(self.lines)
                self.decoder = self.bodies.decoder(self.head)
            if self.head.status >= 400:
                return 0  # the head is the answer (see result)
            if self.decoder is None:
                raise BodyTooLarge
            before = self.decoder.size
            self.decoder.feed(data)
            self.bodies.kept += self.decoder.size - before
            if self.bodies.kept > KEPT_BYTES:
                raise BodyTooLarge
        except (BodyTooLarge, BrokenEncoding):
            self.dropped = True
            return 0
        return None

    def result(self, url: str, complete: bool) -> FetchResult | FetchError | None:
        """The answer as the fetcher's first attempt ends with it — its result, or for a
        status of 400 or more its error (the fetcher's retries go on from it) — when it is
        one the probe takes; ``complete``: the transfer ended without a failure."""
        head = self.head or read_head(self.lines)
        if self.dropped or head.status == 0:
            return None
        headers = received_headers(head.headers)
        if head.status >= 400:  # whether or not its body was read, as by the fetcher
            return status_error(url, head, headers)
        if not complete or head.status not in (200, 304):
            return None
        if head.status == 304:
            return FetchResult(url, 304, headers=headers)
        if self.decoder is None and self.bodies.decoder(head) is None:
            return None  # an empty body the fetcher would refuse (its encoding, its size)
        body = self.decoder.body if self.decoder is not None else b""
        return FetchResult(url, 200, body, headers.get("content-type"), headers)


def conditional_gets(
    settings: Settings, asks: Sequence[tuple[str, str | None, str | None]]
) -> dict[int, FetchResult | FetchError]:
    """Ask each ``(url, etag, last_modified)`` whether it changed; the answers taken (304s,
    plain 200s with their bodies, and the errors of statuses from 400), by index.

    An ask without a validator that can be sent, with a URL that is not plain http(s)
    or with a header that would be refused is not sent: the fetcher reports it. Without
    pycurl nothing is sent.
    """
    try:  # checked once; the validators added to them are checked by conditional_headers
        defaults = request_headers(default_headers(settings), "", {})
    except FetchError:
        return {}  # a user agent that cannot be sent: the fetcher says so for each source
    common = [f"{name}: {value}" for name, value in defaults.items()]
    waiting: dict[str, deque[tuple[int, str, str, list[str]]]] = {}
    for index, (url, etag, last_modified) in enumerate(asks):
        extra = conditional_headers(etag, last_modified)
        if not extra:
            continue
        try:
            target = request_url(url)
            host = urlsplit(target).hostname or ""
        except ValueError:
            continue
        if not host or not target.startswith(("http://", "https://")):
            continue
        lines = common + [f"{name}: {value}" for name, value in extra.items()]
        waiting.setdefault(host, deque()).append((index, url, target, lines))
    if not waiting:
        return {}
    global pycurl
    try:
        pycurl = _libcurl()
    except ImportError:
        return {}  # no pycurl: the fetcher (over httpx) asks every source
    return _run(settings, waiting)


def _libcurl() -> ModuleType:
    """pycurl's C module alone (``pycurl._pycurl``: the same module the package re-exports).

    The package's ``__init__`` also imports its asyncio driver, and with it
    ``dataclasses`` and ``inspect`` (some 20 ms at start), which the probe never uses. The
    package itself, when a fetcher imports it later, finds this module loaded and uses it.
    Raises ImportError without pycurl, like ``import pycurl``.
    """
    loaded = sys.modules.get("pycurl._pycurl")
    if loaded is not None:
        return loaded
    import os

    # importlib.machinery's classes, from the import system's own modules (always loaded):
    # importlib.util costs 3 ms, and importlib.machinery a few hundred microseconds.
    from _frozen_importlib import ModuleSpec
    from _frozen_importlib_external import EXTENSION_SUFFIXES, ExtensionFileLoader, PathFinder

    package = PathFinder.find_spec("pycurl")
    if package is None or not package.submodule_search_locations:
        raise ImportError("pycurl is not installed")
    for folder in package.submodule_search_locations:
        for suffix in EXTENSION_SUFFIXES:
            path = os.path.join(folder, "_pycurl" + suffix)
            if not os.path.isfile(path):
                continue
            loader = ExtensionFileLoader("pycurl._pycurl", path)
            spec = ModuleSpec("pycurl._pycurl", loader, origin=path)
            spec.has_location = True
            module = loader.create_module(spec)
            module.__spec__, module.__loader__, module.__package__ = spec, loader, "pycurl"
            sys.modules["pycurl._pycurl"] = module
            try:
                loader.exec_module(module)
            except BaseException:
                del sys.modules["pycurl._pycurl"]
                raise
            return module
    import pycurl as whole  # an unusual layout: the package as it is

    return whole


def _run(
    settings: Settings, waiting: dict[str, deque[tuple[int, str, str, list[str]]]]
) -> dict[int, FetchResult | FetchError]:
    limit = max(1, settings.concurrency)
    per_host = max(1, settings.per_host)
    patience_ms = int(min(settings.timeout, PATIENCE) * 1000)
    connect_ms = int(min(settings.connect_timeout, PATIENCE) * 1000)
    multi = pycurl.CurlMulti()
    multi.setopt(pycurl.M_MAXCONNECTS, max(limit, 8))
    running: dict[pycurl.Curl, _Ask] = {}
    per_host_running: dict[str, int] = dict.fromkeys(waiting, 0)
    idle: list[pycurl.Curl] = []
    answers: dict[int, FetchResult | FetchError] = {}
    urls: dict[int, str] = {}
    bodies = _Bodies(settings.max_bytes)
    finished, changed = [0], [0]  # answers, and new bodies among them

    def start_more() -> None:
        if changed[0] >= BUSY_AFTER and changed[0] * 4 > finished[0]:
            return  # a busy refresh: the rest is better asked by the fetcher
        for host, queue in waiting.items():
            while queue and per_host_running[host] < per_host and len(running) < limit:
                index, url, target, lines = queue.popleft()
                curl = idle.pop() if idle else _handle(connect_ms, patience_ms)
                ask = _Ask(index, host, bodies)
                _configure(curl, target, lines, ask)
                urls[index] = url  # the fetcher's result names the URL as it was asked for
                running[curl] = ask
                per_host_running[host] += 1
                multi.add_handle(curl)

    def finish(curl: pycurl.Curl, ok: bool) -> None:
        finished[0] += 1
        ask = running.pop(curl)
        per_host_running[ask.host] -= 1
        multi.remove_handle(curl)
        if (result := ask.result(urls[ask.index], ok)) is not None:
            answers[ask.index] = result
            if isinstance(result, FetchResult) and not result.not_modified:
                changed[0] += 1
        elif not ok and not ask.lines:
            # No answer at all (refused, unreachable, silent): the host's other sources
            # are left to the fetcher unasked, so a dead host costs one round of asks.
            waiting[ask.host].clear()
        idle.append(curl)  # its options stay: the next ask sets only its own

    try:
        start_more()
        while running:
            status, _ = multi.perform()
            while status == pycurl.E_CALL_MULTI_PERFORM:
                status, _ = multi.perform()
            while True:
                queued, done, failed = multi.info_read()
                for curl in done:
                    finish(curl, ok=True)
                for curl, _code, _message in failed:
                    finish(curl, ok=False)
                if not queued:
                    break
            start_more()
            if running:
                wait = multi.timeout()
                if wait != 0:
                    # No timer set (-1): look again soon, as libcurl advises for that case.
                    multi.select(0.1 if wait < 0 else min(wait, 1000) / 1000)
    finally:
        for curl in list(running):
            multi.remove_handle(curl)
            curl.close()
        for curl in idle:
            curl.close()
        multi.close()
    return answers


def _handle(connect_ms: int, total_ms: int) -> pycurl.Curl:
    """A handle with what every GET of the probe shares, as
    :class:`~suxun_tui.net.curl.CurlBackend` sends one; it is kept for the next ask when
    an answer is in (the options stay: :func:`_configure` sets each ask's own)."""
    curl = pycurl.Curl()
    curl.setopt(pycurl.PROTOCOLS, pycurl.PROTO_HTTP | pycurl.PROTO_HTTPS)
    curl.setopt(pycurl.HTTP_VERSION, pycurl.CURL_HTTP_VERSION_1_1)
    curl.setopt(pycurl.NOSIGNAL, 1)
    curl.setopt(pycurl.CONNECTTIMEOUT_MS, connect_ms)
    curl.setopt(pycurl.TIMEOUT_MS, total_ms)
    curl.setopt(pycurl.HTTP_CONTENT_DECODING, 0)  # raw bytes: the bounded decoder inflates
    curl.setopt(pycurl.BUFFERSIZE, 64 * 1024)
    curl.setopt(pycurl.HTTPGET, 1)
    return curl


def _configure(curl: pycurl.Curl, url: str, lines: list[str], ask: _Ask) -> None:
    """One ask's own options: its URL, its header lines and where the answer goes."""
    curl.setopt(pycurl.URL, url)
    curl.setopt(pycurl.HEADERFUNCTION, ask.lines.append)
    curl.setopt(pycurl.WRITEFUNCTION, ask.on_body)
    curl.setopt(pycurl.HTTPHEADER, lines)
    if url[:6].lower() == "https:":
        cafile, capath = ca_locations()  # the trust store CurlBackend gives libcurl
        if cafile:
            curl.setopt(pycurl.CAINFO, cafile)
        if capath:
            curl.setopt(pycurl.CAPATH, capath)


__all__ = ["BUSY_AFTER", "KEPT_BYTES", "PATIENCE", "conditional_gets"]
