"""A refresh's article writes: several sources' rows in one transaction (group commit).

Each commit of a write-ahead-log database appends every page the transaction changed.
A source's hundred new articles change a few hundred pages, most of them index pages
(``articles_by_time`` and the duplicate keys are ordered across sources, so a source's
rows land all over them); one transaction per source rewrote those pages for every
source, and its checkpoints synced them again. Storing the sources that are waiting
together writes each page once per batch: measured on the refresh benchmark's 200
feeds × 100 items, a third less CPU for the inserts and two thirds less time blocked on
the disk. The batch does, source by source, exactly what one transaction per source did
(plan, insert, settle the new rows, record the fetch), so the stored rows are the same;
each source is still all stored or not at all. The new articles are indexed for search
before the commit (:mod:`~suxun_tui.store.index_inline`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from suxun_tui.config.model import RuleSpec
from suxun_tui.store.articles import ArticleRow, DupKeys, WritePlan, plan_writes, stored_hashes
from suxun_tui.store.fetch_records import write_success
from suxun_tui.store.values import SourceUpdate, UpdateCounts
from suxun_tui.text.timefmt import now_utc, to_stored

if TYPE_CHECKING:  # typing's, made at run time without compiling annotations (suxun_tui.tuples)
    from typing import NamedTuple
else:
    from suxun_tui.tuples import NamedTuple


class SourceRows(NamedTuple):
    """One source's prepared rows, its fetch record, the rows' item keys and (when a
    parse worker made them) their duplicate keys."""

    source_id: int
    rows: Sequence[ArticleRow]
    update: SourceUpdate | None = None
    item_keys: Sequence[str] = ()
    dup_keys: Sequence[DupKeys] = ()


Transaction = Callable[[], AbstractContextManager[sqlite3.Connection]]


def store_batch(
    conn: sqlite3.Connection,
    transaction: Transaction,
    batch: Sequence[SourceRows],
    rules: Sequence[RuleSpec] = (),
    index_limit: int | None = None,
) -> list[UpdateCounts]:
    """Store every source of ``batch`` in one write transaction; counts in batch order.

    What is new, changed or unchanged is found before the write lock is taken; inside
    it, each source's rows are inserted, grouped with the stories they repeat and passed
    through ``rules`` before the next source's, as separate transactions would. The new
    articles are indexed too when nothing waits for the index and they are no more than
    ``index_limit`` (None: however many); else they wait for the filler.
    """
    from suxun_tui.store.arrivals import last_id, settle_new  # duplicates, rules
    from suxun_tui.store.index_inline import index_arrivals, mark_if_clear

    now = to_stored(now_utc())
    plans: list[tuple[SourceRows, WritePlan]] = []
    for job in batch:
        existing, keys = stored_hashes(conn, job.source_id)
        plan = plan_writes(
            job.source_id, job.rows, existing, now, job.item_keys, keys, job.dup_keys
        )
        plans.append((job, plan))
    counts: list[UpdateCounts] = []
    with transaction() as tx:
        inserts = sum(len(plan.inserts) for _, plan in plans)
        mark = None if index_limit is not None and inserts > index_limit else mark_if_clear(tx)
        for job, plan in plans:
            before = last_id(tx)
            new, updated = plan.write(tx)
            if new:  # duplicates and rules, before anyone can see the new rows
                settle_new(tx, before, rules)
            write_success(tx, job.source_id, job.update or SourceUpdate())
            counts.append(UpdateCounts(new, updated, plan.unchanged))
        if mark is not None:  # the new articles' index rows join their commit
            index_arrivals(tx, mark)
    return counts
