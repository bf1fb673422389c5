"""Folding text for search: Simplified and Traditional alike, case, full and half width.

The index holds folded text and every query is folded the same way, so 基層 finds 基层,
ＡＩ finds ai and Straße finds STRASSE. Folding is per character (NFKC, ``casefold``, then
a Traditional → Simplified table taken from OpenCC): a phrase converter would fold a word
differently inside a sentence than alone, and a substring of the text would stop matching
the same substring typed as a query.

Folding runs for every article the index takes in and every queued article a search
reads, so its cost counts: the common cases (full-width punctuation, Simplified text,
plain paragraphs) take quick paths that give exactly what the general ones give.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import cast

from suxun_tui.models import Block, BlockKind, blocks_to_plain
from suxun_tui.store.codec import KINDS
from suxun_tui.store.fold_table import PAIRS

# Whether this process has built _table and _traditional: read on every fold, where
# asking the caches (``cache_info()`` makes a tuple) cost half of folding a title.
_built = [False, False]


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    chars = list(PAIRS)
    _built[0] = True
    return {ord(t): s for t, s in zip(chars[0::2], chars[1::2], strict=True)}


@lru_cache(maxsize=1)
def _lookup() -> list[int]:
    """:func:`_table` as a list by code point, up to the last one it changes: ``translate``
    reads a list about twice as fast as a dict (no hashing), and leaves a character past
    its end as it is (the lookup's IndexError is a LookupError)."""
    table = _table()
    codes = list(range(max(table) + 1))
    for code, to in table.items():
        codes[code] = ord(to)
    return codes


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern[str]:
    """Any character the table changes; compiled once, and only for long texts (the
    regex takes tens of milliseconds to build, too much for one query's process)."""
    runs: list[list[int]] = []  # as ranges: a third quicker to compile than one by one
    for code in sorted(_table()):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    parts = (chr(low) if low == high else f"{chr(low)}-{chr(high)}" for low, high in runs)
    _built[1] = True
    return re.compile("[" + "".join(parts) + "]")


def forget_tables() -> None:
    """Drop the built tables, as in a process that has folded nothing yet (for tests of
    the paths taken before they are built)."""
    for built in (_table, _lookup, _traditional):
        built.cache_clear()
    _built[:] = [False, False]


SHORT = 256  # below this many characters, translating is cheaper than looking first
BUILD_AFTER = 32  # long texts translated before the pattern is built
_translated = [0]  # how many

# Full-width ASCII forms and the ideographic space, in nearly every Chinese paragraph
# (，：（）): NFKC of a page holding them costs about 100 µs. Each is replaced by its
# own compatibility decomposition first, which leaves the text's NFKD — and so its NFKC —
# unchanged; when the result is then already NFKC it is the answer, else the general
# normalization runs on the original.
_WIDE = re.compile("[\u3000\uff01-\uff5e]")


@lru_cache(maxsize=1)
def _narrow() -> dict[str, str]:
    wide = ["\u3000", *map(chr, range(0xFF01, 0xFF5F))]
    return {char: unicodedata.normalize("NFKD", char) for char in wide}


# The full-width forms of nearly every Chinese paragraph, replaced first with
# ``str.replace`` (a search at C speed each; the regex below calls back into Python for
# every match).
_COMMON_WIDE = "，：（）；！？"


def _nfkc(text: str) -> str:
    if unicodedata.is_normalized("NFKC", text):
        return text
    narrow = _narrow()
    narrowed = text
    for char in _COMMON_WIDE:
        if char in narrowed:
            narrowed = narrowed.replace(char, narrow[char])
    if narrowed is not text and unicodedata.is_normalized("NFKC", narrowed):
        return narrowed
    narrowed = _WIDE.sub(lambda m: narrow[m.group()], narrowed)
    if unicodedata.is_normalized("NFKC", narrowed):
        return narrowed
    return unicodedata.normalize("NFKC", text)


def fold(text: str | None) -> str:
    """``text`` as the index keeps it; None (no author, say) folds to ''."""
    if not text:
        return ""
    text = _nfkc(text).casefold()
    if text.isascii():  # the table changes no ASCII character
        return text
    if len(text) <= FEW and not _built[0]:
        return "".join(map(_simplified, text))
    # Most text is Simplified or Latin: looking is much cheaper than translating (for a
    # title too, once the pattern is built for the long texts) — but the pattern costs as
    # much to build as translating some thirty long texts (a search process folds a few).
    built = _built[1]
    if not built and (len(text) < SHORT or _translated[0] < BUILD_AFTER):
        _translated[0] += len(text) >= SHORT
        return text.translate(_lookup())
    if _traditional().search(text):
        text = text.translate(_lookup())
    return text


# A query of a few characters, in a process that has not built the table (a
# ``suxun-tui search``: building it costs a few milliseconds), looks each character up in
# the pairs themselves.
FEW = 32


def build_table() -> None:
    """Build the table now: for a writer about to fold many short texts (the titles of a
    refresh's new articles), which would otherwise each search the pairs character by
    character — about ten times the cost of the table's ``translate`` for a title."""
    _lookup()


def _simplified(char: str) -> str:
    """``char`` through the table, found among the pairs (a Traditional one at an even
    position; the same character may also stand at odd ones, as a Simplified one)."""
    at = PAIRS.find(char)
    while at >= 0 and at % 2:
        at = PAIRS.find(char, at + 1)
    return char if at < 0 else PAIRS[at + 1]


# Kinds whose plain text is their text as it stands (Block.as_plain adds nothing).
_AS_IS = KINDS - {"image", "media", "list_item", "quote"}


def body_plain(body: str | None) -> str:
    """A stored (JSON) body's plain text: ``blocks_to_plain(decode_blocks(body))``, read
    without building a block for every paragraph (the stored rows are read the same way
    :func:`suxun_tui.store.codec.decode_blocks` reads them)."""
    if not body:
        return ""
    try:
        rows = json.loads(body)
    except ValueError:
        return ""
    return _plain(rows)


def bodies_plain(bodies: list[str | None]) -> list[str]:
    """:func:`body_plain` of each body, the JSON of all read in one call (a call per
    body cost a first refresh's filler about as much as walking the rows).

    Only bodies as the store writes them are joined: each an array (``[`` … ``]``), the
    whole read as exactly one array per body; otherwise (a damaged row) each is read
    alone, so a body never lends its values to its neighbour."""
    if not all(body is None or (body[:1] == "[" and body[-1:] == "]") for body in bodies):
        return [body_plain(body) for body in bodies]
    try:
        decoded = json.loads("[" + ",".join([body or "null" for body in bodies]) + "]")
    except ValueError:
        return [body_plain(body) for body in bodies]
    if len(decoded) != len(bodies) or not all(
        (rows is None) if body is None else isinstance(rows, list)
        for body, rows in zip(bodies, decoded, strict=True)
    ):
        return [body_plain(body) for body in bodies]
    return [_plain(rows) for rows in decoded]


def _plain(rows: object) -> str:
    """The plain text of a stored body's decoded rows (see :func:`body_plain`)."""
    parts: list[str] = []
    for row in rows if isinstance(rows, list) else ():
        if not isinstance(row, list) or len(row) < 2 or row[0] not in KINDS:
            continue
        kind, text = row[0], str(row[1])
        if kind in _AS_IS:
            if text:
                parts.append(text)
            continue
        url = row[2] if len(row) > 2 and isinstance(row[2], str) else None
        level = row[3] if len(row) > 3 and isinstance(row[3], int) else 0
        plain = blocks_to_plain((Block(cast(BlockKind, kind), text, url, level),))
        if plain:  # empty exactly when blocks_to_plain leaves the block out
            parts.append(plain)
    return "\n\n".join(parts)


def fold_body(body: str | None) -> str:
    """A stored (JSON) body as folded plain text: the words a reader sees, not the markup."""
    if not body or body == "[]":
        return ""
    return fold(body_plain(body))
