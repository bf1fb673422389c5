"""Application-wide behaviour: notices, isolation, quitting, results of background work."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from suxun_tui.config import Config, config_path, data_dir
from suxun_tui.store import Store
from suxun_tui.tui import jobs
from suxun_tui.tui.filters import ALL
from suxun_tui.tui.screens.messages import HeadlinesLoaded
from tests.tui.conftest import SIZE, MakeApp, entries, fill, two_sources
from tests.tui.helpers import main_screen, notifications, select_source, settle, titles


async def test_start_up_notices_are_shown_as_plain_notifications(
    make_app: MakeApp, filled: Config
) -> None:
    notice = "config.toml:3: unknown key 'colour' [ignored]"
    app = make_app(filled, notices=[notice])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert notice in notifications(app)  # brackets kept: never parsed as markup


async def test_q_goes_back_one_level_and_quits_only_from_the_sources(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("enter")  # the article
        assert screen.article.has_focus
        await pilot.press("q")
        assert screen.headlines.has_focus and app.is_running
        await pilot.press("q")
        assert screen.sources.has_focus and app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_shift_q_quits_at_once_from_the_article(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "Q")
        await pilot.pause()
    assert app.return_code == 0


def test_tests_never_see_the_developers_config_or_cache(isolated_environment: Path) -> None:
    home = Path.home()
    assert config_path().is_relative_to(isolated_environment)
    assert data_dir().is_relative_to(isolated_environment)
    assert not config_path().is_relative_to(home / ".config")
    assert not config_path().exists()


async def test_an_80_column_terminal_still_shows_whole_headlines(
    make_app: MakeApp, store: Store
) -> None:
    """The source column gives way to the title when the headline pane is narrow."""
    title = "以自我革命精神 提升基层治理效能"
    sources = two_sources()
    fill(store, sources, {"Alpha": [replace(entries("Alpha", 1)[0], title=title)]})
    app = make_app(Config(sources=sources))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert title in main_screen(app).headlines.render_line(0).text
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        row = main_screen(app).headlines.render_line(0).text
        assert "Alpha" in row and title in row


async def test_headlines_loaded_late_for_another_selection_are_dropped(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        everything = list(screen.headlines.rows)
        await select_source(pilot, "Beta")
        await settle(pilot)
        beta = ["Beta headline 0", "Beta headline 1"]
        assert titles(app) == beta
        screen.post_message(HeadlinesLoaded(ALL, everything))  # All's rows, arriving late
        await settle(pilot)
        assert titles(app) == beta
        # The same message for the selection shown is taken: the drop above is the check.
        screen.post_message(HeadlinesLoaded(screen.selection, everything[3:4]))
        await settle(pilot)
        assert titles(app) == ["Beta headline 0"]


async def test_a_failed_worker_shows_one_error_notice(
    make_app: MakeApp, filled: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unstartable:
        def open(self, url: str) -> bool:
            return False

    monkeypatch.setattr(jobs, "browser", lambda name: Unstartable())
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.clear_notifications()
        await pilot.press("o")
        await settle(pilot)
        assert notifications(app) == ["Opening the browser: the browser did not start"]
        assert [n.severity for n in app._notifications] == ["error"]
