"""The articles still queued for the index that a query matches: the scan half of a search.

A search answers from the index for the indexed articles and scans the queued ones
(store.search), their text folded as the index would hold it (store.pending_fold). Right
after a refresh, in a process that has not folded them yet (``suxun-tui search``), the
folding is most of the cost: 2,000 queued articles took 95-260 ms of CPU. Two ways cut it,
both exact:

- only the newest page is wanted: the queued articles are read newest first, in chunks
  that double, and the scan stops once a chunk brings the matches to the page — every
  article of a later chunk is older than all of them;
- an article whose stored text cannot hold a required Chinese term, or a required term of
  ASCII letters and digits (store.queued_filter), is passed over unfolded: it cannot match.

What is folded joins the process's view of the queue as every other fold does, so a
later search folds it no more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from suxun_tui.query import Query, Text
from suxun_tui.store import pending_fold, queued_filter
from suxun_tui.store.fts import QUEUE_TABLE
from suxun_tui.store.query_sql import Compiler

# Fewer articles than this missing from the process's view: fold them all, as before.
FEW_MISSING = 200
FIRST_CHUNK = 250
_NEWEST_QUEUED = (
    f"SELECT q.article_id FROM {QUEUE_TABLE} q CROSS JOIN articles a ON a.id = q.article_id"
    " ORDER BY a.published DESC, a.id DESC"
)
_SAMPLE = 40  # stored bodies whose characters tell which of a term's is rarer


def scan_sql(
    conn: sqlite3.Connection,
    parsed: Query,
    now: datetime | None,
    extra: Sequence[str],
    extra_params: Sequence[object],
    every: bool,
    ids: Sequence[int] | None = None,
) -> tuple[str, str, list[object]]:
    """``(WITH …, FROM … WHERE …, parameters)`` of the queued articles ``parsed`` matches
    (only those of ``ids`` when given): the view taken for this read transaction tests
    each term (store.pending_fold.contains_sql), or — in a caller's write transaction —
    the text is folded through the stored text."""
    through: list[str] = []

    def contains(term: str, columns: tuple[str, ...]) -> str | None:
        tested = pending_fold.contains_sql(conn, term, columns)
        if tested is None:
            through.append(term)
        return tested

    scanned = Compiler(conn, now, scan="p", contains=contains).compile(parsed, every=every)
    conditions = [*extra, "s.active = 1", *scanned.where]
    if ids is not None:
        listed = ",".join(map(str, ids)) or "NULL"
        start = (
            f"WITH p AS (SELECT article_id AS id FROM {QUEUE_TABLE} WHERE article_id IN ({listed}))"
        )
    else:
        start = pending_fold.FOLDED_NOW if through else pending_fold.QUEUED_IDS
    return (
        start,
        # CROSS JOIN: the queued articles first (else SQLite may walk every article by
        # date to meet the ORDER BY).
        "FROM p CROSS JOIN articles a ON a.id = p.id"
        f" JOIN sources s ON s.id = a.source_id WHERE {' AND '.join(conditions)}",
        [*extra_params, *scanned.params],
    )


def required_terms(parsed: Query) -> list[str]:
    """The folded text terms every match holds in its title or text (a group of one,
    not negated)."""
    from suxun_tui.store.fold import fold

    return [
        fold(group[0].atom.text)
        for group in parsed.groups
        if len(group) == 1 and isinstance(group[0].atom, Text) and not group[0].negated
    ]


def newest_matches(
    conn: sqlite3.Connection,
    parsed: Query,
    now: datetime | None,
    extra: Sequence[str],
    extra_params: Sequence[object],
    every: bool,
    limit: int | None,
    select: str,
) -> list[tuple[object, ...]] | None:
    """The rows (``SELECT select``) of the newest ``limit`` queued matches (all when
    None), newest first — folding only what may match; None when the process's view of
    the queue cannot be used here (a write transaction, a long queue) or lacks few
    articles: the caller then scans the whole queue."""
    taken = pending_fold.taken_view(conn)
    if taken is None:
        return None
    view = taken[2]
    queued = pending_fold.queued_ids(conn)
    if len(queued) > pending_fold.VIEW_LIMIT:
        return None
    if sum(1 for i in queued if i not in view) < FEW_MISSING:
        return None
    queued = [int(r[0]) for r in conn.execute(_NEWEST_QUEUED)]  # newest first
    terms = required_terms(parsed)
    needed: list[queued_filter.Check] = []
    if terms:
        listed = ",".join(map(str, queued[:_SAMPLE]))
        sql = f"SELECT CAST(body AS BLOB) FROM articles WHERE id IN ({listed})"
        sample = b"".join(bytes(r[0] or b"") for r in conn.execute(sql))
        needed = queued_filter.checks(terms, sample)
    try:
        return _chunks(
            conn, parsed, now, extra, extra_params, every, limit, select, queued, taken, needed
        )
    finally:
        pending_fold.release(conn)


def _chunks(
    conn: sqlite3.Connection,
    parsed: Query,
    now: datetime | None,
    extra: Sequence[str],
    extra_params: Sequence[object],
    every: bool,
    limit: int | None,
    select: str,
    queued: list[int],
    taken: tuple[pending_fold.Kept, int, dict[int, pending_fold.Folded]],
    needed: list[queued_filter.Check],
) -> list[tuple[object, ...]]:
    """Chunks of the newest ``queued`` first until ``limit`` rows are found."""
    kept, count, view = taken
    rows: list[tuple[object, ...]] = []
    at, size = 0, FIRST_CHUNK if limit is not None else len(queued)
    while at < len(queued) and (limit is None or len(rows) < limit):
        chunk = queued[at : at + size]
        at, size = at + size, size * 2
        candidates = pending_fold.fold_into(conn, kept, view, chunk, needed)
        pending_fold.install(conn, kept, count, view, candidates)
        start, body, params = scan_sql(conn, parsed, now, extra, extra_params, every, candidates)
        sql = f"{start} SELECT {select} {body} ORDER BY a.published DESC, a.id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit) - len(rows)}"
        rows.extend(tuple(r) for r in conn.execute(sql, params))
    return rows
