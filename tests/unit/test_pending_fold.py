"""The queued articles' folded text, kept between searches: folded once, folded again when
the article changes, forgotten when it leaves the queue, bounded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store, open_store, pending_fold
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


@pytest.fixture
def folds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many texts the pending part folds (a list of one counter)."""
    pending_fold.keep_only(())
    counter = [0]

    def counted(fold: Callable[[str | None], str]) -> Callable[[str | None], str]:
        def call(text: str | None) -> str:
            counter[0] += 1
            return fold(text)

        return call

    monkeypatch.setattr(pending_fold, "_FOLDERS", tuple(map(counted, pending_fold._FOLDERS)))
    return counter


def test_queued_articles_are_folded_once_and_again_when_changed(
    tmp_path: Path, folds: list[int]
) -> None:
    store = _store(tmp_path, 5)
    assert len(store.search("经济")) == 5
    assert folds[0] == 15  # title, text and author of each
    assert len(store.search("ai 第3")) == 1 and store.query_counts("标题")[1] == 5
    assert folds[0] == 15
    sid = store.source_id("s")
    assert sid is not None
    changed = FeedEntry("g3", "新題", "http://x/3", "2025-12-04T00:00:00Z", None, ())
    store.store_entries(sid, [changed])
    assert [h.title for h in store.search("新题")] == ["新題"]
    assert store.search("第3") == []
    assert folds[0] == 17  # its title and body again (the author is the same)


def test_articles_leaving_the_queue_are_forgotten(tmp_path: Path, folds: list[int]) -> None:
    store = _store(tmp_path, 5)
    store.search("经济")
    assert pending_fold.kept() == 5
    fill_batch(store.conn, 2)
    assert len(store.search("经济")) == 5
    assert pending_fold.kept() == 3
    fill(store.conn)
    assert len(store.search("经济")) == 5
    assert pending_fold.kept() == 0
    assert folds[0] == 15


def test_past_the_limit_the_rest_is_folded_each_time(
    tmp_path: Path, folds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pending_fold, "LIMIT", 2)
    store = _store(tmp_path, 5)
    assert len(store.search("经济")) == 5
    assert pending_fold.kept() == 2
    assert len(store.search("ai")) == 5
    assert folds[0] == 15 + 9
