"""Retention: what ``gc`` removes and what it never does (starred, unread by age, marks
waiting for a server), with the search index kept in step and the file shrunk."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.index_fill import fill as fill_index
from suxun_tui.store.retention import Policy, collect

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def fill(store: Store, ages_and_flags: list[tuple[int, bool, bool]]) -> dict[str, int]:
    """One source; an article per (age in days, read, starred); ids by guid."""
    store.sync_sources([("s", "http://x", "feed", None)])
    sid = store.source_id("s")
    assert sid is not None
    entries = [
        FeedEntry(
            f"g{i}",
            f"标题{i}",
            f"http://x/{i}",
            (NOW - timedelta(days=age)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            None,
            (Block("paragraph", f"正文第{i}篇"),),
        )
        for i, (age, _, _) in enumerate(ages_and_flags)
    ]
    store.store_entries(sid, entries)
    with store.transaction() as conn:  # as if seen when published
        conn.execute("UPDATE articles SET first_seen = published")
    ids = {h.url.rsplit("/", 1)[1]: h.id for h in store.headlines()}
    for i, (_, read, starred) in enumerate(ages_and_flags):
        if read:
            store.set_read(ids[str(i)])
        if starred:
            store.set_starred(ids[str(i)], True)
    return {f"g{i}": ids[str(i)] for i in range(len(ages_and_flags))}


def remaining(store: Store) -> set[int]:
    return {int(r[0]) for r in store.conn.execute("SELECT id FROM articles")}


def indexed(store: Store) -> set[int]:
    """The index's rows once its queue is worked off (removed articles' rows go then)."""
    fill_index(store.conn)
    return {int(r[0]) for r in store.conn.execute("SELECT rowid FROM article_index")}


def test_keep_days_removes_only_old_read_articles(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache.sqlite3")
    ids = fill(
        store, [(200, True, False), (200, False, False), (200, True, True), (5, True, False)]
    )
    report = collect(store.conn, store.transaction, {"s": Policy(keep_days=90)}, NOW)
    assert (report.removed, report.by_age, report.by_count) == (1, 1, 0)
    assert report.sources == {"s": 1}
    assert remaining(store) == {ids["g1"], ids["g2"], ids["g3"]}
    assert indexed(store) == remaining(store)
    assert store.search("正文第0篇") == []


def test_max_articles_removes_the_oldest_unread_too_but_never_starred(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache.sqlite3")
    ids = fill(store, [(1, False, False), (2, False, False), (3, False, True), (4, False, False)])
    report = collect(store.conn, store.transaction, {"s": Policy(0, max_articles=2)}, NOW)
    assert (report.by_age, report.by_count) == (0, 1)
    assert remaining(store) == {ids["g0"], ids["g1"], ids["g2"]}
    assert indexed(store) == remaining(store)


def test_dry_run_and_sources_without_policy_remove_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache.sqlite3")
    fill(store, [(200, True, False)] * 3)
    before = remaining(store)
    report = collect(store.conn, store.transaction, {"s": Policy(30)}, NOW, dry_run=True)
    assert report.removed == 3 and report.dry_run
    assert collect(store.conn, store.transaction, {"other": Policy(30)}, NOW).removed == 0
    assert remaining(store) == before


def test_a_mark_waiting_for_the_server_keeps_its_article(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache.sqlite3")
    ids = fill(store, [(200, True, False), (200, True, False)])
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO pending_changes (article_id, field, value, changed)"
            " VALUES (?, 'read', 1, '2026-01-01T00:00:00Z')",
            (ids["g0"],),
        )
    collect(store.conn, store.transaction, {"s": Policy(30)}, NOW)
    assert remaining(store) == {ids["g0"]}


def test_the_file_shrinks_when_much_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    store = Store(path)
    store.sync_sources([("s", "http://x", "feed", None)])
    sid = store.source_id("s")
    assert sid is not None
    long = "长文" * 2000
    entries = [
        FeedEntry(
            f"g{i}",
            f"t{i}",
            f"http://x/{i}",
            "2025-01-01T00:00:00Z",
            None,
            (Block("paragraph", long + str(i)),),
        )
        for i in range(300)
    ]
    store.store_entries(sid, entries)
    fill_index(store.conn)
    store.mark_all_read()
    with store.transaction() as conn:
        conn.execute("UPDATE articles SET first_seen = published")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    report = collect(store.conn, store.transaction, {"s": Policy(30)}, NOW, path=path)
    assert report.removed == 300 and report.vacuumed
    assert report.bytes_after < report.bytes_before / 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    articles=st.lists(st.tuples(st.integers(0, 400), st.booleans(), st.booleans()), max_size=25),
    keep_days=st.integers(0, 300),
    max_articles=st.integers(0, 30),
)
def test_retention_never_removes_a_starred_article(
    articles: list[tuple[int, bool, bool]], keep_days: int, max_articles: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "cache.sqlite3")
        try:
            ids = fill(store, articles)
            policy = Policy(keep_days, max_articles)
            collect(store.conn, store.transaction, {"s": policy}, NOW)
            kept = remaining(store)
            assert indexed(store) == kept
            newest = sorted(range(len(articles)), key=lambda i: (articles[i][0], -ids[f"g{i}"]))
            for rank, i in enumerate(newest):
                age, read, starred = articles[i]
                gone = ids[f"g{i}"] not in kept
                if starred:
                    assert not gone
                    continue
                by_count = bool(max_articles) and rank >= max_articles
                by_age = bool(keep_days) and read and age > keep_days
                assert gone == (by_count or by_age), (i, articles[i], rank)
        finally:
            store.close()
