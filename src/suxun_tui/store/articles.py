"""Article rows: the stored form of feed entries, and the writes one refresh makes.

Kept apart from :mod:`suxun_tui.store.db` so that parse workers can prepare rows (encode
blocks, hash content) without the rest of the store, and so that the write plan — what
is new, changed or unchanged — is computed before the write lock is taken.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from suxun_tui.models import FeedEntry
from suxun_tui.store.codec import encode_blocks
from suxun_tui.text.hashing import content_hash

# guid, url, title, published, author, body (encoded blocks), summary_only, content hash
ArticleRow = tuple[str, str, str, str | None, str | None, str, int, str]

# The duplicate keys (store.duplicates) are computed from the link and title in the insert.
_INSERT_ARTICLE = (
    "INSERT OR IGNORE INTO articles (source_id, guid, url, title, published, first_seen,"
    " author, body, summary_only, content_hash, url_key, title_key)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10, suxun_url_key(?3), suxun_title_key(?3, ?4))"
)
_UPDATE_ARTICLE = (
    "UPDATE articles SET url = ?, title = ?, author = COALESCE(?, author),"
    " published = COALESCE(?, published), content_hash = ?,"
    " body = CASE WHEN has_full_text = 1 THEN body ELSE ? END,"
    " summary_only = CASE WHEN has_full_text = 1 THEN 0 ELSE ? END"
    " WHERE source_id = ? AND guid = ?"
)


def article_row(entry: FeedEntry) -> ArticleRow:
    """An entry as the store keeps it; plain strings, so it is cheap to send between processes."""
    body = encode_blocks(entry.blocks)
    digest = content_hash(entry.title, entry.url, entry.author or "", body)
    return (entry.guid, entry.url, entry.title, entry.published, entry.author, body) + (
        int(entry.summary_only),
        digest,
    )


def _changes(conn: sqlite3.Connection, sql: str, rows: list[tuple[object, ...]]) -> int:
    """Run ``sql`` for all ``rows`` as one prepared statement; how many rows it changed."""
    if not rows:
        return 0
    # rowcount, not total_changes: the search index's triggers write rows of their own.
    return conn.executemany(sql, rows).rowcount


@dataclass
class WritePlan:
    """The inserts and updates one source's refresh needs, ready for ``executemany``."""

    inserts: list[tuple[object, ...]] = field(default_factory=list)
    updates: list[tuple[object, ...]] = field(default_factory=list)
    unchanged: int = 0

    def write(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Run the plan inside the caller's transaction; (new, updated) rows."""
        # INSERT OR IGNORE: another process may have stored the same guid meanwhile.
        return _changes(conn, _INSERT_ARTICLE, self.inserts), _changes(
            conn, _UPDATE_ARTICLE, self.updates
        )


def plan_writes(
    source_id: int, rows: Sequence[ArticleRow], existing: dict[str, str], now: str
) -> WritePlan:
    """Compare ``rows`` with the stored hashes (guid → hash); the first of a guid wins."""
    plan = WritePlan()
    seen: set[str] = set()
    for guid, url, title, published, author, body, summary_only, digest in rows:
        if guid in seen:
            continue  # duplicate guids inside one feed: the first wins
        seen.add(guid)
        old = existing.get(guid)
        if old is None:
            plan.inserts.append(
                (source_id, guid, url, title, published or now, now, author, body)
                + (summary_only, digest)
            )
        elif old != digest:
            plan.updates.append(
                (url, title, author, published, digest, body, summary_only, source_id, guid)
            )
        else:
            plan.unchanged += 1
    return plan
