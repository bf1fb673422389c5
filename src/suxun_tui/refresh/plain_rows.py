"""The stored row of a plain feed item, made without building its entry and blocks.

Most items are plain: one absolute http(s) link, a title, id and author that cleaning
leaves as they are, and a body of bare ``<p>`` paragraphs. For those, the entry
(:func:`~suxun_tui.feeds.parse.read_feed_document`'s conversion) and its blocks would
only be made to be encoded and hashed at once (:func:`~suxun_tui.store.articles.article_row`);
:func:`plain_row` makes the same row directly, a fifth of the cost of the conversion and
the row together. Anything else — a link to join, markup in a title, an overlong field,
another body, an enclosure, a body the budget would cut — is answered None, and the
entry is built as usual. ``tests/unit/test_plain_rows.py`` compares both ways on the
corpora's feeds.
"""

from __future__ import annotations

from datetime import datetime

from suxun_tui.feeds.fastfeed import RawEntry
from suxun_tui.feeds.limits import AUTHOR_CHARS, GUID_CHARS, TITLE_CHARS, URL_CHARS, BodyBudget
from suxun_tui.feeds.parse import SUMMARY_CHARS, stored_entry_date
from suxun_tui.feeds.plaintext import paragraph_texts
from suxun_tui.feeds.urls import is_plain
from suxun_tui.store.articles import ArticleRow, paragraphs_row
from suxun_tui.text.damage import repair_damage


def _unchanged(text: str) -> bool:
    """Whether the conversion keeps ``text`` as it is: :func:`~suxun_tui.feeds.plaintext.line`
    and the repairs of a damaged page's text (:func:`~suxun_tui.text.damage.repair_damage`,
    which returns clean text as the same object)."""
    return (
        text.isprintable()
        and "  " not in text
        and text[0] != " "
        and text[-1] != " "
        and repair_damage(text) is text
    )


def plain_row(raw: RawEntry, feed_url: str, now: datetime, budget: BodyBudget) -> ArticleRow | None:
    """``article_row`` of the entry ``raw`` converts to, or None when it is not plain.

    ``budget`` is charged as the conversion would charge it, and only when a row is
    returned (the conversion then charges it itself)."""
    link, title, guid, author = raw.link, raw.title, raw.id, raw.author
    if not link or not title or raw.links and any(rel == "enclosure" for rel, _ in raw.links):
        return None
    if len(link) > URL_CHARS or not is_plain(link) or not link.isprintable():
        return None  # (a plain URL holds no space)
    if len(title) > TITLE_CHARS or "<" in title or "&" in title or not _unchanged(title):
        return None
    if guid and (len(guid) > GUID_CHARS or not _unchanged(guid)):
        return None
    if author and (len(author) > AUTHOR_CHARS or not _unchanged(author)):
        return None
    html = "\n".join(raw.content) if raw.content else str(raw.summary or "")
    texts = paragraph_texts(html)
    if texts is None or not budget.take_whole(html):
        return None
    summary_only = not raw.content and sum(map(len, texts)) < SUMMARY_CHARS
    published = stored_entry_date(raw.published or raw.updated, now)
    return paragraphs_row(guid or link, link, title, published, author or None, texts, summary_only)
