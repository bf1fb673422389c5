"""Read queries: the one headline SELECT every list uses, the article query, and search.

Search runs on the full-text index (:mod:`suxun_tui.store.fts`) through the query
language (:mod:`suxun_tui.query`, compiled by :mod:`suxun_tui.store.query_sql`): every
word must appear in the title or the text, folded so that Simplified and Traditional,
upper and lower case, full and half width all match. Results are exact — the same set a
scan of every article would give — newest first, or ranked by bm25 with a recency boost.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal, cast

from suxun_tui.models import ArticleDetail, Headline
from suxun_tui.query import Query, parse_query
from suxun_tui.store import pending_fold
from suxun_tui.store.codec import decode_blocks
from suxun_tui.store.index_mark import not_waiting
from suxun_tui.store.query_sql import CONTENT, IDX, WALK_COST, Compiler, article_span

Order = Literal["newest", "relevance"]
ORDERS: tuple[Order, ...] = ("newest", "relevance")
# bm25 weights of title, text, author, source; then how fast the recency boost fades.
_WEIGHTS = "5.0, 1.0, 2.0, 1.0"
_RECENCY_DAYS = 30.0


def search_terms(query: str) -> list[str]:
    """The words and phrases of ``query`` (fields left out), lower-cased."""
    return [text.lower() for text in parse_query(query).texts()]


def search_headlines(
    conn: sqlite3.Connection,
    query: str | Query,
    *,
    source_id: int | None = None,
    limit: int | None = None,
    order: Order = "newest",
    now: datetime | None = None,
) -> list[Headline]:
    """Headlines matching ``query`` (a string is parsed: QueryError when it is wrong).

    An empty query finds nothing, as before: a search is a question, not a listing.
    Articles still queued for the index are scanned and merged in (newest first; after
    the ranked ones when ordered by relevance, since they have no rank yet).
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.empty:
        return []
    with pending_fold.snapshot(conn):
        return _search(conn, parsed, source_id, limit, order, now)


def _search(
    conn: sqlite3.Connection,
    parsed: Query,
    source_id: int | None,
    limit: int | None,
    order: Order,
    now: datetime | None,
) -> list[Headline]:
    limited = limit is not None and order == "newest"
    extra, extra_params = _scope(source_id)
    page = limit if limited else None
    waiting = pending_fold.waiting(conn)
    queued = None
    if waiting:  # the queued articles' newest matches, folding only what may match
        from suxun_tui.store.pending_page import newest_matches

        queued = newest_matches(conn, parsed, now, extra, extra_params, False, limit, _COLUMNS)
    indexed, pending = matching_parts(
        conn, parsed, now, extra, extra_params, page=page, queue=queued is None
    )
    body, params, ranked, bounded = indexed
    sql = f"SELECT {_COLUMNS} {body}"
    scanned = None
    if queued is not None:
        scanned = [_headline(r) for r in queued]
    elif pending is not None:
        scanned = _page(
            conn, f"{pending[0]} SELECT {_COLUMNS} {pending[1]}{_NEWEST}", pending[2], limit
        )
    # A full page of queued matches (right after a refresh, the newest articles): no
    # indexed match older than its last can be on the page.
    floor = scanned[-1].published if scanned and limited and len(scanned) == limit else None
    quick = None
    if limited and ranked:
        assert limit is not None
        quick = _newest_page(conn, parsed, now, extra, extra_params, limit, waiting, floor)
    if order == "relevance" and ranked:
        sql += (
            f" ORDER BY bm25({IDX}, {_WEIGHTS}) / (1.0 + max(0.0, julianday(?)"
            f" - julianday(a.published)) / {_RECENCY_DAYS}), a.id DESC"
        )
        params = [*params, (now or datetime.now(UTC)).isoformat()]
    else:
        sql += _NEWEST
    if bounded and floor is not None:
        # The walk reads the indexed articles from that date on, all of them, when that
        # is the nearer bound.
        edge = conn.execute(_NTH_NEWEST, (params[0],)).fetchone()
        if edge is None or edge[0] <= floor:
            assert f"WHERE {_BOUND}" in sql
            sql = sql.replace(f"WHERE {_BOUND}", "WHERE a.published >= ?", 1)
            params, bounded = [floor, *params[1:]], False
    found = quick if quick is not None else _page(conn, sql, params, limit)
    if bounded and limit is not None and len(found) < limit:
        found = _walk_further(conn, parsed, now, extra, extra_params, sql, params, found, limit)
    if scanned is None:
        return found
    if order == "relevance" and ranked:
        merged = found + scanned
    else:
        merged = sorted(found + scanned, key=lambda h: (h.published, h.id), reverse=True)
    return merged if limit is None else merged[:limit]


def count_matches(
    conn: sqlite3.Connection, query: str | Query, now: datetime | None = None
) -> tuple[int, int]:
    """(unread, total) of the articles ``query`` matches: a query feed's counts."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.empty:
        return 0, 0
    with pending_fold.snapshot(conn):
        indexed, pending = matching_parts(conn, parsed, now)
        counting = "SELECT count(*), coalesce(sum(a.read = 0), 0)"
        row = conn.execute(f"{counting} {indexed[0]}", indexed[1]).fetchone()
        unread, total = int(row[1]), int(row[0])
        if pending is not None:
            row = conn.execute(f"{pending[0]} {counting} {pending[1]}", pending[2]).fetchone()
            unread, total = unread + int(row[1]), total + int(row[0])
    return unread, total


_NEWEST = " ORDER BY a.published DESC, a.id DESC"
# The newest page of a common term (_newest_page): how many matches tell its case, how far
# past the expected length a walk may read, and the share of the matches a walk may cost.
PROBE = 1000
WALK_FACTOR = 3
WALK_SHARE = 0.4
# The newest page of common short terms alone (query_sql's ``walk``): how many of the
# newest articles per row of the page are read first (_walk_further then decides).
SHORT_WALK = 8
# The date of the article after the newest ``?`` (none: fewer articles than that): how
# far a walk of the newest articles reads.
_NTH_NEWEST = "SELECT published FROM articles ORDER BY published DESC, id DESC LIMIT 1 OFFSET ?"
_BOUND = f"a.published >= coalesce(({_NTH_NEWEST}), '')"


def matching_parts(
    conn: sqlite3.Connection,
    parsed: Query,
    now: datetime | None = None,
    extra: Sequence[str] = (),
    extra_params: Sequence[object] = (),
    *,
    every: bool = False,
    page: int | None = None,
    queue: bool = True,
) -> tuple[tuple[str, list[object], bool, bool], tuple[str, str, list[object]] | None]:
    """The SQL of the articles ``parsed`` matches, under the ``extra`` conditions.

    First ``(FROM … WHERE …, parameters, ranked, bounded)`` over the indexed articles —
    ranked when an FTS expression drives it, so that ``bm25`` applies; then, when articles
    wait in the index's queue, ``(WITH …, FROM … WHERE …, parameters)`` scanning just
    those with their folded text (None when the queue is empty). Each article is in
    exactly one of the two, so together they are the exact answer. ``every`` keeps
    hidden articles and later copies of a story in (rules).

    ``page``: only the newest ``page`` matches are wanted. The indexed part may then be
    ``bounded``: common short terms confirmed while reading the newest articles, only as
    far as the newest :data:`SHORT_WALK` × ``page`` (by date). A full page found there is
    the newest page, since every article past the bound is older; fewer, and the caller
    asks again without ``page``. ``queue`` False: the caller scans the queue itself
    (store.pending_page), and the second part is None.
    """
    compiler = Compiler(conn, now)
    compiled = compiler.compile(parsed, every=every)
    compiler.narrowing(compiled, page, scoped=bool(extra))
    expression = compiled.expression()
    waiting = pending_fold.waiting(conn)
    where = [*compiled.first, "s.active = 1", *extra, *compiled.where]
    params: list[object] = [*compiled.first_params, *extra_params, *compiled.params]
    if waiting:
        # A test per candidate, before the text is read: the queue may be long right after
        # a large refresh, and its articles are the newest a walk reads first.
        where.insert(len(compiled.first) + 1, not_waiting("a"))
    bounded = compiled.walk and page is not None
    if bounded:
        assert page is not None
        # Past the queued articles too: they are mostly the newest, and read apart.
        where.insert(0, _BOUND)
        params.insert(0, SHORT_WALK * page + pending_fold.queued_count(conn, waiting) - 1)
    if expression is not None:
        body = (
            f"FROM {IDX} JOIN articles a ON a.id = {IDX}.rowid"
            f" JOIN sources s ON s.id = a.source_id WHERE {IDX} MATCH ? AND {' AND '.join(where)}"
        )
        indexed: tuple[str, list[object], bool, bool] = (body, [expression, *params], True, False)
    else:
        body = f"FROM articles a JOIN sources s ON s.id = a.source_id WHERE {' AND '.join(where)}"
        indexed = (body, params, False, bounded)
    if not waiting or not queue:
        return indexed, None
    from suxun_tui.store.pending_page import scan_sql  # only while articles wait

    return indexed, scan_sql(conn, parsed, now, extra, extra_params, every)


def _walk_further(
    conn: sqlite3.Connection,
    parsed: Query,
    now: datetime | None,
    extra: Sequence[str],
    extra_params: Sequence[object],
    sql: str,
    params: list[object],
    found: list[Headline],
    limit: int,
) -> list[Headline]:
    """The newest page when the first walk (the newest :data:`SHORT_WALK` × ``limit``
    articles) found fewer than ``limit``: what it found tells the share of matches. Past
    the share at which a walk beats collecting (query_sql.WALK_COST), walk on twice as
    far as that share needs, through the articles older than the first walk's bound only
    (it found every match inside it); below it, or when that walk too falls short, the
    whole plan (the rarest term's articles collected)."""
    walked = SHORT_WALK * limit
    queued = cast(int, params[0]) + 1 - walked  # the walk's bound went past them too
    total = article_span(conn)
    if walked + queued >= total:
        return found  # no more articles than that: the walk read them all
    if found and len(found) / walked >= math.sqrt(limit * WALK_COST / total):
        further = math.ceil(2 * limit * walked / len(found)) + queued
        bound = conn.execute(_NTH_NEWEST, (params[0],)).fetchone()
        if bound is None:
            return found  # fewer articles than the bound: the walk read them all
        assert f"WHERE {_BOUND}" in sql
        older = sql.replace(f"WHERE {_BOUND}", f"WHERE a.published < ? AND {_BOUND}", 1)
        more = [bound[0], further - 1, *params[1:]]
        page = found + _page(conn, older, more, limit - len(found))
        if len(page) == limit:
            return page
    whole, _ = matching_parts(conn, parsed, now, extra, extra_params, queue=False)
    return _page(conn, f"SELECT {_COLUMNS} {whole[0]}{_NEWEST}", whole[1], limit)


def _newest_page(
    conn: sqlite3.Connection,
    parsed: Query,
    now: datetime | None,
    extra: Sequence[str],
    extra_params: Sequence[object],
    limit: int,
    waiting: bool,
    floor: str | None = None,
) -> list[Headline] | None:
    """The newest ``limit`` indexed matches by a quicker exact way, or None.

    The index answers a phrase by reading every matching article, which for a term in a
    fifth of 100,000 articles costs far more than the page shown. The first
    :data:`PROBE` matches of the whole query (in id order) tell which case this is: fewer
    than that, and they are all the matches, read by id without asking again; many, and
    reading the newest articles and confirming each with ``instr`` on the index's copy
    finds a page after ``limit / share`` articles. That walk is bounded by a date (the
    newest :data:`WALK_FACTOR` times that many articles): a full page found inside the
    bound is the newest page, since every article outside it is older; otherwise the
    index is asked after all (None). ``floor``: no match older than that date can be on
    the page (the caller has a full page of queued ones); when it is the nearer bound,
    the walk stops there, and what it finds is the answer even if fewer than ``limit``.
    """
    compiler = Compiler(conn, now)
    compiled = compiler.compile(parsed)
    compiler.narrowing(compiled, limit)
    expression = compiled.expression()
    if expression is None:
        return None
    where = ["s.active = 1", *extra]
    if waiting:
        where.append(not_waiting("a"))
    # The first matches of the whole query (every condition, not the text alone), in id
    # order: how many there are, and how densely they come, decide the way.
    probe = (
        f"SELECT a.id FROM {IDX} JOIN articles a ON a.id = {IDX}.rowid"
        f" JOIN sources s ON s.id = a.source_id WHERE {IDX} MATCH ?"
        f" AND {' AND '.join([*where, *compiled.where])} LIMIT {PROBE}"
    )
    probe_params = [expression, *extra_params, *compiled.params]
    ids = [int(r[0]) for r in conn.execute(probe, probe_params)]
    if len(ids) < PROBE:
        listed = ",".join(map(str, ids)) or "NULL"
        sql = (
            f"SELECT {_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id"
            f" WHERE a.id IN ({listed}){_NEWEST}"
        )
        return _page(conn, sql, [], limit)
    first, last = conn.execute(
        "SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)"
    ).fetchone()
    share = PROBE / max(1, ids[-1] - first + 1)
    walk = math.ceil(WALK_FACTOR * limit / share)
    if walk > WALK_SHARE * share * (last - first + 1):
        return None  # too few matches for a walk to be the quicker way
    row = conn.execute(
        _NTH_NEWEST,
        (walk + pending_fold.queued_count(conn, waiting) - 1,),  # the queued ones are read apart
    ).fetchone()
    scanned = Compiler(conn, now, scan="x", content=True).compile(parsed)
    # One read of the index's copy of the text per article (a join would make SQLite read
    # the index first, every row of it, and sort).
    confirm = " AND ".join(scanned.where) or "1"
    sql = (
        f"SELECT {_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id"
        f" WHERE a.published >= ? AND {' AND '.join(where)} AND EXISTS (SELECT 1 FROM"
        f" {CONTENT} x WHERE x.id = a.id AND {confirm}){_NEWEST} LIMIT ?"
    )
    bound = row[0] if row else ""
    complete = floor is not None and floor >= bound
    params: list[object] = [floor if complete else bound, *extra_params, *scanned.params, limit]
    page = [_headline(r) for r in conn.execute(sql, params)]
    return page if complete or len(page) == limit else None


def _scope(source_id: int | None) -> tuple[list[str], list[object]]:
    if source_id is None:
        return [], []
    return ["a.source_id = ?"], [source_id]


def _page(
    conn: sqlite3.Connection, sql: str, params: list[object], limit: int | None
) -> list[Headline]:
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    return [_headline(r) for r in conn.execute(sql, params)]


_COLUMNS = "a.id, a.source_id, s.name, a.title, a.url, a.published, a.read, a.starred"


def _headline(r: Sequence[Any]) -> Headline:
    return Headline(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), bool(r[7]))


def select_headlines(
    conn: sqlite3.Connection, where: list[str], params: list[object], limit: int | None
) -> list[Headline]:
    """The one headline query (newest first) under ``where`` conditions; shared by all lists."""
    sql = (
        f"SELECT {_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id"
        f" WHERE {' AND '.join(where)} ORDER BY a.published DESC, a.id DESC"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_headline(r) for r in conn.execute(sql, params)]


# The article pane's query: everything ``ArticleDetail`` holds, by id.
ARTICLE_QUERY = (
    "SELECT a.id, a.source_id, s.name, s.kind, a.title, a.url, a.published, a.read,"
    " a.starred, a.author, a.origin, a.editor, a.responsible_editor, a.views, a.body,"
    " a.has_full_text, a.summary_only"
    " FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?"
)


def article_from_row(row: Sequence[Any]) -> ArticleDetail:
    """A row of :data:`ARTICLE_QUERY` as an ``ArticleDetail``.

    A feed item that was never a summary counts as full text: there is nothing to fetch.
    """
    return ArticleDetail(
        id=row[0],
        source_id=row[1],
        source_name=row[2],
        source_kind=row[3],
        title=row[4],
        url=row[5],
        published=row[6],
        read=bool(row[7]),
        starred=bool(row[8]),
        author=row[9],
        origin=row[10],
        editor=row[11],
        responsible_editor=row[12],
        views=row[13],
        blocks=decode_blocks(row[14]),
        has_full_text=bool(row[15]) or not bool(row[16]),
    )
