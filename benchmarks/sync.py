"""Benchmark a sync with a real Miniflux: first sync of a big account, then nothing new.

Starts the test suite's Miniflux (``tests/support/miniflux_server.py``; build it first with
``--build``), subscribes it to N feeds of M items served from loopback (Miniflux itself
fetches them), brings PostgreSQL's statistics and visibility map up to date (``VACUUM
ANALYZE``, as its autovacuum does within a minute), then runs ``suxun-tui refresh`` as a
child process, each time into the same cache:

* the first sync into an empty cache (all N x M entries pulled), through each API, and
  how long the search index's background filler then takes (the syncs after it are
  measured once it is done, as cron's next run would find it);
* a second sync with nothing new, then the median of a few more (the steady state: for
  the Google Reader API with its login token kept, see ``sync/tokens.py``);
* the peak RSS of those children (``RUSAGE_CHILDREN``);
* the start-up: a refresh with nothing configured, and the CPU time of importing the
  refresh path in a fresh interpreter.

Every figure is a whole ``suxun-tui refresh`` process, as cron runs it. Targets from the
issues: first sync <= 15 s, nothing-new sync <= 0.5 s, memory <= 150 MB, imports of the
refresh path <= 60 ms; each printed with its ratio to the target (<= 1.00x is met), the
machine's cores and load. Prints a table; asserts nothing. Usage:
``python benchmarks/sync.py [--feeds 50] [--items 400] [--api miniflux|greader|both]``
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.feeds import items, rss  # noqa: E402
from tests.support.miniflux_server import (  # noqa: E402
    GREADER_PASSWORD,
    GREADER_USER,
    MinifluxServer,
    start_server,
)
from tests.support.server import LoopbackServer  # noqa: E402

from bytecode import compile_package  # noqa: E402
from index_wait import index_settled  # noqa: E402
from suxun_tui.store.db import DB_NAME  # noqa: E402

CPU: list[float] = []  # CPU seconds of each refresh process, in order
TARGETS = {"first": 15.0, "nothing new": 0.5, "memory": 150.0, "imports": 0.060}
STEADY_RUNS = 5
IMPORTS = (
    "import resource, sys\n"
    "u = resource.getrusage(resource.RUSAGE_SELF)\n"
    "import {modules}\n"
    "v = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print(v.ru_utime + v.ru_stime - u.ru_utime - u.ru_stime)"
)
REFRESH_PATH = "suxun_tui.entry, suxun_tui.cli.refresh_cmd"  # all a refresh with nothing due loads
# What a sync adds: the event loop (asyncio without ssl, as the refresh imports it), the
# fetch path, the sync engine and one API client.
SYNC_PATH = (
    "suxun_tui.net.eventloop; suxun_tui.net.eventloop.import_asyncio();"
    " import suxun_tui.refresh.running, suxun_tui.sync.engine, suxun_tui.sync.greader"
)


def import_cpu(modules: str) -> float:
    """CPU seconds of importing ``modules`` in a fresh interpreter (best of 5 runs)."""
    code = IMPORTS.format(modules=modules)
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return min(runs)


def ratio(value: float, target: str) -> str:
    return f"{value / TARGETS[target]:.2f}x"


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def refresh(env: dict[str, str]) -> tuple[float, str]:
    """Wall seconds of one ``suxun-tui refresh`` process and its last line; its CPU
    seconds are added to :data:`CPU` (a shared machine moves wall time, not CPU time)."""
    cpu_before = child_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "suxun_tui", "refresh"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    CPU.append(child_cpu() - cpu_before)
    if done.returncode != 0:
        raise SystemExit(f"refresh failed:\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout.strip().splitlines()[-1]


def in_process_sync(env: dict[str, str]) -> float:
    """A nothing-new sync without the process start-up: ``sync_accounts`` itself."""
    from suxun_tui.config import load_config
    from suxun_tui.sync import sync_accounts

    saved = dict(os.environ)
    os.environ.update(env)
    try:
        config = load_config(Path(env["SUXUN_TUI_CONFIG"]))
        started = time.perf_counter()
        sync_accounts(config, Path(env["SUXUN_TUI_DATA_DIR"]) / "cache.sqlite3")
        return time.perf_counter() - started
    finally:
        os.environ.clear()
        os.environ.update(saved)


def account_env(server: MinifluxServer, api: str, root: Path) -> dict[str, str]:
    if api == "miniflux":
        secret = 'token_env = "BENCH_TOKEN"'
    else:
        secret = f'username = "{GREADER_USER}"\npassword_env = "BENCH_PASSWORD"'
    config = root / f"{api}.toml"
    config.write_text(
        f'[[accounts]]\nname = "bench"\ntype = "{api}"\nurl = "{server.url}"\n{secret}\n'
    )
    config.chmod(0o600)
    return {
        **os.environ,
        "SUXUN_TUI_CONFIG": str(config),
        "SUXUN_TUI_DATA_DIR": str(root / f"data-{api}"),
        "XDG_STATE_HOME": str(root / "state"),  # the kept login token, not the user's
        "XDG_RUNTIME_DIR": str(root / "no-runtime-dir"),
        "BENCH_TOKEN": server.api_key,
        "BENCH_PASSWORD": GREADER_PASSWORD,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--api", choices=["miniflux", "greader", "both"], default="both")
    args = parser.parse_args()
    apis = ["miniflux", "greader"] if args.api == "both" else [args.api]
    compile_package()
    with tempfile.TemporaryDirectory() as tmp, LoopbackServer() as feeds:
        server = start_server(build=False)
        try:
            started = time.perf_counter()
            for n in range(args.feeds):
                body = rss(f"Feed {n}", items(args.items, prefix=f"F{n}x"))
                url = feeds.add(f"/f{n}", body, headers={"Content-Type": "application/rss+xml"})
                server.add_feed(url)
            setup = time.perf_counter() - started
            server.analyze()  # statistics and visibility as a server running a while has them
            total = args.feeds * args.items
            print(f"Miniflux started in {server.startup_seconds:.1f} s; {args.feeds} feeds,")
            print(f"{total} entries fetched by Miniflux in {setup:.1f} s")
            empty = Path(tmp) / "empty.toml"
            empty.write_text("")
            baseline, _ = refresh({**os.environ, "SUXUN_TUI_CONFIG": str(empty)})
            print(f"a refresh with nothing configured (process start-up): {baseline:.2f} s")
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            print(
                f"{os.cpu_count()} cores, load {load:.2f}, Python {platform.python_version()},"
                f" {datetime.now().strftime('%Y-%m-%d %H:%M')}"
            )
            imports = import_cpu(REFRESH_PATH)
            with_sync = import_cpu(f"{REFRESH_PATH}, {SYNC_PATH}")
            print(
                f"imports of the refresh path: {imports * 1000:.0f} ms CPU"
                f" ({ratio(imports, 'imports')} of 60 ms), with a sync's fetch path and client"
                f" {with_sync * 1000:.0f} ms ({ratio(with_sync, 'imports')})"
            )
            print(
                f"{'API':<10}{'first sync':>11}{'second':>9}{'nothing new':>13}{'CPU':>7}"
                f"{'in-process':>12}{'vs 15 s':>9}{'vs 0.5 s':>10}  result"
            )
            for api in apis:
                env = account_env(server, api, Path(tmp))
                first, line = refresh(env)
                caught_up = index_settled(Path(env["SUXUN_TUI_DATA_DIR"]) / DB_NAME)
                # The second sync lists once more what changed in the first sync's last
                # second (Miniflux's changed_after counts whole seconds); the ones after
                # it are the steady state of a sync with nothing new.
                second, _ = refresh(env)
                steady = [refresh(env)[0] for _ in range(STEADY_RUNS)]
                steady_cpu = statistics.median(CPU[-STEADY_RUNS:])
                third = statistics.median(steady)
                inner = in_process_sync(env)
                print(
                    f"{api:<10}{first:>10.2f}s{second:>8.2f}s{third:>12.2f}s{steady_cpu:>6.2f}s"
                    f"{inner:>11.2f}s{ratio(first, 'first'):>9}{ratio(third, 'nothing new'):>10}"
                    f"  {line}"
                )
                print(f"{'':<10}(the search index caught up {caught_up:.1f} s after it)")
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"peak memory of a refresh: {peak:.0f} MB ({ratio(peak, 'memory')} of 150 MB);"
                " nothing new is the median of"
                f" {STEADY_RUNS} whole processes, each a fresh interpreter"
            )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
