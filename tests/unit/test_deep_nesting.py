"""Documents nested past libxml2's depth limit (256) keep their text.

A recovering parse used to stop at the limit without a word: 300 unclosed ``<font>`` tags
before an article left only the menu, a feed item nested 300 deep came out empty. Every
bound here is a count (text found, depth reached), never a time.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from suxun_tui.feeds.fragments import html_to_blocks, html_to_line, parse_fragment
from suxun_tui.feeds.parse import parse_feed
from suxun_tui.pages.dom import parse_html
from suxun_tui.pages.extract import extract_article
from suxun_tui.text.nesting import MAX_TREE_DEPTH, drop_deep_tags

ARTICLE = "<p>" + "这是一篇文章的正文，记者在现场看到了很多重要的事情。" * 12 + "</p>"
MENU = "<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻</a> <a href='/sports'>体育</a></div>"


def page(opening: str, times: int) -> str:
    return (
        "<html><head><title>深度测试 - 新闻网</title></head><body>"
        + MENU
        + opening * times
        + "<h1>深度测试</h1>"
        + ARTICLE
        + "<p>第二段：事情还在继续发展，我们会持续关注。</p>"
        + "</body></html>"
    )


def feed(description: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>Deep</title><guid>deep-1</guid><link>http://example.org/1</link>"
        f"<description>{description}</description></item></channel></rss>"
    ).encode()


def depth(root: etree._Element) -> int:
    deepest = 0
    for _, el in etree.iterwalk(root, events=("start",)):
        level = 0
        parent = el.getparent()
        while parent is not None:
            level += 1
            parent = parent.getparent()
        deepest = max(deepest, level)
    return deepest


@pytest.mark.parametrize("times", [300, 3_000, 100_000])
def test_unclosed_font_tags_before_the_article_keep_the_article(times: int) -> None:
    article = extract_article(page("<font color=red>", times), "http://example.org/a.html")
    text = "\n".join(block.text for block in article.blocks)
    assert "记者在现场看到了很多重要的事情" in text
    assert "事情还在继续发展" in text


@pytest.mark.parametrize("opening", ["<div>", "<blockquote>", "<ul><li>", "<table><tr><td>"])
def test_deeply_nested_blocks_keep_their_text_and_a_bounded_depth(opening: str) -> None:
    root = parse_html(page(opening, 5_000))
    text = "".join(root.itertext())
    assert "记者在现场看到了很多重要的事情" in text and "事情还在继续发展" in text
    assert depth(root) <= MAX_TREE_DEPTH + 16


def test_an_ordinary_page_is_not_flattened() -> None:
    html = page("<div>", 150)
    root = parse_html(html)
    assert depth(root) >= 150


@pytest.mark.parametrize(
    "description",
    [
        "<![CDATA[" + "<div>" * 300 + "<p>ARTICLE BODY</p>]]>",
        "&lt;font&gt;" * 300 + "&lt;p&gt;ARTICLE BODY&lt;/p&gt;",
        "<![CDATA[" + "<span>" * 50_000 + "<p>ARTICLE BODY</p>]]>",
    ],
    ids=["cdata-300", "escaped-300", "cdata-50000"],
)
def test_a_feed_item_nested_deep_keeps_its_body(description: str) -> None:
    parsed = parse_feed(feed(description), "http://example.org/feed", "application/rss+xml")
    assert [block.text for block in parsed.entries[0].blocks] == ["ARTICLE BODY"]


def test_fragments_and_titles_nested_deep_keep_their_text() -> None:
    blocks = html_to_blocks("<blockquote>" * 400 + "<p>quoted</p><p>again</p>")
    assert [block.text for block in blocks] == ["quoted", "again"]
    assert html_to_line("<b>" * 400 + "A title") == "A title"
    assert depth(parse_fragment("<em>" * 5_000 + "x")) <= MAX_TREE_DEPTH + 16


def test_dropping_deep_tags_keeps_every_character_of_text() -> None:
    markup = "<div>a" * 3_000 + "<p>middle</p>" + "</div>z" * 3_000
    shallower = drop_deep_tags(markup, 256)
    assert shallower.count("<div>") == 256
    assert re.sub("<[^>]*>", "", shallower) == "a" * 3_000 + "middle" + "z" * 3_000
