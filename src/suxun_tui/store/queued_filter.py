"""Which queued articles could hold a query's Chinese terms, told from their stored text.

Right after a refresh thousands of articles wait for the index, and a search reads them
folded (store.pending_fold): some 30-60 µs an article, most of it spent on articles that
cannot match. A Chinese character comes out of folding only from a few stored
characters: itself, the Traditional forms the table folds to it, and the compatibility
characters whose decomposition holds one of those (⼀, ㈠, ㊀ … for 一) — its
:func:`sources`. An article whose stored title and body hold none of them cannot hold a
term with that character, and is passed over unfolded. Exact because:

- NFKC composes only characters with a canonical decomposition, and none of those
  folds to a Chinese character (a test checks every code point), so a Chinese character
  in the NFKC of a text comes from the decomposition of one stored character, which
  ``casefold`` and the Traditional table then change one for one;
- the compatibility characters are all in :data:`COMPATIBLE` (the same test: any other
  code point whose folding holds a Chinese character is that character or a Traditional
  form in the table);
- the stored body is the JSON of its blocks with the text as written (not ASCII-escaped);
  a body with an escape (``\\u``), an image or a media block (whose plain text adds 图片,
  音频 …) is always folded.

The tables are those of the interpreter's Unicode version (:data:`UNICODE`): under
another one the test's proof does not hold, and nothing is passed over.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from suxun_tui.store.compat_table import COMPATIBLE_PAIRS
from suxun_tui.store.fold_table import PAIRS

# The Unicode version the test over every code point was run with.
UNICODE = "14.0.0"
# The unified ideographs (a term's characters that can narrow).
IDEOGRAPHS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x323AF))
# Every block whose characters decompose (NFKC) to text holding an ideograph: radicals,
# Hangzhou numerals,
# Kanbun, enclosed and squared ideographs, compatibility ideographs.
COMPATIBLE = (
    (0x2E80, 0x2FDF),
    (0x3038, 0x303A),
    (0x3190, 0x319F),
    (0x3200, 0x33FF),
    (0xF900, 0xFAFF),
    (0x1F200, 0x1F2FF),
    (0x2F800, 0x2FA1F),
)
# A body whose plain text may hold characters its JSON does not: escapes, and the words
# the plain text of an image or a media block adds (models.Block.as_plain).
_UNSURE = (b"\\u", b'["image"', b'["media"')
# A term's test: any of these (UTF-8: the stored text is tested as its bytes, in which a
# character's encoding is found only where that character is) in the title or the body.
Check = tuple[bytes, ...]


def is_ideograph(char: str) -> bool:
    """Whether ``char`` is in :data:`IDEOGRAPHS`."""
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3400" <= char <= "\u4dbf"
        or ("\U00020000" <= char <= "\U000323af")
    )


def compatible_pairs() -> str:
    """Each compatibility character (:data:`COMPATIBLE`) whose decomposition folds to
    text holding ideographs, followed by each of them: what ``store.compat_table`` ships
    (``benchmarks/build_fold_table.py`` writes it; a test compares the two)."""
    simplified = dict(zip(PAIRS[0::2], PAIRS[1::2], strict=True))
    chars = "".join(chr(code) for low, high in COMPATIBLE for code in range(low, high + 1))
    # One normalization for them all: a line break decomposes to itself, and no
    # decomposition holds one (casefold leaves ideographs alone and makes none: the test
    # checks that too).
    decomposed = unicodedata.normalize("NFKD", "\n".join(chars)).split("\n")
    pairs: list[str] = []
    for char, parts in zip(chars, decomposed, strict=True):
        if parts != char:
            made = (simplified.get(part, part) for part in parts)
            pairs.extend(char + c for c in dict.fromkeys(made) if is_ideograph(c))
    return "".join(pairs)


def sources(char: str) -> tuple[str, ...]:
    """The stored characters whose folding can give ``char`` (an ideograph): itself, the
    Traditional forms the table folds to it, and compatibility characters."""
    found = [char]
    at = PAIRS.find(char, 1)
    while at >= 0:
        if at % 2:  # a Simplified one: the character before it folds to it
            found.append(PAIRS[at - 1])
        at = PAIRS.find(char, at + 1)
    at = COMPATIBLE_PAIRS.find(char, 1)
    while at >= 0:
        if at % 2:
            found.append(COMPATIBLE_PAIRS[at - 1])
        at = COMPATIBLE_PAIRS.find(char, at + 1)
    return tuple(dict.fromkeys(found))


def _single(char: str) -> bool:
    """Whether each stored character that folds to ``char`` decomposes to one character
    (then two neighbours in the folded text were neighbours as stored)."""
    return all(len(unicodedata.normalize("NFKD", x)) == 1 for x in sources(char))


def term_checks(term: str) -> list[tuple[str, ...]]:
    """Each way of telling from stored text that ``term`` (folded) cannot be there: per
    ideograph of it, the characters that fold to it; per two neighbouring ideographs, the
    pairs of those (when neither has a source that decomposes to more than one
    character: ㍻ alone folds to 平成)."""
    found: list[tuple[str, ...]] = []
    for index, char in enumerate(term):
        if not is_ideograph(char):
            continue
        found.append(sources(char))
        after = term[index + 1 : index + 2]
        if after and is_ideograph(after) and _single(char) and _single(after):
            found.append(tuple(a + b for a in sources(char) for b in sources(after)))
    return list(dict.fromkeys(found))


# A Latin term's check: this marker, then the term, found in the stored text lower-cased —
# when that text holds no character whose folding gives a letter or a digit other than
# ASCII itself (:func:`latin_unsure`).
LATIN = b""
_LATIN_TERM = re.compile(r"[a-z0-9]+")


# Bytes that start the UTF-8 of characters from U+0080 to U+1FFF, U+A000 to U+EFFF and
# past U+FFFF: any of them may fold to a letter or digit (accented and enclosed letters,
# Greek, ligatures, mathematical letters …).
_UNSURE_LEADS = bytes([*range(0xC2, 0xE2), *range(0xEA, 0xEF), *range(0xF0, 0xF5)])
_SURE_BYTES = bytes(b for b in range(256) if b not in _UNSURE_LEADS)


@lru_cache(maxsize=1)
def _unsure_char() -> re.Pattern[str]:
    """Any character but ASCII, general punctuation, CJK symbols and kana, the ideographs
    and the full-width punctuation (not the full-width letters and digits)."""
    return re.compile(
        "[^\x00-\x7f\u2000-\u206f\u3000-\u30ff\u3400-\u9fff"
        "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
    )


def latin_unsure(text: bytes) -> bool:
    """Whether stored text (UTF-8) holds a character that might fold to text holding an
    ASCII letter or digit (a test holds the others to that over every code point): ASCII
    text at once, a byte that starts such a character by deleting all others, the rest
    decoded and searched."""
    if text.isascii():
        return False
    if text.translate(None, _SURE_BYTES):
        return True
    # (text that is not UTF-8 is unsure: the fold that follows reports it)
    return _unsure_char().search(text.decode(errors="replace")) is not None


def checks(terms: Iterable[str], sample: bytes = b"") -> list[Check]:
    """What an article's stored text must hold for every one of ``terms`` (folded, each
    required in the title or the text) to be possible: at most two :func:`term_checks`
    per term, those found least in ``sample`` (stored text like the articles') first,
    since a rarer one passes over more articles; a term of ASCII letters and digits alone,
    itself (:data:`LATIN`). Empty under another Unicode version."""
    if unicodedata.unidata_version != UNICODE:
        return []
    chosen: list[tuple[int, int, Check]] = []
    for term in terms:
        if _LATIN_TERM.fullmatch(term):
            chosen.append((sample.count(term.encode()), 1, (LATIN, term.encode())))
            continue
        encoded = [tuple(x.encode() for x in t) for t in term_checks(term)]
        scored = sorted((sum(sample.count(x) for x in t), len(t), t) for t in encoded)
        chosen.extend(scored[:2])
    return [test for _, _, test in sorted(chosen)]


def could_hold(title: bytes | None, body: bytes | None, needed: Sequence[Check]) -> bool:
    """Whether an article with this stored title and body (UTF-8) may hold every term
    whose :func:`checks` are ``needed`` (False: it certainly does not)."""
    body = body or b""
    for mark in _UNSURE:
        if mark in body:
            return True
    # (a line break between them: no test holds one, so none is found across the two)
    text = (title or b"") + b"\n" + body
    lowered = None
    for test in needed:
        if test[0] == LATIN:
            # Stored text of ASCII and those characters alone folds its letters and
            # digits to themselves lower-cased, and the term (letters and digits) cannot
            # hold what the plain text adds or the JSON escapes.
            if lowered is None:
                lowered = b"" if latin_unsure(text) else text.lower()
            if lowered and test[1] not in lowered:
                return False
            continue
        for found in test:
            if found in text:
                break
        else:
            return False
    return True
