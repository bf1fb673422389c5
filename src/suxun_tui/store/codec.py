"""How article bodies are kept in one TEXT column: compact JSON of block tuples.

A row is ``[kind, text]``, then ``url, level`` when either is set, then the links inside
the text as ``[[start, end, href], ...]`` when there are any. Rows written before links
were kept have no fifth field and read as blocks without links; a span that does not fit
its text is dropped, never an error.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, cast, get_args

from suxun_tui.models import Block, BlockKind, LinkSpan

# The kinds a stored row may name (a row of any other is skipped, here and in
# store.fold.body_plain).
KINDS = frozenset(get_args(BlockKind))
_QUOTED = {kind: encode_basestring(kind) for kind in KINDS}  # each kind as JSON, made once


def encode_blocks(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The blocks as stored: ``json.dumps`` of the rows (compact, not ASCII-escaped).

    Most bodies are only kinds and texts (no link, level or spans): those rows are
    written with the encoder's own string quoting, the exact text ``json.dumps`` gives,
    at half its cost (it is paid for every article a refresh stores)."""
    quote = encode_basestring
    plain: list[str] = []
    for b in blocks:
        if b.url or b.level or b.links:
            break
        plain.append(f"[{_QUOTED.get(b.kind) or quote(b.kind)},{quote(b.text)}]")
    else:
        return "[" + ",".join(plain) + "]"
    rows: list[list[Any]] = []
    for b in blocks:
        row: list[Any] = [b.kind, b.text]
        if b.url or b.level or b.links:
            row += [b.url, b.level]
        if b.links:
            row.append([list(span) for span in b.links])
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _spans(value: object, text: str) -> tuple[LinkSpan, ...]:
    """The stored spans that fit ``text``, in order and not overlapping."""
    if not isinstance(value, list):
        return ()
    spans: list[LinkSpan] = []
    end_of_last = 0
    for item in value:
        if not (isinstance(item, list) and len(item) == 3):
            continue
        start, end, href = item
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(href, str)):
            continue
        if end_of_last <= start < end <= len(text) and href:
            spans.append((start, end, href))
            end_of_last = end
    return tuple(spans)


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
        if not isinstance(row, list) or len(row) < 2 or row[0] not in KINDS:
            continue
        body = str(row[1])
        url = row[2] if len(row) > 2 and isinstance(row[2], str) else None
        level = row[3] if len(row) > 3 and isinstance(row[3], int) else 0
        links = _spans(row[4], body) if len(row) > 4 else ()
        blocks.append(Block(cast(BlockKind, row[0]), body, url, level, links))
    return tuple(blocks)
