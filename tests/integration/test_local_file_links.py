"""A web feed or page can never make the reader read the user's local files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.refresh.fulltext import ArticleFetchError, fetch_full_article
from suxun_tui.store import DB_NAME, Store
from tests.support.server import LoopbackServer

SECRET = "top secret local content 机密"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.html"
    path.write_text(f"<html><body><article><p>{SECRET}</p>" * 20 + "</body></html>", "utf-8")
    return path


def test_a_web_feed_linking_to_a_local_file_cannot_open_it(tmp_path: Path, secret: Path) -> None:
    feed = (
        '<rss version="2.0"><channel><title>Evil</title><item><title>Click</title>'
        f"<link>{secret.as_uri()}</link><description>short</description></item></channel></rss>"
    )
    with LoopbackServer() as server:
        url = server.add("/feed.xml", feed)
        config = Config(settings=Settings(retries=0), sources=(SourceSpec("Evil", url),))
        refresh_sources(config, tmp_path / DB_NAME)
        with Store(tmp_path / DB_NAME) as store:
            (headline,) = store.headlines()
        with pytest.raises(ArticleFetchError, match="refusing to read a local file"):
            fetch_full_article(config, tmp_path / DB_NAME, headline.id)
    with Store(tmp_path / DB_NAME) as store:
        detail = store.article(headline.id)
        assert detail is not None and SECRET not in detail.body


def test_a_web_column_page_cannot_page_into_local_files(tmp_path: Path, secret: Path) -> None:
    links = "".join(
        f'<li><a href="/news/{i}.html">A news headline number {i} for today</a> 2025-12-0{i + 1}</li>'
        for i in range(6)
    )
    column = (
        f"<html><body><ul class='list'>{links}</ul>"
        f'<a href="{secret.as_uri()}">下一页</a></body></html>'
    )
    with LoopbackServer() as server:
        url = server.add("/column.html", column, headers={"Content-Type": "text/html"})
        spec = SourceSpec("Column", url, kind="page", pages=3)
        report = refresh_sources(
            Config(settings=Settings(retries=0), sources=(spec,)), tmp_path / DB_NAME
        )
    assert report.results[0].ok
    with Store(tmp_path / DB_NAME) as store:
        assert all(h.url.startswith("http://") for h in store.headlines())


def test_a_local_source_reads_its_own_local_pages(tmp_path: Path, secret: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<rss version="2.0"><channel><title>Mine</title><item><title>Mine</title>'
        "<link>secret.html</link><description>short</description></item></channel></rss>",
        "utf-8",
    )
    config = Config(sources=(SourceSpec("Mine", feed.as_uri()),))
    refresh_sources(config, tmp_path / DB_NAME)
    with Store(tmp_path / DB_NAME) as store:
        (headline,) = store.headlines()
    fetch_full_article(config, tmp_path / DB_NAME, headline.id)
    with Store(tmp_path / DB_NAME) as store:
        detail = store.article(headline.id)
        assert detail is not None and SECRET in detail.body


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_devices_and_fifos_are_refused_not_read_forever(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    config = Config(
        sources=(SourceSpec("Pipe", fifo.as_uri()), SourceSpec("Zero", "file:///dev/zero"))
    )
    report = refresh_sources(config, tmp_path / DB_NAME)
    errors = {r.name: r.error or "" for r in report.results}
    assert "not a regular file" in errors["Pipe"] and "not a regular file" in errors["Zero"]


def test_changing_a_selector_reparses_an_unchanged_page(tmp_path: Path) -> None:
    """The body-hash skip must not hide a config change that alters what is parsed."""
    items = "".join(
        f'<li><a href="/a/{i}.html">Main story number {i} of the day</a></li>' for i in range(5)
    )
    side = "".join(
        f'<li><a href="/b/{i}.html">Side story number {i} of the day</a></li>' for i in range(6)
    )
    page = f"<html><body><ul class='main'>{items}</ul><ul class='side'>{side}</ul></body></html>"
    with LoopbackServer() as server:
        url = server.add("/column.html", page, headers={"Content-Type": "text/html"})
        first = SourceSpec("Column", url, kind="page", link_selector="ul.main a")
        refresh_sources(Config(sources=(first,)), tmp_path / DB_NAME)
        second = SourceSpec("Column", url, kind="page", link_selector="ul.side a")
        report = refresh_sources(Config(sources=(second,)), tmp_path / DB_NAME)
    assert report.results[0].new == 6


def test_changing_a_selector_reparses_even_when_the_server_would_answer_304(
    tmp_path: Path,
) -> None:
    items = "".join(
        f'<li><a href="/a/{i}.html">Main story number {i} of the day</a></li>' for i in range(5)
    )
    side = "".join(
        f'<li><a href="/b/{i}.html">Side story number {i} of the day</a></li>' for i in range(6)
    )
    page = f"<html><body><ul class='main'>{items}</ul><ul class='side'>{side}</ul></body></html>"
    with LoopbackServer() as server:
        url = server.add("/column.html", page, headers={"Content-Type": "text/html"}, etag=True)
        first = SourceSpec("Column", url, kind="page", link_selector="ul.main a")
        refresh_sources(Config(sources=(first,)), tmp_path / DB_NAME)
        unchanged = refresh_sources(Config(sources=(first,)), tmp_path / DB_NAME)
        assert unchanged.results[0].not_modified and "if-none-match" in server.requests[-1][1]
        second = SourceSpec("Column", url, kind="page", link_selector="ul.side a")
        report = refresh_sources(Config(sources=(second,)), tmp_path / DB_NAME)
    assert report.results[0].new == 6
