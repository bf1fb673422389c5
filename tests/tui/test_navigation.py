"""Moving around the reader: start state, j/k, g/G, panes, sources, n/p."""

from __future__ import annotations

from collections import Counter

import pytest
from rich.text import Text

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.tui import render
from suxun_tui.tui.widgets.article import ArticleView
from suxun_tui.tui.widgets.headlines import HeadlineList
from suxun_tui.tui.widgets.sources import SourcesPane
from tests.tui.conftest import SIZE, MakeApp, fill
from tests.tui.helpers import article_text, main_screen, settle, titles


async def test_starts_on_all_with_newest_headline_selected_and_focused(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert isinstance(app.focused, HeadlineList)
        assert screen.selection.kind == "all"
        assert titles(app) == [
            "Alpha headline 0",
            "Alpha headline 1",
            "Alpha headline 2",
            "Beta headline 0",
            "Beta headline 1",
        ]
        assert screen.headlines.current is not None
        assert screen.headlines.current.title == "Alpha headline 0"
        # The newest is previewed in the article pane but not marked read until opened.
        assert "Body of Alpha 0." in article_text(app)
        assert store.counts() == (5, 5)


async def test_j_k_arrows_g_and_G_move_the_headline_cursor(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        headlines = main_screen(app).headlines
        await pilot.press("j", "j")
        assert headlines.cursor == 2
        await pilot.press("k")
        assert headlines.cursor == 1
        await pilot.press("down", "down")
        assert headlines.cursor == 3
        await pilot.press("up")
        assert headlines.cursor == 2
        await pilot.press("G")
        assert headlines.cursor == 4
        await pilot.press("j")  # stays on the last row
        assert headlines.cursor == 4
        await pilot.press("g")
        assert headlines.cursor == 0
        await pilot.press("end")
        assert headlines.cursor == 4
        await pilot.press("home")
        assert headlines.cursor == 0
        await pilot.press("j")
        assert "Body of Alpha 1." in article_text(app)


async def test_enter_and_l_open_the_article_and_mark_it_read(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = main_screen(app).headlines.current
        assert first is not None and not first.read
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleView)
        detail = store.article(first.id)
        assert detail is not None and detail.read
        assert main_screen(app).headlines.rows[0].read
        await pilot.press("h", "j", "l")
        second = main_screen(app).headlines.rows[1]
        assert second.read
        assert "Body of Alpha 1." in article_text(app)
        assert store.counts() == (3, 5)


async def test_h_escape_tab_and_shift_tab_move_between_panes(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("escape")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("h")
        assert isinstance(app.focused, SourcesPane)
        await pilot.press("h")  # nothing further back
        assert isinstance(app.focused, SourcesPane)
        await pilot.press("tab")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, SourcesPane)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleView)


async def test_choosing_a_source_or_group_filters_the_headlines(
    make_app: MakeApp, filled: Config
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("h")  # sources: All, Starred, News, Alpha, Beta
        await pilot.press("j", "j")
        assert screen.selection.kind == "group"
        assert len(titles(app)) == 5
        await pilot.press("j", "j")
        assert screen.selection.label == "Beta"
        assert titles(app) == ["Beta headline 0", "Beta headline 1"]
        assert "Body of Beta 0." in article_text(app)
        await pilot.press("enter")
        assert isinstance(app.focused, HeadlineList)
        assert screen.headlines.border_title == "Beta · 2 unread / 2"
        await pilot.press("h", "g")
        assert screen.selection.kind == "all"
        assert len(titles(app)) == 5


async def test_n_and_p_open_the_next_and_previous_unread(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        rows = screen.headlines.rows
        store.set_read(rows[1].id, True)
        screen.reload()
        await pilot.press("n")  # skips the read row 1
        assert screen.headlines.cursor == 2
        assert screen.headlines.rows[2].read
        assert isinstance(app.focused, ArticleView)
        await pilot.press("n")
        assert screen.headlines.cursor == 3
        await pilot.press("p")  # rows 2 and 1 are read now; row 0 is not
        assert screen.headlines.cursor == 0
        await pilot.press("p")
        assert screen.headlines.cursor == 0  # nothing before: stays, says so


async def test_space_and_b_page_the_article(make_app: MakeApp, store: Store) -> None:
    from suxun_tui.config import Settings, SourceSpec
    from suxun_tui.models import Block, FeedEntry
    from tests.tui.conftest import fill

    source = SourceSpec("Long", "https://example.org/long.xml", kind="feed")
    body = tuple(Block("paragraph", f"段落 {i}。" * 30) for i in range(40))
    fill(
        store,
        [source],
        {
            "Long": [
                FeedEntry("g", "Long read", "https://e.org/1", "2025-12-28T00:00:00Z", blocks=body)
            ]
        },
    )
    app = make_app(Config(settings=Settings(), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article = main_screen(app).article
        assert article.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        first_page = article.scroll_y
        assert first_page > 5
        await pilot.press("pagedown")
        await pilot.pause()
        assert article.scroll_y > first_page
        await pilot.press("b")
        await pilot.pause()
        assert article.scroll_y == first_page
        await pilot.press("pageup")
        await pilot.pause()
        assert article.scroll_y == 0
        await pilot.press("enter", "G")
        await pilot.pause()
        assert article.scroll_y == article.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert article.scroll_y == 0


async def test_a_long_list_paints_its_first_page_then_loads_the_rest(
    make_app: MakeApp, store: Store
) -> None:
    from suxun_tui.config import Settings, SourceSpec
    from suxun_tui.tui.screens.main import FIRST_PAGE
    from tests.tui.conftest import entries, fill

    source = SourceSpec("Many", "https://example.org/many.xml", kind="feed")
    fill(store, [source], {"Many": entries("Many", FIRST_PAGE * 3)})
    app = make_app(Config(settings=Settings(), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        assert len(screen.headlines.rows) in (FIRST_PAGE, FIRST_PAGE * 3)
        await pilot.press("j", "j", "m")
        await settle(pilot)
        assert len(screen.headlines.rows) == FIRST_PAGE * 3
        assert screen.headlines.cursor == 2
        assert screen.headlines.rows[2].read
        assert (
            str(screen.headlines.border_title)
            == f"All · {FIRST_PAGE * 3 - 1} unread / {FIRST_PAGE * 3}"
        )
        await pilot.press("G")
        assert screen.headlines.current.title == f"Many headline {FIRST_PAGE * 3 - 1}"  # type: ignore[union-attr]


async def test_clicking_a_headline_selects_it_and_double_click_opens(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        headlines = main_screen(app).headlines
        await pilot.click(HeadlineList, offset=(20, 3))  # row 2 (the border is row 0)
        assert headlines.cursor == 2
        assert not headlines.rows[2].read
        await pilot.click(HeadlineList, offset=(20, 3), times=2)
        assert headlines.rows[2].read
        assert isinstance(app.focused, ArticleView)


async def test_an_article_of_a_megabyte_or_10000_paragraphs_is_wrapped_once_per_width(
    make_app: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the megabyte took over 10 minutes: quadratic wrapping, done thrice a width."""
    source = SourceSpec("Big", "https://example.org/b.xml", kind="feed")
    many = tuple(Block("paragraph", f"第{i}段，一个段落。" * 6) for i in range(10_000))
    fill(
        store,
        [source],
        {
            "Big": [
                FeedEntry("0", "small", "https://example.org/0", "2025-12-28T02:00:00Z"),
                FeedEntry(
                    "1",
                    "one",
                    "https://example.org/1",
                    "2025-12-28T01:00:00Z",
                    blocks=(Block("paragraph", "长" * 1_000_000),),
                ),
                FeedEntry(
                    "2", "many", "https://example.org/2", "2025-12-28T00:00:00Z", blocks=many
                ),
            ]
        },
    )
    wrapped: list[tuple[Text, int]] = []  # kept alive, so no two share an id()
    wrap_text = render.wrap_text

    def counting_wrap(text: Text, width: int) -> list[Text]:
        wrapped.append((text, width))
        return wrap_text(text, width)

    monkeypatch.setattr(render, "wrap_text", counting_wrap)
    app = make_app(Config(settings=Settings(), sources=(source,)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for title, size in (("one", 1_000_000), ("many", sum(len(b.text) for b in many))):
            wrapped.clear()
            await pilot.press("j")
            await settle(pilot)
            assert main_screen(app).headlines.current.title == title  # type: ignore[union-attr]
            # Each part is wrapped once at each width it is drawn at (with and without the
            # scroll bar), not again for every measure and paint.
            per_width = Counter((id(text), width) for text, width in wrapped)
            assert max(per_width.values()) == 1, f"{title}: a part wrapped twice at one width"
            characters = sum(len(text.plain) for text, _ in wrapped)
            assert characters <= 2 * size + 10_000, f"{title}: {characters} wrapped for {size}"
        assert article_text(app).endswith("第9999段，一个段落。" * 6)
