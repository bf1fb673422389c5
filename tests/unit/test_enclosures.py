"""Podcast and video enclosures: RSS, Atom and JSON Feed, the same by both XML routes."""

from __future__ import annotations

import json

import pytest

from suxun_tui.feeds.media import MAX_MEDIA, media_blocks
from suxun_tui.feeds.parse import parse_feed
from suxun_tui.models import Block, blocks_to_plain
from tests.unit.test_fastfeed import assert_same

URL = "https://pod.example.org/feed.xml"
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>播客</title>
<item><guid>ep1</guid><title>第一期</title><link>https://pod.example.org/1</link>
<description>&lt;p&gt;节目介绍。&lt;/p&gt;</description>
<enclosure url="/audio/ep%201.mp3" length="123" type="audio/mpeg"/>
<enclosure url="https://pod.example.org/cover.jpg" type="image/jpeg"/>
<enclosure url="javascript:alert(1)" type="audio/mpeg"/>
</item></channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Video</title><id>urn:v</id>
<updated>2025-12-01T00:00:00Z</updated>
<entry><id>urn:v:1</id><title>One</title><updated>2025-12-01T00:00:00Z</updated>
<link rel="alternate" href="https://v.example.org/1"/>
<link rel="enclosure" type="video/mp4" href="https://v.example.org/one.mp4"/>
<summary>Watch.</summary></entry></feed>"""


def test_rss_enclosures_are_listed_at_the_end_of_the_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = parse_feed(RSS.encode(), URL).entries[0]
    assert entry.blocks[-1] == Block(
        "media", "ep 1.mp3", "https://pod.example.org/audio/ep%201.mp3"
    )
    assert [b.kind for b in entry.blocks] == ["paragraph", "media"]  # no picture, no script
    assert blocks_to_plain(entry.blocks).endswith(
        "[音频: ep 1.mp3] https://pod.example.org/audio/ep%201.mp3"
    )
    assert assert_same(RSS.encode(), monkeypatch, URL)  # the fast route, agreeing


def test_atom_enclosure_links_are_kept_by_both_routes(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = parse_feed(ATOM.encode(), URL, "application/atom+xml").entries[0]
    assert entry.blocks[-1] == Block("media", "one.mp4", "https://v.example.org/one.mp4")
    assert entry.blocks[-1].as_plain().startswith("[视频: one.mp4]")
    assert_same(ATOM.encode(), monkeypatch, URL, "application/atom+xml")


def test_json_feed_attachments_become_media_blocks() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "J",
        "items": [
            {
                "id": "1",
                "url": "https://j.example.org/1",
                "content_text": "Hi.",
                "attachments": [
                    {"url": "/ep.m4a", "mime_type": "audio/x-m4a"},
                    {"url": "https://j.example.org/p.png", "mime_type": "image/png"},
                    "not an object",
                ],
            }
        ],
    }
    data = json.dumps(document).encode()
    entry = parse_feed(data, "https://j.example.org/feed.json", "application/feed+json").entries[0]
    assert entry.blocks[-1] == Block("media", "ep.m4a", "https://j.example.org/ep.m4a")
    assert [b.kind for b in entry.blocks].count("media") == 1


def test_a_flood_of_enclosures_is_cut() -> None:
    urls = [f"https://x.example.org/{i}.mp3" for i in range(500)] * 2
    assert len(media_blocks(urls)) == MAX_MEDIA
