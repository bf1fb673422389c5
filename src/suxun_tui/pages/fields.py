"""Choose an article's publish time and author among the places a page shows them.

A page prints many dates - the article's, the site's clock, related articles', a sidebar's
"建立于" - and the article's date may sit above the title, in the info bar, in ``<meta>``,
after the text (发表于 ...) or only in the URL. Each place gets a weight for how often it is
the publish time on real pages; labelled dates (发布时间, 发表于) and dates with a time of
day get a bonus. If the winner names only a day and another candidate gives the same day
with a time, the time is taken too.

The date a reader is given is the one the page gives its readers. A shown date the markup
confirms beats the markup alone; a page that shows its markup's publish day nowhere (the
first publication of a page revised since) is dated by the day it does show, when the
markup names that day too, or by a date written for people under its title when the
markup names none of the days it shows; a date that reads either way (09.10.2024) is read
as the URL or the markup gives its day; "originally published on …" names the first
publication. A UTC
time in markup is most often a server's conversion, so it confirms a shown date on either
side of midnight, and the result keeps the page's own clock (:func:`page_time`): the offset
the page wrote, never a conversion that moves the day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from suxun_tui.pages.authors import choose_author
from suxun_tui.pages.date_confirm import (
    AFTER,
    BEFORE_TITLE,
    EARLY_LINE,
    INFO_LINE,
    META,
    MODIFIED,
    NEAR_TITLE,
    ORIGINAL,
    REGION_HEAD,
    SHOWN,
    SHOWN_UPDATE,
    URL,
    DateCandidate,
    corroborated,
    page_time,
)
from suxun_tui.pages.date_fallback import last_resort_dates, stray_time
from suxun_tui.pages.dates import MONTHS, FoundDate, find_dates, may_hold_date, parse_datetime
from suxun_tui.pages.html_blocks import RawBlock
from suxun_tui.pages.meta import PageMeta
from suxun_tui.pages.metadata import parse_info
from suxun_tui.pages.vocabulary import ORIGINAL_LABEL, UPDATED_LABEL

__all__ = [
    "DateCandidate",
    "choose_date",
    "collect_dates",
    "choose_author",
    "page_time",
    "markup_date",
]

_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-/_]?([01]\d)[-/_]?([0-3]\d)(?!\d)"
    r"|/((?:19|20)\d{2})[-/_]?([01]\d)/([0-3]\d)/"
)
# A date written for machines (ISO 8601 with its time): text a template hides or prints
# raw, not the date the page shows its readers.
_MACHINE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_DATE_LABEL = re.compile(r"[时時]\s*[间間]|日\s*期|[发發][表布佈]|更新")


# How far before a date its label may begin ("We updated this guide on …").
_LABEL_REACH = 48

# 09.10.2024, 3/4/2025: day and month could be read either way.
_EITHER_WAY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](?:19|20)\d\d\b")


def _candidate(found: FoundDate, text: str, weight: int) -> DateCandidate:
    """A candidate for a date shown in ``text``: whether people read it (not ISO 8601 with
    its time) and whether its day and month could be swapped."""
    shown = text[found.start : found.end]
    either = _EITHER_WAY.match(shown.strip())
    swappable = either is not None and max(map(int, either.groups())) <= 12
    human = _MACHINE.search(shown) is None
    return DateCandidate(found.iso, found.precision, weight, human, swappable)


def _with_year(found: FoundDate, years: dict[str, str] | None) -> FoundDate | None:
    """A date shown without its year (``发布时间：10-08 12:00``, "Mar 4") in the year the
    markup or the URL gives the same month and day, else None: the year a page leaves out
    is the one its machine-readable dates name, and no other can be told."""
    if found.has_year:
        return found
    year = (years or {}).get(found.iso[5:10])
    return replace(found, iso=year + found.iso[4:], has_year=True) if year else None


def _years(known: list[DateCandidate]) -> dict[str, str]:
    """The year of each month and day (``10-08``) the markup or the URL gives."""
    return {c.iso[5:10]: c.iso[:4] for c in reversed(known)}


def _from_lines(
    blocks: list[RawBlock],
    weight: int,
    tz: str,
    now: datetime | None,
    *,
    timed: bool = False,
    years: dict[str, str] | None = None,
) -> list[DateCandidate]:
    out: list[DateCandidate] = []
    for b in blocks:
        if b.kind == "image" or not may_hold_date(b.text):
            continue
        text = b.text if len(b.text) <= 320 else b.text[:160] + " … " + b.text[-160:]
        info, _whole = parse_info(text, tz, now)
        bonus = 15 if info.labelled_date else 0
        for shown_date in find_dates(text, tz, now):
            shown = text[shown_date.start : shown_date.end].strip()
            if any(shown in label and label.strip() != shown for _url, label in b.links):
                continue  # a dated link is another article's date; a bare date is a permalink
            found = _with_year(shown_date, years)
            if found is None or found.precision < 3:
                continue
            before = text[max(0, found.start - _LABEL_REACH) : found.start]
            first = ORIGINAL_LABEL.search(before) is not None
            if timed and found.precision < 5 and not bonus and not first:
                continue
            if UPDATED_LABEL.search(before):
                out.append(_candidate(found, text, SHOWN_UPDATE))
                continue  # "Updated May 2 · Published April 1": the next date may be it
            out.append(_candidate(found, text, ORIGINAL if first else weight + bonus))
            break
    return out


def _first_parsed(
    values: list[str], weight: int, tz: str, now: datetime | None
) -> list[DateCandidate]:
    for value in values:
        iso = parse_datetime(value, tz, now)
        if iso:
            timed = "T" in value or re.search(r"\d:\d\d", value) is not None
            return [DateCandidate(iso, 5 if timed else 3, weight)]
    return []


def _all_parsed(
    values: list[str], weight: int, tz: str, now: datetime | None
) -> list[DateCandidate]:
    """Every markup time of one kind (the first few), for confirming what the page shows."""
    out: list[DateCandidate] = []
    for value in values[:8]:
        out.extend(_first_parsed([value], weight, tz, now))
    return out


def _before_last_change(
    published: list[DateCandidate], modified: list[DateCandidate]
) -> list[DateCandidate]:
    """The publish times that are not later than the page's last change (by more than a
    day, for zones written wrong): a page cannot be first published after it was last
    changed, so such a time is the moment the page was built or served. Where no time is
    left, the markup is not contradicted but wrong somewhere else, and all are kept."""
    if not modified or len(published) < 2:
        return published
    try:
        last = max(datetime.fromisoformat(m.iso) for m in modified) + timedelta(days=1)
        kept = [p for p in published if datetime.fromisoformat(p.iso) <= last]
    except (ValueError, TypeError):  # a time without a zone against one with it
        return published
    return kept or published


def _markup(
    meta: PageMeta, tz: str, now: datetime | None
) -> tuple[list[DateCandidate], list[DateCandidate]]:
    """The markup's publish time and last change, best first, and every time it gives
    (publish times first) for confirming what the page shows."""
    modified = _all_parsed(meta.modified, MODIFIED, tz, now)
    published = _before_last_change(_all_parsed(meta.published, META, tz, now), modified)
    return [*published[:1], *modified[:1]], [*published, *modified]


def _shown_dates(
    meta: PageMeta, tz: str, now: datetime | None, years: dict[str, str] | None = None
) -> list[DateCandidate]:
    """The first date an element marked as a date (class ``date``, ``<time>``) shows; one
    shown as the last change ("Updated …") only counts where nothing else dates the page."""
    out: list[DateCandidate] = []
    updated: list[str] = []  # texts shown as the last change
    for text in meta.shown_dates:
        if any(text in earlier for earlier in updated):
            continue  # the date inside "Updated <span>May 2, 2025</span>": still the update
        for shown_date in find_dates(text, tz, now, relative=False):
            found = _with_year(shown_date, years)
            if found is None or found.precision < 3:
                continue
            before = text[max(0, found.start - _LABEL_REACH) : found.start]
            if UPDATED_LABEL.search(before):
                out.append(_candidate(found, text, SHOWN_UPDATE))
                updated.append(text)
                continue
            weight = ORIGINAL if ORIGINAL_LABEL.search(before) else SHOWN
            return [_candidate(found, text, weight), *out[:1]]
    return out[:1]


# /2023/october/03/ - a month's name between year and day.
_URL_MONTH_NAME = re.compile(
    rf"/((?:19|20)\d{{2}})/({'|'.join(MONTHS)})[a-z]*/([0-3]?\d)(?:/|$)", re.I
)


def _url_dates(url: str, tz: str) -> list[DateCandidate]:
    path = urlsplit(url).path
    m = _URL_DATE.search(path)
    if m:
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
    else:
        named = _URL_MONTH_NAME.search(path)
        if not named:
            return []
        y, d = named.group(1), named.group(3)
        mo = str(MONTHS.index(named.group(2).lower()) + 1)
    iso = parse_datetime(f"{y}-{mo}-{d}", tz)
    return [DateCandidate(iso, 3, URL)] if iso else []


def _read_as(found: list[DateCandidate], reference: list[DateCandidate]) -> list[DateCandidate]:
    """Dates that read either way (03/10/2023, 09.10.2024), read as the URL (/2023/10/03/)
    or the markup gives their day: a site writes its days in one order, and a date read
    in the other is a different day the page never meant."""
    days = {r.iso[:10] for r in reference}
    out = []
    for c in found:
        y, m, d = c.iso[:10].split("-")
        swapped = f"{y}-{d}-{m}"
        if c.swappable and c.iso[:10] not in days and swapped in days:
            c = replace(c, iso=swapped + c.iso[10:])
        out.append(c)
    return out


def _written_for_people(iso: str, region: list[RawBlock], tz: str) -> bool:
    """Whether the region's first line that gives ``iso`` writes it as people do."""
    for b in region[:15]:
        if not may_hold_date(b.text[:320]):
            continue
        for found in find_dates(b.text[:320], tz, relative=False):
            if found.iso[:16] == iso[:16]:
                return _MACHINE.search(b.text[found.start : found.end]) is None
    return False


# A dateline a template puts under the standfirst ("by Jane Doe ● December 23, 2025") is
# among the first few blocks after the text begins, and short.
_EARLY_BLOCKS, _EARLY_CHARS = 8, 100


def _early_lines(region: list[RawBlock], first_prose: int) -> list[RawBlock]:
    """The short lines among the first blocks of the text: where a dateline below the
    standfirst stands, which the lines above the text (``region_head``) do not reach."""
    stop = first_prose + _EARLY_BLOCKS
    return [b for b in region[first_prose:stop] if len(b.text) <= _EARLY_CHARS]


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
    info_weight = INFO_LINE + (15 if labelled else 0)
    info = [DateCandidate(iso, 5, info_weight, _written_for_people(iso, region, tz))] if iso else []
    markup, known = _markup(meta, tz, now)
    in_url = _url_dates(url, tz)
    years = _years(known + in_url)
    labelled_lines = [b for b in region if _DATE_LABEL.search(b.text[:200])]
    first_labelled = next(
        (
            c
            for c in _from_lines(labelled_lines, INFO_LINE, tz, now, years=years)
            if c.weight > INFO_LINE
        ),
        None,
    )
    if first_labelled is not None:
        info.append(first_labelled)
    early = _early_lines(region, len(region_head))
    found = [
        *_from_lines(near_title[:30], NEAR_TITLE, tz, now, years=years),
        *markup[:1],
        *_from_lines(region_head[:15], REGION_HEAD, tz, now, years=years),
        *_from_lines(early, EARLY_LINE, tz, now, years=years),
        *_shown_dates(meta, tz, now, years),
        *info,
        *_from_lines(after, AFTER, tz, now, timed=True, years=years),
        *_from_lines(before_title[-12:], BEFORE_TITLE, tz, now, years=years),
        *markup[1:],
        *in_url,
    ]
    found = _read_as(found, in_url + markup)
    shown_days = {
        d.iso[:10] for text in meta.shown_dates for d in find_dates(text, tz, now, relative=False)
    }
    return (
        corroborated(found, markup, known, shown_days)
        or last_resort_dates(after, tz, now)
        or stray_time(meta.stray_times, tz, now)
    )


def markup_date(meta: PageMeta, url: str, tz: str, now: datetime | None) -> str | None:
    """The publish time markup and URL give, for a page whose text could not be read."""
    return choose_date([*_markup(meta, tz, now)[0], *_url_dates(url, tz)])


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
