"""The copies of feedparser's tables and URL rule that the fast reader uses (feeds.fpcompat)
are feedparser's, and reading a plain feed fast loads no feedparser."""

from __future__ import annotations

import subprocess
import sys

import feedparser.mixin
import feedparser.urls

from suxun_tui.feeds.fpcompat import ACCEPTABLE_URI_SCHEMES, NAMESPACES, make_safe_absolute_uri


def test_the_tables_are_feedparsers() -> None:
    assert feedparser.mixin._FeedParserMixin.namespaces == NAMESPACES
    assert list(NAMESPACES) == list(feedparser.mixin._FeedParserMixin.namespaces)
    assert ACCEPTABLE_URI_SCHEMES == feedparser.urls.ACCEPTABLE_URI_SCHEMES


def test_safe_absolute_uris_are_feedparsers() -> None:
    bases = ["", "http://example.org/a/b.xml", "https://example.org", "javascript:x", "file:///f"]
    bases += ["http://[::1", "feed://example.org/x", "HTTP://Example.org/"]
    rels: list[str | None] = [None, "", "c.html", "/d", "//other.org/e", "javascript:alert(1)"]
    rels += ["http:///triple", "mailto:a@b", "data:text/html,x", " http://x.org ", "?q=1", "#f"]
    rels += ["http://[::1", "ftp://files.example.org/f", "HTTPS://EXAMPLE.ORG/G"]
    for base in bases:
        for rel in rels:
            ours = make_safe_absolute_uri(base, rel)
            assert ours == feedparser.urls.make_safe_absolute_uri(base, rel), (base, rel)


def test_a_plain_feed_is_read_without_importing_feedparser() -> None:
    code = (
        "import sys\n"
        "from suxun_tui.feeds.parse import parse_feed\n"
        'doc = b\'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>T</title><item><title>A</title><link>http://example.org/a</link>"
        "<pubDate>Mon, 01 Dec 2025 08:00:00 +0800</pubDate>"
        "<description>&lt;p&gt;text&lt;/p&gt;</description></item></channel></rss>'\n"
        "feed = parse_feed(doc, 'http://example.org/f.xml', 'application/rss+xml')\n"
        "print(len(feed.entries), 'feedparser' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "False"]
