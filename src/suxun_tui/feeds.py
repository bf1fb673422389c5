"""Feed bytes → :class:`ParsedFeed`: RSS 0.9x/1.0/2.0, Atom, RDF (feedparser) and JSON Feed.

feedparser is forgiving with broken XML and odd encodings, which is what feeds in the
wild need. Every string is cleaned of control characters here, where it enters the core;
dates become UTC ISO 8601; HTML content becomes text blocks.
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

from suxun_tui.htmltext import html_to_blocks, html_to_line, text_to_blocks
from suxun_tui.models import Block, FeedEntry, ParsedFeed
from suxun_tui.sanitize import clean_line
from suxun_tui.store.codec import content_hash
from suxun_tui.timefmt import normalize_iso, to_stored

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
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False)
    version = parsed.get("version", "")
    if not version and not parsed.entries:
        raise FeedError(_not_a_feed_message(data, url, parsed))
    now = datetime.now(UTC)
    feed_title = html_to_line(parsed.feed.get("title")) if parsed.get("feed") else ""
    entries = tuple(_xml_entry(e, url, now) for e in parsed.entries)
    ttl = None
    raw_ttl = parsed.feed.get("ttl") if parsed.get("feed") else None
    if raw_ttl and str(raw_ttl).strip().isdigit():
        ttl = int(str(raw_ttl).strip())
    warnings: tuple[str, ...] = ()
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and not isinstance(problem, _HARMLESS):
        warnings = (clean_line(str(problem))[:200],)
    return ParsedFeed(feed_title, entries, ttl, warnings)


def _xml_entry(entry: Any, feed_url: str, now: datetime) -> FeedEntry:
    link = _entry_link(entry, feed_url)
    title = html_to_line(entry.get("title"))
    content_html = ""
    summary_only = True
    if entry.get("content"):
        content_html = "\n".join(str(c.get("value", "")) for c in entry.content)
        summary_only = False
    elif entry.get("summary"):
        content_html = str(entry.summary)
    blocks = html_to_blocks(content_html, link or feed_url)
    if summary_only and sum(len(b.text) for b in blocks) >= SUMMARY_CHARS:
        summary_only = False
    published = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"), now)
    author = clean_line(entry.get("author")) or None
    if not title:
        title = _fallback_title(blocks)
    guid = clean_line(entry.get("id")) or link or content_hash(title, content_html)
    return FeedEntry(guid, title, link, published, author, blocks, summary_only)


def _entry_link(entry: Any, feed_url: str) -> str:
    link = entry.get("link") or ""
    if not link:
        for candidate in entry.get("links") or ():
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    return clean_line(urljoin(feed_url, link)) if link else ""


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
        blocks = (Block("image", "", urljoin(link or feed_url, item["image"])), *blocks)
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
