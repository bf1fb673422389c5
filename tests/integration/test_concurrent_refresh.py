"""Two ``refresh`` processes (cron and the TUI, say) on one cache at the same time.

Real subprocesses run ``python -m suxun_tui refresh`` against one data dir while this
process keeps reading and marking articles, as an open reader would. Both must finish
(exit 0 or 1), never report "database is locked", and leave an intact cache with every
article exactly once.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from suxun_tui.store import DB_NAME, Store
from tests.support.feeds import items, rss
from tests.support.server import LoopbackServer

FEEDS = 40
ITEMS = 30


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


def write_config(path: Path, server: LoopbackServer) -> None:
    lines = ["[settings]", "retries = 0", "timeout = 20", ""]
    for i in range(FEEDS):
        url = server.add(f"/f{i}.xml", rss(f"F{i}", items(ITEMS, f"F{i}")), delay=0.05)
        lines += ["[[sources]]", f'name = "feed {i}"', f'url = "{url}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def start_refresh(config: Path, data: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    cmd = [sys.executable, "-m", "suxun_tui", "refresh", "--config", str(config)]
    cmd += ["--data-dir", str(data), *extra]
    return subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )


def reader_marks_articles(db: Path, stop: threading.Event, errors: list[str]) -> None:
    """What the open TUI does meanwhile: poll the store, read headlines, mark them read."""
    while not db.exists() and not stop.is_set():
        time.sleep(0.01)
    try:
        with Store(db) as store:
            while not stop.is_set():
                heads = store.headlines(limit=50)
                for head in heads[:5]:
                    store.set_read(head.id)
                store.data_version()
                time.sleep(0.005)
    except Exception as exc:  # reported to the test, which fails on any of them
        errors.append(repr(exc))


@pytest.mark.parametrize("flags", [("--all",), ("--force",)], ids=["all", "force"])
def test_two_refreshes_at_once_share_the_cache_safely(
    server: LoopbackServer, tmp_path: Path, flags: tuple[str, ...]
) -> None:
    config = tmp_path / "config.toml"
    write_config(config, server)
    data = tmp_path / "data"
    stop = threading.Event()
    errors: list[str] = []
    reader = threading.Thread(target=reader_marks_articles, args=(data / DB_NAME, stop, errors))
    reader.start()
    try:
        first = start_refresh(config, data, *flags)
        second = start_refresh(config, data, *flags)
        outputs = [p.communicate(timeout=120)[0] for p in (first, second)]
    finally:
        stop.set()
        reader.join()
    for proc, output in zip((first, second), outputs, strict=True):
        assert proc.returncode in (0, 1), output
        assert "locked" not in output.lower(), output
    assert errors == []
    conn = sqlite3.connect(data / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        total, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT source_id || ':' || guid) FROM articles"
        ).fetchone()
        assert total == distinct == FEEDS * ITEMS
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == FEEDS
        assert (
            conn.execute("SELECT count(*) FROM sources WHERE last_error IS NOT NULL").fetchone()[0]
            == 0
        )
    finally:
        conn.close()


def test_a_refresh_during_a_long_read_transaction_still_commits(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """WAL: a reader holding a snapshot open never blocks the writer."""
    config = tmp_path / "config.toml"
    write_config(config, server)
    data = tmp_path / "data"
    data.mkdir()
    with Store(data / DB_NAME) as store:
        store.conn.execute("BEGIN")
        store.conn.execute("SELECT count(*) FROM articles").fetchone()  # snapshot taken
        proc = start_refresh(config, data, "--all")
        output = proc.communicate(timeout=120)[0]
        store.conn.execute("COMMIT")
        assert proc.returncode == 0, output
        assert store.counts()[1] == FEEDS * ITEMS
