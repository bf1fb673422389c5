"""The display script (original / Simplified / Traditional), a view setting only.

Conversion lives in ``suxun_tui.pages.cleanup`` (OpenCC, phrase-aware). The import is
guarded so that the reader still works, showing the original text, if that module or
OpenCC is unavailable.
"""

from __future__ import annotations

from collections.abc import Callable

from suxun_tui.config import SCRIPTS

_convert_script: Callable[[str, str], str] | None
try:
    from suxun_tui.pages.cleanup import convert_script as _convert_script
except ImportError:  # pragma: no cover - the module ships with the package
    _convert_script = None

LABELS = {"original": "原文", "simplified": "简体", "traditional": "繁體"}


def next_script(script: str) -> str:
    """The next script in the cycle original → simplified → traditional → original."""
    index = SCRIPTS.index(script) if script in SCRIPTS else -1
    return SCRIPTS[(index + 1) % len(SCRIPTS)]


def converter(script: str) -> Callable[[str], str]:
    """A function converting display text to ``script``; identity for ``original``."""
    convert = _convert_script
    if script == "original" or convert is None:
        return _identity

    def apply(text: str) -> str:
        return convert(text, script) if text else text

    return apply


def meta_script(script: str) -> str:
    """The script of the metadata line: its labels (来源, 编辑) are Simplified, so in
    "original" mode the names beside them are shown in Simplified too."""
    return "simplified" if script == "original" else script


def _identity(text: str) -> str:
    return text
