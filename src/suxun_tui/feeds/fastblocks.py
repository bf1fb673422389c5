"""Blocks for the simplest, commonest feed HTML without building a tree.

Most feed items carry a few ``<p>`` paragraphs with inline markup (``<b>``, ``<a>``,
``<br>``) and nothing else. For those, :func:`simple_blocks` produces exactly what
:func:`suxun_tui.feeds.fragments.html_to_blocks` would — one paragraph block per ``<p>``, inline
tags dropped, ``<br>`` as a line break, references decoded the way libxml2 decodes them —
about five times faster; links with an absolute address become the same spans the
converter keeps (:func:`_with_links`, by the same marks). Anything else (relative links,
images, lists, tables, code blocks, nesting, stray ``<`` or ``&``, control characters)
returns None and goes through the real converter;
``tests/unit/test_fastfeed.py`` checks the two agree.

:func:`plain_markup` serves the fast feed reader: it tells whether feedparser's
re-serialisation of an HTML fragment would leave it as lxml reads it anyway.
"""

from __future__ import annotations

import html
import re
from html.entities import name2codepoint

from suxun_tui.models import Block, LinkSpan
from suxun_tui.text.damage import repair_damage
from suxun_tui.text.linkspans import CLOSE_MARK, OPEN_MARK, link_address, spans_of_marks
from suxun_tui.text.sanitize import clean_text

# Inline code (``code``, ``kbd``, ``samp``, ``tt``) is inline text like the rest: its spaces
# stay as the converter keeps them. A ``<pre>`` is a code block and is never simple.
_INLINE = (
    "a|b|strong|i|em|span|font|u|small|big|sub|sup|s|strike|cite|code|kbd|samp|tt|var|abbr|mark|q"
)
_ATTRS = r"""(?:\s+[a-zA-Z][a-zA-Z0-9_-]*="[^"<>&]*")*\s*"""
_TEXT = r"(?:[^<&\x00-\x08\x0b\x0c\x0e-\x1f\x7f]++|&(?:#[0-9]{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]+);)"
_INNER = rf"(?:{_TEXT}|</?(?:{_INLINE}){_ATTRS}>|<br{_ATTRS}/?>)*+"
_PARAGRAPH = re.compile(rf"<p{_ATTRS}>({_INNER})</p>")
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\b[^>]*>")
_LINK = re.compile(r"<a\s[^>]*\bhref=")
_ANCHOR = re.compile(r"<a\b([^>]*)>|</a>")
_HREF = re.compile(r'\shref="([^"]*)"')
_REF = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")
# HTML that feedparser's re-serialisation (sgmllib) and lxml read the same way: plain text,
# simple tags with quoted or plain attribute values, and references it keeps as they are.
_SAFE_HTML = re.compile(
    r"(?:[^<&]++"
    r"|</?[A-Za-z][A-Za-z0-9]*+(?>\s++[A-Za-z_:][-A-Za-z0-9_:.]*+"
    r"(?>\s*=\s*(?:\"[^\"<>&]*\"|'[^'<>&]*'|[^\s\"'<>=`&]++))?)*+\s*/?>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);)*+"
)
_REFS = re.compile(r"&(#[xX]?)?([0-9A-Za-z]+);")


def plain_markup(html: str) -> bool:
    """True when feedparser's re-serialisation would not change what lxml reads."""
    if _SAFE_HTML.fullmatch(html) is None:
        return False
    for numeric, ref in _REFS.findall(html):
        if numeric:
            value = int(ref, 16 if numeric != "#" else 10)
            if 128 <= value < 160:
                return False  # feedparser maps these through cp1252
        elif ref not in name2codepoint and ref != "apos":
            return False  # feedparser turns unknown entities into text
    return True


def _refs_are_plain(fragment: str) -> bool:
    """Only references that libxml2 and :func:`html.unescape` decode to the same text."""
    for ref in _REF.findall(fragment):
        if ref[0] == "#":
            value = int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:])
            if value < 32 or 127 <= value < 160 or 0xD800 <= value < 0xE000 or value > 0x10FFFF:
                return False
        elif ref not in name2codepoint:
            return False
    return True


def simple_blocks(fragment: str) -> tuple[Block, ...] | None:
    """The blocks of a paragraphs-only fragment, or None when it is not that simple."""
    if "&" in fragment and not _refs_are_plain(fragment):
        return None
    fragment = fragment.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    end = 0
    for match in _PARAGRAPH.finditer(fragment):
        if not fragment[end : match.start()].isspace() and match.start() > end:
            return None  # something other than whitespace between paragraphs
        end = match.end()
        inner = match.group(1)
        text = _paragraph_text(inner)
        spans: tuple[LinkSpan, ...] = ()
        if "<a" in inner and _LINK.search(inner):
            linked = _with_links(inner, text)
            if linked is None:
                return None  # a link only the converter reads as it would
            spans = linked
        if text.strip():
            blocks.append(Block("paragraph", text, None, 0, spans))
    if end == 0 or (end < len(fragment) and not fragment[end:].isspace()):
        return None
    return tuple(blocks)


def _paragraph_text(text: str, printable: bool | None = None) -> str:
    """A paragraph's inner HTML as the converter's text (``printable``: of the unmarked)."""
    if "<" in text:
        text = _TAG.sub("", _BR.sub("\x00", text))
    text = text.replace("\n", " ").replace("\x00", "\n")
    if "&" in text:
        text = html.unescape(text)
    if printable if printable is not None else text.isprintable():
        # no controls, no newline, no space but U+0020
        return repair_damage(" ".join(text.split()))
    text = clean_text(text)
    return repair_damage("\n".join(line for line in text.split("\n") if line.strip()))


def _with_links(inner: str, text: str) -> tuple[LinkSpan, ...] | None:
    """The spans of the paragraph's links in ``text``, as the converter finds them, or None
    when only the converter can tell (a relative address, nesting, spaces at a link's edge)."""
    if not text.isprintable():
        return None
    hrefs: list[str] = []
    open_link: bool | None = None  # inside an <a>: True when it is a link we mark

    def mark(found: re.Match[str]) -> str:
        nonlocal open_link
        if found.group(0) == "</a>":
            if open_link is None:
                raise ValueError("a closing tag with no link open")
            was, open_link = open_link, None
            return chr(CLOSE_MARK + len(hrefs) - 1) if was else ""
        if open_link is not None:
            raise ValueError("a link inside a link")
        href = _HREF.search(found.group(1))
        address = link_address(href.group(1), None) if href else None
        if address is not None and not address.startswith(("https://", "http://")):
            raise ValueError("a relative address: joined by the converter")
        open_link = address is not None
        if address is None:
            return ""
        hrefs.append(address)
        return chr(OPEN_MARK + len(hrefs) - 1)

    try:
        marked = _ANCHOR.sub(mark, inner)
    except ValueError:
        return None
    if open_link is not None or len(hrefs) > 1000:
        return None
    spans = spans_of_marks(_paragraph_text(marked, printable=True), text, hrefs)
    if spans is None or any(text[a].isspace() or text[b - 1].isspace() for a, b, _ in spans):
        return None
    return spans
