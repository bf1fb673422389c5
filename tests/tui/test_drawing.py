"""What the headline list draws: the cursor row must stand out in every theme.

These read the strips the widget hands to the compositor (through Pilot, in a running
app), not a snapshot: a snapshot records an invisible cursor as faithfully as a visible one.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.geometry import Region
from textual.pilot import Pilot

from suxun_tui.config import Config
from suxun_tui.tui.app import SuxunApp
from suxun_tui.tui.widgets.headlines import HeadlineList
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import main_screen, settle

THEMES = ("suxun-dark", "suxun-light", "suxun-high-contrast", "textual-light", "nord")


def drawn_rows(headlines: HeadlineList) -> list[list[Segment]]:
    """The list's content rows as drawn, border lines and border cells left out."""
    width, height = headlines.size
    lines = headlines.render_lines(Region(0, 0, width, height))
    return [list(strip)[1:-1] for strip in lines[1:-1]]


def backgrounds(row: list[Segment]) -> set[str]:
    return {str(s.style.bgcolor) for s in row if s.style is not None and s.text.strip()}


def looks(row: list[Segment]) -> set[tuple[str, bool, bool]]:
    """What a reader sees of a row's text: background, reverse, underline."""
    seen = set()
    for segment in row:
        style = segment.style or Style()
        if segment.text.strip():
            seen.add((str(style.bgcolor), bool(style.reverse), bool(style.underline)))
    return seen


async def cursor_stands_out(pilot: Pilot[None], app: SuxunApp) -> None:
    rows = drawn_rows(main_screen(app).headlines)
    cursor = main_screen(app).headlines.cursor
    assert cursor == 1, "the test moves the cursor to the second row"
    above, at, below = rows[0], rows[1], rows[2]
    assert looks(at) != looks(above), f"cursor row drawn like the row above in {app.theme}"
    assert looks(at) != looks(below), f"cursor row drawn like the row below in {app.theme}"
    assert looks(above) == looks(below)


async def test_the_cursor_row_differs_from_its_neighbours_in_every_theme(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        for theme in THEMES:
            app.theme = theme  # no focus change: the rows must follow the theme by themselves
            await pilot.pause()
            await cursor_stands_out(pilot, app)
            background = app.current_theme.background
            assert background is not None
            neighbour = drawn_rows(main_screen(app).headlines)[0]
            # Rows drawn before the switch must not stay in the old theme's colours.
            assert backgrounds(neighbour) == {str(Style(bgcolor=background).bgcolor)}, theme


async def test_the_cursor_stays_visible_when_the_list_loses_focus(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "shift+tab")
        assert not main_screen(app).headlines.has_focus
        for theme in ("suxun-dark", "suxun-light"):
            app.theme = theme
            await pilot.pause()
            await cursor_stands_out(pilot, app)


async def test_no_color_draws_no_backgrounds_and_shows_the_cursor_in_reverse(
    make_app: MakeApp, filled: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        rows = drawn_rows(main_screen(app).headlines)
        assert any(s.style is not None and s.style.reverse for s in rows[1])
        assert not any(s.style is not None and s.style.reverse for s in rows[0] + rows[2])
        # Through the app's line filters, as the terminal gets them: no colour anywhere.
        for line_filter in app._filters:
            rows = [line_filter.apply(row, Color(0, 0, 0)) for row in rows]
        colours = [(s.style.color, s.style.bgcolor) for row in rows for s in row if s.style]
        assert colours
        for fg, bg in colours:
            assert fg is None or fg.is_default, fg
            assert bg is None or bg.is_default, bg
