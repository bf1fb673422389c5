"""Pictures inside articles, fetched from a real loopback server as a reader shows them."""

from __future__ import annotations

import io
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from textual.pilot import Pilot

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.image_cache import image_root
from suxun_tui.tui.app import SuxunApp
from suxun_tui.tui.widgets.pictures import PictureView
from tests.support.server import LoopbackServer
from tests.tui.conftest import MakeApp, fill
from tests.tui.helpers import main_screen, notifications, settle

pytest.importorskip("textual_image")
Image = pytest.importorskip("PIL.Image")

CAP = 200_000  # image_max_bytes in these tests
CHUNK = 64 * 1024


def png(width: int = 64, height: int = 32) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(out, "PNG")
    return out.getvalue()


class Endless:
    """A picture route that never ends and never says its length; counts what it wrote."""

    def __init__(self) -> None:
        self.written = 0
        self.done = threading.Event()

    def __call__(self, req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "image/png")
        req.send_header("Connection", "close")
        req.end_headers()
        chunk = png()[:16] + b"\0" * (CHUNK - 16)
        try:
            for _ in range(640):  # 40 MiB if nobody stops reading
                req.wfile.write(chunk)
                self.written += len(chunk)
        except OSError:
            pass
        finally:
            self.done.set()


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def picture_config(
    store: Store, server: LoopbackServer, *pictures: str, images: str = "on"
) -> Config:
    sources = (SourceSpec("Alpha", server.url("/feed.xml"), kind="feed"),)
    blocks = [Block("paragraph", "图片之前的一段。")]
    for index, path in enumerate(pictures):
        blocks.append(Block("image", f"图{index + 1}", url=server.url(path)))
        blocks.append(Block("paragraph", f"第{index + 1}张图之后。"))
    entry = FeedEntry(
        "g1", "有图的文章", server.url("/a/1"), "2025-12-28T10:00:00Z", blocks=tuple(blocks)
    )
    fill(store, sources, {"Alpha": [entry]})
    settings = Settings(full_text="never", images=images, image_max_bytes=CAP)
    return Config(settings=settings, sources=sources)


async def shown_pictures(app: SuxunApp, pilot: Pilot[None]) -> list[PictureView]:
    """The article's pictures once every one has its drawing or its reason."""
    await settle(pilot)
    for _ in range(50):  # each picture's worker, then its widget
        views = list(main_screen(app).article.query(PictureView))
        if views and all((v.article_id, v.url) in v.known for v in views):
            break
        await app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.pause()
    return list(main_screen(app).article.query(PictureView))


def label(view: PictureView) -> str:
    return str(view.query_one(".picture-label").render())


async def test_a_png_is_drawn_in_the_article_where_it_stands(
    make_app: MakeApp, store: Store, server: LoopbackServer
) -> None:
    server.add("/p.png", png(), headers={"Content-Type": "image/png"})
    app = make_app(picture_config(store, server, "/p.png"))
    async with app.run_test() as pilot:
        (view,) = await shown_pictures(app, pilot)
        assert len(view.query(".picture-drawing")) == 1
        assert "[图片: 图1]" in label(view)
        assert server.hits["/p.png"] == 1


async def test_broken_and_non_pictures_get_a_placeholder_with_the_reason(
    make_app: MakeApp, store: Store, server: LoopbackServer
) -> None:
    server.add("/cut.png", png()[:60], headers={"Content-Type": "image/png"})
    server.add("/page.png", "<html><body>not here</body></html>")
    server.add("/gone.png", "no", status=404)
    app = make_app(picture_config(store, server, "/cut.png", "/page.png", "/gone.png"))
    async with app.run_test() as pilot:
        views = await shown_pictures(app, pilot)
        assert [len(v.query(".picture-drawing")) for v in views] == [0, 0, 0]
        cut, page, gone = (label(v) for v in views)
        assert "[图片: 图1]" in cut and ("cut short" in cut or "broken" in cut)
        assert "not a picture" in page
        assert "404" in gone


async def test_a_picture_over_the_cap_is_not_read_to_its_end(
    make_app: MakeApp, store: Store, server: LoopbackServer
) -> None:
    endless = Endless()
    server.add("/big.png", handler=endless)
    server.add("/said.png", b"x", headers={"Content-Length": str(CAP * 50)})
    app = make_app(picture_config(store, server, "/big.png", "/said.png"))
    async with app.run_test() as pilot:
        big, said = await shown_pictures(app, pilot)
        assert "image_max_bytes" in label(big) and "image_max_bytes" in label(said)
    endless.done.wait(10)
    assert endless.written < 640 * CHUNK // 2  # it stopped reading well before the end


async def test_a_second_open_offline_draws_the_kept_picture(
    make_app: MakeApp, store: Store, server: LoopbackServer, tmp_path: Path
) -> None:
    server.add("/p.png", png(), headers={"Content-Type": "image/png"})
    server.add("/bad.png", b"GIF89a broken")
    config = picture_config(store, server, "/p.png", "/bad.png")
    async with make_app(config).run_test() as pilot:
        await shown_pictures(pilot.app, pilot)
    assert server.hits["/p.png"] == 1 and server.hits["/bad.png"] == 1
    offline = SuxunApp(config, store, offline=True)
    async with offline.run_test() as pilot:
        good, bad = await shown_pictures(offline, pilot)
        assert len(good.query(".picture-drawing")) == 1
        assert "broken" in label(bad) or "not a picture" in label(bad)
    assert server.hits["/p.png"] == 1 and server.hits["/bad.png"] == 1  # from the cache
    shutil.rmtree(image_root(store.path))
    offline = SuxunApp(config, store, offline=True)
    async with offline.run_test() as pilot:
        good, _bad = await shown_pictures(offline, pilot)
        assert "offline" in label(good)


async def test_I_hides_and_shows_the_pictures(
    make_app: MakeApp, store: Store, server: LoopbackServer
) -> None:
    server.add("/p.png", png(), headers={"Content-Type": "image/png"})
    app = make_app(picture_config(store, server, "/p.png", images="off"))
    async with app.run_test() as pilot:
        await settle(pilot)
        article = main_screen(app).article
        assert not article.query(PictureView) and server.hits["/p.png"] == 0
        assert "[图片: 图1] [2]" in article.document.plain
        await pilot.press("I")
        (view,) = await shown_pictures(app, pilot)
        assert len(view.query(".picture-drawing")) == 1
        assert any("Pictures shown" in n for n in notifications(app))
        await pilot.press("I")
        await pilot.pause()
        assert not article.query_one("#article-pieces").display
        assert article.query_one("#article-body").display


async def test_without_colours_half_blocks_are_not_drawn(
    make_app: MakeApp, store: Store, server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    server.add("/p.png", png(), headers={"Content-Type": "image/png"})
    app = make_app(picture_config(store, server, "/p.png"))
    async with app.run_test() as pilot:
        (view,) = await shown_pictures(app, pilot)
        assert not view.query(".picture-drawing")
        assert "NO_COLOR" in label(view)


async def test_a_local_feed_s_relative_picture_is_drawn(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    from suxun_tui.feeds.parse import parse_feed

    (tmp_path / "p.png").write_bytes(png())
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>L</title>'
        f"<item><guid>1</guid><title>本地</title><link>{(tmp_path / 'a.html').as_uri()}</link>"
        '<description><![CDATA[<p>一段。</p><p><img src="p.png" alt="图"></p>]]></description>'
        "</item></channel></rss>"
    )
    url = (tmp_path / "feed.xml").as_uri()
    sources = (SourceSpec("L", url, kind="feed"),)
    fill(store, sources, {"L": list(parse_feed(feed.encode(), url).entries)})
    config = Config(settings=Settings(full_text="never", images="on"), sources=sources)
    app = make_app(config)
    async with app.run_test() as pilot:
        (view,) = await shown_pictures(app, pilot)
        assert len(view.query(".picture-drawing")) == 1, label(view)
