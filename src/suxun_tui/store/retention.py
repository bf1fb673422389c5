"""Retention: removing old articles so the cache does not grow forever.

The rules, per source: an article read and older than ``keep_days`` (both its date and
when it was first seen) goes; beyond the newest ``max_articles`` the rest go, read or not;
a starred article never goes, and neither does one whose mark still waits for a feed
server. Removal runs in batches, each its own short transaction, so a reader or a cron
refresh is never kept waiting, and a kill at any moment leaves a consistent cache (tags
and queued marks follow by their foreign keys; a trigger lists each removed article for
the index, whose rows go later, in the background, :mod:`~suxun_tui.store.index_fill`,
since removing an index row costs as much as writing it). Afterwards the file is shrunk
when enough of it is free.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from suxun_tui.store.index_fill import fill
from suxun_tui.text.timefmt import to_stored

BATCH = 2000
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
) -> GcReport:
    """Remove what ``policies`` (by source name) allow; sources not named are left alone."""
    report = GcReport(dry_run=dry_run, bytes_before=_size(path))
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
        if not dry_run:
            _delete(transaction, sorted(old | over))
    if report.removed and not dry_run:
        # A few seconds of removing index rows here, so a small collection leaves nothing
        # behind and its space is given back now; the rest goes in the background.
        fill(conn, seconds=INDEX_SECONDS)
        if vacuum and _worth_vacuum(conn):
            conn.execute("VACUUM")
            report.vacuumed = True
        # Fold the log back into the file (VACUUM writes it all there), so the space is
        # given back now, not at some later checkpoint.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    report.bytes_after = _size(path)
    return report


def _delete(transaction: Transaction, ids: list[int]) -> None:
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        with transaction() as tx:
            tx.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in chunk])


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
