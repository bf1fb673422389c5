"""A log-in form's labels are never an article's author.

Portals put a comment box with a log-in under the article and name its fields after the
comment's author (``class="author-name"``, ``author-tips``): the label printed beside the
field (账号, 密码, "Username") was read as the byline.
"""

from __future__ import annotations

import pytest

from suxun_tui.pages.authors import english_byline
from suxun_tui.pages.dom import parse_html
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.meta import read_meta

_PAGE = """<html><head><title>标题</title></head><body>
<h1>内地香港基金互认的市场催化效应</h1>
<div class="content"><p>{text}</p><p>{text}</p><p>{text}</p></div>
<div class="tie-author"><div class="author-name"><input type="text" class="js-username">
<div class="author-tips">{label}</div></div>
<div class="author-pwd"><input type="password"><div class="author-tips">密码</div></div>
</div></body></html>"""
_TEXT = "基金互认对两地市场的影响，正在一步步显现出来，投资者的选择也因此变得更多了。" * 3


@pytest.mark.parametrize("label", ["账号", "用户名", "Username", "昵称"])
def test_login_label_is_no_author(label: str) -> None:
    page = _PAGE.format(text=_TEXT, label=label)
    assert read_meta(parse_html(page)).bylines == []
    assert extract_article(page, "https://money.example.com/15/0702/a.html").author is None


def test_marked_byline_without_a_form_is_kept() -> None:
    page = '<html><body><p class="author-name">王帅</p><p>正文。</p></body></html>'
    assert read_meta(parse_html(page)).bylines == ["王帅"]


@pytest.mark.parametrize(
    "href",
    ["/author/jane-doe/", "https://x.example.com/authors/jane-doe", "/?author=102"],
)
def test_link_to_a_writers_page_is_a_byline(href: str) -> None:
    page = f'<html><body><p>Story.</p><a href="{href}">Jane Doe</a></body></html>'
    assert read_meta(parse_html(page)).bylines == ["Jane Doe"]


def test_link_to_the_writers_index_is_no_byline() -> None:
    page = '<html><body><a href="/authors/">Our writers</a></body></html>'
    assert read_meta(parse_html(page)).bylines == []


@pytest.mark.parametrize(
    "text", ["View all posts by Jane Doe", "More articles by Jane Doe", "Articles by Jane Doe"]
)
def test_author_links_text_names_the_writer(text: str) -> None:
    assert english_byline(text) == "Jane Doe"
