"""A cache from before the search index is indexed when it is opened, with progress;
and the index follows every later write (update, full text, deletion)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from suxun_tui.models import ArticleText, Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.db import connect
from suxun_tui.store.index_fill import fill
from suxun_tui.store.schema import MIGRATIONS, _run_script, migrate


def old_cache(path: Path, articles: int) -> None:
    """A cache at schema version 2 (before the index), written as that version did."""
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:2]:
        assert isinstance(script, str)
        _run_script(conn, script)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("BEGIN")
    conn.execute("INSERT INTO sources (id, name, url) VALUES (1, '新華網', 'http://x')")
    conn.executemany(
        "INSERT INTO articles (source_id, guid, title, published, first_seen, body)"
        " VALUES (1, ?, ?, '2025-12-01T00:00:00Z', '2025-12-01T00:00:00Z', ?)",
        [(f"g{i}", f"標題 {i}", f'[["paragraph","基層治理第{i}篇"]]') for i in range(articles)],
    )
    conn.execute("COMMIT")
    conn.close()


def test_an_old_cache_is_indexed_with_progress(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    old_cache(path, 4500)
    seen: list[tuple[int, int]] = []
    conn = connect(path)
    assert migrate(conn, lambda done, total: seen.append((done, total))) == len(MIGRATIONS)
    conn.close()
    assert seen[-1] == (4500, 4500) and len(seen) == 3  # reported batch by batch
    with Store(path) as store:
        assert len(store.search("基层治理")) == 4500
        assert [h.title for h in store.search('"标题 4499"')] == ["標題 4499"]
        assert len(store.search("source:新华网")) == 4500


def test_a_migration_killed_half_way_leaves_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    old_cache(path, 3000)
    conn = connect(path)

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with contextlib.suppress(KeyboardInterrupt):
        migrate(conn, interrupt)
    conn.close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    assert (
        raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'article_index'").fetchone()[0]
        == 0
    )
    raw.close()
    with Store(path) as store:
        assert len(store.search("基層")) == 3000


def test_the_index_follows_updates_full_texts_and_deletions(tmp_path: Path) -> None:
    with Store(tmp_path / "cache.sqlite3") as store:
        store.sync_sources([("s", "http://x", "feed", None)])
        sid = store.source_id("s")
        assert sid is not None
        one = FeedEntry("1", "旧标题", "http://x/1", None, None, (Block("paragraph", "摘要"),))
        store.store_entries(sid, [one])
        (headline,) = store.search("旧标题")
        store.store_entries(sid, [FeedEntry("1", "新标题", "http://x/1", None, None, one.blocks)])
        assert store.search("旧标题") == []
        assert [h.id for h in store.search("新标题")] == [headline.id]
        store.save_article_text(
            headline.id, ArticleText("新标题", blocks=(Block("paragraph", "全文在此处"),))
        )
        assert [h.id for h in store.search("全文在此")] == [headline.id]
        assert store.search("摘要") == []
        with store.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE id = ?", (headline.id,))
        assert store.search("全文在此") == []
        # The deleted article's index row waits for the filler, which removes it.
        fill(store.conn)
        assert store.conn.execute("SELECT count(*) FROM article_index").fetchone()[0] == 0
