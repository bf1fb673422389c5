"""The reader's remembered state: small key/value pairs kept in the cache file.

What the reader wants back after a restart — the last view, the selected headline, each
article's scroll position, the theme picked in the palette — is not worth a file of its
own, and the cache is already where the reader's state (read, starred) lives. The reader
never runs SQL: it goes through :class:`UiState`.

Remembering is a convenience, so it never gets in the way: a read that fails answers
"nothing remembered", and a write waits at most :data:`WRITE_WAIT_MS` for a lock (a cron
refresh holding the file) and then gives up, saying so with False. Scroll positions are
many and small; only the newest :data:`MAX_SCROLL_POSITIONS` are kept.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Mapping

from suxun_tui.store.db import BUSY_TIMEOUT_MS, Store

WRITE_WAIT_MS = 250  # a remembered position is not worth freezing the reader for
MAX_SCROLL_POSITIONS = 500
SCROLL_PREFIX = "scroll:"


class UiState:
    """Reads and writes the ``ui_state`` table of ``store``'s connection."""

    def __init__(self, store: Store) -> None:
        self.conn = store.conn

    def get(self, key: str) -> str | None:
        try:
            row = self.conn.execute("SELECT value FROM ui_state WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return str(row[0]) if row else None

    def put(self, values: Mapping[str, str | None]) -> bool:
        """Store ``values`` (None deletes a key) in one short transaction; False if not."""
        if not values:
            return True
        return self._write(
            [(k, v) for k, v in values.items() if v is not None],
            [k for k, v in values.items() if v is None],
        )

    def scroll_position(self, article_id: int) -> float:
        """Where the article was left, as a fraction of its height (0: the top)."""
        value = self.get(f"{SCROLL_PREFIX}{article_id}")
        try:
            position = float(value) if value is not None else 0.0
        except ValueError:
            return 0.0
        return min(max(position, 0.0), 1.0) if position == position else 0.0

    def put_scroll_position(self, article_id: int, position: float) -> bool:
        """Remember ``position`` (0: top, dropped) and keep only the newest positions."""
        key = f"{SCROLL_PREFIX}{article_id}"
        if position <= 0.0:
            return self._write([], [key])
        return self._write([(key, f"{min(position, 1.0):.4f}")], [], prune=True)

    def _write(
        self, upserts: list[tuple[str, str]], deletes: list[str], *, prune: bool = False
    ) -> bool:
        conn = self.conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {WRITE_WAIT_MS}")
            conn.execute("BEGIN IMMEDIATE")
            try:
                if deletes:
                    conn.executemany("DELETE FROM ui_state WHERE key = ?", [(k,) for k in deletes])
                if upserts:
                    # Delete then insert: the newest rowid is the most recently written.
                    conn.executemany(
                        "DELETE FROM ui_state WHERE key = ?", [(k,) for k, _ in upserts]
                    )
                    conn.executemany("INSERT INTO ui_state (key, value) VALUES (?, ?)", upserts)
                if prune:
                    conn.execute(
                        "DELETE FROM ui_state WHERE key LIKE ? AND rowid NOT IN ("
                        " SELECT rowid FROM ui_state WHERE key LIKE ?"
                        " ORDER BY rowid DESC LIMIT ?)",
                        (SCROLL_PREFIX + "%", SCROLL_PREFIX + "%", MAX_SCROLL_POSITIONS),
                    )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            return False
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return True
