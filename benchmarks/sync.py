"""Benchmark a sync with a real Miniflux: first sync of a big account, then nothing new.

Starts the test suite's Miniflux (``tests/support/miniflux_server.py``; build it first with
``--build``), subscribes it to N feeds of M items served from loopback (Miniflux itself
fetches them), then runs ``suxun-tui refresh`` as a child process, each time into the same
cache:

* the first sync into an empty cache (all N x M entries pulled), through each API;
* a second sync with nothing new;
* the peak RSS of those children (``RUSAGE_CHILDREN``).

Targets from the issue: first sync <= 15 s, nothing-new sync <= 0.5 s, memory <= 150 MB.
Prints a table; asserts nothing. Usage:
``python benchmarks/sync.py [--feeds 50] [--items 400] [--api miniflux|greader|both]``
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
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

CPU: list[float] = []  # CPU seconds of each refresh process, in order


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
    with tempfile.TemporaryDirectory() as tmp, LoopbackServer() as feeds:
        server = start_server(build=False)
        try:
            started = time.perf_counter()
            for n in range(args.feeds):
                body = rss(f"Feed {n}", items(args.items, prefix=f"F{n}x"))
                url = feeds.add(f"/f{n}", body, headers={"Content-Type": "application/rss+xml"})
                server.add_feed(url)
            setup = time.perf_counter() - started
            total = args.feeds * args.items
            print(f"Miniflux started in {server.startup_seconds:.1f} s; {args.feeds} feeds,")
            print(f"{total} entries fetched by Miniflux in {setup:.1f} s")
            empty = Path(tmp) / "empty.toml"
            empty.write_text("")
            baseline, _ = refresh({**os.environ, "SUXUN_TUI_CONFIG": str(empty)})
            print(f"a refresh with nothing configured (process start-up): {baseline:.2f} s")
            print(
                f"{'API':<10}{'first sync':>11}{'second':>9}{'nothing new':>13}{'in-process':>12}"
                f"{'CPU first':>11}{'CPU nothing new':>17}  result"
            )
            for api in apis:
                env = account_env(server, api, Path(tmp))
                first, line = refresh(env)
                # The second sync lists once more what changed in the first sync's last
                # second (Miniflux's changed_after counts whole seconds); the third is the
                # steady state of a sync with nothing new.
                second, _ = refresh(env)
                third, _ = refresh(env)
                inner = in_process_sync(env)
                print(
                    f"{api:<10}{first:>10.2f}s{second:>8.2f}s{third:>12.2f}s{inner:>11.2f}s"
                    f"{CPU[-3]:>10.2f}s{CPU[-1]:>16.2f}s  {line}"
                )
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"peak memory of a refresh: {peak:.0f} MB (targets: 15 s, 0.5 s, 150 MB)")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
