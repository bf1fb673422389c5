"""SVG snapshots of the reader on the bundled demo, with a fixed clock and zone: 80×24,
120×40 and 160×50, each in the dark and the light theme.

Update after an intended change with ``pytest tests/tui --snapshot-update`` and look at
the SVGs (``docs/screenshot.svg`` is a copy of the first one).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from suxun_tui.demo import demo_config
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp
from tests.tui.conftest import SIZE, fixed_clock
from tests.tui.helpers import settle


def demo_app(tmp_path: Path, theme: str = "dark") -> SuxunApp:
    """The reader on the demo, its first source (苏讯网 · 要闻) already stored: the seed
    story is then listed under it whatever order the start-up refresh stores the others
    in (the column page's copy of it would otherwise win the race some of the time)."""
    config = replace(demo_config(), settings=replace(demo_config().settings, theme=theme))
    cache = tmp_path / "cache.sqlite3"
    refresh_sources(replace(config, sources=config.sources[:1]), cache)
    return SuxunApp(config, Store(cache), clock=fixed_clock)


async def demo_ready(pilot: Pilot[Any]) -> None:
    """Wait for the start-up refresh of the demo, then drop its toasts (they time out)."""
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


def test_main_screen_on_the_demo(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=demo_ready)


def test_article_open_on_the_demo(snap_compare: Any, tmp_path: Path) -> None:
    async def open_second(pilot: Pilot[Any]) -> None:
        await demo_ready(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        pilot.app.clear_notifications()

    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=open_second)


def test_help_screen(snap_compare: Any, tmp_path: Path) -> None:
    async def show_help(pilot: Pilot[Any]) -> None:
        await demo_ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(demo_app(tmp_path), terminal_size=SIZE, run_before=show_help)


def test_main_screen_at_80x24_in_the_light_theme(snap_compare: Any, tmp_path: Path) -> None:
    """The smallest common terminal: titles fit, the footer ends with ? Help and q Quit."""

    async def second(pilot: Pilot[Any]) -> None:
        await demo_ready(pilot)
        await pilot.press("j")
        await pilot.pause()

    app = demo_app(tmp_path, "light")
    assert snap_compare(app, terminal_size=(80, 24), run_before=second)


def test_article_at_160x50_in_the_light_theme(snap_compare: Any, tmp_path: Path) -> None:
    """A wide terminal: the article's lines stay text_width long, centred."""

    async def open_first(pilot: Pilot[Any]) -> None:
        await demo_ready(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pilot.app.clear_notifications()

    app = demo_app(tmp_path, "light")
    assert snap_compare(app, terminal_size=(160, 50), run_before=open_first)


def test_main_screen_at_80x24_in_the_dark_theme(snap_compare: Any, tmp_path: Path) -> None:
    """The smallest common terminal in the dark theme: the second headline is the cursor."""

    async def second(pilot: Pilot[Any]) -> None:
        await demo_ready(pilot)
        await pilot.press("j")
        await pilot.pause()

    assert snap_compare(demo_app(tmp_path), terminal_size=(80, 24), run_before=second)


def test_main_screen_at_120x40_in_the_light_theme(snap_compare: Any, tmp_path: Path) -> None:
    """The usual size in the light theme: panes, cursor and borders on a light background."""
    app = demo_app(tmp_path, "light")
    assert snap_compare(app, terminal_size=SIZE, run_before=demo_ready)


def test_article_at_160x50_in_the_dark_theme(snap_compare: Any, tmp_path: Path) -> None:
    """A wide terminal in the dark theme: the article's lines stay text_width long, centred."""

    async def open_first(pilot: Pilot[Any]) -> None:
        await demo_ready(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pilot.app.clear_notifications()

    assert snap_compare(demo_app(tmp_path), terminal_size=(160, 50), run_before=open_first)
