"""``suxun-tui gc`` as a user runs it: what it reports (text and JSON), per-source
keep_days, and a kill at any moment leaving a consistent cache with its index."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store

CONFIG = """
[settings]
keep_days = 30

[[sources]]
name = "old news"
url = "https://example.org/a.xml"
kind = "feed"

[[sources]]
name = "archive"
url = "https://example.org/b.xml"
kind = "feed"
keep_days = 0
max_articles = 2
"""


def fill(data: Path, count: int) -> None:
    """Both sources: ``count`` read articles from 2020 each, the first of them starred."""
    with Store(data / "cache.sqlite3") as store:
        store.sync_sources(
            [("old news", "https://example.org/a.xml", "feed", None)]
            + [("archive", "https://example.org/b.xml", "feed", None)]
        )
        for name in ("old news", "archive"):
            sid = store.source_id(name)
            assert sid is not None
            store.store_entries(
                sid,
                [
                    FeedEntry(
                        f"{name}-{i}",
                        f"{name} 旧闻 {i}",
                        f"https://example.org/{name}/{i}",
                        f"2020-01-{1 + i % 28:02d}T00:00:00Z",
                        None,
                        (Block("paragraph", "旧闻正文" * 50),),
                    )
                    for i in range(count)
                ],
            )
        with store.transaction() as conn:
            conn.execute("UPDATE articles SET first_seen = published, read = 1")
            conn.execute("UPDATE articles SET starred = 1 WHERE guid LIKE '%-0'")


def gc(tmp_path: Path, *args: str, **popen: object) -> subprocess.Popen[str]:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    env = {
        **os.environ,
        "SUXUN_TUI_CONFIG": str(config),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "suxun_tui", "gc", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,  # type: ignore[call-overload]
    )


def test_gc_reports_what_it_removed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    fill(data, 10)
    out, err = gc(tmp_path, "--dry-run").communicate(timeout=120)
    assert (
        "would remove 16 article(s): 9 read and older than keep_days, 7 beyond max_articles" in out
    ), err
    proc = gc(tmp_path, "--json")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    report = json.loads(out)
    assert report["removed"] == 16 and report["by_age"] == 9 and report["by_count"] == 7
    assert report["sources"] == {"old news": 9, "archive": 7}
    assert set(report) == {
        "removed",
        "by_age",
        "by_count",
        "sources",
        "bytes_before",
        "bytes_after",
        "vacuumed",
        "dry_run",
    }
    with Store(data / "cache.sqlite3") as store:
        titles = sorted(h.title for h in store.headlines())
        # archive: its two newest and the starred one; old news: the starred one.
        assert titles == ["archive 旧闻 0", "archive 旧闻 8", "archive 旧闻 9", "old news 旧闻 0"]
        assert len(store.search("旧闻正文")) == 4
    out, _ = gc(tmp_path).communicate(timeout=120)
    assert out.startswith("removed 0 article(s)")


def consistent(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = {r[0] for r in conn.execute("SELECT id FROM articles")}
        index = {r[0] for r in conn.execute("SELECT rowid FROM article_index")}
        queued = {r[0] for r in conn.execute("SELECT article_id FROM index_queue")}
        stale = {r[0] for r in conn.execute("SELECT article_id FROM index_stale")}
        # Every article is indexed or queued; every other index row is listed for removal.
        assert articles <= index | queued and queued <= articles
        assert index - articles <= stale and not stale & articles
        conn.execute("INSERT INTO article_index (article_index) VALUES ('integrity-check')")
        starred = conn.execute("SELECT count(*) FROM articles WHERE starred = 1").fetchone()[0]
        assert starred == 2
    finally:
        conn.close()


def test_a_gc_killed_at_any_moment_leaves_a_consistent_cache(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rng = random.Random(13)
    for _ in range(3):
        fill(data, 3000)
        proc = gc(tmp_path, start_new_session=True)
        time.sleep(rng.uniform(0.3, 2.5))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        consistent(data / "cache.sqlite3")
    out, err = gc(tmp_path).communicate(timeout=300)
    assert out.startswith("removed"), err
    consistent(data / "cache.sqlite3")
