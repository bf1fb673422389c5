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
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from feedparser.datetimes import _parse_date
from feedparser.mixin import _FeedParserMixin as _Mixin
from feedparser.urls import make_safe_absolute_uri, resolve_relative_uris
from lxml import etree

from suxun_tui.feeds.fastblocks import plain_markup
from suxun_tui.feeds.repair import repair as _repair
from suxun_tui.feeds.urls import feedparser_urljoin as _urljoin

_ATOM = "http://www.w3.org/2005/Atom"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RSS10 = "http://purl.org/rss/1.0/"
# Namespace URI (lower case) → the prefix feedparser gives its elements ("" = core).
_PREFIXES = {uri.lower(): prefix for uri, prefix in _Mixin.namespaces.items()}
_KNOWN_PREFIXES = frozenset(_PREFIXES.values())
_TITLES = frozenset({"title", "dc_title", "media_title"})
_PUBLISHED = frozenset({"pubdate", "published", "issued", "dcterms_issued"})
_UPDATED = frozenset({"updated", "modified", "dc_date", "dcterms_modified"})
_AUTHORS = frozenset({"author", "dc_creator", "dc_author"})
_CONTENT = frozenset({"content", "content_encoded"})
_SUMMARIES = frozenset({"description", "summary", "dc_description", "media_description"})
# Item children that cannot change any field we read (checked against feedparser's handlers).
_HARMLESS = frozenset(
    {
        "category",
        "dc_subject",
        "comments",
        "enclosure",
        "contributor",
        "rights",
        "dc_rights",
        "dc_language",
        "created",
        "dcterms_created",
        "expirationdate",
        "wfw_comment",
        "wfw_commentrss",
        "slash_comments",
        "feedburner_origlink",
        "media_thumbnail",
        "media_content",
        "media_category",
    }
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = {"text": "text/plain", "plain": "text/plain", "html": "text/html"}
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", re.S)
_RISKY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
_AMP_REF = re.compile("&([A-Za-z0-9_]+);")
_RELATIVE_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?(?![a-zA-Z][a-zA-Z0-9+.-]*:)", re.I)
# huge_tree: nesting to 2048 and text nodes past 10 MB (a long title) are read here instead
# of failing over to feedparser, which is far slower on them; the input is already capped
# at max_bytes and entities are never expanded.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True, huge_tree=True
)


class _Unsupported(Exception):
    """This document needs feedparser; raised deep in the walk, caught at the top."""


@dataclass
class RawEntry:
    """One entry's fields exactly as feedparser would report them, before cleaning."""

    id: str | None = None
    title: str | None = None
    link: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (rel, href)
    content: list[str] = field(default_factory=list)
    summary: str | None = None
    published: time.struct_time | None = None
    updated: time.struct_time | None = None
    author: str | None = None


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
    except (etree.XMLSyntaxError, ValueError, _Unsupported):
        return None


def read_tree(
    root: etree._Element, url: str, rescue: Rescue, max_items: int | None = None
) -> RawFeed | None:
    """A tree some other parser recovered, read like :func:`read_feed`; an item the walk
    would refuse is read by ``rescue`` instead. None when the document itself is refused."""
    try:
        return _Walker(url, rescue, max_items).feed(root)
    except (ValueError, _Unsupported):
        return None


def _name(el: etree._Element) -> str:
    """feedparser's name for an element: ``prefix_local`` in lower case."""
    tag = el.tag
    if not isinstance(tag, str):
        raise _Unsupported("entity or other non-element node")
    if tag[0] != "{":
        return tag.lower()
    uri, local = tag[1:].split("}", 1)
    lower = uri.lower()
    if "backend.userland.com/rss" in lower:
        lower = "http://backend.userland.com/rss"
    prefix = _PREFIXES.get(lower, el.prefix)
    if prefix is None:
        raise _Unsupported(f"unprefixed element in unknown namespace {uri}")
    return f"{prefix}_{local.lower()}" if prefix else local.lower()


def _attrs(el: etree._Element) -> dict[str, str]:
    """Attributes with feedparser's normalisation: lower-case names, rel/type values."""
    out: dict[str, str] = {}
    for key, value in el.attrib.items():
        name = str(key).rsplit("}", 1)[-1].lower()
        text = str(value)
        out[name] = text.lower() if name in ("rel", "type") else text
    return out


def _base(el: etree._Element, parent: str) -> str:
    """The base URI feedparser uses inside ``el``: ``xml:base`` (or ``base``) joined safely."""
    given = el.get(_XML_BASE) or el.get("base")
    if not given:
        return parent
    if parent:
        return make_safe_absolute_uri(parent, given) or parent
    return _urljoin(parent, given)


class _Walker:
    """Walks one parsed document, keeping the state feedparser keeps while it reads."""

    def __init__(self, url: str, rescue: Rescue | None, max_items: int | None) -> None:
        self.url = url
        self.atom = False
        self.rescue = rescue
        self.max_items = max_items

    def entry_or_rescue(self, item: etree._Element, base: str) -> RawEntry:
        if self.rescue is None:
            return self.entry(item, base)
        try:
            return self.entry(item, base)
        except (_Unsupported, ValueError):
            return self.rescue(item, base)

    def text(
        self, el: etree._Element, base: str, kind: str | None = None, default: str | None = None
    ) -> str:
        """The text of a leaf element as feedparser's ``pop`` would return it.

        ``default`` is the content type of a content element (title, summary, content);
        None for plain elements (link, id, dates), whose markup feedparser never touches.
        """
        if len(el):
            raise _Unsupported("markup inside a text element")
        attrs = _attrs(el) if el.attrib else {}
        if "mode" in attrs or "src" in attrs:
            raise _Unsupported("base64/escaped mode or out-of-line content")
        if attrs:
            base = _base(el, base)
        out = (el.text or "").strip()
        if kind == "link" and out:
            out = _urljoin(base, out)
        if default is None:
            return _repair(out)
        ctype = attrs.get("type", default)
        ctype = _TEXT_TYPES.get(ctype, ctype)
        if ctype == "application/xhtml+xml" or ctype == "xhtml":
            raise _Unsupported("inline XHTML content")
        if not self.atom and ctype == "text/plain" and _Mixin.looks_like_html(out):
            ctype = "text/html"
        if ctype in _HTML_TYPES and (_RELATIVE_IMG.search(out) or not plain_markup(out)):
            out = resolve_relative_uris(out, base, "utf-8", ctype)
        elif ctype not in _HTML_TYPES and ctype != "text/plain":
            raise _Unsupported(f"content type {ctype}")
        return _repair(out)

    def feed(self, root: etree._Element) -> RawFeed:
        tag = root.tag if isinstance(root.tag, str) else ""
        base = _base(root, make_safe_absolute_uri(self.url, self.url) or self.url)
        if tag == "rss":
            channel = root.find("channel")
            if channel is None or root.find("item") is not None:
                raise _Unsupported("RSS items outside the channel")
            base = _base(channel, base)
            title, ttl, items = self.channel(channel, "item", base)
        elif tag == f"{{{_ATOM}}}feed":
            self.atom = True
            title, ttl, items = self.channel(root, f"{{{_ATOM}}}entry", base)
        elif tag == f"{{{_RDF}}}RDF":
            channel = root.find(f"{{{_RSS10}}}channel")
            if channel is None or len(channel.findall(f"{{{_RSS10}}}item")):
                raise _Unsupported("RSS 1.0 without a channel")
            title, ttl, _ = self.channel(channel, f"{{{_RSS10}}}item", _base(channel, base))
            items = root.findall(f"{{{_RSS10}}}item")
            for child in root:
                if _name(child) not in ("channel", "item", "image", "textinput"):
                    raise _Unsupported("unexpected RSS 1.0 element")
        else:
            raise _Unsupported(f"root element {tag}")
        if self.max_items and len(items) > 2 * self.max_items:
            items = items[: self.max_items] + items[-self.max_items :]
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
                raise _Unsupported("item of another format")
            if name in _TITLES:
                if name != "title":
                    raise _Unsupported("feed title from a module")
                value = self.text(child, base, None, "text/plain")
                if not locked:
                    title = value
                    locked = bool(value)
            elif name == "ttl":
                if child.attrib or len(child):
                    raise _Unsupported("ttl with attributes")
                ttl = _repair((child.text or "").strip())
        return title, ttl, items

    def entry(self, item: etree._Element, base: str) -> RawEntry:
        """One item, its children read in document order as feedparser's handlers see them."""
        entry = RawEntry()
        about = item.get(f"{{{_RDF}}}about")
        if about:
            entry.id = about
        locked = False
        has_content = False
        structured = False
        authors = 0
        for child in item:
            name = _name(child)
            if name in _TITLES:
                value = self.text(child, base, None, "text/plain")
                if not locked:
                    entry.title = value
                    locked = bool(value) and name != "media_title"
            elif name == "link":
                self.link(entry, child, base)
            elif name in ("guid", "id"):
                permalink = _attrs(child).get("ispermalink", "true") == "true"
                value = self.text(child, base, "link" if permalink else None)
                entry.id = value
                if permalink and entry.link is None:
                    entry.link = value
            elif name in _SUMMARIES or name in _CONTENT:
                if name in _CONTENT or (entry.summary is not None and not has_content):
                    # feedparser reads a second summary as content (RSS "description" too)
                    html = name == "content_encoded"
                    value = self.text(child, base, None, "text/html" if html else "text/plain")
                    has_content = True
                    entry.content.append(value)
                    if entry.summary is None:
                        entry.summary = value
                else:
                    default = "text/plain" if name == "summary" else "text/html"
                    entry.summary = self.text(child, base, None, default)
            elif name in _PUBLISHED:
                entry.published = _parse_date(self.text(child, base))
            elif name in _UPDATED:
                entry.updated = _parse_date(self.text(child, base))
            elif name in _AUTHORS:
                authors += 1
                structured = structured or len(child) > 0
                if structured and authors > 1:
                    raise _Unsupported("several authors with parts (feedparser mixes them)")
                entry.author = self.author(child)
            elif name == "enclosure":  # feedparser lists it among the links, as written
                url = _attrs(child).get("url")
                if url:
                    entry.links.append(("enclosure", url))
            elif name == "source":
                locked = False  # feedparser resets its title depth; the source's own
                # title and author go to the source, never to the entry
            else:
                self.harmless(child, name)
        return entry

    @staticmethod
    def harmless(el: etree._Element, name: str) -> None:
        """Pass elements that cannot touch our fields; refuse anything else."""
        if name == "contributor":
            if any(_name(c) not in ("name", "email", "uri") for c in el):
                raise _Unsupported("contributor with unusual parts")
            return
        prefix = name.split("_", 1)[0] if "_" in name else ""
        known = name in _HARMLESS or prefix not in _KNOWN_PREFIXES
        if not known or len(el):
            raise _Unsupported(f"item element {name}")

    def link(self, entry: RawEntry, el: etree._Element, base: str) -> None:
        attrs = _attrs(el)
        rel = attrs.get("rel", "alternate")
        ctype = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
        href = attrs.get("url") or attrs.get("uri") or attrs.get("href")
        if href:
            href = _urljoin(_base(el, base), href)
            entry.links.append((rel, href))
            if rel == "alternate" and _TEXT_TYPES.get(ctype, ctype) in _HTML_TYPES:
                entry.link = href
            return
        value = _AMP_REF.sub(r"&\g<1>", self.text(el, base, "link").replace("&amp;", "&"))
        entry.link = value
        entry.links.append((rel, value))

    def author(self, el: etree._Element) -> str:
        """feedparser's ``author``: "name (email)" from Atom parts, else the element's text."""
        own = (el.text or "").strip()
        detail: dict[str, str] = {}
        for child in el:
            part = _name(child)
            if part not in ("name", "email", "uri", "url", "homepage"):
                raise _Unsupported(f"author element {part}")
            if len(child):
                raise _Unsupported("markup inside an author part")
            detail[part] = _repair((child.text or "").strip())
            if (child.tail or "").strip():
                raise _Unsupported("text between author parts")
        name, email = detail.get("name"), detail.get("email")
        if name and email:
            return f"{name} ({email})"
        return name or email or _repair(own)
