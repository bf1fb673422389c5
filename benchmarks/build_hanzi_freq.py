"""Build ``src/suxun_tui/text/data/hanzi_freq.txt``, the character model of the mojibake repair.

Why a shipped file: the repair (``suxun_tui.text.mojibake``) must tell real Chinese from GBK
bytes read one byte off, on every paragraph, without loading a dictionary at run time. A small
table of character and character-pair frequencies is enough for that, and building it once here
keeps the reader free of jieba and of the corpus.

Sources, and why both:

* jieba 0.42.1's ``dict.txt`` (MIT licence): 349,046 words with counts from a large general
  corpus. Each word's count is spread over its characters and over its adjacent character
  pairs. It gives broad coverage of real characters, so rare-but-real names are not mistaken
  for damage. It has no punctuation.
* the dev side of the Chinese corpora (``benchmarks/split/cwced-dev.txt``, ``cx-dev.txt``;
  their ``cleaned`` truth files): news prose, with its punctuation and cross-word pairs such as
  ``”。``. Held pages are never read.

Traditional characters are folded to Simplified (OpenCC 1.4.2 ``t2s``, Apache-2.0, one
character at a time over the GBK repertoire) and fullwidth forms to ASCII (NFKC), both before
counting and at look-up, so the same table scores Simplified and Traditional text.

Format (UTF-8, one record a line, ``#`` comments): ``U <cost> <chars>`` gives characters whose
cost (-ln p, in quarter nats) is ``cost``; ``B <bonus> <pair> <pair> ...`` gives character pairs
whose pointwise mutual information ln(p(ab) / (p(a) p(b))) is ``bonus`` quarter nats;
``T <pairs>`` lists Traditional->Simplified folds as two-character pairs.

Usage: ``python benchmarks/build_hanzi_freq.py`` (writes the file; prints its size).
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from pathlib import Path

import jieba  # type: ignore[import-untyped]
import opencc

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SPLIT = ROOT / "benchmarks" / "split"
OUT = ROOT / "src" / "suxun_tui" / "text" / "data" / "hanzi_freq.txt"

UNIGRAMS = 6500  # characters kept; the rest score as unknown (rarer than any kept)
BIGRAMS = 4000  # pairs kept, by joint probability
MIN_PMI = 1.0  # nats
MAX_PENALTY = 6.0  # nats
SCALE = 4  # costs are stored in quarter nats


def fold_table() -> dict[str, str]:
    """Traditional -> Simplified for every GBK double-byte character OpenCC changes."""
    t2s = opencc.OpenCC("t2s")
    folds: dict[str, str] = {}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                ch = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            simple = t2s.convert(ch)
            if len(simple) == 1 and simple != ch and "\u3400" <= ch <= "\u9fff":
                folds[ch] = simple
    return folds


def fold(text: str, folds: dict[str, str]) -> str:
    """The folding the repair applies before look-up (kept identical to the module's)."""
    out = []
    for ch in text:
        if "\uff01" <= ch <= "\uff5e":
            ch = unicodedata.normalize("NFKC", ch)
        out.append(folds.get(ch, ch))
    return "".join(out)


def jieba_counts() -> tuple[Counter[str], Counter[str]]:
    """Character and within-word pair counts from jieba's word list."""
    chars: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    path = Path(jieba.__file__).with_name("dict.txt")
    for line in path.read_text("utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 2 or not parts[1].isdigit():
            continue
        word, count = parts[0], int(parts[1])
        for ch in word:
            if "\u3400" <= ch <= "\u9fff":
                chars[ch] += count
        for a, b in zip(word, word[1:], strict=False):
            if "\u3400" <= a <= "\u9fff" and "\u3400" <= b <= "\u9fff":
                pairs[a + b] += count
    return chars, pairs


def dev_texts() -> list[str]:
    """The dev-side truth texts of cwced and cx (the sets that have text truth)."""
    texts = []
    for name, folder in (("cwced", "cwced-dev"), ("cx", "cx-netease")):
        ids = (SPLIT / f"{name}-dev.txt").read_text("utf-8").split()
        for page_id in ids:
            path = CORPUS / folder / "cleaned" / f"{page_id}.txt"
            if path.exists():
                texts.append(path.read_text("utf-8", errors="replace"))
    return texts


def dev_counts(folds: dict[str, str]) -> tuple[Counter[str], Counter[str]]:
    """Character and adjacent-pair counts of dev prose (lines, folded)."""
    chars: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for text in dev_texts():
        for line in fold(text, folds).splitlines():
            line = line.strip()
            chars.update(ch for ch in line if not ch.isspace() and ch != "\ufffd")
            pairs.update(
                a + b
                for a, b in zip(line, line[1:], strict=False)
                if not (a + b).isspace() and " " not in a + b and "\ufffd" not in a + b
            )
    return chars, pairs


def normalise(counts: Counter[str]) -> dict[str, float]:
    total = sum(counts.values()) or 1
    return {k: v / total for k, v in counts.items()}


def mix(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    """Equal-weight mixture: jieba's breadth, the dev prose's punctuation and style."""
    return {k: 0.5 * a.get(k, 0.0) + 0.5 * b.get(k, 0.0) for k in a.keys() | b.keys()}


def build() -> str:
    folds = fold_table()
    j_chars, j_pairs = jieba_counts()
    j_chars = _fold_counter(j_chars, folds)
    j_pairs = _fold_counter(j_pairs, folds)
    d_chars, d_pairs = dev_counts(folds)
    p_char = mix(normalise(j_chars), normalise(d_chars))
    p_pair = mix(normalise(j_pairs), normalise(d_pairs))
    kept = sorted(p_char, key=lambda c: (-p_char[c], c))[:UNIGRAMS]  # ties: by code point
    keep_set = set(kept)
    lines = [
        "# Character model of suxun_tui.text.mojibake; built by benchmarks/build_hanzi_freq.py.",
        "# Sources: jieba 0.42.1 dict.txt (MIT); dev-side truth of cwced and cx (news prose);",
        "# Traditional folded with OpenCC 1.4.2 t2s (Apache-2.0). Costs in quarter nats.",
    ]
    by_cost: dict[int, list[str]] = {}
    for ch in kept:
        by_cost.setdefault(round(-math.log(p_char[ch]) * SCALE), []).append(ch)
    lines += [f"U {cost} {''.join(chs)}" for cost, chs in sorted(by_cost.items())]
    pmis = {
        p: math.log(p_pair[p] / (p_char[p[0]] * p_char[p[1]]))
        for p in p_pair
        if len(p) == 2 and p[0] in keep_set and p[1] in keep_set
    }
    # Only pairs that say much more than their characters do (PMI >= 1 nat) help decide.
    pairs = sorted((p for p, pmi in pmis.items() if pmi >= MIN_PMI), key=lambda p: (-p_pair[p], p))
    by_bonus: dict[int, list[str]] = {}
    for pair in pairs[:BIGRAMS]:
        by_bonus.setdefault(round(pmis[pair] * SCALE), []).append(pair)
    for pair, pmi in punctuation_penalties(d_chars, d_pairs).items():
        by_bonus.setdefault(round(pmi * SCALE), []).append(pair)
    lines += [f"B {bonus} {' '.join(ps)}" for bonus, ps in sorted(by_bonus.items())]
    fold_pairs = sorted(t + s for t, s in folds.items() if s in keep_set)
    for i in range(0, len(fold_pairs), 200):
        lines.append("T " + "".join(fold_pairs[i : i + 200]))
    return "\n".join(lines) + "\n"


def punctuation_penalties(chars: Counter[str], pairs: Counter[str]) -> dict[str, float]:
    """Negative PMI for punctuation pairs that prose avoids (``。。``, ``、。``).

    Why: a lost byte inside punctuation (``a1 ?``) can be any of ``、。“”《》…``; the positive
    pairs alone barely prefer ``”。`` to ``。。``. Counted on dev prose only (jieba has no
    punctuation), with half a count added so unseen pairs get a finite penalty, floored at
    ``-MAX_PENALTY``.
    """
    total = sum(chars.values()) or 1
    npairs = sum(pairs.values()) or 1
    marks = [c for c, n in chars.most_common(400) if not c.isalnum() and n >= 20]
    out: dict[str, float] = {}
    for a in marks:
        for b in marks:
            expected = (chars[a] / total) * (chars[b] / total)
            pmi = math.log(((pairs[a + b] + 0.5) / npairs) / expected)
            if pmi <= -MIN_PMI:
                out[a + b] = max(pmi, -MAX_PENALTY)
    return out


def _fold_counter(counts: Counter[str], folds: dict[str, str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for key, value in counts.items():
        out[fold(key, folds)] += value
    return out


def main() -> None:
    text = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(text.encode('utf-8')):,} bytes")


if __name__ == "__main__":
    main()
