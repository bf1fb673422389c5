"""Where a search's words are in a text, folded exactly as the index folds them.

The reader highlights what a search found in the headline list and the article. It must
agree with the search itself: 基層 highlights 基层, ＡＩ highlights ai, a Traditional
page shows its matches for a Simplified query. So the text is folded with the index's
own per-character folding (:mod:`suxun_tui.store.fold`) and every folded position
remembers the character it came from, which gives spans of the text as drawn.
"""

from __future__ import annotations

from functools import lru_cache

from suxun_tui.query import QueryError, parse_query
from suxun_tui.store.fold import fold

Span = tuple[int, int]  # [start, end) in the original text


@lru_cache(maxsize=64)
def match_terms(query: str | None) -> tuple[str, ...]:
    """The folded words and phrases ``query`` looks for (negated ones and fields left
    out), longest first; none for no query or one that does not parse."""
    if not query:
        return ()
    try:
        texts = parse_query(query).texts()
    except QueryError:
        return ()
    folded = {f for f in (fold(t) for t in texts) if f}
    return tuple(sorted(folded, key=lambda t: (-len(t), t)))


def _folded(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded, with each folded position's original index (None: the same)."""
    whole = fold(text)
    if len(whole) == len(text):
        return whole, None  # one character for one: positions carry over
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return "".join(pieces), origin


def match_spans(text: str, terms: tuple[str, ...]) -> list[Span]:
    """Where any of ``terms`` occurs in ``text``, as sorted, non-overlapping spans."""
    if not text or not terms:
        return []
    folded, origin = _folded(text)
    found: list[Span] = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            end = start + len(term)
            if origin is None:
                found.append((start, end))
            else:
                found.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term, end)
    return _merged(found)


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
