"""Opening a cache that another program is writing in rollback mode waits for it.

Two processes creating one cache at the same moment (two refreshes from cron, or a reader
started meanwhile) met "cannot open the cache (database is locked)": switching the file to
WAL mode is refused at once while another connection writes, without SQLite's busy wait.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from suxun_tui.store import Store
from suxun_tui.store.connection import open_connection, use_wal


def writer_holding(path: Path, seconds: float) -> threading.Timer:
    """A connection writing ``path`` in rollback mode for ``seconds``, then committing."""
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("CREATE TABLE other (x)")
    done = threading.Timer(seconds, lambda: (writer.execute("COMMIT"), writer.close()))
    done.start()
    return done


def test_the_switch_to_wal_waits_for_a_writer_in_rollback_mode(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    done = writer_holding(path, 0.3)
    started = time.monotonic()
    conn = open_connection(path)
    waited = time.monotonic() - started
    done.join()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert waited >= 0.2  # it waited for the commit rather than failing at once
    conn.close()


def test_a_store_opens_while_another_program_creates_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    done = writer_holding(path, 0.3)
    with Store(path) as store:
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    done.join()


def test_a_writer_that_never_lets_go_is_still_an_error_in_the_end(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    done = writer_holding(path, 1.0)
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        use_wal(conn, timeout_ms=100)
    conn.close()
    done.join()
