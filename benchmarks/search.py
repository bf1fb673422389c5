"""Benchmark search at scale: N cached articles (80 % Chinese), queries of 1, 2, 3 and 6
Chinese characters, English words, Traditional and full-width variants and the query
language, each timed in this process (as the reader runs it) and as a ``suxun-tui
search`` child process (start-up included), with the result set compared against a
full scan of every article folded in Python (exactness).

Also measures what the index costs when articles are written (the store's write path
with and without the index triggers) and the cache's size.

Prints a table; asserts nothing about time (targets: ≤ 50 ms in the reader, ≤ 150 ms per
process at 100,000 articles). Usage:
``python benchmarks/search.py [--articles 100000] [--work DIR] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_corpus import SOURCES, build_cache  # noqa: E402
from suxun_tui.query import Text, parse_query  # noqa: E402
from suxun_tui.store import Store  # noqa: E402
from suxun_tui.store.fold import fold, fold_body  # noqa: E402

SUXUN = ROOT / ".venv" / "bin" / "suxun-tui"
READER_PAGE = 300  # the reader's first page of headlines (tui.screens.main.FIRST_PAGE)


def write_config(work: Path) -> Path:
    """A config naming the corpus's sources, so the CLI keeps them active."""
    lines = []
    for i in range(SOURCES):
        name = f"来源{i:03d}" if i % 5 else f"source-{i:03d}"
        lines += [
            "[[sources]]",
            f'name = "{name}"',
            f'url = "https://example.com/{name}"',
            'kind = "feed"',
            f'group = "组{i % 7}"',
            "",
        ]
    path = work / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def pick_queries(store: Store) -> list[tuple[str, str]]:
    """Queries taken from the corpus itself, so each finds something."""
    zh = store.conn.execute("SELECT title, body FROM articles WHERE id = 4242").fetchone()
    en = store.conn.execute(
        "SELECT body FROM articles WHERE id > 30000 AND title GLOB '[A-Z]*' LIMIT 1"
    ).fetchone()
    text = fold(zh[0]) + fold_body(zh[1])
    chinese = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    english = [w.strip(".,") for w in fold_body(en[0]).split() if len(w) > 5]
    return [
        ("1 char, rare", "雪"),
        ("1 char, common", chinese[0]),
        ("2 chars", chinese[10:12]),
        ("3 chars", chinese[20:23]),
        ("6 chars", chinese[30:36]),
        ("6 chars, Traditional", _traditional(chinese[30:36])),
        ("2 words, 1 + 2 chars", f"{chinese[40]} {chinese[50:52]}"),
        ("English word", english[0] if english else "market"),
        ("English 2 words", " ".join(english[1:3]) if len(english) > 2 else "market policy"),
        ("full width", "ＡＩ"),
        ("query language", f"is:unread group:组1 {chinese[60:62]} -{chinese[70:73]}"),
    ]


def _traditional(text: str) -> str:
    from suxun_tui.text.script import convert_script

    return convert_script(text, "traditional")


class FullScan:
    """Every article folded once in Python; a query's exact answer by plain substring tests."""

    def __init__(self, store: Store) -> None:
        self.rows = [
            (int(r[0]), fold(r[1]), fold_body(r[2]), int(r[3]), r[4])
            for r in store.conn.execute(
                "SELECT a.id, a.title, a.body, a.read, s.grp FROM articles a"
                " JOIN sources s ON s.id = a.source_id"
            )
        ]

    def answer(self, query: str) -> set[int] | None:
        """The ids a scan finds; None for a query with fields this scan does not model."""
        parsed = parse_query(query)
        texts: list[tuple[str, bool]] = []
        unread = group = None
        for (item,) in parsed.groups:
            atom = item.atom
            if isinstance(atom, Text):
                texts.append((fold(atom.text), item.negated))
            elif getattr(atom, "name", "") == "unread":
                unread = True
            elif getattr(atom, "name", "") == "group":
                group = atom.value  # type: ignore[union-attr]
            else:
                return None
        return {
            id_
            for id_, title, body, read, grp in self.rows
            if all((t in title or t in body) != negated for t, negated in texts)
            and (unread is None or not read)
            and (group is None or grp == group)
        }


def timed(run: object, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = run()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def index_cost(articles: int) -> tuple[float, float]:
    """Seconds to write ``articles`` articles through the store with and without the index."""
    with tempfile.TemporaryDirectory() as tmp:
        with_index = build_cache(Path(tmp) / "a.sqlite3", articles, seed=7)
        bare = Path(tmp) / "b.sqlite3"
        store = Store(bare)
        for trigger in ("articles_index_insert", "articles_index_update"):
            store.conn.execute(f"DROP TRIGGER {trigger}")
        store.close()
        without = build_cache(bare, articles, seed=7)
    return with_index, without


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "suxun-search")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cost-articles", type=int, default=5_000)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    data = args.work / f"data-{args.articles}"
    data.mkdir(exist_ok=True)
    db = data / "cache.sqlite3"
    if not db.exists():
        print(f"building a cache of {args.articles:,} articles in {db} …", flush=True)
        spent = build_cache(db, args.articles)
        print(f"  stored in {spent:.1f} s (index triggers included)")
    config = write_config(args.work)
    print(
        f"machine: {platform.node()} · {os.cpu_count()} cores · {platform.python_version()}"
        f" · {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · load {os.getloadavg()[0]:.1f}"
    )
    print(f"cache: {db.stat().st_size / 1e6:.0f} MB for {args.articles:,} articles")
    store = Store(db)
    queries = pick_queries(store)
    print("folding every article for the full scan …", flush=True)
    scan = FullScan(store)
    env = {**os.environ, "SUXUN_TUI_CONFIG": str(config), "SUXUN_TUI_DATA_DIR": str(data)}
    header = f"{'query':<24} {'text':<22} {'found':>7} {'page ms':>8} {'all ms':>8}"
    print(header + f" {'rank ms':>8} {'process ms':>10}  exact")
    for label, query in queries:
        page_s, _ = timed(lambda q=query: store.search(q, limit=READER_PAGE), args.repeat)
        all_s, rows = timed(lambda q=query: store.search(q), args.repeat)
        rank_s, _ = timed(
            lambda q=query: store.search(q, limit=READER_PAGE, order="relevance"), args.repeat
        )
        command = [str(SUXUN), "search", "--limit", "50", "--json", "--", query]
        proc_s, _ = timed(
            lambda c=command: subprocess.run(c, env=env, capture_output=True, check=True),
            max(1, args.repeat // 2),
        )
        expected = scan.answer(query)
        found = {h.id for h in rows}  # type: ignore[union-attr]
        exact = "n/a" if expected is None else ("yes" if found == expected else "NO")
        print(
            f"{label:<24} {query:<22} {len(found):>7} {page_s * 1000:>8.1f} {all_s * 1000:>8.1f}"
            f" {rank_s * 1000:>8.1f} {proc_s * 1000:>10.0f}  {exact}"
        )
    store.close()
    if args.cost_articles:
        with_index, without = index_cost(args.cost_articles)
        print(
            f"writing {args.cost_articles:,} articles through the store: {with_index:.2f} s with"
            f" the index, {without:.2f} s without (+{(with_index / without - 1) * 100:.0f} %)"
        )


if __name__ == "__main__":
    main()
