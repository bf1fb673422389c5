"""The Google Reader listing asks for the read entries beside the unread ones.

The read state's own stream (``s=…/state/com.google/read``) lists each read entry once
and no unread one twice. Canned servers in FreshRSS's format on loopback: one with that
stream, one that refuses it and honours ``it`` on the reading list (the older way, as
FreshRSS and Inoreader do), one that refuses it and ignores ``it`` (listing every entry);
all three bring every entry into the cache with the right flags.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from suxun_tui.store import Store
from suxun_tui.sync import sync_accounts
from tests.integration.test_sync_bad_servers import (
    JSON,
    RecordingServer,
    config,
    recorded_greader,
)

PREFIX = "/api/greader.php"
READ = {"1"}
UNREAD = {"2", "3"}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> RecordingServer:
    monkeypatch.setenv("PASS", "p")
    with RecordingServer() as running:
        yield running


def serve(server: RecordingServer, kind: str) -> list[dict[str, str]]:
    asked: list[dict[str, str]] = []
    recorded_greader(server, PREFIX)

    def ids(req: BaseHTTPRequestHandler) -> None:
        query = dict(parse_qsl(urlsplit(req.path).query))
        asked.append(query)
        stream = query.get("s", "")
        if stream.endswith("/state/com.google/read"):
            if kind != "read stream":
                server._send(req, 400, JSON, b'{"error": "unknown stream"}')
                return
            wanted: set[str] = READ
        elif stream.endswith("/starred"):
            wanted = set()
        elif query.get("xt", "").endswith("/read"):
            wanted = UNREAD
        elif kind == "honours it" and query.get("it", "").endswith("/read"):
            wanted = READ
        else:
            wanted = READ | UNREAD
        body = {"itemRefs": [{"id": i} for i in sorted(wanted)]}
        server._send(req, 200, JSON, json.dumps(body).encode())

    server.add(f"{PREFIX}/reader/api/0/stream/items/ids", handler=ids)
    items = [
        {
            "id": f"tag:google.com,2005:reader/item/{i:016x}",
            "title": f"Item {i}",
            "published": 1764496800,
            "canonical": [{"href": f"https://example.org/{i}"}],
            "summary": {"content": "<p>x</p>"},
            "origin": {"streamId": "feed/2"},
        }
        for i in (1, 2, 3)
    ]
    server.json(f"{PREFIX}/reader/api/0/stream/items/contents", {"items": items})
    return asked


@pytest.mark.parametrize("kind", ["read stream", "honours it", "ignores it"])
def test_every_entry_arrives_however_the_server_lists_the_read_ones(
    server: RecordingServer, tmp_path: Path, kind: str
) -> None:
    asked = serve(server, kind)
    db = tmp_path / "c.db"
    [result] = sync_accounts(config(tmp_path, "greader", server.url(PREFIX)), db)
    assert result.ok and result.new == 3, result.error
    read_stream = [q for q in asked if q.get("s", "").endswith("/state/com.google/read")]
    reading = [q for q in asked if q.get("s", "").endswith("/reading-list") and "xt" not in q]
    assert len(read_stream) == 1
    if kind == "read stream":
        assert not reading  # every entry listed once: read ones here, unread ones apart
    else:
        assert reading and all(q.get("it") == "user/-/state/com.google/read" for q in reading)
    with Store(db) as store:
        flags = {h.title: h.read for h in store.headlines()}
    assert flags == {"Item 1": True, "Item 2": False, "Item 3": False}
