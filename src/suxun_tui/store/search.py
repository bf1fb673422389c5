"""Read queries: the one headline SELECT every list uses, the article query, and search
(every term must appear in the title or the body).

A plain scan with ``instr`` rather than a full-text index: Chinese has no spaces for a
tokenizer to split on, substring matching is what a reader of Chinese expects, and a
scan of 100,000 cached articles takes a fraction of a second while an index would slow
down every refresh. Matching is case-insensitive for Latin letters.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from suxun_tui.models import ArticleDetail, Headline, blocks_to_plain
from suxun_tui.store.codec import decode_blocks

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
    """Headlines whose title or text contains every term of ``query``, newest first.

    SQLite narrows the candidates on the stored (JSON) body; each candidate is then
    checked against its plain text, so block kinds and image addresses in the JSON never
    match and quotes or backslashes in a term do.
    """
    terms = search_terms(query)
    if not terms:
        return []
    where = ["s.active = 1"]
    params: list[object] = []
    for term in terms:
        encoded = json.dumps(term, ensure_ascii=False)[1:-1]
        where.append("(instr(lower(a.title), ?) > 0 OR instr(lower(a.body), ?) > 0)")
        params += [term, encoded]
    if source_id is not None:
        where.append("a.source_id = ?")
        params.append(source_id)
    sql = (
        f"SELECT {_COLUMNS}, a.body FROM articles a JOIN sources s ON s.id = a.source_id"
        f" WHERE {' AND '.join(where)} ORDER BY a.published DESC, a.id DESC"
    )
    found: list[Headline] = []
    for row in conn.execute(sql, params):
        text = f"{row[3]}\n{blocks_to_plain(decode_blocks(row[8]))}".lower()
        if all(term in text for term in terms):
            found.append(_headline(row))
            if limit is not None and len(found) >= limit:
                break
    return found


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
