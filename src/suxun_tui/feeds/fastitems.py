"""One feed item's elements read as feedparser's handlers read them, at a lookup a tag.

:mod:`.fastfeed` walks the document; this module reads what an item is made of. Each
element's tag is looked up once in :data:`_SLOTS` — feedparser's name for it and what it
is to us (title, link, id, content, date, author, a harmless extra, something to refuse)
— instead of being re-derived from its namespace for every element of every item. Plain
elements (no attributes, no children, ASCII text) skip the repair steps; text with no
``<`` or ``&`` skips the HTML checks; dates in the two common forms skip feedparser's
handler chain (:mod:`.fastdates`). Every result is what feedparser reports, or
:class:`Unsupported` is raised and the document goes to feedparser.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from lxml import etree

from suxun_tui.feeds.fastblocks import plain_markup
from suxun_tui.feeds.fastdates import parse_date
from suxun_tui.feeds.fpcompat import NAMESPACES, make_safe_absolute_uri
from suxun_tui.feeds.repair import repair as _repair
from suxun_tui.feeds.urls import feedparser_urljoin as _urljoin

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# Namespace URI (lower case) → the prefix feedparser gives its elements ("" = core).
_PREFIXES = {uri.lower(): prefix for uri, prefix in NAMESPACES.items()}
_KNOWN_PREFIXES = frozenset(_PREFIXES.values())
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
# What an element is to the item reader.
TITLE, LINK, ID, SUMMARY, CONTENT, PUBLISHED, UPDATED, AUTHOR = range(8)
ENCLOSURE, SOURCE, CONTRIBUTOR, LEAF, REFUSE = range(8, 13)
_KINDS = {
    **dict.fromkeys(("title", "dc_title", "media_title"), TITLE),
    "link": LINK,
    **dict.fromkeys(("guid", "id"), ID),
    **dict.fromkeys(("description", "summary", "dc_description", "media_description"), SUMMARY),
    **dict.fromkeys(("content", "content_encoded"), CONTENT),
    **dict.fromkeys(("pubdate", "published", "issued", "dcterms_issued"), PUBLISHED),
    **dict.fromkeys(("updated", "modified", "dc_date", "dcterms_modified"), UPDATED),
    **dict.fromkeys(("author", "dc_creator", "dc_author"), AUTHOR),
    "enclosure": ENCLOSURE,
    "source": SOURCE,
    "contributor": CONTRIBUTOR,
}
_SLOTS: dict[str, tuple[str, int]] = {}  # tag → (feedparser's name, kind)
_SLOTS_MAX = 4096  # a document of endless invented tags cannot grow the table past this
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = {"text": "text/plain", "plain": "text/plain", "html": "text/html"}
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_AMP_REF = re.compile("&([A-Za-z0-9_]+);")
_RELATIVE_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?(?![a-zA-Z][a-zA-Z0-9+.-]*:)", re.I)


def _bare_paragraphs(html: str) -> bool:
    """No reference, and no tag but ``<p>`` and ``</p>``: what
    :func:`~suxun_tui.feeds.fastblocks.plain_markup` says of the commonest feed HTML,
    without its pattern, and no image to resolve. (Each tag holds one ``<``.)"""
    return "&" not in html and html.count("<") == html.count("<p>") + html.count("</p>")


def _looks_like_html(text: str) -> bool:
    """feedparser's test of plain text for markup (imported with it, when first needed)."""
    from feedparser.mixin import _FeedParserMixin

    return bool(_FeedParserMixin.looks_like_html(text))


class Unsupported(Exception):
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


def name_of(el: etree._Element) -> str:
    """feedparser's name for an element: ``prefix_local`` in lower case."""
    return slot(el)[0]


def slot(el: etree._Element) -> tuple[str, int]:
    """The element's name and kind, from the table when its tag was seen before."""
    tag = el.tag
    found = _SLOTS.get(tag) if isinstance(tag, str) else None
    if found is not None:
        return found
    if not isinstance(tag, str):
        raise Unsupported("entity or other non-element node")
    if tag[0] != "{":
        name, fixed = tag.lower(), True
    else:
        uri, local = tag[1:].split("}", 1)
        lower = uri.lower()
        if "backend.userland.com/rss" in lower:
            lower = "http://backend.userland.com/rss"
        prefix = _PREFIXES.get(lower)
        fixed = prefix is not None  # else the document's own prefix names it
        if prefix is None:
            prefix = el.prefix
        if prefix is None:
            raise Unsupported(f"unprefixed element in unknown namespace {uri}")
        name = f"{prefix}_{local.lower()}" if prefix else local.lower()
    found = (name, _kind(name))
    if fixed and len(_SLOTS) < _SLOTS_MAX:
        _SLOTS[tag] = found
    return found


def _kind(name: str) -> int:
    kind = _KINDS.get(name)
    if kind is not None:
        return kind
    prefix = name.split("_", 1)[0] if "_" in name else ""
    return LEAF if name in _HARMLESS or prefix not in _KNOWN_PREFIXES else REFUSE


def attrs_of(el: etree._Element) -> dict[str, str]:
    """Attributes with feedparser's normalisation: lower-case names, rel/type values."""
    out: dict[str, str] = {}
    for key, value in el.attrib.items():
        name = str(key).rsplit("}", 1)[-1].lower()
        text = str(value)
        out[name] = text.lower() if name in ("rel", "type") else text
    return out


def base_of(el: etree._Element, parent: str) -> str:
    """The base URI feedparser uses inside ``el``: ``xml:base`` (or ``base``) joined safely."""
    given = el.get(_XML_BASE) or el.get("base")
    if not given:
        return parent
    if parent:
        return make_safe_absolute_uri(parent, given) or parent
    return _urljoin(parent, given)


class ItemReader:
    """Reads elements as feedparser does; ``atom`` changes how plain text is judged."""

    def __init__(self, atom: bool) -> None:
        self.atom = atom

    def text(
        self, el: etree._Element, base: str, kind: str | None = None, default: str | None = None
    ) -> str:
        """The text of a leaf element as feedparser's ``pop`` would return it.

        ``default`` is the content type of a content element (title, summary, content);
        None for plain elements (link, id, dates), whose markup feedparser never touches.
        """
        if len(el):
            raise Unsupported("markup inside a text element")
        ctype = default
        if el.keys():  # attributes: most elements have none
            attrs = attrs_of(el)
            if "mode" in attrs or "src" in attrs:
                raise Unsupported("base64/escaped mode or out-of-line content")
            base = base_of(el, base)
            if default is not None:
                ctype = attrs.get("type", default)
        out = el.text
        out = out.strip() if out else ""
        if kind == "link" and out:
            out = _urljoin(base, out)
        if ctype is not None:
            out = self._markup(out, base, ctype)
        return out if out.isascii() else _repair(out)

    def _markup(self, out: str, base: str, ctype: str) -> str:
        """Content text with feedparser's relative-URI pass where it would change it."""
        ctype = _TEXT_TYPES.get(ctype, ctype)
        if ctype == "application/xhtml+xml" or ctype == "xhtml":
            raise Unsupported("inline XHTML content")
        if ctype == "text/plain":
            # looks_like_html needs a closing tag or a reference: "</", or "&" and ";"
            maybe = "</" in out or ("&" in out and ";" in out)
            if self.atom or not maybe or not _looks_like_html(out):
                return out
            ctype = "text/html"
        elif ctype not in _HTML_TYPES:
            raise Unsupported(f"content type {ctype}")
        if ("<" not in out and "&" not in out) or _bare_paragraphs(out):
            return out  # plain_markup's answer, without its pattern: nothing to resolve
        if _RELATIVE_IMG.search(out) or not plain_markup(out):
            from feedparser.urls import resolve_relative_uris  # markup to resolve: feedparser's

            return str(resolve_relative_uris(out, base, "utf-8", ctype))
        return out

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
            name, kind = _SLOTS.get(child.tag) or slot(child)
            if kind == TITLE:
                value = self.text(child, base, None, "text/plain")
                if not locked:
                    entry.title = value
                    locked = bool(value) and name != "media_title"
            elif kind == LINK:
                self.link(entry, child, base)
            elif kind == ID:
                permalink = not child.attrib or attrs_of(child).get("ispermalink", "true") == "true"
                value = self.text(child, base, "link" if permalink else None)
                entry.id = value
                if permalink and entry.link is None:
                    entry.link = value
            elif kind == PUBLISHED:
                entry.published = parse_date(self.text(child, base))
            elif kind == UPDATED:
                entry.updated = parse_date(self.text(child, base))
            elif kind in (SUMMARY, CONTENT):
                if kind == CONTENT or (entry.summary is not None and not has_content):
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
            elif kind == AUTHOR:
                authors += 1
                structured = structured or len(child) > 0
                if structured and authors > 1:
                    raise Unsupported("several authors with parts (feedparser mixes them)")
                entry.author = self.author(child)
            elif kind == ENCLOSURE:  # feedparser lists it among the links, as written
                url = attrs_of(child).get("url")
                if url:
                    entry.links.append(("enclosure", url))
            elif kind == SOURCE:
                locked = False  # feedparser resets its title depth; the source's own
                # title and author go to the source, never to the entry
            elif kind == LEAF:
                if len(child):
                    raise Unsupported(f"item element {name} with children")
            elif kind == CONTRIBUTOR:
                if any(name_of(c) not in ("name", "email", "uri") for c in child):
                    raise Unsupported("contributor with unusual parts")
            else:
                raise Unsupported(f"item element {name}")
        return entry

    def link(self, entry: RawEntry, el: etree._Element, base: str) -> None:
        attrs = attrs_of(el) if el.attrib else {}
        rel = attrs.get("rel", "alternate")
        href = attrs.get("url") or attrs.get("uri") or attrs.get("href")
        if href:
            ctype = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
            href = _urljoin(base_of(el, base), href)
            entry.links.append((rel, href))
            if rel == "alternate" and _TEXT_TYPES.get(ctype, ctype) in _HTML_TYPES:
                entry.link = href
            return
        value = self.text(el, base, "link")
        if "&" in value:
            value = _AMP_REF.sub(r"&\g<1>", value.replace("&amp;", "&"))
        entry.link = value
        entry.links.append((rel, value))

    @staticmethod
    def author(el: etree._Element) -> str:
        """feedparser's ``author``: "name (email)" from Atom parts, else the element's text."""
        own = (el.text or "").strip()
        if not len(el):
            return own if own.isascii() else _repair(own)
        detail: dict[str, str] = {}
        for child in el:
            part = name_of(child)
            if part not in ("name", "email", "uri", "url", "homepage"):
                raise Unsupported(f"author element {part}")
            if len(child):
                raise Unsupported("markup inside an author part")
            detail[part] = _repair((child.text or "").strip())
            if (child.tail or "").strip():
                raise Unsupported("text between author parts")
        name, email = detail.get("name"), detail.get("email")
        if name and email:
            return f"{name} ({email})"
        return name or email or _repair(own)
