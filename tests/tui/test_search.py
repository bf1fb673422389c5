"""`/` searches titles and text of every cached article; Esc leaves the prompt."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input, Label

from suxun_tui.config import Config
from suxun_tui.models import Block
from suxun_tui.store import Store
from suxun_tui.tui.screens.search import SearchPrompt
from tests.tui.conftest import SIZE, MakeApp, entries, fill
from tests.tui.helpers import main_screen, settle, titles


async def test_slash_searches_titles_and_bodies(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchPrompt)
        await pilot.press(*"beta", "enter")
        await settle(pilot)
        assert titles(app) == ["Beta headline 0", "Beta headline 1"]
        screen = main_screen(app)
        assert screen.selection.kind == "search"
        assert "Search: beta" in str(screen.headlines.border_title)
        await pilot.press("slash", *"Body of Alpha 2", "enter")
        await settle(pilot)
        assert titles(app) == ["Alpha headline 2"]


async def test_escape_cancels_the_search(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = titles(app)
        await pilot.press("slash", "x", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, SearchPrompt)
        assert titles(app) == before


async def test_A_on_a_search_marks_only_the_results_read(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"beta", "enter")
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
    read = {h.title for h in store.headlines() if h.read}
    assert read == {"Beta headline 0", "Beta headline 1"}


async def test_a_search_stays_when_another_process_writes_or_a_refresh_ends(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"beta", "enter")
        await settle(pilot)
        with Store(store.path) as other:  # like a cron refresh
            fill(other, filled.sources, {"Beta": entries("Beta", 3, day=29)})
        screen = main_screen(app)
        screen.poll_store()
        await settle(pilot)
        assert screen.selection.kind == "search"
        assert "Search: beta" in str(screen.headlines.border_title)
        assert titles(app) == ["Beta headline 2", "Beta headline 0", "Beta headline 1"]


async def test_slash_finds_traditional_with_simplified_and_reports_bad_queries(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    source_id = store.source_id("Alpha")
    assert source_id is not None
    extra = entries("Alpha", 1, day=27)[0]
    store.store_entries(
        source_id,
        [replace(extra, guid="zh", title="加强基层治理", blocks=(Block("paragraph", "ＡＩ"),))],
    )
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sorce:x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchPrompt)
        problem = str(app.screen.query_one("#problem", Label).render())
        assert "unknown field 'sorce:' at column 1" in problem
        # Pilot types keys by name; the Chinese query goes straight into the field.
        app.screen.query_one(Input).value = "基層"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchPrompt)
        assert titles(app) == ["加强基层治理"]
        await pilot.press("slash", *"ai -source:Beta", "enter")
        await settle(pilot)
        assert titles(app) == ["加强基层治理"]
