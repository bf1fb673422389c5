"""Query feeds: saved searches (``[[queries]]``) shown in the sources pane like feeds,
with their unread counts, plus the built-in "All unread".

A query feed is a :class:`~suxun_tui.tui.filters.SourceFilter` of kind ``query`` whose
headlines come from the store's search; its counts are read with the sources' counts, so
the pane, the headline list's title and the status line agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from suxun_tui.config.model import QuerySpec
from suxun_tui.query import QueryError
from suxun_tui.store import Store
from suxun_tui.text.i18n import N_

ALL_UNREAD = QuerySpec(N_("All unread"), "is:unread")  # shown through tr(), kept as its key
# What rules hid: listed after "All unread" while there is any (rules never delete).
HIDDEN = QuerySpec(N_("Hidden"), "is:hidden")
BUILT_IN = (ALL_UNREAD, HIDDEN)


@dataclass(frozen=True)
class QueryFeed:
    """A query feed with its counts as last read; ``error`` when its query is broken."""

    name: str
    query: str
    group: str | None
    unread: int
    total: int
    error: str | None = None


def read_query_feeds(
    store: Store, specs: Sequence[QuerySpec], unread: int | None = None
) -> tuple[QueryFeed, ...]:
    """The built-in feeds, then the configured ones, each with (unread, total).

    The built-ins cost no pass over the articles: "All unread" is the sources' unread
    count (``unread``, summed by the caller from the counts it already read, or read
    here), and "Hidden" is read through the index of hidden articles. Only configured
    queries run a search's count.
    """
    feeds: list[QueryFeed] = []
    for spec in (*BUILT_IN, *specs):
        if spec is ALL_UNREAD:
            count = store.counts()[0] if unread is None else unread
            feeds.append(QueryFeed(spec.name, spec.query, spec.group, count, count))
            continue
        if spec is HIDDEN:
            hidden_unread, hidden = store.hidden_counts()
            if hidden:
                feeds.append(QueryFeed(spec.name, spec.query, spec.group, hidden_unread, hidden))
            continue
        try:
            feed_unread, total = store.query_counts(spec.query)
        except QueryError as exc:  # the config checks queries; a stored one may be old
            feeds.append(QueryFeed(spec.name, spec.query, spec.group, 0, 0, str(exc)))
            continue
        feeds.append(QueryFeed(spec.name, spec.query, spec.group, feed_unread, total))
    return tuple(feeds)


def with_unread_only(query: str, unread_only: bool) -> str:
    """The query a view runs: ``is:unread`` added when the view shows only unread."""
    return f"{query} is:unread" if unread_only else query
