"""Flattened pinyin annotations: ``關(guān)注`` read as ``關注``.

Some earlier tool kept a ``<ruby>``'s ``<rt>`` as text, so a Chinese page (or a feed
carrying it) shows each annotated character followed by its reading in brackets. Only a
bracketed pinyin syllable *with a tone mark* right after a CJK ideograph is such an
artifact; ``(记者 张三)``, ``(2025)``, ``(非江苏苏讯网)`` and a toneless ``(de)`` are text and
stay. Pages (``suxun_tui.pages``) and feeds (``suxun_tui.feeds``) both repair with this.
"""

from __future__ import annotations

import re
from functools import lru_cache

# CJK Unified Ideographs, Extension A, Compatibility Ideographs and Extensions B-H.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛ"
_VOWELS = "aeiouvüÜAEIOUV" + _TONED
# One pinyin syllable: optional initial, a vowel cluster containing a tone mark, optional
# final consonant(s). The lookahead requires the tone mark; toneless "(de)" or "(ok)" stays.
_SYLLABLE = (
    rf"(?=[a-zA-Züü{_TONED}]*[{_TONED}])"
    rf"(?:[zcsZCS]h|[bpmfdtnlgkhjqxrzcsywBPMFDTNLGKHJQXRZCSYW])?"
    rf"[{_VOWELS}]{{1,4}}(?:ng|n|r)?"
)


@lru_cache(maxsize=1)
def _pinyin() -> re.Pattern[str]:
    """Compiled on first use: a refresh of feeds without brackets never needs it."""
    return re.compile(rf"(?<=[{CJK}])(?:[(（]{_SYLLABLE}[)）])+")


def repair_pinyin(text: str) -> str:
    """Remove flattened pinyin such as ``(guān)`` that directly follows a Chinese character."""
    if not text or "(" not in text and "（" not in text:
        return text
    return _pinyin().sub("", text)
