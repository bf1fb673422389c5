"""How the reader and ``list`` scale: 10,000 sources and 2,000,000 articles.

Builds (once; reused while the file exists) a cache with ``--sources`` sources in 100
groups and ``--articles`` articles spread over them, written straight into SQLite with
``executemany`` in the store's own schema. The sources are a feed server account's (as
10,000 subscriptions usually are), so the config names the account; a second config
names every source as ``[[sources]]``, and reading it is timed on its own. Then measures,
each as a user meets it:

* ``suxun-tui list --limit 50`` (and ``--unread``) as a child process: interpreter start,
  config with every source, opening and checking the cache, the query, the output;
* opening the cache (``cli.context.load_context``) and the reader's first paint
  (``SuxunApp`` in ``App.run_test()``, until the first frame composed with the headline
  list's and the sources pane's rows: :func:`first_paint`), in this process, with the CPU
  time of the reader's thread (the machine is often shared: wall time follows its load);
* the queries behind them: the sources with their counts, the first headline page.

Then (:mod:`scale_search`) the queued articles are indexed, searches run as the reader
runs them, and with ``--gc`` a copy of the cache loses half its articles to ``gc``.

Prints figures; asserts nothing about time (targets: list ≤ 0.3 s, first paint ≤ 1 s at
2,000,000 and ≤ 0.5 s at 1,000,000, search ≤ 200 ms in the reader at 1,000,000, gc of
500,000 articles ≤ 30 s).
Usage: ``python benchmarks/scale.py [--sources 10000] [--articles 2000000] [--work DIR]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
SUXUN = ROOT / ".venv" / "bin" / "suxun-tui"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale_search import fill_index, gc_figures, search_figures  # noqa: E402

GROUPS = 100
BATCH = 50_000
START = datetime(2024, 1, 1, tzinfo=UTC)
PAINT_TARGET = 0.5  # seconds, open + first paint, at 1,000,000 articles


def _stamp(minutes: int) -> str:
    return (START + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_name(index: int) -> str:
    return f"来源 {index:05d}"


def _url(index: int) -> str:
    return f"http://127.0.0.1:9/feed/{index}.xml"


ACCOUNT_CONFIG = """[settings]
refresh_on_start = false

[[accounts]]
name = "bench"
type = "miniflux"
url = "http://127.0.0.1:9"
token_env = "SUXUN_BENCH_TOKEN"
"""


def write_sources_config(path: Path, sources: int) -> None:
    """A config naming every source as ``[[sources]]`` (only its reading is timed)."""
    lines = ["[settings]", "refresh_on_start = false", ""]
    for s in range(sources):
        lines += [
            "[[sources]]",
            f'name = "{source_name(s)}"',
            f'url = "{_url(s)}"',
            'kind = "feed"',
            f'group = "分组 {s % GROUPS:03d}"',
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def _article_rows(sources: int, articles: int, ids: list[int]) -> Iterator[tuple[Any, ...]]:
    """Articles newest-first per source, interleaved in time; 1 in 5 unread, 1 in 500 starred."""
    per_source = max(1, articles // sources)
    body = '[{"kind":"paragraph","text":"正文 body"}]'
    made = 0
    for s, source_id in enumerate(ids):
        count = per_source if s < sources - 1 else articles - made
        for i in range(count):
            n = made + i
            yield (
                source_id,
                f"g-{s}-{i}",
                f"http://example.org/{s}/{i}",
                f"标题 {s} {i} headline",
                _stamp(s + i * 137),
                _stamp(s + i * 137),
                body,
                f"h{n}",
                int(n % 5 != 0),
                int(n % 500 == 0),
            )
        made += count


def build_cache(data_dir: Path, sources: int, articles: int) -> float:
    """Create the cache in the store's schema and fill it; seconds taken."""
    from suxun_tui.store import DB_NAME, Store
    from suxun_tui.store.db import connect

    began = time.perf_counter()
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_NAME
    Store(path).close()  # the schema, exactly as the program creates it
    conn = connect(path)  # the program's own connection: the search index's functions
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO sources (name, url, config_url, kind, grp, active, position, account,"
        " remote_id) VALUES (?, ?, ?, 'feed', ?, 1, ?, 'bench', ?)",
        [
            (f"bench: {source_name(s)}", _url(s), _url(s), f"bench/分组 {s % GROUPS:03d}")
            + (1000 + s, str(s))
            for s in range(sources)
        ],
    )
    ids = [row[0] for row in conn.execute("SELECT id FROM sources ORDER BY position")]
    rows = _article_rows(sources, articles, ids)
    sql = (
        "INSERT INTO articles (source_id, guid, url, title, published, first_seen, body,"
        " content_hash, read, starred) VALUES (?,?,?,?,?,?,?,?,?,?)"
    )
    while batch := [row for _, row in zip(range(BATCH), rows, strict=False)]:
        conn.executemany(sql, batch)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - began


def timed(call: Callable[[], object], repeat: int = 3) -> float:
    """The median of ``repeat`` runs, in seconds."""
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        runs.append(time.perf_counter() - began)
    return statistics.median(runs)


def run_list(config: Path, data_dir: Path, *extra: str) -> float:
    env = {**os.environ, "SUXUN_TUI_CONFIG": str(config), "SUXUN_TUI_DATA_DIR": str(data_dir)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its bytecode cached
    command = [str(SUXUN), "list", "--limit", "50", *extra]

    def once() -> None:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0 or done.stdout.count("\n") != 50:
            raise RuntimeError(f"list failed ({done.returncode}): {done.stderr[-500:]}")

    once()  # warm the page cache
    return timed(once)


class Paint(NamedTuple):
    """The reader's first paint: how long it took and what it showed."""

    opened: float  # seconds to open the cache (load_context)
    painted: float  # seconds from there to the first frame holding the rows
    cpu: float  # CPU-seconds of the reader's own thread for the same span
    shown: str


def first_paint(config: Path, data_dir: Path) -> Paint:
    """The first frame that shows both the headlines and the sources, as a user meets it.

    A frame is what the app composes and hands to its driver (``App._display``; the
    headless driver of ``run_test`` then drops it): the first one composed while the
    headline list and the sources pane hold their rows is the first paint. Its CPU time
    is the main thread's alone (``thread_time``): the reader's own work, not the
    background load of the rest of the headlines that starts with it.
    """
    from suxun_tui.cli import parse_args
    from suxun_tui.cli.context import load_context
    from suxun_tui.tui.app import SuxunApp
    from suxun_tui.tui.widgets.headlines import HeadlineList
    from suxun_tui.tui.widgets.sources import SourcesPane

    args = parse_args(["--config", str(config), "--data-dir", str(data_dir)])
    began, cpu_began = time.perf_counter(), time.thread_time()
    context = load_context(args)
    opened = time.perf_counter() - began
    seen: list[tuple[float, float, str]] = []

    async def measure() -> tuple[float, float, str]:
        start = time.perf_counter()
        app = SuxunApp(context.config, context.store, offline=True, notices=[])
        display = app._display

        def displayed(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            headlines, panes = app.query(HeadlineList), app.query(SourcesPane)
            if seen or not (headlines and panes):
                return
            rows, pane = headlines.first().rows, panes.first()
            if rows and pane.option_count > 2:  # more than All and Starred: the sources
                cpu = time.thread_time() - cpu_began
                what = f"{len(rows):,} headlines, {pane.option_count:,} rows in the sources pane"
                seen.append((time.perf_counter() - start, cpu, what))

        app._display = displayed  # type: ignore[method-assign]
        async with app.run_test(size=(160, 50)) as pilot:
            while not seen:
                if time.perf_counter() - start > 120:
                    raise TimeoutError("nothing painted after 120 s")
                await pilot.pause(0.005)
        return seen[0]

    try:
        painted, cpu, shown = asyncio.run(measure())
    finally:
        context.store.close()
    return Paint(opened, painted, cpu, shown)


def config_seconds(path: Path) -> tuple[float, float]:
    """(parsing the file, reading it once its parsed copy is kept)."""
    from suxun_tui.config import load_config, parse_config

    text = path.read_text()
    parsed = timed(lambda: parse_config(text, path), repeat=1)
    load_config(path)  # keeps the parsed copy
    return parsed, timed(lambda: load_config(path))


def query_figures(data_dir: Path) -> list[tuple[str, float]]:
    from suxun_tui.store import DB_NAME, Store

    with Store(data_dir / DB_NAME) as store:
        return [
            ("sources with counts", timed(store.sources)),
            ("starred count", timed(store.starred_count)),
            ("first headline page (300)", timed(lambda: store.headlines(limit=300))),
            ("first unread page (50)", timed(lambda: store.headlines(unread_only=True, limit=50))),
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=2_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/suxun-scale"))
    parser.add_argument("--rebuild", action="store_true", help="build the cache again")
    parser.add_argument("--no-paint", action="store_true", help="skip the reader")
    parser.add_argument("--no-search", action="store_true", help="skip search in the reader")
    parser.add_argument("--gc", action="store_true", help="gc half the articles of a copy")
    args = parser.parse_args(argv)

    work: Path = args.work / f"{args.sources}x{args.articles}"
    data_dir, config = work / "data", work / "config.toml"
    sources_config = work / "sources.toml"
    from suxun_tui.store import DB_NAME

    if args.rebuild or not (data_dir / DB_NAME).exists():
        for leftover in data_dir.glob(f"{DB_NAME}*"):
            leftover.unlink()
        work.mkdir(parents=True, exist_ok=True)
        config.write_text(ACCOUNT_CONFIG, encoding="utf-8")
        write_sources_config(sources_config, args.sources)
        print(f"built the cache in {build_cache(data_dir, args.sources, args.articles):.1f} s")
    if said := fill_index(data_dir / DB_NAME):
        print(said)
    size = (data_dir / DB_NAME).stat().st_size / 2**20
    print(
        f"{args.sources:,} sources, {args.articles:,} articles, cache {size:,.0f} MiB;"
        f" {platform.node()}, {os.cpu_count()} CPUs, {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )
    figures = query_figures(data_dir)
    parsed, kept = config_seconds(sources_config)
    figures.append((f"parse a config of {args.sources:,} [[sources]]", parsed))
    figures.append(("read it again (its parsed copy kept)", kept))
    figures.append(("list --limit 50 (process)", run_list(config, data_dir)))
    figures.append(("list --limit 50 --unread (process)", run_list(config, data_dir, "--unread")))
    if not args.no_paint:
        first_paint(config, data_dir)  # warm the page cache and the imports
        paints = [first_paint(config, data_dir) for _ in range(3)]
        opened = statistics.median(p.opened for p in paints)
        painted = statistics.median(p.painted for p in paints)
        figures.append(("open the cache (load_context)", opened))
        figures.append((f"reader first paint ({paints[0].shown})", painted))
        figures.append(("reader: open + first paint", opened + painted))
        cpu = statistics.median(p.cpu for p in paints)
        figures.append(("  its CPU time (the reader's thread)", cpu))
    width = max(len(name) for name, _ in figures)
    for name, seconds in figures:
        print(f"  {name:<{width}}  {seconds:8.3f} s")
    if not args.no_paint:
        paint = opened + painted
        print(
            f"  first paint {paint:.3f} s against the target of {PAINT_TARGET} s at 1,000,000"
            f" articles: {'met' if paint <= PAINT_TARGET else 'NOT met'}"
            f" ({paint / PAINT_TARGET:.2f}x); median of 3 after a warm-up, load"
            f" {os.getloadavg()[0]:.2f}"
        )
    if not args.no_search:
        print("\n".join(search_figures(data_dir / DB_NAME, args.sources)))
    if args.gc:
        print("\n".join(gc_figures(data_dir / DB_NAME)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
