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
def _table() -> tuple[dict[int, str], re.Pattern[str]]:
    """The translation table and a pattern finding any character it changes."""
    chars = list(PAIRS)
    traditional = chars[0::2]
    table = {ord(t): s for t, s in zip(traditional, chars[1::2], strict=True)}
    return table, re.compile("[" + "".join(traditional) + "]")


def fold(text: str | None) -> str:
    """``text`` as the index keeps it; None (no author, say) folds to ''."""
    if not text:
        return ""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    table, traditional = _table()
    # Most text is Simplified or Latin: looking is much cheaper than translating.
    if traditional.search(text):
        text = text.translate(table)
    return text


def fold_body(body: str | None) -> str:
    """A stored (JSON) body as folded plain text: the words a reader sees, not the markup."""
    if not body or body == "[]":
        return ""
    return fold(blocks_to_plain(decode_blocks(body)))
