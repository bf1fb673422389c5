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
import json
import re
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

import feedparser

from suxun_tui.feeds.fastblocks import simple_blocks
from suxun_tui.feeds.fastfeed import RawEntry, RawFeed, join_url, read_feed
from suxun_tui.feeds.fragments import html_to_blocks, html_to_line, text_to_blocks
from suxun_tui.models import Block, FeedEntry, ParsedFeed
from suxun_tui.text.hashing import content_hash
from suxun_tui.text.sanitize import clean_line
from suxun_tui.text.timefmt import normalize_iso, to_stored

SUMMARY_CHARS = 400  # shorter than this and the item is treated as a summary only
_FUTURE_SLACK = timedelta(days=2)
_ALTERNATE = re.compile(
    rb"<link\b[^>]*?type=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.IGNORECASE
)
_HREF = re.compile(rb"href=[\"']([^\"']+)[\"']", re.IGNORECASE)


# feedparser flags these, but the feed was read correctly all the same.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


class FeedError(Exception):
    """The bytes are not a feed we can read; the message says why and what to try."""


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse any supported feed format; raises :class:`FeedError` when it is not a feed."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") or (content_type and "json" in content_type):
        return parse_json_feed(data, url)
    return _parse_xml_feed(data, url, content_type)


def _parse_xml_feed(data: bytes, url: str, content_type: str | None) -> ParsedFeed:
    raw = read_feed(data, url, content_type)
    warnings: tuple[str, ...] = ()
    if raw is None:
        raw, warnings = _read_with_feedparser(data, url, content_type)
    now = datetime.now(UTC)
    entries = tuple(_build_entry(e, url, now) for e in raw.entries)
    ttl = None
    if raw.ttl and str(raw.ttl).strip().isdigit():
        ttl = int(str(raw.ttl).strip())
    return ParsedFeed(html_to_line(raw.title), entries, ttl, warnings)


def _read_with_feedparser(
    data: bytes, url: str, content_type: str | None
) -> tuple[RawFeed, tuple[str, ...]]:
    """The robust route: feedparser rescues broken XML, entities and odd encodings."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False)
    version = parsed.get("version", "")
    if not version and not parsed.entries:
        raise FeedError(_not_a_feed_message(data, url, parsed))
    feed = parsed.get("feed") or {}
    entries = [_raw_entry(e) for e in parsed.entries]
    warnings: tuple[str, ...] = ()
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and not isinstance(problem, _HARMLESS):
        warnings = (clean_line(str(problem))[:200],)
    return RawFeed(feed.get("title"), feed.get("ttl"), entries), warnings


def _raw_entry(entry: Any) -> RawEntry:
    """feedparser's entry → the fields we use, in the shape the fast reader gives them."""
    return RawEntry(
        id=entry.get("id"),
        title=entry.get("title"),
        link=entry.get("link"),
        links=[
            (str(c.get("rel", "alternate")), str(c["href"]))
            for c in entry.get("links") or ()
            if c.get("href")
        ],
        content=[str(c.get("value", "")) for c in entry.get("content") or ()],
        summary=entry.get("summary"),
        published=entry.get("published_parsed"),
        # Asked only when present: feedparser's fallback to published_parsed warns.
        updated=entry.get("updated_parsed") if "updated_parsed" in entry else None,
        author=entry.get("author"),
    )


def _fix_file_url(url: str) -> str:
    """feedparser's URL joining folds ``file:///path`` into ``file://path``; undo that."""
    if url.startswith("file://") and not url.startswith("file:///"):
        return "file:///" + url[len("file://") :]
    return url


def _build_entry(raw: RawEntry, feed_url: str, now: datetime) -> FeedEntry:
    link = raw.link or next((h for rel, h in raw.links if rel == "alternate" and h), "")
    link = _fix_file_url(clean_line(join_url(feed_url, link))) if link else ""
    title = html_to_line(raw.title)
    summary_only = not raw.content
    content_html = "\n".join(raw.content) if raw.content else str(raw.summary or "")
    blocks = simple_blocks(content_html)
    if blocks is None:
        blocks = html_to_blocks(content_html, link or feed_url)
    if summary_only and sum(len(b.text) for b in blocks) >= SUMMARY_CHARS:
        summary_only = False
    published = _struct_date(raw.published or raw.updated, now)
    author = clean_line(raw.author) or None
    if not title:
        title = _fallback_title(blocks)
    # Hash what is shown, not the markup: both parsing routes then agree on the key.
    guid = clean_line(raw.id) or link or content_hash(title, *(b.text for b in blocks))
    return FeedEntry(guid, title, link, published, author, blocks, summary_only)


def _struct_date(value: time.struct_time | None, now: datetime) -> str | None:
    """feedparser's UTC struct_time → stored form; implausible dates become None."""
    if not value:
        return None
    try:
        moment = datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None
    if moment > now + _FUTURE_SLACK or moment.year < 1990:
        return None
    return to_stored(moment)


def _fallback_title(blocks: tuple[Block, ...]) -> str:
    for block in blocks:
        if block.text and block.kind != "image":
            first = block.text.split("\n")[0]
            return first if len(first) <= 60 else first[:59] + "…"
    return "(untitled)"


def parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        doc = json.loads(data.decode("utf-8-sig", errors="replace"))
    except ValueError as exc:
        raise FeedError(f"{url}: invalid JSON Feed ({exc})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise FeedError(f"{url}: JSON without an 'items' list is not a JSON Feed")
    now = datetime.now(UTC)
    entries = []
    for item in doc["items"]:
        if isinstance(item, dict):
            entries.append(_json_entry(item, url, now))
    return ParsedFeed(clean_line(str(doc.get("title") or "")), tuple(entries))


def _json_entry(item: dict[str, Any], feed_url: str, now: datetime) -> FeedEntry:
    link = str(item.get("url") or item.get("external_url") or "")
    link = clean_line(urljoin(feed_url, link)) if link else ""
    if item.get("content_html"):
        blocks = html_to_blocks(str(item["content_html"]), link or feed_url)
    else:
        blocks = text_to_blocks(str(item.get("content_text") or item.get("summary") or ""))
    if item.get("image") and isinstance(item["image"], str):
        image = clean_line(urljoin(link or feed_url, item["image"])) or None
        blocks = (Block("image", "", image), *blocks)
    title = clean_line(str(item.get("title") or "")) or _fallback_title(blocks)
    published = None
    for key in ("date_published", "date_modified"):
        if isinstance(item.get(key), str):
            published = normalize_iso(item[key])
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
        author = ", ".join(names) or None
    guid = clean_line(str(item.get("id") or "")) or link or content_hash(title, str(blocks))
    has_content = bool(item.get("content_html") or item.get("content_text"))
    summary_only = not has_content and sum(len(b.text) for b in blocks) < SUMMARY_CHARS
    return FeedEntry(guid, title, link, published, author, blocks, summary_only)


def _not_a_feed_message(data: bytes, url: str, parsed: Any) -> str:
    """Explain why the document is not a feed; point at the page's own feeds if any."""
    head = data[:65536]
    if re.search(rb"<html|<!doctype html", head, re.IGNORECASE):
        found = []
        for tag in _ALTERNATE.findall(head):
            href = _HREF.search(tag)
            if href:
                found.append(urljoin(url, href.group(1).decode("utf-8", "replace")))
        if found:
            return (
                f"{url} is a web page, not a feed; it links to the feed "
                f'{clean_line(found[0])} — use that URL, or set kind = "page"'
            )
        return f'{url} is a web page, not a feed; set kind = "page" to read it as a page'
    reason = parsed.get("bozo_exception")
    detail = f" ({clean_line(str(reason))[:160]})" if reason else ""
    return f"{url}: not a feed (RSS, Atom, RDF or JSON Feed){detail}"
