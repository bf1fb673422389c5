"""The folded text of articles still queued for the index, kept by the connection that reads it.

A search reads the queued articles' text directly (:mod:`suxun_tui.store.search`), folded
the way the index would hold it. Folding costs some 50 µs an article, so right after a
refresh — thousands of articles queued until the background filler has indexed them —
every search and every query feed's count would fold all of them again. Instead each
connection keeps their folded title, text and author in a temporary table (its own, in
memory or a temporary file: nothing is written to the cache, and it works while another
connection holds the write lock), brought up to date before each search.

It stays exact without knowing when an article changes: a row keeps the stored text it
was folded from, and an article whose stored title, body or author is not that same
string (compared by SQLite, byte for byte) is folded again; articles that left the queue
are dropped. The caller reads the table in the same read transaction as the update, so
the rows are the queue's articles at that moment. A new connection fills its table from
a memo of the process (:func:`queued_folded`, the same rule by the stored string), so the
reader's workers, which open a connection a job, do not fold again either; a connection
that may not write even a temporary table (a cache opened read-only) reads through the
memo at each search.

Also here: whether articles wait (:func:`waiting`), how many, and the one read
transaction a search runs in (:func:`snapshot`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

from suxun_tui.store.fts import QUEUE_TABLE, index_body, index_value

# Behind the tables, one memo for the process: a connection opened for one job (the
# reader's workers open their own) finds the text another connection folded. Same rule:
# an entry holds the stored text and serves only that same string.
LIMIT = 8_000  # articles in the memo (some 3 KB each for a page of generated news)
FUNCTION = "suxun_queued"
_FOLDERS: tuple[Callable[[str | None], str], ...] = (index_value, index_body, index_value)
_memo: dict[tuple[int, int], tuple[str | None, str]] = {}


def queued_folded(article_id: int, column: int, stored: str | None) -> str:
    """``stored`` (column 0 title, 1 body, 2 author of article ``article_id``) as the
    index would hold it, from the memo when it was folded from the same string."""
    key = (article_id, column)
    entry = _memo.get(key)
    if entry is not None and entry[0] == stored:
        return entry[1]
    folded = _FOLDERS[column](stored)
    if entry is not None or len(_memo) < LIMIT * len(_FOLDERS):
        _memo[key] = (stored, folded)
    return folded


def register(conn: sqlite3.Connection) -> None:
    """``suxun_queued(id, column, text)``: the memo's folding, for the statements here."""
    conn.create_function(FUNCTION, 3, queued_folded, deterministic=True)


def _keep_only(ids: set[int]) -> None:
    """Forget the memo's articles not in ``ids`` (those now queued)."""
    for key in [key for key in _memo if key[0] not in ids]:
        _memo.pop(key, None)


KEPT = "temp.suxun_queued"
# The folded columns first and the stored body last: a search reads the start of each row.
_CREATE = (
    "CREATE TEMP TABLE IF NOT EXISTS suxun_queued (id INTEGER PRIMARY KEY,"
    " title TEXT, text TEXT, author TEXT, stored_title TEXT, stored_author TEXT,"
    " stored_body TEXT)"
)
# Room for the rows of a large refresh's queue in memory (16 MB; SQLite's 2 MB default
# would send them to the temporary file and read them back at every search).
_ROOM = "PRAGMA temp.cache_size = -16000"
_STATE = "temp.suxun_queued_state"
_CREATE_STATE = (
    "CREATE TEMP TABLE IF NOT EXISTS suxun_queued_state (version INTEGER, changes INTEGER)"
)
_EXISTS = "SELECT 1 FROM temp.sqlite_master WHERE name = 'suxun_queued'"
_DROP_LEFT = f"DELETE FROM {KEPT} WHERE id NOT IN (SELECT article_id FROM {QUEUE_TABLE})"
# CROSS JOIN keeps the queue the outer loop: the queue is a view of two parts, and left
# to choose, SQLite may read every article to find the queued ones.
_FOLD_NEW = (
    f"INSERT OR REPLACE INTO {KEPT} SELECT q.article_id, {FUNCTION}(q.article_id, 0, a.title),"
    f" {FUNCTION}(q.article_id, 1, a.body), {FUNCTION}(q.article_id, 2, a.author),"
    " a.title, a.author, a.body"
    f" FROM {QUEUE_TABLE} q CROSS JOIN articles a ON a.id = q.article_id"
    f" LEFT JOIN {KEPT} k ON k.id = q.article_id WHERE k.id IS NULL"
    " OR k.stored_title IS NOT a.title OR k.stored_body IS NOT a.body"
    " OR k.stored_author IS NOT a.author"
)
# What a connection that cannot keep them reads: the queued articles folded now.
FOLDED_NOW = (
    f"(SELECT q.article_id AS id, {FUNCTION}(q.article_id, 0, a.title) AS title,"
    f" {FUNCTION}(q.article_id, 1, a.body) AS text,"
    f" {FUNCTION}(q.article_id, 2, a.author) AS author"
    f" FROM {QUEUE_TABLE} q CROSS JOIN articles a ON a.id = q.article_id)"
)


def keep_folded(conn: sqlite3.Connection) -> bool:
    """Bring :data:`KEPT` up to date with the queue (call it inside the read transaction
    that then reads it); False when this connection cannot write a temporary table.

    Nothing is read again while the cache has not changed since the last time: no other
    connection has committed (``PRAGMA data_version``) and this one has changed no row
    (``total_changes``, which counts trigger rows too) — both noted in the table's state
    row, so a new connection, with no temporary table, always starts afresh.
    """
    try:
        if conn.execute(_EXISTS).fetchone() is None:
            conn.execute(_ROOM)
            conn.execute(_CREATE)
        conn.execute(_CREATE_STATE)
        seen = (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)
        if conn.execute(f"SELECT version, changes FROM {_STATE}").fetchone() == seen:
            return True
        conn.execute(_DROP_LEFT)
        conn.execute(_FOLD_NEW)
        if _memo:
            _keep_only({int(r[0]) for r in conn.execute(f"SELECT id FROM {KEPT}")})
        conn.execute(f"DELETE FROM {_STATE}")
        # The insert below is one more change of this connection's: noted with it.
        conn.execute(
            f"INSERT INTO {_STATE} (version, changes) VALUES (?, ?)",
            (seen[0], conn.total_changes + 1),
        )
    except sqlite3.OperationalError:
        return False
    return True


def forget(conn: sqlite3.Connection) -> None:
    """Drop the kept text (the queue is empty: nothing of it will be read again)."""
    _memo.clear()
    if conn.execute(_EXISTS).fetchone() is None:
        return
    if conn.execute(f"SELECT 1 FROM {KEPT} LIMIT 1").fetchone() is not None:
        conn.execute(f"DELETE FROM {KEPT}")
        conn.execute(f"DELETE FROM {_STATE}")


def kept(conn: sqlite3.Connection) -> int:
    """How many articles' text this connection keeps (for tests and benchmarks)."""
    if conn.execute(_EXISTS).fetchone() is None:
        return 0
    return int(conn.execute(f"SELECT count(*) FROM {KEPT}").fetchone()[0])


def queued_count(conn: sqlite3.Connection, any_waiting: bool) -> int:
    """How many articles wait in the index's queue (0 without asking when none do)."""
    if not any_waiting:
        return 0
    return int(conn.execute(f"SELECT count(*) FROM {QUEUE_TABLE}").fetchone()[0])


def waiting(conn: sqlite3.Connection) -> bool:
    """Whether articles wait in the index's queue (when none do, the folded text kept for
    queued articles is dropped)."""
    if conn.execute(f"SELECT 1 FROM {QUEUE_TABLE} LIMIT 1").fetchone() is not None:
        return True
    forget(conn)
    return False


@contextlib.contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction for a search's statements (unless the caller's is open), so
    the indexed part, the queue and the queued articles' text are seen at one moment."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if conn.in_transaction:
        conn.execute("COMMIT")
