"""Links inside paragraphs: kept as spans of the stored text, read back from old rows too."""

from __future__ import annotations

import json

import pytest

from suxun_tui.feeds.fastblocks import simple_blocks
from suxun_tui.feeds.fragments import html_to_blocks
from suxun_tui.models import ArticleDetail, Block
from suxun_tui.pages.extract import extract_article
from suxun_tui.store.codec import decode_blocks, encode_blocks
from suxun_tui.text.export import article_links, article_markdown, article_text, numbered_text
from suxun_tui.text.linkspans import marked_text, spans_of_labels

BASE = "https://example.org/post/1"


def linked(block: Block) -> list[tuple[str, str]]:
    return [(block.text[start:end], href) for start, end, href in block.links]


def test_feed_html_keeps_each_link_as_a_span_of_the_cleaned_text() -> None:
    html = (
        '<p>I like cats.  <a href="/c">cats</a> are\n<b><a href="https://x.org/d"> great'
        "   dogs </a></b>!</p>"
    )
    (block,) = html_to_blocks(html, BASE)
    assert block.text == "I like cats. cats are great dogs !"
    assert linked(block) == [("cats", "https://example.org/c"), ("great dogs", "https://x.org/d")]
    assert block.links[0][:2] == (13, 17)  # the linked cats, not the first word


def test_anchors_scripts_and_empty_links_are_not_kept() -> None:
    html = '<p><a href="#top">top</a> <a href="javascript:go()">go</a> <a href="/e"> </a>x</p>'
    (block,) = html_to_blocks(html, BASE)
    assert block.text == "top go x" and block.links == ()


def test_a_link_around_paragraphs_is_a_span_in_each() -> None:
    blocks = html_to_blocks('<a href="/z"><p>one</p><p>two</p></a>', BASE)
    assert [linked(b) for b in blocks] == [
        [("one", "https://example.org/z")],
        [("two", "https://example.org/z")],
    ]


def test_text_is_the_same_with_or_without_links() -> None:
    """An invisible link (a zero-width space) cannot change the stored text: it is dropped."""
    with_link = html_to_blocks('<p>a <a href="/q">\u200b</a> b</p>', BASE)
    without = html_to_blocks("<p>a <span>\u200b</span> b</p>", BASE)
    assert [b.text for b in with_link] == [b.text for b in without] == ["a b"]
    assert with_link[0].links == ()


def test_marked_text_drops_spans_when_the_marks_would_change_the_text() -> None:
    def upper(text: str) -> str:
        return text.replace("\U000f0000", "")  # a cleaner that eats an opening mark

    text, spans = marked_text(["a ", "b", " c"], [(1, 2, "https://x.org/")], upper)
    assert text == "a b c" and spans == ()


@pytest.mark.parametrize(
    "html",
    [
        '<p>see <a href="https://x.org/">this</a> and <b><a href="http://y.org/a">that</a></b></p>',
        '<p>读<a href="https://x.org/">这篇</a><a href="#top">顶部</a><a name="n">锚</a>。</p>',
        '<p><a href="https://x.org/">one</a></p><p>two <a href="https://y.org/">2</a></p>',
    ],
)
def test_the_fast_path_finds_the_same_links_as_the_converter(html: str) -> None:
    fast = simple_blocks(html)
    assert fast is not None and any(b.links for b in fast)
    assert fast == html_to_blocks(html, BASE)


@pytest.mark.parametrize(
    "html",
    [
        '<p>see <a href="/relative">this</a></p>',  # joined with the base by the converter
        '<p>see <a href="https://x.org/"> this</a></p>',  # a space at the link's edge
        '<p>see <a href="https://x.org/">this <a href="https://y.org/">that</a></a></p>',
        '<p>two <a href="https://y.org/"></a></p>',  # an empty link at the end: a space left
    ],
)
def test_the_fast_path_leaves_harder_links_to_the_converter(html: str) -> None:
    assert simple_blocks(html) is None


def test_spans_survive_the_store_and_old_rows_read_without_them() -> None:
    block = Block("paragraph", "read this now", links=((5, 9, "https://x.org/"),))
    assert decode_blocks(encode_blocks([block])) == (block,)
    old = json.dumps([["paragraph", "read this now"], ["image", "", "https://x.org/p.png", 0]])
    assert decode_blocks(old) == (
        Block("paragraph", "read this now"),
        Block("image", "", "https://x.org/p.png"),
    )
    broken = '[["paragraph","abc",null,0,[[0,99,"https://x.org/"],[2,1,"u"],"x",[0,1,7]]]]'
    assert decode_blocks(broken) == (Block("paragraph", "abc"),)


def test_inline_links_are_numbered_after_the_article_s_own_and_in_exports() -> None:
    blocks = html_to_blocks('<p>读<a href="/x">这篇报道</a>和<a href="/y">那篇</a>。</p>', BASE)
    detail = ArticleDetail(1, 1, "S", "feed", "标题", BASE, "2025-12-28T10:00:00Z", False, False)
    detail = ArticleDetail(**{**detail.__dict__, "blocks": blocks})
    numbers = [(link.number, link.url, link.label) for link in article_links(detail)]
    assert numbers == [
        (1, BASE, "article"),
        (2, "https://example.org/x", "这篇报道"),
        (3, "https://example.org/y", "那篇"),
    ]
    by_url = {link.url: link.number for link in article_links(detail)}
    assert numbered_text(blocks[0], by_url) == "读这篇报道[2]和那篇[3]。"
    assert "读这篇报道[2]和那篇[3]。" in article_text(detail)
    assert "[3] https://example.org/y" in article_text(detail)
    assert "这篇报道\\[2\\]" in article_markdown(detail)


def test_extracted_pages_keep_their_inline_links() -> None:
    paragraph = (
        "<p>这是第{i}段正文，内容很长很长，说明了很多事情。详见"
        '<a href="/more/{i}">相关报道</a>，以及更多的文字，让它看起来像正文。</p>'
    )
    html = "<html><body><article><h1>标题</h1>{}</article></body></html>".format(
        "".join(paragraph.format(i=i) for i in range(6))
    )
    article = extract_article(html, "https://ex.cn/a/1.html")
    spans = [linked(b) for b in article.blocks if b.kind == "paragraph"]
    assert spans[0] == [("相关报道", "https://ex.cn/more/0")]
    assert spans[5] == [("相关报道", "https://ex.cn/more/5")]


def test_labels_are_found_in_order_and_missing_ones_skipped() -> None:
    text = "cats and dogs and cats"
    found = spans_of_labels(text, [("u1", "dogs"), ("u2", "birds"), ("u3", "cats")])
    assert found == ((9, 13, "u1"), (18, 22, "u3"))


def test_a_converter_that_changes_lengths_keeps_each_number_after_its_link() -> None:
    block = Block("paragraph", "读这篇报道和那篇。", links=((1, 5, "u1"), (6, 8, "u2")))

    def longer(text: str) -> str:  # a phrase converter may change a text's length
        return text.replace("这", "這個").replace("那", "那個")

    assert numbered_text(block, {"u1": 2, "u2": 3}, longer) == "读這個篇报道[2]和那個篇[3]。"
