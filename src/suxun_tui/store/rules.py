"""Rules: an action for every article a query matches — hide, mark read, star, or tag.

Each rule's query is compiled like a search's (so a rule matches exactly what ``/`` would
find), over every article — hidden ones and later copies of a story included — and its
action is applied with the marks' own write path, so an account's articles queue the mark
for their server as a key press would, and the whole story (every source that carries it,
:mod:`~suxun_tui.store.duplicates`) takes it. Two ways in:

- :func:`apply_to_new`, inside the transaction that inserted new articles (a refresh of a
  source, a batch a sync pulled): the new rows are those above an id, so a rule never
  looks at the rest of the cache and a kill leaves both undone;
- :func:`apply_rules`, ``suxun-tui rules apply``: every rule over the whole cache.

``hide`` keeps the article (``hidden = 1``): no view, count or search shows it unless its
query asks for ``is:hidden``. No rule ever deletes anything.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from suxun_tui.config.model import RuleSpec
from suxun_tui.query import Query, parse_query
from suxun_tui.store.duplicates import group_ids
from suxun_tui.store.fold import fold
from suxun_tui.store.marks import Mark, write_mark
from suxun_tui.store.queue import Flag
from suxun_tui.store.search import matching_parts

if TYPE_CHECKING:
    from suxun_tui.store.db import Store


@dataclass(frozen=True)
class RuleResult:
    """What one rule did: how many articles it matched and how many it changed."""

    name: str
    action: str
    matched: int
    changed: int
    applied: bool = True  # every action is applied (kept for ``rules apply --json``)


def matching_ids(conn: sqlite3.Connection, query: str | Query, after_id: int = 0) -> list[int]:
    """Every article above ``after_id`` that ``query`` matches, hidden ones included.

    New articles are still queued for the search index: search's own two parts (indexed
    articles through the index, queued ones scanned) find them exactly as ``/`` will.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.empty:
        return []
    indexed, pending = matching_parts(
        conn, parsed, extra=["a.id > ?"], extra_params=[after_id], every=True
    )
    ids = {int(r[0]) for r in conn.execute(f"SELECT a.id {indexed[0]}", indexed[1])}
    if pending is not None:
        sql = f"{pending[0]} SELECT a.id {pending[1]}"
        ids.update(int(r[0]) for r in conn.execute(sql, pending[2]))
    return sorted(ids)


def hide(conn: sqlite3.Connection, ids: Sequence[int]) -> int:
    """Hide these articles and every copy of their stories; how many changed."""
    members = group_ids(conn, ids)
    sql = "UPDATE articles SET hidden = 1 WHERE id = ? AND hidden = 0"
    return conn.executemany(sql, [(i,) for i in members]).rowcount


def apply_action(conn: sqlite3.Connection, action: str, ids: Sequence[int]) -> int:
    """One rule's action on ``ids`` inside the caller's transaction; how many changed."""
    if not ids:
        return 0
    if action == "hide":
        return hide(conn, ids)
    if action in ("read", "star"):
        flag: Flag = "read" if action == "read" else "starred"
        return write_mark(conn, Mark(flag, True, article_ids=tuple(ids)))
    tag = fold(action.removeprefix("tag:"))
    members = group_ids(conn, ids)
    return conn.executemany(
        "INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)",
        [(i, tag) for i in members],
    ).rowcount


def apply_to_new(conn: sqlite3.Connection, rules: Sequence[RuleSpec], after_id: int) -> int:
    """Every rule on the articles above ``after_id``, in the caller's transaction.

    A query the config accepted cannot fail here; what a rule changed is not reported
    (a refresh says what it stored). Returns how many changes the rules made.
    """
    changed = 0
    for rule in rules:
        changed += apply_action(conn, rule.action, matching_ids(conn, rule.query, after_id))
    return changed


def apply_rules(store: Store, rules: Sequence[RuleSpec]) -> list[RuleResult]:
    """``suxun-tui rules apply``: each rule over the whole cache, one transaction each."""
    results: list[RuleResult] = []
    for rule in rules:
        with store.transaction() as conn:
            ids = matching_ids(conn, rule.query)
            changed = apply_action(conn, rule.action, ids)
        results.append(RuleResult(rule.name, rule.action, len(ids), changed))
    return results
