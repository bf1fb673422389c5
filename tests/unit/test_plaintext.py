"""The cheap plain-text answers must equal the general tools' answers for every input."""

from __future__ import annotations

import calendar
import os
import time
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from suxun_tui.feeds.fastblocks import simple_blocks
from suxun_tui.feeds.fragments import html_to_blocks, html_to_line
from suxun_tui.feeds.plaintext import line, markup_line, paragraphs, stored_date
from suxun_tui.text.sanitize import clean_line
from suxun_tui.text.timefmt import to_stored

_EXAMPLES = int(os.environ.get("FASTFEED_EXAMPLES", "300"))
_PIECES = list("ab 中文\u3000\xa0\t\n\r\x85\x1b\x9b\u200b\u202e\ufeff;#&<>\"'=") + [
    "<p>",
    "</p>",
    "<p >",
    "<P>",
    "<b>",
    "</b>",
    '<a href="/x">',
    "<br>",
    "&amp;",
    "&nbsp;",
    "\x1b]0;t\x07",
    "  ",
    "词语",
    "word",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(text=_TEXT)
def test_lines_are_cleaned_as_clean_line_cleans_them(text: str) -> None:
    assert line(text) == clean_line(text)
    assert markup_line(text) == html_to_line(text)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(pieces=st.lists(_TEXT, min_size=1, max_size=4), gaps=st.sampled_from(["", "\n", " x "]))
def test_paragraphs_are_the_blocks_simple_blocks_makes(pieces: list[str], gaps: str) -> None:
    for fragment in (
        gaps.join(f"<p>{p}</p>" for p in pieces),
        gaps.join(pieces),
        "".join(pieces) + "</p>",
    ):
        assert paragraphs(fragment) == simple_blocks(fragment), fragment
        fast = paragraphs(fragment)
        if fast is not None:
            assert fast == html_to_blocks(fragment, "http://x/"), fragment


def test_plain_paragraphs_take_the_short_way() -> None:
    fragment = "<p>第一段 文字</p>\n<p>second  paragraph</p><p></p>"
    assert paragraphs(fragment) == simple_blocks(fragment) == html_to_blocks(fragment)
    assert len(paragraphs(fragment) or ()) == 2


def _general(value: time.struct_time, now: datetime) -> str | None:
    """The conversion ``feeds.parse`` made before :func:`stored_date` existed."""
    try:
        moment = datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None
    if moment > now + timedelta(days=2) or moment.year < 1990:
        return None
    return to_stored(moment)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(
    fields=st.tuples(
        st.integers(1, 9999),
        st.integers(1, 12),
        st.integers(0, 40),
        st.integers(0, 30),
        st.integers(0, 70),
        st.integers(0, 70),
    )
)
def test_stored_dates_match_the_general_conversion(fields: tuple[int, ...]) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    value = time.struct_time((*fields, 0, 1, 0))
    assert stored_date(value, (now + timedelta(days=2)).replace(tzinfo=None)) == _general(
        value, now
    )


def test_edge_dates_match_the_general_conversion() -> None:
    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for fields in (
        (2026, 1, 3, 12, 0, 0),
        (2026, 1, 3, 12, 0, 1),
        (1990, 1, 1, 0, 0, 0),
        (1989, 12, 31, 23, 59, 59),
        (2025, 2, 29, 0, 0, 0),
        (2025, 12, 31, 23, 59, 60),
        (9999, 12, 31, 23, 59, 59),
    ):
        value = time.struct_time((*fields, 0, 1, 0))
        assert stored_date(value, (now + timedelta(days=2)).replace(tzinfo=None)) == _general(
            value, now
        ), fields
