"""The tables a cache is checked against at start (``schema_check.EXPECTED``, written
out so no start builds them) are exactly those a new cache has after every migration:
a migration that adds, drops or changes a table fails here until they agree."""

from __future__ import annotations

from pathlib import Path

from suxun_tui.store.db import connect
from suxun_tui.store.schema import MIGRATIONS, migrate
from suxun_tui.store.schema_check import EXPECTED, tables


def test_the_expected_tables_are_a_new_caches(tmp_path: Path) -> None:
    conn = connect(tmp_path / "cache.sqlite3")
    try:
        assert migrate(conn) == len(MIGRATIONS)
        assert tables(conn) == EXPECTED
    finally:
        conn.close()
