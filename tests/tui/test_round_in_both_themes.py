"""One round of a reader's keys, in the dark and in the light theme: the cursor row
stands out after every move, and each key does what it says whatever the colours."""

from __future__ import annotations

import pytest

from suxun_tui.config import Config
from suxun_tui.store import Store
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import main_screen, settle
from tests.tui.test_drawing import drawn_rows, looks


def cursor_shown(app: object) -> None:
    """The headline cursor's row is drawn unlike every other row on screen."""
    headlines = main_screen(app).headlines  # type: ignore[arg-type]
    rows = drawn_rows(headlines)[: len(headlines.rows)]
    cursor = headlines.cursor
    assert cursor is not None
    others = {frozenset(looks(row)) for index, row in enumerate(rows) if index != cursor}
    assert frozenset(looks(rows[cursor])) not in others, (app.theme, cursor)  # type: ignore[attr-defined]


@pytest.mark.parametrize("theme", ["suxun-dark", "suxun-light"])
async def test_a_round_of_keys(make_app: MakeApp, filled: Config, store: Store, theme: str) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settle(pilot)
        screen = main_screen(app)
        assert screen.headlines.has_focus
        await pilot.press("j", "j")
        await pilot.pause()
        cursor_shown(app)
        await pilot.press("k")
        await pilot.pause()
        cursor_shown(app)
        chosen = screen.headlines.current
        assert chosen is not None
        await pilot.press("s")  # star
        await settle(pilot)
        assert [h.id for h in store.headlines(starred_only=True)] == [chosen.id]
        await pilot.press("enter")  # open: read, and the article has the focus
        await settle(pilot)
        assert screen.article.has_focus and screen.shown.article_id == chosen.id
        assert chosen.id not in {h.id for h in store.headlines(unread_only=True)}
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is screen.article
        await pilot.press("z", "q")  # restore, then back one level
        await pilot.pause()
        assert screen.maximized is None and screen.headlines.has_focus
        cursor_shown(app)
        await pilot.press("m")  # unread again
        await settle(pilot)
        assert chosen.id in {h.id for h in store.headlines(unread_only=True)}
        await pilot.press("backslash")
        await pilot.pause()
        assert not screen.sources.display
        cursor_shown(app)
        await pilot.press("backslash", "q")
        await pilot.pause()
        assert screen.sources.display and screen.sources.has_focus
        await pilot.press("q")  # from the top: quit
        await pilot.pause()
    assert app.return_code == 0
