"""The one walk that finds the elements showing a date or a byline finds what XPath did.

``read_meta`` once asked libxml2 two XPath questions over the whole page; one Python walk
answers both now, and must give the same elements in the same (document) order, on the
fixture pages and on markup made to hit each test of the walk.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.dom import parse_html
from suxun_tui.pages.meta import _author_link, _marked
from suxun_tui.pages.vocabulary import SHOWN_NAME_WORDS

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
FILES = sorted(p for p in PAGES.rglob("*") if p.name.endswith((".html", ".html.gz")))
TIMED = "//time[@datetime] | //*[@itemprop]"
SHOWN = (
    "//time | //*[@rel='author'] | //@itemprop/.. | //@class["
    + " or ".join(f"contains(., '{w}')" for w in SHOWN_NAME_WORDS)
    + "]/.."
)
MADE = """<html><head><meta itemprop="name" content="x"></head><body>
<time>Monday</time><time datetime="2024-01-02">2 Jan</time><time itemprop="datePublished">x</time>
<span class="post-Date">1 May</span><span class="posted">no</span><a rel="author">A. Writer</a>
<a rel="authors">no</a><div itemprop="author"><b itemprop="name">B</b></div>
<p class="x-publish y">p</p><p id="date">an id is not a class</p><p class="Author">c</p>
</body></html>"""


def _read(path: Path) -> str:
    data = path.read_bytes()
    return decode_html(gzip.decompress(data) if path.suffix == ".gz" else data)


@pytest.mark.parametrize("html", [MADE] + [_read(p) for p in FILES])
def test_the_walk_finds_what_the_xpath_expressions_found(html: str) -> None:
    root = parse_html(html)
    timed, shown = _marked(root)
    assert timed == root.xpath(TIMED)
    # Links to a writer's page (/author/jane-doe/) are found too, by their address.
    marked = set(root.xpath(SHOWN))
    assert shown == [el for el in root.iter() if el in marked or el.tag == "a" and _author_link(el)]


def test_each_test_of_the_walk_counts() -> None:
    timed, shown = _marked(parse_html(MADE))
    assert [el.tag for el in timed] == ["meta", "time", "time", "div", "b"]
    assert [el.text for el in shown if el.tag in ("span", "a", "p")] == [
        "1 May",
        "A. Writer",
        "p",
        "c",
    ]
