"""Links inside a block's text as ``(start, end, href)`` spans of the text as it is kept.

The text of a block is cleaned after it is gathered (controls removed, spaces folded,
blank lines dropped), so offsets taken while walking the markup would point at the wrong
characters. :func:`marked_text` puts a private-use character before and after each
link's text, one pair per link, cleans the whole, and reads the spans off where the marks
landed; when the marked text does not clean to exactly the unmarked text, the block keeps
its text and loses its links, so stored text never depends on whether links were found.

Pages are extracted differently (the extractor keeps each link's text beside the block),
so :func:`spans_of_labels` finds those texts in the cleaned block, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import suppress
from urllib.parse import urljoin

from suxun_tui.models import LinkSpan
from suxun_tui.text.sanitize import clean_line

MAX_HREF = 2000  # longer addresses are not links anyone follows
MAX_LINKS = 0xFFFD  # marks per block: the private-use planes 15 and 16
OPEN_MARK, CLOSE_MARK = 0xF0000, 0x100000  # link k: chr(OPEN_MARK + k) … chr(CLOSE_MARK + k)
_OPEN, _CLOSE = OPEN_MARK, CLOSE_MARK
_MARKS = re.compile("[\U000f0000-\U0010ffff]")
_FIRST_MARK = chr(_OPEN)  # text holding such characters itself gets no marks
_NOT_LINKS = ("#", "javascript:", "vbscript:", "data:")


def link_address(href: str | None, base: str | None) -> str | None:
    """``href`` made absolute and cleaned, or None for an anchor, a script or nothing."""
    value = (href or "").strip()
    if not value or len(value) > MAX_HREF or value.lower().startswith(_NOT_LINKS):
        return None
    if base and not value.startswith(("https://", "http://")):  # absolute: nothing to join
        with suppress(ValueError):  # a base urllib cannot read (http://[::1): kept as given
            value = urljoin(base, value)
    return clean_line(value) or None


def marked_text(
    parts: Sequence[str], marks: Sequence[tuple[int, int, str]], clean: Callable[[str], str]
) -> tuple[str, tuple[LinkSpan, ...]]:
    """The cleaned text of ``parts`` and the spans of ``marks`` (part ranges) in it."""
    plain = clean("".join(parts))
    if not marks or (plain and max(plain) >= _FIRST_MARK) or len(marks) > MAX_LINKS:
        return plain, ()
    pieces: list[str] = []
    at = 0
    for number, (start, end, _href) in enumerate(marks):
        pieces.append("".join(parts[at:start]))
        inner = "".join(parts[start:end])
        core = inner.strip()
        if core:  # the marks hug the text: spaces stay outside, where cleaning folds them
            pieces.append(inner[: len(inner) - len(inner.lstrip())])
            pieces += [chr(_OPEN + number), core, chr(_CLOSE + number)]
            pieces.append(inner[len(core) + len(inner) - len(inner.lstrip()) :])
        else:
            pieces.append(inner)
        at = max(at, end)
    pieces.append("".join(parts[at:]))
    spans = spans_of_marks(clean("".join(pieces)), plain, [href for _, _, href in marks])
    return plain, spans or ()


def spans_of_marks(marked: str, plain: str, hrefs: Sequence[str]) -> tuple[LinkSpan, ...] | None:
    """Where the marks stand in ``marked``, as spans of ``plain``; None when ``marked``
    without its marks is not ``plain`` (the marks changed how the text was cleaned)."""
    if _MARKS.sub("", marked) != plain:
        return None
    opened: dict[int, int] = {}
    spans: list[LinkSpan] = []
    last = 0
    for seen, match in enumerate(_MARKS.finditer(marked)):
        position = match.start() - seen  # in the text without the marks before it
        code = ord(match.group())
        if code < _CLOSE:
            opened[code - _OPEN] = position
            continue
        number = code - _CLOSE
        start = opened.pop(number, -1)
        if last <= start < position:
            spans.append((start, position, hrefs[number]))
            last = position
    return tuple(spans)


def spans_of_labels(text: str, links: Sequence[tuple[str, str]]) -> tuple[LinkSpan, ...]:
    """Spans of each ``(address, label)`` whose label is found in ``text``, in order."""
    spans: list[LinkSpan] = []
    at = 0
    for address, label in links:
        if not label or not address:
            continue
        start = text.find(label, at)
        if start < 0:
            continue
        spans.append((start, start + len(label), address))
        at = start + len(label)
    return tuple(spans)
