"""The damage a copy of a Chinese page carries, repaired wherever its text enters.

A feed that republishes a damaged page (a regional site's RSS, say) carries the same GBK
runs read one byte off and the same flattened pinyin as the page itself; read through the
feed, the article would show ``?;鶎邮亲晕…`` and ``關(guān)注`` where the page's copy, read by
the extractor, shows clean text. This is that repair for text that is already clean of
markup and spacing (a feed's paragraph, title or author): the GBK re-reading
(:mod:`suxun_tui.text.mojibake`) before the pinyin (:mod:`suxun_tui.text.pinyin`), since a
re-read run can end in a character whose pinyin only then follows an ideograph.

Both kinds of damage need characters outside ASCII (an ideograph, a tone mark), and the
re-reading an unpairable byte (``?`` or ``\ufffd``): text without them — nearly every
feed's — costs two or three substring tests.
"""

from __future__ import annotations

from suxun_tui.text.mojibake import repair_mojibake
from suxun_tui.text.pinyin import repair_pinyin


def repair_damage(text: str) -> str:
    """``text`` with what can be re-read re-read and flattened pinyin removed; text that
    shows no such damage comes back as the same object."""
    if not text or text.isascii():
        return text
    if "?" in text or "\ufffd" in text:
        text = repair_mojibake(text)
    return repair_pinyin(text)
