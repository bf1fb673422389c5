"""A podcast feed over HTTP: its enclosure is stored, and stays when the page is fetched."""

from __future__ import annotations

from pathlib import Path

from suxun_tui.config import Config, Settings, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.refresh.fulltext import fetch_full_article
from suxun_tui.store import DB_NAME, Store
from tests.support.server import LoopbackServer

PAGE = "<html><body><article>" + "<p>这一期节目讲的是南京地铁的新线路和新车厢。</p>" * 20


def test_an_enclosure_is_stored_and_kept_under_the_full_text(tmp_path: Path) -> None:
    with LoopbackServer() as server:
        page = server.add(
            "/ep/1.html",
            PAGE + "</article></body></html>",
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        feed = (
            '<rss version="2.0"><channel><title>Pod</title><item><guid>1</guid>'
            f"<title>第一期</title><link>{page}</link><description>短。</description>"
            '<enclosure url="/media/ep1.mp3" type="audio/mpeg" length="1"/>'
            "</item></channel></rss>"
        )
        url = server.add("/feed.xml", feed)
        config = Config(settings=Settings(retries=0), sources=(SourceSpec("Pod", url),))
        assert refresh_sources(config, tmp_path / DB_NAME).results[0].ok
        with Store(tmp_path / DB_NAME) as store:
            (headline,) = store.headlines()
            stored = store.article(headline.id)
        assert stored is not None
        media = server.url("/media/ep1.mp3")
        assert [(b.kind, b.url) for b in stored.blocks][-1] == ("media", media)
        fetch_full_article(config, tmp_path / DB_NAME, headline.id)
    with Store(tmp_path / DB_NAME) as store:
        full = store.article(headline.id)
    assert full is not None and full.has_full_text and "新车厢" in full.body
    assert full.blocks[-1].kind == "media" and full.blocks[-1].url == media
