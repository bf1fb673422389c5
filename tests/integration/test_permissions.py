"""A cache we may read but not write, or not even read: a message and exit 2, or read-only.

The commands run as a real child process without the power to ignore file modes: as
root (tests run as root in CI containers) under ``setpriv`` with every capability
dropped, so the kernel checks the mode bits as it does for any user; as another user,
directly. Where neither is possible the tests skip and say why.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from suxun_tui.models import FeedEntry
from suxun_tui.store import DB_NAME, Store

CONFIG = """
[[sources]]
name = "本地"
url = "http://127.0.0.1:9/feed.xml"
kind = "feed"
"""


def unprivileged() -> list[str]:
    """The prefix that runs a command bound by file modes (nothing when we already are)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv", path=f"{os.environ.get('PATH', '')}:/usr/bin:/bin")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be made to apply")
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all"]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A config with one source and a cache holding two of its articles."""
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    with Store(data / DB_NAME) as store:
        store.sync_sources([("本地", "http://127.0.0.1:9/feed.xml", "feed", None)])
        sid = store.source_id("本地")
        assert sid is not None
        store.store_entries(
            sid,
            [
                FeedEntry("a", "第一篇", "http://x/a", "2025-01-02T00:00:00Z"),
                FeedEntry("b", "第二篇", "http://x/b", "2025-01-01T00:00:00Z"),
            ],
        )
    return tmp_path


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SUXUN_TUI_CONFIG": str(home / "config.toml"),
        "SUXUN_TUI_DATA_DIR": str(home / "data"),
    }
    command = [*unprivileged(), sys.executable, "-m", "suxun_tui", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


@contextlib.contextmanager
def mode(path: Path, bits: int) -> Iterator[None]:
    old = path.stat().st_mode & 0o7777
    path.chmod(bits)
    try:
        yield
    finally:
        path.chmod(old)


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr, done.stderr


def test_a_read_only_cache_file_is_read_and_never_written(home: Path) -> None:
    cache = home / "data" / DB_NAME
    with mode(cache, 0o444):
        listed = run(home, "list")
        no_traceback(listed)
        assert listed.returncode == 0 and "第一篇" in listed.stdout and "第二篇" in listed.stdout
        assert str(cache) in listed.stderr and "read-only" in listed.stderr
        shown = run(home, "show", "1")
        no_traceback(shown)
        assert shown.returncode == 0 and "第" in shown.stdout
        found = run(home, "search", "第二")
        no_traceback(found)
        assert found.returncode == 0 and "第二篇" in found.stdout
        for command in (["refresh"], ["read"]):
            refused = run(home, *command)
            no_traceback(refused)
            assert refused.returncode == 2, (command, refused.stderr)
            assert str(cache) in refused.stderr and "chmod u+w" in refused.stderr


def test_a_read_only_directory_with_wal_files_present_is_read(home: Path) -> None:
    data = home / "data"
    keeper = sqlite3.connect(data / DB_NAME)  # an open connection keeps -wal and -shm
    keeper.execute("SELECT count(*) FROM articles").fetchone()
    try:
        assert (data / f"{DB_NAME}-wal").exists() and (data / f"{DB_NAME}-shm").exists()
        with mode(data, 0o555):
            listed = run(home, "list", "--json")
            no_traceback(listed)
            assert listed.returncode == 0 and "第一篇" in listed.stdout
            refused = run(home, "refresh")
            no_traceback(refused)
            assert refused.returncode == 2 and str(data) in refused.stderr
    finally:
        keeper.close()


def test_a_read_only_directory_without_wal_files_is_read(home: Path) -> None:
    data = home / "data"
    assert not (data / f"{DB_NAME}-wal").exists()
    with mode(data, 0o555):
        listed = run(home, "list")
        no_traceback(listed)
        assert listed.returncode == 0 and "第二篇" in listed.stdout, listed.stderr


def test_a_data_directory_we_may_not_enter_is_exit_2_with_the_path(home: Path) -> None:
    data = home / "data"
    with mode(data, 0o000):
        for command in (["list"], ["refresh"], ["show", "1"]):
            done = run(home, *command)
            no_traceback(done)
            assert done.returncode == 2, (command, done.stderr)
            assert str(data) in done.stderr and "chmod u+rwx" in done.stderr
