"""After a refresh — the reader's own, or another process's it notices — the new articles'
folded text is ready before the first search: the reader folds the index's queue as
soon as the refresh ends, and after loading the headlines that show them."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.config import Config
from suxun_tui.store import Store, pending_fold
from suxun_tui.store.index_fill import fill as fill_index
from tests.tui.conftest import SIZE, MakeApp, entries
from tests.tui.helpers import main_screen, settle, titles
from tests.tui.test_refresh import feed_config, write_feed


async def test_the_queue_is_folded_when_a_refresh_ends(
    make_app: MakeApp, tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUXUN_TUI_INDEX_LATER", "1")  # the articles stay queued
    pending_fold.forget(store.conn)
    write_feed(tmp_path, "One", 4)
    app = make_app(feed_config(tmp_path, "One"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(titles(app)) == 4
        queued = store.conn.execute("SELECT count(*) FROM index_queue").fetchone()[0]
        assert queued == 4
        assert pending_fold.kept(store.conn) == 4  # folded, though nothing was searched


async def test_articles_another_process_stored_are_folded_once_seen(
    make_app: MakeApp, store: Store, filled: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUXUN_TUI_INDEX_LATER", "1")
    fill_index(store.conn)
    app = make_app(filled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert pending_fold.kept(store.conn) == 0  # nothing waits for the index
        with Store(store.path) as other:  # as a refresh from cron
            source = other.source_id("Alpha")
            assert source is not None
            other.store_entries(source, entries("Cron", 3, day=29))
        main_screen(app).poll_store()
        await settle(pilot)
        assert len(titles(app)) == 8
        assert pending_fold.kept(store.conn) == 3
