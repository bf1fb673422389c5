"""Measure article extraction: suxun-tui against other extractors, on held-apart pages.

Why this shape: a figure is only worth what its pages are. Every corpus is split once and for
all by site (``split.py``) into ``dev`` pages, which rules may be developed on, and ``held``
pages, which are only measured; the default is ``held``, and ``--worst`` (which shows pages)
is refused there. Sets (see shared/corpus/README.md):

* ``cwced`` - Chinese pages with hand truth: body char-F1, date and author accuracy;
* ``cx`` - 163.com GBK pages; the truth is another extractor's output (silver), so recall
  matters more than F1;
* ``wcxb`` - English pages of seven types: word-F1 per type, overall and article-only; title,
  author and date accuracy where the truth has them; ``with``/``without`` snippet rates;
* ``gne`` - Chinese news pages without truth: furniture lines left in, empty results, speed.

Every page is decoded once with suxun-tui's ``decode_html`` and the same string goes to every
extractor (``extraction_tools.py`` lists the few departures a library forces), so the
comparison is of extraction only. Speed is pages per CPU-second of the extracting process
(``process_time``), after one untimed warm-up page per chunk: on a shared machine wall time
says more about the neighbours than about the extractor (wall figures are kept in ``--json``).
``suxun-tui extract`` is also timed as a subprocess over ~150 KB pages, start-up included, in
CPU and wall seconds. Figures are printed, never asserted: timing depends on the machine.

Usage::

    python benchmarks/extraction.py [--split held|dev] [--sets cwced,cx,wcxb,gne]
        [--only suxun] [--worst N (dev only)] [--json FILE] [--no-cli] [--jobs 2]
    SUXUN_SRC=/tmp/rev/src python benchmarks/extraction.py   # measure another source tree
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import multiprocessing
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The suxun-tui source measured: this checkout's, or another tree (say a ``git archive`` of a
# commit) named by SUXUN_SRC, so a figure can be tied to a revision while src/ is being edited.
SRC = Path(os.environ.get("SUXUN_SRC") or ROOT / "src").resolve()
sys.path.insert(0, str(SRC))

import extraction_metrics as m  # noqa: E402
from extraction_data import SETS, Page, load_set, present  # noqa: E402
from extraction_report import Record, Summary, format_set, summarise  # noqa: E402
from extraction_tools import EXTRACTORS, Extractor, Result, available, runs_on  # noqa: E402
from suxun_tui.pages import ExtractionError  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
CLI_PAGE_BYTES = (100_000, 200_000)  # pages of about 150 KB for the subprocess figure
CLI_PAGES_PER_SET = 5


def score_page(page: Page, result: Result, failed: bool, times: tuple[float, float]) -> Record:
    """One page's figures for one extractor (``None``: the set has no truth for it)."""
    r: Record = {"id": page.id, "kind": page.kind, "failed": failed}
    r["seconds"], r["cpu_seconds"] = times
    r["empty"] = not result.body.strip()
    if page.body is not None:
        if page.chinese:
            r["f1"] = m.char_f1(result.body, page.body)
            if page.set == "cx":
                r["recall"] = m.char_recall(result.body, page.body)
        else:
            r["f1"] = m.word_f1(result.body, page.body)
    if page.date is not None:
        r["date"] = m.date_right(result.date, page.date)
    if page.author is not None:
        r["author"] = m.author_right(result.author, page.author)
    if page.title is not None:
        r["title"] = m.title_right(result.title, page.title)
    if page.set == "wcxb":
        r["with"] = [m.snippet_hits(result.body, page.with_), len(page.with_)]
        absent = len(page.without) - m.snippet_hits(result.body, page.without)
        r["without"] = [absent, len(page.without)]
    if page.set == "gne":
        r["furniture"] = m.furniture_lines(result.body)
    return r


def run_set(name: str, fn: Extractor, pages: list[Page]) -> list[Record]:
    """Run one extractor over one set's pages; crashes count as failures with empty text."""
    with contextlib.suppress(Exception):  # the timed run below reports a crash
        fn(pages[0])  # warm-up: imports, dictionaries, lazily built parsers
    records = []
    crashes = 0
    for page in pages:
        failed = False
        start, cpu = time.perf_counter(), time.process_time()
        try:
            result = fn(page)
        except ExtractionError:
            result, failed = Result(""), True
        except Exception as exc:  # noqa: BLE001 - another tool's crash is a failed page
            result, failed = Result(""), True
            crashes += 1
            if crashes <= 3:
                print(f"  {name} crashed on {page.set}/{page.id}: {exc!r:.120}", file=sys.stderr)
        times = (time.perf_counter() - start, time.process_time() - cpu)
        records.append(score_page(page, result, failed, times))
    if crashes > 3:
        print(f"  {name}: {crashes} crashes in all on {pages[0].set}", file=sys.stderr)
    return records


# Pages shared with forked workers: set by ``run_all`` before the pool starts, so the workers
# inherit them instead of receiving hundreds of megabytes of HTML through pipes.
_SETS: dict[str, list[Page]] = {}
CHUNK = 40


def _task(task: tuple[str, str, int]) -> tuple[str, str, int, list[Record]]:
    name, set_name, start = task
    fn = EXTRACTORS[name][0]
    return name, set_name, start, run_set(name, fn, _SETS[set_name][start : start + CHUNK])


def run_all(
    extractors: dict[str, Extractor], sets: dict[str, list[Page]], jobs: int
) -> dict[str, dict[str, list[Record]]]:
    """Every extractor over every set it runs on, in ``jobs`` processes.

    Work is cut in chunks of ``CHUNK`` pages of one set; each chunk warms its extractor up
    once, then times every page in its own process, so a page's time is not shared with the
    other worker (on a machine busy with other work, every figure is slower alike).
    """
    _SETS.clear()
    _SETS.update(sets)
    tasks = [
        (name, set_name, start)
        for name in extractors
        for set_name, pages in sets.items()
        if runs_on(name, set_name)
        for start in range(0, len(pages), CHUNK)
    ]
    done: dict[tuple[str, str, int], list[Record]] = {}
    left = {name: sum(1 for t in tasks if t[0] == name) for name in extractors}
    began = time.perf_counter()
    with contextlib.ExitStack() as stack:
        results: Iterator[tuple[str, str, int, list[Record]]]
        if jobs <= 1:
            results = map(_task, tasks)
        else:
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(jobs))
            results = pool.imap_unordered(_task, tasks)
        for n, s, i, r in results:
            done[(n, s, i)] = r
            left[n] -= 1
            if not left[n]:  # progress, for runs of several minutes
                print(f"  {n} done at {time.perf_counter() - began:.0f} s", file=sys.stderr)
    records: dict[str, dict[str, list[Record]]] = {name: {} for name in extractors}
    for name, set_name, start in tasks:
        records[name].setdefault(set_name, []).extend(done[(name, set_name, start)])
    return records


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_speed(sets: dict[str, list[Page]]) -> dict[str, float] | None:
    """Pages/s of ``suxun-tui extract`` as a subprocess over ~150 KB pages, start-up included.

    Measured twice: one process for all pages (start-up paid once) and one process per page
    (what a script calling the CLI per page pays).
    """
    exe = shutil.which("suxun-tui", path=str(Path(sys.executable).parent)) or shutil.which(
        "suxun-tui"
    )
    command = [exe] if exe else [sys.executable, "-m", "suxun_tui"]
    low, high = CLI_PAGE_BYTES
    chosen = [
        page
        for pages in sets.values()
        for page in [p for p in pages if low <= p.size <= high][:CLI_PAGES_PER_SET]
    ]
    if not chosen:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, page in enumerate(chosen):
            assert page.path is not None
            data = page.path.read_bytes()
            if page.path.suffix == ".gz":
                data = gzip.decompress(data)
            target = Path(tmp) / f"{i:03d}-{page.set}.html"
            target.write_bytes(data)
            files.append(str(target))
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        start, cpu = time.perf_counter(), _child_cpu()
        done = subprocess.run(
            [*command, "extract", *files], capture_output=True, env=env, check=False
        )
        batch, batch_cpu = time.perf_counter() - start, _child_cpu() - cpu
        lines = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        extracted = sum(1 for obj in lines if "error" not in obj)
        start, cpu = time.perf_counter(), _child_cpu()
        for file in files:
            subprocess.run([*command, "extract", file], capture_output=True, env=env, check=False)
        single, single_cpu = time.perf_counter() - start, _child_cpu() - cpu
    kb = sum(p.size for p in chosen) / 1000
    return {
        "pages": len(chosen),
        "extracted": extracted,
        "mean_kb": kb / len(chosen),
        "one_process_pages_per_s": len(chosen) / batch,
        "process_per_page_pages_per_s": len(chosen) / single,
        "one_process_pages_per_cpu_s": len(chosen) / batch_cpu,
        "process_per_page_pages_per_cpu_s": len(chosen) / single_cpu,
    }


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=("dev", "held"), default="held")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, of " + str(SETS))
    parser.add_argument(
        "--only", action="append", help="run only these extractors (prefix: 'suxun')"
    )
    parser.add_argument(
        "--worst", type=int, metavar="N", help="print suxun-tui's N worst pages (dev only)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="save the results as JSON")
    parser.add_argument("--no-cli", action="store_true", help="skip the subprocess speed figure")
    parser.add_argument(
        "--jobs", type=int, default=2, help="worker processes (default 2; 1 runs in-process)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    return parser.parse_args(argv)


def _names(only: list[str] | None) -> list[str] | None:
    if not only:
        return None
    wanted = [w.strip() for item in only for w in item.split(",") if w.strip()]
    names = [n for n in EXTRACTORS if any(n == w or n.startswith(w) for w in wanted)]
    return names or None


def _print_worst(records: dict[str, list[Record]], n: int) -> None:
    rows = [(r["f1"], s, r) for s, recs in records.items() for r in recs if r.get("f1") is not None]
    print(f"suxun-tui: {n} worst dev pages by F1")
    print(f"{'set':6} {'id':38} {'type':14} {'F1':>6}")
    for f1, set_name, r in sorted(rows, key=lambda row: row[0])[:n]:
        print(f"{set_name:6} {r['id']:38} {r['kind'] or '-':14} {f1:6.3f}")


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.worst and args.split != "dev":
        print("--worst shows pages: allowed only with --split dev", file=sys.stderr)
        return 2
    wanted_sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(wanted_sets) - set(SETS)
    if unknown:
        print(f"unknown sets: {sorted(unknown)}; choose from {SETS}", file=sys.stderr)
        return 2
    names = _names(args.only)
    if args.only and not names:
        print(f"--only matches none of {list(EXTRACTORS)}", file=sys.stderr)
        return 2
    extractors, notes = available(names)
    if args.worst and "suxun-tui" not in extractors:
        print("--worst needs suxun-tui in the run", file=sys.stderr)
        return 2
    began = time.perf_counter()
    sets: dict[str, list[Page]] = {}
    for set_name in wanted_sets:
        if not present(args.corpus, set_name):
            notes.append(f"{set_name}: corpus folder missing under {args.corpus}, skipped")
            continue
        sets[set_name] = load_set(args.corpus, set_name, args.split)
    if not sets:
        print("no corpus found", file=sys.stderr)
        return 2
    sizes = ", ".join(f"{k} {len(v)}" for k, v in sets.items())
    print(
        f"extraction benchmark, split {args.split}: {sizes} pages; "
        f"{os.cpu_count()} CPUs (load {os.getloadavg()[0]:.1f} at start), "
        f"{platform.python_implementation()} {platform.python_version()}, {date.today()}"
    )
    print(f"  suxun-tui measured from {SRC}")
    for note in notes:
        print("  note: " + note)
    sets = {k: v for k, v in sets.items() if v}
    records = run_all(extractors, sets, args.jobs)
    summaries: dict[str, dict[str, Summary]] = {s: {} for s in sets}
    for name, per_set in records.items():
        for set_name, recs in per_set.items():
            summaries[set_name][name] = summarise(recs)
    print()
    for set_name, results in summaries.items():
        if results:
            print(format_set(set_name, results))
    cli = None if args.no_cli or "suxun-tui" not in extractors else cli_speed(sets)
    if cli:
        print(
            f"suxun-tui extract (subprocess, start-up included) over {cli['pages']:.0f} pages "
            f"of {cli['mean_kb']:.0f} KB mean ({cli['extracted']:.0f} of them extracted):\n"
            f"  one process for all: {cli['one_process_pages_per_cpu_s']:.1f} pages/CPU-s "
            f"({cli['one_process_pages_per_s']:.1f} pages/s wall)\n"
            f"  one process per page: {cli['process_per_page_pages_per_cpu_s']:.1f} pages/CPU-s "
            f"({cli['process_per_page_pages_per_s']:.1f} pages/s wall)"
        )
    if args.worst:
        _print_worst(records["suxun-tui"], args.worst)
    total = time.perf_counter() - began
    print(f"total time {total:.0f} s, {args.jobs} job(s), load {os.getloadavg()[0]:.1f} at end")
    if args.json:
        out = {
            "split": args.split,
            "date": date.today().isoformat(),
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "load_at_end": os.getloadavg()[0],
            },
            "jobs": args.jobs,
            "suxun_src": str(SRC),
            "notes": notes,
            "sets": {k: len(v) for k, v in sets.items()},
            "results": summaries,
            "cli": cli,
            "seconds": total,
        }
        if args.split == "dev":  # per-page figures only where looking at pages is allowed
            out["pages"] = records
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
