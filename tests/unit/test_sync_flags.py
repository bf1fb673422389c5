"""A Google Reader listing against the cache: the same flags as comparing entry by entry."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from suxun_tui.store.remote import Known
from suxun_tui.sync.client import Batch, Listing
from suxun_tui.sync.flags import FlagWrite, changed_flags, needs_ids

IDS = st.sampled_from([str(n) for n in range(1, 13)])


def one_by_one(
    listing: Listing, known: dict[str, Known]
) -> tuple[set[FlagWrite], dict[str, Known]]:
    """The rule read plainly: read unless listed unread, starred when listed starred."""
    flags: set[FlagWrite] = set()
    after = dict(known)
    for entry_id, entry in known.items():
        if listing.unread is not None and entry.read != (entry_id not in listing.unread):
            flags.add((entry.article_id, "read", entry_id not in listing.unread))
            after[entry_id] = after[entry_id]._replace(read=entry_id not in listing.unread)
        if listing.starred is not None and entry.starred != (entry_id in listing.starred):
            flags.add((entry.article_id, "starred", entry_id in listing.starred))
            after[entry_id] = after[entry_id]._replace(starred=entry_id in listing.starred)
    return flags, after


@given(
    st.dictionaries(IDS, st.tuples(st.booleans(), st.booleans())),
    st.one_of(st.none(), st.sets(IDS)),
    st.one_of(st.none(), st.sets(IDS)),
)
def test_a_listing_changes_exactly_the_flags_that_differ(
    cached: dict[str, tuple[bool, bool]], unread: set[str] | None, starred: set[str] | None
) -> None:
    known = {i: Known(int(i) * 10, r, s) for i, (r, s) in cached.items()}
    listing = Listing(unread, starred)
    expected, after = one_by_one(listing, known)
    flags = changed_flags(Batch(listing=listing), known)
    assert len(flags) == len(set(flags)) and set(flags) == expected
    assert known == after  # brought up to date with what it wrote


def test_a_listing_needs_the_ids_of_entries_stored_in_this_sync() -> None:
    listing = Batch(listing=Listing(set(), set()))
    assert not needs_ids(listing, {"1": Known(10, True, False)})
    assert needs_ids(listing, {"1": Known(10, True, False), "2": Known(0, False, False)})
    assert not needs_ids(Batch(), {"2": Known(0, False, False)})
