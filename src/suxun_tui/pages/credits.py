"""Read the credit lines and ``|``-separated info bars that :mod:`.metadata` leaves alone.

:func:`~suxun_tui.pages.metadata.parse_info` reads ``label：value`` pairs. Chinese pages
also print credits without colons - ``医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳``,
``编辑 刘晓阳 校对 李铭``, ``编辑|禤志杰``, ``采写：南都记者 余毅菁`` - and blog platforms an
info bar of unlabelled items between bars: ``发表于2014-08-24 21:30| 1164次阅读| 来源CSDN|
0 条评论| 作者魏星``. Both are recognised only when the *whole* line has that structure:
every label stands at the start of the line or after a space, every value is a short run of
names without sentence punctuation, so prose that mentions 编辑 or 摄影 stays prose.
"""

from __future__ import annotations

import re
from datetime import datetime

from suxun_tui.pages.dates import DEFAULT_TZ
from suxun_tui.pages.metadata import InfoFields, parse_info
from suxun_tui.pages.vocabulary import (
    COMMENTS_ITEM,
    CREDIT_GIVER,
    CREDIT_LABELS,
    CREDIT_ONLY,
    CREDIT_ROLE_SUFFIX,
    REPORTER_BYLINE,
    REPORTER_PREFIX,
    SHORT_CREDIT_LABELS,
    VIEWS_ITEM,
)

__all__ = ["parse_credits", "parse_bar", "read_info_line"]

_CREDIT_FIELDS: dict[str, str | None] = {
    word: name for words, name in CREDIT_LABELS for word in words.split()
}
_LABELS = "|".join(sorted(_CREDIT_FIELDS, key=len, reverse=True))
_CREDIT = re.compile(
    rf"(?:^|(?<=\s))(?:(?P<label>{_LABELS})(?:\s*(?P<sep>[:：/／|｜])\s*|(?<=[于於])|\s+)"
    r"|(?P<short>[文图圖])\s*(?P<ssep>[:：/／|｜])\s*)"
)
_BAD_VALUE = re.compile(r"[，。！？；;:：!?“”\"<>=]")
_BAR_SPLIT = re.compile(r"\s*[|｜]\s*")
# Where the text comes from, printed right after a name without a separator of its own.
_WHENCE = re.compile(r"\s*(?:出自|出处|出處)\s*\S*$")
_MAX_VALUE = {"origin": 40, "author": 30, "editor": 20, "responsible_editor": 20}


def _value_ok(value: str) -> bool:
    parts = value.split()
    return (
        0 < len(value) <= 40
        and not _BAD_VALUE.search(value)
        and len(parts) <= 5
        and all(len(p) <= 24 for p in parts)
    )


def _store(info: InfoFields, name: str | None, value: str) -> None:
    if name is None:
        return
    if name in ("author", "editor", "responsible_editor"):
        value = _WHENCE.sub("", value)  # 赵婕 出自[人民文学出版社]: a name, then its origin
    if name == "author":
        value = CREDIT_ROLE_SUFFIX.sub("", REPORTER_PREFIX.sub("", value)).strip()
    if not value or len(value) > _MAX_VALUE.get(name, 30):
        return
    if getattr(info, name) is None:
        setattr(info, name, value)
    info.found.add(name)


def parse_credits(text: str) -> InfoFields | None:
    """The fields of a credit line (``摄影/张艳 编辑/苏芳``), or None if ``text`` is not one."""
    line = text.strip()
    if not 3 <= len(line) <= 80:
        return None
    matches = list(_CREDIT.finditer(line))
    if not matches:
        return None
    prefix = line[: matches[0].start()].strip()
    if prefix and not CREDIT_GIVER.match(prefix):
        return None
    info = InfoFields()
    explicit = 0
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(line)
        value = line[m.end() : end].strip()
        if not _value_ok(value):
            return None
        if m.group("short"):
            explicit += 1
            _store(info, SHORT_CREDIT_LABELS[m.group("short")], value)
            continue
        label = m.group("label")
        explicit += bool(m.group("sep")) or label.endswith(("于", "於"))
        _store(info, _CREDIT_FIELDS[label], value)
    if len(matches) < 2 and not explicit:
        return None
    info.found.add("credits")
    return info


def _bar_item(segment: str, info: InfoFields, tz: str, now: datetime | None) -> bool:
    """Read one item of an info bar into ``info``; False if it is no info item."""
    m = VIEWS_ITEM.match(segment)
    if m:
        info.views = info.views if info.views is not None else int(m.group(1).replace(",", ""))
        info.found.add("views")
        return True
    if COMMENTS_ITEM.match(segment):
        return True
    fields, whole = parse_info(segment, tz, now)
    if whole:
        info.merge(fields)
        return True
    m = re.match(rf"^({_LABELS})\s*(\S.{{0,30}})$", segment)
    if m and _value_ok(m.group(2)):
        _store(info, _CREDIT_FIELDS[m.group(1)], m.group(2).strip())
        return True
    return False


def parse_bar(text: str, tz: str = DEFAULT_TZ, now: datetime | None = None) -> InfoFields | None:
    """The fields of an info bar of items between ``|`` bars, or None if it is not one."""
    if len(text) > 160 or "|" not in text and "｜" not in text:
        return None
    segments = [s for s in _BAR_SPLIT.split(text.strip()) if s]
    if len(segments) < 2:
        return None
    info = InfoFields()
    if not all(_bar_item(s, info, tz, now) for s in segments):
        return None
    return info if info.found else None


def _reporter_byline(text: str) -> InfoFields | None:
    """A paper's byline alone on its line (本报实习生 刘国栋 周炜), its names the author."""
    m = REPORTER_BYLINE.match(text.strip())
    if m is None:
        return None
    info = InfoFields()
    _store(
        info, "author", " ".join((m.group("names") or m.group("run")).replace("、", " ").split())
    )
    return info


def read_info_line(
    text: str, tz: str = DEFAULT_TZ, now: datetime | None = None
) -> tuple[InfoFields, bool]:
    """:func:`~.metadata.parse_info`, completed by credit lines and ``|`` info bars."""
    fields, whole = parse_info(text, tz, now)
    if whole and not CREDIT_ONLY.search(text):
        return fields, True
    if len(text) > 160:
        return fields, whole
    other = parse_credits(text) or parse_bar(text, tz, now) or _reporter_byline(text)
    if other is not None:
        return other, True
    return fields, whole
