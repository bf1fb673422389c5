"""What the search index costs a first refresh: the refresh benchmark's workload (200 feeds
x 100 items, 80 % Chinese, from ``refresh_feeds``) stored by real ``suxun-tui refresh --all``
processes into empty caches, three ways:

* ``no index``: the index's triggers dropped before the refresh (the floor);
* ``queued``: the program as it is — each write queues its articles for the index;
* ``in the write``: the triggers of the earlier schema, which indexed in the write.

Each is measured in CPU-seconds over the process tree (and wall seconds); the background
filler is kept from starting (``SUXUN_TUI_INDEX_LATER``) and the queued cache's index is
then filled in this process, timed, so the work moved out of the refresh is shown too.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from refresh_feeds import FeedServer, make_feed
from refresh_measure import Run, timed
from suxun_tui.store import DB_NAME, Store
from suxun_tui.store.fts import CREATE_INDEX
from suxun_tui.store.index_fill import fill, queued

ROOT = Path(__file__).resolve().parents[1]
SUXUN = ROOT / ".venv" / "bin" / "suxun-tui"
TRIGGERS = (
    "articles_index_insert",
    "articles_index_update",
    "articles_index_delete",
    "sources_index_rename",
)
TARGET = 0.15  # indexing adds at most this share to a first refresh
WAYS = ("no index", "queued", "in the write")


@dataclass
class WriteCost:
    bare: Run
    queued: Run
    in_write: Run
    fill_cpu: float
    fill_wall: float
    filled: int


def _old_triggers() -> list[str]:
    """The earlier schema's triggers, which wrote the index in the article's statement."""
    return re.findall(r"CREATE TRIGGER.*?\bEND\b", CREATE_INDEX, re.S)


def _prepare(data: Path, way: str) -> None:
    data.mkdir(parents=True)
    store = Store(data / DB_NAME)
    try:
        if way != "queued":
            for name in TRIGGERS:
                store.conn.execute(f"DROP TRIGGER {name}")
        if way == "in the write":
            for statement in _old_triggers():
                store.conn.execute(statement)
    finally:
        store.close()


def measure(feeds: int = 200, items: int = 100, repeat: int = 3) -> WriteCost:
    """Each way ``repeat`` times, interleaved (a shared machine's load drifts); medians."""
    docs = {f"/feed/{i}.xml": make_feed(i, items, "http://example.org") for i in range(feeds)}
    server = FeedServer(docs)
    urls = [f"http://127.0.0.1:{server.port}{path}" for path in docs]
    env = {**os.environ, "SUXUN_TUI_INDEX_LATER": "1"}
    runs: dict[str, list[Run]] = {way: [] for way in WAYS}
    try:
        with tempfile.TemporaryDirectory(prefix="suxun-index-cost-") as tmp:
            config = Path(tmp) / "config.toml"
            lines = ["[settings]", "refresh_minutes = 60", ""]
            for i, url in enumerate(urls):
                lines += ["[[sources]]", f'name = "feed {i:04d}"', f'url = "{url}"', ""]
            config.write_text("\n".join(lines), encoding="utf-8")
            for round_ in range(repeat):
                for way in WAYS:
                    data = Path(tmp) / f"{way.replace(' ', '-')}-{round_}"
                    _prepare(data, way)
                    command = [str(SUXUN), "refresh", "--all", "--config", str(config)]
                    run = timed([*command, "--data-dir", str(data)], env)
                    if not run.last_line.startswith("refreshed"):
                        raise SystemExit(f"refresh did not finish: {run.last_line}")
                    runs[way].append(run)
            with Store(Path(tmp) / "queued-0" / DB_NAME) as store:
                waiting = queued(store.conn)
                began, cpu = time.perf_counter(), time.process_time()
                fill(store.conn)
                fill_wall, fill_cpu = time.perf_counter() - began, time.process_time() - cpu
    finally:
        server.shutdown()
    return WriteCost(*(_median(runs[way]) for way in WAYS), fill_cpu, fill_wall, waiting)


def _median(runs: list[Run]) -> Run:
    """The run of median CPU time, with the spread of all of them."""
    ordered = sorted(runs, key=lambda r: r.cpu)
    middle = ordered[len(ordered) // 2]
    spread = f"{ordered[0].cpu:.2f}-{ordered[-1].cpu:.2f}"
    return Run(middle.wall, middle.cpu, middle.memory, spread)


def report(cost: WriteCost, feeds: int, items: int) -> None:
    print(
        f"\nindexing in a first refresh ({feeds} feeds x {items} items, 80 % Chinese;"
        f" median of each way's runs, load {os.getloadavg()[0]:.1f}):"
    )
    base = cost.bare.cpu
    for label, run in (
        ("no index", cost.bare),
        ("queued (now)", cost.queued),
        ("indexed in the write (before)", cost.in_write),
    ):
        added = f"+{(run.cpu / base - 1) * 100:5.1f} %" if run is not cost.bare else "       "
        print(
            f"  {label:<31} {run.cpu:6.2f} CPU-s {added} (runs {run.last_line})"
            f"  {run.wall:6.2f} s wall"
        )
    share = cost.queued.cpu / base - 1
    verdict = "met" if share <= TARGET else "NOT met"
    print(
        f"  indexing adds {share * 100:.1f} % to a first refresh (target <= {TARGET * 100:.0f} %:"
        f" {verdict}, ratio {share / TARGET:.2f} of the allowance)"
    )
    print(
        f"  afterwards, in the background: {cost.filled:,} queued articles indexed in"
        f" {cost.fill_cpu:.2f} CPU-s ({cost.fill_cpu / max(cost.filled, 1) * 1e3:.2f} ms each),"
        f" {cost.fill_wall:.2f} s wall"
    )
