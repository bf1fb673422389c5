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
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from suxun_tui.models import ArticleDetail, ArticleText, FeedEntry, Headline, SourceRow
from suxun_tui.query import Query
from suxun_tui.store.articles import ArticleRow, article_row, plan_writes
from suxun_tui.store.codec import encode_blocks
from suxun_tui.store.fts import register_functions
from suxun_tui.store.queue import Flag, queue_marks, queue_marks_many
from suxun_tui.store.schema import migrate
from suxun_tui.store.search import (
    ARTICLE_QUERY,
    Order,
    article_from_row,
    search_headlines,
    select_headlines,
)
from suxun_tui.text.timefmt import now_utc, to_stored

BUSY_TIMEOUT_MS = 30_000
DB_NAME = "cache.sqlite3"


class StoreError(Exception):
    """The cache cannot be used; the message says which file and what to do."""


def cannot_open(path: Path, problem: Exception) -> StoreError:
    return StoreError(
        f"{path}: cannot open the cache ({problem}); check that {path.parent} and the file are "
        "readable and writable, or choose another place with --data-dir or $SUXUN_TUI_DATA_DIR"
    )


@dataclass(frozen=True)
class UpdateCounts:
    """What one source update did: new, changed and unchanged articles."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class SourceUpdate:
    """What a successful fetch tells us about a source, saved with its articles."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    next_due: str | None = None
    not_before: str | None = None
    title: str | None = None
    moved_to: str | None = None
    detected_kind: str | None = None


@dataclass(frozen=True)
class FetchState:
    """What conditional GET and scheduling need to remember about a source."""

    etag: str | None
    last_modified: str | None
    content_hash: str | None
    next_due: str | None
    last_success: str | None
    not_before: str | None = None


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` with the pragmas every connection of ours needs."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    register_functions(conn)  # the search index's triggers fold text with them
    return conn


class Store:
    """All reads and writes of the cache go through this class; nothing else runs SQL."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.conn = connect(path)
            migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise cannot_open(path, exc) from exc

    def close(self) -> None:
        self.conn.close()

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

    def sync_sources(self, specs: Sequence[tuple[str, str, str | None, str | None]]) -> None:
        """Make the configured sources (name, url, kind, group) the active ones, in order.

        Sources no longer configured are hidden, not deleted: their articles and flags
        come back if the user restores the entry.
        """
        with self.transaction() as conn:
            # Only configured sources: an account's sources follow its server (store.remote).
            conn.execute("UPDATE sources SET active = 0 WHERE account IS NULL")
            for position, (name, url, kind, group) in enumerate(specs):
                conn.execute(
                    "INSERT INTO sources (name, url, config_url, kind, grp, active, position)"
                    " VALUES (?, ?, ?, ?, ?, 1, ?)"
                    " ON CONFLICT(name) DO UPDATE SET grp = excluded.grp, active = 1,"
                    " position = excluded.position,"
                    # A new configured URL starts over; an unchanged one keeps what we learnt
                    # (a permanent redirect's new URL, validators, the detected kind).
                    " kind = CASE WHEN sources.config_url = excluded.config_url"
                    "   THEN COALESCE(excluded.kind, sources.kind) ELSE excluded.kind END,"
                    " etag = CASE WHEN sources.config_url = excluded.config_url THEN etag END,"
                    " last_modified = CASE WHEN sources.config_url = excluded.config_url"
                    "   THEN last_modified END,"
                    " content_hash = CASE WHEN sources.config_url = excluded.config_url"
                    "   THEN content_hash END,"
                    " url = CASE WHEN sources.config_url = excluded.config_url"
                    "   THEN sources.url ELSE excluded.url END,"
                    " config_url = excluded.config_url",
                    (name, url, url, kind, group, position),
                )

    def sources(self) -> list[SourceRow]:
        rows = self.conn.execute(
            "SELECT s.id, s.name, s.url, s.kind, s.grp,"
            " (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.read = 0),"
            " (SELECT count(*) FROM articles a WHERE a.source_id = s.id),"
            " s.last_error, s.last_success, s.last_attempt"
            " FROM sources s WHERE s.active = 1 ORDER BY s.position, s.id"
        ).fetchall()
        return [SourceRow(*row) for row in rows]

    def source_id(self, name: str) -> int | None:
        row = self.conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else None

    def fetch_state(self, source_id: int) -> FetchState:
        row = self.conn.execute(
            "SELECT etag, last_modified, content_hash, next_due, last_success, not_before"
            " FROM sources WHERE id = ?",
            (source_id,),
        ).fetchone()
        return FetchState(*row) if row else FetchState(None, None, None, None, None, None)

    def refresh_states(self) -> dict[str, tuple[int, str, FetchState]]:
        """Every active source's id, current URL and fetch state, keyed by name, in one query.

        A refresh needs these for each source; asking once keeps hundreds of sources from
        costing hundreds of queries.
        """
        rows = self.conn.execute(
            "SELECT name, id, url, etag, last_modified, content_hash, next_due, last_success,"
            " not_before FROM sources WHERE active = 1"
        ).fetchall()
        return {r[0]: (int(r[1]), str(r[2]), FetchState(*r[3:])) for r in rows}

    def record_success(self, source_id: int, update: SourceUpdate) -> None:
        """Remember a successful fetch (also a 304): validators, schedule, no error."""
        with self.transaction() as conn:
            self._record_success(conn, source_id, update)

    @staticmethod
    def _record_success(conn: sqlite3.Connection, source_id: int, update: SourceUpdate) -> None:
        now = to_stored(now_utc())
        conn.execute(
            "UPDATE sources SET last_attempt = ?, last_success = ?, last_error = NULL,"
            " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),"
            " content_hash = COALESCE(?, content_hash), next_due = ?, not_before = ?,"
            " title = COALESCE(?, title), url = COALESCE(?, url), kind = COALESCE(kind, ?)"
            " WHERE id = ?",
            (
                now,
                now,
                update.etag,
                update.last_modified,
                update.body_hash,
                update.next_due,
                update.not_before,
                update.title,
                update.moved_to,
                update.detected_kind,
                source_id,
            ),
        )

    def record_error(self, source_id: int, message: str, not_before: str | None = None) -> None:
        """Keep the source's last error (its articles and last success stay as they were)."""
        now = to_stored(now_utc())
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sources SET last_attempt = ?, last_error = ?, not_before = ? WHERE id = ?",
                (now, message, not_before, source_id),
            )

    # --- writing articles ----------------------------------------------------------------

    def store_entries(
        self,
        source_id: int,
        entries: Sequence[FeedEntry],
        update: SourceUpdate | None = None,
    ) -> UpdateCounts:
        """Insert new entries, update changed ones and record success, in one transaction."""
        return self.store_rows(source_id, [article_row(e) for e in entries], update)

    def store_rows(
        self,
        source_id: int,
        rows: Sequence[ArticleRow],
        update: SourceUpdate | None = None,
    ) -> UpdateCounts:
        """:meth:`store_entries` for rows prepared by :func:`article_row` (in a worker).

        Comparing happens before the write lock is taken, and the writes are two
        ``executemany`` calls, so the lock is held for milliseconds even for a big feed.
        Changed content never touches ``read``/``starred``; a full text fetched earlier
        is kept when the feed still carries only its summary.
        """
        existing = dict(
            self.conn.execute(
                "SELECT guid, content_hash FROM articles WHERE source_id = ?", (source_id,)
            ).fetchall()
        )
        plan = plan_writes(source_id, rows, existing, to_stored(now_utc()))
        with self.transaction() as conn:
            new, updated = plan.write(conn)
            self._record_success(conn, source_id, update or SourceUpdate())
        unchanged = plan.unchanged
        return UpdateCounts(new, updated, unchanged)

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
        self._mark("read", read, article_id)

    def set_starred(self, article_id: int, starred: bool) -> None:
        self._mark("starred", starred, article_id)

    def _mark(self, flag: Flag, value: bool, article_id: int) -> None:
        with self.transaction() as conn:
            queue_marks(conn, flag, value, "a.id = ?", (article_id,))
            conn.execute(f"UPDATE articles SET {flag} = ? WHERE id = ?", (int(value), article_id))

    def mark_all_read(self, source_id: int | None = None, group: str | None = None) -> int:
        """Mark a source, a group or (both None) everything read; returns how many changed."""
        where = "1"
        params: tuple[object, ...] = ()
        if source_id is not None:
            where, params = "a.source_id = ?", (source_id,)
        elif group is not None:
            where = "a.source_id IN (SELECT id FROM sources WHERE grp = ?)"
            params = (group,)
        with self.transaction() as conn:
            queue_marks(conn, "read", True, where, params)
            return conn.execute(
                f"UPDATE articles AS a SET read = 1 WHERE read = 0 AND {where}", params
            ).rowcount

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
        where = ["s.active = 1"]
        params: list[object] = []
        if source_id is not None:
            where.append("a.source_id = ?")
            params.append(source_id)
        if group is not None:
            where.append("s.grp = ?")
            params.append(group)
        if unread_only:
            where.append("a.read = 0")
        if starred_only:
            where.append("a.starred = 1")
        return select_headlines(self.conn, where, params, limit)

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article with its body and metadata; None when it is not in the cache."""
        row = self.conn.execute(ARTICLE_QUERY, (article_id,)).fetchone()
        return article_from_row(row) if row is not None else None

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
        row = self.conn.execute(
            "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE s.active = 1 AND a.starred = 1"
        ).fetchone()
        return int(row[0])

    def counts(self) -> tuple[int, int]:
        """(unread, total) over all active sources."""
        row = self.conn.execute(
            "SELECT count(*) - coalesce(sum(a.read), 0), count(*) FROM articles a"
            " JOIN sources s ON s.id = a.source_id WHERE s.active = 1"
        ).fetchone()
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
        return search_headlines(self.conn, query, source_id=source_id, limit=limit, order=order)

    def mark_read(self, article_ids: Sequence[int]) -> int:
        """Mark exactly these articles read, in one transaction; returns how many changed."""
        with self.transaction() as conn:
            queue_marks_many(conn, "read", True, article_ids)
            before = conn.total_changes
            conn.executemany(
                "UPDATE articles SET read = 1 WHERE id = ? AND read = 0",
                [(article_id,) for article_id in article_ids],
            )
            return conn.total_changes - before
