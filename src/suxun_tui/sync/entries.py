"""A server's entry → the row the cache stores, sanitized like any feed text.

Both APIs end here: titles, authors and URLs are cleaned and bounded (a 10 MB title
becomes its first :data:`MAX_TITLE` characters), the body goes through the same HTML →
blocks conversion as feed content, and dates become the stored UTC form.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from suxun_tui.models import FeedEntry
from suxun_tui.store.articles import article_row
from suxun_tui.store.remote import RemoteEntry
from suxun_tui.text.sanitize import clean_line
from suxun_tui.text.timefmt import normalize_iso, to_stored

MAX_TITLE = 1000
MAX_URL = 4000
MAX_BODY = 2 * 1024 * 1024  # characters of HTML converted per entry
SUMMARY_CHARS = 400  # a body shorter than this is treated as a summary


def short(value: Any, limit: int) -> str:
    """A server string as one clean display line of at most ``limit`` characters."""
    if not isinstance(value, str):
        return ""
    return clean_line(value[: limit * 4])[:limit]


def make_entry(
    *,
    entry_id: str,
    feed_id: str,
    title: Any,
    url: Any,
    published: str | None,
    author: Any,
    html: Any,
    read: bool,
    starred: bool,
) -> RemoteEntry:
    link = short(url, MAX_URL)
    if not link.startswith(("http://", "https://")):
        link = ""
    body = html[:MAX_BODY] if isinstance(html, str) else ""
    # The HTML readers (lxml) load with the first entry: a sync with nothing new needs none.
    from suxun_tui.feeds.fastblocks import simple_blocks
    from suxun_tui.feeds.fragments import html_to_blocks

    blocks = simple_blocks(body)  # the paragraphs-only fast path the feed parser uses
    if blocks is None:
        blocks = html_to_blocks(body, link or None)
    plain = sum(len(b.text) for b in blocks)
    entry = FeedEntry(
        guid=entry_id,
        title=short(title, MAX_TITLE) or link or "(untitled)",
        url=link,
        published=published,
        author=short(author, 200) or None,
        blocks=blocks,
        summary_only=plain < SUMMARY_CHARS,
    )
    return RemoteEntry(feed_id, article_row(entry), read, starred)


def iso_time(value: Any) -> str | None:
    """An ISO 8601 time from the server → the stored form (None when unusable)."""
    return normalize_iso(value) if isinstance(value, str) else None


def epoch_time(value: Any) -> str | None:
    """Seconds since 1970 (a number or a numeric string) → the stored form."""
    try:
        seconds = float(value)
        return to_stored(datetime.fromtimestamp(seconds, UTC))
    except (TypeError, ValueError, OverflowError, OSError):
        return None
