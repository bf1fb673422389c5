"""The items of a plain RSS 2.0 channel, read without the per-element checks.

Most RSS feeds are plain: no item or item child has an attribute, and no item child has
children of its own (``<title>``, ``<link>``, ``<guid>``, ``<pubDate>``, ``<author>``,
``<description>``, each holding text). One XPath evaluation in libxml2 says whether a
channel is such (:func:`is_plain_channel`); for those, :func:`plain_entry` reads each item
as :meth:`~suxun_tui.feeds.fastitems.ItemReader.entry` would, without asking every
element for its attributes and children (two calls into lxml an element, a third of the
walk's cost) and without the attribute and base handling they would never need. What it
reads is exactly what the general walk reads: ``tests/unit/test_fastplain.py`` compares
both on the corpora's feeds, and anything unusual — a tag the walk would refuse, a title
or summary that may hold markup — is left to the same code the general walk uses.
"""

from __future__ import annotations

from lxml import etree

from suxun_tui.feeds.fastdates import parse_date
from suxun_tui.feeds.fastitems import (
    _AMP_REF,
    AUTHOR,
    CONTENT,
    CONTRIBUTOR,
    ENCLOSURE,
    ID,
    LEAF,
    LINK,
    PUBLISHED,
    SOURCE,
    SUMMARY,
    TITLE,
    UPDATED,
    ItemReader,
    RawEntry,
    Unsupported,
    slot,
)
from suxun_tui.feeds.fastitems import _SLOTS as _SLOTS
from suxun_tui.feeds.repair import repair as _repair
from suxun_tui.feeds.urls import feedparser_urljoin as _urljoin

# True when some item, or some child of an item, has an attribute, or an item's child
# has an element inside: then the general walk reads the channel.
_NOT_PLAIN = etree.XPath("boolean(item/@* or item/*/@* or item/*/*)")  # 0.5 µs an item


def is_plain_channel(channel: etree._Element) -> bool:
    """Whether every item of this RSS ``<channel>`` is plain (see the module's text). A
    document with a DOCTYPE never is: its entity references are nodes XPath does not see."""
    return channel.getroottree().docinfo.internalDTD is None and not _NOT_PLAIN(channel)


def _plain_text(el: etree._Element) -> str:
    """:meth:`ItemReader.text` of an element without attributes or children, for the
    fields whose markup feedparser never touches (dates, the author)."""
    out = el.text
    out = out.strip() if out else ""
    return out if out.isascii() else _repair(out)


def _address(el: etree._Element, base: str) -> str:
    """:meth:`ItemReader.text` with ``kind="link"`` of a plain element."""
    out = el.text
    out = out.strip() if out else ""
    if out:
        out = _urljoin(base, out)
    return out if out.isascii() else _repair(out)


def plain_entry(reader: ItemReader, item: etree._Element, base: str) -> RawEntry:
    """:meth:`ItemReader.entry` of an item of a plain channel (``reader.atom`` is False)."""
    entry = RawEntry()
    locked = False
    has_content = False
    for child in item:
        name, kind = _SLOTS.get(child.tag) or slot(child)
        if kind == TITLE:
            out = child.text
            out = out.strip() if out else ""
            if "</" in out or ("&" in out and ";" in out):
                out = reader._markup(out, base, "text/plain")
            value = out if out.isascii() else _repair(out)
            if not locked:
                entry.title = value
                locked = bool(value) and name != "media_title"
        elif kind == LINK:
            value = _address(child, base)
            if "&" in value:
                value = _AMP_REF.sub(r"&\g<1>", value.replace("&amp;", "&"))
            entry.link = value
            entry.links.append(("alternate", value))
        elif kind == ID:
            value = _address(child, base)
            entry.id = value
            if entry.link is None:
                entry.link = value
        elif kind == PUBLISHED:
            entry.published = parse_date(_plain_text(child))
        elif kind == UPDATED:
            entry.updated = parse_date(_plain_text(child))
        elif kind in (SUMMARY, CONTENT):
            html = kind == CONTENT or (entry.summary is not None and not has_content)
            if html:  # as the general walk: a second summary is read as content
                default = "text/html" if name == "content_encoded" else "text/plain"
            else:
                default = "text/plain" if name == "summary" else "text/html"
            out = child.text
            out = reader._markup(out.strip() if out else "", base, default)
            value = out if out.isascii() else _repair(out)
            if html:
                has_content = True
                entry.content.append(value)
                if entry.summary is None:
                    entry.summary = value
            else:
                entry.summary = value
        elif kind == AUTHOR:
            entry.author = _plain_text(child)
        elif kind == SOURCE:
            locked = False
        elif kind not in (LEAF, CONTRIBUTOR, ENCLOSURE):  # (an enclosure without its url
            # attribute is nothing to the general walk either)
            raise Unsupported(f"item element {name}")
    return entry
