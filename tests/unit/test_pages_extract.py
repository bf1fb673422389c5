"""Article extraction on the project's fixture pages and the bundled Suxun demo site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from suxun_tui.pages import ExtractionError
from suxun_tui.pages.boilerplate import is_boilerplate
from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.extract import continuation_urls, extract_article
from suxun_tui.text.mojibake import repair_mojibake
from suxun_tui.text.script import convert_script

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "pages"
DEMO = REPO / "src" / "suxun_tui" / "demo" / "site" / "suxun"
SHARED_SEED = REPO.parent / "shared" / "seed" / "000_588eee2c57239f4a.txt"
PINYIN = re.compile(r"[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def load(path: Path) -> str:
    return decode_html(path.read_bytes())


def test_seed_page_comes_out_clean() -> None:
    article = extract_article(
        load(DEMO / "articles" / "588eee2c.html"), "https://www.jssxw.cn/a/588eee2c.html"
    )
    assert article.title == "以自我革命精神 提升基層治理效能"
    assert convert_script(article.title, "simplified") == "以自我革命精神 提升基层治理效能"
    assert article.published == "2025-12-29T12:34:00+08:00"
    assert article.origin == "供稿"
    assert article.author == "王帥"
    assert convert_script(article.author, "simplified") == "王帅"
    assert article.editor == "玖柒六"
    assert article.responsible_editor == "陸超"
    assert article.views == 0
    assert [b.kind for b in article.blocks] == ["paragraph"] * 5
    body = article.body
    assert not PINYIN.search(body)
    assert body.startswith("當前我國進入高質量發展新階段")
    assert body.endswith("為實現中國式現代化筑牢堅實根基。")
    # GBK runs read one byte off are repaired
    assert "為“干部上門”。基層是自我革命的“前沿陣地”。基層直面群眾,直接影響" in body
    assert "變為“監督員" in body
    assert "鶎" not in body and "椤氨" not in body
    for line in body.split("\n\n"):
        assert not is_boilerplate(line)
    for word in ("客服", "責任編輯", "作者姓名", "版權", "圖片新聞", "熱點", "上一篇", "分享"):
        assert word not in body


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared is not available")
def test_seed_page_matches_the_seed_text() -> None:
    seed = SHARED_SEED.read_text("utf-8").split("\n")
    lines = [line for line in seed if line.strip()]
    expected = [PINYIN_ARTIFACT.sub("", repair_mojibake(line)) for line in lines[3:8]]
    article = extract_article(load(DEMO / "articles" / "588eee2c.html"), "file:///seed.html")
    assert [b.text for b in article.blocks] == expected


PINYIN_ARTIFACT = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def test_utf8_div_page() -> None:
    a = extract_article(
        load(FIXTURES / "utf8_div.html"), "https://www.lcwb.example.cn/life/2025/1220/88.html"
    )
    assert a.title == "常州推出老年助餐服务新举措"
    assert a.published == "2025-12-20T09:15:00+08:00"
    assert (a.origin, a.author, a.editor, a.views) == ("龙城晚报", "钱多多", "孙小美", 1024)
    kinds = [b.kind for b in a.blocks]
    assert "heading" in kinds and "image" in kinds and "table" in kinds
    assert a.images[0].url == "https://www.lcwb.example.cn/img/2025/meal.jpg"
    assert a.images[0].text == "老人在社区助餐点用餐"
    table = next(b for b in a.blocks if b.kind == "table")
    assert "天宁区 | 62" in table.text
    for word in ("相关阅读", "排行榜", "分享到", "Copyright", "登录", "编辑："):
        assert word not in a.body
    assert a.body.startswith("记者昨日从常州市民政局获悉")


def test_gbk_table_layout_page() -> None:
    data = (FIXTURES / "gbk_table.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    a = extract_article(decode_html(data), "http://www.tz.example.cn/tz/2024/0115/1201.html")
    assert a.title == "泰州溱湖湿地开展冬季鸟类调查"
    assert a.published == "2024-01-15T10:08:00+08:00"
    assert (a.origin, a.author, a.responsible_editor, a.views) == (
        "泰州日报",
        "吴敏 顾平",
        "陈晨",
        356,
    )
    assert len(a.blocks) == 4
    assert a.body.startswith("本报讯 1月13日至14日")
    for word in ("热门点击", "相关文章", "上一篇", "版权所有", "您现在的位置"):
        assert word not in a.body


def test_ruby_page_keeps_base_text() -> None:
    a = extract_article(load(FIXTURES / "ruby.html"), "https://js.example.com/a/1.html")
    assert "網格員小李" in a.body and "關注獨居老人" in a.body and "聯系越來越緊密" in a.body
    assert "wǎng" not in a.body and "guān" not in a.body and "lián" not in a.body
    assert a.published == "2025-11-02T08:30:00+08:00"
    assert (a.origin, a.editor) == ("江南時報", "周正")


def test_flattened_pinyin_page() -> None:
    a = extract_article(load(FIXTURES / "flat_pinyin.html"), "https://js.example.com/a/2.html")
    assert not PINYIN.search(a.body)
    assert "關注群眾" in a.body and "增設停車位" in a.body and "物業公司" in a.body
    for kept in (
        "(記者 張三)",
        "(2025)",
        "（每月一次）",
        "（非江蘇快訊原創）",
        "變為“監督員",
    ):
        assert kept in a.body
    assert (a.author, a.editor, a.origin) == ("趙敏", "劉洋", "江蘇快訊")


def test_wordpress_page() -> None:
    a = extract_article(
        load(FIXTURES / "wordpress.html"), "https://blog.example.cn/2025/09/14/jinshan/"
    )
    assert a.title == "在镇江骑行环金山湖"
    assert a.published == "2025-09-14T18:32:05+08:00"
    assert a.author == "林间"
    kinds = [b.kind for b in a.blocks]
    assert kinds.count("list_item") == 3 and "quote" in kinds
    for word in ("近期文章", "评论", "上一篇", "WordPress", "分类"):
        assert word not in a.body


def test_timezone_of_the_source() -> None:
    a = extract_article(
        load(FIXTURES / "gbk_table.html"), "http://x.example/1.html", timezone="Europe/London"
    )
    assert a.published == "2024-01-15T10:08:00+00:00"


def test_body_selector_overrides() -> None:
    html = load(FIXTURES / "utf8_div.html")
    a = extract_article(html, "https://x.example/1.html", body_selector="div.related")
    assert "常州新增二十个社区食堂" in a.body
    b = extract_article(html, "https://x.example/1.html", body_selector="div.no-such-thing")
    assert b.body.startswith("记者昨日从常州市民政局获悉")


def test_multi_page_continuations() -> None:
    first = load(FIXTURES / "multi" / "1042.html")
    assert continuation_urls(first, "https://xz.example.cn/news/1042.html") == [
        "https://xz.example.cn/news/1042_2.html"
    ]
    second = load(FIXTURES / "multi" / "1042_2.html")
    assert continuation_urls(second, "https://xz.example.cn/news/1042_2.html") == []
    # 上一篇/下一篇 links to other articles are not continuations
    assert all(
        "1041" not in u and "1043" not in u
        for u in continuation_urls(first, "https://xz.example.cn/news/1042.html")
    )


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<html><body><ul><li><a href='/a'>首页</a></li><li><a href='/b'>新闻</a></li></ul></body></html>",
        "<html><head><title>404 Not Found</title></head><body><h1>404</h1></body></html>",
    ],
)
def test_pages_without_text_raise_extraction_error(html: str) -> None:
    with pytest.raises(ExtractionError):
        extract_article(html, "https://x.example/")


def test_hostile_markup_is_sanitized() -> None:
    html = "<html><head><title>\x1b]0;pwned\x07标题</title></head><body><h1>标题\x1b[31m</h1><div><p>第一段文字，内容。\x1b]8;;http://evil\x07链接\x1b]8;;\x07</p><p>第二段，还有\u202e反转\x9b文字。</p></div></body></html>"
    a = extract_article(html, "https://x.example/")
    for value in (a.title, a.body):
        assert (
            "\x1b" not in value
            and "\x07" not in value
            and "\u202e" not in value
            and "\x9b" not in value
        )


def test_demo_articles_all_extract() -> None:
    for path in sorted((DEMO / "articles").glob("*.html")):
        a = extract_article(load(path), path.as_uri())
        assert a.title and a.published and a.responsible_editor and a.author
        assert len(a.blocks) >= 2
        for line in a.body.split("\n\n"):
            assert not is_boilerplate(line), (path.name, line)
