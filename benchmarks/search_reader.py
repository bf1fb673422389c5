"""A search as the reader runs it while articles wait for the index: a new connection for
each search (the reader's workers open one a job), after another connection of the
process has folded the queued articles' text (the reader does right after its refresh).

Re-queues the newest ``--queued`` articles of a cache built by ``benchmarks/search.py``,
times the first page (300 rows) of each query on a fresh connection (median CPU ms of
``--repeat``), and empties the queue rows it added. Works on the code before the process
kept a view of that text too (it folds the queue there with a search on another
connection), so both can be run alternately on copies of one cache. Usage:
``python benchmarks/search_reader.py CACHE [--queued 2000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from suxun_tui.store import Store, pending_fold  # noqa: E402

QUERIES = ("雪", "失", "变米故", "吏利卫万体溉", "以 上了", "rataketa", "ＡＩ")
QUERIES += ("is:unread group:组1 万长 -本色干",)
PAGE = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cache", type=Path)
    parser.add_argument("--queued", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with Store(args.cache) as store:
        with store.transaction() as conn:
            conn.execute(
                "CREATE TEMP TABLE added AS SELECT id FROM articles WHERE id NOT IN"
                " (SELECT article_id FROM index_changed) ORDER BY published DESC, id DESC"
                " LIMIT ?",
                (args.queued,),
            )
            conn.execute("INSERT INTO index_changed (article_id) SELECT id FROM temp.added")
        try:
            if hasattr(pending_fold, "prefold_cache"):
                pending_fold.prefold_cache(args.cache)
            else:
                with Store(args.cache) as other:
                    other.search(QUERIES[2], limit=PAGE)
            row = []
            for query in QUERIES:
                times = []
                for _ in range(args.repeat):
                    with Store(args.cache) as fresh:
                        began = time.process_time()
                        fresh.search(query, limit=PAGE)
                        times.append(time.process_time() - began)
                row.append(f"{query} {statistics.median(times) * 1000:.1f}")
        finally:
            with store.transaction() as conn:
                conn.execute(
                    "DELETE FROM index_changed WHERE article_id IN (SELECT id FROM temp.added)"
                )
    print(f"load {os.getloadavg()[0]:.1f} · CPU ms · " + " | ".join(row))


if __name__ == "__main__":
    main()
