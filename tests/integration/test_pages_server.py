"""Page reading over a real loopback HTTP server: charsets, multi-page articles, columns, CLI."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer

from suxun_tui.pages import ExtractionError
from suxun_tui.pages.reader import read_article, read_listing

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "pages"
DEMO = REPO / "src" / "suxun_tui" / "demo" / "site" / "suxun"


def serve(server: HTTPServer, path: str, file: Path, content_type: str = "text/html") -> str:
    server.expect_request(path).respond_with_data(file.read_bytes(), content_type=content_type)
    return server.url_for(path)


async def fetch(url: str) -> tuple[bytes, str | None, str]:
    async with httpx.AsyncClient(follow_redirects=True, timeout=10) as client:
        response = await client.get(url)
        response.raise_for_status()
        return response.content, response.headers.get("content-type"), str(response.url)


@pytest.mark.parametrize(
    "content_type", ["text/html", "text/html; charset=gbk", "text/html; charset=GB2312"]
)
def test_gbk_page_over_http(httpserver: HTTPServer, content_type: str) -> None:
    url = serve(httpserver, "/tz/2024/0115/1201.html", FIXTURES / "gbk_table.html", content_type)
    article = asyncio.run(read_article(fetch, url))
    assert article.title == "泰州溱湖湿地开展冬季鸟类调查"
    assert article.author == "吴敏 顾平"
    assert "湿地管理处负责人介绍" in article.body
    assert "\ufffd" not in article.body


def test_multi_page_article_is_joined(httpserver: HTTPServer) -> None:
    url = serve(httpserver, "/news/1042.html", FIXTURES / "multi" / "1042.html")
    serve(httpserver, "/news/1042_2.html", FIXTURES / "multi" / "1042_2.html")
    article = asyncio.run(read_article(fetch, url))
    texts = [b.text for b in article.blocks]
    assert len(texts) == 4
    assert texts[0].startswith("今年以来，徐州市") and texts[3].startswith("有关负责人表示")
    assert article.published == "2025-06-05T07:45:00+08:00"
    assert article.author == "马骏"


def test_missing_continuation_keeps_page_one(httpserver: HTTPServer) -> None:
    url = serve(httpserver, "/news/1042.html", FIXTURES / "multi" / "1042.html")
    httpserver.expect_request("/news/1042_2.html").respond_with_data("gone", status=404)
    article = asyncio.run(read_article(fetch, url))
    assert len(article.blocks) == 2


def test_max_pages_limits_continuations(httpserver: HTTPServer) -> None:
    url = serve(httpserver, "/news/1042.html", FIXTURES / "multi" / "1042.html")
    serve(httpserver, "/news/1042_2.html", FIXTURES / "multi" / "1042_2.html")
    article = asyncio.run(read_article(fetch, url, max_pages=1))
    assert len(article.blocks) == 2


def test_column_with_pagination(httpserver: HTTPServer) -> None:
    url = serve(httpserver, "/news/subei/list_1.html", FIXTURES / "column" / "list_1.html")
    serve(httpserver, "/news/subei/list_2.html", FIXTURES / "column" / "list_2.html")
    one = asyncio.run(read_listing(fetch, url, pages=1))
    assert len(one) == 6
    both = asyncio.run(read_listing(fetch, url, pages=5))
    assert len(both) == 9
    assert both[-1].title == "苏州吴江丝绸小镇开街"
    assert all(item.url.startswith(httpserver.url_for("/news/")) for item in both)


def test_page_without_text_raises(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/empty.html").respond_with_data(
        "<html><body><a href='/'>首页</a></body></html>", content_type="text/html"
    )
    with pytest.raises(ExtractionError):
        asyncio.run(read_article(fetch, httpserver.url_for("/empty.html")))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "suxun_tui", "extract", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_cli_extract_urls_in_order_with_failures(httpserver: HTTPServer) -> None:
    good = serve(httpserver, "/tz/1201.html", FIXTURES / "gbk_table.html")
    multi = serve(httpserver, "/news/1042.html", FIXTURES / "multi" / "1042.html")
    serve(httpserver, "/news/1042_2.html", FIXTURES / "multi" / "1042_2.html")
    httpserver.expect_request("/missing.html").respond_with_data("no", status=404)
    httpserver.expect_request("/empty.html").respond_with_data(
        "<html><body></body></html>", content_type="text/html"
    )
    result = run_cli(
        good, httpserver.url_for("/missing.html"), multi, httpserver.url_for("/empty.html")
    )
    assert result.returncode == 1, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in rows] == [
        good,
        httpserver.url_for("/missing.html"),
        multi,
        httpserver.url_for("/empty.html"),
    ]
    assert rows[0]["title"] == "泰州溱湖湿地开展冬季鸟类调查" and rows[0]["views"] == 356
    assert set(rows[0]) >= {
        "url",
        "title",
        "published",
        "origin",
        "author",
        "editor",
        "responsible_editor",
        "views",
        "body",
        "images",
        "links",
    }
    assert "error" in rows[1] and "error" in rows[3]
    assert rows[2]["body"].count("\n\n") == 3


def test_cli_extract_seed_simplified() -> None:
    result = run_cli("--script", "simplified", str(DEMO / "articles" / "588eee2c.html"))
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["title"] == "以自我革命精神 提升基层治理效能"
    assert (
        row["published"],
        row["origin"],
        row["author"],
        row["editor"],
        row["responsible_editor"],
        row["views"],
    ) == (
        "2025-12-29T12:34:00+08:00",
        "供稿",
        "王帅",
        "玖柒六",
        "陆超",
        0,
    )
    paragraphs = row["body"].split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("当前我国进入高质量发展新阶段")


def test_cli_extract_links_and_base_url() -> None:
    result = run_cli(
        "--links",
        "--base-url",
        "https://www.jh.example.cn/news/subei/list_1.html",
        str(FIXTURES / "column" / "list_1.html"),
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["url"] == "https://www.jh.example.cn/news/subei/list_1.html"
    assert row["articles"][0] == {
        "url": "https://www.jh.example.cn/news/2025/1201/501.html",
        "title": "盐城黄海湿地迎来丹顶鹤越冬高峰",
        "published": "2025-12-01T09:00:00+08:00",
    }


def test_cli_local_multi_page_and_missing_file(tmp_path: Path) -> None:
    result = run_cli(str(FIXTURES / "multi" / "1042.html"), str(tmp_path / "nope.html"))
    assert result.returncode == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["body"].count("\n\n") == 3
    assert "error" in rows[1]


def test_cli_usage_error() -> None:
    assert run_cli("--script", "klingon", "x.html").returncode == 2
    assert run_cli().returncode == 2
