"""``suxun-tui gc`` killed while it copies the search index (after removing a large
share): the cache stays consistent, search exact, and the next ``gc`` finishes the copy."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.index_fill import fill
from suxun_tui.store.index_rebuild import NEXT_TABLE
from tests.integration.test_gc import consistent

COUNT = 6000
CONFIG = f"""
[[sources]]
name = "archive"
url = "https://example.org/a.xml"
kind = "feed"
keep_days = 0
max_articles = {COUNT // 2}

[[sources]]
name = "kept"
url = "https://example.org/b.xml"
kind = "feed"
keep_days = 0
"""


def filled(data: Path) -> None:
    """``COUNT`` indexed articles in "archive", one starred in each source."""
    with Store(data / "cache.sqlite3") as store:
        store.sync_sources(
            [
                ("archive", "https://example.org/a.xml", "feed", None),
                ("kept", "https://example.org/b.xml", "feed", None),
            ]
        )
        for name, count in (("archive", COUNT), ("kept", 1)):
            sid = store.source_id(name)
            assert sid is not None
            store.store_entries(
                sid,
                [
                    FeedEntry(
                        f"{name}-{i}",
                        f"{name} 旧闻 {i}",
                        f"https://example.org/{name}/{i}",
                        f"2020-01-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
                        None,
                        (Block("paragraph", f"旧闻正文第{i}篇" * 20),),
                    )
                    for i in range(count)
                ],
            )
        with store.transaction() as conn:
            conn.execute("UPDATE articles SET first_seen = published, read = 1")
            conn.execute("UPDATE articles SET starred = 1 WHERE guid IN ('archive-0', 'kept-0')")
        fill(store.conn)


def copying(db: Path) -> bool:
    conn = sqlite3.connect(db, timeout=0.05)
    try:
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (NEXT_TABLE,)
        ).fetchone()
        return row is not None
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def run_gc(tmp_path: Path) -> subprocess.Popen[str]:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    env = {
        **os.environ,
        "SUXUN_TUI_CONFIG": str(config),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
        "SUXUN_TUI_INDEX_LATER": "1",  # no background filler: the next gc finishes
    }
    return subprocess.Popen(
        [sys.executable, "-m", "suxun_tui", "gc"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_a_gc_killed_while_it_copies_the_index_leaves_a_consistent_cache(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "cache.sqlite3"
    filled(data)
    proc = run_gc(tmp_path)
    deadline = time.monotonic() + 120
    while not copying(db):
        assert proc.poll() is None, f"gc ended before its copy was seen: {proc.communicate()}"
        assert time.monotonic() < deadline, "gc never began its copy"
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert copying(db)  # killed mid-copy: the half-filled new index is still there
    consistent(db)
    with Store(db) as store:
        assert len(store.search("旧闻正文")) == COUNT // 2 + 2
    out, err = run_gc(tmp_path).communicate(timeout=300)
    assert out.startswith("removed 0 article(s)"), err
    assert not copying(db)
    consistent(db)
    conn = sqlite3.connect(db)
    try:
        articles = {r[0] for r in conn.execute("SELECT id FROM articles")}
        indexed = {r[0] for r in conn.execute("SELECT rowid FROM article_index")}
        assert articles == indexed and len(articles) == COUNT // 2 + 2
        assert conn.execute("SELECT count(*) FROM index_stale").fetchone()[0] == 0
    finally:
        conn.close()
