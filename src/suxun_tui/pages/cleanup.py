"""Repair and normalise Chinese text taken from web pages.

Three kinds of damage are common enough to fix everywhere text enters the reader:

* flattened pinyin annotations, ``關(guān)注``: a ``<ruby>`` whose ``<rt>`` was kept as text by
  some earlier tool. Only a parenthesised pinyin syllable *with a tone mark* right after a CJK
  ideograph is such an artifact; ``(记者 张三)``, ``(2025)`` and ``(非江苏苏讯网)`` are text and
  stay;
* whitespace: full-width indents, no-break spaces, hard-wrapped lines inside a paragraph
  (a newline between two Chinese characters is not a space);
* the script: users choose original, Simplified or Traditional; OpenCC converts phrases, not
  just characters, and its converters are expensive to build, so they are cached.

Corrupted runs (``?;鶎邮亲晕腋锩``) cannot be repaired and are left alone: every function
here accepts any string and never raises.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache

from suxun_tui.sanitize import clean_line, clean_text

__all__ = [
    "CJK",
    "clean_block_text",
    "convert_script",
    "normalize_whitespace",
    "repair_pinyin",
    "SCRIPTS",
]

SCRIPTS = ("original", "simplified", "traditional")

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
_PINYIN = re.compile(rf"(?<=[{CJK}])(?:[(（]{_SYLLABLE}[)）])+")

_NEWLINE_BETWEEN_CJK = re.compile(
    rf"(?<=[{CJK}\u3000-\u303f\uff00-\uffef])[ \t\u3000\u00a0]*\n\s*"
    rf"(?=[{CJK}\u3000-\u303f\uff00-\uffef])"
)
_INLINE_SPACE = re.compile(r"[ \t\u00a0\u3000\u2000-\u200b\u2028\u2029\ufeff\u200c\u200d]+")


def repair_pinyin(text: str) -> str:
    """Remove flattened pinyin such as ``(guān)`` that directly follows a Chinese character."""
    if not text or "(" not in text and "（" not in text:
        return text
    return _PINYIN.sub("", text)


def normalize_whitespace(text: str, *, multiline: bool = False) -> str:
    """Fold spaces and indents; join hard-wrapped Chinese lines without inserting spaces.

    With ``multiline`` the remaining line breaks are kept (one per line, no blank runs);
    otherwise the result is a single line.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _NEWLINE_BETWEEN_CJK.sub("", text)
    if not multiline:
        return _INLINE_SPACE.sub(" ", " ".join(text.split())).strip()
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_block_text(text: str, *, multiline: bool = False) -> str:
    """Everything a body paragraph or field needs: controls, pinyin, whitespace.

    Idempotent: ``clean_block_text(clean_block_text(x)) == clean_block_text(x)``.
    """
    if not text:
        return ""
    text = repair_pinyin(normalize_whitespace(text, multiline=multiline))
    # Removing pinyin can leave a double space behind; fold once more.
    if multiline:
        return normalize_whitespace(clean_text(text), multiline=True)
    return normalize_whitespace(clean_line(text))


_CONFIGS = {"simplified": "t2s", "traditional": "s2t"}
_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _converter(config: str) -> Callable[[str], str] | None:
    """Build one OpenCC converter per configuration, once; None if OpenCC is missing."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - declared dependency
        return None
    conv = opencc.OpenCC(config)
    convert: Callable[[str], str] = conv.convert
    return convert


def convert_script(text: str, script: str) -> str:
    """Convert between Simplified and Traditional Chinese; ``original`` returns ``text``.

    Unknown script names are treated as ``original`` rather than raising: the value comes
    from user configuration and must not break reading.
    """
    if not text or script not in _CONFIGS:
        return text
    with _LOCK:
        convert = _converter(_CONFIGS[script])
    if convert is None:
        return text
    try:
        return convert(text)
    except Exception:  # noqa: BLE001 - a native converter must never break reading
        return text
