"""Simplified and Traditional Chinese: the reader's script choice, applied to any text.

Users choose original, Simplified or Traditional. OpenCC converts phrases, not just
characters, and its converters are expensive to build, so each is built once, on first
use (importing this module does not load OpenCC). Every layer that shows or prints text
converts through here: the CLI's ``extract --script``, the reader's ``t`` key.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache

__all__ = ["SCRIPTS", "convert_script"]

SCRIPTS: tuple[str, ...] = ("original", "simplified", "traditional")

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
