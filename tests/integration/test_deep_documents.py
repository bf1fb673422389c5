"""Pages and feeds nested past libxml2's depth limit, through the real commands.

``extract`` against the loopback server, and a refresh into a real SQLite cache: the text
behind 300 unclosed tags reaches the user (it used to stop at the parser's limit).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from suxun_tui.config import Config, SourceSpec
from suxun_tui.refresh.engine import refresh_sources
from suxun_tui.store import DB_NAME, Store
from tests.support.server import LoopbackServer
from tests.unit.test_deep_nesting import feed, page


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


def test_extract_command_finds_the_article_behind_300_unclosed_fonts(
    server: LoopbackServer,
) -> None:
    url = server.add(
        "/deep.html",
        page("<font>", 300),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    result = subprocess.run(
        [sys.executable, "-m", "suxun_tui", "extract", url],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout.splitlines()[0])
    assert "记者在现场看到了很多重要的事情" in json.dumps(row, ensure_ascii=False)


def test_refresh_stores_the_body_of_an_item_nested_300_deep(
    server: LoopbackServer, tmp_path: Path
) -> None:
    url = server.add(
        "/deep.xml",
        feed("<![CDATA[" + "<div>" * 300 + "<p>ARTICLE BODY</p>]]>"),
        headers={"Content-Type": "application/rss+xml; charset=utf-8"},
    )
    config = Config(sources=(SourceSpec("Deep", url),))
    report = refresh_sources(config, tmp_path / DB_NAME)
    assert report.results[0].ok, report.results[0].error
    with Store(tmp_path / DB_NAME) as store:
        (headline,) = store.headlines()
        detail = store.article(headline.id)
    assert detail is not None
    assert [block.text for block in detail.blocks] == ["ARTICLE BODY"]
