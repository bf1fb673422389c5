"""Reading without losing work: confirmations, n across sources, preview marks, status."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rich.text import Text

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import ArticleDetail, Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui import render
from suxun_tui.tui.screens import marking, refreshing
from suxun_tui.tui.screens.confirm import Confirm
from suxun_tui.tui.screens.help import HelpScreen
from suxun_tui.tui.script import converter
from suxun_tui.tui.widgets.headlines import HeadlineList
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer
from tests.tui.conftest import SIZE, MakeApp, entries, fill, two_sources
from tests.tui.helpers import article_text, main_screen, notifications, select_source, settle


def many_unread(store: Store, count: int) -> Config:
    sources = two_sources()
    fill(store, sources, {"Alpha": entries("Alpha", count), "Beta": entries("Beta", 2, day=27)})
    return Config(settings=Settings(full_text="never"), sources=sources)


async def test_A_on_many_articles_asks_first_and_no_keeps_them_unread(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(many_unread(store, marking.CONFIRM_ABOVE + 5))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "27 unread articles in All" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert store.counts()[0] == marking.CONFIRM_ABOVE + 7  # nothing marked
        await pilot.press("A", "y")
        await settle(pilot)
        assert store.counts()[0] == 0


async def test_A_on_a_few_articles_marks_them_without_asking(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert not isinstance(app.screen, Confirm)
        assert store.counts()[0] == 0


async def test_n_goes_on_to_the_next_source_with_unread_articles(
    make_app: MakeApp, store: Store
) -> None:
    sources = (*two_sources(), SourceSpec("Gamma", "https://example.org/g.xml", group="News"))
    fill(store, sources, {"Alpha": entries("Alpha", 1), "Gamma": entries("Gamma", 2)})
    app = make_app(Config(settings=Settings(full_text="never"), sources=sources))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_source(pilot, "Alpha")
        await pilot.press("l")  # Alpha 0, the only article of Alpha, under the cursor
        await pilot.press("n")  # nothing after it in Alpha, nothing in Beta: Gamma's first
        await settle(pilot)
        screen = main_screen(app)
        assert screen.selection.label == "Gamma"
        assert screen.headlines.current.title == "Gamma headline 0"  # type: ignore[union-attr]
        assert "Body of Gamma 0." in article_text(app)
        await pilot.press("n", "n")
        await settle(pilot)
        assert any("No more unread" in n for n in notifications(app))


async def test_preview_marks_an_article_read_after_it_was_shown_a_while(
    make_app: MakeApp, filled: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(marking, "PREVIEW_SECONDS", 0.2)
    app = make_app(replace(filled, settings=Settings(mark_read="preview")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")  # passing over the second: not long enough
        await pilot.pause(0.6)
        rows = main_screen(app).headlines.rows
        assert [row.read for row in rows[:3]] == [True, False, True]
        assert store.counts()[0] == 3


async def test_open_mode_never_marks_what_the_cursor_passes(
    make_app: MakeApp, filled: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(marking, "PREVIEW_SECONDS", 0.1)
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await pilot.pause(0.4)
        assert store.counts()[0] == 5


async def test_the_article_border_shows_progress_and_reading_time(
    make_app: MakeApp, store: Store
) -> None:
    sources = two_sources()
    blocks = tuple(Block("paragraph", "长" * 400) for _ in range(4))  # 1,600 characters
    fill(
        store, sources, {"Alpha": [FeedEntry("g", "T", "", "2025-12-28T10:00:00Z", blocks=blocks)]}
    )
    app = make_app(Config(settings=Settings(full_text="never"), sources=sources))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article = main_screen(app).article
        assert str(article.border_subtitle) == "0% · 4 min"
        await pilot.press("enter", "G")
        await pilot.pause()
        assert str(article.border_subtitle) == "100% · 4 min"
        await pilot.press("s")
        await pilot.pause()
        assert str(article.border_subtitle).startswith("★ · ")


def test_reading_time_counts_chinese_characters_and_other_words() -> None:
    def detail(text: str) -> ArticleDetail:
        return ArticleDetail(
            1,
            1,
            "S",
            "feed",
            "T",
            "",
            "2025-12-28T10:00:00Z",
            False,
            False,
            blocks=(Block("paragraph", text),),
        )

    assert render.reading_minutes(detail("字" * 4000)) == 10
    assert render.reading_minutes(detail("word " * 2300)) == 10
    assert render.reading_minutes(detail("")) == 1


async def test_the_help_screen_scrolls_with_j_and_space(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        view = app.screen.query_one("#help")
        assert view.scroll_y == 0
        await pilot.press("j")
        await pilot.pause()
        assert view.scroll_y == 1
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > 5
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_a_search_without_results_does_not_ask_for_a_refresh(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"zzzqqq", "enter")
        await settle(pilot)
        text = article_text(app)
        assert "Nothing matches" in text
        assert "refresh" not in text.lower()


async def test_a_long_title_is_cut_with_an_ellipsis(make_app: MakeApp, store: Store) -> None:
    sources = two_sources()
    title = "很长的标题" * 30
    fill(store, sources, {"Alpha": [replace(entries("Alpha", 1)[0], title=title)]})
    app = make_app(Config(settings=Settings(full_text="never"), sources=sources))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        headlines = main_screen(app).headlines
        row = headlines.render_line(0).text
        assert row.rstrip().endswith("…")
        assert len(row) <= headlines.scrollable_content_region.width


def test_the_picture_label_follows_the_display_script() -> None:
    part = render.block_part(Block("image", ""), converter("traditional"), None)
    assert part is not None and part.text.plain == "[圖片]"
    part = render.block_part(Block("image", "说明"), converter("traditional"), None)
    assert part is not None and part.text.plain == "[圖片: 說明]"


async def test_the_refresh_summary_leaves_the_status_line_after_a_while(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "one.xml").write_text(rss("One", items(2, "One")), "utf-8")
    source = SourceSpec("One", (tmp_path / "one.xml").as_uri(), kind="feed", full_text="never")
    app = make_app(Config(settings=Settings(full_text="never"), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the start-up refresh of a new local source
        screen = main_screen(app)
        assert screen.activity.startswith("Refreshed 1")
        # Its timer is the status line's: a shorter one shows the clearing now.
        monkeypatch.setattr(refreshing, "STATUS_SECONDS", 0.2)
        refreshing.show_for_a_while(screen, "Refreshed 1 · 0 new")
        assert screen.activity == "Refreshed 1 · 0 new"
        await pilot.pause(0.5)
        assert screen.activity == ""
        refreshing.show_for_a_while(screen, "first")
        screen.activity = "something newer"
        await pilot.pause(0.5)
        assert screen.activity == "something newer"  # only its own text is cleared


async def test_a_broken_source_is_told_once_not_at_every_refresh(
    make_app: MakeApp, tmp_path: Path
) -> None:
    gone = SourceSpec("Gone", (tmp_path / "gone.xml").as_uri(), kind="feed", full_text="never")
    app = make_app(Config(settings=Settings(full_text="never"), sources=(gone,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the start-up refresh fails: told once
        assert len([n for n in notifications(app) if "Gone" in n]) == 1
        app.clear_notifications()
        for _ in range(2):
            await pilot.press("R")
            await settle(pilot)
        assert [n for n in notifications(app) if "Gone" in n] == []
        assert "1 failed" in main_screen(app).activity


async def test_ctrl_r_refreshes_a_source_the_server_asked_to_wait(
    make_app: MakeApp, store: Store
) -> None:
    with LoopbackServer() as server:
        url = server.add("/f.xml", "busy", status=503, headers={"Retry-After": "3600"})
        source = SourceSpec("Busy", url, kind="feed", full_text="never")
        config = Config(settings=Settings(retries=0, full_text="never"), sources=(source,))
        app = make_app(config)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await select_source(pilot, "Busy")
            await pilot.press("r")
            await settle(pilot)
            assert server.hits["/f.xml"] == 1  # failed, Retry-After an hour
            server.add("/f.xml", rss("Busy", items(2, "Busy")))
            await pilot.press("r")
            await settle(pilot)
            assert server.hits["/f.xml"] == 1  # waits, as the server asked
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert server.hits["/f.xml"] == 2
            assert len(main_screen(app).headlines.rows) == 2


def test_the_no_results_message_text_names_the_query() -> None:
    from suxun_tui.tui.filters import search_filter
    from suxun_tui.tui.screens.moving import empty_message

    assert "南京" in empty_message(search_filter("南京"))
    assert isinstance(Text(empty_message(search_filter("x"))), Text)
    assert HeadlineList  # the list shows this message through the article pane
