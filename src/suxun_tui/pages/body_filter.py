"""Decide which blocks of the chosen region are article text.

The region picked by :mod:`.scoring` is the tightest element holding the text, but Chinese
CMSs put more than text there. Filtering goes block by block and then looks at the shape
of the whole:

* the headline printed again above the text (the title or the part of it without the
  site's name) goes;
* info lines (来源, 编辑, 【责任编辑】 ...) become fields and leave the body;
* blocks inside furniture named by class or id (:mod:`.furniture`) go;
* furniture lines (slogans, 客服, 版权声明, 上一篇, 分享到) go;
* link lists go, unless the user's ``body_selector`` chose the region;
* a disclaimer or a comments/related heading in the second half of the text ends the
  article: what follows is the site's, not the author's (info lines there still count); a
  heading counting the comments (已有3条评论) ends it wherever it stands after some prose;
* before the first and after the last prose block, section labels (图片新闻) and linked
  images (logos, badges) go;
* a block repeating an earlier one (a summary printed again, a table shown twice) goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from suxun_tui.pages.boilerplate import is_boilerplate, is_section_label, is_tail_marker
from suxun_tui.pages.credits import read_info_line
from suxun_tui.pages.edges import trim_edges
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.metadata import InfoFields
from suxun_tui.pages.vocabulary import ARTICLE_NAV, COMMENT_COUNT, TITLE_SPLIT

__all__ = ["FilteredBody", "drop_repeats", "filter_blocks", "is_prose"]

# Sentence punctuation: a CJK mark, or a Latin one before a space. Tested as a membership
# test and one character class, which the regex engine scans in C (an alternation it
# cannot).
_CJK_PROSE = "，。！？；"
_LATIN_PROSE = re.compile(r"[,.!?;]\s")
# Thirty letters or digits, whatever lies between: a block worth checking for a repeat.
_LONG_ENOUGH = re.compile(r"[^\W_](?:[\W_]*[^\W_]){29}")
_SEP = "\x00"  # lxml never gives text holding NUL
_NOTE = re.compile(r"^[（(][^()（）]{1,60}[)）]$")
# Past this share of the text, an editor's credit closes the article.
CLOSING_CREDIT = 0.9
# Prose characters before a heading counting comments that make it the article's end: a
# thread in the region can hold more text than the article, so no share of it is asked.
BEFORE_COMMENTS = 100


def is_prose(text: str) -> bool:
    """Running text rather than a label: long, or punctuated like a sentence."""
    return len(text) > 60 or _punctuated(text)


def _punctuated(text: str) -> bool:
    return any(mark in text for mark in _CJK_PROSE) or _LATIN_PROSE.search(text) is not None


_EDITORS = frozenset(("editor", "responsible_editor"))


def _closes(found: set[str]) -> bool:
    """An editor's credit, or a credit line naming the author (采写：…), ends an article."""
    return bool(found & _EDITORS) or {"credits", "author"} <= found


def _ends_article(text: str, seen: int, total: int) -> bool:
    """Whether ``text``, after ``seen`` of the region's ``total`` prose characters, ends it."""
    if seen >= 0.5 * total and (
        is_tail_marker(text) or bool(len(text) <= 80 and ARTICLE_NAV.match(text))
    ):
        return True
    return _counts_comments(text, seen)


def _counts_comments(text: str, seen: int) -> bool:
    """A heading counting the comments, after enough prose: the thread follows, not text."""
    return seen >= BEFORE_COMMENTS and len(text) <= 120 and bool(COMMENT_COUNT.match(text))


def _repeats_title(b: RawBlock, title: str, kept: list[RawBlock]) -> bool:
    """The headline printed again above the text: the title, or a part of it, before prose.

    A page's title often carries the site's name (``多维博客 » 标题``, ``标题(页 1) - 论坛``)
    that the headline in the page does not, and old templates print the headline in a
    plain ``<p>`` or ``<div>``: before any block of running text, a line of six or more
    characters that is most of one part of the title, from its start, is the headline (a
    product's "64GB (4 x 16GB)", inside its title, is not).
    """
    if b.text == title:
        return True
    if b.text not in title:
        return False
    if b.kind == "heading" and not kept:
        return True
    n = len(b.text)
    if n < 6 or b.kind not in ("paragraph", "heading") or any(k.chars > 60 for k in kept):
        return False
    parts = (p.strip() for p in TITLE_SPLIT.split(title))
    return any(p.startswith(b.text) and n >= 0.6 * len(p) for p in parts)


def _first_pass(
    region: list[RawBlock],
    title: str,
    tz: str,
    now: datetime | None,
    chosen: bool,
) -> tuple[list[RawBlock], InfoFields]:
    info = InfoFields()
    total = (
        sum(b.chars for b in region if b.kind != "image" and not b.furniture and is_prose(b.text))
        or 1
    )
    seen = 0
    cut = False
    notes = False  # after a closing credit, notes in parentheses may still follow
    kept: list[RawBlock] = []
    for b in region:
        if b.kind in ("image", "code"):  # code is not prose, nor a line of site furniture
            if not cut and not b.furniture:
                kept.append(b)
            continue
        if title and _repeats_title(b, title, kept):
            continue
        fields, whole = read_info_line(b.text, tz, now)
        if whole:
            info.merge(fields)
            if not cut and not chosen and seen >= CLOSING_CREDIT * total and _closes(fields.found):
                cut = notes = True
            continue
        if cut and notes and not b.furniture and _NOTE.match(b.text):
            kept.append(b)
            continue
        notes = False
        if cut:
            continue
        if b.furniture:  # the thread's own heading is named as furniture (id="comments")
            cut = not chosen and _counts_comments(b.text, seen)
            continue
        if not chosen and _ends_article(b.text, seen, total):
            cut = True
            continue
        if is_boilerplate(b.text):
            continue
        if is_prose(b.text):
            seen += b.chars
        if chosen:
            kept.append(b)
            continue
        if b.chars and b.link_density > 0.5 and not (b.chars > 40 and _punctuated(b.text)):
            continue
        kept.append(b)
    return kept, info


def drop_repeats(blocks: list[RawBlock]) -> list[RawBlock]:
    """The blocks less any of 30 or more letters that an earlier block already holds.

    The earlier blocks are searched as one string (joined by a character no page text
    holds), so a long page costs one substring search per block, not one per pair.
    """
    out: list[RawBlock] = []
    seen: list[str] = []
    joined = ""
    for b in blocks:
        if b.kind in ("image", "code"):  # a snippet may well repeat part of an earlier one
            out.append(b)
            continue
        # Without whitespace (\s and str.split agree) and bars.
        key = "".join(b.text.split()).replace("|", "").replace("｜", "")
        if seen and _LONG_ENOUGH.search(key) and _held(key, joined, seen):
            continue
        seen.append(key)
        joined += _SEP + key
        out.append(b)
    return out


def _held(key: str, joined: str, seen: list[str]) -> bool:
    return (key in joined) if _SEP not in key else any(key in e for e in seen)


@dataclass(frozen=True)
class FilteredBody:
    """The region's article blocks and the fields its lines named on the way.

    ``fields`` come from info and credit lines anywhere in the region; ``byline`` from
    bylines at the body's edges, for the fields the page fills nowhere else.
    """

    blocks: list[RawBlock]
    fields: InfoFields
    byline: InfoFields


def filter_blocks(
    region: list[RawBlock],
    title: str,
    tz: str,
    now: datetime | None,
    *,
    chosen: bool = False,
) -> FilteredBody:
    """The region's blocks that are article text, and the fields found on the way.

    With ``chosen`` (the user's ``body_selector`` picked the region) link lists are kept:
    the user said this is the text.
    """
    kept, fields = _first_pass(region, title, tz, now, chosen)
    if chosen:
        return FilteredBody(kept, fields, InfoFields())
    blocks, byline = trim_edges(_trim(kept), tz, now)
    return FilteredBody(blocks, fields, byline)


def _trim(kept: list[RawBlock]) -> list[RawBlock]:
    """Section labels and linked images before the first and after the last prose block."""
    prose = [i for i, b in enumerate(kept) if b.kind != "image" and is_prose(b.text)]
    if not prose:
        return drop_repeats([b for b in kept if not is_section_label(b.text)])
    first, last = prose[0], prose[-1]
    out: list[RawBlock] = []
    for i, b in enumerate(kept):
        if i < first or i > last:
            if b.kind == "image":
                if b.linked:
                    continue
            elif is_section_label(b.text) or b.link_density > 0.3:
                continue
        out.append(b)
    return drop_repeats(out)
