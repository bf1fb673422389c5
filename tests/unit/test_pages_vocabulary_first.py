"""The look-ahead in front of a vocabulary pattern never hides one of its matches.

:func:`suxun_tui.pages.vocabulary._led_by` puts ``(?=[first])`` before a long alternation
so the regex engine skips positions where no alternative can start. That is only the same
pattern when ``first`` holds every character a match can begin with; this test reads each
pattern's own parse tree and proves it, so a new alternative that starts with another
character fails here instead of silently matching less.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from suxun_tui.pages import vocabulary

_parser: Any = pytest.importorskip("re._parser")
_c: Any = pytest.importorskip("re._constants")

LED = ("DISCLAIMER", "CONTACT_LABEL", "QR_PROMPT", "WECHAT_PROMPT", "APP_PROMO", "PAGER_TEXT")

Atom = tuple[str, object]  # ("c", code point) or ("cat", category)


def _seq(items: Any) -> tuple[set[Atom] | None, bool]:
    """First atoms of a sequence and whether it can match the empty string."""
    out: set[Atom] = set()
    for op, av in items:
        first, empty = _item(op, av)
        if first is None:
            return None, False
        out |= first
        if not empty:
            return out, False
    return out, True


def _class(av: Any) -> set[Atom] | None:
    found: set[Atom] = set()
    for op, arg in av:
        if op is _c.LITERAL:
            found.add(("c", arg))
        elif op is _c.RANGE:
            found |= {("c", x) for x in range(arg[0], arg[1] + 1)}
        elif op is _c.CATEGORY:
            found.add(("cat", arg))
        else:
            return None  # a negated class: any character may start
    return found


def _item(op: Any, av: Any) -> tuple[set[Atom] | None, bool]:
    if op is _c.LITERAL:
        return {("c", av)}, False
    if op is _c.IN:
        return _class(av), False
    if op is _c.CATEGORY:
        return {("cat", av)}, False
    if op is _c.BRANCH:
        out: set[Atom] = set()
        empty = False
        for alternative in av[1]:
            first, can_be_empty = _seq(alternative)
            if first is None:
                return None, False
            out |= first
            empty = empty or can_be_empty
        return out, empty
    if op is _c.SUBPATTERN:
        return _seq(av[3])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        first, empty = _seq(av[2])
        return first, empty or av[0] == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero width: the next item starts the match
    return None, False  # ANY, NOT_LITERAL, a back-reference: no bound


@pytest.mark.parametrize("name", LED)
def test_lead_characters_cover_every_match_start(name: str) -> None:
    pattern: re.Pattern[str] = getattr(vocabulary, name)
    tree = _parser.parse(pattern.pattern, pattern.flags)
    (look_op, look), *inner = list(tree)  # the parser inlines the (?:...) around the rest
    assert look_op is _c.ASSERT
    [(class_op, class_av)] = list(look[1])
    assert class_op is _c.IN
    allowed = _class(class_av)
    starts, empty = _seq(inner)
    assert allowed is not None and starts is not None and not empty
    lead = re.compile(pattern.pattern[3 : pattern.pattern.index("])(?:") + 1], pattern.flags)
    missing = [
        atom
        for atom in starts
        if atom not in allowed and not (atom[0] == "c" and lead.match(chr(int(str(atom[1])))))
    ]
    assert not missing


def test_a_missing_lead_character_is_caught() -> None:
    broken = vocabulary._led_by("a", "ab|cd")
    tree = _parser.parse(broken.pattern, broken.flags)
    starts, _ = _seq(list(tree)[1:])
    assert starts is not None and ("c", ord("c")) in starts
    assert broken.search("xcd") is None and re.search("ab|cd", "xcd") is not None


def test_led_patterns_match_as_before() -> None:
    text = "本网站转载目的在于传递信息，版权所有 © 2024；扫码关注；请下载APP客户端"
    for name in LED:
        pattern: re.Pattern[str] = getattr(vocabulary, name)
        bare = re.compile(pattern.pattern.split("])(?:", 1)[1][:-1], pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in bare.finditer(text)]
