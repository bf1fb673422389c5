"""A refresh's write indexes its new articles in its own transaction: the index rows
commit with the articles (or roll back with them), the mark rises over them, and when
articles were already waiting the write leaves its own waiting too, for the filler."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from suxun_tui.store import Store
from suxun_tui.store.articles import article_row
from suxun_tui.store.index_fill import fill, queued, start_filling
from suxun_tui.store.source_writes import SourceRows
from tests.support.index_later import index_later
from tests.unit.test_index_fill import consistent, entries


@pytest.fixture(autouse=True)
def _indexed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUXUN_TUI_INDEX_LATER", raising=False)


def mark(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT upto FROM index_mark").fetchone()[0])


def new_store(path: Path, *names: str) -> Store:
    store = Store(path)
    store.sync_sources([(n, f"http://x/{n}", "feed", None) for n in names or ("s",)])
    return store


def test_a_write_into_a_clear_cache_indexes_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with new_store(path) as store:
        source = store.source_id("s")
        assert source is not None
        store.store_entries(source, entries(30))
        assert mark(store.conn) == 30 and queued(store.conn) == 0
        assert len(store.search("基层治理")) == 30
        assert len(store.search('"标题 7"')) == 1
    articles, ready = consistent(path)  # ready: indexed and not waiting
    assert len(articles) == 30 and ready == articles
    assert start_filling(path) is None  # nothing left for a background process


def test_a_write_after_articles_already_waiting_leaves_its_own_waiting(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with new_store(path) as store:
        source = store.source_id("s")
        assert source is not None
        with index_later():
            store.store_entries(source, entries(5))
        store.store_entries(source, entries(4, start=100))
        assert mark(store.conn) == 0 and queued(store.conn) == 9
        assert len(store.search("基层治理")) == 9  # the queued scan finds them all
        fill(store.conn)
        store.store_entries(source, entries(3, start=200))
        assert mark(store.conn) == 12 and queued(store.conn) == 0
        assert len(store.search("基层治理")) == 12
    articles, ready = consistent(path)
    assert len(articles) == 12 and ready == articles


def test_a_batch_of_sources_is_indexed_with_each_sources_name(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with new_store(path, "新闻", "科技") as store:
        ids = [store.source_id("新闻"), store.source_id("科技")]
        batch = [
            SourceRows(sid or 0, [article_row(e) for e in entries(3, start=10 * k)])
            for k, sid in enumerate(ids)
        ]
        counts = store.store_sources(batch)
        assert [c.new for c in counts] == [3, 3]
        names = {
            r[0] for r in store.conn.execute("SELECT c3 FROM article_index_content ORDER BY id")
        }
        assert names == {"新闻\x1f\x1f", "科技\x1f\x1f"}
        assert mark(store.conn) == 6 and queued(store.conn) == 0
    consistent(path)


def test_an_index_write_that_fails_stores_nothing_of_the_batch(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with new_store(path) as store:
        source = store.source_id("s")
        assert source is not None
        store.store_entries(source, entries(2))
        store.conn.execute(
            "CREATE TEMP TRIGGER full_index BEFORE INSERT ON article_index_content"
            " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
        with pytest.raises(sqlite3.Error):
            store.store_entries(source, entries(3, start=50))
        store.conn.execute("DROP TRIGGER full_index")
        count = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert count == 2 and mark(store.conn) == 2 and queued(store.conn) == 0
        store.store_entries(source, entries(3, start=50))  # the next refresh stores them
        assert mark(store.conn) == 5 and len(store.search("基层治理")) == 5
    consistent(path)


def test_index_later_leaves_a_refresh_s_articles_for_the_filler(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with new_store(path) as store, index_later():
        source = store.source_id("s")
        assert source is not None
        store.store_entries(source, entries(4))
        assert mark(store.conn) == 0 and queued(store.conn) == 4
    consistent(path)
