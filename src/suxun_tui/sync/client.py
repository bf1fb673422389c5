"""What the sync engine needs from a server's API, whichever API it is."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from suxun_tui.store.queue import Flag, PendingChange
from suxun_tui.store.remote import Known, RemoteEntry, RemoteFeed

if TYPE_CHECKING:  # dataclasses, made cheaply at run time (suxun_tui.record)
    from dataclasses import dataclass, field
else:
    from suxun_tui.record import dataclass, field

# A server gets at most this many pages of one listing per sync: a server that keeps
# answering "there is more" (an endless continuation) ends the listing with a notice.
MAX_PAGES = 400

# The cache's entries of the account by server id, read from the cache on the first call
# (the same dict every time): a sync that pulls nothing never reads them.
KnownLoader = Callable[[], Awaitable[dict[str, Known]]]


@dataclass
class Listing:
    """Flags as whole id lists (the Google Reader API): every cached entry is read unless
    its id is in ``unread``, starred if it is in ``starred``; None where that list came
    back incomplete, so that nothing is concluded from it."""

    unread: set[str] | None
    starred: set[str] | None


@dataclass
class Batch:
    """One page of what the server says: entries (with flags), flags of known entries
    (as a list, or as a :class:`Listing`), the server's change time per entry where the
    API has one, and the cursor after it."""

    entries: list[RemoteEntry] = field(default_factory=list)
    flags: list[tuple[str, Flag, bool]] = field(default_factory=list)  # (entry id, flag, value)
    changed: dict[str, datetime] = field(default_factory=dict)
    cursor: dict[str, str] = field(default_factory=dict)
    notice: str | None = None
    listing: Listing | None = None


class Client(Protocol):
    """One account's API: log in, list feeds, pull batches, push marks, subscribe."""

    # Whether every pull compares each cached entry with the server's lists (the Google
    # Reader API's flags): then the engine reads the cache's entries at the start.
    compares_every_entry: bool

    async def login(self) -> None: ...

    async def feeds(self) -> list[RemoteFeed]: ...

    def pull(self, cursor: Mapping[str, str], known: KnownLoader) -> AsyncIterator[Batch]: ...

    async def push(self, changes: Sequence[PendingChange]) -> None: ...

    async def subscribe(self, url: str, folder: str | None) -> str: ...

    async def unsubscribe(self, remote_feed_id: str) -> None: ...

    def close(self) -> None:
        """The sync is over: drop whatever the client asked for ahead and still runs."""


def grouped(changes: Sequence[PendingChange]) -> dict[tuple[Flag, bool], list[str]]:
    """Queued marks by (flag, value): each group is one call with many ids."""
    groups: dict[tuple[Flag, bool], list[str]] = {}
    for change in changes:
        groups.setdefault((change.flag, change.value), []).append(change.remote_id)
    return groups


def chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
