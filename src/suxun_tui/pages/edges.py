"""Trim the lines at the two edges of a body that are the page's, not the author's.

After filtering, what is left at the very start and end of a body is mostly text, but some
lines only look like it: a follow prompt (``关注新华网``), a byline of a date and names
(``2020-06-05 20:35 叨叨姐``, ``原创 南方都市报 2019-09-09 16:01:46``), a related-list
heading with its list (``为你推荐`` and dated items), a dated list item left over
(``2019-09-3007:42``), a lone fragment (``,南方都市报``). These rules apply only at the
edges and only to short lines, so an opening paragraph that mentions 关注 or a date stays.
Names and sources read from bylines are returned beside the blocks: they fill a field only
where the page names nothing better.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from suxun_tui.pages.boilerplate import is_tail_marker
from suxun_tui.pages.dates import FoundDate, find_dates
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.metadata import InfoFields
from suxun_tui.pages.vocabulary import (
    BACK_HOME,
    BYLINE_ORIGINAL,
    BYLINE_ROLE_SUFFIX,
    FOLLOW_PROMPT,
    REEDITED,
    SITE_LIKE,
    WEEKDAY,
)

__all__ = ["trim_edges", "is_follow_prompt", "is_date_only", "read_dateline"]

_DATE_ONLY = re.compile(
    r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号號]?"
    r"\s*(?:\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?$"
)
_TOKEN = re.compile(r"^[\w\u4e00-\u9fff·&＆、]{2,12}$")
_FRAGMENT = re.compile(r"^[,，、;；.。]\s*([^\s，。,]{2,20})$")


def is_follow_prompt(text: str) -> bool:
    """A lone prompt to follow the site: ``关注新华网``, ``关注我们``, ``訂閱本報``."""
    line = text.strip()
    return len(line) <= 16 and bool(FOLLOW_PROMPT.match(line))


def is_date_only(text: str) -> bool:
    """A short line holding a date and nothing else (``2019-09-3007:42``)."""
    line = text.strip(" •·")
    return len(line) <= 25 and bool(_DATE_ONLY.match(line))


def read_dateline(text: str, tz: str, now: datetime | None) -> InfoFields | None:
    """The names in a byline of a date and names, or None if ``text`` is not one.

    ``2020-06-05 20:35 叨叨姐`` (a date *with* time and at most three names) and
    ``原创： 作者 公众号`` (the WeChat formula) qualify; a name that looks like a site is
    the origin, the others the author.
    """
    line = text.strip()
    if len(line) > 48:
        return None
    rest = BYLINE_ORIGINAL.sub("", line)
    labelled = rest != line
    dates = find_dates(rest, tz, now, relative=False)
    if not labelled and _date_alone(rest, dates):
        return InfoFields()
    timed = False
    for found in dates:
        if found.has_year and found.precision >= 5:
            timed = True
            rest = rest[: found.start] + " " + rest[found.end :]
    tokens = rest.split()
    if not (labelled or timed) or not 1 <= len(tokens) <= 3:
        return None
    if not all(_TOKEN.match(t) and not t.isdigit() for t in tokens):
        return None
    info = InfoFields()
    sites = [t for t in tokens if SITE_LIKE.search(t)]
    people = [t for t in tokens if t not in sites]
    if labelled and len(tokens) == 2 and not sites:
        people, sites = tokens[:1], tokens[1:]
    if sites:
        info.origin = sites[0]
    if people:
        info.author = BYLINE_ROLE_SUFFIX.sub("", people[0]) or None
    return info


def _date_alone(line: str, dates: list[FoundDate]) -> bool:
    """Whether ``line`` is a moment (date with year and time) and nothing but weekdays.

    ``Saturday, September 10th, 2005 10:56 am`` and ``2005年9月10日 星期六 10:56`` date
    the page and name nobody: the line is the page's, not the text's. A date without a
    time (``2019年9月9日 星期一``) may head a diary's entry, and stays.
    """
    dated = [d for d in dates if d.has_year]
    if not any(d.precision >= 5 for d in dated):
        return False
    for d in sorted(dated, key=lambda d: d.start, reverse=True):
        line = line[: d.start] + " " + line[d.end :]
    return all(WEEKDAY.match(t) for t in line.replace("，", " ").split())


def _related_list_start(blocks: list[RawBlock], last: int) -> int | None:
    """Where a trailing related list (heading, then only list items) begins."""
    i = last
    items = 0
    while i >= 0:
        b = blocks[i]
        if b.kind == "image" or b.kind == "list_item" or is_date_only(b.text):
            items += b.kind == "list_item"
            i -= 1
            continue
        if items and is_tail_marker(b.text) and len(b.text) <= 20:
            return i
        return None
    return None


def _text_positions(blocks: list[RawBlock]) -> list[int]:
    # Code is never the page's furniture, whatever it says (``// Copyright``, a date).
    return [i for i, b in enumerate(blocks) if b.kind not in ("image", "code")]


def trim_edges(
    blocks: list[RawBlock], tz: str, now: datetime | None
) -> tuple[list[RawBlock], InfoFields]:
    """``blocks`` without the page's lines at both edges, and the fields their bylines name."""
    fallback = InfoFields()
    out = list(blocks)
    while True:
        texts = _text_positions(out)
        if len(texts) < 2:
            break
        i = texts[0]
        text = out[i].text
        byline = read_dateline(text, tz, now)
        if byline is not None:
            fallback.merge(byline)
        elif not (is_follow_prompt(text) or is_date_only(text)):
            break
        del out[i]
    while True:
        texts = _text_positions(out)
        if len(texts) < 2:
            break
        last = texts[-1]
        start = _related_list_start(out, last)
        if start is not None and start > texts[0]:
            del out[start:]
            continue
        text = out[last].text
        fragment = _FRAGMENT.match(text)
        reedited = REEDITED.match(text)
        if reedited:
            fallback.editor = fallback.editor or reedited.group(1)
        elif fragment:
            if SITE_LIKE.search(fragment.group(1)) and fallback.origin is None:
                fallback.origin = fragment.group(1)
        elif not (is_follow_prompt(text) or is_date_only(text) or is_tail_marker(text)):
            break
        del out[last]
    texts = _text_positions(out)
    if texts:
        b = out[texts[-1]]
        stripped = BACK_HOME.sub("", b.text)
        if stripped != b.text and stripped:
            out[texts[-1]] = replace(b, text=stripped, chars=len(stripped))
    return out, fallback
