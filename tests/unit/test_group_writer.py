"""Changed sources waiting to be stored share one commit; a failing one fails alone."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from suxun_tui.refresh import group_writer
from suxun_tui.refresh.group_writer import GroupWriter
from suxun_tui.refresh.running import Database
from suxun_tui.store import DB_NAME, SourceUpdate, Store, UpdateCounts
from suxun_tui.store.articles import ArticleRow
from suxun_tui.store.index_fill import fill
from suxun_tui.store.source_writes import SourceRows


def _rows(source: int, count: int) -> list[ArticleRow]:
    return [
        (f"s{source}-{i}", f"http://example.org/{source}/{i}", f"标题 {source} {i}")
        + ("2025-01-01T00:00:00Z", None, '[["paragraph","正文"]]', 0, f"hash{source}-{i}")
        for i in range(count)
    ]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[tuple[Path, list[int]]]:
    path = tmp_path / DB_NAME
    with Store(path) as store:
        store.sync_sources([(f"S{i}", f"http://example.org/{i}.xml", None, None) for i in range(4)])
        ids = [store.source_id(f"S{i}") for i in range(4)]
    yield path, [i for i in ids if i is not None]


def _commits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    commits: list[int] = []
    opened = Store.transaction

    @contextlib.contextmanager
    def counted(self: Store) -> Iterator[sqlite3.Connection]:
        with opened(self) as conn:
            yield conn
        commits.append(1)

    monkeypatch.setattr(Store, "transaction", counted)
    return commits


def _store_all(path: Path, jobs: list[SourceRows]) -> list[UpdateCounts | BaseException]:
    async def main() -> list[UpdateCounts | BaseException]:
        db = Database(path)
        try:
            writer = GroupWriter(db.call)
            return await asyncio.gather(*(writer.store(j) for j in jobs), return_exceptions=True)
        finally:
            db.close()

    return asyncio.run(main())


def test_sources_waiting_together_are_stored_in_one_commit(
    cache: tuple[Path, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, ids = cache
    commits = _commits(monkeypatch)
    jobs = [SourceRows(sid, _rows(n, 5), SourceUpdate(etag=f'"e{n}"')) for n, sid in enumerate(ids)]
    results = _store_all(path, jobs)
    assert results == [UpdateCounts(5, 0, 0)] * len(ids)
    assert len(commits) == 1
    with Store(path) as store:
        for n, sid in enumerate(ids):
            assert store.conn.execute(
                "SELECT count(*) FROM articles WHERE source_id = ?", (sid,)
            ).fetchone() == (5,)
            assert store.fetch_state(sid).etag == f'"e{n}"'


def test_a_batch_holds_at_most_its_rows_and_each_source_once(
    cache: tuple[Path, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, ids = cache
    monkeypatch.setattr(group_writer, "BATCH_ROWS", 10)
    commits = _commits(monkeypatch)
    jobs = [SourceRows(sid, _rows(n, 6)) for n, sid in enumerate(ids)]
    assert _store_all(path, jobs) == [UpdateCounts(6, 0, 0)] * len(ids)
    assert len(commits) == len(ids)  # 6 + 6 rows would pass the limit: one source a batch
    del commits[:]
    again = [SourceRows(ids[0], _rows(0, 2)), SourceRows(ids[0], _rows(0, 3))]
    assert _store_all(path, again) == [UpdateCounts(0, 0, 2), UpdateCounts(0, 0, 3)]
    assert len(commits) == 2  # the same source twice: never in one batch


def test_a_source_that_cannot_be_stored_fails_alone(cache: tuple[Path, list[int]]) -> None:
    path, ids = cache
    missing = max(ids) + 100  # no such source: its articles break the foreign key
    jobs = [SourceRows(ids[0], _rows(0, 3)), SourceRows(missing, _rows(9, 3))]
    jobs.append(SourceRows(ids[1], _rows(1, 4)))
    first, failed, last = _store_all(path, jobs)
    assert first == UpdateCounts(3, 0, 0) and last == UpdateCounts(4, 0, 0)
    assert isinstance(failed, sqlite3.IntegrityError)
    with Store(path) as store:
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone() == (7,)


def test_the_refresh_keeps_statement_journals_in_memory(tmp_path: Path) -> None:
    db = Database(tmp_path / DB_NAME)
    try:
        mode = asyncio.run(db.call(lambda s: s.conn.execute("PRAGMA temp_store").fetchone()))
    finally:
        db.close()
    assert mode == (2,)  # MEMORY


class _Stop(BaseException):
    """Not an Exception: what must still reach every source waiting to be stored."""


def test_a_batch_that_raises_past_exception_leaves_no_source_waiting() -> None:
    async def failing(fn: object) -> list[UpdateCounts | BaseException]:
        await asyncio.sleep(0)
        raise _Stop

    async def main() -> list[BaseException | UpdateCounts]:
        writer = GroupWriter(failing)
        jobs = [writer.store(SourceRows(i, _rows(i, 1))) for i in range(3)]
        return await asyncio.wait_for(asyncio.gather(*jobs, return_exceptions=True), 60)

    results = asyncio.run(main())
    assert all(isinstance(r, _Stop) for r in results)


def test_a_refresh_indexes_its_new_articles_up_to_its_budget(
    cache: tuple[Path, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Past the budget, a batch's new articles wait for the filler, and so do all after it
    # (something then waits past the mark); within it, nothing is left for the filler.
    monkeypatch.delenv("SUXUN_TUI_INDEX_LATER", raising=False)
    monkeypatch.setattr(group_writer, "BATCH_ROWS", 5)  # one source a batch
    monkeypatch.setattr(group_writer, "INDEX_BUDGET", 12)
    path, ids = cache
    jobs = [SourceRows(sid, _rows(n, 5)) for n, sid in enumerate(ids)]
    assert _store_all(path, jobs) == [UpdateCounts(5, 0, 0)] * len(ids)
    with Store(path) as store:
        upto = store.conn.execute("SELECT upto FROM index_mark").fetchone()[0]
        waiting = store.conn.execute("SELECT count(*) FROM index_queue").fetchone()[0]
        assert (upto, waiting) == (10, 10)  # two sources indexed (10 ≤ 12), two wait
        assert len(store.search("正文")) == 20  # all found, indexed or queued
    monkeypatch.setattr(group_writer, "INDEX_BUDGET", 2000)
    with Store(path) as store:
        fill(store.conn)
    more = [SourceRows(sid, _rows(n + 10, 5)) for n, sid in enumerate(ids)]
    assert _store_all(path, more) == [UpdateCounts(5, 0, 0)] * len(ids)
    with Store(path) as store:
        assert store.conn.execute("SELECT count(*) FROM index_queue").fetchone() == (0,)
        assert len(store.search("正文")) == 40


def test_a_batch_with_more_new_articles_than_a_batch_may_index_leaves_them_waiting(
    cache: tuple[Path, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large batch would hold the write lock (a reader's key press waits) while it
    # indexes: its articles, and all after them, wait for the filler.
    monkeypatch.delenv("SUXUN_TUI_INDEX_LATER", raising=False)
    monkeypatch.setattr(group_writer, "BATCH_INDEX", 4)
    path, ids = cache
    jobs = [SourceRows(ids[0], _rows(0, 3)), SourceRows(ids[1], _rows(1, 5))]
    assert _store_all(path, jobs[:1]) == [UpdateCounts(3, 0, 0)]
    assert _store_all(path, jobs[1:]) == [UpdateCounts(5, 0, 0)]
    with Store(path) as store:
        assert store.conn.execute("SELECT upto FROM index_mark").fetchone() == (3,)
        assert store.conn.execute("SELECT count(*) FROM index_queue").fetchone() == (5,)
