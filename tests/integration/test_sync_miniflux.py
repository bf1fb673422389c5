# ruff: noqa: F811  (the session fixtures are imported, then named as parameters)
"""Sync against a real Miniflux, through both of its APIs (REST and Google Reader).

Miniflux itself fetches the feeds from the tests' loopback server; the tests then act as a
second device through Miniflux's own REST API, and as suxun-tui through the sync engine.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from suxun_tui.config import Config, parse_config
from suxun_tui.net.client import Fetcher
from suxun_tui.store import Store
from suxun_tui.store.queue import pending_count
from suxun_tui.store.remote import AccountStore, Known
from suxun_tui.sync import sync_accounts
from suxun_tui.sync.miniflux import COMMIT_SLACK, MinifluxClient
from suxun_tui.sync.secrets import Secret
from tests.support.feeds import items, rss
from tests.support.miniflux_fixture import clean_miniflux, feed_server, miniflux  # noqa: F401
from tests.support.miniflux_server import GREADER_PASSWORD, GREADER_USER, MinifluxServer
from tests.support.server import LoopbackServer

APIS = ["miniflux", "greader"]


def account_config(server: MinifluxServer, api: str, tmp_path: Path, **extra: str) -> Config:
    if api == "miniflux":
        lines = ['type = "miniflux"', 'token_env = "TEST_MINIFLUX_TOKEN"']
    else:
        lines = [
            'type = "greader"',
            f'username = "{GREADER_USER}"',
            'password_env = "TEST_GREADER_PASSWORD"',
        ]
    lines += [f'{k} = "{v}"' for k, v in extra.items()]
    text = '[[accounts]]\nname = "home"\n' + f'url = "{server.url}"\n' + "\n".join(lines) + "\n"
    path = tmp_path / "config.toml"
    path.write_text(text)
    path.chmod(0o600)
    return parse_config(text, path)


@pytest.fixture
def secrets(monkeypatch: pytest.MonkeyPatch, miniflux: MinifluxServer) -> None:
    monkeypatch.setenv("TEST_MINIFLUX_TOKEN", miniflux.api_key)
    monkeypatch.setenv("TEST_GREADER_PASSWORD", GREADER_PASSWORD)


def subscribe(
    server: MinifluxServer, feeds: LoopbackServer, path: str, n: int, folder: str = "Tech"
) -> int:
    url = feeds.add(
        path,
        rss(f"Feed {path}", items(n, prefix=path.strip("/").title())),
        headers={"Content-Type": "application/rss+xml"},
    )
    return server.add_feed(url, folder)


def headlines(db: Path) -> dict[str, tuple[bool, bool]]:
    with Store(db) as store:
        return {h.title: (h.read, h.starred) for h in store.headlines()}


@pytest.mark.parametrize("api", APIS)
def test_first_sync_brings_feeds_folders_and_entries(
    api: str,
    clean_miniflux: MinifluxServer,
    feed_server: LoopbackServer,
    tmp_path: Path,
    secrets: None,
) -> None:
    subscribe(clean_miniflux, feed_server, "/alpha", 3)
    config = account_config(clean_miniflux, api, tmp_path)
    db = tmp_path / "cache.sqlite3"
    [result] = sync_accounts(config, db)
    assert result.ok, result.error
    assert result.new == 3
    with Store(db) as store:
        sources = store.sources()
        assert [(s.name, s.group, s.unread, s.total) for s in sources] == [
            ("home: Feed /alpha", "home/Tech", 3, 3)
        ]
        article = store.headlines()[0]
        detail = store.article(article.id)
        assert detail is not None and "Body of Alpha" in detail.body
    again = sync_accounts(config, db)[0]
    assert again.ok and again.new == 0 and again.pushed == 0


@pytest.mark.parametrize("api", APIS)
def test_incremental_sync_and_flags_both_ways(
    api: str,
    clean_miniflux: MinifluxServer,
    feed_server: LoopbackServer,
    tmp_path: Path,
    secrets: None,
) -> None:
    feed_id = subscribe(clean_miniflux, feed_server, f"/inc-{api}", 2)
    config = account_config(clean_miniflux, api, tmp_path)
    db = tmp_path / "cache.sqlite3"
    assert sync_accounts(config, db)[0].new == 2
    prefix = f"Inc-{api}".title()
    # New entries on the server come down, and only they.
    feed_server.add(
        f"/inc-{api}",
        rss("Feed", items(4, prefix=prefix)),
        headers={"Content-Type": "application/rss+xml"},
    )
    clean_miniflux.refresh_feed(feed_id)
    result = sync_accounts(config, db)[0]
    assert result.ok and result.new == 2, result
    # Another device reads and stars: seen locally.
    entries = {e["title"]: e["id"] for e in clean_miniflux.entries()}
    clean_miniflux.set_entries([entries[f"{prefix} 0"]], status="read")
    clean_miniflux.set_entries([entries[f"{prefix} 1"]], starred=True)
    assert sync_accounts(config, db)[0].ok
    state = headlines(db)
    assert state[f"{prefix} 0"] == (True, False)
    assert state[f"{prefix} 1"] == (False, True)
    # Reading and starring here: seen in Miniflux's own API.
    with Store(db) as store:
        ids = {h.title: h.id for h in store.headlines()}
        store.set_read(ids[f"{prefix} 2"])
        store.set_starred(ids[f"{prefix} 3"], True)
        store.set_read(ids[f"{prefix} 0"], False)
        assert pending_count(store.conn, "home") == 3
    result = sync_accounts(config, db)[0]
    assert result.ok and result.pushed == 3, result
    server = {e["title"]: (e["status"], e["starred"]) for e in clean_miniflux.entries()}
    assert server[f"{prefix} 2"] == ("read", False)
    assert server[f"{prefix} 3"] == ("unread", True)
    assert server[f"{prefix} 0"] == ("unread", False)
    with Store(db) as store:
        assert pending_count(store.conn) == 0
    assert headlines(db)[f"{prefix} 0"] == (False, False)


@pytest.mark.parametrize("api", APIS)
def test_offline_marks_wait_in_the_queue_and_arrive_at_the_next_sync(
    api: str,
    clean_miniflux: MinifluxServer,
    feed_server: LoopbackServer,
    tmp_path: Path,
    secrets: None,
) -> None:
    subscribe(clean_miniflux, feed_server, f"/off-{api}", 3)
    config = account_config(clean_miniflux, api, tmp_path)
    db = tmp_path / "cache.sqlite3"
    sync_accounts(config, db)
    with Store(db) as store:
        assert store.mark_all_read() == 3
    offline = sync_accounts(config, db, offline=True)[0]
    assert offline.ok and offline.queued == 3 and offline.pushed == 0
    assert all(e["status"] == "unread" for e in clean_miniflux.entries())
    # A restart in between: the queue lives in the cache file.
    result = sync_accounts(config, db)[0]
    assert result.ok and result.pushed == 3 and result.queued == 0
    assert all(e["status"] == "read" for e in clean_miniflux.entries())


@pytest.mark.parametrize("api", APIS)
def test_wrong_credentials_name_the_account_and_keep_the_queue(
    api: str,
    clean_miniflux: MinifluxServer,
    feed_server: LoopbackServer,
    tmp_path: Path,
    secrets: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    subscribe(clean_miniflux, feed_server, f"/auth-{api}", 1)
    config = account_config(clean_miniflux, api, tmp_path)
    db = tmp_path / "cache.sqlite3"
    sync_accounts(config, db)
    with Store(db) as store:
        store.set_starred(store.headlines()[0].id, True)
    monkeypatch.setenv("TEST_MINIFLUX_TOKEN", "not-the-token")
    monkeypatch.setenv("TEST_GREADER_PASSWORD", "not-the-password")
    [result] = sync_accounts(config, db)
    assert not result.ok and result.auth_failed
    assert result.error is not None and "account 'home'" in result.error
    assert "not-the" not in result.error
    assert result.queued == 1
    with Store(db) as store:
        assert store.sources()[0].last_error == result.error


@pytest.mark.parametrize("api", APIS)
def test_conflicts_follow_the_documented_rule(
    api: str,
    clean_miniflux: MinifluxServer,
    feed_server: LoopbackServer,
    tmp_path: Path,
    secrets: None,
) -> None:
    subscribe(clean_miniflux, feed_server, f"/conf-{api}", 2)
    prefix = f"Conf-{api}".title()
    config = account_config(clean_miniflux, api, tmp_path)
    db = tmp_path / "cache.sqlite3"
    sync_accounts(config, db)
    entries = {e["title"]: e["id"] for e in clean_miniflux.entries()}
    with Store(db) as store:
        ids = {h.title: h.id for h in store.headlines()}
        store.set_read(ids[f"{prefix} 0"])  # local mark first ...
        store.set_starred(ids[f"{prefix} 1"], True)
    # ... then the server changes the same entries' flags to something else.
    clean_miniflux.set_entries([entries[f"{prefix} 0"]], status="read")
    clean_miniflux.set_entries([entries[f"{prefix} 0"]], status="unread")
    clean_miniflux.set_entries([entries[f"{prefix} 1"]], starred=True)
    clean_miniflux.set_entries([entries[f"{prefix} 1"]], starred=False)
    assert sync_accounts(config, db)[0].ok
    server = {e["title"]: (e["status"], e["starred"]) for e in clean_miniflux.entries()}
    local = headlines(db)
    if api == "miniflux":  # change times: the later change (the server's) wins
        assert server[f"{prefix} 0"] == ("unread", False) and local[f"{prefix} 0"] == (False, False)
        assert server[f"{prefix} 1"] == ("unread", False) and local[f"{prefix} 1"] == (False, False)
    else:  # no change times: the local pending mark wins
        assert server[f"{prefix} 0"] == ("read", False) and local[f"{prefix} 0"] == (True, False)
        assert server[f"{prefix} 1"] == ("unread", True) and local[f"{prefix} 1"] == (False, True)


def test_a_sync_with_nothing_new_lists_no_entry_again(
    clean_miniflux: MinifluxServer,
    feed_server: LoopbackServer,
    tmp_path: Path,
    secrets: None,
) -> None:
    """``changed_after`` counts whole seconds: the entries created in the newest change's
    second must not come back at every later sync."""
    subscribe(clean_miniflux, feed_server, "/quiet", 6)
    time.sleep(COMMIT_SLACK + 1.5)  # the entries' second is over before the first sync
    config = account_config(clean_miniflux, "miniflux", tmp_path)
    db = tmp_path / "cache.sqlite3"
    assert sync_accounts(config, db)[0].new == 6

    async def listed_again() -> int:
        with Store(db) as store:
            account = AccountStore(store, "home")
            cursor, known = account.cursor(), account.known()
        assert cursor.get("changed_after")
        secret = Secret("token", clean_miniflux.api_key)
        async with Fetcher(config.settings) as fetcher:
            client = MinifluxClient(fetcher, "home", clean_miniflux.url, "", secret)
            listed = 0

            async def cached() -> dict[str, Known]:
                return known

            async for batch in client.pull(cursor, cached):
                listed += len(batch.entries) + len(batch.flags)
            return listed

    assert asyncio.run(listed_again()) == 0
