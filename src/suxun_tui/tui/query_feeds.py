"""Query feeds: saved searches (``[[queries]]``) shown in the sources pane like feeds,
with their unread counts, plus the built-in "All unread".

A query feed is a :class:`~suxun_tui.tui.filters.SourceFilter` of kind ``query`` whose
headlines come from the store's search. The built-in feeds' counts are read with the
sources' counts; a configured feed's (a search's count) in the background, and the pane,
the headline list's title and the status line show the same last count meanwhile.
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
    counted: bool = True  # False: a configured feed whose counts are still being read


def feed_key(feed: QueryFeed | QuerySpec) -> tuple[str, str, str | None]:
    """What names a query feed across reads and counts: its name, query and group."""
    return feed.name, feed.query, feed.group


def read_query_feeds(
    store: Store,
    specs: Sequence[QuerySpec],
    unread: int | None = None,
    known: Sequence[QueryFeed] | None = None,
) -> tuple[QueryFeed, ...]:
    """The built-in feeds, then the configured ones, each with (unread, total).

    The built-ins cost no pass over the articles: "All unread" is the sources' unread
    count (``unread``, summed by the caller from the counts it already read, or read
    here), and "Hidden" is read through the index of hidden articles. A configured query
    runs a search's count — a second and more over 1,000,000 articles — so with ``known``
    (the feeds as last shown) they are not counted here: each keeps its last counts, or is
    shown as not counted yet, and :func:`count_configured` counts them in the background.
    """
    count = store.counts()[0] if unread is None else unread
    feeds = [QueryFeed(ALL_UNREAD.name, ALL_UNREAD.query, ALL_UNREAD.group, count, count)]
    hidden_unread, hidden = store.hidden_counts()
    if hidden:
        feeds.append(QueryFeed(HIDDEN.name, HIDDEN.query, HIDDEN.group, hidden_unread, hidden))
    if known is None:
        return (*feeds, *count_configured(store, specs))
    last = {feed_key(f): f for f in known}
    for spec in specs:
        had = last.get(feed_key(spec))
        feeds.append(had or QueryFeed(spec.name, spec.query, spec.group, 0, 0, counted=False))
    return tuple(feeds)


def count_configured(store: Store, specs: Sequence[QuerySpec]) -> tuple[QueryFeed, ...]:
    """The configured query feeds with their counts (a worker's thread runs this)."""
    feeds: list[QueryFeed] = []
    for spec in specs:
        try:
            unread, total = store.query_counts(spec.query)
        except QueryError as exc:  # the config checks queries; a stored one may be old
            feeds.append(QueryFeed(spec.name, spec.query, spec.group, 0, 0, str(exc)))
            continue
        feeds.append(QueryFeed(spec.name, spec.query, spec.group, unread, total))
    return tuple(feeds)


def with_counts(feeds: Sequence[QueryFeed], counted: Sequence[QueryFeed]) -> tuple[QueryFeed, ...]:
    """``feeds`` with the configured ones replaced by their ``counted`` values."""
    fresh = {feed_key(f): f for f in counted}
    return tuple(fresh.get(feed_key(f), f) for f in feeds)


def with_unread_only(query: str, unread_only: bool) -> str:
    """The query a view runs: ``is:unread`` added when the view shows only unread."""
    return f"{query} is:unread" if unread_only else query
