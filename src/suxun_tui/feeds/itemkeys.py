"""Item keys: a cheap hash of a feed item as read, so an unchanged item is not rebuilt.

A changed feed usually changed in a few items; the others are byte for byte what was
stored. Hashing an item's raw fields costs about 3 µs, building its blocks and row tens,
so each stored article keeps its item's key (``articles.item_hash``) and the next parse of
the feed leaves out the items whose key it already has
(:meth:`~suxun_tui.feeds.parse.FeedDocument.keyed_entries`).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Collection, Iterator
from datetime import datetime
from typing import Any

from suxun_tui.feeds.fastfeed import RawEntry
from suxun_tui.feeds.limits import BodyBudget
from suxun_tui.models import FeedEntry

# A caller's own conversion of an item, tried before the entry is built: (raw entry, the
# feed's URL, now, the document's body budget) -> what the caller stores, or None to have
# the entry built as usual (see refresh.plain_rows).
DirectBuild = Callable[[RawEntry, str, datetime, BodyBudget], tuple[Any, ...] | None]
# (known keys, seed, direct) -> (key, entry or the direct result, or None when known)
KeyedBuild = Callable[
    [Collection[str], str, DirectBuild | None],
    Iterator[tuple[str, FeedEntry | tuple[Any, ...] | None]],
]

# Part of every item key: raise it when the conversion of an unchanged item changes, so
# that stored items are rebuilt once (a new release rebuilds them anyway: see item_key).
ITEM_KEY_VERSION = "2"

# The seed of the document being read, and a hash that has read it.
_last_seed: tuple[str, hashlib.blake2b] | None = None


def _seeded(seed: str) -> hashlib.blake2b:
    """A hash that has read the version and ``seed``: made once a document, copied for
    each of its items (a third of the cost of hashing the seed again). Never updated
    itself, so threads that parse at once may share it."""
    global _last_seed
    known = _last_seed
    if known is not None and known[0] == seed:
        return known[1]
    digest = hashlib.blake2b(f"{ITEM_KEY_VERSION}:{seed}".encode(), digest_size=12)
    _last_seed = (seed, digest)
    return digest


def item_key(raw: RawEntry, seed: str) -> str:
    """A cheap hash of an item as the reader found it (before any cleaning or blocks).

    ``seed`` holds what else shapes the stored row: the feed's address (links are joined
    with it), the source's parse settings and the package version. The same key means
    the same row; about 3 µs an item, against tens for building its blocks. The fields are
    serialised by ``marshal`` (format 0: no references, no interning marks, so equal values
    give equal bytes): a third of the cost of ``repr``, which escapes every character.
    """
    fields = (raw.id, raw.title, raw.link, raw.links, raw.content, raw.summary, raw.author)
    dates = (tuple(raw.published or ()), tuple(raw.updated or ()))
    digest = _seeded(seed).copy()
    try:
        digest.update(marshal.dumps((fields, dates), 0))
    except ValueError:  # a str subclass from some reader: marshal takes exact types only
        digest.update(repr((fields, dates)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
