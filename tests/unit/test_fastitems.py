"""The item reader's shortcuts say what the checks they skip would say."""

from __future__ import annotations

import contextlib
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from suxun_tui.feeds import fastitems
from suxun_tui.feeds.fastblocks import plain_markup
from suxun_tui.feeds.repair import repair

_PIECES = [*"ab 中文é&;<>/=\"'\x85\u0093", "<p>", "</p>", "<P>", "<p >", "<img src=x>", "&amp;"]
_PIECES += ["<!--", "</b>", "<br>", "Ã©", "caf\xc3\xa9", "\x80"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


@settings(max_examples=int(os.environ.get("FASTFEED_EXAMPLES", "300")), deadline=None)
@given(html=_TEXT)
def test_bare_paragraphs_need_no_uri_pass(html: str) -> None:
    if fastitems._bare_paragraphs(html):
        assert plain_markup(html) and not fastitems._RELATIVE_IMG.search(html), html


@settings(max_examples=int(os.environ.get("FASTFEED_EXAMPLES", "300")), deadline=None)
@given(text=_TEXT)
def test_repair_is_feedparsers(text: str) -> None:
    """feedparser's own steps, written out as it writes them."""
    expected = text
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        expected = expected.encode("iso-8859-1").decode("utf-8")
    expected = "".join(
        bytes([ord(c)]).decode("cp1252", "replace")
        if 0x80 <= ord(c) < 0xA0 and ord(c) not in (129, 141, 143, 144, 157)
        else c
        for c in expected
    )
    assert repair(text) == expected


def test_the_tag_table_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastitems, "_SLOTS", {})
    monkeypatch.setattr(fastitems, "_SLOTS_MAX", 10)
    for i in range(50):
        fastitems.slot(etree.fromstring(f"<tag{i}/>"))
    assert len(fastitems._SLOTS) == 10
    assert fastitems.slot(etree.fromstring("<tag49/>")) == ("tag49", fastitems.REFUSE)
