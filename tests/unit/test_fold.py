"""Folding for search: the shipped character table is OpenCC's, and folding is what the
index and the queries share (script, case, width)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from suxun_tui.store.fold import fold, fold_body
from suxun_tui.store.fold_table import PAIRS

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_table_is_what_opencc_gives_today() -> None:
    spec = importlib.util.spec_from_file_location("build", ROOT / "benchmarks/build_fold_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_fold_table"] = module
    spec.loader.exec_module(module)
    assert module.single_character_pairs() == "".join(PAIRS)


def test_fold_script_case_and_width() -> None:
    assert fold("加強基層治理") == fold("加强基层治理") == "加强基层治理"
    assert fold("ＡＩ Straße") == "ai strasse"
    assert fold("１２３％") == "123%"
    assert fold(None) == "" and fold("") == ""
    assert (
        fold_body('[["paragraph","經濟"],["image","照片","http://x/p.jpg"]]')
        == "经济\n\n[图片: 照片]"
    )
