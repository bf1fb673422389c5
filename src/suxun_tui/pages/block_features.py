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
from collections.abc import Collection
from itertools import chain

from suxun_tui.pages.boilerplate import is_boilerplate, is_tail_marker
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.region import Region
from suxun_tui.pages.scoring import TreeScore

__all__ = ["Features", "WeightedSums", "block_features", "weighted_sums"]

Features = dict[str, float]

# Sentence punctuation: a CJK mark anywhere, a Latin one before a space or the end.
_CJK_PUNCT = "，。！？；、"
_LATIN_PUNCT = re.compile(r"[,.!?;:](?=\s|$)")
_LETTERS = re.compile(r"[a-z]+")  # the runs a split at every other character leaves
# Ancestors looked at for tags and class/id words.
DEPTH = 8
# Tags whose presence among the ancestors is a feature.
_TAGS = frozenset(
    ("nav", "footer", "header", "aside", "article", "main", "form", "li", "table", "td")
    + ("dl", "dd", "section", "blockquote", "figure", "figcaption", "ul", "ol", "pre", "code")
)


Words = tuple[tuple[str, ...], tuple[str, ...]]  # as the element's own, as an ancestor's
# By a class or id value, or by "\0" and a tag (libxml2 values never hold a NUL).
WordsCache = dict[str, Words]
_NONE: Words = ((), ())


def _length_bucket(n: int) -> str:
    for limit in (10, 30, 80, 200, 500):
        if n < limit:
            return f"len<{limit}"
    return "len>=500"


class _PageNames:
    """The tag and class/id words of a page's elements, each worked out once per page.

    With ``known`` (a model's feature names) only the words the model has a weight for are
    kept: any other weighs nothing, and a page styled with utility classes gives each
    element dozens of them.
    """

    def __init__(self, tree: TreeScore, known: Collection[str] | None) -> None:
        self.tree = tree
        self.known = known
        self.words: dict[int, Words] = {}  # by element
        self.by_value: WordsCache = {}
        self.near: dict[int, frozenset[str]] = {}

    def own_words(self, i: int) -> Words:
        """``own:`` words when the element is the block's, ``up:`` when an ancestor's.

        The tag comes first, then the class's words, then the id's: the words of
        ``f"{class} {id}"``, each value split once per page (templates repeat them).
        """
        found = self.words.get(i)
        if found is not None:
            return found
        el = self.tree.elements[i]
        tag = el.tag if isinstance(el.tag, str) and el.tag in _TAGS else ""
        by_value = self.by_value
        own: tuple[str, ...] = ()
        up: tuple[str, ...] = ()
        for value in ("\0" + tag if tag else "", el.get("class"), el.get("id")):
            if not value:
                continue
            part = by_value.get(value)
            if part is None:
                part = by_value[value] = self._split(value)
            if part is not _NONE:
                own, up = own + part[0], up + part[1]
        out = self.words[i] = (own, up)
        return out

    def _split(self, value: str) -> Words:
        own: tuple[str, ...]
        up: tuple[str, ...]
        if value[0] == "\0":
            own = up = ("tag:" + value[1:],)
        else:
            words = [w for w in _LETTERS.findall(value.lower()) if 2 <= len(w) <= 20]
            own, up = tuple("own:" + w for w in words), tuple("up:" + w for w in words)
        if self.known is not None:
            known = self.known
            own, up = tuple(w for w in own if w in known), tuple(w for w in up if w in known)
        return (own, up) if own or up else _NONE

    def _near(self, index: int) -> frozenset[str]:
        """The ``up:`` words of the element at ``index`` and its ancestors, ``DEPTH - 1``
        elements in all.

        Each element's set is worked out once per page from at most ``DEPTH - 1`` cached
        word tuples (most of them empty once the model's vocabulary has filtered them).
        """
        found = self.near.get(index)
        if found is not None:
            return found
        parent = self.tree.parent
        cached = self.words
        words: set[str] = set()
        i = index
        for _ in range(DEPTH - 1):
            if i < 0:
                break
            own = cached.get(i)
            up = (own if own is not None else self.own_words(i))[1]
            if up:
                words.update(up)
            i = parent[i]
        found = self.near[index] = frozenset(words)
        return found

    def names(self, index: int) -> frozenset[str]:
        """Tags and lower-case class/id words of the elements from ``index`` up."""
        if index < 0:
            return frozenset()
        p = self.tree.parent[index]
        up = self._near(p) if p >= 0 else frozenset()
        own = self.own_words(index)[0]
        return up.union(own) if own else up


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
    text = b.text
    punct = sum(map(text.count, _CJK_PUNCT)) + len(_LATIN_PUNCT.findall(text))
    f["punct_density"] = min(1.0, 10.0 * punct / n) if n else 0.0
    f["no_punct"] = float(punct == 0)
    f["boilerplate"] = float(is_boilerplate(b.text))
    f["tail_marker"] = float(is_tail_marker(b.text))
    if b.kind == "heading":
        f[f"heading{min(b.level, 4)}"] = 1.0
    return f


def _inside(index: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= index <= e for s, e in spans)


class _Parts:
    """Each block's features in parts, in the order a block's dict lists them, each part
    worked out when first asked for.

    :func:`block_features` joins them into one dict per block; :class:`WeightedSums` adds
    up their weights without building it (a page's blocks carry a dozen class/id words
    each), and only for the blocks it is asked about.
    """

    def __init__(
        self,
        tree: TreeScore,
        blocks: list[RawBlock],
        region: Region,
        known: Collection[str] | None,
    ) -> None:
        n = len(blocks)
        self.blocks = blocks
        self.region = region
        self.inside = inside = [_inside(b.index, region.spans) for b in blocks]
        positions = [i for i, flag in enumerate(inside) if flag]
        self.first, self.last = (positions[0], positions[-1]) if positions else (n, n)
        page_chars = sum(b.chars for b in blocks) or 1
        region_chars = sum(blocks[i].chars for i in positions) or 1
        region_links = sum(blocks[i].link_chars for i in positions) / region_chars
        # The page's features, the same for every block: after the block's own.
        self.page: Features = {
            "page_region_share": region_chars / page_chars,
            "page_region_links": region_links,
            "page_linky": float(region_links > 0.35),
        }
        self.linky = bool(self.page["page_linky"])
        self.owns: list[Features | None] = [None] * n
        self.words = _PageNames(tree, known)

    def own(self, i: int) -> Features:
        """What the block itself looks like (:func:`_own`)."""
        found = self.owns[i]
        if found is None:
            found = self.owns[i] = _own(self.blocks[i])
        return found

    def place(self, i: int) -> Features:
        """Where the block sits: in the region (and its furniture) or how far from it."""
        f: Features = {}
        if self.inside[i]:
            f["in_region"] = 1.0
            if _inside(self.blocks[i].index, self.region.furniture):
                f["furniture"] = 1.0
            if self.linky:
                f["in_region&linky"] = 1.0
                f["in_region&linky&ld"] = self.own(i).get("link_density", 0.0)
        else:
            first, last = self.first, self.last
            gap = first - i if i < first else i - last
            f["before_region" if i < first else "after_region"] = 1.0
            f["region_gap"] = min(1.0, gap / 20.0)
        f["position"] = i / len(self.blocks)
        return f

    def names(self, i: int) -> frozenset[str]:
        """Tag and class/id words from the block's element up, each of value 1.0."""
        return self.words.names(self.blocks[i].index)

    def sides(self, i: int) -> Features:
        """The block's neighbours' length, link and punctuation densities, region."""
        g: Features = {}
        for side, j in (("prev", i - 1), ("next", i + 1)):
            if 0 <= j < len(self.blocks):
                near = self.own(j)
                g[side + "_link_density"] = near.get("link_density", 0.0)
                g[side + "_punct_density"] = near.get("punct_density", 0.0)
                g[side + "_log_chars"] = near.get("log_chars", 0.0)
                g[side + "_in_region"] = float(self.inside[j])
        return g


def block_features(
    tree: TreeScore,
    blocks: list[RawBlock],
    region: Region,
    known: Collection[str] | None = None,
) -> list[Features]:
    """Features of every block of the page, in order.

    ``known`` (a model's feature names) leaves out the class/id words the model has no
    weight for (see :class:`_PageNames`); training passes nothing and sees every word.
    """
    parts = _Parts(tree, blocks, region, known)
    out: list[Features] = []
    for i in range(len(blocks)):
        f = dict(parts.own(i))
        f.update(parts.page)
        f.update(parts.place(i))
        f.update(dict.fromkeys(parts.names(i), 1.0))
        f.update(parts.sides(i))
        out.append(f)
    return out


class WeightedSums:
    """For each block, the sum of ``weights[name] * value`` over its features, worked out
    when first asked for (``sums[i]``).

    The features are :func:`block_features`' followed by ``more[i]``'s, and the products are
    added in that order by one ``sum``: the very sum a model takes over the joined dict
    (``BlockModel.probability``), bit for bit. A name without a weight adds ``0.0 * value``
    there, which leaves a float sum as it was (plain and compensated alike), so it is left
    out here; a word's value is 1.0, so its product is its weight.
    """

    def __init__(
        self,
        tree: TreeScore,
        blocks: list[RawBlock],
        region: Region,
        weights: dict[str, float],
        more: list[Features],
    ) -> None:
        self.parts = _Parts(tree, blocks, region, weights)
        self.get = weights.get
        self.more = more
        self.page = self._terms(self.parts.page)
        self.sums: list[float | None] = [None] * len(blocks)

    def _terms(self, features: Features) -> list[float]:
        get = self.get
        return [w * v for k, v in features.items() if (w := get(k)) is not None]

    def __getitem__(self, i: int) -> float:
        found = self.sums[i]
        if found is None:
            parts, terms = self.parts, self._terms
            words = [w for w in map(self.get, parts.names(i)) if w is not None]
            own, place, sides, extra = (
                terms(parts.own(i)),
                terms(parts.place(i)),
                terms(parts.sides(i)),
                terms(self.more[i]),
            )
            found = self.sums[i] = sum(chain(own, self.page, place, words, sides, extra))
        return found


def weighted_sums(
    tree: TreeScore,
    blocks: list[RawBlock],
    region: Region,
    weights: dict[str, float],
    more: list[Features],
) -> list[float]:
    """Every block's :class:`WeightedSums`, in order."""
    sums = WeightedSums(tree, blocks, region, weights, more)
    return [sums[i] for i in range(len(blocks))]
