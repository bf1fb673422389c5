"""Repair and normalise Chinese text taken from web pages.

Three kinds of damage are common enough to fix everywhere text enters the reader:

* flattened pinyin annotations, ``關(guān)注``: a ``<ruby>`` whose ``<rt>`` was kept as text by
  some earlier tool. Only a parenthesised pinyin syllable *with a tone mark* right after a CJK
  ideograph is such an artifact; ``(记者 张三)``, ``(2025)`` and ``(非江苏苏讯网)`` are text and
  stay;
* whitespace: full-width indents, no-break spaces, hard-wrapped lines inside a paragraph
  (a newline between two Chinese characters is not a space);

The choice of script (Simplified or Traditional) is ``suxun_tui.text.script``'s job.

Runs of GBK read one byte off (``?;鶎邮亲晕腋锩``) are re-read by
``suxun_tui.text.mojibake`` where the re-reading is far more probable Chinese, and left alone
otherwise: every function here accepts any string and never raises.
"""

from __future__ import annotations

import re

from suxun_tui.text.mojibake import repair_mojibake
from suxun_tui.text.pinyin import CJK, repair_pinyin
from suxun_tui.text.sanitize import clean_line, clean_text

__all__ = [
    "CJK",
    "clean_block_text",
    "normalize_whitespace",
    "repair_pinyin",
]

_NEWLINE_BETWEEN_CJK = re.compile(
    rf"(?<=[{CJK}\u3000-\u303f\uff00-\uffef])[ \t\u3000\u00a0]*\n\s*"
    rf"(?=[{CJK}\u3000-\u303f\uff00-\uffef])"
)
_INLINE_SPACE = re.compile(r"[ \t\u00a0\u3000\u2000-\u200b\u2028\u2029\ufeff\u200c\u200d]+")
# The characters of _INLINE_SPACE that str.split() keeps (they are not whitespace to it).
_ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"


def normalize_whitespace(text: str, *, multiline: bool = False) -> str:
    """Fold spaces and indents; join hard-wrapped Chinese lines without inserting spaces.

    With ``multiline`` the remaining line breaks are kept (one per line, no blank runs);
    otherwise the result is a single line.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:
        text = _NEWLINE_BETWEEN_CJK.sub("", text)
    if not multiline:
        line = " ".join(text.split())
        # After the split only the zero-width members of _INLINE_SPACE can be left.
        if any(ch in line for ch in _ZERO_WIDTH):
            return _INLINE_SPACE.sub(" ", line).strip()
        return line
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_block_text(text: str, *, multiline: bool = False) -> str:
    """Everything a body paragraph or field needs: controls, mojibake, pinyin, whitespace.

    Mojibake is repaired before pinyin: a re-read run can end in a character whose flattened
    pinyin only then follows an ideograph (``椤氨O(jiān)`` -> ``為“監(jiān)`` -> ``為“監``).
    Idempotent: ``clean_block_text(clean_block_text(x)) == clean_block_text(x)``.
    """
    if not text:
        return ""
    text = repair_pinyin(repair_mojibake(normalize_whitespace(text, multiline=multiline)))
    # Removing pinyin can leave a double space behind; fold once more.
    if multiline:
        return normalize_whitespace(clean_text(text), multiline=True)
    return normalize_whitespace(clean_line(text))
