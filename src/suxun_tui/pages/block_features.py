"""Describe each block of a page by shallow features, for the learned block classifier.

The features are the ones dragnet and boilerpipe found to carry the signal, and that do
not depend on one site's template: how long the block is and how much of it is link text
or sentence punctuation; what kind of block it is; the tags and class/id words of the
elements around it (``nav``, ``footer``, ``comment``, ``post``); where it sits relative to
the region the tree scoring chose; and the same for its neighbours, because text comes in
runs. A few page-level features (how link-heavy the chosen region is, how much of the
page it holds) let one linear model treat a listing differently from an article.

Features are a ``dict`` from name to value; names unknown to the model weigh nothing, so
the training script and the extractor share this one function and nothing else.
"""

from __future__ import annotations

import math
import re

from suxun_tui.pages.boilerplate import is_boilerplate, is_tail_marker
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.region import Region
from suxun_tui.pages.scoring import TreeScore

__all__ = ["Features", "block_features"]

Features = dict[str, float]

_PUNCT = re.compile(r"[，。！？；、]|[,.!?;:](?=\s|$)")
_SPLIT = re.compile(r"[^a-z]+")
# Ancestors looked at for tags and class/id words.
DEPTH = 8
# Tags whose presence among the ancestors is a feature.
_TAGS = frozenset(
    ("nav", "footer", "header", "aside", "article", "main", "form", "li", "table", "td")
    + ("dl", "dd", "section", "blockquote", "figure", "figcaption", "ul", "ol", "pre", "code")
)


def _length_bucket(n: int) -> str:
    for limit in (10, 30, 80, 200, 500):
        if n < limit:
            return f"len<{limit}"
    return "len>=500"


Words = tuple[tuple[str, ...], tuple[str, ...]]  # as the element's own, as an ancestor's


def _own_words(tree: TreeScore, i: int, cache: dict[int, Words]) -> Words:
    """The tag (if telling) and the class/id words of one element, split and prefixed once
    per page: ``own:`` when it is the block's element, ``up:`` when an ancestor's."""
    found = cache.get(i)
    if found is not None:
        return found
    el = tree.elements[i]
    tag = el.tag if isinstance(el.tag, str) else ""
    tags = ("tag:" + tag,) if tag in _TAGS else ()
    cls, ident = el.get("class"), el.get("id")
    words: list[str] = []
    if cls or ident:
        words = [w for w in _SPLIT.split(f"{cls or ''} {ident or ''}".lower()) if 2 <= len(w) <= 20]
    out = (tags + tuple("own:" + w for w in words), tags + tuple("up:" + w for w in words))
    cache[i] = out
    return out


def _names(tree: TreeScore, index: int, cache: dict[int, Words]) -> set[str]:
    """Tags and lower-case class/id words of the elements from ``index`` up."""
    if index < 0:
        return set()
    names = set(_own_words(tree, index, cache)[0])
    i = tree.parent[index]
    for _ in range(DEPTH - 1):
        if i < 0:
            break
        names.update(_own_words(tree, i, cache)[1])
        i = tree.parent[i]
    return names


def _own(b: RawBlock) -> Features:
    """What the block itself looks like."""
    n = b.chars
    f: Features = {"kind:" + b.kind: 1.0, _length_bucket(n): 1.0}
    if b.kind == "image":
        f["linked_image"] = float(b.linked)
        return f
    f["log_chars"] = math.log1p(n) / 6.0
    ld = b.link_density
    f["link_density"] = ld
    f["all_link"] = float(ld > 0.9)
    punct = len(_PUNCT.findall(b.text))
    f["punct_density"] = min(1.0, 10.0 * punct / n) if n else 0.0
    f["no_punct"] = float(punct == 0)
    f["boilerplate"] = float(is_boilerplate(b.text))
    f["tail_marker"] = float(is_tail_marker(b.text))
    if b.kind == "heading":
        f[f"heading{min(b.level, 4)}"] = 1.0
    return f


def _inside(index: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= index <= e for s, e in spans)


def block_features(tree: TreeScore, blocks: list[RawBlock], region: Region) -> list[Features]:
    """Features of every block of the page, in order."""
    n = len(blocks)
    inside = [_inside(b.index, region.spans) for b in blocks]
    positions = [i for i, flag in enumerate(inside) if flag]
    first, last = (positions[0], positions[-1]) if positions else (n, n)
    page_chars = sum(b.chars for b in blocks) or 1
    region_chars = sum(blocks[i].chars for i in positions) or 1
    region_links = sum(blocks[i].link_chars for i in positions) / region_chars
    page: Features = {
        "page_region_share": region_chars / page_chars,
        "page_region_links": region_links,
        "page_linky": float(region_links > 0.35),
    }
    own = [_own(b) for b in blocks]
    cache: dict[int, Words] = {}
    out: list[Features] = []
    for i, b in enumerate(blocks):
        f = dict(own[i])
        f.update(page)
        if inside[i]:
            f["in_region"] = 1.0
            if _inside(b.index, region.furniture):
                f["furniture"] = 1.0
            if page["page_linky"]:
                f["in_region&linky"] = 1.0
                f["in_region&linky&ld"] = f.get("link_density", 0.0)
        else:
            gap = first - i if i < first else i - last
            f["before_region" if i < first else "after_region"] = 1.0
            f["region_gap"] = min(1.0, gap / 20.0)
        f["position"] = i / n
        for word in _names(tree, b.index, cache):
            f[word] = 1.0
        for side, j in (("prev", i - 1), ("next", i + 1)):
            if 0 <= j < n:
                g = own[j]
                f[side + "_link_density"] = g.get("link_density", 0.0)
                f[side + "_punct_density"] = g.get("punct_density", 0.0)
                f[side + "_log_chars"] = g.get("log_chars", 0.0)
                f[side + "_in_region"] = float(inside[j])
        out.append(f)
    return out
