"""Read the Chinese info bar: 来源, 作者, 编辑, 责任编辑, 浏览量 and the date around them.

Chinese news pages print their metadata as labelled text rather than markup -
``2025-12-29 12:34 来源: 供稿 编辑:玖柒六 浏览量:0``, ``作者姓名:王帅``, ``【责任编辑:陆超】``,
``文/王帅``, ``（记者 张三）`` - in Simplified or Traditional characters. These lines become
fields of the article and are removed from its body. A line counts as an info line only when
labels, values, dates and separators make up nearly all of it, so prose that happens to
contain ``作者`` stays prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from suxun_tui.pages.dates import DEFAULT_TZ, find_dates

__all__ = [
    "InfoFields",
    "parse_info",
    "parse_views",
    "byline_author",
    "trailing_author",
    "posted_by",
]


def _spaced(word: str) -> str:
    """A label that may be printed with spaces between its characters (``来 源``)."""
    return r"\s*".join(re.escape(ch) for ch in word)


_LABELS: dict[str, tuple[str, ...]] = {
    "responsible_editor": ("责任编辑", "責任編輯", "责编", "責編"),
    "origin": (
        "文章来源",
        "文章來源",
        "新闻来源",
        "新聞來源",
        "信息来源",
        "資訊來源",
        "消息来源",
        "来源",
        "來源",
        "稿源",
        "出处",
        "出自",
        "出處",
    ),
    "author": (
        "作者姓名",
        "作者",
        "记者",
        "記者",
        "撰文",
        "撰稿",
        "发表者",
        "發表者",
        "发帖人",
        "發帖人",
        "发贴人",
        "楼主",
        "樓主",
        "博主",
        "通讯员",
        "通訊員",
        "发布者",
        "發佈者",
        "發布者",
        "发布人",
        "發佈人",
    ),
    "editor": ("编辑", "編輯", "小编", "小編"),
    "views": (
        "浏览量",
        "瀏覽量",
        "浏览次数",
        "瀏覽次數",
        "浏览",
        "瀏覽",
        "阅读量",
        "閱讀量",
        "阅读数",
        "閱讀數",
        "阅读",
        "閱讀",
        "点击量",
        "點擊量",
        "点击数",
        "點擊數",
        "点击",
        "點擊",
        "访问量",
        "訪問量",
        "人气",
        "人氣",
    ),
    "date": (
        "发布时间",
        "發佈時間",
        "發布時間",
        "发表时间",
        "發表時間",
        "更新时间",
        "更新時間",
        "发稿时间",
        "發稿時間",
        "发布日期",
        "發佈日期",
        "发表于",
        "發表於",
        "时间",
        "時間",
        "日期",
    ),
}
_LABEL_OF: dict[str, str] = {}
_ALTS: list[str] = []
for _field, _words in _LABELS.items():
    for _word in _words:
        _LABEL_OF[_word] = _field
for _word in sorted(_LABEL_OF, key=len, reverse=True):
    _ALTS.append(_spaced(_word))
# A colon after the label, or - for date labels only - a date right after it (发表于 2005-...).
_LABEL = re.compile(rf"(?P<label>{'|'.join(_ALTS)})(?:\s*(?P<colon>[:：])\s*|\s*(?=\d))")
_VIEWS_BARE = re.compile(
    r"(?:浏览|瀏覽|阅读|閱讀|点击|點擊)(?:量|数|數|次数|次數)?\s*[(（]?\s*(\d[\d,]*(?:\.\d+)?\s*[万萬wWkK]?)"
)
_SLASH_AUTHOR = re.compile(
    r"^\s*[【\[（(]?\s*(?:文|执笔|執筆|撰文|作者|记者|記者)\s*[/｜|／]\s*([^\s/｜|，。()（）【】\[\]]{2,20})"
)
_BYLINE = re.compile(
    r"[（(【\[]\s*(?:[^（(）)，。]{0,12}?)(?:实习)?(?:记者|記者)\s*"
    r"([^）)】\]，。,:：]{2,30}?)\s*[）)】\]]"
    r"|(?:本报|本報)(?:实习)?(?:记者|記者)\s*([\u4e00-\u9fff·]{2,8}?)\s*(?:发自|發自|报道|報道|摄|攝)"
    r"|(?:记者|記者)\s*([\u4e00-\u9fff·]{2,4})(?=\s*[/／|｜]\s*文)"
)
# （常书香 马丹阳） closing the last paragraph: the Chinese way of signing a report.
_TRAILING_NAMES = re.compile(
    r"[（(]\s*([\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,4})\s*[）)]\s*$"
)
_NOT_NAMES = re.compile(
    r"完|待续|待續|续|續|全文|图|圖|摄|攝|转载|轉載|原创|原創|来源|來源|本报|本報|供图|编译|编辑|編輯"
)
_LEAD_BYLINE = re.compile(
    r"^\s*[\u4e00-\u9fff·]{0,12}?(?:记者|記者)\s*"
    r"([\u4e00-\u9fff]{2,4}(?:[\s、]+[\u4e00-\u9fff]{2,4}){0,4})\s*$"
)
_VALUE_STOP = re.compile(
    r"\s{2,}|[|｜【】\[\]<>]|[)）](?![^(（]*[)）])|\s[/／]\s"
    r"|\s*(?:阅读|閱讀|浏览|瀏覽|点击|點擊|评论|評論|发表|發表|字号|字號)\s*[(（:：\d]"
    r"|\s+(?:出自|出处|出處)|\s+\S{2,3}(?:报道|報道)$|\s*(?:发自|發自)\S*$"
    r"|\s*(?:举报|舉報)$|\s+(?:整合|整理|编译|編譯|综合|綜合|摄|攝)$"
)
_FILLER = re.compile(r"[\s|｜/／【】\[\]()（）:：,，;；.。·•\-—_]+")
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([万萬wWkK]?)")
_MAX_VALUE = {"origin": 40, "author": 40, "editor": 20, "responsible_editor": 20}


@dataclass
class InfoFields:
    """Fields read from one or more info lines; None where the page says nothing."""

    published: str | None = None
    origin: str | None = None
    author: str | None = None
    editor: str | None = None
    responsible_editor: str | None = None
    views: int | None = None
    found: set[str] = field(default_factory=set)
    labelled_date: bool = False

    def merge(self, other: InfoFields) -> None:
        """Take the fields ``other`` has and this one lacks (first seen wins)."""
        if self.published is None and other.published is not None:
            self.labelled_date = other.labelled_date
        for name in ("published", "origin", "author", "editor", "responsible_editor", "views"):
            if getattr(self, name) is None and getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        self.found |= other.found


def parse_views(text: str) -> int | None:
    """A view count such as ``0``, ``1,234`` or ``1.2万``; None if there is no number."""
    m = _NUMBER.search(text)
    if not m:
        return None
    try:
        value = float(m.group(1).replace(",", ""))
    except ValueError:
        return None
    unit = m.group(2)
    if unit in ("万", "萬", "w", "W"):
        value *= 10000
    elif unit in ("k", "K"):
        value *= 1000
    return int(value) if value < 1e12 else None


def _clip(value: str) -> str:
    m = _VALUE_STOP.search(value)
    if m:
        value = value[: m.start()]
    return value.strip(" \t:：,，;；|｜/／.。·•-—_()（）【】[]")


def _balanced(value: str) -> str:
    """``value`` without a parenthesis it opens and never closes (the value was cut at
    its ")": 网易财经(上海)); the line it stands in still counts the whole of it."""
    for opening, closing in (("(", ")"), ("（", "）")):
        if value.count(opening) > value.count(closing):
            value = value[: value.rindex(opening)].rstrip()
    return value


def byline_author(text: str) -> str | None:
    """The author named in a byline inside prose: ``（记者 张三 李四）``, ``文/王帅``."""
    if len(text) > 4000:
        text = text[:4000]
    for pattern in (_SLASH_AUTHOR, _BYLINE, _LEAD_BYLINE):
        m = pattern.search(text)
        if m:
            value = _name(next((g for g in m.groups() if g), ""))
            if 2 <= len(value) <= 30:
                return value
    return None


# Forum and blog conventions: 本贴由大卫于2005年…发表, 由海姑娘张贴 @ …, ggjjzhzz 发表于 2005-…,
# 发布时间 2005/05/17 22:11:42 by 眉间尺.
_POSTED_BY = re.compile(
    r"(?:本[贴帖]|本文)?由\s*([^\s于於@，。]{2,16}?)\s*(?:于|於|@|张贴|張貼|发表|發表)"
    r"|([A-Za-z0-9_\u4e00-\u9fff]{2,16})\s+(?:发表于|發表於|发表於|發表于)\s*\d"
    # "… by NAME" follows a date or time, or closes the line, or comes before a date or a
    # separator; in running English a "by" is followed by anything ("a delay by day: …").
    r"|\d\s+by\s+([^\s〓|｜,，:;!?]{2,20})"
    r"|(?:^|\s)by\s+([^\s〓|｜,，:;.!?]{2,20})(?=\s*$|\s*[|｜·•/(（\[]|\s+\d)",
    re.I,
)


def posted_by(text: str) -> str | None:
    """The poster named by forum and blog formulas (由X张贴, X 发表于 …, … by X)."""
    m = _POSTED_BY.search(text[-200:])
    if not m:
        return None
    value = next((g for g in m.groups() if g), "")
    return value if 2 <= len(value) <= 20 else None


def trailing_author(text: str) -> str | None:
    """Names in parentheses closing an article - ``（常书香 马丹阳）`` - or a closing byline."""
    tail = text[-80:]
    m = _BYLINE.search(tail)
    if m:
        return _name(next((g for g in m.groups() if g), "")) or None
    m = _TRAILING_NAMES.search(tail)
    if m and not _NOT_NAMES.search(m.group(1)):
        return _name(m.group(1)) or None
    return None


def _name(value: str) -> str:
    """A byline's names without the words around them (记者, 上海报道, 发自北京)."""
    value = " ".join(value.split())
    value = re.sub(r"^(?:记者|記者)\s*", "", value)
    return _clip(value)


def parse_info(
    text: str, tz: str = DEFAULT_TZ, now: datetime | None = None
) -> tuple[InfoFields, bool]:
    """Fields found in ``text`` and whether the whole line is an info line.

    An info line is one where, after removing labels, their values and dates, almost
    nothing is left (at most a few characters of decoration).
    """
    info = InfoFields()
    if not text or len(text) > 300:
        return info, False
    spans: list[tuple[int, int]] = []
    matches = list(_LABEL.finditer(text))
    for k, m in enumerate(matches):
        name = _LABEL_OF.get(re.sub(r"\s+", "", m.group("label")), "")
        if not m.group("colon") and name != "date":
            continue
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        raw = text[m.end() : end]
        dates = find_dates(raw, tz, now)
        if dates:
            if name == "date" or dates[0].start == 0:
                if info.published is None:
                    info.published = dates[0].iso
                    info.labelled_date = name == "date"
                info.found.add("published")
            raw = raw[: dates[0].start]
        value = _clip(raw)
        if name == "date" and not dates:
            continue  # 时间：7:00－9:30 is an agenda line, not a publish time
        cut = m.end() + len(raw.split(value, 1)[0]) + len(value) if value else m.end()
        spans.append((m.start(), cut))
        if name == "views":
            views = parse_views(value)
            info.found.add("views")
            if views is not None and info.views is None:
                info.views = views
            continue
        if name in ("date", ""):
            continue
        if (
            not value
            or len(value) > _MAX_VALUE.get(name, 30)
            or re.search(r"[，。！？=\"<>]", value)
        ):
            continue
        if getattr(info, name) is None:
            setattr(info, name, _balanced(value) or value)
        info.found.add(name)
    for m in _VIEWS_BARE.finditer(text):
        if not any(s <= m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
            info.found.add("views")
            if info.views is None:
                info.views = parse_views(m.group(1))
    for d in find_dates(text, tz, now):
        if not any(s <= d.start < e for s, e in spans):
            spans.append((d.start, d.end))
            if info.published is None:
                info.published = d.iso
            info.found.add("published")
    slash = _SLASH_AUTHOR.match(text) or _LEAD_BYLINE.match(text)
    if slash and not any(s <= slash.start() < e for s, e in spans):
        spans.append((slash.start(), slash.end()))
        info.author = info.author or " ".join(slash.group(1).split())
        info.found.add("author")
    if not spans:
        return info, False
    rest = list(text)
    for s, e in spans:
        rest[s:e] = [" "] * (e - s)
    leftover = _FILLER.sub("", "".join(rest))
    return info, len(leftover) <= max(4, len(text) // 8)
