"""Big feeds the fast reader refuses, read by lxml's recovering parser instead of feedparser.

feedparser's forgiving parser is pure Python: broken XML cost it 18 µs a byte (66 s for
19 MB), and its memory grew with every tag. For small documents that is the price of its
careful reading, and it stays their route. A document over :data:`FEEDPARSER_BYTES` that
the fast path would not take (broken, another encoding, markup it does not mirror) is
parsed here by libxml2 with recovery, in C, and walked by the fast reader; an item the
walk refuses gets a plain reading by :func:`rescue_entry` (title, link, id, dates,
author and the content's markup as written). The result is a bounded best effort, and the
caller says so in a warning.
"""

from __future__ import annotations

import re

from lxml import etree

from suxun_tui.feeds.fastfeed import RawEntry, RawFeed, read_tree

# Above this, a document the fast path refuses does not go to feedparser (about 4 s of it).
FEEDPARSER_BYTES = 256 * 1024
_RECOVERING = etree.XMLParser(
    recover=True,
    huge_tree=True,
    resolve_entities=False,
    no_network=True,
    remove_comments=True,
    remove_pis=True,
)
_CONTENT = ("encoded", "content", "description", "summary")
_CONTENT_TAG = re.compile(
    rb"<(/?)((?:[A-Za-z_][\w.-]*:)?(?:description|encoded|summary|content))\b([^<>]*)>"
)
_BARE_AMP = re.compile(rb"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9._-]*;)")
_DATES = {"pubdate": "published", "published": "published", "issued": "published"} | {
    "updated": "updated",
    "modified": "updated",
    "date": "updated",
}


def read_recovered(data: bytes, url: str, max_items: int | None = None) -> RawFeed | None:
    """The feed in ``data`` as libxml2 recovers it; None when no feed could be found.

    Two mistakes break most feeds, and libxml2's recovery handles neither well: HTML
    written straight into a description (an unclosed ``<br>`` swallowed every later
    item) and a bare ``&``. Both are mended first, in one pass each: content elements
    holding markup are wrapped in CDATA, a bare ``&`` becomes ``&amp;``.
    """
    data = _BARE_AMP.sub(b"&amp;", _shelter(data))
    try:
        root = etree.fromstring(data, _RECOVERING)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    return read_tree(root, url, rescue_entry, max_items)


def _shelter(data: bytes) -> bytes:
    """Content elements whose markup is written out as elements, as CDATA instead.

    One pass over the content elements' tags, each start paired with the next end of its
    name: linear, where a regular expression matching start to end was quadratic on a
    flood of unclosed starts.
    """
    out: list[bytes] = []
    done = 0
    open_name: bytes | None = None
    inner_start = 0
    for match in _CONTENT_TAG.finditer(data):
        closing, name = match.group(1), match.group(2)
        if open_name is None:
            if not closing and not match.group(3).endswith(b"/"):
                open_name, inner_start = name, match.end()
            continue
        if not closing or name != open_name:
            continue
        open_name = None
        inner = data[inner_start : match.start()]
        if b"<" in inner and not inner.lstrip().startswith(b"<![CDATA["):
            out.append(data[done:inner_start])
            out.append(b"<![CDATA[" + inner.replace(b"]]>", b"]]]]><![CDATA[>") + b"]]>")
            done = match.start()
    if not out:
        return data
    out.append(data[done:])
    return b"".join(out)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _text(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext()).strip()


def _markup(el: etree._Element) -> str:
    """What is inside ``el``: its text, or its child elements serialised as HTML."""
    if not len(el):
        return (el.text or "").strip()
    inner = [el.text or ""]
    inner.extend(etree.tostring(child, encoding="unicode", method="html") for child in el)
    return "".join(inner).strip()


def rescue_entry(item: etree._Element, base: str) -> RawEntry:
    """A plain reading of one item the fast walk refused; every field optional."""
    entry = RawEntry()
    contents: dict[str, str] = {}
    for child in item:
        name = _local(child)
        if name == "title" and entry.title is None:
            entry.title = _text(child)
        elif name == "link":
            href = child.get("href")
            rel = child.get("rel", "alternate")
            if href:
                entry.links.append((rel, href))
                if rel == "alternate" and entry.link is None:
                    entry.link = href
            elif entry.link is None and _text(child):
                entry.link = _text(child)
        elif name in ("guid", "id") and entry.id is None:
            entry.id = _text(child) or None
        elif name in _CONTENT and name not in contents:
            contents[name] = _markup(child)
        elif name in _DATES:
            from feedparser.datetimes import _parse_date  # a recovered document: rare

            parsed = _parse_date(_text(child))
            if _DATES[name] == "published" and entry.published is None:
                entry.published = parsed
            elif entry.updated is None:
                entry.updated = parsed
        elif name in ("author", "creator") and entry.author is None:
            names = [_text(part) for part in child if _local(part) == "name"]
            entry.author = (names[0] if names else _text(child)) or None
    if entry.link is None and entry.id and entry.id.startswith(("http://", "https://")):
        entry.link = entry.id
    full = contents.get("encoded") or contents.get("content")
    summary = contents.get("description") or contents.get("summary")
    entry.content = [full] if full else []
    entry.summary = summary or full
    return entry
