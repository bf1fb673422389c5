"""Duplicates: one story reached through two sources is one headline with one state.

Two articles of different sources are the same story when their links are the same once
tracking parameters (``utm_*``, ``fbclid``, ``spm``, ``from`` …), the fragment, ``www.``
and the scheme are set aside, or when the same site published the same (folded) title
within a day. Each article stores both keys (``url_key``, ``title_key``, computed by SQL
functions inside the INSERT, so every write path sets them); the first article of a story
is its root and every later one points at it (``dup_of``). Lists show roots only, every
mark of a member is a mark of the whole group (:func:`group_ids`), and the article header
lists every source that carries it.

Why in the store: grouping at insert time, in the transaction that writes the article,
keeps counts, search, marks and sync agreeing without a pass over the cache per view.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from suxun_tui.models import ArticleDetail
from suxun_tui.store.codec import decode_blocks
from suxun_tui.store.fold import fold

if TYPE_CHECKING:  # dataclasses.replace, done without importing dataclasses at run time
    from dataclasses import replace
else:
    from suxun_tui.record import replace

# Query parameters that say where a click came from, never which page it is.
TRACKING_PREFIXES = ("utm_", "hmsr", "mtm_", "pk_", "_hs", "wt_", "ga_")
TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "spm",
        "from",
        "scene",
        "isappinstalled",
        "share_token",
        "sharer_shareid",
        "sharer_sharetime",
        "share_source",
        "share_medium",
        "ref",
        "ref_src",
        "ncid",
        "cmpid",
        "srcid",
        "clicktime",
        "enterid",
        "chksm",
        "mpshare",
        "wxfrom",
        "tt_from",
        "utm",
        "_ga",
        "_gl",
    }
)
_SCHEMES = ("http", "https", "file")
DAY = 1.0  # the same title from the same site counts as the same story within a day


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_NAMES or lowered.startswith(TRACKING_PREFIXES)


def _host(netloc: str) -> str:
    host = netloc.rpartition("@")[2].lower().rstrip(".")
    for default in (":80", ":443"):
        host = host.removesuffix(default)
    return host.removeprefix("www.")


# scheme, //host, path, ?query (the fragment left off): computed for every article stored,
# so a regular expression rather than urllib's parsers (a tenth of the time).
_URL = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.-]*):(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?")


def canonical_url(url: str | None) -> str | None:
    """``url`` without what only tracks the click; None when it cannot name one story.

    ``https://www.Example.com/a/?utm_source=x&id=2#top`` → ``example.com/a?id=2``. A bare
    site (no path, no query) names no article: feeds that link every item to the home
    page would otherwise be one story.
    """
    match = _URL.match(url) if url else None
    if match is None or match.group(1).lower() not in _SCHEMES:
        return None
    return _path_key(_host(match.group(2) or ""), match)


def _name(pair: str) -> str:
    return pair.partition("=")[0]


def _path_key(host: str, match: re.Match[str]) -> str | None:
    """:func:`canonical_url`'s answer for a URL matched by ``_URL`` with a known scheme."""
    path = match.group(3).rstrip().rstrip("/")
    query = match.group(4)
    if query:  # (most links have none: no pairs to sort)
        pairs = [p for p in query.split("&") if p and not _tracking(_name(p))]
        query = "&".join(sorted(pairs))
    if not path and not query:
        return None
    return f"{host}{path}?{query}" if query else f"{host}{path}"


def _title_words(host: str, title: str | None) -> str | None:
    """:func:`title_key`'s answer for a URL whose host is ``host``."""
    if not host or not title:
        return None
    words = " ".join(fold(title).split())
    if len(words) < 2:
        return None
    return f"{host}\n{words}"


def row_keys(url: str | None, title: str | None) -> tuple[str | None, str | None]:
    """``(canonical_url(url), title_key(url, title))`` with the URL matched once: both are
    made for every article a refresh stores."""
    match = _URL.match(url) if url else None
    if match is None:
        return None, None
    host = _host(match.group(2) or "")
    url_key = _path_key(host, match) if match.group(1).lower() in _SCHEMES else None
    return url_key, _title_words(host, title)


def title_key(url: str | None, title: str | None) -> str | None:
    """The site and the folded title: the same story under two links of one site."""
    match = _URL.match(url) if url and title else None
    return _title_words(_host(match.group(2) or "") if match is not None else "", title)


def register_functions(conn: sqlite3.Connection) -> None:
    """The key functions the article INSERT calls; every connection of ours registers them."""
    conn.create_function("suxun_url_key", 1, canonical_url, deterministic=True)
    conn.create_function("suxun_title_key", 2, title_key, deterministic=True)


# For each article above an id: the root of an older article of another source with the
# same canonical link, else with the same site and title within a day (NULL: none). The
# root of a story is its oldest article, so ``min`` also finds it through a copy of it.
# Only the articles that found one come back: most new articles repeat no story, and
# reading a row each for them cost the writing thread more than the lookups.
_ROOTS = """
SELECT id, by_url, by_title FROM (SELECT n.id,
    (SELECT min(coalesce(o.dup_of, o.id)) FROM articles o
     WHERE n.url_key IS NOT NULL AND o.url_key = n.url_key
       AND o.source_id != n.source_id AND o.id < n.id) AS by_url,
    (SELECT min(coalesce(o.dup_of, o.id)) FROM articles o
     WHERE n.title_key IS NOT NULL AND o.title_key = n.title_key
       AND o.source_id != n.source_id AND o.id < n.id
       AND abs(julianday(o.published) - julianday(n.published)) <= ?) AS by_title
FROM articles n WHERE n.id > ? AND (n.url_key IS NOT NULL OR n.title_key IS NOT NULL))
WHERE by_url IS NOT NULL OR by_title IS NOT NULL
ORDER BY id
"""


def group_new(conn: sqlite3.Connection, after_id: int) -> list[tuple[int, int]]:
    """Join every article above ``after_id`` to the story it repeats; (article, root) pairs.

    Runs in the transaction that inserted them, as one query over the new rows (each
    lookup an index probe). A new article found through another new one that is itself
    a copy takes that one's root. The group keeps one state: read, starred or hidden when
    any member was (``arrivals.settle_groups`` writes it).
    """
    root_of: dict[int, int] = {}
    for article_id, by_url, by_title in conn.execute(_ROOTS, (DAY, after_id)):
        root = by_url if by_url is not None else by_title
        if root is not None:
            root = root_of.get(int(root), int(root))
            if root != article_id:
                root_of[int(article_id)] = root
    if root_of:
        conn.executemany(
            "UPDATE articles SET dup_of = ? WHERE id = ?",
            [(root, article_id) for article_id, root in root_of.items()],
        )
    return list(root_of.items())


def _pairs(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Every (duplicate, root) pair: few, and read through a partial index."""
    rows = conn.execute("SELECT id, dup_of FROM articles WHERE dup_of IS NOT NULL")
    return [(int(r[0]), int(r[1])) for r in rows]


def group_ids(conn: sqlite3.Connection, ids: Iterable[int]) -> tuple[int, ...]:
    """``ids`` and every other member of their stories, in order: what a mark covers."""
    wanted = list(dict.fromkeys(ids))
    pairs = _pairs(conn)
    if not pairs:
        return tuple(wanted)
    root_of = dict(pairs)
    roots = {root_of.get(i, i) for i in wanted}
    extra = [d for d, r in pairs if r in roots] + sorted(roots)
    return tuple(dict.fromkeys([*wanted, *extra]))


def group_ids_of_sources(
    conn: sqlite3.Connection, source_ids: tuple[int, ...] | None
) -> tuple[int, ...]:
    """The copies of every story whose root is in ``source_ids`` (None: any source)."""
    rows = conn.execute(
        "SELECT d.id, d.source_id, r.id, r.source_id FROM articles d"
        " JOIN articles r ON r.id = d.dup_of WHERE d.dup_of IS NOT NULL"
    ).fetchall()
    if not rows:
        return ()
    scope = None if source_ids is None else set(source_ids)
    return tuple(sorted(int(r[0]) for r in rows if scope is None or r[3] in scope))


# The fields one copy of a story may know and another not: a feed item names its author,
# the same story read from the site's page also its origin, editors and views.
_FIELDS = ("author", "origin", "editor", "responsible_editor", "views")


def with_sources(conn: sqlite3.Connection, detail: ArticleDetail) -> ArticleDetail:
    """``detail`` with the other sources that carry its story (the article header lists
    them), each field its own copy lacks taken from the first other copy that has it (its
    own values always stand), and — when its own copy holds no text or only a summary —
    the text of the first other copy that holds the whole (else of any that holds some):
    the article shows everything the cache knows of the story, offline too, whichever
    source stored it first. Whether its own page is still fetched is decided by its own
    row (``Store.needs_full_text``), as before."""
    copies = [r for r in _copies(conn, detail.id) if r[0] != detail.id]
    if not copies:
        return detail
    changes: dict[str, Any] = {}  # replace() checks each against its field
    others = [str(r[1]) for r in copies if r[1] != detail.source_name]
    if others:
        changes["also_in"] = tuple(dict.fromkeys(others))
    for at, name in enumerate(_FIELDS, start=2):
        if getattr(detail, name) in (None, ""):
            found = next((r[at] for r in copies if r[at] not in (None, "")), None)
            if found is not None:
                changes[name] = found
    if not detail.blocks or not detail.has_full_text:
        texts = [r for r in copies if r[7] not in (None, "", "[]")]
        whole = next((r for r in texts if r[8] or not r[9]), None)
        chosen = whole if whole is not None or detail.blocks else next(iter(texts), None)
        if chosen is not None:
            changes["blocks"] = decode_blocks(str(chosen[7]))
    return replace(detail, **changes) if changes else detail


def _copies(conn: sqlite3.Connection, article_id: int) -> list[tuple[Any, ...]]:
    """Every copy of ``article_id``'s story in an active source, root first: id, source
    name, :data:`_FIELDS`, then the body, ``has_full_text`` and ``summary_only``."""
    row = conn.execute(
        "SELECT coalesce(dup_of, id) FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return []
    return conn.execute(
        "SELECT a.id, s.name, a.author, a.origin, a.editor, a.responsible_editor, a.views,"
        " a.body, a.has_full_text, a.summary_only"
        " FROM articles a JOIN sources s ON s.id = a.source_id"
        " WHERE (a.id = ?1 OR a.dup_of = ?1) AND s.active = 1 ORDER BY a.id",
        (int(row[0]),),
    ).fetchall()


# The schema step (store.schema): the keys, the link to the root, their indexes, and a
# trigger that makes the oldest remaining member the root when ``gc`` deletes a root.
CREATE_DUPLICATES = """
ALTER TABLE articles ADD COLUMN url_key TEXT;
ALTER TABLE articles ADD COLUMN title_key TEXT;
ALTER TABLE articles ADD COLUMN dup_of INTEGER;
CREATE INDEX articles_by_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
CREATE INDEX articles_by_title_key ON articles (title_key) WHERE title_key IS NOT NULL;
CREATE INDEX articles_dups ON articles (dup_of) WHERE dup_of IS NOT NULL;
CREATE TRIGGER articles_dups_delete AFTER DELETE ON articles
WHEN EXISTS (SELECT 1 FROM articles WHERE dup_of = OLD.id) BEGIN
    UPDATE articles SET dup_of = CASE
        WHEN id = (SELECT min(id) FROM articles WHERE dup_of = OLD.id) THEN NULL
        ELSE (SELECT min(id) FROM articles WHERE dup_of = OLD.id) END
    WHERE dup_of = OLD.id;
END;
"""
