"""A fetch failure from a real server, shown by the reader in Chinese: the toast, the
sources pane and the status line; the cache keeps the English, shown in English again
by a reader whose language is English."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.store import Store
from suxun_tui.tui.widgets.sources import SourcesPane
from tests.support.server import LoopbackServer
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import article_text, main_screen, notifications, select_source, settle
from tests.tui.test_full_text import page_source

GONE_EN = "HTTP 404 Not Found; the address is gone — check the source's url"
GONE_ZH = "这个地址已不存在——请检查来源的 url"


def gone_config(url: str, language: str) -> Config:
    source = SourceSpec("Gone", url, kind="feed", group="Web", full_text="never")
    settings = Settings(full_text="never", language=language, retries=0)
    return Config(settings=settings, sources=(source,))


def sources_prompt(app: object) -> str:
    pane = main_screen(app).query_one(SourcesPane)  # type: ignore[arg-type]
    index = [f.label for f in pane.filters].index("Gone")
    return str(pane.get_option_at_index(index).prompt)


async def test_a_fetch_failure_in_chinese_in_the_reader(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    with LoopbackServer() as server:
        url = server.add("/gone.xml", status=404)
        app = make_app(gone_config(url, "zh-Hans"))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await settle(pilot)
            assert any(n.startswith("✗ Gone") and GONE_ZH in n for n in notifications(app))
            assert "HTTP 404 Not Found；这个" in sources_prompt(app)
            await select_source(pilot, "Gone")
            status = str(main_screen(app).status.query_one("#status-left").render())
            assert f"Gone: {url}：HTTP 404 Not Found；{GONE_ZH}" in status, status
    (source,) = store.sources()
    assert source.last_error == f"{url}: {GONE_EN}"  # the cache keeps the English


async def test_the_stored_failure_in_english_under_english(make_app: MakeApp, store: Store) -> None:
    with LoopbackServer() as server:
        url = server.add("/gone.xml", status=404)
        app = make_app(gone_config(url, "en"))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("R")
            await settle(pilot)
            assert any(GONE_EN in n for n in notifications(app))
            assert "HTTP 404 Not Found; the" in sources_prompt(app)


async def test_a_page_that_cannot_be_read_is_a_note_in_chinese(
    make_app: MakeApp, store: Store
) -> None:
    with LoopbackServer() as server:
        config = page_source(server, store, 1)
        server.add("/a/0.html", "<html><body></body></html>", headers={"Content-Type": "text/html"})
        settings = replace(config.settings, language="zh-Hans")
        app = make_app(replace(config, settings=settings))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            text = article_text(app)
    url = server.url("/a/0.html")
    assert f"{url}: 没有找到正文" in text or f"{url}: 空白页面" in text, text
