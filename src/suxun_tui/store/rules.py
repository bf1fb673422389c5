"""Rules: an action for every article a query matches — mark read, star, or tag.

Each rule runs its query through the search (so a rule matches exactly what ``/`` would
show) and applies its action in one transaction with the marks' own write path, so an
account's articles queue the mark for their server as a key press would. ``since``
limits a run to articles first seen at or after that moment: the new ones of a refresh.
``hide`` is accepted by the config but not applied yet (the views do not filter on it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from suxun_tui.config.model import RuleSpec
from suxun_tui.store.fold import fold
from suxun_tui.store.marks import Mark, write_mark
from suxun_tui.store.queue import Flag
from suxun_tui.store.search import search_headlines

if TYPE_CHECKING:
    from suxun_tui.store.db import Store


@dataclass(frozen=True)
class RuleResult:
    """What one rule did: how many articles it matched and how many it changed."""

    name: str
    action: str
    matched: int
    changed: int
    applied: bool = True


def apply_rules(
    store: Store, rules: Sequence[RuleSpec], since: str | None = None
) -> list[RuleResult]:
    results: list[RuleResult] = []
    for rule in rules:
        ids = [h.id for h in search_headlines(store.conn, rule.query)]
        if since is not None and ids:
            marks = ",".join("?" * len(ids))
            rows = store.conn.execute(
                f"SELECT id FROM articles WHERE first_seen >= ? AND id IN ({marks})",
                [since, *ids],
            )
            ids = [int(r[0]) for r in rows]
        if rule.action == "hide":
            results.append(RuleResult(rule.name, rule.action, len(ids), 0, applied=False))
            continue
        changed = 0
        if ids:
            with store.transaction() as conn:
                if rule.action in ("read", "star"):
                    flag: Flag = "read" if rule.action == "read" else "starred"
                    changed = write_mark(conn, Mark(flag, True, article_ids=tuple(ids)))
                else:
                    tag = fold(rule.action.removeprefix("tag:"))
                    changed = conn.executemany(
                        "INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)",
                        [(i, tag) for i in ids],
                    ).rowcount
        results.append(RuleResult(rule.name, rule.action, len(ids), changed))
    return results
