"""Plain bodies (kinds and texts only) are written by a shortcut: the same text as
``json.dumps`` of the rows, for every character JSON escapes or passes through."""

from __future__ import annotations

import json
import random

from suxun_tui.models import Block
from suxun_tui.store.codec import decode_blocks, encode_blocks

_CHARS = ["a", '"', "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "\u2028", "\ud800", "中", "😀", "/"]


def _dumps(blocks: list[Block]) -> str:
    rows = [[b.kind, b.text] for b in blocks]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def test_plain_blocks_are_written_as_json_dumps_writes_them() -> None:
    pick = random.Random(12)
    for _ in range(3000):
        blocks = [
            Block(
                pick.choice(["paragraph", "heading", "quote", "code"]),
                "".join(pick.choice(_CHARS) for _ in range(pick.randint(0, 12))),
            )
            for _ in range(pick.randint(0, 4))
        ]
        assert encode_blocks(blocks) == _dumps(blocks)
        assert encode_blocks(tuple(blocks)) == _dumps(blocks)


def test_blocks_with_links_or_levels_keep_their_fields() -> None:
    blocks = (
        Block("paragraph", "看 这里", None, 0, ((2, 4, "http://example.org/a"),)),
        Block("heading", "标题", None, 2),
        Block("image", "图", "http://example.org/i.png"),
        Block("paragraph", '"引号"'),
    )
    assert decode_blocks(encode_blocks(blocks)) == blocks
    assert encode_blocks(blocks).endswith('["paragraph","\\"引号\\""]]')
