"""Query feeds in the sources pane with unread counts, the built-in "All unread", and
the "unread only" toggle (i) that every view follows."""

from __future__ import annotations

from dataclasses import replace

from suxun_tui.config import Config
from suxun_tui.config.model import QuerySpec
from suxun_tui.store import Store
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import main_screen, settle, titles


def pane_rows(app: object) -> list[str]:
    pane = main_screen(app).sources  # type: ignore[arg-type]
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


async def test_query_feeds_show_unread_counts_and_their_articles(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    config = replace(
        filled,
        queries=(
            QuerySpec("Betas", "beta"),
            QuerySpec("Alpha old", "alpha -2", group="News"),
        ),
    )
    first = next(h for h in store.headlines() if h.title == "Alpha headline 0")
    store.set_read(first.id)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = [" ".join(r.split()) for r in pane_rows(app)]
        # Sources first, a grouped feed under its group, the others last.
        assert rows == [
            "All 4",
            "★ Starred",
            "News 4",
            "Alpha 2",
            "Beta 2",
            "» Alpha old 1",
            "» All unread 4",
            "» Betas 2",
        ]
        screen = main_screen(app)
        pane = screen.sources
        pane.highlighted = rows.index("» Betas 2")
        await settle(pilot)
        assert screen.selection.kind == "query"
        assert titles(app) == ["Beta headline 0", "Beta headline 1"]
        pane.highlighted = rows.index("» All unread 4")
        await settle(pilot)
        assert titles(app) == [
            "Alpha headline 1",
            "Alpha headline 2",
            "Beta headline 0",
            "Beta headline 1",
        ]
        pane.highlighted = rows.index("» Alpha old 1")
        await settle(pilot)
        assert titles(app) == ["Alpha headline 0", "Alpha headline 1"]


async def test_unread_only_toggle_applies_to_every_view(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    for h in store.headlines():
        if h.title in ("Alpha headline 0", "Beta headline 1"):
            store.set_read(h.id)
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(titles(app)) == 5
        await pilot.press("i")
        await settle(pilot)
        assert titles(app) == ["Alpha headline 1", "Alpha headline 2", "Beta headline 0"]
        await pilot.press("slash", *"beta", "enter")
        await settle(pilot)
        assert titles(app) == ["Beta headline 0"]
        await pilot.press("i")
        await settle(pilot)
        assert titles(app) == ["Beta headline 0", "Beta headline 1"]


async def test_configured_feeds_are_counted_off_the_readers_thread_and_follow_marks(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    """A configured query's count is a search's (seconds over 1,000,000 articles): the
    reader shows its last count, or "…", and a worker with its own connection counts it,
    at start and after each mark; the reader's own connection never runs it."""
    config = replace(filled, queries=(QuerySpec("Betas", "beta"),))
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = [" ".join(r.split()) for r in pane_rows(app)]
        assert "» Betas 2" in rows
        screen = main_screen(app)
        screen.sources.highlighted = rows.index("» Betas 2")
        await settle(pilot)
        screen.headlines.focus()
        await pilot.press("m")  # Beta headline 0: read
        await settle(pilot)
        rows = [" ".join(r.split()) for r in pane_rows(app)]
        assert "» Betas 1" in rows and "All 4" in rows
        assert "1 unread / 2" in str(screen.headlines.border_title)
    store.conn.set_trace_callback(None)
    counting = [s for s in statements if "count(*)" in s and "MATCH" in s]
    assert not counting, "a query feed was counted on the reader's connection"
    from suxun_tui.tui.query_feeds import QueryFeed
    from suxun_tui.tui.widgets.source_rows import draw_query

    waiting = QueryFeed("Betas", "beta", None, 0, 0, counted=False)
    assert " ".join(draw_query(waiting, 30, 0, str).plain.split()) == "» Betas …"


def test_one_count_of_the_query_feeds_runs_at_a_time_and_the_last_asked_follows() -> None:
    """A search's count cannot be stopped once started: counts asked for while one runs
    (marks, a refresh's recounts) become one more count after it, of the newest specs."""
    from suxun_tui.tui.screens.background import BackgroundWork

    work = BackgroundWork(None, None)  # type: ignore[arg-type]  # no worker really starts
    started: list[object] = []
    work._run = lambda job, *args, **kwargs: started.append(job.args)  # type: ignore[method-assign, assignment]
    first, second, third = (QuerySpec("a", "x"),), (QuerySpec("a", "y"),), (QuerySpec("a", "z"),)
    work.count_queries(first)
    work.count_queries(second)
    work.count_queries(third)
    assert started == [(first,)]
    work.queries_counted()
    assert started == [(first,), (third,)]
    work.queries_counted()
    assert started == [(first,), (third,)] and not work.counting
