"""Addresses urllib cannot read (an unclosed IPv6 bracket) never stop a feed's parse."""

from __future__ import annotations

import json

from suxun_tui.feeds.parse import FeedError, parse_feed


def test_a_json_feed_item_with_an_unreadable_link_keeps_its_picture() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "T",
        "items": [{"id": "1", "url": "http://[::1", "content_html": "<p>Hi</p><img src=/i.png>"}],
    }
    parsed = parse_feed(json.dumps(doc).encode(), "http://e/feed.json", "application/json")
    [entry] = parsed.entries
    assert [b.kind for b in entry.blocks] == ["paragraph", "image"]


def test_a_web_page_linking_an_unreadable_feed_address_is_still_explained() -> None:
    page = (
        b"<!doctype html><html><head><link rel='alternate' type='application/rss+xml'"
        b" href='http://[::1/feed'><link rel='alternate' type='application/rss+xml'"
        b" href='/rss.xml'></head><body>hi</body></html>"
    )
    try:
        parse_feed(page, "http://e/", "text/html")
    except FeedError as exc:
        assert "http://e/rss.xml" in str(exc)
    else:
        raise AssertionError("a web page is not a feed")
