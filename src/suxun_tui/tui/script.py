"""The display script (original / Simplified / Traditional), a view setting only.

Conversion lives in the core, ``suxun_tui.text.script`` (OpenCC, phrase-aware, loaded
on first use); this module holds only what the reader adds: labels and the cycle.
"""

from __future__ import annotations

from collections.abc import Callable

from suxun_tui.text.script import SCRIPTS, convert_script

LABELS = {"original": "原文", "simplified": "简体", "traditional": "繁體"}


def next_script(script: str) -> str:
    """The next script in the cycle original → simplified → traditional → original."""
    index = SCRIPTS.index(script) if script in SCRIPTS else -1
    return SCRIPTS[(index + 1) % len(SCRIPTS)]


def converter(script: str) -> Callable[[str], str]:
    """A function converting display text to ``script``; identity for ``original``."""
    if script == "original":
        return _identity

    def apply(text: str) -> str:
        return convert_script(text, script) if text else text

    return apply


def meta_script(script: str) -> str:
    """The script of the metadata line: its labels (来源, 编辑) are Simplified, so in
    "original" mode the names beside them are shown in Simplified too."""
    return "simplified" if script == "original" else script


def _identity(text: str) -> str:
    return text
