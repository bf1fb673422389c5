"""A labelled author that names nobody (作者：未知, 网络整理, 佚名) is no author.

The page credits no writer then, and the reader is better served by the editor it names
(or another byline) than by the word "unknown" shown as a name.
"""

from __future__ import annotations

import pytest

from suxun_tui.pages.authors import choose_author
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.meta import PageMeta

_TEXT = "游戏发售之后玩家的评价一直很高，销量也在节节攀升，开发者表示还会继续更新内容。" * 3


@pytest.mark.parametrize("value", ["未知", "网络整理", "佚名", "不详", "Unknown", "本站"])
def test_labelled_nobody_is_no_author(value: str) -> None:
    assert choose_author(value, [], [], PageMeta()) is None


def test_labelled_person_is_the_author() -> None:
    assert choose_author("王帅", [], [], PageMeta()) == "王帅"


def test_unknown_author_leaves_the_editor() -> None:
    page = (
        "<html><head><title>新作发售</title></head><body><h1>新作发售</h1>"
        "<p>2019-09-05 11:10 来源：游民星空 作者：未知 责任编辑：棒棒不是糖</p>"
        f"<div class='content'><p>{_TEXT}</p><p>{_TEXT}</p></div></body></html>"
    )
    article = extract_article(page, "https://www.example.com/news/201909/1.shtml")
    assert article.author is None
    assert article.responsible_editor == "棒棒不是糖"
