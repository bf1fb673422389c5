"""Application-wide behaviour: start-up notices, environment isolation, quitting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from suxun_tui.config import Config, config_path, data_dir
from suxun_tui.store import Store
from tests.tui.conftest import SIZE, MakeApp, entries, fill, two_sources
from tests.tui.helpers import main_screen, notifications, settle


async def test_start_up_notices_are_shown_as_plain_notifications(
    make_app: MakeApp, filled: Config
) -> None:
    notice = "config.toml:3: unknown key 'colour' [ignored]"
    app = make_app(filled, notices=[notice])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert notice in notifications(app)  # brackets kept: never parsed as markup


async def test_q_quits(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
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
