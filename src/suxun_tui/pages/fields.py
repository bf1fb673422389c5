"""Choose an article's publish time and author among the places a page shows them.

A page prints many dates - the article's, the site's clock, related articles', a sidebar's
"建立于" - and the article's date may sit above the title, in the info bar, in ``<meta>``,
after the text (发表于 ...) or only in the URL. Each place gets a weight for how often it is
the publish time on real pages; labelled dates (发布时间, 发表于) and dates with a time of
day get a bonus. If the winner names only a day and another candidate gives the same day
with a time, the time is taken too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from suxun_tui.pages.dates import find_dates, parse_datetime
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.meta import PageMeta
from suxun_tui.pages.metadata import byline_author, parse_info, posted_by, trailing_author
from suxun_tui.text.sanitize import clean_line

__all__ = ["DateCandidate", "choose_date", "collect_dates", "choose_author"]

NEAR_TITLE = 100
META = 95
REGION_HEAD = 90
INFO_LINE = 80
AFTER = 45
BEFORE_TITLE = 50
URL = 10
LAST_RESORT = 5

_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-/_]?([01]\d)[-/_]?([0-3]\d)(?!\d)"
    r"|/((?:19|20)\d{2})[-/_]?([01]\d)/([0-3]\d)/"
)
_DATE_LABEL = re.compile(r"[时時]\s*[间間]|日\s*期|[发發][表布佈]|更新")
_DATE_HINT = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d")
_SITE_LIKE = re.compile(r"网|網|报|報|站|新闻|新聞|日报|电视|\.com|\.cn|www", re.I)


@dataclass(frozen=True)
class DateCandidate:
    iso: str
    precision: int
    weight: int

    @property
    def score(self) -> int:
        return self.weight + (10 if self.precision >= 5 else 0)


def _from_lines(
    blocks: list[RawBlock], weight: int, tz: str, now: datetime | None, *, timed: bool = False
) -> list[DateCandidate]:
    out: list[DateCandidate] = []
    for b in blocks:
        if b.kind == "image" or not any(ch.isdigit() for ch in b.text):
            continue
        text = b.text if len(b.text) <= 320 else b.text[:160] + " … " + b.text[-160:]
        info, _whole = parse_info(text, tz, now)
        bonus = 15 if info.labelled_date else 0
        for found in find_dates(text, tz, now):
            shown = text[found.start : found.end].strip()
            if any(shown in label for _url, label in b.links):
                continue  # a dated link is another article's date
            if not found.has_year or found.precision < 3:
                continue
            if timed and found.precision < 5 and not bonus:
                continue
            out.append(DateCandidate(found.iso, found.precision, weight + bonus))
            break
    return out


def _meta_dates(meta: PageMeta, tz: str, now: datetime | None) -> list[DateCandidate]:
    for value in meta.published:
        iso = parse_datetime(value, tz, now)
        if iso:
            timed = "T" in value or re.search(r"\d:\d\d", value) is not None
            return [DateCandidate(iso, 5 if timed else 3, META)]
    return []


def _url_dates(url: str, tz: str) -> list[DateCandidate]:
    m = _URL_DATE.search(urlsplit(url).path)
    if not m:
        return []
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
    iso = parse_datetime(f"{y}-{mo}-{d}", tz)
    return [DateCandidate(iso, 3, URL)] if iso else []


def collect_dates(
    *,
    info_date: tuple[str | None, bool],
    region: list[RawBlock],
    near_title: list[RawBlock],
    region_head: list[RawBlock],
    after: list[RawBlock],
    before_title: list[RawBlock],
    meta: PageMeta,
    url: str,
    tz: str,
    now: datetime | None,
) -> list[DateCandidate]:
    """Date candidates from every place, best places first.

    ``info_date`` is the date of the first info line inside the article region and
    whether a label (发布时间) introduced it.
    """
    iso, labelled = info_date
    info = [DateCandidate(iso, 5, INFO_LINE + (15 if labelled else 0))] if iso else []
    labelled_lines = [b for b in region if _DATE_LABEL.search(b.text[:200])]
    first_labelled = next(
        (c for c in _from_lines(labelled_lines, INFO_LINE, tz, now) if c.weight > INFO_LINE),
        None,
    )
    if first_labelled is not None:
        info.append(first_labelled)
    found = [
        *_from_lines(near_title[:30], NEAR_TITLE, tz, now),
        *_meta_dates(meta, tz, now),
        *_from_lines(region_head[:15], REGION_HEAD, tz, now),
        *info,
        *_from_lines(after, AFTER, tz, now, timed=True),
        *_from_lines(before_title[-12:], BEFORE_TITLE, tz, now),
        *_url_dates(url, tz),
    ]
    return found or last_resort_dates(after, tz, now)


def last_resort_dates(blocks: list[RawBlock], tz: str, now: datetime | None) -> list[DateCandidate]:
    """Any date at all near the end of the text (``——《北京之春》1998年3月号``)."""
    for b in reversed(blocks):
        if b.kind == "image" or not any(ch.isdigit() for ch in b.text):
            continue
        found = [d for d in find_dates(b.text[-120:], tz, now, relative=False) if d.has_year]
        if found:
            return [DateCandidate(found[-1].iso, found[-1].precision, LAST_RESORT)]
    return []


def choose_date(candidates: list[DateCandidate]) -> str | None:
    """The best candidate, completed with a time of day from another one of the same day."""
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)  # max keeps the first of equal scores
    if best.precision < 5:
        for other in candidates:
            if other.precision >= 5 and other.iso[:10] == best.iso[:10]:
                return other.iso
    return best.iso


# Chinese sites fill <meta name="author"> with the site, the channel or "佚名"; only
# something shaped like a person's name is taken from there.
_PERSON = re.compile(
    r"^(?:[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}(?:·[\u4e00-\u9fff]{1,6})?"
    r"|[A-Za-z][\w.'-]*(?: [A-Za-z][\w.'-]*){0,3})$"
)
_NOT_PERSON = re.compile(
    r"未知|佚名|匿名|本站|网络|網絡|admin|编辑部|編輯部|记者|記者|新闻|新聞|科技|财经|消息", re.I
)


def _meta_author(meta: PageMeta) -> str | None:
    for name in meta.authors:
        name = clean_line(name)
        if _PERSON.match(name) and not _SITE_LIKE.search(name) and not _NOT_PERSON.search(name):
            return name
    return None


def choose_author(
    labelled: str | None,
    body: list[RawBlock],
    head: list[RawBlock],
    meta: PageMeta,
    region: list[RawBlock] | None = None,
) -> str | None:
    """The author: a labelled field, a byline in the first or last paragraph, a forum's
    "posted by" formula, or ``<meta>``."""
    if labelled:
        return labelled
    texts = [b.text for b in body if b.kind != "image"]
    for text in [b.text for b in head if b.kind != "image"] + texts[:3]:
        found = byline_author(text)
        if found:
            return found
    if texts:
        found = trailing_author(texts[-1])
        if found:
            return found
    for text in texts[-3:]:
        found = byline_author(text) if len(text) <= 40 else None
        if found:
            return found
    dated = [
        b.text for b in (head + (region or [])) if len(b.text) <= 160 and _DATE_HINT.search(b.text)
    ]
    for text in dated[:3] + texts[-3:]:
        found = posted_by(text)
        if found:
            return found
    return _meta_author(meta)
