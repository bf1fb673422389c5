"""The Google Reader listing asks for the read entries beside the unread ones.

The read state's own stream (``s=…/state/com.google/read``) lists each read entry once
and no unread one twice. Canned servers in FreshRSS's format on loopback: one with that
stream, one that refuses it and honours ``it`` on the reading list (the older way, as
FreshRSS and Inoreader do), one that refuses it and ignores ``it`` (listing every entry);
all three bring every entry into the cache with the right flags.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from suxun_tui.store import Store
from suxun_tui.sync import greader, sync_accounts
from tests.integration.test_sync_bad_servers import (
    JSON,
    RecordingServer,
    config,
    freshrss_item,
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
    items = [freshrss_item(i) for i in (1, 2, 3)]
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


@pytest.mark.parametrize("refused", [None, 3])
def test_contents_arrive_batch_by_batch_and_a_refused_one_keeps_those_before_it(
    server: RecordingServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    refused: int | None,
) -> None:
    """One entry a batch: each batch is asked for while the one before it is stored.
    Every batch arrives; a batch the server refuses ends the sync with an error, and the
    batches before it stay in the cache."""
    monkeypatch.setattr(greader, "CONTENTS_BATCH", 1)
    serve(server, "read stream")
    handler_class = server.httpd.RequestHandlerClass

    def do_post(req: BaseHTTPRequestHandler) -> None:  # the form kept on its request
        length = int(req.headers.get("Content-Length") or 0)
        req.form = parse_qsl(req.rfile.read(length).decode())  # type: ignore[attr-defined]
        server._serve(req)

    handler_class.do_POST = do_post  # type: ignore[attr-defined]
    asked: list[int] = []

    def contents(req: BaseHTTPRequestHandler) -> None:
        ids = [v for k, v in req.form if k == "i"]  # type: ignore[attr-defined]
        numbers = [int(i) if i.isdigit() else int(i.rsplit("/", 1)[-1], 16) for i in ids]
        asked.extend(numbers)
        if refused in numbers:
            server._send(req, 400, JSON, b'{"error": "refused"}')
            return
        items = [freshrss_item(n) for n in numbers]
        server._send(req, 200, JSON, json.dumps({"items": items}).encode())

    server.add(f"{PREFIX}/reader/api/0/stream/items/contents", handler=contents)
    db = tmp_path / "c.db"
    [result] = sync_accounts(config(tmp_path, "greader", server.url(PREFIX)), db)
    assert sorted(asked) == [1, 2, 3]
    with Store(db) as store:
        titles = sorted(h.title for h in store.headlines())
    if refused is None:
        assert result.ok and result.new == 3, result.error
        assert titles == ["Item 1", "Item 2", "Item 3"]
    else:
        assert not result.ok and result.error
        assert titles == ["Item 1", "Item 2"]


def test_a_read_stream_the_server_cannot_answer_is_not_asked_again_another_way(
    server: RecordingServer, tmp_path: Path
) -> None:
    """A server that is down (here: 503 for the read state's stream) ends the sync with
    "server unreachable", keeping what is queued; only a server that has no such stream
    (an answer saying so) is asked for the reading list filtered by ``it`` instead."""
    asked = serve(server, "read stream")
    route = server.routes[f"{PREFIX}/reader/api/0/stream/items/ids"]
    listing = route.handler
    assert listing is not None

    def down_for_the_read_stream(req: BaseHTTPRequestHandler) -> None:
        stream = dict(parse_qsl(urlsplit(req.path).query)).get("s", "")
        if stream.endswith("/state/com.google/read"):
            server._send(req, 503, JSON, b'{"error": "busy"}')
            return
        listing(req)

    server.add(f"{PREFIX}/reader/api/0/stream/items/ids", handler=down_for_the_read_stream)
    [result] = sync_accounts(config(tmp_path, "greader", server.url(PREFIX)), tmp_path / "c.db")
    assert not result.ok and result.error and "server unreachable" in result.error
    assert not [q for q in asked if q.get("it")]  # no second listing of every read entry


def test_the_id_listings_are_asked_for_while_the_feed_list_is_answered(
    server: RecordingServer, tmp_path: Path
) -> None:
    """The subscription list is answered only once an id listing has arrived (or after
    10 s): a sync that asked for the listings after the feeds would wait it out."""
    serve(server, "read stream")
    listing_asked = threading.Event()
    waited: list[bool] = []
    ids_route = server.routes[f"{PREFIX}/reader/api/0/stream/items/ids"]
    answer_ids = ids_route.handler
    assert answer_ids is not None

    def ids(req: BaseHTTPRequestHandler) -> None:
        listing_asked.set()
        answer_ids(req)

    def subscriptions(req: BaseHTTPRequestHandler) -> None:
        waited.append(listing_asked.wait(10))
        body = {"subscriptions": [{"id": "feed/2", "title": "F", "url": "https://e/f.xml"}]}
        server._send(req, 200, JSON, json.dumps(body).encode())

    server.add(f"{PREFIX}/reader/api/0/stream/items/ids", handler=ids)
    server.add(f"{PREFIX}/reader/api/0/subscription/list", handler=subscriptions)
    [result] = sync_accounts(config(tmp_path, "greader", server.url(PREFIX)), tmp_path / "c.db")
    assert result.ok and result.new == 3, result.error
    assert waited == [True]
