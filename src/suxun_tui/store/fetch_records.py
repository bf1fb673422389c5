"""A source's fetch record: validators, schedule, last success and last error.

A refresh reads every due source's record in one query before it fetches, and writes one
after each answer — a success (a 304 too) or an error. Only these columns are touched:
the articles and their read and star state are never part of a fetch record, so a failed
fetch leaves a source's articles and its last success as they were.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from suxun_tui.store.values import FetchState, SourceUpdate
from suxun_tui.text.timefmt import now_utc, to_stored


def read_fetch_state(conn: sqlite3.Connection, source_id: int) -> FetchState:
    row = conn.execute(
        "SELECT etag, last_modified, content_hash, next_due, last_success, not_before"
        " FROM sources WHERE id = ?",
        (source_id,),
    ).fetchone()
    return FetchState(*row) if row else FetchState(None, None, None, None, None, None)


def read_refresh_states(conn: sqlite3.Connection) -> dict[str, tuple[int, str, FetchState]]:
    """Every active source's id, current URL and fetch state, keyed by name, in one query.

    A refresh needs these for each source; asking once keeps hundreds of sources from
    costing hundreds of queries.
    """
    rows = conn.execute(
        "SELECT name, id, url, etag, last_modified, content_hash, next_due, last_success,"
        " not_before FROM sources WHERE active = 1"
    ).fetchall()
    return {r[0]: (int(r[1]), str(r[2]), FetchState(*r[3:])) for r in rows}


_SUCCESS = (
    "UPDATE sources SET last_attempt = ?, last_success = ?, last_error = NULL,"
    " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),"
    " content_hash = COALESCE(?, content_hash), next_due = ?, not_before = ?,"
    " title = COALESCE(?, title), url = COALESCE(?, url), kind = COALESCE(kind, ?)"
    " WHERE id = ?"
)


def write_success(conn: sqlite3.Connection, source_id: int, update: SourceUpdate) -> None:
    """A successful fetch inside the caller's transaction: validators, schedule, no error."""
    write_successes(conn, [(source_id, update)])


def write_successes(conn: sqlite3.Connection, updates: Sequence[tuple[int, SourceUpdate]]) -> None:
    """:func:`write_success` for many sources at one moment, in one prepared statement
    (a refresh's unchanged sources: hundreds of rows)."""
    now = to_stored(now_utc())
    conn.executemany(
        _SUCCESS,
        [
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
            )
            for source_id, update in updates
        ],
    )


def write_error(
    conn: sqlite3.Connection, source_id: int, message: str, not_before: str | None
) -> None:
    """A failed fetch inside the caller's transaction: the message and when to try again."""
    conn.execute(
        "UPDATE sources SET last_attempt = ?, last_error = ?, not_before = ? WHERE id = ?",
        (to_stored(now_utc()), message, not_before, source_id),
    )
