"""What the headline list shows: everything, the starred, a group, one source, or a search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from suxun_tui.models import Headline
from suxun_tui.store import Store

FilterKind = Literal["all", "starred", "group", "source", "search"]


@dataclass(frozen=True)
class SourceFilter:
    """A selection in the sources pane, as a value the screen can keep and compare."""

    kind: FilterKind = "all"
    label: str = "All"
    source_id: int | None = None
    group: str | None = None
    query: str | None = None

    @property
    def key(self) -> str:
        """A stable id for the sources pane option (survives reloads)."""
        if self.kind == "source":
            return f"source-{self.source_id}"
        if self.kind == "group":
            return f"group-{self.group}"
        if self.kind == "search":
            return f"search-{self.query}"
        return self.kind


def search_filter(query: str) -> SourceFilter:
    return SourceFilter("search", f"Search: {query}", query=query)


def load_rows(store: Store, selection: SourceFilter, limit: int | None = None) -> list[Headline]:
    """The headlines ``selection`` shows, newest first: one query, filled in bulk."""
    if selection.kind == "search":
        return store.search(selection.query or "", limit=limit)
    return store.headlines(
        source_id=selection.source_id if selection.kind == "source" else None,
        group=selection.group if selection.kind == "group" else None,
        starred_only=selection.kind == "starred",
        limit=limit,
    )


ALL = SourceFilter()
STARRED = SourceFilter("starred", "Starred")
