"""Column pages: the main list's links, full titles, dates, pagination."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.listing import find_article_links, next_listing_url

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "pages"
DEMO = REPO / "src" / "suxun_tui" / "demo" / "site" / "suxun"
NOW = datetime(2025, 12, 31, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
BASE = "http://www.jh.example.cn/news/subei/list_1.html"


def test_main_list_of_a_column() -> None:
    html = decode_html((FIXTURES / "column" / "list_1.html").read_bytes())
    items = find_article_links(html, BASE, now=NOW)
    assert [i.url.rsplit("/", 1)[-1] for i in items] == [
        "501.html",
        "498.html",
        "495.html",
        "490.html",
        "488.html",
        "480.html",
    ]
    assert items[2].title == "宿迁发布乡村振兴十条措施全文解读及配套政策问答"
    assert items[0].published == "2025-12-01T09:00:00+08:00"
    assert items[5].published == "2025-11-26T11:10:00+08:00"
    titles = " ".join(i.title for i in items)
    for word in ("玄武湖", "防寒指南", "关于我们", "苏南新闻", "下一页"):
        assert word not in titles


def test_next_listing_url() -> None:
    html = decode_html((FIXTURES / "column" / "list_1.html").read_bytes())
    assert next_listing_url(html, BASE) == "http://www.jh.example.cn/news/subei/list_2.html"
    last = decode_html((FIXTURES / "column" / "list_2.html").read_bytes())
    assert next_listing_url(last, "http://www.jh.example.cn/news/subei/list_2.html") is None


def test_link_selector_overrides() -> None:
    html = decode_html((FIXTURES / "column" / "list_1.html").read_bytes())
    items = find_article_links(html, BASE, link_selector="div.hot a", now=NOW)
    assert [i.title for i in items][0] == "全省高速公路冬季养护全面展开"
    assert len(items) == 3


def test_year_less_dates_take_the_url_year() -> None:
    html = decode_html((FIXTURES / "column" / "list_1.html").read_bytes())
    later = datetime(2026, 12, 20, tzinfo=ZoneInfo("Asia/Shanghai"))
    items = find_article_links(html, BASE, now=later)
    assert items[0].published == "2025-12-01T09:00:00+08:00"


def test_demo_column() -> None:
    path = DEMO / "column.html"
    items = find_article_links(decode_html(path.read_bytes()), path.as_uri(), now=NOW)
    assert len(items) >= 5
    assert items[0].title == "以自我革命精神 提升基层治理效能"
    assert items[0].published == "2025-12-29T12:34:00+08:00"
    assert items[1].title == "南京地铁5号线南段开通初期运营 沿线居民出行再提速"
    assert all(i.url.startswith(path.parent.as_uri() + "/articles/") for i in items)
    assert (
        next_listing_url(decode_html(path.read_bytes()), path.as_uri())
        == (path.parent / "column_2.html").as_uri()
    )


def test_garbage_gives_no_links() -> None:
    assert find_article_links("<html><body>纯文本</body></html>", BASE) == []
    assert next_listing_url("", BASE) is None
