"""The byte side of the mojibake repair: page characters as the GBK bytes a decoder read.

Why a module of its own: :mod:`suxun_tui.text.mojibake` decides *whether* a run is damage
(probabilities); this one only knows bytes — how each character of a damaged run maps back to
the one or two bytes the broken decoder had consumed, how those bytes pair when read one byte
earlier, and which characters a pair with one lost byte can be. Its docstring has the byte
model, reverse-engineered on the seed page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from suxun_tui.text.hanzi_model import load_model

__all__ = ["MARK", "UNKNOWN", "Unit", "guesses", "reread", "unit_at", "variants"]

MARK = "\ufffd"  # what a reader sees for a character whose bytes are lost
UNKNOWN = -1  # an unknown byte
_CANDIDATES = 40  # guesses kept for a pair with one unknown byte, by character cost
_MAX_AMBIGUOUS = 3  # letters per span read both ways (2**3 readings at most)

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
# A flattened annotation whose "(" the decoder swallowed with the lead byte before it.
_BROKEN_ANNOTATION = re.compile(rf"[a-zü]*[{_TONED}][a-zü]*\)")


@dataclass(frozen=True)
class Unit:
    """One character of the page as the bytes the broken decoder had read for it."""

    start: int
    end: int
    data: tuple[int, ...]
    # An ASCII letter or digit may also be a fullwidth one (a3xx) folded after the damage.
    alt: tuple[int, ...] | None = None


def unit_at(text: str, i: int) -> Unit | None:
    """The bytes of ``text[i]`` (and of an annotation it swallowed), or None: not in a run."""
    ch = text[i]
    if ch in "?\ufffd":
        m = _BROKEN_ANNOTATION.match(text, i + 1) if ch == "?" else None
        return Unit(i, m.end() if m else i + 1, (UNKNOWN,))
    code = ord(ch)
    if 0x21 <= code <= 0x7E:
        if ch.isalnum():
            return Unit(i, i + 1, (code,), (0xA3, code + 0x80))
        ch = chr(code + 0xFEE0)  # fullwidth punctuation folded to ASCII after the damage
    try:
        data = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return Unit(i, i + 1, tuple(data)) if len(data) == 2 else None


@lru_cache(maxsize=512)
def guesses(lead: int, trail: int) -> tuple[str, ...]:
    """Characters a GBK pair with one unknown byte can be, commonest first (capped)."""
    model = load_model()
    found: list[str] = []
    leads = range(0x81, 0xFF) if lead == UNKNOWN else (lead,)
    trails = [t for t in range(0x40, 0xFF) if t != 0x7F] if trail == UNKNOWN else [trail]
    for a in leads:
        for b in trails:
            try:
                ch = bytes((a, b)).decode("gbk")
            except UnicodeDecodeError:
                continue
            found.append(ch)
    if model is not None:
        found.sort(key=model.cost)
    return tuple(found[:_CANDIDATES])


def reread(units: list[Unit]) -> tuple[list[tuple[str, ...]], list[bool]] | None:
    """Pair the units' bytes from the first one: each position's possible characters.

    Also says, per position, whether it is *re-read*: its bytes are not exactly one of the
    page's characters. Positions back in step with the page are no evidence of damage.
    None if some known pair is not GBK.
    """
    data = [b for u in units for b in u.data]
    page: dict[int, int] = {}
    offset = 0
    for u in units:
        page[offset] = len(u.data)
        offset += len(u.data)
    out: list[tuple[str, ...]] = []
    moved: list[bool] = []
    i = 0
    while i < len(data):
        lead = data[i]
        if 0 <= lead < 0x80:
            out.append((chr(lead),))
            moved.append(page.get(i) != 1)
            i += 1
            continue
        trail = data[i + 1] if i + 1 < len(data) else UNKNOWN
        moved.append(page.get(i) != 2)
        i += 2
        if lead == UNKNOWN and trail == UNKNOWN:
            out.append((MARK,))
        elif UNKNOWN in (lead, trail):
            found = guesses(lead, trail)
            if not found:
                return None
            out.append(found)
        else:
            try:
                out.append((bytes((lead, trail)).decode("gb18030"),))
            except UnicodeDecodeError:
                return None
    return out, moved


def variants(units: list[Unit]) -> list[list[Unit]]:
    """The span with each of its (at most ``_MAX_AMBIGUOUS``) letters read both ways."""
    out = [units]
    ambiguous = [k for k, u in enumerate(units) if u.alt is not None][:_MAX_AMBIGUOUS]
    for k in ambiguous:
        unit = units[k]
        wide = Unit(unit.start, unit.end, unit.alt or unit.data)
        out += [[*v[:k], wide, *v[k + 1 :]] for v in out]
    return out
