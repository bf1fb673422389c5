"""The learned body is the same when the model stops asking early as when it asks every block.

``learned_body`` stops asking the model once the blocks it dropped prove that its body
cannot hold clearly more text than the rules'; the answer must be the one a model asked
about every block gives. The reference below is that plain loop over every block's feature
dict; both are run on the English fixture pages under models that keep more or less.
"""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

import pytest

from suxun_tui.pages.block_model import BlockModel, load_model
from suxun_tui.pages.body_filter import FilteredBody, drop_repeats
from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.extract import rule_body
from suxun_tui.pages.html_blocks import RawBlock, linearize
from suxun_tui.pages.learned_body import learned_body, learned_features
from suxun_tui.pages.meta import read_meta
from suxun_tui.pages.region import Region, candidate_regions, cut_region
from suxun_tui.pages.scoring import TreeScore, score_tree

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
ENGLISH = sorted((PAGES / "english").glob("*.html")) + sorted(
    (PAGES / "real" / "wcxb").glob("*.html.gz")
)


def _chars(blocks: list[RawBlock]) -> int:
    return sum(b.chars for b in blocks if b.kind != "image")


def _reference(
    tree: TreeScore,
    blocks: list[RawBlock],
    region: Region,
    body: FilteredBody,
    title_pos: int | None,
    model: BlockModel,
    editorial: bool,
) -> FilteredBody:
    """Every block asked, then the gate (past the checks before the model is asked)."""
    features = learned_features(tree, blocks, region, body, title_pos, model.weights)
    no_thread = editorial and _chars(body.blocks) >= 500
    by_index = {b.index: b for b in body.blocks}
    out: list[RawBlock] = []
    for i, (b, f) in enumerate(zip(blocks, features, strict=True)):
        if i == title_pos:
            continue
        if b.kind == "image":
            if b.index in by_index:
                out.append(by_index[b.index])
        elif b.index in by_index:
            if model.keeps(f):
                out.append(by_index[b.index])
        elif (
            model.keeps(f)
            and not (no_thread and tree.discussion[b.index])
            and not any(s <= b.index <= e for s, e in tree.consent)
        ):
            out.append(b)
    if _chars(out) <= model.gate * _chars(body.blocks):
        return body
    return replace(body, blocks=drop_repeats(out))


def _models() -> list[BlockModel]:
    shipped = load_model()
    assert shipped is not None
    keeps_more = replace(shipped, bias=shipped.bias + 2.0)
    return [shipped, keeps_more, replace(shipped, gate=1.0), replace(keeps_more, gate=3.0)]


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name)
def test_stopping_early_gives_the_body_asking_every_block_gives(path: Path) -> None:
    data = path.read_bytes()
    root = parse_html(decode_html(gzip.decompress(data) if path.suffix == ".gz" else data))
    meta = read_meta(root)
    page = clean_tree(root)
    tree = score_tree(page)
    blocks = linearize(page, "https://example.com/a")
    region = next(candidate_regions(tree, page, None))
    cut = cut_region(blocks, region)
    assert cut is not None
    found = rule_body(blocks, cut, False, meta, "UTC", None)
    for model in _models():
        if _chars(blocks) <= model.gate * _chars(found.body.blocks):
            continue  # learned_body answers before asking the model
        for editorial in (False, True):
            args = (tree, blocks, region, found.body, found.title_pos)
            expected = _reference(*args, model, editorial)
            got = learned_body(*args, model, editorial=editorial)
            assert got == expected
            assert (got is found.body) == (expected is found.body)
