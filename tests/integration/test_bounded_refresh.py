"""Refreshes against the loopback server stay bounded: items per feed, rotating guids,
bytes that are not a feed. Bounds are counts of stored articles, never times."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from suxun_tui.config import Config, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


def stored(db: Path) -> list[tuple[str, str]]:
    with Store(db) as store:
        return sorted((h.title, h.url) for h in store.headlines())


def test_a_source_keeps_only_its_max_items_newest_items(
    server: LoopbackServer, tmp_path: Path
) -> None:
    feed = items(60)
    for i, entry in enumerate(feed):  # newest first, a minute apart
        minutes = 60 - i
        entry["pubDate"] = f"Mon, 01 Dec 2025 {minutes // 60:02d}:{minutes % 60:02d}:00 +0000"
    url = server.add("/big.xml", rss("Big", feed), headers=RSS)
    config = Config(sources=(SourceSpec("Big", url, max_items=10),))
    result = refresh_sources(config, tmp_path / DB_NAME).results[0]
    assert result.ok and result.new == 10
    assert result.notice == "kept the newest 10 of 60 items (max_items)"
    titles = {title for title, _ in stored(tmp_path / DB_NAME)}
    assert titles == {f"Item {i}" for i in range(10)}


def _rotating_feed(count: int) -> BaseHTTPRequestHandler:
    fetches = itertools.count()

    def handler(req: BaseHTTPRequestHandler) -> None:
        fetch = next(fetches)
        feed = items(count)
        for entry in feed:
            entry["guid"] = f"{entry['guid']}-session-{fetch}-{random.random()}"
        body = rss("Rotating", feed).encode()
        req.send_response(200)
        req.send_header("Content-Type", RSS["Content-Type"])
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    return handler  # type: ignore[return-value]


def test_a_feed_rotating_its_guids_does_not_grow_the_cache(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add("/rotating.xml", handler=_rotating_feed(30))
    config = Config(sources=(SourceSpec("Rotating", url),))
    db = tmp_path / DB_NAME
    first = refresh_sources(config, db).results[0]
    assert first.ok and first.new == 30
    with Store(db) as store:
        one = store.headlines()[0]
        store.set_starred(one.id, True)
        store.set_read(one.id)
    for _ in range(3):
        again = refresh_sources(config, db, force=True).results[0]
        assert again.ok and again.new == 0, again
    assert len(stored(db)) == 30
    with Store(db) as store:
        (kept,) = [h for h in store.headlines() if h.id == one.id]
    assert kept.starred and kept.read


def test_a_reused_link_and_title_with_new_text_is_a_new_article(
    server: LoopbackServer, tmp_path: Path
) -> None:
    digest = {"title": "Daily digest", "link": "http://example.org/digest"}
    known = items(5)
    url = server.add("/digest.xml", rss("D", [*known, {**digest, "guid": "d1"}]), headers=RSS)
    config = Config(sources=(SourceSpec("D", url),))
    db = tmp_path / DB_NAME
    refresh_sources(config, db)
    second = {**digest, "guid": "d2", "description": "<p>Tuesday's news.</p>"}
    server.add("/digest.xml", rss("D", [second, *known, {**digest, "guid": "d1"}]), headers=RSS)
    result = refresh_sources(config, db).results[0]
    assert result.new == 1
    assert [t for t, _ in stored(db)].count("Daily digest") == 2


def test_random_bytes_fail_the_source_with_a_clear_message(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add("/noise", random.Random(3).randbytes(2_000_000), headers=RSS)
    config = Config(sources=(SourceSpec("Noise", url),))
    result = refresh_sources(config, tmp_path / DB_NAME).results[0]
    assert not result.ok
    assert result.error is not None and "not a feed: binary data" in result.error
