"""Retention: removing old articles so the cache does not grow forever.

The rules, per source: an article read and older than ``keep_days`` (both its date and
when it was first seen) goes; beyond the newest ``max_articles`` the rest go, read or not;
a starred article never goes, and neither does one whose mark still waits for a feed
server (checked again in the statement that deletes, so a star or a mark made while
``gc`` runs keeps its article).

How, and why so: removal runs in batches, each its own transaction, so a reader or a
cron refresh waits a fraction of a second at most, and a kill at any moment leaves a
consistent cache. The triggers on ``articles`` do their part for every row (a source's
counts, a story's next copy made its root, the search index's stale list); the foreign
keys' cascades (tags, queued marks) are done for the whole batch by one statement per
table instead, with the connection's foreign keys off meanwhile — row by row they were
about a third of the cost of a large collection. Then the search index: a small backlog
of removed articles' rows goes row by row for a few seconds here, the rest in the
background (:mod:`~suxun_tui.store.index_fill`); a large one, where removing rows one by
one would take hours, is cleared here by copying the live rows into a new index in large
steps (:mod:`~suxun_tui.store.index_rebuild`), so the file can shrink in the same run.
Last, the file is vacuumed when enough of it is free.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from suxun_tui.store.index_fill import fill
from suxun_tui.store.index_rebuild import REBUILD_MIN, rebuild_step, rebuilding
from suxun_tui.store.index_rebuild import worth_rebuilding as _worth_rebuilding
from suxun_tui.text.timefmt import to_stored

# Articles removed a transaction: a few tenths of a second of work. Each batch rewrites
# every page of the time index that holds one of its articles (they are spread over it),
# so small batches wrote the same pages again and again: 5,000 a batch wrote 5.6 GB for
# 249,000 articles of a 1,000,000-article cache, 25,000 wrote 1.6 GB.
BATCH = 20_000
# Index rows copied a transaction: as many as take about COPY_SECONDS at the rate of the
# step before, from COPY_FIRST, at most COPY_MOST (a row of a long article costs twenty
# times one of a headline: 1.1 ms against 0.05 ms).
COPY_SECONDS = 0.5
COPY_FIRST = 1000
COPY_MOST = 100_000
# Meanwhile, on this connection: the page cache (KiB; SQLite's default is 2 MB), so a
# batch's changed pages stay in memory until its commit instead of being written to the
# log more than once; and the log folded back into the file once it holds this many pages
# (256 MB; SQLite's default is 1,000), not after every batch: a page every batch changes
# is then written to the file once, not once a batch (it halved what half of a
# 1,000,000-article cache's removal wrote).
# And ``secure_delete`` at FAST where the library's default is ON (Debian's is): freed
# pages are not overwritten with zeros (dropping the old search index wrote 570 MB of
# them), while a page written anyway still loses its deleted content; the freed pages
# leave the file at the VACUUM that follows.
CACHE_KIB = 64 * 1024
CHECKPOINT_PAGES = 65_536
_SECURE_DELETE = ("0", "1", "FAST")
INDEX_SECONDS = 3.0
# Shrink the file when at least this share of its pages is free (and a few MB at least).
VACUUM_SHARE = 0.2
VACUUM_MIN_PAGES = 1024


@dataclass(frozen=True)
class Policy:
    """One source's retention: days to keep read articles (0: forever), and how many
    articles to keep at most (0: no limit)."""

    keep_days: int = 90
    max_articles: int = 0


@dataclass
class GcReport:
    """What one collection removed, per source and by which rule."""

    by_age: int = 0
    by_count: int = 0
    sources: dict[str, int] = field(default_factory=dict)
    bytes_before: int = 0
    bytes_after: int = 0
    vacuumed: bool = False
    dry_run: bool = False
    index_copied: bool = False
    # Each step's (wall, CPU) seconds: choosing, deleting, index, vacuum.
    steps: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def removed(self) -> int:
        return self.by_age + self.by_count


Transaction = Callable[[], contextlib.AbstractContextManager[sqlite3.Connection]]

_KEEP = "a.starred = 0 AND NOT EXISTS (SELECT 1 FROM pending_changes p WHERE p.article_id = a.id)"


def _by_age(conn: sqlite3.Connection, source_id: int, days: int, now: datetime) -> list[int]:
    cutoff = to_stored(now - timedelta(days=days))
    rows = conn.execute(
        f"SELECT a.id FROM articles a WHERE a.source_id = ? AND a.read = 1 AND {_KEEP}"
        " AND a.published < ? AND a.first_seen < ?",
        (source_id, cutoff, cutoff),
    )
    return [int(r[0]) for r in rows]


def _by_count(conn: sqlite3.Connection, source_id: int, keep: int) -> list[int]:
    rows = conn.execute(
        f"SELECT a.id FROM articles a WHERE a.source_id = ? AND {_KEEP} AND a.id NOT IN"
        " (SELECT id FROM articles WHERE source_id = ?"
        "  ORDER BY published DESC, id DESC LIMIT ?)",
        (source_id, source_id, keep),
    )
    return [int(r[0]) for r in rows]


def collect(
    conn: sqlite3.Connection,
    transaction: Transaction,
    policies: Mapping[str, Policy],
    now: datetime,
    *,
    dry_run: bool = False,
    vacuum: bool = True,
    path: Path | None = None,
    rebuild_share: float | None = None,
    rebuild_min: int = REBUILD_MIN,
) -> GcReport:
    """Remove what ``policies`` (by source name) allow; sources not named are left alone.

    ``rebuild_share`` and ``rebuild_min``: from which backlog of removed articles' index
    rows the index is copied here (None: the share measured for the index's size)."""
    report = GcReport(dry_run=dry_run, bytes_before=_size(path))
    step = _Steps(report.steps)
    gone: list[int] = []
    sources = conn.execute("SELECT id, name FROM sources WHERE active = 1").fetchall()
    for source_id, name in sources:
        policy = policies.get(name)
        if policy is None:
            continue
        old = set(_by_age(conn, source_id, policy.keep_days, now)) if policy.keep_days else set()
        over = (
            set(_by_count(conn, source_id, policy.max_articles)) if policy.max_articles else set()
        )
        over -= old
        if not old and not over:
            continue
        report.by_age += len(old)
        report.by_count += len(over)
        report.sources[name] = len(old) + len(over)
        gone += old | over
    step.done("choosing")
    if dry_run:
        report.bytes_after = _size(path)
        return report
    with _settings(
        conn, cache_size=-CACHE_KIB, wal_autocheckpoint=CHECKPOINT_PAGES, secure_delete=2
    ):
        if gone:
            delete(conn, transaction, sorted(gone))
            step.done("deleting")
        # Also when nothing was removed now: a copy an earlier gc was stopped in goes on.
        if rebuilding(conn) or _worth_rebuilding(conn, rebuild_share, rebuild_min):
            copy_index(transaction)
            report.index_copied = True
        elif gone:
            # A few seconds of removing index rows here, so a small collection leaves
            # nothing behind and its space is given back now; the rest goes in the
            # background.
            fill(conn, seconds=INDEX_SECONDS)
        step.done("index")
        if vacuum and _worth_vacuum(conn):
            conn.execute("VACUUM")
            report.vacuumed = True
        if gone or report.index_copied or report.vacuumed:
            # Fold the log back into the file (VACUUM writes it all there), so the space
            # is given back now, not at some later checkpoint.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        step.done("vacuum")
    report.bytes_after = _size(path)
    return report


class _Steps:
    """Wall and CPU seconds of each step, into ``into`` (for benchmarks/scale_search.py)."""

    def __init__(self, into: dict[str, tuple[float, float]]) -> None:
        self.into = into
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def done(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.into[name] = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu


def delete(conn: sqlite3.Connection, transaction: Transaction, ids: list[int]) -> int:
    """Delete these articles, ``BATCH`` a transaction, unless starred or holding a mark
    for a server meanwhile; how many went."""
    cascades = _cascades(conn)
    removed = 0
    # The foreign keys off meanwhile (a pragma of the connection, set outside any
    # transaction: nothing of it is in the file, so a kill leaves nothing behind).
    off = _settings(conn, foreign_keys=0) if cascades is not None else contextlib.nullcontext()
    with off:
        for start in range(0, len(ids), BATCH):
            chunk = json.dumps(ids[start : start + BATCH])
            with transaction() as tx:
                removed += tx.execute(
                    "DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))"
                    " AND starred = 0 AND NOT EXISTS"
                    " (SELECT 1 FROM pending_changes p WHERE p.article_id = articles.id)",
                    (chunk,),
                ).rowcount
                for table, column in cascades or ():
                    tx.execute(
                        f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))"
                        f" AND NOT EXISTS (SELECT 1 FROM articles WHERE id = {table}.{column})",
                        (chunk,),
                    )
    return removed


def _cascades(conn: sqlite3.Connection) -> list[tuple[str, str]] | None:
    """The (table, column) pairs whose rows go with their article (ON DELETE CASCADE);
    None when some reference to an article does something else (SQLite's foreign keys
    then stay on and do it)."""
    tables = [
        str(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(r[0]).startswith("sqlite_")
    ]
    pairs = []
    for table in tables:
        for key in conn.execute("SELECT * FROM pragma_foreign_key_list(?)", (table,)):
            # id, seq, table, from, to, on_update, on_delete, match
            if key[2] != "articles":
                continue
            if key[6] != "CASCADE":
                return None
            pairs.append((f'"{table}"', f'"{key[3]}"'))
    return pairs


@contextlib.contextmanager
def _settings(conn: sqlite3.Connection, **pragmas: int) -> Iterator[None]:
    """These pragmas of this connection meanwhile (none of them is kept in the file)."""
    was = {name: int(conn.execute(f"PRAGMA {name}").fetchone()[0]) for name in pragmas}
    try:
        for name, value in pragmas.items():
            conn.execute(f"PRAGMA {name} = {_value(name, value)}")
        yield
    finally:
        for name, value in was.items():
            conn.execute(f"PRAGMA {name} = {_value(name, value)}")


def _value(name: str, value: int) -> str:
    """How a pragma's value as read is set again (``secure_delete`` reads FAST as 2)."""
    return _SECURE_DELETE[value] if name == "secure_delete" else str(int(value))


def copy_index(transaction: Transaction) -> None:
    """Clear the removed articles' index rows by copying the live ones into a new index,
    about ``COPY_SECONDS`` of rows a transaction, and swapping it in."""
    started = False
    limit = COPY_FIRST
    while True:
        began = time.perf_counter()
        with transaction() as tx:
            if started and not rebuilding(tx):  # swapped in (here, or by the filler)
                return
            done = rebuild_step(tx, limit, bulk=True)
            started = True
        took = time.perf_counter() - began
        if done >= limit:  # a full step: its rate sets the next one's size
            rate = done / max(took, 1e-3)
            limit = max(COPY_FIRST // 10, min(COPY_MOST, int(rate * COPY_SECONDS)))


def _worth_vacuum(conn: sqlite3.Connection) -> bool:
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    return free >= VACUUM_MIN_PAGES and free >= pages * VACUUM_SHARE


def _size(path: Path | None) -> int:
    if path is None:
        return 0
    total = 0
    for suffix in ("", "-wal"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            total += extra.stat().st_size
    return total
