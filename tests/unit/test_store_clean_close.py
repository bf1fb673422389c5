"""The start-up health check: skipped after our own clean close, kept after any other stop.

Real cache files throughout; an unclean stop is a child process that exits without
closing its store (as kill -9 would leave it), and the damage is garbage written over
the file's last pages, which only SQLite's page check finds.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import index_fill, open_store, recovery
from suxun_tui.store.clean_close import closed_cleanly, note_path
from suxun_tui.store.db import DB_NAME, Store, connect


def filled(tmp_path: Path) -> Path:
    """A cache with enough articles for many pages, closed cleanly."""
    store = open_store(tmp_path).store
    store.sync_sources([("src", "http://x/feed", "feed", "g")])
    source_id = store.source_id("src")
    assert source_id is not None
    body = (Block("paragraph", "words " * 200),)
    store.store_entries(
        source_id,
        [FeedEntry(f"g{i}", f"T{i}", f"http://x/{i}", None, None, body) for i in range(300)],
    )
    store.close()
    return tmp_path / DB_NAME


def traced_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The health check's quick_check statements, as SQLite runs them."""
    statements: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(recovery.sqlite3, "connect", traced)
    return statements


def quick_checks(statements: list[str]) -> list[str]:
    return [s for s in statements if "quick_check" in s]


def damage_last_pages(path: Path, pages: int = 20) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size - pages * 4096)
        handle.write(b"\xa5" * (pages * 4096))


def test_a_clean_close_notes_the_file_and_the_next_start_skips_the_page_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled(tmp_path)
    assert note_path(path).exists()
    statements = traced_checks(monkeypatch)
    opened = open_store(tmp_path)
    checks = quick_checks(statements)
    assert opened.notice is None
    assert "PRAGMA quick_check(1)" not in checks  # no pass over every page
    assert "PRAGMA quick_check(pending_changes)" in checks  # the queue is still checked
    assert not note_path(path).exists()  # open for writing: a crash now leaves no note
    assert len(opened.store.headlines()) == 300
    opened.store.close()
    assert note_path(path).exists()


def test_a_file_changed_after_the_clean_close_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled(tmp_path)
    with sqlite3.connect(path) as conn:  # another program wrote to it
        conn.execute("CREATE TABLE other_program (x)")
    conn.close()
    statements = traced_checks(monkeypatch)
    opened = open_store(tmp_path)
    assert "PRAGMA quick_check(1)" in quick_checks(statements)
    opened.store.close()


def test_a_damaged_cache_after_an_unclean_stop_is_still_moved_aside(tmp_path: Path) -> None:
    path = filled(tmp_path)
    stat = path.stat()
    crash = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from suxun_tui.store import open_store\n"
        "store = open_store(Path(sys.argv[1])).store\n"
        "store.sync_sources([('src', 'http://x/feed', 'feed', 'g'), ('b', 'http://b', None, None)])\n"
        "os._exit(0)  # no close: the write-ahead log stays, no note is written\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(tmp_path)], check=True, timeout=60)
    assert not note_path(path).exists()
    damage_last_pages(path)
    assert path.stat().st_size == stat.st_size
    opened = open_store(tmp_path)
    assert opened.notice and "was damaged" in opened.notice
    assert list(tmp_path.glob(f"{DB_NAME}.corrupt-*"))
    assert opened.store.headlines() == []
    opened.store.close()


def test_without_a_note_the_damage_is_found_even_when_the_wal_was_cleaned_up(
    tmp_path: Path,
) -> None:
    """The older kind of cache (or a note lost): the whole-file check runs as before."""
    path = filled(tmp_path)
    note_path(path).unlink()
    damage_last_pages(path)
    opened = open_store(tmp_path)
    assert opened.notice and "was damaged" in opened.notice
    opened.store.close()


def test_every_writable_connection_removes_the_note_and_a_readers_empty_log_keeps_it(
    tmp_path: Path,
) -> None:
    """The index filler writes through ``connect`` without a Store: it too removes the
    note; a read-only look (the filler's probe) leaves an empty -wal, which holds nothing."""
    path = filled(tmp_path)
    reader = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    reader.execute("SELECT count(*) FROM articles").fetchone()
    reader.close()
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert closed_cleanly(path)
    connect(path).close()
    assert not note_path(path).exists() and not closed_cleanly(path)
    store = Store(path)
    store.close()
    assert closed_cleanly(path)


def test_the_index_filler_notes_its_clean_end(tmp_path: Path) -> None:
    """After a refresh the filler is the last writer: its clean end keeps the next start cheap."""
    path = filled(tmp_path)  # 300 articles waiting for the search index
    assert index_fill.main([str(path)]) == 0
    with sqlite3.connect(path) as conn:
        assert not index_fill.queued(conn)
    conn.close()
    assert closed_cleanly(path)


@pytest.mark.parametrize(
    "command", [["list", "--limit", "5"], ["search", "T1", "--limit", "5"], ["show", "1"]]
)
def test_the_reading_commands_close_the_cache_cleanly(tmp_path: Path, command: list[str]) -> None:
    """``list``, ``search`` and ``show`` open the cache writable (they save the list of
    sources), which takes the note away; closing it puts the note back, so the next start
    still skips the page check."""
    path = filled(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text('[[sources]]\nname = "src"\nurl = "http://x/feed"\ngroup = "g"\n')
    argv = [sys.executable, "-m", "suxun_tui", *command, "--offline"]
    argv += ["--config", str(config), "--data-dir", str(tmp_path)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert note_path(path).exists() and closed_cleanly(path)


@pytest.mark.parametrize("command", [["gc"], ["gc", "--dry-run"], ["rules", "apply"]])
def test_gc_and_rules_close_the_cache_cleanly(tmp_path: Path, command: list[str]) -> None:
    """``gc`` and ``rules apply`` write to the cache; closing it puts the note back (the
    index filler gc may start takes it away while it writes and puts it back at its end)."""
    path = filled(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        '[[sources]]\nname = "src"\nurl = "http://x/feed"\ngroup = "g"\nkeep_days = 1\n'
        '[[rules]]\nquery = "T1"\naction = "read"\n'
    )
    argv = [sys.executable, "-m", "suxun_tui", *command]
    argv += ["--config", str(config), "--data-dir", str(tmp_path)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    for _ in range(300):  # the filler, when gc started one, ends within seconds
        if closed_cleanly(path):
            break
        time.sleep(0.1)
    assert note_path(path).exists() and closed_cleanly(path)
