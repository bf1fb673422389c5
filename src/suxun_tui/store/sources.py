"""Which sources are active: the configured ones, in order, and the configured accounts'.

Every command and the reader start by making the cache agree with the config. Asking
first whether it already does (one read) means an unchanged config never takes the write
lock: starting stays quick with 10,000 sources, works on a read-only cache, and never
waits behind a refresh that holds the lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

SourceSpecRow = tuple[str, str, str | None, str | None]  # name, url, kind, group

_UPSERT = (
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
    " config_url = excluded.config_url"
)


def sources_match(conn: sqlite3.Connection, specs: Sequence[SourceSpecRow]) -> bool:
    """Whether the active configured sources already are ``specs``, in this order."""
    stored = conn.execute(
        "SELECT name, config_url, kind, grp FROM sources"
        " WHERE active = 1 AND account IS NULL ORDER BY position, id"
    ).fetchall()
    return len(stored) == len(specs) and all(
        (name, url, group) == (had_name, had_url, had_group) and kind in (None, had_kind)
        for (name, url, kind, group), (had_name, had_url, had_kind, had_group) in zip(
            specs, stored, strict=True
        )
    )


def write_sources(conn: sqlite3.Connection, specs: Sequence[SourceSpecRow]) -> int:
    """Make ``specs`` the active configured sources, inside the caller's transaction."""
    # Only configured sources: an account's sources follow its server (store.remote).
    conn.execute("UPDATE sources SET active = 0 WHERE account IS NULL")
    conn.executemany(
        _UPSERT,
        [
            (name, url, url, kind, group, position)
            for position, (name, url, kind, group) in enumerate(specs)
        ],
    )
    return len(specs)


def _retired_where(accounts: Sequence[str]) -> str:
    where = "account IS NOT NULL AND active = 1"
    if accounts:  # (NOT IN of an empty list would be NOT IN (NULL): never true)
        where += f" AND account NOT IN ({','.join('?' * len(accounts))})"
    return where


def accounts_match(conn: sqlite3.Connection, accounts: Sequence[str]) -> bool:
    """Whether no active source belongs to an account the config no longer names."""
    sql = f"SELECT 1 FROM sources WHERE {_retired_where(accounts)} LIMIT 1"
    return conn.execute(sql, tuple(accounts)).fetchone() is None


def retire_accounts(conn: sqlite3.Connection, accounts: Sequence[str]) -> int:
    """Hide the sources of accounts no longer configured (kept, as for sources)."""
    sql = f"UPDATE sources SET active = 0 WHERE {_retired_where(accounts)}"
    return conn.execute(sql, tuple(accounts)).rowcount


def config_matches(
    conn: sqlite3.Connection, specs: Sequence[SourceSpecRow], accounts: Sequence[str]
) -> bool:
    return sources_match(conn, specs) and accounts_match(conn, accounts)


def write_config(
    conn: sqlite3.Connection, specs: Sequence[SourceSpecRow], accounts: Sequence[str]
) -> int:
    """Both of the above in the caller's transaction (the start of every command)."""
    return write_sources(conn, specs) + retire_accounts(conn, accounts)


def find_source(conn: sqlite3.Connection, name: str) -> int | None:
    """The id of the source named ``name``; None when there is none — also for a name
    holding a byte the terminal could not decode, which no source's name holds (and
    SQLite could not be asked for)."""
    if not name.isascii():
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            return None
    row = conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else None
