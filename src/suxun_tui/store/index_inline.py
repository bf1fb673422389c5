"""A refresh indexes the articles it stores, in the transaction that stores them.

Why: handed to the background filler (:mod:`suxun_tui.store.index_fill`), a first
refresh's 20,000 new articles cost a second process, a second read of every article,
the queue's bookkeeping and a hundred commits of the filler's own, each leaving FTS5 a
segment to merge — together about as much again as FTS5's own work. Indexed while the
refresh still holds its write lock, the articles are read once, in pages the inserts
have just brought into memory, and their index rows join the commit the articles make.

When: only when nothing was waiting past the index's mark as the transaction began
(:mod:`suxun_tui.store.index_mark`), the usual case. Then every article above the mark is
one this transaction inserted, none has an index row (every row is at or below the
mark), and indexing them all and raising the mark over them keeps the mark's rules: the
articles at or below it are indexed or listed as changed. Anything already waiting (a
killed filler's backlog, a large migration) stays with the filler, so a refresh never
takes on more than its own articles. An article stored with an id at or below the mark
(SQLite reuses the largest id after a deletion) is listed by the insert trigger, as
before, for the filler.

How many: a write indexes its new articles only up to the limit its caller gives; a
refresh gives a budget of a few thousand (``refresh.group_writer.INDEX_BUDGET``), since
indexing there is on the path to the refresh's end, and leaves the rest of a bulk refresh
to the filler, which indexes it once the refresh has returned.

``SUXUN_TUI_INDEX_LATER`` leaves the new articles waiting, as it keeps the filler from
starting: for scripts and benchmarks that want the queue filled some other way.
"""

from __future__ import annotations

import os
import sqlite3

from suxun_tui.store.fts import FTS_TABLE, index_rows, stored_after
from suxun_tui.store.index_mark import MARK_TABLE
from suxun_tui.store.index_rebuild import also_index

# Articles indexed a statement at most: each chunk's text is folded in one call, which holds
# the interpreter for about a millisecond a hundred articles (the reader refreshes on a thread).
CHUNK = 200


def mark_if_clear(conn: sqlite3.Connection) -> int | None:
    """The index's mark when no article is above it (call inside the write transaction,
    before any insert); None when some are waiting, the cache has no mark, or indexing
    is left for later."""
    if os.environ.get("SUXUN_TUI_INDEX_LATER"):
        return None
    try:
        row = conn.execute(
            f"SELECT upto, (SELECT coalesce(max(id), 0) FROM articles) FROM {MARK_TABLE}"
            " WHERE id = 1"
        ).fetchone()
    except sqlite3.OperationalError:  # a schema without the mark: the filler's affair
        return None
    if row is None:
        return None
    upto, top = int(row[0]), int(row[1])
    return upto if top <= upto else None


def index_arrivals(conn: sqlite3.Connection, upto: int) -> int:
    """Index every article above ``upto`` (the mark :func:`mark_if_clear` gave at the
    start of this transaction) and raise the mark over them; how many were indexed."""
    done = 0
    last = upto
    while True:
        stored = stored_after(conn, last, CHUNK)
        if not stored:
            break
        values = index_rows(stored)
        conn.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, text, author, source) VALUES (?,?,?,?,?)",
            values,
        )
        ids = [int(r[0]) for r in stored]
        also_index(conn, ids, values)
        last = ids[-1]
        done += len(ids)
    if done:
        conn.execute(f"UPDATE {MARK_TABLE} SET upto = ? WHERE id = 1", (last,))
    return done
