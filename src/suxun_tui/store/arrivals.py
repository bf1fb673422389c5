"""New articles, settled in the transaction that stored them: duplicates, then rules.

Both write paths that add articles — a source's refresh (``Store.store_rows``) and a
batch a sync pulled (``AccountStore.store_entries``) — note the highest article id before
they insert and call :func:`settle_new` before they commit. Every row above that id is
new: it joins the story it repeats (:mod:`~suxun_tui.store.duplicates`), the story keeps
one state, and the config's rules (:mod:`~suxun_tui.store.rules`) act on it. A kill
undoes the articles, their grouping and the rules' marks together, so a hidden topic
never shows for a moment and never comes back after a restart.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from suxun_tui.config.model import RuleSpec
from suxun_tui.store.duplicates import group_new
from suxun_tui.store.fts import Progress
from suxun_tui.store.marks import Mark, write_mark


def last_id(conn: sqlite3.Connection) -> int:
    """The highest article id now: every row inserted after it in this transaction is new."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])


def settle_new(conn: sqlite3.Connection, after_id: int, rules: Sequence[RuleSpec] = ()) -> None:
    """Group the articles above ``after_id`` with the stories they repeat, then apply rules."""
    joined = group_new(conn, after_id)
    settle_groups(conn, {root for _, root in joined})
    if rules:
        from suxun_tui.store.rules import apply_to_new  # the query compiler: only with rules

        apply_to_new(conn, rules, after_id)


def settle_groups(conn: sqlite3.Connection, roots: Iterable[int]) -> None:
    """Give each story one state: read, starred or hidden when any member is.

    A copy that arrives unread of a story already read is read (and an account's copy
    queues that for its server); a copy its server says is read makes the story read.
    """
    wanted = sorted(set(roots))
    if not wanted:
        return
    read: list[int] = []
    starred: list[int] = []
    hidden: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT coalesce(dup_of, id), max(read), max(starred), max(hidden) FROM articles"
            f" WHERE id IN ({marks}) OR dup_of IN ({marks}) GROUP BY coalesce(dup_of, id)",
            [*chunk, *chunk],
        ).fetchall()
        for root, any_read, any_starred, any_hidden in rows:
            for flagged, into in ((any_read, read), (any_starred, starred), (any_hidden, hidden)):
                if flagged:
                    into.append(int(root))
    if read:
        write_mark(conn, Mark("read", True, article_ids=tuple(read)))
    if starred:
        write_mark(conn, Mark("starred", True, article_ids=tuple(starred)))
    if hidden:
        from suxun_tui.store.rules import hide  # loads the query compiler: rare

        hide(conn, hidden)


def group_existing(conn: sqlite3.Connection, progress: Progress | None = None) -> None:
    """The schema step for a cache stored before duplicates were known: every article's
    keys, then every story grouped, oldest article the root, in the migration's
    transaction (a few seconds at 100,000 articles; no progress of its own)."""
    conn.execute(
        "UPDATE articles SET url_key = suxun_url_key(url), title_key = suxun_title_key(url, title)"
    )
    joined = group_new(conn, 0)
    settle_groups(conn, {root for _, root in joined})
