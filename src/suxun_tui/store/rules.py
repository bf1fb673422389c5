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
from suxun_tui.query import Query, Text, parse_query
from suxun_tui.store.duplicates import group_ids
from suxun_tui.store.fold import fold
from suxun_tui.store.marks import Mark, write_mark
from suxun_tui.store.query_sql import Compiler
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


# The new articles' folded text, as the index would hold it, computed once for all the
# rules of one arrival: a rule on arrival reads these rows only (they are all still
# queued for the index), never the rest of the cache.
_ARRIVED = "temp.suxun_arrived"
_CREATE_ARRIVED = (
    "CREATE TEMP TABLE IF NOT EXISTS suxun_arrived"
    " (id INTEGER PRIMARY KEY, title TEXT, text TEXT, author TEXT)"
)
_FILL_ARRIVED = (
    f"INSERT INTO {_ARRIVED} (id, title, text, author) SELECT a.id, suxun_index(a.title),"
    " CASE WHEN ? THEN suxun_index_body(a.body) ELSE '' END, suxun_index(a.author)"
    " FROM articles a WHERE a.id > ?"
)


def matching_ids(conn: sqlite3.Connection, query: str | Query, after_id: int = 0) -> list[int]:
    """Every article above ``after_id`` that ``query`` matches, hidden ones included.

    The whole cache (``after_id`` 0) goes through search's own two parts (indexed
    articles through the index, queued ones scanned), so a rule matches what ``/`` finds.
    New articles (a refresh's, a sync batch's) are scanned with their folded text (see
    :func:`apply_to_new`), so a rule's cost follows the new articles, not the cache.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.empty:
        return []
    if after_id > 0:
        _arrived(conn, after_id, needs_text=True)
        return _matching_arrived(conn, parsed)
    indexed, pending = matching_parts(conn, parsed, every=True)
    ids = {int(r[0]) for r in conn.execute(f"SELECT a.id {indexed[0]}", indexed[1])}
    if pending is not None:
        sql = f"{pending[0]} SELECT a.id {pending[1]}"
        ids.update(int(r[0]) for r in conn.execute(sql, pending[2]))
    return sorted(ids)


def _arrived(conn: sqlite3.Connection, after_id: int, *, needs_text: bool) -> None:
    """Fill the table of new articles' folded text (the body only when a rule reads it)."""
    conn.execute(_CREATE_ARRIVED)
    conn.execute(f"DELETE FROM {_ARRIVED}")
    conn.execute(_FILL_ARRIVED, (int(needs_text), after_id))


def _reads_text(query: Query) -> bool:
    """Whether ``query`` looks for words (``-word`` too), so the bodies must be folded."""
    return any(isinstance(item.atom, Text) for group in query.groups for item in group)


def _matching_arrived(conn: sqlite3.Connection, parsed: Query) -> list[int]:
    compiled = Compiler(conn, scan="n").compile(parsed, every=True)
    where = " AND ".join(["s.active = 1", *compiled.where])
    sql = (
        f"SELECT a.id FROM {_ARRIVED} n JOIN articles a ON a.id = n.id"
        f" JOIN sources s ON s.id = a.source_id WHERE {where} ORDER BY a.id"
    )
    return [int(r[0]) for r in conn.execute(sql, compiled.params)]


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

    The new articles' text is folded once for all the rules (and not at all when no rule
    looks for words). A query the config accepted cannot fail here; what a rule changed
    is not reported (a refresh says what it stored). Returns how many changes they made.
    """
    if not rules:
        return 0
    queries = [parse_query(rule.query) for rule in rules]
    _arrived(conn, after_id, needs_text=any(_reads_text(q) for q in queries))
    changed = 0
    for rule, parsed in zip(rules, queries, strict=True):
        ids = _matching_arrived(conn, parsed) if not parsed.empty else []
        changed += apply_action(conn, rule.action, ids)
    conn.execute(f"DELETE FROM {_ARRIVED}")
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
