"""Clearing a large backlog of deleted articles' index rows by copying the live ones.

Why: removing one row from a large trigram index rewrites the doclists of every trigram
of its text, so the cost grows with the index (about 1 ms a row at 10,000 articles,
76 ms at 1,000,000); after a ``gc`` that deleted half the cache, removing rows one by
one would take hours. Copying the live rows into a new index costs about what indexing
them did, whatever the backlog, so past a share of stale rows the filler
(:mod:`suxun_tui.store.index_fill`) copies instead of deleting.

How it stays exact and crash-safe: the new table is filled in rowid order, a batch per
transaction, from the old index's own rows (already folded; no refolding), only for
articles that still exist. Search keeps reading the old index until the swap, one
transaction that drops it, renames the new one in its place and empties the stale list of
the ids the copy left out. While the copy runs, the filler indexes queued articles into
both tables when the copy has already passed them (:func:`also_index`); the others it
reaches later, from the old table. A kill leaves a half-filled new table that the next
filler goes on filling from its highest rowid. ``gc`` runs the same steps itself, larger
(:func:`suxun_tui.store.retention.copy_index`), after removing a large share of the
cache, so the file shrinks in the same run; every step is one transaction that starts
from what the file holds, so the filler and ``gc`` can take turns at one copy.
"""

from __future__ import annotations

import sqlite3

from suxun_tui.store.fts import FTS_TABLE, STALE_TABLE

NEXT_TABLE = f"{FTS_TABLE}_next"
# Copy instead of deleting once this share of the index's rows belong to deleted articles
# and there are at least REBUILD_MIN of them (below that, deleting takes seconds at most).
# Measured (benchmarks/index_cleanup.py, CPU): at 100,000 articles of search_corpus's long
# texts a copied row cost 1.1 ms and a deleted one 1.1-1.6 ms, so copying wins from about
# 40 % stale; at 1,000,000 of scale.py's short ones a copied row cost 0.05 ms and a deleted
# one 37-76 ms, so copying wins almost at once. The share is the first below LARGE_INDEX
# rows and LARGE_SHARE (with a wide margin) from there on.
REBUILD_SHARE = 0.4
LARGE_INDEX = 500_000
LARGE_SHARE = 0.05
REBUILD_MIN = 2000
# Rows copied a transaction: about 50 ms of work, so a writer waits little for the lock.
COPY_BATCH = 50
# ``gc`` copies in larger steps (store.retention: about half a second each): FTS5 then
# writes a few large segments instead of merging thousands of small ones, which made the
# copy cost about three times as much at 1,000,000 articles. While it copies, FTS5 keeps
# up to BULK_HASHSIZE of the new rows in memory before it writes them out (its own
# default is 1 MB), and merges no segments; both go back to FTS5's defaults at the swap.
BULK_HASHSIZE = 64 * 2**20
DEFAULT_HASHSIZE = 2**20
DEFAULT_AUTOMERGE = 4

_CREATE_NEXT = (
    f"CREATE VIRTUAL TABLE {NEXT_TABLE} USING fts5(title, text, author, source,"
    " tokenize = 'trigram case_sensitive 1', detail = 'full')"
)


def rebuilding(conn: sqlite3.Connection) -> bool:
    """Whether a copy has begun and not yet been swapped in."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (NEXT_TABLE,)
    ).fetchone()
    return row is not None


def worth_rebuilding(conn: sqlite3.Connection, share: float | None, minimum: int) -> bool:
    """Whether the stale backlog is large enough that copying beats deleting (``share``
    None: the measured share for the index's size)."""
    stale = int(conn.execute(f"SELECT count(*) FROM {STALE_TABLE}").fetchone()[0])
    if stale == 0 or stale < minimum:
        return False
    rows = stale + int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    if share is None:
        share = REBUILD_SHARE if rows < LARGE_INDEX else LARGE_SHARE
    return stale >= share * rows


def rebuild_step(conn: sqlite3.Connection, limit: int = COPY_BATCH, *, bulk: bool = False) -> int:
    """One step of the copy, inside the caller's write transaction: create the new table,
    copy up to ``limit`` live rows past its highest rowid, or — nothing left to copy —
    swap it in. How many rows or ids it handled (never 0). ``bulk``: large steps
    (``gc``), with FTS5 set for them."""
    if not rebuilding(conn):
        conn.execute(_CREATE_NEXT)
        if bulk:
            _configure(conn, BULK_HASHSIZE, 0)
        return 1
    last = _copied_to(conn)
    copied = conn.execute(
        f"INSERT INTO {NEXT_TABLE} (rowid, title, text, author, source)"
        f" SELECT i.rowid, i.title, i.text, i.author, i.source FROM {FTS_TABLE} i"
        " WHERE i.rowid > ? AND EXISTS (SELECT 1 FROM articles a WHERE a.id = i.rowid)"
        " ORDER BY i.rowid LIMIT ?",
        (last, limit),
    ).rowcount
    if copied > 0:
        return copied
    _configure(conn, DEFAULT_HASHSIZE, DEFAULT_AUTOMERGE)
    # The ids deleted after the copy passed them keep their place in the stale list (the
    # new table has their rows); every other stale id has no row in it.
    cleared = conn.execute(
        f"DELETE FROM {STALE_TABLE} WHERE NOT EXISTS"
        f" (SELECT 1 FROM {NEXT_TABLE} n WHERE n.rowid = {STALE_TABLE}.article_id)"
    ).rowcount
    conn.execute(f"DROP TABLE {FTS_TABLE}")
    conn.execute(f"ALTER TABLE {NEXT_TABLE} RENAME TO {FTS_TABLE}")
    return max(1, cleared)


Row = tuple[int, str, str, str, str]


def _configure(conn: sqlite3.Connection, hashsize: int, automerge: int) -> None:
    """The new table's FTS5 settings (kept in its ``_config`` table, so a copy another
    process goes on with keeps them until the swap)."""
    for key, value in (("hashsize", hashsize), ("automerge", automerge)):
        conn.execute(f"INSERT INTO {NEXT_TABLE} ({NEXT_TABLE}, rank) VALUES (?, ?)", (key, value))


def _copied_to(conn: sqlite3.Connection) -> int:
    """The highest rowid the copy has written (0: none yet). Asked by ``ORDER BY rowid
    DESC``, which FTS5 answers from its own order; ``max(rowid)`` would read every row."""
    row = conn.execute(f"SELECT rowid FROM {NEXT_TABLE} ORDER BY rowid DESC LIMIT 1").fetchone()
    return int(row[0]) if row else 0


def also_index(conn: sqlite3.Connection, ids: list[int], rows: list[Row]) -> None:
    """During a copy, write the filler's freshly indexed ``rows`` (of the queued ``ids``)
    into the new table too, for the ids the copy has already passed."""
    if not rebuilding(conn):
        return
    last = _copied_to(conn)
    conn.executemany(f"DELETE FROM {NEXT_TABLE} WHERE rowid = ?", [(i,) for i in ids if i <= last])
    conn.executemany(
        f"INSERT INTO {NEXT_TABLE} (rowid, title, text, author, source) VALUES (?,?,?,?,?)",
        [r for r in rows if r[0] <= last],
    )
