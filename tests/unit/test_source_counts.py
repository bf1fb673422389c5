"""The counts the reader reads without a pass over the articles agree with the ones a
search counts: each source's (``Store.source_counts``, what a mark changes) and the built-in
"Hidden" feed's (``Store.hidden_counts``, through the index of hidden articles)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from suxun_tui.config.model import RuleSpec
from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.counts import HIDDEN_COUNTS
from suxun_tui.store.rules import apply_rules


def _entries(prefix: str, count: int, url_of: str | None = None) -> list[FeedEntry]:
    start = datetime(2025, 12, 28, 12, 0, tzinfo=UTC)
    return [
        FeedEntry(
            guid=f"{prefix}-{i}",
            title=f"{url_of or prefix} story {i}",
            url=f"https://example.org/{url_of or prefix}/{i}",
            published=(start - timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            author="Ada",
            blocks=(Block("paragraph", f"Body {i}."),),
        )
        for i in range(count)
    ]


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "cache.sqlite3")
    specs = [
        ("A", "https://example.org/a.xml", "feed", "G"),
        ("B", "https://example.org/b.xml", "feed", "G"),  # carries copies of A's stories
        ("C", "https://example.org/c.xml", "feed", None),
    ]
    store.sync_sources(specs)
    for name, rows in (("A", _entries("A", 6)), ("B", _entries("B", 4, url_of="A"))):
        source_id = store.source_id(name)
        assert source_id is not None
        store.store_entries(source_id, rows)
    source_c = store.source_id("C")
    assert source_c is not None
    store.store_entries(source_c, _entries("C", 5))
    return store


def test_hidden_counts_agree_with_the_hidden_query(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert store.hidden_counts() == store.query_counts("is:hidden") == (0, 0)
    apply_rules(store, [RuleSpec("k", "story", "hide")])  # every article of every source
    store.set_read(store.search("is:hidden C story 1")[0].id)
    assert store.hidden_counts() == store.query_counts("is:hidden")
    assert store.hidden_counts()[1] == 6 + 5  # B's copies of A's stories count once
    store.sync_sources([("A", "https://example.org/a.xml", "feed", "G")])  # B, C retired
    assert store.hidden_counts() == store.query_counts("is:hidden") == (6, 6)
    plan = " ".join(str(r) for r in store.conn.execute(f"EXPLAIN QUERY PLAN {HIDDEN_COUNTS}"))
    assert "articles_hidden" in plan  # the hidden articles, not every article
    store.close()


def test_each_sources_counts_agree_with_the_sources_read_anew(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.mark_all_read(store.source_id("C"))
    store.set_read(store.headlines(source_id=store.source_id("A"))[0].id)
    counts = store.source_counts()
    for source in store.sources():
        assert counts.get(source.id, (0, 0)) == (source.unread, source.total), source.name
    store.close()
