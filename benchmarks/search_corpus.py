"""A generated cache for the search benchmark: N articles, 80 % Chinese, written through
the store's own write path (so the index triggers run as in a refresh).

Chinese text is made of words of one to four characters drawn from the shipped
character table's frequencies (``text/data/hanzi_freq.txt``), words used with a Zipf
law, one Chinese article in ten converted to Traditional and some Latin words written
full width, so folding has work to do. English text uses pseudo-words from syllables.
"""

from __future__ import annotations

import math
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from suxun_tui.models import Block, FeedEntry
from suxun_tui.store import Store
from suxun_tui.store.articles import article_row
from suxun_tui.text.script import convert_script

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src/suxun_tui/text/data/hanzi_freq.txt"
SOURCES = 100
_SYLLABLES = [c + v for c in "bkmnrstl" for v in "aeiou"]


def _characters() -> tuple[list[str], list[float]]:
    chars: list[str] = []
    weights: list[float] = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[0] == "U":
            for ch in parts[2]:
                if "\u4e00" <= ch <= "\u9fff":
                    chars.append(ch)
                    weights.append(math.exp(-int(parts[1]) / 4))
    return chars, weights


class Vocabulary:
    """Chinese and English words with Zipf weights, from one seed."""

    def __init__(self, seed: int = 13) -> None:
        self.rng = random.Random(seed)
        chars, weights = _characters()
        lengths = [1, 2, 2, 2, 3, 3, 4]
        self.zh = list(
            dict.fromkeys(
                "".join(self.rng.choices(chars, weights, k=self.rng.choice(lengths)))
                for _ in range(6000)
            )
        )
        self.en = list(
            dict.fromkeys(
                "".join(self.rng.choices(_SYLLABLES, k=self.rng.choice([1, 2, 2, 3, 3, 4])))
                for _ in range(4000)
            )
        ) + ["AI", "market", "policy", "energy", "Metro"]
        self.zh_weights = [1 / (rank + 10) for rank in range(len(self.zh))]
        self.en_weights = [1 / (rank + 10) for rank in range(len(self.en))]

    def chinese(self, words: int) -> str:
        picked = self.rng.choices(self.zh, self.zh_weights, k=words)
        out: list[str] = []
        for index, word in enumerate(picked):
            out.append(word)
            if index % 9 == 8:
                out.append(self.rng.choice("，。、"))
        return "".join(out) + "。"

    def english(self, words: int) -> str:
        text = " ".join(self.rng.choices(self.en, self.en_weights, k=words))
        return text[:1].upper() + text[1:] + "."


def make_article(vocab: Vocabulary, index: int, start: datetime) -> FeedEntry:
    rng = vocab.rng
    chinese = index % 5 != 0
    if chinese:
        title = vocab.chinese(rng.randint(4, 9))
        paragraphs = [vocab.chinese(rng.randint(20, 70)) for _ in range(rng.randint(2, 6))]
        if rng.random() < 0.1:
            title = convert_script(title, "traditional")
            paragraphs = [convert_script(p, "traditional") for p in paragraphs]
        if rng.random() < 0.05:
            paragraphs.append("ＡＩ与ＭＡＲＫＥＴ的关系")
    else:
        title = vocab.english(rng.randint(4, 10))
        paragraphs = [vocab.english(rng.randint(30, 90)) for _ in range(rng.randint(2, 5))]
    published = start - timedelta(minutes=7 * index)
    return FeedEntry(
        guid=f"g{index}",
        title=title,
        url=f"https://example.com/{index}",
        published=published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        author=rng.choice(["张三", "李四", "王五", "Jane Roe", None]),
        blocks=tuple(Block("paragraph", p) for p in paragraphs),
    )


def build_cache(path: Path, articles: int, *, seed: int = 13) -> float:
    """Write ``articles`` articles into a new cache at ``path``; seconds spent storing."""
    vocab = Vocabulary(seed)
    start = datetime(2026, 11, 30, tzinfo=UTC)
    store = Store(path)
    try:
        names = [f"来源{i:03d}" if i % 5 else f"source-{i:03d}" for i in range(SOURCES)]
        store.sync_sources(
            [(n, f"https://example.com/{n}", "feed", f"组{i % 7}") for i, n in enumerate(names)]
        )
        ids = [store.source_id(n) for n in names]
        batches: dict[int, list[tuple[str, ...]]] = {}
        for index in range(articles):
            row = article_row(make_article(vocab, index, start))
            batches.setdefault(index % SOURCES, []).append(row)  # type: ignore[arg-type]
        spent = 0.0
        for position, rows in batches.items():
            source_id = ids[position]
            assert source_id is not None
            for chunk in range(0, len(rows), 1000):
                began = time.perf_counter()
                store.store_rows(source_id, rows[chunk : chunk + 1000])  # type: ignore[arg-type]
                spent += time.perf_counter() - began
        return spent
    finally:
        store.close()
