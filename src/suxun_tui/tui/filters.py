"""What the headline list shows: everything, the starred, a group or one source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FilterKind = Literal["all", "starred", "group", "source"]


@dataclass(frozen=True)
class SourceFilter:
    """A selection in the sources pane, as a value the screen can keep and compare."""

    kind: FilterKind = "all"
    label: str = "All"
    source_id: int | None = None
    group: str | None = None

    @property
    def key(self) -> str:
        """A stable id for the sources pane option (survives reloads)."""
        if self.kind == "source":
            return f"source-{self.source_id}"
        if self.kind == "group":
            return f"group-{self.group}"
        return self.kind


ALL = SourceFilter()
STARRED = SourceFilter("starred", "Starred")
