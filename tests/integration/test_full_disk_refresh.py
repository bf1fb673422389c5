"""A cache on a full disk: a refresh's (or a sync's) message names the source (the account),
says the disk is full and what to do, the command exits 1 — or 2 when the cache cannot even
be opened, which is not called unreadable — and the articles already cached stay intact.

The disk is a real small tmpfs filled to the last byte (``tests.support.disk``), so SQLite
itself answers "database or disk is full"; where mounting is not possible the test skips.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from suxun_tui.config import parse_config
from suxun_tui.store import DB_NAME, Store
from suxun_tui.sync import sync_accounts
from tests.support.disk import fill_disk, settle_wal, small_disk
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

# Free room left on the full disk: enough to open the cache, far too little to store a feed.
ROOM = 192 * 1024


def _config(path: Path, *urls: tuple[str, str]) -> None:
    path.write_text(
        "".join(f'[[sources]]\nname = "{name}"\nurl = "{url}"\n\n' for name, url in urls),
        encoding="utf-8",
    )


def _run(config: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUXUN_TUI_CONFIG": str(config), "SUXUN_TUI_DATA_DIR": str(data)}
    command = [sys.executable, "-m", "suxun_tui", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def _refresh(config: Path, data: Path) -> subprocess.CompletedProcess[str]:
    return _run(config, data, "refresh", "--all")


def _cache_intact(data: Path, titles: list[str]) -> None:
    conn = sqlite3.connect(data / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    with Store(data / DB_NAME) as store:
        assert sorted(h.title for h in store.headlines()) == titles


def test_a_disk_that_fills_during_a_refresh_names_the_source_and_the_remedy(
    tmp_path: Path,
) -> None:
    with LoopbackServer() as server, small_disk(tmp_path / "disk") as disk:
        first = server.add("/a.xml", rss("A", items(3, "A")))
        body = "很长的一段正文。" * 400  # each article some 10 KB: the new feed cannot fit
        many = [{**item, "description": f"<p>{body}</p>"} for item in items(60, "Big")]
        big = server.add("/big.xml", rss("Big", many))
        config, data = tmp_path / "config.toml", disk / "data"
        _config(config, ("本地", first))
        assert _refresh(config, data).returncode == 0
        settle_wal(data / DB_NAME)
        _config(config, ("本地", first), ("大", big))
        filler = fill_disk(disk)
        os.truncate(filler, filler.stat().st_size - ROOM)  # room to open, not to store
        failed = _refresh(config, data)
        said = failed.stdout + failed.stderr
        assert failed.returncode == 1, said
        assert "大: the disk holding" in said, said
        assert "is full" in said and "free some space there" in said
        assert "unexpected error" not in said
        filler.unlink()  # the user frees some space
        _cache_intact(data, [f"A {i}" for i in range(3)])
        again = _refresh(config, data)
        assert again.returncode == 0, again.stderr
        with Store(data / DB_NAME) as store:
            assert len(store.headlines()) == 63


def test_a_cache_on_a_full_disk_is_not_called_unreadable_and_can_be_read(tmp_path: Path) -> None:
    with LoopbackServer() as server, small_disk(tmp_path / "disk") as disk:
        first = server.add("/a.xml", rss("A", items(3, "A")))
        config, data = tmp_path / "config.toml", disk / "data"
        _config(config, ("本地", first))
        assert _refresh(config, data).returncode == 0
        settle_wal(data / DB_NAME)
        filler = fill_disk(disk)
        failed = _refresh(config, data)
        assert failed.returncode == 2, failed.stderr
        assert "the disk holding it is full" in failed.stderr, failed.stderr
        assert "readable and writable" not in failed.stderr
        listed = _run(config, data, "list", "--json")  # what is cached can still be read
        assert listed.returncode == 0, listed.stderr
        assert "reading only" in listed.stderr and "is full" in listed.stderr
        assert sorted(row["title"] for row in json.loads(listed.stdout)) == [
            f"A {i}" for i in range(3)
        ]
        filler.unlink()
        _cache_intact(data, [f"A {i}" for i in range(3)])


def test_a_sync_into_a_full_disk_names_the_account_and_the_remedy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOKEN", "t")
    body = "<p>" + "很长的一段正文。" * 400 + "</p>"
    entries = [
        {
            "id": n,
            "feed_id": 1,
            "status": "unread",
            "starred": False,
            "title": f"Entry {n}",
            "url": f"https://example.org/{n}",
            "published_at": "2026-11-30T10:00:00Z",
            "changed_at": "2026-11-30T10:00:00Z",
            "content": body,
            "author": "",
        }
        for n in range(1, 61)
    ]
    json_type = {"Content-Type": "application/json"}
    with LoopbackServer() as server, small_disk(tmp_path / "disk") as disk:
        server.add("/v1/me", json.dumps({"id": 1}), headers=json_type)
        feeds = [{"id": 1, "title": "F", "feed_url": "https://e/f", "category": {"title": "T"}}]
        server.add("/v1/feeds", json.dumps(feeds), headers=json_type)
        listing = {"total": len(entries), "entries": entries}
        server.add("/v1/entries", json.dumps(listing, ensure_ascii=False), headers=json_type)
        text = (
            '[settings]\nretries = 0\ntimeout = 5\n[[accounts]]\nname = "home"\n'
            f'type = "miniflux"\nurl = "{server.url("")}"\ntoken_env = "TOKEN"\n'
        )
        config = parse_config(text, tmp_path / "config.toml")
        cache = disk / DB_NAME
        Store(cache).close()
        settle_wal(cache)
        filler = fill_disk(disk)
        os.truncate(filler, filler.stat().st_size - ROOM)
        [result] = sync_accounts(config, cache)
        assert not result.ok
        assert result.error is not None and "account 'home'" in result.error, result.error
        assert "is full" in result.error and "free some space there" in result.error
        filler.unlink()
        [again] = sync_accounts(config, cache)
        assert again.ok, again.error
        with Store(cache) as store:
            assert len(store.headlines()) == 60
