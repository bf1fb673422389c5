"""The same story through two sources of a loopback server is one headline with one state
listing both sources; the demo's seed article (its feed and its column page) shows once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.demo import demo_config
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import rss
from tests.support.server import LoopbackServer

SEED_TITLE = "以自我革命精神 提升基层治理效能"


@pytest.fixture
def server() -> LoopbackServer:
    with LoopbackServer() as srv:
        yield srv


def item(link: str, title: str, guid: str) -> dict[str, str]:
    return {
        "title": title,
        "link": link,
        "guid": guid,
        "pubDate": "Mon, 01 Dec 2025 08:00:00 +0000",
        "description": f"<p>{title}。</p>",
    }


def test_two_sources_one_story(server: LoopbackServer, tmp_path: Path) -> None:
    story = server.url("/news/metro.html")
    first = server.add(
        "/a.xml",
        rss("A", [item(story + "?utm_source=rss&utm_medium=feed", "南京地铁开通", "a1")]),
    )
    second = server.add(
        "/b.xml",
        rss(
            "B",
            [
                item(story + "?spm=a.b.c#main", "南京地铁开通（图）", "b1"),
                item(server.url("/news/other.html"), "另一条新闻", "b2"),
            ],
        ),
    )
    settings = replace(Settings(), timeout=5, connect_timeout=2, retries=0, concurrency=1)
    config = Config(settings=settings, sources=(SourceSpec("A", first), SourceSpec("B", second)))
    db = tmp_path / DB_NAME
    refresh_sources(config, db)
    refresh_sources(config, db, force=True)  # the same items again change nothing
    with Store(db) as store:
        rows = store.headlines()
        assert sorted(h.title for h in rows) == ["南京地铁开通", "另一条新闻"]
        assert store.counts() == (2, 2)
        metro = next(h for h in rows if h.title == "南京地铁开通")
        detail = store.article(metro.id)
        assert detail is not None and (detail.source_name, *detail.also_in) == ("A", "B")
        store.set_read(metro.id)
    with Store(db) as store:  # after a restart, both copies are read
        states = store.conn.execute(
            "SELECT read FROM articles WHERE url LIKE '%metro.html%'"
        ).fetchall()
        assert states == [(1,), (1,)]
        assert store.counts() == (1, 2)


def test_the_demo_seed_article_appears_once(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    report = refresh_sources(demo_config(), db)
    assert not report.failed
    with Store(db) as store:
        seeds = [h for h in store.headlines() if h.title == SEED_TITLE]
        assert len(seeds) == 1
        detail = store.article(seeds[0].id)
        assert detail is not None
        assert {detail.source_name, *detail.also_in} == {"苏讯网 · 要闻", "苏讯网 · 本地新闻"}
        # The stored copies are both kept: two rows, one headline.
        rows = store.conn.execute(
            "SELECT count(*) FROM articles WHERE title = ?", (SEED_TITLE,)
        ).fetchone()
        assert rows == (2,)
