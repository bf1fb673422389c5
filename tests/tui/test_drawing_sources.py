"""The cursor in the sources pane (every theme, focused or not, without colours) and in
the headlines under the terminal's own ANSI palette, read from the strips drawn."""

from __future__ import annotations

import pytest

from suxun_tui.config import Config
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import main_screen, settle
from tests.tui.test_drawing import THEMES, cursor_stands_out, drawn_rows, looks


@pytest.mark.parametrize("focused", [True, False])
async def test_the_sources_cursor_differs_from_its_neighbours_in_every_theme(
    make_app: MakeApp, filled: Config, focused: bool
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = main_screen(app).sources
        sources.focus()
        await pilot.press("j")  # All → Starred: rows 0 and 2 are its neighbours
        await settle(pilot)
        if not focused:
            await pilot.press("tab")
            await pilot.pause()
            assert not sources.has_focus
        assert sources.highlighted == 1
        for theme in (*THEMES, "ansi-light", "ansi-dark"):
            app.theme = theme
            await pilot.pause()
            rows = drawn_rows(sources)  # type: ignore[arg-type]
            above, at, below = rows[0], rows[1], rows[2]
            assert looks(at) != looks(above), theme
            assert looks(at) != looks(below), theme


async def test_without_colours_the_sources_cursor_is_still_drawn(
    make_app: MakeApp, filled: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sources = main_screen(app).sources
        for focus in (True, False):
            if focus:
                sources.focus()
            else:
                main_screen(app).headlines.focus()
            await pilot.pause()
            rows = drawn_rows(sources)  # type: ignore[arg-type]
            cursor = sources.highlighted or 0
            others = [row for index, row in enumerate(rows[:3]) if index != cursor]
            assert all(looks(rows[cursor]) != looks(row) for row in others), focus


@pytest.mark.parametrize("theme", ["ansi-light", "ansi-dark"])
async def test_the_headline_cursor_stands_out_in_the_terminal_s_own_colours(
    make_app: MakeApp, filled: Config, theme: str
) -> None:
    """The ANSI themes draw in the terminal's palette: the cursor must still show."""
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        app.theme = theme
        await pilot.pause()
        await cursor_stands_out(pilot, app)
