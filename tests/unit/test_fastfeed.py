"""The fast lxml feed reader must store exactly what the feedparser route stores.

Every document is parsed twice — once as usual (fast path where it applies) and once with
the fast path switched off — and the resulting entries (guid, title, link, date, author,
blocks, summary flag), feed title and ttl must be equal. The newsboat corpus is used when
``../shared`` is present; the hand-written feeds below cover the quirks of feedparser the
fast path mirrors.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from suxun_tui.feeds import parse as feeds
from suxun_tui.feeds.fastfeed import read_feed
from suxun_tui.feeds.parse import FeedError, parse_feed
from suxun_tui.models import ParsedFeed

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "newsboat-feeds"
URL = "http://news.example.cn/feeds/main.xml"
XML = "application/rss+xml; charset=utf-8"


def slow_parse(
    data: bytes, url: str, ctype: str | None, monkeypatch: pytest.MonkeyPatch
) -> ParsedFeed:
    with monkeypatch.context() as patch:
        patch.setattr(feeds, "read_feed", lambda *args: None)
        return parse_feed(data, url, ctype)


def assert_same(
    data: bytes, monkeypatch: pytest.MonkeyPatch, url: str = URL, ctype: str | None = XML
) -> bool:
    """Both routes agree; returns whether the fast route was taken."""
    fast = parse_feed(data, url, ctype)
    slow = slow_parse(data, url, ctype, monkeypatch)
    assert (fast.title, fast.ttl_minutes) == (slow.title, slow.ttl_minutes)
    assert len(fast.entries) == len(slow.entries)
    for mine, theirs in zip(fast.entries, slow.entries, strict=True):
        assert mine == theirs
    return read_feed(data, url, ctype) is not None


CORPUS_FILES = (
    sorted(CORPUS.glob("*.xml")) + sorted(CORPUS.glob("*.atom")) if CORPUS.is_dir() else []
)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_feed_is_stored_the_same_by_both_routes(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = path.read_bytes()
    for ctype in (None, "application/xml", "text/xml"):
        try:
            assert_same(data, monkeypatch, ctype=ctype)
        except FeedError:
            with pytest.raises(FeedError):
                slow_parse(data, URL, ctype, monkeypatch)


DEMO = Path(__file__).resolve().parents[2] / "src" / "suxun_tui" / "demo" / "site"


@pytest.mark.parametrize(
    "path", sorted(DEMO.glob("*.xml")) + sorted(DEMO.glob("*.atom")), ids=lambda p: p.name
)
def test_demo_feeds_take_the_fast_route_and_match(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert assert_same(path.read_bytes(), monkeypatch, url=path.as_uri(), ctype=None)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_most_of_the_corpus_takes_the_fast_route() -> None:
    fast = [p.name for p in CORPUS_FILES if read_feed(p.read_bytes(), URL, "application/xml")]
    assert len(fast) >= len(CORPUS_FILES) // 2, fast


RSS_QUIRKS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:x="http://example.org/unknown">
<channel>
<title>  新闻 &amp;amp; 评论 <!-- a comment --> </title>
<link>http://news.example.cn/</link>
<ttl> 30 </ttl>
<image><title>Logo</title><url>http://news.example.cn/logo.png</url><link>http://news.example.cn/</link></image>
<item>
  <title><![CDATA[<b>粗体</b> 标题 &amp; more]]></title>
  <link>/articles/1.html?a=1&amp;b=2</link>
  <guid>relative-guid-1</guid>
  <pubDate>Mon, 29 Dec 2025 12:34:00 +0800</pubDate>
  <dc:creator>王帥</dc:creator>
  <description><![CDATA[<p>第一段。</p><p>第二段 <img src="/img/a.png" alt="图"> 结束</p>]]></description>
  <x:views>12</x:views>
</item>
<item>
  <guid isPermaLink="false">urn:x:2</guid>
  <title>Smart &#147;quotes&#148; and caf&#195;&#169;</title>
  <author>editor@example.cn (Editor Li)</author>
  <author>second@example.cn</author>
  <dc:date>2025-12-28T08:00:00Z</dc:date>
  <content:encoded><![CDATA[<h2>小标题</h2><ul><li>一</li><li>二</li></ul><blockquote>引用</blockquote>]]></content:encoded>
  <description>A short summary</description>
  <category>要闻</category><comments>http://news.example.cn/c/2</comments>
  <enclosure url="http://news.example.cn/a.mp3" length="1" type="audio/mpeg"/>
</item>
<item>
  <description>Only a description, no title, no link, no guid, and a long one. ${long}</description>
  <media:title>Media title ignored?</media:title>
</item>
<item>
  <title></title><media:title>媒体标题</media:title>
  <link></link><guid>http://news.example.cn/g/4</guid>
  <pubDate>not a date</pubDate><dc:date>2025-12-01</dc:date>
  <source url="http://other.example/feed">Other</source><title>Later title</title>
</item>
<item><title>Tom &amp; Jerry &lt;3</title><link>http://news.example.cn/5</link><author></author></item>
</channel></rss>
""".replace("${long}", "词" * 500)

ATOM_QUIRKS = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh">
<title type="html">Atom &lt;i&gt;新闻&lt;/i&gt;</title>
<entry>
  <title type="text">Plain &lt;b&gt;text&lt;/b&gt;</title>
  <id>tag:example.cn,2025:1</id>
  <link rel="alternate" type="text/html" href="/a/1.html"/>
  <link rel="enclosure" href="http://news.example.cn/a.mp3"/>
  <updated>2025-12-28T08:00:00+08:00</updated><published>2025-12-27T08:00:00.123Z</published>
  <author><name>李四</name><email>li@example.cn</email></author>
  <content type="html">&lt;p&gt;正文 &lt;img src="pic.jpg"&gt;&lt;/p&gt;</content>
  <summary>摘要</summary>
</entry>
<entry>
  <id>http://news.example.cn/a/2</id>
  <title>Second</title>
  <link rel="alternate" type="application/pdf" href="http://news.example.cn/a/2.pdf"/>
  <summary type="text">Only text &amp; no markup</summary>
  <author><email>anon@example.cn</email></author>
  <contributor><name>Someone</name></contributor>
</entry>
<entry><id>urn:uuid:3</id><title>Third</title><author><name></name></author>
  <content>plain content</content><updated>2025-13-45T99:00:00Z</updated></entry>
</feed>
"""

RDF_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://news.example.cn/"><title>RDF 频道</title><link>http://news.example.cn/</link>
<items><rdf:Seq><rdf:li rdf:resource="http://news.example.cn/r/1"/></rdf:Seq></items></channel>
<item rdf:about="http://news.example.cn/r/1"><title>RDF one</title><link>http://news.example.cn/r/1</link>
<dc:date>2025-12-20T10:00:00+08:00</dc:date><dc:creator>赵六</dc:creator><description>&lt;p&gt;RDF body&lt;/p&gt;</description></item>
<item rdf:about="http://news.example.cn/r/2"><title>RDF two</title></item>
</rdf:RDF>
"""


@pytest.mark.parametrize("doc", [RSS_QUIRKS, ATOM_QUIRKS, RDF_FEED], ids=["rss", "atom", "rdf"])
@pytest.mark.parametrize("ctype", [XML, "text/xml", None])
def test_quirky_feeds_take_the_fast_route_and_match(
    doc: str, ctype: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert assert_same(doc.encode("utf-8"), monkeypatch, ctype=ctype)


@pytest.mark.parametrize(
    "doc",
    [
        '<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>x</title></channel></rss>',
        '<!DOCTYPE rss SYSTEM "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>x&nbsp;y</title></channel></rss>',
        '<rss version="2.0"><channel><title>broken<item></channel></rss>',
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x</div></title></entry></feed>',
        '<rss version="2.0"><channel><item><media:group xmlns:media="http://search.yahoo.com/mrss/"><media:title>t</media:title></media:group></item></channel></rss>',
    ],
    ids=["gb2312", "doctype", "broken", "xhtml", "media-group"],
)
def test_documents_outside_the_fast_subset_fall_back(
    doc: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = doc.encode("utf-8")
    assert read_feed(data, URL, "application/xml") is None
    assert parse_feed(data, URL, "application/xml") == slow_parse(
        data, URL, "application/xml", monkeypatch
    )


def test_undeclared_encoding_without_content_type_falls_back() -> None:
    """feedparser guesses iso-8859-1 for such files; only feedparser can match itself."""
    assert read_feed(b'<rss version="2.0"><channel/></rss>', URL, None) is None


_PIECES = list("ab <>&;'\"/#é中文\u0093\x85\t\n=") + [
    "&amp;",
    "&#147;",
    "&#233;",
    "&nbsp;",
    "&foo;",
    "</b>",
    "<p>",
    "<br>",
    "Ã©",
    "<!--",
    "-->",
    '<img src="x.png" alt="图">',
    "<a href='/p?a=1&b=2'>",
    "http://",
    "<li>",
    "<pre>",
    "<script>",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


@settings(max_examples=int(os.environ.get("FASTFEED_EXAMPLES", "150")), deadline=None)
@given(title=_TEXT, body=_TEXT, author=_TEXT, guid=_TEXT, link=_TEXT)
def test_any_escaped_text_is_read_the_same(
    title: str, body: str, author: str, guid: str, link: str
) -> None:
    from xml.sax.saxutils import escape

    item = "".join(
        f"<{tag}>{escape(value)}</{tag}>"
        for tag, value in (
            ("title", title),
            ("description", body),
            ("author", author),
            ("guid", guid),
            ("link", link),
        )
    )
    data = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title><item>{item}</item></channel></rss>'.encode()
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same(data, monkeypatch)


_HTML_PIECES = list("ab 中文\u3000\xa0\t\n\r\x85\x1f\u200b;#&<>\"'=") + [
    "<p>",
    "</p>",
    '<p class="x">',
    "<br>",
    "<br/>",
    "<br />",
    "<b>",
    "</b>",
    '<a href="/x">',
    "</a>",
    "&amp;",
    "&nbsp;",
    "&ldquo;",
    "&#147;",
    "&#12345;",
    "&#x4e2d;",
    "&foo;",
    "&#0;",
    "<img src=x>",
    "<li>",
    "<code>",
    "</code>",
    "<kbd>",
    "</kbd>",
    "<tt>",
    "</tt>",
    "<pre>",
    "</pre>",
    "<!-- c -->",
    "<P>",
    "</div>",
    "  ",
]


@settings(max_examples=int(os.environ.get("FASTFEED_EXAMPLES", "150")), deadline=None)
@given(pieces=st.lists(st.sampled_from(_HTML_PIECES), max_size=30))
def test_simple_blocks_match_the_full_converter(pieces: list[str]) -> None:
    from suxun_tui.feeds.fastblocks import simple_blocks
    from suxun_tui.feeds.fragments import html_to_blocks

    fragment = "".join(pieces)
    for candidate in (fragment, f"<p>{fragment}</p>", f"<p>{fragment}</p>\n<p>{fragment}</p>"):
        fast = simple_blocks(candidate)
        if fast is not None:
            assert fast == html_to_blocks(candidate, "http://x/"), candidate


def test_simple_blocks_take_plain_paragraphs() -> None:
    from suxun_tui.feeds.fastblocks import simple_blocks

    assert simple_blocks("<p>第一段 <b>粗</b>&nbsp;体</p>\n<p>second<br>line</p>") is not None
    assert simple_blocks("<p>a</p><img src='x.png'>") is None


_DATES = st.one_of(
    st.builds(
        "{}, {:02d} {} {:04d} {:02d}:{:02d}:{:02d} {}".format,
        st.sampled_from(["Mon", "Sat", "Thu"]),
        st.integers(0, 32),
        st.sampled_from(["Jan", "Feb", "Oct", "Dec"]),
        st.integers(1985, 2030),
        st.integers(0, 25),
        st.integers(0, 60),
        st.integers(0, 61),
        st.sampled_from(["+0000", "+0800", "-0500", "GMT", "Z", "EST", ""]),
    ),
    st.builds(
        "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}{}".format,
        st.integers(1985, 2030),
        st.integers(0, 13),
        st.integers(0, 32),
        st.integers(0, 25),
        st.integers(0, 60),
        st.integers(0, 61),
        st.sampled_from(["", ".5", ".123456"]),
        st.sampled_from(["Z", "+08:00", "-05:30", "", "+0800"]),
    ),
    _TEXT,
)


@settings(max_examples=int(os.environ.get("FASTFEED_EXAMPLES", "150")), deadline=None)
@given(published=_DATES, updated=_DATES)
def test_any_date_is_stored_the_same(published: str, updated: str) -> None:
    from xml.sax.saxutils import escape

    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>'
        f"<item><title>a</title><pubDate>{escape(published)}</pubDate></item>"
        f"<item><title>b</title><dc:date>{escape(updated)}</dc:date></item></channel></rss>"
    )
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>t</title><entry><id>x</id><title>a</title><updated>{escape(updated)}</updated>"
        f"<published>{escape(published)}</published></entry></feed>"
    )
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert assert_same(rss.encode(), monkeypatch)
        assert assert_same(atom.encode(), monkeypatch)
