"""The queue of local marks waiting to reach a feed server.

A mark (read, unread, star, unstar, mark-all-read) of an article that belongs to an
account's source is queued by the very statement batch that changes the article, inside
the same transaction: after a crash either both happened or neither, so no mark is ever
lost and the reader never waits for the network. The queue holds the *state* to set
(read = 1, starred = 0), never a toggle, so pushing a row twice (a kill between the
server's answer and the local delete) sets the same state twice and changes nothing.

One row per article and flag: marking again replaces the row, and ``AUTOINCREMENT``
gives the replacement a new id, so a sync deletes only the rows it pushed
(:func:`drop_pushed`) and a mark made while it talked to the server stays queued.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass
else:
    from suxun_tui.record import dataclass

Flag = Literal["read", "starred"]

_QUEUE = (
    "INSERT OR REPLACE INTO pending_changes (article_id, field, value, changed)"
    " SELECT a.id, '{flag}', ?, ? FROM articles a JOIN sources s ON s.id = a.source_id"
    " WHERE s.account IS NOT NULL AND a.{flag} != ? AND {where}"
)


@dataclass(frozen=True)
class PendingChange:
    """One queued mark: which server entry, which flag, the state to set, and when."""

    id: int
    article_id: int
    remote_id: str
    flag: Flag
    value: bool
    changed: datetime


def change_time() -> str:
    """When a mark was made, to the microsecond: compared with the server's change times."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def queue_marks(
    conn: sqlite3.Connection, flag: Flag, value: bool, where: str, params: Sequence[object]
) -> None:
    """Queue ``flag = value`` for the account articles matching ``where`` (alias ``a``).

    Call it inside the transaction that changes the articles, *before* the UPDATE: only
    articles whose flag really changes are queued.
    """
    sql = _QUEUE.format(flag=flag, where=where)
    conn.execute(sql, (int(value), change_time(), int(value), *params))


def queue_marks_many(
    conn: sqlite3.Connection, flag: Flag, value: bool, article_ids: Sequence[int]
) -> None:
    """:func:`queue_marks` for a list of article ids, one prepared statement."""
    sql = _QUEUE.format(flag=flag, where="a.id = ?")
    now = change_time()
    conn.executemany(sql, [(int(value), now, int(value), i) for i in article_ids])


def pending_changes(conn: sqlite3.Connection, account: str) -> list[PendingChange]:
    """The account's queued marks, oldest first."""
    rows = conn.execute(
        "SELECT p.id, p.article_id, a.guid, p.field, p.value, p.changed"
        " FROM pending_changes p JOIN articles a ON a.id = p.article_id"
        " JOIN sources s ON s.id = a.source_id WHERE s.account = ? ORDER BY p.id",
        (account,),
    ).fetchall()
    return [
        PendingChange(int(r[0]), int(r[1]), str(r[2]), r[3], bool(r[4]), _parse_time(r[5]))
        for r in rows
    ]


def pending_count(conn: sqlite3.Connection, account: str | None = None) -> int:
    sql = "SELECT count(*) FROM pending_changes p"
    if account is None:
        return int(conn.execute(sql).fetchone()[0])
    sql += (
        " JOIN articles a ON a.id = p.article_id JOIN sources s ON s.id = a.source_id"
        " WHERE s.account = ?"
    )
    return int(conn.execute(sql, (account,)).fetchone()[0])


def drop_pushed(conn: sqlite3.Connection, change_ids: Sequence[int]) -> None:
    """Forget queued marks the server has taken (by id: a newer mark has another id)."""
    conn.executemany("DELETE FROM pending_changes WHERE id = ?", [(i,) for i in change_ids])


def _parse_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime.now(UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
