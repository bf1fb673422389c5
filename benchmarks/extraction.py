"""Evaluate article extraction: suxun-tui against readability-lxml and trafilatura.

Corpora (see shared/corpus/README.md):

* ``cwced-dev`` - Chinese pages with hand-made truth: body text, date, author;
* ``gne-pages`` - modern Chinese news pages without truth: speed, boilerplate, robustness.

Every page is decoded once with suxun-tui's charset detection and the *same* text is given
to every extractor, so the comparison measures extraction only. Reported per extractor:
mean bag-of-characters F1 of the body (non-whitespace characters), the share of pages with a
known date where the date is right (to the precision the truth gives), the same for
authors, boilerplate lines left in the gne pages' bodies, and pages per second.

Usage: ``python benchmarks/extraction.py [--corpus DIR] [--only suxun] [--details]``
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from suxun_tui.pages import ExtractionError  # noqa: E402
from suxun_tui.pages.charset import decode_html  # noqa: E402
from suxun_tui.pages.extract import extract_article  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
_WRAPPER_URL = re.compile(r'<text\s+id="([^"]+)"')
_TRUTH_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:\s+(\d{1,2}):(\d{2}))?")


@dataclass
class Page:
    name: str
    url: str
    html: str
    size: int
    body: str | None = None
    date: str | None = None
    author: str | None = None


@dataclass
class Result:
    body: str
    date: str | None = None
    author: str | None = None


@dataclass
class Score:
    f1: list[float] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    times: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)
    boilerplate: int = 0
    failures: int = 0
    seconds: float = 0.0
    pages: int = 0
    big_seconds: float = 0.0
    big_pages: int = 0


def char_f1(got: str, truth: str) -> float:
    """Bag-of-characters F1 over non-whitespace characters."""
    a = Counter("".join(got.split()))
    b = Counter("".join(truth.split()))
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision = common / sum(a.values())
    recall = common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def date_right(got: str | None, truth: str, *, with_time: bool = False) -> bool:
    """Whether ``got`` matches the truth to the day (and to the minute, ``with_time``).

    Partial truths (``2018``, ``1998-3``) are compared to the precision they give.
    """
    m = _TRUTH_DATE.match(truth.strip())
    if not m or not got:
        return False
    try:
        dt = datetime.fromisoformat(got[:19] if "T" in got or " " in got else got[:10])
    except ValueError:
        return False
    want = [int(g) for g in m.groups() if g is not None][: 5 if with_time else 3]
    have = [dt.year, dt.month, dt.day, dt.hour, dt.minute][: len(want)]
    return want == have


# Independent of suxun-tui's own rules, so the count is fair to all three extractors:
# short lines carrying site furniture.
_FURNITURE = re.compile(
    r"版权|版權|免责|免責|责任编辑|責任編輯|上一篇|下一篇|分享到|扫一扫|二维码|客服|举报|Copyright|©|"
    r"ICP|相关阅读|相关新闻|推荐阅读|点击排行|热点|热门|收藏|关注我们|客户端|我要评论|网友评论|跟帖"
)


def furniture_lines(body: str) -> int:
    return sum(
        1 for line in body.splitlines() if 0 < len(line.strip()) <= 60 and _FURNITURE.search(line)
    )


def _names(text: str) -> set[str]:
    return {n for n in re.split(r"[\s,，、;；/|]+|\(|\)|（|）", text) if n}


def author_right(got: str | None, truth: str) -> bool:
    if not got:
        return False
    squeeze = re.compile(r"[\s,，、;；/|()（）]+")
    if squeeze.sub("", got) == squeeze.sub("", truth):
        return True
    return _names(got) == _names(truth)


def load_cwced(corpus: Path) -> list[Page]:
    base = corpus / "cwced-dev"
    pages: list[Page] = []
    for path in sorted((base / "original").glob("*.html")):
        data = path.read_bytes()
        html = decode_html(data)
        m = _WRAPPER_URL.search(html[:2000])
        truth = {}
        for kind in ("cleaned", "date", "author"):
            f = base / kind / (path.stem + ".txt")
            text = f.read_text("utf-8", errors="replace").strip() if f.exists() else ""
            truth[kind] = None if not text or text.upper() in ("UNKNOWN", "UNKNWON") else text
        pages.append(
            Page(
                path.stem[:8],
                m.group(1) if m else "http://example.invalid/" + path.name,
                html,
                len(data),
                truth["cleaned"],
                truth["date"],
                truth["author"],
            )
        )
    return pages


def load_gne(corpus: Path) -> list[Page]:
    pages = []
    for path in sorted((corpus / "gne-pages").glob("*/*.html")):
        data = path.read_bytes()
        name = f"{path.parent.name}/{path.name}"
        pages.append(
            Page(
                name,
                f"https://{path.parent.name}.example/{path.name}",
                decode_html(data),
                len(data),
            )
        )
    return pages


def run_suxun(page: Page) -> Result:
    a = extract_article(page.html, page.url)
    text = "\n\n".join(b.as_plain() for b in a.blocks if b.kind != "image")
    # The truth credits the editor when a page names no author; so does this comparison.
    return Result(text, a.published, a.author or a.responsible_editor or a.editor)


def run_readability(page: Page) -> Result:
    import lxml.html
    from readability import Document

    summary = Document(page.html).summary(html_partial=True)
    tree = lxml.html.fromstring(summary)
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in tree.iter("p", "div", "li", "h1", "h2", "h3", "tr"):
        p.tail = "\n" + (p.tail or "")
    return Result(tree.text_content())


def run_trafilatura(page: Page) -> Result:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return Result("")
    if isinstance(doc, dict):
        return Result(doc.get("text") or "", doc.get("date"), doc.get("author"))
    return Result(doc.text or "", getattr(doc, "date", None), getattr(doc, "author", None))


EXTRACTORS: dict[str, Callable[[Page], Result]] = {
    "suxun-tui": run_suxun,
    "readability-lxml": run_readability,
    "trafilatura": run_trafilatura,
}


def evaluate(
    name: str, fn: Callable[[Page], Result], cw: list[Page], gne: list[Page], details: bool
) -> Score:
    score = Score()
    for page in cw + gne:
        start = time.perf_counter()
        try:
            result = fn(page)
        except ExtractionError:
            result = Result("")
            score.failures += 1
        except Exception as exc:  # noqa: BLE001 - count crashes of other tools as failures
            print(f"  {name} crashed on {page.name}: {exc!r}", file=sys.stderr)
            result = Result("")
            score.failures += 1
        elapsed = time.perf_counter() - start
        score.seconds += elapsed
        score.pages += 1
        if page.size >= 100_000:
            score.big_seconds += elapsed
            score.big_pages += 1
        if page.body is not None:
            f1 = char_f1(result.body, page.body)
            score.f1.append(f1)
            if details:
                print(f"  {name:17} {page.name:10} f1={f1:.3f}", file=sys.stderr)
        if page.date is not None:
            ok = date_right(result.date, page.date)
            score.dates.append(ok)
            score.times.append(date_right(result.date, page.date, with_time=True))
            if details and not ok and name == "suxun-tui":
                print(f"  date {page.name}: got {result.date} want {page.date}", file=sys.stderr)
        if page.author is not None:
            ok = author_right(result.author, page.author)
            score.authors.append(ok)
            if details and not ok and name == "suxun-tui":
                print(
                    f"  author {page.name}: got {result.author} want {page.author}", file=sys.stderr
                )
        if page.body is None:
            score.boilerplate += furniture_lines(result.body)
    return score


def _pct(values: list[bool]) -> str:
    return (
        f"{100 * sum(values) / len(values):5.1f}% ({sum(values)}/{len(values)})"
        if values
        else "   n/a"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding cwced-dev and gne-pages"
    )
    parser.add_argument(
        "--only", choices=sorted(EXTRACTORS), action="append", help="run only these extractors"
    )
    parser.add_argument("--details", action="store_true", help="print per-page scores to stderr")
    args = parser.parse_args(argv)
    if not (args.corpus / "cwced-dev").is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    cw = load_cwced(args.corpus)
    gne = load_gne(args.corpus) if (args.corpus / "gne-pages").is_dir() else []
    truth = sum(p.body is not None for p in cw)
    print(f"{len(cw)} cwced-dev pages ({truth} with body truth), {len(gne)} gne pages")
    header = (
        f"{'extractor':17} {'char-F1':>7} {'date (day)':>15} {'date+time':>15} "
        f"{'author':>15} {'furniture':>9} {'fail':>4} {'pages/s':>7} {'≥100KB':>7}"
    )
    rows = []
    for name, fn in EXTRACTORS.items():
        if args.only and name not in args.only:
            continue
        s = evaluate(name, fn, cw, gne, args.details)
        f1 = sum(s.f1) / len(s.f1) if s.f1 else 0.0
        big = s.big_pages / s.big_seconds if s.big_seconds else 0.0
        rows.append(
            f"{name:17} {f1:7.4f} {_pct(s.dates):>15} {_pct(s.times):>15} "
            f"{_pct(s.authors):>15} {s.boilerplate:9d} {s.failures:4d} "
            f"{s.pages / s.seconds:7.1f} {big:7.1f}"
        )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
