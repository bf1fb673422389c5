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

So a run is repaired by turning it back into bytes (:mod:`suxun_tui.text.gbk_bytes`: each
``?`` or ``\ufffd`` an *unknown* byte, ASCII punctuation inside the run its fullwidth GBK
form, an ASCII letter one byte or a folded fullwidth one, both tried) and pairing them from the
unknown byte on. A pair with one unknown byte is resolved by the character model
(:mod:`suxun_tui.text.hanzi_model`) from the commonest of the ~190 characters it could be, with
its neighbours' pair bonuses (Viterbi); ``?? -> ”。`` and ``b1? -> 眾`` come out of that.
A decoder that drops a byte without a trace is not covered: a reading anchored nowhere found
"runs" in real pages (``咳嗽被 -> ?人员?``).

How runs are found and kept (measured by ``benchmarks/mojibake_safety.py``):

* the pre-check (:func:`looks_damaged`): an unpairable byte (``?``/``\ufffd``) followed within
  ``_GAP`` characters by a *suspect*, a CJK character rarer than ``RARE_COST`` nats (outside
  the ~2,500 commonest) or a Private Use character. Text without ``?`` or ``\ufffd`` costs one
  substring test; 2 of the corpora's 40,396 blocks pass the pre-check;
* the run reaches on while suspects keep coming; ends up to ``_EDGE`` characters past the
  last suspect are tried;
* a reading is kept only if it is far more probable: its *evidence* (known characters' costs
  and pair bonuses; each lost-byte character charged a flat ``GUESS_COST``, since choosing the
  best of 190 proves nothing) beats the page's text by ``MIN_GAIN`` nats (a likelihood ratio
  of ~3e6) and ``MIN_GAIN_PER_CHAR`` per character, with at least ``MIN_KNOWN`` characters
  that are re-read from both bytes on the page (positions back in step with the page are no
  evidence); and it may contain no character the table lacks;
* on 645 synthetic runs from dev prose (the benchmark's recall section) 49 % are repaired;
  in their text 6 characters came back wrong and 433 were marked at ``MIN_MARGIN`` 4 (18
  wrong at 2); the other 51 % are left as they are, mostly short runs of common characters
  that nothing tells from text.

What a reader sees when a byte cannot be recovered: ``\ufffd`` (�), the Unicode replacement
character, in place of a character whose lost byte the model cannot pick with a margin of
``MIN_MARGIN`` nats (``MIN_MARGIN_PUNCTUATION`` for punctuation, whose pairs the table counts
densely, including the ones prose avoids such as ``。。``). It says honestly "one character
was lost here" without inventing one. A run that no reading explains is left as it is: it
cannot be told from rare but real text, and deleting text is worse than showing noise.
Every function accepts any string and never raises.
"""

from __future__ import annotations

import re

from suxun_tui.text.gbk_bytes import MARK, Unit, reread, unit_at, variants
from suxun_tui.text.hanzi_model import HanziModel, load_model

__all__ = ["MARK", "looks_damaged", "repair_mojibake"]

RARE_COST = 11.0  # nats; characters rarer than this start a check
MIN_GAIN = 15.0  # nats over the whole span (a likelihood ratio of ~3e6)
MIN_GAIN_PER_CHAR = 2.5  # nats per character of the span
MIN_MARGIN = 4.0  # nats between the best and second-best guess for a lost byte
MIN_MARGIN_PUNCTUATION = 2.0  # the same for punctuation, whose pairs the table knows well
GUESS_COST = 8.0  # nats charged for a character with a lost byte (an ordinary character)
MIN_KNOWN = 2  # re-read characters, both bytes on the page, a reading must have
_GAP = 6  # a run goes on while suspects are fewer than this many characters apart
_EDGE = 4  # how far a run may reach beyond its last suspect
_PASSES = 4  # repair passes at most (each one only ever shortens or keeps the text)
_MAX_RUN = 400  # units; longer runs are cut (cost bound)
_ANCHOR = re.compile("[?\ufffd]")


def _is_suspect(model: HanziModel, ch: str) -> bool:
    """A CJK character rarer than ``RARE_COST``, or a Private Use character: damage's mark."""
    if "\ue000" <= ch <= "\uf8ff":
        return True
    return ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff") and (
        model.cost(ch) >= RARE_COST
    )


def _unlikely(model: HanziModel, ch: str) -> bool:
    """A character no true reading contains: one the table lacks, or Private Use."""
    if ch == MARK:
        return False
    return model.cost(ch) >= model.unknown or "\ue000" <= ch <= "\uf8ff"


def _suspect_near(model: HanziModel, text: str, anchor: int) -> bool:
    """Is a suspect within ``_GAP`` characters after the unpairable byte at ``anchor``?"""
    return any(_is_suspect(model, ch) for ch in text[anchor + 1 : anchor + _GAP])


def looks_damaged(text: str) -> bool:
    """The pre-check: an unpairable byte (``?``, ``\ufffd``) closely followed by a rare character.

    Text without it is never re-read; the safety benchmark counts how often it is true.
    """
    model = load_model()
    if model is None or ("?" not in text and "\ufffd" not in text):
        return False
    return any(_suspect_near(model, text, m.start()) for m in _ANCHOR.finditer(text))


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
            needed = MIN_MARGIN if ch.isalnum() else MIN_MARGIN_PUNCTUATION
            if ranked[0] - ranked[1] < needed:
                ch = MARK
        chars.append(ch)
        j = back[pos][j]
    return "".join(reversed(chars)), total


def _evidence(
    model: HanziModel, options: list[tuple[str, ...]], moved: list[bool], left: str, right: str
) -> tuple[float, int]:
    """Log-probability a reading earns from its *known* characters; how many are re-read.

    Why not the Viterbi score: a position with a lost byte may be any of ~190 characters,
    and choosing the best of them proves nothing (``?嶙`` can always be read as two common
    characters with a strong pair bonus). So each guessed or marked position is charged a
    flat ``GUESS_COST``, and only pairs of known characters earn a bonus. The guesses are
    filled in afterwards, only for readings this evidence accepts.
    """
    total = 0.0
    known = 0
    prev = left
    for opts, re_read in zip(options, moved, strict=True):
        if len(opts) > 1 or opts[0] == MARK:
            total -= GUESS_COST
            prev = ""
            continue
        ch = opts[0]
        total -= model.cost(ch)
        if prev:
            total += model.bonus(prev, ch)
        known += re_read and ord(ch) >= 0x80
        prev = ch
    if prev and right:
        total += model.bonus(prev, right)
    return total, known


def _run_units(model: HanziModel, text: str, start: int) -> tuple[list[Unit], int]:
    """Units of a possible run from the unpairable byte at ``start``; and the last suspect's.

    The run reaches on while units can be bytes and suspects keep coming (no gap of
    ``_GAP`` units without one). An ASCII letter or digit is one byte of it: a trail byte
    in 0x40-0x7e that the decoder, out of step, read on its own (the seed's ``氨O``).
    Returns ([], -1) when no suspect follows the anchor closely.
    """
    units: list[Unit] = []
    last = -1
    i = start
    while i < len(text) and len(units) < _MAX_RUN:
        unit = unit_at(text, i)
        if unit is None:
            break
        units.append(unit)
        k = len(units) - 1
        if _is_suspect(model, text[i]):
            last = k
        if k - max(last, 0) >= _GAP:
            break
        i = unit.end
    return (units, last) if last > 0 else ([], -1)


_LETTER = re.compile("[A-Za-z\uff21-\uff3a\uff41-\uff5a]")


def _repair_run(
    model: HanziModel, text: str, units: list[Unit], last: int
) -> tuple[int, int, str] | None:
    """Best re-reading of ``units[0:e]`` for ends around the last suspect, or None.

    The reading pairs the bytes from the anchor's unknown byte (the byte model above); it is
    kept only if it beats the page's own text by the likelihood-ratio thresholds. Ends are
    ranked by evidence first; the Viterbi pass (the costly part) runs only on those passing.
    """
    start = units[0].start
    left = text[start - 1] if start else ""
    ranked: list[tuple[float, int, list[tuple[str, ...]], int]] = []
    for e in range(last + 1, min(len(units), last + 1 + _EDGE) + 1):
        end = units[e - 1].end
        right = text[end] if end < len(text) else ""
        original = model.log_prob(text[start:end], left, right)
        for span in variants(units[:e]):
            read = reread(span)
            if read is None:
                continue
            options, moved = read
            if len(options) > end - start:
                continue  # a repair never lengthens the text (bytes < 0x80 read one by one)
            evidence, known = _evidence(model, options, moved, left, right)
            gain = evidence - original
            if known >= MIN_KNOWN and gain >= max(MIN_GAIN, MIN_GAIN_PER_CHAR * len(options)):
                ranked.append((gain, end, options, known))
    for _gain, end, options, known in sorted(ranked, key=lambda r: -r[0]):
        right = text[end] if end < len(text) else ""
        reading, _score = _best_reading(model, options, left, right)
        if any(_unlikely(model, ch) for ch in reading):
            continue  # not Chinese the table knows, so noise
        marks = reading.count(MARK)
        rare = sum(_is_suspect(model, ch) for ch in reading)
        letters = len(_LETTER.findall(reading)) > len(_LETTER.findall(text[start:end]))
        if 2 * marks > known or 3 * rare > len(reading) - marks or letters:
            # More lost than found, a reading itself full of rare characters, or a
            # letter (ASCII or full-width) the page did not have, inside Chinese: such a
            # "repair" is likelier to damage rare but real text than to restore it.
            continue
        return start, end, reading
    return None


def repair_mojibake(text: str) -> str:
    """Re-read GBK runs decoded one byte off; leave everything else exactly as it is.

    Never raises and never lengthens the text: a re-reading longer than its span is refused.
    """
    if not text or ("?" not in text and "\ufffd" not in text):
        return text  # the fast path: every run starts at a byte the decoder could not pair
    model = load_model()
    if model is None:
        return text
    try:
        # A repair can expose a run its neighbour hid; a few passes reach the fixed point, so
        # repair(repair(x)) == repair(x).
        for _ in range(_PASSES):
            fixed = _repair(model, text)
            if fixed == text:
                break
            text = fixed
    except Exception:  # noqa: BLE001 - damaged text must never break reading
        pass
    return text


def _repair(model: HanziModel, text: str) -> str:
    out: list[str] = []
    done = 0
    for m in _ANCHOR.finditer(text):
        if m.start() < done:
            continue
        if not _suspect_near(model, text, m.start()):
            continue  # no rare character right after it: an ordinary question mark
        units, last = _run_units(model, text, m.start())
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
