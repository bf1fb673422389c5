"""What each index on ``articles`` costs a refresh that writes, and what it saves a reader;
and what the search index's triggers cost the same writes.

Writes the articles of a first refresh (N sources x M items, through ``Store.store_rows``,
one transaction per source as the refresh engine does) into a fresh cache, once with
every index and once per index with that index dropped (each the least of three runs),
and prints the CPU seconds of the writes and the share each index takes. Then, on the
cache with every index, it times the reads each index exists for (the reader's first
page, a source's page, the unread counts, the starred list) with and without it. Last,
the same writes with the search index's triggers as they are (new articles wait past a
mark: store.index_mark), as schema step 9 had them (a queue row per article) and with
none, seven rounds interleaved, in CPU-microseconds an article (median and spread), and
with ``--instructions N`` counted in instructions under valgrind (N sources), which a
loaded machine does not sway.
Prints tables; asserts nothing. Usage:
``python benchmarks/index_cost.py [--sources 200] [--items 100] [--triggers-only]
[--instructions 20]``
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from suxun_tui.models import Block, FeedEntry  # noqa: E402
from suxun_tui.store import DB_NAME, Store  # noqa: E402
from suxun_tui.store.articles import article_row  # noqa: E402
from suxun_tui.store.fts import QUEUE_INDEX, QUEUE_TABLE  # noqa: E402

# The secondary indexes of articles and the reads they serve.
READS: dict[str, str] = {
    "articles_by_time": "SELECT id FROM articles ORDER BY published DESC, id DESC LIMIT 300",
    "articles_by_source_time": "SELECT id FROM articles WHERE source_id = 7"
    " ORDER BY published DESC, id DESC LIMIT 300",
    "articles_unread": "SELECT source_id, count(*) FROM articles WHERE read = 0 GROUP BY source_id",
    "articles_starred": "SELECT id FROM articles WHERE starred = 1",
}


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rows_for(sources: int, items: int) -> list[list[tuple[object, ...]]]:
    words = "经济发展改革创新城市科技教育文化交通医疗环境市场企业政策社会国际"
    out = []
    for s in range(sources):
        entries = [
            FeedEntry(
                f"{s}-{i}",
                f"{words[(s + i) % 20 : (s + i) % 20 + 8]} {s}-{i}",
                f"https://example.org/{s}/{i}.html",
                f"2025-12-{1 + i % 28:02d}T{(s + i) % 24:02d}:00:00Z",
                None,
                (Block("paragraph", words * 6), Block("paragraph", words * 4)),
            )
            for i in range(items)
        ]
        out.append([article_row(e) for e in entries])
    return out


def write_best(root: Path, rows: list[list[tuple[object, ...]]], drop: str | None) -> float:
    """The least CPU of :func:`write_all` over three fresh caches (a shared machine)."""
    best = float("inf")
    for attempt in range(3):
        where = root / f"{drop or 'all'}-{attempt}"
        where.mkdir()
        best = min(best, write_all(where / DB_NAME, rows, drop))
    return best


def write_all(
    path: Path, rows: list[list[tuple[object, ...]]], drop: str | None, triggers: str = "mark"
) -> float:
    """CPU seconds of storing every source's rows, with index ``drop`` removed first and
    the search index's ``triggers`` (one of :data:`TRIGGER_WAYS`)."""
    store = Store(path)
    store.sync_sources(
        [(f"s{i}", f"https://example.org/{i}.xml", None, None) for i in range(len(rows))]
    )
    if drop:
        store.conn.execute(f"DROP INDEX {drop}")
    if triggers != "mark":
        for name in SEARCH_TRIGGERS:
            store.conn.execute(f"DROP TRIGGER {name}")
    if triggers == "row queue":
        store.conn.execute(f"DROP VIEW {QUEUE_TABLE}")
        store.conn.execute(f"CREATE TABLE {QUEUE_TABLE} (article_id INTEGER PRIMARY KEY)")
        for statement in re.findall(r"CREATE TRIGGER.*?\bEND\b", QUEUE_INDEX, re.S):
            store.conn.execute(statement)
    ids = [store.source_id(f"s{i}") for i in range(len(rows))]
    started = cpu()
    for source_id, batch in zip(ids, rows, strict=True):
        assert source_id is not None
        store.store_rows(source_id, batch)  # type: ignore[arg-type]
    spent = cpu() - started
    store.close()
    return spent


SEARCH_TRIGGERS = (
    "articles_index_insert",
    "articles_index_update",
    "articles_index_delete",
    "sources_index_rename",
)
TRIGGER_WAYS = ("none", "mark", "row queue")


def trigger_costs(root: Path, rows: list[list[tuple[object, ...]]], rounds: int = 7) -> None:
    """The writes with each way of the search index's triggers, interleaved and rotated;
    CPU-µs an article over the floor (no trigger), median and spread of the rounds."""
    articles = sum(len(batch) for batch in rows)
    spent: dict[str, list[float]] = {way: [] for way in TRIGGER_WAYS}
    for round_ in range(rounds):
        turn = round_ % len(TRIGGER_WAYS)
        for way in TRIGGER_WAYS[turn:] + TRIGGER_WAYS[:turn]:
            where = root / f"triggers-{way.replace(' ', '-')}-{round_}"
            where.mkdir()
            spent[way].append(write_all(where / DB_NAME, rows, None, way))
    print(f"\n{'search index triggers':<26}{'write CPU':>10}{'µs/article over none':>24}")
    for way in TRIGGER_WAYS:
        over = sorted(
            (s - f) / articles * 1e6 for s, f in zip(spent[way], spent["none"], strict=True)
        )
        median = statistics.median(spent[way])
        extra = (
            ""
            if way == "none"
            else f"{statistics.median(over):>8.1f} ({over[0]:.1f}-{over[-1]:.1f})"
        )
        print(f"{way:<26}{median:>9.2f}s{extra:>24}")


def instructions(sources: int, items: int) -> None:
    """The same writes counted in instructions, which a loaded machine does not sway (CPU
    time it does): valgrind's count of the instructions run inside SQL statements (the
    sqlite3 module's execute), a process per way and one that only opens the cache, so
    that the writes' own count is known; per article over no trigger."""
    if shutil.which("valgrind") is None:
        print("\n(no valgrind: no instruction counts)")
        return
    counts: dict[str, int] = {}
    for way in ("no write", *TRIGGER_WAYS):
        with tempfile.TemporaryDirectory() as tmp:
            command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
            command += ["--collect-atstart=no", "--toggle-collect=_pysqlite_query_execute"]
            command += [sys.executable, __file__, "--write-once", way, "--where", tmp]
            command += ["--sources", str(sources), "--items", str(items)]
            done = subprocess.run(command, capture_output=True, text=True)
            found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
            if done.returncode or found is None:
                raise SystemExit(f"valgrind failed: {done.stderr[-500:]}")
            counts[way] = int(found[1])
    articles = sources * items
    writes = counts["none"] - counts["no write"]
    print(f"\n{sources} x {items} items, instructions inside SQL statements (valgrind):")
    for way in TRIGGER_WAYS:
        over = (counts[way] - counts["none"]) / articles
        extra = "" if way == "none" else f"  +{over:,.0f} (+{over * articles / writes:.1%})"
        print(
            f"  {way:<24}{(counts[way] - counts['no write']) / articles:>10,.0f} an article{extra}"
        )


def write_once(way: str, where: Path, sources: int, items: int) -> None:
    """One process's writes, for :func:`instructions` (``no write``: all but the writes)."""
    rows = rows_for(sources, items)
    if way == "no write":
        Store(where / DB_NAME).close()
        return
    write_all(where / DB_NAME, rows, None, way)


def timed(run: Callable[[], object], times: int = 20) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--triggers-only", action="store_true", help="only the search triggers")
    parser.add_argument(
        "--instructions",
        type=int,
        metavar="SOURCES",
        default=0,
        help="also count the trigger ways' instructions (valgrind), SOURCES x items",
    )
    parser.add_argument("--write-once", choices=("no write", *TRIGGER_WAYS), help=argparse.SUPPRESS)
    parser.add_argument("--where", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_once:
        write_once(args.write_once, args.where, args.sources, args.items)
        return
    rows = rows_for(args.sources, args.items)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{args.sources} sources x {args.items} items written through Store.store_rows;"
        f" {os.cpu_count()} cores, load {load:.2f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        if args.triggers_only:
            trigger_costs(Path(tmp), rows)
            if args.instructions:
                instructions(args.instructions, args.items)
            return
        every = write_best(Path(tmp), rows, None)
        print(f"{'index dropped':<26}{'write CPU':>10}{'saves':>8}")
        print(f"{'(none)':<26}{every:>9.2f}s{'':>8}")
        for name in READS:
            spent = write_best(Path(tmp), rows, name)
            print(f"{name:<26}{spent:>9.2f}s{(every - spent) / every:>7.0%}")
        store = Store(Path(tmp) / "all-0" / DB_NAME)
        print(f"\n{'read':<26}{'with':>10}{'without':>10}")
        for name, sql in READS.items():
            with_index = timed(lambda sql=sql: store.conn.execute(sql).fetchall())
            store.conn.execute(f"DROP INDEX {name}")
            without = timed(lambda sql=sql: store.conn.execute(sql).fetchall())
            print(f"{name:<26}{with_index * 1000:>8.2f}ms{without * 1000:>8.2f}ms")
        store.close()
        trigger_costs(Path(tmp), rows)
        if args.instructions:
            instructions(args.instructions, args.items)


if __name__ == "__main__":
    main()
