"""Find and parse the dates Chinese news pages print.

Pages print times in many shapes: ``2025-12-29 12:34``, ``2025/12/29``, ``2025年12月29日
12:34``, ``12-29 12:34`` (this year), ``3小时前``, ``昨天 08:00``, ``二〇二五年十二月二十九日``
(Chinese numerals, as official texts sign them), ISO 8601 in ``<meta>`` and
``<time>``, RFC 822 in feeds. A time without a zone is the source's local time (Chinese
sites: Asia/Shanghai), so every result is an ISO 8601 string *with* an offset, which sorts
and converts unambiguously.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["FoundDate", "find_dates", "may_hold_date", "parse_datetime", "DEFAULT_TZ"]

DEFAULT_TZ = "Asia/Shanghai"

_SEP = r"\s*[-/.年月]\s*"
_TIME = (
    r"(?:\s*(?:T|[,，]?\s*(?:星期|周|礼拜|禮拜)[一二三四五六日天]|\s)?\s*"
    r"(?:(?:上午|下午|晚上|早上)\s*)?(?P<H>\d{1,2})\s*[:：时時点點]\s*(?P<M>\d{1,2})"
    r"(?:\s*[:：分]\s*(?P<S>\d{1,2})(?:\.\d+)?)?(?:\s*(?P<P>[AaPp]\.?[Mm]\b\.?))?"
    r"\s*(?P<Z>Z|[+-]\d{2}:?\d{2}(?!\d))?)"
)
_FULL = re.compile(
    rf"(?<!\d)(?P<y>(?:19|20)\d{{2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})(?!\d)\s*[日号]?"
    rf"{_TIME}?"
)
# 9/17/2004 5:54:13 AM - month first, as ASP and .NET sites print it.
_US = re.compile(
    r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<P>[AaPp][Mm]))?)?"
)
# 1998年3月号 - magazines and monthly reports print only the month.
_YEAR_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)")
# English pages: "July 9, 2025", "Tue, Sept. 9th 2025 at 3:05 pm EST", "9 July 2025 14:00",
# "01-Dec-2025".
MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_MONTH_WORD = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_EN_TIME = (
    r"(?:\s*(?:,|at|@|\||-|–|·)?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"\s*(?P<P>[ap]\.?m\b\.?)?(?:\s*(?P<Z>utc|gmt|[ecmp][sd]t)\b)?)?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_EN = re.compile(
    rf"\b(?:{_MONTH_WORD}\s*(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH_WORD.replace('mon', 'mon2')},?\s+"
    rf"(?P<y2>(?:19|20)\d{{2}})"
    rf"|(?<!\d)(?P<y3>(?:19|20)\d{{2}})\s+{_MONTH_WORD.replace('mon', 'mon3')}\s+(?P<d3>\d{{1,2}})"
    # 01-Dec-2025, as logs, Oracle and many Indian and British sites print it.
    rf"|(?P<d4>\d{{1,2}})-{_MONTH_WORD.replace('mon', 'mon4')}-(?P<y4>(?:19|20)\d{{2}}))"
    rf"(?!\d){_EN_TIME}",
    re.I,
)
# 17.05.2021 - day first, as most of Europe prints it; two-digit day and month only, so
# version numbers (1.2.2020) stay what they are.
_DMY = re.compile(r"(?<![\d.])(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<y>(?:19|20)\d{2})(?![\d.])")
# 02-12-2025 - dashes with the year last: day first, as Europe and India print it, unless
# only the other order is a date (12-25-2025).
_DMY_DASH = re.compile(r"(?<![\d-])(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>(?:19|20)\d{2})(?![\d-])")
_EN_ZONES = {"utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5}
_EN_ZONES |= {"mst": -7, "mdt": -6, "pst": -8, "pdt": -7}
_COMPACT = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\s*(?P<H>[0-2]\d):?(?P<M>[0-5]\d))?(?!\d)"
)
_MONTH_DAY = re.compile(
    rf"(?<![\d./-])(?P<m>\d{{1,2}})\s*(?:[-/]|月)\s*(?P<d>\d{{1,2}})(?!\d)\s*日?{_TIME}"
)
_MONTH_DAY_CN = re.compile(r"(?<![\d年])(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]")
_RELATIVE = re.compile(
    r"(?P<n>\d+)\s*(?P<u>秒|分钟|分鐘|小时|小時|天|周|週|星期|个月|個月)前|(?P<now>刚刚|剛剛)"
)
_DIGIT = re.compile(r"\d")
# ２０２４年３月５日: full-width digits and separators, as Chinese pages (official ones most)
# set dates; read as their ASCII forms, one character for one, so positions stay true.
_FULL_WIDTH = re.compile("[０-９]")
_TO_ASCII = str.maketrans("０１２３４５６７８９－／．：", "0123456789-/.:")
_HANZI_DIGITS = "〇一二三四五六七八九"
_HANZI_DATE = re.compile(
    r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<d>三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"
)
_JUST_NOW = re.compile("刚刚|剛剛")
_DAY_WORD = re.compile(
    r"(?P<w>今天|今日|昨天|昨日|前天)\s*(?:(?P<H>\d{1,2})\s*[:：]\s*(?P<M>\d{1,2}))?"
)
_UNIT_SECONDS = {
    "秒": 1,
    "分钟": 60,
    "分鐘": 60,
    "小时": 3600,
    "小時": 3600,
    "天": 86400,
    "周": 7 * 86400,
    "週": 7 * 86400,
    "星期": 7 * 86400,
    "个月": 30 * 86400,
    "個月": 30 * 86400,
}
_DAY_OFFSET = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: ISO string, where it was, and how complete it is.

    ``precision`` is 2 for a month (the 1st stands for it), 3 for a bare date, 5 with hours
    and minutes, 6 with seconds;
    ``has_year`` is False when the text gave no year (``12-29 12:34``) and it was inferred.
    """

    iso: str
    start: int
    end: int
    precision: int
    has_year: bool = True


@lru_cache(maxsize=32)
def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TZ)


def _offset(text: str) -> tzinfo | None:
    if not text:
        return None
    if text == "Z":
        return ZoneInfo("UTC")
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    try:
        hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    except ValueError:
        return None
    if hours > 14 or minutes >= 60:  # no real zone is further than UTC±14:00
        return None
    from datetime import timezone

    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _build(y: int, m: int, d: int, hh: int, mm: int, ss: int, zone: tzinfo) -> datetime | None:
    if not (1970 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    if not (0 <= hh <= 23 and 0 <= mm <= 59 and 0 <= ss <= 59):
        return None
    try:
        return datetime(y, m, d, hh, mm, ss, tzinfo=zone)
    except ValueError:
        return None


def _int(value: str | None) -> int:
    return int(value) if value else 0


def _afternoon(text: str, hour: int, marker: str | None = None) -> int:
    """24-hour clock from 下午/晚上 or AM/PM markers."""
    mark = (marker or "").lower()
    if mark.startswith("a") and hour == 12:
        return 0
    if hour < 12 and ("下午" in text or "晚上" in text or mark.startswith("p")):
        return hour + 12
    return hour


def _english(m: re.Match[str], zone: tzinfo) -> datetime | None:
    month = MONTHS.index((m["mon"] or m["mon2"] or m["mon3"] or m["mon4"])[:3].lower()) + 1
    day = int(m["d"] or m["d2"] or m["d3"] or m["d4"])
    year = int(m["y"] or m["y2"] or m["y3"] or m["y4"])
    named = (m["Z"] or "").lower()
    if named in _EN_ZONES:
        from datetime import timezone

        zone = timezone(timedelta(hours=_EN_ZONES[named]))
    hour = _afternoon("", _int(m["H"]), m["P"])
    return _build(year, month, day, hour, _int(m["M"]), _int(m["S"]), zone)


_MAY_DATE = re.compile(r"[\d〇○零]")


# What each group of forms cannot match without (a test runs the forms on lines without it).
_RELATIVE_MARKS = re.compile(r"[前今昨刚剛]")  # 3小时前, 刚刚, 今天/昨天/前天 08:00


def _may_have_year(text: str) -> bool:
    """Every form with a year spells it ``(?:19|20)\\d{2}``: without "19" or "20" none fits."""
    return "19" in text or "20" in text


def _may_have_month_day(text: str) -> bool:
    """``12-29 08:00`` needs a dash, a slash or 月 and a time's colon (or 时, 点); 12月29日, 月."""
    if "月" in text:
        return True
    return ("-" in text or "/" in text) and any(c in text for c in ":：时時点點")


def _may_be_relative(text: str) -> bool:
    return _RELATIVE_MARKS.search(text) is not None


def may_hold_date(text: str) -> bool:
    """Whether ``text`` has a character every date but 刚刚 has: a digit, or the zero of a
    year in Chinese numerals; a quick test that spares most lines the date patterns."""
    return _MAY_DATE.search(text) is not None


def _hanzi_number(text: str) -> int:
    """二〇〇五 (or 二零零五, or 二○○五 with the white circle many pages type for 〇) as
    2005 digit by digit; 十二, 二十三, 三十一 as numbers."""
    text = text.replace("零", "〇").replace("○", "〇")
    if "十" not in text:
        return int("".join(str(_HANZI_DIGITS.index(ch)) for ch in text))
    tens, _, ones = text.partition("十")
    return (_HANZI_DIGITS.index(tens) if tens else 1) * 10 + (
        _HANZI_DIGITS.index(ones) if ones else 0
    )


def _hanzi_dates(text: str, zone: tzinfo) -> list[FoundDate]:
    """Dates written in Chinese numerals (二〇二三年五月十日), as official texts sign them."""
    out = []
    for m in _HANZI_DATE.finditer(text):
        y, mo, d = (_hanzi_number(m[k]) for k in ("y", "m", "d"))
        dt = _build(y, mo, d, 0, 0, 0, zone)
        if dt is not None:
            out.append(FoundDate(dt.isoformat(), m.start(), m.end(), 3))
    return out


def find_dates(
    text: str, tz: str = DEFAULT_TZ, now: datetime | None = None, *, relative: bool = True
) -> list[FoundDate]:
    """All dates in ``text``, in order of position, without overlaps."""
    if not text:
        return []
    if _FULL_WIDTH.search(text) is not None:
        text = text.translate(_TO_ASCII)
    # This century's years in Chinese numerals have a 〇 or 零 (二〇二三): one C-speed test each.
    hanzi = _hanzi_dates(text, _zone(tz)) if "〇" in text or "零" in text or "○" in text else []
    # Every other form but 刚刚 has a digit; most lines of a page have none.
    if _DIGIT.search(text) is None and not (relative and _JUST_NOW.search(text)):
        return hanzi
    zone = _zone(tz)
    found: list[FoundDate] = list(hanzi)
    taken: list[tuple[int, int]] = [(f.start, f.end) for f in hanzi]

    def add(dt: datetime | None, start: int, end: int, precision: int, year: bool = True) -> None:
        if dt is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(FoundDate(dt.isoformat(), start, end, precision, year))

    if _may_have_year(text):  # the forms that name a year of 19xx or 20xx
        for m in _FULL.finditer(text):
            zone_here = _offset(m["Z"] or "") or zone
            hour = _afternoon(m.group(0), _int(m["H"]), m["P"])
            dt = _build(
                int(m["y"]), int(m["m"]), int(m["d"]), hour, _int(m["M"]), _int(m["S"]), zone_here
            )
            add(dt, m.start(), m.end(), 6 if m["S"] else 5 if m["H"] else 3)
        for m in _US.finditer(text):
            hour = _afternoon("", _int(m["H"]), m["P"])
            mon, dom = int(m["m"]), int(m["d"])
            if mon > 12 >= dom:  # 13/05/2005: only day first is a date
                mon, dom = dom, mon
            dt = _build(int(m["y"]), mon, dom, hour, _int(m["M"]), _int(m["S"]), zone)
            add(dt, m.start(), m.end(), 6 if m["S"] else 5 if m["H"] else 3)
        for m in _EN.finditer(text):
            add(_english(m, zone), m.start(), m.end(), 6 if m["S"] else 5 if m["H"] else 3)
        for m in _DMY.finditer(text):
            add(_build(int(m["y"]), int(m["m"]), int(m["d"]), 0, 0, 0, zone), m.start(), m.end(), 3)
        for m in _DMY_DASH.finditer(text):
            first, second = int(m["d"]), int(m["m"])
            if second > 12 >= first:
                first, second = second, first
            add(_build(int(m["y"]), second, first, 0, 0, 0, zone), m.start(), m.end(), 3)
        for m in _COMPACT.finditer(text):
            dt = _build(int(m["y"]), int(m["m"]), int(m["d"]), _int(m["H"]), _int(m["M"]), 0, zone)
            add(dt, m.start(), m.end(), 5 if m["H"] else 3)
        for m in _YEAR_MONTH.finditer(text):
            add(_build(int(m["y"]), int(m["m"]), 1, 0, 0, 0, zone), m.start(), m.end(), 2)
    current = (now or datetime.now(zone)).astimezone(zone)
    for pattern in (_MONTH_DAY, _MONTH_DAY_CN) if _may_have_month_day(text) else ():
        for m in pattern.finditer(text):
            groups = m.groupdict()
            hh = _afternoon(m.group(0), _int(groups.get("H")), groups.get("P"))
            dt = _build(current.year, int(m["m"]), int(m["d"]), hh, _int(groups.get("M")), 0, zone)
            if dt is not None and dt > current + timedelta(days=2):
                dt = _build(current.year - 1, dt.month, dt.day, dt.hour, dt.minute, 0, zone)
            add(dt, m.start(), m.end(), 5 if groups.get("H") else 3, False)
    if relative and _may_be_relative(text):
        for m in _RELATIVE.finditer(text):
            seconds = 0 if m["now"] else int(m["n"]) * _UNIT_SECONDS[m["u"]]
            if seconds > 400 * 86400:
                continue
            dt = (current - timedelta(seconds=seconds)).replace(microsecond=0)
            add(dt, m.start(), m.end(), 5)
        for m in _DAY_WORD.finditer(text):
            day = current - timedelta(days=_DAY_OFFSET[m["w"]])
            if m["H"] is None:
                continue
            dt = _build(day.year, day.month, day.day, int(m["H"]), int(m["M"]), 0, zone)
            add(dt, m.start(), m.end(), 5)
    found.sort(key=lambda f: f.start)
    return found


def _rfc822(text: str, zone: tzinfo) -> str | None:
    if not re.search(r"[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}", text):
        return None
    try:
        dt = email.utils.parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=zone)
    return dt.isoformat()


def parse_datetime(text: str, tz: str = DEFAULT_TZ, now: datetime | None = None) -> str | None:
    """The first date in ``text`` as ISO 8601 with an offset, or None.

    Times without a zone are read in ``tz``; ``now`` anchors relative forms (``3小时前``,
    ``昨天 08:00``) and year-less ones (``12-29 12:34``) and defaults to the current time.
    """
    if not text:
        return None
    text = text[:2000]
    rfc = _rfc822(text, _zone(tz))
    if rfc is not None:
        return rfc
    found = find_dates(text, tz, now)
    return found[0].iso if found else None
