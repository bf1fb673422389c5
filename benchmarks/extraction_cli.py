"""Pages per second of one ``suxun-tui extract`` process, start-up included, and its memory.

Why: a user (or a script) hands the command a pile of saved pages; what counts is how many
it gets through per second from the moment it starts, and that its memory does not grow
with the pile. The pages are every development-split page of about 150 KB (100-200 KB as
served) of all four sets, each a different real page; they are written to a temporary
folder and given to one process. Then the same process is run on the list repeated to
``--many`` inputs: its peak memory (``ru_maxrss`` of that child alone, from ``wait4``) should
be that of the short run, give or take a page.

Figures are CPU-seconds of the child (user + system) and wall seconds; on a shared machine
the CPU figure is the one to compare, and the load is printed with it. ``--against SRC``
(another tree's ``src``, e.g. a ``git worktree`` of an older commit) runs that tree's command
and this one's in turn, ``--rounds`` times, so that both see the same load; the medians are
printed last.

Usage: ``python benchmarks/extraction_cli.py [--many 2000] [--split dev] [--against SRC]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(os.environ.get("SUXUN_SRC") or ROOT / "src").resolve()
sys.path.insert(0, str(SRC))

from extraction_data import SETS  # noqa: E402
from extraction_same import DEFAULT_CORPUS, _files  # noqa: E402

LOW, HIGH = 100_000, 200_000


def _command(src: Path, *, module: bool = False) -> list[str]:
    """The installed command; another tree (``SUXUN_SRC``, an old checkout to compare with)
    is run as a module, since the installed script names the installed tree's entry point
    (both are, with ``module``, when two trees are compared)."""
    exe = shutil.which("suxun-tui", path=str(Path(sys.executable).parent))
    if exe and (ROOT / "src").resolve() == src and not module:
        return [exe]
    return [sys.executable, "-m", "suxun_tui"]


def write_pages(corpus: Path, side: str, folder: Path) -> list[str]:
    """The split's pages of 100-200 KB, as files in ``folder``; their paths."""
    out = []
    for name in SETS:
        for _page_id, path in _files(corpus, name, side):
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            if LOW <= len(data) <= HIGH:
                target = folder / f"{len(out):04d}-{name}.html"
                target.write_bytes(data)
                out.append(str(target))
    return out


def run_once(files: list[str], src: Path = SRC, *, module: bool = False) -> dict[str, float]:
    """One ``extract`` process over ``files``: wall, CPU, peak memory, extracted pages."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(
            [*_command(src, module=module), "extract", *files], stdout=out, env=env
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in (0, 1):
            raise SystemExit(f"suxun-tui extract exited with {child.returncode}")
        wall = time.perf_counter() - start
        out.seek(0)
        lines = [json.loads(line) for line in out.read().splitlines() if line.strip()]
    return {
        "inputs": len(files),
        "extracted": sum(1 for obj in lines if "error" not in obj),
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "max_rss_mb": usage.ru_maxrss / 1024,
    }


def _line(r: dict[str, float]) -> str:
    return (
        f"{r['inputs']:.0f} inputs ({r['extracted']:.0f} extracted), "
        f"{r['inputs'] / r['cpu_s']:.1f} pages/CPU-s, {r['inputs'] / r['wall_s']:.1f} "
        f"pages/s wall, peak {r['max_rss_mb']:.0f} MB; load {os.getloadavg()[0]:.1f}"
    )


def _alternate(files: list[str], other: Path, rounds: int) -> None:
    """The other tree's command and this one's over ``files`` in turn; their medians."""
    rates: dict[str, list[float]] = {"against": [], "this tree": []}
    for _ in range(rounds):
        for label, src in (("against", other), ("this tree", SRC)):
            r = run_once(files, src, module=True)
            rates[label].append(r["inputs"] / r["cpu_s"])
            print(f"  {label}: {_line(r)}")
    for label, values in rates.items():
        print(f"  {label}, median of {rounds}: {statistics.median(values):.1f} pages/CPU-s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=("dev", "held"), default="dev")
    parser.add_argument("--many", type=int, default=2000, help="inputs of the memory run")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--against", type=Path, metavar="SRC", help="another tree's src")
    parser.add_argument("--rounds", type=int, default=3, help="turns each with --against")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        files = write_pages(args.corpus, args.split, Path(tmp))
        if not files:
            print("no page of 100-200 KB found", file=sys.stderr)
            return 2
        kb = sum(os.path.getsize(f) for f in files) / len(files) / 1000
        print(
            f"suxun-tui extract, one process, start-up included: {len(files)} {args.split} "
            f"pages of {kb:.0f} KB mean; load {os.getloadavg()[0]:.1f}"
        )
        if args.against is not None:
            _alternate(files, args.against.resolve(), args.rounds)
        runs = [("distinct pages", files)]
        if args.many > len(files):
            repeated = (files * (args.many // len(files) + 1))[: args.many]
            runs.append(("memory run", repeated))
        for label, inputs in runs:
            print(f"  {label}: {_line(run_once(inputs))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
