"""Line breaking for mixed Chinese and Latin text, measured in terminal cells.

Rich and Textual break lines only at spaces, so a Chinese paragraph (which has none) is one
giant "word": after a short Latin word it is pushed to the next line, leaving a gap, and
then chopped wherever the width runs out. Readers of Chinese expect a line to be filled to
the edge, a break allowed between any two ideographs, and the closing punctuation
(``，。」``) never to start a line. This module does that - and, for program code, the
opposite: :func:`wrap_code` keeps every line and indent as written and only folds a line
too wide for the screen, marking where it goes on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from rich.cells import cell_len, get_character_cell_size, split_graphemes
from rich.text import Text

# Characters that must not begin a line (kinsoku): they stay with what precedes them.
NO_LINE_START = frozenset(
    "，。、；：？！）」』”’》〉】〕｝…—～·％‰,.;:!?)]}%»"
    "\u3001\u3002\uff0c\uff1b\uff1a\uff1f\uff01\uff09"
)
# Characters that must not end a line: they stay with what follows them.
NO_LINE_END = frozenset("（「『“‘《〈【〔｛([{«")
_NON_SPACE = re.compile(r"\S")


def _cell_widths(text: str) -> list[int]:
    """Cells per index: a character's width, or a whole grapheme's at its first index.

    Zero-width characters (combining marks, joiners, variation selectors) get 0, so no
    line ever starts with one, cut off from the character it modifies.
    """
    if "\u200d" not in text and "\ufe0f" not in text:
        return list(map(get_character_cell_size, text))
    widths = [0] * len(text)
    for start, _end, cells in split_graphemes(text)[0]:
        widths[start] = cells
    return widths


def _next_word(text: str, index: int) -> int:
    """The first non-space index at or after ``index`` (``len(text)`` if none)."""
    found = _NON_SPACE.search(text, index)
    return found.start() if found else len(text)


def _may_end(text: str, widths: list[int], end: int) -> bool:
    """Whether a line may end just before ``end`` (trailing spaces are dropped)."""
    before = text[end - 1]
    if before.isspace():
        return False
    if end == len(text) or text[end].isspace():
        return True
    # Inside a word only at a wide character (an ideograph), and never against kinsoku.
    return (
        widths[end] > 0
        and (widths[end - 1] == 2 or widths[end] == 2)
        and text[end] not in NO_LINE_START
        and before not in NO_LINE_END
    )


def _last_end(text: str, widths: list[int], start: int, limit: int) -> int | None:
    """The last place in ``(start, limit]`` where a line from ``start`` may end."""
    for end in range(limit, start, -1):
        if _may_end(text, widths, end):
            return end
    return None


def line_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Where to cut one line of ``text`` (no newlines) so each part fits ``width`` cells.

    Returns (start, end) index pairs. Spaces at a break are dropped; a piece wider than
    the whole line (a long URL) is folded character by character, starting on the line
    where it begins. Breaks are allowed at spaces and next to wide characters (except
    before closing and after opening punctuation). Each line costs a binary search over
    the cell offsets plus a short look back, so a 1 MB paragraph wraps in milliseconds
    per screenful rather than one Python step per character.
    """
    width = max(width, 2)  # a wide character needs two cells
    widths = _cell_widths(text)
    offsets = list(accumulate(widths, initial=0))
    size = len(text)

    def fit(start: int) -> int:
        """The furthest end such that ``text[start:end]`` fits the width."""
        return bisect_right(offsets, offsets[start] + width, start + 1) - 1

    ranges: list[tuple[int, int]] = []
    start = _next_word(text, 0)
    while start < size:
        limit = fit(start)
        end = _last_end(text, widths, start, limit)
        if end is None:  # the word at ``start`` is wider than a line: fold it
            ranges.append((start, limit))
            start = limit
            continue
        following = _next_word(text, end)
        if (
            following < size
            and offsets[following] - offsets[start] < width
            and _last_end(text, widths, following, fit(following)) is None
        ):
            # The next word is wider than a line: it starts here, filling this line.
            ranges.append((start, limit))
            start = limit
            continue
        ranges.append((start, end))
        start = following
    return ranges


def wrap_text(text: Text, width: int) -> list[Text]:
    """Wrap styled text to ``width`` cells; explicit newlines are kept as line breaks."""
    lines: list[Text] = []
    for part in text.split("\n", allow_blank=True):
        ranges = line_ranges(part.plain, width)
        if not ranges:
            lines.append(Text(""))
            continue
        if part.spans:
            lines.extend(_styled_pieces(part, ranges))
        else:  # slicing a Text copies all of it: a 1 MB paragraph would take minutes
            plain, style = part.plain, part.style
            lines.extend(Text(plain[start:end], style=style) for start, end in ranges)
    return lines


def _styled_pieces(text: Text, ranges: list[tuple[int, int]]) -> list[Text]:
    """The pieces of styled ``text`` at ``ranges``, cut in one pass.

    ``text[start:end]`` divides the whole text for every slice, which made a highlighted
    megabyte quadratic; ``Text.divide`` cuts at every boundary at once and keeps each
    span on the characters it covers.
    """
    cuts = sorted({offset for pair in ranges for offset in pair} - {0})
    bounds = [0, *cuts]
    pieces = text.divide(cuts)
    index = {start: i for i, start in enumerate(bounds)}
    return [pieces[index[start]] for start, _end in ranges]


# Starts the rest of a code line folded at the screen's edge (vim's ``showbreak``).
CODE_CONTINUATION = "↪ "


def _fold_ranges(text: str, width: int, rest_width: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``width`` cells (``rest_width`` after the first).

    Cells, not characters: a wide character that would straddle the edge moves to the next
    piece, and a zero-width mark stays with the character it modifies.
    """
    widths = _cell_widths(text)
    offsets = list(accumulate(widths, initial=0))
    ranges: list[tuple[int, int]] = []
    start, room = 0, width
    while start < len(text):
        end = bisect_right(offsets, offsets[start] + room, start + 1) - 1
        while start + 1 < end < len(text) and widths[end] == 0:
            end -= 1
        end = max(end, start + 1)
        ranges.append((start, end))
        start, room = end, rest_width
    return ranges


def wrap_code(text: Text, width: int) -> list[Text]:
    """Code as written, one drawn line per line: indents, blank lines and spaces kept.

    Nothing is re-flowed or broken between ideographs. A line wider than ``width`` is
    folded at the edge; each continuation starts with the line's own indent (at most half
    the width) and :data:`CODE_CONTINUATION`, dimmed, so it cannot pass for a line of its own.
    """
    width = max(width, 4)
    lines: list[Text] = []
    for part in text.split("\n", allow_blank=True):
        plain = part.plain
        if cell_len(plain) <= width:
            lines.append(part)
            continue
        # The continuation keeps room for at least one wide character after its marker.
        room = width - len(CODE_CONTINUATION) - 2
        indent = max(0, min(len(plain) - len(plain.lstrip(" ")), width // 2, room))
        hang = " " * indent + CODE_CONTINUATION
        for number, (start, end) in enumerate(_fold_ranges(plain, width, width - len(hang))):
            piece = part[start:end] if part.spans else Text(plain[start:end], style=part.style)
            if number:
                piece = Text.assemble((hang, "dim"), piece, style=part.style)
            lines.append(piece)
    return lines
