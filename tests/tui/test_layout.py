"""The panes fit the terminal: hide, resize and maximize them; one pane when narrow."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from suxun_tui.config import Config, Settings
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui.screens.moving import MIN_SOURCES_WIDTH
from tests.tui.conftest import SIZE, MakeApp, fill, two_sources
from tests.tui.helpers import main_screen, settle


async def test_backslash_hides_and_shows_the_sources_pane_and_a_restart_keeps_it(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        wide = screen.headlines.size.width
        await pilot.press("backslash")
        await pilot.pause()
        assert not screen.sources.display
        assert screen.headlines.size.width > wide + 20  # the room goes to reading
        await pilot.press("tab", "tab")  # a hidden pane is not in the cycle
        assert screen.headlines.has_focus
    again = make_app(filled)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert not screen.sources.display
        await pilot.press("backslash")
        await pilot.pause()
        assert screen.sources.display


async def test_brackets_resize_the_sources_pane_within_bounds_and_it_is_remembered(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        start = screen.sources.outer_size.width
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.sources.outer_size.width == start + 8
        for _ in range(30):
            await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.sources.outer_size.width == MIN_SOURCES_WIDTH
    again = make_app(filled)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert main_screen(again).sources.outer_size.width == MIN_SOURCES_WIDTH


async def test_z_maximizes_the_focused_pane_and_the_focus_carries_it(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is screen.headlines
        assert screen.headlines.size.width > 100
        await pilot.press("enter")  # open: the article fills the screen now
        await pilot.pause()
        assert screen.maximized is screen.article
        await pilot.press("q")
        await pilot.pause()
        assert screen.maximized is screen.headlines
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is None
        assert screen.sources.region.width > 0


async def test_z_is_in_the_command_palette(make_app: MakeApp, filled: Config) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Maximize" in titles and "Sources pane" in titles and "Refresh now" in titles


async def test_a_narrow_terminal_shows_one_pane_at_a_time(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.maximized is screen.headlines
        assert screen.headlines.size.width >= 50  # the whole width for the titles
        await pilot.press("enter")
        await pilot.pause()
        assert screen.maximized is screen.article
        await pilot.press("q", "q")
        await pilot.pause()
        assert screen.maximized is screen.sources
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert screen.maximized is None  # wide again: three panes


async def test_the_footer_shows_help_and_quit_at_80_columns(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = {key.description: key for key in app.screen.query(FooterKey)}
        for description in ("Help", "Quit"):
            region = keys[description].region
            assert region.width > 0 and region.right <= 80, (description, region)


async def test_long_lines_are_at_most_text_width_and_centred(
    make_app: MakeApp, store: Store
) -> None:
    sources = two_sources()
    body = "长" * 400
    entry = FeedEntry(
        "g",
        "Long",
        "https://example.org/1",
        "2025-12-28T10:00:00Z",
        blocks=(Block("paragraph", body),),
    )
    fill(store, sources, {"Alpha": [entry]})
    app = make_app(Config(settings=Settings(text_width=60), sources=sources))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        text = screen.query_one("#article-body")
        article = screen.article.content_region
        assert text.region.width == 60
        left = text.region.x - article.x
        right = article.right - text.region.right
        assert abs(left - right) <= 2, (left, right)  # centred


async def test_enter_then_q_typed_at_once_opens_and_comes_back(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    """Opening moves the focus before the next key is read: q acts on the article."""
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.headlines.current
        assert first is not None
        await pilot.press("h", "enter", "enter", "q")  # sources → headlines → article → back
        await pilot.pause()
        assert screen.headlines.has_focus
        assert store.article(first.id).read  # type: ignore[union-attr]
