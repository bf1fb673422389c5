"""What each part of indexing a first refresh costs, and what other FTS5 options would cost.

Why: indexing is held to 15 % of a first refresh (``search_write.py`` measures the whole),
and this says where that share goes and whether another shape of the index could fit in
it. A real ``suxun-tui refresh --all`` of the refresh benchmark's workload (200 feeds x 100
items, 80 % Chinese) fills a cache with nothing indexed (``SUXUN_TUI_INDEX_LATER``); then,
in this process, the articles are read back as the index reads them, their plain text
made and folded (``store.fts.index_rows``), and the folded rows written into FTS5 tables
of several shapes — in 20 transactions, as a refresh's writes come, and in one — each
the least of ``--repeat`` runs into a fresh file. CPU seconds of this process.

Prints a table; asserts nothing. Usage: ``python benchmarks/index_fts_options.py
[--feeds 200] [--items 100] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from refresh_feeds import FeedServer, make_feed  # noqa: E402
from suxun_tui.store import DB_NAME  # noqa: E402
from suxun_tui.store.fold import bodies_plain, build_table, fold  # noqa: E402
from suxun_tui.store.fts import Row, index_rows, stored_after  # noqa: E402

SHAPES = {
    "detail=full (as shipped)": "detail=full",
    "detail=column": "detail=column",
    "detail=none": "detail=none",
    "detail=none, no copy of the text": "detail=none, content=''",
}
CHUNK = 300  # articles a statement, as a refresh's transactions bring them


def fill_cache(folder: Path, feeds: int, items: int) -> Path:
    """A cache of one real first refresh, nothing indexed."""
    docs = {f"/feed/{i}.xml": make_feed(i, items, "http://example.org") for i in range(feeds)}
    server = FeedServer(docs)
    try:
        config = folder / "config.toml"
        lines = ["[settings]", "refresh_minutes = 60", ""]
        for i, path in enumerate(docs):
            url = f"http://127.0.0.1:{server.port}{path}"
            lines += ["[[sources]]", f'name = "feed {i:04d}"', f'url = "{url}"', ""]
        config.write_text("\n".join(lines), encoding="utf-8")
        env = {**os.environ, "SUXUN_TUI_INDEX_LATER": "1"}
        command = [str(ROOT / ".venv" / "bin" / "suxun-tui"), "refresh", "--all"]
        command += ["--config", str(config), "--data-dir", str(folder / "data")]
        subprocess.run(command, env=env, check=True, capture_output=True)
    finally:
        server.shutdown()
    return folder / "data" / DB_NAME


def cpu_of(work: object) -> float:
    started = time.process_time()
    work()  # type: ignore[operator]
    return time.process_time() - started


def write_rows(path: Path, shape: str, rows: list[Row], transactions: int) -> float:
    """CPU seconds to write ``rows`` into a fresh FTS5 table of ``shape``."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5(title, text, author, source,"
        f" tokenize = 'trigram case_sensitive 1', {shape})"
    )
    per = -(-len(rows) // transactions)

    def write() -> None:
        for start in range(0, len(rows), per):
            conn.execute("BEGIN")
            for at in range(start, min(start + per, len(rows)), CHUNK):
                conn.executemany(
                    "INSERT INTO f (rowid, title, text, author, source) VALUES (?,?,?,?,?)",
                    rows[at : min(at + CHUNK, start + per)],
                )
            conn.execute("COMMIT")

    try:
        return cpu_of(write)
    finally:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="suxun-fts-options-") as tmp:
        cache = fill_cache(Path(tmp), args.feeds, args.items)
        source = sqlite3.connect(cache)
        build_table()
        read = min(cpu_of(lambda: stored_after(source, 0, 10**9)) for _ in range(args.repeat))
        stored = stored_after(source, 0, 10**9)
        source.close()
        chunks = [stored[i : i + CHUNK] for i in range(0, len(stored), CHUNK)]
        plain = min(
            cpu_of(lambda: [bodies_plain([r[2] for r in c]) for c in chunks])
            for _ in range(args.repeat)
        )
        plains = [bodies_plain([r[2] for r in c]) for c in chunks]
        folding = min(
            cpu_of(lambda: [fold("\x1e".join(p)) for p in plains]) for _ in range(args.repeat)
        )
        rows = [row for chunk in chunks for row in index_rows(chunk)]
        chars = sum(len(r[1]) + len(r[2]) for r in rows)
        print(
            f"indexing {len(rows):,} articles of a first refresh ({chars:,} folded characters"
            f" of title and text); CPU-s, least of {args.repeat}; load {os.getloadavg()[0]:.1f}"
        )
        print(f"  read back {read:.3f}   plain text {plain:.3f}   fold {folding:.3f}")
        print(f"  {'FTS5 table':<36}{'20 transactions':>16}{'one':>8}")
        target = Path(tmp) / "fts.sqlite3"
        for label, shape in SHAPES.items():
            many = min(write_rows(target, shape, rows, 20) for _ in range(args.repeat))
            one = min(write_rows(target, shape, rows, 1) for _ in range(args.repeat))
            print(f"  {label:<36}{many:>16.3f}{one:>8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
