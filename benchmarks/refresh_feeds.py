"""The refresh benchmark's workload: generated feeds and the loopback server that serves them.

N feeds x M items, four feeds in five Chinese and the fifth English, every fourth Atom,
the rest RSS 2.0. A feed can move on by a generation: ``CHANGED_ITEMS`` new items at the
top and as many of the oldest gone, the others byte for byte as before — what a real
feed looks like between two refreshes. The server (:class:`FeedServer`, a process of its
own) answers with ETag/Last-Modified and 304, gzip when asked, keep-alive, no Nagle and a
deep accept queue.
"""

from __future__ import annotations

import gzip
import hashlib
import pickle
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

_ZH_WORDS = list("经济发展改革创新城市科技教育文化交通医疗环境市场企业政策社会国际")
_EN_WORDS = ["market", "city", "policy", "science", "school", "health", "energy", "travel"]
CHANGED_ITEMS = 10  # new items in a feed that moved on by one generation
_START = datetime(2025, 12, 1, tzinfo=UTC)


def _sentence(words: list[str], seed: int, n: int, sep: str) -> str:
    return sep.join(words[(seed * 7 + i * 3) % len(words)] for i in range(n))


def is_chinese(index: int) -> bool:
    return index % 5 != 4


def make_feed(index: int, items: int, base: str, generation: int = 0) -> bytes:
    """One feed document; ``generation`` g holds items g*CHANGED_ITEMS .. + ``items``."""
    words, sep = (_ZH_WORDS, "") if is_chinese(index) else (_EN_WORDS, " ")
    entries = []
    first = generation * CHANGED_ITEMS
    for i in range(first, first + items):
        seed = index * 1000 + i
        title = _sentence(words, seed, 6, sep) + f" {index}-{i}"
        para = _sentence(words, seed + 1, 40, sep)
        body = f"<p>{para}</p><p>{_sentence(words, seed + 2, 30, sep)}</p>"
        link = f"{base}/article/{index}/{i}.html"
        when = _START + timedelta(minutes=17 * i + index)
        entries.append((title, link, body, when, f"author{index % 9}"))
    feed_title = f"{'新闻频道' if is_chinese(index) else 'News channel'} {index}"
    if index % 4 == 3:
        parts = [
            f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{feed_title}</title><id>{base}/feed/{index}</id>"
            f"<updated>{_START.isoformat()}</updated>"
        ]
        for title, link, body, when, author in entries:
            parts.append(
                f'<entry><title>{escape(title)}</title><link href="{link}"/><id>{link}</id>'
                f"<updated>{when.isoformat()}</updated><author><name>{author}</name></author>"
                f'<summary type="html">{escape(body)}</summary></entry>'
            )
        parts.append("</feed>")
    else:
        parts = [
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{feed_title}</title><link>{base}/</link><description>d</description>"
        ]
        for title, link, body, when, author in entries:
            parts.append(
                f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
                f"<pubDate>{format_datetime(when)}</pubDate><author>{author}</author>"
                f"<description>{escape(body)}</description></item>"
            )
        parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


class FeedServer:
    """Serves feeds by path from a server process of its own; :meth:`replace` swaps a feed's
    document (new ETag too).

    The server is one asyncio loop in a separate process: real HTTP/1.1 with keep-alive,
    ETag/Last-Modified and 304, gzip when asked, no Nagle (asyncio's default for TCP). It
    spends 0.1 ms of CPU on a conditional GET. The threaded ``http.server`` it replaced
    (2026-12-01) ran in the benchmark's own process, a thread per connection parsing
    headers through ``email``: 0.25-0.3 ms a request, more than the reader measured spends
    on a 304, and a GIL shared with the benchmark's sampler. Every reader is measured
    against this same server.
    """

    def __init__(self, feeds: dict[str, bytes]) -> None:
        self.modified = format_datetime(datetime(2025, 12, 1, tzinfo=UTC), usegmt=True)
        self.table: dict[str, tuple[bytes, bytes, str, str]] = {}
        for path, body in feeds.items():
            self.table[path] = _entry(body, self.modified)
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._send(self.table)
        self.port = int(self.proc.stdout.readline())

    def _send(self, message: object) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        pickle.dump(message, self.proc.stdin)
        self.proc.stdin.flush()

    def replace(self, path: str, body: bytes, modified: str | None = None) -> None:
        stamp = modified or format_datetime(datetime.now(UTC), usegmt=True)
        self.table[path] = _entry(body, stamp)
        self._send({path: self.table[path]})
        assert self.proc.stdout is not None
        if self.proc.stdout.readline() != b"ok\n":  # in place before the next request
            raise RuntimeError("the feed server did not take the new document")

    def shutdown(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()  # end of the control stream: the server exits
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _entry(body: bytes, modified: str) -> tuple[bytes, bytes, str, str]:
    etag = '"' + hashlib.md5(body).hexdigest() + '"'
    return body, gzip.compress(body, 5), etag, modified


# --- the server process -------------------------------------------------------------------


def _response(table: dict[str, tuple[bytes, bytes, str, str]], head: bytes) -> tuple[bytes, bool]:
    """The answer to one request head, and whether the connection stays open."""
    lines = head.decode("latin-1").split("\r\n")
    method, target, version = (lines[0].split(" ", 2) + ["", ""])[:3]
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    connection = headers.get("connection", "").lower()
    keep = connection != "close" and (version == "HTTP/1.1" or connection == "keep-alive")
    common = f"Date: {format_datetime(datetime.now(UTC), usegmt=True)}\r\n"
    if not keep:
        common += "Connection: close\r\n"
    entry = table.get(target)
    if entry is None or method not in ("GET", "HEAD"):
        status = "404 Not Found" if entry is None else "405 Method Not Allowed"
        return f"HTTP/1.1 {status}\r\n{common}Content-Length: 0\r\n\r\n".encode(), keep
    body, packed, etag, modified = entry
    if headers.get("if-none-match") == etag or headers.get("if-modified-since") == modified:
        return f"HTTP/1.1 304 Not Modified\r\n{common}ETag: {etag}\r\n\r\n".encode(), keep
    zipped = "gzip" in headers.get("accept-encoding", "")
    data = packed if zipped else body
    text = (
        f"HTTP/1.1 200 OK\r\n{common}Content-Type: application/xml; charset=utf-8\r\n"
        f"ETag: {etag}\r\nLast-Modified: {modified}\r\n"
        + ("Content-Encoding: gzip\r\n" if zipped else "")
        + f"Content-Length: {len(data)}\r\n\r\n"
    )
    return text.encode() + (b"" if method == "HEAD" else data), keep


def _serve() -> None:
    """``refresh_feeds.py --serve``: the table arrives pickled on stdin, the port leaves on
    stdout, then each pickled update is applied and acknowledged; stdin's end stops it."""
    import asyncio
    import os

    control = sys.stdin.buffer
    table: dict[str, tuple[bytes, bytes, str, str]] = pickle.load(control)

    class Connection(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            assert isinstance(transport, asyncio.Transport)
            self.transport = transport
            self.buffer = b""

        def data_received(self, data: bytes) -> None:
            self.buffer += data
            while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
                head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
                answer, keep = _response(table, head)
                self.transport.write(answer)
                if not keep:
                    self.transport.close()
                    return

    def updates() -> None:
        while True:
            try:
                table.update(pickle.load(control))
            except EOFError:
                os._exit(0)
            sys.stdout.buffer.write(b"ok\n")
            sys.stdout.buffer.flush()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Connection, "127.0.0.1", 0, backlog=4096)
        port = server.sockets[0].getsockname()[1]
        sys.stdout.buffer.write(f"{port}\n".encode())
        sys.stdout.buffer.flush()
        threading.Thread(target=updates, daemon=True).start()  # blocked in read: no GIL
        await server.serve_forever()

    asyncio.run(main())


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        _serve()
