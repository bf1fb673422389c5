"""Article rows: the stored form of feed entries, and the writes one refresh makes.

Kept apart from :mod:`suxun_tui.store.db` so that parse workers can prepare rows (encode
blocks, hash content) without the rest of the store, and so that the write plan — what
is new, changed or unchanged — is computed before the write lock is taken.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

from suxun_tui.models import FeedEntry
from suxun_tui.store.codec import encode_blocks
from suxun_tui.text.hashing import content_hash

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass, field
else:
    from suxun_tui.record import dataclass, field

# guid, url, title, published, author, body (encoded blocks), summary_only, content hash
ArticleRow = tuple[str, str, str, str | None, str | None, str, int, str]

# The duplicate keys (store.duplicates) of the link and title, computed in plan_writes:
# in Python a quarter of the cost of SQL functions called from the insert.
_INSERT_ARTICLES = (
    "INSERT OR IGNORE INTO articles (source_id, guid, url, title, published, first_seen,"
    " author, body, summary_only, content_hash, item_hash, url_key, title_key) VALUES "
)
_ARTICLE_VALUES = "(?,?,?,?,?,?,?,?,?,?,?,?,?)"
_ARTICLE_COLUMNS = 13
# New rows a statement at most. An insert into a table with triggers, inside a
# transaction, keeps a statement journal: a copy of every page the statement changes
# that the transaction had before it. One statement a row copied some twenty pages a
# row (a quarter of the inserts' cost); one statement for a source's rows copies each
# page once.
_ROWS_A_STATEMENT = 500
_UPDATE_ARTICLE = (
    "UPDATE articles SET url = ?, title = ?, author = COALESCE(?, author),"
    " published = COALESCE(?, published), content_hash = ?,"
    " body = CASE WHEN has_full_text = 1 THEN body ELSE ? END,"
    " summary_only = CASE WHEN has_full_text = 1 THEN 0 ELSE ? END, item_hash = ?"
    " WHERE source_id = ? AND guid = ?"
)
# From this many rows a write plan has the folding table built (a few milliseconds once
# a process) before it folds their titles (store.fold.build_table).
_MANY_TITLES = 20
# The same row from an item that reads differently (or was stored before item keys).
_SET_ITEM_KEY = "UPDATE articles SET item_hash = ? WHERE source_id = ? AND guid = ?"


def article_row(entry: FeedEntry) -> ArticleRow:
    """An entry as the store keeps it; plain strings, so it is cheap to send between processes."""
    body = encode_blocks(entry.blocks)
    digest = content_hash(entry.title, entry.url, entry.author or "", body)
    return (entry.guid, entry.url, entry.title, entry.published, entry.author, body) + (
        int(entry.summary_only),
        digest,
    )


def paragraphs_row(
    guid: str,
    url: str,
    title: str,
    published: str | None,
    author: str | None,
    texts: Sequence[str],
    summary_only: bool,
) -> ArticleRow:
    """:func:`article_row` of the entry whose blocks are paragraphs of ``texts``, without
    the blocks: the body encoded as :func:`~suxun_tui.store.codec.encode_blocks` writes it
    (the same text, compared by test), for the commonest feed item."""
    quote = encode_basestring
    body = "[" + ",".join([f'["paragraph",{quote(text)}]' for text in texts]) + "]"
    digest = content_hash(title, url, author or "", body)
    return (guid, url, title, published, author, body, int(summary_only), digest)


# A row's duplicate keys (store.duplicates): its canonical link and its site and title.
DupKeys = tuple[str | None, str | None]


def duplicate_keys(rows: Sequence[ArticleRow]) -> tuple[DupKeys, ...]:
    """Each row's duplicate keys, as :func:`plan_writes` stores them with a new row: made
    in a parse worker, they cost the thread that writes nothing (a tenth of its work)."""
    from suxun_tui.store.duplicates import row_keys

    if len(rows) >= _MANY_TITLES:
        from suxun_tui.store.fold import build_table

        build_table()
    return tuple([row_keys(row[1], row[2]) for row in rows])


def _changes(conn: sqlite3.Connection, sql: str, rows: list[tuple[object, ...]]) -> int:
    """Run ``sql`` for all ``rows`` as one prepared statement; how many rows it changed."""
    if not rows:
        return 0
    # rowcount, not total_changes: the search index's triggers write rows of their own.
    return conn.executemany(sql, rows).rowcount


def _insert(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> int:
    """Insert ``rows`` (the columns of ``_INSERT_ARTICLES``, in order) by statements of
    many rows each; how many were new."""
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // _ARTICLE_COLUMNS
    step = max(1, min(_ROWS_A_STATEMENT, limit))
    new = 0
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        sql = _INSERT_ARTICLES + ",".join([_ARTICLE_VALUES] * len(chunk))
        new += conn.execute(sql, [value for row in chunk for value in row]).rowcount
    return new


@dataclass
class WritePlan:
    """The inserts and updates one source's refresh needs, ready for ``executemany``."""

    inserts: list[tuple[object, ...]] = field(default_factory=list)
    updates: list[tuple[object, ...]] = field(default_factory=list)
    rekeys: list[tuple[object, ...]] = field(default_factory=list)
    unchanged: int = 0

    def write(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Run the plan inside the caller's transaction; (new, updated) rows."""
        # INSERT OR IGNORE: another process may have stored the same guid meanwhile.
        new = _insert(conn, self.inserts)
        updated = _changes(conn, _UPDATE_ARTICLE, self.updates)
        _changes(conn, _SET_ITEM_KEY, self.rekeys)
        return new, updated


def stored_hashes(
    conn: sqlite3.Connection, source_id: int
) -> tuple[dict[str, str], dict[str, str | None]]:
    """A source's stored articles: guid → content hash, and guid → item key."""
    rows = conn.execute(
        "SELECT guid, content_hash, item_hash FROM articles WHERE source_id = ?", (source_id,)
    ).fetchall()
    return {g: digest for g, digest, _ in rows}, {g: key for g, _, key in rows}


def stored_item_keys(conn: sqlite3.Connection, source_id: int) -> frozenset[str]:
    """The item keys of a source's stored articles: items a refresh need not rebuild."""
    rows = conn.execute(
        "SELECT item_hash FROM articles WHERE source_id = ? AND item_hash IS NOT NULL",
        (source_id,),
    )
    return frozenset(key for (key,) in rows)


def plan_writes(
    source_id: int,
    rows: Sequence[ArticleRow],
    existing: dict[str, str],
    now: str,
    keys: Sequence[str] = (),
    stored_keys: dict[str, str | None] | None = None,
    dup_keys: Sequence[DupKeys] = (),
) -> WritePlan:
    """Compare ``rows`` with the stored hashes (guid → hash); the first of a guid wins.

    ``keys`` are the rows' item keys (``feeds.parse.item_key``; "" or none for rows
    without one), stored with them so that the next refresh can skip those items.
    ``dup_keys`` are the rows' duplicate keys when a parse worker computed them
    (:func:`duplicate_keys`); the others are computed here.
    """
    from suxun_tui.store.duplicates import row_keys  # (not in parse workers)

    if len(rows) - len(dup_keys) >= _MANY_TITLES:
        from suxun_tui.store.fold import build_table

        build_table()  # title_key folds every new title: by the table, not by search
    plan = WritePlan()
    seen: set[str] = set()
    known = stored_keys or {}
    for index, row in enumerate(rows):
        guid, url, title, published, author, body, summary_only, digest = row
        if guid in seen:
            continue  # duplicate guids inside one feed: the first wins
        seen.add(guid)
        key = (keys[index] if index < len(keys) else "") or None
        old = existing.get(guid)
        if old is None:
            if index < len(dup_keys):
                url_key, same_title = dup_keys[index]
            else:
                url_key, same_title = row_keys(url, title)
            plan.inserts.append(
                (source_id, guid, url, title, published or now, now, author, body)
                + (summary_only, digest, key, url_key, same_title)
            )
        elif old != digest:
            plan.updates.append(
                (url, title, author, published, digest, body, summary_only, key) + (source_id, guid)
            )
        else:
            plan.unchanged += 1
            if key is not None and known.get(guid) != key:
                plan.rekeys.append((key, source_id, guid))
    return plan
