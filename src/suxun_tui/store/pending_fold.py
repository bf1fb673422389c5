"""The folded text of articles still queued for the index, kept by the process for search.

A search reads the queued articles' text directly (:mod:`suxun_tui.store.search`), folded
the way the index would hold it. Folding costs some 50 µs an article, so right after a
refresh — thousands of articles queued until the background filler has indexed them —
every search and every query feed's count would fold all of them again; and the reader
opens a connection for each job, so what one connection folded must serve the next.
The process keeps, for each cache file, a memo (by article and column: the stored text
and what it folds to) and a view (the queued articles' folded columns, by id, at one
edit count).

It stays exact two ways. Handed the stored text (:func:`queued_folded`), a memo entry
serves only that same string, folded again when it differs. And the schema counts every
edit and deletion of an article (``index_mark.edits``, see
:data:`suxun_tui.store.index_mark.COUNT_EDITS`): two snapshots with the same count hold
the same text for every article both have, so a view built at one count serves every
snapshot with that count from the ids alone (:func:`take`), new articles added as they
come — without reading the stored text and handing it to Python, which cost more than
the scan itself. Each term is then looked for in Python (:func:`contains_sql`) and the
scan tests the ids that hold it. A write
transaction's own count may be rolled back and come again with other text, so only a
read transaction this module began (:func:`snapshot`) uses or builds a view; the others
fold through the stored text (:data:`FOLDED_NOW`).

The reader folds the queue right after a refresh, before any query (:func:`prefold`),
so the first search after it finds the text folded.

Also here: whether articles wait (:func:`waiting`), how many, and the one read
transaction a search runs in (:func:`snapshot`).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from suxun_tui.store.fts import QUEUE_TABLE, index_body, index_value
from suxun_tui.store.index_mark import edits
from suxun_tui.store.pending_text import SEPARATOR, Joined, holding
from suxun_tui.store.text_test import register as register_text_test

if TYPE_CHECKING:  # loads with the first scan that passes articles over
    from suxun_tui.store.queued_filter import Check

LIMIT = 8_000  # articles in a memo (some 5 KB each for a page of generated news)
# Queued articles a view holds at most (some 3 KB each with their joined copy): past that
# (a first import of many sources), each search folds through the memo until the filler
# has brought the queue back under it.
VIEW_LIMIT = 20_000
FUNCTION = "suxun_queued"
_FOLDERS: tuple[Callable[[str | None], str], ...] = (index_value, index_body, index_value)
_STORED = ("title", "body", "author")
Folded = tuple[str, str, str]  # title, text, author as the index holds them


class Kept:
    """What the process keeps of one cache's queued articles."""

    def __init__(self) -> None:
        # (article id, column) → (stored text, folded text).
        self.memo: dict[tuple[int, int], tuple[str | None, str]] = {}
        # The edit count and the folded columns of articles at that count. Only ever
        # added to (an article's text at one count is one text); a new count, a new dict.
        self.view: tuple[int, dict[int, Folded]] | None = None
        # That view's text joined for finding terms, and the view it was made of.
        self.joined: tuple[dict[int, Folded], Joined] | None = None

    def clear(self) -> None:
        self.memo.clear()
        self.view = None
        self.joined = None

    def joined_view(self, view: dict[int, Folded]) -> Joined:
        """``view`` joined (made again when it has grown since: a view only grows)."""
        made = self.joined
        if made is None or made[0] is not view or len(made[1].ids) != len(view):
            made = (view, Joined(view))
            self.joined = made
        return made[1]


_kept: dict[str, Kept] = {}  # by the cache file's path


def queued_folded(kept: Kept, article_id: int, column: int, stored: str | None) -> str:
    """``stored`` (column 0 title, 1 body, 2 author of article ``article_id``) as the
    index would hold it, from the memo when it was folded from the same string."""
    key = (article_id, column)
    entry = kept.memo.get(key)
    if entry is not None and entry[0] == stored:
        return entry[1]
    folded = _FOLDERS[column](stored)
    if entry is not None or len(kept.memo) < LIMIT * len(_FOLDERS):
        kept.memo[key] = (stored, folded)
    return folded


def kept_of(conn: sqlite3.Connection) -> Kept:
    """What is kept for the cache ``conn`` has open (an in-memory one has its own)."""
    path = next((str(r[2]) for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")
    return _kept.setdefault(path or f"memory:{id(conn)}", Kept())


class _Taken:
    """The view one connection's read transaction scans (:func:`take`)."""

    def __init__(self, kept: Kept) -> None:
        self.kept = kept
        self.view: dict[int, Folded] | None = None
        # The queued ids, once read in this read transaction (:func:`queued_ids`).
        self.queued: list[int] | None = None


_taken: dict[int, _Taken] = {}  # by connection (its id, given to the next one when closed)


def register(conn: sqlite3.Connection) -> None:
    """``suxun_queued(id, column, text)``: the memo's folding, for the statements here;
    and the substring test a search confirms terms with (store.text_test)."""
    register_text_test(conn)
    kept = kept_of(conn)
    _taken[id(conn)] = _Taken(kept)

    def through(article_id: int, column: int, stored: str | None) -> str:
        return queued_folded(kept, article_id, column, stored)

    conn.create_function(FUNCTION, 3, through, deterministic=True)


def contains_sql(conn: sqlite3.Connection, term: str, columns: tuple[str, ...]) -> str | None:
    """A scan's test of ``term`` (folded) in ``columns`` of the queued articles: the ids
    whose text in the view taken for this read transaction holds it, found in Python
    (store.pending_text: no call per row, and several times quicker than SQLite's
    ``instr`` on each); None when no view could be taken (:func:`take`)."""
    taken = _taken.get(id(conn))
    if taken is None or (taken.view is None and not take(conn)):
        return None
    view = taken.view
    assert view is not None
    if SEPARATOR in term:
        found = holding(view, term, columns)
    else:
        found = taken.kept.joined_view(view).holding(term, columns)
    if 2 * len(found) <= len(view):
        return f"p.id IN ({','.join(map(str, sorted(found)))})" if found else "0"
    # Most hold it: the few that do not (every queued article is in the view).
    others = sorted(set(view).difference(found))
    return f"p.id NOT IN ({','.join(map(str, others))})" if others else "1"


# What a scan reads from: the queued ids (terms tested on the view taken), or the queued
# articles' folded columns through the memo by their stored text (materialized: each
# folded once, however many conditions read it).
QUEUED_IDS = f"WITH p AS (SELECT article_id AS id FROM {QUEUE_TABLE})"
FOLDED_NOW = (
    "WITH p AS MATERIALIZED (SELECT q.article_id AS id, "
    + ", ".join(
        f"{FUNCTION}(q.article_id, {i}, a.{stored}) AS {name}"
        for i, (stored, name) in enumerate(zip(_STORED, ("title", "text", "author"), strict=True))
    )
    + f" FROM {QUEUE_TABLE} q CROSS JOIN articles a ON a.id = q.article_id)"
)


def take(conn: sqlite3.Connection) -> bool:
    """Take the view of the queued articles' folded text for this read transaction, so
    that a scan of :data:`QUEUED_IDS` tests terms by :func:`contains_sql`; articles the
    view lacks at the snapshot's edit count are folded (through the memo) and added.
    False outside a read transaction of :func:`snapshot`, or past :data:`VIEW_LIMIT`
    queued: the scan then reads :data:`FOLDED_NOW`."""
    taken = _taken.get(id(conn))
    count = trusted_count(conn)
    # (A connection this module did not register may have the id of one it did.)
    if taken is None or count is None or taken.kept is not kept_of(conn):
        return False
    kept = taken.kept
    current = kept.view
    view = current[1] if current is not None and current[0] == count else {}
    queued = queued_ids(conn)
    if len(queued) > VIEW_LIMIT:
        kept.view = kept.joined = None
        return False
    if len(view) > 2 * len(queued) + 100:  # many have left the queue: a smaller copy
        view = {i: view[i] for i in queued if i in view}
    fold_into(conn, kept, view, [i for i in queued if i not in view])
    if kept.view is None or kept.view[1] is not view:
        kept.view = (count, view)
    taken.view = view
    return True


def queued_ids(conn: sqlite3.Connection) -> list[int]:
    """The ids in the index's queue, read once per read transaction of :func:`snapshot`
    (the queue's view costs a few milliseconds to read with 2,000 waiting)."""
    taken = _taken.get(id(conn))
    if taken is not None and taken.queued is not None:
        return taken.queued
    queued = [int(r[0]) for r in conn.execute(f"SELECT article_id FROM {QUEUE_TABLE}")]
    if taken is not None and trusted_count(conn) is not None:
        taken.queued = queued
    return queued


def taken_view(conn: sqlite3.Connection) -> tuple[Kept, int, dict[int, Folded]] | None:
    """What is kept for ``conn``'s cache, the snapshot's edit count and the view at that
    count (new and empty when there is none yet), for a scan that takes part of the queue
    (store.pending_page); None where :func:`take` would refuse."""
    taken = _taken.get(id(conn))
    count = trusted_count(conn)
    if taken is None or count is None or taken.kept is not kept_of(conn):
        return None
    current = taken.kept.view
    return taken.kept, count, current[1] if current is not None and current[0] == count else {}


def fold_into(
    conn: sqlite3.Connection,
    kept: Kept,
    view: dict[int, Folded],
    ids: list[int],
    needed: Sequence[Check] = (),
) -> list[int]:
    """Fold the articles of ``ids`` the view lacks into it, passing over those whose
    stored text cannot meet ``needed`` (store.queued_filter); the ids now in the view."""
    if needed:
        from suxun_tui.store.queued_filter import could_hold
    missing = [i for i in ids if i not in view]
    # With a test, the stored text is read as its UTF-8 bytes, and only the articles
    # that pass are decoded: decoding them all cost more than the test.
    columns = _AS_BYTES if needed else "title, body, author"
    for at in range(0, len(missing), 500):
        part = missing[at : at + 500]
        marks = ",".join("?" * len(part))
        sql = f"SELECT id, {columns} FROM articles WHERE id IN ({marks})"
        for r in conn.execute(sql, part):
            stored = r[1:]
            if needed:
                if not could_hold(r[1], r[2], needed):
                    continue
                try:
                    stored = tuple(None if b is None else bytes(b).decode() for b in stored)
                except UnicodeDecodeError as exc:  # as SQLite's own text would have failed
                    raise sqlite3.OperationalError("Could not decode to UTF-8") from exc
            i = int(r[0])
            view[i] = (
                queued_folded(kept, i, 0, stored[0]),
                queued_folded(kept, i, 1, stored[1]),
                queued_folded(kept, i, 2, stored[2]),
            )
    return [i for i in ids if i in view]


_AS_BYTES = "CAST(title AS BLOB), CAST(body AS BLOB), CAST(author AS BLOB)"


def install(
    conn: sqlite3.Connection, kept: Kept, count: int, view: dict[int, Folded], ids: list[int]
) -> None:
    """Keep ``view`` as the view at ``count``, and let this read transaction's scan test
    terms on the articles ``ids`` of it alone (:func:`contains_sql`)."""
    if kept.view is None or kept.view[1] is not view:
        kept.view = (count, view)
    _taken[id(conn)].view = {i: view[i] for i in ids}


def release(conn: sqlite3.Connection) -> None:
    """End what :func:`install` allowed: the next scan takes the whole view again."""
    taken = _taken.get(id(conn))
    if taken is not None:
        taken.view = None


def prefold(conn: sqlite3.Connection) -> int:
    """Fold the queued articles now, forgetting those that left the queue; how many are
    queued (0 when no view may be taken). For the moment after a refresh, before the
    reader's first search asks."""
    with snapshot(conn):
        if not take(conn):
            return 0
        taken = _taken[id(conn)]
        assert taken.view is not None
        queued = {int(r[0]) for r in conn.execute(f"SELECT article_id FROM {QUEUE_TABLE}")}
        memo = taken.kept.memo
        for key in list(memo):  # a copy in one step: other threads may add meanwhile
            if key[0] not in queued:
                memo.pop(key, None)
        return len(queued)


def prefold_cache(path: Path) -> int:
    """:func:`prefold` on a connection of its own to the cache at ``path`` (the reader's
    worker, right after a refresh); 0 when the cache cannot be read."""
    from suxun_tui.store.connection import StoreError
    from suxun_tui.store.db import Store  # the store opens connections that register us

    try:
        with Store(path, read_only=True) as store:
            return prefold(store.conn) if waiting(store.conn) else 0
    except (sqlite3.Error, StoreError):  # the search will tell, if it still is so then
        return 0


def forget(conn: sqlite3.Connection) -> None:
    """Drop what is kept for ``conn``'s cache (the queue is empty: nothing of it will be
    read again)."""
    kept_of(conn).clear()


def kept(conn: sqlite3.Connection) -> int:
    """How many articles' text the memo of ``conn``'s cache holds (for tests and
    benchmarks)."""
    return len({key[0] for key in kept_of(conn).memo})


def queued_count(conn: sqlite3.Connection, any_waiting: bool) -> int:
    """How many articles wait in the index's queue (0 without asking when none do)."""
    if not any_waiting:
        return 0
    return int(conn.execute(f"SELECT count(*) FROM {QUEUE_TABLE}").fetchone()[0])


def waiting(conn: sqlite3.Connection) -> bool:
    """Whether articles wait in the index's queue (when none do, what is kept goes)."""
    if conn.execute(f"SELECT 1 FROM {QUEUE_TABLE} LIMIT 1").fetchone() is not None:
        return True
    if any(k.memo or k.view for k in _kept.values()):
        forget(conn)
    return False


# The connections (by id) inside a read transaction :func:`snapshot` began, per thread:
# only there has nothing of the connection's own changed the text it reads.
_reading = threading.local()


def trusted_count(conn: sqlite3.Connection) -> int | None:
    """The snapshot's edit count when a view may be used (a read transaction begun by
    :func:`snapshot`), else None."""
    if id(conn) not in getattr(_reading, "ids", ()):
        return None
    try:
        return edits(conn)
    except sqlite3.OperationalError:  # a cache opened read-only before that schema step
        return None


@contextlib.contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction for a search's statements (unless the caller's is open), so
    the indexed part, the queue and the queued articles' text are seen at one moment."""
    if conn.in_transaction:
        yield
        return
    ids: set[int] = getattr(_reading, "ids", set())
    _reading.ids = ids
    conn.execute("BEGIN")
    ids.add(id(conn))
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        ids.discard(id(conn))
        taken = _taken.get(id(conn))
        if taken is not None:
            taken.view = taken.queued = None
    if conn.in_transaction:
        conn.execute("COMMIT")
