"""The order of the sources pane's rows, apart from what they say.

All, Starred, then each group (in the order its first source comes) with its sources and
its query feeds, sources without a group where they come, and the other query feeds last.
A :class:`Layout` holds, for each row, only what kind of row it is and where its values
are in the catalog (a source's index, a group's name, a query feed's index): the pane
reads the names and counts from the catalog it holds when it draws the row. So a mark,
which changes counts and nothing else, keeps the layout: only a change in which sources
there are, their names, groups or failing state (which takes two more lines) lays the
pane out again — about 10,000 small tuples for 10,000 sources, and no drawing.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from suxun_tui.tui.filters import ALL, STARRED, Catalog, SourceFilter, query_filter
from suxun_tui.tui.query_feeds import feed_key

# What a row is.
ALL_ROW, STARRED_ROW, GROUP_ROW, SOURCE_ROW, QUERY_ROW = range(5)


class Row(NamedTuple):
    """One row: its kind, where its values are, its indent and how many lines it takes."""

    kind: int
    ref: int | str  # a source's or query feed's index in the catalog; a group's name
    indent: int
    height: int


def same_structure(old: Catalog, new: Catalog) -> bool:
    """Whether ``new`` lays out as ``old`` does: the same sources (ids, names, groups and
    whether each is failing) and query feeds, in the same order — counts aside.

    A recount (:meth:`Catalog.recount`) keeps every unchanged source the same value, so
    this is mostly identity checks: well under a millisecond for 10,000 sources.
    """
    if len(old.sources) != len(new.sources) or len(old.queries) != len(new.queries):
        return False
    if any(feed_key(a) != feed_key(b) for a, b in zip(old.queries, new.queries, strict=True)):
        return False
    return all(
        a is b
        or (a.id, a.name, a.group, bool(a.last_error))
        == (b.id, b.name, b.group, bool(b.last_error))
        for a, b in zip(old.sources, new.sources, strict=True)
    )


class Layout:
    """The rows for one catalog's structure, the line each starts on, and their filters.

    A row's :class:`SourceFilter` is made when asked for (the highlighted row, a key
    press that looks for the next source), not for each of 10,000 rows in advance.
    """

    def __init__(self, catalog: Catalog, *, empty: bool = False) -> None:
        self.catalog = catalog
        self.empty = empty  # before the store is read: no rows at all
        self.rows = [] if empty else _rows(catalog)
        self.starts: list[int] = []
        line = 0
        for row in self.rows:
            self.starts.append(line)
            line += row.height
        self.lines = line
        self._filters: dict[int, SourceFilter] = {}
        self._keys: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def at_line(self, line: int) -> int | None:
        """The index of the row that ``line`` (from the top of the list) is part of."""
        if not self.rows or line < 0 or line >= self.lines:
            return None
        return bisect.bisect_right(self.starts, line) - 1

    def filter(self, index: int) -> SourceFilter:
        """What row ``index`` selects."""
        if (made := self._filters.get(index)) is None:
            made = self._filters[index] = self._make_filter(self.rows[index])
        return made

    def index_of(self, key: str) -> int | None:
        """The row whose filter has ``key`` (``SourceFilter.key``), or None."""
        if key in (ALL.key, STARRED.key):  # the first two rows, whenever there are rows
            index = 0 if key == ALL.key else 1
            return index if index < len(self.rows) else None
        if self._keys is None:
            self._keys = {}
            for index, row in enumerate(self.rows):
                self._keys.setdefault(self._key(row), index)
        return self._keys.get(key)

    def _make_filter(self, row: Row) -> SourceFilter:
        if row.kind == ALL_ROW:
            return ALL
        if row.kind == STARRED_ROW:
            return STARRED
        if row.kind == GROUP_ROW:
            assert isinstance(row.ref, str)
            return SourceFilter("group", row.ref, group=row.ref)
        assert isinstance(row.ref, int)
        if row.kind == QUERY_ROW:
            return query_filter(self.catalog.queries[row.ref])
        source = self.catalog.sources[row.ref]
        return SourceFilter("source", source.name, source_id=source.id, group=source.group)

    def _key(self, row: Row) -> str:
        """``SourceFilter.key`` of the row's filter, without making the filter for a source
        (a test holds the two equal for every kind of row)."""
        if row.kind == SOURCE_ROW:
            assert isinstance(row.ref, int)
            return f"source-{self.catalog.sources[row.ref].id}"
        return self._make_filter(row).key


def _rows(catalog: Catalog) -> list[Row]:
    sources, queries = catalog.sources, catalog.queries
    rows = [Row(ALL_ROW, 0, 0, 1), Row(STARRED_ROW, 0, 0, 1)]
    members: dict[str, list[int]] = {}
    for index, source in enumerate(sources):  # one pass: a group's members in order
        if source.group is not None:
            members.setdefault(source.group, []).append(index)
    grouped_queries: dict[str, list[int]] = {}
    for index, feed in enumerate(queries):
        if feed.group is not None and feed.group in members:
            grouped_queries.setdefault(feed.group, []).append(index)
    seen: set[str] = set()
    for index, source in enumerate(sources):
        group = source.group
        if group is None:
            rows.append(Row(SOURCE_ROW, index, 1, 3 if source.last_error else 1))
        elif group not in seen:
            seen.add(group)
            rows.append(Row(GROUP_ROW, group, 0, 1))
            for member in members[group]:
                error = sources[member].last_error
                rows.append(Row(SOURCE_ROW, member, 2, 3 if error else 1))
            rows.extend(Row(QUERY_ROW, q, 2, 1) for q in grouped_queries.get(group, ()))
    for index, feed in enumerate(queries):  # "All unread", then the configured ones
        if feed.group is None or feed.group not in members:
            rows.append(Row(QUERY_ROW, index, 0, 1))
    return rows
