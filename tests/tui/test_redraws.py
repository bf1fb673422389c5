"""What one key redraws, and what the cycle collector walks while the reader runs.

A move in the headline list changes two of its rows and the article: the rest of the
screen stays drawn (the sources pane's scrollbar, the article pane's frame when its
words stay the same), yet a pane whose rows change still lays its scrollbar out anew.
The objects the reader keeps for its whole run are out of the collector's walks.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.store import Store
from suxun_tui.tui.screens.main import MainScreen
from tests.tui.conftest import MakeApp, entries, fill
from tests.tui.helpers import main_screen, select_source, settle

SIZE = (100, 30)


def many_sources(store: Store) -> Config:
    """40 sources (more rows than the sources pane shows), the first with 60 articles."""
    sources = tuple(
        SourceSpec(f"Feed {i:02d}", f"https://example.org/{i}.xml", kind="feed") for i in range(40)
    )
    content = {s.name: entries(s.name, 60 if i == 0 else 2) for i, s in enumerate(sources)}
    fill(store, sources, content)
    return Config(settings=Settings(full_text="never"), sources=sources)


Call = tuple[tuple[Region, ...], bool]


def record_refreshes(widget: Widget) -> list[Call]:
    """Every ``refresh`` call on ``widget`` from now on: its regions (() = all of it), and
    whether it asked for a layout."""
    calls: list[Call] = []
    original = widget.refresh

    def refresh(*regions: Region, **options: bool) -> Widget:
        calls.append((regions, bool(options.get("layout"))))
        return original(*regions, **options)

    widget.refresh = refresh  # type: ignore[method-assign]
    return calls


async def headlines_focused(pilot: Pilot[None]) -> MainScreen:
    """The main screen once it has settled, its headline list focused."""
    await settle(pilot)
    screen = main_screen(pilot.app)  # type: ignore[arg-type]
    screen.focus_pane(screen.headlines)
    await settle(pilot)
    return screen


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Start with nothing frozen, and leave nothing frozen for the next test."""
    gc.unfreeze()
    yield
    gc.unfreeze()


async def test_a_move_redraws_two_headline_rows_and_leaves_the_sources_scrollbar(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(many_sources(store))
    async with app.run_test(size=SIZE) as pilot:
        screen = await headlines_focused(pilot)
        assert screen.sources.show_vertical_scrollbar  # the pane scrolls: it has one
        lists = record_refreshes(screen.headlines)
        bars = record_refreshes(screen.sources.vertical_scrollbar)
        first = screen.headlines.current
        await pilot.press("j")
        await settle(pilot)
        assert screen.headlines.current is not first
        assert screen.shown.article_id == screen.headlines.current.id  # type: ignore[union-attr]
        assert lists and all(len(regions) == 1 for regions, _ in lists)  # rows, not the list
        assert {regions[0].height for regions, _ in lists} == {1}
        assert not bars
        # Drawn as it should be: the cursor's row unlike the row it left.
        old, new = screen.headlines.render_line(0), screen.headlines.render_line(1)
        assert old.text.strip() and new.text.strip()
        assert [s.style for s in old] != [s.style for s in new]


async def test_a_move_to_an_article_of_the_same_length_keeps_the_pane_frame(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(many_sources(store))
    async with app.run_test(size=SIZE) as pilot:
        screen = await headlines_focused(pilot)
        subtitle = screen.article_view.border_subtitle
        assert subtitle and "%" in subtitle
        frames = record_refreshes(screen.article_view)
        await pilot.press("j")
        await settle(pilot)
        assert screen.article_view.border_subtitle == subtitle
        assert all(regions for regions, _ in frames)  # no refresh of the whole pane


async def test_a_pane_whose_rows_grow_lays_its_scrollbar_out_for_them(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(many_sources(store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await select_source(pilot, "Feed 01")  # two articles: no scrollbar
        assert not screen.headlines.show_vertical_scrollbar
        await select_source(pilot, "Feed 00")  # sixty: a scrollbar, sized for them
        await settle(pilot)
        rows = len(screen.headlines.rows)
        assert rows == 60
        assert screen.headlines.show_vertical_scrollbar
        assert screen.headlines.vertical_scrollbar.window_virtual_size == rows


async def test_what_the_reader_keeps_is_frozen_out_of_the_collectors_walks(
    make_app: MakeApp, store: Store, unfrozen: None
) -> None:
    app = make_app(many_sources(store))
    assert gc.get_freeze_count() == 0
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert gc.get_freeze_count() > 0
        assert any(widget is screen.headlines for widget in _frozen_widgets())


def _frozen_widgets() -> Iterator[object]:
    """Widgets the collector no longer walks: tracked, yet in no generation."""
    walked = {id(obj) for obj in gc.get_objects()}
    gc.unfreeze()
    try:
        for obj in gc.get_objects():
            if isinstance(obj, Widget) and id(obj) not in walked:
                yield obj
    finally:
        gc.freeze()


async def test_a_refreshs_progress_redraws_the_status_line_without_a_layout(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(many_sources(store))
    async with app.run_test(size=SIZE) as pilot:
        screen = await headlines_focused(pilot)
        right = screen.status.right
        calls = record_refreshes(right)
        for text in ("Refreshing 3/40 · Feed 02 ✓", "Refreshing 4/40 · a longer name ✓"):
            screen.activity = text
            await pilot.pause()
            assert right.render_line(0).text.rstrip().endswith(text)  # at the right end
        assert [layout for _, layout in calls] == [False, False]


async def test_a_recount_that_changes_nothing_on_the_status_line_leaves_it(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(many_sources(store))
    async with app.run_test(size=SIZE) as pilot:
        screen = await headlines_focused(pilot)
        left = screen.status.left
        shown = str(left.render())
        redrawn = record_refreshes(left)
        headline = screen.headlines.current
        assert headline is not None and not headline.read
        catalog = screen.catalog
        screen.set_read(headline, True)  # the counts change, the status line's words not
        await settle(pilot)
        assert screen.catalog != catalog
        assert str(left.render()) == shown
        assert not redrawn
