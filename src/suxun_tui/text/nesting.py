"""Markup nested deeper than the parser and the tree walkers can take, made shallow.

libxml2 stops at 256 open elements (2048 with ``XML_PARSE_HUGE``) and, when recovering,
silently drops everything after that point: 300 unclosed ``<font>`` tags before an
article left only the menu. The recursive walkers that turn a tree into blocks also need a
bounded depth. So the parsers (``pages.dom``, ``feeds.fragments``) parse through
:func:`parse_within_depth`: normally, and only when libxml2 reports the depth limit again
with the limit lifted — after :func:`drop_deep_tags` when even 2048 would not do — and
then the tree is flattened by :func:`flatten_deep`. Text is never dropped, only the tags
that nest it too deeply; every step is linear in the input, so a hostile document costs a
bounded amount of work. The parsing itself is the caller's: this module works on markup
strings and on the trees it is given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from lxml import etree

__all__ = [
    "DEPTH_ERROR",
    "MARKUP_DEPTHS",
    "MAX_TREE_DEPTH",
    "drop_deep_tags",
    "flatten_deep",
    "hit_depth_limit",
    "parse_within_depth",
]

P = TypeVar("P")
E = TypeVar("E")
# What libxml2 reports (ERR_RESOURCE_LIMIT) when a document nests past its limit.
DEPTH_ERROR = "Excessive depth in document"
# Trees handed to later steps are at most this deep: the historic libxml2 limit made
# smaller, so recursive walkers (three frames a level) stay far from Python's limit.
MAX_TREE_DEPTH = 192
# How deep :func:`drop_deep_tags` lets tags nest before a re-parse with the limit lifted,
# tried in turn (the count is rough: libxml2 may nest some markup deeper than it thinks).
MARKUP_DEPTHS = (1024, 256, 64)
_SLACK = 8

# Tags whose only job is to style text: stripped first when a subtree is too deep.
_INLINE = (
    "font",
    "span",
    "b",
    "i",
    "u",
    "s",
    "em",
    "strong",
    "small",
    "big",
    "sub",
    "sup",
    "strike",
    "tt",
    "abbr",
    "mark",
    "cite",
    "q",
    "a",
    "label",
    "nobr",
    "center",
)
_INLINE_NAMES = frozenset(_INLINE)
# Tags that carry a block's meaning: kept in the second pass, stripped only in the last.
_MEANINGFUL = frozenset(
    {"p", "br", "img", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "table", "tr", "td"}
    | {"th", "blockquote", "hr", "figure", "figcaption", "caption"}
)
# Tags that never hold another block: kept until the very last pass.
_LEAVES = frozenset({"p", "br", "img", "hr", "h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "keygen", "frame", "basefont", "isindex"}
)
# Elements a start tag of the same name closes (HTML's implied end tags, roughly).
_SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th", "a"})
# "[^<>]": a tag never spans another "<", so unclosed tags cost linear time, not quadratic.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)[^<>]*>")


def parse_within_depth(
    markup: str, parse: Callable[[str, P], E | None], plain: P, huge: P
) -> E | None:
    """``parse(markup, plain)``; when libxml2 stopped at its depth limit, again with ``huge``
    (an lxml parser with ``huge_tree``), dropping the deepest tags first if even that stops,
    and the tree then flattened to :data:`MAX_TREE_DEPTH`. Ordinary markup parses once.
    """
    root = parse(markup, plain)
    if not hit_depth_limit(plain):
        return root
    root = parse(markup, huge)
    for limit in MARKUP_DEPTHS:
        if not hit_depth_limit(huge):
            break
        root = parse(drop_deep_tags(markup, limit), huge)
    if root is not None:
        flatten_deep(root)
    return root


def hit_depth_limit(parser: Any) -> bool:
    """Whether the last run of ``parser`` (an lxml parser) stopped at libxml2's depth limit."""
    return any(DEPTH_ERROR in entry.message for entry in parser.error_log)


def drop_deep_tags(markup: str, limit: int) -> str:
    """``markup`` without the tags that would open elements more than ``limit`` deep.

    Styling tags are dropped from a quarter of ``limit`` on, a paragraph's or heading's own
    tags only a little past it, so the blocks keep their shape. A rough count of open
    elements (void tags and ``/>`` ignored, implied ends of ``<p>``/``<li>``… honoured)
    decides; a dropped start tag also loses its end tag. One pass with a regular
    expression, so 19 MB of unclosed ``<font>`` costs seconds at most.
    """
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    pieces: list[str] = []
    kept_from = 0
    for match in _TAG.finditer(markup):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group(0).endswith("/>"):
            continue
        drop = False
        if not closing:
            if name in _SELF_CLOSING and stack and stack[-1] == name:
                _pop_to(stack, open_names, name)
            if len(stack) >= _allowance(name, limit):
                drop = True
                dropped[name] += 1
            else:
                stack.append(name)
                open_names[name] += 1
        elif dropped[name]:
            drop = True
            dropped[name] -= 1
        elif open_names[name]:
            _pop_to(stack, open_names, name)
        if drop:
            pieces.append(markup[kept_from : match.start()])
            kept_from = match.end()
    if not pieces:
        return markup
    pieces.append(markup[kept_from:])
    return "".join(pieces)


def _allowance(name: str, limit: int) -> int:
    """How deep a start tag may open: styling less deep, a block's own tags a little deeper."""
    if name in _INLINE_NAMES:
        return limit // 4
    return limit + _SLACK * 8 if name in _MEANINGFUL else limit


def _pop_to(stack: list[str], open_names: Counter[str], name: str) -> None:
    while stack:
        top = stack.pop()
        open_names[top] -= 1
        if top == name:
            return


def flatten_deep(root: Any, max_depth: int = MAX_TREE_DEPTH) -> None:
    """Strip tags more than ``max_depth`` levels under ``root`` until nothing is deeper.

    Styling tags go first, then everything but paragraphs, headings, list items, images,
    code and tables, then everything but paragraphs and headings, then every tag: each
    pass keeps all the text in order. A few levels
    of slack past ``max_depth`` let the paragraphs of a flattened part keep their shape.
    """
    too_deep = _at_depth(max_depth + _SLACK)
    for keep in (None, _MEANINGFUL, _LEAVES, frozenset()):
        if not too_deep(root):
            return
        for holder in _at_depth(max_depth)(root):
            if not len(holder):
                continue
            if keep is None:
                etree.strip_tags(holder, *_INLINE)
                continue
            names = {el.tag for el in holder.iterdescendants() if isinstance(el.tag, str)}
            if names - keep:
                etree.strip_tags(holder, *(names - keep))


@lru_cache(maxsize=4)
def _at_depth(depth: int) -> Any:
    """An XPath for the elements ``depth`` levels under the context element."""
    return etree.XPath("/".join(["*"] * depth))
