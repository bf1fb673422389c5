"""What survives a restart: the view, the headline, each article's place, the theme."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from suxun_tui.config import Config, Settings
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.ui_state import MAX_SCROLL_POSITIONS, UiState
from tests.tui.conftest import SIZE, MakeApp, fill, two_sources
from tests.tui.helpers import main_screen, select_source, settle


async def test_the_view_and_the_headline_survive_a_restart(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_source(pilot, "Alpha")
        await pilot.press("l", "j", "j")  # into the headlines, the third of Alpha
        await settle(pilot)
        assert main_screen(app).headlines.current.title == "Alpha headline 2"  # type: ignore[union-attr]
    again = make_app(filled)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert screen.selection.label == "Alpha"
        assert screen.sources.selection.label == "Alpha"
        assert screen.headlines.current.title == "Alpha headline 2"  # type: ignore[union-attr]


def long_article(store: Store) -> Config:
    sources = two_sources()
    blocks = tuple(Block("paragraph", f"第{i}段。" + "长" * 60) for i in range(80))
    entry = FeedEntry("g", "Long", "https://example.org/1", "2025-12-28T10:00:00Z", blocks=blocks)
    other = FeedEntry("h", "Short", "https://example.org/2", "2025-12-27T10:00:00Z")
    fill(store, sources, {"Alpha": [entry, other]})
    return Config(settings=Settings(full_text="never"), sources=sources)


async def test_an_articles_scroll_place_survives_leaving_it_and_a_restart(
    make_app: MakeApp, store: Store
) -> None:
    config = long_article(store)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "space", "space")
        await pilot.pause()
        article = main_screen(app).article
        place = article.scroll_y
        assert place > 10
        await pilot.press("h", "j", "k")  # another article, and back
        await pilot.pause()
        await pilot.pause()
        assert abs(article.scroll_y - place) <= 1
        await pilot.press("enter", "space")
        await pilot.pause()
        place = article.scroll_y
    again = make_app(config)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        article = main_screen(again).article
        assert abs(article.scroll_y - place) <= 1
        assert "%" in str(article.border_subtitle)


async def test_a_theme_picked_is_remembered_until_the_config_names_another(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "suxun-dark"
        app.theme = "nord"  # as the palette's theme command does
        await pilot.pause()
    again = make_app(filled)
    async with again.run_test(size=SIZE) as pilot:
        assert again.theme == "nord"
    light = replace(filled, settings=Settings(theme="light"))
    edited = make_app(light)
    async with edited.run_test(size=SIZE) as pilot:
        assert edited.theme == "suxun-light"  # the file changed since: the file wins


async def test_an_unknown_theme_falls_back_with_a_notice(make_app: MakeApp, filled: Config) -> None:
    app = make_app(replace(filled, settings=Settings(theme="no-such-theme")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "suxun-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


def test_scroll_places_are_bounded_and_the_newest_kept(store: Store) -> None:
    state = UiState(store)
    for article_id in range(MAX_SCROLL_POSITIONS + 50):
        assert state.put_scroll_position(article_id, 0.5)
    kept = store.conn.execute("SELECT count(*) FROM ui_state WHERE key LIKE 'scroll:%'")
    assert kept.fetchone()[0] == MAX_SCROLL_POSITIONS
    assert state.scroll_position(MAX_SCROLL_POSITIONS + 49) == 0.5
    assert state.scroll_position(0) == 0.0
    assert state.put_scroll_position(7, 0.0)  # back at the top: nothing to keep


def test_a_locked_cache_makes_remembering_give_up_not_freeze(store: Store) -> None:
    """Another program holds the write lock: the write gives up at once and says so."""
    state = UiState(store)
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert state.put({"view": "all"}) is False
        assert state.get("view") is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert state.put({"view": "all"}) is True
    assert state.get("view") == "all"
    # The reader's own writes wait as long as before: the short wait was only for this.
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000
