"""``u`` takes back the last mark as one step: all read on a source, a group, a query feed
or All (asked first above the threshold), a read toggle, a star; nothing else changes."""

from __future__ import annotations

from suxun_tui.config import Config, Settings
from suxun_tui.config.model import QuerySpec
from suxun_tui.store import Store
from suxun_tui.tui.screens import marking
from suxun_tui.tui.screens.confirm import Confirm
from tests.tui.conftest import SIZE, MakeApp, entries, fill, two_sources
from tests.tui.helpers import main_screen, notifications, select_source, settle


def unread_titles(store: Store) -> list[str]:
    return sorted(h.title for h in store.headlines(unread_only=True))


def config_with(store: Store, alpha: int, beta: int) -> Config:
    sources = two_sources()
    fill(store, sources, {"Alpha": entries("Alpha", alpha), "Beta": entries("Beta", beta, day=27)})
    query = QuerySpec("Second ones", "headline 1")
    return Config(settings=Settings(full_text="never"), sources=sources, queries=(query,))


async def test_u_brings_back_a_big_all_read_in_one_step(make_app: MakeApp, store: Store) -> None:
    app = make_app(config_with(store, marking.CONFIRM_ABOVE + 5, 2))
    before = unread_titles(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "u undoes it" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert store.counts()[0] == 0
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        await pilot.press("u")
        await pilot.pause()  # (notifications fade after a few seconds: look at once)
        assert any("Undone: 27 articles." in n for n in notifications(app))
        await settle(pilot)
        store.conn.set_trace_callback(None)
        assert unread_titles(store) == before
        # One transaction changed articles, however many (other writes, such as the
        # remembered place, are transactions of their own).
        transactions = "\n".join(statements).split("BEGIN IMMEDIATE")
        assert sum("UPDATE articles" in t for t in transactions) == 1
        screen = main_screen(app)
        assert all(not row.read for row in screen.headlines.rows)  # the list follows
        await pilot.press("u")  # one step only: nothing more to undo
        await pilot.pause()
        assert any("Nothing to undo." in n for n in notifications(app))
        assert unread_titles(store) == before


async def test_u_after_all_read_of_a_source_a_group_and_a_query_feed(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(config_with(store, 3, 2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        alpha = store.source_id("Alpha")
        assert alpha is not None
        store.set_read(store.headlines(source_id=alpha)[-1].id)  # read before: stays read
        before = unread_titles(store)
        for label in ("Alpha", "News", "Second ones"):
            await select_source(pilot, label)
            await settle(pilot)
            marked = [row.title for row in main_screen(app).headlines.rows if not row.read]
            assert marked, label
            await pilot.press("A")
            await settle(pilot)
            assert not isinstance(app.screen, Confirm)
            assert not set(marked) & set(unread_titles(store)), label
            await pilot.press("u")
            await settle(pilot)
            assert unread_titles(store) == before, label


async def test_u_takes_back_a_read_toggle_and_a_star(make_app: MakeApp, store: Store) -> None:
    app = make_app(config_with(store, 2, 1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_source(pilot, "Alpha")
        await settle(pilot)
        main_screen(app).headlines.focus()
        await pilot.press("m")  # read
        await settle(pilot)
        assert unread_titles(store) == ["Alpha headline 1", "Beta headline 0"]
        await pilot.press("u")
        await settle(pilot)
        assert unread_titles(store) == ["Alpha headline 0", "Alpha headline 1", "Beta headline 0"]
        await pilot.press("s")
        await settle(pilot)
        assert [h.title for h in store.headlines(starred_only=True)] == ["Alpha headline 0"]
        await pilot.press("u")
        await settle(pilot)
        assert store.headlines(starred_only=True) == []


async def test_all_read_counts_a_story_from_two_sources_once(
    make_app: MakeApp, store: Store
) -> None:
    """The list shows one headline for one story, so the notice and its undo count one."""
    sources = two_sources()
    shared = entries("Shared", 1)  # the same link in both sources: one story
    fill(store, sources, {"Alpha": entries("Alpha", 2) + shared, "Beta": list(shared)})
    app = make_app(Config(settings=Settings(full_text="never"), sources=sources))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(main_screen(app).headlines.rows) == 3
        await pilot.press("A")
        await pilot.pause()
        assert any("Marked 3 articles read in All." in n for n in notifications(app))
        await pilot.press("u")
        await pilot.pause()
        assert any("Undone: 3 articles." in n for n in notifications(app))
