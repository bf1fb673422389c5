"""Repair GBK text that was read one byte off; mark what cannot be recovered.

The damage, reverse-engineered byte by byte on the seed page (江苏苏讯网): the page's text
(Traditional) was GBK; somewhere a decoder lost one byte and read the rest of the run out of
step, so every decoded character is the *trail* byte of one true character joined to the
*lead* byte of the next. True ``”。基層是自我革命的“前沿陣地”。基層直面群眾,`` is GBK ``a1b1 a1a3
bbf9 8cd3 cac7 … b5d8 a1b1 a1a3 bbf9 8cd3 d6b1 c3e6 c8ba b18a 2c``; the page shows
``”?;鶎邮亲晕腋锩\\ue3c0摹扒把仃嚨亍??;鶎又泵嫒罕?,``:

* ``?`` is one byte the decoder could not pair (``a1``; ``b1`` ``a1``; ``8a`` before ``,``);
* ``;`` is ``a3bb`` = ``；``, folded to ASCII later like all the page's fullwidth punctuation;
* ``\\ue3c0`` is ``fcb5`` read by a GB18030/cp936 decoder into the Private Use Area;
* the run ends where an ASCII byte (``,``) puts the decoder back in step.

The second seed run, ``變?yōu)椤氨O(jiān)督員`` (true ``變為“監督員``): ``?`` is the lead byte
``9e`` of ``為``, swallowed with the ``(`` of a flattened pinyin annotation ``(yōu)`` that a
later tool put after the misread character (``839e`` = ``優``, yōu: the tail of ``變`` and that
lead byte); ``椤氨O`` is ``e9a1 b0b1 4f`` = ``為“監`` one byte late, the last trail byte read
as ASCII ``O``.

So a run is repaired by turning it back into bytes (each ``?`` or ``\\ufffd`` an *unknown*
byte, ASCII punctuation inside the run its fullwidth GBK form) and pairing them one byte
earlier. A pair with one unknown byte is resolved by the character model
(:mod:`suxun_tui.text.hanzi_model`) from the ~190 characters it could be, with its neighbours'
pair bonuses; ``?? -> ”。`` and ``b1? -> 眾`` come out of that.

How runs are found and kept (the thresholds are measured in ``benchmarks/mojibake_safety.py``):

* a fast pre-check: one regex finds characters rarer than ``RARE_COST`` nats (outside the
  ~2,500 commonest), Private Use Area characters and ``\\ufffd``. Most paragraphs have none
  and are returned untouched;
* suspects closer than ``_GAP`` characters form a cluster; spans starting and ending up to
  ``_EDGE`` characters around it are re-read at both byte offsets;
* a re-reading is kept only if its log-likelihood beats the page's text by at least
  ``MIN_GAIN`` nats in all and ``MIN_GAIN_PER_CHAR`` per character: a likelihood-ratio test
  that real (even rare) Chinese does not pass, because shifting real GBK text yields noise.

What a reader sees when a byte cannot be recovered: ``\\ufffd`` (�), the Unicode replacement
character, in place of a character whose missing byte the model cannot pick with a margin of
``MIN_MARGIN`` nats — it says honestly "one character was lost here" without inventing one.
A run that no re-reading explains is left as it is: it cannot be told from rare but real
text, and deleting text is worse than showing noise. Every function accepts any string and
never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from suxun_tui.text.hanzi_model import HanziModel, load_model

__all__ = ["MARK", "repair_mojibake"]

MARK = "\ufffd"
RARE_COST = 11.0  # nats; characters rarer than this start a check
MIN_GAIN = 15.0  # nats over the whole span (a likelihood ratio of ~3e6)
MIN_GAIN_PER_CHAR = 2.5  # nats per character of the span
MIN_MARGIN = 3.0  # nats between the best and second-best guess for a lost byte
_GAP = 6  # a run goes on while suspects are fewer than this many characters apart
_EDGE = 4  # how far a run may reach beyond its last suspect
_MAX_RUN = 400  # units; longer runs are cut (cost bound)
_WILDCARDS = "?\ufffd"
_ANCHOR = re.compile("[?\ufffd]")
_UNKNOWN = -1  # an unknown byte
_CANDIDATES = 40  # guesses kept for a pair with one unknown byte, by character cost

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
# A flattened annotation whose "(" the decoder swallowed with the lead byte before it.
_BROKEN_ANNOTATION = re.compile(rf"[a-zü]*[{_TONED}][a-zü]*\)")


@dataclass(frozen=True)
class _Unit:
    """One character of the page as the bytes the broken decoder had read for it."""

    start: int
    end: int
    data: tuple[int, ...]


@lru_cache(maxsize=1)
def _suspect_pattern() -> re.Pattern[str] | None:
    """A regex matching any rare CJK, Private Use or replacement character (the pre-check)."""
    model = load_model()
    if model is None:
        return None
    common = {ch for ch in model.costs if model.costs[ch] < RARE_COST}
    common |= {t for t, s in model.folds.items() if s in common}
    ranges: list[str] = []
    lo = None
    for cp in range(0x3400, 0xA000):
        rare = chr(cp) not in common
        if rare and lo is None:
            lo = cp
        elif not rare and lo is not None:
            ranges.append(f"{chr(lo)}-{chr(cp - 1)}")
            lo = None
    if lo is not None:
        ranges.append(f"{chr(lo)}-\u9fff")
    return re.compile("[" + "".join(ranges) + "\ue000-\uf8ff\uf900-\ufaff]")


def _unit_at(text: str, i: int) -> _Unit | None:
    """The bytes of ``text[i]`` (and of an annotation it swallowed), or None: not in a run."""
    ch = text[i]
    if ch in "?\ufffd":
        m = _BROKEN_ANNOTATION.match(text, i + 1) if ch == "?" else None
        return _Unit(i, m.end() if m else i + 1, (_UNKNOWN,))
    code = ord(ch)
    if 0x21 <= code <= 0x7E:
        if ch.isalnum():
            return _Unit(i, i + 1, (code,))
        ch = chr(code + 0xFEE0)  # fullwidth punctuation folded to ASCII after the damage
    try:
        data = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return _Unit(i, i + 1, tuple(data)) if len(data) == 2 else None


@lru_cache(maxsize=512)
def _guesses(lead: int, trail: int) -> tuple[str, ...]:
    """Characters a GBK pair with one unknown byte can be, commonest first (capped)."""
    model = load_model()
    found: list[str] = []
    leads = range(0x81, 0xFF) if lead == _UNKNOWN else (lead,)
    trails = [t for t in range(0x40, 0xFF) if t != 0x7F] if trail == _UNKNOWN else [trail]
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


def _reread(data: list[int]) -> list[tuple[str, ...]] | None:
    """Pair bytes from the first one: each position's possible characters; None if invalid."""
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(data):
        lead = data[i]
        if 0 <= lead < 0x80:
            out.append((chr(lead),))
            i += 1
            continue
        trail = data[i + 1] if i + 1 < len(data) else _UNKNOWN
        i += 2
        if lead == _UNKNOWN and trail == _UNKNOWN:
            out.append((MARK,))
        elif _UNKNOWN in (lead, trail):
            guesses = _guesses(lead, trail)
            if not guesses:
                return None
            out.append(guesses)
        else:
            try:
                out.append((bytes((lead, trail)).decode("gb18030"),))
            except UnicodeDecodeError:
                return None
    return out


def _best_reading(
    model: HanziModel, options: list[tuple[str, ...]], left: str, right: str
) -> tuple[str, float]:
    """Most probable string through the options (Viterbi), lost bytes below margin marked.

    A forward and a backward pass give, for every option, the best score of a whole reading
    through it; a guessed position whose best and second-best whole readings differ by less
    than ``MIN_MARGIN`` is shown as ``MARK``.
    """
    bonuses = model.bonuses
    folded = [tuple(model.fold(ch) for ch in opts) for opts in options]
    costs = [
        tuple(model.unknown if ch == MARK else model.cost(ch) for ch in opts) for opts in options
    ]
    n = len(options)
    fwd: list[list[float]] = []
    back: list[list[int]] = []
    prev_f: tuple[str, ...] = (model.fold(left),) if left else ("",)
    prev_s = [0.0]
    for pos in range(n):
        scores: list[float] = []
        links: list[int] = []
        for ch, cost in zip(folded[pos], costs[pos], strict=True):
            best, arg = -1e18, 0
            for k, p in enumerate(prev_f):
                value = prev_s[k] + bonuses.get(p + ch, 0.0)
                if value > best:
                    best, arg = value, k
            scores.append(best - cost)
            links.append(arg)
        fwd.append(scores)
        back.append(links)
        prev_f, prev_s = folded[pos], scores
    bwd: list[list[float]] = [[0.0] * len(o) for o in options]
    next_f: tuple[str, ...] = (model.fold(right),) if right else ("",)
    next_s = [0.0]
    for pos in range(n - 1, -1, -1):
        row = bwd[pos]
        for j, ch in enumerate(folded[pos]):
            row[j] = max(next_s[k] + bonuses.get(ch + q, 0.0) for k, q in enumerate(next_f))
        next_f = folded[pos]
        next_s = [row[j] - costs[pos][j] for j in range(len(row))]
    totals = [fwd[-1][j] + bwd[-1][j] for j in range(len(options[-1]))]
    j = max(range(len(totals)), key=totals.__getitem__)
    total = totals[j]
    chars: list[str] = []
    for pos in range(n - 1, -1, -1):
        opts = options[pos]
        ch = opts[j]
        if len(opts) > 1:
            ranked = sorted((fwd[pos][k] + bwd[pos][k] for k in range(len(opts))), reverse=True)
            if ranked[0] - ranked[1] < MIN_MARGIN:
                ch = MARK
        chars.append(ch)
        j = back[pos][j]
    return "".join(reversed(chars)), total


def _upper_bound(model: HanziModel, options: list[tuple[str, ...]], left: str, right: str) -> float:
    """A cheap ceiling on ``_best_reading``'s score, so most readings skip the Viterbi pass.

    A guessed position takes its best guess between known neighbours; where a neighbour is
    itself a guess, the largest bonus in the table stands in for the pair.
    """
    top = model.max_bonus
    chars = [opts[0] if len(opts) == 1 else "" for opts in options]
    total = 0.0
    for pos, opts in enumerate(options):
        before = chars[pos - 1] if pos else left
        after = chars[pos + 1] if pos + 1 < len(chars) else right
        if len(opts) == 1:
            ch = opts[0]
            total -= model.unknown if ch == MARK else model.cost(ch)
            if before:
                total += model.bonus(before, ch)
            elif pos:
                total += top
            continue
        best = -1e18
        for ch in opts:
            value = -model.cost(ch)
            value += model.bonus(before, ch) if before else (top if pos else 0.0)
            value += model.bonus(ch, after) if after else 0.0
            best = max(best, value)
        total += best
    if chars and chars[-1] and right:
        total += model.bonus(chars[-1], right)
    return total


def _run_units(text: str, start: int, pattern: re.Pattern[str]) -> tuple[list[_Unit], int]:
    """Units of a possible run from the unpairable byte at ``start``; and the last suspect's.

    The run reaches on while units can be bytes and suspects keep coming (no gap of
    ``_GAP`` units without one). An ASCII letter or digit is one byte of it: a trail byte
    in 0x40-0x7e that the decoder, out of step, read on its own (the seed's ``氨O``).
    Returns ([], -1) when no suspect follows the anchor closely.
    """
    units: list[_Unit] = []
    last = -1
    i = start
    while i < len(text) and len(units) < _MAX_RUN:
        unit = _unit_at(text, i)
        if unit is None:
            break
        units.append(unit)
        k = len(units) - 1
        if pattern.match(text, i) and text[i] not in _WILDCARDS:
            last = k
        if k - max(last, 0) >= _GAP:
            break
        i = unit.end
    return (units, last) if last > 0 else ([], -1)


def _repair_run(
    model: HanziModel, text: str, units: list[_Unit], last: int
) -> tuple[int, int, str] | None:
    """Best re-reading of ``units[0:e]`` for ends around the last suspect, or None.

    The reading pairs the bytes from the anchor's unknown byte (the byte model above); it is
    kept only if it beats the page's own text by the likelihood-ratio thresholds.
    """
    best: tuple[float, int, int, str] | None = None
    start = units[0].start
    left = text[start - 1] if start else ""
    for e in range(last + 1, min(len(units), last + 1 + _EDGE) + 1):
        span = units[:e]
        end = span[-1].end
        right = text[end] if end < len(text) else ""
        options = _reread([b for u in span for b in u.data])
        if not options:
            continue
        original = model.log_prob(text[start:end], left, right)
        if _upper_bound(model, options, left, right) - original < MIN_GAIN:
            continue
        reading, score = _best_reading(model, options, left, right)
        gain = score - original
        if gain < MIN_GAIN or gain < MIN_GAIN_PER_CHAR * len(reading):
            continue
        if best is None or gain > best[0]:
            best = (gain, start, end, reading)
    return None if best is None else best[1:]


def repair_mojibake(text: str) -> str:
    """Re-read GBK runs decoded one byte off; leave everything else exactly as it is.

    Never raises, and never lengthens a run: a re-reading has one character per two bytes
    of the span, which had at least one character per two bytes.
    """
    if not text or ("?" not in text and "\ufffd" not in text):
        return text  # the fast path: every run starts at a byte the decoder could not pair
    pattern = _suspect_pattern()
    model = load_model()
    if pattern is None or model is None or pattern.search(text) is None:
        return text
    try:
        return _repair(model, text, pattern)
    except Exception:  # noqa: BLE001 - damaged text must never break reading
        return text


def _repair(model: HanziModel, text: str, pattern: re.Pattern[str]) -> str:
    out: list[str] = []
    done = 0
    for m in _ANCHOR.finditer(text):
        if m.start() < done:
            continue
        if pattern.search(text, m.end(), m.start() + _GAP) is None:
            continue  # no rare character right after it: an ordinary question mark
        units, last = _run_units(text, m.start(), pattern)
        if not units:
            continue
        found = _repair_run(model, text, units, last)
        if found is None:
            continue
        start, end, reading = found
        out.append(text[done:start])
        out.append(reading)
        done = end
    out.append(text[done:])
    return "".join(out)
