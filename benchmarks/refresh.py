"""Benchmark the refresh engine against newsboat, plus peak memory and TUI first paint.

Generates N feeds x M items (Chinese and English, RSS 2.0 and some Atom), serves them from
a threaded loopback server (keep-alive, deep accept queue, ETag/Last-Modified/304, gzip
when asked) and measures, each as a real child process:

* the first ``suxun-tui refresh --all`` into an empty cache, and a second one of the same,
  unchanged feeds (conditional GET and the body-hash skip apply);
* the peak RSS of those ``suxun-tui`` children (``RUSAGE_CHILDREN``, read before newsboat
  runs so that only our processes count);
* where ``newsboat`` is installed, ``newsboat -x reload`` (``reload-threads 8``) against
  the same server, first and second reload, and the ratios;
* TUI first paint: ``SuxunApp`` in ``App.run_test()`` over a cache of 100,000 articles,
  until the headline list holds rows (skipped with a note while the TUI is not ready).

Prints a table; asserts nothing about time. Usage:
``python benchmarks/refresh.py [--feeds 200] [--items 100] [--paint-articles 100000]``
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import hashlib
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SUXUN = ROOT / ".venv" / "bin" / "suxun-tui"

_ZH_WORDS = list("经济发展改革创新城市科技教育文化交通医疗环境市场企业政策社会国际")
_EN_WORDS = ["market", "city", "policy", "science", "school", "health", "energy", "travel"]


# --- feeds ------------------------------------------------------------------------------


def _sentence(words: list[str], seed: int, n: int, sep: str) -> str:
    return sep.join(words[(seed * 7 + i * 3) % len(words)] for i in range(n))


def make_feed(index: int, items: int, base: str) -> bytes:
    """One feed document: Chinese for even feeds, English for odd; every fourth is Atom."""
    chinese = index % 2 == 0
    words, sep = (_ZH_WORDS, "") if chinese else (_EN_WORDS, " ")
    start = datetime(2025, 12, 1, tzinfo=UTC)
    entries = []
    for i in range(items):
        seed = index * 1000 + i
        title = _sentence(words, seed, 6, sep) + f" {index}-{i}"
        para = _sentence(words, seed + 1, 40, sep)
        body = f"<p>{para}</p><p>{_sentence(words, seed + 2, 30, sep)}</p>"
        link = f"{base}/article/{index}/{i}.html"
        when = start + timedelta(minutes=17 * i + index)
        entries.append((title, link, body, when, f"author{index % 9}"))
    feed_title = f"{'新闻频道' if chinese else 'News channel'} {index}"
    if index % 4 == 3:
        parts = [
            f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{feed_title}</title><id>{base}/feed/{index}</id>"
            f"<updated>{start.isoformat()}</updated>"
        ]
        for title, link, body, when, author in entries:
            parts.append(
                f'<entry><title>{escape(title)}</title><link href="{link}"/><id>{link}</id>'
                f"<updated>{when.isoformat()}</updated><author><name>{author}</name></author>"
                f'<summary type="html">{escape(body)}</summary></entry>'
            )
        parts.append("</feed>")
    else:
        parts = [
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{feed_title}</title><link>{base}/</link><description>d</description>"
        ]
        for title, link, body, when, author in entries:
            parts.append(
                f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
                f"<pubDate>{format_datetime(when)}</pubDate><author>{author}</author>"
                f"<description>{escape(body)}</description></item>"
            )
        parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


# --- server -----------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True


def start_server(feeds: dict[str, bytes]) -> tuple[ThreadingHTTPServer, int]:
    """Serve ``feeds`` by path with validators and pre-compressed gzip bodies."""
    modified = format_datetime(datetime(2025, 12, 1, tzinfo=UTC), usegmt=True)
    table = {
        path: (body, gzip.compress(body, 5), '"' + hashlib.md5(body).hexdigest() + '"')
        for path, body in feeds.items()
    }

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Like production servers: no Nagle, and headers and body leave in one write.
        # Without these, keep-alive clients stall ~40 ms per response on delayed ACKs.
        disable_nagle_algorithm = True
        wbufsize = 1 << 16

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            entry = table.get(self.path)
            if entry is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, packed, etag = entry
            if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-Modified-Since") == modified
            ):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            zipped = "gzip" in (self.headers.get("Accept-Encoding") or "")
            data = packed if zipped else body
            self.send_response(200)
            self.send_header("Content-Type", "application/xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            if zipped:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    httpd = _Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, int(httpd.server_address[1])


# --- runners ----------------------------------------------------------------------------


def _tree_rss_kb(root: int) -> int:
    """Summed memory of ``root`` and all its descendants (parse workers included), in kB.

    PSS where the kernel offers it (shared pages split between the processes sharing
    them, so forked workers are not counted twice), else RSS.
    """
    tree, frontier = {root}, [root]
    while frontier:  # /proc/PID/task/TID/children lists direct children, cheaply
        pid = frontier.pop()
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as kids:
                    found = [int(k) for k in kids.read().split()]
            except (OSError, ValueError):
                continue
            frontier.extend(k for k in found if k not in tree)
            tree.update(found)
    total = 0
    for pid in tree:
        for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
            try:
                with open(f"/proc/{pid}/{name}", encoding="ascii", errors="replace") as info:
                    total += next(int(x.split()[1]) for x in info if x.startswith(key))
                break
            except (OSError, StopIteration):
                continue
    return total


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, str, float]:
    """Run ``cmd`` to completion; (wall seconds, last output line, peak tree RSS in MB).

    The tree's memory is sampled every 50 ms where /proc exists (0 elsewhere); it sums the
    command and all its children, which ``RUSAGE_CHILDREN`` (a maximum over single
    processes) does not.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    sampler_done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not sampler_done.is_set() and os.path.isdir("/proc"):
            peak = max(peak, _tree_rss_kb(proc.pid))
            sampler_done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler_done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}):\n{err[-2000:]}")
    lines = (out + err).strip().splitlines()
    return elapsed, lines[-1] if lines else "", peak / 1024


def run_suxun(urls: list[str], work: Path) -> dict[str, Any]:
    config = work / "config.toml"
    lines = ["[settings]", "refresh_minutes = 60", ""]
    for i, url in enumerate(urls):
        lines += ["[[sources]]", f'name = "feed {i:04d}"', f'url = "{url}"', ""]
    config.write_text("\n".join(lines), encoding="utf-8")
    data = work / "suxun-data"
    cmd = [str(SUXUN), "refresh", "--all", "--config", str(config), "--data-dir", str(data)]
    first, summary1, tree1 = timed(cmd)
    second, summary2, tree2 = timed(cmd)
    for summary in (summary1, summary2):
        if not summary.startswith("refreshed"):
            raise SystemExit(f"suxun-tui refresh did not finish: {summary}")
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "first": first,
        "second": second,
        "rss": rss_mb,
        "tree": max(tree1, tree2),
        "notes": [summary1, summary2],
    }


def run_newsboat(urls: list[str], work: Path) -> dict[str, Any] | None:
    exe = shutil.which("newsboat")
    if exe is None:
        return None
    home = work / "nb-home"
    home.mkdir()
    (home / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
    (home / "conf").write_text("reload-threads 8\n", encoding="utf-8")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
        "XDG_DATA_HOME": str(home),
    }
    cmd = [exe, "-u", str(home / "urls"), "-c", str(home / "cache.db"), "-C", str(home / "conf")]
    cmd += ["-x", "reload"]
    first, _, tree1 = timed(cmd, env)
    second, _, tree2 = timed(cmd, env)
    return {"first": first, "second": second, "tree": max(tree1, tree2)}


def first_paint(articles: int, work: Path) -> tuple[float | None, str]:
    """Seconds from starting SuxunApp until its headline list holds rows; None if unready."""
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from suxun_tui.tui.app import SuxunApp
        from suxun_tui.tui.widgets.headlines import HeadlineList
    except ImportError as exc:
        return None, f"TUI not ready ({exc})"
    from suxun_tui.config import Config, SourceSpec
    from suxun_tui.models import Block, FeedEntry
    from suxun_tui.store import DB_NAME, Store

    per_source = 1000
    specs = tuple(
        SourceSpec(f"source {s:03d}", f"http://127.0.0.1:9/{s}.xml")
        for s in range(max(1, articles // per_source))
    )
    store = Store(work / DB_NAME)
    store.sync_sources([(s.name, s.url, s.kind, s.group) for s in specs])
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for s, spec in enumerate(specs):
        source_id = store.source_id(spec.name)
        assert source_id is not None
        entries = [
            FeedEntry(
                f"{s}-{i}",
                f"标题 {s} {i} headline",
                f"http://example.org/{s}/{i}",
                (start + timedelta(minutes=s + i * 131)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                None,
                (Block("paragraph", "正文" * 40),),
            )
            for i in range(per_source)
        ]
        store.store_entries(source_id, entries)
    config = Config(sources=specs)

    shown: list[int] = []

    async def measure() -> float:
        began = time.perf_counter()
        app = SuxunApp(config, store, offline=True, notices=[])
        async with app.run_test(size=(160, 50)) as pilot:
            while True:
                lists = app.query(HeadlineList)
                if lists and lists.first().rows:
                    shown.append(len(lists.first().rows))
                    return time.perf_counter() - began
                if time.perf_counter() - began > 60:
                    raise TimeoutError("headline list still empty after 60 s")
                await pilot.pause(0.005)

    try:
        seconds = asyncio.run(measure())
        return seconds, f"first paint showed {shown[0]:,} headlines of {articles:,}"
    except Exception as exc:  # a half-built TUI must not sink the refresh figures
        return None, f"TUI first paint failed: {exc!r}"
    finally:
        store.close()


# --- report -----------------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "s") -> str:
    return "—" if value is None else f"{value:.2f} {unit}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    return "—" if ours is None or not theirs else f"{ours / theirs:.2f}x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--paint-articles", type=int, default=100_000)
    parser.add_argument("--no-newsboat", action="store_true")
    parser.add_argument("--no-paint", action="store_true")
    args = parser.parse_args(argv)
    if not SUXUN.exists():
        raise SystemExit(f"{SUXUN} is missing: pip install -e . into .venv first")

    feeds = {
        f"/feed/{i}.xml": make_feed(i, args.items, "http://example.org") for i in range(args.feeds)
    }
    httpd, port = start_server(feeds)
    urls = [f"http://127.0.0.1:{port}{path}" for path in feeds]
    size_mb = sum(len(b) for b in feeds.values()) / 1024 / 1024
    with tempfile.TemporaryDirectory(prefix="suxun-bench-") as tmp:
        work = Path(tmp)
        ours = run_suxun(urls, work)  # first, so RUSAGE_CHILDREN holds only our children
        theirs = None if args.no_newsboat else run_newsboat(urls, work)
        paint, paint_note = (
            (None, "skipped") if args.no_paint else first_paint(args.paint_articles, work)
        )
    httpd.shutdown()

    nb_first = theirs["first"] if theirs else None
    nb_second = theirs["second"] if theirs else None
    rows: list[tuple[str, str, str, str, str]] = [
        (
            "first refresh",
            _fmt(ours["first"]),
            _fmt(nb_first),
            _ratio(ours["first"], nb_first),
            "≤ 0.50x",
        ),
        (
            "second refresh",
            _fmt(ours["second"]),
            _fmt(nb_second),
            _ratio(ours["second"], nb_second),
            "≤ 0.50x",
        ),
        ("peak RSS, largest process", _fmt(ours["rss"], "MB"), "—", "—", "≤ 200 MB"),
        (
            "peak PSS, process tree",
            _fmt(ours["tree"] or None, "MB"),
            _fmt(theirs["tree"] if theirs else None, "MB"),
            "—",
            "≤ 200 MB",
        ),
        (f"TUI first paint ({args.paint_articles:,} articles)", _fmt(paint), "—", "—", "≤ 1 s"),
    ]
    header = ("measure", "suxun-tui", "newsboat", "ratio", "target")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    print(
        f"{args.feeds} feeds x {args.items} items ({args.feeds * args.items:,} items, "
        f"{size_mb:.1f} MB), {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.now().strftime('%Y-%m-%d %H:%M')}"
    )
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    for note in [*ours["notes"], paint_note]:
        if note:
            print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
