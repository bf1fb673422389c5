"""Bounds on the work one feed document may cause, checked before and after parsing.

``max_bytes`` caps what is downloaded, but within 20 MB a document could still cost a
minute and a gigabyte: random bytes went through feedparser's forgiving parser before it
said "not a feed", 600,000 tiny items became 600,000 stored articles, a 19 MB title froze
the reader. So: bytes that cannot be a feed are refused in one pass (:func:`not_a_feed`),
a document with more than ``max_items`` items is cut to its newest ones *before* it is
parsed (:func:`keep_newest_items`), and every stored field has a length limit with a
visible cut (:func:`cut`). Each of these is linear in the input and runs in C (bytes
methods, regular expressions), so the checks cost little next to the parse.
"""

from __future__ import annotations

import calendar
import re
import time

from suxun_tui.text.i18n import N_

DEFAULT_MAX_ITEMS = 1000
TITLE_CHARS = 500
AUTHOR_CHARS = 200
URL_CHARS = 4096
GUID_CHARS = 1024
# An item's HTML beyond this is cut (a long book chapter is ~300,000 characters of HTML);
# a whole document's items share a budget, and once it is spent each item keeps only
# its first few thousand characters (turning dense HTML into blocks costs ~4 µs a byte).
BODY_HTML_CHARS = 500_000
BODY_BUDGET_CHARS = 5_000_000
BODY_MIN_CHARS = 5_000
ELLIPSIS = "…"

# C0 controls other than tab, newline and carriage return: text never has many of these.
_BINARY_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_BINARY_SHARE = 0.01  # more than 1 % of such bytes: an image, an archive, random data
_MAGIC = (
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
)
# UTF-16/32 documents (with or without a BOM) have NUL bytes by design.
_WIDE_STARTS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"<\x00", b"\x00<")
# A tag runs to the next ">" with no "<" inside ("<" is never legal in XML attributes):
# each match then stops at the next tag, so a flood of unclosed "<item " stays linear.
_ITEM_TAG = re.compile(rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(?:item|entry)(?=[\s>/])[^<>]*>")
_DATE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?(?:pubDate|published|updated|date|issued|modified)\b[^<>]*>"
    rb"\s*(?:<!\[CDATA\[)?\s*([^<\]]{6,80}?)\s*(?:\]\]>)?\s*<"
)


def not_a_feed(data: bytes) -> str | None:
    """Why ``data`` cannot be a feed (binary, empty, no markup), or None when it may be one.

    One pass of ``bytes.translate`` over the whole document: random bytes are refused in
    milliseconds, where feedparser took a minute to say the same.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return N_("the document is empty")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"this is {what}"
    if head.startswith(_WIDE_STARTS):
        return None
    binary = len(data) - len(data.translate(None, _BINARY_BYTES))
    if binary > len(data) * _BINARY_SHARE:
        share = 100 * binary / len(data)
        return N_("binary data ({share:.0f}% control bytes)").format(share=share)
    if b"<" not in head and not head.startswith((b"{", b"[")):
        return N_("plain text without any markup")
    return None


def keep_newest_items(data: bytes, max_items: int) -> tuple[bytes, int]:
    """``data`` with only its ``max_items`` newest items, and how many it had.

    Items are found by their tags (``<item>``, ``<entry>``, with any prefix) without
    parsing; the document around them — channel title, closing tags — is kept as it is.
    Feeds list items newest first, some oldest first: the dates of the first and last
    items say which, and that end is kept. A document with few enough items is returned
    unchanged (the count comes from ``bytes.count`` first, so this is cheap for all).
    """
    if data.count(b"item") + data.count(b"entry") <= max_items:
        return data, 0
    spans = _item_spans(data)
    if len(spans) <= max_items:
        return data, len(spans)
    first, last = _item_date(data, spans[0]), _item_date(data, spans[-1])
    oldest_first = first is not None and last is not None and last > first
    kept = spans[-max_items:] if oldest_first else spans[:max_items]
    body = b"".join(data[start:end] for start, end in kept)
    return data[: spans[0][0]] + body + data[spans[-1][1] :], len(spans)


def _item_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each outermost item element, in document order."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for match in _ITEM_TAG.finditer(data):
        if match.group(1):  # an end tag
            if depth == 1:
                spans.append((start, match.end()))
            depth = max(depth - 1, 0)
        elif match.group(0).endswith(b"/>"):
            if depth == 0:
                spans.append((match.start(), match.end()))
        else:
            if depth == 0:
                start = match.start()
            depth += 1
    return spans


def _item_date(data: bytes, span: tuple[int, int]) -> float | None:
    match = _DATE.search(data, span[0], span[1])
    if match is None:
        return None
    # feedparser's date reader, as the parse after this cut reads the same dates; imported
    # here because only a document over max_items gets here, and feedparser costs ~50 ms.
    from feedparser.datetimes import _parse_date

    parsed: time.struct_time | None = _parse_date(match.group(1).decode("utf-8", "replace"))
    return calendar.timegm(parsed) if parsed else None


def cut(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters long; a cut one ends in "…" so it shows."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


class BodyBudget:
    """How much item HTML one document may still have turned into blocks."""

    def __init__(self, total: int = BODY_BUDGET_CHARS) -> None:
        self.left = total

    def cut(self, html: str) -> tuple[str, bool]:
        """``html`` cut to what the budget allows (at a tag's start when one is near)."""
        limit = max(min(BODY_HTML_CHARS, self.left), BODY_MIN_CHARS)
        if len(html) > limit:
            end = html.rfind("<", max(limit - 4096, 0), limit)
            html = html[: end if end > 0 else limit]
            self.left -= len(html)
            return html, True
        self.left -= len(html)
        return html, False

    def take_whole(self, html: str) -> bool:
        """Charge ``html`` as :meth:`cut` would when it fits whole; False (nothing charged)
        when :meth:`cut` would cut it. For an item kept as stored without being rebuilt."""
        if len(html) > max(min(BODY_HTML_CHARS, self.left), BODY_MIN_CHARS):
            return False
        self.left -= len(html)
        return True
