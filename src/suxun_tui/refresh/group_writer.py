"""The refresh's article writes, grouped: the sources waiting to be stored share a commit.

A source's rows are handed to :meth:`GroupWriter.store`, which returns when they are
committed. While the database thread writes one batch, the sources parsed meanwhile
queue up; the next batch takes them all (up to :data:`BATCH_ROWS` rows), in one
transaction (:func:`~suxun_tui.store.source_writes.store_batch`: a write-ahead log
appends each changed page once a commit, so fewer commits write far less). Nothing
waits for a batch to fill: a source that arrives while the thread is idle is written at
once, alone. If a batch fails, its sources are written again one by one, so one bad
source fails alone, as it did with a transaction of its own. A refresh indexes up to
:data:`INDEX_BUDGET` of its new articles for search in
these transactions, and leaves the rest of a bulk refresh to the background filler.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from suxun_tui.store import Store
from suxun_tui.store.source_writes import SourceRows
from suxun_tui.store.values import UpdateCounts

# Rows of one batch at most: the write lock is held while they are stored, and a reader
# that wants it waits (about a tenth of a second here). Ten 100-item feeds a commit
# already save most of what one commit per feed cost.
BATCH_ROWS = 1000
# New articles one refresh indexes in its writes at most (store.index_inline). Indexing
# there costs about 45 µs an article against some 80 µs in the background filler, but it
# is on the path to the refresh's end: a first refresh of 200 feeds × 100 items returned
# 1.2 s later here (4.0 s against 2.8 s) with all its 20,000 indexed in its writes. A
# periodic refresh's hundreds or few thousand new articles cost it a tenth of a second at
# most and leave nothing behind; the rest of a bulk refresh (a first one, an import)
# waits for the filler, which indexes it once the refresh has returned.
INDEX_BUDGET = 2000
# ... and a batch only when its new articles are this few: indexing holds the write lock
# about 45 µs an article longer, and in the reader a key press waited for a batch of 1,000
# (key p95 during a first refresh 35-60 ms without, 50-135 ms with, tui_latency.py).
BATCH_INDEX = 300

T = TypeVar("T")
Call = Callable[[Callable[[Store], T]], Awaitable[T]]


class GroupWriter:
    """Stores sources' rows on the database thread, as many together as are waiting."""

    def __init__(self, call: Call[list[UpdateCounts | BaseException]]) -> None:
        self._call = call
        self._index_left = INDEX_BUDGET  # new articles this refresh may still index
        self._waiting: list[tuple[SourceRows, asyncio.Future[UpdateCounts]]] = []
        self._draining: asyncio.Task[None] | None = None

    async def store(self, job: SourceRows) -> UpdateCounts:
        """Store one source's rows (with the batch that is next); its counts once committed."""
        done: asyncio.Future[UpdateCounts] = asyncio.get_running_loop().create_future()
        self._waiting.append((job, done))
        if self._draining is None or self._draining.done():
            self._draining = asyncio.ensure_future(self._drain())
        return await done

    async def _drain(self) -> None:
        while self._waiting:
            batch = _next_batch(self._waiting)
            del self._waiting[: len(batch)]
            try:
                jobs = [j for j, _ in batch]
                limit = min(self._index_left, BATCH_INDEX)
                write = functools.partial(_write, jobs=jobs, index_limit=limit)
                results = await self._call(write)
            except asyncio.CancelledError:
                for _, done in (*batch, *self._waiting):
                    done.cancel()
                self._waiting.clear()
                raise
            except Exception as exc:  # the database thread is gone
                results = [exc] * len(batch)
            except BaseException as exc:  # every waiting source gets it: none waits for ever
                for _, done in (*batch, *self._waiting):
                    if not done.done():
                        done.set_exception(exc)
                self._waiting.clear()
                return
            self._index_left -= sum(r.new for r in results if isinstance(r, UpdateCounts))
            for (_, done), result in zip(batch, results, strict=True):
                if done.done():
                    continue
                if isinstance(result, BaseException):
                    done.set_exception(result)
                else:
                    done.set_result(result)


def _next_batch(
    waiting: Sequence[tuple[SourceRows, asyncio.Future[UpdateCounts]]],
) -> list[tuple[SourceRows, asyncio.Future[UpdateCounts]]]:
    """The first waiting sources, within :data:`BATCH_ROWS` rows (always at least one),
    each source once."""
    batch: list[tuple[SourceRows, asyncio.Future[UpdateCounts]]] = []
    rows = 0
    seen: set[int] = set()
    for job, done in waiting:
        if batch and (rows + len(job.rows) > BATCH_ROWS or job.source_id in seen):
            break
        batch.append((job, done))
        rows += len(job.rows)
        seen.add(job.source_id)
    return batch


def _write(
    store: Store, *, jobs: list[SourceRows], index_limit: int
) -> list[UpdateCounts | BaseException]:
    """On the database thread: the batch in one transaction, else each source alone
    (new articles indexed while ``index_limit`` covers them)."""
    try:
        return list(store.store_sources(jobs, max(0, index_limit)))
    except Exception:
        if len(jobs) == 1:
            raise
    results: list[UpdateCounts | BaseException] = []
    for job in jobs:
        try:
            results.append(store.store_sources([job], max(0, index_limit))[0])
        except Exception as exc:  # reported as that source's failure
            results.append(exc)
    return results
