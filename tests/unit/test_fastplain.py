"""The plain RSS walk (``feeds.fastplain``) reads every item as the general walk does.

The general walk (``ItemReader.entry``) is itself compared with feedparser
(``test_fastfeed.py``, ``test_feed_rows.py``); here the plain walk is compared with it on
every plain channel of the corpora and on generated plain items, and the channels it must
leave to the general walk are checked to be refused.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from suxun_tui.feeds import fastfeed
from suxun_tui.feeds.fastfeed import read_feed
from suxun_tui.feeds.fastitems import ItemReader, RawEntry, Unsupported
from suxun_tui.feeds.fastplain import is_plain_channel, plain_entry

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8000/feeds/main.xml"
XML = "application/rss+xml; charset=utf-8"


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _both(channel: etree._Element) -> tuple[list[object], list[object]]:
    """Each item of ``channel`` by the general walk and by the plain walk (an exception
    counts as the result)."""
    general, plain = [], []
    for item in channel.iterchildren("item"):
        for walk, out in ((ItemReader(atom=False).entry, general), (None, plain)):
            try:
                if walk is None:
                    out.append(plain_entry(ItemReader(atom=False), item, BASE))
                else:
                    out.append(walk(item, BASE))
            except (Unsupported, ValueError) as exc:
                out.append(type(exc))
    return general, plain


def _channel(data: bytes) -> etree._Element | None:
    try:
        root = etree.fromstring(data, fastfeed._PARSER)
    except etree.XMLSyntaxError:
        return None
    return root.find("channel") if root.tag == "rss" else None


def test_every_plain_channel_of_the_corpora_reads_the_same() -> None:
    rows = _module("feed_rows_cases", ROOT / "tests" / "unit" / "test_feed_rows.py")
    plain = 0
    for name, data, _ in rows._documents():
        channel = _channel(data)
        if channel is None or not is_plain_channel(channel):
            continue
        plain += 1
        general, fast = _both(channel)
        assert fast == general, name
    assert plain >= 4  # the refresh benchmark's RSS feeds at least


def _rss(items: str, head: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{head}<rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>'
        f"{items}</channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    "items",
    [
        '<item><title a="1">x</title></item>',
        '<item xml:base="http://other.example/"><title>x</title></item>',
        "<item><author><name>n</name></author></item>",
        '<item><enclosure url="http://e.example/a.mp3"/></item>',
    ],
)
def test_items_with_attributes_or_parts_are_left_to_the_general_walk(items: str) -> None:
    channel = _channel(_rss(items))
    assert channel is not None and not is_plain_channel(channel)


def test_a_document_with_a_doctype_is_left_to_the_general_walk() -> None:
    channel = _channel(_rss("<item><title>x</title></item>", "<!DOCTYPE rss>"))
    assert channel is not None and not is_plain_channel(channel)


def test_a_plain_feed_is_read_by_the_plain_walk() -> None:
    data = _rss("<item><title>中文</title><link>http://a.example/1</link></item>")
    feed = read_feed(data, BASE, XML)
    assert feed is not None
    assert feed.entries == [
        RawEntry(
            title="中文", link="http://a.example/1", links=[("alternate", "http://a.example/1")]
        )
    ]


_TEXT_PIECES = list("ab <>&;'\"/#é中文\u0093\x85\t\n=") + [
    "&lt;b&gt;",
    "&lt;/b&gt;",
    "&lt;p&gt;",
    "&lt;/p&gt;",
    "&amp;amp;",
    "&amp;",
    "Ã©",
    "&lt;img src=&quot;a.png&quot;&gt;",
    "http://x.example/a?b=1&amp;c=2",
    "/relative/path",
    "Mon, 01 Dec 2025 08:00:00 +0800",
    "2025-12-01T08:00:00Z",
]
_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_TAGS = [
    "title",
    "link",
    "guid",
    "pubDate",
    "description",
    "author",
    "dc:creator",
    "dc:date",
    "content:encoded",
    "category",
    "comments",
    "source",
    "enclosure",
    "dc:title",
]


def _escaped(text: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_TAGS),
            st.lists(st.sampled_from(_TEXT_PIECES), max_size=6).map("".join),
        ),
        max_size=8,
    )
)
def test_any_plain_item_reads_as_the_general_walk_reads_it(
    children: list[tuple[str, str]],
) -> None:
    pieces = []
    for tag, text in children:
        body = _escaped(text).replace("&amp;lt;", "&lt;").replace("&amp;gt;", "&gt;")
        body = body.replace("&amp;amp;", "&amp;").replace("&amp;quot;", "&quot;")
        pieces.append(f"<{tag}>{body}</{tag}>")
    channel = _channel(_rss(f"<item>{''.join(pieces)}</item>"))
    if channel is None:
        return  # not XML after all (a control character): neither walk sees it
    assert is_plain_channel(channel)
    general, fast = _both(channel)
    assert fast == general
