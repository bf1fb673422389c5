"""Feeds that rotate their guids: the same items under new ids must not pile up.

The cache keys articles by (source, guid). A feed that mints a new guid for every item on
every fetch (a session id in the guid, a timestamp) made every refresh add all of its
items again — 212 MB a refresh for a big one. Before rows are written, an incoming row
whose guid is unknown is given the guid of the stored article it repeats:

- the same content (title, link, author and body hash alike): always — it is that article;
- the same link and title: only when most of the document's items are such repeats,
  which is what a rotating feed looks like (a daily digest that reuses its link and title
  with new text, among known items, stays a new article).

Read and star flags stay on the stored article, which is updated in place as usual.
"""

from __future__ import annotations

from collections.abc import Sequence

from suxun_tui.store.articles import ArticleRow
from suxun_tui.store.identities import Identities


def keep_guids_stable(
    rows: Sequence[ArticleRow], stored: Identities, total: int | None = None
) -> tuple[ArticleRow, ...]:
    """``rows`` with each repeat of a stored article under a new guid given the stored guid.

    ``total`` counts the document's items when some were left out as already stored
    (they are not repeats under a new guid: their guids are known).
    """
    if not stored:
        return tuple(rows)
    by_digest = {digest: guid for guid, (_, _, digest) in stored.items()}
    by_link = {(url, title): guid for guid, (url, title, _) in stored.items() if url}
    repeats = sum(1 for row in rows if row[0] not in stored and (row[1], row[2]) in by_link)
    rotating = repeats >= 2 and repeats * 2 > (len(rows) if total is None else total)
    taken = {row[0] for row in rows if row[0] in stored}
    out: list[ArticleRow] = []
    for row in rows:
        guid = row[0]
        if guid not in stored:
            same = by_digest.get(row[7])
            if same is None and rotating and row[1]:
                same = by_link.get((row[1], row[2]))
            if same is not None and same not in taken:
                taken.add(same)
                row = (same, *row[1:])
        out.append(row)
    return tuple(out)
