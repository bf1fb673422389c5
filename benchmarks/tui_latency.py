"""How fast the reader answers keys while a big refresh runs in the background.

Serves N generated feeds (the refresh benchmark's generator and loopback server), opens
``SuxunApp`` over a cache that already holds some articles, presses ``R`` (refresh all
into sources never fetched) and then presses ``j``/``k`` every 20 ms until the refresh
has finished, timing each key from posting it until the headline cursor has moved, and
how long the event loop stalls meanwhile. Prints p50/p95/max with and without the
refresh; asserts nothing.

Usage: ``python benchmarks/tui_latency.py [--feeds 200] [--items 100]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from refresh_feeds import FeedServer, make_feed  # noqa: E402
from suxun_tui.config import Config, Settings, SourceSpec  # noqa: E402
from suxun_tui.models import Block, FeedEntry  # noqa: E402
from suxun_tui.store import DB_NAME, Store  # noqa: E402
from suxun_tui.tui.app import SuxunApp  # noqa: E402
from suxun_tui.tui.screens.main import MainScreen  # noqa: E402


def prefill(store: Store, articles: int) -> SourceSpec:
    """A local source with ``articles`` rows, so there is a list to move through."""
    spec = SourceSpec("cached", "http://127.0.0.1:9/cached.xml")
    store.sync_sources([(spec.name, spec.url, None, None)])
    source_id = store.source_id(spec.name)
    assert source_id is not None
    start = datetime(2025, 1, 1, tzinfo=UTC)
    store.store_entries(
        source_id,
        [
            FeedEntry(
                f"c-{i}",
                f"缓存的文章 {i} cached article",
                f"http://example.org/c/{i}",
                (start + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                None,
                (Block("paragraph", "正文" * 40),),
            )
            for i in range(articles)
        ],
    )
    return spec


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(
    config: Config, store: Store, with_refresh: bool
) -> tuple[list[float], list[float], float]:
    """Key latencies (ms), event-loop stalls (ms) and how long the refresh took (s).

    A key's latency runs from posting it (as the terminal driver does) until the
    headline cursor has moved; the stall monitor records how late a 5 ms timer fires,
    i.e. how long the event loop was blocked and could not draw or read keys.
    """
    app = SuxunApp(config, store, offline=False, notices=[])
    latencies: list[float] = []
    stalls: list[float] = []
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        running = True

        async def monitor() -> None:
            while running:
                planned = time.perf_counter() + 0.005
                await asyncio.sleep(0.005)
                stalls.append(max(0.0, (time.perf_counter() - planned) * 1000))

        watcher = asyncio.create_task(monitor())
        began = time.perf_counter()
        if with_refresh:
            app.simulate_key("R")
            while not screen.refreshes.running:
                await asyncio.sleep(0.001)
        deadline = began + 180
        while time.perf_counter() < deadline:
            for key in ("j", "k"):
                before = screen.headlines.current
                sent = time.perf_counter()
                app.simulate_key(key)
                while screen.headlines.current is before:
                    await asyncio.sleep(0.0005)
                latencies.append((time.perf_counter() - sent) * 1000)
                await asyncio.sleep(0.02)
            if not with_refresh and len(latencies) >= 300:
                break
            if with_refresh and not screen.refreshes.running:
                break
        took = time.perf_counter() - began
        running = False
        await watcher
    return latencies, stalls, took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--cached", type=int, default=10_000)
    args = parser.parse_args(argv)
    base_url = "http://127.0.0.1:{port}"
    feeds = {f"/feed/{i}.xml": make_feed(i, args.items, base_url) for i in range(args.feeds)}
    httpd = FeedServer(feeds)
    port = httpd.port
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / DB_NAME)
            cached = prefill(store, args.cached)
            sources = (cached,) + tuple(
                SourceSpec(f"feed {i:03d}", f"http://127.0.0.1:{port}/feed/{i}.xml")
                for i in range(args.feeds)
            )
            config = Config(settings=Settings(), sources=sources)
            idle, idle_stalls, _ = asyncio.run(measure(config, store, with_refresh=False))
            busy, busy_stalls, took = asyncio.run(measure(config, store, with_refresh=True))
            store.close()
    finally:
        httpd.shutdown()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"refresh: {args.feeds} feeds x {args.items} items over loopback, {took:.2f} s in the TUI"
    )
    print(f"{'':<34}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    rows = (
        ("key latency, idle", idle),
        ("key latency, during refresh", busy),
        ("event-loop stall, idle", idle_stalls),
        ("event-loop stall, during refresh", busy_stalls),
    )
    for name, values in rows:
        print(
            f"{name:<34}{len(values):>7}{statistics.median(values):>9.1f}"
            f"{percentile(values, 0.95):>9.1f}{max(values):>9.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
