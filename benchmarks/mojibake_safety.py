"""Does the mojibake repair leave normal text alone, and how much does it cost?

Why: ``suxun_tui.text.mojibake`` rewrites text it judges to be GBK read one byte off. A false
positive silently corrupts a real article, so the first figure that matters is how many real
paragraphs it changes: expected zero. The second is speed, because it runs on every
paragraph and field of every page.

What it does:

* **safety** - every page of the Chinese sets (cwced, cx, gne; both split sides: this check
  tunes nothing and shows no held text, it only counts), every text block the page
  linearises to (body, navigation, footer: more than an article shows), cleaned as the reader
  cleans it; counts blocks, blocks the pre-check lets through, and blocks changed. Changed
  dev blocks are printed (before/after); held ones are only counted;
* **speed** - microseconds per block for the whole repair, and for blocks the pre-check
  passes;
* **recall** - synthetic damage on dev blocks: a span of 3-20 characters is GBK-encoded and
  decoded one byte late the way the seed page was (unpairable bytes become ``?``, fullwidth
  punctuation folded to ASCII), and the repair is scored: exact, repaired with marks,
  untouched.

Usage: ``python benchmarks/mojibake_safety.py [--corpus DIR] [--recall N]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import extraction_data
from suxun_tui.pages.cleanup import clean_block_text
from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.html_blocks import linearize
from suxun_tui.text.mojibake import MARK, looks_damaged, repair_mojibake

ROOT = Path(__file__).resolve().parents[1]
SETS = ("cwced", "cx", "gne")


def page_blocks(html: str, url: str) -> list[str]:
    """Every text block of a page, cleaned as the reader cleans it."""
    root = parse_html(html)
    clean_tree(root)
    out = []
    for raw in linearize(root, url):
        if raw.kind == "code":
            continue
        text = clean_block_text(raw.text, multiline=raw.kind == "table")
        if text:
            out.append(text)
    return out


def damage(text: str, rng: random.Random) -> tuple[str, str, str] | None:
    """(damaged text, true span, damaged span): one span decoded one byte late."""
    spans = [i for i in range(1, len(text) - 4) if "\u4e00" <= text[i] <= "\u9fff"]
    if not spans:
        return None
    start = rng.choice(spans)
    end = min(len(text), start + rng.randint(3, 20))
    true = text[start:end]
    try:
        data = true.encode("gbk")
    except UnicodeEncodeError:
        return None
    if any(b < 0x80 for b in data):
        return None
    # The decoder: the first byte cannot be paired (it was split from its trail), then pairs
    # run one byte late; a lead byte left over at the end cannot be paired either.
    out = ["?"]
    i = 1
    while i < len(data):
        if i + 1 < len(data):
            try:
                out.append(data[i : i + 2].decode("gbk"))
                i += 2
                continue
            except UnicodeDecodeError:
                pass
        out.append("?")
        i += 1
    broken = "".join(out)
    return text[:start] + fold_width(broken) + text[end:], fold_width(true), fold_width(broken)


def fold_width(text: str) -> str:
    """Fullwidth ASCII forms to ASCII, as the seed page shows its punctuation."""
    return "".join(
        unicodedata.normalize("NFKC", c) if "\uff01" <= c <= "\uff5e" else c for c in text
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--recall", type=int, default=300, help="synthetic runs (0: none)")
    args = parser.parse_args(argv)
    repair_mojibake("?鶎")  # load the model outside the timings
    dev_blocks: list[str] = []
    totals: Counter[str] = Counter()
    spent = 0.0
    for name in SETS:
        if not extraction_data.present(args.corpus, name):
            print(f"{name}: corpus absent, skipped")
            continue
        counts: Counter[str] = Counter()
        for side in ("dev", "held"):
            for page in extraction_data.load_set(args.corpus, name, side):
                counts["pages"] += 1
                for block in page_blocks(page.html, page.url):
                    counts["blocks"] += 1
                    counts["suspect"] += looks_damaged(block)
                    t0 = time.perf_counter()
                    fixed = repair_mojibake(block)
                    spent += time.perf_counter() - t0
                    if fixed != block:
                        counts["changed"] += 1
                        if side == "dev":
                            print(f"  CHANGED {page.id}:\n    {block[:200]}\n    {fixed[:200]}")
                    if side == "dev":
                        dev_blocks.append(block)
        print(
            f"{name}: {counts['pages']} pages, {counts['blocks']} blocks, "
            f"{counts['suspect']} past the pre-check, {counts['changed']} changed"
        )
        totals.update(counts)
    if not totals["blocks"]:
        return 0
    print(
        f"all: {totals['pages']} pages, {totals['blocks']} blocks, "
        f"{totals['suspect']} past the pre-check, {totals['changed']} changed"
    )
    print(f"speed: {spent / totals['blocks'] * 1e6:.2f} us per block on average (all blocks)")
    speed_of_damaged()
    if args.recall:
        recall(dev_blocks, args.recall)
    return 1 if totals["changed"] else 0


def speed_of_damaged(rounds: int = 20) -> None:
    """Microseconds per paragraph on the slow path: the seed's two damaged paragraphs."""
    seed = ROOT.parent / "shared" / "seed" / "000_588eee2c57239f4a.txt"
    if not seed.exists():
        return
    damaged = [p for p in seed.read_text("utf-8").split("\n") if looks_damaged(p)]
    for para in damaged:
        t0 = time.perf_counter()
        for _ in range(rounds):
            repair_mojibake(para)
        took = (time.perf_counter() - t0) / rounds * 1e6
        print(f"speed: {took:,.0f} us for a damaged seed paragraph of {len(para)} characters")


def recall(blocks: list[str], runs: int) -> None:
    """Damage dev blocks synthetically; score runs and the characters the repair put back."""
    rng = random.Random(588)
    chinese = [fold_width(b) for b in blocks if len(b) >= 30]
    chinese = [b for b in chinese if sum("\u4e00" <= c <= "\u9fff" for c in b) > 20]
    outcome: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for _ in range(runs):
        found = damage(rng.choice(chinese), rng)
        if found is None:
            continue
        damaged, true, broken = found
        original = damaged.replace(broken, true, 1)
        fixed = repair_mojibake(damaged)
        if fixed == damaged:
            outcome["untouched"] += 1
            continue
        if len(fixed) != len(original):
            outcome["repaired, length differs"] += 1
            continue
        at = damaged.index(broken)
        window = range(max(0, at - 2), min(len(fixed), at + len(true) + 2))
        for i in window:
            a, b = fixed[i], original[i]
            chars["mark" if a == MARK else "right" if a == b else "WRONG"] += 1 if a != b else 0
            chars["right"] += a == b
        outcome["exact" if fixed == original else "repaired"] += 1
    n = sum(outcome.values())
    print(
        f"recall over {n} synthetic runs: "
        + ", ".join(f"{k} {v} ({v / n:.0%})" for k, v in outcome.most_common())
    )
    print(
        "characters in repaired runs' windows: "
        + ", ".join(f"{k} {v}" for k, v in chars.most_common())
    )


if __name__ == "__main__":
    sys.exit(main())
