# ruff: noqa: F811  (the session fixtures are imported, then named as parameters)
"""The commands a user runs against a real Miniflux: refresh, subscribe, list; a server
that goes away mid-sync; a kill -9 mid-sync."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from suxun_tui.store import Store
from suxun_tui.store.queue import pending_count
from tests.support.feeds import items, rss
from tests.support.miniflux_fixture import clean_miniflux, feed_server, miniflux  # noqa: F401
from tests.support.miniflux_server import GREADER_PASSWORD, GREADER_USER, MinifluxServer
from tests.support.server import LoopbackServer

RSS = {"Content-Type": "application/rss+xml"}


def write_config(tmp_path: Path, server: MinifluxServer, api: str) -> dict[str, str]:
    if api == "miniflux":
        secret = 'token_env = "TEST_MINIFLUX_TOKEN"'
    else:
        secret = f'username = "{GREADER_USER}"\npassword_command = ["printf", "%s\\\\n", "{GREADER_PASSWORD}"]'
    path = tmp_path / "config.toml"
    path.write_text(
        f'[[accounts]]\nname = "home"\ntype = "{api}"\nurl = "{server.url}"\n{secret}\n'
    )
    path.chmod(0o600)
    return {
        **os.environ,
        "SUXUN_TUI_CONFIG": str(path),
        "SUXUN_TUI_DATA_DIR": str(tmp_path / "data"),
        "TEST_MINIFLUX_TOKEN": server.api_key,
    }


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "suxun_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize("api", ["miniflux", "greader"])
def test_refresh_subscribe_and_list_as_a_user_would(
    api: str, clean_miniflux: MinifluxServer, feed_server: LoopbackServer, tmp_path: Path
) -> None:
    env = write_config(tmp_path, clean_miniflux, api)
    url = feed_server.add(f"/cli-{api}", rss("CLI feed", items(3, prefix="Cli")), headers=RSS)
    done = run(env, "subscribe", url, "--account", "home", "--folder", "News")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 new article(s)" in done.stdout
    assert [f["feed_url"] for f in clean_miniflux.api("GET", "/v1/feeds")] == [url]
    listed = run(env, "list", "--unread")
    assert listed.returncode == 0 and listed.stdout.count("Cli ") == 3
    refreshed = run(env, "refresh")
    assert refreshed.returncode == 0, refreshed.stdout + refreshed.stderr
    assert (
        "synced account 'home': 0 new article(s), 0 change(s) pushed, 0 queued" in refreshed.stdout
    )
    assert GREADER_PASSWORD not in refreshed.stdout + refreshed.stderr
    gone = run(env, "unsubscribe", "home: CLI feed", "--account", "home")
    assert gone.returncode == 0, gone.stdout + gone.stderr
    assert clean_miniflux.api("GET", "/v1/feeds") == []


def test_wrong_token_exits_1_naming_the_account(
    clean_miniflux: MinifluxServer, tmp_path: Path
) -> None:
    env = write_config(tmp_path, clean_miniflux, "miniflux")
    env["TEST_MINIFLUX_TOKEN"] = "wrong"
    done = run(env, "refresh")
    assert done.returncode == 1
    assert "error: account 'home': the server refused" in done.stdout
    assert "Traceback" not in done.stderr


def test_server_stopped_mid_sync_keeps_the_queue_and_says_so(
    clean_miniflux: MinifluxServer, feed_server: LoopbackServer, tmp_path: Path
) -> None:
    from suxun_tui.config import load_config
    from suxun_tui.sync import sync_accounts

    env = write_config(tmp_path, clean_miniflux, "miniflux")
    os.environ["TEST_MINIFLUX_TOKEN"] = clean_miniflux.api_key
    url = feed_server.add("/big", rss("Big", items(600, prefix="Big")), headers=RSS)
    clean_miniflux.add_feed(url)
    config = load_config(Path(env["SUXUN_TUI_CONFIG"]))
    db = tmp_path / "cache.sqlite3"
    first = sync_accounts(config, db)[0]
    assert first.ok and first.new == 600
    with Store(db) as store:
        store.mark_all_read()
        assert pending_count(store.conn) == 600
    feed_server.add("/big", rss("Big", items(1800, prefix="Big")), headers=RSS)
    feed_id = clean_miniflux.api("GET", "/v1/feeds")[0]["id"]
    clean_miniflux.refresh_feed(feed_id)
    stopped = False

    def stop_after_first_batch(progress: object) -> None:
        nonlocal stopped
        if not stopped and getattr(progress, "pulled", 0) > 0:
            stopped = True
            clean_miniflux.stop_miniflux()

    try:
        result = sync_accounts(config, db, on_progress=stop_after_first_batch)[0]
    finally:
        clean_miniflux.start_miniflux()
    assert stopped and not result.ok and result.server_down
    assert result.error is not None and "local changes stay queued" in result.error
    assert 0 < result.new < 1200 and result.queued == 600
    again = sync_accounts(config, db)[0]
    assert again.ok and again.pushed == 600 and again.queued == 0
    assert again.new + result.new == 1200
    with Store(db) as store:
        assert store.counts() == (1200, 1800)


def test_kill_9_mid_sync_leaves_cache_and_queue_consistent(
    clean_miniflux: MinifluxServer, feed_server: LoopbackServer, tmp_path: Path
) -> None:
    env = write_config(tmp_path, clean_miniflux, "miniflux")
    url = feed_server.add("/kill", rss("Kill", items(1500, prefix="Kill")), headers=RSS)
    clean_miniflux.add_feed(url)
    data = Path(env["SUXUN_TUI_DATA_DIR"])
    db = data / "cache.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-m", "suxun_tui", "refresh"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill the moment the first batch is in the cache: the sync is then surely mid-way.
    deadline = time.monotonic() + 60
    total = 0
    while time.monotonic() < deadline and child.poll() is None:
        if db.exists():
            with contextlib.suppress(sqlite3.Error), sqlite3.connect(db, timeout=0.1) as conn:
                total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            if total:
                break
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = store.counts()[1]
        ids = [h.id for h in store.headlines(limit=10)]
        store.mark_read(ids)
        assert pending_count(store.conn) == len(ids)
    done = run(env, "refresh")
    assert done.returncode == 0, done.stdout
    with Store(db) as store:
        assert store.counts()[1] == 1500
        assert pending_count(store.conn) == 0
        dupes = store.conn.execute(
            "SELECT count(*) FROM (SELECT guid FROM articles GROUP BY source_id, guid HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dupes == 0
    assert len(clean_miniflux.entries(status="read")) == len(ids)
    assert 0 < partial < 1500, partial
