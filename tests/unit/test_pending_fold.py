"""The queued articles' folded text, kept by the connection between searches: folded once,
folded again when the article changes, forgotten when it leaves the queue, and folded at
each search by a connection that cannot keep it."""

from __future__ import annotations

from pathlib import Path

import pytest

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store, open_store, pending_fold
from suxun_tui.store.fts import index_body
from suxun_tui.store.index_fill import fill, fill_batch


def _store(path: Path, count: int) -> Store:
    store = open_store(path).store
    store.sync_sources([("s", "http://x", "feed", None)])
    sid = store.source_id("s")
    assert sid is not None
    store.store_entries(
        sid,
        [
            FeedEntry(
                f"g{i}",
                f"標題{i}",
                f"http://x/{i}",
                f"2025-12-{1 + i:02d}T00:00:00Z",
                None,
                (Block("paragraph", f"經濟，第{i}段 ＡＩ"),),
            )
            for i in range(count)
        ],
    )
    return store


def _counted(store: Store) -> list[int]:
    """How many bodies the connection folds from now on (a list of one counter)."""
    counter = [0]

    def body(text: str | None) -> str:
        counter[0] += 1
        return index_body(text)

    store.conn.create_function("suxun_index_body", 1, body, deterministic=True)
    return counter


def test_queued_articles_are_folded_once_and_again_when_changed(tmp_path: Path) -> None:
    store = _store(tmp_path, 5)
    folds = _counted(store)
    assert len(store.search("经济")) == 5
    assert folds[0] == 5 and pending_fold.kept(store.conn) == 5
    assert len(store.search("ai 第3")) == 1 and store.query_counts("标题")[1] == 5
    assert folds[0] == 5
    sid = store.source_id("s")
    assert sid is not None
    changed = FeedEntry("g3", "新題", "http://x/3", "2025-12-04T00:00:00Z", None, ())
    store.store_entries(sid, [changed])
    assert [h.title for h in store.search("新题")] == ["新題"]
    assert store.search("第3") == []
    assert folds[0] == 6  # that article's text again, and only it


def test_articles_leaving_the_queue_are_forgotten(tmp_path: Path) -> None:
    store = _store(tmp_path, 5)
    folds = _counted(store)
    store.search("经济")
    fill_batch(store.conn, 2)
    assert len(store.search("经济")) == 5
    assert pending_fold.kept(store.conn) == 3
    fill(store.conn)
    assert len(store.search("经济")) == 5
    assert pending_fold.kept(store.conn) == 0
    assert folds[0] == 5


def test_a_connection_that_cannot_keep_them_folds_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path, 5)
    folds = _counted(store)
    monkeypatch.setattr(pending_fold, "_CREATE", "CREATE TEMP TABLE nowhere.t (x)")
    assert len(store.search("经济")) == 5
    assert len(store.search("ai")) == 5
    assert folds[0] == 10


def test_a_change_by_another_connection_is_seen(tmp_path: Path) -> None:
    store = _store(tmp_path, 3)
    assert len(store.search("经济")) == 3
    other = Store(store.path)
    sid = other.source_id("s")
    assert sid is not None
    changed = FeedEntry("g1", "别的", "http://x/1", "2025-12-02T00:00:00Z", None, ())
    other.store_entries(sid, [changed])
    other.close()
    assert len(store.search("经济")) == 2
    assert [h.title for h in store.search("别的")] == ["别的"]
    assert len(store.search("经济")) == 2  # nothing changed since: the kept text as it is
