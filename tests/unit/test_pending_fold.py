"""The queued articles' folded text, kept by the process between searches and connections:
folded once, folded again when the article changes (by this connection or another, or
deleted and its id given to a new one), forgotten when it leaves the queue, folded ahead
of the first search (prefold), trusted by the edit count only in a snapshot that count
cannot be rolled back from, and kept apart for each cache."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store, open_store, pending_fold, pending_page
from suxun_tui.store.index_fill import fill, fill_batch
from suxun_tui.store.index_mark import edits
from suxun_tui.store.schema import MIGRATIONS
from tests.unit.test_index_fill import old_cache


@pytest.fixture(autouse=True)
def _queued(monkeypatch: pytest.MonkeyPatch) -> None:
    """New articles stay queued (a refresh would index them in its own write): this
    module tests the queue's folded text."""
    monkeypatch.setenv("SUXUN_TUI_INDEX_LATER", "1")


def _entry(i: int, title: str | None = None, text: str | None = None) -> FeedEntry:
    body = (Block("paragraph", text if text is not None else f"經濟，第{i}段 ＡＩ"),)
    return FeedEntry(
        f"g{i}", title or f"標題{i}", f"http://x/{i}", f"2025-12-{1 + i:02d}T00:00:00Z", None, body
    )


def _store(path: Path, count: int) -> Store:
    store = open_store(path / "cache.sqlite3" if path.is_dir() else path).store
    store.sync_sources([("s", "http://x", "feed", None)])
    store.store_entries(_sid(store), [_entry(i) for i in range(count)])
    return store


def _sid(store: Store) -> int:
    sid = store.source_id("s")
    assert sid is not None
    return sid


@pytest.fixture
def folds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many bodies are folded for the queued articles (a list of one counter)."""
    pending_fold._kept.clear()
    counter = [0]
    title, body, author = pending_fold._FOLDERS

    def counted(text: str | None) -> str:
        counter[0] += 1
        return body(text)

    folders: tuple[Callable[[str | None], str], ...] = (title, counted, author)
    monkeypatch.setattr(pending_fold, "_FOLDERS", folders)
    return counter


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many stored values the searches handed to the memo (a list of one counter)."""
    counter = [0]
    through = pending_fold.queued_folded

    def counted(kept: pending_fold.Kept, i: int, column: int, stored: str | None) -> str:
        counter[0] += 1
        return through(kept, i, column, stored)

    monkeypatch.setattr(pending_fold, "queued_folded", counted)
    return counter


def test_queued_articles_are_folded_once_and_again_when_changed(
    tmp_path: Path, folds: list[int]
) -> None:
    store = _store(tmp_path, 5)
    assert len(store.search("经济")) == 5
    assert folds[0] == 5 and pending_fold.kept(store.conn) == 5
    assert len(store.search("ai 第3")) == 1 and store.query_counts("标题")[1] == 5
    assert folds[0] == 5
    store.store_entries(_sid(store), [_entry(3, "新題", "")])
    assert [h.title for h in store.search("新题")] == ["新題"]
    assert store.search("第3") == []
    assert folds[0] == 6  # that article's text again, and only it


def test_a_new_connection_takes_the_text_by_id_alone(
    tmp_path: Path, folds: list[int], reads: list[int]
) -> None:
    store = _store(tmp_path, 4)
    assert len(store.search("经济")) == 4
    assert reads[0] == 4 * 3  # title, text and author, read once
    with Store(store.path) as other:  # as a reader's worker opens one for a job
        assert len(other.search("经济")) == 4
        assert other.query_counts("ai") == (4, 4)
    assert folds[0] == 4 and reads[0] == 4 * 3


def test_the_reader_folds_the_queue_before_the_first_search(
    tmp_path: Path, folds: list[int], reads: list[int]
) -> None:
    store = _store(tmp_path, 6)
    assert pending_fold.prefold_cache(store.path) == 6
    assert folds[0] == 6 and pending_fold.kept(store.conn) == 6
    before = reads[0]
    with Store(store.path) as other:
        assert len(other.search("第5段")) == 1
        assert len(other.search("标题")) == 6
    assert folds[0] == 6 and reads[0] == before
    assert pending_fold.prefold_cache(tmp_path / "gone" / "cache.sqlite3") == 0


def test_articles_leaving_the_queue_are_forgotten(tmp_path: Path, folds: list[int]) -> None:
    store = _store(tmp_path, 5)
    store.search("经济")
    fill_batch(store.conn, 2)
    assert len(store.search("经济")) == 5
    pending_fold.prefold(store.conn)
    assert pending_fold.kept(store.conn) == 3
    fill(store.conn)
    assert len(store.search("经济")) == 5
    assert pending_fold.kept(store.conn) == 0
    assert folds[0] == 5


def test_past_the_limit_the_memo_keeps_no_more(
    tmp_path: Path, folds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pending_fold, "LIMIT", 2)
    store = _store(tmp_path, 5)
    assert len(store.search("经济")) == 5
    with Store(store.path) as other:  # the same edit count: all five from the view
        assert len(other.search("ai")) == 5
    assert folds[0] == 5
    held = {key[0] for key in pending_fold.kept_of(store.conn).memo}
    assert len(held) == 2
    outside = next(i for i in range(1, 6) if i not in held)
    with store.transaction() as conn:  # an edit: the view is built again, through the memo
        conn.execute("UPDATE articles SET author = '某人' WHERE id = ?", (outside,))
    assert len(store.search("经济")) == 5
    assert folds[0] == 5 + 5 - 2  # those the memo holds are not folded again


def test_a_change_by_another_connection_is_seen(tmp_path: Path, folds: list[int]) -> None:
    store = _store(tmp_path, 3)
    assert len(store.search("经济")) == 3
    with Store(store.path) as other:
        other.store_entries(_sid(other), [_entry(1, "别的", "")])
    assert len(store.search("经济")) == 2
    assert [h.title for h in store.search("别的")] == ["别的"]
    assert len(store.search("经济")) == 2


def test_an_id_given_again_after_a_deletion_is_folded_again(
    tmp_path: Path, folds: list[int]
) -> None:
    store = _store(tmp_path, 3)
    pending_fold.prefold(store.conn)
    top = int(store.conn.execute("SELECT max(id) FROM articles").fetchone()[0])
    with store.transaction() as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (top,))
    store.store_entries(_sid(store), [_entry(9, "重来", "另一篇")])
    again = int(store.conn.execute("SELECT id FROM articles WHERE guid = 'g9'").fetchone()[0])
    assert again == top  # SQLite gave the deleted article's id to the new one
    assert [h.title for h in store.search("另一篇")] == ["重来"]
    assert len(store.search("经济")) == 2


def test_text_seen_inside_a_write_that_is_rolled_back_is_not_trusted_later(
    tmp_path: Path, folds: list[int]
) -> None:
    store = _store(tmp_path, 2)
    assert len(store.search("经济")) == 2
    before = edits(store.conn)
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("UPDATE articles SET title = '撤回的' WHERE guid = 'g0'")
        assert edits(conn) == before + 1
        assert [h.title for h in store.search("撤回的")] == ["撤回的"]  # rules read so
        raise RuntimeError
    with store.transaction() as conn:  # the same count again, with other text
        conn.execute("UPDATE articles SET title = '留下的' WHERE guid = 'g0'")
    assert edits(store.conn) == before + 1
    with Store(store.path) as other:
        assert other.search("撤回的") == []
        assert [h.title for h in other.search("留下的")] == ["留下的"]


def test_each_cache_has_its_own_memo(tmp_path: Path, folds: list[int]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _store(tmp_path / "a", 2)
    second = _store(tmp_path / "b", 2)
    with second.transaction() as conn:  # the same edit count as the first cache's
        count = edits(first.conn)
        conn.execute("UPDATE index_mark SET edits = ?", (count,))
        conn.execute('UPDATE articles SET body = \'[["paragraph","别处"]]\'')
        conn.execute("UPDATE index_mark SET edits = ?", (count,))
    assert len(first.search("经济")) == 2
    assert second.search("经济") == []
    assert len(second.search("别处")) == 2


def test_a_read_only_connection_reads_through_the_memo(tmp_path: Path, folds: list[int]) -> None:
    store = _store(tmp_path, 3)
    with Store(store.path, read_only=True) as reader:
        assert len(reader.search("经济")) == 3
        assert len(reader.search("ai")) == 3
    assert folds[0] == 3


def test_a_cache_of_the_mark_schema_counts_edits_once_migrated(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    old_cache(path, 11, "标题", 3).close()
    raw = sqlite3.connect(path)
    assert "edits" not in {r[1] for r in raw.execute("PRAGMA table_info(index_mark)")}
    raw.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        start = edits(store.conn)
        with store.transaction() as conn:
            conn.execute("UPDATE articles SET title = '改' WHERE id = 3")  # above the mark
            conn.execute("UPDATE articles SET views = 5 WHERE id = 2")  # not its text
            conn.execute("DELETE FROM articles WHERE id = 1")
        assert edits(store.conn) == start + 2
        assert [h.title for h in store.search("改")] == ["改"]
        assert {r[0] for r in store.conn.execute("SELECT article_id FROM index_stale")} == set()


def test_a_connection_with_another_ones_id_does_not_read_its_view(
    tmp_path: Path, folds: list[int]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _store(tmp_path / "a", 2)
    second = _store(tmp_path / "b", 2)
    with second.transaction() as conn:
        conn.execute('UPDATE articles SET body = \'[["paragraph","别处"]]\'')
    assert len(first.search("经济")) == 2
    # As when a closed connection's id is given to one this module did not register.
    pending_fold._taken[id(second.conn)] = pending_fold._taken[id(first.conn)]
    with second.transaction() as conn:
        conn.execute("UPDATE index_mark SET edits = ?", (edits(first.conn),))
    assert second.search("经济") == []
    assert len(second.search("别处")) == 2


def test_past_the_view_limit_each_search_folds_through_the_memo(
    tmp_path: Path, folds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pending_fold, "VIEW_LIMIT", 3)
    store = _store(tmp_path, 5)
    assert pending_fold.prefold(store.conn) == 0
    assert len(store.search("经济")) == 5 and len(store.search("第4段")) == 1
    assert pending_fold.kept_of(store.conn).view is None
    assert folds[0] == 5  # the memo still serves the stored text it folded
    fill_batch(store.conn, 2)  # three left: a view again
    assert pending_fold.prefold(store.conn) == 3
    assert len(store.search("经济")) == 5
    assert pending_fold.kept_of(store.conn).view is not None


def test_a_search_right_after_a_refresh_folds_only_what_may_match(
    tmp_path: Path, folds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pending_page, "FEW_MISSING", 1)
    monkeypatch.setattr(pending_page, "FIRST_CHUNK", 2)
    store = _store(tmp_path, 0)
    texts = ["经济", "雪", "經濟", "经济", "經濟", "经济"]
    store.store_entries(_sid(store), [_entry(i, "标题", t) for i, t in enumerate(texts)])
    # Only the one article whose stored text holds 雪 is folded.
    assert [h.id for h in store.search("雪")] == [2] and folds[0] == 1
    # The newest page is found in the newest articles: the older ones are not folded.
    assert len(store.search("经济", limit=2)) == 2 and folds[0] == 3
    # The whole answer folds the rest, and no article twice.
    assert len(store.search("经济")) == 5 and folds[0] == 6
