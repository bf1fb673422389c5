"""Articles as Markdown and text: numbered links, escaping, safe names, no overwrite."""

from __future__ import annotations

from pathlib import Path

from suxun_tui.models import ArticleDetail, Block
from suxun_tui.text.export import (
    NumberedLink,
    article_links,
    article_markdown,
    article_text,
    export_name,
    link_number,
    write_new_file,
)
from suxun_tui.text.script import convert_script


def detail(**changes: object) -> ArticleDetail:
    values: dict[str, object] = {
        "id": 7,
        "source_id": 1,
        "source_name": "苏讯网 · 要闻",
        "source_kind": "feed",
        "title": "南京地铁 [视频] *新线*",
        "url": "https://example.org/a/1",
        "published": "2025-12-29T04:34:00Z",
        "read": False,
        "starred": False,
        "author": "王帅",
        "blocks": (
            Block("heading", "开通", level=1),
            Block("paragraph", "- 不是列表。1. 也不是"),
            Block("image", "新车厢", url="https://example.org/p.jpg"),
            Block("list_item", "一"),
            Block("list_item", "二", level=1),
            Block("quote", "甲\n乙"),
            Block("code", "print('```')"),
            Block("image", "", url="https://example.org/a/1"),  # the article's own: once
            Block("image", "无址"),
        ),
    }
    values.update(changes)
    return ArticleDetail(**values)  # type: ignore[arg-type]


def test_links_are_the_article_and_its_pictures_each_once_in_order() -> None:
    assert article_links(detail()) == (
        NumberedLink(1, "https://example.org/a/1", "article", None),
        NumberedLink(2, "https://example.org/p.jpg", "新车厢", 2),
    )
    assert article_links(detail(url="", blocks=())) == ()


def test_a_link_number_is_read_leniently_and_checked() -> None:
    links = article_links(detail())
    assert link_number(links, " [2] ") == links[1]
    assert link_number(links, "#1") == links[0]
    assert "no link 3; this article has 2 links" in str(link_number(links, "3"))
    assert "not a link number" in str(link_number(links, "x"))


def test_markdown_escapes_the_network_s_text_and_lists_the_links() -> None:
    markdown = article_markdown(detail())
    assert markdown.startswith("# 南京地铁 \\[视频\\] \\*新线\\*\n")
    assert "\n## 开通\n" in markdown
    assert "\n\\- 不是列表。1. 也不是\n" in markdown
    assert "\n![新车厢](<https://example.org/p.jpg>) [2]\n" in markdown
    assert "\n- 一\n  - 二\n" in markdown  # a tight, nested list
    assert "\n> 甲\n> 乙\n" in markdown
    assert "\n````\nprint('```')\n````\n" in markdown  # a fence longer than the code's
    assert markdown.endswith(
        "## Links\n\n1. <https://example.org/a/1>\n2. <https://example.org/p.jpg>\n"
    )


def test_text_numbers_pictures_and_follows_the_script_shown() -> None:
    text = article_text(detail(), lambda t: convert_script(t, "traditional"))
    head = text.split("\n\n")[0].splitlines()
    assert (head[0], head[1][-2:], head[2]) == ("南京地鐵 [視頻] *新線*", "王帥", "蘇訊網 · 要聞")
    assert "[圖片: 新車廂] [2]" in text
    assert "  • 二" in text
    assert "\n[圖片] [1]\n" in text  # the article's own address: its number
    assert text.endswith("[1] https://example.org/a/1\n[2] https://example.org/p.jpg\n")


def test_file_names_are_safe_and_files_are_never_overwritten(tmp_path: Path) -> None:
    hostile = detail(title="../../.bashrc\x1b[31m a/b:c*?<>|\n" + "长" * 200)
    name = export_name(hostile, ".md")
    assert "/" not in name and "\x1b" not in name and not name.startswith(".")
    assert name.startswith("2025-12-29 ") and name.endswith(".md")
    assert len(name) <= 11 + 80 + 3
    assert export_name(detail(title="", published="?"), ".txt") == "article-7.txt"
    first = write_new_file(tmp_path / "new" / "dir", "a.md", "one")
    second = write_new_file(tmp_path / "new" / "dir", "a.md", "two")
    assert (first.name, second.name) == ("a.md", "a (2).md")
    assert first.read_text(encoding="utf-8") == "one"
