"""English article pages through ``suxun-tui extract``: the body and nothing around it.

Each fixture is a realistic page of one common kind (a WordPress post with comments, a
news story with byline, share bars, related links and a cookie banner, a Sphinx
documentation page, a blog post under a long comment thread, a newsletter-platform
essay); ``NAME.txt`` holds the text a reader should get. Bodies are compared as bags of
words, the usual measure for English extraction.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "english"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))
TITLES = {
    "comments_post": "Sourdough in a cold kitchen: what finally worked",
    "docs_page": "Configuring retries",
    "go_blog": "Closing files with defer",
    "longform": "The quiet return of the night train",
    "news_article": "City council approves riverside flood barrier after years of debate",
    "wp_blog": "Why I Switched Back to Plain Text Notes",
}


def word_f1(got: str, want: str) -> float:
    bag = Counter(w.lower() for w in re.findall(r"\w+", got))
    truth = Counter(w.lower() for w in re.findall(r"\w+", want))
    common = sum((bag & truth).values())
    if not common:
        return 0.0
    precision, recall = common / sum(bag.values()), common / sum(truth.values())
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "suxun_tui", "extract", *(str(PAGES / f"{n}.html") for n in NAMES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return dict(zip(NAMES, rows, strict=True))


def test_every_fixture_has_its_expected_text() -> None:
    assert sorted(TITLES) == NAMES
    for name in NAMES:
        assert (PAGES / f"{name}.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("name", NAMES)
def test_body_is_the_article_and_nothing_else(
    name: str, extracted: dict[str, dict[str, object]]
) -> None:
    article = extracted[name]
    body = str(article["body"])
    want = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    assert word_f1(body, want) >= 0.95, body
    assert article["title"] == TITLES[name]
    for furniture in ("Share", "Subscribe", "Related", "Reply", "cookies", "Advertisement", "¶"):
        assert furniture not in body, furniture


def test_bylines_and_dates_become_fields(extracted: dict[str, dict[str, object]]) -> None:
    assert extracted["news_article"]["author"] == "Daniel Okafor"
    assert extracted["wp_blog"]["author"] == "Maya Lindqvist"
    # The page's own clock: 17:42 BST on the 14th, as it shows it (not moved to another
    # zone, where it would be the 15th).
    assert extracted["news_article"]["published"] == "2025-10-14T17:42:00+01:00"
    assert extracted["longform"]["author"] in (None, "Rosa Ferreira")  # not "by day: …"
