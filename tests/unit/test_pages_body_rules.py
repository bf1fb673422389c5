"""Body rules that Chinese (and English) news pages of any site need.

Each page here is written by hand around one rule: a sentence about copyright is text while
a copyright notice is not, a table of links is a link list, and a heading that counts the
comments ends the article even when the thread below is longer than the article.
"""

from __future__ import annotations

from suxun_tui.pages.boilerplate import is_boilerplate, is_tail_marker
from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.html_blocks import linearize

PROSE = "这是一段新闻正文，内容足够长，用来充当文章的主体部分。" * 3
MORE = "第二段正文接着讲述事情的经过，同样足够长，读者需要读到它。" * 3


def _texts(html: str) -> list[str]:
    return [b.text for b in extract_article(html, "https://news.example.cn/a/1.html").blocks]


def test_a_sentence_about_copyright_owners_is_text() -> None:
    owners = "美国唱片工会表示：“播客在使用其它音乐时，一定要获得版权所有者或制作人的许可。”"
    assert not is_boilerplate(owners) and not is_tail_marker(owners)
    assert is_boilerplate("本网站版权所有，未经许可不得转载")
    page = f"""<html><body><div id="main"><p>{PROSE}</p><p>{PROSE}</p>
    <p>{owners}</p><p>版权所有 © 2024 某某新闻网</p></div></body></html>"""
    texts = _texts(page)
    assert owners in texts
    assert not any("某某新闻网" in t for t in texts)


def test_the_noun_copyright_in_a_sentence_is_text_and_a_notice_is_not() -> None:
    sentence = "In fact, no sooner had the copyright run out on the design than others made it."
    assert not is_boilerplate(sentence)
    for notice in ("Copyright © 2024 Example Media.", "Copyright 2013 Example", "COPYRIGHT"):
        assert is_boilerplate(notice), notice


def test_a_table_of_links_is_a_link_list() -> None:
    rows = "".join(
        f'<tr><td><a href="/r/{i}a">相关新闻标题之{i}甲</a></td>'
        f'<td><a href="/r/{i}b">相关新闻标题之{i}乙</a></td></tr>'
        for i in range(3)
    )
    data = "<tr><td>年份</td><td>产量</td></tr><tr><td>2023</td><td>120万吨</td></tr>"
    page = f"""<html><body><div id="main"><p>{PROSE}</p>
    <table>{data}</table><p>{PROSE}</p><table>{rows}</table></div></body></html>"""
    blocks = linearize(clean_tree(parse_html(page)), "https://news.example.cn/")
    tables = [b for b in blocks if b.kind == "table"]
    assert [round(b.link_density, 1) for b in tables][0] == 0.0
    assert tables[1].link_density > 0.7
    texts = _texts(page)
    assert any("120万吨" in t for t in texts)
    assert not any("相关新闻标题" in t for t in texts)


def test_a_heading_counting_comments_ends_the_article_before_a_longer_thread() -> None:
    comment = "网友的评论内容很长很长，转贴了另一篇文章的全文，比正文还要长得多。" * 6
    for heading in (
        "<h3>《市政府召开常务会议》已有2件评论</h3>",
        '<h3 id="comments">《市政府召开常务会议》已有2件评论</h3>',
        "<h3>共2条评论</h3>",
    ):
        page = f"""<html><body><div id="main"><h1>市政府召开常务会议</h1>
        <p>{PROSE}</p><p>{MORE}</p>{heading}
        <ol><li><p>{comment}</p></li><li><p>{comment}</p></li></ol></div></body></html>"""
        texts = _texts(page)
        assert PROSE in texts and MORE in texts, heading
        assert not any("网友的评论" in t for t in texts), heading


def test_a_comment_count_before_any_prose_ends_nothing() -> None:
    page = f"""<html><body><div id="main"><p>共3条评论</p>
    <p>{PROSE}</p><p>{MORE}</p></div></body></html>"""
    texts = _texts(page)
    assert PROSE in texts and MORE in texts


def test_the_headline_printed_in_a_paragraph_under_a_title_with_the_sites_name_goes() -> None:
    for title, headline in (
        ("多维博客 » 播客热潮迅速蔓延 挑逗传统传媒业", "播客热潮迅速蔓延 挑逗传统传媒业"),
        ("社会资本与再就业(页 1) - 学术前沿 - 某某论坛", "社会资本与再就业"),
    ):
        # The page prints its whole <title> in a bar above the region (a forum's archive
        # view), which is then the title found; the region prints the headline twice.
        page = f"""<html><head><title>{title}</title></head><body><p>{title}</p>
        <div id="main"><p>{headline}</p><p>{headline}</p><p>{PROSE}</p><p>{MORE}</p></div>
        </body></html>"""
        texts = _texts(page)
        assert headline not in texts, title
        assert PROSE in texts and MORE in texts


def test_a_line_inside_the_title_that_is_not_its_headline_stays() -> None:
    page = f"""<html><head><title>Vengeance 64GB (4 x 16GB) DDR5 Memory | Shop</title></head>
    <body><div id="main"><p>64GB (4 x 16GB)</p><p>{PROSE}</p><p>{MORE}</p></div></body></html>"""
    assert "64GB (4 x 16GB)" in _texts(page)


def test_a_moment_and_its_weekday_above_the_text_leave_it() -> None:
    for line in ("Saturday, September 10th, 2005 10:56 am", "2005年9月10日 星期六 10:56"):
        page = f"""<html><body><div id="main"><p>{line}</p>
        <p>{PROSE}</p><p>{MORE}</p></div></body></html>"""
        assert _texts(page) == [PROSE, MORE], line


def test_a_papers_byline_on_its_own_line_is_a_field_not_text() -> None:
    for line, names in (
        ("本报实习生 刘国栋 周炜", "刘国栋 周炜"),
        ("本报记者罗科苏盈发自北京", "罗科苏盈"),
        ("本报记者 张三 北京报道", None),
    ):
        page = f"""<html><body><div id="main"><p>专家说，宏观政策应该相对稳定</p>
        <p>{line}</p><p>{PROSE}</p><p>{MORE}</p></div></body></html>"""
        article = extract_article(page, "https://news.example.cn/a/1.html")
        assert line not in [b.text for b in article.blocks], line
        if names:
            assert article.author == names
    sentence = "本报记者从市教育局获悉"
    page = f"""<html><body><div id="main"><p>{sentence}</p>
    <p>{PROSE}</p><p>{MORE}</p></div></body></html>"""
    assert sentence in _texts(page)
