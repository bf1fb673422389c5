"""Site furniture inside the article container, recognised by its class and id names.

Scoring picks the tightest element that holds the whole text, but templates put more in
that element than the author wrote: share bars, bylines and "posted in" lines, "related"
boxes, advertisement slots, newsletter sign-ups, author bios, cookie banners. Their text is
short sentences that look like prose to the filters, yet their class and id names say what
they are, in the same handful of words on every CMS. An element named so is furniture
when it holds only a small part of the region's text (a name on a wrapper around the
whole article says nothing about its parts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from suxun_tui.pages.dom import HtmlElement, text_content
from suxun_tui.pages.scoring import TreeScore
from suxun_tui.pages.vocabulary import FURNITURE_PAIRS, FURNITURE_PREFIXES, FURNITURE_WORDS

__all__ = ["furniture_spans"]

_SPLIT = re.compile(r"[^a-z0-9]+")
# An element holding more than this share of the region's text is not furniture.
MAX_SHARE = 0.3


@lru_cache(maxsize=4096)
def _is_furniture_name(names: str) -> bool:
    names = names.lower()
    if FURNITURE_PAIRS.search(names):
        return True
    for word in _SPLIT.split(names):
        if word in FURNITURE_WORDS or (len(word) > 3 and word.startswith(FURNITURE_PREFIXES)):
            return True
    return False


def _names(el: HtmlElement) -> str:
    attrib = el.attrib
    if "class" not in attrib and "id" not in attrib:
        return ""
    return f"{attrib.get('class', '')} {attrib.get('id', '')}"


def _chars(el: HtmlElement) -> int:
    return len("".join(text_content(el).split()))  # \s and str.split() agree


def furniture_spans(tree: TreeScore, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pre-order spans of the furniture strictly inside the article region ``spans``."""
    found: list[tuple[int, int]] = []
    for start, stop in spans:
        total = _chars(tree.elements[start]) or 1
        i = start + 1
        while i <= stop:
            el = tree.elements[i]
            names = _names(el)
            if names and _is_furniture_name(names) and _chars(el) <= MAX_SHARE * total:
                found.append(tree.span(i))
                i = tree.end[i] + 1
                continue
            i += 1
    return found
