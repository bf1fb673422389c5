"""Folding for search: the shipped character table is OpenCC's, and folding is what the
index and the queries share (script, case, width)."""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from suxun_tui.models import blocks_to_plain
from suxun_tui.store.codec import decode_blocks
from suxun_tui.store.fold import body_plain, fold, fold_body
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


# Characters whose folding is not one for one: full-width forms before combining marks
# (NFKC composes them), ligatures, circled and parenthesised forms, Traditional ones.
_TRICKY = "ＡａＥｅ１，（）：\u3000 Aa e\u0301\u0301\u0323ﬁß①㈱Ⅻ體層經濟发。、\uff5e\uff61ｶﾞ"
_BLOCK_KINDS = ["paragraph", "heading", "list_item", "quote", "image", "code", "media", "x"]


def _reference_fold(text: str) -> str:
    """Folding as its definition says, without the quick paths."""
    from suxun_tui.store.fold import _table

    return unicodedata.normalize("NFKC", text).casefold().translate(_table())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=400))
def test_quick_paths_fold_as_the_definition(text: str) -> None:
    # Long enough texts take the looking-first path; short ones translate at once, or,
    # before the table is built, look each character up in the pairs.
    # Long texts are translated at once too until enough of them have been (the pattern
    # that looks first costs as much to build), then looked at first.
    from suxun_tui.store import fold as folding

    for looking in (False, True):
        folding.forget_tables()
        folding._translated[0] = folding.BUILD_AFTER if looking else 0
        assert fold(text) == _reference_fold(text)
        assert fold(text * 3) == _reference_fold(text * 3)
        assert fold(text) == _reference_fold(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_BLOCK_KINDS),
            st.one_of(st.text(alphabet=st.sampled_from(_TRICKY), max_size=20), st.integers()),
            st.one_of(st.none(), st.just("http://x/a.mp3"), st.integers()),
            st.one_of(st.integers(0, 3), st.just("2")),
            st.booleans(),
        ),
        max_size=6,
    )
)
def test_plain_body_is_what_the_blocks_give(
    rows: list[tuple[str, object, object, object, bool]],
) -> None:
    stored = json.dumps(
        [
            [kind, text, url, level] if long else [kind, text]
            for kind, text, url, level, long in rows
        ],
        ensure_ascii=False,
    )
    assert body_plain(stored) == blocks_to_plain(decode_blocks(stored))
    assert fold_body(stored) == fold(blocks_to_plain(decode_blocks(stored)))
