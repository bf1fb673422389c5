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

__all__ = ["parse_credits", "parse_bar", "read_info_line"]

# Label -> field (None: a credit with no field of its own, such as 摄影 or 校对).
_CREDIT_FIELDS: dict[str, str | None] = {}
for _words, _field in (
    ("作者 记者 記者 采写 採寫 撰文 撰稿 文字 通讯员 通訊員", "author"),
    ("编辑 編輯 小编 小編", "editor"),
    ("责编 責編 责任编辑 責任編輯", "responsible_editor"),
    (
        "来源 來源 稿源 信息来源 資訊來源 文章来源 文章來源 来源于 來源於 "
        "信息来源于 文章来源于 信息來源於 文章來源於",
        "origin",
    ),
    (
        "图片来源 圖片來源 图片来源于 圖片來源於 摄影 攝影 摄像 攝像 图片 圖片 "
        "校对 校對 审核 審核 审校 審校 美编 美編 制图 製圖",
        None,
    ),
    ("设计 設計 策划 策劃 统筹 統籌 监制 監製 主编 主編 视频 視頻 排版 终审 終審 出品", None),
):
    for _word in _words.split():
        _CREDIT_FIELDS[_word] = _field
# One-character labels need an explicit separator (文/张三, 图｜李四).
_SHORT = {"文": "author", "图": None, "圖": None}
_LABELS = "|".join(sorted(_CREDIT_FIELDS, key=len, reverse=True))
_CREDIT = re.compile(
    rf"(?:^|(?<=\s))(?:(?P<label>{_LABELS})(?:\s*(?P<sep>[:：/／|｜])\s*|(?<=[于於])|\s+)"
    r"|(?P<short>[文图圖])\s*(?P<ssep>[:：/／|｜])\s*)"
)
# Labels parse_info does not know: a line with one of them is read here first.
_CREDIT_ONLY = re.compile(
    r"摄影|攝影|摄像|攝像|校对|校對|审核|審核|审校|審校|美编|美編|制图|製圖|统筹|統籌|监制|監製|"
    r"供稿|供图|供圖|采写|採寫|来源于|來源於|[编編][辑輯]\s*[/／|｜]"
)
_GIVER = re.compile(r"^[^\s，。！？:：]{2,30}(?:供稿|供图|供圖)$")
_BAD_VALUE = re.compile(r"[，。！？；;:：!?“”\"<>=]")
_REPORTER = re.compile(r"^\S*?(?:见习|見習|实习|實習)?(?:记者|記者)\s*")
_ROLE_SUFFIX = re.compile(r"(?:编译|編譯|整理|综合|綜合)$")
_VIEWS = re.compile(r"^(\d[\d,]*)\s*次?\s*(?:阅读|閱讀|浏览|瀏覽|点击|點擊|查看)$")
_COMMENTS = re.compile(r"^\d[\d,]*\s*[条條]?\s*(?:评论|評論|回复|回復|留言)$")
_BAR_SPLIT = re.compile(r"\s*[|｜]\s*")
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
    if name == "author":
        value = _ROLE_SUFFIX.sub("", _REPORTER.sub("", value)).strip()
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
    if prefix and not _GIVER.match(prefix):
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
            _store(info, _SHORT[m.group("short")], value)
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
    m = _VIEWS.match(segment)
    if m:
        info.views = info.views if info.views is not None else int(m.group(1).replace(",", ""))
        info.found.add("views")
        return True
    if _COMMENTS.match(segment):
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


def read_info_line(
    text: str, tz: str = DEFAULT_TZ, now: datetime | None = None
) -> tuple[InfoFields, bool]:
    """:func:`~.metadata.parse_info`, completed by credit lines and ``|`` info bars."""
    fields, whole = parse_info(text, tz, now)
    if whole and not _CREDIT_ONLY.search(text):
        return fields, True
    if len(text) > 160:
        return fields, whole
    other = parse_credits(text) or parse_bar(text, tz, now)
    if other is not None:
        return other, True
    return fields, whole
