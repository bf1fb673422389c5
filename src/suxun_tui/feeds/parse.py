"""Feed bytes → :class:`ParsedFeed`: RSS 0.9x/1.0/2.0, Atom, RDF and JSON Feed.

Well-formed UTF-8 feeds go through :mod:`suxun_tui.feeds.fastfeed` (lxml, ~10x faster);
everything else through feedparser, which is forgiving with broken XML and odd
encodings, which is what feeds in the wild need. Both produce the same
:class:`~suxun_tui.feeds.fastfeed.RawEntry` values and share one conversion, so the stored
result does not depend on the route. Every string is cleaned of control characters here,
where it enters the core; dates become UTC ISO 8601; HTML content becomes text blocks.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from suxun_tui.feeds.errors import FeedError as FeedError  # where callers look for it
from suxun_tui.feeds.fastfeed import RawEntry, read_feed
from suxun_tui.feeds.fragments import html_to_blocks, text_to_blocks
from suxun_tui.feeds.itemkeys import DirectBuild, KeyedBuild, item_key
from suxun_tui.feeds.jsonitems import JsonFeedSyntaxError, read_json_items
from suxun_tui.feeds.limits import (
    AUTHOR_CHARS,
    DEFAULT_MAX_ITEMS,
    ELLIPSIS,
    GUID_CHARS,
    TITLE_CHARS,
    URL_CHARS,
    BodyBudget,
    cut,
    keep_newest_items,
    not_a_feed,
)
from suxun_tui.feeds.media import media_blocks
from suxun_tui.feeds.plaintext import line, markup_line, paragraphs, stored_date
from suxun_tui.feeds.rescue import FEEDPARSER_BYTES, read_recovered
from suxun_tui.feeds.urls import join_url
from suxun_tui.models import Block, FeedEntry, ParsedFeed
from suxun_tui.text.damage import repair_damage
from suxun_tui.text.hashing import content_hash
from suxun_tui.text.i18n import N_
from suxun_tui.text.sanitize import clean_line
from suxun_tui.text.timefmt import normalize_iso

SUMMARY_CHARS = 400  # shorter than this and the item is treated as a summary only
_FUTURE_SLACK = timedelta(days=2)


@dataclass(frozen=True)
class FeedDocument:
    """A parsed feed whose entries are converted one at a time, as they are asked for.

    An entry's blocks are the largest thing a parse makes; a caller that stores each entry
    as it comes (``refresh.parse_pool``) never holds more than one entry's blocks.
    """

    title: str
    ttl_minutes: int | None
    warnings: tuple[str, ...]
    build: Callable[[], Iterator[FeedEntry]]
    notices: tuple[str, ...] = ()  # what bounded the work: worth telling the user
    build_keyed: KeyedBuild | None = None  # XML feeds: entries with their item keys

    def entries(self) -> Iterator[FeedEntry]:
        return self.build()

    def keyed_entries(
        self, known: Collection[str], seed: str, direct: DirectBuild | None = None
    ) -> Iterator[tuple[str, FeedEntry | tuple[Any, ...] | None]]:
        """``(item key, entry)`` for each entry; the entry is None when its key is in
        ``known``: the item is byte for byte what was stored, so no blocks are built for
        it (see :func:`item_key`). JSON Feed items have the key "". An XML feed's item
        is first given to ``direct``, when there is one: what it returns (not None) comes
        in the entry's place, and the entry is never built."""
        if self.build_keyed is None:
            return (("", entry) for entry in self.build())
        return self.build_keyed(known, seed, direct)


def parse_feed(
    data: bytes, url: str, content_type: str | None = None, max_items: int = DEFAULT_MAX_ITEMS
) -> ParsedFeed:
    """Parse any supported feed format; raises :class:`FeedError` when it is not a feed."""
    doc = read_feed_document(data, url, content_type, max_items)
    warnings = doc.warnings + doc.notices
    return ParsedFeed(doc.title, tuple(doc.entries()), doc.ttl_minutes, warnings)


def read_feed_document(
    data: bytes, url: str, content_type: str | None = None, max_items: int = DEFAULT_MAX_ITEMS
) -> FeedDocument:
    """:func:`parse_feed` with the entries left to convert; bounded work for any input.

    Bytes that cannot be a feed are refused before any parser sees them, and only the
    ``max_items`` newest items are read (see :mod:`suxun_tui.feeds.limits`).
    """
    reason = not_a_feed(data)
    if reason:
        message = N_("{url}: not a feed: {reason}; check that the URL is the feed's")
        raise FeedError(message.format(url=url, reason=reason))
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") or (content_type and "json" in content_type):
        return parse_json_feed(data, url, max_items)
    data, total = keep_newest_items(data, max_items)
    doc = _parse_xml_feed(data, url, content_type, max_items)
    if total > max_items:
        return replace(doc, notices=(_kept_newest(max_items, total), *doc.notices))
    return doc


def _kept_newest(max_items: int, total: int) -> str:
    return f"kept the newest {max_items:,} of {total:,} items (max_items)"


def _parse_xml_feed(
    data: bytes, url: str, content_type: str | None, max_items: int
) -> FeedDocument:
    """The fast reader; for what it refuses, feedparser, or libxml2's recovery when big.

    feedparser is pure Python (18 µs a byte on broken XML), so it only ever sees the first
    :data:`FEEDPARSER_BYTES` of a document; a bigger one is read by
    :func:`~suxun_tui.feeds.rescue.read_recovered` first, and a notice says what happened.
    """
    raw = read_feed(data, url, content_type, max_items)
    warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    size = f"{len(data) // 1024:,} KB"
    if raw is None and len(data) > FEEDPARSER_BYTES:
        raw = read_recovered(data, url, max_items)
        if raw is not None:
            notices = (f"a {size} feed that is not plain well-formed UTF-8: read by recovery",)
        else:
            notices = (f"read only the first {FEEDPARSER_BYTES // 1024} KB of a {size} feed",)
    if raw is None:
        from suxun_tui.feeds.fallback import read_with_feedparser  # feedparser: only now

        raw, warnings = read_with_feedparser(data[:FEEDPARSER_BYTES], url, content_type)
    entries = _newest(raw.entries, max_items)
    if len(entries) < len(raw.entries):
        notices = (*notices, _kept_newest(max_items, len(raw.entries)))
    ttl = None
    ttl_text = str(raw.ttl or "").strip()
    if ttl_text.isdigit() and len(ttl_text) <= 18:
        ttl = int(ttl_text)

    def build() -> Iterator[FeedEntry]:
        now, budget = datetime.now(UTC), BodyBudget()
        for raw_entry in entries:
            yield _build_entry(raw_entry, url, now, budget)

    def build_keyed(
        known: Collection[str], seed: str, direct: DirectBuild | None
    ) -> Iterator[tuple[str, FeedEntry | tuple[Any, ...] | None]]:
        now, budget = datetime.now(UTC), BodyBudget()
        for raw_entry in entries:
            key = item_key(raw_entry, seed)
            # A known item is skipped only when the budget would not cut it either.
            if key in known and budget.take_whole(_content_html(raw_entry)):
                yield key, None
                continue
            made = direct(raw_entry, url, now, budget) if direct is not None else None
            yield key, made if made is not None else _build_entry(raw_entry, url, now, budget)

    title = _line(raw.title, TITLE_CHARS)
    return FeedDocument(title, ttl, warnings, build, notices, build_keyed)


def _newest(entries: list[RawEntry], max_items: int) -> list[RawEntry]:
    """At most ``max_items`` entries, the newest by date (undated ones last), in order.

    The cut before parsing (:func:`~suxun_tui.feeds.limits.keep_newest_items`) finds items
    by their tags; broken markup can hide some from it, so the parsed entries are counted
    again here.
    """
    if len(entries) <= max_items:
        return entries

    def newness(index: int) -> tuple[float, int]:
        moment = entries[index].published or entries[index].updated
        try:
            stamp = float(calendar.timegm(moment)) if moment else float("-inf")
        except (OverflowError, ValueError):
            stamp = float("-inf")
        return stamp, -index

    kept = sorted(sorted(range(len(entries)), key=newness, reverse=True)[:max_items])
    return [entries[index] for index in kept]


def _fix_file_url(url: str) -> str:
    """feedparser's URL joining folds ``file:///path`` into ``file://path``; undo that."""
    if url.startswith("file://") and not url.startswith("file:///"):
        return "file:///" + url[len("file://") :]
    return url


def _build_entry(
    raw: RawEntry, feed_url: str, now: datetime, budget: BodyBudget | None = None
) -> FeedEntry:
    link = raw.link or next((h for rel, h in raw.links if rel == "alternate" and h), "")
    link = _entry_link(feed_url, link)
    title = _line(raw.title, TITLE_CHARS)
    summary_only = not raw.content
    content_html = _content_html(raw)
    content_html, was_cut = (budget or BodyBudget()).cut(content_html)
    blocks = paragraphs(content_html)
    if blocks is None:
        blocks = html_to_blocks(content_html, link or feed_url)
    if was_cut:
        blocks = (*blocks, Block("paragraph", ELLIPSIS))
    if summary_only and sum(len(b.text) for b in blocks) >= SUMMARY_CHARS:
        summary_only = False
    summary_only = summary_only or was_cut  # the full text is fetched when it is opened
    published = stored_entry_date(raw.published or raw.updated, now)
    author = (
        cut(repair_damage(line(str(raw.author or "")[: AUTHOR_CHARS * 4])), AUTHOR_CHARS) or None
    )
    if not title:
        title = _fallback_title(blocks)
    # Hash what is shown, not the markup: both parsing routes then agree on the key.
    guid = _guid(line(raw.id)) or link or content_hash(title, *(b.text for b in blocks))
    if any(rel == "enclosure" for rel, _ in raw.links):
        enclosures = (_entry_link(feed_url, h) for rel, h in raw.links if rel == "enclosure")
        blocks = (*blocks, *media_blocks(enclosures))
    return FeedEntry(guid, title, link, published, author, blocks, summary_only)


def _content_html(raw: RawEntry) -> str:
    return "\n".join(raw.content) if raw.content else str(raw.summary or "")


def _entry_link(feed_url: str, link: str) -> str:
    """The entry's absolute link, cut at :data:`URL_CHARS`; "" when it cannot be joined."""
    if not link:
        return ""
    try:
        joined = join_url(feed_url, link)
    except ValueError:  # "http://[::1" and other URLs urllib refuses
        joined = link
    return cut(_fix_file_url(line(joined[: URL_CHARS * 2])), URL_CHARS)


def _line(text: str | None, limit: int) -> str:
    """A title-like field as one clean line, cut visibly; its markup parsed within bounds,
    a damaged page's re-readable runs and flattened pinyin repaired (text.damage)."""
    return cut(repair_damage(markup_line((text or "")[: limit * 8])), limit)


def _guid(guid: str) -> str:
    """An overlong id becomes a hash of itself: still unique, and short to store."""
    return guid if len(guid) <= GUID_CHARS else "sha:" + content_hash(guid)


def stored_entry_date(value: time.struct_time | None, now: datetime) -> str | None:
    """feedparser's UTC struct_time → stored form; implausible dates become None."""
    return stored_date(value, _latest(now)) if value else None


_latest_for: tuple[datetime, datetime] | None = None


def _latest(now: datetime) -> datetime:
    """The latest plausible date for a document parsed at ``now`` (naive, UTC), worked
    out once a document instead of once an entry."""
    global _latest_for
    known = _latest_for
    if known is not None and known[0] is now:
        return known[1]
    latest = (now + _FUTURE_SLACK).replace(tzinfo=None)
    _latest_for = (now, latest)
    return latest


def _fallback_title(blocks: tuple[Block, ...]) -> str:
    for block in blocks:
        if block.text and block.kind != "image":
            first = block.text.split("\n")[0]
            return first if len(first) <= 60 else first[:59] + "…"
    return "(untitled)"


def parse_json_feed(data: bytes, url: str, max_items: int = DEFAULT_MAX_ITEMS) -> FeedDocument:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1), items decoded one at a time."""
    try:
        doc, items, total = read_json_items(data.decode("utf-8-sig", errors="replace"), max_items)
    except JsonFeedSyntaxError as exc:
        message = N_("{url}: invalid JSON Feed ({reason})")
        raise FeedError(message.format(url=url, reason=clean_line(str(exc))[:160])) from None
    if "items" not in doc:
        raise FeedError(
            N_("{url}: JSON without an 'items' list is not a JSON Feed").format(url=url)
        )
    warnings = (_kept_newest(max_items, total),) if total > max_items else ()

    def build() -> Iterator[FeedEntry]:
        now, budget = datetime.now(UTC), BodyBudget()
        for item in items:
            if isinstance(item, dict):
                yield _json_entry(item, url, now, budget)

    title = _line(clean_line(str(doc.get("title") or "")), TITLE_CHARS)
    return FeedDocument(title, None, warnings, build)


def _json_entry(
    item: dict[str, Any], feed_url: str, now: datetime, budget: BodyBudget
) -> FeedEntry:
    link = _entry_link(feed_url, str(item.get("url") or item.get("external_url") or ""))
    was_cut = False
    if item.get("content_html"):
        html, was_cut = budget.cut(str(item["content_html"]))
        blocks = html_to_blocks(html, link or feed_url)
    else:
        text, was_cut = budget.cut(str(item.get("content_text") or item.get("summary") or ""))
        blocks = text_to_blocks(text)
    if was_cut:
        blocks = (*blocks, Block("paragraph", ELLIPSIS))
    if item.get("image") and isinstance(item["image"], str):
        image = _entry_link(link or feed_url, item["image"]) or None
        blocks = (Block("image", "", image), *blocks)
    title = cut(clean_line(str(item.get("title") or "")[: TITLE_CHARS * 4]), TITLE_CHARS)
    title = title or _fallback_title(blocks)
    published = None
    for key in ("date_published", "date_modified"):
        if isinstance(item.get(key), str):
            published = normalize_iso(item[key][:64])
            stamp = published and datetime.fromisoformat(published.replace("Z", "+00:00"))
            if stamp and stamp > now + _FUTURE_SLACK:
                published = None
            if published:
                break
    author = None
    authors = item.get("authors") or (
        [item["author"]] if isinstance(item.get("author"), dict) else []
    )
    if isinstance(authors, list):
        names = [
            clean_line(str(a.get("name"))) for a in authors if isinstance(a, dict) and a.get("name")
        ]
        author = cut(repair_damage(", ".join(names)[: AUTHOR_CHARS * 4]), AUTHOR_CHARS) or None
    guid = _guid(clean_line(str(item.get("id") or ""))) or link or content_hash(title, str(blocks))
    has_content = bool(item.get("content_html") or item.get("content_text"))
    summary_only = not has_content and sum(len(b.text) for b in blocks) < SUMMARY_CHARS
    summary_only = summary_only or was_cut
    attachments = [a for a in item.get("attachments") or () if isinstance(a, dict)][:100]
    urls = [_entry_link(link or feed_url, str(a.get("url") or "")) for a in attachments]
    types = [str(a.get("mime_type") or "") for a in attachments]
    blocks = (*blocks, *media_blocks(urls, types))
    return FeedEntry(guid, title, link, published, author, blocks, summary_only)
