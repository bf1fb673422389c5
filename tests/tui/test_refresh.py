"""Refreshing from the reader, for real: ``file://`` feeds written into tmp_path, no mocks."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from textual.message import Message

from suxun_tui.config import AccountSpec, Config, Settings, SourceSpec
from suxun_tui.models import SourceRow
from suxun_tui.store import Store
from suxun_tui.tui.filters import Catalog, SourceFilter
from suxun_tui.tui.screens import refreshing
from suxun_tui.tui.screens.messages import RefreshFinished, RefreshProgressed
from suxun_tui.tui.widgets.sources import SourcesPane
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import main_screen, notifications, select_source, settle, titles


def feed_config(tmp_path: Path, *names: str) -> Config:
    """Local feeds whose items link to example.org: ``full_text = "never"``, so resting the
    cursor on a headline never tries to fetch a page and add its own notice."""
    sources = tuple(
        SourceSpec(
            name,
            (tmp_path / f"{name.lower()}.xml").as_uri(),
            kind="feed",
            group="Local",
            full_text="never",
        )
        for name in names
    )
    return Config(settings=Settings(full_text="never"), sources=sources)


def write_feed(tmp_path: Path, name: str, count: int, day: int = 1) -> None:
    (tmp_path / f"{name.lower()}.xml").write_text(rss(name, items(count, name, day)), "utf-8")


async def test_local_sources_never_fetched_are_refreshed_at_start(
    make_app: MakeApp, tmp_path: Path, store: Store
) -> None:
    write_feed(tmp_path, "One", 2)
    write_feed(tmp_path, "Two", 3)
    app = make_app(feed_config(tmp_path, "One", "Two"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(titles(app)) == 5
        assert store.counts() == (5, 5)
        assert "Refreshed 2 · 5 new" in main_screen(app).status.activity


async def test_r_refreshes_the_selected_source_and_R_all(
    make_app: MakeApp, tmp_path: Path, store: Store
) -> None:
    write_feed(tmp_path, "One", 1)
    write_feed(tmp_path, "Two", 1)
    app = make_app(feed_config(tmp_path, "One", "Two"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(titles(app)) == 2
        write_feed(tmp_path, "One", 3)
        write_feed(tmp_path, "Two", 4)
        await pilot.press("h", "j", "j", "j")  # All, Starred, Local, One
        assert main_screen(app).selection.label == "One"
        await pilot.press("r")
        await settle(pilot)
        assert sorted(titles(app)) == ["One 0", "One 1", "One 2"]
        assert len(store.headlines()) == 4  # Two was not refreshed
        await pilot.press("R")
        await settle(pilot)
        assert len(store.headlines()) == 7
        await pilot.press("g")
        assert len(titles(app)) == 7
        assert any("Refreshed 2 · 3 new" in n for n in notifications(app))


async def test_offline_refuses_refresh_but_reads_the_cache(
    make_app: MakeApp, tmp_path: Path, store: Store
) -> None:
    sources = (SourceSpec("Web", "https://example.org/feed.xml", kind="feed"),)
    store.sync_sources([(s.name, s.url, s.kind, s.group) for s in sources])
    app = make_app(Config(settings=Settings(), sources=sources), offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.press("R")
        await settle(pilot)
        offline = [n for n in notifications(app) if "Offline" in n]
        assert len(offline) == 2
        assert not main_screen(app).refreshes.running
        assert store.sources()[0].last_attempt is None  # nothing was tried


async def test_a_failing_source_is_marked_with_its_error_and_last_success(
    make_app: MakeApp, tmp_path: Path, store: Store
) -> None:
    write_feed(tmp_path, "Good", 2)
    write_feed(tmp_path, "Flaky", 1)
    app = make_app(feed_config(tmp_path, "Good", "Flaky"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (tmp_path / "flaky.xml").write_text("this is not a feed at all", "utf-8")
        await pilot.press("R")
        await settle(pilot)
        flaky = next(s for s in store.sources() if s.name == "Flaky")
        assert flaky.last_error
        assert any(n.startswith("✗ Flaky") for n in notifications(app))
        pane = main_screen(app).query_one(SourcesPane)
        index = [f.label for f in pane.filters].index("Flaky")
        prompt = str(pane.get_option_at_index(index).prompt)
        assert "✗ Flaky" in prompt
        assert "last ok" in prompt
        await select_source(pilot, "Flaky")  # the status line tells the whole error
        status = str(main_screen(app).status.query_one("#status-left").render())
        assert "Flaky" in status and "last ok" in status
        assert len(titles(app)) == 1  # its cached article is still readable


async def test_a_big_refresh_recounts_at_most_twice_a_second(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recounting unread articles reads the whole cache; once per source froze the screen.

    The throttle's clock is held still, so however slow the machine, the 40 sources'
    progress may trigger one recount, plus the reading anew when the refresh ends (not
    40). While it runs only the counts are read: reading every source anew (names,
    errors) took the screen's thread several times as long, once it ends.
    """
    names = [f"F{i}" for i in range(40)]
    for name in names:
        write_feed(tmp_path, name, 5)
    app = make_app(feed_config(tmp_path, *names))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        reads: list[int] = []
        recounts: list[int] = []
        read, recount = screen.refresh_counts, screen.recount

        def reading() -> None:
            reads.append(1)
            read()

        def recounting() -> None:
            recounts.append(1)
            recount()

        screen.refresh_counts = reading  # type: ignore[method-assign]
        screen.recount = recounting  # type: ignore[method-assign]
        still = time.monotonic() + 3600  # later than any recount the start-up refresh made
        monkeypatch.setattr(refreshing, "time", SimpleNamespace(monotonic=lambda: still))
        for name in names:
            write_feed(tmp_path, name, 6)
        await pilot.press("R")
        await settle(pilot)
        assert len(titles(app)) == 40 * 6
        assert len(recounts) <= 1, f"{len(recounts)} recounts for 40 sources"
        assert len(reads) == 1  # read anew once: when the refresh ended
        assert screen.catalog.sums[("all", None)] == (40 * 6, 40 * 6)


async def test_many_failures_give_one_summary_not_a_toast_each(
    make_app: MakeApp, tmp_path: Path
) -> None:
    names = [f"Bad{i}" for i in range(12)]
    for name in names:
        write_feed(tmp_path, name, 1)
    app = make_app(feed_config(tmp_path, *names))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.clear_notifications()
        for name in names:
            (tmp_path / f"{name.lower()}.xml").write_text("not a feed", "utf-8")
        await pilot.press("R")
        await settle(pilot)
        shown = notifications(app)
        assert len(shown) == 1 and "12 sources failed" in shown[0]
        assert "12 failed" in main_screen(app).status.activity


async def test_refresh_on_start_fetches_web_sources_only_when_asked(
    make_app: MakeApp, store: Store
) -> None:
    with LoopbackServer() as server:
        url = server.add("/feed.xml", rss("Web", items(3, "Web")))
        source = SourceSpec("Web", url, kind="feed")
        quiet = Config(settings=Settings(), sources=(source,))
        async with make_app(quiet).run_test(size=SIZE) as pilot:
            await settle(pilot)
        assert server.hits["/feed.xml"] == 0  # a web source is not fetched unasked
        eager = Config(settings=Settings(refresh_on_start=True), sources=(source,))
        app = make_app(eager)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert server.hits["/feed.xml"] == 1
            assert sorted(titles(app)) == ["Web 0", "Web 1", "Web 2"]


async def test_a_refresh_reports_progress_and_its_report_as_messages(
    make_app: MakeApp, tmp_path: Path
) -> None:
    write_feed(tmp_path, "One", 2)
    write_feed(tmp_path, "Two", 3)
    seen: list[Message] = []
    app = make_app(feed_config(tmp_path, "One", "Two"))
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)  # the start-up refresh of the two local feeds
        reports = [m.report for m in seen if isinstance(m, RefreshFinished)]
        assert len(reports) == 1
        assert sorted((r.name, r.new) for r in reports[0].results) == [("One", 2), ("Two", 3)]
        done = [m.progress for m in seen if isinstance(m, RefreshProgressed) and m.progress.result]
        assert sorted(p.done for p in done) == [1, 2]
        assert main_screen(app).status.activity == "Refreshed 2 · 5 new"


async def test_a_refresh_that_fails_says_so_once_and_can_run_again(
    make_app: MakeApp, tmp_path: Path, store: Store
) -> None:
    write_feed(tmp_path, "One", 1)
    app = make_app(feed_config(tmp_path, "One"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.clear_notifications()
        # The refresh opens the cache with its own connection: make that impossible
        # (the reader's open connection still reads the file it has).
        cache = store.path
        aside = cache.with_name("aside.sqlite3")
        cache.rename(aside)
        cache.mkdir()
        write_feed(tmp_path, "One", 2)
        await pilot.press("R")
        await settle(pilot)
        shown = notifications(app)
        assert len(shown) == 1 and shown[0].startswith("Refresh failed: "), shown
        screen = main_screen(app)
        assert screen.status.activity == "Refresh failed"
        assert not screen.refreshes.running
        assert len(titles(app)) == 1
        cache.rmdir()
        aside.rename(cache)
        await pilot.press("R")
        await settle(pilot)
        assert len(titles(app)) == 2


def test_r_and_shift_r_cover_an_accounts_feeds() -> None:
    """An account's feeds live in the store, not the config: ``r`` on its group and ``R``
    must still name them (an accounts-only config once got "Nothing to refresh here")."""
    config = Config(
        sources=(SourceSpec("Local", "file:///tmp/local.xml", group="Mine"),),
        accounts=(AccountSpec("home", "miniflux", "https://rss.example.org", "me"),),
    )
    catalog = Catalog(
        sources=(
            SourceRow(1, "Local", "file:///tmp/local.xml", "feed", "Mine"),
            SourceRow(2, "home: Go blog", "https://go.dev/blog/feed.atom", "feed", "home/Tech"),
            SourceRow(3, "home: Notes", "https://notes.example.org/rss", "feed", "home"),
        )
    )
    group = SourceFilter("group", "home", group="home")
    assert refreshing.names_for(group, catalog, config) == ["home: Go blog", "home: Notes"]
    source = SourceFilter("source", "home: Go blog", source_id=2)
    assert refreshing.names_for(source, catalog, config) == ["home: Go blog"]
    assert refreshing.names_for(SourceFilter(), catalog, config) == ["Local", "home"]
    accounts_only = Config(accounts=config.accounts)
    assert refreshing.all_names(accounts_only) == ["home"]
