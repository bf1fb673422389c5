"""Let the learned block classifier choose the body of a non-Chinese page.

The rules of :mod:`.body_filter` were written for Chinese news pages and do well there;
on the world's other pages - forum threads, product pages, listings, documentation - the
learned model (:mod:`.block_model`) generalises better. It sees every block of the page
with its shallow features plus what the rules decided (``rule_kept``), so it learns when
to follow them and when a thread's posts or a listing's items are the content. Pages
written mostly in CJK scripts keep the rules' body; so does any page where the model keeps
nothing, and so does any page where the model's body is not clearly bigger than the
rules' (``gate``): cross-validated by site, that choice keeps the rules' precision on
articles and the model's recall elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace

from suxun_tui.pages.block_features import Features, WeightedSums, block_features
from suxun_tui.pages.block_model import BlockModel, load_model
from suxun_tui.pages.body_filter import FilteredBody, drop_repeats
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.region import Region
from suxun_tui.pages.scoring import TreeScore

__all__ = ["is_cjk_page", "learned_body", "learned_features", "page_features"]

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Above this share of CJK characters the rules choose the body.
CJK_SHARE = 0.2
_SAMPLE = 4000  # characters looked at to tell the script
# A rules' body this long (non-space characters, about a hundred words) is an article's text,
# not a forum thread's opening line.
ARTICLE_CHARS = 500


def is_cjk_page(blocks: list[RawBlock]) -> bool:
    """Whether the page's text is mostly Chinese, Japanese or Korean."""
    sample: list[str] = []
    size = 0
    for b in blocks:
        if b.kind != "image" and b.chars > 20:
            sample.append(b.text)
            size += len(b.text)
            if size >= _SAMPLE:
                break
    text = "".join(sample).replace(" ", "")
    return bool(text) and len(_CJK.findall(text)) >= CJK_SHARE * len(text)


def _chars(blocks: list[RawBlock]) -> int:
    return sum(b.chars for b in blocks if b.kind != "image")


def _rule_features(
    blocks: list[RawBlock], body: FilteredBody, title_pos: int | None
) -> list[Features]:
    """What the rules decided about each block: kept in their body, the title, no body."""
    kept = {b.index for b in body.blocks if b.kind != "image"}
    empty = not kept
    out: list[Features] = []
    for i, b in enumerate(blocks):
        f: Features = {}
        if b.index in kept:
            f["rule_kept"] = 1.0
        if i == title_pos:
            f["is_title"] = 1.0
        if empty:
            f["rule_empty"] = 1.0
        out.append(f)
    return out


def learned_features(
    tree: TreeScore,
    blocks: list[RawBlock],
    region: Region,
    body: FilteredBody,
    title_pos: int | None,
    known: Collection[str] | None = None,
) -> list[Features]:
    """:func:`~.block_features.block_features` completed by the rules' decisions."""
    features = block_features(tree, blocks, region, known)
    for f, rules in zip(features, _rule_features(blocks, body, title_pos), strict=True):
        f.update(rules)
    return features


def _in_consent(tree: TreeScore, index: int) -> bool:
    """Whether a block stands in a cookie-consent banner, which is never text."""
    return any(s <= index <= e for s, e in tree.consent)


def learned_body(
    tree: TreeScore,
    blocks: list[RawBlock],
    region: Region,
    body: FilteredBody,
    title_pos: int | None,
    model: BlockModel | None = None,
    *,
    editorial: bool = False,
) -> FilteredBody:
    """The body the model keeps; ``body`` itself for CJK pages or without a model.

    ``model`` defaults to the shipped one (:func:`~.block_model.load_model`). On a page
    whose markup says it is one editorial text (``editorial``, :attr:`.PageMeta.editorial`)
    the model adds nothing from a comment thread: readers' comments are prose the model
    cannot tell from the article's, but such a page has told us they are not its text.
    """
    model = model or load_model()
    if model is None or is_cjk_page(blocks):
        return body
    if _chars(blocks) <= model.gate * _chars(body.blocks):
        return body  # the model could not find clearly more text than the rules did
    sums = WeightedSums(
        tree, blocks, region, model.weights, _rule_features(blocks, body, title_pos)
    )
    # The rules found the article (an editorial page, a text of some length): a comment
    # thread beside it is the readers', not the page's.
    no_thread = editorial and _chars(body.blocks) >= ARTICLE_CHARS
    by_index = {b.index: b for b in body.blocks}
    keeps = model.keeps_sum
    limit = model.gate * _chars(body.blocks)
    if not _may_win(sums, keeps, _could_add(tree, blocks, by_index, title_pos, no_thread), limit):
        return body
    out: list[RawBlock] = []
    for i, b in enumerate(blocks):
        if i == title_pos:
            continue
        if b.kind == "image":
            if b.index in by_index:
                out.append(by_index[b.index])
        elif b.index in by_index:
            if keeps(sums[i]):
                out.append(by_index[b.index])
        elif (
            keeps(sums[i])
            and not (no_thread and tree.discussion[b.index])
            and not _in_consent(tree, b.index)
        ):
            out.append(b)
    # Like trafilatura comparing its own result with its fallbacks': the rules' body
    # stands unless the model finds clearly more text (a thread's posts, a listing's items).
    if _chars(out) <= limit:
        return body
    return replace(body, blocks=drop_repeats(out))


def _could_add(
    tree: TreeScore,
    blocks: list[RawBlock],
    by_index: dict[int, RawBlock],
    title_pos: int | None,
    no_thread: bool,
) -> tuple[int, list[int], list[bool]]:
    """The characters :func:`learned_body` puts in the model's body whatever the model says,
    those each block puts there if the model keeps it (the same choices, block by block),
    and which blocks are the rules' own.
    """
    fixed = 0
    could = [0] * len(blocks)
    theirs = [False] * len(blocks)
    for i, b in enumerate(blocks):
        if i == title_pos:
            continue
        if b.kind == "image":
            kept = by_index.get(b.index)  # a text block of the rules' from the same element
            if kept is not None and kept.kind != "image":
                fixed += kept.chars
        elif b.index in by_index:
            kept = by_index[b.index]
            could[i] = kept.chars if kept.kind != "image" else 0
            theirs[i] = True
        elif not (no_thread and tree.discussion[b.index]) and not _in_consent(tree, b.index):
            could[i] = b.chars
    return fixed, could, theirs


def _may_win(
    sums: WeightedSums,
    keeps: Callable[[float], bool],
    adds: tuple[int, list[int], list[bool]],
    limit: float,
) -> bool:
    """Whether the model's body may still hold more than ``limit`` characters.

    The blocks are asked in turn, those outside the rules' body and the longest first, and
    each one the model drops takes its characters off the most the body could hold; once
    that is within ``limit`` the rules' body stands, whatever the other blocks would say
    (over the development pages where it stood, after a third of their blocks). Otherwise
    every block is asked.
    """
    fixed, could, theirs = adds
    most = fixed + sum(could)
    order = sorted((i for i, c in enumerate(could) if c), key=lambda i: (theirs[i], -could[i]))
    for i in order:
        if most <= limit:
            return False
        if not keeps(sums[i]):
            most -= could[i]
    return most > limit


def page_features(html: str, url: str) -> list[tuple[RawBlock, Features]]:
    """Every block of a page with the features the extractor gives the model.

    The training script calls this, so that training and extraction share one path.
    """
    from suxun_tui.pages.dates import DEFAULT_TZ
    from suxun_tui.pages.dom import clean_tree, parse_html
    from suxun_tui.pages.extract import rule_body
    from suxun_tui.pages.html_blocks import linearize
    from suxun_tui.pages.meta import read_meta
    from suxun_tui.pages.region import candidate_regions, cut_region
    from suxun_tui.pages.scoring import score_tree

    root = parse_html(html)
    meta = read_meta(root)
    page = clean_tree(root)
    tree = score_tree(page)
    blocks = linearize(page, url)
    region = next(candidate_regions(tree, page, None), None)
    cut = cut_region(blocks, region) if region is not None else None
    if region is None or cut is None:
        return []
    found = rule_body(blocks, cut, False, meta, DEFAULT_TZ, None)
    features = learned_features(tree, blocks, region, found.body, found.title_pos)
    return list(zip(blocks, features, strict=True))
