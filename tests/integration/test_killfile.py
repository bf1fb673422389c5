"""A killfile rule hides a topic for good: applied as a refresh stores new articles, kept
through refreshes of the same items and restarts, and shown only by ``is:hidden``; a
sync's pulled batch gets the rules in its own transaction too."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.config.model import RuleSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME, Store
from suxun_tui.store.articles import article_row
from suxun_tui.store.remote import AccountStore, RemoteEntry, RemoteFeed
from tests.support.feeds import rss
from tests.support.server import LoopbackServer

RULES = (RuleSpec("no sports", "体育 OR 足球", "hide"), RuleSpec("weather", "天气", "star"))


def item(i: int, title: str) -> dict[str, str]:
    return {
        "title": title,
        "link": f"http://example.org/news/{i}",
        "guid": f"n{i}",
        "pubDate": f"Mon, 01 Dec 2025 {i:02d}:00:00 +0000",
        "description": f"<p>{title}。</p>",
    }


FIRST = [item(1, "体育：南京队夺冠"), item(2, "南京地铁新线开通"), item(3, "明日天气晴")]


@pytest.fixture
def server() -> LoopbackServer:
    with LoopbackServer() as srv:
        yield srv


def config_for(url: str) -> Config:
    settings = replace(Settings(), timeout=5, connect_timeout=2, retries=0)
    return Config(settings=settings, sources=(SourceSpec("新闻", url),), rules=RULES)


def shown(db: Path) -> list[str]:
    with Store(db) as store:
        return sorted(h.title for h in store.headlines())


def test_a_killfile_rule_hides_a_topic_for_good(server: LoopbackServer, tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    url = server.add("/news.xml", rss("新闻", FIRST))
    config = config_for(url)
    refresh_sources(config, db)
    assert shown(db) == ["南京地铁新线开通", "明日天气晴"]
    with Store(db) as store:
        assert store.counts() == (2, 2)  # counts leave the hidden article out
        assert [h.title for h in store.search("南京")] == ["南京地铁新线开通"]
        assert [h.title for h in store.search("is:hidden")] == ["体育：南京队夺冠"]
        assert [h.title for h in store.headlines(starred_only=True)] == ["明日天气晴"]
        sources = store.sources()
        assert (sources[0].unread, sources[0].total) == (2, 2)
    # The same items again (forced, so they are parsed and stored again), plus a new one.
    server.add("/news.xml", rss("新闻", [*FIRST, item(4, "足球联赛今晚开赛")]))
    report = refresh_sources(config, db, force=True)
    assert report.results[0].new == 1
    assert shown(db) == ["南京地铁新线开通", "明日天气晴"]
    # A restart: a new process opens the file; nothing comes back, nothing was deleted.
    with Store(db) as store:
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
        assert sorted(h.title for h in store.search("is:hidden")) == [
            "体育：南京队夺冠",
            "足球联赛今晚开赛",
        ]


def test_without_rules_a_refresh_shows_everything(server: LoopbackServer, tmp_path: Path) -> None:
    """Without rules a refresh shows everything (the rule is the config's, not the cache's)."""
    db = tmp_path / DB_NAME
    url = server.add("/news.xml", rss("新闻", FIRST))
    refresh_sources(replace(config_for(url), rules=()), db)
    assert len(shown(db)) == 3


def test_a_synced_batch_gets_the_rules_in_its_transaction(tmp_path: Path) -> None:
    store = Store(tmp_path / DB_NAME)
    store.use_rules(RULES)
    account = AccountStore(store, "home")
    account.set_feeds([RemoteFeed("7", "Feed", "https://example.org/f.xml")])

    def entry(i: int, title: str) -> RemoteEntry:
        body = (Block("paragraph", title),)
        row = article_row(FeedEntry(f"e{i}", title, f"https://example.org/{i}", None, None, body))
        return RemoteEntry("7", row, read=False, starred=False)

    new, _, _ = account.store_entries([entry(1, "足球：决赛"), entry(2, "城市新闻")])
    assert new == 2
    assert [h.title for h in store.headlines()] == ["城市新闻"]
    assert [h.title for h in store.search("is:hidden")] == ["足球：决赛"]
    store.close()


def test_rules_on_arrival_read_words_fields_and_negations(tmp_path: Path) -> None:
    """A negated word needs the text as much as a word does; a field-only rule none."""
    store = Store(tmp_path / DB_NAME)
    store.use_rules((RuleSpec("s", "-地铁", "star"), RuleSpec("r", "source:新闻", "read")))
    store.sync_sources([("新闻", "https://example.org/a.xml", "feed", None)])
    source_id = store.source_id("新闻")
    assert source_id is not None
    store.store_entries(
        source_id,
        [
            FeedEntry(
                "1", "城市新闻", "https://example.org/1", None, None, (Block("paragraph", "地铁"),)
            ),
            FeedEntry(
                "2", "天气", "https://example.org/2", None, None, (Block("paragraph", "晴"),)
            ),
        ],
    )
    rows = {h.title: (h.read, h.starred) for h in store.headlines()}
    assert rows == {"城市新闻": (True, False), "天气": (True, True)}
    store.close()
