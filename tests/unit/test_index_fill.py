"""Filling the search index from its queue: a kill at any moment leaves article, queue
and index agreeing (and search exact); a cache from before the queue keeps its index; a
transaction takes chunks of articles until it has run its time, so many short articles
share one (each transaction leaves FTS5 a segment to merge)."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store, index_fill
from suxun_tui.store.db import connect
from suxun_tui.store.index_fill import FIRST_CHUNK, fill, fill_batch, queued
from suxun_tui.store.schema import MIGRATIONS, _run_script
from tests.support.index_later import index_later


@pytest.fixture(autouse=True)
def _queued(monkeypatch: pytest.MonkeyPatch) -> None:
    """New articles wait for the filler (a refresh would index them in its own
    write): this module tests the filler."""
    monkeypatch.setenv("SUXUN_TUI_INDEX_LATER", "1")


def entries(count: int, start: int = 0) -> list[FeedEntry]:
    return [
        FeedEntry(
            f"g{i}",
            f"標題 {i}",
            f"http://x/{i}",
            f"2025-12-{1 + i % 28:02d}T00:00:00Z",
            None,
            (Block("paragraph", f"基層治理第{i}篇。" + "经济发展与城市更新" * 30),),
        )
        for i in range(start, start + count)
    ]


def stored(path: Path, count: int) -> None:
    """``count`` new articles in a new cache, waiting for the index."""
    with Store(path) as store, index_later():
        store.sync_sources([("s", "http://x", "feed", None)])
        source_id = store.source_id("s")
        assert source_id is not None
        store.store_entries(source_id, entries(count))


@contextlib.contextmanager
def filled(path: Path, count: int) -> Iterator[Store]:
    """The cache of :func:`stored` with every article indexed, open."""
    stored(path, count)
    with Store(path) as store:
        fill(store.conn)
        yield store


def consistent(path: Path) -> tuple[set[int], set[int]]:
    """Check the invariants; (articles, indexed and not queued)."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO article_index (article_index) VALUES ('integrity-check')")
        articles = {r[0] for r in conn.execute("SELECT id FROM articles")}
        index = {r[0] for r in conn.execute("SELECT rowid FROM article_index")}
        waiting = {r[0] for r in conn.execute("SELECT article_id FROM index_queue")}
        stale = {r[0] for r in conn.execute("SELECT article_id FROM index_stale")}
        assert articles <= index | waiting and waiting <= articles
        assert index - articles <= stale and not stale & articles
        return articles, index - waiting
    finally:
        conn.close()


def queued_now(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM index_queue").fetchone()[0])
    finally:
        conn.close()


def wait_for_progress(path: Path, below: int) -> None:
    deadline = time.monotonic() + 120
    while queued_now(path) >= below:
        assert time.monotonic() < deadline, "the filler made no progress"
        time.sleep(0.005)


def test_a_filler_killed_at_any_moment_leaves_a_consistent_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    stored(path, 1500)
    rng = random.Random(7)
    progress: list[int] = []
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "suxun_tui.store.index_fill", str(path)],
            start_new_session=True,
        )
        # Killed once it has made progress (a loaded machine starts it late), at a
        # random moment after that.
        wait_for_progress(path, below=queued_now(path))
        time.sleep(rng.uniform(0.0, 0.2))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        articles, indexed = consistent(path)
        progress.append(len(indexed))
        with Store(path) as store:
            assert len(store.search("基层治理")) == len(articles) == 1500
            assert [h.title for h in store.search('"标题 1499"')] == ["標題 1499"]
            assert len(store.search("篇")) == 1500  # one character: vocabulary and scan
    assert progress == sorted(progress) and 0 < progress[0] < 1500, progress
    with Store(path) as store:
        fill(store.conn)
        assert queued(store.conn) == 0
    articles, indexed = consistent(path)
    assert articles == indexed


def test_the_filler_removes_deleted_articles_rows_and_follows_changes(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with filled(path, 30) as store:
        source_id = store.source_id("s")
        assert source_id is not None
        changed = entries(1)[0]
        store.store_entries(source_id, [dataclasses.replace(changed, title="新标题")])
        with store.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE guid IN ('g1', 'g2')")
        assert [h.title for h in store.search("新标题")] == ["新标题"]
        assert store.search('"标题 0"') == []  # its index row is stale until filled
        assert len(store.search("基层治理")) == 28
        assert queued(store.conn) == 3
        fill(store.conn)
        assert queued(store.conn) == 0
        assert [h.title for h in store.search("新标题")] == ["新标题"]
        assert len(store.search("基层治理")) == 28
    articles, indexed = consistent(path)
    assert articles == indexed


def old_cache(path: Path, version: int, title: str, count: int) -> sqlite3.Connection:
    """A cache at schema ``version`` (migrated step by step as that version was), with one
    source and ``count`` articles titled ``title`` and their number, written through that
    version's triggers; the connection is left open for more of that version's writes."""
    conn = connect(path)
    for step, script in enumerate(MIGRATIONS[:version], start=1):
        if callable(script):
            script(conn, None)
        else:
            _run_script(conn, script)
        conn.execute(f"PRAGMA user_version = {step}")
    conn.execute("INSERT INTO sources (id, name, url) VALUES (1, '新華網', 'http://x')")
    conn.executemany(
        "INSERT INTO articles (source_id, guid, title, published, first_seen, body)"
        " VALUES (1, ?, ?, '2025-12-01T00:00:00Z', '2025-12-01T00:00:00Z', ?)",
        [(f"g{i}", f"{title} {i}", f'[["paragraph","基層治理第{i}篇"]]') for i in range(count)],
    )
    return conn


def queue_free_cache(path: Path, count: int) -> None:
    """A cache at the last version before the queue, written as that version did (its
    triggers indexed every article in the write)."""
    old_cache(path, 8, "舊標題", count).close()


def test_a_cache_from_before_the_queue_keeps_its_index_and_queues_new_writes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache.sqlite3"
    queue_free_cache(path, 40)
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert queued(store.conn) == 0  # the old triggers had indexed everything
        assert store.conn.execute("SELECT count(*) FROM article_index").fetchone()[0] == 40
        assert len(store.search("基层治理")) == 40
        store.store_entries(1, entries(2, start=100))
        assert queued(store.conn) == 2
        assert len(store.search("基层治理")) == 42
        with store.transaction() as conn:
            conn.execute("UPDATE sources SET name = '人民网' WHERE id = 1")
        assert queued(store.conn) == 42  # the source's name is indexed with each article
        fill(store.conn)
        assert len(store.search("基层治理")) == 42
        assert len(store.search("source:人民网")) == 42
    articles, indexed = consistent(path)
    assert articles == indexed


def commits_of(conn: sqlite3.Connection) -> list[str]:
    """The COMMIT statements ``conn`` runs from now on (each one a transaction of its own)."""
    seen: list[str] = []
    conn.set_trace_callback(lambda sql: seen.append(sql) if sql == "COMMIT" else None)
    return seen


def paced(conn: sqlite3.Connection, seconds_each: float) -> Callable[[], float]:
    """A clock by which each article indexed on ``conn`` takes ``seconds_each``."""

    def clock() -> float:
        rows = conn.execute("SELECT count(*) FROM article_index_docsize").fetchone()[0]
        return float(rows) * seconds_each

    return clock


def test_a_transaction_takes_what_fits_in_its_time_at_the_pace_so_far(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    stored(path, 450)
    with Store(path) as store:
        commits = commits_of(store.conn)
        clock = paced(store.conn, 0.01)
        # 10 first (0.1 s), then what 80 % of the time left takes at that pace, and so
        # on while at least one more fits: 99 articles, 0.99 s.
        assert fill_batch(store.conn, 1000, seconds=1.0, clock=clock) == 99
        assert fill_batch(store.conn, 120, seconds=1000.0, clock=clock) == 120  # the limit
        # Long articles: the first chunk alone outlasts the time, and is all it takes.
        slow = paced(store.conn, 0.5)
        assert fill_batch(store.conn, 1000, seconds=1.0, clock=slow) == FIRST_CHUNK
        assert fill_batch(store.conn, 1000) == 450 - 99 - 120 - FIRST_CHUNK  # no time bound
        assert len(commits) == 4
    articles, indexed = consistent(path)
    assert articles == indexed


def test_each_transaction_takes_twice_the_last_while_they_fit_their_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cache.sqlite3"
    stored(path, 450)
    monkeypatch.setattr(index_fill, "TRANSACTION_SECONDS", 3600.0)
    sizes: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> int:
        sizes.append(fill_batch(*args, **kwargs))
        return sizes[-1]

    monkeypatch.setattr(index_fill, "fill_batch", counted)
    with Store(path) as store:
        assert fill(store.conn) == 450
        assert sizes == [10, 20, 40, 80, 160, 140, 0]  # many short articles a transaction
        assert len(store.search("基层治理")) == 450
    articles, indexed = consistent(path)
    assert articles == indexed


def data_rows(conn: sqlite3.Connection, table: str) -> int:
    """How many rows FTS5 keeps for ``table``'s index: more segments, more rows."""
    return int(conn.execute(f"SELECT count(*) FROM {table}_data").fetchone()[0])


def test_a_transaction_writes_its_articles_as_one_segment(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    stored(path, 300)
    with Store(path) as store:
        # The same rows, inserted in one statement in ascending order: one segment.
        store.conn.execute(
            "CREATE VIRTUAL TABLE reference USING fts5(title, text, author, source,"
            " tokenize = 'trigram case_sensitive 1', detail = 'full')"
        )
        assert fill_batch(store.conn, 1000, seconds=3600.0) == 300  # in several chunks
        store.conn.execute(
            "INSERT INTO reference (rowid, title, text, author, source)"
            " SELECT rowid, title, text, author, source FROM article_index ORDER BY rowid"
        )
        assert data_rows(store.conn, "article_index") == data_rows(store.conn, "reference")
