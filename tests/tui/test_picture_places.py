"""An article with pictures keeps the reader's place while its pictures arrive or are
switched on (over a restart too), and its border's percentage stays true as they change
its height."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from tests.support.server import LoopbackServer
from tests.tui.conftest import MakeApp, fill
from tests.tui.helpers import main_screen, settle
from tests.tui.test_pictures import png, shown_pictures

pytest.importorskip("textual_image")


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def long_pictured_article(store: Store, server: LoopbackServer) -> Config:
    """Forty paragraphs, then two pictures and a last paragraph: the end is below them."""
    server.add("/p.png", png(120, 60), headers={"Content-Type": "image/png"})
    sources = (SourceSpec("Alpha", server.url("/feed.xml"), kind="feed"),)
    blocks = [Block("paragraph", f"第{i}段。" + "长" * 60) for i in range(40)]
    blocks += [Block("image", "图一", url=server.url("/p.png"))]
    blocks += [Block("image", "图二", url=server.url("/p.png?2"))]
    blocks += [Block("paragraph", "最后一段。")]
    entry = FeedEntry("g", "有图", server.url("/a/1"), "2025-12-28T10:00:00Z", blocks=tuple(blocks))
    fill(store, sources, {"Alpha": [entry]})
    return Config(settings=Settings(full_text="never", images="on"), sources=sources)


async def test_the_end_of_a_pictured_article_is_where_a_restart_opens_it(
    make_app: MakeApp, store: Store, server: LoopbackServer
) -> None:
    config = long_pictured_article(store, server)
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown_pictures(app, pilot)
        await pilot.press("enter", "G")
        await settle(pilot)
        article = main_screen(app).article
        assert article.max_scroll_y > 20
        assert article.scroll_y == article.max_scroll_y
    again = make_app(config)
    async with again.run_test(size=(80, 24)) as pilot:
        await shown_pictures(again, pilot)
        await settle(pilot)
        article = main_screen(again).article
        assert article.max_scroll_y - article.scroll_y <= 1, (
            article.scroll_y,
            article.max_scroll_y,
        )
        assert str(article.border_subtitle).startswith("100%")


async def test_the_percentage_follows_the_height_the_pictures_give(
    make_app: MakeApp, store: Store, server: LoopbackServer
) -> None:
    app = make_app(long_pictured_article(store, server))
    async with app.run_test(size=(80, 24)) as pilot:
        await shown_pictures(app, pilot)
        await pilot.press("enter", "G")
        await settle(pilot)
        article = main_screen(app).article
        await pilot.press("k", "k", "k")
        await settle(pilot)
        percent = int(100 * article.scroll_y / article.max_scroll_y)
        assert str(article.border_subtitle).startswith(f"{percent}%")


async def test_showing_the_pictures_at_the_end_keeps_the_view_at_the_end(
    make_app: MakeApp, store: Store, server: LoopbackServer
) -> None:
    config = long_pictured_article(store, server)
    config = replace(config, settings=replace(config.settings, images="off"))
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "G")
        await settle(pilot)
        article = main_screen(app).article
        assert article.scroll_y == article.max_scroll_y > 0
        await pilot.press("I")  # the pictures come in above: the end stays in view
        await shown_pictures(app, pilot)
        await settle(pilot)
        assert article.max_scroll_y - article.scroll_y <= 1, (
            article.scroll_y,
            article.max_scroll_y,
        )
