"""The model's sums taken without feature dicts are the sums it takes over them, bit for bit.

``learned_body`` asks ``weighted_sums`` for each block's weighted sum instead of building
the block's feature dict; the page's result may only stay the same if every sum is the very
float the dict would give, so the two are compared exactly on the English fixture pages,
whose blocks carry every kind of feature (region, furniture, names, neighbours).
"""

from __future__ import annotations

import gzip
from itertools import repeat
from operator import mul
from pathlib import Path

import pytest

from suxun_tui.pages.block_features import Features, block_features, weighted_sums
from suxun_tui.pages.block_model import BlockModel, load_model
from suxun_tui.pages.charset import decode_html
from suxun_tui.pages.dom import clean_tree, parse_html
from suxun_tui.pages.html_blocks import linearize
from suxun_tui.pages.region import candidate_regions
from suxun_tui.pages.scoring import score_tree

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
ENGLISH = sorted((PAGES / "english").glob("*.html")) + sorted(
    (PAGES / "real" / "wcxb").glob("*.html.gz")
)


def _dict_sum(model: BlockModel, features: Features) -> float:
    """The sum ``BlockModel.probability`` takes (without the bias)."""
    return sum(map(mul, map(model.weights.get, features, repeat(0.0)), features.values()))


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name)
def test_weighted_sums_are_the_dict_sums_exactly(path: Path) -> None:
    model = load_model()
    assert model is not None
    data = path.read_bytes()
    html = decode_html(gzip.decompress(data) if path.suffix == ".gz" else data)
    body = clean_tree(parse_html(html))
    tree = score_tree(body)
    blocks = linearize(body, "https://example.com/a")
    region = next(candidate_regions(tree, body, None))
    more: list[Features] = [
        {"rule_kept": 1.0} if i % 3 == 0 else {"is_title": 1.0, "rule_empty": 1.0} if i == 1 else {}
        for i in range(len(blocks))
    ]
    features = block_features(tree, blocks, region, model.weights)
    sums = weighted_sums(tree, blocks, region, model.weights, more)
    assert len(blocks) > 10 and len(sums) == len(blocks)
    for f, extra, weighted in zip(features, more, sums, strict=True):
        expected = _dict_sum(model, {**f, **extra})
        assert weighted == expected  # the same float, not a close one
        assert model.keeps_sum(weighted) == model.keeps({**f, **extra})


def test_a_feature_without_a_weight_adds_nothing() -> None:
    model = BlockModel({"a": 0.1, "b": 0.2, "c": 0.3}, -0.25, 0.5, 1.0)
    features = {"a": 1.0, "z": 7.0, "b": 0.5, "c": 1.0}
    weighted = 0.1 + 0.2 * 0.5 + 0.3
    assert model.probability_of_sum(weighted) == model.probability(features)
    assert model.keeps_sum(weighted) == model.keeps(features)
