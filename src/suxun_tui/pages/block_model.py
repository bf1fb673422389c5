"""The learned block classifier: which blocks of a page are content, by a linear model.

The weights come from ``benchmarks/train_blocks.py`` (trained on development pages only,
cross-validated by site) and ship as ``block_weights.json``; inference is a sum of the
weights of a block's features (:mod:`.block_features`) and a logistic function, pure
Python. Without the file the extractor keeps to its rules.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

from suxun_tui.pages.block_features import Features

__all__ = ["BlockModel", "WEIGHTS_PATH", "load_model"]

WEIGHTS_PATH = Path(__file__).with_name("block_weights.json")


@dataclass(frozen=True)
class BlockModel:
    """A logistic model over named features."""

    weights: dict[str, float]
    bias: float
    threshold: float
    gate: float  # the model's body wins when it holds this many times the rules' words

    def probability(self, features: Features) -> float:
        # The same products summed in the same order as a generator over the items, with
        # no Python frame per feature.
        weights = map(self.weights.get, features, repeat(0.0))
        return self.probability_of_sum(sum(map(mul, weights, features.values())))

    def probability_of_sum(self, weighted: float) -> float:
        """The probability of features whose weighted sum (without the bias) is given."""
        z = self.bias + weighted
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, features: Features) -> bool:
        return self.probability(features) >= self.threshold

    def keeps_sum(self, weighted: float) -> bool:
        """:meth:`keeps` of features given by their weighted sum (``weighted_sums``)."""
        return self.probability_of_sum(weighted) >= self.threshold


@lru_cache(maxsize=1)
def load_model() -> BlockModel | None:
    """The shipped model, or None when its file is missing or unreadable."""
    try:
        data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
        return BlockModel(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data.get("threshold", 0.5)),
            float(data.get("gate", 1.0)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
