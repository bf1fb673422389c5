"""The queue of local marks: filled by the store's marking methods, emptied by a sync."""

from __future__ import annotations

import gc
from pathlib import Path

from suxun_tui.models import FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.articles import article_row
from suxun_tui.store.queue import pending_changes, pending_count
from suxun_tui.store.remote import AccountStore, RemoteEntry, RemoteFeed, retire_accounts


def account_store(tmp_path: Path) -> tuple[Store, AccountStore, dict[str, int]]:
    store = Store(tmp_path / "cache.sqlite3")
    store.sync_sources([("local", "https://example.org/feed", "feed", None)])
    store.store_entries(store.source_id("local") or 0, [FeedEntry("l1", "Local", "https://e/l")])
    account = AccountStore(store, "home")
    account.set_feeds([RemoteFeed("7", "Seven", "https://e/7", "Tech")])
    entries = [
        RemoteEntry("7", article_row(FeedEntry(str(i), f"E{i}", f"https://e/{i}")), False, False)
        for i in (1, 2, 3)
    ]
    account.store_entries(entries)
    ids = {h.title: h.id for h in store.headlines()}
    return store, account, ids


def test_marks_of_account_articles_are_queued_and_local_ones_are_not(tmp_path: Path) -> None:
    store, account, ids = account_store(tmp_path)
    store.set_read(ids["Local"])
    assert pending_count(store.conn) == 0
    store.set_read(ids["E1"])
    store.set_starred(ids["E2"], True)
    changes = {(c.remote_id, c.flag, c.value) for c in account.pending()}
    assert changes == {("1", "read", True), ("2", "starred", True)}


def test_marking_again_replaces_the_row_with_a_new_id(tmp_path: Path) -> None:
    store, account, ids = account_store(tmp_path)
    store.set_read(ids["E1"])
    [first] = account.pending()
    store.set_read(ids["E1"], False)
    [second] = account.pending()
    assert second.id != first.id and second.value is False
    account.drop_pushed([first.id])  # a sync pushed the old state: the new one stays
    assert [c.id for c in account.pending()] == [second.id]


def test_a_mark_that_changes_nothing_is_not_queued(tmp_path: Path) -> None:
    store, account, ids = account_store(tmp_path)
    store.set_starred(ids["E1"], False)
    store.set_read(ids["E1"], False)
    assert account.pending() == []


def test_mark_all_read_queues_exactly_the_unread_account_articles(tmp_path: Path) -> None:
    store, account, ids = account_store(tmp_path)
    store.set_read(ids["E1"])
    account.drop_pushed([c.id for c in account.pending()])
    assert store.mark_all_read(group="home/Tech") == 2
    assert sorted(c.remote_id for c in account.pending()) == ["2", "3"]
    assert store.mark_all_read() == 1  # the local article: not queued
    assert pending_count(store.conn) == 2
    store.mark_read([ids["E1"]])  # already read: nothing new
    assert pending_count(store.conn) == 2


def test_server_flags_never_overwrite_a_queued_mark(tmp_path: Path) -> None:
    store, account, ids = account_store(tmp_path)
    store.set_read(ids["E1"])
    row = article_row(FeedEntry("1", "E1", "https://e/1"))
    account.store_entries([RemoteEntry("7", row, False, True)])
    detail = store.article(ids["E1"])
    assert detail is not None and detail.read and detail.starred
    account.apply_flags([(ids["E1"], "read", False), (ids["E2"], "read", True)])
    assert [h.read for h in store.headlines() if h.title in ("E1", "E2")] == [True, True]


def test_the_queue_survives_reopening_the_cache(tmp_path: Path) -> None:
    store, _, ids = account_store(tmp_path)
    store.set_starred(ids["E3"], True)
    store.close()
    with Store(tmp_path / "cache.sqlite3") as again:
        [change] = pending_changes(again.conn, "home")
        assert (change.remote_id, change.flag, change.value) == ("3", "starred", True)


def test_account_sources_stay_when_the_config_sources_change(tmp_path: Path) -> None:
    store, account, _ = account_store(tmp_path)
    store.sync_sources([])
    assert [s.name for s in store.sources()] == ["home: Seven"]
    assert store.sources()[0].group == "home/Tech"
    retire_accounts(store, [])
    assert store.sources() == []
    account.set_feeds([RemoteFeed("7", "Seven", "https://e/7")])
    assert [(s.name, s.group, s.total) for s in store.sources()] == [("home: Seven", "home", 3)]


def test_the_account_entries_known_to_the_cache_carry_each_entry_s_own_flags(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "cache.sqlite3")
    store.sync_sources([("local", "https://example.org/feed", "feed", None)])
    store.store_entries(store.source_id("local") or 0, [FeedEntry("9", "Local", "https://e/l")])
    home, work = AccountStore(store, "home"), AccountStore(store, "work")
    home.set_feeds([RemoteFeed("7", "Seven", "https://e/7", None), RemoteFeed("8", "E", "u", None)])
    work.set_feeds([RemoteFeed("7", "Other seven", "https://w/7", None)])
    flags = [(False, False), (True, False), (False, True), (True, True)]
    home.store_entries(
        [
            RemoteEntry(feed, article_row(FeedEntry(f"{feed}{n}", "T", f"https://e/{feed}{n}")), *f)
            for feed in ("7", "8")
            for n, f in enumerate(flags)
        ]
    )
    work.store_entries(
        [RemoteEntry("7", article_row(FeedEntry("70", "W", "https://w/1")), True, True)]
    )
    rows = store.conn.execute(
        "SELECT a.guid, a.id, a.read, a.starred FROM articles a"
        " JOIN sources s ON s.id = a.source_id WHERE s.account = ?",
        ("home",),
    ).fetchall()
    expected = {g: (i, bool(r), bool(s)) for g, i, r, s in rows}
    assert len(expected) == 8
    assert {g: tuple(k) for g, k in home.known().items()} == expected
    assert sorted((k.read, k.starred) for k in home.known().values()) == sorted(flags * 2)
    assert {g: tuple(k)[1:] for g, k in work.known().items()} == {"70": (True, True)}
    assert gc.isenabled()  # paused while the entries are made, and on again after
    gc.disable()
    try:
        assert home.known() and not gc.isenabled()  # and left off when it was off
    finally:
        gc.enable()


def test_feeds_the_cache_already_holds_as_they_are_write_nothing(tmp_path: Path) -> None:
    store, account, _ = account_store(tmp_path)
    feeds = [RemoteFeed("7", "Seven", "https://e/7", "Tech"), RemoteFeed("8", "Eight", "u", None)]
    first = account.set_feeds(feeds)
    writes = store.conn.total_changes
    assert account.set_feeds(feeds) == first
    assert store.conn.total_changes == writes  # nothing written the second time
    renamed = [RemoteFeed("7", "Seven!", "https://e/7", "Tech"), feeds[1]]
    assert account.set_feeds(renamed) == first and store.conn.total_changes > writes
    assert "home: Seven!" in account.source_names()
    assert account.set_feeds(renamed[:1]) == {"7": first["7"]}  # a feed gone is hidden
    assert account.set_feeds(renamed) == first  # and shown again when it is back
