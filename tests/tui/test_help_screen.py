"""The help screen as drawn: a description too long for one line goes on under itself,
in the description column, never under the keys; it and the prompts fit a narrow terminal."""

from __future__ import annotations

import pytest
from textual.containers import Vertical
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


async def test_the_help_box_fits_a_narrow_terminal(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help")
        assert box.region.x >= 0 and box.region.right <= 60, box.region
        body = box.query_one(Static)
        size = body.size
        lines = [strip.text for strip in body.render_lines(Region(0, 0, size.width, size.height))]
        words = " ".join(line.strip() for line in lines).split()
        assert "pane" in words[words.index("sources") + 1], lines  # not cut at the edge


@pytest.mark.parametrize("key", ["slash", "f"])
async def test_the_prompts_fit_a_narrow_terminal(
    make_app: MakeApp, filled: Config, key: str
) -> None:
    """The search prompt (/) and the link-number prompt (f) stay inside 50 columns."""
    app = make_app(filled)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # an article is shown, so f has its links to ask for
        await settle(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == {"slash": "SearchPrompt", "f": "LinkPrompt"}[key]
        box = app.screen.query_one(Vertical)
        assert box.region.x >= 0 and box.region.right <= 50, (key, box.region)
