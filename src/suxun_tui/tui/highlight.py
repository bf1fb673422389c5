"""The current search's matches, marked in the headline list and the article.

A search (``/``) or a query feed shows its matches: every word or phrase it looks for is
drawn in :data:`MATCH_STYLE` wherever it occurs, found with the index's folding
(:func:`suxun_tui.store.matches.match_spans`), so 基層 is marked in a page that writes
基层 and in whichever script the reader shows. The article's marked lines are where
``.`` and ``,`` jump (:func:`match_lines`).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from suxun_tui.store.matches import match_spans, match_terms
from suxun_tui.tui.filters import SourceFilter
from suxun_tui.tui.render import ArticleDocument

MATCH_META = "suxun-match"
CONTEXT = 2  # lines kept above a match jumped to
# Reverse video reads in every theme and without colour; bold keeps it visible on the
# cursor row, whose own reverse (NO_COLOR) would cancel it.
MATCH_STYLE = Style(reverse=True, bold=True, meta={MATCH_META: True})


def terms_of(selection: SourceFilter | None) -> tuple[str, ...]:
    """What to mark for ``selection``: a search's or a query feed's words; else nothing."""
    if selection is None or selection.kind not in ("search", "query"):
        return ()
    return match_terms(selection.query)


def mark_text(text: Text, terms: tuple[str, ...]) -> Text:
    """``text`` with every match styled (in place; returned for chaining)."""
    for start, end in match_spans(text.plain, terms):
        text.stylize(MATCH_STYLE, start, end)
    return text


def mark_document(document: ArticleDocument, terms: tuple[str, ...]) -> ArticleDocument:
    """Every part of the article with its matches styled: title, metadata, body."""
    if terms:
        for part in document.parts:
            mark_text(part.text, terms)
    return document


def marked_segments(text: str, style: Style, terms: tuple[str, ...]) -> list[Segment]:
    """One headline's title as segments, its matches in :data:`MATCH_STYLE`."""
    spans = match_spans(text, terms)
    if not spans:
        return [Segment(text, style)]
    segments: list[Segment] = []
    at = 0
    for start, end in spans:
        if start > at:
            segments.append(Segment(text[at:start], style))
        segments.append(Segment(text[start:end], style + MATCH_STYLE))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:], style))
    return segments


def match_lines(console: Console, document: ArticleDocument, width: int) -> list[int]:
    """The lines of ``document`` drawn ``width`` wide that show a match."""
    if width <= 0:
        return []
    options: ConsoleOptions = console.options.update_width(width)
    lines = console.render_lines(document, options, pad=False)
    return [index for index, line in enumerate(lines) if _has_match(line)]


def _has_match(line: Sequence[Segment]) -> bool:
    return any(s.style is not None and s.style.meta.get(MATCH_META) for s in line)


def next_line(lines: Sequence[int], reference: int, direction: int) -> int | None:
    """The first match line after (1) or before (-1) ``reference``; wraps around."""
    if not lines:
        return None
    if direction > 0:
        return next((line for line in lines if line > reference), lines[0])
    return next((line for line in reversed(lines) if line < reference), lines[-1])


class MatchJumps:
    """Where ``.`` and ``,`` last put a match in the article pane, to go on from there."""

    def __init__(self) -> None:
        self.line: int | None = None  # the last line jumped to, in the body's lines

    def target(self, lines: Sequence[int], top: int, height: int, direction: int) -> int | None:
        """The match line to show next, going on from the last jump while it is in view."""
        if self.line is not None and top <= self.line < top + height:
            reference = self.line
        else:  # scrolled away: from what is in view (a match on screen counts as next)
            reference = top - 1 if direction > 0 else top
        self.line = next_line(lines, reference, direction)
        return self.line
