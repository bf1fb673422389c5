"""What clearing a stale backlog of the search index costs: row by row, and by copying.

Builds (or reuses, ``--cache``) a cache of N articles with a complete index
(:func:`search_corpus.build_cache`), copies it, deletes the oldest half of its articles
(as ``gc`` does: their ids go to ``index_stale``), then measures in CPU-seconds of this
process:

- row by row: removing ``--sample`` stale rows the way the filler does below the copy's
  threshold, and that per-row cost times the backlog (a sample: the whole backlog would
  take too long);
- by copying (:mod:`suxun_tui.store.index_rebuild`): the filler's whole run on a fresh
  copy, the live rows copied into a new index and swapped in, the backlog gone;

and checks that search finds the same articles either way. Prints the figures and the
CPU load; asserts nothing. Usage:
``python benchmarks/index_cleanup.py [--articles 100000] [--cache PATH] [--sample 300]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_corpus import build_cache  # noqa: E402
from suxun_tui.store import Store  # noqa: E402
from suxun_tui.store.index_fill import fill, fill_batch, queued  # noqa: E402


def stale_copy(source: Path, target: Path) -> int:
    """``source`` copied to ``target`` with its oldest half deleted; the backlog's size."""
    shutil.copyfile(source, target)
    with Store(target) as store:
        fill(store.conn)  # a complete index to begin with
        total = int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        with store.transaction() as conn:
            conn.execute(
                "DELETE FROM articles WHERE id IN (SELECT id FROM articles"
                " ORDER BY published, id LIMIT ?)",
                (total // 2,),
            )
        return queued(store.conn)


def row_by_row(path: Path, sample: int) -> float:
    """CPU-seconds per stale row removed one by one (the copy kept out)."""
    with Store(path) as store:
        began = time.process_time()
        done = 0
        while done < sample:
            done += fill_batch(store.conn, rebuild_share=2.0)
        return (time.process_time() - began) / done


def by_copying(path: Path) -> tuple[float, int]:
    """CPU-seconds of the filler's whole run, and what it left queued."""
    with Store(path) as store:
        began = time.process_time()
        fill(store.conn)
        return time.process_time() - began, queued(store.conn)


def found(path: Path, query: str) -> set[int]:
    with Store(path) as store:
        return {h.id for h in store.search(query)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--cache", type=Path, help="an existing cache with a full index")
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="suxun-cleanup-"))
    work.mkdir(parents=True, exist_ok=True)
    source = args.cache
    if source is None:
        source = work / "full.sqlite3"
        if not source.exists():
            build_cache(source, args.articles)
    print(f"load before: {os.getloadavg()[0]:.2f}")
    one, two = work / "rows.sqlite3", work / "copy.sqlite3"
    backlog = stale_copy(source, one)
    shutil.copyfile(one, two)
    size = two.stat().st_size
    per_row = row_by_row(one, args.sample)
    print(f"backlog: {backlog:,} stale rows")
    print(
        f"row by row: {per_row * 1000:.1f} ms CPU a row over {args.sample} rows,"
        f" {per_row * backlog:,.0f} CPU-s for the backlog (estimated)"
    )
    spent, left = by_copying(two)
    print(f"by copying: {spent:,.1f} CPU-s for the whole backlog ({left} left queued)")
    with Store(two) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        free = store.conn.execute("PRAGMA freelist_count").fetchone()[0]
    print(f"file: {size / 1e6:,.0f} MB, {free / pages:.0%} free pages after the swap")
    for query in ("经济", "基层治理", "城"):
        assert found(one, query) == found(two, query), query
    print(f"search agrees (3 queries); load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
