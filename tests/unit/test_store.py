"""The cache: migrations, keys, flags that survive refresh, recovery from corruption."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from suxun_tui.models import ArticleText, Block, FeedEntry
from suxun_tui.store import DB_NAME, SourceUpdate, Store, StoreError, open_store
from suxun_tui.store.schema import MIGRATIONS


def entry(guid: str, title: str = "T", body: str = "b", published: str | None = None) -> FeedEntry:
    return FeedEntry(guid, title, f"http://x/{guid}", published, None, (Block("paragraph", body),))


def make_store(tmp_path: Path) -> tuple[Store, int]:
    store = open_store(tmp_path).store
    store.sync_sources([("src", "http://x/feed", "feed", "g")])
    source_id = store.source_id("src")
    assert source_id is not None
    return store, source_id


def test_fresh_cache_has_current_schema_and_wal(tmp_path: Path) -> None:
    store, _ = make_store(tmp_path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_old_cache_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    store = Store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    store.close()
    # Opening again is a no-op and keeps data.
    again = Store(path)
    again.sync_sources([("a", "http://a", None, None)])
    again.close()
    assert [s.name for s in Store(path).sources()] == ["a"]


def test_flags_survive_updates_and_refreshes(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path)
    assert store.store_entries(sid, [entry("1"), entry("2")]).new == 2
    by_url = {h.url: h for h in store.headlines()}
    first, second = by_url["http://x/1"], by_url["http://x/2"]
    store.set_read(first.id)
    store.set_starred(second.id, True)
    counts = store.store_entries(sid, [entry("1", title="changed"), entry("2")])
    assert (counts.new, counts.updated, counts.unchanged) == (0, 1, 1)
    by_id = {h.id: h for h in store.headlines()}
    assert by_id[first.id].read and by_id[first.id].title == "changed"
    assert by_id[second.id].starred and not by_id[second.id].read


def test_duplicate_guids_in_one_feed_keep_the_first(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path)
    counts = store.store_entries(sid, [entry("1", title="first"), entry("1", title="second")])
    assert counts.new == 1
    assert [h.title for h in store.headlines()] == ["first"]


def test_headlines_newest_first_and_filters(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path)
    store.store_entries(
        sid,
        [
            entry("old", published="2024-01-01T00:00:00Z"),
            entry("new", published="2025-01-01T00:00:00Z"),
        ],
    )
    heads = store.headlines()
    assert [h.url for h in heads] == ["http://x/new", "http://x/old"]
    store.set_read(heads[0].id)
    assert [h.url for h in store.headlines(unread_only=True)] == ["http://x/old"]
    assert store.headlines(starred_only=True) == []
    assert store.headlines(group="g", limit=1)[0].url == "http://x/new"
    assert store.mark_all_read(source_id=sid) == 1
    assert store.counts() == (0, 2)


def test_full_text_is_kept_when_feed_updates_summary(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path)
    store.store_entries(
        sid, [FeedEntry("1", "T", "http://x/1", None, None, (Block("paragraph", "summary"),), True)]
    )
    aid = store.headlines()[0].id
    assert store.needs_full_text(aid)
    store.save_article_text(
        aid,
        ArticleText(title="T", author="王帅", origin="供稿", blocks=(Block("paragraph", "full"),)),
    )
    store.store_entries(
        sid,
        [FeedEntry("1", "T2", "http://x/1", None, None, (Block("paragraph", "summary 2"),), True)],
    )
    detail = store.article(aid)
    assert detail is not None
    assert detail.body == "full" and detail.author == "王帅" and detail.origin == "供稿"
    assert not store.needs_full_text(aid)


def test_sync_hides_removed_sources_and_keeps_their_articles(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path)
    store.store_entries(sid, [entry("1")])
    store.set_starred(store.headlines()[0].id, True)
    store.sync_sources([("other", "http://o", None, None)])
    assert [s.name for s in store.sources()] == ["other"]
    assert store.headlines() == []
    store.sync_sources([("src", "http://x/feed", "feed", "g")])
    assert store.headlines()[0].starred


def test_permanent_redirect_survives_sync_until_config_url_changes(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path)
    store.record_success(sid, SourceUpdate(etag='"e"', moved_to="http://x/new-feed"))
    store.sync_sources([("src", "http://x/feed", "feed", "g")])
    assert store.sources()[0].url == "http://x/new-feed"
    assert store.fetch_state(sid).etag == '"e"'
    store.sync_sources([("src", "http://y/feed", "feed", "g")])
    assert store.sources()[0].url == "http://y/feed"
    assert store.fetch_state(sid).etag is None


def test_errors_are_kept_on_the_source(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path)
    store.store_entries(sid, [entry("1")])
    store.record_error(sid, "http://x/feed: HTTP 500")
    source = store.sources()[0]
    assert source.last_error == "http://x/feed: HTTP 500" and source.last_success
    store.record_success(sid, SourceUpdate())
    assert store.sources()[0].last_error is None


def test_corrupt_cache_is_moved_aside(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database at all" * 100)
    opened = open_store(tmp_path)
    assert opened.notice and "moved to" in opened.notice
    assert list(tmp_path.glob(f"{DB_NAME}.corrupt-*"))
    opened.store.sync_sources([("a", "http://a", None, None)])
    assert opened.store.sources()[0].name == "a"


def test_an_existing_cache_opens_from_a_relative_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_store(Path("data"))[0].close()
    reopened = open_store(Path("data"))
    assert reopened.notice is None and reopened.store.source_id("src") is not None
    reopened.store.close()


def test_a_cache_we_may_not_open_is_reported_not_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only directory or an unreadable file is the user's to fix: say so, keep it."""
    make_store(tmp_path)[0].close()

    def cannot_open(*args: object, **kwargs: object) -> sqlite3.Connection:
        exc = sqlite3.OperationalError("unable to open database file")
        exc.sqlite_errorname = "SQLITE_CANTOPEN"
        raise exc

    monkeypatch.setattr("suxun_tui.store.recovery.sqlite3.connect", cannot_open)
    with pytest.raises(StoreError, match="cannot open the cache.*writable.*--data-dir"):
        open_store(tmp_path)
    assert (tmp_path / DB_NAME).exists() and not list(tmp_path.glob("*.corrupt-*"))


def test_starred_count_counts_active_sources_only(tmp_path: Path) -> None:
    store, sid = make_store(tmp_path)
    store.store_entries(sid, [entry("1"), entry("2"), entry("3")])
    for h in store.headlines()[:2]:
        store.set_starred(h.id, True)
    assert store.starred_count() == 2
    store.sync_sources([("other", "http://o", None, None)])
    assert store.starred_count() == 0
