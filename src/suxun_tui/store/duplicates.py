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

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit

from suxun_tui.models import ArticleDetail
from suxun_tui.store.fold import fold

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


def canonical_url(url: str | None) -> str | None:
    """``url`` without what only tracks the click; None when it cannot name one story.

    ``https://www.Example.com/a/?utm_source=x&id=2#top`` → ``example.com/a?id=2``. A bare
    site (no path, no query) names no article: feeds that link every item to the home
    page would otherwise be one story.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in _SCHEMES:
        return None
    path = parts.path.rstrip("/")
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
    query = urlencode(sorted(pairs))
    if not path and not query:
        return None
    host = _host(parts.netloc)
    return f"{host}{path}?{query}" if query else f"{host}{path}"


def title_key(url: str | None, title: str | None) -> str | None:
    """The site and the folded title: the same story under two links of one site."""
    if not url or not title:
        return None
    try:
        host = _host(urlsplit(url.strip()).netloc)
    except ValueError:
        return None
    words = " ".join(fold(title).split())
    if not host or len(words) < 2:
        return None
    return f"{host}\n{words}"


def register_functions(conn: sqlite3.Connection) -> None:
    """The key functions the article INSERT calls; every connection of ours registers them."""
    conn.create_function("suxun_url_key", 1, canonical_url, deterministic=True)
    conn.create_function("suxun_title_key", 2, title_key, deterministic=True)


def _root_of(conn: sqlite3.Connection, row: sqlite3.Row | tuple[object, ...]) -> int | None:
    """The root of an older article of another source that is the same story, if any."""
    article_id, source_id, url_key, t_key, published = row
    if url_key is not None:
        found = conn.execute(
            "SELECT coalesce(dup_of, id) FROM articles WHERE url_key = ? AND source_id != ?"
            " AND id < ? ORDER BY id LIMIT 1",
            (url_key, source_id, article_id),
        ).fetchone()
        if found is not None:
            return int(found[0])
    if t_key is not None:
        found = conn.execute(
            "SELECT coalesce(dup_of, id) FROM articles WHERE title_key = ? AND source_id != ?"
            " AND id < ? AND abs(julianday(published) - julianday(?)) <= ? ORDER BY id LIMIT 1",
            (t_key, source_id, article_id, published, DAY),
        ).fetchone()
        if found is not None:
            return int(found[0])
    return None


def group_new(conn: sqlite3.Connection, after_id: int) -> list[tuple[int, int]]:
    """Join every article above ``after_id`` to the story it repeats; (article, root) pairs.

    Runs in the transaction that inserted them. The group keeps one state: read, starred
    or hidden when any member was (:func:`settle_groups` writes it).
    """
    rows = conn.execute(
        "SELECT id, source_id, url_key, title_key, published FROM articles"
        " WHERE id > ? AND (url_key IS NOT NULL OR title_key IS NOT NULL) ORDER BY id",
        (after_id,),
    ).fetchall()
    joined: list[tuple[int, int]] = []
    for row in rows:
        root = _root_of(conn, row)
        if root is not None and root != row[0]:
            conn.execute("UPDATE articles SET dup_of = ? WHERE id = ?", (root, row[0]))
            joined.append((int(row[0]), root))
    return joined


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


def with_sources(conn: sqlite3.Connection, detail: ArticleDetail) -> ArticleDetail:
    """``detail`` with the other sources that carry its story (the article header lists
    them)."""
    others = [n for n in sources_of(conn, detail.id) if n != detail.source_name]
    return replace(detail, also_in=tuple(others)) if others else detail


def sources_of(conn: sqlite3.Connection, article_id: int) -> list[str]:
    """The names of every active source that carries ``article_id``'s story, root first."""
    row = conn.execute(
        "SELECT coalesce(dup_of, id) FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return []
    rows = conn.execute(
        "SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id"
        " WHERE (a.id = ?1 OR a.dup_of = ?1) AND s.active = 1 ORDER BY a.id",
        (int(row[0]),),
    ).fetchall()
    return list(dict.fromkeys(str(r[0]) for r in rows))


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
