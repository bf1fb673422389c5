"""What the search index costs a first refresh: the refresh benchmark's workload (200 feeds
x 100 items, 80 % Chinese, from ``refresh_feeds``) stored by real ``suxun-tui refresh --all``
processes into empty caches, four ways:

* ``no index``: every trigger of the index dropped, nothing indexed (the floor);
* ``in the refresh``: the program as it is — the refresh indexes up to its budget of the
  articles it stores in its own write transactions (store.index_inline), and the filler
  the rest once it returns (``SUXUN_TUI_NO_FILLER`` keeps the refresh from starting it,
  and the filler runs here as its own, timed process);
* ``mark``: the articles wait past the index's mark (``SUXUN_TUI_INDEX_LATER``) and the
  background filler indexes them afterwards (``python -m suxun_tui.store.index_fill``,
  timed as its own process on that cache), the way of the day before;
* ``in the write``: schema step 3's triggers, which indexed in the article's statement.

Each is measured in CPU-seconds over the process tree (and wall seconds), ``repeat`` rounds,
the ways interleaved and their order rotated each round (a shared machine's load drifts);
reported as the median and the spread of the runs, and as the median of each round's ratio
to that round's floor (less swayed by drift). What indexing costs in all is held to the
target: the refresh as it is and its filler added (for ``mark`` too); so is what the reader
spends right after a refresh of its own that left articles queued, folding their text for
the first search (store.pending_fold.prefold_cache, timed in this process on the ``mark``
cache). ``--compare-src DIR`` also runs the filler of another source tree (``DIR`` on
``PYTHONPATH``, say an older commit's ``src``) on a copy of each round's ``mark`` cache, the
two in turn first, so two fillers are compared under the same load.
Usage: ``python benchmarks/search_write.py [--feeds 200] [--items 100] [--repeat 7]
[--compare-src DIR]``
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from refresh_feeds import FeedServer, make_feed  # noqa: E402
from refresh_measure import Run, timed  # noqa: E402
from suxun_tui.store import DB_NAME, Store, pending_fold  # noqa: E402
from suxun_tui.store.fts import CREATE_INDEX  # noqa: E402
from suxun_tui.store.index_fill import queued  # noqa: E402

SUXUN = ROOT / ".venv" / "bin" / "suxun-tui"
PYTHON = ROOT / ".venv" / "bin" / "python"
TRIGGERS = (
    "articles_index_insert",
    "articles_index_update",
    "articles_index_delete",
    "sources_index_rename",
)
TARGET = 0.15  # indexing adds at most this share to a first refresh
WAYS = ("no index", "in the refresh", "mark", "in the write")


@dataclass
class Summary:
    """One way's runs: median CPU, spread, median wall, and the median and spread of the
    per-round ratio to the floor."""

    cpu: float
    low: float
    high: float
    wall: float
    ratio: float
    ratio_low: float
    ratio_high: float


@dataclass
class WriteCost:
    ways: dict[str, Summary]
    fill: Summary  # the filler process on the mark cache (ratio: to the floor)
    total: Summary  # the mark's refresh and its filler together (ratio: to the floor)
    now_fill: Summary  # the filler after the refresh as it is
    now_total: Summary  # the refresh as it is and its filler together: the target's
    now_left: int  # articles the refresh as it is left for its filler
    other: Summary | None  # --compare-src's filler on a copy of the same caches
    filled: int
    prefold: float  # median CPU-s of the reader's fold of the queue after the refresh
    load: tuple[float, float]  # load average before and after


def _triggers(schema: str) -> list[str]:
    """The CREATE TRIGGER statements of a schema step."""
    return re.findall(r"CREATE TRIGGER.*?\bEND\b", schema, re.S)


def _prepare(data: Path, way: str) -> None:
    data.mkdir(parents=True)
    store = Store(data / DB_NAME)
    try:
        if way in ("mark", "in the refresh"):
            return
        for name in TRIGGERS:
            store.conn.execute(f"DROP TRIGGER {name}")
        if way == "in the write":
            for statement in _triggers(CREATE_INDEX):
                store.conn.execute(statement)
    finally:
        store.close()


def measure(
    feeds: int = 200, items: int = 100, repeat: int = 7, other: Path | None = None
) -> WriteCost:
    """Each way ``repeat`` times, interleaved and rotated, then the filler of each round
    (and ``other``'s filler on a copy of the same cache, the two in turn first)."""
    docs = {f"/feed/{i}.xml": make_feed(i, items, "http://example.org") for i in range(feeds)}
    server = FeedServer(docs)
    urls = [f"http://127.0.0.1:{server.port}{path}" for path in docs]
    env = {**os.environ, "SUXUN_TUI_INDEX_LATER": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, as an installed program is
    fill_env = {k: v for k, v in env.items() if k != "SUXUN_TUI_INDEX_LATER"}
    now_env = {**fill_env, "SUXUN_TUI_NO_FILLER": "1"}
    runs: dict[str, list[Run]] = {way: [] for way in WAYS}
    fills: list[Run] = []
    now_fills: list[Run] = []
    now_left = 0
    others: list[Run] = []
    prefolds: list[float] = []
    filled = 0
    before = os.getloadavg()[0]
    try:
        with tempfile.TemporaryDirectory(prefix="suxun-index-cost-") as tmp:
            config = Path(tmp) / "config.toml"
            lines = ["[settings]", "refresh_minutes = 60", ""]
            for i, url in enumerate(urls):
                lines += ["[[sources]]", f'name = "feed {i:04d}"', f'url = "{url}"', ""]
            config.write_text("\n".join(lines), encoding="utf-8")
            for round_ in range(repeat):
                for way in WAYS[round_ % len(WAYS) :] + WAYS[: round_ % len(WAYS)]:
                    data = Path(tmp) / f"{way.replace(' ', '-')}-{round_}"
                    _prepare(data, way)
                    command = [str(SUXUN), "refresh", "--all", "--config", str(config)]
                    its_env = now_env if way == "in the refresh" else env
                    run = timed([*command, "--data-dir", str(data)], its_env)
                    if not run.last_line.startswith("refreshed"):
                        raise SystemExit(f"refresh did not finish: {run.last_line}")
                    runs[way].append(run)
                    if way == "in the refresh":
                        now_left = _fill(data / DB_NAME, fill_env, now_fills)
                cache = Path(tmp) / f"mark-{round_}" / DB_NAME
                with Store(cache) as store:
                    filled = queued(store.conn)
                    pending_fold.forget(store.conn)
                used = time.process_time()
                pending_fold.prefold_cache(cache)
                prefolds.append(time.process_time() - used)
                with Store(cache) as store:
                    pending_fold.forget(store.conn)
                fillers = [(cache, fill_env, fills)]
                if other is not None:
                    copy = cache.with_name("other-" + cache.name)
                    shutil.copyfile(cache, copy)  # closed: its WAL is checkpointed, gone
                    with Store(copy) as store:
                        if queued(store.conn) != filled:
                            raise SystemExit("the copy of the cache lost queued articles")
                    fillers.append((copy, {**fill_env, "PYTHONPATH": str(other)}, others))
                for path, its_env, its_runs in fillers[round_ % 2 :] + fillers[: round_ % 2]:
                    _fill(path, its_env, its_runs)
    finally:
        server.shutdown()
    floor = runs["no index"]
    ways = {way: _summary(runs[way], floor) for way in WAYS}
    return WriteCost(
        ways,
        _summary(fills, floor),
        _summary(_added(runs["mark"], fills), floor),
        _summary(now_fills, floor),
        _summary(_added(runs["in the refresh"], now_fills), floor),
        now_left,
        _summary(others, floor) if others else None,
        filled,
        statistics.median(prefolds),
        (before, os.getloadavg()[0]),
    )


def _fill(cache: Path, env: dict[str, str], runs: list[Run]) -> int:
    """Run the filler on ``cache`` as its own timed process; how many ids it found waiting."""
    with Store(cache) as store:
        waiting = queued(store.conn)
    runs.append(timed([str(PYTHON), "-m", "suxun_tui.store.index_fill", str(cache)], env))
    with Store(cache) as store:
        if queued(store.conn):
            raise SystemExit("the filler left articles waiting")
    return waiting


def _added(refreshes: list[Run], fills: list[Run]) -> list[Run]:
    """Each refresh and the filler after it, as one run."""
    return [
        Run(r.wall + f.wall, r.cpu + f.cpu, max(r.memory, f.memory), r.last_line)
        for r, f in zip(refreshes, fills, strict=True)
    ]


def _summary(runs: list[Run], floor: list[Run]) -> Summary:
    cpus = [r.cpu for r in runs]
    ratios = [r.cpu / f.cpu for r, f in zip(runs, floor, strict=True)]
    return Summary(
        statistics.median(cpus),
        min(cpus),
        max(cpus),
        statistics.median(r.wall for r in runs),
        statistics.median(ratios),
        min(ratios),
        max(ratios),
    )


def report(cost: WriteCost, feeds: int, items: int) -> None:
    rounds = "interleaved, rotated"
    print(
        f"\nindexing in a first refresh ({feeds} feeds x {items} items, 80 % Chinese;"
        f" CPU-s of the process tree, median and spread of each way's runs, {rounds};"
        f" load {cost.load[0]:.1f} before, {cost.load[1]:.1f} after, {os.cpu_count()} cores):"
    )
    base = cost.ways["no index"].cpu
    labels = {
        "no index": "no index (floor)",
        "in the refresh": "in the refresh's writes (now)",
        "mark": "past a mark, for the filler",
        "in the write": "indexed by triggers (earlier)",
    }
    for way, label in labels.items():
        run = cost.ways[way]
        added = "" if way == "no index" else f"  {(run.cpu / base - 1) * 100:+5.1f} % median"
        paired = (
            ""
            if way == "no index"
            else f", {(run.ratio - 1) * 100:+5.1f} % paired"
            f" ({(run.ratio_low - 1) * 100:+.1f} to {(run.ratio_high - 1) * 100:+.1f})"
        )
        print(
            f"  {label:<31} {run.cpu:6.2f} CPU-s ({run.low:.2f}-{run.high:.2f})"
            f"{added}{paired}  {run.wall:6.2f} s wall"
        )
    now, now_total = cost.ways["in the refresh"], cost.now_total
    share = max(now_total.cpu / base - 1, now_total.ratio - 1)
    verdict = "met" if share <= TARGET else "NOT met"
    print(
        f"  as it is: the refresh indexed {cost.filled - cost.now_left:,} of its articles,"
        f" the filler after it the other {cost.now_left:,} in {cost.now_fill.cpu:.2f} CPU-s"
        f" ({cost.now_fill.wall:.1f} s wall); together {now_total.cpu:.2f} CPU-s, indexing"
        f" adds {(now_total.cpu / base - 1) * 100:+.1f} % median,"
        f" {(now_total.ratio - 1) * 100:+.1f} % paired"
        f" ({(now_total.ratio_low - 1) * 100:+.1f} to {(now_total.ratio_high - 1) * 100:+.1f});"
        f" the refresh's wall {(now.wall / cost.ways['no index'].wall - 1) * 100:+.1f} %;"
        f" target <= {TARGET * 100:.0f} % of the larger CPU figure: {verdict}"
    )
    fill = cost.fill
    print(
        f"  then the detached filler process: {cost.filled:,} articles indexed in"
        f" {fill.cpu:.2f} CPU-s ({fill.low:.2f}-{fill.high:.2f}),"
        f" {fill.cpu / max(cost.filled, 1) * 1e3:.2f} ms each, {fill.wall:.1f} s wall"
        f" (it pauses between transactions); {fill.ratio * 100:.1f} % of the floor, paired"
    )
    if cost.other is not None:
        print(
            f"  the filler of --compare-src on copies of the same caches:"
            f" {cost.other.cpu:.2f} CPU-s ({cost.other.low:.2f}-{cost.other.high:.2f}),"
            f" {cost.other.wall:.1f} s wall; {cost.other.ratio * 100:.1f} % of the floor, paired"
        )
    total = cost.total
    print(
        f"  past a mark, refresh and filler together: {total.cpu:.2f} CPU-s, indexing adds"
        f" {(total.cpu / base - 1) * 100:+.1f} % median, {(total.ratio - 1) * 100:+.1f} % paired"
        f" ({(total.ratio_low - 1) * 100:+.1f} to {(total.ratio_high - 1) * 100:+.1f})"
    )
    print(
        f"  the reader's fold of a queue that large when its refresh ends: {cost.prefold:.2f} CPU-s"
        f" (median), {cost.prefold / max(cost.filled, 1) * 1e6:.0f} µs an article,"
        f" {cost.prefold / base * 100:.0f} % of the floor's refresh"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--compare-src",
        type=Path,
        help="a source tree (its src/ folder) whose filler also runs, on a copy of each cache",
    )
    args = parser.parse_args()
    cost = measure(args.feeds, args.items, args.repeat, args.compare_src)
    report(cost, args.feeds, args.items)


if __name__ == "__main__":
    main()
