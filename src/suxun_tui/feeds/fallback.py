"""The robust route for feeds the fast reader refuses: feedparser.

feedparser rescues broken XML, undeclared entities and odd encodings, at about 18 µs a
byte, so :mod:`suxun_tui.feeds.parse` gives it only what the fast reader could not read
(and only the first ``FEEDPARSER_BYTES``). Its entries come back in the fast reader's
shape (:class:`~suxun_tui.feeds.fastfeed.RawEntry`), so the rest of the conversion is
shared; a document that is not a feed at all gets a message saying what it is instead —
a web page that links to its feed names that feed.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

import feedparser

from suxun_tui.feeds.errors import FeedError
from suxun_tui.feeds.fastfeed import RawEntry, RawFeed
from suxun_tui.text.i18n import N_
from suxun_tui.text.sanitize import clean_line

_ALTERNATE = re.compile(
    rb"<link\b[^<>]*?type=[\"']application/(?:rss|atom)\+xml[\"'][^<>]*>", re.IGNORECASE
)
_HREF = re.compile(rb"href=[\"']([^\"']+)[\"']", re.IGNORECASE)


# feedparser flags these, but the feed was read correctly all the same.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def read_with_feedparser(
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


def _not_a_feed_message(data: bytes, url: str, parsed: Any) -> str:
    """Explain why the document is not a feed; point at the page's own feeds if any."""
    head = data[:65536]
    if re.search(rb"<html|<!doctype html", head, re.IGNORECASE):
        found = []
        for tag in _ALTERNATE.findall(head):
            href = _HREF.search(tag)
            if href:
                try:
                    found.append(urljoin(url, href.group(1).decode("utf-8", "replace")))
                except ValueError:  # an address urllib cannot read: not worth suggesting
                    continue
        if found:
            return N_(
                "{url} is a web page, not a feed; it links to the feed {feed} — use that URL,"
                ' or set kind = "page"'
            ).format(url=url, feed=clean_line(found[0]))
        return N_('{url} is a web page, not a feed; set kind = "page" to read it as a page').format(
            url=url
        )
    reason = parsed.get("bozo_exception")
    if reason:
        message = N_("{url}: not a feed (RSS, Atom, RDF or JSON Feed) ({reason})")
        return message.format(url=url, reason=clean_line(str(reason))[:160])
    return N_("{url}: not a feed (RSS, Atom, RDF or JSON Feed)").format(url=url)
