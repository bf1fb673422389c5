"""Whether a cache file really has the tables its ``user_version`` promises.

A file can be valid SQLite and still not be a usable cache: a table dropped by hand or by
another program, a file of some other application at our path. SQLite's own checks pass,
and the first query fails with "no such table". The tables (and their columns) that a
fresh cache has at the current version are compared with the file's; a difference raises
:class:`SchemaMismatch`, which :mod:`~suxun_tui.store.recovery` treats like a corrupt
file: moved aside, never deleted, and the user told where it went.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from suxun_tui.store.connection import SchemaMismatch, StoreError, read_only_advice

Tables = dict[str, frozenset[str]]  # table name -> column names

_reference: tuple[int, Tables] | None = None  # a new cache's version and tables

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


def reference(
    fresh: Callable[[], sqlite3.Connection], migrate: Callable[[sqlite3.Connection], int]
) -> tuple[int, Tables]:
    """A brand-new cache's version and tables, built once per process in memory."""
    global _reference
    if _reference is None:
        conn = fresh()
        try:
            _reference = (migrate(conn), tables(conn))
        finally:
            conn.close()
    return _reference


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
    fresh: Callable[[], sqlite3.Connection],
    read_only: bool = False,
) -> None:
    """Migrate ``conn`` (unless ``read_only``), then compare its tables with a new cache's.

    A migration step that finds the wrong tables counts as a mismatch too.
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    latest, expected = reference(fresh, migrate)
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
    problem = schema_problem(tables(conn), expected)
    if problem is not None:
        raise SchemaMismatch(f"{path}: not the cache its version ({version}) says: {problem}")
