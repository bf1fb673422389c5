"""Read and star marks as values, and the reader's writes that must never fail loudly.

Every mark is a state to set (read = 1, starred = 0, every article of these sources read),
so it can be kept, retried and applied again without changing its meaning. The
statements live here, shared by :class:`~suxun_tui.store.db.Store`'s methods (which raise)
and :class:`ReaderWrites`, the one door the reader's writes go through: it tries each
write with a short busy timeout, so a key press never freezes the screen behind another
program's lock, and returns a typed result instead of raising. A write that fails is kept,
in order, with every later one, shown on the rows it changes, and retried until it is
saved — a lock, a full disk, a read-only file are all the user's to see, none a crash.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol, TypeVar

from suxun_tui.store.connection import INTERACTIVE_TIMEOUT_MS, WriteProblem, busy_timeout
from suxun_tui.store.connection import write_problem as problem_of
from suxun_tui.store.duplicates import group_ids, group_ids_of_sources
from suxun_tui.store.queue import Flag, queue_marks, queue_marks_many
from suxun_tui.store.sources import SourceSpecRow, config_matches, write_config
from suxun_tui.text.i18n import trn
from suxun_tui.text.i18n_said import tr_said

if TYPE_CHECKING:  # dataclasses.replace, done without importing dataclasses at run time
    from dataclasses import replace

    from suxun_tui.store.db import Store
else:
    from suxun_tui.record import replace

if TYPE_CHECKING:  # typing's, made at run time without compiling annotations (suxun_tui.tuples)
    from typing import NamedTuple
else:
    from suxun_tui.tuples import NamedTuple


class Mark(NamedTuple):
    """Set ``flag`` to ``value`` on some articles.

    ``article_ids`` names them; without it, every article of ``source_ids`` (every
    article at all when that is None too) — the mark-all-read of a source, group or All.
    The values of this module are named tuples: every command starts with them, and a
    tuple class costs a tenth of a frozen dataclass to create.
    """

    flag: Flag
    value: bool
    article_ids: tuple[int, ...] | None = None
    source_ids: tuple[int, ...] | None = None

    def covers(self, article_id: int, source_id: int) -> bool:
        if self.article_ids is not None:
            return article_id in self.article_ids
        return self.source_ids is None or source_id in self.source_ids


def write_mark(conn: sqlite3.Connection, mark: Mark) -> int:
    """Apply ``mark`` inside the caller's transaction; how many articles changed.

    An account's articles also queue the mark for their server (same transaction).
    A story several sources carry has one state: the mark covers all its copies
    (:mod:`~suxun_tui.store.duplicates`).
    """
    flag, value = mark.flag, int(mark.value)
    if mark.article_ids is not None:
        ids = group_ids(conn, mark.article_ids)
        queue_marks_many(conn, flag, mark.value, ids)
        sql = f"UPDATE articles SET {flag} = ? WHERE id = ? AND {flag} != ?"
        return conn.executemany(sql, [(value, i, value) for i in ids]).rowcount
    # A source's copy of a story another source carried first is not in its list: the
    # story follows its root (marked here when the root's source is in the mark).
    where, params = "a.dup_of IS NULL", tuple[int, ...]()
    if mark.source_ids is not None:
        where += f" AND a.source_id IN ({','.join('?' * len(mark.source_ids))})"
        params = mark.source_ids
    queue_marks(conn, flag, mark.value, where, params)
    sql = f"UPDATE articles AS a SET {flag} = ? WHERE {flag} != ? AND {where}"
    changed = conn.execute(sql, (value, value, *params)).rowcount
    copies = group_ids_of_sources(conn, mark.source_ids)
    if copies:
        changed += write_mark(conn, Mark(mark.flag, mark.value, article_ids=copies))
    return changed


class Flagged(Protocol):
    """What a mark can be shown on: a headline or an article, with its flags."""

    @property
    def id(self) -> int: ...
    @property
    def source_id(self) -> int: ...
    @property
    def read(self) -> bool: ...
    @property
    def starred(self) -> bool: ...


R = TypeVar("R", bound=Flagged)


class Saved(NamedTuple):
    """The write happened; ``changed`` articles changed, ``caught_up`` earlier ones saved too."""

    changed: int = 0
    caught_up: int = 0

    @property
    def notice(self) -> str | None:
        if not self.caught_up:
            return None
        return trn(
            "Saved {count} waiting change to the cache.",
            "Saved {count} waiting changes to the cache.",
            self.caught_up,
        )


class NotSaved(NamedTuple):
    """The write did not happen (yet): why, and how many changes wait to be saved."""

    problem: WriteProblem
    waiting: int

    @property
    def notice(self) -> str:
        if self.problem.passing:
            return trn(
                "Not saved: {problem}. {count} change kept on screen and tried again every few"
                " seconds.",
                "Not saved: {problem}. {count} changes kept on screen and tried again every few"
                " seconds.",
                self.waiting,
                problem=tr_said(self.problem.message),
            )
        return trn(
            "Not saved: {problem}. {count} change shown here but not saved; quitting will list"
            " them.",
            "Not saved: {problem}. {count} changes shown here but not saved; quitting will list"
            " them.",
            self.waiting,
            problem=tr_said(self.problem.message),
        )


WriteResult = Saved | NotSaved


class _Waiting(NamedTuple):
    """A write kept until the cache takes it, with the mark it shows on rows meanwhile."""

    write: Callable[[sqlite3.Connection], int]
    mark: Mark | None  # None for a write that shows on no row (the source list)
    label: str


class ReaderWrites:
    """The reader's writes: tried at once with a short busy timeout, kept when they fail.

    Everything waits in one ordered list, and each try writes the whole list in one
    transaction, so a later mark never overtakes an earlier one (unread after
    mark-all-read stays unread). Used from the event loop's thread; the lock only guards
    the list should a worker ask what is waiting.
    """

    def __init__(self, store: Store, timeout_ms: int = INTERACTIVE_TIMEOUT_MS) -> None:
        self.store = store
        self.timeout_ms = timeout_ms
        self._waiting: list[_Waiting] = []
        self._lock = threading.Lock()
        self.last_problem: WriteProblem | None = None

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def waiting_labels(self) -> list[str]:
        with self._lock:
            return [w.label for w in self._waiting]

    def set_flag(self, flag: Flag, article_id: int, value: bool, label: str = "") -> WriteResult:
        mark = Mark(flag, value, article_ids=(article_id,))
        words = {("read", True): "read", ("read", False): "unread"}
        action = words.get((flag, value), "starred" if value else "unstarred")
        return self._add(mark, f"{label or f'article {article_id}'}: {action}")

    def mark_read(self, article_ids: Sequence[int], label: str) -> WriteResult:
        return self._add(Mark("read", True, article_ids=tuple(article_ids)), f"{label}: read")

    def mark_all_read(self, source_ids: Sequence[int] | None, label: str) -> WriteResult:
        ids = None if source_ids is None else tuple(source_ids)
        return self._add(Mark("read", True, source_ids=ids), f"{label}: all read")

    def set_many(
        self, flag: Flag, value: bool, article_ids: Sequence[int], label: str
    ) -> WriteResult:
        """Set ``flag`` on exactly these articles as one write: an undo is one step."""
        return self._add(Mark(flag, value, article_ids=tuple(article_ids)), f"{label}: undone")

    def unread_in(self, source_ids: Sequence[int] | None) -> list[int]:
        """The articles a mark-all-read of ``source_ids`` (None: all) would change, so that
        it can be undone: unread, and each story once (its copies follow its root)."""
        sql = "SELECT a.id FROM articles a WHERE a.read = 0 AND a.dup_of IS NULL"
        params: tuple[int, ...] = ()
        if source_ids is not None:
            params = tuple(source_ids)
            sql += f" AND a.source_id IN ({','.join('?' * len(params))})"
        rows = self.store.conn.execute(sql, params).fetchall()
        return [int(r[0]) for r in rows]

    def sync_config(self, specs: Sequence[SourceSpecRow], accounts: Sequence[str]) -> WriteResult:
        """Make the configured sources and accounts the active ones (see ``store.sources``).

        Only a read when the cache already agrees; else kept and retried like a mark.
        """
        if config_matches(self.store.conn, specs, accounts):
            return Saved()
        write = partial(write_config, specs=specs, accounts=accounts)
        return self._try(_Waiting(write, None, "the list of sources"))

    def _add(self, mark: Mark, label: str) -> WriteResult:
        return self._try(_Waiting(lambda conn: write_mark(conn, mark), mark, label))

    def _try(self, item: _Waiting) -> WriteResult:
        with self._lock:
            self._waiting.append(item)
        return self.retry(self.timeout_ms, new=1)

    def retry(self, timeout_ms: int | None = None, *, new: int = 0) -> WriteResult:
        """Write everything waiting, in order, in one transaction; the last one's count.

        ``new``: how many of them were asked for just now (not "waiting changes").
        """
        with self._lock:
            items = list(self._waiting)
        if not items:
            return Saved()
        store = self.store
        try:
            with (
                busy_timeout(store.conn, timeout_ms or self.timeout_ms),
                store.transaction() as conn,
            ):
                counts = [item.write(conn) for item in items]
        except (sqlite3.Error, OSError) as exc:
            self.last_problem = problem_of(store.path, exc)
            return NotSaved(self.last_problem, len(items))
        with self._lock:
            del self._waiting[: len(items)]
        self.last_problem = None
        return Saved(counts[-1], len(items) - new)

    def shown(self, row: R) -> R:
        """``row`` with the waiting marks applied: what the user asked to see."""
        read, starred = row.read, row.starred
        for item in self._waiting:
            mark = item.mark
            if mark is not None and mark.covers(row.id, row.source_id):
                if mark.flag == "read":
                    read = mark.value
                else:
                    starred = mark.value
        if (read, starred) == (row.read, row.starred):
            return row
        return replace(row, read=read, starred=starred)  # type: ignore[type-var]

    def shown_all(self, rows: Sequence[R]) -> list[R]:
        if not self._waiting:
            return list(rows)
        return [self.shown(row) for row in rows]
