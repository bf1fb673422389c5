"""New articles wait for the search index past a mark, not a queue row each: a write of
new articles lists nothing, and through any mix of inserts (ids given again after a
deletion, ids chosen by hand), changes, deletions, renames and partial fills the index
stays in step — every article not waiting has an index row of its current text — and a
cache of the row-queue schema keeps what its queue held."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from suxun_tui.store import SchemaMismatch, Store
from suxun_tui.store.db import connect
from suxun_tui.store.fts import index_body, index_value
from suxun_tui.store.index_fill import fill, fill_batch, queued, start_filling
from suxun_tui.store.index_mark import claim, not_waiting
from suxun_tui.store.schema import MIGRATIONS
from tests.support.index_later import index_later
from tests.unit.test_index_fill import consistent, entries, filled, old_cache, stored


def mark(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT upto FROM index_mark").fetchone()[0])


def listed(conn: sqlite3.Connection) -> set[int]:
    return {int(r[0]) for r in conn.execute("SELECT article_id FROM index_changed")}


def in_step(path: Path) -> None:
    """The invariants of index_mark, and every index row of an article not waiting holds
    that article's current folded text."""
    consistent(path)
    conn = connect(path)
    try:
        upto = mark(conn)
        waiting = {int(r[0]) for r in conn.execute("SELECT article_id FROM index_queue")}
        rows = conn.execute("SELECT article_id FROM index_queue").fetchall()
        assert len(rows) == len(waiting)  # each article once
        ready = {
            int(r[0]) for r in conn.execute(f"SELECT id FROM articles a WHERE {not_waiting()}")
        }
        every = {int(r[0]) for r in conn.execute("SELECT id FROM articles")}
        assert ready == every - waiting  # search's test agrees with the view
        for table in ("article_index", "index_stale"):
            column = "rowid" if table == "article_index" else "article_id"
            top = conn.execute(f"SELECT max({column}) FROM {table}").fetchone()[0]
            assert top is None or top <= upto, table
        assert all(i <= upto for i in listed(conn))
        current = conn.execute(
            "SELECT a.id, a.title, a.body, a.author, s.name FROM articles a"
            " JOIN sources s ON s.id = a.source_id"
        ).fetchall()
        index = {
            int(r[0]): tuple(r[1:])
            for r in conn.execute("SELECT rowid, title, text, author, source FROM article_index")
        }
        for id_, title, body, author, source in current:
            if id_ not in waiting:
                expected = (
                    index_value(title),
                    index_body(body),
                    index_value(author),
                    index_value(source),
                )
                assert index[id_] == expected, id_
    finally:
        conn.close()


def test_new_articles_wait_past_the_mark_without_a_row_each(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    stored(path, 300)
    with Store(path) as store:
        assert mark(store.conn) == 0 and listed(store.conn) == set()
        assert queued(store.conn) == 300
        assert len(store.search("基层治理")) == 300  # the pending scan finds them
        assert fill_batch(store.conn, 20) == 20  # claims every new id, indexes 20 of them
        assert mark(store.conn) == 300 and len(listed(store.conn)) == 280
        fill(store.conn)
        assert queued(store.conn) == 0 and listed(store.conn) == set()
        with index_later():
            store.store_entries(1, entries(5, start=1000))
        assert mark(store.conn) == 300 and listed(store.conn) == set()
        assert queued(store.conn) == 5
        assert len(store.search("基层治理")) == 305
        fill(store.conn)
        # A refresh's write with nothing waiting indexes its articles and raises the mark.
        store.store_entries(1, entries(7, start=2000))
        assert mark(store.conn) == 312 and listed(store.conn) == set()
        assert queued(store.conn) == 0
        assert len(store.search("基层治理")) == 312
    in_step(path)


def test_a_claim_takes_a_bounded_run_of_ids(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    stored(path, 25)
    with Store(path) as store, store.transaction() as conn:
        assert claim(conn, limit=10) == 10 and mark(conn) == 10
        assert claim(conn, limit=10) == 10 and mark(conn) == 20
        assert claim(conn, limit=10) == 5 and mark(conn) == 25
        assert claim(conn, limit=10) == 0 and mark(conn) == 25
        assert listed(conn) == set(range(1, 26))
    in_step(path)


def test_an_id_given_again_after_a_deletion_is_indexed_anew(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with filled(path, 10) as store:
        with store.transaction() as conn:
            top = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
            conn.execute("DELETE FROM articles WHERE id = ?", (top,))
        assert store.search('"标题 9"') == []
        store.store_entries(1, entries(1, start=500))
        (again,) = store.search('"标题 500"')
        assert again.id == top  # SQLite gave the deleted article's id to the new one
        assert listed(store.conn) == {top}
        assert store.search('"标题 9"') == []  # the old row under that id is not read
        in_step(path)
        fill(store.conn)
        assert [h.id for h in store.search('"标题 500"')] == [top]
        assert store.search('"标题 9"') == []
    in_step(path)


def test_an_id_chosen_below_the_mark_is_queued(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with filled(path, 10) as store:
        with store.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE id = 3")
        fill(store.conn)  # the stale row is removed, the stale list emptied
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO articles (id, source_id, guid, title, published, first_seen)"
                " VALUES (3, 1, 'hand', '手工标题', '2025-12-01', '2025-12-01')"
            )
        assert listed(store.conn) == {3}
        assert [h.id for h in store.search("手工标题")] == [3]
        fill(store.conn)
        assert [h.id for h in store.search("手工标题")] == [3]
    in_step(path)


def test_any_mix_of_writes_and_partial_fills_keeps_the_index_in_step(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    stored(path, 40)
    rng = random.Random(13)
    with Store(path) as store:
        store.sync_sources([("s", "http://x", "feed", None), ("t", "http://y", "feed", None)])
        sources = (store.source_id("s"), store.source_id("t"))
        next_guid = 100
        for step in range(120):
            action = rng.choice(
                ("insert", "store", "update", "delete", "delete top", "rename", "fill")
            )
            if action == "store":  # a refresh's write: indexed in it when nothing waits
                source = rng.choice(sources)
                assert source is not None
                fresh = entries(rng.randint(1, 4), start=next_guid)
                next_guid += len(fresh)
                if rng.random() < 0.3:
                    with index_later():
                        store.store_entries(source, fresh)
                else:
                    store.store_entries(source, fresh)
            with store.transaction() as conn:
                ids = [int(r[0]) for r in conn.execute("SELECT id FROM articles ORDER BY id")]
                if action == "store":
                    pass
                elif action == "insert" or not ids:
                    source = rng.choice(sources)
                    count = rng.randint(1, 4)
                    conn.executemany(
                        "INSERT INTO articles (source_id, guid, title, published, first_seen,"
                        " body) VALUES (?, ?, ?, '2025-12-01', '2025-12-01', ?)",
                        [
                            (
                                source,
                                f"n{next_guid + k}",
                                f"新文{next_guid + k}",
                                '[["paragraph","基层"]]',
                            )
                            for k in range(count)
                        ],
                    )
                    next_guid += count
                elif action == "update":
                    conn.execute(
                        "UPDATE articles SET title = ?, author = ? WHERE id = ?",
                        (f"改{step}", rng.choice((None, "作者")), rng.choice(ids)),
                    )
                elif action == "delete":
                    conn.execute("DELETE FROM articles WHERE id = ?", (rng.choice(ids),))
                elif action == "delete top":
                    conn.execute("DELETE FROM articles WHERE id = ?", (ids[-1],))
                elif action == "rename":
                    conn.execute(
                        "UPDATE sources SET name = ? WHERE id = ?",
                        (f"源{step}", rng.choice(sources)),
                    )
            if action == "fill":
                for _ in range(rng.randint(1, 3)):
                    fill_batch(store.conn, rng.randint(1, 8))
            in_step(path)
            titles = {r[0] for r in store.conn.execute("SELECT title FROM articles")}
            found = {h.title for h in store.search("基层")}
            assert found == titles, step
            assert len(store.search("基层")) == len(titles)
        fill(store.conn)
        assert queued(store.conn) == 0
    in_step(path)


def row_queue_cache(path: Path) -> None:
    """A cache at the last version of the row queue (10), with queued and stale ids."""
    conn = old_cache(path, 10, "標題", 30)
    # Indexed as that version's filler did: every row written, the queue emptied.
    conn.execute(
        "INSERT INTO article_index (rowid, title, text, author, source)"
        " SELECT a.id, suxun_index(a.title), suxun_index_body(a.body), suxun_index(a.author),"
        " suxun_index(s.name) FROM articles a JOIN sources s ON s.id = a.source_id"
    )
    conn.execute("DELETE FROM index_queue")
    conn.execute("UPDATE articles SET title = '改过' WHERE id = 4")
    conn.execute("DELETE FROM articles WHERE id IN (7, 30)")  # 30: the largest id
    conn.close()


def test_a_row_queue_cache_keeps_its_queue_and_stale_list(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    row_queue_cache(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 10
    assert {r[0] for r in raw.execute("SELECT article_id FROM index_queue")} == {4}
    assert {r[0] for r in raw.execute("SELECT article_id FROM index_stale")} == {7, 30}
    raw.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert mark(store.conn) == 30  # over every article and every stale id
        assert listed(store.conn) == {4} and queued(store.conn) == 3
        assert [h.title for h in store.search("改过")] == ["改过"]
        assert len(store.search("基层治理")) == 28
        store.store_entries(1, entries(1, start=900))  # takes id 30 again
        assert listed(store.conn) == {4, 30}
        in_step(path)
        fill(store.conn)
        assert queued(store.conn) == 0
        assert len(store.search("基层治理")) == 29
        assert store.search('"标题 29"') == []
    in_step(path)


def test_a_cache_without_the_queue_view_is_a_damaged_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    stored(path, 3)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP VIEW index_queue")
    with pytest.raises(SchemaMismatch, match="'index_queue' is missing"):
        Store(path)


def test_the_background_filler_starts_for_new_articles_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SUXUN_TUI_INDEX_LATER", raising=False)
    path = tmp_path / "cache.sqlite3"
    stored(path, 12)  # past the mark, nothing listed
    proc = start_filling(path)
    assert proc is not None
    assert proc.wait(timeout=120) == 0
    with Store(path) as store:
        assert queued(store.conn) == 0 and mark(store.conn) == 12
        assert start_filling(path) is None  # nothing waits
    in_step(path)
