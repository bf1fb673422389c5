"""Folding text for search: Simplified and Traditional alike, case, full and half width.

The index holds folded text and every query is folded the same way, so 基層 finds 基层,
ＡＩ finds ai and Straße finds STRASSE. Folding is per character (NFKC, ``casefold``, then
a Traditional → Simplified table taken from OpenCC): a phrase converter would fold a word
differently inside a sentence than alone, and a substring of the text would stop matching
the same substring typed as a query.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from suxun_tui.models import blocks_to_plain
from suxun_tui.store.codec import decode_blocks
from suxun_tui.store.fold_table import PAIRS


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    chars = list(PAIRS)
    return {ord(t): s for t, s in zip(chars[0::2], chars[1::2], strict=True)}


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern[str]:
    """Any character the table changes; compiled once, and only for long texts (the
    regex takes tens of milliseconds to build, too much for one query's process)."""
    return re.compile("[" + "".join(chr(code) for code in _table()) + "]")


SHORT = 256  # below this many characters, translating is cheaper than looking first


def fold(text: str | None) -> str:
    """``text`` as the index keeps it; None (no author, say) folds to ''."""
    if not text:
        return ""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    # Most text is Simplified or Latin: for long text, looking is much cheaper than
    # translating.
    if len(text) < SHORT or _traditional().search(text):
        text = text.translate(_table())
    return text


def fold_body(body: str | None) -> str:
    """A stored (JSON) body as folded plain text: the words a reader sees, not the markup."""
    if not body or body == "[]":
        return ""
    return fold(blocks_to_plain(decode_blocks(body)))
