"""Clearing a large stale backlog by copying the live rows into a new index: search is
exact before, during (the filler killed at any moment of the copy) and after the swap,
and writes made during the copy reach the new index."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from suxun_tui.store import Store
from suxun_tui.store.index_fill import fill, fill_batch, queued, start_filling
from suxun_tui.store.index_rebuild import NEXT_TABLE, rebuilding
from tests.unit.test_index_fill import consistent, entries, filled

# A filler that copies whatever the backlog (the thresholds as parameters).
FILLER = (
    "import sys; from pathlib import Path; from suxun_tui.store.db import connect;"
    " from suxun_tui.store.index_fill import fill;"
    " fill(connect(Path(sys.argv[1])), yielding=True, rebuild_share=0.0, rebuild_min=0)"
)


def copied(path: Path) -> int:
    """Rows in the new index so far (-1: no copy under way)."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {NEXT_TABLE}").fetchone()[0])
    except sqlite3.OperationalError:
        return -1
    finally:
        conn.close()


def exact(path: Path, live: set[str]) -> None:
    """Search agrees with the articles: every live one found, no deleted one."""
    with Store(path) as store:
        titles = {h.title for h in store.search("基层治理")}
        expected = {r[0] for r in store.conn.execute("SELECT title FROM articles")}
        assert titles == expected == live
        assert len(store.search("篇")) == len(expected)  # one character: vocabulary and scan
        changed = {t for t in live if t.startswith("改")}
        for title in sorted(live)[::97] + sorted(changed):
            assert [h.title for h in store.search(f'"{title}"')] == [title]
        for title in changed:  # its old title is found no more
            old = f"標題 {title[1:]}"
            assert old not in {h.title for h in store.search(f'"{old}"')}
        for gone in ("標題 1", "標題 999"):  # deleted
            assert gone not in {h.title for h in store.search(f'"{gone}"')}


def backlog(path: Path) -> set[str]:
    """3,000 articles indexed, then the first 1,000 deleted; the live titles."""
    with filled(path, 3000) as store:
        with store.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE id <= 1000")
        return {r[0] for r in store.conn.execute("SELECT title FROM articles")}


def test_a_copy_killed_at_any_moment_keeps_search_exact_and_finishes(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    live = backlog(path)
    exact(path, live)
    rng = random.Random(11)
    seen: list[int] = []
    for round_ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", FILLER, str(path)], start_new_session=True)
        before = copied(path)
        deadline = time.monotonic() + 120
        while copied(path) <= before and proc.poll() is None:
            assert time.monotonic() < deadline, "the copy made no progress"
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.02))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        seen.append(copied(path))
        consistent(path)
        exact(path, live)
        # Writes while the copy is under way, behind it and ahead of it: new articles,
        # changed ones, deletions.
        with Store(path) as store:
            source_id = store.source_id("s")
            assert source_id is not None
            new = entries(2, start=5000 + 10 * round_)
            changed = [
                dataclasses.replace(entries(1, start=i)[0], title=f"改{i}")
                for i in (1010 + round_, 2999 - round_)
            ]
            store.store_entries(source_id, [*new, *changed])
            with store.transaction() as conn:
                for i in (1001 + round_, 2900 + round_):
                    conn.execute("DELETE FROM articles WHERE guid = ?", (f"g{i}",))
        live |= {f"標題 {e.guid[1:]}" for e in new} | {e.title for e in changed}
        live -= {f"標題 {i}" for i in (1010 + round_, 2999 - round_, 1001 + round_, 2900 + round_)}
        exact(path, live)
    assert all(n >= 0 for n in seen) and seen == sorted(seen), seen  # killed during the copy
    with Store(path) as store:
        fill(store.conn, rebuild_share=0.0, rebuild_min=0)
        assert queued(store.conn) == 0
        assert not rebuilding(store.conn)
    articles, indexed = consistent(path)
    assert articles == indexed
    exact(path, live)


def test_a_small_backlog_is_deleted_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with filled(path, 40) as store:
        with store.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE id <= 30")
        assert fill_batch(store.conn, rebuild_share=0.9, rebuild_min=0) == 5
        assert not rebuilding(store.conn)
        assert fill_batch(store.conn, rebuild_share=0.1, rebuild_min=0) == 1  # the copy begins
        assert rebuilding(store.conn)
        fill(store.conn, rebuild_share=0.1, rebuild_min=0)
        assert not rebuilding(store.conn) and queued(store.conn) == 0
        assert len(store.search("基层治理")) == 10
    articles, indexed = consistent(path)
    assert articles == indexed


def test_the_background_filler_starts_for_deleted_articles_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SUXUN_TUI_INDEX_LATER", raising=False)
    path = tmp_path / "cache.sqlite3"
    with filled(path, 20) as store:
        with store.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE id <= 5")
        assert queued(store.conn) == 5
    proc = start_filling(path)
    assert proc is not None
    assert proc.wait(timeout=120) == 0
    articles, indexed = consistent(path)
    assert articles == indexed and len(articles) == 15
