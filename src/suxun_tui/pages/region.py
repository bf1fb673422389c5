"""Choose the content region: which parts of the page's block sequence are the article.

:mod:`.scoring` ranks every element; this step turns the ranking into regions to try, best
first. A user's ``body_selector`` names the region outright. Otherwise the best-scoring
element comes first and, should its text filter away to nothing (a lone disclaimer
paragraph can win on a thin page), the next-best elements elsewhere follow. A best element
in the page's chrome (a footer's legal text, a header's menus) gives way to the element the
page marks as its main content (:func:`marked_main`). Each region
carries the furniture inside it (:mod:`.furniture`), so the filters can drop share bars
and bylines by their names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from suxun_tui.pages.dom import HtmlElement, select, text_content
from suxun_tui.pages.furniture import furniture_spans
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.scoring import TreeScore
from suxun_tui.pages.vocabulary import LEAD_WORDS

__all__ = ["Region", "RegionBlocks", "candidate_regions", "cut_region", "marked_main"]

Span = tuple[int, int]
# Regions tried before the page is given up as holding no article.
MAX_TRIES = 3


@dataclass(frozen=True)
class Region:
    """Pre-order spans of the article, the furniture inside them, and who chose them."""

    spans: tuple[Span, ...]
    furniture: tuple[Span, ...] = ()
    chosen: bool = False  # the user's body_selector, not the scoring


@dataclass(frozen=True)
class RegionBlocks:
    """The blocks of one region, with positions into the page's whole block sequence."""

    blocks: list[RawBlock]
    start: int  # position of the region's first block in the page's blocks
    stop: int  # position of its last block


def candidate_regions(
    tree: TreeScore, root: HtmlElement, body_selector: str | None
) -> Iterator[Region]:
    """Regions to try, best first: the user's selector, else the best-scoring elements."""
    if body_selector:
        position = {el: i for i, el in enumerate(tree.elements)}
        spans = tuple(
            tree.span(position[el]) for el in select(root, body_selector) if el in position
        )
        if spans:
            yield Region(spans, chosen=True)
            return
    tried: list[Span] = []
    index: int | None = tree.best
    main = marked_main(tree)
    if main is not None:
        spans = (tree.span(main),)
        yield Region(spans, _furniture(tree, spans))
        tried.extend(spans)
    if tree.wide not in (-1, tree.best):
        # The element the best one was found inside, should the best hold no text.
        spans = _with_lead(tree, tree.best)
        yield Region(spans, _furniture(tree, spans))
        index = tree.wide
    for _ in range(MAX_TRIES):
        if index is None:
            return
        spans = _with_lead(tree, index)
        yield Region(spans, _furniture(tree, spans))
        tried.extend(spans)
        index = tree.best_outside(tried)


_SPLIT = re.compile(r"[^a-z0-9]+")
# The page's chrome, by tag and by ARIA landmark role: never where its main text stands.
_CHROME_TAGS = frozenset(("footer", "header", "nav", "aside"))
_CHROME_ROLES = frozenset(("contentinfo", "banner", "navigation", "complementary"))


def _in_chrome(tree: TreeScore, index: int) -> bool:
    """Whether the element at ``index`` is (inside) a footer, header, menu or sidebar."""
    while index >= 0:
        el = tree.elements[index]
        if el.tag in _CHROME_TAGS or el.get("role") in _CHROME_ROLES:
            return True
        index = tree.parent[index]
    return False


def marked_main(tree: TreeScore) -> int | None:
    """The page's ``<main>`` (or ``role="main"``) when the best element is in its chrome.

    A shop's footer can carry its whole refund and privacy policy, a header a menu of
    blurbs: as prose they outscore a product's description or a collection's items, which
    are short lines and links. The page says where its text is, though; when the best
    element stands in a footer, header, ``<nav>`` or ``<aside>`` (or their ARIA roles)
    outside the marked main element, and that element holds text, the main element is
    the region tried first. A best element outside the chrome keeps its place: a
    category's description often stands beside ``<main>``, not inside it.
    """
    best = tree.best
    for i, el in enumerate(tree.elements):
        if el.tag != "main" and el.get("role") != "main":
            continue
        if i <= best <= tree.end[i] or best <= i <= tree.end[best]:
            return None  # the best element is the main text's part, or holds all of it
        if not _in_chrome(tree, best) or not text_content(el).strip():
            return None
        return i
    return None


def _furniture(tree: TreeScore, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The furniture inside the region, cookie-consent banners whatever their size."""
    return tuple(furniture_spans(tree, list(spans))) + tree.consent


def _with_lead(tree: TreeScore, index: int) -> tuple[Span, ...]:
    """The element's span, after its lead's when the sibling just before it is one.

    A summary set apart above the text (``<p class="ep-summary">``, a standfirst) is the
    article's first paragraph, yet outside the element that holds the rest: it joins the
    region when its names say what it is and it holds prose (a positive score).
    """
    span = tree.span(index)
    before = index - 1
    parent = tree.parent[index]
    if parent < 0 or before <= parent:
        return (span,)
    # The previous sibling ends just before this element starts: walk up from there.
    while tree.parent[before] != parent:
        before = tree.parent[before]
    el = tree.elements[before]
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if tree.score[before] > 0 and LEAD_WORDS.intersection(_SPLIT.split(names)):
        return (tree.span(before), span)
    return (span,)


def _inside(index: int, spans: tuple[Span, ...]) -> bool:
    return any(s <= index <= e for s, e in spans)


def cut_region(blocks: list[RawBlock], region: Region) -> RegionBlocks | None:
    """The blocks inside ``region``, furniture marked; None if it holds no block."""
    positions = [i for i, b in enumerate(blocks) if _inside(b.index, region.spans)]
    if not positions:
        return None
    inner = [
        replace(blocks[i], furniture=True)
        if _inside(blocks[i].index, region.furniture)
        else blocks[i]
        for i in positions
    ]
    return RegionBlocks(inner, positions[0], positions[-1])
