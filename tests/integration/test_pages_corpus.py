"""Robustness and quality guards on the shared corpus of real pages (skipped without it).

The corpus lives next to the repository (``../shared``) and is not part of a user's clone,
so every test here skips cleanly when it is absent. Only pages on the ``dev`` side of the
checked-in split (``benchmarks/split``) are read: the ``held`` pages are for measuring only,
and a failing test would show one. No assertion depends on how many pages the corpus holds.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from suxun_tui.pages import ExtractionError
from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.extract import extract_article
from suxun_tui.pages.listing import find_article_links

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
SPLIT = REPO / "benchmarks" / "split"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")
# A flattened pinyin artifact: a syllable with a tone mark in parentheses after a hanzi.
PINYIN = re.compile(r"[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def _dev_ids(name: str) -> set[str]:
    return set((SPLIT / f"{name}-dev.txt").read_text("utf-8").split())


def _cwced_dev() -> list[Path]:
    ids = _dev_ids("cwced")
    return [p for p in sorted((CORPUS / "cwced-dev" / "original").glob("*.html")) if p.stem in ids]


def _pages() -> list[Path]:
    ids = _dev_ids("gne")
    gne = sorted((CORPUS / "gne-pages").glob("*/*.html"))
    pages = _cwced_dev() + [p for p in gne if f"{p.parent.name}/{p.stem}" in ids]
    if not pages:
        pytest.skip("no dev-side pages of cwced-dev or gne-pages in ../shared/corpus")
    return pages


def _f1(got: str, truth: str) -> float:
    a, b = Counter("".join(got.split())), Counter("".join(truth.split()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def test_every_corpus_page_decodes_and_extracts_without_crashing() -> None:
    failures = 0
    pages = _pages()
    for path in pages:
        html = decode_html(path.read_bytes())
        assert "\ufffd" * 3 not in html[:5000], path
        try:
            article = extract_article(html, path.as_uri())
        except ExtractionError:
            failures += 1
            continue
        assert article.blocks, path
        assert not PINYIN.search(article.body), path
        find_article_links(html, path.as_uri())
    assert failures <= max(1, len(pages) // 25), f"{failures} of {len(pages)} pages failed"


def test_body_quality_on_cwced_does_not_regress() -> None:
    base = CORPUS / "cwced-dev"
    pages = _cwced_dev()
    if not pages:
        pytest.skip("../shared/corpus/cwced-dev has no dev-side pages")
    scores = []
    for path in pages:
        truth = (base / "cleaned" / (path.stem + ".txt")).read_text("utf-8", errors="replace")
        try:
            article = extract_article(decode_html(path.read_bytes()), path.as_uri())
            text = "\n".join(b.text for b in article.blocks if b.kind != "image")
        except ExtractionError:
            text = ""
        scores.append(_f1(text, truth))
    mean = sum(scores) / len(scores)
    assert mean >= 0.97, f"mean char F1 {mean:.3f} over {len(scores)} dev pages"  # 0.986 today


def test_feeds_of_the_corpus_decode() -> None:
    for path in sorted((CORPUS / "newsboat-feeds").rglob("*")):
        if path.is_file():
            assert isinstance(decode_html(path.read_bytes()), str)
