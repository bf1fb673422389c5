"""The refresh benchmark's workload: generated feeds and the loopback server that serves them.

N feeds x M items, four feeds in five Chinese and the fifth English, every fourth Atom,
the rest RSS 2.0. A feed can move on by a generation: ``CHANGED_ITEMS`` new items at the
top and as many of the oldest gone, the others byte for byte as before — what a real
feed looks like between two refreshes. The server answers with ETag/Last-Modified and
304, gzip when asked, keep-alive, no Nagle and a deep accept queue.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
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


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 4096
    allow_reuse_address = True


class FeedServer:
    """Serves feeds by path; :meth:`replace` swaps a feed's document (new ETag too)."""

    def __init__(self, feeds: dict[str, bytes]) -> None:
        self.modified = format_datetime(datetime(2025, 12, 1, tzinfo=UTC), usegmt=True)
        self.table: dict[str, tuple[bytes, bytes, str, str]] = {}
        for path, body in feeds.items():
            self.replace(path, body, self.modified)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Like production servers: no Nagle, and headers and body leave in one write.
            # Without these, keep-alive clients stall ~40 ms per response on delayed ACKs.
            disable_nagle_algorithm = True
            wbufsize = 1 << 16

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                owner.answer(self)

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.port = int(self.httpd.server_address[1])
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def replace(self, path: str, body: bytes, modified: str | None = None) -> None:
        etag = '"' + hashlib.md5(body).hexdigest() + '"'
        stamp = modified or format_datetime(datetime.now(UTC), usegmt=True)
        self.table[path] = (body, gzip.compress(body, 5), etag, stamp)

    def answer(self, req: BaseHTTPRequestHandler) -> None:
        entry = self.table.get(req.path)
        if entry is None:
            req.send_response(404)
            req.send_header("Content-Length", "0")
            req.end_headers()
            return
        body, packed, etag, modified = entry
        if req.headers.get("If-None-Match") == etag or (
            req.headers.get("If-Modified-Since") == modified
        ):
            req.send_response(304)
            req.send_header("ETag", etag)
            req.end_headers()
            return
        zipped = "gzip" in (req.headers.get("Accept-Encoding") or "")
        data = packed if zipped else body
        req.send_response(200)
        req.send_header("Content-Type", "application/xml; charset=utf-8")
        req.send_header("ETag", etag)
        req.send_header("Last-Modified", modified)
        if zipped:
            req.send_header("Content-Encoding", "gzip")
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)

    def shutdown(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
