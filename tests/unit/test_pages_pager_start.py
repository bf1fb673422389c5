"""Links passed over by their first character are never pager links.

``continuation_links`` reads a link's whole text only when its own text is empty or starts
with a character ``PAGER_TEXT`` can start with (``PAGER_START``, the pattern's look-ahead);
the pages it finds must be those reading every link's text finds, on a made page whose
pager hides its numbers in child elements and on every fixture page.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from suxun_tui.pages.boilerplate import is_pager_text
from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.dom import HtmlElement, absolute_url, parse_html, text_content
from suxun_tui.pages.pagination import continuation_links, page_number
from suxun_tui.pages.vocabulary import PAGER_START

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
URL = "https://news.example.cn/a/20240506/story.html"
MADE = """<html><body><p>Text.</p><div class="pager">
<a href="story_2.html"><span>2</span></a> <a href="story_3.html">
  3 </a> <a href="story_4.html">Next</a> <a href="story_5.html"> 下一页</a>
<a href="story_6.html">第6页</a> <a href="story_7.html">Page 7</a>
<a href="story_8.html"><b></b>[8]</a> <a href="story_9.html">»</a>
</div></body></html>"""


def _reference(root: HtmlElement, url: str) -> list[str]:
    """Every link's text read, as before the first-character test."""
    key, current = page_number(url)
    found: dict[int, str] = {}
    for a in root.iter("a"):
        href = a.get("href")
        if not href or not is_pager_text(" ".join(text_content(a).split())):
            continue
        link = absolute_url(href, url)
        if not link:
            continue
        other_key, number = page_number(link)
        if other_key == key and number > current and number not in found:
            found[number] = link.split("#", 1)[0]
    return [found[n] for n in sorted(found)]


def _pages() -> list[str]:
    out = [MADE]
    for path in sorted(FIXTURES.rglob("*.htm*")):
        data = path.read_bytes()
        out.append(decode_html(gzip.decompress(data) if path.suffix == ".gz" else data))
    return out


@pytest.mark.parametrize("html", _pages())
def test_the_first_character_test_finds_the_pages_reading_every_link_finds(html: str) -> None:
    root = parse_html(html)
    assert continuation_links(root, URL) == _reference(root, URL)


def test_the_made_pager_is_found_whole() -> None:
    found = continuation_links(parse_html(MADE), URL)
    assert [page_number(u)[1] for u in found] == [2, 3, 4, 5, 6, 8, 9]
    assert PAGER_START.match("P") and PAGER_START.match("下") and not PAGER_START.match("S")
