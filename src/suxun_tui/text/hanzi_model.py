"""How probable a run of Chinese text is: character costs and pair bonuses from a shipped table.

Why: the mojibake repair must decide, for a suspicious run, whether re-reading its bytes gives
*much more probable* Chinese than what is on the page. A unigram cost per character (-ln p)
plus a bonus for character pairs that occur together far more than chance (pointwise mutual
information) is enough to tell ``基層是自我革命的`` from ``鶎邮亲晕腋锩``, and to pick ``眾`` after
``群`` when a byte is missing. The table (``data/hanzi_freq.txt``) is built by
``benchmarks/build_hanzi_freq.py`` from jieba's word list (MIT) and dev-side news prose; its
header says how. 62 KB: 6,500 characters, 4,000 pairs (and 100 punctuation pairs prose avoids),
2,300 Traditional folds. Traditional characters and fullwidth forms are folded before look-up,
so one table scores both scripts.

The table is read once, on first use; if it is missing the model is ``None`` and callers must
leave text alone.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["HanziModel", "load_model"]

_DATA = Path(__file__).with_name("data") / "hanzi_freq.txt"
_SCALE = 4.0  # the table stores quarter nats
# A character outside the table is rarer than anything in it: this many nats past the rarest.
_UNKNOWN_MARGIN = 3.0


@dataclass(frozen=True)
class HanziModel:
    """Character costs (-ln p of the folded character) and pair bonuses (PMI, nats)."""

    costs: dict[str, float]  # by character, folded or not
    bonuses: dict[str, float]
    folds: dict[str, str]
    unknown: float
    max_bonus: float

    def fold(self, ch: str) -> str:
        """Traditional to Simplified, fullwidth to ASCII: the form the table counts."""
        return self.folds.get(ch, ch)

    def cost(self, ch: str) -> float:
        """-ln p of one character; characters the table lacks cost ``unknown``.

        ``costs`` holds folded forms under their own keys too, so this is one look-up.
        """
        return self.costs.get(ch, self.unknown)

    def bonus(self, left: str, right: str) -> float:
        """How much more likely ``left`` followed by ``right`` is than the two apart (nats)."""
        return self.bonuses.get(self.fold(left) + self.fold(right), 0.0)

    def log_prob(self, text: str, left: str = "", right: str = "") -> float:
        """Log-probability of ``text`` between the context characters ``left`` and ``right``.

        Context characters add their pair bonus with the text's edges but not their own cost,
        so two readings of the same span between the same neighbours compare fairly.
        """
        total = 0.0
        prev = left
        for ch in text:
            total -= self.cost(ch)
            if prev:
                total += self.bonus(prev, ch)
            prev = ch
        if right and prev:
            total += self.bonus(prev, right)
        return total


def parse_table(text: str) -> HanziModel:
    """Read the table format described in ``benchmarks/build_hanzi_freq.py``."""
    costs: dict[str, float] = {}
    bonuses: dict[str, float] = {}
    folds: dict[str, str] = {}
    for line in text.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "U":
            value, _, chars = rest.partition(" ")
            for ch in chars:
                costs[ch] = int(value) / _SCALE
        elif kind == "B":
            value, _, pairs = rest.partition(" ")
            for pair in pairs.split(" "):
                if len(pair) == 2:
                    bonuses[pair] = int(value) / _SCALE
        elif kind == "T":
            for i in range(0, len(rest) - 1, 2):
                folds[rest[i]] = rest[i + 1]
    for cp in range(0xFF01, 0xFF5F):  # fullwidth ASCII forms, as NFKC folds them
        folds[chr(cp)] = unicodedata.normalize("NFKC", chr(cp))
    unknown = max(costs.values(), default=0.0) + _UNKNOWN_MARGIN
    for raw, simple in folds.items():
        if simple in costs and raw not in costs:
            costs[raw] = costs[simple]
    return HanziModel(costs, bonuses, folds, unknown, max(bonuses.values(), default=0.0))


@lru_cache(maxsize=1)
def load_model() -> HanziModel | None:
    """The shipped model, read once; ``None`` if the data file is missing or unreadable."""
    try:
        return parse_table(_DATA.read_text("utf-8"))
    except (OSError, ValueError):
        return None
