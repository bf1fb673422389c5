"""SVG snapshots of the reader on the bundled demo, at 120×40, with a fixed clock and zone.

Update after an intended change with ``pytest tests/tui --snapshot-update`` and look at
the SVGs (``docs/screenshot.svg`` is a copy of the first one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from suxun_tui.demo import demo_config
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp
from tests.tui.conftest import SIZE, fixed_clock
from tests.tui.helpers import settle


def demo_app(tmp_path: Path) -> SuxunApp:
    return SuxunApp(demo_config(), Store(tmp_path / "cache.sqlite3"), clock=fixed_clock)


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
