"""Bringing the search index up to date from its queue, after the writes that queued.

A write does not index: a new article is past the index's mark, a changed one is listed
(:mod:`suxun_tui.store.index_mark`). This module indexes what waits, a batch per
transaction: each batch claims the new articles (raising the mark over them), deletes
the queued articles' old index rows, indexes the ones that still exist and empties their
queue rows, all or nothing, so a kill at any moment loses at most one batch's work and
never leaves an article marked indexed that is not. Batches are small (tens of
milliseconds of work), and the background filler pauses between them, so a refresh or a
key press waiting for the write lock is never held up for long.

Who runs it: after a refresh, a sync or a ``gc``, the command and the reader call
:func:`start_filling`, a separate process (it does not share the reader's
interpreter, so the screen stays smooth, and a ``refresh`` from cron returns as soon as its
articles are stored); one such process per cache at a time (a lock file next to it).
Queued articles come first; deleted articles' rows (which search never reads) after.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from suxun_tui.store.fts import CONTENT_TABLE, FTS_TABLE, QUEUE_TABLE, STALE_TABLE, index_rows
from suxun_tui.store.index_mark import CHANGED_TABLE, claim
from suxun_tui.store.index_rebuild import (
    REBUILD_MIN,
    also_index,
    rebuild_step,
    rebuilding,
    worth_rebuilding,
)

if TYPE_CHECKING:  # started only when something waits to be indexed
    import subprocess

BATCH = 50
# The filler's transactions (fill): chunks of articles (FIRST_CHUNK, then at most CHUNK),
# as many as fit in TRANSACTION_SECONDS of wall time, at most TRANSACTION_MAX in all.
# Every transaction leaves FTS5 a new segment that its merges later rewrite, so many
# small ones cost far more than a few large ones for short articles: on a first
# refresh's 20,000, the filler process spent 2.2-2.3 CPU-s at 50 a transaction, 1.75-1.85
# with these (the program otherwise the same, load 5). Bounded in time, a transaction
# still lets a key press in the reader (which waits up to 150 ms for the lock) through:
# about 40 ms of work, then the commit's flush and merge. The first chunk is small
# and the next ones sized by the pace so far, since an article may take 50 µs or 1 ms.
FIRST_CHUNK = 10  # a first refresh's article: some 50 µs; a long page's: a millisecond
CHUNK = 500
TRANSACTION_SECONDS = 0.04
TRANSACTION_MAX = 5000
# The background filler's pauses between batches (seconds): at least this long, and this
# long when another connection wrote during the last batch or pause.
MIN_PAUSE = 0.02
BUSY_PAUSE = 0.25


def queued(conn: sqlite3.Connection) -> int:
    """How many ids wait: articles to index and deleted articles' rows to remove."""
    row = conn.execute(
        f"SELECT (SELECT count(*) FROM {QUEUE_TABLE}) + (SELECT count(*) FROM {STALE_TABLE})"
    ).fetchone()
    return int(row[0])


def has_queue(conn: sqlite3.Connection) -> bool:
    """Whether this cache's schema queues its indexing (an older file does not)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
        (QUEUE_TABLE,),
    ).fetchone()
    return row is not None


def fill_batch(
    conn: sqlite3.Connection,
    limit: int = BATCH,
    *,
    seconds: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    rebuild_share: float | None = None,
    rebuild_min: int = REBUILD_MIN,
) -> int:
    """Index up to ``limit`` queued articles — or, once none are queued, remove up to
    ``limit`` deleted articles' rows, or take a step of copying the live rows into a new
    index when that many are stale (:mod:`suxun_tui.store.index_rebuild`) — in one write
    transaction; how many ids it handled (0: nothing is left to do).

    ``seconds``: index the queued articles in chunks — :data:`FIRST_CHUNK` first, then
    as many as the pace so far says still fit in that long by ``clock`` — and stop when
    none do; the ones left wait for the next transaction."""
    conn.execute("BEGIN IMMEDIATE")
    began = clock()
    try:
        claim(conn)  # new articles, past the mark (store.index_mark)
        # The newest ``limit``, indexed in ascending order: FTS5 writes its pending rows
        # out as a segment of their own whenever a rowid is lower than the last one.
        ids = _taken(conn, CHANGED_TABLE, limit)[::-1]
        done = 0
        size = len(ids) if seconds is None else min(FIRST_CHUNK, len(ids))
        while size > 0:
            chunk = ids[done : done + size]
            _index(conn, chunk)
            _unlist(conn, CHANGED_TABLE, chunk)
            done += len(chunk)
            size = 0 if seconds is None else _next_chunk(clock() - began, done, seconds)
            size = min(size, len(ids) - done)
        if done:
            conn.execute("COMMIT")
            return done
        if rebuilding(conn) or worth_rebuilding(conn, rebuild_share, rebuild_min):
            done = rebuild_step(conn)
            conn.execute("COMMIT")
            return done
        # Removing a row from a large index can cost far more than writing one (FTS5
        # reads the doclists it changes): a tenth of a batch keeps the lock short.
        ids = _taken(conn, STALE_TABLE, max(1, min(limit, BATCH) // 10))[::-1]
        # An id of the stale list always belongs to a deleted article (its insert takes
        # it off); the check keeps a live article's row whatever happens.
        conn.executemany(
            f"DELETE FROM {FTS_TABLE} WHERE rowid = ?"
            " AND NOT EXISTS (SELECT 1 FROM articles WHERE id = ?)",
            [(i, i) for i in ids],
        )
        _unlist(conn, STALE_TABLE, ids)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return len(ids)


def _next_chunk(spent: float, done: int, seconds: float) -> int:
    """How many more articles fit in the transaction's time at the pace so far (with a
    margin: articles differ in length); 0 when the time is up."""
    if spent >= seconds:
        return 0
    pace = spent / done
    return min(CHUNK, int(0.8 * (seconds - spent) / pace)) if pace > 0 else CHUNK


def _taken(conn: sqlite3.Connection, table: str, limit: int) -> list[int]:
    """The next ids of ``table``, newest first (what a reader most likely looks for)."""
    sql = f"SELECT article_id FROM {table} ORDER BY article_id DESC LIMIT ?"
    return [int(r[0]) for r in conn.execute(sql, (limit,))]


def _unlist(conn: sqlite3.Connection, table: str, ids: list[int]) -> None:
    if ids:
        marks = ",".join("?" * len(ids))
        conn.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", ids)


def _index(conn: sqlite3.Connection, ids: list[int]) -> None:
    """Replace these articles' index rows with their current folded text."""
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT a.id, a.title, a.body, a.author, s.name FROM articles a"
        f" JOIN sources s ON s.id = a.source_id WHERE a.id IN ({marks}) ORDER BY a.id",
        ids,
    ).fetchall()
    values = index_rows(rows)
    # Most queued articles are new and have no row to delete (FTS5 looks each one up):
    # the rows there are found in one statement, in the index's own copy of its rows (a
    # plain table's keys: a third of the cost of asking the index itself).
    old = conn.execute(f"SELECT id FROM {CONTENT_TABLE} WHERE id IN ({marks})", ids).fetchall()
    conn.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", old)
    conn.executemany(
        f"INSERT INTO {FTS_TABLE} (rowid, title, text, author, source) VALUES (?,?,?,?,?)",
        values,
    )
    also_index(conn, ids, values)


def fill(
    conn: sqlite3.Connection,
    *,
    seconds: float | None = None,
    stop: Callable[[], bool] | None = None,
    yielding: bool = False,
    rebuild_share: float | None = None,
    rebuild_min: int = REBUILD_MIN,
) -> int:
    """Fill batch after batch until nothing is left, ``seconds`` have passed or
    ``stop()`` says so; how many ids were handled. Each batch is a transaction of about
    :data:`TRANSACTION_SECONDS`.

    ``yielding`` (the background filler): after each batch, let go of the write lock for
    a while — as long as the batch took, and longer while other connections are writing —
    so a refresh or a key press waiting for the lock (SQLite's busy handler retries every
    few tens of milliseconds) gets it, instead of the filler taking it straight back.
    """
    began = time.monotonic()
    done = 0
    # How many ids a transaction takes: what the last one managed, twice that when it got
    # through them all in its time — near what fits, so that the articles taken in
    # ascending order are still about the newest.
    window = FIRST_CHUNK
    version = _data_version(conn)
    while not (stop is not None and stop()):
        if seconds is not None and time.monotonic() - began >= seconds:
            break
        started = time.monotonic()
        taken = fill_batch(
            conn,
            window,
            seconds=TRANSACTION_SECONDS,
            rebuild_share=rebuild_share,
            rebuild_min=rebuild_min,
        )
        if not taken:
            break
        done += taken
        window = min(TRANSACTION_MAX, max(FIRST_CHUNK, 2 * taken if taken >= window else taken))
        if yielding:
            busy = _data_version(conn) != version
            time.sleep(BUSY_PAUSE if busy else max(MIN_PAUSE, time.monotonic() - started))
            version = _data_version(conn)
    return done


def _data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection commits (never for this one's own commits)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


# --- the background process ------------------------------------------------------------


def _lock_path(cache: Path) -> Path:
    return cache.with_name(cache.name + "-index.lock")


@contextlib.contextmanager
def _only_one(cache: Path) -> Iterator[bool]:
    """Whether this process is the cache's one filler (an advisory lock on a side file)."""
    try:
        import fcntl
    except ImportError:  # no flock: one filler at a time is an economy, not a need
        yield True
        return
    try:
        handle = open(_lock_path(cache), "a")  # noqa: SIM115 - held for the whole fill
    except OSError:
        yield False
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True


def start_filling(cache: Path) -> subprocess.Popen[bytes] | None:
    """Start the background filler for ``cache`` (detached, silent); None when nothing
    waits (no queued article, no deleted article's row), the cache cannot be read, or
    ``SUXUN_TUI_INDEX_LATER`` or ``SUXUN_TUI_NO_FILLER`` is set (for scripts that fill the
    index themselves: search stays exact, only slower meanwhile; the first also keeps a
    refresh from indexing in its writes, store.index_inline)."""
    if os.environ.get("SUXUN_TUI_INDEX_LATER") or os.environ.get("SUXUN_TUI_NO_FILLER"):
        return None
    try:
        conn = sqlite3.connect(f"{cache.absolute().as_uri()}?mode=ro", uri=True)
        try:
            if (
                not has_queue(conn)
                or not conn.execute(
                    f"SELECT EXISTS (SELECT 1 FROM {QUEUE_TABLE})"
                    f" OR EXISTS (SELECT 1 FROM {STALE_TABLE})"
                ).fetchone()[0]
            ):
                return None
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    import subprocess

    return subprocess.Popen(
        [sys.executable, "-m", "suxun_tui.store.index_fill", str(cache)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m suxun_tui.store.index_fill CACHE``: fill its index, giving way to writers.

    Not at a lower CPU priority: holding the write lock while the scheduler passes it
    over would keep the refresh or the reader waiting behind it."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m suxun_tui.store.index_fill CACHE", file=sys.stderr)
        return 2
    cache = Path(args[0])
    if not cache.exists():
        return 0
    from suxun_tui.store import clean_close
    from suxun_tui.store.db import connect

    conn = connect(cache)
    finished = False
    try:
        _fill_queue(conn, cache)
        finished = True
    except sqlite3.Error:
        return 1
    finally:
        conn.close()
        if finished:  # connect() removed the clean-close note; a clean end puts it back
            clean_close.record(cache)
    return 0


def _fill_queue(conn: sqlite3.Connection, cache: Path) -> None:
    if not has_queue(conn):
        return
    # Checked again after the lock is let go: articles queued while it was held (whose
    # own filler found it taken and left) are not left waiting for the next write.
    while queued(conn):
        with _only_one(cache) as alone:
            if not alone:
                return
            fill(conn, yielding=True)


if __name__ == "__main__":
    raise SystemExit(main())
