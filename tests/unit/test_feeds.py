"""Feed parsing: every format we promise, odd feeds, and HTML turned into blocks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from suxun_tui.feeds.fragments import html_to_blocks
from suxun_tui.feeds.parse import FeedError, parse_feed

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "newsboat-feeds"

RSS20 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Demo \x1b]0;evil\x07</title><ttl>30</ttl>
<item><title>First</title><link>/a/1</link><guid>g1</guid>
<pubDate>Mon, 29 Dec 2025 12:34:00 +0800</pubDate>
<content:encoded><![CDATA[<p>Hello <b>world</b></p><img src="/i.png" alt="pic"><script>x()</script>]]></content:encoded></item>
<item><link>http://example.org/2</link><description>only a summary</description>
<pubDate>Mon, 29 Dec 2099 12:34:00 +0800</pubDate></item>
<item><description>no link no title no guid</description></item>
</channel></rss>"""


def test_rss20_items_dates_links_blocks() -> None:
    feed = parse_feed(RSS20, "http://example.org/feed.xml")
    assert feed.title == "Demo" and feed.ttl_minutes == 30
    first, second, third = feed.entries
    assert first.guid.endswith("g1") and first.url == "http://example.org/a/1"
    assert first.published == "2025-12-29T04:34:00Z"
    assert [(b.kind, b.text) for b in first.blocks] == [
        ("paragraph", "Hello world"),
        ("image", "pic"),
    ]
    assert first.blocks[1].url == "http://example.org/i.png"
    assert not first.summary_only
    # no title: taken from the text; far-future date: dropped (store uses first-seen time)
    assert second.title == "only a summary" and second.published is None and second.summary_only
    assert second.guid == "http://example.org/2"
    # no id, no link: a content hash keeps it unique and stable
    assert (
        third.guid
        and third.guid == parse_feed(RSS20, "http://example.org/feed.xml").entries[2].guid
    )


def test_atom_and_rdf() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
    <entry><id>urn:1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; title</title><updated>2025-01-02T03:04:05Z</updated>
    <author><name>Ann</name></author><link rel="alternate" href="http://e/1"/><content type="html">&lt;h2&gt;Head&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;/ul&gt;</content></entry></feed>"""
    feed = parse_feed(atom, "http://e/atom")
    (e,) = feed.entries
    assert (e.guid, e.url, e.author, e.published) == (
        "urn:1",
        "http://e/1",
        "Ann",
        "2025-01-02T03:04:05Z",
    )
    assert e.title == "Bold title"
    assert [(b.kind, b.text, b.level) for b in e.blocks] == [
        ("heading", "Head", 2),
        ("list_item", "one", 0),
    ]
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
    <channel rdf:about="http://e/"><title>R</title></channel><item rdf:about="http://e/x"><title>X</title><link>http://e/x</link></item></rdf:RDF>"""
    assert [i.title for i in parse_feed(rdf, "http://e/rdf").entries] == ["X"]


def test_json_feed() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "J",
        "items": [
            {
                "id": "1",
                "url": "/p/1",
                "title": "One",
                "content_html": "<p>a</p><p>b</p>",
                "date_published": "2025-12-29T12:34:00+08:00",
                "authors": [{"name": "王帅"}],
            },
            {"id": "2", "content_text": "plain\n\nsecond", "date_modified": "2025-12-01T00:00:00Z"},
            "not an object",
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), "http://e/feed.json")
    one, two = feed.entries
    assert (one.url, one.author, one.published) == ("http://e/p/1", "王帅", "2025-12-29T04:34:00Z")
    assert [b.text for b in one.blocks] == ["a", "b"]
    assert [b.text for b in two.blocks] == ["plain", "second"] and two.title == "plain"
    with pytest.raises(FeedError, match="JSON Feed"):
        parse_feed(b'{"no": "items"}', "http://e/x.json")


def test_html_page_points_to_its_feed() -> None:
    page = b"""<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>hi</body></html>"""
    with pytest.raises(
        FeedError, match=r"web page, not a feed; it links to the feed http://e/rss.xml"
    ):
        parse_feed(page, "http://e/index.html")
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b"\x00\x01\x02garbage" * 50, "http://e/bin")


def test_gbk_feed_without_mojibake() -> None:
    xml = '<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>江苏新闻</title><item><title>南京地铁开通</title><link>http://e/1</link></item></channel></rss>'
    feed = parse_feed(xml.encode("gbk"), "http://e/gbk.xml")
    assert feed.title == "江苏新闻" and feed.entries[0].title == "南京地铁开通"


def test_html_blocks_structure() -> None:
    blocks = html_to_blocks(
        "<div><p>一<br>二</p><blockquote><p>quoted</p></blockquote><pre>a  b\n c</pre>"
        "<table><tr><th>k</th><td>v</td></tr></table><ruby>關<rp>(</rp><rt>guān</rt><rp>)</rp></ruby>注</div>"
    )
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "一\n二"),
        ("quote", "quoted"),
        ("code", "a  b\n c"),  # code keeps its spaces and indents
        ("table", "k | v"),
        ("paragraph", "關注"),
    ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_newsboat_corpus_feeds_parse_without_exceptions() -> None:
    parsed = 0
    files = sorted(CORPUS.glob("*.xml")) + sorted(CORPUS.glob("*.atom"))
    for path in files:
        try:
            feed = parse_feed(path.read_bytes(), path.as_uri())
        except FeedError:
            continue
        parsed += 1
        for e in feed.entries:
            assert e.guid and e.title
    assert parsed >= len(files) * 4 // 5, f"{parsed} of {len(files)} feeds parsed"  # 17 of 18


def test_relative_links_in_a_local_feed_stay_local_paths(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<rss version="2.0"><channel><title>L</title><item><title>a</title><link>pages/a.html</link></item></channel></rss>'
    )
    (entry,) = parse_feed(feed.read_bytes(), feed.as_uri()).entries
    assert entry.url == (tmp_path / "pages" / "a.html").as_uri()
