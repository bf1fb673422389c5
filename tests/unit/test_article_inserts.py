"""A source's new rows are inserted by statements of many rows: the same rows, ids and
counts as one statement a row, whatever the statements' size."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from suxun_tui.store import DB_NAME, SourceUpdate, Store
from suxun_tui.store.articles import ArticleRow
from suxun_tui.store.source_writes import SourceRows

COLUMNS = "id, source_id, guid, url, title, published, author, body, content_hash, url_key"


def _rows(count: int) -> list[ArticleRow]:
    return [
        (f"g{i}", f"http://example.org/{i}", f"标题 {i}", f"2025-01-01T00:{i % 60:02d}:00Z")
        + (None if i % 3 else "作者", f'[["paragraph","正文 {i}"]]', i % 2, f"hash{i}")
        for i in range(count)
    ]


def _stored(path: Path, variables: int | None) -> tuple[list[object], list[tuple[object, ...]]]:
    path.parent.mkdir(exist_ok=True)
    with Store(path) as store:
        store.sync_sources([("S", "http://example.org/s.xml", None, None), ("T", "t", None, None)])
        source, other = store.source_id("S"), store.source_id("T")
        assert source is not None and other is not None
        if variables is not None:  # a build of SQLite that allows few variables a statement
            store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variables)
        first = _rows(7)
        keys = [f"key{i}" for i in range(7)]
        counts = store.store_sources([SourceRows(source, first, SourceUpdate(), keys)])
        # a second refresh: three new rows among the stored, and another source's rows
        later = _rows(10)[::-1]
        counts += store.store_sources(
            [SourceRows(source, later, SourceUpdate()), SourceRows(other, _rows(4))]
        )
        rows = store.conn.execute(f"SELECT {COLUMNS}, item_hash FROM articles ORDER BY id")
        return [tuple(c) for c in counts], rows.fetchall()


@pytest.mark.parametrize("variables", [13, 13 * 3, 13 * 4 - 1])
def test_the_same_rows_by_statements_of_any_size(tmp_path: Path, variables: int) -> None:
    assert _stored(tmp_path / "few" / DB_NAME, variables) == _stored(
        tmp_path / "many" / DB_NAME, None
    )


def test_rows_are_stored_in_order_with_their_keys(tmp_path: Path) -> None:
    counts, rows = _stored(tmp_path / DB_NAME, 13 * 2)
    assert counts == [(7, 0, 0), (3, 0, 7), (4, 0, 0)]
    assert [r[2] for r in rows] == [f"g{i}" for i in range(7)] + ["g9", "g8", "g7"] + [
        f"g{i}" for i in range(4)
    ]
    assert [r[-1] for r in rows[:7]] == [f"key{i}" for i in range(7)]
    assert rows[0][9] == "example.org/0"  # the duplicate keys stored with the row
