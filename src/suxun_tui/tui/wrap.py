"""Line breaking for mixed Chinese and Latin text, measured in terminal cells.

Rich and Textual break lines only at spaces, so a Chinese paragraph (which has none) is one
giant "word": after a short Latin word it is pushed to the next line, leaving a gap, and
then chopped wherever the width runs out. Readers of Chinese expect a line to be filled to
the edge, a break allowed between any two ideographs, and the closing punctuation
(``，。」``) never to start a line. This module does that, and nothing else.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text

# Characters that must not begin a line (kinsoku): they stay with what precedes them.
NO_LINE_START = frozenset(
    "，。、；：？！）」』”’》〉】〕｝…—～·％‰,.;:!?)]}%»"
    "\u3001\u3002\uff0c\uff1b\uff1a\uff1f\uff01\uff09"
)
# Characters that must not end a line: they stay with what follows them.
NO_LINE_END = frozenset("（「『“‘《〈【〔｛([{«")


def _is_wide(char: str) -> bool:
    return get_character_cell_size(char) == 2


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """Split into unbreakable pieces: (start, end, is_space).

    A piece is a run of spaces, one wide character, or a run of narrow non-space
    characters (a Latin word). Kinsoku punctuation is then glued to its neighbour.
    """
    pieces: list[tuple[int, int, bool]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        j = i + 1
        if char.isspace():
            while j < n and text[j].isspace():
                j += 1
            pieces.append((i, j, True))
        elif _is_wide(char):
            pieces.append((i, j, False))
        else:
            while j < n and not text[j].isspace() and not _is_wide(text[j]):
                j += 1
            pieces.append((i, j, False))
        i = j
    glued: list[tuple[int, int, bool]] = []
    for start, end, space in pieces:
        if (
            glued
            and not space
            and not glued[-1][2]
            and (text[start] in NO_LINE_START or text[glued[-1][1] - 1] in NO_LINE_END)
        ):
            glued[-1] = (glued[-1][0], end, False)
        else:
            glued.append((start, end, space))
    return glued


def line_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Where to cut one line of ``text`` (no newlines) so each part fits ``width`` cells.

    Returns (start, end) index pairs. Spaces at a break are dropped; a piece wider than
    the whole line (a long URL) is folded character by character.
    """
    width = max(width, 2)  # a wide character needs two cells
    ranges: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    used = 0
    pending_space = 0  # cells of the space run waiting between two words
    for start, end, space in _segments(text):
        if space:
            if line_start is not None:
                pending_space = cell_len(text[start:end])
            continue
        piece = cell_len(text[start:end])
        if line_start is not None and used + pending_space + piece <= width:
            used += pending_space + piece
            line_end = end
        elif piece <= width:
            if line_start is not None:
                ranges.append((line_start, line_end))
            line_start, line_end, used = start, end, piece
        else:
            # Fold an over-long piece: fill the current line first, then whole lines.
            position = start
            if line_start is None:
                line_start, used = start, 0
            elif used + pending_space < width:
                used += pending_space
            else:
                ranges.append((line_start, line_end))
                line_start, used = start, 0
            while position < end:
                size = get_character_cell_size(text[position])
                if used + size > width and used > 0:
                    ranges.append((line_start, position))
                    line_start, used = position, 0
                used += size
                position += 1
            line_end = end
        pending_space = 0
    if line_start is not None:
        ranges.append((line_start, line_end))
    return ranges


def wrap_text(text: Text, width: int) -> list[Text]:
    """Wrap styled text to ``width`` cells; explicit newlines are kept as line breaks."""
    lines: list[Text] = []
    for part in text.split("\n", allow_blank=True):
        ranges = line_ranges(part.plain, width)
        if not ranges:
            lines.append(Text(""))
            continue
        lines.extend(part[start:end] for start, end in ranges)
    return lines
