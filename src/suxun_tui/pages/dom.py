"""Parse HTML into an lxml tree that later steps can trust.

Everything that is never article text is removed once here (scripts, styles, forms'
controls, hidden elements, comments), and ``<ruby>`` annotations lose their ``<rt>``/``<rp>``
so that the base text flows on as plain characters. ``<head>`` data the extractor needs
(title, meta tags, JSON-LD) is read by :mod:`.meta` before the cleanup drops scripts.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import cast
from urllib.parse import urljoin

from lxml import etree

from suxun_tui.pages import ExtractionError
from suxun_tui.pages.vocabulary import HIDDEN_STYLE, JUNK_TAGS, PERMALINK_MARKS
from suxun_tui.text.i18n import N_
from suxun_tui.text.nesting import parse_within_depth

# Plain lxml elements: lxml.html's element classes cost a Python lookup per node visited,
# a tenth of the extraction time on a big page, for methods that are one line each here.
HtmlElement = etree._Element
_PARSERS = threading.local()  # one pair per thread: each run's error log is its own


def _parser(huge: bool) -> etree.HTMLParser:
    """This thread's parser; ``huge`` lifts libxml2's depth limit from 256 to 2048."""
    name = "huge" if huge else "plain"
    parser: etree.HTMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = etree.HTMLParser(
            remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=huge
        )
        setattr(_PARSERS, name, parser)
    return parser


def text_content(el: HtmlElement) -> str:
    """All text inside ``el`` (what ``lxml.html``'s ``text_content()`` returns)."""
    return "".join(cast("Iterator[str]", el.itertext()))


def select(root: HtmlElement, selector: str) -> list[HtmlElement]:
    """Elements matching a CSS selector; a selector that does not parse matches nothing."""
    try:
        from lxml.cssselect import CSSSelector

        return cast("list[HtmlElement]", CSSSelector(selector, translator="html")(root))
    except Exception:  # noqa: BLE001 - a bad selector from config must not break reading
        return []


def drop_tree(el: HtmlElement) -> None:
    """Remove ``el`` and its children but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


__all__ = [
    "HtmlElement",
    "parse_html",
    "clean_tree",
    "absolute_url",
    "BLOCK_TAGS",
]

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "address",
        "center",
        "hr",
        "br",
        "details",
        "summary",
        "caption",
        "body",
        "html",
    ]
)
# A <noscript> or <button> with this much text is the page's content, not a notice.
NOSCRIPT_PAGE_CHARS = 500
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)


def parse_html(html: str) -> HtmlElement:
    """Parse a whole document; raises :class:`ExtractionError` on empty input."""
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        raise ExtractionError(N_("empty page"))
    try:
        root = _parse_deep(html)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractionError(N_("unparseable page: {reason}").format(reason=exc)) from None
    if root is None:
        raise ExtractionError(N_("empty page"))
    return root


def _parse_deep(html: str) -> HtmlElement | None:
    """Parse; a page nested past libxml2's limit is parsed again, then flattened.

    Recovering parsers drop everything after the limit without a word (300 unclosed
    ``<font>`` tags hid the article): see :mod:`suxun_tui.text.nesting`.
    """
    return parse_within_depth(html, etree.fromstring, _parser(False), _parser(True))


def _open_noscript_pages(root: HtmlElement) -> None:
    """Keep a ``<noscript>`` or ``<button>`` that holds the page itself.

    Forums and single-page apps (Discourse, for one) send crawlers and script-less readers
    the whole thread inside ``<noscript>``; and an unclosed ``<button>`` in a site header
    makes the HTML parser nest the rest of the page inside it. Elsewhere these hold a
    tracking pixel, an "enable JavaScript" line or a label, and go with the other junk.
    """
    for el in list(root.iter("noscript", "button")):
        if len(text_content(el)) >= NOSCRIPT_PAGE_CHARS:
            el.tag = "div"


def _place_streamed_parts(root: HtmlElement) -> None:
    """Put the parts a streaming React server sent late where its script would put them.

    React's streaming renderer sends a placeholder ``<template id="B:0">`` where a part
    goes, then the part itself at the end of the page as ``<div hidden id="S:0">`` and a
    script that swaps it in. Without the swap the article is a hidden element (dropped
    below) and the page reads as its newsletter box.
    """
    for part in cast("list[HtmlElement]", root.xpath("//div[@hidden][starts-with(@id, 'S:')]")):
        slots = cast(
            "list[HtmlElement]",
            root.xpath("//template[@id=$id]", id="B:" + (part.get("id") or "")[2:]),
        )
        del part.attrib["hidden"]
        holder = slots[0].getparent() if slots else None
        if holder is not None:
            tail = slots[0].tail
            holder.replace(slots[0], part)
            part.tail = tail


def clean_tree(root: HtmlElement) -> HtmlElement:
    """Drop everything that is never text: scripts, controls, hidden parts, comments, ruby,
    and the permalink marks documentation tools put after headings (``<a href="#x">¶</a>``).

    Returns the ``<body>`` (the root when there is none): the part later steps read.
    """
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    _place_streamed_parts(root)
    _open_noscript_pages(root)
    etree.strip_elements(root, *JUNK_TAGS, with_tail=False)
    for el in cast("list[HtmlElement]", root.xpath("//a[starts-with(@href, '#')]")):
        if text_content(el).strip() in PERMALINK_MARKS:
            drop_tree(el)
    for el in cast("list[HtmlElement]", root.xpath("//*[@style or @hidden]")):
        if el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style") or ""):
            parent = el.getparent()
            if parent is not None and el.tag not in ("body", "html"):
                drop_tree(el)
    body = root.find("body")
    return body if body is not None else root


def absolute_url(href: str | None, base: str) -> str | None:
    """``href`` resolved against ``base``; None for script, mail and fragment links."""
    if not href:
        return None
    href = href.strip()
    low = href[:11].lower()
    if not href or href.startswith("#") or low.startswith(("javascript:", "mailto:", "tel:")):
        return None
    try:
        return urljoin(base, href) if base else href
    except ValueError:
        return None
