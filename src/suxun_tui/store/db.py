"""The cache: one SQLite file holding sources, articles and their read/star state.

Design choices and why:
- WAL with a busy timeout, and short write transactions, so that a cron ``refresh`` and an
  open TUI share the file without "database is locked".
- One transaction per source update: a kill mid-refresh leaves each source either fully
  updated or untouched.
- Content columns and state columns are separate; an update never writes ``read`` or
  ``starred``, so flags survive every refresh.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from suxun_tui.config.model import RuleSpec
from suxun_tui.models import ArticleDetail, ArticleText, FeedEntry, Headline, SourceRow
from suxun_tui.store import clean_close, pending_fold
from suxun_tui.store.codec import encode_blocks
from suxun_tui.store.connection import (
    BUSY_TIMEOUT_MS,
    StoreError,
    cannot_open,
    open_connection,
    read_only_advice,
)
from suxun_tui.store.counts import (
    ACTIVE_COUNTS,
    HIDDEN_COUNTS,
    SOURCE_COUNTS,
    SOURCES_WITH_COUNTS,
)
from suxun_tui.store.duplicates import register_functions as register_key_functions
from suxun_tui.store.duplicates import with_sources
from suxun_tui.store.fetch_records import (
    read_fetch_state,
    read_refresh_states,
    write_error,
    write_success,
    write_successes,
)
from suxun_tui.store.fts import register_functions
from suxun_tui.store.marks import Mark, write_mark
from suxun_tui.store.schema import MIGRATIONS, migrate
from suxun_tui.store.schema_check import check_schema
from suxun_tui.store.sources import SourceSpecRow, find_source, sources_match, write_sources
from suxun_tui.store.values import FetchState, SourceUpdate, UpdateCounts

if TYPE_CHECKING:  # reading, searching, writing and settling new rows load when they run
    from suxun_tui.query import Query
    from suxun_tui.store.articles import ArticleRow
    from suxun_tui.store.marks import ReaderWrites
    from suxun_tui.store.search import Order
    from suxun_tui.store.source_writes import SourceRows

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DB_NAME",
    "FetchState",
    "SourceUpdate",
    "Store",
    "StoreError",
    "UpdateCounts",
    "connect",
]

DB_NAME = "cache.sqlite3"


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open ``path`` with the pragmas every connection of ours needs (see ``connection``)."""
    if not read_only:
        clean_close.forget(path)  # written from now on: only a clean close notes it again
    conn = open_connection(path, read_only=read_only)
    register_functions(conn)  # the search index's triggers fold text with them
    pending_fold.register(conn)  # a search folds the queued articles' text with it
    register_key_functions(conn)  # the article insert computes duplicate keys with them
    return conn


class Store:
    """All reads and writes of the cache go through this class; nothing else runs SQL."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        """Open (and migrate) the cache; ``read_only`` for a file or directory we may not write.

        A file whose tables do not match its schema version raises ``SchemaMismatch``
        (:mod:`~suxun_tui.store.recovery` moves it aside like a corrupt one).
        """
        self.path = path
        self.read_only = read_only
        # The config's [[rules]], applied to new articles as they are stored (use_rules).
        self.rules: tuple[RuleSpec, ...] = ()
        try:
            self.conn = connect(path, read_only=read_only)
        except sqlite3.DatabaseError as exc:
            raise cannot_open(path, exc) from exc
        try:
            check_schema(
                self.conn, path, migrate=migrate, latest=len(MIGRATIONS), read_only=read_only
            )
        except StoreError:
            self.conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            name = str(getattr(exc, "sqlite_errorname", ""))
            if name.startswith("SQLITE_READONLY"):
                raise StoreError(read_only_advice(path, str(exc))) from exc
            raise cannot_open(path, exc) from exc

    def close(self) -> None:
        self.conn.close()
        if not self.read_only:
            clean_close.record(self.path)  # the next start may skip the whole-file check

    def use_rules(self, rules: Sequence[RuleSpec]) -> None:
        """Apply ``rules`` to every article this store inserts from now on (refresh, sync)."""
        self.rules = tuple(rules)

    @functools.cached_property
    def writes(self) -> ReaderWrites:
        """The reader's writes on this connection: never raising, kept and retried."""
        from suxun_tui.store.marks import ReaderWrites

        return ReaderWrites(self)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken up front (IMMEDIATE), so it never fails half-way.

        If COMMIT itself fails (the disk is full, say), the transaction is rolled back so
        the connection is usable again, and the error is raised to the caller.
        """
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def data_version(self) -> int:
        """Changes whenever another connection commits; the TUI polls it to reload."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # --- sources -------------------------------------------------------------------------

    def sync_sources(self, specs: Sequence[SourceSpecRow]) -> None:
        """Make the configured sources (name, url, kind, group) the active ones, in order.

        Sources no longer configured are hidden, not deleted: their articles and flags
        come back if the user restores the entry. Nothing is written when the cache
        already says exactly this (:mod:`~suxun_tui.store.sources`).
        """
        if not sources_match(self.conn, specs):
            with self.transaction() as conn:
                write_sources(conn, specs)

    def sources(self) -> list[SourceRow]:
        """The active sources with their counts (kept by triggers: see ``store.counts``)."""
        return [SourceRow(*row) for row in self.conn.execute(SOURCES_WITH_COUNTS)]

    def source_counts(self) -> dict[int, tuple[int, int]]:
        """Each source's (unread, total), as the triggers keep them: what a mark changes."""
        return {r[0]: (r[1], r[2]) for r in self.conn.execute(SOURCE_COUNTS)}  # all INTEGER

    def source_id(self, name: str) -> int | None:
        return find_source(self.conn, name)

    def fetch_state(self, source_id: int) -> FetchState:
        return read_fetch_state(self.conn, source_id)

    def refresh_states(self) -> dict[str, tuple[int, str, FetchState]]:
        """Every active source's id, current URL and fetch state, keyed by name."""
        return read_refresh_states(self.conn)

    def record_success(self, source_id: int, update: SourceUpdate) -> None:
        """Remember a successful fetch (also a 304): validators, schedule, no error."""
        with self.transaction() as conn:
            write_success(conn, source_id, update)

    def record_successes(self, updates: Sequence[tuple[int, SourceUpdate]]) -> None:
        """:meth:`record_success` for many sources in one transaction: a refresh's
        unchanged sources (304s, same bodies) cost one commit, not one each."""
        if not updates:
            return
        with self.transaction() as conn:
            write_successes(conn, updates)

    def record_error(self, source_id: int, message: str, not_before: str | None = None) -> None:
        """Keep the source's last error (its articles and last success stay as they were)."""
        with self.transaction() as conn:
            write_error(conn, source_id, message, not_before)

    # --- writing articles ----------------------------------------------------------------

    def store_entries(
        self,
        source_id: int,
        entries: Sequence[FeedEntry],
        update: SourceUpdate | None = None,
    ) -> UpdateCounts:
        """Insert new entries, update changed ones and record success, in one transaction."""
        from suxun_tui.store.articles import article_row

        return self.store_rows(source_id, [article_row(e) for e in entries], update)

    def store_rows(
        self,
        source_id: int,
        rows: Sequence[ArticleRow],
        update: SourceUpdate | None = None,
        item_keys: Sequence[str] = (),
    ) -> UpdateCounts:
        """:meth:`store_entries` for rows prepared by :func:`article_row` (in a worker),
        each stored with its item key when ``item_keys`` gives one.

        Comparing happens before the write lock is taken, and the writes are two
        ``executemany`` calls, so the lock is held for milliseconds even for a big feed.
        Changed content never touches ``read``/``starred``; a full text fetched earlier
        is kept when the feed still carries only its summary.
        """
        from suxun_tui.store.source_writes import SourceRows

        return self.store_sources([SourceRows(source_id, rows, update, item_keys)])[0]

    def store_sources(
        self, batch: Sequence[SourceRows], index_limit: int | None = None
    ) -> list[UpdateCounts]:
        """:meth:`store_rows` for several sources in one transaction: all or none of
        them (:func:`~suxun_tui.store.source_writes.store_batch`, ``index_limit`` too)."""
        from suxun_tui.store.source_writes import store_batch  # not for a refresh of 304s

        return store_batch(self.conn, self.transaction, batch, self.rules, index_limit)

    def save_article_text(self, article_id: int, text: ArticleText) -> None:
        """Store an extracted full article, so it stays readable offline."""
        published = None
        if text.published:
            from suxun_tui.text.timefmt import normalize_iso

            published = normalize_iso(text.published)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE articles SET body = ?, has_full_text = 1, summary_only = 0,"
                " title = CASE WHEN title = '' THEN ? ELSE title END,"
                " author = COALESCE(?, author), origin = ?, editor = ?,"
                " responsible_editor = ?, views = ?, published = COALESCE(?, published)"
                " WHERE id = ?",
                (
                    encode_blocks(text.blocks),
                    text.title,
                    text.author,
                    text.origin,
                    text.editor,
                    text.responsible_editor,
                    text.views,
                    published,
                    article_id,
                ),
            )

    # --- state ---------------------------------------------------------------------------

    def set_read(self, article_id: int, read: bool = True) -> None:
        """Mark one article; an account's article also queues the mark for its server."""
        self._mark(Mark("read", read, article_ids=(article_id,)))

    def set_starred(self, article_id: int, starred: bool) -> None:
        self._mark(Mark("starred", starred, article_ids=(article_id,)))

    def _mark(self, mark: Mark) -> int:
        with self.transaction() as conn:
            return write_mark(conn, mark)

    def mark_all_read(self, source_id: int | None = None, group: str | None = None) -> int:
        """Mark a source, a group or (both None) everything read; returns how many changed."""
        return self._mark(Mark("read", True, source_ids=self.scope(source_id, group)))

    def scope(self, source_id: int | None, group: str | None) -> tuple[int, ...] | None:
        """The sources a mark-all covers: one, a group's, or (None) every source."""
        if source_id is not None:
            return (source_id,)
        if group is None:
            return None
        rows = self.conn.execute("SELECT id FROM sources WHERE grp = ?", (group,)).fetchall()
        return tuple(int(r[0]) for r in rows)

    # --- reading -------------------------------------------------------------------------

    def headlines(
        self,
        *,
        source_id: int | None = None,
        group: str | None = None,
        unread_only: bool = False,
        starred_only: bool = False,
        limit: int | None = None,
    ) -> list[Headline]:
        """Headlines newest first, filtered; one query, so 100,000 rows stay quick."""
        from suxun_tui.store.query_sql import SHOWN
        from suxun_tui.store.search import select_headlines

        where = ["s.active = 1", SHOWN]  # not hidden by a rule, not a later copy
        params: list[object] = []
        if source_id is not None:
            where.append("a.source_id = ?")
            params.append(source_id)
        if group is not None:
            where.append("s.grp = ?")
            params.append(group)
        if unread_only:
            where.append(self._unread_term(limit if source_id is None else None))
        if starred_only:
            where.append("a.starred = 1")
        return select_headlines(self.conn, where, params, limit)

    def _unread_term(self, limit: int | None) -> str:
        """``read = 0``, or the same kept off the unread index when walking newest-first wins.

        The unread index hands over every unread article to be sorted (a second for
        400,000); walking the time index finds ``limit`` of them after about
        ``limit * total / unread`` rows. The counts (kept by triggers) choose.
        """
        if limit is None:
            return "a.read = 0"
        unread, total = self.counts()
        return "+a.read = 0" if unread and limit * total <= unread * unread else "a.read = 0"

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article with its body and metadata; None when it is not in the cache."""
        from suxun_tui.store.search import ARTICLE_QUERY, article_from_row

        row = self.conn.execute(ARTICLE_QUERY, (article_id,)).fetchone()
        return with_sources(self.conn, article_from_row(row)) if row is not None else None

    def needs_full_text(self, article_id: int) -> bool:
        """True when the stored body is only a summary (or empty) and no full text is kept."""
        row = self.conn.execute(
            "SELECT has_full_text, summary_only, body FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return False
        return not row[0] and (bool(row[1]) or row[2] in ("", "[]"))

    def starred_count(self) -> int:
        """How many articles of active sources are starred (a count, not the rows)."""
        from suxun_tui.store.query_sql import SHOWN

        row = self.conn.execute(
            "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id"
            f" WHERE s.active = 1 AND a.starred = 1 AND {SHOWN}"
        ).fetchone()
        return int(row[0])

    def counts(self) -> tuple[int, int]:
        """(unread, total) over all active sources."""
        row = self.conn.execute(ACTIVE_COUNTS).fetchone()
        return int(row[0]), int(row[1])

    def hidden_counts(self) -> tuple[int, int]:
        """(unread, total) of what rules hid: the built-in "Hidden" feed's counts."""
        row = self.conn.execute(HIDDEN_COUNTS).fetchone()
        return int(row[0]), int(row[1])

    def search(
        self,
        query: str | Query,
        *,
        source_id: int | None = None,
        limit: int | None = None,
        order: Order = "newest",
    ) -> list[Headline]:
        """Headlines matching ``query`` (store.search; a bad string raises QueryError)."""
        from suxun_tui.store.search import search_headlines

        return search_headlines(self.conn, query, source_id=source_id, limit=limit, order=order)

    def query_counts(self, query: str | Query) -> tuple[int, int]:
        """(unread, total) of what ``query`` matches: a query feed's counts."""
        from suxun_tui.store.search import count_matches

        return count_matches(self.conn, query)

    def mark_read(self, article_ids: Sequence[int]) -> int:
        """Mark exactly these articles read, in one transaction; returns how many changed."""
        return self._mark(Mark("read", True, article_ids=tuple(article_ids)))
