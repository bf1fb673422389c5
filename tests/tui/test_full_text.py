"""Opening a headline fetches its full article in an exclusive worker; passing over it never does.

A real HTTP server on 127.0.0.1 serves the bundled seed article page; nothing is mocked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from textual.message import Message

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.demo import SITE
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui.screens import full_text
from suxun_tui.tui.screens.messages import FullTextFetched, Prefetched
from tests.support.server import LoopbackServer
from tests.tui.conftest import SIZE, MakeApp, fill
from tests.tui.helpers import article_text, main_screen, notifications, select_source, settle

SEED_PAGE = SITE / "suxun" / "articles" / "588eee2c.html"


@pytest.fixture(autouse=True)
def no_fetching_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests follow the fetch on open; fetching ahead has tests of its own below."""
    monkeypatch.setattr(full_text, "PREFETCH_AHEAD", 0)


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


def page_source(server: LoopbackServer, store: Store, count: int, delay: float = 0.0) -> Config:
    """A page source whose ``count`` articles are only titles; each page is the seed page."""
    page = SEED_PAGE.read_bytes()
    urls = [server.add(f"/a/{i}.html", page, delay=delay) for i in range(count)]
    source = SourceSpec("本地新闻", server.url("/column.html"), kind="page")
    fill(
        store,
        [source],
        {
            "本地新闻": [
                FeedEntry(f"g{i}", f"第{i}条", url, f"2025-12-28T{10 - i:02d}:00:00Z")
                for i, url in enumerate(urls)
            ]
        },
    )
    settings = Settings(timeout=5, connect_timeout=2, retries=0)
    return Config(settings=settings, sources=(source,))


async def test_a_summary_only_page_article_is_fetched_stored_and_shown(
    make_app: MakeApp, server: LoopbackServer, store: Store
) -> None:
    config = page_source(server, store, 1)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = article_text(app)
        assert "當前我國進入高質量發展新階段" in text
        assert "(dāng)" not in text
        assert "来源 供稿" in text
        assert not main_screen(app).article.shown.loading
        article = store.headlines()[0]
        assert not store.needs_full_text(article.id)  # stored: readable offline from now on
        assert server.hits["/a/0.html"] == 1


async def test_moving_the_cursor_never_fetches_and_opening_fetches_once(
    make_app: MakeApp, server: LoopbackServer, store: Store
) -> None:
    config = page_source(server, store, 4)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "k")
        await settle(pilot)
        screen = main_screen(app)
        assert sum(server.hits[f"/a/{i}.html"] for i in range(4)) == 0
        assert "Enter loads the article from its page." in article_text(app)
        assert not screen.article.shown.loading
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article.article_id == screen.headlines.rows[2].id
        assert "當前我國進入高質量發展新階段" in article_text(app)
        assert [server.hits[f"/a/{i}.html"] for i in range(4)] == [0, 0, 1, 0]


async def test_a_feed_item_with_a_summary_is_fetched_only_when_opened(
    make_app: MakeApp, server: LoopbackServer, store: Store
) -> None:
    url = server.add("/a/long.html", SEED_PAGE.read_bytes())
    source = SourceSpec("Summaries", server.url("/feed.xml"), kind="feed")
    summary = " ".join(["word"] * 120)
    entry = FeedEntry(
        "g",
        "A summary",
        url,
        "2025-12-28T10:00:00Z",
        blocks=(Block("paragraph", summary),),
        summary_only=True,
    )
    fill(store, [source], {"Summaries": [entry]})
    app = make_app(Config(settings=Settings(timeout=5, retries=0), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert server.hits["/a/long.html"] == 0
        assert "Enter fetches the whole article" in article_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert server.hits["/a/long.html"] == 1
        assert "當前我國進入高質量發展新階段" in article_text(app)


async def test_a_failed_fetch_is_a_note_on_the_article_not_a_toast(
    make_app: MakeApp, server: LoopbackServer, store: Store, tmp_path: Path
) -> None:
    config = page_source(server, store, 1)
    server.add("/a/0.html", "gone", status=404)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = article_text(app)
        assert "Full text unavailable" in text and "404" in text
        assert "this article's page is gone" in text
        assert "check the source's url" not in text  # the source is fine: one page is gone
        assert "第0条" in text
        assert notifications(app) == []  # the note is enough: no toast on top of it
        assert "404" in str(main_screen(app).status.right.render())
        assert not main_screen(app).article.shown.loading
        await select_source(pilot, "本地新闻")  # the source says so too, while it is chosen
        left = str(main_screen(app).status.left.render())
        assert "1 article page not fetched" in left


async def test_offline_never_fetches_full_text(
    make_app: MakeApp, server: LoopbackServer, store: Store
) -> None:
    config = page_source(server, store, 1)
    app = make_app(config, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Only a summary is cached (offline)" in article_text(app)
        assert server.hits["/a/0.html"] == 0


async def test_opening_again_retries_a_failed_fetch(
    make_app: MakeApp, server: LoopbackServer, store: Store
) -> None:
    config = page_source(server, store, 1)
    server.add("/a/0.html", "down", status=503)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Full text unavailable" in article_text(app)
        server.add("/a/0.html", SEED_PAGE.read_bytes())
        await pilot.press("h", "enter")  # back to the headline, open it again
        await settle(pilot)
        assert "當前我國進入高質量發展新階段" in article_text(app)


async def test_a_fetched_page_arrives_as_one_full_text_fetched(
    make_app: MakeApp, server: LoopbackServer, store: Store
) -> None:
    config = page_source(server, store, 1)
    seen: list[Message] = []
    app = make_app(config)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        fetched = [m.article_id for m in seen if isinstance(m, FullTextFetched)]
        assert fetched == [store.headlines()[0].id]


async def test_a_stale_full_text_fetched_leaves_the_awaited_fetch_alone(
    make_app: MakeApp, server: LoopbackServer, store: Store
) -> None:
    config = page_source(server, store, 2, delay=2.0)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        screen = main_screen(app)
        assert screen.article.shown.loading
        other = screen.headlines.rows[1].id
        screen.post_message(FullTextFetched(other))  # as if an earlier fetch ended late
        await pilot.pause()
        assert screen.article.shown.loading  # still waiting for the article shown
        await settle(pilot)
        assert not screen.article.shown.loading
        assert "當前我國進入高質量發展新階段" in article_text(app)


async def test_an_empty_source_shows_no_loading_indicator_of_a_fetch_it_does_not_show(
    make_app: MakeApp, server: LoopbackServer, store: Store
) -> None:
    """The indicator used to stay over "No articles here yet" until the fetch ended."""
    config = page_source(server, store, 1, delay=2.0)
    empty = SourceSpec("空", server.url("/empty.xml"), kind="feed")
    app = make_app(replace(config, sources=(*config.sources, empty)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        screen = main_screen(app)
        assert screen.article.shown.loading
        await pilot.press("h", "h", "end")  # the empty source
        await pilot.pause()
        assert "No articles here yet" in article_text(app)
        assert not screen.article.shown.loading
        await settle(pilot)
        assert not screen.article.shown.loading


async def test_a_page_sources_next_articles_are_fetched_ahead_once_each(
    make_app: MakeApp, server: LoopbackServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page source's headline has no text until its page is fetched: the next few are
    fetched when the list is filled, quietly, and moving over them asks for nothing more."""
    monkeypatch.setattr(full_text, "PREFETCH_AHEAD", 3)
    config = page_source(server, store, 5)
    seen: list[Message] = []
    app = make_app(config)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        assert [server.hits[f"/a/{i}.html"] for i in range(5)] == [1, 1, 1, 0, 0]
        assert "當前我國進入高質量發展新階段" in article_text(app)  # the first, shown
        await pilot.press("j", "j", "k", "enter")
        await settle(pilot)
        assert [server.hits[f"/a/{i}.html"] for i in range(5)] == [1, 1, 1, 0, 0]
        assert "當前我國進入高質量發展新階段" in article_text(app)
        assert len([m for m in seen if isinstance(m, Prefetched)]) == 3
        assert notifications(app) == []


async def test_fetching_ahead_fails_quietly_and_opening_tells_why(
    make_app: MakeApp, server: LoopbackServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(full_text, "PREFETCH_AHEAD", 3)
    config = page_source(server, store, 2)
    server.add("/a/0.html", "down", status=503)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert notifications(app) == []
        assert "Full text unavailable" not in article_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "Full text unavailable" in article_text(app) and "503" in article_text(app)
        assert notifications(app) == []
