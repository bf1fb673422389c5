"""What a feed-server account keeps in the cache: its feeds as sources, its entries, cursors.

An account's feeds are sources with ``account`` and ``remote_id`` set; their group is
the account's name, or ``account/folder`` for a feed in a folder. Each entry is an article
whose guid is the server's entry id. Every batch a sync pulls is written in one
transaction together with the cursor that batch advances, so a kill mid-sync leaves the
cache at the end of some batch and the next sync continues from there.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Sequence
from itertools import repeat
from operator import not_
from typing import TYPE_CHECKING, Any

from suxun_tui.store.arrivals import last_id, settle_new
from suxun_tui.store.articles import ArticleRow, plan_writes
from suxun_tui.store.db import Store
from suxun_tui.store.queue import PendingChange, drop_pushed, pending_changes
from suxun_tui.text.timefmt import now_utc, to_stored

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass
else:
    from suxun_tui.record import dataclass

if TYPE_CHECKING:  # typing's, made at run time without compiling annotations (suxun_tui.tuples)
    from typing import NamedTuple
else:
    from suxun_tui.tuples import NamedTuple

_OF_ACCOUNT = "source_id IN (SELECT id FROM sources WHERE account = ?)"
# Both arrays of one read come from the same pass over the rows, so they pair up in order.
_ENTRIES_OF_ACCOUNT = (
    f"SELECT json_group_array(guid), json_group_array(id) FROM articles WHERE {_OF_ACCOUNT}"
)
_UNREAD_OF_ACCOUNT = f"SELECT json_group_array(id) FROM articles WHERE {_OF_ACCOUNT} AND read = 0"
_STARRED_OF_ACCOUNT = (
    f"SELECT json_group_array(id) FROM articles WHERE starred = 1 AND {_OF_ACCOUNT}"
)


def _json_list(conn: sqlite3.Connection, sql: str, args: tuple[str]) -> list[list[Any]]:
    """The JSON arrays of the one row ``sql`` returns, decoded."""
    row = conn.execute(sql, args).fetchone()
    return [json.loads(value) for value in row]


ACCOUNT_POSITION = 1_000_000  # account sources are listed after the configured ones
# A flag the server sends is not applied while a local mark of it waits to be pushed.
_NOT_QUEUED = (
    "NOT EXISTS (SELECT 1 FROM pending_changes p"
    " WHERE p.article_id = articles.id AND p.field = '{flag}')"
)


@dataclass(frozen=True)
class RemoteFeed:
    """A subscription on the server: its id there, title, feed URL and folder."""

    remote_id: str
    title: str
    url: str
    folder: str | None = None


@dataclass(frozen=True)
class RemoteEntry:
    """An entry from the server, ready to store: its feed's id, the row and its flags."""

    feed_id: str
    row: ArticleRow  # guid (row[0]) is the server's entry id
    read: bool
    starred: bool


class Known(NamedTuple):
    """What the cache holds of one server entry (a tuple: a sync reads tens of thousands,
    and a frozen dataclass is several times slower to build)."""

    article_id: int
    read: bool
    starred: bool


class AccountStore:
    """The account's part of the cache, on the caller's :class:`Store` connection."""

    def __init__(self, store: Store, account: str) -> None:
        self.store = store
        self.conn: sqlite3.Connection = store.conn
        self.account = account

    # --- subscriptions -------------------------------------------------------------------

    def set_feeds(self, feeds: Sequence[RemoteFeed]) -> dict[str, int]:
        """Make ``feeds`` the account's active sources; returns remote id → source id.

        Feeds gone from the server are hidden (their articles and flags stay); a name
        another source already uses gets the server's feed id appended. Feeds the cache
        already holds as they are (every sync but the ones after a change on the server)
        write nothing: no transaction, no commit.
        """
        if self._feeds_plan(feeds) == self._active_feeds():
            return self.sources()
        with self.store.transaction() as conn:
            conn.execute("UPDATE sources SET active = 0 WHERE account = ?", (self.account,))
            for position, feed in enumerate(feeds, start=ACCOUNT_POSITION):
                group = f"{self.account}/{feed.folder}" if feed.folder else self.account
                name = self._free_name(conn, f"{self.account}: {feed.title}", feed.remote_id)
                conn.execute(
                    "INSERT INTO sources (name, url, config_url, kind, grp, active, position,"
                    " account, remote_id, title) VALUES (?, ?, ?, 'feed', ?, 1, ?, ?, ?, ?)"
                    " ON CONFLICT(account, remote_id) WHERE account IS NOT NULL DO UPDATE SET"
                    " name = excluded.name, url = excluded.url, config_url = excluded.url,"
                    " grp = excluded.grp, active = 1, position = excluded.position,"
                    " title = excluded.title",
                    (name, feed.url, feed.url, group, position, self.account)
                    + (feed.remote_id, feed.title),
                )
        return self.sources()

    def _feeds_plan(self, feeds: Sequence[RemoteFeed]) -> dict[str, tuple[object, ...]]:
        """What :meth:`set_feeds` would write for each feed, read without writing."""
        plan: dict[str, tuple[object, ...]] = {}
        for position, feed in enumerate(feeds, start=ACCOUNT_POSITION):
            group = f"{self.account}/{feed.folder}" if feed.folder else self.account
            name = self._free_name(self.conn, f"{self.account}: {feed.title}", feed.remote_id)
            plan[feed.remote_id] = (name, feed.url, feed.url, "feed", group, position, feed.title)
        return plan

    def _active_feeds(self) -> dict[str, tuple[object, ...]]:
        rows = self.conn.execute(
            "SELECT remote_id, name, url, config_url, kind, grp, position, title FROM sources"
            " WHERE account = ? AND active = 1",
            (self.account,),
        ).fetchall()
        return {str(r[0]): tuple(r[1:]) for r in rows}

    def _free_name(self, conn: sqlite3.Connection, name: str, remote_id: str) -> str:
        row = conn.execute(
            "SELECT account, remote_id FROM sources WHERE name = ?", (name,)
        ).fetchone()
        if row is None or (row[0], row[1]) == (self.account, remote_id):
            return name
        return f"{name} #{remote_id}"

    def sources(self) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT remote_id, id FROM sources WHERE account = ? AND active = 1", (self.account,)
        ).fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def source_names(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT name FROM sources WHERE account = ? AND active = 1", (self.account,)
        ).fetchall()
        return [str(r[0]) for r in rows]

    def record_error(self, message: str) -> None:
        """Show the account's failure on each of its sources, where the reader shows errors."""
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE sources SET last_attempt = ?, last_error = ? WHERE account = ?",
                (to_stored(now_utc()), message, self.account),
            )

    def record_success(self) -> None:
        now = to_stored(now_utc())
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE sources SET last_attempt = ?, last_success = ?, last_error = NULL"
                " WHERE account = ?",
                (now, now, self.account),
            )

    # --- entries and state ---------------------------------------------------------------

    def known(self) -> dict[str, Known]:
        """Every entry of the account in the cache, by server id.

        Read from indexes alone — ids by (source, guid), the unread and the starred ones
        by their partial indexes — not from the rows, whose flags sit after the body (tens
        of thousands of rows would walk each body's overflow pages). Each read returns one
        row, its values gathered by SQLite as a JSON array: row by row, every step gives
        up the GIL, and taking it back waits behind the event loop's thread while it
        decodes the server's listings (20,000 entries: 0.1 s instead of 0.5 s measured
        beside a busy thread, 55 ms instead of 82 ms alone).
        """
        account = (self.account,)
        unread = set(_json_list(self.conn, _UNREAD_OF_ACCOUNT, account)[0])
        starred = set(_json_list(self.conn, _STARRED_OF_ACCOUNT, account)[0])
        guids, ids = _json_list(self.conn, _ENTRIES_OF_ACCOUNT, account)  # guids are TEXT
        # Known(id, read, starred) for each, made without a Python call per entry (half
        # the time of a comprehension calling Known).
        read = map(not_, map(unread.__contains__, ids))
        flags = zip(ids, read, map(starred.__contains__, ids), strict=True)
        # Tens of thousands of new tuples would set off the cycle collector again and again
        # (a third of this method's time): they hold no cycle, so it waits until they exist.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return dict(zip(guids, map(tuple.__new__, repeat(Known), flags), strict=True))
        finally:
            if collecting:
                gc.enable()

    def store_entries(
        self,
        entries: Sequence[RemoteEntry],
        *,
        drop_changes: Sequence[int] = (),
        cursor: dict[str, str] | None = None,
    ) -> tuple[int, int, int]:
        """Write a pulled batch: new, changed and unknown-feed entries; one transaction.

        ``drop_changes`` (queued marks the server's newer change replaces) go first; then
        flags come from the server except where a mark is still queued — that one wins
        and is pushed. Returns (new, updated, skipped for an unknown feed).
        """
        feeds = self.sources()
        by_source: dict[int, list[RemoteEntry]] = {}
        skipped = 0
        for entry in entries:
            source_id = feeds.get(entry.feed_id)
            if source_id is None:
                skipped += 1
                continue
            by_source.setdefault(source_id, []).append(entry)
        now = to_stored(now_utc())
        new = updated = 0
        with self.store.transaction() as conn:
            drop_pushed(conn, drop_changes)
            before = last_id(conn)
            for source_id, batch in by_source.items():
                existing = dict(
                    conn.execute(
                        "SELECT guid, content_hash FROM articles WHERE source_id = ?",
                        (source_id,),
                    ).fetchall()
                )
                plan = plan_writes(source_id, [e.row for e in batch], existing, now)
                added, changed = plan.write(conn)
                new, updated = new + added, updated + changed
                for flag in ("read", "starred"):
                    conn.executemany(
                        f"UPDATE articles SET {flag} = ? WHERE source_id = ? AND guid = ?"
                        f" AND {flag} != ? AND {_NOT_QUEUED.format(flag=flag)}",
                        [
                            (int(getattr(e, flag)), source_id, e.row[0]) + (int(getattr(e, flag)),)
                            for e in batch
                        ],
                    )
            if new:  # duplicates and rules, after the server's flags
                settle_new(conn, before, self.store.rules)
            self._save_cursor(conn, cursor)
        return new, updated, skipped

    def apply_flags(
        self,
        flags: Sequence[tuple[int, str, bool]],
        *,
        drop_changes: Sequence[int] = (),
        cursor: dict[str, str] | None = None,
    ) -> int:
        """Set (article id, flag, value) from the server without queueing; how many changed."""
        with self.store.transaction() as conn:
            drop_pushed(conn, drop_changes)
            before = conn.total_changes
            for flag in ("read", "starred"):
                conn.executemany(
                    f"UPDATE articles SET {flag} = ? WHERE id = ? AND {flag} != ?"
                    f" AND {_NOT_QUEUED.format(flag=flag)}",
                    [(int(v), i, int(v)) for i, f, v in flags if f == flag],
                )
            changed = conn.total_changes - before
            self._save_cursor(conn, cursor)
        return changed

    def pending(self) -> list[PendingChange]:
        return pending_changes(self.conn, self.account)

    def drop_pushed(self, change_ids: Sequence[int]) -> None:
        with self.store.transaction() as conn:
            drop_pushed(conn, change_ids)

    # --- cursors -------------------------------------------------------------------------

    def cursor(self) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT key, value FROM sync_state WHERE account = ?", (self.account,)
        ).fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    def save_cursor(self, cursor: dict[str, str]) -> None:
        with self.store.transaction() as conn:
            self._save_cursor(conn, cursor)

    def _save_cursor(self, conn: sqlite3.Connection, cursor: dict[str, str] | None) -> None:
        if cursor:
            conn.executemany(
                "INSERT OR REPLACE INTO sync_state (account, key, value) VALUES (?, ?, ?)",
                [(self.account, k, v) for k, v in cursor.items()],
            )


def retire_accounts(store: Store, configured: Sequence[str]) -> None:
    """Hide the sources of accounts no longer in the config (kept, as for sources)."""
    sql = "UPDATE sources SET active = 0 WHERE account IS NOT NULL AND active = 1"
    if configured:  # (NOT IN of an empty list would be NOT IN (NULL): never true)
        sql += f" AND account NOT IN ({','.join('?' * len(configured))})"
    # Asked first, without the write lock: every refresh comes here, and mostly nothing
    # is to be retired (a write would cost a commit, and fail on a cache we may only read).
    retired = sql.replace("UPDATE sources SET active = 0", "SELECT 1 FROM sources", 1)
    if store.conn.execute(retired + " LIMIT 1", tuple(configured)).fetchone() is None:
        return
    with store.transaction() as conn:
        conn.execute(sql, tuple(configured))
