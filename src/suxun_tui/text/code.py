"""Program text from ``<pre>`` and highlighter markup, with its lines and indents kept.

Prose is folded: runs of spaces become one, hard-wrapped lines are joined. Code must not be:
an indent is meaning, a blank line is structure, ``(guān)`` may be a string literal. Both
HTML-to-blocks paths (pages and feeds) read code through :func:`code_text`, so a snippet
looks the same whichever way it arrived.

Highlighters wrap code in markup that is not code: a ``<span>`` per token (harmless, its
text is the code), a line-number gutter (a table cell, a ``<pre>`` of digits, or a span at
the start of each line: dropped), one ``<div>`` or table row per line (each a line break).

This module reads an element tree it is given (lxml's or ElementTree's); it parses nothing
and imports no HTML library, so it sits with the other text helpers.
"""

from __future__ import annotations

import re
from typing import Any

from suxun_tui.text.sanitize import strip_controls

__all__ = ["TAB_SIZE", "code_text", "is_code_table", "is_gutter", "is_gutter_pre", "tidy_code"]

# Tabs become spaces to the next multiple of four columns: gofmt's tabs and Python's
# four-space indents then line up the same, and no terminal's tab stops are involved.
TAB_SIZE = 4

# Class names highlighters give their line-number gutters (Pygments, Rouge, Chroma,
# highlight.js-line-numbers, Prism, SyntaxHighlighter, GitHub).
_GUTTER_CLASSES = frozenset(
    (
        "linenos",
        "linenodiv",
        "lineno",
        "linenumber",
        "linenumbers",
        "line-number",
        "line-numbers-rows",
        "lnt",
        "ln",
        "gl",
        "gutter",
        "rouge-gutter",
        "blob-num",
        "hljs-ln-numbers",
        "hljs-ln-n",
        "code-line-number",
    )
)
# Tables that are a highlighter's layout, not data.
_CODE_TABLE_CLASSES = frozenset(("highlighttable", "lntable", "rouge-table", "hljs-ln"))
# Inside code, these start a new line (a highlighter's line wrappers, table rows).
_LINE_TAGS = frozenset(
    ("div", "p", "li", "tr", "pre", "table", "tbody", "thead", "ol", "ul", "h1", "h2", "h3")
)
_DIGITS_ONLY = re.compile(r"[\d\s]+")
_SPACES = str.maketrans({"\u00a0": " ", "\u3000": "  ", "\u2009": " ", "\u202f": " "})


def _classes(el: Any) -> list[str]:
    return str(el.get("class") or "").lower().split()


def is_gutter(el: Any) -> bool:
    """Whether ``el`` holds a highlighter's line numbers rather than code."""
    return any(c in _GUTTER_CLASSES for c in _classes(el))


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _cells(table: Any) -> list[list[Any]]:
    """The table's own rows (not a nested table's) as lists of cells."""
    rows: list[Any] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("tbody", "thead", "tfoot"):
            rows.extend(tr for tr in child if _tag(tr) == "tr")
    return [[c for c in tr if _tag(c) in ("td", "th")] for tr in rows]


def _holds_code(el: Any) -> bool:
    return (
        _tag(el) in ("pre", "code")
        or any("code" in c for c in _classes(el))
        or el.find(".//pre") is not None
        or el.find(".//code") is not None
    )


def _digits_only(el: Any) -> bool:
    text = "".join(el.itertext())
    return bool(text.strip()) and _DIGITS_ONLY.fullmatch(text) is not None


def is_gutter_pre(pre: Any) -> bool:
    """A ``<pre>`` of line numbers beside the real one (in a gutter ``<div>`` or cell)."""
    text = "".join(pre.itertext())
    if text.strip() and _DIGITS_ONLY.fullmatch(text) is None:
        return False
    node = pre
    for _ in range(3):
        if node is None:
            break
        if is_gutter(node):
            return True
        node = node.getparent()
    return False


def is_code_table(table: Any) -> bool:
    """A table a highlighter drew: a line-number column beside the code, or its classes say so.

    Only the table's own cells count, so a layout table that merely contains a snippet
    somewhere is not mistaken for one.
    """
    if any(c in _CODE_TABLE_CLASSES for c in _classes(table)):
        return True
    for row in _cells(table):
        if len(row) < 2:
            continue
        # Classes first: they cost nothing, and a layout table's cells can hold a whole page.
        gutter = [c for c in row if is_gutter(c)]
        if gutter and any(_holds_code(c) for c in row if c not in gutter):
            return True
    return False


def tidy_code(raw: str) -> str:
    """Code text made safe and even, never folded.

    Controls and escape sequences go (as everywhere); tabs become spaces at
    :data:`TAB_SIZE` columns; no-break spaces become spaces; trailing spaces go, and so
    do blank lines at the start and end. Everything else - indents, inner blank lines,
    runs of spaces - stays as written. Idempotent.
    """
    lines = strip_controls(raw).translate(_SPACES).split("\n")
    lines = [line.expandtabs(TAB_SIZE).rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    first = 0
    while first < len(lines) and not lines[first]:
        first += 1
    return "\n".join(lines[first:])


class _CodeWriter:
    """Collects the text of a code element, a line break at every line wrapper."""

    def __init__(self, code_table: bool) -> None:
        self.parts: list[str] = []
        self.pending = False  # a line wrapper ended mid-line: the next text starts a new line
        self.code_table = code_table

    def _at_line_start(self) -> bool:
        return not self.parts or self.parts[-1].endswith("\n")

    def text(self, value: str | None) -> None:
        if not value:
            return
        if self.pending and not value.startswith("\n"):
            self.parts.append("\n")
        self.pending = False
        self.parts.append(value)

    def _start_line(self) -> None:
        if self.pending or not self._at_line_start():
            self.parts.append("\n")
        self.pending = False

    def _end_line(self, mark: int) -> None:
        if len(self.parts) == mark:  # an empty line wrapper is an empty line
            self.parts.append("\n")
        elif not self._at_line_start():
            self.pending = True

    def walk(self, el: Any) -> None:
        tag = _tag(el)
        skip = not tag or is_gutter(el)
        skip = skip or (self.code_table and tag in ("td", "th") and _digits_only(el))
        if not skip:
            line = tag in _LINE_TAGS
            if line:
                self._start_line()
            mark = len(self.parts)
            if tag == "br":
                self.text("\n")
            self.text(el.text)
            for child in el:
                self.walk(child)
            if line:
                self._end_line(mark)
        self.text(el.tail)


def code_text(el: Any) -> str:
    """The program text inside ``el`` (a ``<pre>``, a highlighter's table or ``<div>``).

    The element's own tail is not included: it follows the code, it is not part of it.
    """
    writer = _CodeWriter(code_table=_tag(el) == "table")
    writer.text(el.text)
    for child in el:
        writer.walk(child)
    return tidy_code("".join(writer.parts))
