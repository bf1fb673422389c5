"""The help screen as drawn: a description too long for one line goes on under itself,
in the description column, never under the keys."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Static

from suxun_tui.config import Config
from suxun_tui.tui.screens.help import KEY_WIDTH, HelpScreen
from tests.tui.conftest import MakeApp
from tests.tui.helpers import settle


async def test_a_long_description_hangs_under_the_description_column(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help").query_one(Static)
        size = body.size
        lines = [strip.text for strip in body.render_lines(Region(0, 0, size.width, size.height))]
        start = next(i for i, line in enumerate(lines) if "Refresh the selected source now" in line)
        assert lines[start].startswith("Ctrl+R")
        going_on = lines[start + 1]
        assert going_on[:KEY_WIDTH] == " " * KEY_WIDTH and going_on[KEY_WIDTH:].strip(), going_on
        assert all(len(line.rstrip()) <= size.width for line in lines)
