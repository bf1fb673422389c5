"""Robustness and quality guards on the shared corpus of real pages (skipped without it).

The corpus lives next to the repository (``../shared``) and is not part of a user's clone,
so every test here skips cleanly when it is absent.
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

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")
# A flattened pinyin artifact: a syllable with a tone mark in parentheses after a hanzi.
PINYIN = re.compile(r"[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def _pages() -> list[Path]:
    return sorted((CORPUS / "cwced-dev" / "original").glob("*.html")) + sorted(
        (CORPUS / "gne-pages").glob("*/*.html")
    )


def _f1(got: str, truth: str) -> float:
    a, b = Counter("".join(got.split())), Counter("".join(truth.split()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def test_every_corpus_page_decodes_and_extracts_without_crashing() -> None:
    failures = 0
    for path in _pages():
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
    assert failures <= 2


def test_body_quality_on_cwced_does_not_regress() -> None:
    base = CORPUS / "cwced-dev"
    scores = []
    for path in sorted((base / "original").glob("*.html")):
        truth = (base / "cleaned" / (path.stem + ".txt")).read_text("utf-8", errors="replace")
        try:
            article = extract_article(decode_html(path.read_bytes()), path.as_uri())
            text = "\n".join(b.text for b in article.blocks if b.kind != "image")
        except ExtractionError:
            text = ""
        scores.append(_f1(text, truth))
    assert sum(scores) / len(scores) >= 0.94


def test_feeds_of_the_corpus_decode() -> None:
    for path in sorted((CORPUS / "newsboat-feeds").rglob("*")):
        if path.is_file():
            assert isinstance(decode_html(path.read_bytes()), str)
