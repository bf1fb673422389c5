"""The folded text of articles still queued for the index, kept by the process that reads it.

A search reads the queued articles' text directly (:mod:`suxun_tui.store.search`), folded
the way the index would hold it. Folding costs some 50 µs an article, so right after a
refresh — thousands of articles queued until the background filler has indexed them —
every search and every query feed's count would fold all of them again. This keeps each
queued article's folded title, text and author from one query to the next.

It stays exact without knowing when an article changes: an entry holds the stored text
it was folded from, and is used only when the article's stored text is the same string
(folding is a function of that text alone); otherwise the text is folded again. Entries
of articles that left the queue are dropped (:func:`keep_only`); past :data:`LIMIT`
articles, the rest are folded at each query rather than kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection

from suxun_tui.store.fts import index_body, index_value

LIMIT = 8_000  # articles kept (some 3 KB each for a page of generated news)
FUNCTION = "suxun_queued"
# What each column is folded with: title, text (a stored JSON body), author.
_FOLDERS: tuple[Callable[[str | None], str], ...] = (index_value, index_body, index_value)

# (article id, column) -> (the stored text, as folded); shared by the connections of this
# process: an entry is right for any article whose stored text is that string.
_kept: dict[tuple[int, int], tuple[str | None, str]] = {}


def queued_folded(article_id: int, column: int, stored: str | None) -> str:
    """``stored`` (column 0 title, 1 body, 2 author of article ``article_id``) as the
    index would hold it: kept from an earlier query when the stored text is the same."""
    key = (article_id, column)
    entry = _kept.get(key)
    if entry is not None and entry[0] == stored:
        return entry[1]
    folded = _FOLDERS[column](stored)
    if entry is not None or len(_kept) < LIMIT * len(_FOLDERS):
        _kept[key] = (stored, folded)
    return folded


def register(conn: sqlite3.Connection) -> None:
    """``suxun_queued(id, column, text)`` for the pending part of a search."""
    conn.create_function(FUNCTION, 3, queued_folded, deterministic=True)


def keep_only(waiting: Collection[int]) -> None:
    """Forget the articles not in ``waiting`` (the ids now queued; empty: forget all)."""
    if not _kept:
        return
    if not waiting:
        _kept.clear()
        return
    gone = [key for key in _kept if key[0] not in waiting]
    for key in gone:
        _kept.pop(key, None)


def nothing_kept() -> bool:
    """Whether no text is kept (then there is nothing to forget)."""
    return not _kept


def kept() -> int:
    """How many articles have text kept (for tests and benchmarks)."""
    return len({key[0] for key in _kept}) if _kept else 0
