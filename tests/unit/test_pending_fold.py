"""The queued articles' folded text, kept by the connection between searches (and by the
process for the next connection): folded once, folded again when the article changes,
forgotten when it leaves the queue, read through the memo by a connection that cannot
keep it."""

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
    """How many bodies are folded for the queued articles (a list of one counter)."""
    pending_fold._memo.clear()
    counter = [0]
    title, body, author = pending_fold._FOLDERS

    def counted(text: str | None) -> str:
        counter[0] += 1
        return body(text)

    folders: tuple[Callable[[str | None], str], ...] = (title, counted, author)
    monkeypatch.setattr(pending_fold, "_FOLDERS", folders)
    return counter


def test_queued_articles_are_folded_once_and_again_when_changed(
    tmp_path: Path, folds: list[int]
) -> None:
    store = _store(tmp_path, 5)
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


def test_a_new_connection_finds_what_another_folded(tmp_path: Path, folds: list[int]) -> None:
    store = _store(tmp_path, 4)
    assert len(store.search("经济")) == 4
    with Store(store.path) as other:  # as a reader's worker opens one for a job
        assert len(other.search("经济")) == 4
        assert other.query_counts("ai") == (4, 4)
    assert folds[0] == 4


def test_articles_leaving_the_queue_are_forgotten(tmp_path: Path, folds: list[int]) -> None:
    store = _store(tmp_path, 5)
    store.search("经济")
    fill_batch(store.conn, 2)
    assert len(store.search("经济")) == 5
    assert pending_fold.kept(store.conn) == 3 and len(pending_fold._memo) == 9
    fill(store.conn)
    assert len(store.search("经济")) == 5
    assert pending_fold.kept(store.conn) == 0 and not pending_fold._memo
    assert folds[0] == 5


def test_a_connection_that_cannot_keep_them_reads_through_the_memo(
    tmp_path: Path, folds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path, 5)
    monkeypatch.setattr(pending_fold, "_CREATE", "CREATE TEMP TABLE nowhere.t (x)")
    assert len(store.search("经济")) == 5
    assert len(store.search("ai")) == 5
    assert pending_fold.kept(store.conn) == 0
    assert folds[0] == 5


def test_past_the_limit_the_rest_is_folded_each_time(
    tmp_path: Path, folds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pending_fold, "LIMIT", 2)
    store = _store(tmp_path, 5)
    assert len(store.search("经济")) == 5
    with Store(store.path) as other:
        assert len(other.search("ai")) == 5
    assert folds[0] == 5 + 3


def test_a_change_by_another_connection_is_seen(tmp_path: Path, folds: list[int]) -> None:
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
