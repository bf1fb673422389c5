"""Whether a cache file really has the tables its ``user_version`` promises.

A file can be valid SQLite and still not be a usable cache: a table dropped by hand or by
another program, a file of some other application at our path. SQLite's own checks pass,
and the first query fails with "no such table". The tables (and their columns) that a
fresh cache has at the current version (:data:`EXPECTED`) are compared with the file's; a
difference raises :class:`SchemaMismatch`, which :mod:`~suxun_tui.store.recovery` treats
like a corrupt file: moved aside, never deleted, and the user told where it went.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from suxun_tui.store.connection import SchemaMismatch, StoreError, read_only_advice

Tables = dict[str, frozenset[str]]  # table name -> column names

# A new cache's tables at the current version, written out rather than built at every
# start (migrating a cache in memory cost some 13 ms of each command's start-up); a test
# builds them and compares, so a migration that changes a table fails it until this is
# brought in line.
EXPECTED: Tables = {
    "article_index": frozenset({"author", "source", "text", "title"}),
    "article_index_config": frozenset({"k", "v"}),
    "article_index_content": frozenset({"c0", "c1", "c2", "c3", "id"}),
    "article_index_data": frozenset({"block", "id"}),
    "article_index_docsize": frozenset({"id", "sz"}),
    "article_index_idx": frozenset({"pgno", "segid", "term"}),
    "article_index_terms": frozenset({"col", "doc", "offset", "term"}),
    "article_tags": frozenset({"article_id", "tag"}),
    "articles": frozenset(
        {
            "author",
            "body",
            "content_hash",
            "dup_of",
            "editor",
            "first_seen",
            "guid",
            "has_full_text",
            "hidden",
            "id",
            "item_hash",
            "origin",
            "published",
            "read",
            "responsible_editor",
            "source_id",
            "starred",
            "summary_only",
            "title",
            "title_key",
            "url",
            "url_key",
            "views",
        }
    ),
    "index_changed": frozenset({"article_id"}),
    "index_mark": frozenset({"edits", "id", "upto"}),
    "index_queue": frozenset({"article_id"}),
    "index_stale": frozenset({"article_id"}),
    "pending_changes": frozenset({"article_id", "changed", "field", "id", "value"}),
    "source_counts": frozenset({"source_id", "total", "unread"}),
    "sources": frozenset(
        {
            "account",
            "active",
            "config_url",
            "content_hash",
            "etag",
            "grp",
            "id",
            "kind",
            "last_attempt",
            "last_error",
            "last_modified",
            "last_success",
            "name",
            "next_due",
            "not_before",
            "position",
            "remote_id",
            "title",
            "url",
        }
    ),
    "sync_state": frozenset({"account", "key", "value"}),
    "ui_state": frozenset({"key", "value"}),
}

# What a migration step says when the tables it alters are not those it expects.
_MISMATCH_WORDS = ("no such table", "no such column", "already exists", "duplicate column")


def tables(conn: sqlite3.Connection) -> Tables:
    """Every table (virtual ones too) and view of ``conn``'s main schema with its columns
    (search reads the index's queue through a view)."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
            " AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: _columns(conn, name) for name in names}


def _columns(conn: sqlite3.Connection, name: str) -> frozenset[str]:
    """A table's or view's column names; none for a view over a table that is gone."""
    try:
        rows = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
    except sqlite3.OperationalError:
        return frozenset()
    return frozenset(str(c[1]) for c in rows)


def schema_problem(found: Tables, expected: Tables) -> str | None:
    """What the file lacks, in words; None when every expected table and column is there."""
    for name, columns in expected.items():
        if name not in found:
            return f"its table '{name}' is missing"
        missing = sorted(columns - found[name])
        if missing:
            return f"its table '{name}' lacks the column '{missing[0]}'"
    return None


def check_schema(
    conn: sqlite3.Connection,
    path: Path,
    *,
    migrate: Callable[[sqlite3.Connection], int],
    latest: int,
    read_only: bool = False,
) -> None:
    """Migrate ``conn`` (unless ``read_only``) to version ``latest``, then compare its
    tables with a new cache's.

    A migration step that finds the wrong tables counts as a mismatch too.
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if read_only:
        if version < latest:
            raise StoreError(
                read_only_advice(path, f"it needs an upgrade to version {latest} first")
            )
    else:
        try:
            migrate(conn)
        except sqlite3.OperationalError as exc:
            if any(words in str(exc) for words in _MISMATCH_WORDS):
                raise SchemaMismatch(f"{path}: not the cache its version says ({exc})") from exc
            raise
    if version > latest:
        return  # a newer program's cache: migrate has said so, or reading is all we do
    problem = schema_problem(tables(conn), EXPECTED)
    if problem is not None:
        raise SchemaMismatch(f"{path}: not the cache its version ({version}) says: {problem}")
