"""Blocks for the simplest, commonest feed HTML without building a tree.

Most feed items carry a few ``<p>`` paragraphs with inline markup (``<b>``, ``<a>``,
``<br>``) and nothing else. For those, :func:`simple_blocks` produces exactly what
:func:`suxun_tui.feeds.fragments.html_to_blocks` would — one paragraph block per ``<p>``, inline
tags dropped, ``<br>`` as a line break, references decoded the way libxml2 decodes them —
about five times faster. Anything else (links with an address, which the converter keeps
as spans, images, lists, tables, code blocks, nesting, stray ``<`` or ``&``, control
characters) returns None and goes through the real converter;
``tests/unit/test_fastfeed.py`` checks the two agree.

:func:`plain_markup` serves the fast feed reader: it tells whether feedparser's
re-serialisation of an HTML fragment would leave it as lxml reads it anyway.
"""

from __future__ import annotations

import html
import re
from html.entities import name2codepoint

from suxun_tui.models import Block
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
        text = match.group(1)
        if "<a" in text and _LINK.search(text):
            return None  # a link to keep: fragments reads it with its span
        if "<" in text:
            text = _TAG.sub("", _BR.sub("\x00", text))
        text = text.replace("\n", " ").replace("\x00", "\n")
        if "&" in text:
            text = html.unescape(text)
        if text.isprintable():  # no controls, no newline, no space but U+0020
            text = " ".join(text.split())
        else:
            text = clean_text(text)
            text = "\n".join(line for line in text.split("\n") if line.strip())
        if text.strip():
            blocks.append(Block("paragraph", text))
    if end == 0 or (end < len(fragment) and not fragment[end:].isspace()):
        return None
    return tuple(blocks)
