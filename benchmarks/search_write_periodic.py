"""What the search index costs a periodic refresh: the refresh benchmark's third step (200
feeds x 100 items, 80 % Chinese; 10 % of the feeds moved on by 10 items, so 200 new
articles), run by real ``suxun-tui refresh --all`` processes on copies of one cache that a
first refresh filled and indexed, three ways rotated:

* ``no index``: every trigger of the index dropped, nothing indexed (the floor);
* ``as it is``: the refresh indexes its new articles in its own writes
  (store.index_inline; ``SUXUN_TUI_NO_FILLER`` checks that nothing is left for a filler);
* ``filler after``: they wait past the mark (``SUXUN_TUI_INDEX_LATER``) and the background
  filler indexes them, timed as its own process, as before the refresh indexed.

Reported as CPU-seconds of each process tree (median and spread of each way's runs) and
wall seconds.
Usage: ``python benchmarks/search_write_periodic.py [--repeat 6]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from refresh_feeds import FeedServer, make_feed  # noqa: E402
from refresh_measure import Run, timed  # noqa: E402
from search_write import TRIGGERS  # noqa: E402
from suxun_tui.store import DB_NAME, Store  # noqa: E402
from suxun_tui.store.index_fill import queued  # noqa: E402

SUXUN = ROOT / ".venv" / "bin" / "suxun-tui"
PYTHON = ROOT / ".venv" / "bin" / "python"
BASE = "http://example.org"


def measure(feeds: int = 200, items: int = 100, repeat: int = 6) -> dict[str, list[Run]]:
    """Each way ``repeat`` times on a copy of the same indexed cache, in turn first."""
    docs = {f"/feed/{i}.xml": make_feed(i, items, BASE) for i in range(feeds)}
    server = FeedServer(docs)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, as an installed program is
    later = {**env, "SUXUN_TUI_INDEX_LATER": "1"}
    now = {**env, "SUXUN_TUI_NO_FILLER": "1"}
    runs: dict[str, list[Run]] = {"no index": [], "as it is": [], "filler after": []}
    try:
        with tempfile.TemporaryDirectory(prefix="suxun-index-periodic-") as tmp:
            config = Path(tmp) / "config.toml"
            lines = ["[settings]", "refresh_minutes = 60", ""]
            for i, path in enumerate(docs):
                url = f"http://127.0.0.1:{server.port}{path}"
                lines += ["[[sources]]", f'name = "feed {i:04d}"', f'url = "{url}"', ""]
            config.write_text("\n".join(lines), encoding="utf-8")
            refresh = [str(SUXUN), "refresh", "--all", "--config", str(config), "--data-dir"]
            base = Path(tmp) / "base"
            timed([*refresh, str(base)], later)
            timed([str(PYTHON), "-m", "suxun_tui.store.index_fill", str(base / DB_NAME)], env)
            for i in range(0, feeds, 10):
                server.replace(f"/feed/{i}.xml", make_feed(i, items, BASE, generation=1))
            for round_ in range(repeat):
                ways = list(runs)[round_ % 3 :] + list(runs)[: round_ % 3]
                for way in ways:
                    data = Path(tmp) / f"{way.replace(' ', '-')}-{round_}"
                    shutil.copytree(base, data)
                    if way == "no index":
                        with Store(data / DB_NAME) as store:
                            for name in TRIGGERS:
                                store.conn.execute(f"DROP TRIGGER {name}")
                    run = timed([*refresh, str(data)], now if way == "as it is" else later)
                    if not run.last_line.startswith("refreshed"):
                        raise SystemExit(f"refresh did not finish: {run.last_line}")
                    cache = data / DB_NAME
                    if way == "filler after":
                        fill = [str(PYTHON), "-m", "suxun_tui.store.index_fill", str(cache)]
                        after = timed(fill, env)
                        run = Run(run.wall + after.wall, run.cpu + after.cpu, run.memory, "")
                    with Store(cache) as store:
                        if way != "no index" and queued(store.conn):
                            raise SystemExit(f"{way}: articles left waiting for the index")
                    runs[way].append(run)
    finally:
        server.shutdown()
    return runs


def report(runs: dict[str, list[Run]]) -> None:
    print(
        "\nindexing in a periodic refresh (10 % of 200 feeds changed, 200 new articles;"
        f" CPU-s of the process tree, median of {len(runs['as it is'])} rotated runs,"
        f" load {os.getloadavg()[0]:.1f}):"
    )
    floor = statistics.median(r.cpu for r in runs["no index"])
    for way, its in runs.items():
        cpus = [r.cpu for r in its]
        added = (
            "" if way == "no index" else f"  {(statistics.median(cpus) / floor - 1) * 100:+.1f} %"
        )
        print(
            f"  {way:<13} {statistics.median(cpus):.3f} CPU-s ({min(cpus):.3f}-{max(cpus):.3f})"
            f"{added}  {statistics.median(r.wall for r in its):.2f} s wall"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=6)
    report(measure(repeat=parser.parse_args().repeat))


if __name__ == "__main__":
    main()
