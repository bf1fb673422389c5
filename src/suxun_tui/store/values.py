"""The values the store exchanges with the refresh engine: what a fetch taught us, what
an update did, and what conditional GET and scheduling remember about a source.

Named tuples rather than frozen dataclasses: immutable and compared by value alike, and
a tenth of the cost to create at start-up, which every refresh pays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # typing's, made at run time without compiling annotations (suxun_tui.tuples)
    from typing import NamedTuple
else:
    from suxun_tui.tuples import NamedTuple


class UpdateCounts(NamedTuple):
    """What one source update did: new, changed and unchanged articles."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


class SourceUpdate(NamedTuple):
    """What a successful fetch tells us about a source, saved with its articles."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    next_due: str | None = None
    not_before: str | None = None
    title: str | None = None
    moved_to: str | None = None
    detected_kind: str | None = None


class FetchState(NamedTuple):
    """What conditional GET and scheduling need to remember about a source."""

    etag: str | None
    last_modified: str | None
    content_hash: str | None
    next_due: str | None
    last_success: str | None
    not_before: str | None = None
