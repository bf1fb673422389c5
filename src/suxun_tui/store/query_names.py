"""The sources a query's ``source:``, ``group:`` and ``tag:`` fields name, as SQL.

Names are folded as the query is (``source:新闻`` finds a source named 新聞), then
resolved to ids before the query runs. Only what a field asks for is folded: every
source's name for ``source:``, each group once for ``group:`` and ``tag:`` (a config of
200 sources has a handful of groups, and folding all 400 names and groups cost a search
process some 2 ms).
"""

from __future__ import annotations

import sqlite3

from suxun_tui.query.model import Field
from suxun_tui.store.fold import fold


class Names:
    """One query's view of the sources of ``conn``, read once, folded as needed."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._names: list[tuple[int, str]] | None = None
        self._groups: dict[str, list[int]] | None = None

    def sql(self, atom: Field, params: list[object]) -> str:
        """The condition on ``a`` (articles) for ``atom``; parameters go to ``params``."""
        wanted = fold(atom.value)
        if atom.name == "source":
            ids = [i for i, name in self._all_names() if name == wanted]
            return f"a.source_id IN ({_listed(ids)})"
        ids = self._all_groups().get(wanted, [])
        if atom.name == "group":
            return f"a.source_id IN ({_listed(ids)})"
        # tag: the article's own tags, or its source's group (a source's first tag).
        params.append(wanted)
        return (
            f"(a.source_id IN ({_listed(ids)}) OR"
            " a.id IN (SELECT article_id FROM article_tags WHERE tag = ?))"
        )

    def _all_names(self) -> list[tuple[int, str]]:
        if self._names is None:
            rows = self.conn.execute("SELECT id, name FROM sources").fetchall()
            self._names = [(int(r[0]), fold(r[1])) for r in rows]
        return self._names

    def _all_groups(self) -> dict[str, list[int]]:
        """Source ids by folded group (two groups may fold alike)."""
        if self._groups is None:
            by_group: dict[str, list[int]] = {}
            for group, ids in self.conn.execute(
                "SELECT grp, group_concat(id) FROM sources GROUP BY grp"
            ):
                by_group.setdefault(fold(group), []).extend(map(int, ids.split(",")))
            self._groups = {g: sorted(ids) for g, ids in by_group.items()}
        return self._groups


def _listed(ids: list[int]) -> str:
    return ",".join(map(str, ids)) or "NULL"
