"""A long sources pane, as a reader with a feed server account's hundreds of feeds meets it.

The pane draws only the rows on screen and keeps its layout across marks (a mark changes
counts, not sources); these tests hold what the user sees to be the same: every source
reachable from the keyboard in order, the cursor on screen, the headlines following it,
and every count right at once after a mark, a star, an undo.
"""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp
from suxun_tui.tui.filters import ALL, STARRED, Catalog
from suxun_tui.tui.widgets.sources import SourcesPane
from suxun_tui.tui.widgets.sources_layout import Layout
from tests.tui.conftest import MakeApp, entries, fill
from tests.tui.helpers import main_screen, settle, titles

GROUPS, PER_GROUP = 4, 15  # 60 sources, 64 group and source rows: more than a screen holds
SIZE = (100, 30)


def many_sources() -> tuple[SourceSpec, ...]:
    return tuple(
        SourceSpec(f"Feed {i:02d}", f"https://example.org/{i}.xml", kind="feed", group=f"G{g}")
        for g in range(GROUPS)
        for i in range(g * PER_GROUP, (g + 1) * PER_GROUP)
    )


def filled_config(store: Store) -> Config:
    sources = many_sources()
    fill(store, sources, {s.name: entries(s.name, 2) for s in sources})
    return Config(settings=Settings(full_text="never"), sources=sources)


def row_text(pane: SourcesPane, label: str) -> str:
    index = [f.label for f in pane.filters].index(label)
    return str(pane.get_option_at_index(index).prompt)


def count_in(pane: SourcesPane, label: str) -> int:
    """The count drawn at the end of ``label``'s row (0 when none is drawn)."""
    found = re.search(r"\s(\d+)$", row_text(pane, label).split("\n")[0])
    return int(found.group(1)) if found else 0


def drawn_screen(app: SuxunApp) -> str:
    """Every line of the sources pane as it is on screen now."""
    pane = main_screen(app).sources
    height = pane.scrollable_content_region.height
    return "\n".join(pane.render_line(y).text for y in range(height))


async def focus_sources(pilot: Pilot[None]) -> SourcesPane:
    pane = main_screen(pilot.app).sources  # type: ignore[arg-type]
    pane.focus()
    await pilot.pause()
    return pane


async def test_j_walks_every_source_in_order_and_keeps_the_cursor_on_screen(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(filled_config(store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = await focus_sources(pilot)
        expected = ["All", "Starred"]
        for g in range(GROUPS):
            expected.append(f"G{g}")
            expected += [f"Feed {i:02d}" for i in range(g * PER_GROUP, (g + 1) * PER_GROUP)]
        assert [f.label for f in pane.filters][: len(expected)] == expected
        for step, label in enumerate(expected[1:], start=1):
            await pilot.press("j")
            assert pane.highlighted == step
            assert pane.selection.label == label
            top, height = int(pane.scroll_y), pane.scrollable_content_region.height
            assert top <= step < top + height  # (one line per row here)
        await pilot.pause()
        assert "Feed 59" in drawn_screen(app)  # the last source, scrolled into view
        assert titles(app) == ["Feed 59 headline 0", "Feed 59 headline 1"]  # it followed
        await pilot.press("g")
        await pilot.pause()
        assert pane.selection == ALL and int(pane.scroll_y) == 0
        assert "Feed 59" not in drawn_screen(app) and "All" in drawn_screen(app)
        await pilot.press("G")
        await pilot.pause()
        assert pane.highlighted == len(pane.filters) - 1  # the last row: a built-in view


async def test_counts_are_right_at_once_after_a_mark_a_star_and_an_undo(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(filled_config(store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        pane = await focus_sources(pilot)
        assert (count_in(pane, "All"), count_in(pane, "G3"), count_in(pane, "Feed 50")) == (
            120,
            30,
            2,
        )
        pane.highlighted = [f.label for f in pane.filters].index("Feed 50")
        await pilot.pause()
        screen.headlines.focus()
        await pilot.press("m")  # Feed 50's newest article: read
        await pilot.pause()
        assert (count_in(pane, "All"), count_in(pane, "G3"), count_in(pane, "Feed 50")) == (
            119,
            29,
            1,
        )
        assert count_in(pane, "Feed 51") == 2 and count_in(pane, "G2") == 30
        assert "1 unread / 2" in str(screen.headlines.border_title)
        await pilot.press("s")
        await pilot.pause()
        assert count_in(pane, "Starred") == 1
        await pilot.press("u")  # the star comes off
        await pilot.pause()
        assert count_in(pane, "Starred") == 0
        await pilot.press("A")  # Feed 50: all read (under the confirmation threshold)
        await pilot.pause()
        assert (count_in(pane, "All"), count_in(pane, "G3"), count_in(pane, "Feed 50")) == (
            118,
            28,
            0,
        )
        await pilot.press("u")  # what "all read" marked comes back
        await pilot.pause()
        assert (count_in(pane, "All"), count_in(pane, "G3"), count_in(pane, "Feed 50")) == (
            119,
            29,
            1,
        )
        # The counts the store keeps, read anew, agree with what the pane drew.
        fresh = Catalog.read(store, screen.reader.clock(), ())
        assert {s.name: s.unread for s in fresh.sources} == {
            s.name: s.unread for s in screen.catalog.sources
        }


async def test_a_mark_redraws_counts_without_reading_the_sources_or_laying_them_out(
    make_app: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(filled_config(store))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        statements: list[str] = []
        laid_out: list[int] = []
        real = SourcesPane.rebuild

        def rebuild(pane: SourcesPane) -> None:
            laid_out.append(len(pane.catalog.sources))
            real(pane)

        monkeypatch.setattr(SourcesPane, "rebuild", rebuild)
        store.conn.set_trace_callback(statements.append)
        screen.headlines.focus()
        await pilot.press("m")
        await pilot.pause()
        store.conn.set_trace_callback(None)
        assert not [s for s in statements if "LEFT JOIN source_counts" in s]  # counts only
        assert laid_out == []  # the same rows, their counts redrawn
        assert count_in(screen.sources, "All") == 119


async def test_the_start_reads_the_sources_once_and_counts_nothing_by_a_pass(
    make_app: MakeApp, store: Store
) -> None:
    """One read of the sources for the first paint (it was four), and the built-in
    feeds' counts from the sources' counts and the index of hidden articles."""
    config = filled_config(store)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(main_screen(app).sources.filters) == 2 + GROUPS + GROUPS * PER_GROUP + 1
    store.conn.set_trace_callback(None)
    assert sum("LEFT JOIN source_counts" in s for s in statements) == 1
    hidden = [s for s in statements if "hidden = 1" in s]
    assert hidden and all("CROSS JOIN" in s for s in hidden), hidden


def test_every_rows_key_is_its_filters_key() -> None:
    """The layout finds a row by key without making the filters: the two must agree."""
    from suxun_tui.models import SourceRow
    from suxun_tui.tui.query_feeds import QueryFeed

    sources = (
        SourceRow(7, "Lone", "u", "feed", None, 1, 2),
        SourceRow(8, "In", "u", "feed", "G", 0, 1, "HTTP 500"),
        SourceRow(9, "Also", "u", "feed", "G", 3, 3),
    )
    queries = (QueryFeed("All unread", "is:unread", None, 4, 4), QueryFeed("Q", "x", "G", 0, 0))
    layout = Layout(Catalog(sources, 0, None, queries))
    labels = [layout.filter(i).label for i in range(len(layout))]
    assert labels == ["All", "Starred", "Lone", "G", "In", "Also", "Q", "All unread"]
    assert [row.height for row in layout.rows] == [1, 1, 1, 1, 3, 1, 1, 1]
    for index in range(len(layout)):
        assert layout.index_of(layout.filter(index).key) == index
    assert layout.filter(0) == ALL and layout.filter(1) == STARRED
    assert layout.at_line(4) == layout.at_line(6) == 4 and layout.at_line(7) == 5
    assert layout.index_of("source-404") is None and layout.at_line(99) is None


def test_a_recount_is_the_catalog_read_anew(store: Store) -> None:
    """After marks in several sources, the recounted catalog (its sums carried over and
    moved by what changed) equals one read from scratch, sums and all."""
    from tests.tui.conftest import NOW

    filled_config(store)
    catalog = Catalog.read(store, NOW)
    assert catalog.sums[("all", None)] == (120, 120)  # summed before the marks
    store.mark_all_read(store.source_id("Feed 07"))
    store.set_read(store.headlines(source_id=store.source_id("Feed 33"))[0].id)
    store.set_read(store.headlines(source_id=store.source_id("Feed 34"))[0].id)
    recounted = catalog.recount(store, NOW)
    fresh = Catalog.read(store, NOW)
    assert recounted == fresh
    assert recounted.sums == Catalog(fresh.sources).sums
    assert recounted.sums[("group", "G2")] == (28, 30) and recounted.sums[("all", None)] == (
        116,
        120,
    )
    unchanged = [a is b for a, b in zip(catalog.sources, recounted.sources, strict=True)]
    assert unchanged.count(False) == 3  # the others stay the same values
