"""Server flags against the cache's: which differ, and which queued local marks they settle.

A batch carries flags in one of two forms. Miniflux sends the changed entries themselves,
so their flags come as a short list (``Batch.flags``). The Google Reader API has no change
times: every sync lists the ids of all unread and all starred entries, and an entry's
flags follow from being in those lists or not (``Batch.listing``). That is tens of
thousands of ids when nothing changed, so a listing is compared with the cache as sets,
once per cached entry, and only what differs becomes a flag to write.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from suxun_tui.store.queue import Flag, PendingChange
from suxun_tui.store.remote import Known
from suxun_tui.sync.client import Batch, Listing

FlagWrite = tuple[int, Flag, bool]  # (article id, flag, value)
_ARTICLE_ID = itemgetter(0)  # of a Known


def listing_value(listing: Listing, entry_id: str, flag: Flag) -> bool | None:
    """The server's value of ``flag`` for a cached entry, or None when the listing that
    would say it was incomplete."""
    if flag == "read":
        return None if listing.unread is None else entry_id not in listing.unread
    return None if listing.starred is None else entry_id in listing.starred


def server_flags(batch: Batch, queued: Iterable[tuple[str, Flag]]) -> list[tuple[str, Flag, bool]]:
    """What the batch says of the entries in ``queued`` (entry id, flag), as a list."""
    said: list[tuple[str, Flag, bool]] = []
    if batch.listing is None:
        return said
    for entry_id, flag in queued:
        value = listing_value(batch.listing, entry_id, flag)
        if value is not None:
            said.append((entry_id, flag, value))
    return said


def settled(batch: Batch, queued: dict[tuple[str, Flag], PendingChange]) -> list[int]:
    """The queued marks this batch settles — equal on the server, or changed there later —
    removed from ``queued``; their change ids are returned."""
    drop: list[int] = []

    def settle(entry_id: str, flag: Flag, value: bool) -> None:
        change = queued.get((entry_id, flag))
        if change is None:
            return
        when = batch.changed.get(entry_id)
        if value == change.value or (when is not None and when > change.changed):
            drop.append(change.id)
            del queued[(entry_id, flag)]

    for entry in batch.entries:
        settle(entry.row[0], "read", entry.read)
        settle(entry.row[0], "starred", entry.starred)
    for entry_id, flag, value in batch.flags:
        settle(entry_id, flag, value)
    for entry_id, flag, value in server_flags(batch, list(queued)):
        settle(entry_id, flag, value)
    return drop


def needs_ids(batch: Batch, known: dict[str, Known]) -> bool:
    """Whether a flag of the batch is for an entry stored in this sync, whose article id
    ``known`` does not hold yet (0): then ``known`` is read again first."""
    if any(known[i].article_id == 0 for i, _, _ in batch.flags if i in known):
        return True
    return batch.listing is not None and 0 in map(_ARTICLE_ID, known.values())


def changed_flags(batch: Batch, known: dict[str, Known]) -> list[FlagWrite]:
    """The flags of the batch that differ from the cache's (most do not); ``known`` is
    brought up to date with them."""
    flags: list[FlagWrite] = []
    for entry_id, flag, value in batch.flags:
        entry = known.get(entry_id)
        if entry is None or getattr(entry, flag) == value:
            continue
        flags.append((entry.article_id, flag, value))
        known[entry_id] = entry._replace(**{flag: value})
    if batch.listing is not None:
        flags += _listing_changes(batch.listing, known)
    return flags


def _listing_changes(listing: Listing, known: dict[str, Known]) -> list[FlagWrite]:
    """Every cached entry's flags against the listing: an entry in no unread list is read,
    in no starred list not starred (entries gone from the server included).

    One pass over the cache's entries, each unpacked once (20,000 entries with nothing
    changed: about 4.5 ms; set operations over them measured slower, 15 ms).
    """
    unread, starred = listing.unread, listing.starred
    no_ids: set[str] = set()
    unread_ids = unread if unread is not None else no_ids
    starred_ids = starred if starred is not None else no_ids
    check_read, check_starred = unread is not None, starred is not None
    flags: list[FlagWrite] = []
    changed: list[tuple[str, Known]] = []
    for entry_id, entry in known.items():
        article_id, read, star = entry
        read_now = read if not check_read else entry_id not in unread_ids
        star_now = star if not check_starred else entry_id in starred_ids
        if read_now == read and star_now == star:
            continue
        if read_now != read:
            flags.append((article_id, "read", read_now))
        if star_now != star:
            flags.append((article_id, "starred", star_now))
        changed.append((entry_id, Known(article_id, read_now, star_now)))
    known.update(changed)
    return flags
