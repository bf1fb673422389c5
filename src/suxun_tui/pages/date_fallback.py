"""The dates a page gives when it gives no better one: the last date near the end of its
text (``——《北京之春》1998年3月号``), a month its last line names ("Last updated: June
2022", as health and government pages date their texts), and the first time in markup of
a place read as furniture.

They are weighed last (:data:`~.date_confirm.LAST_RESORT`) and only asked when no other
place dates the page.
"""

from __future__ import annotations

import re
from datetime import datetime

from suxun_tui.pages.date_confirm import LAST_RESORT, DateCandidate
from suxun_tui.pages.dates import MONTHS, find_dates, may_hold_date, parse_datetime
from suxun_tui.pages.html_blocks import RawBlock

__all__ = ["last_resort_dates", "stray_time"]

# "Last updated: June 2022", "Page reviewed: Sept. 2023", "Published March 2024": a month
# and year after a label; a month in prose ("in May 2022 the board …") has none.
_LABELLED_MONTH = re.compile(
    r"\b(?:updated|reviewed|revised|published|posted|modified)\s*(?:on|in)?\s*:?\s*"
    r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+"
    r"(?P<y>(?:19|20)\d{2})(?![\d/-])",
    re.I,
)


def _labelled_month(text: str, tz: str) -> DateCandidate | None:
    m = _LABELLED_MONTH.search(text)
    if m is None:
        return None
    month = MONTHS.index(m["mon"].lower()) + 1
    iso = parse_datetime(f"{m['y']}-{month:02d}-01", tz)
    return DateCandidate(iso, 2, LAST_RESORT) if iso else None


def last_resort_dates(blocks: list[RawBlock], tz: str, now: datetime | None) -> list[DateCandidate]:
    """Any date at all near the end of the text, or a labelled month (its first day)."""
    for b in reversed(blocks):
        if b.kind == "image" or not may_hold_date(b.text):
            continue
        tail = b.text[-120:]
        found = [d for d in find_dates(tail, tz, now, relative=False) if d.has_year]
        if found:
            return [DateCandidate(found[-1].iso, found[-1].precision, LAST_RESORT)]
        month = _labelled_month(tail, tz)
        if month is not None:
            return [month]
    return []


def stray_time(values: list[str], tz: str, now: datetime | None) -> list[DateCandidate]:
    """The first markup time of a place read as furniture (:attr:`.PageMeta.stray_times`)."""
    for value in values:
        iso = parse_datetime(value, tz, now)
        if iso:
            return [DateCandidate(iso, 5 if "T" in value or ":" in value else 3, LAST_RESORT)]
    return []
