"""A real HTTP server on 127.0.0.1 for tests: routes, counters, and misbehaviour on demand.

Tests talk to it over real sockets (never a patched client). Each route answers with a
status, headers and body, optionally after a delay, dripping bytes slowly, honouring
conditional GET, or running a custom handler; the server counts requests and body bytes
sent per path and the largest number of concurrent connections it saw.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0  # seconds between bytes
    etag: bool = False  # answer 304 when If-None-Match matches
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None
    # (status, headers, body) answered in turn before the route's own answer, e.g. two
    # 500s and then the feed: for retries, Retry-After and backoff tests.
    script: list[tuple[int, dict[str, str], bytes]] = field(default_factory=list)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True


class LoopbackServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()  # body bytes written per path (not by handlers)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                owner._serve(self)

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **kwargs: Any) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)
        return self.url(path)

    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        path = req.path.split("?")[0]
        with self._lock:
            self.hits[path] += 1
            self.requests.append((path, {k.lower(): v for k, v in req.headers.items()}))
            self.active += 1
            self.max_active = max(self.max_active, self.active)

        def count(sent: int) -> None:
            with self._lock:
                self.sent[path] += sent

        try:
            route = self.routes.get(path)
            if route is None:
                self._send(req, 404, {}, b"not found")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.handler:
                route.handler(req)
                return
            if route.script:
                with self._lock:
                    status, scripted, data = route.script.pop(0)
                self._send(req, status, scripted, data, on_sent=count)
                return
            headers = dict(route.headers)
            if route.etag:
                tag = '"' + hashlib.md5(route.body).hexdigest() + '"'
                headers["ETag"] = tag
                if req.headers.get("If-None-Match") == tag:
                    self._send(req, 304, headers, b"")
                    return
            self._send(req, route.status, headers, route.body, route.drip, count)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self._lock:
                self.active -= 1

    @staticmethod
    def _send(
        req: BaseHTTPRequestHandler,
        status: int,
        headers: dict[str, str],
        body: bytes,
        drip: float = 0,
        on_sent: Callable[[int], None] = lambda sent: None,
    ) -> None:
        req.send_response(status)
        lower = {k.lower() for k in headers}
        for key, value in headers.items():
            req.send_header(key, value)
        if "content-length" not in lower and status != 304:
            req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        if status == 304:
            return
        if drip:
            for i in range(len(body)):
                req.wfile.write(body[i : i + 1])
                req.wfile.flush()
                on_sent(1)
                time.sleep(drip)
        else:
            req.wfile.write(body)
            on_sent(len(body))

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
