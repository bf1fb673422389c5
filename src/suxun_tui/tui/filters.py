"""What the headline list shows, and what the store says about the sources.

:class:`SourceFilter` is the selection — everything, the starred, a group, one source, or
a search — as a value the screen keeps and compares. :class:`Catalog` is the sources'
counts and health as last read from the store; the panes that show counts read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from suxun_tui.config.model import QuerySpec
from suxun_tui.models import Headline, SourceRow
from suxun_tui.store import Store, WriteResult
from suxun_tui.text.i18n import tr
from suxun_tui.tui.query_feeds import BUILT_IN, QueryFeed, read_query_feeds, with_unread_only

MAX_ROWS = 100_000  # headlines one list holds

FilterKind = Literal["all", "starred", "group", "source", "search", "query"]
SumKey = tuple[str, str | int | None]  # ("source", id), ("group", name), ("all", None)


@dataclass(frozen=True)
class SourceFilter:
    """A selection in the sources pane (or a search), as a value the screen can compare.

    ``label`` is the name as stored, not converted to the display script: a filter stays
    the same value when the user cycles the script, and panes convert it when they draw.
    """

    kind: FilterKind = "all"
    label: str = "All"
    source_id: int | None = None
    group: str | None = None
    query: str | None = None
    unread_only: bool = False  # the screen's "unread only" toggle, applied to every view

    @property
    def key(self) -> str:
        """A stable id for the sources pane option (survives reloads)."""
        if self.kind == "query":
            return f"query-{self.label}"
        if self.kind == "source":
            return f"source-{self.source_id}"
        if self.kind == "group":
            return f"group-{self.group}"
        if self.kind == "search":
            return f"search-{self.query}"
        return self.kind

    def display_label(self, convert: Callable[[str], str]) -> str:
        """The label in the display script; a search shows the query as it was typed.

        Our own views (All, Starred, All unread, a search) are named in the interface's
        language; a source, group or query feed keeps the name it was given.
        """
        if self.kind == "search":
            return tr("Search: {query}", query=self.query)
        built_in = self.kind == "query" and any(
            (self.label, self.query) == (spec.name, spec.query) for spec in BUILT_IN
        )
        if self.kind in ("all", "starred") or built_in:
            return tr(self.label)
        return convert(self.label)


def search_filter(query: str) -> SourceFilter:
    return SourceFilter("search", f"Search: {query}", query=query)


def load_rows(store: Store, selection: SourceFilter, limit: int | None = None) -> list[Headline]:
    """The headlines ``selection`` shows, newest first: one query, filled in bulk.

    Marks the cache has not taken yet (it was locked, the disk full) show as made. At most
    :data:`MAX_ROWS` (the newest): 2,000,000 headlines took a minute and a gigabyte to load,
    and a source, a group or a search reaches the older ones.
    """
    rows = _query_rows(store, selection, MAX_ROWS if limit is None else min(limit, MAX_ROWS))
    return store.writes.shown_all(rows)


def _query_rows(store: Store, selection: SourceFilter, limit: int | None) -> list[Headline]:
    if selection.kind in ("search", "query"):
        query = with_unread_only(selection.query or "", selection.unread_only)
        return store.search(query, limit=limit)
    return store.headlines(
        unread_only=selection.unread_only,
        source_id=selection.source_id if selection.kind == "source" else None,
        group=selection.group if selection.kind == "group" else None,
        starred_only=selection.kind == "starred",
        limit=limit,
    )


def mark_read(store: Store, selection: SourceFilter, rows: Sequence[Headline]) -> WriteResult:
    """Mark everything ``selection`` holds read; the result says how many changed.

    The starred list and a search are not a source or group: exactly the rows shown.
    Goes through the reader's soft writes: a locked or full cache keeps the mark waiting.
    """
    if selection.kind in ("starred", "search", "query"):
        return store.writes.mark_read([row.id for row in rows if not row.read], selection.label)
    scope = store.scope(
        selection.source_id if selection.kind == "source" else None,
        selection.group if selection.kind == "group" else None,
    )
    return store.writes.mark_all_read(scope, selection.label)


@dataclass(frozen=True)
class Catalog:
    """Every source with its counts and last error, the starred count, and when read.

    One value read from the store after each change, so the sources pane, the headline
    list's title and the status line all show the same numbers. ``now`` is the clock at
    that moment: "today" in the panes is judged against it.
    """

    sources: tuple[SourceRow, ...] = ()
    starred: int = 0
    now: datetime | None = None
    queries: tuple[QueryFeed, ...] = ()
    # The sums of the counts (:attr:`sums`), made when first asked or carried over.
    summed: dict[SumKey, tuple[int, int]] | None = field(
        default=None, compare=False, repr=False, hash=False
    )

    @classmethod
    def read(
        cls,
        store: Store,
        now: datetime,
        queries: Sequence[QuerySpec] = (),
        known: Sequence[QueryFeed] | None = None,
    ) -> Catalog:
        """Everything anew: the sources (names, groups, errors) and every count.

        With ``known`` (the query feeds as last shown), the configured query feeds keep
        those counts, to be counted in the background (``query_feeds.read_query_feeds``).
        """
        sources = tuple(store.sources())
        feeds = read_query_feeds(store, queries, sum(s.unread for s in sources), known)
        return cls(sources, store.starred_count(), now, feeds)

    def recount(
        self,
        store: Store,
        now: datetime,
        queries: Sequence[QuerySpec] = (),
        known: Sequence[QueryFeed] | None = None,
    ) -> Catalog:
        """The counts read again, the sources kept: what a mark, a star or an undo changes.

        Reading each source's two counts costs a tenth of reading the sources; a source
        whose counts are unchanged stays the same value, so the panes redraw and lay out
        nothing for it. Names, groups and errors change only by a refresh, a subscription
        or the config, which read the catalog anew (:meth:`read`).
        """
        counts = store.source_counts()
        sources: list[SourceRow] = []
        sums = dict(self.sums)  # the sums follow the few sources that changed
        for source in self.sources:
            count = counts.get(source.id, (0, 0))
            if (source.unread, source.total) != count:
                delta = (count[0] - source.unread, count[1] - source.total)
                keys: list[SumKey] = [("source", source.id), ("all", None)]
                keys += [("group", source.group)] if source.group is not None else []
                for key in keys:
                    had = sums.get(key, (0, 0))
                    sums[key] = (had[0] + delta[0], had[1] + delta[1])
                source = replace(source, unread=count[0], total=count[1])
            sources.append(source)
        feeds = read_query_feeds(store, queries, sums.get(("all", None), (0, 0))[0], known)
        return Catalog(tuple(sources), store.starred_count(), now, feeds, sums)

    def source(self, selection: SourceFilter) -> SourceRow | None:
        """The source ``selection`` is, or None for every other kind of selection."""
        if selection.kind != "source":
            return None
        return next((s for s in self.sources if s.id == selection.source_id), None)

    def tally(self, selection: SourceFilter, rows: Sequence[Headline]) -> tuple[int, int]:
        """Unread and total for ``selection``: from the sources' counts, not loaded rows.

        The starred list and a search are not sources: they count the rows they show.
        """
        if selection.kind in ("starred", "search"):
            return sum(1 for row in rows if not row.read), len(rows)
        if selection.kind == "query":
            feed = next((q for q in self.queries if q.name == selection.label), None)
            if feed is None:
                return 0, len(rows)
            if not feed.counted:  # being counted in the background: the rows say it meanwhile
                return sum(1 for row in rows if not row.read), len(rows)
            return feed.unread, feed.total
        if selection.kind == "all":
            return self.sums.get(("all", None), (0, 0))
        if selection.kind == "group":
            return self.sums.get(("group", selection.group), (0, 0))
        return self.sums.get(("source", selection.source_id), (0, 0))

    @property
    def sums(self) -> dict[SumKey, tuple[int, int]]:
        """(unread, total) of every source (``("source", id)``), group (``("group",
        name)``) and of all (``("all", None)``), summed in one pass when first asked (or
        carried over by :meth:`recount`): each title and count after that is a lookup,
        not a pass over 10,000 sources."""
        if self.summed is None:
            object.__setattr__(self, "summed", _sums(self.sources))  # frozen: made once
        assert self.summed is not None
        return self.summed


def _sums(sources: Sequence[SourceRow]) -> dict[SumKey, tuple[int, int]]:
    sums: dict[SumKey, tuple[int, int]] = {}
    unread = total = 0
    for source in sources:
        sums[("source", source.id)] = (source.unread, source.total)
        if source.group is not None:
            had = sums.get(("group", source.group), (0, 0))
            sums[("group", source.group)] = (had[0] + source.unread, had[1] + source.total)
        unread, total = unread + source.unread, total + source.total
    sums[("all", None)] = (unread, total)
    return sums


ALL = SourceFilter()
STARRED = SourceFilter("starred", "Starred")


def query_filter(feed: QueryFeed) -> SourceFilter:
    """The selection of a query feed in the sources pane."""
    return SourceFilter("query", feed.name, group=feed.group, query=feed.query)
