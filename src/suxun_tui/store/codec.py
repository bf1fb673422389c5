"""How article bodies are kept in one TEXT column: compact JSON of block tuples."""

from __future__ import annotations

import json
from typing import Any, cast, get_args

from suxun_tui.models import Block, BlockKind

_KINDS = frozenset(get_args(BlockKind))


def encode_blocks(blocks: tuple[Block, ...] | list[Block]) -> str:
    rows: list[list[Any]] = []
    for b in blocks:
        row: list[Any] = [b.kind, b.text]
        if b.url or b.level:
            row += [b.url, b.level]
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode_blocks(text: str | None) -> tuple[Block, ...]:
    """Decode stored blocks; anything unreadable becomes an empty body, never an error."""
    if not text:
        return ()
    try:
        rows = json.loads(text)
    except ValueError:
        return ()
    blocks: list[Block] = []
    for row in rows if isinstance(rows, list) else ():
        if not isinstance(row, list) or len(row) < 2 or row[0] not in _KINDS:
            continue
        url = row[2] if len(row) > 2 and isinstance(row[2], str) else None
        level = row[3] if len(row) > 3 and isinstance(row[3], int) else 0
        blocks.append(Block(cast(BlockKind, row[0]), str(row[1]), url, level))
    return tuple(blocks)
