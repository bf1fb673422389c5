"""Prove that a change to the extraction code leaves its output unchanged, page by page.

Why: a speed-up must not move a single character of any result, and a quality fix should
change only the pages it means to. This script runs suxun-tui's decoding and extraction over
every page of one split side (all four sets, the same calls as ``extraction.py``) and writes
one line per page: the set, the ID and a BLAKE2b digest of the decoded text and of the whole
``ArticleText`` (every field, every block, image and link) as canonical JSON. ``--save``
records a baseline; ``--check`` compares against it and lists every page that differs, with
what differs (the decoded text, a field, the body). It also prints the CPU-seconds spent
decoding and extracting, so the same run says what the change bought.

Usage::

    python benchmarks/extraction_same.py --save /tmp/before.txt   # on the old code
    python benchmarks/extraction_same.py --check /tmp/before.txt  # after the change; exit 1
    python benchmarks/extraction_same.py --save F --full          # keep whole results (diffs)
    python benchmarks/extraction_same.py --save F --cli           # also ``suxun-tui extract``

With ``--cli`` the pages are also written to one fixed folder and given to one
``suxun-tui extract`` process, whose JSON line per page is digested too: that path adds
decoding from bytes, continuation pages and the command's own output.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(os.environ.get("SUXUN_SRC") or ROOT / "src").resolve()
sys.path.insert(0, str(SRC))

import split  # noqa: E402
from extraction_data import CHINESE, SETS  # noqa: E402
from suxun_tui.pages import ExtractionError  # noqa: E402
from suxun_tui.pages.charset import decode_html  # noqa: E402
from suxun_tui.pages.extract import extract_article  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def _files(corpus: Path, name: str, side: str) -> list[tuple[str, Path]]:
    """(ID, path) of every page of one set on one side, in a fixed order."""
    ids = split.load(name, side)
    if name == "wcxb":
        found = [(p.name.removesuffix(".html.gz"), p) for p in (corpus / "wcxb-dev/html").iterdir()]
    elif name == "gne":
        found = [(f"{p.parent.name}/{p.stem}", p) for p in (corpus / "gne-pages").glob("*/*.html")]
    else:
        folder = "cwced-dev" if name == "cwced" else "cx-netease"
        found = [(p.stem, p) for p in (corpus / folder / "original").glob("*.html")]
    return sorted((i, p) for i, p in found if i in ids)


def _url(name: str, page_id: str, html: str, corpus: Path) -> str:
    """The address extraction.py gives the page (it resolves links and picks rules)."""
    if name == "wcxb":
        truth = json.loads((corpus / "wcxb-dev/ground-truth" / f"{page_id}.json").read_text())
        return truth.get("url") or f"http://example.invalid/wcxb/{page_id}.html"
    if name == "gne":
        site, stem = page_id.split("/", 1)
        return f"https://{site}.example/{stem}.html"
    if name == "cx":
        return f"http://example.invalid/cx-netease/{page_id}.html"
    start = html.find('<text id="', 0, 2000)
    if start >= 0:
        end = html.find('"', start + 10)
        return html[start + 10 : end]
    return f"http://example.invalid/cwced/{page_id}.html"


def _result(name: str, html: str, url: str) -> object:
    try:
        if name in CHINESE:
            article = extract_article(html, url)
        else:
            article = extract_article(html, url, timezone="UTC")
    except ExtractionError as exc:
        return {"error": str(exc)}
    return dataclasses.asdict(article)


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def run(corpus: Path, side: str, full: bool) -> tuple[dict[str, dict[str, object]], float, float]:
    """Every page's digests (and whole result when ``full``); CPU-s decoding, extracting."""
    out: dict[str, dict[str, object]] = {}
    decode_cpu = extract_cpu = 0.0
    for name in SETS:
        for page_id, path in _files(corpus, name, side):
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            cpu = time.process_time()
            html = decode_html(data)
            mid = time.process_time()
            result = _result(name, html, _url(name, page_id, html, corpus))
            extract_cpu += time.process_time() - mid
            decode_cpu += mid - cpu
            row: dict[str, object] = {"decoded": _digest(html), "result": _digest(result)}
            if isinstance(result, dict):
                for key, value in result.items():
                    row[key] = _digest(value)
            if full:
                row["whole"] = result
            out[f"{name}/{page_id}"] = row
    return out, decode_cpu, extract_cpu


CLI_DIR = Path("/tmp/suxun-extraction-same")  # fixed: the output names each page's path


def run_cli(corpus: Path, side: str) -> dict[str, dict[str, object]]:
    """Each page's ``suxun-tui extract`` JSON line, digested, from one process."""
    shutil.rmtree(CLI_DIR, ignore_errors=True)
    CLI_DIR.mkdir(parents=True)
    keys, files = [], []
    for name in SETS:
        for page_id, path in _files(corpus, name, side):
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            target = CLI_DIR / f"{name}-{page_id.replace('/', '-')}.html"
            target.write_bytes(data)
            keys.append(f"cli/{name}/{page_id}")
            files.append(str(target))
    exe = shutil.which("suxun-tui", path=str(Path(sys.executable).parent))
    installed = exe and (ROOT / "src").resolve() == SRC  # else run the other tree's own entry
    command = [exe] if installed else [sys.executable, "-m", "suxun_tui"]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([*command, "extract", *files], capture_output=True, env=env, check=False)
    lines = done.stdout.decode("utf-8").splitlines()
    if len(lines) != len(keys):
        raise SystemExit(f"extract printed {len(lines)} lines for {len(keys)} pages")
    return {
        k: {"result": _digest(line), "decoded": ""} for k, line in zip(keys, lines, strict=True)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, metavar="FILE", help="record a baseline")
    action.add_argument("--check", type=Path, metavar="FILE", help="compare with a baseline")
    parser.add_argument("--split", choices=("dev", "held"), default="dev")
    parser.add_argument("--full", action="store_true", help="with --save: keep whole results")
    parser.add_argument("--cli", action="store_true", help="also run suxun-tui extract")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    rows, decode_cpu, extract_cpu = run(args.corpus, args.split, args.full)
    pages = len(rows)
    print(
        f"{pages} {args.split} pages: decode {decode_cpu:.1f} CPU-s, extract "
        f"{extract_cpu:.1f} CPU-s ({pages / (decode_cpu + extract_cpu):.1f} pages/CPU-s); "
        f"load {os.getloadavg()[0]:.1f}"
    )
    if args.cli:
        rows.update(run_cli(args.corpus, args.split))
    if args.save:
        args.save.write_text(json.dumps(rows, ensure_ascii=False) + "\n", "utf-8")
        return 0
    before = json.loads(args.check.read_text("utf-8"))
    changed = 0
    for key in sorted(set(before) | set(rows)):
        old, new = before.get(key), rows.get(key)
        if old is None or new is None:
            print(f"  {key}: {'new' if old is None else 'gone'}")
            changed += 1
            continue
        fields = [k for k in new if k != "whole" and old.get(k) != new[k] and k != "result"]
        if old["result"] != new["result"] or old["decoded"] != new["decoded"]:
            changed += 1
            print(f"  {key}: differs in {', '.join(fields) or 'result'}")
    print(f"{changed} of {len(rows)} pages differ" if changed else "identical on every page")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
