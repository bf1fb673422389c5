"""Search and ``gc`` at scale, for ``benchmarks/scale.py``'s generated cache.

* :func:`fill_index`: the cache is written straight into SQLite, so its articles wait in
  the index's queue; they are indexed here (timed), as the background filler would.
* :func:`search_figures`: the reader's first page of a search (300 headlines, newest
  first) for terms every article carries (the worst case for a newest page: the whole
  match set is large) and rare ones, in CPU-seconds.
* :func:`gc_figures`: ``gc`` on a copy of the cache with ``max_articles`` set so that half
  of every source's articles go: choosing, deleting, clearing their index rows (by
  copying the live ones, at this share), vacuum; and what is left for the background
  filler, if anything (timed here).

Every figure is CPU-seconds of this process, with wall seconds beside it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from suxun_tui.store import DB_NAME, Store
from suxun_tui.store.index_fill import fill, queued
from suxun_tui.store.retention import Policy, collect

READER_PAGE = 300
SEARCH_TARGET = 0.200  # seconds in the reader at 1,000,000 articles
GC_TARGET = 30.0  # seconds for gc of 500,000 articles
BACKGROUND_SECONDS = 60.0  # how long the index rows' removal after gc is watched


def _clock(call: Callable[[], object], repeat: int = 3) -> tuple[float, float, object]:
    """Median (CPU-seconds, wall seconds) of ``repeat`` calls and the last result."""
    cpu, wall, result = [], [], None
    for _ in range(repeat):
        began, used = time.perf_counter(), time.process_time()
        result = call()
        cpu.append(time.process_time() - used)
        wall.append(time.perf_counter() - began)
    return statistics.median(cpu), statistics.median(wall), result


def fill_index(path: Path) -> str | None:
    """Index what the build queued; a line saying what it took, None if nothing waited."""
    with Store(path) as store:
        waiting = queued(store.conn)
        if not waiting:
            return None
        cpu, wall, _ = _clock(lambda: fill(store.conn), repeat=1)
    return f"indexed {waiting:,} queued articles in {cpu:.1f} CPU-s ({wall:.1f} s wall)"


def search_figures(path: Path, sources: int) -> list[str]:
    """One line per query: the reader's first page, CPU and wall milliseconds."""
    last = sources - 1
    queries = [
        ("English word, every article", "headline"),
        ("2 Chinese chars, every article", "标题"),
        ("1 Chinese char, every article", "题"),
        ("phrase, one article", f'"标题 {last} 3 headline"'),
        ("3 terms, few articles", f"标题 {last} headline"),
        ("unread + word", "is:unread headline"),
        ("word, nothing matches", "nowhere"),
    ]
    lines = []
    slowest = 0.0
    with Store(path) as store:
        for label, query in queries:
            cpu, wall, rows = _clock(lambda q=query: store.search(q, limit=READER_PAGE))
            slowest = max(slowest, cpu)
            found = len(rows)  # type: ignore[arg-type]
            lines.append(
                f"  search {label:<31} {query:<24} {found:>4} shown"
                f"  {cpu * 1000:7.1f} ms CPU ({wall * 1000:6.0f} ms wall)"
            )
    verdict = "met" if slowest <= SEARCH_TARGET else "NOT met"
    lines.append(
        f"  slowest search page {slowest * 1000:.1f} ms (target <= {SEARCH_TARGET * 1000:.0f} ms:"
        f" {verdict}, {slowest / SEARCH_TARGET:.2f}x)"
    )
    return lines


def _cpu_wait() -> float:
    """Seconds this process has spent ready to run while other processes held the CPUs
    (Linux's /proc/self/schedstat; 0 elsewhere): what a busy machine adds to wall time."""
    try:
        fields = Path("/proc/self/schedstat").read_text().split()
    except OSError:
        return 0.0
    return int(fields[1]) / 1e9


def gc_figures(path: Path) -> list[str]:
    """``gc`` removing half of every source's articles, on a copy of the cache: the whole
    run and each of its steps, the load beside them (wall seconds mean little on a busy
    machine), and what is left for the background filler."""
    with tempfile.TemporaryDirectory(prefix="suxun-gc-", dir=path.parent) as tmp:
        copy = Path(tmp) / DB_NAME
        shutil.copyfile(path, copy)
        with Store(copy) as store:
            counts = store.conn.execute(
                "SELECT s.name, count(*) FROM articles a JOIN sources s ON s.id = a.source_id"
                " GROUP BY s.id"
            ).fetchall()
            policies = {name: Policy(keep_days=0, max_articles=n // 2) for name, n in counts}
            load = os.getloadavg()[0]
            began, used, queued_for = time.perf_counter(), time.process_time(), _cpu_wait()
            report = collect(store.conn, store.transaction, policies, datetime.now(UTC), path=copy)
            cpu, wall = time.process_time() - used, time.perf_counter() - began
            waited = _cpu_wait() - queued_for
            verdict = "met" if wall <= GC_TARGET else "NOT met"
            quiet = "met" if wall - waited <= GC_TARGET else "NOT met"
            lines = [
                f"  gc removed {report.removed:,} articles in {wall:.1f} s wall ({cpu:.1f}"
                f" CPU-s; load {load:.1f} -> {os.getloadavg()[0]:.1f}; index copied:"
                f" {report.index_copied}; vacuumed: {report.vacuumed};"
                f" {report.bytes_before / 2**20:,.0f} -> {report.bytes_after / 2**20:,.0f} MiB)"
                f" — target <= {GC_TARGET:.0f} s: {verdict}",
                f"    of which {waited:.1f} s waiting for a CPU other processes held; without"
                f" that wait {wall - waited:.1f} s (CPU, disk, locks): {quiet}",
            ]
            lines += [
                f"    {name:<9} {step_wall:6.1f} s wall {step_cpu:6.1f} CPU-s"
                for name, (step_wall, step_cpu) in report.steps.items()
            ]
            print("\n".join(lines), flush=True)  # at once: the background part may take long
            left = queued(store.conn)
            if not left:
                return ["  nothing left for the background filler"]
            index_cpu, index_wall, done = _clock(
                lambda: fill(store.conn, seconds=BACKGROUND_SECONDS), repeat=1
            )
    return [
        f"  then in the background: {done:,} of {left:,} index rows removed in"
        f" {index_cpu:.1f} CPU-s ({index_wall:.1f} s wall; stopped after"
        f" {BACKGROUND_SECONDS:.0f} s)"
    ]
