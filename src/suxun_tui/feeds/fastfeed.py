"""A fast reader for well-formed UTF-8 RSS 2.0/0.9x, RSS 1.0 (RDF) and Atom 1.0 feeds.

feedparser costs ~200 µs per item, most of it in its SAX handlers and in re-serialising
every HTML fragment; lxml builds the whole tree in a few microseconds per item. This
module walks that tree and reproduces, field by field, what feedparser would report for
the fields the reader stores (id, title, link, content/summary, dates, author), including
feedparser's quirks: a permalink guid resolved against the feed URL and used as the link,
the first non-empty title winning, cp1252 and double-encoded UTF-8 repairs, and dates
parsed by feedparser's own date parser. Anything outside that well-understood subset —
a DOCTYPE, ``xml:base``, another encoding, an element feedparser would map to one of
those fields in a way not mirrored here — makes :func:`read_feed` return None, and the
caller uses feedparser. ``tests/unit/test_fastfeed.py`` compares both paths.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from suxun_tui.feeds.fastitems import ItemReader, RawEntry, Unsupported
from suxun_tui.feeds.fastitems import base_of as _base
from suxun_tui.feeds.fastitems import name_of as _name
from suxun_tui.feeds.fastplain import is_plain_channel, plain_entry
from suxun_tui.feeds.fpcompat import make_safe_absolute_uri
from suxun_tui.feeds.repair import repair as _repair

__all__ = ["RawEntry", "RawFeed", "Rescue", "read_feed", "read_tree"]

_ATOM = "http://www.w3.org/2005/Atom"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RSS10 = "http://purl.org/rss/1.0/"
_TITLES = frozenset({"title", "dc_title", "media_title"})
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", re.S)
_RISKY = re.compile(rb"<!(?i:entity)")  # a literal "<!" first: the search skips ahead to it
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
# huge_tree: nesting to 2048 and text nodes past 10 MB (a long title) are read here instead
# of failing over to feedparser, which is far slower on them; the input is already capped
# at max_bytes and entities are never expanded.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True, huge_tree=True
)


Rescue = Callable[[etree._Element, str], "RawEntry"]


@dataclass
class RawFeed:
    """A feed document as feedparser would report it: title, ttl and entries."""

    title: str | None
    ttl: str | None
    entries: list[RawEntry]


def read_feed(
    data: bytes, url: str, content_type: str | None, max_items: int | None = None
) -> RawFeed | None:
    """Read a well-formed feed fast; None when only feedparser can be trusted with it.
    With ``max_items``, only the first and last that many items (the caller keeps the newest)."""
    head = data[:1024]
    declared = _DECLARED.match(head)
    charset = _CHARSET.search(content_type or "")
    if declared:
        if declared.group(1).lower() not in (b"utf-8", b"utf8"):
            return None
    elif content_type is None:
        return None  # feedparser would guess iso-8859-1 here
    if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _RISKY.search(data):
        return None
    try:
        root = etree.fromstring(data, _PARSER)
        return _Walker(url, None, max_items).feed(root)
    except (etree.XMLSyntaxError, ValueError, Unsupported):
        return None


def read_tree(
    root: etree._Element, url: str, rescue: Rescue, max_items: int | None = None
) -> RawFeed | None:
    """A tree some other parser recovered, read like :func:`read_feed`; an item the walk
    would refuse is read by ``rescue`` instead. None when the document itself is refused."""
    try:
        return _Walker(url, rescue, max_items).feed(root)
    except (ValueError, Unsupported):
        return None


class _Walker:
    """Walks one parsed document, keeping the state feedparser keeps while it reads."""

    def __init__(self, url: str, rescue: Rescue | None, max_items: int | None) -> None:
        self.url = url
        self.items = ItemReader(atom=False)
        self.rescue = rescue
        self.max_items = max_items

    def entry_or_rescue(self, item: etree._Element, base: str) -> RawEntry:
        if self.rescue is None:
            return self.items.entry(item, base)
        try:
            return self.items.entry(item, base)
        except (Unsupported, ValueError):
            return self.rescue(item, base)

    def feed(self, root: etree._Element) -> RawFeed:
        tag = root.tag if isinstance(root.tag, str) else ""
        base = _base(root, make_safe_absolute_uri(self.url, self.url) or self.url)
        plain = False  # a plain RSS channel (feeds.fastplain)
        if tag == "rss":
            channel = root.find("channel")
            if channel is None or root.find("item") is not None:
                raise Unsupported("RSS items outside the channel")
            base = _base(channel, base)
            title, ttl, items = self.channel(channel, "item", base)
            plain = self.rescue is None and is_plain_channel(channel)
        elif tag == f"{{{_ATOM}}}feed":
            self.items.atom = True
            title, ttl, items = self.channel(root, f"{{{_ATOM}}}entry", base)
        elif tag == f"{{{_RDF}}}RDF":
            channel = root.find(f"{{{_RSS10}}}channel")
            if channel is None or len(channel.findall(f"{{{_RSS10}}}item")):
                raise Unsupported("RSS 1.0 without a channel")
            title, ttl, _ = self.channel(channel, f"{{{_RSS10}}}item", _base(channel, base))
            items = root.findall(f"{{{_RSS10}}}item")
            for child in root:
                if _name(child) not in ("channel", "item", "image", "textinput"):
                    raise Unsupported("unexpected RSS 1.0 element")
        else:
            raise Unsupported(f"root element {tag}")
        if self.max_items and len(items) > 2 * self.max_items:
            items = items[: self.max_items] + items[-self.max_items :]
        if plain:  # no attribute anywhere in the items: the base is the channel's
            reader = self.items
            return RawFeed(title, ttl, [plain_entry(reader, i, base) for i in items])
        return RawFeed(title, ttl, [self.entry_or_rescue(i, _base(i, base)) for i in items])

    def channel(
        self, channel: etree._Element, item_tag: str, base: str
    ) -> tuple[str | None, str | None, list[etree._Element]]:
        """Feed title (the first non-empty one, as feedparser's title depth has it) and ttl."""
        title: str | None = None
        ttl: str | None = None
        locked = False
        items: list[etree._Element] = []
        for child in channel:
            if child.tag == item_tag:
                items.append(child)
                locked = False
                continue
            name = _name(child)
            if name in ("item", "entry"):
                raise Unsupported("item of another format")
            if name in _TITLES:
                if name != "title":
                    raise Unsupported("feed title from a module")
                value = self.items.text(child, base, None, "text/plain")
                if not locked:
                    title = value
                    locked = bool(value)
            elif name == "ttl":
                if child.attrib or len(child):
                    raise Unsupported("ttl with attributes")
                ttl = _repair((child.text or "").strip())
        return title, ttl, items
