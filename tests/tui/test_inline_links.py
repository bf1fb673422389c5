"""Links inside paragraphs, from a feed's HTML to ``[N]`` in the article and ``f N``."""

from __future__ import annotations

import sys
from pathlib import Path

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.feeds.parse import parse_feed
from suxun_tui.models import FeedEntry
from suxun_tui.store import Store
from tests.tui.conftest import MakeApp, fill
from tests.tui.helpers import article_text, notifications, settle
from tests.tui.test_exports import WRITER, wait_for_file

FEED_URL = "https://example.org/alpha.xml"
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Alpha</title>
<item><guid>g1</guid><title>地铁新线</title><link>https://example.org/a/1</link>
<pubDate>Sun, 28 Dec 2025 10:00:00 GMT</pubDate>
<description><![CDATA[<p>据<a href="/news/plan">规划文件</a>，新线将于明年开通，
详见<a href="https://metro.example.cn/line9?from=rss&amp;x=1">地铁公司公告</a>。</p>
<p>另见 <a href="javascript:alert(1)">这里</a>。</p>]]></description>
</item></channel></rss>"""


def feed_config(store: Store, browser: str = "") -> Config:
    sources = (SourceSpec("Alpha", FEED_URL, kind="feed"),)
    parsed = parse_feed(RSS.encode("utf-8"), FEED_URL)
    fill(store, sources, {"Alpha": list(parsed.entries)})
    return Config(settings=Settings(full_text="never", browser=browser), sources=sources)


async def test_links_in_a_feed_s_paragraph_are_numbered_where_they_stand(
    make_app: MakeApp, store: Store
) -> None:
    app = make_app(feed_config(store))
    async with app.run_test() as pilot:
        await settle(pilot)
        text = article_text(app)
        assert "据规划文件[2]，新线将于明年开通，" in text
        assert "详见地铁公司公告[3]。" in text
        assert "另见 这里。" in text  # a script link is no link
        links = text[text.index("\nLinks") :]
        assert "[2] https://example.org/news/plan" in links
        assert "[3] https://metro.example.cn/line9?from=rss&x=1" in links


async def test_f_and_the_number_of_a_link_in_a_paragraph_opens_it(
    make_app: MakeApp, store: Store, tmp_path: Path
) -> None:
    log = tmp_path / "opened.log"
    script = tmp_path / "browser.py"
    script.write_text(WRITER, encoding="utf-8")
    app = make_app(feed_config(store, f"{sys.executable} {script} {log} %u"))
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f", "3", "enter")
        await pilot.pause()
        assert wait_for_file(log) == "https://metro.example.cn/line9?from=rss&x=1\n"
        await pilot.press("F", "2", "enter")
        await pilot.pause()
        assert app.clipboard == "https://example.org/news/plan"
        assert any("Copied link 2" in n for n in notifications(app))


async def test_a_cache_row_written_before_links_were_kept_still_reads(
    make_app: MakeApp, store: Store
) -> None:
    sources = (SourceSpec("Alpha", FEED_URL, kind="feed"),)
    entry = FeedEntry("g1", "旧文章", "https://example.org/a/1", "2025-12-28T10:00:00Z")
    fill(store, sources, {"Alpha": [entry]})
    with store.transaction() as conn:  # the body as an older version wrote it
        conn.execute(
            "UPDATE articles SET body = ?",
            ('[["paragraph","旧的正文。"],["image","图",  "https://example.org/p.png",0]]',),
        )
    app = make_app(Config(settings=Settings(full_text="never"), sources=sources))
    async with app.run_test() as pilot:
        await settle(pilot)
        text = article_text(app)
        assert "旧的正文。" in text and "[图片: 图] [2]" in text
