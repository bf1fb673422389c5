"""After a refresh in the reader, the new articles' folded text is ready before the first
search: the reader folds the index's queue as soon as the refresh ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.store import Store, pending_fold
from tests.tui.conftest import SIZE, MakeApp
from tests.tui.helpers import settle, titles
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
