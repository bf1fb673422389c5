"""Cheap answers for plain feed text: one-line fields, bare paragraphs, stored dates.

Most of what a feed item carries is plain: a title with no markup, an id, a link, an
author, a body of ``<p>…</p>`` paragraphs of ordinary text, a date in range. For those,
the general tools (:func:`~suxun_tui.text.sanitize.clean_line` with its escape and control
patterns, :func:`~suxun_tui.feeds.fastblocks.simple_blocks` with its paragraph pattern,
``datetime`` round trips and ``strftime``) cost more than the answer. Each function here
gives exactly the general tool's result for the plain case, or defers to it;
``tests/unit/test_plaintext.py`` compares them.
"""

from __future__ import annotations

import calendar
import time
from datetime import UTC, datetime

from suxun_tui.feeds.fastblocks import simple_blocks
from suxun_tui.feeds.fragments import html_to_line
from suxun_tui.models import Block
from suxun_tui.text.damage import repair_damage
from suxun_tui.text.sanitize import clean_line


def line(text: str | None) -> str:
    """:func:`clean_line`; printable text has no controls or escapes to remove."""
    if not text:
        return ""
    if not text.isprintable():  # printable: no C0/C1, no format characters, no space but " "
        return clean_line(text)
    if "  " in text or text[0] == " " or text[-1] == " ":
        return " ".join(text.split())
    return text


def markup_line(text: str) -> str:
    """:func:`~suxun_tui.feeds.fragments.html_to_line`, without a parse for plain text."""
    if "<" in text or "&" in text:
        return html_to_line(text)
    return line(text)


def paragraphs(fragment: str) -> tuple[Block, ...] | None:
    """:func:`simple_blocks` for the commonest body: ``<p>`` paragraphs of printable text
    with no other markup and no references; anything else goes to ``simple_blocks``."""
    texts = paragraph_texts(fragment)
    if texts is None:
        return simple_blocks(fragment)
    return tuple([Block("paragraph", text) for text in texts])


def paragraph_texts(fragment: str) -> list[str] | None:
    """The texts of :func:`paragraphs`' blocks when it answers without ``simple_blocks``
    (every block a paragraph), else None: for a caller that stores the texts directly.
    Each text gets the repairs every feed paragraph gets (text.damage)."""
    if "&" in fragment or "\r" in fragment:
        return None
    parts = fragment.split("</p>")
    if len(parts) == 1 or fragment.count("<") != 2 * (len(parts) - 1):
        return None
    if parts[-1] and not parts[-1].isspace():
        return None
    texts: list[str] = []
    for part in parts[:-1]:
        lead, opened, text = part.partition("<p>")
        text = text.replace("\n", " ")
        if not opened or (lead and not lead.isspace()) or not text.isprintable():
            return None
        text = " ".join(text.split())
        if text:
            texts.append(repair_damage(text))
    return texts


def stored_date(value: time.struct_time, latest: datetime) -> str | None:
    """A UTC struct_time as stored; None before 1990 or after ``latest`` (naive, UTC)."""
    try:
        moment = datetime(*value[:6])
    except (TypeError, ValueError, OverflowError):
        try:  # fields out of range: timegm carries them over, as the general route does
            moment = datetime.fromtimestamp(calendar.timegm(value), UTC).replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):
            return None
    if moment > latest or moment.year < 1990:
        return None
    # to_stored's format: whole seconds here, and a four-digit year
    return moment.isoformat() + "Z"
