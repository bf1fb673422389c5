"""The reader when the cache cannot take a write: locked by another program, disk full.

Each key press must come back at once with a notice, the reader stays alive, the change
shows and waits, and it is saved when the cache can take it again — nothing is lost.
"""

from __future__ import annotations

from pathlib import Path

from suxun_tui.config import Config, Settings
from suxun_tui.store import Store
from suxun_tui.tui.app import SuxunApp
from tests.support.disk import fill_disk, hold_write_lock, settle_wal, small_disk
from tests.tui.conftest import SIZE, MakeApp, entries, fill, fixed_clock, two_sources
from tests.tui.helpers import main_screen, notifications, settle


def starred_in(path: Path) -> list[str]:
    with Store(path) as fresh:
        return [h.title for h in fresh.headlines(starred_only=True)]


async def test_a_star_while_another_program_holds_the_lock_waits_and_is_saved(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        with hold_write_lock(store.path):
            await pilot.press("s")
            await pilot.pause()
            assert app.is_running
            assert any("locked by another program" in n for n in notifications(app))
            assert screen.headlines.rows[0].starred  # shown as asked
            await pilot.press("j", "m")  # a later mark joins the queue, in order
            screen.poll_store()  # a retry while the lock is still held: still waiting
            assert store.writes.waiting == 2
            screen.reload()  # a reload from the cache keeps showing the waiting marks
            assert screen.headlines.rows[0].starred and screen.headlines.rows[1].read
        assert starred_in(store.path) == []  # not saved while locked
        screen.poll_store()  # the retry after the lock is gone
        await pilot.pause()
        assert store.writes.waiting == 0
        assert starred_in(store.path) == ["Alpha headline 0"]
        assert store.article(screen.headlines.rows[1].id).read  # type: ignore[union-attr]
        assert any("Saved 2 waiting changes" in n for n in notifications(app))


async def test_mark_all_read_while_locked_is_kept_and_unread_after_it_stays_unread(
    make_app: MakeApp, filled: Config, store: Store
) -> None:
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        with hold_write_lock(store.path):
            await pilot.press("A")  # All read
            await pilot.pause()
            assert all(row.read for row in screen.headlines.rows)
            await pilot.press("m")  # the first one unread again, after the mark-all
            assert not screen.headlines.rows[0].read
        screen.poll_store()
        first = screen.headlines.rows[0].id
        assert store.counts() == (1, 5)
        assert not store.article(first).read  # type: ignore[union-attr]


async def test_a_full_disk_is_reported_and_the_star_saved_once_there_is_room(
    tmp_path: Path,
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        store = Store(disk / "cache.sqlite3")
        try:
            sources = two_sources()
            fill(store, sources, {"Alpha": entries("Alpha", 3), "Beta": entries("Beta", 2)})
            config = Config(settings=Settings(), sources=sources)
            app = SuxunApp(config, store, clock=fixed_clock)
            async with app.run_test(size=SIZE) as pilot:
                await settle(pilot)
                screen = main_screen(app)
                settle_wal(store.path)
                filler = fill_disk(disk)
                first = screen.headlines.rows[0].title
                await pilot.press("s")
                await pilot.pause()
                assert app.is_running
                assert any("is full" in n for n in notifications(app)), notifications(app)
                assert screen.headlines.rows[0].starred
                assert starred_in(store.path) == []
                filler.unlink()  # the user frees some space
                screen.poll_store()
                assert store.writes.waiting == 0
                assert starred_in(store.path) == [first]
        finally:
            store.close()
