"""feedparser's last steps on every text it reports, for the fast reader to match exactly.

feedparser undoes UTF-8 that was decoded as Latin-1 (``Ã©`` → ``é``) and maps the C1
range to the characters cp1252 puts there (curly quotes from Windows editors). The fast
reader (:mod:`.fastfeed`) must report what feedparser would, so it applies the same two
steps; kept apart because they are about text, not about walking a feed.
"""

from __future__ import annotations

import contextlib
import re

_C1 = re.compile("[\x80-\x9f]")
_WIDE = re.compile("[^\x00-\xff]")
_CP1252 = {c: bytes([c]).decode("cp1252", "replace") for c in range(128, 160)}
_CP1252.update({c: chr(c) for c in (129, 141, 143, 144, 157)})  # undefined in cp1252


def repair(text: str) -> str:
    """feedparser's last steps on every text: undo double-encoded UTF-8, map cp1252."""
    if not text.isascii():
        if not _WIDE.search(text):  # else not Latin-1 (Chinese text): nothing to undo
            with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                text = text.encode("iso-8859-1").decode("utf-8")
        if _C1.search(text):
            text = text.translate(_CP1252)
    return text
