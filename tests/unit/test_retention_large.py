"""A ``gc`` that removes a large share of the cache: the search index is cleared by
copying in the same run and the file shrinks; the batches leave tags, counts and marks
right; stopped at any of its transactions, the cache stays consistent and the next
``gc`` finishes the work."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from suxun_tui.store import Store, retention
from suxun_tui.store.index_fill import fill
from suxun_tui.store.index_rebuild import rebuilding
from suxun_tui.store.retention import Policy, Transaction, collect, delete
from tests.unit.test_index_fill import consistent, stored

NOW = datetime(2026, 3, 1, tzinfo=UTC)
KEEP = 300  # max_articles: the newest 300 of 1,200 stay, with the starred and marked ones


class Stopped(Exception):
    """Stands for a kill: the transaction it leaves is rolled back, as after a kill."""


def prepared(path: Path) -> tuple[int, int, int]:
    """1,200 indexed articles of one source; (a starred old one, an old one with a mark
    waiting for a server, an old tagged one). Article ids follow their age."""
    stored(path, 1200)
    with Store(path) as store:
        fill(store.conn)
        conn = store.conn
        ids = [int(r[0]) for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        starred, marked, tagged = ids[1], ids[2], ids[3]
        with store.transaction() as tx:
            # Newest last: published in id order, so the lowest ids are the oldest.
            tx.execute(
                "UPDATE articles SET published = printf('2025-01-01T00:%02d:%02dZ',"
                " id / 60, id % 60), first_seen = published"
            )
            tx.execute("UPDATE articles SET starred = 1 WHERE id = ?", (starred,))
            tx.execute(
                "INSERT INTO pending_changes (article_id, field, value, changed)"
                " VALUES (?, 'read', 1, '2026-01-01T00:00:00Z')",
                (marked,),
            )
            tx.executemany(
                "INSERT INTO article_tags (article_id, tag) VALUES (?, 'x')",
                [(tagged,), (ids[-1],)],
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return starred, marked, tagged


def run_gc(store: Store, path: Path, transaction: Transaction | None = None) -> retention.GcReport:
    return collect(
        store.conn,
        transaction or store.transaction,
        {"s": Policy(keep_days=0, max_articles=KEEP)},
        NOW,
        path=path,
        rebuild_min=100,
    )


def settled(path: Path, starred: int, marked: int) -> None:
    """Consistent, with the kept articles, their tags and the counts right."""
    consistent(path)
    conn = sqlite3.connect(path)
    try:
        ids = {int(r[0]) for r in conn.execute("SELECT id FROM articles")}
        assert {starred, marked} <= ids
        tags = {int(r[0]) for r in conn.execute("SELECT article_id FROM article_tags")}
        assert tags <= ids
        counted = conn.execute("SELECT total, unread FROM source_counts").fetchall()
        recount = conn.execute("SELECT count(*), sum(read = 0) FROM articles").fetchall()
        assert counted == recount
    finally:
        conn.close()


def test_a_large_removal_copies_the_index_and_shrinks_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retention, "VACUUM_MIN_PAGES", 64)  # a small cache shrinks too
    path = tmp_path / "cache.sqlite3"
    starred, marked, tagged = prepared(path)
    with Store(path) as store:
        report = run_gc(store, path)
        conn = store.conn
        assert report.removed == 1200 - KEEP - 2 and report.index_copied and report.vacuumed
        assert report.bytes_after < report.bytes_before / 2
        assert not rebuilding(conn)
        assert conn.execute("SELECT count(*) FROM index_stale").fetchone()[0] == 0
        # The connection's own settings are as before the collection.
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == -2000
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        secure = sqlite3.connect(":memory:").execute("PRAGMA secure_delete").fetchone()[0]
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == secure
        assert len(store.search("基层治理")) == KEEP + 2
        assert store.search('"標題 3"') == []  # tagged, old: removed, and its tag with it
    settled(path, starred, marked)
    articles, indexed = consistent(path)
    assert articles == indexed and tagged not in articles


def test_an_article_starred_or_marked_after_it_was_chosen_stays(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    starred, marked, tagged = prepared(path)
    with Store(path) as store:
        removed = delete(store.conn, store.transaction, [starred, marked, tagged])
        assert removed == 1
    settled(path, starred, marked)


def test_a_gc_stopped_at_any_transaction_leaves_a_consistent_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small steps, so the removal and the copy take several transactions each.
    monkeypatch.setattr(retention, "BATCH", 200)
    monkeypatch.setattr(retention, "COPY_FIRST", 150)
    monkeypatch.setattr(retention, "COPY_MOST", 150)
    original = tmp_path / "original.sqlite3"
    starred, marked, _ = prepared(original)
    path = tmp_path / "cache.sqlite3"
    seen_copy = False
    stop = 1
    while True:
        shutil.copyfile(original, path)
        with Store(path) as store:
            done = 0

            @contextlib.contextmanager
            def stopping(store: Store = store, at: int = stop) -> Iterator[sqlite3.Connection]:
                nonlocal done
                with store.transaction() as conn:
                    yield conn
                    done += 1
                    if done == at:
                        raise Stopped

            try:
                run_gc(store, path, stopping)
            except Stopped:
                seen_copy = seen_copy or rebuilding(store.conn)
            else:
                break  # fewer transactions than ``stop``: every stop has been tried
        settled(path, starred, marked)
        with Store(path) as store:  # the next gc goes on from there and finishes
            run_gc(store, path)
            assert not rebuilding(store.conn)
        settled(path, starred, marked)
        articles, indexed = consistent(path)
        assert articles == indexed and len(articles) == KEEP + 2
        stop += 1
    assert seen_copy and stop > 10, stop


def test_a_reference_that_is_not_a_cascade_keeps_the_foreign_keys_on(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    starred, marked, tagged = prepared(path)
    with Store(path) as store:
        with store.transaction() as tx:
            tx.execute(
                "CREATE TABLE notes (id INTEGER PRIMARY KEY,"
                " article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL)"
            )
            tx.execute("INSERT INTO notes (article_id) VALUES (?)", (tagged,))
        assert delete(store.conn, store.transaction, [tagged]) == 1
        note = store.conn.execute("SELECT article_id FROM notes").fetchone()
        assert note == (None,)
        tags = store.conn.execute(
            "SELECT count(*) FROM article_tags WHERE article_id = ?", (tagged,)
        )
        assert tags.fetchone()[0] == 0
    settled(path, starred, marked)
