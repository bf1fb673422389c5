"""Headline queries: the one SELECT every list uses, and search (every term must appear
in the title or the body).

A plain scan with ``instr`` rather than a full-text index: Chinese has no spaces for a
tokenizer to split on, substring matching is what a reader of Chinese expects, and a
scan of 100,000 cached articles takes a fraction of a second while an index would slow
down every refresh. Matching is case-insensitive for Latin letters.
"""

from __future__ import annotations

import sqlite3

from suxun_tui.models import Headline

MAX_TERMS = 8


def search_terms(query: str) -> list[str]:
    """Split a query into lower-cased terms; quotes keep a phrase together."""
    terms: list[str] = []
    quoted = query.split('"')
    for index, part in enumerate(quoted):
        if index % 2:
            if part.strip():
                terms.append(part.strip().lower())
        else:
            terms.extend(word.lower() for word in part.split())
    return terms[:MAX_TERMS]


def search_headlines(
    conn: sqlite3.Connection,
    query: str,
    *,
    source_id: int | None = None,
    limit: int | None = None,
) -> list[Headline]:
    """Headlines whose title or body contains every term of ``query``, newest first."""
    terms = search_terms(query)
    if not terms:
        return []
    where = ["s.active = 1"]
    params: list[object] = []
    for term in terms:
        where.append("(instr(lower(a.title), ?) > 0 OR instr(lower(a.body), ?) > 0)")
        params += [term, term]
    if source_id is not None:
        where.append("a.source_id = ?")
        params.append(source_id)
    return select_headlines(conn, where, params, limit)


def select_headlines(
    conn: sqlite3.Connection, where: list[str], params: list[object], limit: int | None
) -> list[Headline]:
    """The one headline query (newest first) under ``where`` conditions; shared by all lists."""
    sql = (
        "SELECT a.id, a.source_id, s.name, a.title, a.url, a.published, a.read, a.starred"
        " FROM articles a JOIN sources s ON s.id = a.source_id"
        f" WHERE {' AND '.join(where)} ORDER BY a.published DESC, a.id DESC"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [
        Headline(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), bool(r[7]))
        for r in conn.execute(sql, params)
    ]
